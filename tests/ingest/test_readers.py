import datetime as dt
import json
from pathlib import Path

import pytest

from talaia.errors import (
    BinaryDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingError,
    InputError,
    MalformedRecordError,
)
from talaia.ingest.readers import ReadOptions, iter_documents, parse_published
from talaia.models import Document


def test_readers_seed_form_with_date_prefix(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(" date 2019-10-18 However, gunmen attacked.\n\nMore text.", encoding="utf-8")
    (doc,) = list(iter_documents([str(f)]))
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2019, 10, 18)
    assert doc.text.startswith("However,")
    assert doc.id == "a.txt"


def test_readers_jsonl_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "1", "text": "one", "published": "2020-01-02T10:00:00Z"}),
        "{not json",
        json.dumps({"id": "3", "text": ""}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": 4, "text": "four"}),
    ]), encoding="utf-8")
    items = list(iter_documents([str(f)]))
    assert [type(i).__name__ for i in items] == [
        "Document", "MalformedRecordError", "EmptyDocumentError", "BadRecordError", "Document"]
    assert items[0].published == dt.date(2020, 1, 2)  # type: ignore[union-attr]
    assert isinstance(items[1], MalformedRecordError) and items[1].document == f"{f}:2"
    assert items[4].id == "4"  # type: ignore[union-attr]


def test_readers_bad_files_each_get_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "latin1.txt").write_bytes("Polic\xeda".encode("latin-1") + b" attacked")
    (tmp_path / "good.txt").write_text("Gunmen attacked a bus.", encoding="utf-8")
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    items = {Path(i.document or "").name if not isinstance(i, Document) else i.id: i
             for i in iter_documents([str(tmp_path)])}
    assert isinstance(items["empty.txt"], EmptyDocumentError)
    assert isinstance(items["binary.bin"], BinaryDocumentError)
    assert isinstance(items["latin1.txt"], EncodingError)
    assert "byte 5" in items["latin1.txt"].message
    assert isinstance(items["big.txt"], DocumentTooLargeError)
    assert isinstance(items["good.txt"], Document)


def test_readers_max_bytes_option(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x" * 200, encoding="utf-8")
    (item,) = list(iter_documents([str(f)], ReadOptions(max_bytes=100)))
    assert isinstance(item, DocumentTooLargeError)
    assert "a.txt" in str(item)


def test_readers_html_main_text(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    body = " ".join(["Gunmen killed three police officers in Tepalcatepec on Monday, officials said."] * 6)
    f.write_text(f"<html><head><title>Ambush</title></head><body><nav>Home | News</nav>"
                 f"<article><h1>Ambush in Michoacán</h1><p>{body}</p><p>{body}</p></article>"
                 f"<footer>Copyright</footer></body></html>", encoding="utf-8")
    (doc,) = list(iter_documents([str(f)]))
    assert isinstance(doc, Document)
    assert "Tepalcatepec" in doc.text
    assert "Copyright" not in doc.text


def test_readers_folder_is_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b text", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a text", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    ids = [d.id for d in iter_documents([str(tmp_path)]) if isinstance(d, Document)]
    assert ids == ["a.txt", "sub/b.txt"]


def test_readers_missing_path_is_an_input_error() -> None:
    with pytest.raises(InputError):
        list(iter_documents(["/no/such/file.txt"]))


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-10-18", dt.date(2019, 10, 18)), ("2019-10-18T12:00:00+02:00", dt.date(2019, 10, 18)),
    (None, None), ("yesterday", None)])
def test_readers_parse_published(value: str | None, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


def test_a_folder_leaves_out_its_licence_and_readme_files(tmp_path: Path) -> None:
    for name in ("ATTRIBUTION.md", "LICENSE", "readme.txt", "NOTICE.txt"):
        (tmp_path / name).write_text("Gunmen killed two men in Celaya on Monday.", encoding="utf-8")
    (tmp_path / "report.txt").write_text("Gunmen killed two men in Celaya on Monday.", encoding="utf-8")
    assert [d.id for d in iter_documents([str(tmp_path)])] == ["report.txt"]
    assert [d.id for d in iter_documents([str(tmp_path / "LICENSE")])] == ["LICENSE"]  # named: read


def test_the_bundled_samples_folder_reads_exactly_the_sample_reports() -> None:
    from importlib import resources

    samples = resources.files("talaia") / "samples"
    reports = [str(samples / name) for name in sorted(p.name for p in samples.iterdir())
               if name.endswith((".txt", ".jsonl"))]
    assert (samples / "ATTRIBUTION.md").is_file() and len(reports) == 2
    from_folder = [(d.id, d.text) for d in iter_documents([str(samples)])]
    assert from_folder == [(d.id, d.text) for d in iter_documents(reports)]
    assert from_folder and not any("ATTRIBUTION" in doc_id for doc_id, _ in from_folder)
