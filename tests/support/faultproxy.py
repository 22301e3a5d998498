"""A TCP proxy a test puts between the application and a real service, to break it on purpose.

    proxy = FaultProxy("127.0.0.1", 6379).start()
    proxy.cut()      # like a stopped service: open connections reset, new ones closed at once
    proxy.freeze()   # like a SIGSTOPped process: the port accepts, nothing is ever answered
    proxy.restore()  # the service is back (clients must reconnect by themselves)

Threads, no asyncio: it must also serve subprocesses (a worker, Daphne) while the test's own
thread blocks in Django code.
"""

from __future__ import annotations

import select
import socket
import threading
import time

PORT_RANGE = range(21200, 21300)  # this engineer's ports on the shared machine
_claimed: set[int] = set()
_claim_lock = threading.Lock()


def free_port() -> int:
    with _claim_lock:
        for port in PORT_RANGE:
            if port in _claimed:
                continue
            with socket.socket() as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    probe.bind(("127.0.0.1", port))
                except OSError:
                    continue
            _claimed.add(port)
            return port
    raise RuntimeError("no free port in the test range")


class FaultProxy:
    PASS, CUT, FROZEN = "pass", "cut", "frozen"

    def __init__(self, upstream_host: str, upstream_port: int, port: int | None = None):
        self.upstream = (upstream_host, upstream_port)
        self.port = port or free_port()
        self.mode = self.PASS
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._closing = False
        self._listener: socket.socket | None = None

    # --- control -------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", self.port))
        self._listener.listen(128)
        threading.Thread(target=self._accept_loop, daemon=True, name=f"proxy-{self.port}").start()
        return self

    def stop(self) -> None:
        self._closing = True
        self._drop_all()
        if self._listener:
            self._listener.close()

    def cut(self) -> None:
        self.mode = self.CUT
        self._drop_all()

    def freeze(self) -> None:
        self.mode = self.FROZEN

    def restore(self) -> None:
        self.mode = self.PASS

    def url(self, scheme: str, path: str = "", userinfo: str = "") -> str:
        return f"{scheme}://{userinfo}127.0.0.1:{self.port}{path}"

    # --- plumbing --------------------------------------------------------------------------

    def _drop_all(self) -> None:
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for sock in pair:
                _close(sock)

    def _accept_loop(self) -> None:
        while not self._closing:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            if self.mode == self.CUT:
                _reset(client)
                continue
            threading.Thread(target=self._open, args=(client,), daemon=True).start()

    def _open(self, client: socket.socket) -> None:
        while self.mode == self.FROZEN and not self._closing:
            time.sleep(0.02)  # accepted, but the "process" does not run: nothing is answered
        try:
            upstream = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            _reset(client)
            return
        upstream.settimeout(None)
        with self._lock:
            self._pairs.append((client, upstream))
        threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
        threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while not self._closing:
                if self.mode == self.FROZEN:
                    time.sleep(0.02)
                    continue
                readable, _, _ = select.select([source], [], [], 0.05)
                if not readable:
                    continue
                data = source.recv(65536)
                if not data:
                    break
                # Frozen while this thread waited in select(): hold what arrived, as a stopped
                # process would, instead of letting the first request after freeze() through.
                while self.mode == self.FROZEN and not self._closing:
                    time.sleep(0.02)
                target.sendall(data)
        except (OSError, ValueError):
            pass
        finally:
            _close(source)
            _close(target)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def _reset(sock: socket.socket) -> None:
    # SO_LINGER 0: the peer sees "connection reset", as from a port nobody listens on.
    import struct

    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()
