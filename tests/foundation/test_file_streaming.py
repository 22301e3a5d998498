"""Under the ASGI server, files are streamed in blocks rather than read into memory whole."""

import warnings
from pathlib import Path

import pytest
from django.test import Client

from tests.support.asgi import asgi_get

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_static_files_stream_without_reading_the_file_whole():
    status, headers, bodies = asgi_get("/static/css/site.css")
    assert status == 200
    assert b"".join(bodies) == (ROOT / "static/css/site.css").read_bytes()


def test_the_sync_server_path_is_left_alone(db):
    """Under WSGI (Django's test client) the file iterates synchronously, without warnings."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="StreamingHttpResponse must consume asynchronous iterators")
        response = Client().get("/static/css/site.css")
        assert b"".join(response) == (ROOT / "static/css/site.css").read_bytes()
