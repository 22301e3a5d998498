"""What a search document is, and the adapter contract every content type implements."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from html import unescape

from django.apps import apps
from django.utils import timezone
from django.utils.html import strip_tags

from kennisplatform import access
from search.analysis import document_fields

# Facet "type": the kinds of hit a person can filter on, with their Dutch labels.
TYPE_LABELS = {
    "handreiking": "Handreiking",
    "instrument": "Instrument",
    "voorbeeld": "Voorbeeld uit de praktijk",
    "publicatie": "Publicatie",
    "themagroep": "Themagroep",
    "discussie": "Discussie",
    "bijeenkomst": "Bijeenkomst",
    "bestand": "Groepsbestand",
}


@dataclass
class SearchDocument:
    """One findable unit: a page, a handreiking section, a topic, a reply, ...

    ``read_keys`` come from ``kennisplatform.access``; a document without keys is never indexed.
    """

    id: str
    model: str
    object_pk: str
    type: str
    title: str
    url: str
    read_keys: frozenset[str]
    body: str = ""
    context: str = ""  # where it lives: chapter of a handreiking, themagroep of a topic
    date: date | datetime | None = None
    thema: list[str] = field(default_factory=list)
    provincie: list[str] = field(default_factory=list)
    vastgoedtype: list[str] = field(default_factory=list)
    instrument: list[str] = field(default_factory=list)  # instrument page ids, for similar voorbeelden
    year: int | None = None  # when the year facet is not the date's year (a case's project year)

    def __post_init__(self):
        if self.year is None and self.date is not None:
            self.year = self.date.year

    @property
    def object_key(self) -> str:
        return f"{self.model}:{self.object_pk}"

    @property
    def sort_date(self) -> datetime | None:
        """Dates as aware datetimes, so documents of all types sort together."""
        if self.date is None:
            return None
        if isinstance(self.date, datetime):
            return self.date if timezone.is_aware(self.date) else timezone.make_aware(self.date)
        return timezone.make_aware(datetime(self.date.year, self.date.month, self.date.day))

    def source(self) -> dict:
        """The Elasticsearch ``_source``; the fingerprint lets reconcile spot stale copies."""
        data = {
            "model": self.model,
            "object_key": self.object_key,
            "type": self.type,
            "title": self.title,
            "body": self.body,
            "context": self.context,
            **document_fields(self.title, self.body),
            "url": self.url,
            "read_keys": sorted(self.read_keys),
            "date": self.sort_date.isoformat() if self.date else None,
            "year": str(self.year) if self.year else None,
            "thema": sorted(set(self.thema)),
            "provincie": sorted(set(self.provincie)),
            "vastgoedtype": sorted(set(self.vastgoedtype)),
            "instrument": sorted(set(self.instrument)),
        }
        data["fingerprint"] = hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()
        return data


class Adapter:
    """Knows one model: which objects exist, who may read them and which documents they make.

    Subclasses set ``model`` ("app_label.ModelName") and ``type``, and implement ``documents``.
    """

    model: str = ""
    type: str = ""
    # Models whose changes must re-index this adapter's objects: {label: callable(obj) -> objects}.
    follows: dict = {}

    @property
    def model_class(self):
        return apps.get_model(self.model)

    @property
    def label(self) -> str:
        return self.model_class._meta.label_lower

    def queryset(self):
        """Every object that could be indexed (documents() may still return none)."""
        return self.model_class._default_manager.all()

    def readable_queryset(self, user):
        return access.filter_readable(self.queryset(), user)

    def read_keys(self, obj) -> frozenset[str]:
        return access.read_keys_of(obj)

    def documents(self, obj) -> list[SearchDocument]:
        raise NotImplementedError

    def doc_id(self, obj, suffix: str = "") -> str:
        return f"{self.label}:{obj.pk}" + (f"#{suffix}" if suffix else "")

    def document_ids(self, obj) -> list[str]:
        """The ids ``documents(obj)`` gives, without building them (no read keys, no analysis)."""
        return [self.doc_id(obj)]

    def doc(self, obj, *, suffix: str = "", **fields) -> SearchDocument:
        """A document for ``obj`` with its id, model, read keys and type filled in."""
        fields.setdefault("read_keys", self.read_keys(obj))
        fields.setdefault("type", self.type)
        return SearchDocument(id=self.doc_id(obj, suffix), model=self.label, object_pk=str(obj.pk), **fields)

    def readable_documents(self, obj) -> list[SearchDocument]:
        """Documents worth indexing: nobody can read a document without read keys."""
        return [doc for doc in self.documents(obj) if doc.read_keys]


class PageAdapter(Adapter):
    """Wagtail pages: only live pages, read keys from the page's privacy settings."""

    def queryset(self):
        return self.model_class.objects.live().specific()

    def readable_queryset(self, user):
        return access.readable_pages(self.model_class.objects.all(), user).specific()

    def page_url(self, page) -> str:
        return page.get_url() or page.url_path


def plain_text(html: str | None) -> str:
    """Text of an HTML fragment with entities decoded: the engines hold plain text and the
    results page escapes it exactly once (strip_tags alone leaves "&lt;" to be escaped again)."""
    return unescape(strip_tags(html)) if html else ""


def text_of(values: Iterable[str | None]) -> str:
    return "\n".join(v.strip() for v in values if v and v.strip())
