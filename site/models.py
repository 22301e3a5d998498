"""The home page (the root of the public page tree) and the site's information pages."""

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


class InformatiePage(Page):
    """A page a Dutch government site must have (privacy, toegankelijkheid, contact, colofon,
    cookies): plain editable text, directly below the home page."""

    lead = models.CharField("introductie", max_length=300, blank=True)
    body = RichTextField("tekst", blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    parent_page_types = ["kennisplatform.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "informatiepagina"

    def meta_description(self):
        return self.search_description or self.lead

    def get_context(self, request, *args, **kwargs):
        from kennisplatform.breadcrumbs import trail

        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = trail(request.user, self)
        return context


class WorkerHeartbeat(models.Model):
    """One row per running task worker (``manage.py db_worker``), refreshed every few seconds.

    A RUNNING task whose worker's heartbeat is older than ``TASK_LEASE_SECONDS`` has lost its
    worker (killed, host gone) and is handed back to the queue (kennisplatform.taskworker)."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    queues = models.CharField(max_length=200)
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)
    tasks_run = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "taakwerker"
        verbose_name_plural = "taakwerkers"

    def __str__(self):
        return f"{self.worker_id} ({self.queues})"


class KlokRun(models.Model):
    """The last run of each clock job (``manage.py klok``): what an operator checks first."""

    class Status(models.TextChoices):
        RUNNING = "running", "bezig"
        OK = "ok", "gelukt"
        FAILED = "failed", "mislukt"

    job = models.CharField("taak", max_length=60, primary_key=True)
    status = models.CharField(max_length=8, choices=Status.choices)
    started_at = models.DateTimeField("gestart")
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    result = models.TextField("resultaat", blank=True)
    runs = models.PositiveIntegerField("aantal keer", default=0)
    failures = models.PositiveIntegerField("aantal mislukt", default=0)
    last_success_at = models.DateTimeField("laatst gelukt", null=True, blank=True)

    class Meta:
        verbose_name = "klokrun"
        verbose_name_plural = "klokruns"
        ordering = ["job"]

    def __str__(self):
        return f"{self.job}: {self.get_status_display()}"


class PageCacheGeneration(models.Model):
    """One row: the content generation in every anonymous page cache key (kennisplatform.page_cache)."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "generatie van de paginacache"
        verbose_name_plural = "generaties van de paginacache"

    def __str__(self):
        return str(self.value)
