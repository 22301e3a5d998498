"""Call the real ASGI application with one HTTP GET, as the ASGI server would.

Django warns ("must consume synchronous iterators") exactly when it falls back to reading a
whole file response into a list, so ``asgi_get`` turns that warning into an error.
"""

import asyncio
import warnings

from asgiref.sync import async_to_sync


async def _get(path: str, cookie: str = ""):
    from kennisplatform.asgi import application

    headers = [(b"host", b"localhost")] + ([(b"cookie", cookie.encode())] if cookie else [])
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("localhost", 80),
    }
    messages, request_sent = [], False

    async def receive():
        nonlocal request_sent
        if not request_sent:
            request_sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client stays connected

    async def send(message):
        messages.append(message)

    await application(scope, receive, send)
    return messages


def asgi_get(path: str, cookie: str = ""):
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="StreamingHttpResponse must consume synchronous iterators")
        messages = async_to_sync(_get)(path, cookie)
    start = messages[0]
    bodies = [m["body"] for m in messages[1:] if m.get("body")]
    return start["status"], dict(start["headers"]), bodies
