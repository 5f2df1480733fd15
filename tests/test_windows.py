from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from talaia.models import Document, Event, Evidence, ExtractionResult, Place, Quote
from talaia.windows import Window, event_id, merge_windows, split_windows

FIXTURES = Path(__file__).parent / "fixtures"


def _paragraphs(count: int, width: int = 90) -> str:
    return "\n\n".join(f"Paragraph {i} " + "word " * (width // 5) for i in range(count))


def test_a_text_under_the_window_size_is_one_window() -> None:
    text = _paragraphs(5)
    assert split_windows(text, size=len(text)) == [Window(0, len(text), 0, len(text))]


def test_windows_cover_the_text_cut_at_paragraphs_overlapping_and_share_it_out() -> None:
    text = _paragraphs(200)
    windows = split_windows(text, size=2000, overlap=300)
    assert len(windows) > 10
    assert windows[0].start == 0 and windows[-1].end == len(text)
    assert windows[0].keep_start == 0 and windows[-1].keep_end == len(text)
    for before, after in itertools.pairwise(windows):
        assert after.start < before.end  # they overlap ...
        assert before.end - after.start <= 300 + 100  # ... by about the overlap (whole paragraphs)
        assert before.keep_end == after.keep_start  # every character is one window's to report
        assert after.start <= after.keep_start < before.end
        assert text[after.start:].startswith("Paragraph")  # each starts at a paragraph
    assert all(w.end - w.start <= 2000 for w in windows)


def test_a_text_without_breaks_is_still_cut_and_bad_settings_are_refused() -> None:
    windows = split_windows("x" * 5000, size=1000, overlap=100)
    assert windows[-1].end == 5000 and all(w.end - w.start <= 1000 for w in windows)
    with pytest.raises(ValueError, match="overlap"):
        split_windows("x" * 500, size=100, overlap=60)
    from talaia.errors import PipelineConfigError
    from talaia.pipeline import Pipeline, PipelineConfig

    with pytest.raises(PipelineConfigError, match="overlap"):
        Pipeline(PipelineConfig(window_chars=1000, window_overlap=600))


def _event(doc_id: str, start: int, end: int) -> Event:
    return Event(event_id=event_id(doc_id, start), event_date=None, time_precision=3, event_type="Violence",
                 sub_event_type="Attack", actor1=None, actor2=None, inter1=None, inter2=None, assoc_actor_1=(),
                 assoc_actor_2=(), country=None, country_code=None, admin1=None, admin2=None, location=None,
                 latitude=None, longitude=None, geo_precision=3, fatalities=None, fatalities_high=None,
                 certainty="reported", notes="", evidence=(Evidence(start, end),))


def test_merged_results_have_offsets_in_the_whole_text_and_the_overlap_reported_once() -> None:
    doc = Document(id="long", text="x" * 300)
    windows = [Window(0, 200, 0, 150), Window(100, 300, 150, 300)]
    first = ExtractionResult(id="long", language="en", published=None, events=(_event("long", 10, 20),
                             _event("long", 140, 160)), places=(Place("A", 120, 125),),
                             quotes=(Quote("q", 160, 170, "S", 140, 141, "said", True),))
    # the second window sees the overlap again (its offsets start at 100), and one event a little wider
    second = ExtractionResult(id="long", language="en", published=None, events=(_event("long", 18, 40),
                              _event("long", 52, 70), _event("long", 150, 160)),
                              places=(Place("A", 20, 25), Place("B", 90, 95)),
                              quotes=(Quote("q", 60, 70, "S", 40, 41, "said", True),))
    merged = merge_windows(doc, windows, [first, second])
    # 118 is the first window's share; 152 is the one kept at 140, read a little differently
    assert [e.evidence[0].start for e in merged.events] == [10, 140, 250]
    assert merged.events[2].event_id == event_id("long", 250) != second.events[2].event_id
    assert [(p.name, p.start) for p in merged.places] == [("A", 120), ("B", 190)]
    assert [(q.start, q.speaker_start) for q in merged.quotes] == [(160, 140)]
    failed = dataclasses.replace(second, error={"code": "E110 processing", "message": "x"})
    assert merge_windows(doc, windows, [first, failed]).error is not None


@pytest.mark.slow
def test_a_long_document_read_in_windows_finds_what_its_parts_say_with_offsets_in_it() -> None:
    from talaia.pipeline import Pipeline, PipelineConfig

    parts = [(FIXTURES / "michoacan-ambush.txt").read_text().split("\n", 1)[1].strip()]
    parts += [(FIXTURES / "ambush" / f"outlet-{x}.txt").read_text().split("\n", 1)[1].strip() for x in "abc"]
    text = "\n\n".join(parts * 3)
    doc = Document(id="long", text=text, language="en")
    pipe = Pipeline(PipelineConfig(window_chars=1200, window_overlap=200))
    assert len(split_windows(text, 1200, 200)) >= 4
    result = next(iter(pipe.run([doc])))
    whole = next(iter(Pipeline(PipelineConfig(window_chars=len(text))).run([doc])))
    assert result.ok and whole.ok
    for place in result.places:
        assert text[place.start:place.end] == place.name
    for quote in result.quotes:
        assert text[quote.start:quote.end] == quote.text
    for event in result.events:
        assert event.event_id == event_id("long", event.evidence[0].start)
        for m in event.actor1_mentions + event.actor2_mentions:
            assert text[m.start:m.end] == m.text
    assert len({e.event_id for e in result.events}) == len(result.events)
    assert len({(p.start, p.end) for p in result.places}) == len(result.places)
    # each article is read whole in one window or another: what reading it all at once finds is found (a
    # repeated incident that the whole text merges into one event may be told again by a later window)
    assert {(p.start, p.geonames_id) for p in whole.places} <= {(p.start, p.geonames_id) for p in result.places}
    assert {(q.start, q.end, q.speaker) for q in whole.quotes} == {(q.start, q.end, q.speaker) for q in result.quotes}
    # found: an event of the same type reads that text (a window may join a retelling to the incident told at
    # its own start, which the whole text, whose first incident is far before, keeps apart)
    found = {(e.event_type, e.evidence[0].start) for e in result.events}
    read = [(e.event_type, s.start, s.end) for e in result.events for s in e.evidence]
    assert all((e.event_type, e.evidence[0].start) in found or
               any(t == e.event_type and s <= e.evidence[0].start < end for t, s, end in read) for e in whole.events)
    # the text is four reports told three times: the whole text joins the retellings of one incident
    # across the text (the same toll told again), windows only within their reach, so at most the
    # copies' own events come back, never more than one per incident and copy
    assert len(found) <= len(whole.events) * 3


@pytest.mark.slow
def test_articles_under_the_window_size_read_as_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.ingest.readers import iter_documents
    from talaia.pipeline import Pipeline, PipelineConfig

    samples = Path(__file__).parents[1] / "src" / "talaia" / "samples"
    docs = [d for d in iter_documents([str(samples), str(FIXTURES)]) if isinstance(d, Document)]
    unwindowed = Pipeline(PipelineConfig(window_chars=10**9, batch_chars=10**9))
    assert [r.to_dict() for r in pipeline.run(docs)] == [r.to_dict() for r in unwindowed.run(docs)]


@pytest.mark.slow
def test_a_text_over_the_limit_fails_alone_with_a_talaia_error() -> None:
    from talaia.pipeline import Pipeline, PipelineConfig

    pipe = Pipeline(PipelineConfig(max_chars=1000))
    docs = [Document(id="a", text="Gunmen killed two police officers in Culiacán on Monday."),
            Document(id="big", text="Gunmen attacked. " * 100, origin="big.txt"),
            Document(id="c", text="Soldiers clashed with gunmen in Uruapan on Tuesday.")]
    results = list(pipe.run(docs))
    assert [r.id for r in results] == ["a", "big", "c"]
    assert results[0].ok and results[2].ok
    assert results[1].error is not None and results[1].error["code"] == "E104 too-large"
    assert "1,700 characters" in results[1].error["message"]
