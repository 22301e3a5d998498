"""The weekly e-mail to the redactie: the pages each editor may edit whose check is due.

Sent once per ISO week per editor, however often the clock job runs or how many schedulers run
it at once: a ``ReviewMail`` row per (editor, week) is the claim (``claims.claim_once``), written
in the transaction that sends, with a stable Message-ID (``outbox.message_id``). The clock job
sends itself (a handful of editors, once a week) instead of through a task: a failed send leaves
the row unclaimed and the next daily run makes it up; nothing raises into the clock job. Editors are the members of a group with page edit permission
(Redacteuren, Eindredacteuren); each gets only the pages that group lets them edit.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.permission_policies.pages import PagePermissionPolicy

from kennisbank.review import overdue_pages, today
from kennisplatform.claims import claim_once
from kennisplatform.outbox import message_id

logger = logging.getLogger(__name__)


class ReviewMail(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.CharField("ISO-week", max_length=8)  # "2026-W49"
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    page_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "controlemail"
        verbose_name_plural = "controlemails"
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="kennisbank_reviewmail_once_per_week")]


def iso_week(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def editors():
    """Active accounts with an e-mail address in a group that may edit pages."""
    return (
        PagePermissionPolicy()
        .users_with_permission("change", include_superusers=False)
        .exclude(email="")
        .order_by("pk")
    )


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _message(user, pages) -> EmailMultiAlternatives:
    context = {
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "pages": [
            (page, _absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])), page.full_url or "") for page in pages
        ],
        "dashboard_url": _absolute(reverse("wagtailadmin_home")),
    }
    count = len(pages)
    subject = f"{count} pagina{'' if count == 1 else '’s'} te controleren"
    message = EmailMultiAlternatives(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
        body=render_to_string("kennisbank/email/review.txt", context),
        to=[user.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string("kennisbank/email/review.html", context), "text/html")
    return message


def _send_to(user, week: str, pages) -> bool:
    row, _created = ReviewMail.objects.get_or_create(user=user, week=week)
    rows = ReviewMail.objects.filter(pk=row.pk)

    def send(_pks) -> bool:
        message = _message(user, pages)
        message.extra_headers["Message-ID"] = message_id("controle", row.pk)
        message.send()
        return True

    return claim_once(
        rows, unclaimed=Q(sent_at=None), claim={"sent_at": timezone.now(), "page_count": len(pages)}, effect=send
    )


def send_weekly_review_mails(day: datetime.date | None = None) -> str:
    """Clock job: this week's mail to every editor with pages past review, if not sent yet."""
    day = day or today()
    week = iso_week(day)
    sent = failed = 0
    for user in editors():
        if ReviewMail.objects.filter(user=user, week=week).exclude(sent_at=None).exists():
            continue
        try:
            pages = overdue_pages(user, day)
            if pages and _send_to(user, week, pages):
                sent += 1
        except Exception:  # SMTP or a single account's trouble: the next run tries again
            logger.exception("controlemail voor gebruiker %s niet verstuurd", user.pk)
            failed += 1
    result = f"{sent} controlemail(s) verstuurd"
    return f"{result}, {failed} mislukt" if failed else result
