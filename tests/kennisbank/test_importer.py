"""`manage.py importeer`: validate the whole file, all or nothing, idempotent on slug."""

import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from kennisbank.models import PublicatiePage, VoorbeeldPage

pytestmark = pytest.mark.django_db

GOOD = [
    {
        "type": "voorbeeld",
        "slug": "utrecht-import",
        "title": "Geïmporteerd kantoor",
        "gemeente": "GM0344",
        "property_type": "kantoor",
        "year": 2021,
        "summary": "Kort.",
        "body": "De **loods** hielp.",
        "instrumenten": ["kantorenloods"],
        "themas": ["erfgoed", "Kantoren"],
        "tags": ["wonen"],
        "contact": {"name": "A. Test", "gemeente": "Utrecht", "email": "a@example.org", "email_public": False},
    },
    {
        "type": "publicatie",
        "slug": "rapport-import",
        "title": "Geïmporteerd rapport",
        "date": "2020-05-01",
        "sender": "Gemeente Utrecht",
        "sender_kind": "gemeente",
        "kind": "rapport",
        "summary": "Samenvatting.",
        "body": "<p>Tekst</p><script>alert(1)</script>",
        "body_format": "html",
    },
]


def write(tmp_path, rows):
    path = tmp_path / "import.jsonl"
    path.write_text("\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows), encoding="utf-8")
    return str(path)


def test_good_file_creates_published_pages(tmp_path, kb, capsys):
    call_command("importeer", write(tmp_path, GOOD))
    voorbeeld = VoorbeeldPage.objects.get(slug="utrecht-import")
    assert voorbeeld.live and voorbeeld.get_parent().pk == kb.voorbeelden_index.pk
    assert voorbeeld.gemeente.cbs_code == "GM0344" and voorbeeld.contact_gemeente.name == "Utrecht"
    assert "<strong>loods</strong>" in voorbeeld.approach
    assert list(voorbeeld.instrumenten.all()) == [kb.loods]
    assert {t.slug for t in voorbeeld.themas.all()} == {"erfgoed", "kantoren"}
    assert list(voorbeeld.tags.names()) == ["wonen"]
    rapport = PublicatiePage.objects.get(slug="rapport-import")
    assert "<script>" not in rapport.body and rapport.date.isoformat() == "2020-05-01"
    assert "2 aangemaakt" in capsys.readouterr().out


def test_second_import_of_same_file_changes_nothing(tmp_path, kb, capsys):
    path = write(tmp_path, GOOD)
    call_command("importeer", path)
    revisions = Revision.objects.count()
    call_command("importeer", path)
    assert VoorbeeldPage.objects.filter(slug="utrecht-import").count() == 1
    assert Revision.objects.count() == revisions
    assert "2 ongewijzigd" in capsys.readouterr().out


def test_changed_line_updates_existing_page(tmp_path, kb):
    call_command("importeer", write(tmp_path, GOOD))
    changed = dict(GOOD[0], title="Nieuwe titel")
    call_command("importeer", write(tmp_path, [changed]))
    assert VoorbeeldPage.objects.get(slug="utrecht-import").title == "Nieuwe titel"


def test_every_bad_line_is_reported_and_nothing_is_imported(tmp_path, kb):
    rows = [
        GOOD[0],
        "{dit is geen json",
        {
            "type": "voorbeeld",
            "slug": "x",
            "title": "X",
            "gemeente": "Atlantis",
            "property_type": "kasteel",
            "summary": "s",
            "body": "b",
        },
        {
            "type": "publicatie",
            "slug": "p",
            "title": "P",
            "date": "1 mei",
            "sender": "VNG",
            "sender_kind": "vng",
            "kind": "ledenbrief",
        },
        {"type": "nieuws", "slug": "n"},
        dict(GOOD[0]),  # duplicate slug
    ]
    with pytest.raises(CommandError) as error:
        call_command("importeer", write(tmp_path, rows))
    message = str(error.value)
    assert "er is niets geïmporteerd" in message
    assert "regel 2: geen geldige JSON" in message
    assert (
        "regel 3: onbekende gemeente 'Atlantis'" in message and "regel 3: onbekend soort vastgoed 'kasteel'" in message
    )
    assert "regel 4: ontbrekend veld: summary" in message and "regel 4: ongeldige datum '1 mei'" in message
    assert "regel 5: onbekend type 'nieuws'" in message
    assert "regel 6: slug 'utrecht-import' komt ook voor op regel 1" in message
    assert not VoorbeeldPage.objects.filter(slug="utrecht-import").exists()  # the good line was not imported either


def test_check_only_mode_writes_nothing(tmp_path, kb, capsys):
    call_command("importeer", write(tmp_path, GOOD), "--controleer")
    assert not VoorbeeldPage.objects.filter(slug="utrecht-import").exists()
    assert "geen fouten" in capsys.readouterr().out


def test_what_the_database_would_refuse_is_reported_per_line(tmp_path, kb):
    too_long = dict(GOOD[1], slug="lang-kenmerk", reference="K" * 81)
    nul = dict(GOOD[0], slug="nul-teken", title="Kantoor\u0000Utrecht")

    with pytest.raises(CommandError) as error:
        call_command("importeer", write(tmp_path, [too_long, nul]))

    message = str(error.value)
    assert "regel 1: 'reference' is 81 tekens lang, maximaal 80" in message
    assert "regel 2: 'title' bevat een NUL-teken" in message
    assert not PublicatiePage.objects.filter(slug="lang-kenmerk").exists()


@pytest.mark.parametrize(("alias", "official"), [("Den Haag", "'s-Gravenhage"), ("den bosch", "'s-Hertogenbosch")])
def test_everyday_names_of_gemeenten_are_accepted(tmp_path, kb, alias, official):
    row = dict(GOOD[0], slug="alias-import", gemeente=alias, contact={"name": "A. Test", "gemeente": alias})

    call_command("importeer", write(tmp_path, [row]))

    page = VoorbeeldPage.objects.get(slug="alias-import")
    assert page.gemeente.name == official and page.contact_gemeente.name == official
