from django import template
from django.forms import CheckboxInput, RadioSelect

from accounts import services

register = template.Library()


@register.simple_tag
def accessible_widget(field):
    """Render a form field's widget with its help text and errors tied to it for screen readers."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_errors")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, CheckboxInput)


@register.filter
def is_radio(field) -> bool:
    return isinstance(field.field.widget, RadioSelect)


@register.filter
def member_name(user) -> str:
    """``{{ post.author|member_name }}``: the name to show, "Verwijderd lid" for deleted accounts."""
    return services.display_name(user)


@register.filter
def email_matches_organisation(user) -> bool:
    """For moderators' member lists: does the address belong to the stated organisation?"""
    return services.email_matches_organisation(user)
