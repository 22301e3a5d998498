"""Search test content spread over open, closed and hidden themagroepen."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from tests.conftest import make_verified_user


@dataclass
class World:
    groep_a: object
    groep_b: object
    groep_c: object
    topic_a: object
    reply_a: object
    topic_b: object
    meeting_a: object
    public_meeting_a: object
    users: dict


def build_world() -> World:
    from django.contrib.auth import get_user_model

    from themagroepen.bijeenkomsten.models import Bijeenkomst
    from themagroepen.discussies.models import Reply, Topic
    from themagroepen.models import Membership, Themagroep

    groep_a = Themagroep.objects.create(
        name="Leegstand en herbestemmen",
        slug="leegstand-en-herbestemmen",
        visibility="besloten",
        description="Gemeenten delen ervaringen met leegstand en herbestemming van kantoren en winkels.",
    )
    groep_b = Themagroep.objects.create(
        name="Gebiedsgericht werken",
        slug="gebiedsgericht-werken",
        visibility="besloten",
        description="Samen werken aan wijken en bedrijventerreinen.",
    )
    groep_c = Themagroep.objects.create(
        name="Werkgroep kantorenloodsen",
        slug="werkgroep-kantorenloodsen",
        visibility="verborgen",
        description="Vertrouwelijk overleg van de kantorenloodsen over de tijdelijke regelingen.",
    )
    topic_a = Topic.objects.create(
        themagroep=groep_a,
        title="Kantorentransformatie in Amersfoort",
        slug="amersfoort",
        body="Wie heeft ervaring met de blauwdrukprocedure voor kantorentransformatie?",
        html="<p>Wie heeft ervaring met de blauwdrukprocedure voor kantorentransformatie?</p>",
    )
    reply_a = Reply.objects.create(
        topic=topic_a,
        body="Wij gebruikten de blauwdrukprocedure bij twee kantoorpanden.",
        html="<p>Wij gebruikten de blauwdrukprocedure bij twee kantoorpanden.</p>",
    )
    topic_b = Topic.objects.create(
        themagroep=groep_b,
        title="Kantorentransformatie in Zwolle",
        slug="zwolle",
        body="De Zwolse vliegwielaanpak voor kantorentransformatie werkt goed.",
        html="<p>De Zwolse vliegwielaanpak voor kantorentransformatie werkt goed.</p>",
    )
    start = timezone.now() + timedelta(days=30)
    meeting_a = Bijeenkomst.objects.create(
        themagroep=groep_a,
        title="Werkbezoek kantorentransformatie Amersfoort",
        start=start,
        end=start + timedelta(hours=2),
        description="Alleen voor leden: rondleiding langs getransformeerde kantoren.",
    )
    public_meeting_a = Bijeenkomst.objects.create(
        themagroep=groep_a,
        title="Webinar leegstandverordening",
        start=start + timedelta(days=7),
        end=start + timedelta(days=7, hours=1),
        visibility="openbaar",
        kind="webinar",
        description="Openbaar webinar over de model-leegstandverordening.",
    )
    users = {
        "anoniem": None,
        "niet-lid": make_verified_user("niet-lid@gemeente.example"),
        "lid": make_verified_user("lid-a@gemeente.example"),
        "lid-andere-groep": make_verified_user("lid-b@gemeente.example"),
        "lid-verborgen-groep": make_verified_user("lid-c@gemeente.example"),
        "beheerder": get_user_model().objects.create_superuser(
            "admin@gemeente.example", "admin@gemeente.example", "Sterk-wachtwoord-2026"
        ),
    }
    Membership.objects.create(themagroep=groep_a, user=users["lid"])
    Membership.objects.create(themagroep=groep_b, user=users["lid-andere-groep"])
    Membership.objects.create(themagroep=groep_c, user=users["lid-verborgen-groep"])
    return World(groep_a, groep_b, groep_c, topic_a, reply_a, topic_b, meeting_a, public_meeting_a, users)
