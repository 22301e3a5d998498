"""Markdown for everything members write: markdown-it-py with raw HTML off, then nh3.

The HTML is rendered once when saving and stored; templates mark the stored value safe.
Sanitising after rendering means a bug in the Markdown parser cannot smuggle markup through.
"""

import nh3
from markdown_it import MarkdownIt

_ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}, "code": {"class"}}
_URL_SCHEMES = {"http", "https", "mailto"}

# "js-default" keeps raw HTML off; linkify turns bare web addresses into links.
_parser = MarkdownIt("js-default", {"linkify": True, "typographer": False, "html": False}).enable(
    ["table", "strikethrough", "linkify"]
)


def _demote_headings(html: str) -> str:
    """Member posts sit under the page's own h1 and h2: # and ## become h3."""
    for level in (2, 1):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return html


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


def render_markdown(text: str) -> str:
    return sanitise_html(_demote_headings(_parser.render(text or "")))


class MarkdownFields:
    """Model mixin: ``markdown_fields = {"description": "description_html"}`` stores the
    rendered HTML of each Markdown field on every save, so no model renders by hand."""

    markdown_fields: dict[str, str] = {}

    def save(self, *args, **kwargs):
        for source, target in self.markdown_fields.items():
            setattr(self, target, render_markdown(getattr(self, source)))
        super().save(*args, **kwargs)
