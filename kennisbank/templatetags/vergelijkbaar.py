from django import template

from kennisbank.similar import similar_for

register = template.Library()


@register.inclusion_tag("kennisbank/includes/vergelijkbare_voorbeelden.html", takes_context=True)
def vergelijkbare_voorbeelden(context, page):
    """The section "Vergelijkbare voorbeelden" for a voorbeeld or chapter page (nothing when none)."""
    return {"similar": similar_for(page, context["request"].user)}
