from django import template

register = template.Library()


@register.filter
def is_section(current_path: str, section_path: str) -> bool:
    """True when the current page lies in the navigation section (for aria-current)."""
    return current_path == section_path or current_path.startswith(section_path)
