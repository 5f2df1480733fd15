"""Guards: the Host header, the request body's size, response headers that keep a browser from
running or framing anything, and the bearer token that write endpoints need."""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request

from talaia.errors import ReadOnlyError, UnauthorizedError
from talaia.serve.errors import BAD_HOST, TOO_LARGE, error_body
from talaia.serve.settings import ServeSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# no inline scripts, nothing from elsewhere; Swagger UI needs inline styles and data: images
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


class Guard:
    """ASGI middleware: refuse unknown Host headers (400) and bodies over the limit (413), and add
    :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if not self._host_allowed(headers.get("host", "")):
            await _reply(send_with_headers, 400, BAD_HOST, "this server does not answer to that host name")
            return
        limit = self.settings.max_body
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _reply(send_with_headers, 413, TOO_LARGE, f"the request body is over {limit} bytes")
            return
        messages: list[Message] = []
        size = 0
        while True:  # read the body first (it is small), so an oversized chunked one is refused too
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > limit:
                await _reply(send_with_headers, 413, TOO_LARGE, f"the request body is over {limit} bytes")
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send_with_headers)

    def _host_allowed(self, host: str) -> bool:
        allowed = self.settings.allowed_hosts
        if "*" in allowed:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.strip("[]") in allowed


async def _reply(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def require_token(request: Request) -> None:
    """A dependency of every endpoint that changes data: the operator's bearer token, compared in
    constant time. No token configured: 403; none sent or another one: 401."""
    settings: ServeSettings = request.app.state.settings
    if not settings.token:
        raise ReadOnlyError("this server is read-only: start it with `talaia serve --token TOKEN` (or set "
                               "TALAIA_TOKEN) and send `Authorization: Bearer TOKEN` to make changes")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise UnauthorizedError("this endpoint changes data: send `Authorization: Bearer TOKEN` with the "
                               "server's token")
    if not secrets.compare_digest(given.strip().encode(), settings.token.encode()):
        raise UnauthorizedError("wrong token")
