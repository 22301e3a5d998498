"""The operator's page in the Wagtail admin (Rapporten → Klok en taken), for site admins."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from kennisplatform import klok
from kennisplatform.models import KlokRun, WorkerHeartbeat


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
