import csv
import io
import re
from datetime import timedelta

from django import forms
from django.utils import timezone

from themagroepen.models import Role


class JoinRequestForm(forms.Form):
    motivation = forms.CharField(
        label="Waarom wilt u lid worden?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld uw gemeente, uw rol en waar u aan werkt. Alleen de beheerders lezen dit.",
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Toelaten"), ("reject", "Afwijzen")], widget=forms.HiddenInput)
    message = forms.CharField(
        label="Bericht aan de aanvrager (optioneel)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InviteForm(forms.Form):
    """One or many addresses: typed or pasted (one per line, or separated by commas), or a CSV file."""

    addresses = forms.CharField(
        label="E-mailadressen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Eén adres per regel, of gescheiden door komma's. Werkt ook als iemand nog geen account heeft.",
    )
    csv_file = forms.FileField(
        label="Of een CSV-bestand", required=False, help_text="Elk e-mailadres in het bestand wordt uitgenodigd."
    )

    def clean_csv_file(self):
        upload = self.cleaned_data.get("csv_file")
        if not upload:
            return []
        if upload.size > 1_000_000:
            raise forms.ValidationError("Het bestand is groter dan 1 MB.")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("Dit bestand is geen CSV-bestand in UTF-8.") from None
        return [
            cell for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text)) for cell in row if "@" in cell
        ]

    def clean(self):
        cleaned = super().clean()
        typed = re.split(r"[\s,;]+", cleaned.get("addresses") or "")
        cleaned["emails"] = [a for a in typed if a] + (cleaned.get("csv_file") or [])
        if not cleaned["emails"] and not self.errors:
            self.add_error("addresses", "Vul minstens één e-mailadres in of kies een CSV-bestand.")
        return cleaned


def _delimiter(text: str) -> str:
    # Dutch spreadsheet programs write semicolons.
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _default_expiry():
    return (timezone.localdate() + timedelta(days=30)).isoformat()


class JoinCodeForm(forms.Form):
    expires_on = forms.DateField(
        label="Geldig tot en met", widget=forms.DateInput(attrs={"type": "date"}), initial=_default_expiry
    )
    max_uses = forms.IntegerField(label="Maximaal aantal keer te gebruiken", min_value=1, max_value=1000, initial=25)

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        if value < timezone.localdate():
            raise forms.ValidationError("Kies een datum vanaf vandaag.")
        return value


class RedeemCodeForm(forms.Form):
    code = forms.CharField(
        label="Inlogcode", max_length=20, help_text="De code die u van een beheerder van de themagroep hebt gekregen."
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
