"""Issue 17 point 5 in two browsers: the asker marks a solution by keyboard, it shows directly under
the question; another member sees "Opgelost" and the filter of unanswered questions leaves it out;
a beheerder marks one too."""

import pytest

from tests.themagroepen_discussies.test_form_errors_journey import tab_to
from tests.themagroepen_discussies.test_live_journey import signed_in_page
from tests.themagroepen_discussies.test_writing_journey import post_reply

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tweede_vraag(groep, lid2):
    from themagroepen.discussies.services import create_topic

    return create_topic(groep, lid2, "Handhaving bij kraakpanden", "Hoe pakt u **kraak** aan?")


def topic_row(page, topic):
    return page.locator(".topic-list__item").filter(has=page.get_by_role("link", name=topic.title, exact=True))


def test_a_marked_solution_shows_under_the_question_and_in_the_other_members_list(
    groep, beheerder, lid, lid2, topic, tweede_vraag, chromium, live_server_url, assert_accessible
):
    post_reply(topic, lid2, "Wij werken met een **leegstandsbeheerder** en tijdelijke huurcontracten.")
    post_reply(tweede_vraag, beheerder, "Eerst een gesprek met de eigenaar, dan een last onder dwangsom.")
    anne_context, anne = signed_in_page(chromium, live_server_url, lid)
    bram_context, bram = signed_in_page(chromium, live_server_url, lid2)
    mona_context, mona = signed_in_page(chromium, live_server_url, beheerder)
    try:
        anne.goto(live_server_url + topic.get_absolute_url())
        tab_to(anne, "Markeer als oplossing")
        anne.keyboard.press("Enter")
        anne.wait_for_load_state()
        status = anne.locator("main [data-messages][role=status]")
        assert status.inner_text().strip() == "De reactie is gemarkeerd als oplossing."
        assert anne.evaluate("() => document.activeElement.hasAttribute('data-messages')")
        # Directly under the question: the next thing after the opening post.
        summary = anne.locator(".solution-summary")
        assert summary.evaluate("s => s.previousElementSibling.matches('article.post')")
        assert summary.get_by_role("heading", name="Oplossing").is_visible()
        assert summary.locator("strong").inner_text() == "leegstandsbeheerder"
        assert anne.get_by_role("button", name="Geen oplossing meer (reactie van Bram Visser)").is_visible()
        assert_accessible(anne)

        discussions = live_server_url + f"/themagroepen/{groep.slug}/discussies/"
        bram.goto(discussions)
        assert topic_row(bram, topic).locator(".tag--solution").inner_text() == "Opgelost"
        assert topic_row(bram, tweede_vraag).locator(".tag--solution").count() == 0
        bram.get_by_role("link", name="Onbeantwoorde vragen").click()
        assert bram.get_by_role("link", name="Onbeantwoorde vragen").get_attribute("aria-current") == "page"
        assert topic_row(bram, topic).count() == 0 and topic_row(bram, tweede_vraag).count() == 1
        assert_accessible(bram)

        # A beheerder may mark one in a topic someone else asked.
        mona.goto(live_server_url + tweede_vraag.get_absolute_url())
        mona.get_by_role("button", name="Markeer als oplossing (reactie van Mona de Beheerder)").click()
        assert mona.locator(".solution-summary").get_by_text("last onder dwangsom").is_visible()
        bram.reload()
        assert bram.get_by_text("Er zijn geen onbeantwoorde vragen.").is_visible()
    finally:
        anne_context.close()
        bram_context.close()
        mona_context.close()
