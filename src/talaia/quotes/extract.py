"""Direct and indirect quotes with their speakers and cues, from a parsed document.

Direct quotes are the spans inside quotation marks; the speaker is the subject of the
speech verb right after the quote ('..., AMLO said') or right before it ('He said: "..."');
a quote with no verb of its own that follows another continues that speaker. Indirect
quotes are the clausal complements of speech verbs ('told The Post that ...') and the
clauses that 'according to X' introduces. The verbs and small words it reads are in
:class:`~talaia.quotes.lexicon.QuoteLexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from talaia.models import Quote
from talaia.nlp.aliases import Aliases
from talaia.nlp.doccache import doc_text
from talaia.quotes.lexicon import QuoteLexicon
from talaia.quotes.marks import MarkedSpan, find_marked_spans
from talaia.quotes.speakers import NAME_LABELS, is_speech_verb, is_stance_verb, resolve_speaker, subject_of

MIN_DIRECT_WORDS = 3
CONTINUATION_GAP = 400
MAX_PARTIAL_WORDS = 4
MAX_LEAD_WORDS = 12  # 'told reporters in Nashua last week, “...”': a verb's own words before the marks
MAX_ATTRIBUTION_GAP = 200  # '“A,” said Ann Lewis, a longtime adviser. “B.”': the words between two parts of one quote
TITLE_PREPOSITIONS = {"on", "in", "en", "of", "de", "del"}  # 'said on “Meet the Press”', 'dijo en «Mañanera»'
ADDRESSEE_PREPOSITIONS = {"to", "a"}  # 'said to a crowd', 'dijo a la prensa': whom, not what ...
ADDRESSING_VERBS = {"say", "speak", "talk", "decir", "hablar"}  # ... after these ('responded to a request' is what)


@dataclass(slots=True)
class _Speaker:
    name: str | None
    start: int | None
    end: int | None
    certainty: str = "stated"


def extract_quotes(sdoc: Any, aliases: Aliases, lexicon: QuoteLexicon) -> list[Quote]:
    text = doc_text(sdoc)
    spans = [s for s in find_marked_spans(text) if text[s.start:s.end].strip()]
    inside = _inside_mask(len(text), spans)
    quotes = _direct(sdoc, spans, inside, aliases, lexicon)
    indirect, stances = _indirect(sdoc, inside, aliases, lexicon)
    indirect += _headline_claims(sdoc, inside, aliases, lexicon)
    quotes = [q for q in quotes if not _partial_of(q, indirect)] + indirect
    quotes = [q for q in quotes if id(q) not in stances or not _nested(q, quotes)]
    quotes.sort(key=lambda q: q.start)
    return quotes


def _nested(quote: Quote, quotes: list[Quote]) -> bool:
    """'Voters say they want a wall': a stance inside a longer statement belongs to that statement."""
    return any(q.start <= quote.start and quote.end <= q.end and q.end - q.start > quote.end - quote.start
               for q in quotes)


_HEADLINE = re.compile(r"^[ \t]*([^:\n]{2,40}?):[ \t]+(\S[^\n]*?)[ \t.;]*$", re.M)
MIN_HEADLINE_WORDS = 4


def _headline_claims(sdoc: Any, inside: bytearray, aliases: Aliases, lexicon: QuoteLexicon) -> list[Quote]:
    """'Elizabeth Warren: Donald Trump Is a Failure in Business', 'AMLO: no habrá impunidad': a line
    that opens with a name and a colon is that speaker's claim (the rest of the line)."""
    text = doc_text(sdoc)
    quotes = []
    for match in _HEADLINE.finditer(text):
        name = sdoc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if name is None or not all(t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS or t.is_punct for t in name) \
                or not any(t.pos_ == "PROPN" for t in name) or len(match.group(2).split()) < MIN_HEADLINE_WORDS:
            continue
        start, end = match.start(2), match.end(2)
        if sum(inside[start:end]) > 0.6 * (end - start):
            continue
        speaker, s0, s1 = resolve_speaker(name.root, aliases, lexicon, None)
        quotes.append(Quote(text[start:end], start, end, speaker, s0, s1, ":", False))
    return quotes


