"""After the demo content is loaded: build the search indexes.

Runs last in ``loaddemo`` (search comes after the content apps). Rebuilding is idempotent: a
second run builds equal indexes (and swaps the Elasticsearch alias again).
"""

from search.backend import elasticsearch_configured


def load(stdout):
    from django.db import transaction
    from django.utils import timezone

    from search import indexing
    from search.models import IndexQueue

    # Index after the demo's transaction has committed, so the rebuild sees every object; the
    # queue rows the demo's saves produced are then redundant.
    def rebuild():
        started = timezone.now()
        count = indexing.rebuild_embedded()
        stdout.write(f"Zoeken: ingebouwde zoekindex opgebouwd met {count} documenten.")
        if elasticsearch_configured():
            try:
                name, count = indexing.rebuild()
            except Exception as exc:  # noqa: BLE001 - the demo itself is loaded; say what failed
                stdout.write(
                    f"Zoeken: index opbouwen mislukt ({exc.__class__.__name__}); probeer `manage.py zoekindex rebuild`."
                )
                return
            stdout.write(f"Zoeken: index {name} opgebouwd met {count} documenten.")
        IndexQueue.objects.filter(enqueued_at__lte=started).delete()

    transaction.on_commit(rebuild)
