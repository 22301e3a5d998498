"""Discussions inside a themagroep: topics, replies and what hangs off them.

A *post* is either a topic's opening text (``reply`` is null) or a reply. Tables that belong to
a post (revisions, attachments, reactions, reports) carry ``topic`` always and ``reply`` when the
post is a reply, so one query per table serves a whole topic page.

Nothing here is hard-deleted by moderation: hiding flips ``hidden`` and access does the rest.
"""

import os
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisplatform import access
from kennisplatform.private_files import private_storage

DELETED_MEMBER = _("Verwijderd lid")


class Topic(models.Model):
    themagroep = models.ForeignKey("themagroepen.Themagroep", on_delete=models.CASCADE, related_name="topics")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=False)
    body = models.TextField(_("bericht"))
    html = models.TextField(editable=False)
    pinned = models.BooleanField(_("vastgezet"), default=False)
    locked = models.BooleanField(_("gesloten"), default=False)
    hidden = models.BooleanField(_("verborgen"), default=False)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    edited = models.DateTimeField(null=True, blank=True)
    last_activity = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["-pinned", "-last_activity"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "themagroepen:discussies:topic",
            kwargs={"slug": self.themagroep.slug, "pk": self.pk, "topic_slug": self.slug or "onderwerp"},
        )

    # --- access -----------------------------------------------------------------------------
    def read_keys(self) -> frozenset[str]:
        if self.hidden:
            return frozenset({access.moderator_key(self.themagroep_id)})
        return frozenset({access.group_key(self.themagroep_id)})

    @classmethod
    def readable_q(cls, keys) -> Q:
        return Q(themagroep_id__in=access.group_ids(keys), hidden=False) | Q(
            themagroep_id__in=access.moderated_group_ids(keys)
        )


class Reply(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("bericht"))
    html = models.TextField(editable=False)
    hidden = models.BooleanField(_("verborgen"), default=False)
    is_solution = models.BooleanField(_("oplossing"), default=False)
    created = models.DateTimeField(default=timezone.now)
    edited = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["topic", "created"], name="reply_topic_created")]

    def __str__(self):
        return f"Reactie {self.pk} op {self.topic_id}"

    # --- access -----------------------------------------------------------------------------
    def read_keys(self) -> frozenset[str]:
        if self.hidden or self.topic.hidden:
            return frozenset({access.moderator_key(self.topic.themagroep_id)})
        return frozenset({access.group_key(self.topic.themagroep_id)})

    @classmethod
    def readable_q(cls, keys) -> Q:
        return Q(topic__themagroep_id__in=access.group_ids(keys), hidden=False, topic__hidden=False) | Q(
            topic__themagroep_id__in=access.moderated_group_ids(keys)
        )


class PostPart(models.Model):
    """Something that belongs to one post: the opening post when ``reply`` is null."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    class Meta:
        abstract = True

    @property
    def post(self):
        return self.reply if self.reply_id else self.topic

    def read_keys(self) -> frozenset[str]:
        return self.post.read_keys()

    @classmethod
    def readable_q(cls, keys) -> Q:
        members, moderated = access.group_ids(keys), access.moderated_group_ids(keys)
        visible_post = Q(topic__hidden=False) & (Q(reply__isnull=True) | Q(reply__hidden=False))
        return (Q(topic__themagroep_id__in=members) & visible_post) | Q(topic__themagroep_id__in=moderated)


class PostRevision(PostPart):
    """The text of a post as it was before an edit (edit history, visible to members)."""

    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    html = models.TextField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]


def attachment_upload_to(instance, filename):
    """A random name: the member's file name is kept only as display text."""
    extension = os.path.splitext(filename)[1].lower()
    return f"discussies/{instance.topic.themagroep_id}/{uuid.uuid4().hex}{extension}"


class Attachment(PostPart):
    uploader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    file = models.FileField(storage=private_storage, upload_to=attachment_upload_to, max_length=255)
    name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "themagroepen:discussies:attachment",
            kwargs={"slug": self.topic.themagroep.slug, "attachment_id": self.pk},
        )


