"""The one notification API: ``notify(...)``. Every app that tells members something calls it.

It stores in-app notifications inside the caller's transaction and, only after that transaction
commits, pushes the new unread count to open pages and hands e-mail to the task system. A rolled
back action therefore notifies nobody.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from kennisplatform import access
from themagroepen.notificaties.models import EmailPreference, EmailStatus, Frequency, Notification

_STATUS_FOR_FREQUENCY = {
    Frequency.DIRECT: EmailStatus.DIRECT,
    Frequency.DIGEST: EmailStatus.DIGEST,
    Frequency.NEVER: EmailStatus.NONE,
}


def notify(recipients, *, kind: str, title: str, url: str, themagroep=None, actor=None) -> list[Notification]:
    """Notify each recipient once (the actor never notifies themself). Returns the new rows."""
    users = _unique_recipients(recipients, actor)
    if not users:
        return []
    frequencies = email_frequencies(users)
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind=kind,
                title=title[:300],
                url=url[:500],
                themagroep=themagroep,
                actor=actor,
                email_status=_STATUS_FOR_FREQUENCY[frequencies[user.pk]],
            )
            for user in users
        ]
    )
    direct_ids = [n.pk for n in notifications if n.email_status == EmailStatus.DIRECT]
    user_ids = [user.pk for user in users]
    transaction.on_commit(lambda: _after_commit(direct_ids, user_ids))
    return notifications


def _after_commit(direct_ids: list[int], user_ids: list[int]) -> None:
    from themagroepen.notificaties import live, tasks

    if direct_ids:
        tasks.send_notification_emails.enqueue(direct_ids)
    live.push_unread_counts(user_ids)


def _unique_recipients(recipients: Iterable, actor) -> list:
    seen, users = set(), []
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        if actor is not None and user.pk == actor.pk:
            continue
        seen.add(user.pk)
        users.append(user)
    return users


def email_frequencies(users) -> dict[int, str]:
    stored = dict(EmailPreference.objects.filter(user__in=users).values_list("user_id", "frequency"))
    return {user.pk: stored.get(user.pk, Frequency.DIRECT) for user in users}


def get_preference(user) -> EmailPreference:
    preference, _created = EmailPreference.objects.get_or_create(user=user)
    return preference


def set_frequency(user, frequency: str) -> None:
    EmailPreference.objects.update_or_create(user=user, defaults={"frequency": frequency})


# --- reading ---------------------------------------------------------------------------------


def _member_group_ids(user) -> set[int]:
    return set(access.group_ids(access.held_keys(user)))


def visible_notifications(user):
    """A person's notifications, minus those about groups they are no longer a member of.

    Notifications tied to a themagroep carry its content (topic titles), so they follow the
    same read keys as that content; ones without a group (invitations, decisions) always show.
    """
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    group_filter = Q(themagroep__isnull=True) | Q(themagroep_id__in=_member_group_ids(user))
    return Notification.objects.filter(recipient=user).filter(group_filter)


def unread_counts(users) -> dict[int, int]:
    """Each person's unread count, in three queries however many people (after a reply).

    The same rule as ``visible_notifications``, applied to counts per (person, group)."""
    users = [user for user in users if getattr(user, "is_authenticated", False)]
    if not users:
        return {}
    access.prime_held_keys(users)
    readable = {user.pk: _member_group_ids(user) for user in users}
    counts = dict.fromkeys(readable, 0)
    rows = (
        Notification.objects.filter(recipient__in=users, read_at__isnull=True)
        .values_list("recipient_id", "themagroep_id")
        .annotate(unread=Count("id"))
        .order_by()
    )
    for recipient_id, themagroep_id, unread in rows:
        if themagroep_id is None or themagroep_id in readable[recipient_id]:
            counts[recipient_id] += unread
    return counts


def unread_count(user) -> int:
    return unread_counts([user]).get(getattr(user, "pk", None), 0)


def mark_read(user, notification_ids=None) -> int:
    """Mark some (or all) of a person's unread notifications read; pushes the new count."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        queryset = queryset.filter(pk__in=notification_ids)
    changed = queryset.update(read_at=timezone.now())
    if changed:
        user_id = user.pk
        transaction.on_commit(lambda: _push_one(user_id))
    return changed


def _push_one(user_id: int) -> None:
    from themagroepen.notificaties import live

    live.push_unread_counts([user_id])
