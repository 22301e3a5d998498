from django import template

register = template.Library()


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
