"""Read tracking in two small tables (Misago's design): TopicRead and a per-member cutoff.

A topic counts as unread when it had activity after the later of the member's cutoff and the
moment they last read it. Everything older than the cutoff is read by definition, which keeps
TopicRead small: marking all as read moves the cutoff and deletes the rows behind it.
"""

from datetime import timedelta

from django.db.models import Count, DateTimeField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from kennisplatform import access
from themagroepen.discussies.models import ReadCutoff, Reply, TopicRead

# Activity older than this is never shown as new, whatever the tables say.
MAX_UNREAD_AGE = timedelta(days=90)


def cutoff_for(user):
    floor = timezone.now() - MAX_UNREAD_AGE
    if not user.is_authenticated:
        return floor
    own = ReadCutoff.objects.filter(user=user).values_list("cutoff_at", flat=True).first()
    return max(floor, own) if own else floor


def annotate_unread(topics, user, cutoff=None):
    """Add ``seen_at`` (when the member last saw the topic) and ``new_replies`` (count)."""
    if not user.is_authenticated:
        return topics.annotate(seen_at=Value(timezone.now(), output_field=DateTimeField()), new_replies=Value(0))
    cutoff = cutoff or cutoff_for(user)
    read_at = TopicRead.objects.filter(user=user, topic=OuterRef("pk")).values("last_read_at")[:1]
    cutoff_value = Value(cutoff, output_field=DateTimeField())
    new_replies = (
        access.filter_readable(Reply.objects.filter(topic=OuterRef("pk"), created__gt=OuterRef("seen_at")), user)
        .order_by()
        .values("topic")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return topics.annotate(
        seen_at=Greatest(Coalesce(Subquery(read_at), cutoff_value), cutoff_value),
    ).annotate(new_replies=Coalesce(Subquery(new_replies), Value(0)))


def mark_read(user, topic, until=None) -> None:
    """Remember that the member has seen the topic up to ``until`` (default: its last activity)."""
    if not user.is_authenticated:
        return
    until = until or topic.last_activity
    updated = TopicRead.objects.filter(user=user, topic=topic, last_read_at__lt=until).update(last_read_at=until)
    if not updated:
        TopicRead.objects.get_or_create(user=user, topic=topic, defaults={"last_read_at": until})


def mark_all_read(user) -> None:
    now = timezone.now()
    ReadCutoff.objects.update_or_create(user=user, defaults={"cutoff_at": now})
    TopicRead.objects.filter(user=user, last_read_at__lte=now).delete()


def mark_group_read(user, themagroep) -> None:
    from themagroepen.discussies.models import Topic

    now = timezone.now()
    for topic in Topic.objects.filter(themagroep=themagroep, last_activity__gt=cutoff_for(user)):
        mark_read(user, topic, until=now)
