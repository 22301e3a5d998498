"""Every kind of page a person sees is valid HTML: the Nu HTML Checker reports 0 errors (16.12).

The site is served for real (the ASGI live server of the browser tests) over the demo content
plus what the demo lacks (an edited reply with an attachment, a solution, a notification, a
report, a registration, an organisation's dossier). Pages are fetched as a visitor and signed in
as a member and as a group's beheerder, forms also shown with their errors, and one run of vnu
checks all of them. Errors fail the test, listed per page with message and line. Warnings
("Possible misuse of aria-label", "the datetime-local input type is not supported in all
browsers", "Article lacks heading") are advice about authoring, not invalid HTML, and are
ignored. The Wagtail admin is Wagtail's own markup and is not checked.
"""

import json
import re
import subprocess
from io import StringIO
from pathlib import Path

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import RequestFactory
from django.views.defaults import server_error

from accounts.demo import DEMO_PASSWORD
from tests.kennisbank.conftest import reference_data  # noqa: F401 (a fixture: loaddemo needs the gemeenten)
from tests.support.services import java_path, vnu_jar

pytestmark = [pytest.mark.vnu, pytest.mark.django_db(transaction=True)]

GROUP_SLUG = "leegstand-en-herbestemmen"
GROUP = f"/themagroepen/{GROUP_SLUG}"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Shows that the checker runs and that its errors reach the report: one error, on line 1.
INVALID_NAME = "controle: ongeldige pagina"
INVALID = '<!DOCTYPE html><html lang="nl"><title>Fout</title><p><time datetime="gisteren">gisteren</time></p>'


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # loaddemo creates six accounts; real password hashing would dominate the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _demo_with_everything_a_member_meets():
    """The demo content, plus the things it has none of; returns the topic, the answer marked as
    its solution, and two meetings (the first, and one open for registration)."""
    from django.contrib.auth import get_user_model

    from accounts.models import Organisation, OrganisationKind
    from accounts.services import get_profile
    from themagroepen.bijeenkomsten import services as meetings
    from themagroepen.bijeenkomsten.models import Occurrence
    from themagroepen.discussies import services as discussions
    from themagroepen.discussies.models import Topic

    call_command("loaddemo", stdout=StringIO())
    users = get_user_model().objects
    lid, moderator = users.get(email="lid@example.nl"), users.get(email="moderator@example.nl")
    topic = Topic.objects.get(title="Ervaringen met de leegstandverordening en de meldplicht")
    answer = discussions.create_reply(
        topic, moderator, "Ons overzicht staat in de bijlage.", files=[SimpleUploadedFile("meldingen-2025.pdf", PDF)]
    )
    discussions.edit_post(answer, moderator, "Ons overzicht van 2025 staat in de bijlage.")
    discussions.toggle_solution(answer)
    discussions.report(lid, topic, answer, "Bevat persoonsgegevens van een eigenaar.")
    occurrences = Occurrence.objects.filter(bijeenkomst__themagroep__slug=GROUP_SLUG).order_by("start")
    upcoming = next(occurrence for occurrence in occurrences if occurrence.registration_open)
    meetings.register(lid, upcoming)
    # A dossier belongs to an organisation whose e-mail domain is known.
    organisation = Organisation.objects.create(name="Gemeente Voorbeeld", kind=OrganisationKind.ANDERS)
    organisation.domains.create(domain="example.nl")
    profile = get_profile(lid)
    profile.organisation = organisation
    profile.save()
    return topic, answer, [occurrences[0], upcoming]


def _library_with_a_file():
    """A folder in the group's library with a file in two versions (the demo has none)."""
    from django.contrib.auth import get_user_model

    from themagroepen.bestanden import services
    from themagroepen.models import Themagroep

    group, lid = Themagroep.objects.get(slug=GROUP_SLUG), get_user_model().objects.get(email="lid@example.nl")
    folder = services.create_folder(group, lid, "Verordeningen")
    groupfile = services.upload_file(group, lid, SimpleUploadedFile("model.pdf", PDF), folder=folder)
    services.add_version(groupfile, lid, SimpleUploadedFile("model-2025.pdf", PDF))
    return folder, groupfile


