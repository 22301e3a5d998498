"""The personal, tokenised iCal feed: the meetings of all the member's groups.

The token identifies the person; what the feed contains is decided afresh on every fetch with
that person's *current* held keys, so someone who left a group sees nothing of it any more.
"""

import secrets
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from kennisplatform import access
from themagroepen.bijeenkomsten import permissions
from themagroepen.bijeenkomsten.models import CalendarFeed, Occurrence, Registration, RegistrationStatus

PAST_WINDOW = timedelta(days=180)


def feed_for(user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
    return feed


def regenerate(user) -> CalendarFeed:
    """A new secret; the old feed URL stops working at once."""
    feed = feed_for(user)
    feed.token = secrets.token_urlsafe(32)
    feed.save(update_fields=["token", "created_at"])
    return feed


def owner_of(token: str):
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def occurrences_for(user) -> list[tuple[Occurrence, Registration | None]]:
    """(date, the person's registration) for every date the person may read in full now."""
    keys = access.held_keys(user)
    active = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
    registered_ids = Registration.objects.filter(user=user, status__in=active).values("occurrence_id")
    queryset = (
        Occurrence.objects.filter(start__gte=timezone.now() - PAST_WINDOW)
        .filter(Occurrence.detail_readable_q(keys) | Q(pk__in=registered_ids))
        .select_related("bijeenkomst__themagroep")
        .order_by("start")
    )
    registrations = {r.occurrence_id: r for r in Registration.objects.filter(user=user, status__in=active)}
    result = []
    for occurrence in queryset:
        # Dates reached through a registration only stay while the person may still register.
        if permissions.can_read_details(user, occurrence) or permissions.can_register(user, occurrence):
            result.append((occurrence, registrations.get(occurrence.pk)))
    return result
