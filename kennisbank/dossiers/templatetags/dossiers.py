from django import template

from kennisbank.dossiers import services

register = template.Library()


@register.simple_tag(takes_context=True)
def dossier_checklist(context):
    """For an official with a dossier: this checklist block with their organisation's ticks.
    None for everyone else, who keep the in-browser checklist."""
    request, page, block_id = context.get("request"), context.get("page"), context.get("block_id")
    if request is None or page is None or not block_id or not request.user.is_authenticated:
        return None
    cache = request.__dict__.setdefault("_dossier_ticks", {})
    if page.pk not in cache:
        organisation = services.dossier_organisation(request.user)
        ticks = services.ticks_by_item(request.user, [page]).get(page.pk, {}) if organisation else None
        cache[page.pk] = (organisation, ticks)
    organisation, ticks = cache[page.pk]
    if organisation is None:
        return None
    checklist = next((c for c in services.checklists_of(page, ticks) if c.block_id == block_id), None)
    return {"organisation": organisation, "checklist": checklist} if checklist else None


@register.simple_tag
def tick_author(tick):
    from accounts.services import display_name

    return display_name(tick.ticked_by)


@register.simple_tag
def person(user):
    from accounts.services import display_name

    return display_name(user)
