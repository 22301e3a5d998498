"""A gemeente's own leegstandverordening: the wizard saves every step (also going back), refuses
bad input in Dutch, is private to the organisation, produces .docx and .odt with the answers in
the right articles, and a new model version notifies the holder of an older draft once."""

import datetime
import json
from io import BytesIO

import pytest
from django.urls import reverse

from kennisbank.demo import _ensure_child
from kennisbank.demo_documents import VERORDENING
from kennisbank.models import VerordeningPage

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date.today().year + 1
ANSWERS = {
    "gebied": {"gebieden": "Binnenstad\nBedrijventerrein Lage Weide", "categorieen": ["kantoren", "winkels"]},
    "meldplicht": {"meldtermijn": "4", "wijzigingstermijn": "2"},
    "overleg": {"overlegtermijn": "2", "beschikbaarheidstermijn": "5"},
    "orgaan": {"orgaan": "burgemeester"},
    "sancties": {"boete": "7500"},
    "inwerkingtreding": {"datum": f"1-7-{NEXT_YEAR}"},
}


def model_articles(change=None):
    articles = [
        {"type": "article", "value": {"number": n, "title": t, "text": text, "explanation": note}}
        for n, t, text, note in VERORDENING["articles"]
    ]
    if change:
        for article in articles:
            article["value"].update(change.get(article["value"]["number"], {}))
    return json.dumps(articles)


@pytest.fixture
def model(kb):
    """The demo model verordening, published with a revision as editors do."""
    page, _ = _ensure_child(
        kb.handreiking,
        VerordeningPage,
        "modelverordening",
        title=VERORDENING["title"],
        summary=VERORDENING["summary"],
        intro=VERORDENING["intro"],
        articles=model_articles(),
    )
    kb.verordening.unpublish(log_action=False)  # the fixture's short model: one model to choose
    page.refresh_from_db()
    return page


def _start(client, model):
    response = client.post(reverse("dossiers:verordening_start"), {"model": model.pk})
    assert response.status_code == 302
    from kennisbank.dossiers.models import VerordeningConcept

    concept = VerordeningConcept.objects.latest("pk")
    assert response["Location"] == reverse("dossiers:verordening_step", args=(concept.pk, "gebied"))
    return concept


def _step(client, concept, slug, data, action="volgende"):
    return client.post(reverse("dossiers:verordening_step", args=(concept.pk, slug)), {**data, "actie": action})


def _complete(client, concept):
    for slug, data in ANSWERS.items():
        assert _step(client, concept, slug, data).status_code == 302
    response = client.post(reverse("dossiers:verordening_step", args=(concept.pk, "overzicht")))
    assert response["Location"] == reverse("dossiers:verordening", args=(concept.pk,))


def test_each_step_is_saved_and_going_back_loses_nothing(client, model, officials):
    client.force_login(officials["anna"])
    concept = _start(client, model)
    page = client.get(reverse("dossiers:verordening_step", args=(concept.pk, "gebied"))).content.decode()
    assert "Stap 1 van 7:</span> Gebieden en gebouwen" in page
    assert '<li aria-current="step">' in page and page.count('aria-current="step"') == 1

    response = _step(client, concept, "gebied", ANSWERS["gebied"])
    assert response["Location"] == reverse("dossiers:verordening_step", args=(concept.pk, "meldplicht"))
    # Half filled in, not yet valid, then "Vorige": kept as typed.
    response = _step(client, concept, "meldplicht", {"meldtermijn": "9", "wijzigingstermijn": "2"}, "vorige")
    assert response["Location"] == reverse("dossiers:verordening_step", args=(concept.pk, "gebied"))
    back = client.get(response["Location"]).content.decode()
    assert "Binnenstad\nBedrijventerrein Lage Weide</textarea>" in back
    assert 'value="kantoren" id="id_categorieen_0" checked' in back
    assert "(ingevuld)" in back

    forward = client.get(reverse("dossiers:verordening_step", args=(concept.pk, "meldplicht"))).content.decode()
    assert 'name="meldtermijn" value="9"' in forward and 'name="wijzigingstermijn" value="2"' in forward
    assert "De termijn voor de melding is ten hoogste 6 maanden." in forward

    # A colleague continues where Anna stopped, and "Opslaan" stays on the step.
    client.force_login(officials["bram"])
    response = _step(client, concept, "meldplicht", ANSWERS["meldplicht"], "opslaan")
    assert response["Location"] == reverse("dossiers:verordening_step", args=(concept.pk, "meldplicht"))
    concept.refresh_from_db()
    assert concept.answers["gebied"]["gebieden"] == ANSWERS["gebied"]["gebieden"]
    assert concept.answers["meldplicht"] == ANSWERS["meldplicht"]
    assert concept.updated_by == officials["bram"] and concept.created_by == officials["anna"]


