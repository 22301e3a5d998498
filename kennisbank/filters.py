"""Filters with counts, and sorting, for the voorbeelden index.

A filter takes several values (``?provincie=utrecht&provincie=limburg``): a case matches when it
has any of them (OR within a filter) and matches every filter (AND across filters). Each facet
counts within the results of all *other* active filters, so a visitor sees how many cases each
choice would add. Every facet is one aggregate query, whatever the number of cases.
Instrument options are pages themselves: only those the visitor may read become an option (the
access module decides), so a draft or closed instrument's title never shows as a filter label.

A zoekterm (``q``) goes through the search service, the one door for text: it asks only for
voorbeelden and only for what the visitor may read, with Elasticsearch or the embedded engine.
Its matches narrow the cases before the other filters apply, and their order is the sort
"relevantie", which exists only when there is a term (and is then the default).
"""

from urllib.parse import urlencode

from django.db.models import Case, Count, IntegerField, When

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
RELEVANCE = "relevantie"  # the search engine's order: only with a zoekterm, then the default
RELEVANCE_LABEL = "Relevantie"
MAX_QUERY_LENGTH = 200
# Text matches asked of the search engine; a term matching more cases than this is no search.
MAX_TEXT_MATCHES = 1000
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
        self.q = " ".join((params.get("q") or "").split())[:MAX_QUERY_LENGTH]
        self.text = self._search_text(queryset, user) if self.q else None
        if self.text is not None:
            self.queryset = queryset.filter(pk__in=self.text.ranked_pks)
        sort = (_values(params, "sortering") or [""])[0]
        self.default_sort = RELEVANCE if self.q else DEFAULT_SORT
        # Relevance without a term has no meaning: said so, and newest is used.
        self.sort_needs_term = sort == RELEVANCE and not self.q
        self.sort_unknown = sort if sort and sort not in SORTS and sort != RELEVANCE else ""
        self.sort = sort if sort in SORTS or (sort == RELEVANCE and self.q) else self.default_sort

    def _search_text(self, queryset, user):
        from kennisbank.voorbeeld_search import search_voorbeelden

        return search_voorbeelden(self.q, queryset, user, limit=MAX_TEXT_MATCHES)

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
    def narrowed(self):
        """Anything the visitor asked for: a zoekterm or a filter value."""
        return bool(self.q or self.active)

    @property
    def ordering(self):
        if self.sort == RELEVANCE:
            ranks = [When(pk=pk, then=rank) for rank, pk in enumerate(self.text.ranked_pks)]
            return (Case(*ranks, default=len(ranks), output_field=IntegerField()), "title")
        return SORTS[self.sort][1]

    def sort_options(self):
        choices = ([(RELEVANCE, RELEVANCE_LABEL)] if self.q else []) + [
            (value, label) for value, (label, _) in SORTS.items()
        ]
        return [{"value": value, "label": label, "selected": value == self.sort} for value, label in choices]

    @property
    def carried_sort(self):
        """The sort the filter form carries along: a chosen one, not relevance (which follows the term)."""
        return self.sort if self.sort not in (self.default_sort, RELEVANCE) else ""

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
        """(label, query string without that one value) for the zoekterm and every filter value."""
        links = [(f"Zoekterm: ‘{self.q}’", self.querystring(without=("q", self.q)))] if self.q else []
        return links + [
            (f"{FACET_LABELS[name]}: {self.active_labels[name][value]}", self.querystring(without=(name, value)))
            for name, values in self.active.items()
            for value in values
        ]

    def querystring(self, without=None):
        """The current term, filters (and a chosen sort) as a query string, for pagination links."""
        pairs = [pair for pair in self.hidden_filters() if pair != without]
        still_has_term = self.q and without != ("q", self.q)
        if self.sort not in (DEFAULT_SORT, RELEVANCE) or (self.sort == DEFAULT_SORT and still_has_term):
            pairs.append(("sortering", self.sort))
        return urlencode(pairs)

    def hidden_filters(self):
        """(name, value) of the zoekterm and every active filter, for the sort form to carry along."""
        pairs = [("q", self.q)] if self.q else []
        return pairs + [(name, value) for name, values in self.active.items() for value in values]
