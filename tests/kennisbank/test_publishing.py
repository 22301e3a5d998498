"""Redacteuren submit, Eindredacteuren approve and publish, through the "Redactie" workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db


def _member(email, group_name):
    user = make_verified_user(email)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_workflow_is_installed_on_the_whole_tree(kb):
    workflow = Workflow.objects.get(name="Redactie")
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == ["Eindredactie"]
    assert [group.name for group in tasks[0].groups.all()] == ["Eindredacteuren"]
    assert kb.utrecht.get_workflow() == workflow
    assert Page.get_first_root_node().get_workflow() == workflow


def test_editors_can_edit_but_not_publish(kb):
    editor = _member("redacteur@vng.example", "Redacteuren")
    final_editor = _member("eindredacteur@vng.example", "Eindredacteuren")
    assert editor.has_perm("wagtailadmin.access_admin") and final_editor.has_perm("wagtailadmin.access_admin")
    editor_perms = kb.utrecht.permissions_for_user(editor)
    assert editor_perms.can_edit() and not editor_perms.can_publish()
    assert kb.utrecht.permissions_for_user(final_editor).can_publish()


def test_editor_submission_waits_for_final_editor(client, kb):
    editor = _member("redacteur@vng.example", "Redacteuren")
    final_editor = _member("eindredacteur@vng.example", "Eindredacteuren")
    page = kb.utrecht
    page.title = "Nieuwe titel door redacteur"
    revision = page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert page.title == "Kantoor in Utrecht"  # still the old live title
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, final_editor)
    assert not task_state.task.specific.get_actions(page, editor)
    task_state.task.specific.on_action(task_state, final_editor, "approve")
    page.refresh_from_db()
    assert page.live and page.title == "Nieuwe titel door redacteur"
    assert revision.pk in page.revisions.values_list("pk", flat=True)


def test_editor_cannot_publish_through_the_admin(client, kb):
    editor = _member("redacteur@vng.example", "Redacteuren")
    client.force_login(editor)
    url = f"/cms/pages/{kb.utrecht.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"action-publish": "1", "title": "Gepubliceerd?", "slug": kb.utrecht.slug})
    kb.utrecht.refresh_from_db()
    assert kb.utrecht.title == "Kantoor in Utrecht"
    assert response.status_code in (200, 302, 403)


@pytest.mark.parametrize(
    "model, parent",
    [
        ("hoofdstukpage", "handreiking"),
        ("voorbeeldpage", "voorbeelden_index"),
        ("publicatiepage", "publicaties_index"),
        ("instrumentpage", "instruments_index"),
        ("verordeningpage", "handreiking"),
    ],
)
def test_editors_get_a_working_create_form_in_the_cms(client, kb, model, parent):
    editor = _member("redacteur@vng.example", "Redacteuren")
    client.force_login(editor)
    response = client.get(f"/cms/pages/add/kennisbank/{model}/{getattr(kb, parent).pk}/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()[:500]


def test_a_scheduled_voorbeeld_goes_live_and_expires_when_the_clock_runs_publish_scheduled(client, kb):
    """Issue 16.2, the editor's side: the clock that runs ``publish_scheduled`` every minute in each
    deployment is the scheduler service (reliability work); here the command is run by hand."""
    import time
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    editor = _member("redacteur@vng.example", "Redacteuren")
    final_editor = _member("eindredacteur@vng.example", "Eindredacteuren")
    page = kb.concept.specific
    url = page.url
    go_live_at = timezone.now() + timedelta(seconds=3)
    page.go_live_at, page.expire_at = go_live_at, go_live_at + timedelta(seconds=3)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    state.current_task_state.task.specific.on_action(state.current_task_state, final_editor, "approve")

    page.refresh_from_db()
    assert not page.live and page.scheduled_revision is not None  # approved, waiting for its moment
    call_command("publish_scheduled")
    assert client.get(url).status_code == 404  # not before go-live

    time.sleep(max(0, (go_live_at - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and client.get(url).status_code == 200

    time.sleep(max(0, (page.expire_at - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(url).status_code == 404
