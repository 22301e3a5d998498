"""Filters with counts, and sorting, for the voorbeelden index.

A filter takes several values (``?provincie=utrecht&provincie=limburg``): a case matches when it
has any of them (OR within a filter) and matches every filter (AND across filters). Each facet
counts within the results of all *other* active filters, so a visitor sees how many cases each
choice would add. Every facet is one aggregate query, whatever the number of cases.
Instrument options are pages themselves: only those the visitor may read become an option (the
access module decides), so a draft or closed instrument's title never shows as a filter label.
"""

from urllib.parse import urlencode

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
# GET value -> (label, ordering). The first is the default; the title breaks ties so paging is stable.
SORTS = {
    "nieuwste": ("Nieuwste eerst", ("-year", "title")),
    "gemeente": ("Gemeente (A–Z)", ("gemeente__name", "title")),
}
DEFAULT_SORT = next(iter(SORTS))
# More values than this per filter is no visitor's choice; the rest is ignored, not queried.
MAX_VALUES = 20


def _values(params, name):
    """Every distinct, non-empty value of one parameter, from a QueryDict or a plain dict."""
    raw = params.getlist(name) if hasattr(params, "getlist") else [params.get(name) or ""]
    return list(dict.fromkeys(value.strip() for value in raw if value and value.strip()))[:MAX_VALUES]


class VoorbeeldFilter:
    def __init__(self, queryset, params, user):
        self.queryset = queryset
        # slug -> title of every instrument this visitor may read: the only instrument options.
        from kennisbank.pages.instrumenten import InstrumentPage

        self.readable_instruments = dict(
            readable_pages(InstrumentPage.objects.all(), user).values_list("slug", "title")
        )
        # A value that names nothing (a typo, an old link) is reported and not applied; a known
        # value stays selected even when the combination gives no results.
        self.active, self.active_labels, self.unknown = {}, {}, []
        for name, *_ in FACETS:
            values = _values(params, name)
            labels = self._labels_of(name, values) if values else {}
            known = [value for value in values if value in labels]
            self.unknown += [(FACET_LABELS[name], value) for value in values if value not in labels]
            if known:
                self.active[name] = known
                self.active_labels[name] = {value: labels[value] for value in known}
        sort = (_values(params, "sortering") or [""])[0]
        self.sort_unknown = sort if sort and sort not in SORTS else ""
        self.sort = sort if sort in SORTS else DEFAULT_SORT

    def _labels_of(self, name, values):
        """value -> label for those of ``values`` that name something this visitor may see."""
        from kennisbank.geo import Gemeente, Provincie
        from kennisbank.themes import Thema

        if name == "vastgoed":
            known = PROPERTY_LABELS
        elif name == "instrument":
            known = self.readable_instruments
        else:
            model = {"provincie": Provincie, "gemeente": Gemeente, "thema": Thema}[name]
            known = dict(model.objects.filter(slug__in=values).values_list("slug", "name"))
        return {value: known[value] for value in values if value in known}

    def _filtered(self, skip=None):
        queryset = self.queryset
        for name, _label, lookup, _count in FACETS:
            if name in self.active and name != skip:
                queryset = queryset.filter(**{f"{lookup}__in": self.active[name]})
        return queryset

    def results(self):
        # Filtering across many-to-many joins can repeat a row; distinct keeps each case once.
        return self._filtered().distinct() if self._uses_m2m() else self._filtered()

    def _uses_m2m(self):
        return "instrument" in self.active or "thema" in self.active

    @property
    def ordering(self):
        return SORTS[self.sort][1]

    def sort_options(self):
        return [{"value": value, "label": label, "selected": value == self.sort} for value, (label, _) in SORTS.items()]

    def facets(self):
        facets = []
        for name, label, _lookup, (value_field, label_field) in FACETS:
            extra = [label_field] if label_field else []
            active = self.active.get(name, [])
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
                options.append({"value": value, "label": text, "count": row["n"], "selected": value in active})
            shown = {option["value"] for option in options}
            options += [
                {"value": value, "label": self.active_labels[name][value], "count": 0, "selected": True}
                for value in active
                if value not in shown
            ]
            options.sort(key=lambda option: option["label"].lower())
            facets.append({"name": name, "label": label, "options": options, "active": active})
        return facets

    def removal_links(self):
        """(label, query string without that one value) for every active filter value."""
        return [
            (f"{FACET_LABELS[name]}: {self.active_labels[name][value]}", self.querystring(without=(name, value)))
            for name, values in self.active.items()
            for value in values
        ]

    def querystring(self, without=None):
        """The current filters (and a chosen sort) as a query string, for pagination links."""
        pairs = [pair for pair in self.hidden_filters() if pair != without]
        if self.sort != DEFAULT_SORT:
            pairs.append(("sortering", self.sort))
        return urlencode(pairs)

    def hidden_filters(self):
        """(name, value) of every active filter, for the sort form to carry along."""
        return [(name, value) for name, values in self.active.items() for value in values]
