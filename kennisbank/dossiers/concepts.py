"""A gemeente's own verordening: drafts read through access, saved per step, generated through the
model's export, compared with a newer model and notified once per new model revision."""

import difflib
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from kennisbank import verordening_export
from kennisbank.dossiers import wizard
from kennisbank.dossiers.models import VerordeningConcept
from kennisbank.models import VerordeningPage
from kennisplatform import access
from kennisplatform.claims import claim_once

NOTIFICATION_KIND = "verordening_model"


def readable_concepts(user):
    """Drafts this person may read: their own organisation's, through the read keys."""
    keys = access.held_keys(user) | access.organisation_keys(user)
    return VerordeningConcept.objects.filter(VerordeningConcept.readable_q(keys))


def get_concept(user, pk) -> VerordeningConcept:
    """The draft, or 404: another organisation's drafts do not exist for this person."""
    concept = readable_concepts(user).select_related("organisation__gemeente", "model_page").filter(pk=pk).first()
    if concept is None:
        raise Http404
    return concept


def models_for(user):
    """The model verordeningen this person may build on (live and readable)."""
    return access.readable_pages(VerordeningPage.objects.live(), user).order_by("path")


@dataclass
class DossierEntry:
    concept: VerordeningConcept
    title: str
    ready: bool
    outdated: bool


def dossier_entries(user) -> list[DossierEntry]:
    """The organisation's drafts for its dossier page, newest first."""
    entries = []
    for concept in readable_concepts(user).select_related("organisation__gemeente", "updated_by"):
        entries.append(
            DossierEntry(
                concept,
                title(concept),
                concept.generated_at is not None and filling(concept) is not None,
                is_outdated(concept),
            )
        )
    return entries


def create(user, organisation, page) -> VerordeningConcept:
    now = timezone.now()
    return VerordeningConcept.objects.create(
        organisation=organisation,
        model_page=page,
        model_revision_id=page.live_revision_id,
        model_title=page.title,
        model_articles=verordening_export.page_articles(page),
        created_by=user,
        updated_by=user,
        updated_at=now,
    )


@transaction.atomic
def save_step(concept, user, step: wizard.Step, data) -> VerordeningConcept:
    """Store one step as entered. Under a row lock: colleagues saving other steps at the same
    time must not overwrite each other's answers."""
    locked = VerordeningConcept.objects.select_for_update().get(pk=concept.pk)
    locked.answers = {**locked.answers, step.slug: wizard.raw_values(step, data)}
    locked.updated_by, locked.updated_at = user, timezone.now()
    locked.save(update_fields=["answers", "updated_by", "updated_at"])
    concept.answers, concept.updated_by, concept.updated_at = locked.answers, user, locked.updated_at
    return concept


def mark_generated(concept, user) -> None:
    now = timezone.now()
    VerordeningConcept.objects.filter(pk=concept.pk).update(generated_at=now, updated_by=user, updated_at=now)
    concept.generated_at = now


def title(concept) -> str:
    values = wizard.cleaned(concept.answers)
    datum = values["datum"] if values else None
    return wizard.title_for(concept.organisation, datum)


def filling(concept):
    values = wizard.cleaned(concept.answers)
    return wizard.filling(concept.organisation, values) if values else None


def gaps(concept) -> tuple[list[str], list[str]]:
    """Answers the model has no place for, and placeholders still open (see ``unfilled``)."""
    filled = filling(concept)
    if filled is None:
        return [], []
    return verordening_export.unfilled(concept.model_articles, filled)


def document(concept, fmt) -> bytes:
    filled = filling(concept)
    items = verordening_export.filled_outline(concept.model_articles, filled)
    write = verordening_export.outline_docx if fmt == "docx" else verordening_export.outline_odt
    return write(filled.title, items)


def filename(concept, fmt) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title(concept).lower()).strip("-")
    return f"{slug}.{fmt}"


# --- a newer model -------------------------------------------------------------------------------


@dataclass
class ArticleChange:
    number: str
    old: dict | None
    new: dict | None
    old_parts: list[tuple[str, str]]  # (kind, words): kind "same" or "removed"
    new_parts: list[tuple[str, str]]  # kind "same" or "added"


