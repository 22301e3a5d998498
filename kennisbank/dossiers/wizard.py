"""The steps of the verordening wizard: one form per step, and what the answers mean for the text.

Answers are stored per step exactly as entered (``VerordeningConcept.answers[step]``), valid or
not, so "Vorige" never loses anything; a step counts as done when its form validates.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from kennisbank.verordening_export import Body, Filling

RAW_MAX_CHARS = 4000  # what is stored of one field as entered, valid or not
RAW_MAX_CHOICES = 20

NUMBER_WORDS = ["één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]

CATEGORIES = [
    ("kantoren", "Kantoren"),
    ("winkels", "Winkels"),
    ("bedrijfsgebouwen", "Bedrijfsgebouwen"),
    ("maatschappelijk", "Maatschappelijk vastgoed (scholen, kerken, zorggebouwen)"),
    ("agrarisch", "Agrarische gebouwen"),
    ("monumenten", "Monumenten en karakteristieke gebouwen"),
]

BODIES = {
    "college": Body("burgemeester en wethouders", plural=True),
    "college_enkelvoud": Body("het college van burgemeester en wethouders", plural=False),
    "burgemeester": Body("de burgemeester", plural=False),
}
BODY_CHOICES = [
    ("college", "Burgemeester en wethouders (zoals in het model en de Leegstandwet)"),
    ("college_enkelvoud", "Het college van burgemeester en wethouders"),
    ("burgemeester", "De burgemeester"),
]


def _months(value):
    return f"{NUMBER_WORDS[value - 1]} {'maand' if value == 1 else 'maanden'}"


def _weeks(value):
    return f"{NUMBER_WORDS[value - 1]} {'week' if value == 1 else 'weken'}"


def _euro(value):
    return "€ " + f"{value:,}".replace(",", ".")


def _term(label, low, high, unit, help_text):
    messages = {
        "required": f"Vul de {label.lower()} in.",
        "invalid": f"Vul de {label.lower()} in als een heel getal, bijvoorbeeld {high}.",
        "min_value": f"De {label.lower()} is ten minste {low} {unit}.",
        "max_value": f"De {label.lower()} is ten hoogste {high} {unit}.",
    }
    return forms.IntegerField(
        label=f"{label} (in {unit})",
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages=messages,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--short"}),
    )


class StepForm(forms.Form):
    """``submitted``: checked as the officials send it now, not as stored earlier (a date that was
    in the future when entered stays valid after it has passed)."""

    def __init__(self, *args, submitted=False, **kwargs):
        self.submitted = submitted
        super().__init__(*args, **kwargs)


class GebiedForm(StepForm):
    gebieden = forms.CharField(
        label="Aangewezen gebieden",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Eén gebied per regel, bijvoorbeeld “Binnenstad” of “Bedrijventerrein De Brand”.",
        error_messages={
            "required": "Vul ten minste één gebied in.",
            "max_length": "Beschrijf de gebieden in ten hoogste 2000 tekens.",
        },
    )
    categorieen = forms.MultipleChoiceField(
        label="Categorieën gebouwen",
        choices=CATEGORIES,
        widget=forms.CheckboxSelectMultiple,
        help_text="De meldplicht geldt voor deze soorten gebouwen in de aangewezen gebieden.",
        error_messages={
            "required": "Kies ten minste één categorie gebouwen.",
            "invalid_choice": "Kies een categorie uit de lijst.",
        },
    )

    def clean_gebieden(self):
        lines = [line.strip() for line in self.cleaned_data["gebieden"].splitlines() if line.strip()]
        if not lines:
            raise forms.ValidationError("Vul ten minste één gebied in.")
        return "\n".join(lines)


class MeldplichtForm(StepForm):
    meldtermijn = _term(
        "Termijn voor de melding",
        3,
        6,
        "maanden",
        "Hoe lang na het begin van de leegstand de eigenaar die meldt: drie tot zes maanden. Het model noemt zes.",
    )
    wijzigingstermijn = _term(
        "Termijn voor een wijziging",
        1,
        8,
        "weken",
        "Binnen hoeveel weken de eigenaar meldt dat de leegstand voorbij is of dat gegevens zijn gewijzigd.",
    )


class OverlegForm(StepForm):
    overlegtermijn = _term(
        "Termijn voor het leegstandsoverleg",
        1,
        3,
        "maanden",
        "Binnen hoeveel maanden na de melding de eigenaar wordt uitgenodigd voor overleg: één tot drie.",
    )
    beschikbaarheidstermijn = _term(
        "Termijn na een voordracht",
        1,
        6,
        "maanden",
        "Binnen hoeveel maanden na de voordracht van een gebruiker de eigenaar het gebouw ter beschikking stelt.",
    )


class OrgaanForm(StepForm):
    orgaan = forms.ChoiceField(
        label="Bevoegd orgaan",
        choices=BODY_CHOICES,
        widget=forms.RadioSelect,
        help_text="Wie de meldingen ontvangt, het register bijhoudt, het overleg voert en boetes oplegt.",
        error_messages={"required": "Kies het bevoegde orgaan.", "invalid_choice": "Kies een orgaan uit de lijst."},
    )


class SanctieForm(StepForm):
    boete = forms.IntegerField(
        label="Maximale bestuurlijke boete (in euro)",
        min_value=1,
        max_value=100_000,
        help_text="Het hoogste bedrag dat een eigenaar betaalt die de meldplicht of het overleg negeert. "
        "Stem het af op de wettelijke kaders en op uw handhavingsbeleid.",
        error_messages={
            "required": "Vul het maximale bedrag van de boete in.",
            "invalid": "Vul het bedrag in als een heel getal in euro, zonder punt of komma, bijvoorbeeld 5000.",
            "min_value": "Het bedrag is ten minste 1 euro.",
            "max_value": "Het bedrag is ten hoogste 100000 euro.",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class InwerkingtredingForm(StepForm):
    datum = forms.DateField(
        label="Datum van inwerkingtreding",
        input_formats=["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"],
        help_text="Als dag-maand-jaar, bijvoorbeeld 1-7-2027.",
        error_messages={
            "required": "Vul de datum van inwerkingtreding in.",
            "invalid": "Vul de datum in als dag-maand-jaar, bijvoorbeeld 1-7-2027.",
        },
    )

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if self.submitted and datum < timezone.localdate():
            raise forms.ValidationError(
                "Kies een datum vanaf vandaag: een verordening treedt niet in het verleden in werking."
            )
        return datum


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    initial: dict


STEPS = [
    Step("gebied", "Gebieden en gebouwen", GebiedForm, {}),
    Step("meldplicht", "Meldplicht", MeldplichtForm, {"meldtermijn": 6, "wijzigingstermijn": 4}),
    Step("overleg", "Overleg en voordracht", OverlegForm, {"overlegtermijn": 3, "beschikbaarheidstermijn": 3}),
    Step("orgaan", "Bevoegd orgaan", OrgaanForm, {"orgaan": "college"}),
    Step("sancties", "Sancties", SanctieForm, {}),
    Step("inwerkingtreding", "Inwerkingtreding", InwerkingtredingForm, {}),
]
OVERVIEW = "overzicht"
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def raw_values(step: Step, data) -> dict:
    """The step's fields as entered (a QueryDict from a post), for storing."""
    form = step.form_class()
    return {
        name: [value[:RAW_MAX_CHARS] for value in data.getlist(name)[:RAW_MAX_CHOICES]]
        if isinstance(field, forms.MultipleChoiceField)
        else data.get(name, "")[:RAW_MAX_CHARS]
        for name, field in form.fields.items()
    }


