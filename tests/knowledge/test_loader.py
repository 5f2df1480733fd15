"""The knowledge loader: built-in tables, a user's folder layered on top, clear errors, a fingerprint."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from talaia.errors import KnowledgeError
from talaia.knowledge import load_knowledge, table_specs
from talaia.nlp.numbers import NumberWords


def _user_table(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return root


def test_every_declared_language_table_exists_in_english_and_spanish() -> None:
    knowledge = load_knowledge()
    assert knowledge.languages[:2] == ("en", "es")
    for spec in table_specs().values():
        if spec.scope == "lang":
            assert knowledge.table(spec.name, "en").rows or knowledge.table(spec.name, "es").rows, spec.name


def test_rows_remember_their_file_and_line() -> None:
    row = load_knowledge().table("numbers", "es").where(word="catorce").rows[0]
    assert row.source.startswith("lang/es/numbers.tsv:") and row.lang == "es"


def test_a_user_folder_overrides_and_adds_rows(tmp_path: Path) -> None:
    user = _user_table(tmp_path, "lang/en/numbers.tsv", "word\tkind\tvalue\nseveral\tvague\t4\numpteen\tvague\t20\n")
    knowledge = load_knowledge((str(user),))
    words = NumberWords.from_knowledge(knowledge, "en")
    assert words.parse("several") == 4 and words.parse("umpteen") == 20 and words.parse("dozens") == 12
    assert NumberWords.from_knowledge(load_knowledge(), "en").parse("several") == 3  # built-in untouched
    assert knowledge.fingerprint != load_knowledge().fingerprint


def test_a_user_folder_can_add_a_language(tmp_path: Path) -> None:
    user = _user_table(tmp_path, "lang/pt/numbers.tsv", "word\tkind\tvalue\ncatorze\tunit\t14\n")
    knowledge = load_knowledge((str(user),))
    assert "pt" in knowledge.languages and NumberWords.from_knowledge(knowledge, "pt").parse("catorze") == 14


@pytest.mark.parametrize(("relative", "text", "message"), [
    ("lang/en/numbers.tsv", "word\tvalue\tkind\nten\t10\tunit\n", "header"),
    ("lang/en/numbers.tsv", "word\tkind\tvalue\nten\tunit\tmany\n", "not a whole number"),
    ("lang/en/numbers.tsv", "word\tkind\tvalue\nten\tlots\t10\n", "not one of"),
    ("lang/en/numbers.tsv", "word\tkind\tvalue\nten\tunit\t10\nten\tunit\t11\n", "already listed"),
    ("lang/en/numbers.tsv", "word\tkind\tvalue\nten\tunit\t10\textra\n", "stray tab"),
    ("lang/en/numerals.tsv", "word\tkind\tvalue\n", "unknown lang table 'numerals'"),
    ("lang/en/sublocal_patterns.tsv", "regex\tposition\ncolonia (\tbefore\n", "not a valid regular expression"),
])
def test_bad_user_files_fail_naming_file_and_line(tmp_path: Path, relative: str, text: str, message: str) -> None:
    user = _user_table(tmp_path, relative, text)
    with pytest.raises(KnowledgeError, match=message) as err:
        load_knowledge((str(user),))
    assert relative in str(err.value)
    if "header" not in message and "unknown" not in message:
        assert f"{relative}:" in str(err.value)  # the line number follows


def test_every_built_in_pattern_compiles() -> None:
    """The packaged tables' regex cells are not compiled at load (start-up time): this checks them instead."""
    knowledge = load_knowledge()
    tables = [*knowledge.codebook_tables.values(),
              *(t for lang in knowledge.by_language.values() for t in lang.values())]
    checked = 0
    for table in tables:
        for i, column in enumerate(table.spec.columns):
            if column.type == "regex":
                for row in table.rows:
                    if row.cells[i]:
                        re.compile(row.cells[i], re.IGNORECASE)
                        checked += 1
    assert checked > 500


def test_a_folder_that_is_not_a_knowledge_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no such knowledge folder"):
        load_knowledge((str(tmp_path / "missing"),))
    with pytest.raises(KnowledgeError, match="found neither"):
        load_knowledge((str(tmp_path),))


def test_changing_one_entry_changes_the_extractor_version(tmp_path: Path) -> None:
    from talaia.pipeline import Pipeline, PipelineConfig

    user = _user_table(tmp_path, "lang/en/numbers.tsv", "word\tkind\tvalue\nseveral\tvague\t4\n")
    built_in = Pipeline().extractor_version
    assert Pipeline().extractor_version == built_in  # derived, stable
    assert Pipeline(PipelineConfig(knowledge_dirs=(str(user),))).extractor_version != built_in


def test_an_override_keeps_the_built_in_rows_place(tmp_path: Path) -> None:
    built_in = load_knowledge().table("numbers", "en").column("word")
    user = _user_table(tmp_path, "lang/en/numbers.tsv",
                       f"word\tkind\tvalue\n{built_in[1]}\tunit\t99\nzillion\tvague\t9\n")
    merged = load_knowledge((str(user),)).table("numbers", "en")
    assert merged.column("word") == (*built_in, "zillion")
    assert merged.rows[1].cells[2] == "99" and merged.rows[1].source.endswith("numbers.tsv:2")
