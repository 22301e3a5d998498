"""The search entry point for views and API: Elasticsearch when configured and reachable,
otherwise the database fallback (with a notice when Elasticsearch should have answered)."""

from __future__ import annotations

import logging

from elasticsearch import NotFoundError

from kennisplatform import access

from . import db_engine, es_engine
from .backend import elasticsearch_configured
from .breaker import guarded
from .index import alias_name, ensure_index
from .params import SearchParams
from .results import SearchResults

logger = logging.getLogger(__name__)

DOWN_NOTICE = "De zoekmachine is tijdelijk niet bereikbaar; u ziet resultaten uit de database."


def search(params: SearchParams, user) -> SearchResults:
    if not elasticsearch_configured():
        return db_engine.search(params, user)

    def with_elasticsearch(client):
        try:
            return es_engine.search(client, alias_name(), params, access.held_keys(user))
        except NotFoundError:
            # No index yet (fresh installation): create the empty one; the queue fills it.
            ensure_index()
            return es_engine.search(client, alias_name(), params, access.held_keys(user))

    return guarded(with_elasticsearch, lambda: db_engine.search(params, user, notice=DOWN_NOTICE))


def title_suggestions(q: str, user) -> list[dict]:
    if not elasticsearch_configured():
        return db_engine.title_suggestions(q, user)
    return guarded(
        lambda client: es_engine.title_suggestions(client, alias_name(), q, access.held_keys(user)),
        lambda: db_engine.title_suggestions(q, user),
    )
