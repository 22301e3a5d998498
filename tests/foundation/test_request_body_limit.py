"""A request body over the limit is refused before it is read, under uvicorn and under Daphne.

The bodies are real: 100 MB streamed over a socket to a real ASGI server. The server must
answer 413 with the Dutch page after taking only a few MB (socket buffers), and Daphne's memory
must stay within a few MB of idle (it grew 243 → 1,461 MiB before).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.uploads import stream_body

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
HUNDRED_MB = 100 * MB


def assert_refused_early(upload, accepted_at_most):
    assert upload.status == 413
    assert "Te groot om te versturen" in upload.body
    assert "Er is niets opgeslagen" in upload.body
    assert upload.sent <= accepted_at_most, f"server took {upload.sent / MB:.1f} MB before refusing"


def test_uvicorn_refuses_a_declared_100_mb_body_from_its_content_length(live_server_url):
    port = int(live_server_url.rsplit(":", 1)[1])
    upload = stream_body(port, "/themagroepen/", HUNDRED_MB)
    assert_refused_early(upload, accepted_at_most=8 * MB)


def test_uvicorn_refuses_a_chunked_body_once_it_passes_the_limit(live_server_url, settings):
    settings.REQUEST_BODY_MAX_BYTES = 4 * MB
    port = int(live_server_url.rsplit(":", 1)[1])
    upload = stream_body(port, "/themagroepen/", HUNDRED_MB, chunked=True)
    assert_refused_early(upload, accepted_at_most=4 * MB + 8 * MB)


def test_bodies_within_the_limit_still_reach_the_application(live_server_url):
    port = int(live_server_url.rsplit(":", 1)[1])
    upload = stream_body(port, "/account/login/", 2 * MB)
    # Django read all of it and judged it (a raw body is no valid form), rather than the limit.
    assert upload.status in {400, 403}
    assert upload.sent == 2 * MB


def peak_rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1])


@pytest.fixture
def daphne_port():
    """Daphne running the real ASGI application (as in production), in its own process."""
    from tests.foundation.test_database_connections import free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "kennisplatform.asgi:application"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not _listening(port):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("Daphne did not start: " + process.stderr.read().decode()[-2000:])
        time.sleep(0.2)
    yield process.pid, port
    process.terminate()
    process.wait(timeout=20)


def _listening(port) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def test_daphne_refuses_100_mb_early_and_its_memory_stays_flat(daphne_port):
    pid, port = daphne_port
    stream_body(port, "/account/login/", 1024)  # warm up: the first request imports views
    idle = peak_rss_kib(pid)

    declared = stream_body(port, "/themagroepen/", HUNDRED_MB)
    chunked = stream_body(port, "/themagroepen/", HUNDRED_MB, chunked=True)

    assert_refused_early(declared, accepted_at_most=8 * MB)
    # Unknown length: Twisted spools to a temporary file until the limit (60 MB) is passed.
    assert_refused_early(chunked, accepted_at_most=60 * MB + 8 * MB)
    growth_mib = (peak_rss_kib(pid) - idle) / 1024
    assert growth_mib < 10, f"Daphne grew {growth_mib:.1f} MiB for two 100 MB uploads"
