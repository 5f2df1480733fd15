"""JSON errors: every failure is ``{"error": {"code", "message", "field"?}}`` with a 4xx or 5xx status,
never a traceback (what went wrong inside goes to the server's log)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from talaia.errors import MissingDatabaseError, NotFoundError, QueryError, TalaiaError

log = logging.getLogger("talaia.serve")

_HTTP_CODES = {400: "E400 bad-request", 401: "E411 unauthorized", 403: "E413 forbidden", 404: "E404 not-found",
               405: "E405 method-not-allowed", 413: "E414 too-large", 415: "E415 media-type"}


class AccessError(Exception):
    """A write refused: 401 (no or a wrong token) or 403 (the server takes no writes)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if field:
        error["field"] = field
    return {"error": error}


def error_response(status: int, code: str, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, field), status_code=status, headers=headers)


def _where(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in {"query", "path", "body"}]
    return ".".join(parts)


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {}
    where = _where(tuple(first.get("loc", ())))
    message = str(first.get("msg", "invalid request"))
    if first.get("type") == "extra_forbidden":
        message = "unknown field"
    elif first.get("type") == "json_invalid":
        message = "the body is not valid JSON"
    return error_response(400, "E401 query", f"{where}: {message}" if where else message, where or None)


async def _talaia(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TalaiaError)
    if isinstance(exc, NotFoundError):
        return error_response(404, f"{exc.code} {exc.slug}", exc.message, exc.field)
    if isinstance(exc, QueryError):
        return error_response(400, f"{exc.code} {exc.slug}", exc.message, exc.field)
    if isinstance(exc, MissingDatabaseError):
        return error_response(503, f"{exc.code} {exc.slug}", exc.message)
    log.error("talaia error: %s", exc)
    return error_response(500, f"{exc.code} {exc.slug}", exc.message)


async def _access(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AccessError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(exc.status, _HTTP_CODES[exc.status], exc.message, headers=headers)


async def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, f"E{exc.status_code} http")
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    if exc.status_code == 404:
        message = "no such endpoint (the endpoints are listed at /docs)"
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def _internal(_: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error", exc_info=exc)
    return error_response(500, "E500 internal", "internal error (the server's log has the details)")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(TalaiaError, _talaia)
    app.add_exception_handler(AccessError, _access)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _internal)
