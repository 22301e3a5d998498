"""An editor who submits right after typing gets one page in review, never a 500 (issue 16.1).

The editor's autosave creates the page from the add form; a submit still aimed at the add URL
(sent before the browser switched the form to the edit URL, or at the same moment) must land
on that same page.
"""

import threading

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from kennisbank.models import Gemeente, VoorbeeldPage
from tests.conftest import make_verified_user


def _editor():
    editor = make_verified_user("redacteur@vng.example")
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    return editor


def _add_url(kb):
    return reverse("wagtailadmin_pages:add", args=("kennisbank", "voorbeeldpage", kb.voorbeelden_index.pk))


def add_form_data(client, url, title):
    """The fields of the rendered add form, filled in as an editor would."""
    form = BeautifulSoup(client.get(url).content, "html.parser").find("form", id="page-edit-form")
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("type") in ("submit", "button", "checkbox", "radio"):
            continue
        if element.name == "select":
            continue
        data[name] = element.text if element.name == "textarea" else element.get("value", "")
    slug = title.lower().replace(" ", "-")
    data.update(
        title=title,
        slug=slug,
        summary="Kort.",
        gemeente=str(Gemeente.objects.get(cbs_code="GM0344").pk),
        property_type="kantoor",
        year="2024",
    )
    return data


def _autosave(client, url, data):
    return client.post(url, data, HTTP_ACCEPT="application/json")


def _submit(client, url, data):
    return client.post(url, {**data, "action-submit": "Ter beoordeling aanbieden"})


@pytest.mark.django_db
def test_the_add_form_carries_a_fresh_creation_token(client, kb):
    client.force_login(_editor())
    first = add_form_data(client, _add_url(kb), "Een")["kp_creation_token"]
    second = add_form_data(client, _add_url(kb), "Een")["kp_creation_token"]
    assert first and second and first != second


@pytest.mark.django_db
def test_submit_after_autosave_on_the_add_url_submits_the_autosaved_page(client, kb):
    client.force_login(_editor())
    url = _add_url(kb)
    data = add_form_data(client, url, "Snel voorbeeld")
    saved = _autosave(client, url, data)
    assert saved.status_code == 200 and saved.json()["success"]

    data["summary"] = "Nog even aangevuld voor het indienen."
    submitted = _submit(client, url, data)

    assert submitted.status_code == 302
    pages = VoorbeeldPage.objects.filter(slug="snel-voorbeeld")
    assert pages.count() == 1
    page = pages.get()
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().summary == "Nog even aangevuld voor het indienen."
    assert not page.live


@pytest.mark.django_db
def test_an_autosave_arriving_after_the_submit_does_not_overwrite_it(client, kb):
    client.force_login(_editor())
    url = _add_url(kb)
    data = add_form_data(client, url, "Laat voorbeeld")
    assert _submit(client, url, {**data, "summary": "Ingediende tekst."}).status_code == 302

    late = _autosave(client, url, {**data, "summary": "Oudere tekst."})

    assert late.status_code == 400 and late.json()["error_code"] == "invalid_revision"
    page = VoorbeeldPage.objects.get(slug="laat-voorbeeld")
    assert page.get_latest_revision_as_object().summary == "Ingediende tekst."


@pytest.mark.django_db
def test_two_add_forms_with_the_same_title_still_meet_the_slug_check(client, kb):
    client.force_login(_editor())
    url = _add_url(kb)
    assert _submit(client, url, add_form_data(client, url, "Dubbel voorbeeld")).status_code == 302

    second = _submit(client, url, add_form_data(client, url, "Dubbel voorbeeld"))

    assert second.status_code == 200
    assert "is al in gebruik" in second.content.decode()
    assert VoorbeeldPage.objects.filter(slug="dubbel-voorbeeld").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_autosave_and_submit_at_the_same_moment_give_one_page_and_no_error(kb):
    editor = _editor()
    url = _add_url(kb)
    responses = []
    for attempt in range(4):
        client = Client()
        client.force_login(editor)
        data = add_form_data(client, url, f"Gelijktijdig voorbeeld {attempt}")
        start = threading.Barrier(2)

        def post(send, data=data, client=client, start=start):
            start.wait()
            try:
                responses.append(send(client, url, data))
            except Exception as error:  # the test client re-raises what would be a 500
                responses.append(error)

        threads = [threading.Thread(target=post, args=(send,)) for send in (_autosave, _submit)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        page = VoorbeeldPage.objects.get(slug=f"gelijktijdig-voorbeeld-{attempt}")
        assert page.workflow_in_progress

    assert [response for response in responses if isinstance(response, Exception)] == []
    for response in responses:
        assert (
            response.status_code == 302
            or response.json()["success"]
            or response.json()["error_code"] == ("invalid_revision")
        )
