"""Filters with counts for the voorbeelden index.

Each facet counts within the results of all *other* active filters, so a visitor sees how many
cases each choice would give. Every facet is one aggregate query, whatever the number of cases.
Instrument options are pages themselves: only those the visitor may read become an option (the
access module decides), so a draft or closed instrument's title never shows as a filter label.
"""

from django.db.models import Count

from kennisbank.pages.voorbeelden import PropertyType
from kennisplatform.access import readable_pages

# (GET parameter, label, lookup used to filter, (value field, label field) used to count)
FACETS = [
    ("provincie", "Provincie", "gemeente__provincie__slug", ("gemeente__provincie__slug", "gemeente__provincie__name")),
    ("gemeente", "Gemeente", "gemeente__slug", ("gemeente__slug", "gemeente__name")),
    ("vastgoed", "Soort vastgoed", "property_type", ("property_type", None)),
    ("instrument", "Instrument", "instrumenten__slug", ("instrumenten__slug", "instrumenten__title")),
    ("thema", "Thema", "themas__slug", ("themas__slug", "themas__name")),
]
FACET_LABELS = {name: label for name, label, *_ in FACETS}
PROPERTY_LABELS = dict(PropertyType.choices)


class VoorbeeldFilter:
    def __init__(self, queryset, params, user):
        self.queryset = queryset
        # slug -> title of every instrument this visitor may read: the only instrument options.
        from kennisbank.pages.instrumenten import InstrumentPage

        self.readable_instruments = dict(
            readable_pages(InstrumentPage.objects.all(), user).values_list("slug", "title")
        )
        requested = {name: params.get(name, "").strip() for name, *_ in FACETS if params.get(name, "").strip()}
        # A value that names nothing (a typo, an old link) is reported and not applied; a known
        # value stays selected even when the combination gives no results.
        self.active, self.active_labels, self.unknown = {}, {}, []
        for name, value in requested.items():
            known = self._label_of(name, value)
            if known is None:
                self.unknown.append((FACET_LABELS[name], value))
            else:
                self.active[name], self.active_labels[name] = value, known

    def _label_of(self, name, value):
        from kennisbank.geo import Gemeente, Provincie
        from kennisbank.themes import Thema

        if name == "vastgoed":
            return PROPERTY_LABELS.get(value)
        if name == "instrument":
            return self.readable_instruments.get(value)
        model, field = {"provincie": (Provincie, "name"), "gemeente": (Gemeente, "name"), "thema": (Thema, "name")}[
            name
        ]
        return model.objects.filter(slug=value).values_list(field, flat=True).first()

    def _filtered(self, skip=None):
        queryset = self.queryset
        for name, _label, lookup, _count in FACETS:
            if name in self.active and name != skip:
                queryset = queryset.filter(**{lookup: self.active[name]})
        return queryset

    def results(self):
        # Filtering across many-to-many joins can repeat a row; distinct keeps each case once.
        return self._filtered().distinct() if self._uses_m2m() else self._filtered()

    def _uses_m2m(self):
        return "instrument" in self.active or "thema" in self.active

    def facets(self):
        facets = []
        for name, label, _lookup, (value_field, label_field) in FACETS:
            extra = [label_field] if label_field else []
            # order_by() drops the page tree ordering, which would otherwise split the GROUP BY.
            rows = list(
                self._filtered(skip=name).order_by().values(value_field, *extra).annotate(n=Count("pk", distinct=True))
            )
            options = []
            for row in rows:
                value = row[value_field]
                # Cases without a value, and instruments the visitor may not read, are no filter option.
                if value is None or (name == "instrument" and value not in self.readable_instruments):
                    continue
                text = row[label_field] if label_field else PROPERTY_LABELS.get(value, value)
                options.append(
                    {"value": value, "label": text, "count": row["n"], "selected": self.active.get(name) == value}
                )
            active = self.active.get(name)
            if active and not any(option["value"] == active for option in options):
                options.append({"value": active, "label": self.active_labels[name], "count": 0, "selected": True})
            options.sort(key=lambda option: option["label"].lower())
            facets.append({"name": name, "label": label, "options": options, "active": self.active.get(name, "")})
        return facets

    def removal_links(self):
        """(label, query string without that one filter) for every active filter."""
        return [
            (f"{FACET_LABELS[name]}: {self.active_labels[name]}", self.querystring(**{name: ""}))
            for name in self.active
        ]

    def querystring(self, **changes):
        """The current filters as a query string, for pagination links."""
        from urllib.parse import urlencode

        params = {**self.active, **changes}
        return urlencode({key: value for key, value in params.items() if value})
