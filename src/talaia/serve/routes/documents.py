"""Documents: one stored article's text and the events it reports."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from talaia import api
from talaia.serve import schemas
from talaia.serve.params import db_of

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents/{doc_id:path}",
            response_model=schemas.DocumentDetail, summary="A document's text and its events")
def document(doc_id: Annotated[str, Path(max_length=1000, description="The document's own id (the input's `id`)")],
             db: Annotated[str, Depends(db_of)]) -> dict[str, Any]:
    """The article as stored (its text is untrusted: render it as text), `duplicate_of` for a copy,
    and the events it reports. 404 for an unknown id."""
    return api.show_document(doc_id, db=db).to_dict()
