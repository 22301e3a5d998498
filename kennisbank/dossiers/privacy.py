"""AVG for dossiers (protocol: accounts/privacy.py): the ticks and notes a member made, and the
draft verordeningen they started or last changed.

Both belong to the organisation's dossier, which colleagues keep working in; on account deletion
they stay, and the member is shown as "Verwijderd lid" (``accounts.services.display_name``). The
answers in a draft are the organisation's text, so the export names the drafts, not their answers.
"""

from django.db.models import Q

from kennisbank.dossiers import concepts
from kennisbank.dossiers.models import VerordeningConcept, Vinkje


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
        ],
        "concept_verordeningen": [
            {
                "organisatie": concept.organisation.name,
                "titel": concepts.title(concept),
                "door_u_begonnen": concept.created_by_id == user.pk,
                "door_u_laatst_gewijzigd": concept.updated_by_id == user.pk,
                "gemaakt_op": concept.created_at.isoformat(),
                "laatst_gewijzigd_op": concept.updated_at.isoformat(),
            }
            for concept in VerordeningConcept.objects.filter(Q(created_by=user) | Q(updated_by=user))
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
    }
