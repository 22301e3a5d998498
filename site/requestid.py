"""A request id on every log line and response (``X-Request-ID``).

An id from the proxy in front is kept when it looks like one (so a trace spans proxy and
app); otherwise a new one is made. The id lives in a context variable, which asgiref carries
into the threads that run sync views, and ``RequestIdFilter`` puts it on each log record.
"""

import contextvars
import logging
import re
import uuid

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

HEADER = "X-Request-ID"
_VALID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
_current = contextvars.ContextVar("request_id", default="-")


def current() -> str:
    return _current.get()


def _incoming_or_new(request) -> str:
    incoming = request.headers.get(HEADER, "")
    return incoming if _VALID.match(incoming) else uuid.uuid4().hex


class RequestIdMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self._acall(request)
        # Not reset afterwards: Django logs the response status ("Service Unavailable: ...")
        # after the middleware chain returns, and that line must carry the id too. The next
        # request sets its own; under ASGI every request has its own context anyway.
        _current.set(_incoming_or_new(request))
        response = self.get_response(request)
        response[HEADER] = _current.get()
        return response

    async def _acall(self, request):
        _current.set(_incoming_or_new(request))
        response = await self.get_response(request)
        response[HEADER] = _current.get()
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = _current.get()
        return True
