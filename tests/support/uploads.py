"""A large request body streamed over a raw socket, as a browser uploading a big file would.

``stream_body`` sends blocks until the server answers (or closes), so the caller learns both
what the person saw and how much of the body the server took before it refused.
"""

import select
import socket
from dataclasses import dataclass

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
