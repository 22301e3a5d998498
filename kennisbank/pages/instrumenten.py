"""Instruments a municipality can use against vacancy, with an overview filtered by kind."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kennisbank.pages.common import KennisbankPageMixin
from kennisbank.review import ReviewedPageMixin, edit_handler
from kennisplatform.access import readable_pages

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class InstrumentKind(models.TextChoices):
    JURIDISCH = "juridisch", "Juridisch"
    PLANOLOGISCH = "planologisch", "Planologisch"
    FINANCIEEL = "financieel", "Financieel/fiscaal"
    ORGANISATORISCH = "organisatorisch", "Organisatorisch"
    COMMUNICATIE = "communicatie", "Communicatie"


class InstrumentIndexPage(KennisbankPageMixin, Page):
    intro = RichTextField("introductie", blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kennisplatform.HomePage"]
    subpage_types = ["kennisbank.InstrumentPage"]
    max_count = 1
    template = "kennisbank/instrument_index_page.html"

    class Meta:
        verbose_name = "overzicht instrumenten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        instruments = readable_pages(InstrumentPage.objects.child_of(self), request.user)
        counts = dict(instruments.order_by().values_list("kind").annotate(n=models.Count("pk")))
        kind = request.GET.get("soort", "")
        if kind in InstrumentKind.values:
            instruments = instruments.filter(kind=kind)
        else:
            kind = ""
        context.update(
            instruments=instruments.order_by("kind", "title").only("title", "url_path", "summary", "kind", "path"),
            kinds=[(value, label, counts.get(value, 0)) for value, label in InstrumentKind.choices],
            active_kind=kind,
            total=sum(counts.values()),
        )
        return context


class InstrumentPage(KennisbankPageMixin, ReviewedPageMixin, Page):
    kind = models.CharField("soort", max_length=20, choices=InstrumentKind.choices)
    summary = models.TextField("samenvatting", max_length=500, blank=True)
    what_it_does = RichTextField("wat het doet", features=TEXT_FEATURES, blank=True)
    when_to_use = RichTextField("wanneer inzetten", features=TEXT_FEATURES, blank=True)
    themas = ParentalManyToManyField(
        "kennisbank.Thema", blank=True, related_name="instrumenten", verbose_name="thema's"
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("what_it_does"),
        FieldPanel("when_to_use"),
        FieldPanel("themas"),
    ]
    edit_handler = edit_handler(content_panels)
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("what_it_does"),
        index.SearchField("when_to_use"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["kennisbank.InstrumentIndexPage"]
    subpage_types = []
    template = "kennisbank/instrument_page.html"

    class Meta:
        verbose_name = "instrument"
        verbose_name_plural = "instrumenten"

    def get_context(self, request, *args, **kwargs):
        from kennisbank.pages.handreiking import HoofdstukPage
        from kennisbank.pages.voorbeelden import VoorbeeldPage

        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = readable_pages(HoofdstukPage.objects.filter(instrumenten=self), request.user).order_by(
            "path"
        )
        context["cases"] = (
            readable_pages(VoorbeeldPage.objects.filter(instrumenten=self), request.user)
            .select_related("gemeente")
            .order_by("-year", "title")
        )
        return context
