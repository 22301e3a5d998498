"""Bijeenkomsten (meetings and webinars) of a themagroep, their dates and registrations.

A ``Bijeenkomst`` holds what stays the same (title, description, place, capacity, rule); an
``Occurrence`` is one date of it. A single meeting has one occurrence, a series one per date
(materialised up to a horizon by ``occurrences.materialise``). Registrations, the waiting list,
the verslag and the presentations all belong to an occurrence.

Reading goes through ``kennisplatform.access`` with three sets of keys on a Bijeenkomst:

- ``read_keys()``         the *announcement*: title, dates, description. ``{'public'}`` when the
                          beheerder announced it publicly (and the group is not hidden), else the
                          group key.
- ``detail_keys()``       organiser, registration status, participant numbers, verslag and
                          presentations: members of the group only.
- ``registration_keys()`` who may sign up: members, plus every signed-in official when the
                          meeting is public and open to non-members.

The address and online link are shown only to people registered for that date (and to the
group's beheerders): that is a fact about the person, checked in ``permissions.can_see_location``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisplatform import access
from kennisplatform.markdown import MarkdownFields
from kennisplatform.private_files import private_storage
from themagroepen.models import Themagroep
from themagroepen.models import Visibility as GroupVisibility


class Visibility(models.TextChoices):
    MEMBERS = "leden", _("Alleen voor leden van de themagroep")
    PUBLIC = "openbaar", _("Openbaar aangekondigd (titel, datum en beschrijving)")


class Kind(models.TextChoices):
    MEETING = "bijeenkomst", _("Bijeenkomst")
    WEBINAR = "webinar", _("Webinar")


class Bijeenkomst(MarkdownFields, models.Model):
    markdown_fields = {"description": "description_html"}

    themagroep = models.ForeignKey(Themagroep, on_delete=models.CASCADE, related_name="bijeenkomsten")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices, default=Kind.MEETING)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True, help_text=_("Markdown."))
    description_html = models.TextField(editable=False, blank=True)
    start = models.DateTimeField(_("begin"), help_text=_("Bij een reeks: het begin van de eerste bijeenkomst."))
    end = models.DateTimeField(_("einde"))
    place = models.CharField(
        _("plaats"),
        max_length=120,
        blank=True,
        help_text=_("Voor iedereen die de bijeenkomst ziet, bijv. ‘Utrecht’ of ‘Online’."),
    )
    address = models.TextField(_("adres"), blank=True, help_text=_("Alleen zichtbaar voor ingeschreven deelnemers."))
    online_url = models.URLField(
        _("link voor online deelname"), blank=True, help_text=_("Alleen zichtbaar voor ingeschreven deelnemers.")
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisator"),
    )
    capacity = models.PositiveIntegerField(
        _("maximum aantal deelnemers"), null=True, blank=True, help_text=_("Leeg: onbeperkt.")
    )
    registration_deadline = models.DateTimeField(
        _("inschrijven kan tot"),
        null=True,
        blank=True,
        help_text=_("Bij een reeks geldt dezelfde termijn vóór elke datum. Leeg: tot het begin."),
    )
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    allow_non_members = models.BooleanField(
        _("ook ingelogde niet-leden kunnen zich inschrijven"),
        default=False,
        help_text=_("Alleen bij een openbare aankondiging."),
    )
    recurrence_rule = models.CharField(
        _("herhaling (RRULE)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Bijvoorbeeld FREQ=MONTHLY;BYDAY=3TH;COUNT=6 voor elke derde donderdag van de maand, "
            "FREQ=MONTHLY;INTERVAL=6;COUNT=4 voor twee keer per jaar. Leeg: één bijeenkomst."
        ),
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="bijeenkomst_end_after_start")
        ]

    def __str__(self):
        return self.title

    @property
    def is_series(self) -> bool:
        return bool(self.recurrence_rule)

    @property
    def is_publicly_announced(self) -> bool:
        return self.visibility == Visibility.PUBLIC and self.themagroep.visibility != GroupVisibility.VERBORGEN

    # --- access -----------------------------------------------------------------------------
    def read_keys(self) -> frozenset[str]:
        if self.is_publicly_announced:
            return frozenset({access.PUBLIC})
        return self.detail_keys()

    def detail_keys(self) -> frozenset[str]:
        return frozenset({access.group_key(self.themagroep_id)})

    def registration_keys(self) -> frozenset[str]:
        if self.is_publicly_announced and self.allow_non_members:
            return frozenset({access.AUTHENTICATED}) | self.detail_keys()
        return self.detail_keys()

    @classmethod
    def readable_q(cls, keys, prefix: str = "") -> Q:
        """Announcements readable with ``keys``; ``prefix`` lets Occurrence reuse it."""
        group_ids = access.group_ids(keys)
        public = Q(**{f"{prefix}visibility": Visibility.PUBLIC}) & ~Q(
            **{f"{prefix}themagroep__visibility": GroupVisibility.VERBORGEN}
        )
        members = Q(**{f"{prefix}themagroep_id__in": group_ids})
        return (public | members) if access.PUBLIC in keys else members

    @classmethod
    def detail_readable_q(cls, keys, prefix: str = "") -> Q:
        group_ids = access.group_ids(keys)
        return Q(**{f"{prefix}themagroep_id__in": group_ids})


class OccurrenceQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start")


class Occurrence(MarkdownFields, models.Model):
    markdown_fields = {"verslag": "verslag_html"}

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("begin"), db_index=True)
    end = models.DateTimeField(_("einde"))
    registration_deadline = models.DateTimeField(_("inschrijven kan tot"), null=True, blank=True)
    # Stable across edits and re-materialisation: derived from the series and its rule date.
    uid = models.CharField(max_length=200, unique=True, editable=False)
    # iCalendar SEQUENCE: raised on every change of time or place, so calendars replace the event.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    verslag = models.TextField(_("verslag"), blank=True, help_text=_("Markdown."))
    verslag_html = models.TextField(editable=False, blank=True)
    discussion_url = models.CharField(
        _("link naar de discussie"),
        max_length=300,
        blank=True,
        help_text=_("Het onderwerp in de themagroep waar leden het verslag bespreken."),
    )

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("datum van een bijeenkomst")
        verbose_name_plural = _("data van bijeenkomsten")
        ordering = ["start"]

    def __str__(self):
        return f"{self.bijeenkomst.title} ({timezone.localtime(self.start):%d-%m-%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("bijeenkomsten:detail", kwargs={"slug": self.bijeenkomst.themagroep.slug, "pk": self.pk})

    @property
    def themagroep(self):
        return self.bijeenkomst.themagroep

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def registration_open(self) -> bool:
        now = timezone.now()
        return now < self.start and (self.registration_deadline is None or now <= self.registration_deadline)

    # --- access: an occurrence reads like its bijeenkomst -----------------------------------
    def read_keys(self) -> frozenset[str]:
        return self.bijeenkomst.read_keys()

    def detail_keys(self) -> frozenset[str]:
        return self.bijeenkomst.detail_keys()

    def registration_keys(self) -> frozenset[str]:
        return self.bijeenkomst.registration_keys()

    @classmethod
    def readable_q(cls, keys) -> Q:
        return Bijeenkomst.readable_q(keys, prefix="bijeenkomst__")

    @classmethod
    def detail_readable_q(cls, keys) -> Q:
        return Bijeenkomst.detail_readable_q(keys, prefix="bijeenkomst__")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "aangemeld", _("Ingeschreven")
    WAITING = "wachtlijst", _("Op de wachtlijst")
    CANCELLED = "afgemeld", _("Uitgeschreven")


class Registration(models.Model):
    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bijeenkomst_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    remark = models.CharField(_("opmerking"), max_length=500, blank=True)
    # The waiting list is ordered by this moment; signing up again moves you to the back.
    registered_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["registered_at", "id"]
        constraints = [models.UniqueConstraint(fields=["occurrence", "user"], name="unique_registration")]

    def __str__(self):
        return f"{self.user} – {self.occurrence} ({self.get_status_display()})"


class RegistrationMail(models.Model):
    """One e-mail owed to a participant, written in the transaction of the change it reports.

    The row is the durable promise; the task that sends it claims it
    (``kennisplatform.claims.claim_once``) and sets ``handled_at``, so a task that runs twice sends
    once and a task that never ran is swept up by the clock (``meldingen-nasturen``)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=12)
    created = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)  # sent, or not needed any more

    class Meta:
        verbose_name = _("e-mail over een inschrijving")
        verbose_name_plural = _("e-mails over inschrijvingen")
        indexes = [models.Index(fields=["handled_at", "created"], name="registrationmail_unsent")]


def _attachment_path(instance, filename):
    return f"bijeenkomsten/{instance.occurrence_id}/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    """A presentation or other file shared after the meeting; members of the group only."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("bestand"), upload_to=_attachment_path, storage=private_storage, max_length=300)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("presentatie of bijlage")
        verbose_name_plural = _("presentaties en bijlagen")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]

    def get_absolute_url(self):
        occurrence = self.occurrence
        return reverse(
            "bijeenkomsten:attachment",
            kwargs={
                "slug": occurrence.bijeenkomst.themagroep.slug,
                "pk": occurrence.pk,
                "attachment_pk": self.pk,
                "filename": self.filename,
            },
        )

    def read_keys(self) -> frozenset[str]:
        return self.occurrence.detail_keys()


class CalendarFeed(models.Model):
    """The secret in a member's personal iCal feed URL; regenerating it revokes the old URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def __str__(self):
        return f"Agenda van {self.user}"
