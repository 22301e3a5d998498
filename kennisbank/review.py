"""Content lifecycle: every chapter, instrument and voorbeeld says when it was last checked.

A page carries ``last_reviewed`` and ``review_interval`` (months); ``review_due`` is derived on
save so "which pages are past review" is one indexed query on every database. Marking a page as
checked writes the live row directly (no new revision: nothing in the content changed) and a
Wagtail log entry ("Gecontroleerd"), so the page's history shows who checked it and when. A
revision published later keeps the newest check (``with_content_json``), so publishing an
older draft never turns the date back.
"""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy
from wagtail import log_actions
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy

from kennisplatform import page_cache

REVIEWED = "kennisbank.gecontroleerd"
DEFAULT_INTERVAL_MONTHS = 12


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def today() -> datetime.date:
    return timezone.localdate()


def not_in_future(day: datetime.date) -> None:
    if day > today():
        raise ValidationError("De datum van de laatste controle kan niet in de toekomst liggen.")


class ReviewedPageMixin(models.Model):
    last_reviewed = models.DateField(
        "laatst gecontroleerd",
        default=today,
        validators=[not_in_future],
        help_text="De datum waarop de inhoud voor het laatst is gecontroleerd. Lezers zien deze datum.",
    )
    review_interval = models.PositiveSmallIntegerField(
        "controle-interval (maanden)",
        default=DEFAULT_INTERVAL_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Na zoveel maanden verschijnt de pagina bij de redactie als te controleren.",
    )
    review_due = models.DateField("volgende controle", editable=False, null=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.last_reviewed and self.review_interval:
            self.review_due = add_months(self.last_reviewed, self.review_interval)
            if update_fields is not None and {"last_reviewed", "review_interval"} & set(update_fields):
                kwargs["update_fields"] = {*update_fields, "review_due"}
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        # A check recorded on the live row since this revision was saved stays the newest. Asked
        # of the database: ``self`` may be an instance from before the check.
        checked = type(self).objects.filter(pk=self.pk).values_list("last_reviewed", flat=True).first()
        if checked and (obj.last_reviewed is None or obj.last_reviewed < checked):
            obj.last_reviewed = checked
        return obj


def edit_handler(page_class_panels) -> TabbedInterface:
    """Wagtail's three tabs (with its own translated headings) plus "Controle"."""
    from wagtail.models import Page

    return TabbedInterface(
        [
            ObjectList(page_class_panels, heading=gettext_lazy("Content")),
            ObjectList(Page.promote_panels, heading=gettext_lazy("Promote")),
            ObjectList(Page.settings_panels, heading=gettext_lazy("Settings")),
            ObjectList([FieldPanel("last_reviewed"), FieldPanel("review_interval")], heading="Controle"),
        ]
    )


def reviewed_models() -> list[type[models.Model]]:
    from kennisbank.models import HoofdstukPage, InstrumentPage, VoorbeeldPage

    return [HoofdstukPage, InstrumentPage, VoorbeeldPage]


def can_mark(user, page) -> bool:
    return isinstance(page, ReviewedPageMixin) and page.permissions_for_user(user).can_edit()


def mark_reviewed(page, user, day: datetime.date | None = None) -> datetime.date:
    """Record a check of ``page`` by ``user`` on the live row and in the page's history."""
    day = day or today()
    due = add_months(day, page.review_interval)
    with transaction.atomic():
        type(page).objects.filter(pk=page.pk).update(last_reviewed=day, review_due=due)
        page_cache.bump_after_commit()  # an update sends no signal; the page shows the date
        page.last_reviewed, page.review_due = day, due
        log_actions.log(
            page, REVIEWED, user=user, data={"last_reviewed": day.isoformat(), "review_due": due.isoformat()}
        )
    return day


def overdue_pages(user, day: datetime.date | None = None) -> list:
    """Live reviewed pages whose check is due (on or before ``day``) and that ``user`` may
    edit, the longest overdue first."""
    day = day or today()
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    pages = []
    for model in reviewed_models():
        pages += (
            model.objects.live()
            .filter(review_due__lte=day, pk__in=editable.values("pk"))
            .only("title", "url_path", "path", "depth", "last_reviewed", "review_due", "review_interval")
        )
    return sorted(pages, key=lambda page: (page.review_due, page.title))


class ReviewedFormatter(LogFormatter):
    label = "Gecontroleerd"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if not data.get("review_due"):
            return self.label
        due = datetime.date.fromisoformat(data["review_due"])
        return f"Gecontroleerd; volgende controle uiterlijk {date_format(due, 'j F Y')}"


def register_log_actions(actions) -> None:
    actions.register_action(REVIEWED)(ReviewedFormatter)
