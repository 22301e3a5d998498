"""The one notification API: ``notify(...)``. Every app that tells members something calls it.

It stores in-app notifications inside the caller's transaction and, only after that transaction
commits, pushes the new unread count to open pages and hands e-mail to the task system. A rolled
back action therefore notifies nobody.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone

from kennisplatform import access
from kennisplatform.aftercommit import after_commit
from themagroepen.notificaties.models import EmailPreference, EmailStatus, Frequency, Notification

_STATUS_FOR_FREQUENCY = {
    Frequency.DIRECT: EmailStatus.DIRECT,
    Frequency.DIGEST: EmailStatus.DIGEST,
    Frequency.NEVER: EmailStatus.NONE,
}


def notify(
    recipients, *, kind: str, title: str, url: str, themagroep=None, actor=None, subject=None, email: bool = True
) -> list[Notification]:
    """Notify each recipient once (the actor never notifies themself). Returns the new rows.

    ``email=False``: in the app only, for news that has its own e-mail already (a meeting mail).

    ``subject`` is what the notification is about (a topic, reply or meeting date): only those
    who may read it are notified, and later only while they still may (see ``may_see``).
    """
    users = _unique_recipients(recipients, actor)
    access.prime_held_keys(users)
    users = [user for user in users if may_see(user, themagroep_id=getattr(themagroep, "pk", None), subject=subject)]
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
                subject=subject,
                email_status=_STATUS_FOR_FREQUENCY[frequencies[user.pk]] if email else EmailStatus.NONE,
            )
            for user in users
        ]
    )
    direct_ids = [n.pk for n in notifications if n.email_status == EmailStatus.DIRECT]
    user_ids = [user.pk for user in users]
    if direct_ids:
        after_commit(lambda: _enqueue_emails(direct_ids), name="meldingen e-mailen")
    after_commit(lambda: _push_counts(user_ids), name="meldingen live")
    return notifications


def has_notified(subject) -> bool:
    """Was anyone notified about ``subject`` (so a repeated fan-out adds nothing)?"""
    subject_type = ContentType.objects.get_for_model(subject)
    return Notification.objects.filter(subject_type=subject_type, subject_id=subject.pk).exists()


def _enqueue_emails(direct_ids: list[int]) -> None:
    from themagroepen.notificaties import tasks

    tasks.send_notification_emails.enqueue(direct_ids)


def _push_counts(user_ids: list[int]) -> None:
    from themagroepen.notificaties import live

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


# The one rule, applied when a notification is created, shown, counted and mailed: one with a
# subject is seen while access lets the person read the subject (a hidden or moved topic, a
# group left: gone); one without a subject but tied to a themagroep needs its group key; the
# rest (invitations, decisions about a request) always shows.


def _member_group_ids(user) -> set[int]:
    return set(access.group_ids(access.held_keys(user)))


def may_see(user, *, themagroep_id=None, subject=None, subject_missing=False) -> bool:
    if subject is not None:
        return access.can_read(user, subject)
    if subject_missing:  # the subject was deleted
        return False
    return themagroep_id is None or themagroep_id in _member_group_ids(user)


def may_see_notification(user, notification: Notification) -> bool:
    subject = notification.subject if notification.subject_type_id else None
    return may_see(
        user,
        themagroep_id=notification.themagroep_id,
        subject=subject,
        subject_missing=notification.subject_type_id is not None and subject is None,
    )


def _readable_subject_ids(user, type_ids) -> dict[int, object]:
    """Per subject type: a queryset of the subject ids ``user`` may read (through access)."""
    readable = {}
    for type_id in type_ids:
        model = ContentType.objects.get_for_id(type_id).model_class()
        readable[type_id] = access.filter_readable(model._default_manager.all(), user).values("pk")
    return readable


def visible_notifications(user):
    """A person's notifications that ``may_see`` lets them see, as a queryset."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    mine = Notification.objects.filter(recipient=user)
    visible = Q(subject_type__isnull=True) & (Q(themagroep__isnull=True) | Q(themagroep_id__in=_member_group_ids(user)))
    type_ids = mine.exclude(subject_type=None).values_list("subject_type", flat=True).distinct()
    for type_id, readable_ids in _readable_subject_ids(user, set(type_ids)).items():
        visible |= Q(subject_type_id=type_id, subject_id__in=readable_ids)
    return mine.filter(visible)


def unread_counts(users) -> dict[int, int]:
    """Each person's unread count, in a few queries however many people (after a reply).

    The same rule as ``visible_notifications``, applied to counts per (person, group, subject):
    readable subjects are asked once per distinct set of held keys, not once per person."""
    users = [user for user in users if getattr(user, "is_authenticated", False)]
    if not users:
        return {}
    access.prime_held_keys(users)
    by_pk = {user.pk: user for user in users}
    counts = dict.fromkeys(by_pk, 0)
    rows = list(
        Notification.objects.filter(recipient__in=users, read_at__isnull=True)
        .values_list("recipient_id", "themagroep_id", "subject_type_id", "subject_id")
        .annotate(unread=Count("id"))
        .order_by()
    )
    wanted: dict[int, set[int]] = {}
    for _recipient, _group, type_id, subject_id, _n in rows:
        if type_id is not None:
            wanted.setdefault(type_id, set()).add(subject_id)
    readable_by_keys: dict[frozenset, dict[int, set[int]]] = {}
    for recipient_id, themagroep_id, type_id, subject_id, unread in rows:
        user = by_pk[recipient_id]
        if type_id is None:
            visible = themagroep_id is None or themagroep_id in _member_group_ids(user)
        else:
            keys = access.held_keys(user)
            if keys not in readable_by_keys:
                readable_by_keys[keys] = {
                    t: set(ids.filter(pk__in=wanted[t]).values_list("pk", flat=True))
                    for t, ids in _readable_subject_ids(user, wanted).items()
                }
            visible = subject_id in readable_by_keys[keys][type_id]
        if visible:
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
        after_commit(lambda: _push_counts([user_id]), name="meldingen live")
    return changed
