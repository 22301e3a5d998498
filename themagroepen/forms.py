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
    email = forms.EmailField(label="E-mailadres", help_text="Werkt ook als deze persoon nog geen account heeft.")


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
