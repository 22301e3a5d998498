"""RSS and Atom feeds for voorbeelden and publicaties: public, live pages only."""

from datetime import datetime, time

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from kennisbank.models import PublicatiePage, VoorbeeldPage
from kennisplatform.access import readable_pages

FEED_LENGTH = 30


class _PageFeed(Feed):
    model = None

    def items(self):
        # A feed is fetched without a session by readers and aggregators: public content only.
        return readable_pages(self.model.objects.all(), AnonymousUser()).order_by(*self.ordering)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url or item.url

    def item_pubdate(self, item):
        return item.first_published_at


class VoorbeeldenRss(_PageFeed):
    model = VoorbeeldPage
    ordering = ("-first_published_at",)
    title = "Voorbeelden uit de praktijk – Kennisplatform Leegstand"
    link = "/voorbeelden/"
    description = "Nieuwe voorbeelden van gemeenten die leegstand aanpakken."

    def item_categories(self, item):
        return [item.get_property_type_display(), item.gemeente.name]

    def items(self):
        return super().items().select_related("gemeente")


class VoorbeeldenAtom(VoorbeeldenRss):
    feed_type = Atom1Feed
    subtitle = VoorbeeldenRss.description


class PublicatiesRss(_PageFeed):
    model = PublicatiePage
    ordering = ("-date", "-first_published_at")
    title = "Publicaties – Kennisplatform Leegstand"
    link = "/publicaties/"
    description = "Ledenbrieven, Kamerbrieven, Statenbrieven en rapporten over leegstand."

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_author_name(self, item):
        return item.sender


class PublicatiesAtom(PublicatiesRss):
    feed_type = Atom1Feed
    subtitle = PublicatiesRss.description
