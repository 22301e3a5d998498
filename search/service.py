"""The search entry point for views and API: Elasticsearch when configured and reachable,
otherwise the database fallback (with a notice when Elasticsearch should have answered)."""

from __future__ import annotations

import logging

from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError

from kennisplatform import access

from . import db_engine, es_engine
from .backend import elasticsearch_configured, get_client
from .index import alias_name, ensure_index
from .params import SearchParams
from .results import SearchResults

logger = logging.getLogger(__name__)

DOWN_NOTICE = "De zoekmachine is tijdelijk niet bereikbaar; u ziet resultaten uit de database."
UNAVAILABLE = (TransportError, ApiError)


def search(params: SearchParams, user) -> SearchResults:
    if not elasticsearch_configured():
        return db_engine.search(params, user)
    try:
        try:
            return es_engine.search(get_client(), alias_name(), params, access.held_keys(user))
        except NotFoundError:
            # No index yet (fresh installation): create the empty one; the queue fills it.
            ensure_index()
            return es_engine.search(get_client(), alias_name(), params, access.held_keys(user))
    except UNAVAILABLE as exc:
        logger.warning("zoeken: Elasticsearch niet bruikbaar (%s), terugval op de database", exc.__class__.__name__)
        return db_engine.search(params, user, notice=DOWN_NOTICE)


def title_suggestions(q: str, user) -> list[dict]:
    if not elasticsearch_configured():
        return db_engine.title_suggestions(q, user)
    try:
        return es_engine.title_suggestions(get_client(), alias_name(), q, access.held_keys(user))
    except UNAVAILABLE:
        return db_engine.title_suggestions(q, user)
