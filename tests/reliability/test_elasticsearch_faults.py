"""Elasticsearch stopped or frozen: search falls back within 0.5 s; the index converges by itself.

Before: frozen (process stopped, port open), every search, suggestion and /health/ took the full
5 s timeout; stopped while 100 posts were made, 94 index jobs stayed queued for 7 minutes
until someone ran ``zoekindex process``.
"""

import time
from datetime import timedelta

import pytest
from django.db import transaction

from kennisplatform import klok
from search import index as search_index
from search import indexing
from search.backend import get_client
from search.breaker import breaker
from search.models import IndexQueue
from search.service import DOWN_NOTICE
from tests.reliability.conftest import wait_until
from tests.search.content import build_world
from themagroepen.discussies.services import create_reply

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

BUDGET_S = 0.5
POSTS = 100


def _timed_get(client, url, params=None):
    started = time.monotonic()
    response = client.get(url, params or {})
    return response, time.monotonic() - started


def test_frozen_elasticsearch_search_suggestions_and_health_answer_within_half_a_second(client, es_proxy):
    world = build_world()
    indexing.rebuild()
    indexing.rebuild_embedded()  # the fallback's own full-text index
    client.force_login(world.users["lid"])
    response, _ = _timed_get(client, "/zoeken/", {"q": "kantorentransformatie"})
    assert DOWN_NOTICE not in response.content.decode()

    es_proxy.freeze()
    timings = {}
    response, timings["first search"] = _timed_get(client, "/zoeken/", {"q": "kantorentransformatie"})
    assert response.status_code == 200
    page = response.content.decode()
    assert DOWN_NOTICE in page and "</mark> in Amersfoort</a>" in page  # the database's hit (highlighted)
    response, timings["second search"] = _timed_get(client, "/zoeken/", {"q": "blauwdrukprocedure"})
    assert DOWN_NOTICE in response.content.decode()
    response, timings["suggestions"] = _timed_get(client, "/api/zoeken/suggesties/", {"q": "kantor"})
    assert response.status_code == 200
    started = time.monotonic()
    health = client.get("/health/").json()
    timings["health, search check"] = health["checks"]["search"]["ms"] / 1000
    timings["health, whole"] = time.monotonic() - started
    assert health["checks"]["search"]["status"] == "failing" and health["status"] == "degraded"
    print("\nelasticsearch frozen: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items()))
    # What Elasticsearch costs the first reader: the short timeout, then the circuit is open and
    # later searches cost only the database search itself (the second search measures that).
    assert timings["first search"] - timings["second search"] < BUDGET_S
    assert timings["suggestions"] < BUDGET_S and timings["health, whole"] < BUDGET_S

    es_proxy.restore()
    restored = time.monotonic()

    def answered_by_elasticsearch():
        return DOWN_NOTICE not in client.get("/zoeken/", {"q": "kantorentransformatie"}).content.decode()

    wait_until(answered_by_elasticsearch, breaker.cooldown + 10, 0.5, "Elasticsearch answering again")
    print(f"elasticsearch back: searches use it again after {time.monotonic() - restored:.1f} s")


def test_index_converges_by_itself_after_elasticsearch_returns(client, es_proxy):
    world = build_world()
    indexing.rebuild()
    IndexQueue.objects.all().delete()
    es_proxy.cut()

    for number in range(POSTS):
        with transaction.atomic():
            create_reply(world.topic_a, world.users["lid"], f"Bijdrage {number} over herbestemming", announce=False)
    waiting = IndexQueue.objects.count()
    assert waiting >= POSTS  # every post is queued durably; none indexed
    client.force_login(world.users["lid"])
    page = client.get("/zoeken/", {"q": "herbestemming"}).content.decode()
    assert DOWN_NOTICE in page  # the search fallback meanwhile

    es_proxy.restore()
    returned = time.monotonic()
    # No command: the clock's catch-up job is due every minute and drains the queue in one tick.
    catch_up = klok.JOBS_BY_NAME["zoekindex-inhalen"]
    assert catch_up.every <= timedelta(minutes=1)
    klok.run_job(catch_up, force=True)
    converged = time.monotonic() - returned
    assert not IndexQueue.objects.exists()
    client_es = get_client()
    client_es.indices.refresh(index=search_index.alias_name())
    replies = client_es.count(index=search_index.alias_name(), query={"term": {"model": "discussies.reply"}})
    assert replies["count"] == POSTS + 1  # the world's own reply and the hundred new ones
    print(
        f"\nelasticsearch stopped for {POSTS} posts: {waiting} queued; index converged {converged:.1f} s after return"
    )
    assert converged < 60
