"""Moderator and beheerder actions, recorded in Wagtail's own log.

Each action is a ModelLogEntry (``wagtail.log_actions.log``) with a Dutch label, so a site admin
finds them in the CMS under Rapporten → Sitegeschiedenis, filterable by action, person, date and
object type. ``data`` names the themagroep and any detail (target group, new role).
"""

from wagtail import log_actions
from wagtail.log_actions import LogFormatter

ACTIONS = {
    "themagroepen.onderwerp.vastzetten": "Onderwerp vastgezet",
    "themagroepen.onderwerp.losmaken": "Onderwerp losgemaakt",
    "themagroepen.onderwerp.sluiten": "Onderwerp gesloten",
    "themagroepen.onderwerp.openen": "Onderwerp heropend",
    "themagroepen.onderwerp.verbergen": "Onderwerp verborgen",
    "themagroepen.onderwerp.tonen": "Onderwerp weer getoond",
    "themagroepen.onderwerp.verplaatsen": "Onderwerp verplaatst",
    "themagroepen.reactie.verbergen": "Reactie verborgen",
    "themagroepen.reactie.tonen": "Reactie weer getoond",
    "themagroepen.melding.afhandelen": "Melding afgehandeld",
    "themagroepen.onderwerp.kennisbank_voorstellen": "Onderwerp voorgesteld voor de kennisbank",
    "themagroepen.voorstel.akkoord": "Toestemming gegeven voor de kennisbank",
    "themagroepen.voorstel.afgewezen": "Geen toestemming gegeven voor de kennisbank",
    "themagroepen.onderwerp.pagina_koppelen": "Onderwerp gekoppeld aan een kennisbankpagina",
    "themagroepen.onderwerp.pagina_ontkoppelen": "Koppeling met een kennisbankpagina verwijderd",
    "themagroepen.lid.verwijderen": "Lid uit themagroep verwijderd",
    "themagroepen.lid.rol": "Rol van lid gewijzigd",
    "themagroepen.verzoek.toelaten": "Lidmaatschapsverzoek toegelaten",
    "themagroepen.verzoek.afwijzen": "Lidmaatschapsverzoek afgewezen",
    "themagroepen.bestand.wijzigen": "Groepsbestand hernoemd of verplaatst",
    "themagroepen.bestand.verwijderen": "Groepsbestand verwijderd",
    "themagroepen.map.wijzigen": "Map van de bibliotheek hernoemd",
    "themagroepen.map.verwijderen": "Map van de bibliotheek verwijderd",
}


class AuditFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        parts = [self.label, f"in {data['themagroep']}" if data.get("themagroep") else "", data.get("detail", "")]
        return " ".join(part for part in parts if part)


def register(actions) -> None:
    for action, label in ACTIONS.items():
        actions.register_action(action)(type("Formatter", (AuditFormatter,), {"label": label}))


def record(instance, action: str, *, by, themagroep, title: str, detail: str = "") -> None:
    """One log entry; call inside the action's transaction so both happen or neither."""
    log_actions.log(
        instance,
        action,
        user=by,
        title=title[:255],
        data={"themagroep": themagroep.name, "themagroep_id": themagroep.pk, "detail": detail},
    )