def form_for(step: Step, answers: dict, data=None):
    """Bound to the post, else to what was stored (showing its errors), else empty with defaults."""
    if data is not None:
        return step.form_class(data=data, submitted=True)
    if step.slug in answers:
        return step.form_class(data=answers[step.slug])
    return step.form_class(initial=step.initial)


def cleaned(answers: dict) -> dict | None:
    """All answers, cleaned, when every step validates; else None."""
    values = {}
    for step in STEPS:
        form = step.form_class(data=answers.get(step.slug, {}))
        if not form.is_valid():
            return None
        values.update(form.cleaned_data)
    return values


def done_steps(answers: dict) -> set[str]:
    return {step.slug for step in STEPS if step.slug in answers and step.form_class(data=answers[step.slug]).is_valid()}


def gemeente_name(organisation) -> str:
    return organisation.gemeente.name if organisation.gemeente_id else organisation.name


def title_for(organisation, datum: datetime.date | None) -> str:
    return f"Leegstandverordening {gemeente_name(organisation)}" + (f" {datum.year}" if datum else "")


def filling(organisation, values: dict) -> Filling:
    """What the answers become in the text: which placeholder of which article, the body, the annex."""
    name = gemeente_name(organisation)
    title = title_for(organisation, values["datum"])
    categories = dict(CATEGORIES)
    annex = ["Deze verordening is van toepassing op de volgende categorieën gebouwen:"]
    annex += [f"{chr(97 + i)}. {categories[c].split(' (')[0].lower()};" for i, c in enumerate(values["categorieen"])]
    annex.append("gelegen in de volgende gebieden:")
    annex += [f"{chr(97 + i)}. {area};" for i, area in enumerate(values["gebieden"].splitlines())]
    return Filling(
        title=title,
        preamble=[
            f"De raad van de gemeente {name};",
            "gelet op de Leegstandwet;",
            f"besluit vast te stellen de volgende verordening: {title}.",
        ],
        in_article={
            "meldplicht": _months(values["meldtermijn"]),
            "wijziging": _weeks(values["wijzigingstermijn"]),
            "overleg": _months(values["overlegtermijn"]),
            "voordracht": _months(values["beschikbaarheidstermijn"]),
            "sanctie": _euro(values["boete"]),
        },
        everywhere={
            "[datum]": date_format(values["datum"], "j F Y"),
            "[naam gemeente]": name,
            "[jaar]": str(values["datum"].year),
        },
        body=BODIES[values["orgaan"]],
        annex_title="Bijlage: aangewezen gebieden en categorieën gebouwen (artikel 2)",
        annex=annex,
    )


def summary(step: Step, answers: dict) -> list[tuple[str, str]]:
    """(label, value as entered) for the overview, in the field order of the step."""
    form = step.form_class()
    stored = answers.get(step.slug, {})
    rows = []
    for name, field in form.fields.items():
        value = stored.get(name, "")
        if isinstance(field, forms.ChoiceField):
            choices = dict(field.choices)
            values = value if isinstance(value, list) else [value]
            value = ", ".join(str(choices.get(v, v)) for v in values if v)
        rows.append((field.label, str(value).strip() or "Nog niet ingevuld"))
    return rows
