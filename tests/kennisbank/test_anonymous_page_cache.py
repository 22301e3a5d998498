"""Whole pages for visitors without a session: served from the cache, never stale after a change,
never for signed-in people.

Most tests run inside one transaction and let each change "commit" by running its after-commit
callbacks (``committed``); two transactional tests prove the same with real commits.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from kennisplatform import page_cache
from tests.kennisbank.conftest import make_official, restrict_to_login


@pytest.fixture
def published(kb):
    """The fixture's pages count as committed from here on: their pending increment runs now."""
    from django.db import connection

    connection.run_on_commit = [entry for entry in connection.run_on_commit if entry[1] is not page_cache.bump]
    page_cache.bump()
    return kb


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def visit(path, **headers):
    """A new visitor each time: no cookies at all."""
    return Client().get(path, **headers)


def text(response):
    return response.content.decode()


def listings(site):
    """The pages that show a voorbeeld besides its own page."""
    return ["/", site.voorbeelden_index.url, "/sitemap.xml", "/feeds/voorbeelden/rss/", "/feeds/voorbeelden/atom/"]


def mentions(path, page, title):
    """Whether the page at ``path`` mentions ``page``: by address in the sitemap, by title elsewhere."""
    return (page.url if path == "/sitemap.xml" else title) in text(visit(path))


def warm(*paths):
    for path in paths:
        assert visit(path).status_code == 200, path
        assert visit(path)["X-Cache"] == "HIT", path


