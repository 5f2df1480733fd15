"""From event mentions to incidents: the sentences of a document that tell one incident
become one event with all their evidence.

A mention may join an incident already told only when nothing in it says otherwise (``_compatible``,
hard limits): a compatible type (political violence with political violence, a demonstration with the
violence in it), the same place at the precision both have (a town and its state, two towns only when
neighbours), no date apart at the precision both have ('on Saturday' and 'last week' are two incidents),
no other perpetrator with deaths of its own. Among the incidents it may join, whether it does is a fitted
decision (``join_features``, model ``join`` of ``codebook/confidence_weights.tsv``, fitted by
``tools/fit_joins.py`` on the dev gold with cross-validation grouped by outlet; model card
``docs/models/JOINS.md``): the discourse (distance, paragraph, a definite back-reference, a toll told
again) and the anchors (the same town, another town, a region only, the same day, an own toll) weigh for
and against. A back-reference ('the ambush') joins the likeliest incident it may join, or is dropped: it
refers to an incident the reader missed, and alone it says too little to code.

A phrase with role ``another`` ("in another attack", "otra operación", "meanwhile") opens an
incident, unless the mention is only a back-reference with no place or day of its own.

Figures are reconciled after ACLED: the lowest reported death count is ``fatalities``, the
highest ``fatalities_high``; a count next to an ``additive`` word ("two other people") or a
death told on top ("also killed the vendor") adds to the deaths already told; a toll told as
updated ("rose to 33") stands.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from talaia.events.dates import EventDate
from talaia.events.fatalities import FatalityCount
from talaia.events.location import best_place
from talaia.events.logistic import LogisticModel
from talaia.events.tables import any_word, ordered
from talaia.events.taxonomy import Taxonomy
from talaia.knowledge import Knowledge
from talaia.models import Place

REGIONS = frozenset({"country", "admin1"})  # Place.feature of places no finer than a region
NEAR_SENTENCES = 2  # a mention this close to its incident's last one needs no other tie
DAY, WEEK = dt.timedelta(days=1), dt.timedelta(days=7)
ADDITIVE_WINDOW = 24  # characters around a death count to look for the word right before or after it


@dataclass(frozen=True, slots=True)
class IncidentCues:
    another: re.Pattern[str]
    same: re.Pattern[str]
    additive: re.Pattern[str]
    # 'a day after', 'dos días después de que': another incident inside the sentence, and the days
    # between them (sequence_cues.tsv; None: not said)
    sequence: tuple[tuple[re.Pattern[str], int | None], ...] = ()
    also: re.Pattern[str] = re.compile(r"(?!)")  # 'the shooting also killed the vendor': deaths on top
    updated: re.Pattern[str] = re.compile(r"(?!)")  # 'the death toll rose to 33': the toll that stands

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> IncidentCues:
        table = knowledge.union("incident_cues")
        sequence = tuple((re.compile(rf"\b(?:{r['pattern']})\b", re.IGNORECASE), int(r["days"]) if r["days"] else None)
                         for r in knowledge.union("sequence_cues").records())
        another, same, additive, also, updated = (any_word(ordered(table, "pattern", role=role))
                                                  for role in ("another", "same", "additive", "also", "updated"))
        return cls(another, same, additive, sequence, also, updated)


@dataclass(frozen=True, slots=True)
class Mention:
    """What one sentence tells of an incident, as :func:`assemble` needs it."""

    sent_index: int
    paragraph: int
    sub_event_type: str
    places: list[Place]
    own_date: EventDate | None  # the sentence's own date, not one borrowed from before
    fatalities: FatalityCount | None
    agent: str | None  # the perpetrator's ACLED name
    armed_group: bool  # the perpetrator is a non-state armed group (no demonstration's violence)
    back_reference: bool  # 'the ambush': only a definite noun reports it
    links: frozenset[str]  # incident_cues roles found in the sentence
    additive: bool = False  # its death count adds to those already told
    updated: bool = False  # its death count replaces those told before ('the toll rose to 33')
    spans: tuple[tuple[int, int], ...] = ()  # the text it was read from (the join model's fitting reads it)
    casualties_only: bool = False  # it tells deaths and nothing else of the incident
    died_later: bool = False  # only that people died ('died in hospital', 'succumbed'): maybe days after it


JOIN_MODEL = "join"  # the confidence_weights rows of the fitted join decision
JOIN_THRESHOLD = 0.5


def assemble(mentions: list[Mention], taxonomy: Taxonomy, joins: LogisticModel) -> list[list[int]]:
    """Groups of mention indices, one per incident, in the order of their first mention: a mention joins the
    compatible incident the fitted join model (``joins``) finds likeliest, when it is likely."""
    incidents: list[list[int]] = []
    for i, m in enumerate(mentions):
        # 'meanwhile', 'in another attack': another incident when the mention names its own place or day
        another = "another" in m.links and (m.places or m.own_date is not None or not m.back_reference)
        target = None if another else _likeliest_incident(i, mentions, incidents, taxonomy, joins)
        if target is not None:
            target.append(i)
        elif not m.back_reference:
            incidents.append([i])
    return incidents


def join_candidates(i: int, mentions: list[Mention], incidents: list[list[int]],
                    taxonomy: Taxonomy) -> list[list[int]]:
    """The incidents told so far that the mention may join: nothing in it says otherwise (the hard limits of
    :func:`_compatible`: the type families, the place, the day, other perpetrators with deaths of their own)."""
    m = mentions[i]
    return [inc for inc in incidents if _compatible(inc, m, mentions, taxonomy, strict=False)]


def join_features(i: int, incident: list[int], mentions: list[Mention], candidates: int,
                  taxonomy: Taxonomy) -> dict[str, float]:
    """What says a mention tells an incident already told: the discourse (distance, paragraph, a definite
    back-reference, a toll told again), the anchors at each precision (the same town, a region only, the same
    day; ``other_town`` stays 0 since two municipalities are a hard limit, kept so the fitted weights keep their
    keys), and whether any other incident could take it."""
    m = mentions[i]
    last = mentions[incident[-1]]
    told = [mentions[j] for j in incident]
    gap = m.sent_index - last.sent_index
    mine, theirs = best_place(m.places), best_place([p for t in told for p in t.places])
    units = [p.admin2 or p.name for p in (mine, theirs) if p is not None and p.feature not in REGIONS]
    days = [t.own_date for t in told if t.own_date is not None and t.own_date.precision == 1]
    own_day = m.own_date is not None and m.own_date.precision == 1
    return dict(  # noqa: C408 -- names as keywords: the weights' keys in the codebook, not a word list
        bias=1.0,
        near=float(gap <= NEAR_SENTENCES),
        gap=math.log1p(max(0, gap)) / 2,
        same_paragraph=float(last.paragraph == m.paragraph),
        latest=float(incident[-1] == i - 1),
        strict=float(_compatible(incident, m, mentions, taxonomy, strict=True)),
        same_family=float(family(told[0].sub_event_type, taxonomy) == family(m.sub_event_type, taxonomy)),
        back_reference=float(m.back_reference),
        same_cue=float("same" in m.links),
        told_again=float(_same_toll(incident, m, mentions)),
        unplaced=float(not m.places and m.own_date is None),
        region_only=float(mine is not None and mine.feature in REGIONS),
        no_place=float(mine is None),
        same_town=float(len(units) == 2 and units[0] == units[1]),
        other_town=float(len(units) == 2 and units[0] != units[1]),
        own_day=float(own_day),
        same_day=float(own_day and any(d.date == m.own_date.date for d in days)),  # type: ignore[union-attr]
        no_date=float(m.own_date is None),
        casualties_only=float(m.casualties_only),
        own_toll=float(m.fatalities is not None and not m.fatalities.implicit and not m.additive),
        agent_named=float(m.agent is not None),
        same_agent=float(m.agent is not None and m.agent in {t.agent for t in told}),
        only_candidate=float(candidates == 1),
        first_incident=float(incident[0] == 0),
    )


def _likeliest_incident(i: int, mentions: list[Mention], incidents: list[list[int]], taxonomy: Taxonomy,
                        joins: LogisticModel) -> list[int] | None:
    candidates = join_candidates(i, mentions, incidents, taxonomy)
    if not candidates:
        return None
    scored = [(joins.probability(join_features(i, inc, mentions, len(candidates), taxonomy)), -k, inc)
              for k, inc in enumerate(candidates)]
    p, _, best = max(scored, key=lambda t: (t[0], t[1]))
    # a back-reference ('the ambush') always refers to an incident told: the likeliest one
    return best if p >= JOIN_THRESHOLD or mentions[i].back_reference or "same" in mentions[i].links else None


def _same_toll(incident: list[int], m: Mention, mentions: list[Mention]) -> bool:
    if m.fatalities is None or m.fatalities.implicit or m.additive:
        return False
    return any((c := mentions[j].fatalities) is not None and not c.implicit and
               (c.low, c.high) == (m.fatalities.low, m.fatalities.high) for j in incident)


def _compatible(incident: list[int], m: Mention, mentions: list[Mention], taxonomy: Taxonomy,
                strict: bool) -> bool:
    """``strict``: far from the incident, a place must be the incident's own town or admin unit."""
    told = [mentions[j] for j in incident]
    joined = (family(told[0].sub_event_type, taxonomy), family(m.sub_event_type, taxonomy))
    # the clashes told before the demonstration they were part of ('clashes with police mark a protest')
    riot_first = not strict and joined == (VIOLENCE, DEMONSTRATION) and not any(t.armed_group for t in told)
    # deaths told after a blast or a strike ('two other people died') are its own
    toll = joined == (REMOTE, VIOLENCE) and m.casualties_only
    # the bodies counted after a grave is found are its own ('since then 14 bodies have been found')
    remains = joined == (DEVELOPMENT, VIOLENCE) and m.casualties_only and \
        told[0].sub_event_type == taxonomy.sub_event_tags["other"]
    # 'the attack', 'the bombing' told back after a blast or a shooting is that incident, whichever word
    back = m.back_reference and set(joined) <= {VIOLENCE, REMOTE}
    if not (riot_first or toll or remains or back or _joinable(*joined, strict)):
        return False
    places = [p for t in told for p in t.places]
    if not _same_place(best_place(places), best_place(m.places)):
        return False
    dates = [t.own_date for t in told if t.own_date is not None]
    # a back-reference's day is the day of what it tells of the incident ('yesterday the grave was still
    # guarded'), not another incident's
    own = None if m.back_reference else m.own_date
    # 'a woman hit by shrapnel died overnight in hospital': the wounded die on later days than the incident
    later = dt.timedelta(days=DIED_LATER_DAYS)
    if own is not None and own.date is not None and m.died_later and \
            all(d.date is not None and d.date <= own.date <= d.date + later for d in dates):
        own = None
    if own is not None and any(dates_apart(d, own) for d in dates):
        return False
    if m.fatalities is not None and not m.additive and m.agent is not None:
        agents = {t.agent for t in told if t.agent is not None}
        if agents and m.agent not in agents:
            return False  # other perpetrators with deaths of their own: another incident
    return True