def _partial_of(quote: Quote, indirect: list[Quote]) -> bool:
    """'He called Ortega a “con artist”': a few marked words inside a reported clause are part of
    that clause, no statement of their own."""
    return len(quote.text.split()) <= MAX_PARTIAL_WORDS and \
        any(q.start <= quote.start and quote.end <= q.end for q in indirect)


def _title(text: str, span: MarkedSpan, words: list[str]) -> bool:
    """'said on “Good Morning America”': a title in marks after a preposition, every word capitalised."""
    if len(words) > 6 or not all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words):
        return False
    before = text[max(0, span.open_at - 40):span.open_at].split()[-4:]
    # 'said on NBC's “Meet the Press”': the preposition, then only the outlet's capitalised name
    for k in range(len(before) - 1, -1, -1):
        if before[k].lower() in TITLE_PREPOSITIONS:
            return True
        if not before[k][:1].isupper() and not before[k].endswith(("'s", "’s")):
            return False
    return False


def _inside_mask(n: int, spans: list[MarkedSpan]) -> bytearray:
    mask = bytearray(n + 1)
    for s in spans:
        mask[s.open_at:s.end + 1] = b"\x01" * (s.end + 1 - s.open_at)
    return mask


def _direct(sdoc: Any, spans: list[MarkedSpan], inside: bytearray, aliases: Aliases, lexicon: QuoteLexicon
            ) -> list[Quote]:
    text = doc_text(sdoc)
    quotes: list[Quote] = []
    previous: tuple[int, _Speaker] | None = None
    last_verb: int | None = None  # the speech verb of the last quote kept
    for span in spans:
        content = text[span.start:span.end]
        stripped = content.rstrip(" ,.;:")
        end = span.start + len(stripped)
        verb = _verb_for(sdoc, span, inside, lexicon)
        words = len(stripped.split())
        if (verb is None and words < MIN_DIRECT_WORDS) or _title(text, span, stripped.split()):
            continue
        speaker = _Speaker(None, None, None)
        cue = None
        if verb is not None:
            subj = subject_of(verb, lexicon)
            if subj is not None:
                name, s0, s1 = resolve_speaker(subj, aliases, lexicon, None)
                speaker = _Speaker(name, s0, s1, _certainty(verb, subj, lexicon))
            elif previous is not None and span.open_at - previous[0] <= 2 * CONTINUATION_GAP and \
                    not any(c.dep_.startswith("nsubj") for c in verb.children):
                speaker = previous[1]  # '"...", señaló.': no subject (pro-drop) goes on with the last speaker
            cue = verb.text
        elif (frame := _framing_verb(sdoc, span, inside)) is not None:
            # 'Hillary shot back, “...”', 'Trump attacked “the hateful ideology ...”': the sentence's subject
            name, s0, s1 = resolve_speaker(frame[1], aliases, lexicon, None)
            speaker, cue = _Speaker(name, s0, s1, _certainty(frame[0], frame[1], lexicon)), frame[0].text
        elif previous is not None and span.open_at - previous[0] <= CONTINUATION_GAP:
            speaker = previous[1]
        elif words < 6:
            continue  # a title or a scare quote, not speech
        if verb is not None and words < 4 and text[span.end + 1:span.end + 3].strip()[:1].islower():
            continue  # 'an “awful” job': a scare quote inside someone else's sentence
        shared_verb = verb is not None and verb.i == last_verb and quotes and \
            quotes[-1].end < verb.idx < span.open_at and _same_paragraph(text, quotes[-1].end, span.open_at)
        if quotes and previous is not None and quotes[-1].cue and (shared_verb or (
                verb is None and _continues(text, quotes[-1].end, span.open_at, quotes[-1].cue))):
            # '“Okay,” I said. “I was seventeen...”': one statement in several quotes, the attribution between
            # them (this one's verb is the one after the last, or it has none)
            last = quotes[-1]
            quotes[-1] = Quote(text[last.start:end], last.start, end, last.speaker, last.speaker_start,
                               last.speaker_end, last.cue, True, last.certainty)
            previous = (span.end, previous[1])
            continue
        if verb is not None or speaker.name is not None or words >= 6:
            quotes.append(Quote(stripped, span.start, end, speaker.name, speaker.start, speaker.end, cue, True,
                                speaker.certainty))
            previous = (span.end, speaker)
            last_verb = verb.i if verb is not None else None
    return quotes


