"""Who said it: subjects of speech verbs, resolved to the fullest name in the document."""

from __future__ import annotations

from typing import Any

from talaia.nlp.aliases import Aliases
from talaia.nlp.doccache import doc_ents, doc_text
from talaia.quotes.lexicon import QuoteLexicon

PERSON_LABELS = {"PERSON", "PER"}
NAME_LABELS = PERSON_LABELS | {"ORG", "NORP", "GPE"}
_DROP_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "parataxis"}


def is_stance_verb(tok: Any, lexicon: QuoteLexicon) -> bool:
    return bool(tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.stance_verbs)


def is_speech_verb(tok: Any, lexicon: QuoteLexicon) -> bool:
    if tok.i > 0:  # '<tweet ...>' markup, not the verb (Doc.text is rebuilt on each access: use the token)
        before = tok.doc[tok.i - 1]
        if not before.whitespace_ and before.text[-1:] in {"<", "/", "\\"}:
            return False
    lemma = tok.lemma_.lower()
    if lemma in lexicon.past_only and tok.tag_ != "VBD":  # '..., he continued.' reports; 'continues to' does not
        return False
    return bool(tok.pos_ in {"VERB", "AUX"} and lemma in lexicon.speech_verbs)


def subject_of(verb: Any, lexicon: QuoteLexicon) -> Any | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "expl"} and child.dep_ != "expl":
            return child
    # "..., said the spokesman": some parses attach the speaker as a direct object
    for child in verb.children:
        if child.dep_ in {"dobj", "obj", "attr"} and child.i > verb.i \
                and verb.lemma_.lower() in lexicon.object_speakers:
            return child
    if (verb.dep_ in {"conj", "xcomp"} or (verb.dep_ == "advcl" and verb.tag_ == "VBG")) and verb.head.i != verb.i:
        # 'rallied supporters, saying: “...”': the participle's speaker is its head verb's subject
        return subject_of(verb.head, lexicon)
    return None


def noun_phrase(head: Any) -> tuple[int, int]:
    """Character span of a subject without its relative clauses and appositions."""
    tokens = [head]
    for child in head.children:
        if (child.dep_ in _DROP_DEPS and child.i > head.i) or child.dep_ in {"case", "punct"}:
            continue  # 'según la fiscalía': the source without its preposition
        tokens.extend(child.subtree)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def resolve_speaker(head: Any, aliases: Aliases, lexicon: QuoteLexicon, last_person: str | None
                    ) -> tuple[str | None, int, int]:
    """(speaker name, start, end): named people to their fullest name, pronouns to an antecedent."""
    doc = head.doc
    start, end = noun_phrase(head)
    canonical_name = aliases.canonical
    if head.lower_ in lexicon.pronouns or head.pos_ == "PRON":
        antecedent = last_person or _previous_person(doc, head.i, aliases)
        return antecedent, head.idx, head.idx + len(head.text)
    for appos in (c for c in head.children if c.dep_ == "appos"):
        # "the mayor, Rosa Elena Díaz, said": the name in apposition is who spoke
        for ent in doc_ents(doc):
            if ent.label_ in PERSON_LABELS and appos.i in range(ent.start, ent.end):
                return canonical_name(ent.text), ent.start_char, ent.end_char
        if appos.pos_ == "PROPN":
            words = [t for t in appos.subtree if t.pos_ == "PROPN"]
            a0, a1 = words[0].idx, words[-1].idx + len(words[-1].text)
            return canonical_name(doc_text(doc)[a0:a1]), a0, a1
    for ent in doc_ents(doc):
        inside = ent.start_char >= start and ent.end_char <= end and ent.label_ in NAME_LABELS
        if inside and (ent.label_ in PERSON_LABELS or ent.start <= head.i < ent.end):
            return canonical_name(ent.text), ent.start_char, ent.end_char
    if head.pos_ == "NOUN" and head.lower_ in lexicon.titles:
        named = _previous_titled(doc, head, aliases)
        if named is not None:  # 'the president said' after 'President Ana Torres'
            return named, start, end
    if head.pos_ == "PROPN":
        phrase = doc_text(doc)[start:end]
        return canonical_name(phrase), start, end
    return doc_text(doc)[start:end], start, end


def _previous_person(doc: Any, before: int, aliases: Aliases) -> str | None:
    best = None
    for ent in doc_ents(doc):
        if ent.end > before:
            break
        if ent.label_ in PERSON_LABELS:
            best = aliases.canonical(ent.text)
    return best


def _previous_titled(doc: Any, title: Any, aliases: Aliases) -> str | None:
    """The last name written after that same title before ``title`` ('President Ana Torres')."""
    best = None
    for tok in doc[:title.i]:
        if tok.lower_ != title.lower_ or tok.i + 1 >= title.i or doc[tok.i + 1].pos_ != "PROPN":
            continue
        end = tok.i + 1
        while end < title.i and doc[end].pos_ == "PROPN":
            end += 1
        best = aliases.canonical(doc[tok.i + 1:end].text)
    return best
