"""Profiles and the organisations officials work for."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    PROVINCIE = "provincie", _("Provincie")
    MINISTERIE = "ministerie", _("Ministerie")
    VNG = "vng", _("VNG")
    ANDERS = "anders", _("Andere organisatie")


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=150, unique=True)
    kind = models.CharField(_("soort"), max_length=12, choices=OrganisationKind.choices)
    # A gemeente or provincie organisation points at the reference list (CBS), so cases and
    # profiles speak about the same municipality.
    gemeente = models.OneToOneField(
        "kennisbank.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name=_("gemeente"),
    )
    provincie = models.OneToOneField(
        "kennisbank.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name=_("provincie"),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class OrganisationDomain(models.Model):
    """An e-mail domain known to belong to an organisation (``utrecht.nl`` → Gemeente Utrecht)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="domains", verbose_name=_("organisatie")
    )
    domain = models.CharField(
        _("e-maildomein"), max_length=120, unique=True, help_text=_("Bijvoorbeeld utrecht.nl, zonder @.")
    )

    class Meta:
        verbose_name = _("e-maildomein")
        verbose_name_plural = _("e-maildomeinen")
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def clean(self):
        # Normalise before the uniqueness check, so "@Utrecht.nl" clashes with "utrecht.nl".
        self.domain = self.domain.strip().lower().lstrip("@")

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    name = models.CharField(_("naam"), max_length=150, blank=True)
    functie = models.CharField(_("functie"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organisatie"),
    )
    # What members type after @ to mention this person; chosen by them (never their e-mail).
    handle = models.CharField(
        _("gebruikersnaam"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$",
                _(
                    "Gebruik kleine letters, cijfers, punt, streepje of liggend streepje; begin en eindig met een letter of cijfer."
                ),
            )
        ],
    )
    # Set when the member deleted their account: the user row stays (so posts keep their
    # author) but holds no personal data any more.
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return self.name or str(self.user)

    def save(self, *args, **kwargs):
        if not self.handle and self.name and self.deleted_at is None:
            self.handle = unique_handle(self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)
        if self.deleted_at is None:
            # Mirror the name on the user, so get_full_name() (Wagtail, discussions, exports)
            # shows the same name the member chose here.
            name = self.name[:150]
            user_model = type(self.user)
            user_model.objects.filter(pk=self.user_id).exclude(first_name=name, last_name="").update(
                first_name=name, last_name=""
            )
            self.user.first_name, self.user.last_name = name, ""


def unique_handle(name: str, exclude_pk=None) -> str:
    """A first handle from the person's name ("Anne de Vries" → "anne-de-vries", then "-2", …)."""
    base = (slugify(name)[:26].strip("-_.") or "lid").lower()
    taken = set(Profile.objects.filter(handle__startswith=base).exclude(pk=exclude_pk).values_list("handle", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
