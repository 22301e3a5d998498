"""Every ``<time datetime>`` on the discussion and notification pages is valid HTML (issue 16, 12).

The HTML spec allows a valid date string or a valid global date-and-time string with at most
three fraction digits; Django's ``date:'c'`` printed six (microseconds), which the Nu HTML
Checker reports as an error.
"""

import re
from datetime import date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies import services
from themagroepen.discussies.models import Reply, Topic
from themagroepen.notificaties.models import Notification
from themagroepen.notificaties.services import notify

pytestmark = pytest.mark.django_db

# https://html.spec.whatwg.org/#valid-date-string and #valid-global-date-and-time-string
DATE = r"(?P<date>\d{4,}-\d{2}-\d{2})"
GLOBAL = DATE + r"[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(?P<zone>Z|[+-]\d{2}:?\d{2})"


def is_valid_html_datetime(value: str) -> bool:
    match = re.fullmatch(GLOBAL, value) or re.fullmatch(DATE, value)
    if not match:
        return False
    try:
        date.fromisoformat(match["date"])  # the day exists (no 31 February)
        if match.groupdict().get("time"):
            hours, minutes = (int(part) for part in match["time"][:5].split(":"))
            zone = match["zone"].replace(":", "")
            assert hours < 24 and minutes < 60 and (zone == "Z" or (int(zone[1:3]) < 24 and int(zone[3:]) < 60))
    except (ValueError, AssertionError):
        return False
    return True


@pytest.mark.parametrize(
    "value, valid",
    [
        ("2026-03-02", True),
        ("2026-03-02T08:00:00+01:00", True),
        ("2026-03-02 08:00Z", True),
        ("2026-03-02T08:00:00.123+01:00", True),
        ("2026-03-02T08:00:00.123456+01:00", False),
        ("2026-03-02T08:00:00", False),
        ("2026-02-31", False),
        ("2026-03-02T24:00:00+01:00", False),
    ],
)
def test_the_checker_follows_the_html_spec(value, valid):
    assert is_valid_html_datetime(value) is valid


def datetimes(response):
    assert response.status_code == 200, response.status_code
    return [
        tag["datetime"] for tag in BeautifulSoup(response.content, "html.parser").find_all(attrs={"datetime": True})
    ]


def test_discussion_and_notification_pages_print_valid_datetimes(groep, lid, lid2, topic):
    reply = services.create_reply(topic, lid2, "Wij verhuren tijdelijk via een beheerder.")
    services.edit_post(reply, lid2, "Wij verhuren tijdelijk via een leegstandsbeheerder.")
    notify([lid], kind="reply", title="Nieuwe reactie", url=topic.get_absolute_url(), themagroep=groep, actor=lid2)
    # Microseconds for certain, as a real clock gives them almost always.
    moment = timezone.now().replace(microsecond=123456)
    Topic.objects.filter(pk=topic.pk).update(created=moment, last_activity=moment)
    Reply.objects.filter(pk=reply.pk).update(created=moment)
    Notification.objects.filter(recipient=lid).update(created=moment)

    reader = client_for(lid)
    pages = {
        "onderwerp": datetimes(reader.get(topic.get_absolute_url())),
        "overzicht": datetimes(reader.get(f"/themagroepen/{groep.slug}/discussies/")),
        "meldingen": datetimes(reader.get(reverse("notificaties:list"))),
    }

    assert len(pages["onderwerp"]) >= 2 and pages["overzicht"] and pages["meldingen"], pages
    invalid = {name: [v for v in values if not is_valid_html_datetime(v)] for name, values in pages.items()}
    assert invalid == {"onderwerp": [], "overzicht": [], "meldingen": []}
    # Dutch time with its offset, to the second, as shown beside it.
    shown = datetime.fromisoformat(pages["meldingen"][0])
    assert shown.utcoffset() in {timedelta(hours=1), timedelta(hours=2)} and shown.microsecond == 0
