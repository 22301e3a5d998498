"""One scheduler for clock jobs (``manage.py klok``): due when it should be, idempotent, visible.

Before: nothing ran Wagtail's ``publish_scheduled``, so a page with a go-live date never went
live (expiry likewise), and the compose shell loop kept its state in a /tmp marker file.
"""

import time
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from kennisbank.models import PublicatieIndexPage
from kennisplatform import klok
from kennisplatform.models import KlokRun

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _without_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = ""  # the search jobs are proven in test_elasticsearch_faults


def _schedule(home_page, slug, go_live_at=None, expire_at=None, live=False):
    page = PublicatieIndexPage(title=slug.title(), slug=slug, live=live)
    home_page.add_child(instance=page)
    page.go_live_at, page.expire_at = go_live_at, expire_at
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk)


def test_a_page_goes_live_and_expires_within_one_tick(home_page):
    go_live = timezone.now() + timedelta(seconds=1)
    scheduled = _schedule(home_page, "gepland", go_live_at=go_live)
    expiring = _schedule(home_page, "verlopend", live=True)
    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    assert not scheduled.live and expiring.live

    time.sleep(max((go_live - timezone.now()).total_seconds(), 0) + 0.1)
    ran = {record.job for record in klok.run_due()}
    assert "publiceren" in ran
    assert Page.objects.get(pk=scheduled.pk).live
    assert not Page.objects.get(pk=expiring.pk).live and Page.objects.get(pk=expiring.pk).expired
    assert klok.JOBS_BY_NAME["publiceren"].every == timedelta(minutes=1)  # live within a minute


def test_a_tick_runs_each_due_job_once_and_records_it():
    now = datetime(2026, 3, 2, 8, 0, tzinfo=AMSTERDAM)
    first = {record.job: record for record in klok.run_due(now=now)}
    assert set(first) == {job.name for job in klok.JOBS}  # nothing ran before: everything is due
    assert all(record.status == KlokRun.Status.OK for record in first.values()), {
        r.job: r.result for r in first.values() if r.status != KlokRun.Status.OK
    }
    assert klok.run_due(now=now + timedelta(seconds=20)) == []  # idempotent within the period
    second = {record.job for record in klok.run_due(now=now + timedelta(minutes=1))}
    assert second == {"publiceren", "zoekindex-inhalen", "taken-opruimen"}
    assert KlokRun.objects.get(job="publiceren").runs == 2
    assert KlokRun.objects.get(job="samenvattingen").runs == 1


def test_daily_jobs_run_once_a_day_after_their_hour():
    job = klok.JOBS_BY_NAME["samenvattingen"]
    day = datetime(2026, 3, 2, tzinfo=AMSTERDAM)
    assert klok.run_job(job, now=day.replace(hour=6, minute=59)) is None  # before 07:00
    assert klok.run_job(job, now=day.replace(hour=7, minute=1)) is not None
    assert klok.run_job(job, now=day.replace(hour=9)) is None  # once that day
    assert klok.run_job(job, now=day.replace(hour=6, minute=59) + timedelta(days=1)) is None
    assert klok.run_job(job, now=day.replace(hour=7, minute=1) + timedelta(days=1)) is not None
    assert KlokRun.objects.get(job=job.name).runs == 2


def test_a_failing_job_is_recorded_and_shown_and_does_not_stop_the_others(monkeypatch):
    def broken():
        raise RuntimeError("Elasticsearch weg")

    monkeypatch.setattr(klok, "JOBS", [klok.Job("kapot", broken, every=timedelta(minutes=1)), *klok.JOBS])
    now = timezone.now()
    records = {record.job: record for record in klok.run_due(now=now)}
    assert records["kapot"].status == KlokRun.Status.FAILED and "Elasticsearch weg" in records["kapot"].result
    assert records["publiceren"].status == KlokRun.Status.OK
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit):
        call_command("klok", "status", "--check", stdout=out, stderr=err)
    assert "kapot" in out.getvalue() and "mislukt" in out.getvalue()
    assert "kapot" in err.getvalue()  # the healthcheck names what is behind


def test_klok_run_forces_one_job_and_status_lists_all():
    out = StringIO()
    call_command("klok", "run", "taken-opruimen", stdout=out)
    assert "taken-opruimen: gelukt" in out.getvalue()
    out = StringIO()
    call_command("klok", "status", stdout=out)
    for job in klok.JOBS:
        assert job.name in out.getvalue()


def test_site_admins_see_clock_runs_and_workers_in_the_wagtail_admin(client, verified_user):
    from django.contrib.auth import get_user_model

    klok.run_job(klok.JOBS_BY_NAME["taken-opruimen"], force=True)
    admin = get_user_model().objects.create_superuser("beheer@gemeente.example", "beheer@gemeente.example", "x")
    client.force_login(admin)
    page = client.get("/cms/bedrijfsstatus/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "taken-opruimen" in html and "gelukt" in html and "publiceren" in html and "nog nooit" in html
    assert "Geen werker actief" in html
    client.force_login(verified_user)
    assert client.get("/cms/bedrijfsstatus/").status_code in {302, 403}
