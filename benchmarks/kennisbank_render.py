"""Median render time of kennisbank pages with 500 voorbeelden, against a trivial Django view:
rendered (anonymous page cache off) and served from the anonymous page cache.

    .venv/bin/python benchmarks/kennisbank_render.py [--rounds 40]

Uses its own SQLite database (var/benchmark-kennisbank.sqlite3, built once: migrate, demo content,
then voorbeelden up to 500), so it never touches development data. Every request goes through
the full middleware stack with Django's test client, in the same process and run, so the ratios
compare like with like.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "var" / "benchmark-kennisbank.sqlite3"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisplatform.settings")
TARGET = 500


def setup():
    import django

    DB.parent.mkdir(exist_ok=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kennisbank import demo

    demo.load(open(os.devnull, "w"))
    _fill_voorbeelden()


def _fill_voorbeelden():
    from django.db import transaction
    from django.db.models.signals import post_save

    from kennisbank.models import Gemeente, InstrumentPage, Thema, VoorbeeldIndexPage, VoorbeeldPage
    from kennisbank.pages.voorbeelden import PropertyType

    index = VoorbeeldIndexPage.objects.get()
    missing = TARGET - VoorbeeldPage.objects.child_of(index).count()
    if missing <= 0:
        return
    # Search indexing is not what we measure; skip it while filling the benchmark database.
    from modelsearch import signal_handlers

    post_save.disconnect(signal_handlers.post_save_signal_handler, sender=VoorbeeldPage)
    gemeenten = list(Gemeente.objects.all())
    instruments = list(InstrumentPage.objects.all())
    themas = list(Thema.objects.all())
    kinds = PropertyType.values
    print(f"Aanmaken van {missing} voorbeelden (eenmalig)...", file=sys.stderr)
    with transaction.atomic():
        for number in range(missing):
            page = VoorbeeldPage(
                title=f"Benchmarkvoorbeeld {number}",
                slug=f"benchmark-{number}",
                summary="Een voorbeeld om de snelheid van het overzicht te meten.",
                gemeente=gemeenten[number * 7 % len(gemeenten)],
                property_type=kinds[number % len(kinds)],
                approach="<p>Aanpak.</p>",
                year=2000 + number % 25,
            )
            page.instrumenten.set(instruments[number % len(instruments) : number % len(instruments) + 2])
            page.themas.set(themas[number % len(themas) : number % len(themas) + 1])
            index.add_child(instance=page)


def measure(client, url, rounds):
    client.get(url)  # warm-up: templates compiled, caches filled
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    setup()

    import types

    from django.http import HttpResponse
    from django.test import Client, override_settings
    from django.urls import clear_url_caches, path

    import kennisplatform.urls
    from kennisbank.models import HoofdstukPage, VoorbeeldPage

    def trivial(request):
        return HttpResponse("ok")

    urls = types.ModuleType("benchmark_urls")
    urls.urlpatterns = [path("__trivial__/", trivial)] + kennisplatform.urls.urlpatterns
    sys.modules["benchmark_urls"] = urls
    chapter = HoofdstukPage.objects.live().order_by("path").first()
    cases = VoorbeeldPage.objects.live().count()
    pages = [("home", "/"), ("chapter", chapter.url), (f"voorbeelden index ({cases} cases)", "/voorbeelden/")]
    with override_settings(ROOT_URLCONF="benchmark_urls", ALLOWED_HOSTS=["*"], DEBUG=False):
        clear_url_caches()
        client = Client()  # no session cookie: an anonymous visitor
        results = [("trivial Django view", "/__trivial__/", measure(client, "/__trivial__/", args.rounds))]
        with override_settings(ANONYMOUS_PAGE_CACHE=False):
            results += [(label, url, measure(client, url, args.rounds)) for label, url in pages]
        results += [(f"{label}, anonymous cache", url, measure(client, url, args.rounds)) for label, url in pages]
    baseline = results[0][2]
    print(f"Median render time over {args.rounds} requests each ({cases} voorbeelden in the database):")
    for label, url, median in results:
        print(f"  {label:<52} {median * 1000:8.2f} ms   ×{median / baseline:6.1f} trivial   {url}")


if __name__ == "__main__":
    main()
