"""Writers for the export formats, in one registry: :data:`WRITERS` (name -> :class:`Writer`).

A text writer turns stored events into a string (written to a file or returned); a binary
one (Parquet) writes a file. The CLI's ``--format`` choices are read from the registry.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from talaia.store.records import StoredEvent

_BATCH = 1_000  # events per piece of text streamed


@functools.cache
def acled_columns() -> tuple[str, ...]:
    """ACLED's export columns in ACLED's order (``codebook/acled_columns.tsv``)."""
    from talaia.knowledge import load_knowledge

    return load_knowledge().table("acled_columns").column("column")


@functools.cache
def _disorder_types() -> dict[str, str]:  # read once, not per row
    from talaia.knowledge import load_knowledge

    return load_knowledge().table("sub_event_types").mapping("sub_event_type", "disorder_type")


def _iso_numeric(code: str | None) -> tuple[str, str]:
    """(ISO 3166 numeric, alpha-3) of an alpha-2 code."""
    if not code:
        return "", "XXX"
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return "", code
    return str(int(country.numeric)), country.alpha_3


def acled_row(stored: StoredEvent) -> dict[str, Any]:
    e = stored.event
    numeric, alpha3 = _iso_numeric(e.country_code)
    disorder = _disorder_types().get(e.sub_event_type, "")
    year = e.event_date[:4] if e.event_date else ""
    sources = "; ".join(sorted({s["source"] or s["document_id"] or "" for s in stored.sources}))
    # the keywords are ACLED's column names (codebook/acled_columns.tsv); a test keeps them equal
    return dict(  # noqa: C408
        event_id_cnty=f"{alpha3}{e.event_id[:8].upper()}",
        event_date=e.event_date or "",
        year=year,
        time_precision=e.time_precision,
        disorder_type=disorder,
        event_type=e.event_type,
        sub_event_type=e.sub_event_type,
        actor1=e.actor1 or "",
        assoc_actor_1="; ".join(e.assoc_actor_1),
        inter1=e.inter1 or "",
        actor2=e.actor2 or "",
        assoc_actor_2="; ".join(e.assoc_actor_2),
        inter2=e.inter2 or "",
        interaction="-".join(x for x in (e.inter1, e.inter2) if x) or "",
        civilian_targeting="Civilian targeting" if e.inter2 == "Civilians" else "",
        iso=numeric,
        region="",
        country=e.country or "",
        admin1=e.admin1 or "",
        admin2=e.admin2 or "",
        admin3="",
        location=e.location or "",
        latitude="" if e.latitude is None else round(e.latitude, 4),
        longitude="" if e.longitude is None else round(e.longitude, 4),
        geo_precision=e.geo_precision,
        source=sources,
        source_scale="",
        notes=e.notes,
        fatalities=e.fatalities if e.fatalities is not None else 0,
        tags=f"certainty: {e.certainty}" + (f"; review: {stored.review.status}" if stored.review else ""),
        timestamp=int(dt.datetime.now(dt.UTC).timestamp()),
    )


# what a spreadsheet reads as the start of a formula (and the tab and return some read before one)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs: text beginning like a formula (``=HYPERLINK(...)``, ``+1``,
    ``-2+3``, ``@SUM``) gets a leading apostrophe, OWASP's advice; numbers and other text as they are.
    Article text is untrusted, and what the extractor copies from it (a name, a place, notes) may
    begin so."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """``rows`` as CSV with a header of ``columns``, every cell :func:`spreadsheet_safe`: every CSV Talaia
    writes goes through here (or :func:`csv_chunks`, the same piece by piece)."""
    return "".join(csv_chunks(rows, columns))


def csv_chunks(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """:func:`write_csv`'s text a batch of rows at a time, so a streamed export holds one batch."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
        if n % _BATCH == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _acled_csv(events: Iterable[StoredEvent]) -> Iterator[str]:
    return csv_chunks((acled_row(ev) for ev in events), acled_columns())


