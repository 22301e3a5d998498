"""Small helpers shared by the kennisbank page types."""

from django.core.paginator import Paginator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager  # noqa: F401  (re-exported for page modules)
from wagtail.models import Page

from kennisplatform.access import readable_pages
from kennisplatform.breadcrumbs import trail

PER_PAGE = 20


def readable_ids(page_ids, user):
    """The subset of page ids the user may read; used to hide links to drafts or closed pages."""
    if not page_ids:
        return set()
    return set(readable_pages(Page.objects.filter(pk__in=page_ids), user).values_list("pk", flat=True))


def paginate(request, queryset, per_page=None):
    paginator = Paginator(queryset, per_page or PER_PAGE)
    return paginator.get_page(request.GET.get("pagina"))


class KennisbankPageMixin(models.Model):
    """Breadcrumbs and a meta description fallback for every kennisbank page."""

    class Meta:
        abstract = True

    def meta_description(self):
        return self.search_description or getattr(self, "summary", "") or ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = trail(request.user, self)
        return context
