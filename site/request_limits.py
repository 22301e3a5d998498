"""Request bodies are bounded before they are read.

An upload over ``settings.REQUEST_BODY_MAX_BYTES`` is refused from its Content-Length, or, for a
body of unknown length, as soon as the bytes received pass the limit: the person gets the Dutch
413 page and the server never holds the body. This ASGI middleware covers every ASGI server
(uvicorn reads the body only as fast as the application asks for it); Daphne buffers bodies in
Twisted before the application sees them, so ``kennisplatform.daphne_requests`` applies the same
limit there. The reverse proxy in front (docker/nginx) enforces it a third time.
"""

from functools import cache
from pathlib import Path

from django.conf import settings

PAGE = Path(__file__).resolve().parent.parent / "static" / "fouten" / "413.html"


def max_body_bytes() -> int:
    return settings.REQUEST_BODY_MAX_BYTES


def declared_length(headers) -> int | None:
    """The Content-Length from ASGI/raw header pairs; None if absent or not a number."""
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


@cache
def too_large_page() -> bytes:
    return PAGE.read_bytes()


def too_large_headers(body: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        # The rest of the body is not read, so the connection cannot carry another request.
        (b"connection", b"close"),
    ]


class BoundedRequestBody:
    """Outermost ASGI middleware for HTTP: refuse bodies over the limit before Django reads them."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = max_body_bytes()
        length = declared_length(scope.get("headers", []))
        if length is not None and length > limit:
            return await self._refuse(send)

        received = 0
        refused = False
        response_started = False

        async def bounded_receive():
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not response_started:
                        await self._refuse(send)
                    # Django then stops reading (RequestAborted) and sends nothing.
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal response_started
            if refused:
                return  # the 413 page already went out
            response_started = True
            await send(message)

        await self.app(scope, bounded_receive, guarded_send)

    @staticmethod
    async def _refuse(send):
        body = too_large_page()
        await send({"type": "http.response.start", "status": 413, "headers": too_large_headers(body)})
        await send({"type": "http.response.body", "body": body})
