"""A published model verordening tells the holders of drafts built on an older version, after commit."""

from kennisplatform.aftercommit import after_commit


def _on_published(sender, instance, revision=None, **kwargs):
    from kennisbank.dossiers import concepts

    if revision is None:
        return
    page_id, revision_id, actor_id = instance.pk, revision.pk, revision.user_id
    after_commit(
        lambda: concepts.notify_outdated_holders(page_id, revision_id, actor_id), name="verordening-concepten melden"
    )


def connect():
    from wagtail.signals import page_published

    from kennisbank.models import VerordeningPage

    page_published.connect(_on_published, sender=VerordeningPage, dispatch_uid="dossiers-verordening-published")
