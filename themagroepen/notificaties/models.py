"""In-app notifications and each member's e-mail preference."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DIRECT = "direct", _("Direct per e-mail")
    DIGEST = "digest", _("Dagelijkse samenvatting")
    NEVER = "never", _("Nooit per e-mail")


class EmailStatus(models.TextChoices):
    """Where a notification stands in the e-mail pipeline; a row is only ever mailed once."""

    NONE = "none", _("Geen e-mail")
    DIRECT = "direct", _("Wacht op directe e-mail")
    DIGEST = "digest", _("Wacht op samenvatting")
    SENT = "sent", _("Verstuurd")


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("soort"), max_length=40)
    title = models.CharField(_("titel"), max_length=300)
    url = models.CharField(_("adres"), max_length=500)
    themagroep = models.ForeignKey(
        "themagroepen.Themagroep", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What the notification is about (a topic, a reply, a meeting date). Its title repeats the
    # subject's, so the recipient sees and gets it only while access lets them read the subject.
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(max_length=8, choices=EmailStatus.choices, default=EmailStatus.NONE)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notif_recipient_read"),
            models.Index(fields=["email_status", "recipient"], name="notif_email_status"),
        ]

    def __str__(self):
        return f"{self.title} → {self.recipient}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class EmailPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    frequency = models.CharField(
        _("e-mail over meldingen"), max_length=8, choices=Frequency.choices, default=Frequency.DIRECT
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("e-mailvoorkeur")
        verbose_name_plural = _("e-mailvoorkeuren")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"


class MailedReply(models.Model):
    """A reply that came in by e-mail, by its Message-ID: a message delivered twice posts once."""

    # SHA-256 of the Message-ID header (unique per message by RFC 5322), not the header itself.
    message_key = models.CharField(max_length=64, unique=True)
    reply = models.ForeignKey("discussies.Reply", on_delete=models.CASCADE, related_name="+")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reactie per e-mail")
        verbose_name_plural = _("reacties per e-mail")