def _framing_verb(sdoc: Any, span: MarkedSpan, inside: bytearray) -> tuple[Any, Any] | None:
    """(verb, subject) of the sentence a quote without a speech verb sits in, when both come before it."""
    mark = sdoc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if mark is None:
        return None
    root = mark.sent.root
    if root.pos_ != "VERB" or root.idx >= span.open_at or inside[root.idx]:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.idx >= span.open_at or inside[subj.idx] or subj.pos_ not in {"PROPN", "PRON", "NOUN"}:
        return None
    return root, subj


def _same_paragraph(text: str, previous_end: int, open_at: int) -> bool:
    gap = text[previous_end:open_at]
    return len(gap) <= MAX_ATTRIBUTION_GAP and "\n" not in gap


def _continues(text: str, previous_end: int, open_at: int, cue: str) -> bool:
    """'“A,” she said. “B.”': the attribution between two quotes joins them into one statement."""
    gap = text[previous_end:open_at]
    return len(gap) <= 160 and "\n" not in gap.strip() and cue in gap and not any(m in gap[1:] for m in "“\"«")


def _verb_for(sdoc: Any, span: MarkedSpan, inside: bytearray, lexicon: QuoteLexicon) -> Any | None:
    """The speech verb outside the marks in the sentence after, then before, the quote."""
    text = doc_text(sdoc)
    lead = sdoc.char_span(max(0, span.open_at - 1), span.open_at + 1, alignment_mode="expand")
    if lead is not None and lead.start > 0:
        # 'Issa said, “...”': a verb right before the marks, then only ',' or ':', is this quote's own
        k = lead.start - 1 if lead[0].idx >= span.open_at else lead.start
        while k > 0 and sdoc[k].text in {",", ":"} and sdoc[k].idx < span.open_at:
            k -= 1
        if k < lead.start and is_speech_verb(sdoc[k], lexicon) and not inside[sdoc[k].idx] and \
                text[sdoc[k].idx + len(sdoc[k].text):span.open_at].strip() in {",", ":"}:
            return sdoc[k]
        # 'Christie told reporters in Nashua last week, “...”': the words between are the verb's own
        if k < lead.start and text[sdoc[k].idx + len(sdoc[k].text):span.open_at].strip() in {",", ":"}:
            for verb in sdoc[k].ancestors:
                if is_speech_verb(verb, lexicon) and verb.i < k and not inside[verb.idx] and \
                        verb.right_edge.i >= k and k - verb.i <= MAX_LEAD_WORDS:
                    return verb
    after = sdoc.char_span(span.end, min(len(text), span.end + 1), alignment_mode="expand")
    if after is not None:
        sent = after.sent
        for tok in sent:
            if tok.idx > span.end and tok.idx - span.end <= 80 and not inside[tok.idx] \
                    and "\n" not in text[span.end:tok.idx] and is_speech_verb(tok, lexicon):
                return tok
    before = sdoc.char_span(max(0, span.open_at - 1), span.open_at + 1, alignment_mode="expand")
    if before is not None:
        for tok in reversed(list(before.sent)):
            if tok.idx < span.open_at and span.open_at - tok.idx <= 120 and not inside[tok.idx] \
                    and "\n" not in text[tok.idx:span.open_at] and is_speech_verb(tok, lexicon):
                return tok
    return None