def test_a_second_visitor_gets_the_stored_page_with_validators_and_a_304(published):
    url = published.chapters[0].url
    first = visit(url)
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    second = visit(url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]
    assert "public" in second["Cache-Control"] and "Cookie" in second["Vary"]
    # Per-request headers are this request's, not the stored one's.
    assert second["X-Request-Id"] != first["X-Request-Id"]
    assert second["Content-Security-Policy"]

    not_modified = visit(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert visit(url, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200


def test_signed_in_people_neither_get_nor_fill_the_cache(published, client):
    chapter = published.chapters[0].url
    warm(chapter)
    official = make_official("p.devries@utrecht.nl", "P. de Vries")
    client.force_login(official)
    own = client.get(chapter)
    assert "X-Cache" not in own and "private" in own["Cache-Control"]
    assert "Uitloggen" in text(own)
    # What the signed-in person saw was not stored for visitors.
    assert "Uitloggen" not in text(visit(chapter))

    # A page behind login: the member reads it, a visitor afterwards is still sent to log in.
    assert client.get(published.besloten.url).status_code == 200
    assert visit(published.besloten.url).status_code == 302
    assert visit(published.besloten.url).status_code == 302


def test_query_strings_are_kept_apart_and_only_the_listings_parameters_are_stored(published):
    index = published.voorbeelden_index.url
    assert visit(index)["X-Cache"] == "MISS"
    assert visit(f"{index}?vastgoed=kantoor&thema=erfgoed")["X-Cache"] == "MISS"
    assert visit(f"{index}?thema=erfgoed&vastgoed=kantoor")["X-Cache"] == "HIT"  # same filters, other order
    # Free text, tracking tags and made-up names are rendered each time, never stored.
    for query in ("q=leegstand", "utm_source=nieuwsbrief", f"vastgoed={'x' * 250}"):
        assert visit(f"{index}?{query}").status_code == 200
        assert "X-Cache" not in visit(f"{index}?{query}"), query


def test_a_crawler_cannot_fill_the_cache_beyond_its_budget(published, monkeypatch):
    import time
    from types import SimpleNamespace

    monkeypatch.setattr(page_cache, "MAX_STORES_PER_MINUTE", 2)
    # One and the same minute throughout.
    monkeypatch.setattr(page_cache, "time", SimpleNamespace(monotonic=lambda: 0.0, time=time.time))
    client = Client()  # its own middleware chain, built with the smaller budget
    index = published.voorbeelden_index.url
    for page in (1, 2, 3):
        client.get(f"{index}?pagina={page}")
    assert client.get(f"{index}?pagina=1")["X-Cache"] == "HIT"
    assert client.get(f"{index}?pagina=3")["X-Cache"] == "MISS"  # over the budget: not stored


def test_a_visitor_with_a_session_or_pending_messages_is_not_served_from_the_cache(published, settings):
    url = published.chapters[0].url
    warm(url)
    with_session = Client()
    with_session.cookies[settings.SESSION_COOKIE_NAME] = "iets"
    assert "X-Cache" not in with_session.get(url)
    with_messages = Client()
    with_messages.cookies["messages"] = "iets"
    assert "X-Cache" not in with_messages.get(url)


def publish_new_title(page, title):
    page.title = title
    page.save_revision().publish()


@pytest.mark.django_db(transaction=True)
def test_publishing_a_change_reaches_the_page_and_every_listing_at_once(published):
    page = published.utrecht
    warm(page.url, *listings(published))
    publish_new_title(page, "Kantoorgebouw in Utrecht wordt woningen")
    for path in [page.url, *listings(published)]:
        response = visit(path)
        assert response["X-Cache"] == "MISS", path
        assert mentions(path, page, "Kantoorgebouw in Utrecht wordt woningen"), path


def test_saving_a_draft_leaves_the_published_page_cached(published, committed):
    page = published.utrecht
    warm(page.url)
    with committed():
        page.title = "Nog niet gepubliceerde titel"
        page.save_revision()
    response = visit(page.url)
    assert response["X-Cache"] == "HIT"
    assert "Nog niet gepubliceerde titel" not in text(response)


def test_within_the_writing_transaction_the_change_is_seen_before_commit(published):
    page = published.utrecht
    warm(page.url)
    publish_new_title(page, "Al zichtbaar voor wie schrijft")  # not committed: the test's transaction
    assert "Al zichtbaar voor wie schrijft" in text(visit(page.url))


def test_unpublishing_removes_the_page_and_its_mentions(published, committed):
    page = published.utrecht
    warm(page.url, *listings(published))
    with committed():
        page.unpublish()
    assert visit(page.url).status_code == 404
    for path in listings(published):
        assert not mentions(path, page, "Kantoor in Utrecht"), path


def test_deleting_removes_the_page_and_its_mentions(published, committed):
    page = published.utrecht
    url = page.url
    warm(url, *listings(published))
    with committed():
        page.delete()
    assert visit(url).status_code == 404
    for path in listings(published):
        assert "Kantoor in Utrecht" not in text(visit(path)) and url not in text(visit(path)), path


def test_moving_a_page_changes_both_addresses_and_the_old_listing(published, committed):
    page = published.leeuwarden
    old_url = page.url
    warm(old_url, published.voorbeelden_index.url, published.instruments_index.url)
    with committed():
        page.move(published.instruments_index, pos="last-child")
    page.refresh_from_db()
    moved = visit(old_url)  # Wagtail leaves a redirect behind, not the stored old page
    assert moved.status_code == 301 and moved["Location"] == page.url
    assert visit(page.url).status_code == 200
    assert "Kerk in Leeuwarden" not in text(visit(published.voorbeelden_index.url))


@pytest.mark.django_db(transaction=True)
def test_a_privacy_change_takes_effect_for_visitors_at_once(published):
    page = published.leeuwarden
    warm(page.url, *listings(published))
    restrict_to_login(page)
    assert visit(page.url).status_code == 302
    for path in listings(published):
        assert not mentions(path, page, "Kerk in Leeuwarden"), path

    PageViewRestriction.objects.filter(page=page).delete()
    assert visit(page.url).status_code == 200
    assert mentions("/", page, "Kerk in Leeuwarden")


def test_a_gemeente_renamed_shows_on_the_voorbeeld_at_once(published, committed):
    page = published.leeuwarden
    warm(page.url)
    with committed():
        gemeente = page.gemeente
        gemeente.name = "Ljouwert"
        gemeente.save()
    assert "Ljouwert" in text(visit(page.url))


def test_a_page_with_a_form_token_is_not_stored(published, settings):
    """A response that carries a CSRF token (and so sets the cookie) belongs to one visitor."""
    from django.test import override_settings
    from django.urls import path

    from kennisplatform.page_cache import anonymous_cacheable

    @anonymous_cacheable
    def with_token(request):
        from django.http import HttpResponse
        from django.middleware.csrf import get_token

        return HttpResponse(f"<p>{get_token(request)}</p>", content_type="text/html")

    urlconf = type("urls", (), {"urlpatterns": [path("met-formulier/", with_token)]})
    with override_settings(ROOT_URLCONF=urlconf):
        first = visit("/met-formulier/")
        assert "csrftoken" in first.cookies
        second = visit("/met-formulier/")
        assert second.get("X-Cache") != "HIT"
        assert second.content != first.content
