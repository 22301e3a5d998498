"""The home page: the root of the public page tree."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

HOME_LIST_LENGTH = 4


class HomePage(Page):
    lead = models.CharField("introductie", max_length=300, blank=True)
    body = RichTextField("tekst", blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"

    def meta_description(self):
        return self.search_description or self.lead

    def get_context(self, request, *args, **kwargs):
        from kennisbank.models import PublicatiePage, VoorbeeldPage
        from kennisplatform.access import readable_pages

        context = super().get_context(request, *args, **kwargs)
        context["latest_voorbeelden"] = (
            readable_pages(VoorbeeldPage.objects.all(), request.user)
            .select_related("gemeente")
            .order_by("-first_published_at")[:HOME_LIST_LENGTH]
        )
        context["latest_publicaties"] = readable_pages(PublicatiePage.objects.all(), request.user).order_by("-date")[
            :HOME_LIST_LENGTH
        ]
        return context