def _indirect(sdoc: Any, inside: bytearray, aliases: Aliases, lexicon: QuoteLexicon
              ) -> tuple[list[Quote], set[int]]:
    """The reported clauses and stances of the document, and the ids of those that are stances."""
    text = doc_text(sdoc)
    quotes: list[Quote] = []
    stances: set[int] = set()
    for tok in sdoc:
        if inside[tok.idx]:
            continue
        if is_speech_verb(tok, lexicon):
            comp = _reported_clause(tok, inside)
            if comp is None:
                quote = _inserted(sdoc, tok, inside, aliases, lexicon)
                if quote is None and (quote := _stance_object(sdoc, tok, inside, aliases, lexicon)) is not None:
                    stances.add(id(quote))
                if quote is not None:
                    quotes.append(quote)
                continue
            words = [t for t in comp.subtree
                     if not (t.i == comp.left_edge.i and t.lower_ in lexicon.complementizers)]
            words = [t for t in words if t.dep_ != "punct" or t.i not in (comp.left_edge.i, comp.right_edge.i)]
            words = _without_trailing_aside(_from_complementizer(words, comp, lexicon), comp, lexicon)
            if len(words) < 3:
                continue
            start = words[0].idx
            end = words[-1].idx + len(words[-1].text)
            if sum(inside[start:end]) > 0.6 * (end - start):
                continue  # the direct quote already covers it
            subj = subject_of(tok, lexicon)
            name, s0, s1 = resolve_speaker(subj, aliases, lexicon, None) if subj is not None else (None, None, None)
            quotes.append(Quote(text[start:end], start, end, name, s0, s1, _cue(tok, lexicon), False,
                                _certainty(tok, subj, lexicon)))
        elif is_stance_verb(tok, lexicon):
            quote = _stance_object(sdoc, tok, inside, aliases, lexicon)
            if quote is not None:
                quotes.append(quote)
                stances.add(id(quote))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.stance_nouns:
            quote = _stance_noun(sdoc, tok, inside, aliases, lexicon)
            if quote is not None:
                quotes.append(quote)
                stances.add(id(quote))
        else:
            phrase = _source_phrase(sdoc, tok, lexicon)
            quote = _according_to(sdoc, tok, phrase, aliases, lexicon) if phrase else None
            if quote is not None:
                quotes.append(quote)
    return quotes, stances


def _from_complementizer(words: list[Any], comp: Any, lexicon: QuoteLexicon) -> list[Any]:
    """'said on NBC's “Meet the Press” on Sunday that ...': a clause parsed with the words before its
    'that' starts after it."""
    mark = next((c for c in comp.children if c.dep_ == "mark" and c.lower_ in lexicon.complementizers), None)
    if mark is None or not words or mark.i <= words[0].i:
        return words
    return [t for t in words if t.i > mark.i]


_ASIDE_DEPS = {"relcl", "advcl", "conj", "parataxis", "acl"}


def _without_trailing_aside(words: list[Any], comp: Any, lexicon: QuoteLexicon) -> list[Any]:
    """'... exchanges with Eric Fanning, who was his chief of staff' / '..., while 4 in 10 want one' /
    '... momentum and said that ...': a clause set off by a comma, or the speaker's own next speech or
    stance verb, that runs to the end of the reported clause is no part of it."""
    for t in words:
        if t.i <= comp.i or t.dep_ not in _ASIDE_DEPS or t.right_edge.i < words[-1].i:
            continue
        own_verb = t.lemma_.lower() in lexicon.speech_verbs or t.lemma_.lower() in lexicon.stance_verbs
        if t.dep_ == "conj" and (t.pos_ not in {"VERB", "AUX"} or not own_verb):
            continue  # 'A, B and C': a list of nouns; '..., but hasn't decided': the claim goes on
        cut = min(x.i for x in t.subtree)
        before = t.doc[cut - 1] if cut > 0 else None
        if before is not None and (before.text == "," or (before.dep_ == "cc" and t.dep_ == "conj")):
            kept = [w for w in words if w.i < cut]
            while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
                kept.pop()
            return kept
    return words


def _source_phrase(sdoc: Any, tok: Any, lexicon: QuoteLexicon) -> tuple[str, ...] | None:
    """The source phrase ('according to') that starts at ``tok``, if one does."""
    first = tok.lower_  # compared before the words after it are made into tokens (most words start none)
    for phrase in lexicon.sources:
        if phrase[0] == first and tok.i + len(phrase) <= len(sdoc) and \
                all(sdoc[tok.i + k].lower_ == w for k, w in enumerate(phrase)):
            return phrase
    return None


def _reported_clause(verb: Any, inside: bytearray) -> Any | None:
    """The clause a speech verb reports: its complement (the one after it, outside quotation marks, when
    the parse gives two: '“Why?” // The administration said it was ...'), else one parsed as adverbial."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    own = [c for c in comps if c.i > verb.i and not inside[c.idx]]
    return (own or comps or [None])[0] or _clause_parsed_as_adverbial(verb)


def _clause_parsed_as_adverbial(verb: Any) -> Any | None:
    """'Trump said after the convention he would not accept ...': a clause with a subject of its own and no
    'if', 'when' or 'because', parsed as an adverbial clause of the speech verb, is what it reports."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.pos_ in {"VERB", "AUX"}
                 and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                 and not any(g.dep_ == "mark" for g in c.children)), None)


