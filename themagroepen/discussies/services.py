"""Writing to discussions: every change goes through here so follows, notifications, read state
and live events happen the same way from views, the demo and tests."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext, gettext_lazy

from kennisplatform import access
from kennisplatform.private_files import StorageError
from themagroepen.discussies import live, readtracking
from themagroepen.discussies.markup import (
    display_name,
    mention_handle,
    mentioned_handles,
    render_post,
    rendered_mentions,
)
from themagroepen.discussies.models import (
    Attachment,
    Outcome,
    PostRevision,
    Reaction,
    Reply,
    Report,
    Topic,
    TopicFollow,
)
from themagroepen.discussies.notifying import notify_members
from themagroepen.models import Membership, Role
from themagroepen.permissions import can_read_content
from themagroepen.uploads import safe_filename, sniff

# --- reading ---------------------------------------------------------------------------------


@dataclass
class GroupTopics:
    topics: list
    unread_topics: int
    can_post: bool


def topics_for_group(themagroep, user, limit=None) -> GroupTopics:
    """The topics of a group this person may read, newest activity first, with unread counts."""
    topics = access.filter_readable(Topic.objects.filter(themagroep=themagroep), user).select_related(
        "author", "themagroep"
    )
    # Count only the replies this person may read (a hidden reply is not "one of 4" to a member).
    readable_replies = access.filter_readable(Reply.objects.filter(topic=OuterRef("pk")), user)
    topics = topics.annotate(
        readable_reply_count=Coalesce(
            Subquery(readable_replies.order_by().values("topic").annotate(n=Count("pk")).values("n")), 0
        )
    )
    topics = readtracking.annotate_unread(topics, user)
    if user.is_authenticated:
        topics = topics.annotate(
            is_unread=ExpressionWrapper(Q(last_activity__gt=F("seen_at")), output_field=BooleanField())
        )
    topic_list = list(
        topics.order_by("-pinned", "-last_activity")[:limit] if limit else topics.order_by("-pinned", "-last_activity")
    )
    unread = sum(1 for topic in topic_list if getattr(topic, "is_unread", False))
    return GroupTopics(topic_list, unread, can_post(user, themagroep))


def can_post(user, themagroep) -> bool:
    return can_read_content(user, themagroep)


def can_reply(user, topic) -> bool:
    if not access.can_read(user, topic):
        return False
    return not topic.locked or access.is_beheerder(user, topic.themagroep)


def can_edit(user, post, themagroep) -> bool:
    if not access.can_read(user, post):
        return False
    if access.is_beheerder(user, themagroep):
        return True
    topic = post if isinstance(post, Topic) else post.topic
    return post.author_id == user.pk and not topic.locked and not post.hidden


def can_mark_solution(user, topic) -> bool:
    return access.can_read(user, topic) and (topic.author_id == user.pk or access.is_beheerder(user, topic.themagroep))


def group_member_handles(themagroep, only: set[str] | None = None) -> dict[str, object]:
    """Handle → user for the group's members; ``only``: just these handles (what a post typed)."""
    members = Membership.objects.filter(themagroep=themagroep).select_related("user__profile")
    if only is not None:
        if not only:
            return {}
        members = members.filter(user__profile__handle__in=only)
    return {handle: m.user for m in members if (handle := mention_handle(m.user))}


# --- writing ---------------------------------------------------------------------------------


def _render(themagroep, body):
    """Stored HTML and the members it mentions (as rendered: not those inside code or links)."""
    # Only the handles the text types: a reply must not load every member of a large group.
    members = group_member_handles(themagroep, only=mentioned_handles(body))
    html = render_post(body, set(members))
    return html, [members[h] for h in rendered_mentions(html)]


@transaction.atomic
def create_topic(themagroep, author, title, body, files=(), announce=True) -> Topic:
    html, mentioned = _render(themagroep, body)
    now = timezone.now()
    topic = Topic.objects.create(
        themagroep=themagroep,
        author=author,
        title=title,
        slug=slugify(title)[:200] or "onderwerp",
        body=body,
        html=html,
        created=now,
        last_activity=now,
    )
    _attach(topic, None, author, files)
    TopicFollow.objects.get_or_create(user=author, topic=topic)
    readtracking.mark_read(author, topic, until=now)
    if announce:
        _notify_mentions(topic, None, author, mentioned)
    return topic


@transaction.atomic
def create_reply(topic, author, body, files=(), in_reply_to=None, announce=True) -> Reply:
    """``announce=False`` (demo data) skips notifications and live events."""
    html, mentioned = _render(topic.themagroep, body)
    # Take the topic's row lock before the clock: replies then commit in the order of their
    # timestamps, so last_activity is the newest reply and no reader's "seen until" skips one.
    Topic.objects.select_for_update(no_key=True).filter(pk=topic.pk).values_list("pk").get()
    now = timezone.now()
    reply = Reply.objects.create(topic=topic, author=author, body=body, html=html, created=now)
    Topic.objects.filter(pk=topic.pk).update(last_activity=Greatest(F("last_activity"), Value(now)))
    _attach(topic, reply, author, files)
    TopicFollow.objects.get_or_create(user=author, topic=topic)
    readtracking.mark_read(author, topic, until=now)
    # Registered before the notifications' own after-commit work, so open pages hear first.
    if announce:
        live.reply_created(reply)
        from themagroepen.discussies.tasks import fan_out

        fan_out(reply, mentioned, in_reply_to)
    return reply


