"""The open-data API (/api/v1/): what each kind of reader gets, its description, its errors,
its limits and its caching headers."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.conftest import make_verified_user
from tests.kennisbank.conftest import make_voorbeeld, unpublish

pytestmark = pytest.mark.django_db
ROLES = ["anoniem", "onbevestigd", "bevestigd", "lid", "redacteur"]


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    settings.OPEN_DATA_THROTTLE_RATES = {"anon": "1000/min", "user": "1000/min"}


@pytest.fixture
def world(kb):
    """The kennisbank plus a voorbeeld only members of one themagroep may read, and one person per role."""
    from django.contrib.auth import get_user_model

    from themagroepen.models import Membership, Themagroep

    themagroep = Themagroep.objects.create(name="Leegstand en herbestemmen", slug="leegstand", description="Groep")
    groepsvoorbeeld = make_voorbeeld(kb.voorbeelden_index, "groepsvoorbeeld", "GM0344", title="Groepsvoorbeeld Utrecht")
    restriction = PageViewRestriction.objects.create(page=groepsvoorbeeld, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(themagroep.auth_group)
    member = make_verified_user("lid@gemeente.example")
    Membership.objects.create(themagroep=themagroep, user=member)
    editor = make_verified_user("redacteur@gemeente.example")
    editor.groups.add(Group.objects.get_or_create(name="Redacteuren")[0])
    users = {
        "anoniem": None,
        "onbevestigd": get_user_model().objects.create_user(
            "nieuw@gemeente.example", "nieuw@gemeente.example", "Sterk-wachtwoord-2026"
        ),
        "bevestigd": make_verified_user("ambtenaar@gemeente.example"),
        "lid": member,
        "redacteur": editor,
    }
    kb.groepsvoorbeeld = groepsvoorbeeld
    kb.users = users
    return kb


def _client_for(client, world, role):
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def _json(response):
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return json.loads(response.content)


def _ids(client, url):
    response = client.get(url + ("&" if "?" in url else "?") + "per_pagina=100")
    assert response.status_code == 200, response.content
    return {item["id"] for item in _json(response)["results"]}


# --- Every endpoint in the permission matrix ---------------------------------------------------

# name -> (args built from the world, what each role may read there: True = 200 for everyone)
MATRIX = {
    "root": lambda w: (),
    "schema": lambda w: (),
    "voorbeelden": lambda w: (),
    "voorbeeld": lambda w: (w.utrecht.pk,),
    "publicaties": lambda w: (),
    "publicatie": lambda w: (w.brief.pk,),
    "instrumenten": lambda w: (),
    "instrument": lambda w: (w.loods.pk,),
    "hoofdstukken": lambda w: (),
    "hoofdstuk": lambda w: (w.chapters[0].pk,),
    "export-csv": lambda w: (),
    "export-json": lambda w: (),
}
# Restricted objects: who may read them (everyone else gets a 404, as on the pages).
RESTRICTED = {
    ("voorbeeld", "concept"): set(),
    ("voorbeeld", "besloten"): {"bevestigd", "lid", "redacteur"},
    ("voorbeeld", "groepsvoorbeeld"): {"lid"},
    ("publicatie", "geheime_brief"): {"bevestigd", "lid", "redacteur"},
}


def test_the_matrix_covers_every_endpoint():
    from kennisbank.api.urls import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == set(MATRIX)


@pytest.mark.parametrize("role", ROLES)
def test_every_endpoint_answers_every_role_with_what_they_may_read(client, world, role):
    client = _client_for(client, world, role)
    for name in sorted(MATRIX):
        response = client.get(reverse(f"open-data:{name}", args=MATRIX[name](world)))
        assert response.status_code == 200, (name, response.content[:300])
        body = response.content.decode("utf-8-sig")
        for hidden in ("Conceptvoorbeeld Amersfoort", "Geheim concept"):
            assert hidden not in body, name  # drafts: for nobody
        if name.startswith("export") or role in ("anoniem", "onbevestigd"):
            assert "Besloten voorbeeld Apeldoorn" not in body and "Besloten notitie" not in body, name
        if role != "lid" or name.startswith("export"):
            assert "Groepsvoorbeeld Utrecht" not in body, name

    for (name, attribute), readers in RESTRICTED.items():
        page = getattr(world, attribute)
        response = client.get(reverse(f"open-data:{name}", args=(page.pk,)))
        listing = reverse("open-data:voorbeelden" if name == "voorbeeld" else "open-data:publicaties")
        if role in readers:
            assert response.status_code == 200, attribute
            assert page.pk in _ids(client, listing), attribute
        else:
            assert response.status_code == 404, attribute
            assert _json(response) == {"detail": "Niet gevonden."}
            assert page.pk not in _ids(client, listing), attribute


# --- Contract: published appears, unpublished or restricted does not ----------------------------


def test_a_published_voorbeeld_appears_everywhere_and_an_unpublished_or_restricted_one_nowhere(client, world):
    published, draft, restricted = world.leeuwarden, world.concept, world.besloten
    listed = _ids(client, reverse("open-data:voorbeelden"))
    exported_json = {item["id"] for item in _json(client.get(reverse("open-data:export-json")))["results"]}
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("open-data:export-csv")).content.decode("utf-8-sig"))))
    exported_csv = {int(row["id"]) for row in rows}
    for ids in (listed, exported_json, exported_csv):
        assert published.pk in ids
        assert draft.pk not in ids and restricted.pk not in ids and world.groepsvoorbeeld.pk not in ids

    detail = _json(client.get(reverse("open-data:voorbeeld", args=(published.pk,))))
    assert detail["titel"] == "Kerk in Leeuwarden"
    assert detail["url"].endswith("/voorbeelden/leeuwarden-kerk/")
    assert detail["gemeente"]["cbs_code"] == "GM0080"
    assert detail["gemeente"]["provincie"]["naam"] == "Fryslân"
    assert detail["contact"]["email"] == "open@leeuwarden.example"

    unpublish(published)  # taking it offline takes it out of the API at once
    assert published.pk not in _ids(client, reverse("open-data:voorbeelden"))
    assert client.get(reverse("open-data:voorbeeld", args=(published.pk,))).status_code == 404


def test_a_contact_address_without_consent_is_never_published(client, world):
    detail = _json(client.get(reverse("open-data:voorbeeld", args=(world.heerlen.pk,))))
    assert detail["contact"] == {"naam": "S. Janssen", "functie": "", "email": ""}
    for url in (reverse("open-data:export-csv"), reverse("open-data:export-json"), reverse("open-data:voorbeelden")):
        assert "geheim@heerlen.example" not in client.get(url).content.decode("utf-8-sig")


def test_references_to_closed_pages_are_left_out_of_chapters_and_cases(client, world):
    draft_instrument = world.verordening_instr
    unpublish(draft_instrument)
    heerlen = _json(client.get(reverse("open-data:voorbeeld", args=(world.heerlen.pk,))))
    assert heerlen["instrumenten"] == []
    chapter = _json(client.get(reverse("open-data:hoofdstuk", args=(world.chapters[1].pk,))))
    cases = next(block for block in chapter["inhoud"] if block["type"] == "cases")
    assert world.besloten.pk not in cases["waarde"]["cases"]  # login-only case, anonymous reader
    assert chapter["handreiking"] == {"id": world.handreiking.pk, "titel": "Leegstand te lijf"}
    checklist = next(block for block in chapter["inhoud"] if block["type"] == "checklist")
    assert [item["text"] for item in checklist["waarde"]["items"]] == ["Punt één", "Punt twee"]


# --- Filters like the pages ---------------------------------------------------------------------


FILTER_CASES = [
    ({"provincie": "utrecht"}, {"utrecht"}),
    ({"gemeente": "heerlen"}, {"heerlen"}),
    ({"vastgoed": "erfgoed"}, {"leeuwarden"}),
    ({"instrument": "kantorenloods"}, {"utrecht"}),
    ({"thema": "erfgoed"}, {"heerlen", "leeuwarden"}),
    ({"thema": "erfgoed", "vastgoed": "winkel"}, {"heerlen"}),
    ({"jaar": 2020}, {"utrecht", "heerlen", "leeuwarden"}),
    ({"jaar": 1999}, set()),
]


def test_voorbeelden_filter_like_the_page(client, world):
    for query, expected in FILTER_CASES:
        ids = _ids(client, reverse("open-data:voorbeelden") + "?" + "&".join(f"{k}={v}" for k, v in query.items()))
        assert ids == {getattr(world, name).pk for name in expected}, query


def test_other_lists_filter_by_kind_theme_and_handreiking(client, world):
    assert _ids(client, reverse("open-data:instrumenten") + "?soort=juridisch") == {world.verordening_instr.pk}
    assert _ids(client, reverse("open-data:publicaties") + "?soort=ledenbrief&jaar=2011") == {world.brief.pk}
    assert _ids(client, reverse("open-data:hoofdstukken") + "?handreiking=leegstand-te-lijf") == {
        world.chapters[0].pk,
        world.chapters[1].pk,
        world.chapters[3].pk,
    }


def test_lists_are_paginated(client, world):
    first = _json(client.get(reverse("open-data:voorbeelden"), {"per_pagina": 2}))
    assert first["count"] == 3 and len(first["results"]) == 2
    assert "pagina=2" in first["next"] and first["previous"] is None
    second = _json(client.get(first["next"]))
    assert len(second["results"]) == 1 and second["next"] is None
    beyond = client.get(reverse("open-data:voorbeelden"), {"per_pagina": 2, "pagina": 3})
    assert beyond.status_code == 404
    assert _json(beyond)["detail"] == "Pagina 3 bestaat niet; er zijn 2 pagina's."


# --- Bad input: a 400 in Dutch, never a 500 -----------------------------------------------------


BAD_PARAMETERS = [
    ("voorbeelden", "pagina=abc", "pagina", "Geef een geheel getal."),
    ("voorbeelden", "pagina=0", "pagina", "Geef een getal van minimaal 1."),
    ("voorbeelden", "per_pagina=1000", "per_pagina", "Geef een getal van hoogstens 100."),
    ("voorbeelden", "vastgoed=kasteel", "vastgoed", "Onbekende soort vastgoed “kasteel”."),
    ("voorbeelden", "provincie=atlantis", "provincie", "Onbekende provincie “atlantis”."),
    ("voorbeelden", "provincie=%3Cscript%3E", "provincie", "Geef een slug"),
    ("voorbeelden", "gemeente=nergenshuizen", "gemeente", "Onbekende gemeente “nergenshuizen”."),
    ("voorbeelden", "instrument=bestaat-niet", "instrument", "Onbekend instrument “bestaat-niet”."),
    ("voorbeelden", "thema=ruimtevaart", "thema", "Onbekend thema “ruimtevaart”."),
    ("voorbeelden", "jaar=twintig", "jaar", "Geef een geheel getal."),
    ("voorbeelden", "jaar=99999999999999999999999", "jaar", "Geef een getal van hoogstens 2100."),
    ("voorbeelden", "provinsie=utrecht", "provinsie", "Onbekende parameter."),
    ("publicaties", "soort=tweet", "soort", "Onbekende soort publicatie “tweet”."),
    ("instrumenten", "soort=magisch", "soort", "Onbekende soort instrument “magisch”."),
    ("hoofdstukken", "handreiking=geen", "handreiking", "Onbekende handreiking “geen”."),
    ("export-csv", "pagina=2", "pagina", "Onbekende parameter."),
    ("root", "x=1", "x", "Onbekende parameter."),
]


def test_bad_parameters_get_a_dutch_400(client, world):
    for path, query, parameter, message in BAD_PARAMETERS:
        response = client.get(reverse(f"open-data:{path}") + "?" + query)
        assert response.status_code == 400, (path, query)
        body = _json(response)
        assert body["detail"] == "De parameters van uw verzoek zijn ongeldig."
        assert list(body["fouten"]) == [parameter], (path, query)
        assert body["fouten"][parameter][0].startswith(message), (path, query, body)
        assert response["Cache-Control"] == "no-store"


def test_a_draft_instruments_slug_is_unknown_not_empty(client, world):
    """Filtering by a draft's slug must not tell an outsider that the draft exists."""
    unpublish(world.verordening_instr)
    response = client.get(reverse("open-data:voorbeelden"), {"instrument": "leegstandverordening"})
    assert response.status_code == 400


