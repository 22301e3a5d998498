"""Reading and writing a dossier: the checklists of the handreiking with the organisation's ticks."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from accounts.services import get_profile
from kennisbank.dossiers.models import Vinkje
from kennisbank.models import HandreikingPage, HoofdstukPage
from kennisplatform.access import held_keys, organisation_keys, readable_pages

NOTE_MAX = 1000


def dossier_organisation(user):
    """The organisation whose dossier this person may read and write, or None."""
    if not organisation_keys(user):
        return None
    return get_profile(user).organisation


def readable_ticks(user):
    """Ticks this person may read: those of their own organisation, through the read keys."""
    keys = held_keys(user) | organisation_keys(user)
    return Vinkje.objects.filter(Vinkje.readable_q(keys))


@dataclass
class Item:
    number: int
    text: str
    help: str
    tick: Vinkje | None = None


@dataclass
class Checklist:
    block_id: str
    title: str
    items: list[Item]


@dataclass
class Chapter:
    page: HoofdstukPage
    checklists: list[Checklist] = field(default_factory=list)

    @property
    def total(self):
        return sum(len(checklist.items) for checklist in self.checklists)

    @property
    def done(self):
        return sum(1 for checklist in self.checklists for item in checklist.items if item.tick)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


def checklists_of(chapter, ticks):
    """The chapter's checklist blocks, each item with its tick (``ticks`` keyed by (block, item))."""
    result = []
    for block in chapter.body:
        if block.block_type != "checklist":
            continue
        items = [
            Item(number, item["text"], item["help"], ticks.get((block.id, number)))
            for number, item in enumerate(block.value["items"], 1)
        ]
        result.append(Checklist(block.id, block.value["title"], items))
    return result


def ticks_by_item(user, chapters):
    ticks = readable_ticks(user).filter(chapter__in=chapters).select_related("ticked_by")
    by_chapter: dict[int, dict] = {}
    for tick in ticks:
        by_chapter.setdefault(tick.chapter_id, {})[(tick.block_id, tick.item)] = tick
    return by_chapter


def dossier(user):
    """Per readable handreiking, its readable chapters that hold checklists, with the ticks."""
    result = []
    for handreiking in readable_pages(HandreikingPage.objects.all(), user).order_by("path"):
        chapters = list(readable_pages(HoofdstukPage.objects.child_of(handreiking), user).order_by("path"))
        ticks = ticks_by_item(user, chapters)
        entries = [Chapter(chapter, checklists_of(chapter, ticks.get(chapter.pk, {}))) for chapter in chapters]
        entries = [entry for entry in entries if entry.checklists]
        if entries:
            result.append((handreiking, entries))
    return result


@transaction.atomic
def save_checklist(user, organisation, chapter, block_id, ticked_items, notes):
    """Store one checklist as submitted: new ticks record who and when, removed ones go, notes update.

    ``ticked_items`` is the set of item numbers ticked; ``notes`` maps item numbers to text.
    Returns the number of items that changed.
    """
    checklist = next((c for c in checklists_of(chapter, {}) if c.block_id == block_id), None)
    if checklist is None:
        raise LookupError(block_id)
    existing = {
        tick.item: tick
        for tick in Vinkje.objects.select_for_update().filter(
            organisation=organisation, chapter=chapter, block_id=block_id
        )
    }
    changed = 0
    now = timezone.now()
    for item in checklist.items:
        note = notes.get(item.number, "").strip()[:NOTE_MAX]
        tick = existing.get(item.number)
        if item.number in ticked_items and tick is None:
            Vinkje.objects.create(
                organisation=organisation,
                chapter=chapter,
                block_id=block_id,
                item=item.number,
                item_text=item.text,
                note=note,
                ticked_by=user,
                ticked_at=now,
            )
            changed += 1
        elif item.number not in ticked_items and tick is not None:
            tick.delete()
            changed += 1
        elif tick is not None and tick.note != note:
            tick.note = note
            tick.save(update_fields=["note"])
            changed += 1
    return changed
