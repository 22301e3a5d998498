"""Daphne's HTTP requests, bounded and not parsed twice.

Twisted (under Daphne) receives the whole body before the application is called and, for a
POST, also parses multipart bodies into memory (``Request.args``), which Daphne never uses: a
100 MB upload grew the server by 1.2 GB before Django could refuse it. This request class
refuses a body over ``settings.REQUEST_BODY_MAX_BYTES`` from its Content-Length, or as soon as
a body of unknown length passes the limit, with the Dutch 413 page, and skips Twisted's form
parsing. ``install()`` makes Daphne build it; it is called from the ASGI module, which Daphne
imports before it starts listening.
"""

from io import BytesIO

from daphne import http_protocol

from kennisplatform.request_limits import max_body_bytes, too_large_headers, too_large_page


class BoundedWebRequest(http_protocol.WebRequest):
    refused = False
    received = 0

    def __init__(self, *args, **kwargs):
        kwargs["parsePOSTFormSubmission"] = False
        super().__init__(*args, **kwargs)

    def gotLength(self, length):
        # Twisted's parsed Content-Length; None for a chunked body.
        if length is not None and length > max_body_bytes():
            self.content = BytesIO()
            self._refuse()
            return
        super().gotLength(length)

    def handleContentChunk(self, data):
        if self.refused:
            return
        self.received += len(data)
        if self.received > max_body_bytes():
            self._refuse()
            return
        super().handleContentChunk(data)

    def process(self):
        if self.refused:
            return None
        return super().process()

    def _refuse(self):
        """Answer 413 at once and close: the rest of the body is never read."""
        self.refused = True
        body = too_large_page()
        head = b"HTTP/1.1 413 Payload Too Large\r\n" + b"".join(
            name + b": " + value + b"\r\n" for name, value in too_large_headers(body)
        )
        self.channel.transport.write(head + b"\r\n" + body)
        self.channel.loseConnection()


def install() -> None:
    # HTTPFactory.buildProtocol looks the class up by this module-level name for each connection.
    http_protocol.WebRequest = BoundedWebRequest
