"""Reply POST time against the number of followers of the topic (issue 15, point 4).

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/reply_fanout.py [--rounds 30]

Builds a besloten themagroep with 200 members in the database of DATABASE_URL (its own tables:
pass a database you may fill, e.g. …/kp_bench; SQLite var/benchmark-replies.sqlite3 when unset),
then for 2, 50 and 200 followers posts replies through the full middleware stack with Django's
test client, like the reply form does. The tasks backend is the database one, as in production:
the request stores the reply and one fan-out task; the worker's part (notifications, e-mails,
unread counts) is timed separately, once per follower count, by running the queued tasks.
Prints median and p95 per follower count and the ratio 200 : 2.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'benchmark-replies.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisplatform.settings")
os.environ.setdefault("TASKS_BACKEND", "database")
os.environ.setdefault("RATE_LIMITS_OFF", "1")  # one member posting 30 replies a minute is the load here
FOLLOWER_COUNTS = (2, 50, 200)


def setup():
    import django

    (ROOT / "var").mkdir(exist_ok=True)
    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The worker's figure is about the fan-out, not about printing thousands of mails.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    call_command("migrate", verbosity=0)


def _world(followers):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from themagroepen.discussies.models import TopicFollow
    from themagroepen.discussies.services import create_topic
    from themagroepen.models import Membership, Themagroep, Visibility

    users = get_user_model().objects
    groep, _ = Themagroep.objects.get_or_create(
        slug="benchmark-reacties",
        defaults={"name": "Benchmark reacties", "description": "Meten.", "visibility": Visibility.BESLOTEN},
    )
    members = []
    for number in range(max(FOLLOWER_COUNTS) + 1):
        email = f"lid{number:03d}@benchmark.example"
        user = users.filter(email=email).first()
        if user is None:
            user = users.create_user(
                username=email, email=email, password=None, first_name="Lid", last_name=str(number)
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        Membership.objects.get_or_create(themagroep=groep, user=user)
        members.append(user)
    author, others = members[0], members[1:]
    topic = create_topic(groep, others[0], f"Meten met {followers} volgers", "Wie reageert?", announce=False)
    TopicFollow.objects.filter(topic=topic).delete()
    TopicFollow.objects.bulk_create([TopicFollow(user=user, topic=topic) for user in others[:followers]])
    return author, topic


def _run_queued_tasks():
    """The worker's part: drain the default queue as `manage.py db_worker` does."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(queue_name="default", status="READY").count()
    started = time.perf_counter()
    call_command("db_worker", "--batch", "--queue-name", "default", verbosity=0)
    return queued, time.perf_counter() - started


def measure(rounds):
    from django.test import Client
    from django.urls import reverse

    figures = {}
    for followers in FOLLOWER_COUNTS:
        author, topic = _world(followers)
        client = Client()
        client.force_login(author)
        url = reverse("themagroepen:discussies:reply", args=(topic.themagroep.slug, topic.pk))
        samples = []
        for number in range(rounds + 1):
            started = time.perf_counter()
            response = client.post(url, {"body": f"Reactie {number} met {followers} volgers."})
            elapsed = time.perf_counter() - started
            assert response.status_code in (200, 302), response.status_code
            if number:  # the first one warms templates and caches
                samples.append(elapsed)
        ran, worker_seconds = _run_queued_tasks()
        samples.sort()
        figures[followers] = (
            statistics.median(samples),
            samples[max(0, round(0.95 * len(samples)) - 1)],
            worker_seconds / max(ran, 1),
        )
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    setup()
    figures = measure(args.rounds)
    print(f"{'volgers':>8} {'mediaan ms':>11} {'p95 ms':>8} {'worker ms per taak':>19}")
    for followers, (median, p95, worker) in figures.items():
        print(f"{followers:>8} {median * 1000:>11.1f} {p95 * 1000:>8.1f} {worker * 1000:>19.1f}")
    low, high = figures[min(figures)][1], figures[max(figures)][1]
    print(f"p95 {max(figures)} : {min(figures)} volgers = {high / low:.2f}")


if __name__ == "__main__":
    main()
