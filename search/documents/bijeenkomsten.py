"""Bijeenkomsten: the announcement (public or members only) and each date's verslag (members)."""

from django.utils import timezone

from . import register
from .base import Adapter, plain_text, text_of


def _occurrence_for_link(bijeenkomst):
    """The next date, else the most recent one: where a hit should lead."""
    occurrences = list(bijeenkomst.occurrences.order_by("start"))
    upcoming = [o for o in occurrences if o.end >= timezone.now()]
    return (upcoming or occurrences[::-1] or [None])[0]


@register
class BijeenkomstAdapter(Adapter):
    model = "bijeenkomsten.Bijeenkomst"
    type = "bijeenkomst"
    # A group turning hidden withdraws its public announcements.
    follows = {
        "themagroepen.themagroep": lambda groep: groep.bijeenkomsten.all(),
        "bijeenkomsten.occurrence": lambda occurrence: [occurrence.bijeenkomst],
    }

    def queryset(self):
        return super().queryset().select_related("themagroep").prefetch_related("occurrences")

    def documents(self, bijeenkomst):
        occurrence = _occurrence_for_link(bijeenkomst)
        if occurrence is None:
            return []
        description = (
            plain_text(bijeenkomst.description_html) if bijeenkomst.description_html else bijeenkomst.description
        )
        docs = [
            self.doc(
                bijeenkomst,
                title=bijeenkomst.title,
                body=text_of([description, bijeenkomst.place]),
                url=occurrence.get_absolute_url(),
                context=bijeenkomst.themagroep.name,
                date=bijeenkomst.start,
            )
        ]
        for date in bijeenkomst.occurrences.all():
            if date.verslag.strip():
                docs.append(
                    self.doc(
                        bijeenkomst,
                        suffix=f"verslag-{date.pk}",
                        title=f"Verslag: {bijeenkomst.title} ({timezone.localtime(date.start):%d-%m-%Y})",
                        body=plain_text(date.verslag_html) if date.verslag_html else date.verslag,
                        url=date.get_absolute_url(),
                        context=bijeenkomst.themagroep.name,
                        date=date.start,
                        read_keys=bijeenkomst.detail_keys(),
                    )
                )
        return docs