def test_writing_is_refused_in_dutch(client, world):
    response = client.post(reverse("open-data:voorbeelden"), {"titel": "x"})
    assert response.status_code == 405
    assert _json(response)["detail"] == "Deze API is alleen te lezen: de methode POST is niet toegestaan."


# --- Rate limits (counted in the real cache) ----------------------------------------------------


@pytest.mark.redis
def test_too_many_requests_get_a_dutch_429_with_retry_after(client, world, settings):
    settings.OPEN_DATA_THROTTLE_RATES = {"anon": "3/min", "user": "5/min"}
    url = reverse("open-data:voorbeelden")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(url)
    assert response.status_code == 429
    assert _json(response)["detail"].startswith("U hebt te veel verzoeken gedaan. Probeer het over ")
    assert 0 < int(response["Retry-After"]) <= 60
    # A signed-in reader has their own, higher budget.
    client.force_login(world.users["bevestigd"])
    assert [client.get(url).status_code for _ in range(6)] == [200] * 5 + [429]


# --- Caching headers ----------------------------------------------------------------------------


def test_anonymous_responses_are_cacheable_and_revalidate_with_304(client, world):
    world.utrecht.save_revision().publish()
    url = reverse("open-data:voorbeeld", args=(world.utrecht.pk,))
    response = client.get(url)
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith(" GMT")
    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, headers={"If-Modified-Since": response["Last-Modified"]}).status_code == 304

    world.utrecht.title = "Kantoor in Utrecht, getransformeerd"
    world.utrecht.save_revision().publish()
    changed = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != response["ETag"]


