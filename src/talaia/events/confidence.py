"""An event's ``confidence`` (contract v1.2): the probability that it is right as coded.

A logistic model over explicit features of the event as it is written out (its type, how precise its
place and date are, whether a toll was read, how it was attributed, how many other events its article
gave, where its evidence lies). Only the weights are data: ``codebook/confidence_weights.tsv``, fitted
by ``tools/fit_confidence.py`` on the dev gold with cross-validation grouped by outlet; the model card
is ``docs/models/CONFIDENCE.md``. No text of any gold set is in the package.

The features are read from the output record (``Event.to_dict()``) and the document, so the same
function serves the pipeline and the fitting tool, which reads ``talaia extract``'s JSON Lines.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from talaia.events.logistic import LogisticModel
from talaia.knowledge import Knowledge

MODEL = "event"  # the confidence_weights rows of this model
HEADLINE_CHARS = 400
LEAD_CHARS = 300  # the first evidence this close to the start: the article's lead tells the event

TYPES = {  # feature name -> ACLED event type
    "type_battles": "Battles",
    "type_civilians": "Violence against civilians",
    "type_explosions": "Explosions/Remote violence",
    "type_riots": "Riots",
    "type_protests": "Protests",
    "type_development": "Strategic developments",
}


def _days(a: str | None, b: dt.date | None) -> int | None:
    if not a or b is None:
        return None
    try:
        return (dt.date.fromisoformat(a[:10]) - b).days
    except ValueError:
        return None


def _published(doc: Mapping[str, Any]) -> dt.date | None:
    value = doc.get("published")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class Provenance:
    """How the extraction read an event, beyond what its record says."""

    mentions: int = 1  # the sentences (or clauses) joined into it
    own_place: bool = True  # a place named in its own sentences, not the article's focus or the outlet's home
    own_date: bool = True  # a date told in its own sentences, not one borrowed or the default
    implicit_toll: bool = False  # deaths told without a number ('killed a man')
    subject: bool = True  # told in the lead or naming what the headline names


def features(event: Mapping[str, Any], events: Sequence[Mapping[str, Any]], doc: Mapping[str, Any],
             provenance: Provenance | None = None) -> dict[str, float]:
    """The features of one event (a contract record) among its article's ``events``, ``doc`` the article
    (``text``, ``published``, ``language``), ``provenance`` how the extraction read it."""
    text = str(doc.get("text") or "")
    n = max(1, len(events))
    out: dict[str, float] = {"bias": 1.0}
    for name, etype in TYPES.items():
        out[name] = float(event.get("event_type") == etype)
    precision = event.get("geo_precision") or 3
    out["geo_town"] = float(precision == 1)
    out["geo_region"] = float(precision == 3)
    out["no_admin1"] = float(not event.get("admin1"))
    fatalities = event.get("fatalities")
    out["toll_none"] = float(fatalities is None)
    out["toll_zero"] = float(fatalities == 0)
    out["toll_size"] = math.log1p(fatalities) / 3 if isinstance(fatalities, int) and fatalities > 0 else 0.0
    out["toll_disputed"] = float(event.get("fatalities_high") is not None)
    out["toll_one"] = float(fatalities == 1)  # a death told without a number reads as one
    out["date_day"] = float(event.get("time_precision") == 1)
    days = _days(event.get("event_date"), _published(doc))
    out["no_date"] = float(days is None)
    out["date_age"] = math.log1p(abs(days)) / 3 if days is not None else 0.0
    out["date_after_publication"] = float(days is not None and days > 0)
    # no day told: the day before publication, the default
    out["default_date"] = float(days == -1 and event.get("time_precision") == 2)
    certainty = event.get("certainty")
    out["reported"] = float(certainty == "reported")
    out["alleged"] = float(certainty == "alleged")
    spans = {(e.get("start"), e.get("end")) for e in event.get("evidence") or ()}
    starts = [s for s, _ in spans if isinstance(s, int)]
    out["evidence_spans"] = math.log1p(len(spans)) / 2
    first = min(starts) if starts else 0
    out["evidence_position"] = first / len(text) if text else 0.0
    out["in_lead"] = float(first < LEAD_CHARS)
    told = sum(max(0, (e - s)) for s, e in spans if isinstance(s, int) and isinstance(e, int))
    out["evidence_chars"] = math.log1p(told) / 8
    out["headline_only"] = float(len(text) <= HEADLINE_CHARS)
    out["article_events"] = math.log(n)
    rank = next((i for i, e in enumerate(events) if e is event), 0)
    out["rank"] = rank / n
    actor1 = str(event.get("actor1") or "")
    out["actor_unidentified"] = float(actor1.startswith("Unidentified"))
    out["no_actor2"] = float(not event.get("actor2"))
    out["spanish"] = float(doc.get("language") == "es")
    admin1 = event.get("admin1")
    out["same_state_events"] = sum(1 for e in events if e is not event and admin1 and e.get("admin1") == admin1) / n
    countries = Counter(e.get("country_code") for e in events if e.get("country_code"))
    main = countries.most_common(1)[0][0] if countries else None
    out["other_country"] = float(main is not None and event.get("country_code") not in (None, main))
    read = provenance or Provenance()
    out["joined_mentions"] = math.log(max(1, read.mentions))
    out["borrowed_place"] = float(not read.own_place)
    out["borrowed_date"] = float(not read.own_date)
    out["implicit_toll"] = float(read.implicit_toll)
    out["aside"] = float(not read.subject)
    return out


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """The fitted model of an event's confidence."""

    model: LogisticModel

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> ConfidenceModel:
        return cls(LogisticModel.from_knowledge(knowledge, MODEL))

    def score(self, events: Sequence[Mapping[str, Any]], doc: Mapping[str, Any],
              provenance: Sequence[Provenance] | None = None) -> list[float]:
        """Each event's confidence, rounded to three places."""
        read = list(provenance) if provenance is not None else [Provenance()] * len(events)
        return [round(self.model.probability(features(e, events, doc, p)), 3)
                for e, p in zip(events, read, strict=True)]
