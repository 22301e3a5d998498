"""Bulk import of voorbeelden and publicaties from JSON Lines (schema: kennisbank/IMPORT.md).

Two phases: ``validate`` reads every line and collects *all* problems with their line numbers;
``apply`` writes only when there were none, inside one transaction. Pages are matched on slug,
so importing the same file twice changes nothing the second time.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from kennisbank.models import (
    Gemeente,
    InstrumentPage,
    PropertyType,
    PublicatieIndexPage,
    PublicatiePage,
    Thema,
    VoorbeeldIndexPage,
    VoorbeeldPage,
)
from kennisbank.pages.publicaties import PublicationKind, SenderKind
from kennisplatform.markdown import render_markdown, sanitise_html

TYPES = {"voorbeeld", "publicatie"}
REQUIRED = {
    "voorbeeld": ["title", "slug", "gemeente", "property_type", "summary", "body"],
    "publicatie": ["title", "slug", "date", "sender", "sender_kind", "kind", "summary"],
}


@dataclass
class Record:
    line: int
    type: str
    slug: str
    fields: dict
    themas: list = field(default_factory=list)
    instrumenten: list = field(default_factory=list)
    tags: list = field(default_factory=list)


class ImportErrors(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(f"regel {line}: {reason}" for line, reason in errors))
        self.errors = errors


# Model field -> the key in the import file, for messages.
FIELD_NAMES_IN_FILE = {
    "approach": "body",
    "contact_name": "contact.name",
    "contact_role": "contact.role",
    "contact_email": "contact.email",
}
# Names people use for a gemeente whose official (CBS) name differs.
GEMEENTE_ALIASES = {"den haag": "GM0518", "den bosch": "GM0796"}


class _Lookups:
    """Everything a line may refer to, loaded once (not per line)."""

    def __init__(self):
        self.gemeenten = {}
        for gemeente in Gemeente.objects.all():
            for key in (gemeente.cbs_code.lower(), gemeente.name.lower(), gemeente.slug):
                self.gemeenten[key] = gemeente
        for alias, code in GEMEENTE_ALIASES.items():
            if code.lower() in self.gemeenten:
                self.gemeenten[alias] = self.gemeenten[code.lower()]
        self.themas = {}
        for thema in Thema.objects.all():
            self.themas[thema.slug] = thema
            self.themas[thema.name.lower()] = thema
        self.instrumenten = {page.slug: page for page in InstrumentPage.objects.all()}
        self.voorbeeld_index = VoorbeeldIndexPage.objects.first()
        self.publicatie_index = PublicatieIndexPage.objects.first()


def _html(data, key, problems):
    text = data.get(key) or ""
    if not isinstance(text, str):
        problems.append(f"'{key}' moet tekst zijn")
        return ""
    if data.get("body_format", "markdown") == "html":
        return sanitise_html(text)
    return render_markdown(text)


def _validate_line(number, data, lookups, problems):
    kind = data.get("type")
    if kind not in TYPES:
        problems.append(f"onbekend type {kind!r} (verwacht: voorbeeld of publicatie)")
        return None
    missing = [name for name in REQUIRED[kind] if not data.get(name)]
    if missing:
        problems.append("ontbrekend veld: " + ", ".join(missing))
    slug = str(data.get("slug") or "")
    if slug and slugify(slug) != slug:
        problems.append(f"ongeldige slug {slug!r} (alleen kleine letters, cijfers en streepjes)")
    if data.get("body_format", "markdown") not in ("markdown", "html"):
        problems.append("body_format moet 'markdown' of 'html' zijn")
    themas = []
    for name in data.get("themas") or []:
        thema = lookups.themas.get(str(name).lower())
        if thema is None:
            problems.append(f"onbekend thema {name!r}")
        else:
            themas.append(thema)
    tags = [str(tag) for tag in data.get("tags") or []]
    fields = {
        "title": data.get("title"),
        "summary": data.get("summary"),
        "search_description": data.get("summary", "")[:255] if isinstance(data.get("summary"), str) else "",
    }
    record = Record(line=number, type=kind, slug=slug, fields=fields, themas=themas, tags=tags)
    if kind == "voorbeeld":
        _validate_voorbeeld(data, lookups, problems, record)
    else:
        _validate_publicatie(data, lookups, problems, record)
    _check_model_limits(record, problems)
    return record


def _check_model_limits(record, problems):
    """What the database would refuse (too long for the column, NUL bytes PostgreSQL cannot store)
    is a problem of this line, reported before anything is written."""
    model = VoorbeeldPage if record.type == "voorbeeld" else PublicatiePage
    texts = [("slug", record.slug), *record.fields.items(), *(("tags", tag) for tag in record.tags)]
    for name, value in texts:
        if not isinstance(value, str):
            continue
        label = FIELD_NAMES_IN_FILE.get(name, name)
        if "\x00" in value:
            problems.append(f"'{label}' bevat een NUL-teken (\\u0000); haal het weg")
            continue
        max_length = model._meta.get_field(name).max_length if name != "tags" else 100
        if max_length and len(value) > max_length:
            problems.append(f"'{label}' is {len(value)} tekens lang, maximaal {max_length}")


def _gemeente(value, lookups, problems, label="gemeente"):
    if not value:
        return None
    gemeente = lookups.gemeenten.get(str(value).strip().lower())
    if gemeente is None:
        problems.append(f"onbekende {label} {value!r} (gebruik de naam of de CBS-code, bijvoorbeeld GM0344)")
    return gemeente


def _validate_voorbeeld(data, lookups, problems, record):
    if lookups.voorbeeld_index is None:
        problems.append("er is nog geen overzichtspagina voor voorbeelden")
    property_type = data.get("property_type")
    if property_type and property_type not in PropertyType.values:
        problems.append(f"onbekend soort vastgoed {property_type!r} (kies uit {', '.join(PropertyType.values)})")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or not 1900 <= year <= 2100):
        problems.append(f"ongeldig jaar {year!r}")
    for slug in data.get("instrumenten") or []:
        instrument = lookups.instrumenten.get(slug)
        if instrument is None:
            problems.append(f"onbekend instrument {slug!r}")
        else:
            record.instrumenten.append(instrument)
    contact = data.get("contact") or {}
    if not isinstance(contact, dict):
        problems.append("'contact' moet een object zijn")
        contact = {}
    record.fields.update(
        gemeente=_gemeente(data.get("gemeente"), lookups, problems),
        property_type=property_type,
        year=year,
        situation=_html(data, "situation", problems),
        approach=_html(data, "body", problems),
        result=_html(data, "result", problems),
        contact_name=contact.get("name", ""),
        contact_role=contact.get("role", ""),
        contact_gemeente=_gemeente(contact.get("gemeente"), lookups, problems, "gemeente van de contactpersoon"),
        contact_email=contact.get("email", ""),
        contact_email_public=bool(contact.get("email_public", False)),
    )


def _validate_publicatie(data, lookups, problems, record):
    if lookups.publicatie_index is None:
        problems.append("er is nog geen overzichtspagina voor publicaties")
    date = None
    if data.get("date"):
        try:
            date = datetime.date.fromisoformat(str(data["date"]))
        except ValueError:
            problems.append(f"ongeldige datum {data['date']!r} (gebruik JJJJ-MM-DD)")
    if data.get("sender_kind") and data["sender_kind"] not in SenderKind.values:
        problems.append(f"onbekende soort afzender {data['sender_kind']!r} (kies uit {', '.join(SenderKind.values)})")
    if data.get("kind") and data["kind"] not in PublicationKind.values:
        problems.append(f"onbekende soort publicatie {data['kind']!r} (kies uit {', '.join(PublicationKind.values)})")
    record.fields.update(
        date=date,
        sender=data.get("sender"),
        sender_kind=data.get("sender_kind"),
        kind=data.get("kind"),
        reference=data.get("reference", ""),
        body=_html(data, "body", problems),
    )


def validate(lines):
    """Parse and check every line. Returns records, or raises ImportErrors listing every problem."""
    lookups = _Lookups()
    records, errors, seen = [], [], {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            errors.append((number, f"geen geldige JSON ({error.msg}, kolom {error.colno})"))
            continue
        if not isinstance(data, dict):
            errors.append((number, "elke regel moet één JSON-object zijn"))
            continue
        problems = []
        record = _validate_line(number, data, lookups, problems)
        key = (data.get("type"), data.get("slug"))
        if data.get("slug") and key in seen:
            problems.append(f"slug {data['slug']!r} komt ook voor op regel {seen[key]}")
        seen.setdefault(key, number)
        errors.extend((number, problem) for problem in problems)
        if record is not None and not problems:
            records.append(record)
    if errors:
        raise ImportErrors(errors)
    return records, lookups


def _apply_one(record, lookups):
    """Create or update one page; returns 'aangemaakt', 'bijgewerkt' or 'ongewijzigd'."""
    model, parent = (
        (VoorbeeldPage, lookups.voorbeeld_index)
        if record.type == "voorbeeld"
        else (PublicatiePage, lookups.publicatie_index)
    )
    page = model.objects.child_of(parent).filter(slug=record.slug).first()
    created = page is None
    if created:
        page = model(slug=record.slug)
    before = None if created else _snapshot(page)
    for name, value in record.fields.items():
        setattr(page, name, value)
    page.themas.set(record.themas)
    if record.type == "voorbeeld":
        page.instrumenten.set(record.instrumenten)
    page.tags.set(record.tags)
    if not created and _snapshot(page) == before:
        return "ongewijzigd"
    if created:
        parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return "aangemaakt" if created else "bijgewerkt"


def _snapshot(page):
    values = {name: getattr(page, name) for name in ("title", "summary", "search_description")}
    values.update(
        {
            f.attname: getattr(page, f.attname)
            for f in page._meta.concrete_fields
            if f.model is type(page) and f.attname != "page_ptr_id"
        }
    )
    values["themas"] = sorted(thema.pk for thema in page.themas.all())
    values["tags"] = sorted(tag.name if hasattr(tag, "name") else str(tag) for tag in page.tags.all())
    if hasattr(page, "instrumenten"):
        values["instrumenten"] = sorted(instrument.pk for instrument in page.instrumenten.all())
    return values


def apply(records, lookups, progress=None):
    outcome = {"aangemaakt": 0, "bijgewerkt": 0, "ongewijzigd": 0}
    with transaction.atomic():
        for record in records:
            outcome[_apply_one(record, lookups)] += 1
            if progress is not None:
                progress.update(1)
    return outcome
