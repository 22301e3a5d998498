"""Demo: meetings of the themagroep "Leegstand en herbestemmen". Idempotent.

Runs after the themagroepen demo (INSTALLED_APPS order); without that group it does nothing.
"""

from datetime import datetime

from django.utils import timezone

from kennisplatform.tz import AMSTERDAM
from themagroepen.bijeenkomsten.models import Bijeenkomst, Kind, Visibility
from themagroepen.models import Membership, Role, Themagroep

GROUP_SLUG = "leegstand-en-herbestemmen"


def _at(year, month, day, hour, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


MEETINGS = [
    {
        "title": "PAKT-bestuurdersplatform kantorenleegstand",
        "kind": Kind.MEETING,
        "description": (
            "Twee keer per jaar praten wethouders en gedeputeerden over de aanpak van leegstaande kantoren "
            "in de regio. Kantorenloodsen en de KantorenCoach van de provincie brengen voorbeelden in; "
            "de marktpartijen, als eerste probleemeigenaar, schuiven aan.\n\n"
            "**Programma**\n\n"
            "- stand van zaken per gemeente\n- transformaties die vastlopen, en waarom\n- afspraken over plancapaciteit"
        ),
        "start": _at(2027, 3, 18, 15),
        "end": _at(2027, 3, 18, 17, 30),
        "place": "Utrecht",
        "address": "Provinciehuis Utrecht\nArchimedeslaan 6\n3584 BA Utrecht",
        "capacity": 40,
        "registration_deadline": _at(2027, 3, 11, 17),
        "visibility": Visibility.MEMBERS,
        "recurrence_rule": "FREQ=MONTHLY;INTERVAL=6;BYDAY=3TH;COUNT=4",  # the third Thursday
    },
    {
        "title": "Webinar: de leegstandverordening in de praktijk",
        "kind": Kind.WEBINAR,
        "description": (
            "Hoe zet u de leegstandverordening in? In dit webinar lopen we door de modelverordening uit de "
            "handreiking: de meldplicht voor eigenaren, het leegstandsoverleg en de combinatie met "
            "bestemmingsplan en transformatiebeleid. Twee gemeenten vertellen wat het hen opleverde.\n\n"
            "Het webinar is openbaar aangekondigd; ook ambtenaren die nog geen lid zijn van de themagroep "
            "kunnen zich inschrijven."
        ),
        "start": _at(2027, 1, 21, 10),
        "end": _at(2027, 1, 21, 11, 30),
        "place": "Online",
        "online_url": "https://webinar.vng.example/leegstandverordening",
        "capacity": 100,
        "registration_deadline": _at(2027, 1, 20, 12),
        "visibility": Visibility.PUBLIC,
        "allow_non_members": True,
    },
    {
        "title": "Themabijeenkomst: van leeg kantoor naar woningen",
        "kind": Kind.MEETING,
        "description": (
            "Een middag over transformatie van kantoren naar woningen, met een rondleiding langs een "
            "getransformeerd pand. We wisselen ervaringen uit over haalbaarheid, de rol van de "
            "kantorenloods en wat een gemeente kan doen als de eigenaar niet beweegt."
        ),
        "start": _at(2027, 2, 11, 13, 30),
        "end": _at(2027, 2, 11, 17),
        "place": "Utrecht",
        "address": "Stadskantoor Utrecht\nStadsplateau 1\n3521 AZ Utrecht",
        "capacity": 30,
        "visibility": Visibility.MEMBERS,
    },
    {
        "title": "Kennisbijeenkomst: leegstand op bedrijventerreinen",
        "kind": Kind.MEETING,
        "description": "Op sommige bedrijventerreinen staat een derde van de kantoren leeg. Wat werkt daar wel?",
        "start": _at(2026, 10, 8, 13, 30),
        "end": _at(2026, 10, 8, 16, 30),
        "place": "Amersfoort",
        "address": "Stadhuisplein 1\n3811 LM Amersfoort",
        "capacity": 25,
        "visibility": Visibility.MEMBERS,
    },
]

VERSLAG = (
    "## Terugblik\n\n"
    "Twintig collega's uit tien gemeenten bespraken de aanpak van leegstand op bedrijventerreinen. "
    "Rode draad: begin met een eerlijke probleemanalyse per terrein, en maak samen met de provincie "
    "afspraken over het schrappen van plancapaciteit.\n\n"
    "- Herstructurering werkt alleen met eigenaren aan tafel.\n"
    "- Transformatie naar wonen is op veel terreinen geen optie; ‘werken naar werken’ wel."
)


def load(stdout):
    themagroep = Themagroep.objects.filter(slug=GROUP_SLUG).first()
    if themagroep is None:
        stdout.write("Bijeenkomsten: themagroep ‘Leegstand en herbestemmen’ ontbreekt, overgeslagen.")
        return
    beheerder = Membership.objects.filter(themagroep=themagroep, role=Role.BEHEERDER).select_related("user").first()
    created = 0
    for values in MEETINGS:
        values = dict(values)
        title = values.pop("title")
        bijeenkomst, was_created = Bijeenkomst.objects.get_or_create(
            themagroep=themagroep, title=title, defaults={**values, "organiser": beheerder.user if beheerder else None}
        )
        created += was_created
        if was_created and bijeenkomst.end < timezone.now():
            occurrence = bijeenkomst.occurrences.get()
            occurrence.verslag = VERSLAG
            occurrence.save()
    stdout.write(f"Bijeenkomsten: {created} aangemaakt, {len(MEETINGS) - created} bestonden al.")
