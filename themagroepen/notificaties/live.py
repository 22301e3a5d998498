"""Tell open pages that a person's unread count changed (sent only after commit)."""

from django.contrib.auth import get_user_model

from kennisplatform import access
from kennisplatform.live import send_to_groups


def user_group(user_id: int) -> str:
    return f"user-{user_id}"


def push_unread_counts(user_ids) -> None:
    """Send each person's new unread count to their ``user-<id>`` group."""
    from themagroepen.notificaties.services import unread_count

    users = list(get_user_model().objects.filter(pk__in=list(user_ids)))
    access.prime_held_keys(users)  # one count query per person after this, not three
    send_to_groups((user_group(user.pk), {"type": "notifications.unread", "unread": unread_count(user)}) for user in users)


def end_sessions(user_id: int) -> None:
    """Close the person's live connections (after logout)."""
    send_to_groups([(user_group(user_id), {"type": "session.ended"})])
