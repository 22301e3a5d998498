"""Turn a bijeenkomst (and its recurrence rule) into Occurrence rows.

Why materialise: registrations, the waiting list and the verslag need a row to attach to, and
feeds and listings become plain queries. Open-ended series are expanded up to HORIZON ahead;
``manage.py stuur_herinneringen`` (run daily) extends that horizon.

Recurrence is expanded in Amsterdam *local* time, so a series at 14.00 stays at 14.00 after
the switch to or from summer time.
"""

from datetime import datetime, timedelta

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone

from kennisplatform.tz import AMSTERDAM
from themagroepen.bijeenkomsten.models import Bijeenkomst, Occurrence

HORIZON = timedelta(days=2 * 365)
MAX_OCCURRENCES = 200


class InvalidRule(ValueError):
    pass


def local_starts(bijeenkomst: Bijeenkomst, until: datetime | None = None) -> list[datetime]:
    """Aware start moments of all dates up to ``until`` (default: HORIZON past now or the first date)."""
    first = bijeenkomst.start.astimezone(AMSTERDAM)
    if not bijeenkomst.recurrence_rule:
        return [first]
    # A series planned far ahead still gets its first dates.
    until = until or max(timezone.now(), bijeenkomst.start) + HORIZON
    naive_until = until.astimezone(AMSTERDAM).replace(tzinfo=None)
    rule = parse_rule(bijeenkomst.recurrence_rule, first.replace(tzinfo=None))
    starts = []
    for naive in rule:
        if naive > naive_until or len(starts) >= MAX_OCCURRENCES:
            break
        # fold=0: an ambiguous autumn hour means the first (summer-time) one.
        starts.append(naive.replace(tzinfo=AMSTERDAM))
    return starts


def parse_rule(text: str, dtstart: datetime):
    value = text.strip()
    if value.upper().startswith("RRULE:"):
        value = value[6:]
    try:
        rule = rrulestr(value, dtstart=dtstart)
    except (ValueError, TypeError) as error:
        raise InvalidRule(str(error)) from error
    if getattr(rule, "_until", None) is not None and rule._until.tzinfo is not None:
        raise InvalidRule("Gebruik UNTIL zonder tijdzone (lokale tijd).")
    return rule


def occurrence_uid(bijeenkomst: Bijeenkomst, local_start: datetime) -> str:
    """Stable per date: the series UUID plus the date the rule produced (not the edited time)."""
    if not bijeenkomst.recurrence_rule:
        return f"{bijeenkomst.uid}@kennisplatform"
    return f"{bijeenkomst.uid}-{local_start:%Y%m%d}@kennisplatform"


@transaction.atomic
def materialise(bijeenkomst: Bijeenkomst, until: datetime | None = None) -> list[Occurrence]:
    """Create, update and prune the occurrences so they match the bijeenkomst.

    Dates that disappear from the rule are removed when nobody registered; a date with
    registrations is kept, so nobody loses a place silently.
    """
    duration = bijeenkomst.end - bijeenkomst.start
    deadline_offset = (
        bijeenkomst.start - bijeenkomst.registration_deadline if bijeenkomst.registration_deadline else None
    )
    existing = {occ.uid: occ for occ in bijeenkomst.occurrences.all()}
    wanted = []
    for start in local_starts(bijeenkomst, until):
        uid = occurrence_uid(bijeenkomst, start)
        occurrence = existing.pop(uid, None) or Occurrence(bijeenkomst=bijeenkomst, uid=uid)
        new_values = (start, start + duration, start - deadline_offset if deadline_offset is not None else None)
        if occurrence.pk is None or (occurrence.start, occurrence.end, occurrence.registration_deadline) != new_values:
            occurrence.start, occurrence.end, occurrence.registration_deadline = new_values
            occurrence.save()
        wanted.append(occurrence)
    now = timezone.now()
    stale = [occ.pk for occ in existing.values() if occ.start > now]
    Occurrence.objects.filter(pk__in=stale, registrations__isnull=True).delete()
    return wanted


def extend_horizon() -> int:
    """Materialise open-ended series further ahead; returns how many dates were created."""
    before = Occurrence.objects.count()
    for bijeenkomst in Bijeenkomst.objects.exclude(recurrence_rule=""):
        materialise(bijeenkomst)
    return Occurrence.objects.count() - before
