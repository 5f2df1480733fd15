from __future__ import annotations

import pytest

from talaia.nlp.doccache import doc_ents, doc_text, ents_touching, span_ents, span_text

TEXT = ("President Andrés Manuel López Obrador said on Monday that the Sinaloa Cartel attacked police in Culiacán. "
        "Governor Rubén Rocha Moya and the Army arrived in Sinaloa on Tuesday. Nothing else happened in Mexico City.")


@pytest.mark.slow
def test_cached_text_and_entities_are_spacys_own(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en(TEXT)
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    for sent in doc.sents:
        assert [(e.start, e.end) for e in span_ents(sent)] == [(e.start, e.end) for e in sent.ents]
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 6) + 1):
            expected = [(e.start, e.end) for e in doc.ents if e.start < end and start < e.end]
            assert [(e.start, e.end) for e in ents_touching(doc, start, end)] == expected


@pytest.mark.slow
def test_span_text_is_spacys_own(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en(TEXT + "  Two spaces,  and a trailing one. ")
    for sent in doc.sents:
        assert span_text(sent) == sent.text
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 5) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text