def live_model(concept):
    """The model page as it is published now (None when it is no longer live)."""
    page = VerordeningPage.objects.live().filter(pk=concept.model_page_id).first()
    return page


def changed_articles(concept, page=None) -> list[ArticleChange]:
    """The articles (by number) whose title, text or explanation differ between the version the
    draft was built on and the live model; added and removed articles too."""
    page = page or live_model(concept)
    if page is None:
        return []
    old = {a["number"]: a for a in concept.model_articles}
    new = {a["number"]: a for a in verordening_export.page_articles(page)}
    numbers = list(new) + [number for number in old if number not in new]
    changes = []
    for number in numbers:
        before, after = old.get(number), new.get(number)
        if before == after:
            continue
        old_parts, new_parts = _word_diff(_as_text(before), _as_text(after))
        changes.append(ArticleChange(number, before, after, old_parts, new_parts))
    return changes


def _as_text(article) -> str:
    if article is None:
        return ""
    parts = [article["title"], article["text"]]
    if article["explanation"]:
        parts.append(f"Toelichting: {article['explanation']}")
    return "\n".join(parts)


def _word_diff(before: str, after: str):
    """Word by word, so a changed term ("zes" → "drie") stands out in a long article."""
    old_words, new_words = re.findall(r"\S+|\n", before), re.findall(r"\S+|\n", after)
    old_parts, new_parts = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old_parts.append(("same", _join(old_words[i1:i2])))
            new_parts.append(("same", _join(new_words[j1:j2])))
            continue
        if i2 > i1:
            old_parts.append(("removed", _join(old_words[i1:i2])))
        if j2 > j1:
            new_parts.append(("added", _join(new_words[j1:j2])))
    return old_parts, new_parts


def _join(words) -> str:
    return " ".join(words).replace(" \n ", "\n").replace("\n ", "\n")


def is_outdated(concept, page=None) -> bool:
    page = page or live_model(concept)
    return page is not None and verordening_export.page_articles(page) != concept.model_articles


@transaction.atomic
def move_to_current(concept, user) -> None:
    """Build the draft on the live model from now on; the answers stay."""
    page = live_model(concept)
    if page is None:
        raise Http404
    locked = VerordeningConcept.objects.select_for_update().get(pk=concept.pk)
    locked.model_revision_id = page.live_revision_id
    locked.model_title = page.title
    locked.model_articles = verordening_export.page_articles(page)
    locked.updated_by, locked.updated_at = user, timezone.now()
    locked.save(update_fields=["model_revision_id", "model_title", "model_articles", "updated_by", "updated_at"])


def notify_outdated_holders(page_id: int, revision_id: int, actor_id: int | None) -> int:
    """Tell the officials who worked on a draft built on an older model that a new one is out.

    Once per draft and model revision, however often this runs (a retried after-commit call,
    two workers): ``claim_once`` locks the drafts not yet told about this revision and records
    it with the notifications in one transaction. Returns how many drafts were told."""
    from django.contrib.auth import get_user_model

    from themagroepen.notificaties.services import notify

    page = VerordeningPage.objects.live().filter(pk=page_id, live_revision_id=revision_id).first()
    if page is None:  # unpublished again, or a later revision went live meanwhile (it notifies)
        return 0
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    told = []

    def tell(pks):
        for concept in VerordeningConcept.objects.filter(pk__in=pks).select_related(
            "organisation", "created_by", "updated_by"
        ):
            if not is_outdated(concept, page):
                continue
            holders = [
                user
                for user in (concept.created_by, concept.updated_by)
                if user is not None
                and access.organisation_key(concept.organisation_id) in access.organisation_keys(user)
            ]
            notify(
                holders,
                kind=NOTIFICATION_KIND,
                title=f"Nieuwe versie van de {page.title}: bekijk wat er verandert voor “{title(concept)}”",
                url=reverse("dossiers:verordening_changes", args=(concept.pk,)),
                actor=actor,
                subject=page,
            )
            told.append(concept.pk)
        return True

    claim_once(
        VerordeningConcept.objects.filter(model_page_id=page_id).exclude(model_revision_id=revision_id),
        unclaimed=Q(notified_revision_id__isnull=True) | Q(notified_revision_id__lt=revision_id),
        claim={"notified_revision_id": revision_id},
        effect=tell,
    )
    return len(told)
