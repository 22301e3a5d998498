"""Themagroepen and their members."""

import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisplatform import access
from kennisplatform.markdown import render_markdown

# Paths under /themagroepen/ that are not a group; a group may not take these slugs.
RESERVED_SLUGS = frozenset({"inlogcode", "uitnodigingen", "meldingen", "nieuw"})


def validate_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(_("Deze slug is gereserveerd; kies een andere."))


class Visibility(models.TextChoices):
    OPEN = "open", _("Open: iedere ingelogde ambtenaar kan lid worden")
    BESLOTEN = "besloten", _("Besloten: lid worden op verzoek of uitnodiging")
    VERBORGEN = "verborgen", _("Verborgen: alleen zichtbaar voor leden")


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    LID = "lid", _("Lid")


class Themagroep(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, validators=[validate_not_reserved])
    description = models.CharField(_("korte omschrijving"), max_length=300)
    introduction = models.TextField(
        _("introductie"), blank=True, help_text=_("Markdown. Openbaar bij open en besloten groepen.")
    )
    introduction_html = models.TextField(editable=False, blank=True)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=12, choices=Visibility.choices, default=Visibility.BESLOTEN
    )
    # Mirrors the membership so Wagtail page privacy ("alleen voor groep ...") can use it.
    auth_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="themagroep"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("themagroep")
        verbose_name_plural = _("themagroepen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("themagroepen:detail", kwargs={"slug": self.slug})

    @property
    def visibility_label(self) -> str:
        """Short label for listings ("Besloten"), the choice text is the long explanation."""
        return {Visibility.OPEN: _("Open"), Visibility.BESLOTEN: _("Besloten"), Visibility.VERBORGEN: _("Verborgen")}[
            self.visibility
        ]

    # --- access -----------------------------------------------------------------------------
    def read_keys(self) -> frozenset[str]:
        """Keys for the group's *existence and introduction*; its content uses content_keys()."""
        if self.visibility == Visibility.VERBORGEN:
            return self.content_keys()
        return frozenset({access.PUBLIC})

    def content_keys(self) -> frozenset[str]:
        return frozenset({access.group_key(self.pk)})

    @classmethod
    def readable_q(cls, keys):
        return ~Q(visibility=Visibility.VERBORGEN) | Q(pk__in=access.group_ids(keys))

    def save(self, *args, **kwargs):
        self.introduction_html = render_markdown(self.introduction)
        if self.auth_group_id is None:
            self.auth_group, _created = Group.objects.get_or_create(name=f"Themagroep: {self.name}"[:150])
        super().save(*args, **kwargs)


class Membership(models.Model):
    """A full (approved) member. Requests and invitations live in their own tables."""

    themagroep = models.ForeignKey(Themagroep, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=12, choices=Role.choices, default=Role.LID)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["themagroep", "user"], name="unique_membership")]

    def __str__(self):
        return f"{self.user} in {self.themagroep} ({self.get_role_display()})"


class RequestState(models.TextChoices):
    PENDING = "pending", _("In behandeling")
    ACCEPTED = "accepted", _("Geaccepteerd")
    REJECTED = "rejected", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class JoinRequest(models.Model):
    """An official's request to join a besloten group, decided by a beheerder."""

    themagroep = models.ForeignKey(Themagroep, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests")
    motivation = models.TextField(_("motivatie"), max_length=1000)
    state = models.CharField(_("status"), max_length=10, choices=RequestState.choices, default=RequestState.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    message = models.TextField(_("bericht aan aanvrager"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("lidmaatschapsverzoek")
        verbose_name_plural = _("lidmaatschapsverzoeken")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["themagroep", "user"], condition=Q(state="pending"), name="one_pending_join_request"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.themagroep} ({self.get_state_display()})"


class InvitationState(models.TextChoices):
    PENDING = "pending", _("Openstaand")
    ACCEPTED = "accepted", _("Geaccepteerd")
    DECLINED = "declined", _("Afgeslagen")
    REVOKED = "revoked", _("Ingetrokken")


class Invitation(models.Model):
    """An invitation to an e-mail address; whoever verifies that address may accept it."""

    themagroep = models.ForeignKey(Themagroep, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    state = models.CharField(
        _("status"), max_length=10, choices=InvitationState.choices, default=InvitationState.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["themagroep", "email"], condition=Q(state="pending"), name="one_pending_invitation"
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.themagroep}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


# No 0/O, 1/I/L: codes are read aloud in meetings and typed over.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def generate_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))


class JoinCode(models.Model):
    """An inlogcode: admits whoever enters it, until it expires or is used up."""

    themagroep = models.ForeignKey(Themagroep, on_delete=models.CASCADE, related_name="join_codes")
    code = models.CharField(_("inlogcode"), max_length=20, unique=True, default=generate_code)
    expires_at = models.DateTimeField(_("geldig tot"))
    max_uses = models.PositiveIntegerField(_("maximaal aantal keer te gebruiken"))
    uses = models.PositiveIntegerField(_("aantal keer gebruikt"), default=0)
    revoked = models.BooleanField(_("ingetrokken"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inlogcode")
        verbose_name_plural = _("inlogcodes")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(uses__lte=models.F("max_uses")), name="join_code_uses_within_max")
        ]

    def __str__(self):
        return f"{self.code} ({self.themagroep})"

    @property
    def is_usable(self) -> bool:
        return not self.revoked and self.uses < self.max_uses and self.expires_at > timezone.now()
