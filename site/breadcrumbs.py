"""The Kruimelpad (breadcrumb trail) of every page, in one helper that asks access.

A step is a ``(label, url)`` pair, a Wagtail page (preceded by its ancestors below the site
root) or a readable object with ``get_absolute_url`` (a themagroep). Pages and objects the
reader may not read are left out, so a trail never names a draft parent or a closed group.
"""

from wagtail.models import Page

from kennisplatform import access


def trail(user, *steps) -> list[tuple[str, str]]:
    crumbs = []
    for step in steps:
        if isinstance(step, tuple):
            crumbs.append(step)
        elif isinstance(step, Page):
            crumbs.extend(_page_steps(step, user))
        elif access.can_read(user, step):
            crumbs.append((str(step), step.get_absolute_url()))
    return crumbs


def _page_steps(page, user) -> list[tuple[str, str]]:
    ancestors = page.get_ancestors().filter(depth__gt=2).only("title", "url_path", "depth", "path")
    readable = access.readable_pages(ancestors, user)
    return [(ancestor.title, ancestor.url) for ancestor in readable] + [(page.title, page.url)]
