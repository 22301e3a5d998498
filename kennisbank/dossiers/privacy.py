"""AVG for dossiers (protocol: accounts/privacy.py): the ticks and notes a member made.

A tick belongs to the organisation's dossier, which colleagues keep working in; on account
deletion it stays, and its author is shown as "Verwijderd lid" (``accounts.services.display_name``).
"""

from kennisbank.dossiers.models import Vinkje


def export_user_data(user) -> dict:
    ticks = Vinkje.objects.filter(ticked_by=user).select_related("organisation", "chapter")
    return {
        "vinkjes": [
            {
                "organisatie": tick.organisation.name,
                "hoofdstuk": tick.chapter.title,
                "punt": tick.item_text,
                "notitie": tick.note,
                "afgevinkt_op": tick.ticked_at.isoformat(),
            }
            for tick in ticks.order_by("ticked_at", "pk")
        ]
    }
