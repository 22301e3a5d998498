"""The site's agenda (/agenda/): a month of meetings, and the personal calendar feed."""

import calendar
from datetime import date, datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from kennisplatform import access
from kennisplatform.public_url import absolute_url
from kennisplatform.tz import AMSTERDAM
from themagroepen.bijeenkomsten import feeds, ical, permissions
from themagroepen.bijeenkomsten.models import Occurrence

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = [
    ("ma", "maandag"),
    ("di", "dinsdag"),
    ("wo", "woensdag"),
    ("do", "donderdag"),
    ("vr", "vrijdag"),
    ("za", "zaterdag"),
    ("zo", "zondag"),
]


def _month_from(value: str | None) -> date:
    if value:
        try:
            parsed = datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise Http404 from None
        if 2000 <= parsed.year <= 2100:
            return parsed
        raise Http404
    return timezone.localtime(timezone.now(), AMSTERDAM).date().replace(day=1)


def _shift(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_view(request):
    month = _month_from(request.GET.get("maand"))
    first_day = datetime.combine(month, time.min, tzinfo=AMSTERDAM)
    next_month = _shift(month, 1)
    last_day = datetime.combine(next_month, time.min, tzinfo=AMSTERDAM)
    occurrences = access.filter_readable(
        Occurrence.objects.filter(start__gte=first_day, start__lt=last_day).select_related("bijeenkomst__themagroep"),
        request.user,
    ).order_by("start")
    by_day: dict[date, list] = {}
    for occurrence in occurrences:
        by_day.setdefault(occurrence.start.astimezone(AMSTERDAM).date(), []).append(occurrence)
    today = timezone.localtime(timezone.now(), AMSTERDAM).date()
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == month.month,
                "is_today": day == today,
                "occurrences": by_day.get(day, []),
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    ]
    context = {
        "month_label": f"{MONTHS[month.month - 1]} {month.year}",
        "weeks": weeks,
        "weekdays": WEEKDAYS,
        "days_with_events": sorted(by_day.items()),
        "previous": _shift(month, -1),
        "next": next_month,
        "previous_label": f"{MONTHS[_shift(month, -1).month - 1]} {_shift(month, -1).year}",
        "next_label": f"{MONTHS[next_month.month - 1]} {next_month.year}",
        "breadcrumbs": [("Agenda", "")],
    }
    return render(request, "bijeenkomsten/agenda_month.html", context)


@login_required
@never_cache
def feed_settings(request):
    if request.method == "POST":
        feeds.regenerate(request.user)
        messages.success(request, "U hebt een nieuwe abonnementslink. De oude link werkt niet meer.")
        return redirect("bijeenkomsten:feed_settings")
    feed = feeds.feed_for(request.user)
    url = absolute_url(reverse("bijeenkomsten:feed", kwargs={"token": feed.token}))
    context = {
        "feed_url": url,
        "webcal_url": "webcal://" + url.split("://", 1)[1],
        "breadcrumbs": [("Agenda", reverse("bijeenkomsten:agenda")), ("Agenda-abonnement", "")],
    }
    return render(request, "bijeenkomsten/feed_settings.html", context)


def feed(request, token):
    user = feeds.owner_of(token)
    if user is None:
        raise Http404
    events = [
        ical.occurrence_event(occurrence, permissions.can_see_location(user, occurrence, registration))
        for occurrence, registration in feeds.occurrences_for(user)
    ]
    response = HttpResponse(
        ical.calendar_bytes(events, name="Bijeenkomsten – Kennisplatform Leegstand"),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
