"""Upload-memory benchmark: peak RSS of a real server process for a 100 MB request vs. idle.

    .venv/bin/python benchmarks/upload_memory.py        (make bench-upload)

For Daphne (production's server) and uvicorn, each in its own process running the real ASGI
application: the resident set after a warm-up request (idle), then the kernel's high-water
mark (VmHWM) after a 100 MB body with a Content-Length and after a 100 MB chunked body (no
length), each streamed over a socket to a discussion's reply URL. Also Daphne with the limit
raised above 100 MB: the body then reaches Django (which answers 400, the raw bytes being no
valid form), which shows what holding such a body costs.

Target (issue #13, point 6): the refused uploads stay within a few MB of idle (bound: 10 MiB).
Exit status is 0 when the target is met, 1 otherwise.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.uploads import stream_body  # noqa: E402

MB = 1024 * 1024
BODY = 100 * MB
BOUND_MIB = 10
URL = "/themagroepen/groep/discussies/1/reageren/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def kib(pid: int, field: str) -> int:
    line = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith(field))
    return int(line.split()[1])


def start(server: str, port: int, env: dict) -> subprocess.Popen:
    if server == "daphne":
        command = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
    else:
        command = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port), "--lifespan", "off"]
    process = subprocess.Popen(
        [*command, "kennisplatform.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{server} did not start") from None
            time.sleep(0.2)


def measure(
    server: str, limit_mb: int | None = None, cases=(False, True)
) -> list[tuple[str, int, float, float, float]]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kennisplatform.settings"}
    if limit_mb:
        env["REQUEST_BODY_MAX_MB"] = str(limit_mb)
    port = free_port()
    process = start(server, port, env)
    try:
        stream_body(port, "/", 1024)  # warm up: the first request imports the views
        rows = []
        for chunked in cases:
            before = kib(process.pid, "VmRSS:")
            upload = stream_body(port, URL, BODY, chunked=chunked)
            peak = kib(process.pid, "VmHWM:")
            label = f"{server}{'' if limit_mb is None else f' (limit {limit_mb} MB)'}, {'chunked' if chunked else 'Content-Length'}"
            rows.append((label, upload.status, upload.sent / MB, before / 1024, (peak - before) / 1024))
        return rows
    finally:
        process.terminate()
        process.wait(timeout=20)


def main() -> int:
    rows = measure("daphne") + measure("uvicorn")
    unbounded = measure("daphne", limit_mb=200, cases=(False,))
    print(f"{'server, body of 100 MB':45} {'status':>6} {'sent MB':>8} {'idle MiB':>9} {'peak +MiB':>10}")
    for label, status, sent, idle, growth in rows + unbounded:
        print(f"{label:45} {status:>6} {sent:>8.1f} {idle:>9.1f} {growth:>10.1f}")
    met = all(status == 413 and growth < BOUND_MIB for _label, status, _sent, _idle, growth in rows)
    print(f"target (refused, peak within {BOUND_MIB} MiB of idle): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
