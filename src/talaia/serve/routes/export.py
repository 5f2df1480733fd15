"""Exports of the events matching the filters, in the formats of ``talaia export``."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from talaia import api
from talaia.export.formats import writer
from talaia.serve.params import db_of, event_filter
from talaia.store import EventFilter

router = APIRouter(prefix="/api", tags=["export"])

MEDIA_TYPES = {"acled-csv": ("text/csv; charset=utf-8", "csv"), "geojson": ("application/geo+json", "geojson"),
               "jsonl": ("application/x-ndjson", "jsonl"), "parquet": ("application/vnd.apache.parquet", "parquet")}


@router.get("/export", summary="Export the events matching the filters",
            responses={200: {"content": {t: {} for t, _ in MEDIA_TYPES.values()}}})
def export(where: Annotated[EventFilter, Depends(event_filter)], db: Annotated[str, Depends(db_of)],
           fmt: Annotated[Literal["csv", "acled-csv", "geojson", "jsonl", "parquet"], Query(alias="format")] = "csv",
           rejected: Annotated[bool, Query(description="Include the events reviewers rejected")] = False,
           ) -> Response:
    """As `talaia export`: ACLED's CSV columns (`csv`), GeoJSON, JSON Lines or Parquet, one event per
    incident, reviewers' corrections applied, rejected events left out unless `rejected`."""
    name = writer(fmt).name
    media_type, suffix = MEDIA_TYPES[name]
    disposition = {"Content-Disposition": f'attachment; filename="talaia-events.{suffix}"'}
    if writer(name).needs_path:
        with tempfile.TemporaryDirectory(prefix="talaia-export-") as folder:
            path = Path(folder) / f"events.{suffix}"
            api.export_events(name, db=db, path=path, where=where, rejected=rejected)
            content: str | bytes = path.read_bytes()
    else:  # streamed from the store as it is written: memory stays flat whatever the export's size
        chunks = api.export_chunks(name, db=db, where=where, rejected=rejected)
        first = next(chunks, "")  # a bad filter or a missing database answers as an error, before any byte
        return StreamingResponse(itertools.chain([first], chunks), media_type=media_type, headers=disposition)
    return Response(content, media_type=media_type, headers=disposition)