@transaction.atomic
def edit_post(post, editor, body, title=None, files=()) -> None:
    """Keep the old text as a revision, then store the new one."""
    topic = post if isinstance(post, Topic) else post.topic
    reply = None if isinstance(post, Topic) else post
    PostRevision.objects.create(
        topic=topic,
        reply=reply,
        editor=editor,
        title=topic.title if reply is None else "",
        body=post.body,
        html=post.html,
    )
    html, _mentioned = _render(topic.themagroep, body)
    post.body, post.html, post.edited = body, html, timezone.now()
    if reply is None and title:
        post.title = title
        post.slug = slugify(title)[:200] or "onderwerp"
    post.save()
    _attach(topic, reply, editor, files)


def validated_files(files):
    """(upload, extension, content type) for each file, or ValidationError for the first bad one."""
    return [(upload, *sniff(upload)) for upload in files]


def _attach(topic, reply, uploader, files):
    """Store the files; if one cannot be written, remove those already written and re-raise
    StorageError (the surrounding transaction drops the rows)."""
    stored = []
    try:
        for upload, extension, content_type in validated_files(files):
            name = safe_filename(upload.name, extension)
            upload.name = name
            stored.append(
                Attachment.objects.create(
                    topic=topic,
                    reply=reply,
                    uploader=uploader,
                    file=upload,
                    name=name,
                    content_type=content_type,
                    size=upload.size,
                )
            )
    except StorageError:
        for attachment in stored:
            attachment.file.delete(save=False)
        raise


def toggle_useful(user, topic, reply=None) -> bool:
    """Add or remove the member's "nuttig"; returns whether it is now set."""
    deleted, _ = Reaction.objects.filter(user=user, topic=topic, reply=reply).delete()
    if deleted:
        return False
    Reaction.objects.get_or_create(user=user, topic=topic, reply=reply)
    return True


@transaction.atomic
def toggle_solution(reply) -> bool:
    """Mark the reply as the topic's one solution, or unmark it; returns whether it now is."""
    topic = reply.topic
    was_solution = reply.is_solution
    Reply.objects.filter(topic=topic, is_solution=True).update(is_solution=False)
    if not was_solution:
        Reply.objects.filter(pk=reply.pk).update(is_solution=True)
    return not was_solution


def toggle_follow(user, topic) -> bool:
    deleted, _ = TopicFollow.objects.filter(user=user, topic=topic).delete()
    if deleted:
        return False
    TopicFollow.objects.get_or_create(user=user, topic=topic)
    return True


@transaction.atomic
def report(user, topic, reply, reason) -> Report:
    report_obj = Report.objects.create(topic=topic, reply=reply, reporter=user, reason=reason)
    _notify_report_received(report_obj)
    return report_obj


# --- moderation (callers check access.is_beheerder) -------------------------------------------


@transaction.atomic
def set_flag(post, flag: str, value: bool) -> None:
    assert flag in {"pinned", "locked", "hidden"}
    setattr(post, flag, value)
    post.save(update_fields=[flag])
    if flag == "hidden":
        _readers_changed(post)
        if value and isinstance(post, Topic):
            from themagroepen.discussies.knowledge import withdraw_open

            withdraw_open(post)


@transaction.atomic
def move_topic(topic, target) -> None:
    topic.themagroep = target
    topic.save(update_fields=["themagroep"])
    _readers_changed(topic)


class AlreadyResolved(Exception):
    """Another beheerder handled the report first."""


@transaction.atomic
def resolve_report(report_obj, user, outcome: str, reason: str) -> None:
    """Carry out the beheerder's decision on an open report and tell the reporter."""
    # The row lock makes two beheerders deciding at once end with one outcome, not two.
    if not Report.objects.select_for_update().filter(pk=report_obj.pk, resolved_at__isnull=True).exists():
        raise AlreadyResolved
    if outcome == Outcome.HIDE:
        set_flag(report_obj.post, "hidden", True)
    elif outcome == Outcome.LOCK:
        set_flag(report_obj.topic, "locked", True)
    elif outcome != Outcome.DISMISS:
        raise ValueError(outcome)
    decided = [report_obj]
    if outcome == Outcome.HIDE:
        # The other open reports about the same post are answered by the same decision.
        same_post = Report.objects.select_for_update().filter(
            topic_id=report_obj.topic_id, reply_id=report_obj.reply_id, resolved_at__isnull=True
        )
        decided += list(same_post.exclude(pk=report_obj.pk))
    now = timezone.now()
    for decided_report in decided:
        decided_report.outcome, decided_report.outcome_reason = outcome, reason
        decided_report.resolved_at, decided_report.resolved_by = now, user
        decided_report.save(update_fields=["outcome", "outcome_reason", "resolved_at", "resolved_by"])
        _notify_reporter(decided_report)