class Reaction(PostPart):
    """The "nuttig" (useful) reaction: one per member per post."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"], condition=Q(reply__isnull=True), name="one_reaction_per_topic"
            ),
            models.UniqueConstraint(
                fields=["user", "reply"], condition=Q(reply__isnull=False), name="one_reaction_per_reply"
            ),
        ]


class Outcome(models.TextChoices):
    """What a beheerder decided about a report."""

    HIDE = "verbergen", _("Bericht verborgen")
    LOCK = "sluiten", _("Onderwerp gesloten")
    DISMISS = "afwijzen", _("Geen maatregel")


# The beheerder's reason goes into the reporter's notification title (300 characters) whole.
OUTCOME_REASON_MAX_LENGTH = 150


class Report(PostPart):
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("reden"), max_length=2000)
    created = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Empty while open, and for reports handled before a handling needed an outcome.
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_reason = models.CharField(_("reden van de uitkomst"), max_length=OUTCOME_REASON_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["resolved_at", "-created"]

    # Reports are read by the beheerders of the group only.
    def read_keys(self) -> frozenset[str]:
        return frozenset({access.moderator_key(self.topic.themagroep_id)})

    @classmethod
    def readable_q(cls, keys) -> Q:
        return Q(topic__themagroep_id__in=access.moderated_group_ids(keys))


class TopicFollow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="follows")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="unique_topic_follow")]


class TopicRead(models.Model):
    """When a member last read a topic (Misago-style read tracking, table 1 of 2)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="unique_topic_read")]


class ReadCutoff(models.Model):
    """Everything older than this counts as read for the member (table 2 of 2)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    cutoff_at = models.DateTimeField()


class ProposalKind(models.TextChoices):
    # The values are kennisbank.from_discussion's kinds.
    VOORBEELD = "voorbeeld", _("Voorbeeld")
    VEELGESTELDE_VRAAG = "veelgestelde-vraag", _("Veelgestelde vraag")


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Wacht op toestemming")
    ACCEPTED = "akkoord", _("Akkoord; concept aangemaakt")
    DECLINED = "afgewezen", _("Geen toestemming")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


class KennisbankProposal(models.Model):
    """A beheerder asks the author of a solved topic whether it may become a kennisbank draft.

    Read like the topic it is about (members of the group; beheerders only once the topic is
    hidden); only the topic's author may answer, once. The draft page is linked here, not in
    the page: the topic is members-only.
    """

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="kennisbank_proposals")
    kind = models.CharField(_("soort"), max_length=20, choices=ProposalKind.choices)
    # The marked solution when proposed; copied only if the topic's author wrote it.
    solution = models.ForeignKey(Reply, on_delete=models.SET_NULL, null=True, related_name="+")
    summary = models.TextField(_("samenvatting van de oplossing"), max_length=2000, blank=True)
    gemeente = models.ForeignKey(
        "kennisbank.Gemeente", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    answered_at = models.DateTimeField(null=True, blank=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("voorstel voor de kennisbank")
        verbose_name_plural = _("voorstellen voor de kennisbank")
        constraints = [
            # Asked once: a declined request is not repeated; a withdrawn one may be asked again.
            models.UniqueConstraint(
                fields=["topic"],
                condition=~Q(status="ingetrokken"),
                name="one_kennisbank_proposal_per_topic",
            )
        ]

    def __str__(self):
        return f"Voorstel {self.get_kind_display()}: {self.topic}"

    def get_absolute_url(self):
        return reverse(
            "themagroepen:discussies:proposal_answer",
            kwargs={"slug": self.topic.themagroep.slug, "proposal_id": self.pk},
        )

    def read_keys(self) -> frozenset[str]:
        return self.topic.read_keys()

    @classmethod
    def readable_q(cls, keys) -> Q:
        return Q(topic__themagroep_id__in=access.group_ids(keys), topic__hidden=False) | Q(
            topic__themagroep_id__in=access.moderated_group_ids(keys)
        )


class TopicPageLink(models.Model):
    """A beheerder says a topic discusses a kennisbank chapter or instrument; the page then lists
    it under "Besproken in de themagroep" for those who may read the topic."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="page_links")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("koppeling met een kennisbankpagina")
        constraints = [models.UniqueConstraint(fields=["topic", "page"], name="unique_topic_page_link")]
        indexes = [models.Index(fields=["page", "topic"], name="topic_page_link_page")]
