"""Themagroepen and their members."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisplatform import access


class Visibility(models.TextChoices):
    OPEN = "open", _("Open: iedere ingelogde ambtenaar kan lid worden")
    BESLOTEN = "besloten", _("Besloten: lid worden op verzoek of uitnodiging")
    VERBORGEN = "verborgen", _("Verborgen: alleen zichtbaar voor leden")


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    LID = "lid", _("Lid")


class Themagroep(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.CharField(_("korte omschrijving"), max_length=300)
    introduction = models.TextField(
        _("introductie"), blank=True, help_text=_("Markdown. Openbaar bij open en besloten groepen.")
    )
    introduction_html = models.TextField(editable=False, blank=True)
    visibility = models.CharField(_("zichtbaarheid"), max_length=12, choices=Visibility.choices, default=Visibility.BESLOTEN)
    # Mirrors the membership so Wagtail page privacy ("alleen voor groep ...") can use it.
    auth_group = models.OneToOneField(Group, on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="themagroep")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("themagroep")
        verbose_name_plural = _("themagroepen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("themagroepen:detail", kwargs={"slug": self.slug})

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
        member_ids = [gid for key in keys if (gid := access.group_id_from_key(key)) is not None]
        return ~Q(visibility=Visibility.VERBORGEN) | Q(pk__in=member_ids)

    def save(self, *args, **kwargs):
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
