"""Demo discussions in "Leegstand en herbestemmen" (group and accounts come from earlier demos)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from themagroepen.discussies import services
from themagroepen.discussies.models import Reply, Topic
from themagroepen.models import Themagroep

GROUP_SLUG = "leegstand-en-herbestemmen"

# (title, author e-mail, days ago, body, [(author e-mail, body), ...], pinned)
TOPICS = [
    (
        "Welkom: zo werkt deze themagroep",
        "moderator@example.nl",
        30,
        "Welkom in de themagroep! Hier delen gemeenten hun aanpak van leegstand en herbestemming.\n\n"
        "- Stel je vraag in een nieuw onderwerp, met een duidelijke titel.\n"
        "- Noem een collega met **@naam**; die krijgt dan een melding.\n"
        "- Markeer het antwoord dat je verder hielp als *oplossing*.\n\n"
        "Wat je hier schrijft, is alleen zichtbaar voor leden van de groep.",
        [],
        True,
    ),
    (
        "Ervaringen met de leegstandverordening en de meldplicht",
        "lid@example.nl",
        12,
        "Onze gemeente overweegt een leegstandverordening op grond van de Leegstandwet. Eigenaren "
        "moeten dan leegstand van kantoren en winkels langer dan zes maanden melden.\n\n"
        "Wie heeft er ervaring mee? Ik ben vooral benieuwd naar:\n\n"
        "1. hoeveel meldingen jullie per jaar krijgen;\n"
        "2. of het leegstandsoverleg met eigenaren iets oplevert;\n"
        "3. of jullie ooit een boete hebben opgelegd.",
        [
            (
                "moderator@example.nl",
                "Goede vraag. Bij de gemeenten die ik ken, leverde vooral het **overleg** iets op: "
                "eigenaren komen in beeld en je kunt samen zoeken naar tijdelijke of nieuwe functies. "
                "Boetes zijn zeldzaam; de verordening werkt vooral als stok achter de deur.",
            ),
            (
                "lid@example.nl",
                "> eigenaren komen in beeld\n\nDat is precies wat wij missen. Hebben jullie de registratie "
                "gekoppeld aan de BAG, of houden jullie een eigen lijst bij?",
            ),
            (
                "moderator@example.nl",
                "Koppel het aan de BAG: dan zie je per verblijfsobject de gebruiksfunctie en hoef je "
                "niets dubbel bij te houden. Begin klein, met één winkelgebied, en evalueer na een jaar.",
            ),
        ],
        False,
    ),
    (
        "Tijdelijke woningen in een leeg kantoorpand",
        "moderator@example.nl",
        5,
        "Een eigenaar wil een leegstaand kantoor aan de rand van het centrum vijf jaar gebruiken "
        "voor tijdelijke woningen, voordat het pand wordt gesloopt. Het bestemmingsplan staat "
        "wonen daar niet toe.\n\nWelke route kiezen jullie: een tijdelijke omgevingsvergunning "
        "voor een afwijkende activiteit, of meteen een wijziging van het omgevingsplan?",
        [
            (
                "lid@example.nl",
                "Wij kozen voor een **tijdelijke vergunning**: sneller, en de eigenaar wist zeker dat "
                "het pand na afloop weer vrij zou komen. Let wel op geluid en parkeren; die vragen "
                "kwamen bij ons pas laat in beeld.",
            ),
        ],
        False,
    ),
]


def load(stdout):
    themagroep = Themagroep.objects.filter(slug=GROUP_SLUG).first()
    if themagroep is None:
        stdout.write("Themagroep “Leegstand en herbestemmen” ontbreekt; demodiscussies overgeslagen.")
        return
    users = {u.email.lower(): u for u in get_user_model().objects.filter(email__in=_emails())}
    created = 0
    for title, author_email, days_ago, body, replies, pinned in TOPICS:
        if Topic.objects.filter(themagroep=themagroep, title=title).exists():
            continue
        if author_email not in users or any(email not in users for email, _ in replies):
            stdout.write(f"Demo-accounts voor “{title}” ontbreken; overgeslagen.")
            continue
        _create(themagroep, users, title, author_email, days_ago, body, replies, pinned)
        created += 1
    stdout.write(f"Demodiscussies: {created} onderwerp(en) aangemaakt.")


def _emails():
    emails = {author for _title, author, *_rest in TOPICS}
    emails |= {email for *_start, replies, _pinned in TOPICS for email, _body in replies}
    return emails


@transaction.atomic
def _create(themagroep, users, title, author_email, days_ago, body, replies, pinned):
    topic = services.create_topic(themagroep, users[author_email], title, body, announce=False)
    start = timezone.now() - timedelta(days=days_ago)
    Topic.objects.filter(pk=topic.pk).update(created=start, last_activity=start, pinned=pinned)
    topic.refresh_from_db()
    for index, (email, reply_body) in enumerate(replies, start=1):
        reply = services.create_reply(topic, users[email], reply_body, announce=False)
        Reply.objects.filter(pk=reply.pk).update(created=start + timedelta(hours=5 * index))
    last = Reply.objects.filter(topic=topic).aggregate(last=Max("created"))["last"] or start
    Topic.objects.filter(pk=topic.pk).update(last_activity=last)