@pytest.mark.parametrize(
    ("slug", "data", "field", "message"),
    [
        ("gebied", {"gebieden": "  \n ", "categorieen": []}, "id_gebieden", "Vul ten minste één gebied in."),
        (
            "gebied",
            {"gebieden": "Centrum", "categorieen": []},
            "id_categorieen_0",
            "Kies ten minste één categorie gebouwen.",
        ),
        ("meldplicht", {"meldtermijn": "2", "wijzigingstermijn": "4"}, "id_meldtermijn", "is ten minste 3 maanden"),
        ("meldplicht", {"meldtermijn": "zes", "wijzigingstermijn": "4"}, "id_meldtermijn", "als een heel getal"),
        (
            "overleg",
            {"overlegtermijn": "4", "beschikbaarheidstermijn": "3"},
            "id_overlegtermijn",
            "ten hoogste 3 maanden",
        ),
        ("orgaan", {"orgaan": "raad"}, "id_orgaan_0", "Kies een orgaan uit de lijst."),
        ("sancties", {"boete": "5.000,-"}, "id_boete", "zonder punt of komma"),
        ("inwerkingtreding", {"datum": "1-1-2001"}, "id_datum", "Kies een datum vanaf vandaag"),
        ("inwerkingtreding", {"datum": "31-2-2030"}, "id_datum", "als dag-maand-jaar"),
    ],
)
def test_bad_input_gets_a_dutch_error_linked_to_its_field(client, model, officials, slug, data, field, message):
    client.force_login(officials["anna"])
    concept = _start(client, model)
    response = _step(client, concept, slug, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Het formulier is nog niet verstuurd" in page and message in page
    assert f'<a href="#{field}">' in page
    assert page.startswith("<!DOCTYPE html>") and "<title>Fout: Stap" in page


def test_only_the_organisation_sees_its_drafts(client, model, officials, verified_user):
    from kennisbank.dossiers import concepts
    from kennisbank.dossiers.models import VerordeningConcept
    from kennisplatform import access

    client.force_login(officials["anna"])
    concept = _start(client, model)
    _complete(client, concept)
    urls = [
        reverse("dossiers:verordening", args=(concept.pk,)),
        reverse("dossiers:verordening_step", args=(concept.pk, "gebied")),
        reverse("dossiers:verordening_step", args=(concept.pk, "overzicht")),
        reverse("dossiers:verordening_download", args=(concept.pk, "docx")),
        reverse("dossiers:verordening_changes", args=(concept.pk,)),
    ]
    client.force_login(officials["bram"])
    assert all(client.get(url).status_code == 200 for url in urls)

    client.force_login(officials["carla"])
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    assert _step(client, concept, "sancties", {"boete": "1"}).status_code == 404
    assert "Utrecht" not in client.get(reverse("dossiers:dossier")).content.decode()
    concept.refresh_from_db()
    assert concept.answers["sancties"] == {"boete": "7500"}

    client.force_login(verified_user)  # no organisation
    refused = client.get(reverse("dossiers:verordening_start"))
    assert refused.status_code == 403 and "eigen leegstandverordening" in refused.content.decode()
    assert client.get(urls[0]).status_code == 403

    client.logout()
    for url in [reverse("dossiers:verordening_start"), *urls]:
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]

    assert access.policy_for(VerordeningConcept)
    assert concept.read_keys() == {access.organisation_key(concept.organisation_id)}
    assert list(concepts.readable_concepts(officials["bram"])) == [concept]
    assert list(concepts.readable_concepts(officials["carla"])) == []
    assert list(access.filter_readable(VerordeningConcept.objects.all(), officials["anna"])) == []  # held keys alone


def test_what_is_stored_as_entered_is_bounded_and_a_passed_date_stays_valid(client, model, officials):
    from kennisbank.dossiers.models import VerordeningConcept

    client.force_login(officials["anna"])
    concept = _start(client, model)
    response = _step(client, concept, "gebied", {"gebieden": "x" * 100_000, "categorieen": ["kantoren"] * 500})
    assert "ten hoogste 2000 tekens" in response.content.decode()
    concept.refresh_from_db()
    assert len(concept.answers["gebied"]["gebieden"]) == 4000 and len(concept.answers["gebied"]["categorieen"]) == 20

    _complete(client, concept)
    concept.refresh_from_db()
    # The verordening entered into force: the date is in the past now, the files still come.
    answers = {**concept.answers, "inwerkingtreding": {"datum": "1-1-2020"}}
    VerordeningConcept.objects.filter(pk=concept.pk).update(answers=answers)
    response = client.get(reverse("dossiers:verordening_download", args=(concept.pk, "docx")))
    assert response.status_code == 200
    assert "treedt in werking op 1 januari 2020" in "\n".join(_paragraphs("docx", response.content))
    # Entering a past date now is still refused.
    assert (
        "Kies een datum vanaf vandaag"
        in _step(client, concept, "inwerkingtreding", {"datum": "1-1-2020"}).content.decode()
    )


