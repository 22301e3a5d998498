"""Dutch date formatting for meetings, always in Amsterdam time."""

from django import template
from django.utils import formats
from django.utils.translation import override

from kennisplatform.tz import AMSTERDAM

register = template.Library()


def _day(moment) -> str:
    with override("nl"):
        return formats.date_format(moment, "l j F Y")


def _time(moment) -> str:
    return moment.strftime("%H.%M")


@register.filter
def when(occurrence) -> str:
    """‘dinsdag 27 oktober 2026, 14.00–16.00 uur’ (or ‘… 14.00 uur tot woensdag …’)."""
    start = occurrence.start.astimezone(AMSTERDAM)
    end = occurrence.end.astimezone(AMSTERDAM)
    if start.date() == end.date():
        return f"{_day(start)}, {_time(start)}–{_time(end)} uur"
    return f"{_day(start)}, {_time(start)} uur tot {_day(end)}, {_time(end)} uur"


@register.filter
def dutch_datetime(moment) -> str:
    if not moment:
        return ""
    moment = moment.astimezone(AMSTERDAM)
    return f"{_day(moment)}, {_time(moment)} uur"


@register.simple_tag
def upcoming_for_group(themagroep, user):
    from themagroepen.bijeenkomsten.services import upcoming_for_group as upcoming

    return upcoming(themagroep, user)
