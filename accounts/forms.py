"""Profile fields on the sign-up form and the profile page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import Organisation, OrganisationKind, Profile

GROUP_LABELS = {
    OrganisationKind.GEMEENTE: _("Gemeenten"),
    OrganisationKind.PROVINCIE: _("Provincies"),
    OrganisationKind.MINISTERIE: _("Ministeries"),
    OrganisationKind.VNG: _("VNG"),
    OrganisationKind.ANDERS: _("Andere organisaties"),
}


def organisation_choices():
    """Organisations grouped by kind (optgroups), so a long list stays navigable by keyboard."""
    grouped = {kind: [] for kind in GROUP_LABELS}
    for pk, name, kind in Organisation.objects.order_by("name").values_list("pk", "name", "kind"):
        grouped[kind].append((str(pk), name))
    choices = [("", _("— Kies uw organisatie —"))]
    choices += [(GROUP_LABELS[kind], options) for kind, options in grouped.items() if options]
    return choices


class OrganisationField(forms.ChoiceField):
    def __init__(self, **kwargs):
        # Django's own message repeats the submitted value, whatever its length.
        kwargs.setdefault("error_messages", {"invalid_choice": _("Kies een organisatie uit de lijst.")})
        super().__init__(choices=organisation_choices, required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        return Organisation.objects.get(pk=value)


class ProfileFieldsMixin(forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=150, required=True, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    functie = forms.CharField(
        label=_("Functie"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    organisation = OrganisationField(
        label=_("Organisatie"),
        help_text=_(
            "Laat leeg om uw organisatie te laten afleiden uit uw e-mailadres "
            "(bijvoorbeeld utrecht.nl wordt Gemeente Utrecht)."
        ),
    )


class ProfileSignupForm(ProfileFieldsMixin):
    """Extra fields allauth adds to its own sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].widget.attrs["data-organisation-suggest"] = "/account/organisatie-suggestie/"

    def signup(self, request, user):
        profile = services.get_profile(user)
        profile.name = self.cleaned_data["name"]
        profile.functie = self.cleaned_data.get("functie", "")
        profile.organisation = self.cleaned_data.get("organisation") or services.suggest_organisation(user.email)
        profile.save()


class ProfileForm(ProfileFieldsMixin):
    handle = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=30,
        validators=Profile._meta.get_field("handle").validators,
        help_text=_("Andere leden noemen u met @ en deze naam, bijvoorbeeld @anne-jansen. Zichtbaar voor leden."),
    )

    def __init__(self, *args, profile: Profile, **kwargs):
        self.profile = profile
        initial = {
            "name": profile.name,
            "handle": profile.handle or "",
            "functie": profile.functie,
            "organisation": profile.organisation_id or "",
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["organisation"].help_text = _("De organisatie waarvoor u werkt.")
        self.order_fields(["name", "handle"])

    def clean_handle(self):
        handle = self.cleaned_data["handle"].strip().lower()
        if Profile.objects.filter(handle=handle).exclude(pk=self.profile.pk).exists():
            raise forms.ValidationError(_("Deze gebruikersnaam is al in gebruik. Kies een andere."))
        return handle

    def save(self):
        self.profile.name = self.cleaned_data["name"]
        self.profile.handle = self.cleaned_data["handle"]
        self.profile.functie = self.cleaned_data["functie"]
        self.profile.organisation = self.cleaned_data["organisation"]
        self.profile.save()
        return self.profile


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Uw wachtwoord"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat mijn account en persoonsgegevens definitief worden verwijderd."), required=True
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            # Accounts from single sign-on have no password here: confirm by typing the address.
            self.fields["password"] = forms.CharField(label=_("Typ uw e-mailadres ter bevestiging"))

    def clean_password(self):
        value = self.cleaned_data["password"]
        if self.user.has_usable_password():
            ok = self.user.check_password(value)
        else:
            ok = value.strip().lower() == (self.user.email or "").lower()
        if not ok:
            raise forms.ValidationError(_("Dit klopt niet. Probeer het opnieuw."))
        return value
