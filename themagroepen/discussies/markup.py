"""Turning what a member typed into stored HTML: shared Markdown plus @mentions and quotes."""

import re

from django.core.exceptions import ObjectDoesNotExist
from django.utils.html import escape

from kennisplatform.markdown import render_markdown

MENTION_RE = re.compile(r"(?<![\w@/.])@([A-Za-z0-9][\w.\-]*[A-Za-z0-9]|[A-Za-z0-9])")
_TAG_RE = re.compile(r"(<[^>]*>)")
_NO_MENTION_TAGS = {"a", "code", "pre"}


def mention_handle(user) -> str | None:
    """What members type after @: the handle they chose on their profile (never their e-mail)."""
    try:
        return user.profile.handle
    except ObjectDoesNotExist:
        return None


def display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or mention_handle(user) or "Lid"


def mentioned_handles(text: str) -> set[str]:
    return {match.lower() for match in MENTION_RE.findall(text or "")}


def render_post(text: str, handles: set[str] = frozenset()) -> str:
    """Sanitised HTML; @handle of a known member becomes <strong class="mention">.

    The mention markup is added *after* sanitising, only inside text (never inside tags, links or
    code) and only for handles of members, which match ``[\\w.-]`` — so nothing from the text
    can travel along with it.
    """
    html = render_markdown(text)
    if not handles:
        return html
    parts = _TAG_RE.split(html)
    depth = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            name = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
            if name in _NO_MENTION_TAGS:
                depth += -1 if part.startswith("</") else 1
            continue
        if depth == 0 and "@" in part:
            parts[index] = MENTION_RE.sub(lambda m: _mention(m, handles), part)
    return "".join(parts)


_RENDERED_MENTION_RE = re.compile(r'<strong class="mention">@([\w.\-]+)</strong>')


def rendered_mentions(html: str) -> set[str]:
    return {handle.lower() for handle in _RENDERED_MENTION_RE.findall(html)}


def _mention(match, handles) -> str:
    handle = match.group(1)
    if handle.lower() not in handles:
        return match.group(0)
    return f'<strong class="mention">@{escape(handle)}</strong>'


def quote(author_name: str, text: str) -> str:
    """Markdown that quotes a post: a > before every line, led by who wrote it."""
    lines = (text or "").strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"> **{author_name}** schreef:\n>\n{quoted}\n\n"