class _Browser:
    """A person's requests: cookies kept, forms posted with the CSRF token of their page."""

    def __init__(self, base, email=None):
        self.base, self.session = base, requests.Session()
        if email is not None:
            # Through the login form, so allauth knows of a recent authentication.
            self.post("/account/login/", {"login": email, "password": DEMO_PASSWORD}, expect=302)

    def get(self, path, expect=200) -> str:
        response = self.session.get(self.base + path, allow_redirects=False)
        assert response.status_code == expect, f"{path}: {response.status_code} {response.headers.get('Location')}"
        return response.text

    def post(self, path, data, expect, form_page=None) -> str:
        page = self.get(form_page or path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        response = self.session.post(
            self.base + path,
            data={"csrfmiddlewaretoken": token, **data},
            headers={"Referer": self.base + (form_page or path)},
            allow_redirects=False,
        )
        assert response.status_code == expect, f"POST {path}: {response.status_code}"
        return response.text


def _wagtail_pages() -> list[str]:
    """Every live page: chapters (tables, checklists), instrumenten, voorbeelden, publicaties,
    thema's and the information pages."""
    from wagtail.models import Page

    return [url for page in Page.objects.live().specific().order_by("path") if (url := page.get_url())]


def _pages(base, topic, answer, occurrences) -> dict[str, str]:
    """Who and which page → its HTML."""
    from kennisbank.themes import Thema

    first, upcoming = occurrences
    pages = {}
    visitor = _Browser(base)
    for path in _wagtail_pages() + [
        "/voorbeelden/?provincie=utrecht&provincie=gelderland&sortering=gemeente",
        "/voorbeelden/?provincie=groningen&vastgoed=kantoor",  # 0 results
        "/voorbeelden/?thema=bestaat-niet",
        "/voorbeelden/?q=kantoren+transformeren",
        "/voorbeelden/?sortering=relevantie",  # without a term: says why it is not offered
        "/zoeken/",
        "/zoeken/?q=leegstandverordening",
        "/zoeken/?q=xyzzyqwerty",
        "/themas/",
        f"/themas/{Thema.objects.order_by('slug').first().slug}/",
        "/agenda/",
        "/themagroepen/",
        f"{GROUP}/",
        "/themagroepen/kantorentransformatie/",
        "/account/login/",
        "/account/signup/",
        "/account/password/reset/",
    ]:
        pages[f"bezoeker {path}"] = visitor.get(path)
    assert (
        "Geen voorbeelden met deze combinatie" in pages["bezoeker /voorbeelden/?provincie=groningen&vastgoed=kantoor"]
    )
    assert any("<table" in html and 'type="checkbox"' in html for html in pages.values()), "no chapter with both"
    pages["bezoeker 404"] = visitor.get("/bestaat-niet/", expect=404)
    pages["bezoeker 400 (nul-teken)"] = visitor.get("/zoeken/?q=a%00b", expect=400)
    pages.update(_error_pages_without_a_request())
    pages["bezoeker inloggen, fout wachtwoord"] = visitor.post(
        "/account/login/", {"login": "lid@example.nl", "password": "fout"}, expect=200
    )
    pages["bezoeker account aanmaken met fouten"] = visitor.post(
        "/account/signup/", {"email": "geen-adres", "password1": "kort"}, expect=200
    )
    visitor.post("/account/password/reset/", {"email": "lid@example.nl"}, expect=302)
    pages["bezoeker wachtwoord vergeten, verstuurd"] = visitor.get("/account/password/reset/done/")

    outsider = _Browser(base, "buitenstaander@example.nl")
    for path in [f"{GROUP}/", f"{GROUP}/lid-worden/", "/themagroepen/inlogcode/"]:
        pages[f"buitenstaander {path}"] = outsider.get(path)
    pages["buitenstaander onderwerp (alleen voor leden)"] = outsider.get(topic.get_absolute_url(), expect=403)

    lid = _Browser(base, "lid@example.nl")
    discussion = f"{GROUP}/discussies"
    folder, groupfile = _library_with_a_file()
    library = f"{GROUP}/bestanden"
    for path in [
        "/",
        "/account/profiel/",
        "/account/profiel/bewerken/",
        "/account/email/",
        "/account/password/change/",
        "/account/2fa/",
        "/account/reauthenticate/",
        "/account/verwijderen/",
        "/themagroepen/",
        "/themagroepen/uitnodigingen/",
        f"{GROUP}/",
        f"{discussion}/",
        f"{discussion}/nieuw/",
        topic.get_absolute_url(),
        f"{discussion}/reacties/{answer.pk}/geschiedenis/",
        "/meldingen/",
        "/meldingen/e-mail/",
        f"{GROUP}/bijeenkomsten/",
        f"{GROUP}/bijeenkomsten/{first.pk}/",
        f"{GROUP}/bijeenkomsten/{upcoming.pk}/",
        f"{GROUP}/bijeenkomsten/{upcoming.pk}/inschrijven/",
        "/agenda/",
        "/agenda/abonneren/",
        "/dossier/",
        f"{GROUP}/leden/",
        f"{library}/",
        f"{library}/mappen/{folder.pk}/",
        f"{library}/{groupfile.pk}/",
        f"{library}/uploaden/",
    ]:
        pages[f"lid {path}"] = lid.get(path)
    pages["lid bestand uploaden met fouten"] = lid.post(f"{library}/uploaden/", {"name": ""}, expect=400)
    pages["lid 403"] = lid.get(f"{GROUP}/verzoeken/", expect=403)
    topic_page = pages[f"lid {topic.get_absolute_url()}"]
    assert "meldingen-2025.pdf" in topic_page, "no attachment shown"
    assert "reageerde op" in pages["lid /meldingen/"], "no notification shown"
    # Setting up MFA asks for the password again first.
    lid.post("/account/reauthenticate/", {"password": DEMO_PASSWORD}, expect=302)
    pages["lid /account/2fa/totp/activate/"] = lid.get("/account/2fa/totp/activate/")
    pages["lid nieuw onderwerp met fouten"] = lid.post(f"{discussion}/nieuw/", {"title": "", "body": ""}, expect=200)
    pages["lid nieuw onderwerp, voorbeeldweergave"] = lid.post(
        f"{discussion}/nieuw/",
        {"title": "Vraag", "body": "**Vet** en een lijst:\n\n- een\n- twee", "voorbeeld": ""},
        expect=200,
    )
    assert "<strong>Vet</strong>" in pages["lid nieuw onderwerp, voorbeeldweergave"], "no preview shown"
    for status, name in [(400, "lid reactie met fouten"), (429, "lid 429 (te veel reacties)")]:
        pages[name] = lid.post(
            f"{discussion}/{topic.pk}/reageren/", {"body": ""}, expect=status, form_page=topic.get_absolute_url()
        )

    pages.update(_verordening_wizard(lid))

    beheerder = _Browser(base, "moderator@example.nl")
    for path in [
        f"{discussion}/meldingen/",
        f"{discussion}/{topic.pk}/bewerken/",
        f"{GROUP}/leden/",
        f"{GROUP}/verzoeken/",
        f"{GROUP}/uitnodigen/",
        f"{GROUP}/bijeenkomsten/nieuw/",
        f"{GROUP}/bijeenkomsten/{upcoming.pk}/deelnemers/",
        f"{GROUP}/bijeenkomsten/{first.pk}/verslag/",
        f"{library}/{groupfile.pk}/nieuwe-versie/",
        f"{library}/{groupfile.pk}/wijzigen/",
        f"{library}/{groupfile.pk}/verwijderen/",
        f"{library}/mappen/{folder.pk}/hernoemen/",
    ]:
        pages[f"beheerder {path}"] = beheerder.get(path)
    pages["beheerder niet-lege map verwijderen"] = beheerder.post(
        f"{library}/mappen/{folder.pk}/verwijderen/", {}, expect=400
    )
    pages["beheerder /dossier/ zonder organisatie"] = beheerder.get("/dossier/", expect=403)
    from themagroepen.discussies.models import Report

    report = Report.objects.get()
    decide, field = f"{discussion}/meldingen/{report.pk}/afhandelen/", f"melding-{report.pk}"
    queue = f"{discussion}/meldingen/"
    pages["beheerder melding afhandelen met fouten"] = beheerder.post(
        decide, {f"{field}-outcome": "afwijzen", f"{field}-reason": ""}, expect=200, form_page=queue
    )
    beheerder.post(decide, {f"{field}-outcome": "afwijzen", f"{field}-reason": "Geen persoonsgegevens."}, 302, queue)
    pages["beheerder meldingen met een afgehandelde"] = beheerder.get(queue)
    pages.update(_knowledge_loop(beheerder, lid, topic))
    return pages


def _knowledge_loop(beheerder, lid, topic) -> dict[str, str]:
    """Propose the solved topic for the kennisbank (with errors first), the author's consent page,
    and a chapter that lists the topic under "Besproken in de themagroep" for a member."""
    from kennisbank.models import HoofdstukPage
    from themagroepen.discussies.models import KennisbankProposal

    pages = {}
    propose, links = f"{GROUP}/discussies/{topic.pk}/kennisbank/", f"{GROUP}/discussies/{topic.pk}/kennisbankpaginas/"
    pages["beheerder voorstel kennisbank"] = beheerder.get(propose)
    pages["beheerder voorstel kennisbank met fouten"] = beheerder.post(propose, {"kind": ""}, expect=400)
    beheerder.post(propose, {"kind": "veelgestelde-vraag", "summary": "Vraag het overzicht op."}, expect=302)
    consent = KennisbankProposal.objects.get(topic=topic).get_absolute_url()
    pages["lid toestemming kennisbank"] = lid.get(consent)
    chapter = HoofdstukPage.objects.live().order_by("path").first()
    pages["beheerder kennisbankpagina's koppelen"] = beheerder.get(links)
    beheerder.post(links, {"page": chapter.pk}, expect=302)
    pages["beheerder kennisbankpagina's gekoppeld"] = beheerder.get(links)
    pages["lid hoofdstuk, besproken in de themagroep"] = lid.get(chapter.get_url())
    assert "Besproken in de themagroep" in pages["lid hoofdstuk, besproken in de themagroep"]
    lid.post(consent, {"antwoord": "akkoord"}, expect=302)
    pages["lid toestemming kennisbank gegeven"] = lid.get(consent)
    return pages


def _verordening_wizard(lid) -> dict[str, str]:
    """The gemeente's own verordening: a step, a step with an error, the overview and the draft."""
    from kennisbank.dossiers.models import VerordeningConcept
    from kennisbank.models import VerordeningPage

    model = VerordeningPage.objects.live().first()
    lid.post("/dossier/verordening/nieuw/", {"model": model.pk}, expect=302)
    concept = VerordeningConcept.objects.latest("pk")
    steps = f"/dossier/verordening/{concept.pk}/stap"
    pages = {
        f"lid verordening {name}": lid.get(path)
        for name, path in [
            ("begin", "/dossier/verordening/nieuw/"),
            ("stap", f"{steps}/meldplicht/"),
            ("overzicht", f"{steps}/overzicht/"),
            ("concept", f"/dossier/verordening/{concept.pk}/"),
        ]
    }
    pages["lid verordening stap met fouten"] = lid.post(
        f"{steps}/meldplicht/", {"meldtermijn": "99", "wijzigingstermijn": "", "actie": "volgende"}, expect=200
    )
    return pages


def _error_pages_without_a_request() -> dict[str, str]:
    """The pages answered when the site itself is in trouble, rendered as their code does."""
    from django.template.loader import render_to_string

    from kennisplatform.request_limits import PAGE as TOO_LARGE

    return {
        "500": server_error(RequestFactory().get("/")).content.decode(),
        "503": render_to_string("503.html", {"saved": False}),
        "503, opgeslagen": render_to_string("503.html", {"saved": True}),
        "413": TOO_LARGE.read_text(),
    }


def _vnu(files: list[Path]) -> list[dict]:
    """One run of the checker over all files (a JVM start per page would cost seconds each)."""
    result = subprocess.run(
        [java_path(), "-jar", str(vnu_jar()), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.stdout.startswith("{"), f"vnu did not answer in JSON: {result.stderr[-2000:]}"
    return json.loads(result.stdout)["messages"]


def test_every_page_a_person_sees_is_valid_html(reference_data, home_page, live_server_url, tmp_path, settings):  # noqa: F811
    settings.PLATFORM_RATE_LIMITS = {**settings.PLATFORM_RATE_LIMITS, "reply": "1/m/user"}  # to see the 429 page
    pages = _pages(live_server_url, *_demo_with_everything_a_member_meets())
    pages[INVALID_NAME] = INVALID
    names = {}
    for number, (name, html) in enumerate(pages.items()):
        file = tmp_path / f"pagina-{number:03}.html"
        file.write_text(html)
        names[file.name] = name

    messages = _vnu(sorted(tmp_path.glob("pagina-*.html")))

    # "non-document-error": a file the checker could not read fails the test as well.
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    found = [(names.get(Path(m.get("url", "")).name, m.get("url")), m["message"], m.get("lastLine")) for m in errors]
    assert [line for page, _message, line in found if page == INVALID_NAME] == [1], "the checker did not run"
    report = "\n".join(f"{page} → {message} (regel {line})" for page, message, line in found if page != INVALID_NAME)
    assert not report, f"the Nu HTML Checker found {len(found) - 1} errors in {len(pages) - 1} pages:\n{report}"
