"""Demo themagroepen: "Leegstand en herbestemmen" (besloten), an open and a verborgen group.

Members are the demo accounts made by accounts/demo.py, looked up by e-mail address; a missing
account is skipped. Running it again changes nothing.
"""

from django.contrib.auth import get_user_model

from themagroepen.models import Membership, Role, Themagroep, Visibility

GROUPS = [
    {
        "slug": "leegstand-en-herbestemmen",
        "name": "Leegstand en herbestemmen",
        "visibility": Visibility.BESLOTEN,
        "description": "Ambtenaren van gemeenten delen aanpakken tegen leegstand van kantoren, winkels, erfgoed en agrarische gebouwen.",
        "introduction": (
            "Ongeveer een op de zeven kantoren dreigt structureel leeg te komen staan, en op sommige "
            "bedrijventerreinen staat een derde leeg. Gemeenten zijn niet voor alles verantwoordelijk, "
            "maar hebben wel instrumenten in handen.\n\n"
            "In deze besloten themagroep wisselen gemeenten ervaringen uit: over de leegstandverordening, "
            "herbestemming en transformatie, de rol van de kantorenloods en het schrappen van plancapaciteit. "
            "Lid worden kan op verzoek of met een inlogcode; bijeenkomsten organiseren we zodra er genoeg "
            "belangstelling is."
        ),
        "members": [("moderator@example.nl", Role.BEHEERDER), ("lid@example.nl", Role.LID)],
    },
    {
        "slug": "kantorentransformatie",
        "name": "Kantorentransformatie",
        "visibility": Visibility.OPEN,
        "description": "Open groep over het ombouwen van leegstaande kantoren naar woningen en andere functies.",
        "introduction": (
            "Van kantoor naar woning, van werken naar werken, of toch sloop-nieuwbouw? In deze open groep "
            "delen gemeenten, kantorenloodsen en provinciale kantorencoaches hun praktijkervaring."
        ),
        "members": [("moderator@example.nl", Role.BEHEERDER)],
    },
    {
        "slug": "werkgroep-leegstandverordening",
        "name": "Werkgroep modelverordening leegstand",
        "visibility": Visibility.VERBORGEN,
        "description": "Verborgen werkgroep die de modeltekst van de leegstandverordening actualiseert.",
        "introduction": "Alleen zichtbaar voor de leden van de werkgroep.",
        "members": [("moderator@example.nl", Role.BEHEERDER)],
    },
]


def load(stdout):
    users = get_user_model().objects
    for spec in GROUPS:
        spec = dict(spec)
        members = spec.pop("members")
        group = Themagroep.objects.filter(slug=spec["slug"]).first()
        if group is None:
            group = Themagroep.objects.create(**spec)
            stdout.write(f"Themagroep aangemaakt: {group.name}")
        for email, role in members:
            user = users.filter(email__iexact=email).first()
            if user is None:
                stdout.write(f"Demo-account {email} ontbreekt; overgeslagen.")
                continue
            Membership.objects.get_or_create(themagroep=group, user=user, defaults={"role": role})
    stdout.write("Themagroepen klaar.")
