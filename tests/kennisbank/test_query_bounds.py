"""Every public kennisbank page renders in at most 25 queries, and longer lists cost no extra queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.kennisbank.conftest import make_voorbeeld

pytestmark = pytest.mark.django_db
MAX_QUERIES = 25


def _urls(kb):
    return [
        "/",
        kb.handreiking_index.url,
        kb.handreiking.url,
        kb.chapters[0].url,
        kb.verordening.url,
        kb.instruments_index.url,
        kb.instruments_index.url + "?soort=juridisch",
        kb.loods.url,
        kb.voorbeelden_index.url,
        kb.voorbeelden_index.url + "?provincie=utrecht&thema=kantoren&instrument=kantorenloods",
        kb.utrecht.url,
        kb.publicaties_index.url,
        kb.brief.url,
        "/themas/",
        "/themas/erfgoed/",
        "/sitemap.xml",
        "/feeds/voorbeelden/rss/",
        "/feeds/publicaties/atom/",
    ]


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_every_public_page_stays_within_the_query_budget(client, kb, django_assert_max_num_queries):
    for url in _urls(kb):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200, url


def test_query_count_does_not_grow_with_the_number_of_cases(client, kb, monkeypatch):
    from kennisbank.pages import common

    monkeypatch.setattr(common, "PER_PAGE", 4)
    urls = ["/", kb.voorbeelden_index.url, kb.loods.url, "/themas/kantoren/", "/feeds/voorbeelden/rss/"]
    for number in range(2):
        make_voorbeeld(
            kb.voorbeelden_index,
            f"extra-{number}",
            "GM0344",
            "kantoor",
            instrumenten=[kb.loods],
            themas=[kb.themas.kantoren],
        )
    before = {url: _count(client, url) for url in urls}
    for number in range(2, 8):
        make_voorbeeld(
            kb.voorbeelden_index,
            f"extra-{number}",
            "GM0518",
            "winkel",
            instrumenten=[kb.loods],
            themas=[kb.themas.kantoren],
        )
    after = {url: _count(client, url) for url in urls}
    assert after == before
