"""Knowledge lives in data files: no module under src/talaia may hold a word list.

A literal list, set, tuple or dict of more than 20 strings fails, and so do the disguises
a word list takes in Python: one string split into more than 20 words, and a regular
expression with more than 20 alternatives.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "talaia"
LIMIT = 20


def _strings(node: ast.AST) -> int:
    if isinstance(node, ast.Dict):
        return sum(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in [*node.keys, *node.values]
                   if n is not None)
    if isinstance(node, ast.List | ast.Set | ast.Tuple):
        return sum(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in node.elts)
    return 0


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return found


def word_lists(source: str) -> list[str]:
    """What in this module's source is a word list: '<line>: <why>' for each."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    # a module's __all__ lists its own names, not knowledge
    exports = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)}
    found = []
    for node in ast.walk(tree):
        n = 0 if id(node) in exports else _strings(node)
        if n > LIMIT:
            found.append(f"{node.lineno}: a literal collection of {n} strings")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            words = len(node.func.value.value.split())
            if words > LIMIT:
                found.append(f"{node.lineno}: a string split into {words} words")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            alternatives = len(re.findall(r"(?<!\\)\|", node.value))
            if alternatives >= LIMIT:
                found.append(f"{node.lineno}: a pattern with {alternatives + 1} alternatives")
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_holds_a_word_list(path: Path) -> None:
    found = word_lists(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(PACKAGE)} holds knowledge that belongs in a data file: {found}"


def test_a_module_may_export_many_names() -> None:
    assert word_lists("__all__ = [" + ", ".join(f"'f{i}'" for i in range(30)) + "]") == []


@pytest.mark.parametrize("source", [
    "WORDS = {" + ", ".join(f"'w{i}'" for i in range(21)) + "}",
    "MAP = {" + ", ".join(f"'k{i}': 'v{i}'" for i in range(11)) + "}",
    "WORDS = frozenset('" + " ".join(f"w{i}" for i in range(21)) + "'.split())",
    "PATTERN = r'\\b(?:" + "|".join(f"w{i}" for i in range(21)) + ")\\b'",
])
def test_the_layout_test_catches_each_disguise(source: str) -> None:
    assert word_lists(source)


def test_the_layout_test_lets_small_closed_sets_and_docstrings_pass() -> None:
    source = '"""' + " ".join(f"w{i}" for i in range(60)) + '\nmore"""\nDEPS = {"nsubj", "dobj", "obj"}\n'
    assert word_lists(source) == []
