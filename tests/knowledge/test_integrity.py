"""The knowledge is consistent, and the checks that say so can fail (tests for the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from talaia.errors import KnowledgeError
from talaia.knowledge import load_knowledge
from talaia.knowledge.integrity import check_knowledge


def _folder(root: Path, files: dict[str, str]) -> tuple[str]:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return (str(root),)


def test_the_built_in_knowledge_is_consistent() -> None:
    problems = check_knowledge(load_knowledge())
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.slow
def test_verb_lists_hold_verb_lemmas() -> None:
    from talaia.cli.knowledge import spacy_lemmatizer

    problems = check_knowledge(load_knowledge(), spacy_lemmatizer())
    assert problems == [], "\n".join(map(str, problems))


def test_a_planted_duplicate_is_caught(tmp_path: Path) -> None:
    user = _folder(tmp_path, {"lang/en/numbers.tsv": "word\tkind\tvalue\numpteen\tvague\t20\numpteen\tvague\t30\n"})
    with pytest.raises(KnowledgeError, match=r"already listed at .*numbers\.tsv:2"):
        load_knowledge(user)


@pytest.mark.parametrize("junk", ["say.", "...", "two words  apart", "3rd", "figures!"])
def test_a_planted_junk_entry_is_caught(tmp_path: Path, junk: str) -> None:
    user = _folder(tmp_path, {"lang/en/numbers.tsv": f"word\tkind\tvalue\n{junk}\tunit\t3\n"})
    with pytest.raises(KnowledgeError, match="not a word"):
        load_knowledge(user)


def test_a_planted_function_word_in_a_lemma_list_is_caught(tmp_path: Path) -> None:
    from talaia.knowledge import table_specs

    lemma_tables = [s for s in table_specs().values() if s.scope == "lang" and s.columns[0].type in {"lemma", "verb"}]
    if not lemma_tables:
        pytest.skip("no lemma table declared")
    spec = lemma_tables[0]
    header = "\t".join(c.name for c in spec.columns)
    row = "\t".join(["he"] + [_sample(c.type) for c in spec.columns[1:]])
    user = _folder(tmp_path, {f"lang/en/{spec.name}.tsv": f"{header}\n{row}\n"})
    with pytest.raises(KnowledgeError, match="function word"):
        load_knowledge(user)


def _sample(column_type: str) -> str:
    """A valid cell of a column type, for planting one bad cell beside it."""
    if column_type.startswith("one="):
        return column_type[4:].split("|")[0]
    if column_type.startswith("ref="):
        return load_knowledge().table(column_type[4:]).column(
            load_knowledge().specs[column_type[4:]].columns[0].name)[0]
    return {"int": "1", "codes": "MX", "regex": "x"}.get(column_type.rstrip("?"), "word")


def test_a_planted_misfiled_word_is_caught(tmp_path: Path) -> None:
    user = _folder(tmp_path, {"lang/es/numbers.tsv": "word\tkind\tvalue\nfourteen\tunit\t14\n"})
    problems = check_knowledge(load_knowledge(user))
    assert [p.check for p in problems] == ["language"] and "'fourteen' reads as en" in problems[0].message


def test_a_planted_disagreeing_pair_is_caught(tmp_path: Path) -> None:
    # a new lethal trigger the fatality reader does not know: its deaths would go uncounted
    user = _folder(tmp_path, {"lang/en/trigger_words.tsv": "word\tkind\nobliterate\tkill\n"})
    problems = check_knowledge(load_knowledge(user))
    assert [(p.check, "'obliterate'" in p.message) for p in problems] == [("agreement", True)]
    assert problems[0].source.endswith("trigger_words.tsv:2")


def test_a_planted_non_lemma_in_a_verb_list_is_caught(tmp_path: Path) -> None:
    user = _folder(tmp_path, {"lang/en/speech_verbs.tsv":
                              "lemma\tpast_only\tobject_speaker\tcue_recipient\nfigures\n"})
    problems = check_knowledge(load_knowledge(user), lambda word, lang: {"figures": "figure"}.get(word, word))
    assert [(p.check, "'figures'" in p.message) for p in problems] == [("lemma", True)]
