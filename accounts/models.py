"""Profiles and the organisations officials work for."""

from django.conf import settings
from django.db import models
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
    # Set when the member deleted their account: the user row stays (so posts keep their
    # author) but holds no personal data any more.
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return self.name or str(self.user)

    def save(self, *args, **kwargs):
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
