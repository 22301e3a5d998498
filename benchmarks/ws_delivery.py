"""WebSocket delivery benchmark: N members watch one topic, replies are posted, we time delivery.

    REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python benchmarks/ws_delivery.py

Use a Redis database of its own (here 7): the test suite flushes its Redis database, which
would wipe the topic's channel group mid-run and make deliveries vanish.

What it does:

1. prepares a database (a separate SQLite file ``var/bench.sqlite3`` unless DATABASE_URL is
   set) with one themagroep, one topic and N verified members, each with a signed-in session;
2. starts the real ASGI application under uvicorn on a free port (HTTP + WebSockets), using
   the Redis channel layer from REDIS_URL;
3. connects N WebSocket clients (one per member, with that member's session cookie) to
   ``/ws/themagroepen/<slug>/discussies/<topic>/``;
4. posts M replies through the normal service (``services.create_reply``) and notes the time of
   each commit; the clients note when the ``reply.created`` event arrives;
5. reports, per reply, how many of the N clients received it, and the median and 95th
   percentile of the delay from commit to delivery over all deliveries;
6. does the same first with a single client against the same server: the baseline, so the
   figures come with their ratio to it (what 200 watchers cost over one).

Target (issue #5): every client receives every reply, p95 below 250 ms, with Redis.
Exit status is 0 when the target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--messages", type=int, default=30)
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between replies")
    parser.add_argument("--target-p95-ms", type=float, default=250.0)
    return parser.parse_args()


def configure_environment() -> dict:
    if not os.environ.get("REDIS_URL"):
        sys.exit(
            "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0): the server and this script share the Redis channel layer."
        )
    (BASE_DIR / "var").mkdir(exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'bench.sqlite3'}")
    os.environ.setdefault("CHANNELS_PREFIX", f"kp-bench-{os.getpid()}")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisplatform.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return dict(os.environ)


def prepare_data(clients: int):
    """Group, topic, members with sessions. Idempotent: reruns reuse the same rows."""
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from themagroepen.discussies.models import Topic
    from themagroepen.discussies.services import create_topic
    from themagroepen.models import Membership, Role, Themagroep
    from themagroepen.notificaties.models import EmailPreference, Frequency

    call_command("migrate", verbosity=0, interactive=False)
    User = get_user_model()
    groep, _ = Themagroep.objects.get_or_create(
        slug="benchmark", defaults={"name": "Benchmark", "description": "Meetgroep"}
    )
    emails = [f"bench{n:04d}@gemeente.example" for n in range(clients)]
    existing = set(User.objects.filter(username__in=emails).values_list("username", flat=True))
    User.objects.bulk_create([User(username=e, email=e, password="!") for e in emails if e not in existing])
    users = list(User.objects.filter(username__in=emails).order_by("username"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users], ignore_conflicts=True
    )
    Membership.objects.bulk_create(
        [
            Membership(themagroep=groep, user=u, role=Role.BEHEERDER if i == 0 else Role.LID)
            for i, u in enumerate(users)
        ],
        ignore_conflicts=True,
    )
    # No e-mail per reply (in-app notifications still happen): the console would drown the figures.
    EmailPreference.objects.bulk_create(
        [EmailPreference(user=u, frequency=Frequency.NEVER) for u in users], ignore_conflicts=True
    )
    topic = Topic.objects.filter(themagroep=groep).first() or create_topic(
        groep, users[0], "Meetonderwerp", "Voor de benchmark."
    )
    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)
    return groep, topic, users, cookies


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, port: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "kennisplatform.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--ws",
        "websockets-sansio",
        "--log-level",
        "warning",
        "--lifespan",
        "off",
    ]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)
            return server
        except OSError:
            time.sleep(0.25)
    server.terminate()
    sys.exit("The ASGI server did not start within 60 s.")


async def client(
    url, origin, cookie, received: dict, ready: asyncio.Event, counter: list, total: int, stop: asyncio.Event
):
    import websockets

    async with websockets.connect(
        url, origin=origin, additional_headers={"Cookie": f"sessionid={cookie}"}, max_queue=None, open_timeout=60
    ) as socket_:
        counter[0] += 1
        if counter[0] == total:
            ready.set()
        while not stop.is_set():
            try:
                raw = await asyncio.wait_for(socket_.recv(), timeout=0.5)
            except TimeoutError:
                continue
            arrived = time.time()
            message = json.loads(raw)
            if message.get("type") == "reply.created":
                received.setdefault(message["reply_id"], []).append(arrived)


def post_replies(topic, users, messages: int, interval: float, commits: dict):
    """Post through the real service; the first on_commit hook notes the commit time."""
    from django.db import connection, transaction

    from themagroepen.discussies.models import Topic
    from themagroepen.discussies.services import create_reply

    try:
        for n in range(messages):
            author = users[1 + n % (len(users) - 1)]
            with transaction.atomic():
                stamp = {}
                transaction.on_commit(lambda stamp=stamp: stamp.setdefault("t", time.time()))
                reply = create_reply(Topic.objects.get(pk=topic.pk), author, f"Meetreactie {n}")
            commits[reply.pk] = stamp["t"]
            time.sleep(interval)
    finally:
        connection.close()


async def measure(args, url, origin, cookies, topic, users):
    """Connect one client per cookie, post the replies, collect who got what when."""
    received, commits, counter = {}, {}, [0]
    ready, stop = asyncio.Event(), asyncio.Event()
    tasks = []
    # Connect in batches: the handshakes (session, user and membership lookups) are not what we
    # measure, and 200 at once would only test the connect path of a busy 2-core machine.
    for start in range(0, len(cookies), 20):
        batch = cookies[start : start + 20]
        tasks += [
            asyncio.create_task(client(url, origin, c, received, ready, counter, len(cookies), stop)) for c in batch
        ]
        while counter[0] < min(start + 20, len(cookies)) and not any(t.done() for t in tasks):
            await asyncio.sleep(0.05)
    await asyncio.wait_for(ready.wait(), timeout=120)
    await asyncio.sleep(0.5)  # let every consumer finish joining its groups
    poster = threading.Thread(target=post_replies, args=(topic, users, args.messages, args.interval, commits))
    poster.start()
    while poster.is_alive():
        await asyncio.sleep(0.05)
    await asyncio.sleep(2.0)  # late deliveries
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return Result(len(cookies), commits, received)


async def run(args, port, groep, topic, users, cookies):
    """The baseline (one watcher) and the real case (N watchers) against the same server."""
    url = f"ws://127.0.0.1:{port}/ws/themagroepen/{groep.slug}/discussies/{topic.pk}/"
    origin = f"http://127.0.0.1:{port}"
    baseline = await measure(args, url, origin, cookies[:1], topic, users)
    return baseline, await measure(args, url, origin, cookies, topic, users)


@dataclass
class Result:
    clients: int
    commits: dict
    received: dict

    def per_message(self) -> list[int]:
        return [len(self.received.get(reply_id, [])) for reply_id in self.commits]

    def delays(self) -> list[float]:
        return sorted(
            (arrival - committed) * 1000
            for reply_id, committed in self.commits.items()
            for arrival in self.received.get(reply_id, [])
        )

    def all_delivered(self) -> bool:
        return all(count == self.clients for count in self.per_message())

    def median(self) -> float:
        return statistics.median(self.delays()) if self.delays() else float("nan")

    def p95(self) -> float:
        delays = self.delays()
        return delays[max(0, int(round(0.95 * len(delays))) - 1)] if delays else float("nan")


def report(args, baseline: Result, result: Result) -> bool:
    delays, per_message = result.delays(), result.per_message()
    print(f"clients: {result.clients}, replies posted: {len(result.commits)}, interval: {args.interval * 1000:.0f} ms")
    print(f"delivered per reply: min {min(per_message)}, max {max(per_message)} of {result.clients}")
    print(
        f"commit → delivery over {len(delays)} deliveries: median {result.median():.1f} ms, p95 {result.p95():.1f} ms, max {delays[-1]:.1f} ms"
    )
    print(
        f"baseline, 1 client: median {baseline.median():.1f} ms, p95 {baseline.p95():.1f} ms "
        f"→ ratio {result.clients} clients / 1 client: median ×{result.median() / baseline.median():.1f}, p95 ×{result.p95() / baseline.p95():.1f}"
    )
    met = result.all_delivered() and baseline.all_delivered() and result.p95() < args.target_p95_ms
    print(f"target (all delivered, p95 < {args.target_p95_ms:.0f} ms): {'MET' if met else 'MISSED'}")
    print(
        json.dumps(
            {
                "clients": result.clients,
                "replies": len(result.commits),
                "delivered_min": min(per_message),
                "median_ms": round(result.median(), 1),
                "p95_ms": round(result.p95(), 1),
                "baseline_median_ms": round(baseline.median(), 1),
                "baseline_p95_ms": round(baseline.p95(), 1),
                "target_met": met,
            }
        )
    )
    return met


def main():
    args = parse_args()
    env = configure_environment()
    sys.path.insert(0, str(BASE_DIR))
    groep, topic, users, cookies = prepare_data(args.clients)
    port = free_port()
    server = start_server(env, port)
    try:
        baseline, result = asyncio.run(run(args, port, groep, topic, users, cookies))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()  # graceful shutdown waits for sockets; the figures are already in
    sys.exit(0 if report(args, baseline, result) else 1)


if __name__ == "__main__":
    main()