def test_signed_in_responses_stay_private(client, world):
    client.force_login(world.users["bevestigd"])
    response = client.get(reverse("open-data:voorbeelden"))
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    # The export is the same for everyone, so it may be shared.
    assert "public" in client.get(reverse("open-data:export-json"))["Cache-Control"]


# --- Export files -------------------------------------------------------------------------------


def test_csv_export_opens_in_a_spreadsheet_without_running_formulas(client, world):
    make_voorbeeld(world.voorbeelden_index, "formule", "GM0344", title='=HYPERLINK("http://evil")')
    response = client.get(reverse("open-data:export-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="voorbeelden.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffid,titel,url,gemeente")
    rows = {row["titel"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    assert '\'=HYPERLINK("http://evil")' in rows
    assert rows["Winkel in Heerlen"]["instrumenten"] == "Leegstandverordening"
    assert rows["Kerk in Leeuwarden"]["provincie"] == "Fryslân"


# --- The OpenAPI description --------------------------------------------------------------------


def test_the_openapi_description_is_valid_and_covers_the_api(client, world):
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    generated = SchemaGenerator(api_version="1").get_schema(request=None, public=True)
    validate_schema(generated)  # jsonschema against the OpenAPI 3.0 specification
    served = json.loads(client.get(reverse("open-data:schema"), {"format": "json"}).content)
    validate_schema(served)
    assert served["openapi"].startswith("3.")
    assert set(served["paths"]) == {
        "/api/v1/voorbeelden/",
        "/api/v1/voorbeelden/{id}/",
        "/api/v1/publicaties/",
        "/api/v1/publicaties/{id}/",
        "/api/v1/instrumenten/",
        "/api/v1/instrumenten/{id}/",
        "/api/v1/hoofdstukken/",
        "/api/v1/hoofdstukken/{id}/",
        "/api/v1/export/voorbeelden.csv",
        "/api/v1/export/voorbeelden.json",
    }
    voorbeelden = served["paths"]["/api/v1/voorbeelden/"]["get"]
    assert {p["name"] for p in voorbeelden["parameters"]} == {
        "provincie",
        "gemeente",
        "vastgoed",
        "instrument",
        "thema",
        "jaar",
        "pagina",
        "per_pagina",
    }
    assert {"200", "400", "404", "429"} <= set(voorbeelden["responses"])
    # Every field the API returns is described.
    described = set(served["components"]["schemas"]["Voorbeeld"]["properties"])
    returned = set(_json(client.get(reverse("open-data:voorbeeld", args=(world.utrecht.pk,)))))
    assert described == returned
