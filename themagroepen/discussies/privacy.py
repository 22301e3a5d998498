"""AVG for discussions (protocol: accounts/privacy.py).

Posts, their attachments and edit history stay after an account is deleted: others replied to
them, and they show "Verwijderd lid" from then on. What only concerns the member goes: reports
lose their reporter, reactions, follows and read state are deleted.
"""

from themagroepen.discussies.models import (
    Attachment,
    KennisbankProposal,
    PostRevision,
    ProposalStatus,
    Reaction,
    ReadCutoff,
    Reply,
    Report,
    Topic,
    TopicFollow,
    TopicPageLink,
    TopicRead,
)


def _post_title(part) -> str:
    return part.topic.title if part.reply_id is None else f"Reactie op: {part.topic.title}"


def export_user_data(user) -> dict:
    return {
        "onderwerpen": [
            {
                "themagroep": topic.themagroep.name,
                "titel": topic.title,
                "tekst": topic.body,
                "geplaatst_op": topic.created.isoformat(),
                "verborgen_door_beheerder": topic.hidden,
            }
            for topic in Topic.objects.filter(author=user).select_related("themagroep").order_by("created")
        ],
        "reacties": [
            {
                "onderwerp": reply.topic.title,
                "tekst": reply.body,
                "geplaatst_op": reply.created.isoformat(),
                "verborgen_door_beheerder": reply.hidden,
            }
            for reply in Reply.objects.filter(author=user).select_related("topic").order_by("created")
        ],
        "bijlagen": [
            {"bij": _post_title(a), "bestandsnaam": a.name, "grootte": a.size, "geplaatst_op": a.created.isoformat()}
            for a in Attachment.objects.filter(uploader=user).select_related("topic").order_by("created")
        ],
        "bewerkingen": [
            {"bij": _post_title(r), "tekst_voor_bewerking": r.body, "bewerkt_op": r.created.isoformat()}
            for r in PostRevision.objects.filter(editor=user).select_related("topic").order_by("created")
        ],
        "meldingen_van_misbruik": [
            {"bij": _post_title(r), "reden": r.reason, "gemeld_op": r.created.isoformat()}
            for r in Report.objects.filter(reporter=user).select_related("topic").order_by("created")
        ],
        "nuttig_gemarkeerd": [_post_title(r) for r in Reaction.objects.filter(user=user).select_related("topic")],
        "gevolgde_onderwerpen": sorted(TopicFollow.objects.filter(user=user).values_list("topic__title", flat=True)),
        "kennisbank_verzoeken": [
            {"onderwerp": p.topic.title, "soort": p.get_kind_display(), "antwoord": p.get_status_display()}
            for p in KennisbankProposal.objects.filter(topic__author=user).select_related("topic").order_by("created")
        ],
    }


def anonymise_user(user) -> None:
    # A deleted author can no longer consent: their open requests are withdrawn (no draft).
    KennisbankProposal.objects.filter(topic__author=user, status=ProposalStatus.OPEN).update(
        status=ProposalStatus.WITHDRAWN
    )
    KennisbankProposal.objects.filter(proposed_by=user).update(proposed_by=None)
    TopicPageLink.objects.filter(added_by=user).update(added_by=None)
    Report.objects.filter(reporter=user).update(reporter=None)
    Report.objects.filter(resolved_by=user).update(resolved_by=None)
    Reaction.objects.filter(user=user).delete()
    TopicFollow.objects.filter(user=user).delete()
    TopicRead.objects.filter(user=user).delete()
    ReadCutoff.objects.filter(user=user).delete()
