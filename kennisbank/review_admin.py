"""The redactie's side of the lifecycle in the Wagtail admin: "Markeren als gecontroleerd"
(a button on the page header and in the page listing, a confirmation page, a POST with CSRF),
the dashboard panel "Te controleren pagina's", and a changed date in the editor counting as a
check. Who may mark a page is who may edit it (Wagtail's page permissions)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page

from kennisbank.review import ReviewedPageMixin, can_mark, mark_reviewed, overdue_pages

LABEL = "Markeren als gecontroleerd"
PANEL_LIMIT = 50


def _next_url(request, page) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@require_http_methods(["GET", "POST"])
def mark_view(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_mark(request.user, page):
        raise PermissionDenied
    next_url = _next_url(request, page)
    if request.method == "POST":
        day = mark_reviewed(page, request.user)
        messages.success(request, f"‘{page.title}’ is gemarkeerd als gecontroleerd op {date_format(day, 'j F Y')}.")
        return redirect(next_url)
    return TemplateResponse(request, "kennisbank/admin/mark_reviewed.html", {"page": page, "next": next_url})


def urls():
    return [path("kennisbank/controle/<int:page_id>/", mark_view, name="kennisbank_mark_reviewed")]


def _mark_url(page, next_url=None) -> str:
    url = reverse("kennisbank_mark_reviewed", args=[page.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _offers_marking(page, user) -> bool:
    # The page's class, not its row: no query for a listing of many pages.
    return issubclass(page.specific_class or Page, ReviewedPageMixin) and page.permissions_for_user(user).can_edit()


def header_buttons(page, user, view_name, next_url=None):
    if _offers_marking(page, user):
        yield Button(LABEL, _mark_url(page, next_url), icon_name="tick", priority=62)


def listing_buttons(page, user, next_url=None):
    if _offers_marking(page, user):
        yield Button(LABEL, _mark_url(page, next_url), icon_name="tick", priority=45)


class ReviewPanel(Component):
    name = "te_controleren"
    order = 110
    template_name = "kennisbank/admin/review_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        pages = overdue_pages(self.request.user)
        return {
            "pages": pages[:PANEL_LIMIT],
            "total": len(pages),
            "csrf_token": parent_context.get("csrf_token"),
            "next": reverse("wagtailadmin_home"),
        }


def add_panel(request, panels) -> None:
    panels.append(ReviewPanel(request))


def remember_date_before_edit(request, page) -> None:
    request.kennisbank_reviewed_before = getattr(page, "last_reviewed", None)


def record_check_from_editor(request, page) -> None:
    """A date moved forward in the editor is a check, recorded like the button's."""
    before = getattr(request, "kennisbank_reviewed_before", None)
    day = getattr(page, "last_reviewed", None)
    if isinstance(page, ReviewedPageMixin) and day and (before is None or day > before):
        mark_reviewed(page, request.user, day)
