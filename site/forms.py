"""One form renderer for every form on the site (settings.FORM_RENDERER).

Each form rendered as ``{{ form }}`` gets an error summary at the top, with a link to every field
in error, and each field its label, help text and error list under the ids Django's widgets point
at with ``aria-describedby`` (``<id>_helptext``, ``<id>_error``).
"""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
