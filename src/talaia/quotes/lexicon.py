"""What the quote reader knows about attributions, read once from the knowledge tables.

Verbs and small words come from ``speech_verbs``, ``stance_verbs``, ``stance_nouns`` and
``attribution_words``, in every language at once (one document may quote in both).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from talaia.knowledge import Knowledge


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    speech_verbs: frozenset[str]  # lemmas: 'say', 'tell', 'decir'
    past_only: frozenset[str]  # report only in the simple past: '..., he continued.'
    object_speakers: frozenset[str]  # '..., said the spokesman': the speaker parsed as the object
    recipient_cues: frozenset[str]  # 'told The Post': the cue keeps the recipient
    stance_verbs: frozenset[str]  # 'criticized the deal'
    stance_nouns: Mapping[str, frozenset[str]]  # 'claim' -> the complementizers of its language ('that')
    pronouns: frozenset[str]  # 'he', 'ella': resolved to the last person named
    complementizers: frozenset[str]  # 'that', 'que': not part of the reported clause
    relatives: frozenset[str]  # 'who': the speaker is the noun it refers to
    stance_prepositions: frozenset[str]  # 'called for', 'accused of'
    sources: tuple[tuple[str, ...], ...]  # ('according', 'to'): introduces the source of a claim
    agents: frozenset[str]  # 'a claim by X'
    titles: frozenset[str]  # 'the president said': resolved to the last person named with that title
    anonymity: frozenset[str]  # 'who asked not to be named': an aside that is no claim
    not_speech: frozenset[str]  # 'rejected an order': an object that is no statement
    hedges: frozenset[str]  # 'reportedly told': the attribution is second-hand

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> QuoteLexicon:
        speech = knowledge.union("speech_verbs")
        words = knowledge.union("attribution_words")
        stance_nouns: dict[str, frozenset[str]] = {}
        for lang in knowledge.languages:  # a noun's 'that' is its own language's
            own = knowledge.table("attribution_words", lang).words(role="complementizer")
            for noun in knowledge.table("stance_nouns", lang).column("lemma"):
                stance_nouns[noun] = stance_nouns.get(noun, frozenset()) | own
        return cls(
            speech_verbs=speech.words(),
            past_only=speech.words(past_only="yes"),
            object_speakers=speech.words(object_speaker="yes"),
            recipient_cues=speech.words(cue_recipient="yes"),
            stance_verbs=knowledge.union("stance_verbs").words(),
            stance_nouns=MappingProxyType(stance_nouns),
            pronouns=words.words(role="pronoun"),
            complementizers=words.words(role="complementizer"),
            relatives=words.words(role="relative"),
            stance_prepositions=words.words(role="preposition"),
            sources=tuple(dict.fromkeys(tuple(p.split()) for p in words.where(role="source").column("word"))),
            agents=words.words(role="agent"),
            titles=frozenset(w.lower() for w in knowledge.union("name_titles").words(kind="title")),
            anonymity=words.words(role="anonymity"),
            not_speech=words.words(role="not_speech"),
            hedges=words.words(role="hedge"),
        )
