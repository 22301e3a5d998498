from django import forms
from django.core.exceptions import ValidationError

from themagroepen.bestanden.models import NAME_MAX_LENGTH, Folder
from themagroepen.uploads import ACCEPT, MAX_SIZE, sniff

FILE_HELP = (
    "PDF, Word/Excel/PowerPoint, OpenDocument of afbeeldingen (PNG, JPG, GIF, WebP); "
    f"maximaal {MAX_SIZE // (1024 * 1024)} MB. Het bestandstype wordt aan de inhoud herkend, niet aan de naam."
)
ROOT = "Hoofdmap"


class UploadField(forms.FileField):
    """One file, checked by size before it is read and then by content (themagroepen.uploads)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("help_text", FILE_HELP)
        kwargs.setdefault("error_messages", {"required": "Kies een bestand om te uploaden."})
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        sniff(upload)
        return upload


class FolderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, folder):
        return " / ".join(f.name for f in folder.ancestors())


def _folder_field(themagroep, label):
    return FolderChoiceField(
        label=label,
        queryset=Folder.objects.filter(themagroep=themagroep).select_related("parent__parent"),
        required=False,
        empty_label=ROOT,
        error_messages={"invalid_choice": "Kies een van de mappen van deze groep."},
    )


class _GroupForm(forms.Form):
    def __init__(self, *args, themagroep, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"] = _folder_field(themagroep, "Map")
        self.order_fields(self.field_order)


class UploadForm(_GroupForm):
    field_order = ["file", "name", "folder", "description"]
    file = UploadField(label="Bestand")
    name = forms.CharField(
        label="Naam (optioneel)",
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text="Zonder naam gebruiken we de bestandsnaam.",
    )
    description = forms.CharField(
        label="Omschrijving (optioneel)", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class VersionForm(forms.Form):
    file = UploadField(label="Nieuwe versie")


class FileEditForm(_GroupForm):
    field_order = ["name", "folder", "description"]
    name = forms.CharField(label="Naam", max_length=NAME_MAX_LENGTH)
    description = forms.CharField(
        label="Omschrijving (optioneel)", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Geef het bestand een naam.")
        return name


class FolderForm(forms.Form):
    name = forms.CharField(
        label="Naam van de map", max_length=NAME_MAX_LENGTH, error_messages={"required": "Geef de map een naam."}
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Geef de map een naam.")
        return name
