"""iCalendar (RFC 5545) output: one date, a whole series, or a member's personal feed.

Times are written in Europe/Amsterdam with a VTIMEZONE, so a calendar shows 14.00 in winter and
summer alike; each date has a stable UID (see occurrences.occurrence_uid); a series download
carries the RRULE. The ``icalendar`` package does the escaping and line folding.
"""

import html as html_lib
import re
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from kennisplatform.markdown import render_markdown
from kennisplatform.tz import AMSTERDAM

TZID = "Europe/Amsterdam"


def _amsterdam_vtimezone() -> Timezone:
    """The compact, rule-based definition that calendar programs exchange for CET/CEST."""
    vtimezone = Timezone()
    vtimezone.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("dtstart", datetime(1981, 3, 29, 2, 0))
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("dtstart", datetime(1996, 10, 27, 3, 0))
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    vtimezone.add_component(summer)
    vtimezone.add_component(winter)
    return vtimezone


def new_calendar(name: str | None = None, method: str = "PUBLISH") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//VNG Kennisplatform Leegstand//Bijeenkomsten//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_amsterdam_vtimezone())
    return calendar


def _local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def plain_text(markdown_text: str) -> str:
    """Calendar programs show DESCRIPTION as it is: Markdown becomes readable plain text."""
    html = render_markdown(markdown_text)
    html = re.sub(r"<li[^>]*>", "- ", html)
    html = re.sub(r"</li>\s*", "\n", html)
    html = re.sub(r"</(p|h\d|ul|ol|blockquote|pre)>\s*", "\n\n", html)
    text = html_lib.unescape(strip_tags(html))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _description(bijeenkomst, url: str, location: str | None) -> str:
    description = plain_text(bijeenkomst.description)
    parts = [description] if description else []
    if location and bijeenkomst.online_url:
        parts.append(f"Online deelnemen: {bijeenkomst.online_url}")
    parts.append(f"Meer informatie en inschrijven: {url}")
    return "\n\n".join(parts)


def location_text(bijeenkomst) -> str:
    """Address (or, for online meetings, the link) for people who may see it."""
    if bijeenkomst.address:
        return bijeenkomst.address.replace("\r\n", "\n").replace("\n", ", ")
    return bijeenkomst.online_url


def _event_base(bijeenkomst, uid: str, start: datetime, end: datetime, url: str, show_location: bool) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("last-modified", bijeenkomst.updated_at)
    event.add("dtstart", _local(start))
    event.add("dtend", _local(end))
    event.add("summary", bijeenkomst.title)
    location = location_text(bijeenkomst) if show_location else None
    event.add("description", _description(bijeenkomst, url, location))
    if location:
        event.add("location", location)
    elif bijeenkomst.place:
        event.add("location", bijeenkomst.place)
    event.add("url", url)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def series_uid(bijeenkomst) -> str:
    return f"{bijeenkomst.uid}@kennisplatform"


def occurrence_event(occurrence, show_location: bool) -> Event:
    """One date. A date of a series carries the series' UID and its RECURRENCE-ID, so it is the
    same event as in the series file (and replaces that date there when times change)."""
    bijeenkomst = occurrence.bijeenkomst
    url = settings.SITE_URL + occurrence.get_absolute_url()
    uid = series_uid(bijeenkomst) if bijeenkomst.is_series else occurrence.uid
    event = _event_base(bijeenkomst, uid, occurrence.start, occurrence.end, url, show_location)
    if bijeenkomst.is_series:
        event.add("recurrence-id", recurrence_id(occurrence))
    event.add("sequence", occurrence.sequence)
    return event


def recurrence_id(occurrence) -> datetime:
    """The date the rule produced (kept in the occurrence's UID) at the series' start time."""
    rule_date = datetime.strptime(occurrence.uid.split("@")[0].rsplit("-", 1)[1], "%Y%m%d").date()
    return datetime.combine(rule_date, _local(occurrence.bijeenkomst.start).time(), tzinfo=AMSTERDAM)


def series_event(bijeenkomst, url: str, show_location: bool) -> Event:
    """The whole series as one VEVENT with its RRULE, starting at the first date."""
    event = _event_base(bijeenkomst, series_uid(bijeenkomst), bijeenkomst.start, bijeenkomst.end, url, show_location)
    rule = bijeenkomst.recurrence_rule.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    event.add("rrule", vRecur.from_ical(rule))
    return event


def calendar_bytes(events, name: str | None = None) -> bytes:
    calendar = new_calendar(name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
