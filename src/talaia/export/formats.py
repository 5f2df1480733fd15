"""Writers for the export formats. Each takes stored events and a binary or text sink."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from talaia.store.sqlite import StoredEvent

# ACLED's export columns, in ACLED's order
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


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
    disorder = DISORDER.get(e.event_type, "")
    if e.sub_event_type == "Excessive force against protesters":
        disorder = "Political violence; Demonstrations"
    year = e.event_date[:4] if e.event_date else ""
    sources = "; ".join(sorted({s["source"] or s["document_id"] or "" for s in stored.sources}))
    return {
        "event_id_cnty": f"{alpha3}{e.event_id[:8].upper()}",
        "event_date": e.event_date or "",
        "year": year,
        "time_precision": e.time_precision,
        "disorder_type": disorder,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1 or "",
        "assoc_actor_1": "; ".join(e.assoc_actor_1),
        "inter1": e.inter1 or "",
        "actor2": e.actor2 or "",
        "assoc_actor_2": "; ".join(e.assoc_actor_2),
        "inter2": e.inter2 or "",
        "interaction": "-".join(x for x in (e.inter1, e.inter2) if x) or "",
        "civilian_targeting": "Civilian targeting" if e.inter2 == "Civilians" else "",
        "iso": numeric,
        "region": "",
        "country": e.country or "",
        "admin1": e.admin1 or "",
        "admin2": e.admin2 or "",
        "admin3": "",
        "location": e.location or "",
        "latitude": "" if e.latitude is None else round(e.latitude, 4),
        "longitude": "" if e.longitude is None else round(e.longitude, 4),
        "geo_precision": e.geo_precision,
        "source": sources,
        "source_scale": "",
        "notes": e.notes,
        "fatalities": e.fatalities if e.fatalities is not None else 0,
        "tags": f"certainty: {e.certainty}",
        "timestamp": int(dt.datetime.now(dt.UTC).timestamp()),
    }


def write_export(events: Sequence[StoredEvent], fmt: str, path: str | Path | None) -> str | None:
    """Write ``events`` as ``fmt`` to ``path`` (None: return the text; parquet needs a path)."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet needs an output file (-o)")
        _write_parquet(events, Path(path))
        return None
    buffer = io.StringIO()
    if fmt == "acled-csv":
        writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for ev in events:
            writer.writerow(acled_row(ev))
    elif fmt == "geojson":
        features = [
            {"type": "Feature",
             "geometry": {"type": "Point", "coordinates": [ev.event.longitude, ev.event.latitude]}
             if ev.event.latitude is not None and ev.event.longitude is not None else None,
             "properties": ev.to_dict()}
            for ev in events
        ]
        json.dump({"type": "FeatureCollection", "features": features}, buffer, ensure_ascii=False)
        buffer.write("\n")
    elif fmt == "jsonl":
        for ev in events:
            buffer.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    text = buffer.getvalue()
    if path is None:
        return text
    Path(path).write_text(text, encoding="utf-8")
    return None


def _write_parquet(events: Sequence[StoredEvent], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [acled_row(ev) for ev in events]
    columns = {c: [r[c] for r in rows] for c in ACLED_COLUMNS}
    for c in ("latitude", "longitude"):
        columns[c] = [None if v == "" else float(v) for v in columns[c]]
    columns["certainty"] = [ev.event.certainty for ev in events]
    columns["evidence"] = [json.dumps([x.to_dict() for x in ev.event.evidence]) for ev in events]
    columns["event_id"] = [ev.event.event_id for ev in events]
    table = pa.table({k: pa.array(v) for k, v in columns.items()})
    pq.write_table(table, path)
