"""Rebuild behind an alias, status and reconcile, and the durable queue (also with the server down)."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from search import index as search_index
from search import indexing, queue
from search.models import IndexQueue
from tests.search.content import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]

ES_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "services" / "elasticsearch.sh"


def _titles(client, q, user=None):
    if user is not None:
        client.force_login(user)
    results = client.get("/api/zoeken/", {"q": q}).json()["results"]
    return {h["title"].replace("<mark>", "").replace("</mark>", "") for h in results}


def _doc_ids(es, key):
    es.indices.refresh(index=search_index.alias_name())
    hits = es.search(index=search_index.alias_name(), query={"term": {"object_key": key}}, size=100)["hits"]["hits"]
    return {hit["_id"] for hit in hits}


def test_rebuild_swaps_the_alias_while_searches_keep_working(es_index, client):
    build_world()
    first, count = indexing.rebuild()
    assert count > 0 and search_index.indices_behind(search_index.alias_name()) == [first]
    seen_during_rebuild = []

    def search_midway(step):
        if not seen_during_rebuild:  # the alias still serves the old index meanwhile
            seen_during_rebuild.append(_titles(client, "leegstandverordening"))

    second, _count = indexing.rebuild(progress=search_midway)
    assert seen_during_rebuild == [{"Webinar leegstandverordening"}]
    assert search_index.indices_behind(search_index.alias_name()) == [second]
    assert not es_index.indices.exists(index=first)
    assert "Webinar leegstandverordening" in _titles(client, "leegstandverordening")


def test_status_shows_differences_and_reconcile_repairs_them(es_index):
    world = build_world()
    indexing.rebuild()
    # Behind the index's back: a document disappears and a title changes without signals.
    es_index.delete(index=search_index.alias_name(), id=f"discussies.topic:{world.topic_b.pk}", refresh=True)
    type(world.topic_a).objects.filter(pk=world.topic_a.pk).update(title="Kantorentransformatie in Amersfoort (update)")
    out = StringIO()
    call_command("zoekindex", "status", stdout=out)
    assert "discussies.topic" in out.getvalue() and "<- verschil" in out.getvalue()

    repaired = indexing.reconcile()
    # The missing topic, the renamed topic and its reply (whose title quotes the topic's).
    assert repaired == {"bijgewerkt": 3}
    out = StringIO()
    call_command("zoekindex", "status", stdout=out)
    assert "<- verschil" not in out.getvalue()
    assert _doc_ids(es_index, f"discussies.topic:{world.topic_b.pk}") == {f"discussies.topic:{world.topic_b.pk}"}
    source = es_index.get(index=search_index.alias_name(), id=f"discussies.topic:{world.topic_a.pk}")["_source"]
    assert source["title"] == "Kantorentransformatie in Amersfoort (update)"


def test_changes_are_indexed_after_commit_and_deletions_removed(es_index, django_capture_on_commit_callbacks):
    world = build_world()
    indexing.rebuild()
    IndexQueue.objects.all().delete()  # the set-up's saves, already covered by the rebuild
    from themagroepen.discussies.models import Topic

    with django_capture_on_commit_callbacks(execute=True):
        topic = Topic.objects.create(
            themagroep=world.groep_a,
            title="Nieuwe vraag over winkelleegstand",
            slug="x",
            body="Hoe pakt u winkelleegstand aan?",
            html="<p>Hoe pakt u winkelleegstand aan?</p>",
        )
    key = f"discussies.topic:{topic.pk}"
    assert _doc_ids(es_index, key) == {key}
    assert not IndexQueue.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        topic.delete()
    assert _doc_ids(es_index, key) == set()


def _es(command):
    subprocess.run([str(ES_SCRIPT), command], check=True, timeout=300, capture_output=True)


def test_saving_works_while_elasticsearch_is_down_and_the_index_catches_up(
    es_index, client, django_capture_on_commit_callbacks
):
    """Stops and restarts the real server; it is started again even if the test fails."""
    world = build_world()
    indexing.rebuild()
    IndexQueue.objects.all().delete()  # the set-up's saves, already covered by the rebuild
    from themagroepen.discussies.models import Topic

    _es("stop")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            topic = Topic.objects.create(
                themagroep=world.groep_a,
                title="Tijdelijke verhuur van leeg vastgoed",
                slug="y",
                body="Wie heeft een antikraakregeling?",
                html="<p>Wie heeft een antikraakregeling?</p>",
            )
        row = IndexQueue.objects.get(object_pk=str(topic.pk), model_label="discussies.topic")
        assert row.attempts == 1 and row.next_attempt_at > timezone.now() and row.last_error
        # Searching still works, from the database, and says so.
        client.force_login(world.users["lid"])
        page = client.get("/zoeken/", {"q": "antikraakregeling"})
        assert page.status_code == 200
        assert "De zoekmachine is tijdelijk niet bereikbaar" in page.content.decode()
        assert "Tijdelijke verhuur van leeg vastgoed" in page.content.decode()
        # A retry while still down changes nothing: the row keeps waiting (once the circuit
        # breaker is open the batch stops without asking Elasticsearch again).
        queue.process(now=row.next_attempt_at)
        row.refresh_from_db()
        assert row.attempts in (1, 2) and IndexQueue.objects.filter(pk=row.pk).exists()
    finally:
        _es("start")
    assert queue.process(now=row.next_attempt_at)["verwerkt"] == 1
    assert not IndexQueue.objects.exists()
    assert _doc_ids(es_index, f"discussies.topic:{topic.pk}") == {f"discussies.topic:{topic.pk}"}
    assert "Tijdelijke verhuur van leeg vastgoed" in _titles(client, "antikraakregeling")


def test_backoff_grows_exponentially_and_is_capped():
    assert [queue.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [10, 20, 40, 80]
    assert queue.backoff(30).total_seconds() == 3600
