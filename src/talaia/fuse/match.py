"""Do two event mentions, read from different documents, report one incident? An explainable score.

A mention is one document's event. Two mentions can be one incident only when nothing rules
it out (a veto): they come from different documents, are in the same country and first-level
unit when both are known, fall within the dates their precisions allow, and are of compatible
types. Then evidence adds up: the same sub-type, the same place, the same death toll, the same
actors; a different municipality or a very different toll counts against. Every weight and
threshold is in :class:`FusionSettings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from talaia.text import fold


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """The weights and thresholds of fusion, in one place (documented in docs/FUSION.md)."""

    # days two event dates may lie apart, by the looser of the two time precisions (1 day, 2 week, 3 month)
    date_tolerance: tuple[int, int, int] = (2, 4, 31)
    # the sub-type read from a headline varies between outlets, and "Attack" is most reports': agreeing
    # on it says little
    same_sub_type: float = 0.5
    same_event_type: float = 0.5  # same type, other sub-type (an ambush read as an attack or a clash)
    both_political_violence: float = 0.3  # Battles, Explosions/Remote violence, Violence against civilians
    same_location: float = 1.0
    same_admin2: float = 0.3  # a big city's municipality sees several killings a day
    other_admin2: float = -3.0  # both name a municipality, and they differ
    same_fatalities: float = 0.8
    same_single_death: float = 0.2
    close_fatalities: float = 0.5  # within one, or within a fifth of the larger
    other_fatalities: float = -0.3  # both report deaths, far apart (early and late tolls differ: mildly)
    same_actors: float = 0.0  # generic actors ('Civilians (Mexico)') are shared by most reports of a country
    other_type: float = -0.5  # an arrest or a protest told beside a killing may still be the same incident
    other_country: float = -1.0  # a country read from a headline with no state named is often the outlet's
    date_weight: float = 1.0  # times (1 - gap / tolerance): the same day adds the most
    shared_words: float = 4.5  # times the overlap of the two sentences' rare words (IDF-weighted)
    # the mean score with a fused event's mentions needed to join it: a close date and a type alone
    # (at most 1.5) do not reach it; a shared place, toll or rare words must add to them
    threshold: float = 1.9
    political_violence: frozenset[str] = field(default_factory=lambda: frozenset(
        {"Battles", "Explosions/Remote violence", "Violence against civilians"}))


@dataclass(frozen=True, slots=True)
class Mention:
    """What fusion reads of one stored event."""

    event_id: str
    document_key: str
    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    country_code: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    geo_precision: int
    fatalities: int | None
    actor1: str | None
    actor2: str | None
    words: frozenset[str] = frozenset()  # the content words of the event's sentence (folded)


@dataclass(frozen=True, slots=True)
class Match:
    score: float | None  # None: ruled out
    reasons: tuple[str, ...]

    @property
    def possible(self) -> bool:
        return self.score is not None


def _fold(text: str | None) -> str:
    return fold(text).strip() if text else ""


def _ruled_out(reason: str) -> Match:
    return Match(None, (reason,))


def match(a: Mention, b: Mention, settings: FusionSettings, idf: dict[str, float] | None = None) -> Match:
    """The evidence that ``a`` and ``b`` report one incident, with the reasons (for explanations)."""
    if a.document_key == b.document_key:
        return _ruled_out("one document's events are different incidents")
    other_country = bool(a.country_code and b.country_code and a.country_code != b.country_code)
    if other_country and a.admin1 and b.admin1:
        return _ruled_out("different countries")
    if a.admin1 and b.admin1 and _fold(a.admin1) != _fold(b.admin1):
        return _ruled_out("different first-level units")
    if a.event_date is None or b.event_date is None:
        return _ruled_out("an undated event")
    precision = min(max(a.time_precision, b.time_precision, 1), 3)
    tolerance = settings.date_tolerance[precision - 1]
    gap = abs((a.event_date - b.event_date).days)
    if gap > tolerance:
        return _ruled_out(f"{gap} days apart (at most {tolerance})")
    score = settings.date_weight * (1 - gap / (tolerance + 1))
    reasons = [f"{gap} days apart"]
    if a.sub_event_type == b.sub_event_type:
        score += settings.same_sub_type
        reasons.append("same sub-type")
    elif a.event_type == b.event_type:
        score += settings.same_event_type
        reasons.append("same type")
    elif {a.event_type, b.event_type} <= settings.political_violence:
        score += settings.both_political_violence
        reasons.append("both political violence")
    else:
        score += settings.other_type
        reasons.append("other types")
    if other_country:
        score += settings.other_country
        reasons.append("other countries")
    # a town or neighbourhood both name (a state or country named as the place says little: a
    # headline naming only "Mexico" is placed at the country, precision 3)
    if a.location and _fold(a.location) == _fold(b.location) and max(a.geo_precision, b.geo_precision) < 3 \
            and _fold(a.location) not in {_fold(a.admin1), _fold(a.admin2) if a.geo_precision > 1 else ""}:
        score += settings.same_location
        reasons.append("same place")
    elif a.admin2 and b.admin2:
        if _fold(a.admin2) == _fold(b.admin2):
            score += settings.same_admin2
            reasons.append("same municipality")
        else:
            score += settings.other_admin2
            reasons.append("other municipality")
    if a.fatalities and b.fatalities:
        low, high = sorted((a.fatalities, b.fatalities))
        if low == high:  # one death is the commonest toll: it says little
            score += settings.same_fatalities if low > 1 else settings.same_single_death
            reasons.append("same death toll")
        elif high - low <= 1 or high <= low * 1.2:
            score += settings.close_fatalities
            reasons.append("close death tolls")
        else:
            score += settings.other_fatalities
            reasons.append("different death tolls")
    overlap = _overlap(a.words, b.words, idf or {})
    if overlap:
        score += settings.shared_words * overlap
        reasons.append(f"shared words {overlap:.2f}")
    if a.actor1 and a.actor1 == b.actor1 and a.actor2 == b.actor2:
        score += settings.same_actors
        reasons.append("same actors")
    return Match(round(score, 3), tuple(reasons))


def _overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """The IDF-weighted share of the rarer words two sentences have in common (0 to 1)."""
    if not a or not b:
        return 0.0
    def weight(words: frozenset[str]) -> float:
        return sum(idf.get(w, 1.0) for w in words)

    shared = weight(a & b)
    return shared / min(weight(a), weight(b)) if shared else 0.0
