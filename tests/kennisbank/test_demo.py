"""The demo kennisbank: complete, spread over the country, and idempotent."""

import io

import pytest
from wagtail.models import Page, Revision

from kennisbank import demo
from kennisbank.models import (
    HandreikingPage,
    HoofdstukPage,
    InstrumentPage,
    PublicatiePage,
    VerordeningPage,
    VoorbeeldPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_demo_is_complete_and_a_second_run_changes_nothing():
    demo.load(io.StringIO())
    handreiking = HandreikingPage.objects.get(url_path__endswith="/handreiking/leegstand-te-lijf/")
    chapters = HoofdstukPage.objects.child_of(handreiking).live()
    assert chapters.count() >= 8
    for chapter in chapters:
        types = {block.block_type for block in chapter.body}
        assert {"checklist", "instrument", "section"} <= types, chapter.title
    assert VerordeningPage.objects.live().get().articles
    voorbeelden = VoorbeeldPage.objects.live()
    assert voorbeelden.count() >= 12
    assert voorbeelden.values("gemeente__provincie").distinct().count() >= 8
    assert voorbeelden.values("property_type").distinct().count() >= 5
    assert InstrumentPage.objects.values("kind").distinct().count() == 5
    publicaties = PublicatiePage.objects.live()
    assert publicaties.count() == 5 and all(p.document_id and p.date for p in publicaties)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    demo.load(io.StringIO())
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
