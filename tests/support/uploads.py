"""Uploads that hurt: a large body streamed over a raw socket, and a private storage that fails.

``stream_body`` sends blocks until the server answers (or closes), so the caller learns both
what the person saw and how much of the body the server took before it refused.
"""

import select
import socket
import subprocess
from dataclasses import dataclass

import pytest

BLOCK = 64 * 1024


@dataclass
class Upload:
    status: int
    body: str
    sent: int  # bytes of the body the server accepted before it answered


def stream_body(port: int, path: str, total: int, *, chunked=False, headers=(), timeout=30) -> Upload:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: multipart/form-data; boundary=grens"]
    lines += ["Transfer-Encoding: chunked"] if chunked else [f"Content-Length: {total}"]
    lines += list(headers)
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        block = b"x" * BLOCK
        sent = 0
        while sent < total:
            if select.select([sock], [], [], 0)[0]:
                break  # the server answered before the body was complete
            data = b"%x\r\n%s\r\n" % (len(block), block) if chunked else block
            try:
                sock.sendall(data)
            except OSError:
                break  # closed on us: the answer is already in the receive buffer
            sent += len(block)
        return _read_response(sock, sent)


def _read_response(sock, sent) -> Upload:
    sock.settimeout(10)
    raw = b""
    try:
        while chunk := sock.recv(65536):
            raw += chunk
    except OSError:
        pass  # reset after the answer: what arrived is enough
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return Upload(status, body.decode("utf-8", "replace"), sent)


@pytest.fixture(params=["vol", "alleen-lezen"])
def failing_private_storage(request, settings, tmp_path):
    """PRIVATE_MEDIA_ROOT on a real file system that is full (64 KB) or mounted read-only."""
    root = tmp_path / "private-mount"
    root.mkdir()
    options = "size=64k" if request.param == "vol" else "size=1m,ro"
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(root)], check=True)
    settings.PRIVATE_MEDIA_ROOT = root
    yield root
    subprocess.run(["umount", str(root)], check=True)
