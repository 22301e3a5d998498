"""The platform's one time zone: meetings, calendars, reminders and exports use Dutch time."""

from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
