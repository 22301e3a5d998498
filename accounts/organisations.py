"""Keep the organisation list in step with the reference data (gemeenten, provincies).

Runs after every ``migrate`` (post_migrate) and from the demo loader; idempotent. National
organisations and a few well-known e-mail domains are seeded here; site admins add more
domains in the CMS.
"""

from django.db import transaction

from accounts.models import Organisation, OrganisationDomain, OrganisationKind

NATIONAL_ORGANISATIONS = [
    ("VNG", OrganisationKind.VNG, ["vng.nl"]),
    ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", OrganisationKind.MINISTERIE, ["minbzk.nl"]),
    ("Ministerie van Volkshuisvesting en Ruimtelijke Ordening", OrganisationKind.MINISTERIE, ["minvro.nl"]),
    ("Ministerie van Economische Zaken", OrganisationKind.MINISTERIE, ["minez.nl"]),
]

# Domains we are sure of; anything else is added by an admin, never guessed.
KNOWN_GEMEENTE_DOMAINS = {
    "Utrecht": ["utrecht.nl"],
    "Amsterdam": ["amsterdam.nl"],
    "Rotterdam": ["rotterdam.nl"],
    "'s-Gravenhage": ["denhaag.nl"],
    "Eindhoven": ["eindhoven.nl"],
    "Groningen": ["groningen.nl"],
}


def organisation_name_for_gemeente(gemeente) -> str:
    return f"Gemeente {gemeente.name}"


@transaction.atomic
def sync_reference_organisations() -> int:
    """Create missing organisations; returns how many were created."""
    from kennisbank.models import Gemeente, Provincie

    created = 0
    taken = set(Organisation.objects.values_list("name", flat=True))
    linked_gemeenten = set(Organisation.objects.exclude(gemeente=None).values_list("gemeente_id", flat=True))
    linked_provincies = set(Organisation.objects.exclude(provincie=None).values_list("provincie_id", flat=True))
    new = []
    for gemeente in Gemeente.objects.select_related("provincie").exclude(pk__in=linked_gemeenten):
        name = organisation_name_for_gemeente(gemeente)
        if name in taken:  # two municipalities of the same name: add the province
            name = f"{name} ({gemeente.provincie.name})"
        taken.add(name)
        new.append(Organisation(name=name, kind=OrganisationKind.GEMEENTE, gemeente=gemeente))
    for provincie in Provincie.objects.exclude(pk__in=linked_provincies):
        name = f"Provincie {provincie.name}"
        taken.add(name)
        new.append(Organisation(name=name, kind=OrganisationKind.PROVINCIE, provincie=provincie))
    Organisation.objects.bulk_create(new, ignore_conflicts=True)
    created += len(new)

    for name, kind, domains in NATIONAL_ORGANISATIONS:
        organisation, was_created = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
        created += was_created
        _ensure_domains(organisation, domains)
    for gemeente_name, domains in KNOWN_GEMEENTE_DOMAINS.items():
        organisation = Organisation.objects.filter(gemeente__name=gemeente_name).first()
        if organisation:
            _ensure_domains(organisation, domains)
    return created


def _ensure_domains(organisation, domains):
    for domain in domains:
        OrganisationDomain.objects.get_or_create(domain=domain, defaults={"organisation": organisation})


def sync_after_migrate(sender, **kwargs):
    from django.db import connection

    tables = set(connection.introspection.table_names())
    if {"accounts_organisation", "kennisbank_gemeente", "kennisbank_provincie"} <= tables:
        sync_reference_organisations()