DIED_LATER_DAYS = 30  # how long after an incident its wounded may die and still be told as its own
VIOLENCE, REMOTE, DEMONSTRATION = "violence", "remote", "demonstration"
AFTERMATH, DEVELOPMENT = "aftermath", "development"
# (the incident's family, the mention's): which mentions a nearby incident takes in. A demonstration
# takes the violence done in it (police fire, a molotov); violence takes the arrests and the seizures
# that end it; far back, only the same family.
NEAR_JOINS = frozenset({(VIOLENCE, VIOLENCE), (REMOTE, REMOTE), (DEMONSTRATION, DEMONSTRATION),
                        (DEVELOPMENT, DEVELOPMENT), (AFTERMATH, AFTERMATH), (DEMONSTRATION, VIOLENCE),
                        (DEMONSTRATION, REMOTE), (VIOLENCE, AFTERMATH), (REMOTE, AFTERMATH),
                        (DEMONSTRATION, AFTERMATH)})
AFTERMATH_TAGS = ("arrests", "disrupted_weapons_use")  # sub_event_types.tsv tags


def family(sub_event_type: str, taxonomy: Taxonomy) -> str:
    """violence, remote (violence by explosives and strikes: ACLED's own events even beside a battle),
    demonstration, aftermath (arrests, seizures) or development."""
    event_type = taxonomy.event_type_of(sub_event_type)
    if event_type == taxonomy.event_tags["explosions"]:
        return REMOTE
    if event_type in taxonomy.political_violence:
        return VIOLENCE
    if event_type in {taxonomy.event_tags["protests"], taxonomy.event_tags["riots"]}:
        return DEMONSTRATION
    if sub_event_type in {taxonomy.sub_event_tags[t] for t in AFTERMATH_TAGS}:
        return AFTERMATH
    return DEVELOPMENT


