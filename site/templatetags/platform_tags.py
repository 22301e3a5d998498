import datetime

from django import template

from kennisplatform.tz import AMSTERDAM

register = template.Library()


@register.filter
def html_datetime(moment) -> str:
    """A ``<time datetime>`` value the HTML spec accepts: whole seconds, Dutch time with its
    offset (``2026-03-02T08:00:00+01:00``); a plain date stays a date string. Django's
    ``date:'c'`` and ``isoformat()`` add microseconds, which validators reject."""
    if not moment:
        return ""
    if not isinstance(moment, datetime.datetime):
        return moment.isoformat()
    return moment.astimezone(AMSTERDAM).replace(microsecond=0).isoformat()


@register.filter
def is_section(current_path: str, section_path: str) -> bool:
    """True when the current page lies in the navigation section (for aria-current)."""
    return current_path == section_path or current_path.startswith(section_path)


@register.inclusion_tag("includes/pagination.html")
def pagination(page_obj, label="Paginering", querystring=""):
    """Page links for any paginated list: numbered, elided around the current page, keeping the
    list's other query parameters (filters) in every link."""
    paginator = page_obj.paginator
    prefix = f"?{querystring}&pagina=" if querystring else "?pagina="
    return {
        "page_obj": page_obj,
        "label": label,
        "prefix": prefix,
        "numbers": list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))
        if paginator.num_pages > 1
        else [],
        "ellipsis": paginator.ELLIPSIS,
    }
