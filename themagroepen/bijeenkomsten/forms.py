from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError

from kennisplatform.tz import AMSTERDAM
from themagroepen.bijeenkomsten.models import Attachment, Bijeenkomst, Occurrence
from themagroepen.bijeenkomsten.occurrences import InvalidRule, parse_rule
from themagroepen.uploads import sniff

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


class RegistrationForm(forms.Form):
    remark = forms.CharField(
        label="Opmerking",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld een dieetwens of een vraag voor de organisator.",
    )


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)

    def format_value(self, value):
        if hasattr(value, "astimezone") and getattr(value, "tzinfo", None):
            value = value.astimezone(AMSTERDAM)
        return super().format_value(value)


class BijeenkomstForm(forms.ModelForm):
    online_url = forms.URLField(
        label="Link voor online deelname",
        required=False,
        assume_scheme="https",
        help_text="Alleen zichtbaar voor ingeschreven deelnemers.",
    )

    class Meta:
        model = Bijeenkomst
        fields = [
            "kind",
            "title",
            "description",
            "start",
            "end",
            "place",
            "address",
            "online_url",
            "capacity",
            "registration_deadline",
            "visibility",
            "allow_non_members",
            "recurrence_rule",
        ]
        widgets = {
            "start": LocalDateTimeInput(),
            "end": LocalDateTimeInput(),
            "registration_deadline": LocalDateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
            "address": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_recurrence_rule(self):
        rule = self.cleaned_data["recurrence_rule"].strip()
        if rule:
            try:
                parse_rule(rule, (self.cleaned_data.get("start") or datetime(2026, 1, 1)).replace(tzinfo=None))
            except InvalidRule as error:
                raise ValidationError(f"Deze herhaling wordt niet begrepen: {error}") from error
        return rule

    def clean(self):
        cleaned = super().clean()
        start, end, deadline = cleaned.get("start"), cleaned.get("end"), cleaned.get("registration_deadline")
        if start and end and end <= start:
            self.add_error("end", "Het einde moet na het begin liggen.")
        if start and deadline and deadline > start:
            self.add_error("registration_deadline", "De inschrijftermijn moet uiterlijk bij het begin sluiten.")
        if cleaned.get("allow_non_members") and cleaned.get("visibility") != "openbaar":
            self.add_error(
                "allow_non_members", "Niet-leden kunnen zich alleen inschrijven bij een openbare aankondiging."
            )
        return cleaned


class VerslagForm(forms.ModelForm):
    class Meta:
        model = Occurrence
        fields = ["verslag", "discussion_url"]
        widgets = {"verslag": forms.Textarea(attrs={"rows": 10})}

    def clean_discussion_url(self):
        url = self.cleaned_data["discussion_url"].strip()
        # Only links inside the platform (or https): no javascript: or other schemes.
        if url and not (url.startswith("/") and not url.startswith("//")) and not url.startswith("https://"):
            raise ValidationError("Geef een link binnen het platform (beginnend met /) of een https-adres.")
        return url


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file"]

    def clean_file(self):
        """Same content check as discussion attachments; the name must match the content,
        because the download's content type follows the name."""
        upload = self.cleaned_data["file"]
        if upload:
            extension, _content_type = sniff(upload, max_size=MAX_ATTACHMENT_BYTES)
            given = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
            if given != extension and {given, extension} != {"jpg", "jpeg"}:
                raise ValidationError(f"De bestandsnaam past niet bij de inhoud: dit is een .{extension}-bestand.")
        return upload
