from django import template
from django.utils.html import format_html

from kennisbank.page_creation import TOKEN_FIELD, new_token

register = template.Library()


@register.simple_tag
def page_creation_token_field():
    """A fresh token per rendered add form, so its autosave and its submit name the same page."""
    return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, new_token())
