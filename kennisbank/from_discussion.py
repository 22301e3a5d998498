"""Drafts from a themagroep discussion (issue 17, point 10: the knowledge loop).

A solved topic whose author consented becomes a Wagtail *draft* that enters the site's review
workflow; nothing here publishes. Two kinds:

- ``voorbeeld``: a ``VoorbeeldPage`` under the voorbeelden index (question → situatie,
  answer → aanpak, the question as plain text → samenvatting);
- ``veelgestelde vraag``: the kennisbank has no FAQ page type. The smallest clean fit is an
  ``InformatiePage`` (plain rich text below the home page): the question as introduction and
  body, the answer under the heading "Antwoord". A new page type with its own index, templates
  and search fields for one source of content would be more than the loop needs; an editor can
  move the text into an existing page before publishing.

The topic is members-only, so its address never goes into a public field: it is written to the
page's history (a log entry only editors see in the CMS) and kept by the caller.

Text from the discussion is sanitised by Wagtail's own rich text converter with a small feature
set (bold, italic, lists): whatever the editor could not type in Draftail is dropped, scripts and
attributes included. Links are dropped too (to text): they point at members-only pages and at
member profiles.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail import log_actions
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.log_actions import LogFormatter

VOORBEELD = "voorbeeld"
VEELGESTELDE_VRAAG = "veelgestelde-vraag"
KINDS = {VOORBEELD: "Voorbeeld", VEELGESTELDE_VRAAG: "Veelgestelde vraag"}
FROM_DISCUSSION = "kennisbank.uit_themagroep"
_FEATURES = ["bold", "italic", "ol", "ul"]


class DraftImpossible(Exception):
    """The page tree has no place for this kind of draft (no voorbeelden index or home page)."""


def sanitised(html: str) -> str:
    """``html`` as Wagtail rich text with only the features above (round trip through Draftail's
    content state: what the editor's toolbar cannot express does not survive)."""
    converter = ContentstateConverter(_FEATURES)
    return converter.to_database_format(converter.from_database_format(html or ""))


def plain(html: str, length: int) -> str:
    return Truncator(" ".join(strip_tags(sanitised(html)).split())).chars(length)


def _parent(kind):
    from kennisbank.models import VoorbeeldIndexPage
    from kennisplatform.models import HomePage

    model = VoorbeeldIndexPage if kind == VOORBEELD else HomePage
    parent = model.objects.first()
    if parent is None:
        raise DraftImpossible(kind)
    return parent


def can_create(kind) -> bool:
    try:
        _parent(kind)
    except DraftImpossible:
        return False
    return True


def _unique_slug(parent, title):
    from django.utils.text import slugify

    base = (slugify(title) or "concept")[:200]
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base[:195]}-{n}"
    return slug


@transaction.atomic
def create_draft(*, kind, title, question_html, answer_html, requested_by, source_url, gemeente=None):
    """A new draft page of ``kind`` with its first revision, in the review workflow; returns it.

    ``answer_html`` is what may be copied (the author's own solution or the beheerder's summary).
    ``source_url``: the topic, written only to the page history.
    """
    from kennisbank.models import VoorbeeldPage
    from kennisplatform.models import InformatiePage

    parent = _parent(kind)
    question, answer = sanitised(question_html), sanitised(answer_html)
    common = {"title": title[:255], "slug": _unique_slug(parent, title), "live": False, "owner": requested_by}
    if kind == VOORBEELD:
        page = VoorbeeldPage(
            **common,
            summary=plain(question_html, 500),
            gemeente=gemeente,
            situation=question,
            approach=answer,
        )
    elif kind == VEELGESTELDE_VRAAG:
        page = InformatiePage(
            **common,
            lead=plain(question_html, 300),
            body=f"<h2>Vraag</h2>{question}<h2>Antwoord</h2>{answer}",
        )
    else:
        raise ValueError(kind)
    parent.add_child(instance=page)
    # Not cleaned: what a discussion cannot say (a voorbeeld's soort vastgoed) is left for the
    # editor, whose form requires it before the page can be published.
    revision = page.save_revision(user=requested_by, log_action=True, clean=False)
    log_actions.log(page, FROM_DISCUSSION, user=requested_by, revision=revision, data={"onderwerp": source_url})
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, requested_by)
    return page


class FromDiscussionFormatter(LogFormatter):
    label = "Aangemaakt uit een themagroep"

    def format_message(self, log_entry):
        url = (log_entry.data or {}).get("onderwerp", "")
        return f"Aangemaakt uit een onderwerp in een themagroep (alleen voor leden): {url}" if url else self.label


def register_log_actions(actions) -> None:
    actions.register_action(FROM_DISCUSSION)(FromDiscussionFormatter)