def _joinable(incident: str, mention: str, strict: bool) -> bool:
    return incident == mention if strict else (incident, mention) in NEAR_JOINS


def _same_place(a: Place | None, b: Place | None) -> bool:
    """One place at the precision both have: a town and its state or country, two mentions of one town or
    municipality; two towns of different municipalities are two incidents, however close (ACLED: an event
    per location; a round-up's 'En Yautepec, ...' is not the Cuautla shooting told before it)."""
    if a is None or b is None:
        return True
    if a.country_code != b.country_code:
        return False
    if a.feature == "country" or b.feature == "country":
        return True  # 'in western Mexico', then 'in Michoacán': the country holds every place in it
    if a.admin1 != b.admin1:
        return False
    towns = [p for p in (a, b) if p.feature not in REGIONS]
    return len({p.admin2 or p.name for p in towns}) <= 1


def date_range(date: EventDate) -> tuple[dt.date, dt.date] | None:
    """The days a date can mean at its precision: the day itself (with a day's slack: 'the night of'), a week
    either side of a week's date ('last week', 'the weekend'), its calendar month (a year, for a year's first
    day: 'in 2019' is read as 1 January)."""
    d = date.date
    if d is None:
        return None
    if date.precision == 1:
        return d - DAY, d + DAY
    if date.precision == 2:
        return d - WEEK, d + WEEK
    if (d.month, d.day) == (1, 1):
        return d, d.replace(month=12, day=31)
    following = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return d.replace(day=1) - DAY, following


