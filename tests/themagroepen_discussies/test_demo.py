"""The demo discussions load on top of the account and group demos, and a rerun changes nothing."""

import io

import pytest

from themagroepen.discussies import demo
from themagroepen.discussies.models import Reply, Topic

pytestmark = pytest.mark.django_db


def test_demo_discussions_are_idempotent():
    from accounts import demo as accounts_demo
    from themagroepen import demo as groups_demo

    accounts_demo.load(io.StringIO())
    groups_demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert (Topic.objects.count(), Reply.objects.count()) == (3, 4)
    welcome = Topic.objects.get(title="Welkom: zo werkt deze themagroep")
    assert welcome.pinned and welcome.themagroep.slug == "leegstand-en-herbestemmen"
    assert Topic.objects.get(title__startswith="Ervaringen").replies.count() == 3
    output = io.StringIO()
    demo.load(output)
    assert (Topic.objects.count(), Reply.objects.count()) == (3, 4)
    assert "0 onderwerp(en) aangemaakt" in output.getvalue()


def test_demo_skips_quietly_without_the_group():
    output = io.StringIO()
    demo.load(output)
    assert not Topic.objects.exists()
    assert "overgeslagen" in output.getvalue()
