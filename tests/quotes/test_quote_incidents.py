"""Quotes linked to the incident they speak about: the nearest event evidence in their paragraph."""

from talaia.models import Document, Event, Evidence, ExtractionResult, Quote
from talaia.quotes.incidents import MAX_GAP, link_quotes, paragraph_bounds
from talaia.windows import Window, event_id, merge_windows

TEXT = ("Gunmen killed four police officers in Aguililla on Monday. \"We will not leave,\" the mayor said.\n\n"
        "In another town, soldiers clashed with a cartel cell. The general said the cell had fled.\n\n"
        "The president spoke about the economy. \"Growth is coming,\" he said.")


def _event(name: str, *spans: tuple[int, int]) -> Event:
    return Event(event_id=name, event_date=None, time_precision=3, event_type="Battles", sub_event_type="Armed clash",
                 actor1=None, actor2=None, inter1=None, inter2=None, assoc_actor_1=(), assoc_actor_2=(),
                 country=None, country_code=None, admin1=None, admin2=None, location=None, latitude=None,
                 longitude=None, geo_precision=3, fatalities=None, fatalities_high=None, certainty="stated",
                 notes="", evidence=tuple(Evidence(s, e) for s, e in spans))


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _quote(words: str) -> Quote:
    start, end = _span(words)
    return Quote(words, start, end, "someone", None, None, "said", True)


def test_paragraphs_are_cut_at_line_ends() -> None:
    bounds = paragraph_bounds(TEXT)
    assert [TEXT[s:e].split()[0] for s, e in bounds] == ["Gunmen", "In", "The"]


def test_a_quote_speaks_about_the_event_told_in_its_paragraph() -> None:
    ambush = _event("ambush", _span("Gunmen killed four police officers in Aguililla on Monday"))
    clash = _event("clash", _span("soldiers clashed with a cartel cell"))
    quotes = [_quote("We will not leave"), _quote("the cell had fled"), _quote("Growth is coming")]
    linked = link_quotes(TEXT, [ambush, clash], quotes)
    assert [q.event_id for q in linked] == ["ambush", "clash", None]  # the economy is no incident
    assert [q.text for q in linked] == [q.text for q in quotes]


def test_the_nearest_evidence_wins_and_a_far_one_is_no_link() -> None:
    text = ("Gunmen burned a bus. " + "Filler words here. " * 40 +
            "Police arrested two men. \"They confessed,\" he said.")
    bus = _event("bus", (0, 19))
    arrest_at = text.index("Police arrested")
    arrest = _event("arrest", (arrest_at, arrest_at + 23))
    said_at = text.index("They confessed")
    quote = Quote("They confessed", said_at, said_at + 14, "he", None, None, "said", True)
    assert link_quotes(text, [bus, arrest], [quote])[0].event_id == "arrest"
    assert said_at - 19 > MAX_GAP
    assert link_quotes(text, [bus], [quote])[0].event_id is None  # one long paragraph: too far away


def test_windows_rename_the_event_a_quote_speaks_about() -> None:
    doc = Document(id="long", text="x" * 300)
    windows = [Window(0, 200, 0, 150), Window(100, 300, 150, 300)]
    first = ExtractionResult(id="long", language="en", published=None,
                             events=(_event(event_id("long", 10), (10, 20)),),
                             quotes=(Quote("q", 22, 30, "S", None, None, "said", True, "stated",
                                           event_id("long", 10)),))
    # the second window names its event by its own offsets (52 there, 152 in the whole text)
    second = ExtractionResult(id="long", language="en", published=None,
                              events=(_event(event_id("long", 52), (52, 70)),),
                              quotes=(Quote("q2", 72, 80, "S", None, None, "said", True, "reported",
                                            event_id("long", 52)),))
    merged = merge_windows(doc, windows, [first, second])
    assert [e.event_id for e in merged.events] == [event_id("long", 10), event_id("long", 152)]
    assert [(q.start, q.event_id, q.certainty) for q in merged.quotes] == [
        (22, event_id("long", 10), "stated"), (172, event_id("long", 152), "reported")]
