"""The section "Besproken in de themagroep" on chapter and instrument pages (issue 17, point 10).

Rendered per request and only for signed-in members: it is never part of what an anonymous
page cache could store, and a visitor without readable topics sees no heading at all.
"""

from django import template

register = template.Library()


@register.inclusion_tag("kennisbank/includes/besproken_in_themagroep.html", takes_context=True)
def besproken_in_themagroep(context, page):
    from themagroepen.discussies.knowledge import related_topics

    request = context.get("request")
    user = getattr(request, "user", None)
    return {"topics": related_topics(page, user) if user is not None else []}
