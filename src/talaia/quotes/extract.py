"""Direct and indirect quotes with their speakers and cues, from a parsed document.

Direct quotes are the spans inside quotation marks; the speaker is the subject of the
speech verb right after the quote ('..., AMLO said') or right before it ('He said: "..."');
a quote with no verb of its own that follows another continues that speaker. Indirect
quotes are the clausal complements of speech verbs ('told The Post that ...') and the
clauses that 'according to X' introduces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from talaia.models import Quote
from talaia.quotes.marks import MarkedSpan, find_marked_spans
from talaia.quotes.speakers import is_speech_verb, resolve_speaker, subject_of

MIN_DIRECT_WORDS = 3
CONTINUATION_GAP = 400


@dataclass(slots=True)
class _Speaker:
    name: str | None
    start: int | None
    end: int | None


def extract_quotes(sdoc: Any, aliases: dict[str, str]) -> list[Quote]:
    text = sdoc.text
    spans = [s for s in find_marked_spans(text) if text[s.start:s.end].strip()]
    inside = _inside_mask(len(text), spans)
    quotes = _direct(sdoc, spans, inside, aliases)
    quotes += _indirect(sdoc, spans, inside, aliases)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _inside_mask(n: int, spans: list[MarkedSpan]) -> bytearray:
    mask = bytearray(n + 1)
    for s in spans:
        mask[s.open_at:s.end + 1] = b"\x01" * (s.end + 1 - s.open_at)
    return mask


def _direct(sdoc: Any, spans: list[MarkedSpan], inside: bytearray, aliases: dict[str, str]) -> list[Quote]:
    text = sdoc.text
    quotes: list[Quote] = []
    previous: tuple[int, _Speaker] | None = None
    for span in spans:
        content = text[span.start:span.end]
        stripped = content.rstrip(" ,.;:")
        end = span.start + len(stripped)
        verb = _verb_for(sdoc, span, inside)
        words = len(stripped.split())
        if verb is None and words < MIN_DIRECT_WORDS:
            continue
        speaker = _Speaker(None, None, None)
        cue = None
        if verb is not None:
            subj = subject_of(verb)
            if subj is not None:
                name, s0, s1 = resolve_speaker(subj, aliases, None)
                speaker = _Speaker(name, s0, s1)
            cue = verb.text
        elif previous is not None and span.open_at - previous[0] <= CONTINUATION_GAP:
            speaker = previous[1]
        elif words < 6:
            continue  # a title or a scare quote, not speech
        if verb is not None or speaker.name is not None or words >= 6:
            quotes.append(Quote(stripped, span.start, end, speaker.name, speaker.start, speaker.end, cue, True))
            previous = (span.end, speaker)
    return quotes


def _verb_for(sdoc: Any, span: MarkedSpan, inside: bytearray) -> Any | None:
    """The speech verb outside the marks in the sentence after, then before, the quote."""
    text = sdoc.text
    after = sdoc.char_span(span.end, min(len(text), span.end + 1), alignment_mode="expand")
    if after is not None:
        sent = after.sent
        for tok in sent:
            if tok.idx > span.end and tok.idx - span.end <= 80 and not inside[tok.idx] and is_speech_verb(tok):
                return tok
    before = sdoc.char_span(max(0, span.open_at - 1), span.open_at + 1, alignment_mode="expand")
    if before is not None:
        for tok in reversed(list(before.sent)):
            if tok.idx < span.open_at and span.open_at - tok.idx <= 120 and not inside[tok.idx] \
                    and is_speech_verb(tok):
                return tok
    return None


def _indirect(sdoc: Any, spans: list[MarkedSpan], inside: bytearray, aliases: dict[str, str]) -> list[Quote]:
    text = sdoc.text
    quotes: list[Quote] = []
    for tok in sdoc:
        if inside[tok.idx]:
            continue
        if is_speech_verb(tok):
            comp = next((c for c in tok.children if c.dep_ in {"ccomp", "parataxis"} and c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            words = [t for t in comp.subtree if not (t.i == comp.left_edge.i and t.lower_ in {"that", "que"})]
            words = [t for t in words if t.dep_ != "punct" or t.i not in (comp.left_edge.i, comp.right_edge.i)]
            if len(words) < 3:
                continue
            start = words[0].idx
            end = words[-1].idx + len(words[-1].text)
            if sum(inside[start:end]) > 0.6 * (end - start):
                continue  # the direct quote already covers it
            subj = subject_of(tok)
            name, s0, s1 = resolve_speaker(subj, aliases, None) if subj is not None else (None, None, None)
            quotes.append(Quote(text[start:end], start, end, name, s0, s1, _cue(tok), False))
        elif tok.lower_ == "according" and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "to":
            quote = _according_to(sdoc, tok, aliases)
            if quote is not None:
                quotes.append(quote)
    return quotes


def _cue(verb: Any) -> str:
    """'told The Post': the verb with its recipient, when there is one."""
    recipients = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj", "obj"} and c.i > verb.i]
    if recipients and verb.lemma_.lower() == "tell":
        last = max(t.i for t in recipients[0].subtree)
        return str(verb.doc[verb.i:last + 1].text)
    return str(verb.text)


def _according_to(sdoc: Any, tok: Any, aliases: dict[str, str]) -> Quote | None:
    to = sdoc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = objs[0]
    source_end = max(t.i for t in source.subtree)
    sent = tok.sent
    # "According to X, <claim>" or "<claim>, according to X"
    content = sdoc[source_end + 1:sent.end] if tok.i == sent.start else sdoc[sent.start:tok.i]
    content_text = content.text.strip(" ,.;:\n\"“”'’")
    if len(content_text.split()) < 3:
        return None
    start = content.start_char + content.text.index(content_text)
    name, s0, s1 = resolve_speaker(source, aliases, None)
    return Quote(content_text, start, start + len(content_text), name, s0, s1, "according to", False)
