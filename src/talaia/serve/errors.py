"""JSON errors: every failure is ``{"error": {"code", "message", "field"?}}`` with a 4xx or 5xx status,
never a traceback (what went wrong inside goes to the server's log)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from talaia.errors import AccessError, MissingDatabaseError, NotFoundError, QueryError, TalaiaError, UnauthorizedError

log = logging.getLogger("talaia.serve")

# codes of the refusals that come from HTTP itself, not from Talaia's error tree
_HTTP_CODES = {400: "E400 bad-request", 404: "E404 not-found", 405: "E405 method-not-allowed",
               413: "E413 too-large", 415: "E415 media-type"}
BAD_HOST = "E421 bad-host"
TOO_LARGE = _HTTP_CODES[413]
INTERNAL = "E500 internal"


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if field:
        error["field"] = field
    return {"error": error}


def error_response(status: int, code: str, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, field), status_code=status, headers=headers)


def _where(loc: tuple[Any, ...]) -> str:
    """The parameter or body key at fault (not the type pydantic tried: 'value', not 'value.str')."""
    parts = [str(p) for p in loc if p not in {"query", "path", "body"}]
    return parts[0] if parts else ""


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {}
    where = _where(tuple(first.get("loc", ())))
    message = str(first.get("msg", "invalid request"))
    if first.get("type") == "extra_forbidden":
        message = "unknown field"
    elif first.get("type") == "json_invalid":
        return error_response(400, "E401 query", "the request body is not valid JSON")
    return error_response(400, "E401 query", f"{where}: {message}" if where else message, where or None)


# an absolute file path in a message (not an endpoint of this API): '/home/ana/x.db', 'C:\\data\\x.db'
_ABSOLUTE_PATH = re.compile(r"(?<![\w:/.])(?:/(?!api\b|docs\b|assets\b)[^\s/:'\"]+(?:/[^\s/:'\"]+)+"
                            r"|[A-Za-z]:\\[^\s:'\"]+)")


def public_message(request: Request, message: str) -> str:
    """``message`` without the server's file paths: the database is named by its name alone (a client
    learns nothing of the server's folders), any other absolute path is left out."""
    settings = getattr(request.app.state, "settings", None)
    if settings is not None and isinstance(settings.db, Path):
        for where in sorted({str(settings.db), str(settings.db.resolve()), str(settings.db.parent.resolve()),
                             str(settings.db.parent)}, key=len, reverse=True):
            if where not in {"", ".", "/"}:
                message = message.replace(where, settings.database_name if where.endswith(settings.db.name)
                                          else "the server's folder")
    return _ABSOLUTE_PATH.sub("(a path on the server)", message)


async def _talaia(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TalaiaError)
    message = public_message(request, exc.message)
    if isinstance(exc, NotFoundError):
        return error_response(404, f"{exc.code} {exc.slug}", message, exc.field)
    if isinstance(exc, QueryError):
        return error_response(400, f"{exc.code} {exc.slug}", message, exc.field)
    if isinstance(exc, AccessError):
        unauthorized = isinstance(exc, UnauthorizedError)
        return error_response(401 if unauthorized else 403, f"{exc.code} {exc.slug}", message,
                              headers={"WWW-Authenticate": "Bearer"} if unauthorized else None)
    if isinstance(exc, MissingDatabaseError):
        return error_response(503, f"{exc.code} {exc.slug}", message)
    log.error("talaia error: %s", exc)
    return error_response(500, f"{exc.code} {exc.slug}", message)


async def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, f"E{exc.status_code} http")
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    if exc.status_code == 404:
        message = "no such endpoint (the endpoints are listed at /docs)"
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def _internal(_: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error", exc_info=exc)
    return error_response(500, INTERNAL, "internal error (the server's log has the details)")


ERROR_SCHEMA = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["code", "message"],
    "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"}}}}}
_DOCUMENTED = {"400": "A bad parameter or body (`E401 query`), or a Host the server does not answer (`E421 bad-host`)",
               "404": "No such event, document, actor or endpoint", "413": "A request body over the limit",
               "500": "A bug (details in the server's log)"}
_WRITES = {"401": "No bearer token, or a wrong one", "403": "The server was started without a token: read-only"}


def document_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document with the errors the app really gives: FastAPI's 422 replaced by 400,
    401/403 on the endpoints that change data, every error with the error body's schema."""
    spec.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path in spec.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            codes = _DOCUMENTED | (_WRITES if method != "get" else {})
            for code, text in codes.items():
                responses[code] = {"description": text, "content": content}
    spec.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
    spec.get("components", {}).get("schemas", {}).pop("ValidationError", None)
    return spec


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(TalaiaError, _talaia)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _internal)
