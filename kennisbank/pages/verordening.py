"""The model leegstandverordening: articles with explanations, downloadable as .odt and .docx."""

from django.db import models
from django.http import HttpResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from kennisbank import verordening_export
from kennisbank.blocks import ArticleBlock
from kennisbank.pages.common import KennisbankPageMixin


class VerordeningPage(KennisbankPageMixin, RoutablePageMixin, Page):
    summary = models.TextField("samenvatting", blank=True, max_length=500)
    intro = RichTextField("introductie", blank=True, features=["bold", "italic", "link", "ol", "ul"])
    articles = StreamField([("article", ArticleBlock())], verbose_name="artikelen", blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro"), FieldPanel("articles")]
    parent_page_types = ["kennisbank.HandreikingPage", "kennisplatform.HomePage"]
    subpage_types = []
    template = "kennisbank/verordening_page.html"

    class Meta:
        verbose_name = "modelverordening"
        verbose_name_plural = "modelverordeningen"

    @path("docx/", name="docx")
    def docx(self, request):
        return self._download(verordening_export.verordening_docx(self), verordening_export.DOCX_TYPE, "docx")

    @path("odt/", name="odt")
    def odt(self, request):
        return self._download(verordening_export.verordening_odt(self), verordening_export.ODT_TYPE, "odt")

    def _download(self, content, content_type, extension):
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response
