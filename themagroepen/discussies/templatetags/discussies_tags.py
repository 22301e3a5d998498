from django import template

from themagroepen.discussies.markup import display_name
from themagroepen.discussies.services import topics_for_group

register = template.Library()


@register.simple_tag
def group_topics(themagroep, user, limit=None):
    """The group page's discussion overview (topics with unread counts) for this person."""
    return topics_for_group(themagroep, user, limit=limit)


@register.filter
def member_name(user):
    """How members see each other: full name or @-handle, never the e-mail address."""
    return display_name(user) if user is not None else "Verwijderd lid"
