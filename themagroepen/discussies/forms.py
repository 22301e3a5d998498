from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from themagroepen.discussies.models import OUTCOME_REASON_MAX_LENGTH, Outcome, ProposalKind
from themagroepen.uploads import ACCEPT, MAX_FILES, sniff


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked by content (not by name) and size."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(f"Voeg maximaal {MAX_FILES} bestanden toe.")
        errors = []
        for upload in files:
            super().clean(upload, initial)
            try:
                sniff(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


BODY_HELP = "U kunt Markdown gebruiken: **vet**, *cursief*, lijsten, > citaat en @naam om een lid te noemen."
FILES_HELP = (
    "PDF, Word/Excel/PowerPoint, OpenDocument of afbeeldingen (PNG, JPG, GIF, WebP); maximaal 10 MB per bestand."
)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Uw reactie", widget=forms.Textarea(attrs={"rows": 6}), max_length=20000, help_text=BODY_HELP
    )
    files = AttachmentsField(label="Bijlagen", help_text=FILES_HELP)
    in_reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)


class TopicForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=200)
    body = forms.CharField(
        label="Bericht", widget=forms.Textarea(attrs={"rows": 10}), max_length=20000, help_text=BODY_HELP
    )
    files = AttachmentsField(label="Bijlagen", help_text=FILES_HELP)


class EditReplyForm(forms.Form):
    body = forms.CharField(
        label="Bericht", widget=forms.Textarea(attrs={"rows": 8}), max_length=20000, help_text=BODY_HELP
    )
    files = AttachmentsField(label="Bijlagen toevoegen", help_text=FILES_HELP)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="Waarom meldt u dit bericht?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Alleen de beheerders van de groep lezen uw melding.",
    )


class ReportDecisionForm(forms.Form):
    """A beheerder's decision on one report; several on one page, so each has its own prefix."""

    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wat er met de melding gebeurt."),
            "invalid_choice": _("Kies een van de genoemde uitkomsten."),
        },
    )
    reason = forms.CharField(
        label=_("Reden"),
        max_length=OUTCOME_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=format_lazy(
            _("De melder krijgt deze reden te zien. Maximaal {max} tekens."), max=OUTCOME_REASON_MAX_LENGTH
        ),
        error_messages={
            "required": _("Geef een reden op; de melder krijgt die te zien."),
            "max_length": _("Houd de reden kort: maximaal %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, prefix=f"melding-{report.pk}", **kwargs)
        self.report = report
        hide = _("Reactie verbergen") if report.reply_id else _("Onderwerp verbergen")
        self.fields["outcome"].choices = [
            (Outcome.HIDE, hide),
            (Outcome.LOCK, _("Onderwerp sluiten voor nieuwe reacties")),
            (Outcome.DISMISS, _("Afwijzen: geen maatregel")),
        ]


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(label="Verplaatsen naar", queryset=None, empty_label=None)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = groups


class ProposalForm(forms.Form):
    """A beheerder proposes a solved topic for the kennisbank."""

    kind = forms.ChoiceField(
        label="Soort pagina",
        widget=forms.RadioSelect,
        choices=ProposalKind.choices,
        error_messages={"required": "Kies of het een voorbeeld of een veelgestelde vraag wordt."},
    )
    gemeente = forms.ModelChoiceField(
        label="Gemeente van het voorbeeld",
        queryset=None,
        required=False,
        empty_label="Kies een gemeente",
        help_text="Nodig voor een voorbeeld.",
    )
    summary = forms.CharField(
        label="Samenvatting van de oplossing",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        required=False,
        help_text=(
            "De oplossing is geschreven door een ander lid dan de vraagsteller en wordt daarom niet overgenomen. "
            "Vat haar in uw eigen woorden samen; de vraagsteller ziet deze tekst voordat hij of zij toestemming geeft."
        ),
    )

    def __init__(self, *args, needs_summary, **kwargs):
        from kennisbank.geo import Gemeente

        super().__init__(*args, **kwargs)
        self.needs_summary = needs_summary
        self.fields["gemeente"].queryset = Gemeente.objects.order_by("name")
        if not needs_summary:
            del self.fields["summary"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == ProposalKind.VOORBEELD and not data.get("gemeente"):
            self.add_error("gemeente", "Kies de gemeente van het voorbeeld.")
        if self.needs_summary and not data.get("summary", "").strip():
            self.add_error("summary", "Schrijf een korte samenvatting van de oplossing.")
        return data


class PageLinkForm(forms.Form):
    page = forms.TypedChoiceField(label="Kennisbankpagina", coerce=int, choices=())

    def __init__(self, *args, pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].choices = [("", "Kies een hoofdstuk of instrument")] + [
            (p.pk, f"{p._meta.verbose_name.capitalize()}: {p.title}") for p in pages
        ]
