"""RSS and Atom feeds for voorbeelden and publicaties: public, live pages only.

Summaries are plain text (Atom ``type="text"``; tags stripped), so whatever an editor typed never
reaches a feed reader as live markup. Every Atom entry has ``updated`` and an author (RFC 4287).
"""

from datetime import datetime, time

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

from kennisbank.models import PublicatiePage, VoorbeeldPage
from kennisplatform.access import readable_pages
from kennisplatform.public_url import absolute_url

FEED_LENGTH = 30
PUBLISHER = "Kennisplatform Leegstand"


class TextSummaryAtom1Feed(Atom1Feed):
    """Django's Atom feed declares summaries as HTML; ours are text."""

    def add_item_elements(self, handler, item):
        description, item["description"] = item["description"], None
        super().add_item_elements(handler, item)
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})


class _PageFeed(Feed):
    anonymous_cacheable = True  # kennisplatform.page_cache: the same feed for every visitor
    model = None
    author_name = PUBLISHER
    index_path = None
    url_name = None

    # The feed's own links carry the public address, not whatever Host the request came with.
    def link(self):
        return absolute_url(self.index_path)

    def feed_url(self):
        return absolute_url(reverse(self.url_name))

    def items(self):
        # A feed is fetched without a session by readers and aggregators: public content only.
        return readable_pages(self.model.objects.all(), AnonymousUser()).order_by(*self.ordering)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return strip_tags(item.summary).strip()

    def item_link(self, item):
        return item.full_url or item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # Atom requires one; a live page imported without publishing history has no date of its own.
        return item.last_published_at or self.item_pubdate(item) or timezone.now()


class VoorbeeldenRss(_PageFeed):
    model = VoorbeeldPage
    ordering = ("-first_published_at",)
    title = "Voorbeelden uit de praktijk – Kennisplatform Leegstand"
    index_path = "/voorbeelden/"
    url_name = "kennisbank:feed_voorbeelden_rss"
    description = "Nieuwe voorbeelden van gemeenten die leegstand aanpakken."

    def item_categories(self, item):
        return [item.get_property_type_display(), item.gemeente.name]

    def item_author_name(self, item):
        return f"Gemeente {item.gemeente.name}"

    def items(self):
        return super().items().select_related("gemeente")


class VoorbeeldenAtom(VoorbeeldenRss):
    feed_type = TextSummaryAtom1Feed
    url_name = "kennisbank:feed_voorbeelden_atom"
    subtitle = VoorbeeldenRss.description


class PublicatiesRss(_PageFeed):
    model = PublicatiePage
    ordering = ("-date", "-first_published_at")
    title = "Publicaties – Kennisplatform Leegstand"
    index_path = "/publicaties/"
    url_name = "kennisbank:feed_publicaties_rss"
    description = "Ledenbrieven, Kamerbrieven, Statenbrieven en rapporten over leegstand."

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_author_name(self, item):
        return item.sender


class PublicatiesAtom(PublicatiesRss):
    feed_type = TextSummaryAtom1Feed
    url_name = "kennisbank:feed_publicaties_atom"
    subtitle = PublicatiesRss.description
