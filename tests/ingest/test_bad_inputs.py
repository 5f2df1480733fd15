"""A corpus of bad inputs through `talaia ingest`: nothing crashes, each bad document is reported with
its Talaia error code and its name, the good ones are stored; on SQLite and on PostgreSQL. Every
file is written here (the size limit is the code's, not a number of this test)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.cli import cli
from talaia.ingest.readers import DEFAULT_MAX_BYTES
from talaia.store import open_store

pytestmark = pytest.mark.slow
GOOD = "Gunmen killed {n} police officers in an ambush in Celaya, Guanajuato, on Monday, officials said."
BIG = 50 * 1024 * 1024


def _write_corpus(folder: Path) -> tuple[dict[str, str], set[str]]:
    """(where each bad document is -> the error code it must be reported with, the ids of the good ones)."""
    folder.mkdir()
    rng = random.Random(14)
    bad: dict[str, str] = {}
    good: set[str] = set()

    def put(name: str, data: bytes, code: str | None) -> Path:
        path = folder / name
        path.write_bytes(data)
        if code:
            bad[str(path)] = code
        else:
            good.add(name)
        return path

    put("empty.txt", b"", "E101")
    put("blank.txt", b"  \n\t\n  ", "E101")
    put("only-a-date.txt", b"date 2021-03-01\n\n", "E101")
    put("no-article.html", b"<!doctype html><html><head><script>var a = 1;</script></head><body></body></html>",
        "E101")
    put("random.bin", rng.randbytes(8192), "E102")
    put("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000), "E102")
    put("nul-late.txt", (GOOD.format(n=2) + " ").encode() * 100 + b"\x00 and more", "E102")
    put("latin1.txt", "Hombres armados asesinaron a cinco policías en Celaya.".encode("latin-1"), "E103")
    put("cut-utf8.txt", "Police arrested three men in Culiacá".encode()[:-1], "E103")  # half a character
    put("utf16.txt", GOOD.format(n=3).encode("utf-16"), None)  # with its byte-order mark: readable
    put("good.txt", GOOD.format(n=4).encode(), None)
    (folder / ".hidden").mkdir()  # hidden folders are not read
    (folder / ".hidden" / "ignored.txt").write_bytes(b"")
    big = put("big.txt", b"", "E104" if BIG > DEFAULT_MAX_BYTES else None)
    with big.open("wb") as fh:  # 50 MB of text
        line = (GOOD.format(n=5) + "\n").encode()
        fh.write(line * (BIG // len(line) + 1))

    lines = folder / "records.jsonl"
    records = [
        (json.dumps({"id": "rec-good-1", "text": GOOD.format(n=6)}), None),
        ('{"id": "rec-cut", "text": "Gunmen kil', "E105"),
        ("[1, 2, 3]", "E106"),
        ('{"id": 7}', "E106"),
        (json.dumps({"id": "rec-nul", "text": "Gunmen\u0000 killed two"}), "E102"),
        ('{"id": "rec-surrogate", "text": "Gunmen \\ud800 killed two"}', "E103"),
        ('{"id": "rec-empty", "text": ""}', "E101"),
        (json.dumps({"id": "rec-good-2", "text": GOOD.format(n=8), "title": "a\u0000b"}), None),
        ('{"id": "rec-truncated", "text": "Police arr', "E105"),
    ]
    with lines.open("w", encoding="utf-8") as fh:
        fh.write("\n".join(text for text, _ in records))  # the last line is cut: no newline, no end
    for n, (_, code) in enumerate(records, start=1):
        if code:
            bad[f"{lines}:{n}"] = code
    good |= {"rec-good-1", "rec-good-2"}

    long_line = folder / "long-line.jsonl"
    with long_line.open("w", encoding="utf-8") as fh:  # one 50 MB record, then a good one
        fh.write('{"id": "huge", "text": "' + "word " * (BIG // 5) + '"}\n')
        fh.write(json.dumps({"id": "after-huge", "text": GOOD.format(n=9)}) + "\n")
    if BIG > DEFAULT_MAX_BYTES:
        bad[f"{long_line}:1"] = "E104"
    else:
        good.add("huge")
    good.add("after-huge")
    return bad, good


def test_bad_inputs_are_reported_and_the_good_ones_stored(tmp_path: Path, store_db: str) -> None:
    bad, good = _write_corpus(tmp_path / "corpus")
    result = CliRunner().invoke(cli, ["ingest", "--db", store_db, str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    reported = [line for line in result.stderr.splitlines() if line.startswith("talaia: ") and " E" in line]
    for where, code in bad.items():
        lines = [line for line in reported if line.startswith(f"talaia: {where}: ") or
                 line.startswith(f"talaia: {where} (")]
        assert len(lines) == 1, (where, reported)
        assert f" {code} " in lines[0], lines[0]
    assert len(reported) == len(bad), reported
    with open_store(store_db, must_exist=True) as store:
        stored = {r[0] for r in store.fetch_all("SELECT doc_id FROM documents")}
        assert stored == good
        assert sorted(e["code"].split()[0] for e in store.errors()) == sorted(bad.values())
        (title,) = store.fetch_all("SELECT title FROM documents WHERE doc_id = 'rec-good-2'")
        assert title[0] == "ab"


def test_ten_thousand_tiny_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(10_000):
            text = "" if i % 1000 == 999 else f"Nota {i}: sin novedad en el municipio."
            fh.write(json.dumps({"id": f"tiny-{i}", "text": text}) + "\n")
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["ingest", "--db", db, str(corpus)])
    assert result.exit_code == 0, result.output
    assert "10000 read" in result.stderr and "10 failed" in result.stderr
    assert result.stderr.count(" E101 empty: ") == 10
    with open_store(db, must_exist=True) as store:
        assert store.count("documents") == 9_990 and store.count("ingest_errors") == 10
