"""Bringing the index in line with the database: one object, a full rebuild, status, reconcile."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from elasticsearch import helpers

from . import embedded
from . import index as es_index
from .backend import elasticsearch_configured, get_client
from .documents import adapter_for, adapters


def documents_for(label: str, pk) -> list:
    """The documents one database object should have in the index now (none when gone)."""
    adapter = adapter_for(label)
    if adapter is None:
        return []
    obj = adapter.queryset().filter(pk=pk).first()
    return adapter.readable_documents(obj) if obj is not None else []


def sync_object(label: str, pk, client=None, refresh=False) -> int:
    """Index, update or remove one object's documents. Returns how many documents it has."""
    documents = documents_for(label, pk)
    # The embedded index first: it serves when Elasticsearch is not configured or down.
    embedded.replace_object_documents(f"{label.lower()}:{pk}", documents)
    if elasticsearch_configured():
        es_index.replace_object_documents(f"{label.lower()}:{pk}", documents, client=client, refresh=refresh)
    return len(documents)


def sync_objects(keys, client=None, refresh=False) -> int:
    """``sync_object`` for many ``(label, pk)`` pairs in one round of requests."""
    by_object = {f"{label.lower()}:{pk}": documents_for(label, pk) for label, pk in keys}
    for object_id, documents in by_object.items():
        embedded.replace_object_documents(object_id, documents)
    if by_object and elasticsearch_configured():
        es_index.replace_documents(by_object, client=client, refresh=refresh)
    return sum(len(documents) for documents in by_object.values())


def rebuild_embedded() -> int:
    """Refill the embedded full-text index from the database."""
    return embedded.rebuild(iter_all_documents())


def iter_all_documents():
    for adapter in adapters():
        for obj in adapter.queryset().iterator(chunk_size=500):
            yield from adapter.readable_documents(obj)


def count_objects() -> dict[str, int]:
    return {adapter.label: adapter.queryset().count() for adapter in adapters()}


def rebuild(progress=None, client=None) -> tuple[str, int]:
    """Build a fresh index from the database, then switch the alias to it atomically."""
    client = client or get_client()
    alias, building = es_index.alias_name(), es_index.building_alias_name()
    name = es_index.create_index(es_index.new_index_name(), client, refresh_interval="-1")
    # From here on, the queue also writes changes into the new index.
    client.indices.update_aliases(actions=[{"add": {"index": name, "alias": building}}])
    indexed = 0
    try:
        for _ok, _item in helpers.streaming_bulk(
            client, es_index.bulk_actions(iter_all_documents(), name), chunk_size=500, raise_on_error=True
        ):
            indexed += 1
            if progress:
                progress(1)
        client.indices.put_settings(index=name, settings={"refresh_interval": "1s"})
        client.indices.refresh(index=name)
        old = es_index.indices_behind(alias, client)
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        actions += [{"add": {"index": name, "alias": alias}}, {"remove": {"index": name, "alias": building}}]
        client.indices.update_aliases(actions=actions)
    except BaseException:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return name, indexed


@dataclass
class TypeStatus:
    label: str
    database: int
    index_objects: int
    index_documents: int

    @property
    def in_step(self) -> bool:
        return self.database == self.index_objects


def status(client=None) -> list[TypeStatus]:
    """Per model: objects with documents in the database versus objects and documents indexed."""
    client = client or get_client()
    es_index.ensure_index(client)
    expected = Counter()
    for adapter in adapters():
        for obj in adapter.queryset().iterator(chunk_size=500):
            if adapter.readable_documents(obj):
                expected[adapter.label] += 1
    response = client.search(
        index=es_index.alias_name(),
        size=0,
        aggs={
            "models": {
                "terms": {"field": "model", "size": 100},
                "aggs": {"objects": {"cardinality": {"field": "object_key", "precision_threshold": 40000}}},
            }
        },
    )
    indexed = {b["key"]: (b["objects"]["value"], b["doc_count"]) for b in response["aggregations"]["models"]["buckets"]}
    labels = sorted(set(expected) | set(indexed) | {a.label for a in adapters()})
    return [TypeStatus(label, expected.get(label, 0), *indexed.get(label, (0, 0))) for label in labels]


def reconcile(client=None) -> dict[str, int]:
    """Repair differences: index missing or stale objects, remove what no longer exists."""
    client = client or get_client()
    es_index.ensure_index(client)
    alias = es_index.alias_name()
    in_index: dict[str, dict[str, str]] = {}
    for hit in helpers.scan(
        client, index=alias, query={"query": {"match_all": {}}}, _source=["object_key", "fingerprint"]
    ):
        in_index.setdefault(hit["_source"]["object_key"], {})[hit["_id"]] = hit["_source"].get("fingerprint")
    repaired = Counter()
    seen = set()
    for adapter in adapters():
        for obj in adapter.queryset().iterator(chunk_size=500):
            docs = adapter.readable_documents(obj)
            key = f"{adapter.label}:{obj.pk}"
            seen.add(key)
            wanted = {doc.id: doc.source()["fingerprint"] for doc in docs}
            if wanted != in_index.get(key, {}):
                es_index.replace_object_documents(key, docs, client=client)
                repaired["bijgewerkt" if docs else "verwijderd"] += 1
    for key in set(in_index) - seen:
        es_index.replace_object_documents(key, [], client=client)
        repaired["verwijderd"] += 1
    client.indices.refresh(index=alias)
    return dict(repaired)
