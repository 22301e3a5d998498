"""The Elasticsearch index: mapping, versioned names behind an alias, and writing documents.

Searches always go through the alias ``<prefix>-zoeken``. A rebuild creates a fresh versioned
index (``<alias>-<timestamp>``), fills it in bulk and swaps the alias in one atomic request, so
searches keep working. While a rebuild runs, a second alias (``<alias>-opbouw``) points at the
new index and the indexing queue writes to both, so no change made meanwhile is lost.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from elasticsearch import NotFoundError, helpers
from elasticsearch.dsl import Date, Document, Keyword, Text

from .analysis import EXACT_ANALYZER, INDEX_ANALYZER, index_analysis
from .backend import get_client
from .documents import SearchDocument


def _text(**extra):
    # Stemmed main field for recall; ``exact`` sub-field so exact words and phrases rank higher.
    return Text(
        analyzer=INDEX_ANALYZER,
        fields={"exact": Text(analyzer=EXACT_ANALYZER)},
        **extra,
    )


class SearchEntry(Document):
    model = Keyword()
    object_key = Keyword()
    title = _text(copy_to="spell")
    body = _text(copy_to="spell")
    context = _text()
    # Analysed in Python (search/analysis): Snowball stems of the words, and the stems of the
    # parts of every compound. Only lower-cased and split on spaces here.
    title_stem = Text(analyzer=EXACT_ANALYZER)
    body_stem = Text(analyzer=EXACT_ANALYZER)
    title_parts = Text(analyzer=EXACT_ANALYZER)
    body_parts = Text(analyzer=EXACT_ANALYZER)
    # Source of "bedoelde u ...?" suggestions (validated against readable documents).
    spell = Text(analyzer=EXACT_ANALYZER)
    url = Keyword(index=False)
    read_keys = Keyword()
    date = Date()
    # Facet fields: keywords with global ordinals built at refresh, so facet counts stay fast.
    year = Keyword(eager_global_ordinals=True)
    type = Keyword(eager_global_ordinals=True)
    thema = Keyword(eager_global_ordinals=True)
    provincie = Keyword(eager_global_ordinals=True)
    vastgoedtype = Keyword(eager_global_ordinals=True)
    instrument = Keyword()  # instrument page ids: similar voorbeelden (search/similar.py)
    fingerprint = Keyword(index=False)


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-zoeken"


def building_alias_name() -> str:
    return f"{alias_name()}-opbouw"


def index_settings() -> dict:
    return {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "analysis": index_analysis(),
    }


def index_body() -> dict:
    return {"settings": index_settings(), "mappings": SearchEntry._doc_type.mapping.to_dict()}


def new_index_name() -> str:
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(name: str, client=None, **settings_overrides) -> str:
    client = client or get_client()
    body = index_body()
    body["settings"].update(settings_overrides)
    client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
    return name


def indices_behind(alias: str, client=None) -> list[str]:
    client = client or get_client()
    try:
        return sorted(client.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def ensure_index(client=None) -> str:
    """The live index; created empty when there is none yet (first start, fresh CI)."""
    client = client or get_client()
    current = indices_behind(alias_name(), client)
    if current:
        return current[0]
    name = create_index(new_index_name(), client)
    client.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias_name()}}])
    return name


def write_targets(client=None) -> list[str]:
    """Where single-object changes go: the live index and a rebuild in progress."""
    client = client or get_client()
    ensure_index(client)
    return sorted(set(indices_behind(alias_name(), client)) | set(indices_behind(building_alias_name(), client)))


def bulk_actions(documents: Iterable[SearchDocument], index: str):
    for doc in documents:
        yield {"_op_type": "index", "_index": index, "_id": doc.id, "_source": doc.source()}


def replace_object_documents(object_key: str, documents: list[SearchDocument], client=None, refresh=False) -> None:
    """Make the index hold exactly ``documents`` for one object (also removing dropped sections)."""
    replace_documents({object_key: documents}, client=client, refresh=refresh)


def replace_documents(by_object: dict[str, list[SearchDocument]], client=None, refresh=False) -> None:
    """The same for many objects at once: one search for stale documents and one bulk request
    per index. ``refresh=True`` makes the change visible to the next search (moderation)."""
    client = client or get_client()
    documents = [doc for docs in by_object.values() for doc in docs]
    wanted = {doc.id for doc in documents}
    for index in write_targets(client):
        actions = list(bulk_actions(documents, index))
        stale = client.search(
            index=index, query={"terms": {"object_key": sorted(by_object)}}, source=False, size=10_000
        )["hits"]["hits"]
        actions += [
            {"_op_type": "delete", "_index": index, "_id": hit["_id"]} for hit in stale if hit["_id"] not in wanted
        ]
        if actions:
            helpers.bulk(client, actions, refresh=refresh, ignore_status=(404,))
        elif refresh:
            client.indices.refresh(index=index)
