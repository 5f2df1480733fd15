"""Sentences compared in meaning (talaia.fuse.similarity): paraphrases and translations of one report are alike,
unrelated reports are not; fusion weighs it, and the store keeps each event's vector (sentences written for
the tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import numpy as np
import pytest

from talaia.fuse import Mention, content_words, match
from talaia.fuse.cluster import with_sentence_vectors
from talaia.fuse.match import SIMILAR_FROM, SIMILAR_SPECIFIC, fitted_settings
from talaia.fuse.similarity import MODEL, as_array, encode, sentence_key, similarity, vectors_for

BAR_EN = "Gunmen killed eight people in an attack on a bar on Saturday night, prosecutors said"
BAR_ES = "Hombres armados asesinaron a ocho personas en un ataque contra una cantina el sábado por la noche"
PRISON_A = "Dozens of inmates died in a riot at the state prison"
PRISON_B = "Deadly brawl between rival gangs at the penitentiary leaves many prisoners dead"
UNRELATED = ("The central bank kept its interest rate unchanged on Thursday",
             "The mayor opened a new public library downtown",
             "Farmers protest against the price of maize in the capital")


def _cosine(a: str, b: str) -> float:
    x, y = vectors_for([a, b])
    value = similarity(x, y)
    assert value is not None
    return value


@pytest.mark.parametrize(("a", "b"), [(BAR_EN, BAR_ES), (PRISON_A, PRISON_B)])
def test_one_report_in_other_words_or_another_language_is_alike(a: str, b: str) -> None:
    assert _cosine(a, b) >= SIMILAR_SPECIFIC
    for other in UNRELATED:
        assert _cosine(a, other) < SIMILAR_FROM
        assert _cosine(a, b) > _cosine(a, other) + 0.3


def test_kept_vectors_are_int8_and_keep_the_cosine() -> None:
    from talaia.fuse.similarity import _encoder

    raw = np.asarray(_encoder().encode([BAR_EN, BAR_ES]), dtype=np.float32)
    kept = encode([BAR_EN, BAR_ES])
    assert all(len(v) == 512 for v in kept)
    assert abs(float(raw[0] @ raw[1]) - float(as_array(kept[0]) @ as_array(kept[1]))) < 0.02
    assert sentence_key(BAR_EN) == sentence_key(BAR_EN) != sentence_key(BAR_ES)


def _mention(event_id: str, document: str, sentence: str, **changes: object) -> Mention:
    base = Mention(event_id=event_id, document_key=document, event_date=dt.date(2024, 3, 9), time_precision=1,
                   event_type="Violence against civilians", sub_event_type="Attack", country_code="MX",
                   admin1=None, admin2=None, location="Mexico", geo_precision=3, fatalities=None,
                   actor1="Unidentified Armed Group (Mexico)", actor2="Civilians (Mexico)",
                   words=content_words(sentence), sentence=sentence)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_two_languages_reports_of_one_attack_join_on_their_meaning() -> None:
    # the Spanish report shares no word stem with the English one, and neither names a state, a town or a toll:
    # without their meaning they share nothing but the date and the type
    settings = fitted_settings()
    a, b = with_sentence_vectors([_mention("e1", "d1", BAR_EN), _mention("e2", "d2", BAR_ES)], settings)
    found = match(a, b, settings)
    assert any(r.startswith("alike in meaning") for r in found.reasons), found
    assert found.score is not None and found.score >= settings.threshold
    blind = match(dataclasses.replace(a, vector=None), dataclasses.replace(b, vector=None), settings)
    assert blind.reasons == ("nothing shared but the date and the type",)


def test_unrelated_reports_of_one_day_stay_apart() -> None:
    settings = fitted_settings()
    a, b = with_sentence_vectors([_mention("e1", "d1", BAR_EN),
                                  _mention("e2", "d2", "A journalist was found dead in his car near the highway")],
                                 settings)
    assert match(a, b, settings).reasons == ("nothing shared but the date and the type",)


def test_no_vector_is_computed_when_the_similarity_weighs_nothing() -> None:
    settings = dataclasses.replace(fitted_settings(), similar_sentences=0.0)
    (mention,) = with_sentence_vectors([_mention("e1", "d1", "A sentence never embedded here")], settings)
    assert mention.vector is None


def test_the_store_keeps_each_events_vector_and_fusion_reuses_it(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from talaia import api
    from talaia.fuse import similarity as similarity_module

    docs = tmp_path / "two.jsonl"
    reports = [{"id": "en-1", "published": "2024-03-10",
                "text": "Gunmen killed eight people in an attack on a bar in Celaya, Guanajuato, on Saturday."},
               {"id": "es-1", "published": "2024-03-10", "language": "es",
                "text": "Hombres armados asesinaron a ocho personas en un bar de Celaya, Guanajuato, el sábado."}]
    docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    db = tmp_path / "store.db"
    api.ingest_paths([docs], db=db)
    with api.open_store(db) as store:
        ids = [r[0] for r in store.fetch_all("SELECT event_id FROM events")]
        kept = store.sentence_vectors(ids, MODEL)
    assert ids and set(kept) == set(ids)
    similarity_module._CACHE.clear()
    monkeypatch.setattr(similarity_module, "_encoder", lambda: pytest.fail("a kept vector was computed again"))
    assert api.fuse_events(db=db).mentions == len(ids)
