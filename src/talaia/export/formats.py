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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from talaia.store.records import StoredEvent


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
    writes goes through here."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return buffer.getvalue()


def _acled_csv(events: Sequence[StoredEvent]) -> str:
    return write_csv((acled_row(ev) for ev in events), acled_columns())


def _geojson(events: Sequence[StoredEvent]) -> str:
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point", "coordinates": [ev.event.longitude, ev.event.latitude]}
         if ev.event.latitude is not None and ev.event.longitude is not None else None,
         "properties": ev.to_dict()}
        for ev in events
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n"


def _jsonl(events: Sequence[StoredEvent]) -> str:
    return "".join(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n" for ev in events)


def _write_parquet(events: Sequence[StoredEvent], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [acled_row(ev) for ev in events]
    columns = {c: [r[c] for r in rows] for c in acled_columns()}
    for c in ("latitude", "longitude"):
        columns[c] = [None if v == "" else float(v) for v in columns[c]]
    columns["certainty"] = [ev.event.certainty for ev in events]
    columns["review"] = [ev.review.status if ev.review else "unreviewed" for ev in events]
    columns["evidence"] = [json.dumps([x.to_dict() for x in ev.event.evidence]) for ev in events]
    columns["event_id"] = [ev.event.event_id for ev in events]
    table = pa.table({k: pa.array(v) for k, v in columns.items()})
    pq.write_table(table, path)


@dataclass(frozen=True, slots=True)
class Writer:
    """An export format: ``text`` renders a string; ``file`` writes a binary file (needs a path)."""

    name: str
    description: str
    text: Callable[[Sequence[StoredEvent]], str] | None = None
    file: Callable[[Sequence[StoredEvent], Path], None] | None = None
    aliases: tuple[str, ...] = ()

    @property
    def needs_path(self) -> bool:
        return self.text is None


WRITERS: dict[str, Writer] = {w.name: w for w in (
    Writer("acled-csv", "ACLED's export columns, in ACLED's order", text=_acled_csv, aliases=("csv",)),
    Writer("geojson", "a GeoJSON FeatureCollection of points (null geometry where unplaced)", text=_geojson),
    Writer("jsonl", "one JSON object per event, with its sources", text=_jsonl),
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


def write_export(events: Sequence[StoredEvent], fmt: str, path: str | Path | None) -> str | None:
    """Write ``events`` as ``fmt`` to ``path`` (None: return the text; a binary format needs a path)."""
    w = writer(fmt)
    if w.text is None:
        if path is None:
            raise ValueError(f"{w.name} needs an output file (-o)")
        assert w.file is not None
        w.file(events, Path(path))
        return None
    text = w.text(events)
    if path is None:
        return text
    Path(path).write_text(text, encoding="utf-8")
    return None
