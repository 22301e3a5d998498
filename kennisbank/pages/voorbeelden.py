"""Example cases from municipalities, with a filterable, paginated index."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kennisbank.pages.common import KennisbankPageMixin, paginate, readable_ids
from kennisbank.review import ReviewedPageMixin, edit_handler
from kennisplatform.access import readable_pages

TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class PropertyType(models.TextChoices):
    KANTOOR = "kantoor", "Kantoor"
    WINKEL = "winkel", "Winkel"
    BEDRIJVENTERREIN = "bedrijventerrein", "Bedrijventerrein"
    MAATSCHAPPELIJK = "maatschappelijk", "Maatschappelijk vastgoed"
    AGRARISCH = "agrarisch", "Agrarisch"
    ERFGOED = "erfgoed", "Erfgoed/beeldbepalend"


class VoorbeeldIndexPage(KennisbankPageMixin, Page):
    intro = RichTextField("introductie", blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kennisplatform.HomePage"]
    subpage_types = ["kennisbank.VoorbeeldPage"]
    max_count = 1
    template = "kennisbank/voorbeeld_index_page.html"

    class Meta:
        verbose_name = "overzicht voorbeelden"

    def get_context(self, request, *args, **kwargs):
        from kennisbank.filters import VoorbeeldFilter

        context = super().get_context(request, *args, **kwargs)
        readable = readable_pages(VoorbeeldPage.objects.child_of(self), request.user)
        voorbeeld_filter = VoorbeeldFilter(readable, request.GET, request.user)
        results = voorbeeld_filter.results().select_related("gemeente__provincie").order_by(*voorbeeld_filter.ordering)
        context.update(
            filter=voorbeeld_filter,
            facets=voorbeeld_filter.facets(),
            page_obj=paginate(request, results),
        )
        return context


class VoorbeeldTag(TaggedItemBase):
    content_object = ParentalKey("kennisbank.VoorbeeldPage", related_name="tagged_items", on_delete=models.CASCADE)


class VoorbeeldPage(KennisbankPageMixin, ReviewedPageMixin, Page):
    summary = models.TextField("samenvatting", max_length=500)
    gemeente = models.ForeignKey(
        "kennisbank.Gemeente", on_delete=models.PROTECT, related_name="voorbeelden", verbose_name="gemeente"
    )
    property_type = models.CharField("soort vastgoed", max_length=20, choices=PropertyType.choices)
    situation = RichTextField("situatie", blank=True, features=TEXT_FEATURES)
    approach = RichTextField("aanpak", features=TEXT_FEATURES)
    result = RichTextField("resultaat", blank=True, features=TEXT_FEATURES)
    year = models.PositiveSmallIntegerField("jaar", null=True, blank=True)
    instrumenten = ParentalManyToManyField(
        "kennisbank.InstrumentPage", blank=True, related_name="voorbeelden", verbose_name="ingezette instrumenten"
    )
    themas = ParentalManyToManyField("kennisbank.Thema", blank=True, related_name="voorbeelden", verbose_name="thema's")
    tags = ClusterTaggableManager(through=VoorbeeldTag, blank=True)
    contact_name = models.CharField("naam contactpersoon", max_length=120, blank=True)
    contact_role = models.CharField("functie", max_length=120, blank=True)
    contact_gemeente = models.ForeignKey(
        "kennisbank.Gemeente",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="gemeente van de contactpersoon",
    )
    contact_email = models.EmailField("e-mailadres", blank=True)
    contact_email_public = models.BooleanField(
        "contactpersoon gaat akkoord met tonen van e-mailadres",
        default=False,
        help_text="Het e-mailadres verschijnt alleen op de site als dit is aangevinkt.",
    )
    location_name = models.CharField("locatie", max_length=160, blank=True, help_text="Bijvoorbeeld straat of wijk.")
    latitude = models.DecimalField("breedtegraad", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("lengtegraad", max_digits=9, decimal_places=6, null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("gemeente"), FieldPanel("property_type"), FieldPanel("year")], heading="Kenmerken"),
        FieldPanel("situation"),
        FieldPanel("approach"),
        FieldPanel("result"),
        FieldPanel("instrumenten"),
        FieldPanel("themas"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_gemeente"),
                FieldPanel("contact_email"),
                FieldPanel("contact_email_public"),
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("latitude"), FieldPanel("longitude")], heading="Locatie"
        ),
    ]
    edit_handler = edit_handler(content_panels)
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("situation"),
        index.SearchField("approach"),
        index.SearchField("result"),
        index.FilterField("property_type"),
        index.FilterField("year"),
    ]
    parent_page_types = ["kennisbank.VoorbeeldIndexPage"]
    subpage_types = []
    template = "kennisbank/voorbeeld_page.html"

    class Meta:
        verbose_name = "voorbeeld"
        verbose_name_plural = "voorbeelden"

    @property
    def public_contact_email(self):
        """Only shown when the contact agreed; otherwise nobody sees it, not even in feeds."""
        return self.contact_email if self.contact_email_public else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        instruments = list(self.instrumenten.all().only("title", "url_path", "path", "live", "kind"))
        visible = readable_ids([instrument.pk for instrument in instruments], request.user)
        context["instruments"] = [instrument for instrument in instruments if instrument.pk in visible]
        context["themas"] = list(self.themas.all())
        return context
