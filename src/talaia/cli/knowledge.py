"""``talaia knowledge``: the knowledge tables in use, checked, listed, and the version they give."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from talaia.cli.main import KNOWLEDGE_OPTION
from talaia.errors import TalaiaError

if TYPE_CHECKING:
    from talaia.knowledge import Knowledge


@click.group("knowledge")
def knowledge_group() -> None:
    """The word lists, patterns and codebook tables extraction reads (see docs/KNOWLEDGE.md)."""


def knowledge_or_exit(folders: tuple[str, ...]) -> Knowledge:
    from talaia.knowledge import load_knowledge

    try:
        return load_knowledge(tuple(folders))
    except TalaiaError as err:
        click.echo(f"talaia: {err}", err=True)
        sys.exit(2)


@knowledge_group.command("check")
@KNOWLEDGE_OPTION
@click.option("--lemmas/--no-lemmas", default=False,
              help="Also check that verb lists hold verb lemmas (loads the spaCy models).")
def check(knowledge: tuple[str, ...], lemmas: bool) -> None:
    """Load and validate the knowledge (built-in plus --knowledge folders); print every problem.

    Exit status 0 when all is consistent, 1 when problems were found, 2 when a file cannot be
    loaded (the error names the file and line).
    """
    from talaia.knowledge.integrity import check_knowledge

    loaded = knowledge_or_exit(knowledge)
    problems = check_knowledge(loaded, spacy_lemmatizer() if lemmas else None)
    for problem in problems:
        click.echo(str(problem))
    rows = sum(len(t) for t in loaded.codebook_tables.values()) + sum(
        len(t) for tables in loaded.by_language.values() for t in tables.values())
    click.echo(f"talaia: {len(loaded.files)} files, {rows} rows, {len(problems)} problems", err=True)
    if problems:
        sys.exit(1)


@knowledge_group.command("tables")
@KNOWLEDGE_OPTION
def tables(knowledge: tuple[str, ...]) -> None:
    """List the tables with their rows per language and what each holds."""
    loaded = knowledge_or_exit(knowledge)
    for spec in loaded.specs.values():
        if spec.scope == "lang":
            counts = " ".join(f"{lang}:{len(loaded.table(spec.name, lang))}" for lang in loaded.languages)
        else:
            counts = f"codebook:{len(loaded.table(spec.name))}"
        click.echo(f"{spec.name:<24} {counts:<18} {spec.description}")


@knowledge_group.command("version")
@KNOWLEDGE_OPTION
def version(knowledge: tuple[str, ...]) -> None:
    """Print the extractor version this knowledge gives (what `talaia ingest` compares)."""
    from talaia.pipeline import Pipeline, PipelineConfig

    knowledge_or_exit(knowledge)
    click.echo(Pipeline(PipelineConfig(knowledge_dirs=tuple(knowledge))).extractor_version)


def spacy_lemmatizer() -> Callable[[str, str], str]:
    """(word, language) -> the lemma the language's spaCy model gives the word as a verb."""
    from spacy.tokens import Doc

    from talaia.nlp.spacy_backend import SpacyModels

    models = SpacyModels()

    def lemma(word: str, lang: str) -> str:
        if lang not in {"en", "es"}:
            return word
        nlp = models.get(lang)
        doc = Doc(nlp.vocab, words=[word], pos=["VERB"])
        return str(nlp.get_pipe("lemmatizer")(doc)[0].lemma_)

    return lemma