def _readers_changed(post) -> None:
    """Who may read the post changed. Before the moderator's response returns, search no
    longer finds it for those who lost it, and their open topic pages stop hearing about it."""
    from search.queue import sync_now

    transaction.on_commit(lambda: sync_now(post), robust=True)
    if isinstance(post, Topic):
        live.topic_readers_changed(post.pk)


# --- notifications ---------------------------------------------------------------------------


def _notify_mentions(topic, reply, author, mentioned) -> tuple[set, int]:
    # Only who may read the post hears of it (a mention inside a hidden topic tells nobody);
    # the post is the subject, so hiding it later takes the mention away too.
    candidates = [user for user in mentioned if user != author]
    access.prime_held_keys(candidates)
    recipients = [user for user in candidates if access.can_read(user, reply or topic)]
    notified = 0
    if recipients:
        notified = notify_members(
            recipients,
            kind="mention",
            title=f"{display_name(author)} noemde u in “{topic.title}”",
            url=post_url(topic, reply),
            themagroep=topic.themagroep,
            actor=author,
            subject=reply or topic,
        )
    return set(recipients), notified


def notify_about_reply(topic, reply, author, mentioned, in_reply_to=None) -> int:
    """Mentioned members, followers and the authors replied to, each once; how many were told.

    Run by the worker (``tasks.fan_out_reply``), not in the request."""
    already, notified = _notify_mentions(topic, reply, author, mentioned)
    followers = set(TopicFollow.objects.filter(topic=topic).values_list("user_id", flat=True))
    # Authors of the topic and of a quoted reply hear about replies to their posts.
    followers |= {topic.author_id, getattr(in_reply_to, "author_id", None)}
    followers -= {None, author.pk}
    candidates = [user for user in get_user_model().objects.filter(pk__in=followers) if user not in already]
    access.prime_held_keys(candidates)  # fresh user objects: keys as they are now, two queries for all
    recipients = [user for user in candidates if access.can_read(user, reply)]
    if recipients:
        notified += notify_members(
            recipients,
            kind="reply",
            title=f"{display_name(author)} reageerde op “{topic.title}”",
            url=post_url(topic, reply),
            themagroep=topic.themagroep,
            actor=author,
            subject=reply,
        )
    return notified


def reports_url(themagroep) -> str:
    return reverse("themagroepen:discussies:reports", kwargs={"slug": themagroep.slug})


def _notify_report_received(report_obj):
    # The report is the subject: only those holding the group's moderator key see it.
    topic = report_obj.topic
    beheerders = [m.user for m in Membership.objects.filter(themagroep=topic.themagroep, role=Role.BEHEERDER)]
    notify_members(
        beheerders,
        kind="report",
        title=gettext("Nieuwe melding over “%(title)s” in %(group)s")
        % {"title": Truncator(topic.title).chars(120), "group": topic.themagroep.name},
        url=reports_url(topic.themagroep),
        themagroep=topic.themagroep,
        actor=report_obj.reporter,
        subject=report_obj,
    )


# Short enough that a 70-character title and the longest reason fit the 300 of a notification.
OUTCOME_SENTENCES = {
    Outcome.HIDE: gettext_lazy("het bericht is verborgen"),
    Outcome.LOCK: gettext_lazy("het onderwerp is gesloten"),
    Outcome.DISMISS: gettext_lazy("er is geen maatregel genomen"),
}


def _notify_reporter(report_obj):
    """Without a subject: the reporter hears the outcome even when it hid what they reported.
    The topic is named (and linked) only if they may still read it."""
    reporter, topic = report_obj.reporter, report_obj.topic
    if reporter is None:
        return
    if access.can_read(reporter, topic):
        about = gettext("“%(title)s”") % {"title": Truncator(topic.title).chars(70)}
        url = post_url(topic, report_obj.reply) if access.can_read(reporter, report_obj.post) else post_url(topic)
    else:
        about = gettext("een bericht in %(group)s") % {"group": Truncator(topic.themagroep.name).chars(70)}
        url = reverse("themagroepen:discussies:list", kwargs={"slug": topic.themagroep.slug})
    notify_members(
        [reporter],
        kind="report_outcome",
        title=gettext("Uw melding over %(about)s is afgehandeld: %(outcome)s. Reden: %(reason)s")
        % {"about": about, "outcome": OUTCOME_SENTENCES[report_obj.outcome], "reason": report_obj.outcome_reason},
        url=url,
        themagroep=topic.themagroep,
        actor=report_obj.resolved_by,
    )


def post_url(topic, reply=None) -> str:
    url = topic.get_absolute_url()
    return f"{url}?reactie={reply.pk}#reactie-{reply.pk}" if reply else url
