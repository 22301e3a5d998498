"""The handreiking: an index, an introduction page per handreiking, and its chapters."""

from django.db import models
from django.http import HttpResponse
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from kennisbank.blocks import ChapterBodyBlock, case_ids_in, instrument_ids_in, referenced_page_ids, table_of_contents
from kennisbank.pages.common import KennisbankPageMixin, readable_ids
from kennisbank.review import ReviewedPageMixin, edit_handler
from kennisplatform.access import readable_pages

INTRO_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class HandreikingIndexPage(KennisbankPageMixin, Page):
    intro = RichTextField("introductie", blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kennisplatform.HomePage"]
    subpage_types = ["kennisbank.HandreikingPage"]
    max_count = 1
    template = "kennisbank/handreiking_index_page.html"

    class Meta:
        verbose_name = "overzicht handreikingen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["handreikingen"] = readable_pages(HandreikingPage.objects.child_of(self), request.user)
        return context


class HandreikingPage(KennisbankPageMixin, RoutablePageMixin, Page):
    summary = models.TextField("samenvatting", blank=True, max_length=500)
    intro = RichTextField("introductie", blank=True, features=INTRO_FEATURES)
    themas = ParentalManyToManyField(
        "kennisbank.Thema", blank=True, related_name="handreikingen", verbose_name="thema's"
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro"), FieldPanel("themas")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("intro")]
    parent_page_types = ["kennisbank.HandreikingIndexPage"]
    subpage_types = ["kennisbank.HoofdstukPage", "kennisbank.VerordeningPage"]
    template = "kennisbank/handreiking_page.html"

    class Meta:
        verbose_name = "handreiking"
        verbose_name_plural = "handreikingen"

    def readable_chapters(self, user):
        return readable_pages(HoofdstukPage.objects.child_of(self), user).order_by("path")

    def readable_bijlagen(self, user):
        from kennisbank.pages.verordening import VerordeningPage

        return readable_pages(VerordeningPage.objects.child_of(self), user).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = list(self.readable_chapters(request.user).only("title", "url_path", "path", "summary"))
        context["bijlagen"] = self.readable_bijlagen(request.user)
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The whole handreiking as one PDF, built from what this reader may read, live content only."""
        from kennisbank.pdf import handreiking_pdf

        chapters = list(self.readable_chapters(request.user))
        bijlagen = list(self.readable_bijlagen(request.user))
        response = HttpResponse(handreiking_pdf(request, self, chapters, bijlagen), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.pdf"'
        return response


class HoofdstukTag(TaggedItemBase):
    content_object = ParentalKey("kennisbank.HoofdstukPage", related_name="tagged_items", on_delete=models.CASCADE)


class HoofdstukPage(KennisbankPageMixin, ReviewedPageMixin, Page):
    summary = models.TextField("samenvatting", blank=True, max_length=500)
    body = StreamField(ChapterBodyBlock(), verbose_name="inhoud", blank=True)
    tags = ClusterTaggableManager(through=HoofdstukTag, blank=True)
    # Derived from the body on save, so instrument and case pages can list "used in" cheaply.
    instrumenten = models.ManyToManyField(
        "kennisbank.InstrumentPage", blank=True, editable=False, related_name="hoofdstukken"
    )
    voorbeelden = models.ManyToManyField(
        "kennisbank.VoorbeeldPage", blank=True, editable=False, related_name="hoofdstukken"
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body"), FieldPanel("tags")]
    edit_handler = edit_handler(content_panels)
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["kennisbank.HandreikingPage"]
    subpage_types = []
    template = "kennisbank/hoofdstuk_page.html"

    class Meta:
        verbose_name = "hoofdstuk"
        verbose_name_plural = "hoofdstukken"

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        # Saving a draft revision only touches bookkeeping fields: keep the live references.
        if update_fields is None or "body" in update_fields:
            self.instrumenten.set(instrument_ids_in(self.body))
            self.voorbeelden.set(case_ids_in(self.body))
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        handreiking = self.get_parent()
        chapters = list(
            readable_pages(HoofdstukPage.objects.child_of(handreiking), request.user)
            .order_by("path")
            .only("title", "url_path", "path")
        )
        position = next((i for i, chapter in enumerate(chapters) if chapter.pk == self.pk), None)
        context.update(
            handreiking=handreiking,
            chapters=chapters,
            chapter_number=position + 1 if position is not None else None,
            previous_chapter=chapters[position - 1] if position else None,
            next_chapter=chapters[position + 1] if position is not None and position + 1 < len(chapters) else None,
            toc=table_of_contents(self.body),
            readable_ref_ids=readable_ids(referenced_page_ids(self.body), request.user),
        )
        return context
