"""The model leegstandverordening: articles with explanations, downloadable as .docx."""

from django.db import models
from django.http import HttpResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from kennisbank.blocks import ArticleBlock
from kennisbank.pages.common import KennisbankPageMixin

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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
        from kennisbank.docx_export import verordening_docx

        response = HttpResponse(verordening_docx(self), content_type=DOCX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.docx"'
        return response
