"""File downloads under ASGI stream in blocks instead of being read into memory whole.

Django's ASGI handler can only iterate a response asynchronously; given a file response's
synchronous iterator it reads the entire file into a list first (and warns). Ten members
fetching a 10 MB attachment would then hold 100 MB. This middleware, outermost so that it also
sees WhiteNoise's static file responses, hands such responses an asynchronous reader that reads
one block at a time in a worker thread. Under WSGI it changes nothing.
"""

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import FileResponse

BLOCK_SIZE = 64 * 1024


async def read_in_blocks(filelike, block_size: int = BLOCK_SIZE):
    read = sync_to_async(filelike.read, thread_sensitive=False)
    while block := await read(block_size):
        yield block


class AsyncFileStreamingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        filelike = getattr(response, "file_to_stream", None)
        if (
            isinstance(request, ASGIRequest)
            and isinstance(response, FileResponse)
            and filelike is not None
            and not response.is_async
        ):
            # FileResponse already closes the file when the response is closed.
            response.streaming_content = read_in_blocks(filelike)
        return response
