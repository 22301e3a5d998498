"""Letters, reports and other documents, newest first."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kennisbank.pages.common import KennisbankPageMixin, paginate
from kennisplatform.access import readable_pages


class SenderKind(models.TextChoices):
    VNG = "vng", "VNG"
    MINISTERIE = "ministerie", "Ministerie"
    PROVINCIE = "provincie", "Provincie"
    GEMEENTE = "gemeente", "Gemeente"
    ANDERS = "anders", "Andere organisatie"


class PublicationKind(models.TextChoices):
    LEDENBRIEF = "ledenbrief", "Ledenbrief"
    KAMERBRIEF = "kamerbrief", "Kamerbrief"
    STATENBRIEF = "statenbrief", "Statenbrief"
    BRIEF = "brief", "Brief"
    RAPPORT = "rapport", "Rapport"
    HANDREIKING = "handreiking", "Handreiking"
    OVERIG = "overig", "Overig"


class PublicatieIndexPage(KennisbankPageMixin, Page):
    intro = RichTextField("introductie", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kennisplatform.HomePage"]
    subpage_types = ["kennisbank.PublicatiePage"]
    max_count = 1
    template = "kennisbank/publicatie_index_page.html"

    class Meta:
        verbose_name = "overzicht publicaties"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publicaties = readable_pages(PublicatiePage.objects.child_of(self), request.user)
        counts = dict(publicaties.order_by().values_list("kind").annotate(n=models.Count("pk")))
        kind = request.GET.get("soort", "")
        if kind in PublicationKind.values:
            publicaties = publicaties.filter(kind=kind)
        else:
            kind = ""
        context.update(
            kinds=[(value, label, counts[value]) for value, label in PublicationKind.choices if counts.get(value)],
            active_kind=kind,
            page_obj=paginate(request, publicaties.order_by("-date", "title")),
        )
        return context


class PublicatieTag(TaggedItemBase):
    content_object = ParentalKey("kennisbank.PublicatiePage", related_name="tagged_items", on_delete=models.CASCADE)


class PublicatiePage(KennisbankPageMixin, Page):
    date = models.DateField("datum")
    sender_kind = models.CharField("soort afzender", max_length=20, choices=SenderKind.choices)
    sender = models.CharField(
        "afzender", max_length=160, help_text="Bijvoorbeeld: Provincie Utrecht, Gedeputeerde Staten."
    )
    kind = models.CharField("soort publicatie", max_length=20, choices=PublicationKind.choices)
    reference = models.CharField("kenmerk", max_length=80, blank=True)
    summary = models.TextField("samenvatting")
    body = RichTextField("toelichting", blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"])
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="bestand",
    )
    themas = ParentalManyToManyField("kennisbank.Thema", blank=True, related_name="publicaties", verbose_name="thema's")
    tags = ClusterTaggableManager(through=PublicatieTag, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("sender_kind"),
                FieldPanel("sender"),
                FieldPanel("kind"),
                FieldPanel("reference"),
            ],
            heading="Kenmerken",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("document"),
        FieldPanel("themas"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("sender"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["kennisbank.PublicatieIndexPage"]
    subpage_types = []
    template = "kennisbank/publicatie_page.html"

    class Meta:
        verbose_name = "publicatie"
        verbose_name_plural = "publicaties"
