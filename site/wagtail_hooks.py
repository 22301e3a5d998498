"""Wagtail hooks of the project package.

Pages and documents are served through the access module. Wagtail's own view-restriction check
only asks "signed in" and "in this Django group"; access also asks for a verified e-mail address
and knows drafts, so it decides first. Readers without access get the same 404 as for a page that
does not exist; anonymous visitors of a page that any verified official may read are sent to
allauth's login instead, as that page is no secret.

Site admins also get the operator's page (Rapporten → Klok en taken).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from kennisplatform import access, klok
from kennisplatform.models import KlokRun, WorkerHeartbeat


@hooks.register("before_serve_page", order=-10)
def serve_page_through_access(page, request, serve_args, serve_kwargs):
    if access.can_read(request.user, page):
        return None
    if not request.user.is_authenticated and access.AUTHENTICATED in access.page_read_keys(page):
        return redirect_to_login(request.get_full_path())
    raise Http404


@hooks.register("before_serve_document", order=-10)
def serve_document_through_access(document, request):
    access.check_can_read(request.user, document)


def operations(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    from kennisplatform.health import report

    now = timezone.now()
    records = {record.job: record for record in KlokRun.objects.all()}
    jobs = [(job, records.get(job.name), job.overdue(records.get(job.name), now)) for job in klok.JOBS]
    health = report()
    checks = [
        (name, check["status"], check.get("detail") or check.get("error") or "")
        for name, check in health["checks"].items()
    ]
    return render(
        request,
        "kennisplatform/admin/bedrijfsstatus.html",
        {
            "jobs": jobs,
            "workers": WorkerHeartbeat.objects.order_by("-last_seen"),
            "status": health["status"],
            "checks": checks,
        },
    )


@hooks.register("register_admin_urls")
def register_urls():
    return [path("bedrijfsstatus/", operations, name="kennisplatform_operations")]


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return AdminOnlyMenuItem("Klok en taken", reverse("kennisplatform_operations"), icon_name="time", order=900)