def test_overview_sends_back_to_the_first_open_step(client, model, officials):
    client.force_login(officials["anna"])
    concept = _start(client, model)
    _step(client, concept, "gebied", ANSWERS["gebied"])
    overview = client.get(reverse("dossiers:verordening_step", args=(concept.pk, "overzicht"))).content.decode()
    assert "Stap 7 van 7:</span> Overzicht" in overview and "Binnenstad<br>Bedrijventerrein Lage Weide" in overview
    assert "(nog niet volledig)" in overview and "Nog niet ingevuld" in overview
    response = client.post(reverse("dossiers:verordening_step", args=(concept.pk, "overzicht")))
    assert response["Location"] == reverse("dossiers:verordening_step", args=(concept.pk, "meldplicht"))
    download = client.get(reverse("dossiers:verordening_download", args=(concept.pk, "odt")))
    assert download.status_code == 302


def _paragraphs(fmt, content):
    if fmt == "docx":
        from docx import Document

        return [p.text for p in Document(BytesIO(content)).paragraphs if p.text]
    from odf import teletype
    from odf.opendocument import load

    document = load(BytesIO(content))
    return [
        teletype.extractText(e)
        for e in document.text.childNodes
        if e.qname[1] in ("h", "p") and teletype.extractText(e)
    ]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_own_verordening_has_every_answer_in_its_article(client, model, officials, fmt):
    client.force_login(officials["anna"])
    concept = _start(client, model)
    _complete(client, concept)
    dossier = client.get(reverse("dossiers:dossier")).content.decode()
    title = f"Leegstandverordening Utrecht {NEXT_YEAR}"
    link = reverse("dossiers:verordening_download", args=(concept.pk, fmt))
    assert f'<a href="{link}" download>' in dossier and title in dossier

    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="leegstandverordening-utrecht-{NEXT_YEAR}.{fmt}"'
    paragraphs = _paragraphs(fmt, response.content)
    assert paragraphs[0] == title
    assert paragraphs[1] == "De raad van de gemeente Utrecht;"
    headings = [p for p in paragraphs if p.startswith("Artikel ") and ". " in p[:12]]
    assert headings == [f"Artikel {n}. {t}" for n, t, _text, _note in VERORDENING["articles"]]

    def article(number):
        start = paragraphs.index(headings[number - 1])
        end = paragraphs.index(headings[number]) if number < len(headings) else len(paragraphs)
        return "\n".join(paragraphs[start + 1 : end])

    assert "aan de burgemeester binnen vier maanden nadat de leegstand is begonnen" in article(3)
    assert "binnen twee weken aan de burgemeester" in article(4)
    assert "1. De burgemeester houdt een register bij" in article(5)
    assert "De burgemeester nodigt de eigenaar binnen twee maanden na de melding uit" in article(6)
    assert "binnen vijf maanden na de voordracht ter beschikking" in article(7)
    assert "De burgemeester kan een bestuurlijke boete opleggen" in article(8)
    assert "tot een maximum van € 7.500." in article(8)
    assert f"treedt in werking op 1 juli {NEXT_YEAR}" in article(9)
    assert f"aangehaald als: Leegstandverordening Utrecht {NEXT_YEAR}" in article(9)
    text = "\n".join(paragraphs)
    assert "[" not in text and "burgemeester en wethouders" not in text.lower()
    annex = paragraphs.index("Bijlage: aangewezen gebieden en categorieën gebouwen (artikel 2)")
    assert paragraphs[annex + 1 : annex + 7] == [
        "Deze verordening is van toepassing op de volgende categorieën gebouwen:",
        "a. kantoren;",
        "b. winkels;",
        "gelegen in de volgende gebieden:",
        "a. Binnenstad;",
        "b. Bedrijventerrein Lage Weide;",
    ]
    toelichting = paragraphs.index("Toelichting")
    assert toelichting > annex and paragraphs[toelichting + 1] == "Artikel 1"
    assert "De begrippen sluiten aan bij de Leegstandwet." in paragraphs[toelichting + 2]


