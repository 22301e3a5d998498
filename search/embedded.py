"""Writing the embedded full-text index: the same documents and Python analysis as Elasticsearch.

Fed by the same indexing queue (``indexing.sync_object``) and rebuilt by ``zoekindex rebuild``
and ``loaddemo``. Every document becomes one ``EmbeddedEntry`` row; SQLite triggers keep the FTS5
table in step, PostgreSQL indexes expressions over the row (migration 0002).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from .analysis import content_words
from .documents import SearchDocument
from .models import EmbeddedEntry, EmbeddedTerm

BATCH = 500
MAX_TERM = 64


def key_token(key: str) -> str:
    """An access key as one full-text token ("groep:12" would be two)."""
    return "k" + key.encode().hex()


def _terms(text: str, stems: str) -> str:
    # The words as written and their Snowball stems: exact words weigh double, forms still meet.
    return f"{' '.join(content_words(text))} {stems}".strip()


def entry_for(doc: SearchDocument) -> EmbeddedEntry:
    source = doc.source()
    return EmbeddedEntry(
        doc_id=doc.id,
        object_key=doc.object_key,
        type=doc.type,
        title=doc.title,
        body=doc.body,
        context=doc.context,
        url=doc.url,
        date=doc.sort_date,
        facets={
            "type": [doc.type],
            "thema": source["thema"],
            "provincie": source["provincie"],
            "vastgoedtype": source["vastgoedtype"],
            "instrument": source["instrument"],
            "year": [source["year"]] if source["year"] else [],
        },
        read_keys=" ".join(key_token(k) for k in sorted(doc.read_keys)),
        title_terms=_terms(f"{doc.title} {doc.context}", source["title_stem"]),
        body_terms=_terms(doc.body, source["body_stem"]),
        title_parts=source["title_parts"],
        body_parts=source["body_parts"],
        fingerprint=source["fingerprint"],
    )


def _remember_words(entries: Iterable[EmbeddedEntry]) -> None:
    words = set()
    for entry in entries:
        words.update(w for w in content_words(f"{entry.title} {entry.body}") if len(w) <= MAX_TERM and w.isalpha())
    EmbeddedTerm.objects.bulk_create([EmbeddedTerm(term=w) for w in words], ignore_conflicts=True, batch_size=BATCH)


def replace_object_documents(object_key: str, documents: list[SearchDocument]) -> None:
    """Make the embedded index hold exactly ``documents`` for one object."""
    entries = [entry_for(doc) for doc in documents]
    with transaction.atomic():
        existing = {e.doc_id: e for e in EmbeddedEntry.objects.filter(object_key=object_key)}
        wanted = {e.doc_id for e in entries}
        EmbeddedEntry.objects.filter(pk__in=[e.pk for doc_id, e in existing.items() if doc_id not in wanted]).delete()
        changed = [e for e in entries if e.doc_id not in existing or existing[e.doc_id].fingerprint != e.fingerprint]
        EmbeddedEntry.objects.filter(doc_id__in=[e.doc_id for e in changed]).delete()
        EmbeddedEntry.objects.bulk_create(changed)
        _remember_words(changed)


def rebuild(documents: Iterable[SearchDocument]) -> int:
    """Replace the whole embedded index (one transaction: searches see the old or the new)."""
    count = 0
    with transaction.atomic():
        EmbeddedEntry.objects.all().delete()
        batch = []
        for doc in documents:
            batch.append(entry_for(doc))
            if len(batch) >= BATCH:
                EmbeddedEntry.objects.bulk_create(batch)
                _remember_words(batch)
                count += len(batch)
                batch = []
        EmbeddedEntry.objects.bulk_create(batch)
        _remember_words(batch)
        count += len(batch)
    return count
