from django import template

from accounts import services

register = template.Library()


@register.filter
def member_name(user) -> str:
    """``{{ post.author|member_name }}``: the name to show, "Verwijderd lid" for deleted accounts."""
    return services.display_name(user)


@register.filter
def email_matches_organisation(user) -> bool:
    """For moderators' member lists: does the address belong to the stated organisation?"""
    return services.email_matches_organisation(user)