def dates_apart(a: EventDate, b: EventDate) -> bool:
    """Two dates that cannot be one incident's at the precision both have ('on Saturday' and 'last week',
    'on 2 August' and 'in July'); two week- or month-precise dates never tell incidents apart."""
    if a.precision > 1 and b.precision > 1:
        return False
    ra, rb = date_range(a), date_range(b)
    return ra is not None and rb is not None and (ra[1] < rb[0] or rb[1] < ra[0])


def reconcile(counts: list[tuple[FatalityCount, bool, bool]]) -> FatalityCount | None:
    """One incident's deaths from its mentions' counts (``(count, additive, updated)`` in text order). A
    toll told as updated ('rose to 33') stands, the last one told; an implicit count (no number: 'killed a
    man', 'the dead') counts only when no mention gives a number, or when it is told on top of the others
    ('also killed the vendor')."""
    updated = [c for c, _, u in counts if u and not c.implicit]
    if updated:
        return updated[-1]
    explicit: list[tuple[FatalityCount, bool]] = [(c, a) for c, a, _ in counts if not c.implicit]
    base = explicit or ([(counts[0][0], counts[0][1])] if counts else [])
    extra: list[tuple[FatalityCount, bool]] = [(c, a) for c, a, _ in counts
                                               if c.implicit and a and all(c is not b for b, _ in base)]
    told = sorted(base + extra, key=lambda t: t[0].start if t[0].start is not None else -1) if extra else base
    total: FatalityCount | None = None
    for count, additive in told:
        if total is None:
            total = count
        elif additive:
            total = FatalityCount(total.low + count.low, total.high + count.high, total.start, total.end)
        else:
            total = FatalityCount(min(total.low, count.low), max(total.high, count.high), total.start, total.end)
    return total


def is_additive(text: str, count: FatalityCount, cues: IncidentCues) -> bool:
    """'two other people died', 'otras dos personas': the count adds to the deaths told before."""
    number_end = text.find(" ", count.start)  # the count's first word: 'two' of 'two other people'
    number_end = len(text) if number_end < 0 else number_end
    before = text[max(0, count.start - ADDITIVE_WINDOW):count.start].split()[-1:]
    after = text[number_end:number_end + ADDITIVE_WINDOW].split()[:1]
    return any(cues.additive.fullmatch(w.strip(",.;:").lower()) for w in (*before, *after))
