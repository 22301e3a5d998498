"""Tell open pages that a person's unread count changed (sent only after commit)."""

from django.contrib.auth import get_user_model

from kennisplatform.live import send_to_groups


def user_group(user_id: int) -> str:
    return f"user-{user_id}"


def push_unread_counts(user_ids) -> None:
    """Send each person's new unread count to their ``user-<id>`` group."""
    from themagroepen.notificaties.services import unread_counts

    counts = unread_counts(get_user_model().objects.filter(pk__in=list(user_ids)))
    send_to_groups(
        (user_group(user_id), {"type": "notifications.unread", "unread": unread}) for user_id, unread in counts.items()
    )


def end_sessions(user_id: int) -> None:
    """Close the person's live connections (after logout)."""
    send_to_groups([(user_group(user_id), {"type": "session.ended"})])