def _inserted(sdoc: Any, verb: Any, inside: bytearray, aliases: Aliases, lexicon: QuoteLexicon) -> Quote | None:
    """'The hashtag, he said, was popular' / 'Gunmen fled, police said on Monday': the claim around it."""
    subj = subject_of(verb, lexicon)
    if verb.tag_ == "VBG" or subj is None:
        return None
    sent = verb.sent
    if verb.dep_ == "ROOT":
        # '<claim>, he said.' parsed with the claim's words hanging from the verb: the subject right after a
        # comma, the verb, then nothing but its own words to the end
        edge = min(t.i for t in subj.subtree)
        if subj.i > verb.i or edge == sent.start or sdoc[edge - 1].text != "," or verb.i - subj.i > 2 or \
                any(t.pos_ in {"VERB", "AUX"} for t in sdoc[verb.i + 1:sent.end]):
            return None
        attribution = set(range(edge, sent.end))
    elif verb.dep_ in {"parataxis", "advcl", "conj"}:
        attribution = {t.i for t in verb.subtree}
    else:
        return None
    words = [t for t in sent if t.i not in attribution and not t.is_punct and not t.is_space]
    if len(words) < 4:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if sum(inside[start:end]) > 0.6 * (end - start):
        return None
    name, s0, s1 = resolve_speaker(subj, aliases, lexicon, None)
    return Quote(doc_text(sdoc)[start:end], start, end, name, s0, s1, _cue(verb, lexicon), False,
                 _certainty(verb, subj, lexicon))


def _stance_object(sdoc: Any, verb: Any, inside: bytearray, aliases: Aliases, lexicon: QuoteLexicon
                   ) -> Quote | None:
    """'Sanders criticized the deal', 'she called him a liar', 'they called for a recount', 'he wants to
    run': what a stance verb takes a position on, attributed to its subject."""
    subj = subject_of(verb, lexicon)
    if subj is None or (subj.lower_ in lexicon.relatives and verb.dep_ != "relcl"):
        return None
    parts = [c for c in verb.children if c.dep_ in {"dobj", "obj", "xcomp", "oprd", "ccomp"} and c.i > verb.i]
    if not parts:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1
                     and c.lower_ in lexicon.stance_prepositions
                     and not (c.lower_ in ADDRESSEE_PREPOSITIONS and verb.lemma_.lower() in ADDRESSING_VERBS)),
                    None)
        parts = [g for g in prep.children if g.dep_ == "pobj"] if prep is not None else []
    if not parts:
        return None
    if any(p.lemma_.lower() in lexicon.not_speech or p.lower_ in lexicon.not_speech for p in parts):
        return None  # 'rechazaron una orden': an order is no statement of theirs
    first = min(min(t.i for t in p.subtree) for p in parts)
    last = max(max(t.i for t in p.subtree) for p in parts)
    words = [t for t in sdoc[first:last + 1] if not t.is_punct]
    mark = next((t for t in words if t.dep_ == "mark" and t.lower_ in lexicon.complementizers
                 and t.head.dep_ == "ccomp"), None)
    if mark is not None and is_speech_verb(verb, lexicon):
        words = [t for t in words if t.i > mark.i]  # 'said on “Meet the Press” that ...': misparsed, the clause
    if not words or (len(words) == 1 and words[0].pos_ == "PRON") or _anonymity_aside(words, lexicon):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if sum(inside[start:end]) > 0.6 * (end - start):
        return None
    if subj.lower_ in lexicon.relatives:
        subj = verb.head
    name, s0, s1 = resolve_speaker(subj, aliases, lexicon, None)
    return Quote(doc_text(sdoc)[start:end], start, end, name, s0, s1, _cue(verb, lexicon), False,
                 _certainty(verb, subj, lexicon))


