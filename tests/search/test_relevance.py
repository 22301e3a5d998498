"""Relevance over the demo content plus 108 documents written for this test (corpus.py):
nDCG@10, MRR and recall@10 for 106 judged Dutch queries, per engine, on the real services.

The queries are written the way officials search: over 30 of them use other words than the
document (verb forms, participles, compounds split or joined, synonyms, place-name aliases,
typos) and many are natural phrases of 3-6 words. Thresholds are the levels reached (see
search/README.md); no judged query may come back empty.
"""

import pytest
from django.core.management import call_command

from tests.search import corpus
from tests.search.judgements import EXTRA_JUDGEMENTS, JUDGEMENTS
from tests.search.ndcg import evaluate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("wagtail_tree", "reference_data", "seeded_synonyms")]

ALL_JUDGEMENTS = {**JUDGEMENTS, **EXTRA_JUDGEMENTS}
ELASTICSEARCH_NDCG = 0.915  # measured 0.920 (target 0.92)
EMBEDDED_NDCG = 0.86  # measured 0.877-0.889 on PostgreSQL, 0.900 on SQLite (target 0.85)
PER_QUERY_FLOOR = {"elasticsearch": 0.3, "embedded": 0.15}


def _load_demo_and_corpus():
    from io import StringIO

    from kennisplatform import access

    call_command("loaddemo", stdout=StringIO())
    return corpus.documents({access.PUBLIC})


def _measure(client, capsys, engine: str):
    def search(q):
        return [hit["url"] for hit in client.get("/api/zoeken/", {"q": q}).json()["results"]]

    assert len(ALL_JUDGEMENTS) >= 100
    report = evaluate(search, ALL_JUDGEMENTS, k=10)
    worst = sorted(report.ndcg.items(), key=lambda qs: qs[1])[:8]
    with capsys.disabled():
        print("\n" + report.line(engine))
        print("  weakest: " + ", ".join(f"{q!r} {s:.2f}" for q, s in worst))
    return report


def _check(report, threshold, floor):
    assert not report.empty, f"judged queries without results: {report.empty}"
    weak = {q: round(s, 2) for q, s in report.ndcg.items() if s < floor}
    assert not weak, f"queries below {floor}: {weak}"
    assert report.mean_ndcg >= threshold


@pytest.mark.elasticsearch
def test_elasticsearch_reaches_the_relevance_targets(es_index, client, capsys):
    from elasticsearch import helpers

    from search import index, indexing

    extra = _load_demo_and_corpus()
    indexing.rebuild()
    helpers.bulk(es_index, index.bulk_actions(extra, index.alias_name()), refresh=True)
    total = es_index.count(index=index.alias_name())["count"]
    assert total >= 150
    _check(
        _measure(client, capsys, f"Elasticsearch ({total} documenten)"),
        ELASTICSEARCH_NDCG,
        PER_QUERY_FLOOR["elasticsearch"],
    )


def test_embedded_engine_reaches_the_relevance_targets(database_search, client, capsys):
    from django.db import connection

    from search import embedded, indexing
    from search.models import EmbeddedEntry

    extra = _load_demo_and_corpus()
    indexing.rebuild_embedded()
    for doc in extra:
        embedded.replace_object_documents(doc.object_key, [doc])
    total = EmbeddedEntry.objects.count()
    assert total >= 150
    _check(
        _measure(client, capsys, f"ingebouwd, {connection.vendor} ({total} documenten)"),
        EMBEDDED_NDCG,
        PER_QUERY_FLOOR["embedded"],
    )