def _geojson(events: Iterable[StoredEvent]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for n, ev in enumerate(events):
        feature = {"type": "Feature",
                   "geometry": {"type": "Point", "coordinates": [ev.event.longitude, ev.event.latitude]}
                   if ev.event.latitude is not None and ev.event.longitude is not None else None,
                   "properties": ev.to_dict()}
        yield (", " if n else "") + json.dumps(feature, ensure_ascii=False)
    yield "]}\n"


def _jsonl(events: Iterable[StoredEvent]) -> Iterator[str]:
    for ev in events:
        yield json.dumps(ev.to_dict(), ensure_ascii=False) + "\n"


def _write_parquet(events: Iterable[StoredEvent], path: Path) -> None:
    """One row group per batch of events, so memory holds one batch whatever the export's size."""
    import pyarrow.parquet as pq

    out: Any = None
    try:
        for batch in _batches(events, _BATCH * 10):
            table = _parquet_table(batch)
            if out is None:
                out = pq.ParquetWriter(path, table.schema)
            out.write_table(table)
        if out is None:
            pq.write_table(_parquet_table([]), path)
    finally:
        if out is not None:
            out.close()


def _batches(events: Iterable[StoredEvent], size: int) -> Iterator[list[StoredEvent]]:
    batch: list[StoredEvent] = []
    for ev in events:
        batch.append(ev)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parquet_table(events: Sequence[StoredEvent]) -> Any:
    import pyarrow as pa

    rows = [acled_row(ev) for ev in events]
    columns = {c: [r[c] for r in rows] for c in acled_columns()}
    for c in ("latitude", "longitude"):
        columns[c] = [None if v == "" else float(v) for v in columns[c]]
    columns["certainty"] = [ev.event.certainty for ev in events]
    columns["review"] = [ev.review.status if ev.review else "unreviewed" for ev in events]
    columns["evidence"] = [json.dumps([x.to_dict() for x in ev.event.evidence]) for ev in events]
    columns["event_id"] = [ev.event.event_id for ev in events]
    types = {"latitude": pa.float64(), "longitude": pa.float64(), "time_precision": pa.int64(),
             "geo_precision": pa.int64(), "fatalities": pa.int64(), "timestamp": pa.int64()}
    # every batch one schema (a batch whose notes are all empty is still a string column)
    return pa.table({k: pa.array(v, type=types.get(k, pa.string())) for k, v in columns.items()})


@dataclass(frozen=True, slots=True)
class Writer:
    """An export format: ``text`` renders a string; ``file`` writes a binary file (needs a path)."""

    name: str
    description: str
    chunks: Callable[[Iterable[StoredEvent]], Iterator[str]] | None = None  # the text, piece by piece
    file: Callable[[Iterable[StoredEvent], Path], None] | None = None
    aliases: tuple[str, ...] = ()

    @property
    def needs_path(self) -> bool:
        return self.chunks is None

    def text(self, events: Iterable[StoredEvent]) -> str:
        assert self.chunks is not None
        return "".join(self.chunks(events))


WRITERS: dict[str, Writer] = {w.name: w for w in (
    Writer("acled-csv", "ACLED's export columns, in ACLED's order", chunks=_acled_csv, aliases=("csv",)),
    Writer("geojson", "a GeoJSON FeatureCollection of points (null geometry where unplaced)", chunks=_geojson),
    Writer("jsonl", "one JSON object per event, with its sources", chunks=_jsonl),
    Writer("parquet", "ACLED's columns plus event_id, certainty, review status and evidence (needs a file)",
           file=_write_parquet),
)}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def writer(fmt: str) -> Writer:
    """The writer of ``fmt`` (a name or an alias); ValueError for an unknown format."""
    for w in WRITERS.values():
        if fmt == w.name or fmt in w.aliases:
            return w
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def text_formats(*, aliases: bool = False) -> tuple[str, ...]:
    """The formats that can be written to standard output (with their aliases if ``aliases``)."""
    return tuple(n for w in WRITERS.values() if not w.needs_path for n in (w.name, *(w.aliases if aliases else ())))


def write_export(events: Iterable[StoredEvent], fmt: str, path: str | Path | None) -> str | None:
    """Write ``events`` as ``fmt`` to ``path`` (None: return the text; a binary format needs a path),
    streaming: events are read from ``events`` as they are written, so a store's worth of them is never
    in memory at once."""
    w = writer(fmt)
    if w.chunks is None:
        if path is None:
            raise ValueError(f"{w.name} needs an output file (-o)")
        assert w.file is not None
        w.file(events, Path(path))
        return None
    if path is None:
        return w.text(events)
    with Path(path).open("w", encoding="utf-8") as out:
        for chunk in w.chunks(events):
            out.write(chunk)
    return None
