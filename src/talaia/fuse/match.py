"""Do two event mentions, read from different documents, report one incident? An explainable score.

A mention is one document's event. Two mentions can be one incident only when nothing rules
it out (a veto): they come from different documents, are in the same country and first-level
unit when both are known, fall within the dates their precisions allow, and are of compatible
types. Then evidence adds up: the same sub-type, the same place, the same death toll, the same
actors; a different municipality or a very different toll counts against. Every weight and
threshold is in :class:`FusionSettings`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from dataclasses import dataclass, field
from typing import Any

from talaia.fuse.similarity import similarity
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
    both_political_violence: float = 0.3  # both of political_violence's types: an attack read as a clash
    same_location: float = 1.0
    same_admin1: float = 0.3  # both in one state, one naming only the state: a town in it fits
    # both name a first-level unit and they differ: None rules the pair out (and fusion pairs only mentions
    # of one unit: fast); a number counts against it instead (a headline's ambiguous town can land in the
    # wrong state), at the price of pairing every unit of a country with every other (ten times the work)
    other_admin1: float | None = None
    same_admin2: float = 0.3  # a big city's municipality sees several killings a day
    same_outlet_area: float = -1.5  # one outlet's two reports of one municipality, no place below it shared
    other_admin2: float = -3.0  # both name a municipality, and they differ
    same_fatalities: float = 0.8
    same_single_death: float = 0.2
    shared_figure: float = 0.8  # the tolls differ, but a count of two or more is in both reports ('43 killed')
    close_fatalities: float = 0.5  # within one (of two or more), or within close_fatalities_ratio
    close_fatalities_ratio: float = 1.2
    close_fatalities_from: int = 2  # one death and two are not close: a lone death is often a default reading
    other_fatalities: float = -0.3  # both report deaths, far apart (early and late tolls differ: mildly)
    # both report several deaths and one toll is this many times the other: not one incident's early and
    # late counts (a lone death is often a headline's default reading, so it never counts as far)
    far_fatalities_ratio: float = 3.0
    far_fatalities: float = -0.6
    same_actors: float = 0.0  # generic actors ('Civilians (Mexico)') are shared by most reports of a country
    shared_named_actor: float = 0.5  # both name one actor that is not one of ACLED's generic ones ('CJNG')
    other_type: float = -0.5  # an arrest or a protest told beside a killing may still be the same incident
    other_country: float = -1.0  # a country read from a headline with no state named is often the outlet's
    # one of the two refers back to an incident told before ('the toll rose to 23', 'arrested over the
    # massacre'): a later report of it, whatever date the extractor read
    refers_back: float = 0.0
    crowding: float = 0.0  # times log(1 + the other reports of the country around the pair's dates)
    date_weight: float = 1.0  # times (1 - gap / tolerance): the same day adds the most
    # two compatible events of one document (same place at the finest level both name, dates, participants):
    # the extractor split one incident's telling, or told it twice; 0 leaves it to the other evidence
    one_document: float = 0.0
    # a follow-up report (an arrest, an identification, a funeral) can come this many days after the first
    # ones, beyond what the time precisions allow: such a pair starts from late_report, so only strong
    # evidence (a shared town, toll or rare words) joins it; 0 rules every such pair out
    follow_up_days: int = 0
    late_report: float = -1.0
    # times how alike the two sentences are in meaning above similar_from, scaled to 0-1 (fuse.similarity)
    similar_sentences: float = 1.5  # 0: no sentence embedded
    shared_words: float = 4.5  # times the overlap of the two sentences' rare words (IDF-weighted)
    # the overlap is the shared words' weight over the shorter sentence's, but at least this much (about two
    # rare words): a headline of two common words ('They kill') is not contained in every other report
    shared_words_floor: float = 15.0
    # words compare by their first letters ('journalist', 'journalists'; 'ejecutan', 'ejecutados'): a
    # stemmer for any language, at the price of a few false friends
    stem_length: int = 5
    # the mean score with a fused event's mentions needed to join it: a close date and a type alone
    # (at most 1.5) do not reach it; a shared place, toll or rare words must add to them
    threshold: float = 1.9
    # two incidents merge (through their best pair) when the mean score of every pair of their mentions
    # reaches this: a report joins an incident when it fits the incident's reports on the whole
    join_threshold: float = 1.5
    political_violence: frozenset[str] = field(default_factory=lambda: frozenset(
        {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}))


FUSION_MODEL = "fusion"  # the model of codebook/confidence_weights.tsv that holds fusion's fitted weights
JOIN_OFFSET = "join_offset"  # its row that is no weight: the join threshold's distance from the threshold
# a follow-up (an arrest, an identification, a funeral, a higher toll) comes up to this many days after the
# first reports (an eighth of ucdp_fusion's dev pairs are 5-20 days apart); the fit weighs such a pair
FOLLOW_UP_DAYS = 20
CROWD_DAYS = 2  # the days either side of a mention its crowd is counted over
# two sentences' cosine (fuse.similarity) counts from SIMILAR_FROM (about the 90th percentile of two different
# incidents' headlines published within 20 days of each other, ucdp_fusion half A), and from SIMILAR_SPECIFIC
# (where such pairs are two to one of one incident) as something specific shared (docs/FUSION.md)
SIMILAR_FROM = 0.4
SIMILAR_SPECIFIC = 0.55
SPECIFIC_MEANING = (SIMILAR_SPECIFIC - SIMILAR_FROM) / (1 - SIMILAR_FROM)  # SIMILAR_SPECIFIC on the evidence's scale
# the weights of the evidence, which tools/fit_fusion.py fits: FusionSettings' number fields but its thresholds
# and ratios
_NOT_WEIGHTS = frozenset({"threshold", "join_threshold", "close_fatalities_ratio", "far_fatalities_ratio",
                          "shared_words_floor"})
WEIGHTS = tuple(f.name for f in dataclasses.fields(FusionSettings) if f.type == "float" and f.name not in _NOT_WEIGHTS)


# the evidence of one incident rather than of one day: a pair needs one of these to be possibly one incident
SPECIFIC = frozenset({"one_document", "same_location", "same_admin1", "same_admin2", "same_fatalities",
                      "shared_figure", "close_fatalities", "shared_words", "shared_named_actor"})


def weight_names(settings: FusionSettings) -> tuple[str, ...]:
    """The weights fitted (``other_admin1`` too when a number: then it only counts against)."""
    return (*WEIGHTS, "other_admin1") if settings.other_admin1 is not None else WEIGHTS


@functools.cache
def fitted_settings() -> FusionSettings:
    """The settings with the weights tools/fit_fusion.py fitted (model ``fusion`` of the codebook): minus the
    bias is the threshold (a pair scoring it is even odds of one incident), the join threshold lies
    ``join_offset`` from it; the defaults where the codebook holds no fit."""
    from talaia.events.logistic import LogisticModel
    from talaia.knowledge import load_knowledge

    fit = dict(LogisticModel.from_knowledge(load_knowledge(), FUSION_MODEL).weights)
    base = FusionSettings()
    if "bias" not in fit:
        return base
    threshold = -fit.pop("bias")
    offset = fit.pop(JOIN_OFFSET, base.join_threshold - base.threshold)
    weights: dict[str, Any] = {n: w for n, w in fit.items() if n in weight_names(base)}
    return dataclasses.replace(base, **weights, threshold=threshold, join_threshold=threshold + offset,
                               follow_up_days=FOLLOW_UP_DAYS)


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
    named_actors: frozenset[str] = frozenset()  # its actors that are not ACLED's generic ones
    figures: frozenset[int] = frozenset()  # the numbers written in digits in the event's sentence
    outlet: str | None = None  # the outlet of its document (folded), when known
    # how many other mentions of its country lie within CROWD_DAYS of its date (cluster.with_crowding): on a busy
    # day a close date and a shared type say less
    crowd: int = 0
    sentence: str = field(default="", compare=False)  # the text of its first evidence span
    vector: Any = field(default=None, compare=False, hash=False)  # its sentence's unit embedding (fuse.similarity)
    refers_back: bool = False  # its sentence refers back to an incident told before (talaia.fuse.followups)

    @property
    def told_figures(self) -> frozenset[int]:
        """Every count of two or more the report gives: its toll and the sentence's other figures ('43
        gunmen killed, 3 officers' is read as a toll of 3; another report's 43 is still its figure)."""
        return frozenset(n for n in (*self.figures, self.fatalities or 0) if n > 1)


@dataclass(frozen=True, slots=True)
class Match:
    score: float | None  # None: ruled out
    reasons: tuple[str, ...]
    points: tuple[float, ...] = ()  # what each reason added to the score (none when ruled out)

    @property
    def possible(self) -> bool:
        return self.score is not None


Evidence = tuple[str, str, float] | None  # a reason, the weight (a FusionSettings field) and its value, or nothing


@functools.lru_cache(maxsize=1 << 14)
def _fold(text: str | None) -> str:
    return fold(text).strip() if text else ""


def _ruled_out(reason: str) -> Match:
    return Match(None, (reason,))


def match(a: Mention, b: Mention, settings: FusionSettings, idf: dict[str, float] | None = None) -> Match:
    """The evidence that ``a`` and ``b`` report one incident, with the reasons and their points (each
    evidence's value times its weight in ``settings``)."""
    found = evidence_of(a, b, settings, idf)
    if isinstance(found, str):
        return _ruled_out(found)
    points = [getattr(settings, weight) * value for _, weight, value in found]
    return Match(round(sum(points), 3), tuple(r for r, _, _ in found), tuple(round(p, 3) for p in points))


def pair_score(a: Mention, b: Mention, settings: FusionSettings, idf: dict[str, float] | None = None,
               weights: WordWeights | None = None) -> float | None:
    """``match(a, b, settings, idf).score`` without its reasons (fusion scores hundreds of thousands of pairs);
    ``weights``: the mentions' stems and their summed IDF, kept across pairs."""
    found = evidence_of(a, b, settings, idf, explain=False, weights=weights)
    if isinstance(found, str):
        return None
    total: float = sum([getattr(settings, weight) * value for _, weight, value in found])
    return round(total, 3)


class WordWeights:
    """Each mention's stems and their summed IDF weight, computed once per mention for every pair it is in."""

    def __init__(self, idf: dict[str, float], length: int) -> None:
        self.idf, self.length = idf, length
        self._of: dict[frozenset[str], tuple[frozenset[str], float]] = {}

    def of(self, words: frozenset[str]) -> tuple[frozenset[str], float]:
        found = self._of.get(words)
        if found is None:
            chosen = stems(words, self.length)
            found = self._of[words] = (chosen, _weight(chosen, self.idf))
        return found


BOUND_MARGIN = 0.01  # what a bound leaves for the score's rounding (to 3 places) and float sums
# the most two sentences can be alike in meaning on the evidence's scale: a cosine of 1, and a little more for
# vectors kept as int8 (talaia.store.vectors) that are not quite of unit length
_MOST_ALIKE = (1.1 - SIMILAR_FROM) / (1 - SIMILAR_FROM)


class ScoreBound:
    """Ceilings on ``pair_score``, a few times cheaper to compute: fusion scores only the pairs whose ceiling
    reaches the threshold (in a full store a busy fortnight's crowding rules most pairs out before their words
    are compared), and a join still scores any pair it asks for, so the incidents are the same."""

    def __init__(self, settings: FusionSettings, weights: WordWeights) -> None:
        self.settings, self.weights = settings, weights
        s = settings

        def best(*names: str) -> float:
            return max(0.0, *(float(getattr(s, n) or 0.0) for n in names))

        # the most the type, toll, outlet and actor evidence can add to a pair's score
        self.others = best("same_sub_type", "same_event_type", "both_political_violence", "other_type") + best(
            "shared_figure", "same_fatalities", "same_single_death", "close_fatalities", "other_fatalities",
            "far_fatalities") + best("same_outlet_area") + best("same_actors")
        self.named, self.one_document = best("shared_named_actor"), best("one_document")
        self.any_place = best("same_location", "same_admin2", "same_admin1", "other_admin2", "other_admin1")
        self.any_refers, self.any_country = best("refers_back"), best("other_country")
        self.meaning = best("similar_sentences")

    def _words(self, lighter: float) -> float:
        s = self.settings
        return s.shared_words * min(lighter / max(lighter, s.shared_words_floor), 1.0) if s.shared_words > 0 else 0.0

    def _crowding(self, crowd: int) -> float:
        return self.settings.crowding * math.log1p(crowd) if crowd else 0.0

    def pair(self, a: Mention, b: Mention) -> float:
        """The ceiling of ``pair_score(a, b)`` (``-inf``: ruled out): the date, crowding, country, place and
        follow-up and meaning evidence exactly, every other at its best, the shared words
        at most what the lighter sentence weighs (IDF weights are never negative) over the floor."""
        s = self.settings
        if a.event_date is None or b.event_date is None:
            return -math.inf
        tolerance = s.date_tolerance[min(max(a.time_precision, b.time_precision, 1), 3) - 1]
        gap = abs((a.event_date - b.event_date).days)
        if gap > max(tolerance, s.follow_up_days):
            return -math.inf
        other_admin1 = bool(a.admin1 and b.admin1 and _fold(a.admin1) != _fold(b.admin1))
        if other_admin1 and s.other_admin1 is None:
            return -math.inf
        bound = s.late_report if gap > tolerance else s.date_weight * (1 - gap / (tolerance + 1))
        bound += self._crowding(min(a.crowd, b.crowd)) + self.others
        if a.country_code and b.country_code and a.country_code != b.country_code:
            bound += s.other_country
        if (place := _place_evidence(a, b, s, other_admin1)) is not None:
            bound += getattr(s, place[1])
        if a.refers_back or b.refers_back:
            bound += s.refers_back
        if a.named_actors and b.named_actors:
            bound += self.named
        if a.document_key == b.document_key:
            return bound + self.one_document
        if a.words and b.words:
            bound += self._words(min(self.weights.of(a.words)[1], self.weights.of(b.words)[1]))
        if (meaning := _meaning_evidence(a, b)) is not None:
            bound += self.settings.similar_sentences * meaning[2]
        return bound

    def late(self, a: Mention, least_crowd: int) -> float:
        """The ceiling of ``pair_score(a, b)`` for every ``b`` dated beyond the pair's tolerance (a later
        report) whose crowd is at least ``least_crowd``: so such pairs are passed over without one being read."""
        s = self.settings
        crowd = min(a.crowd, least_crowd) if s.crowding <= 0 else a.crowd  # the crowding the others allow at most
        bound = s.late_report + self._crowding(crowd) + self.others + self.any_place + self.any_country
        bound += s.refers_back if a.refers_back else self.any_refers
        bound += self.named if a.named_actors else 0.0
        words = self._words(self.weights.of(a.words)[1]) if a.words else 0.0  # the lighter weighs at most a's
        meaning = self.meaning * _MOST_ALIKE if a.vector is not None else 0.0
        return bound + max(words + meaning, self.one_document)


def evidence_of(a: Mention, b: Mention, settings: FusionSettings, idf: dict[str, float] | None = None,
                *, explain: bool = True, weights: WordWeights | None = None) -> list[tuple[str, str, float]] | str:
    """[(reason, weight name, value)] of the pair, or the reason it is ruled out. Two events of one document
    are one incident only when they are compatible (:func:`_one_document_conflict`) and score as any pair.
    ``explain=False``: the reasons are left unwritten (only the weights and values are read)."""
    one_document = a.document_key == b.document_key
    if one_document and (conflict := _one_document_conflict(a, b, settings)):
        return conflict
    other_country = bool(a.country_code and b.country_code and a.country_code != b.country_code)
    if other_country and a.admin1 and b.admin1:
        return "different countries"
    other_admin1 = bool(a.admin1 and b.admin1 and _fold(a.admin1) != _fold(b.admin1))
    if other_admin1 and settings.other_admin1 is None:
        return "different first-level units"
    if a.event_date is None or b.event_date is None:
        return "an undated event"
    precision = min(max(a.time_precision, b.time_precision, 1), 3)
    tolerance = settings.date_tolerance[precision - 1]
    gap = abs((a.event_date - b.event_date).days)
    window = max(tolerance, settings.follow_up_days)
    if gap > window:
        return f"{gap} days apart (at most {window})" if explain else "too far apart"
    date: Evidence = (f"{gap} days apart: a later report" if explain else "", "late_report", 1.0) \
        if gap > tolerance else (f"{gap} days apart" if explain else "", "date_weight", 1 - gap / (tolerance + 1))
    place = _place_evidence(a, b, settings, other_admin1)
    # one document's two sentences share its words and its outlet: that says nothing of the incident
    overlap = 0.0 if one_document else _overlap(a.words, b.words, idf or {}, settings, weights)
    shared = a.named_actors & b.named_actors
    crowd = min(a.crowd, b.crowd)
    evidence = [
        ("two events of one document", "one_document", 1.0) if one_document else None,
        date, _type_evidence(a, b, settings),
        ("other countries", "other_country", 1.0) if other_country else None,
        place, None if one_document else _outlet_evidence(a, b, settings, place),
        _toll_evidence(a, b, settings),
        (f"shared words {overlap:.2f}" if explain else "", "shared_words", overlap) if overlap else None,
        None if one_document else _meaning_evidence(a, b),
        ("same actors", "same_actors", 1.0) if a.actor1 and a.actor1 == b.actor1 and a.actor2 == b.actor2
        else None,
        (f"both name {', '.join(sorted(shared))}" if explain else "", "shared_named_actor", 1.0) if shared else None,
        ("one refers back to an incident told before", "refers_back", 1.0) if a.refers_back or b.refers_back
        else None,
        (f"{crowd} other reports of the country those days" if explain else "", "crowding", math.log1p(crowd))
        if crowd else None,
    ]
    found = [e for e in evidence if e is not None]
    if not any(weight in SPECIFIC or (weight == "similar_sentences" and value >= SPECIFIC_MEANING)
               for _, weight, value in found):
        # the same day and type are shared by every killing of a country's busy day: fitted on a corpus
        # sparse in time they would weigh more than they say in a full store
        return "nothing shared but the date and the type"
    return found


def _meaning_evidence(a: Mention, b: Mention) -> Evidence:
    """How alike the two sentences are in meaning (talaia.fuse.similarity), from ``SIMILAR_FROM`` up, scaled to
    0-1; from ``SIMILAR_SPECIFIC`` up it counts as something specific shared."""
    cosine = similarity(a.vector, b.vector)
    if cosine is None or cosine < SIMILAR_FROM:
        return None
    label = "alike in meaning" if cosine >= SIMILAR_SPECIFIC else "somewhat alike in meaning"
    return f"{label} {cosine:.2f}", "similar_sentences", (cosine - SIMILAR_FROM) / (1 - SIMILAR_FROM)


def _one_document_conflict(a: Mention, b: Mention, settings: FusionSettings) -> str | None:
    """Why two events of one document cannot be one incident, or None when they are compatible: a place at
    the finest level both name, dates within what their precisions allow, participants both name, and not
    one's attackers the other's victims."""
    for level, x, y in (("places", a.location if a.geo_precision < 3 else None,
                         b.location if b.geo_precision < 3 else None),
                        ("municipalities", a.admin2, b.admin2), ("first-level units", a.admin1, b.admin1),
                        ("countries", a.country_code, b.country_code)):
        if x and y:
            if _fold(x) != _fold(y):
                return f"one document's events in different {level}"
            break
    if a.event_date and b.event_date:
        tolerance = settings.date_tolerance[min(max(a.time_precision, b.time_precision, 1), 3) - 1]
        if abs((a.event_date - b.event_date).days) > tolerance:
            return "one document's events on different dates"
    if a.named_actors and b.named_actors and not a.named_actors & b.named_actors:
        return "one document's events with different participants"
    if a.actor1 and a.actor2 and a.actor1 != a.actor2 and (a.actor1, a.actor2) == (b.actor2, b.actor1):
        # one's attackers are the other's victims: an ambush and the police operation that followed it
        return "one document's events with the sides swapped"
    return None


def _type_evidence(a: Mention, b: Mention, settings: FusionSettings) -> Evidence:
    if a.sub_event_type == b.sub_event_type:
        return "same sub-type", "same_sub_type", 1.0
    if a.event_type == b.event_type:
        return "same type", "same_event_type", 1.0
    if {a.event_type, b.event_type} <= settings.political_violence:
        return "both political violence", "both_political_violence", 1.0
    return "other types", "other_type", 1.0


def _place_evidence(a: Mention, b: Mention, settings: FusionSettings, other_admin1: bool) -> Evidence:
    """A town or neighbourhood both name (a state or country named as the place says little: a headline
    naming only "Mexico" is placed at the country, precision 3); else their municipalities, else their
    states (one naming only the state is compatible with a town in it)."""
    if other_admin1:
        return "other first-level units", "other_admin1", 1.0
    if a.location and _fold(a.location) == _fold(b.location) and max(a.geo_precision, b.geo_precision) < 3 \
            and _fold(a.location) not in {_fold(a.admin1), _fold(a.admin2) if a.geo_precision > 1 else ""}:
        return "same place", "same_location", 1.0
    if a.admin2 and b.admin2:
        if _fold(a.admin2) == _fold(b.admin2):
            return "same municipality", "same_admin2", 1.0
        return "other municipality", "other_admin2", 1.0
    if a.admin1 and b.admin1:
        return "same first-level unit", "same_admin1", 1.0
    return None


def _outlet_evidence(a: Mention, b: Mention, settings: FusionSettings, place: Evidence) -> Evidence:
    """A local outlet tells each killing of its town in an article of its own: two of its reports from one
    municipality that share no place below it are more likely two incidents than one told twice."""
    if not (a.outlet and a.outlet == b.outlet and a.admin2 and b.admin2) or (place and place[0] == "same place"):
        return None
    return "one outlet's reports of one area", "same_outlet_area", 1.0


def _toll_evidence(a: Mention, b: Mention, settings: FusionSettings) -> Evidence:
    # told_figures is built only when both could have one (most pairs have none)
    if (a.figures or (a.fatalities or 0) > 1) and (b.figures or (b.fatalities or 0) > 1) \
            and a.fatalities != b.fatalities and (shared := a.told_figures & b.told_figures):
        return f"both give the figure {max(shared)}", "shared_figure", 1.0
    if not (a.fatalities and b.fatalities):
        return None
    low, high = sorted((a.fatalities, b.fatalities))
    if low == high:  # one death is the commonest toll: it says little
        return ("same death toll", "same_fatalities", 1.0) if low > 1 else ("same death toll", "same_single_death", 1.0)
    if (high - low <= 1 and low >= settings.close_fatalities_from) or high <= low * settings.close_fatalities_ratio:
        return "close death tolls", "close_fatalities", 1.0
    if low > 1 and high >= low * settings.far_fatalities_ratio:
        return "far different death tolls", "far_fatalities", 1.0
    return "different death tolls", "other_fatalities", 1.0


def _overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float], settings: FusionSettings,
             weights: WordWeights | None = None) -> float:
    """The IDF-weighted share of the stems two sentences have in common: over the shorter sentence's
    weight, or ``shared_words_floor`` when that is less (0 to 1)."""
    if not a or not b:
        return 0.0
    if weights is None:
        weights = WordWeights(idf, settings.stem_length)
    (a, a_weight), (b, b_weight) = weights.of(a), weights.of(b)
    common = a & b
    if not common:
        return 0.0
    shared = _weight(common, idf)
    return shared / max(min(a_weight, b_weight), settings.shared_words_floor) if shared else 0.0


def _weight(words: frozenset[str], idf: dict[str, float]) -> float:
    return sum(idf.get(w, 1.0) for w in words)


@functools.lru_cache(maxsize=1 << 16)
def stems(words: frozenset[str], length: int) -> frozenset[str]:
    """Each word cut to its first ``length`` letters (0: whole words)."""
    return frozenset(w[:length] for w in words) if length else words
