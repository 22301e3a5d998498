"""Demo accounts for development (``manage.py loaddemo``). Idempotent; never in production.

All accounts are verified and share one development password. Memberships of the themagroep
(moderator = beheerder, lid = lid) are created by the themagroepen demo.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.models import Organisation, Profile
from accounts.organisations import sync_reference_organisations

DEMO_PASSWORD = "Leegstand-demo-2026"

# e-mail, name, functie, organisation, Django group, superuser
DEMO_ACCOUNTS = [
    ("beheerder@example.nl", "Sanne de Boer", "Platformbeheerder", "VNG", None, True),
    ("redacteur@example.nl", "Thomas Bakker", "Redacteur kennisbank", "VNG", "Redacteuren", False),
    ("eindredacteur@example.nl", "Fatima el Amrani", "Eindredacteur", "VNG", "Eindredacteuren", False),
    ("moderator@example.nl", "Joost van Dijk", "Adviseur ruimte en wonen", "VNG", None, False),
    ("lid@example.nl", "Lisa Visser", "Beleidsmedewerker leegstand", "Gemeente Utrecht", None, False),
    ("buitenstaander@example.nl", "Peter Smit", "Programmamanager binnenstad", "Gemeente Zwolle", None, False),
]


def ensure_account(email, name, functie, organisation_name, group_name=None, superuser=False):
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_model.objects.create_user(username=email, email=email, password=DEMO_PASSWORD)
    if superuser and not (user.is_superuser and user.is_staff):
        user.is_superuser = user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    if group_name:
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    profile, _created = Profile.objects.get_or_create(user=user)
    organisation = Organisation.objects.filter(name=organisation_name).first()
    wanted = (name, functie, organisation.pk if organisation else None)
    if (profile.name, profile.functie, profile.organisation_id) != wanted:
        profile.name, profile.functie, profile.organisation = name, functie, organisation
        profile.save()
    return user


def load(stdout):
    sync_reference_organisations()
    for account in DEMO_ACCOUNTS:
        ensure_account(*account)
    stdout.write(
        "Demo-accounts: "
        + ", ".join(email for email, *_rest in DEMO_ACCOUNTS)
        + f" — wachtwoord (alleen ontwikkeling): {DEMO_PASSWORD}"
    )