def test_the_plural_body_keeps_the_model_wording(client, model, officials):
    from kennisbank.dossiers import concepts

    client.force_login(officials["anna"])
    concept = _start(client, model)
    _complete(client, concept)
    _step(client, concept, "orgaan", {"orgaan": "college_enkelvoud"}, "opslaan")
    concept.refresh_from_db()
    text = "\n".join(_paragraphs("docx", concepts.document(concept, "docx")))
    assert "1. Het college van burgemeester en wethouders houdt een register bij" in text
    assert "Het college van burgemeester en wethouders kan een bestuurlijke boete" in text
    _step(client, concept, "orgaan", {"orgaan": "college"}, "opslaan")
    concept.refresh_from_db()
    text = "\n".join(_paragraphs("docx", concepts.document(concept, "docx")))
    assert "1. Burgemeester en wethouders houden een register bij" in text


def _publish(page, **changes):
    revision = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(revision, name, value)
    revision.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()


def test_a_new_model_version_notifies_the_holder_once_with_the_changes_side_by_side(
    client, model, officials, django_capture_on_commit_callbacks
):
    from kennisbank.dossiers import concepts
    from themagroepen.notificaties.models import Notification

    client.force_login(officials["anna"])
    concept = _start(client, model)
    _complete(client, concept)
    built_on = model.live_revision_id

    with django_capture_on_commit_callbacks(execute=True):
        _publish(model, summary="Alleen de samenvatting is anders.")
    assert Notification.objects.count() == 0  # no article changed: nothing to tell

    new_text = {
        "3": {
            "text": "1. De eigenaar meldt leegstand van een aangewezen gebouw aan burgemeester en wethouders binnen [drie maanden] nadat de leegstand is begonnen.\n2. De melding bevat in ieder geval het adres en de datum waarop de leegstand is begonnen."
        },
        "8": {"explanation": "Een boete werkt alleen met een handhavingsbeleid."},
    }
    with django_capture_on_commit_callbacks(execute=True):
        _publish(model, articles=model_articles(new_text))
    assert model.live_revision_id != built_on
    notification = Notification.objects.get()
    assert notification.recipient == officials["anna"] and notification.kind == "verordening_model"
    assert notification.url == reverse("dossiers:verordening_changes", args=(concept.pk,))
    assert f"Leegstandverordening Utrecht {NEXT_YEAR}" in notification.title
    # Running it again (a retried after-commit call) tells nobody twice.
    assert concepts.notify_outdated_holders(model.pk, model.live_revision_id, None) == 0
    assert Notification.objects.count() == 1

    client.force_login(officials["bram"])  # a colleague who never edited it: the dossier says so
    assert (
        "Er is een nieuwe versie van de modelverordening." in client.get(reverse("dossiers:dossier")).content.decode()
    )
    client.force_login(officials["anna"])
    assert notification.title in client.get("/meldingen/").content.decode()
    page = client.get(notification.url).content.decode()
    assert "<caption>Gewijzigde artikelen (2)</caption>" in page
    assert '<th scope="row">Artikel 3</th>' in page and '<th scope="row">Artikel 8</th>' in page
    assert '<th scope="row">Artikel 1</th>' not in page
    assert '<del><span class="visually-hidden">[weggehaald:]</span> [zes <span' in page
    assert '<ins><span class="visually-hidden">[nieuw:]</span> [drie <span' in page
    assert "Stem het maximum af" in page and "Een boete werkt alleen" in page
    # The draft keeps its own version until the officials move over; their answers stay.
    concept.refresh_from_db()
    assert "binnen vier maanden" in "\n".join(_paragraphs("odt", concepts.document(concept, "odt")))
    response = client.post(notification.url)
    assert response["Location"] == reverse("dossiers:verordening_step", args=(concept.pk, "overzicht"))
    concept.refresh_from_db()
    assert concept.model_revision_id == model.live_revision_id and not concepts.is_outdated(concept)
    text = "\n".join(_paragraphs("docx", concepts.document(concept, "docx")))
    assert "binnen vier maanden nadat" in text and "het adres en de datum" in text
    assert "Geen gewijzigde artikelen" not in client.get(notification.url).content.decode()
    assert "er zijn geen gewijzigde artikelen" in client.get(notification.url).content.decode()


def test_another_organisations_draft_is_not_notified_to_strangers(
    client, model, officials, django_capture_on_commit_callbacks
):
    from themagroepen.notificaties.models import Notification

    client.force_login(officials["anna"])
    concept = _start(client, model)
    _step(client, concept, "gebied", ANSWERS["gebied"])
    # Anna moves to Amsterdam: she no longer speaks for Utrecht and is not told about its draft.
    from accounts.models import Organisation
    from accounts.services import get_profile

    profile = get_profile(officials["anna"])
    profile.organisation = Organisation.objects.get(name="Gemeente Amsterdam")
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        _publish(model, articles=model_articles({"2": {"title": "Aanwijzing van gebieden"}}))
    assert Notification.objects.count() == 0