def _stance_noun(sdoc: Any, noun: Any, inside: bytearray, aliases: Aliases, lexicon: QuoteLexicon) -> Quote | None:
    """"Clinton's claim that 90 percent ... is her camp's calculation": the 'that' clause of a claim."""
    that = lexicon.stance_nouns[noun.lemma_.lower()]
    clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}
                   and any(g.lower_ in that and g.dep_ == "mark" and g.i == c.left_edge.i
                                 and g.nbor(-1).pos_ != "ADV" for g in c.children)),
                  None)  # 'reports of infighting now that he is gone': 'now that' is no claim's 'that'
    if clause is None:
        return None
    words = [t for t in clause.subtree if t.lower_ not in that or t.head.i != clause.i]
    if len(words) < 3:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if sum(inside[start:end]) > 0.6 * (end - start):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in lexicon.agents), None)
        owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    name, s0, s1 = resolve_speaker(owner, aliases, lexicon, None) if owner is not None else (None, None, None)
    return Quote(doc_text(sdoc)[start:end], start, end, name, s0, s1, noun.text, False,
                 _certainty(None, owner, lexicon))


def _certainty(verb: Any | None, speaker: Any | None, lexicon: QuoteLexicon) -> str:
    """'reported' when the attribution is itself second-hand: a hedge on the verb ('reportedly told',
    'supuestamente dijo') or a speaker kept unnamed ('an unnamed official', 'who asked not to be
    named'); else 'stated'."""
    if verb is not None and (any(c.lower_ in lexicon.hedges for c in verb.children)
                             or (verb.i > 0 and verb.doc[verb.i - 1].lower_ in lexicon.hedges)):
        return "reported"
    if speaker is not None and any(t.lower_ in lexicon.anonymity for t in speaker.subtree):
        return "reported"
    return "stated"


def _anonymity_aside(words: list[Any], lexicon: QuoteLexicon) -> bool:
    """'(who asked) not to be named', '(que pidió) no ser identificado': why a source is unnamed."""
    return len(words) <= 6 and any(t.lower_ in lexicon.anonymity for t in words)


def _cue(verb: Any, lexicon: QuoteLexicon) -> str:
    """'told The Post': the verb with its recipient, when there is one."""
    recipients = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj", "obj"} and c.i > verb.i]
    if recipients and verb.lemma_.lower() in lexicon.recipient_cues:
        last = max(t.i for t in recipients[0].subtree)
        return str(verb.doc[verb.i:last + 1].text)
    return str(verb.text)


def _according_to(sdoc: Any, tok: Any, phrase: tuple[str, ...], aliases: Aliases, lexicon: QuoteLexicon
                  ) -> Quote | None:
    """'According to X, <claim>', '<claim>, según X', '<claim>, de acuerdo con X, <claim>': the
    sentence without the source phrase is the claim."""
    last = sdoc[tok.i + len(phrase) - 1]
    source = next((c for c in last.children if c.dep_ == "pobj"), None)
    if source is None and tok.dep_ == "case" and tok.head.i > last.i:
        source = tok.head  # 'según la fiscalía': the phrase is the noun's case marker
    if source is None:
        return None
    # the source with its modifiers and coordinated names ('exit polls reported by CNN and other networks'),
    # up to a clause joined to it ('according to police, and the gunmen fled')
    clause = next((t.i for t in source.subtree if t.i > source.i and t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"}),
                  None)
    source_end = max(t.i for t in source.subtree
                     if (clause is None or t.i < clause) and (t.dep_ not in {"punct", "cc"} or t.i <= source.i))
    anchor = source.head if tok.dep_ == "case" else tok.head
    # the clause the phrase modifies ('after, according to him, the network censured ...'), else the sentence
    scope = list(anchor.subtree) if anchor.pos_ in {"VERB", "AUX"} and anchor.i != tok.i else list(tok.sent)
    words = [t for t in scope if not (tok.i <= t.i <= source_end)]
    after = next((t for t in sdoc[source_end + 1:tok.sent.end] if not t.is_punct), None)
    if after is not None and after.dep_ == "cc" and any(t.i < tok.i for t in words):
        words = [t for t in words if t.i < tok.i]  # '<claim>, according to police, and <another>': the first
    if words and words[0].dep_ == "mark" and words[0].head.i == anchor.i:
        words.pop(0)
    while words and (words[0].is_punct or words[0].is_space):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    if len(words) < 3 or any(t.is_punct for t in words[:1]):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = doc_text(sdoc)
    name, s0, s1 = resolve_speaker(source, aliases, lexicon, None)
    return Quote(text[start:end], start, end, name, s0, s1, " ".join(phrase), False, "reported")
