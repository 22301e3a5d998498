"""Search benchmark: bulk-index 100,000 generated Dutch documents and time the JSON API.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python benchmarks/search_benchmark.py [--docs 100000] [--queries 300]

The corpus goes into its own index (``benchmark-zoeken-<timestamp>`` behind the alias
``benchmark-zoeken``) built with the production index settings and mapping, and the same
``SearchDocument.source()`` as real content (so compound parts are computed the same way).
Latency is measured through the JSON API view (``/api/zoeken/``: parameter parsing, permission
filter, query builder, facets, highlighting, JSON) for an anonymous visitor and for a member of
three groups. The index is deleted afterwards unless ``--keep``.
Beside each API time, the body of the API's first request (``es_engine.build_search_body``
with the spelling suggester) is sent to Elasticsearch directly, so the report shows the raw
Elasticsearch time (``took`` and round trip) next to what the API adds (analysis, snippets,
JSON; the second request when few documents have every word), and how many requests each API
call made. The API is timed without the reader timeout and circuit breaker, so a slow
Elasticsearch shows in the figures instead of falling back to the database unnoticed.
Targets on the CI machine: indexing >= 1,000 documents/s, API p95 <= 60 ms.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisplatform.settings")
os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", "benchmark")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from elasticsearch import helpers  # noqa: E402

from kennisplatform import access  # noqa: E402
from search import index as search_index  # noqa: E402
from search.backend import get_client  # noqa: E402
from search.documents import SearchDocument  # noqa: E402

# A broad vocabulary, so that a query word matches a realistic share of the corpus.
NOUNS = """leegstand herbestemming kantoor kantoren winkel winkels pand panden woning woningen bedrijventerrein
erfgoed monument kerk school boerderij fabriek loods station binnenstad centrum wijk dorp stad regio provincie
gemeente eigenaar eigenaren belegger ontwikkelaar corporatie huurder ondernemer bewoner raad college wethouder
ambtenaar verordening omgevingsplan bestemmingsplan omgevingsvisie structuurvisie vergunning meldplicht
leegstandverordening kantorentransformatie transformatie sloop nieuwbouw renovatie verduurzaming subsidie fonds
grondbeleid plancapaciteit programmering monitor registratie aanpak strategie ambitie visie analyse probleem
oplossing kosten opbrengst begroting budget capaciteit team loods coach netwerk platform bijeenkomst webinar
overleg gesprek convenant afspraak overeenkomst huurcontract huurprijs marktwaarde taxatie leegstandsbelasting
parkeerplaats bereikbaarheid leefbaarheid veiligheid verloedering kraak antikraak beheer onderhoud installatie
energielabel isolatie zonnepanelen warmtepomp asbest bodem geluid flora fauna stikstof water groen plein straat
studentenhuisvesting starterswoning zorgwoning appartement atelier broedplaats horeca cultuur museum bibliotheek
zorgcentrum sporthal zwembad kinderopvang kantorenpark winkelcentrum plint etalage markt vraag aanbod""".split()
VERBS = """onderzoekt bespreekt stimuleert beperkt financiert ondersteunt evalueert plant regelt transformeert
herbestemt verbouwt sloopt verhuurt verkoopt koopt inventariseert monitort adviseert begeleidt organiseert
agendeert bekostigt versnelt vereenvoudigt handhaaft controleert registreert verduurzaamt""".split()
ADJECTIVES = """leegstaande lege verouderde monumentale tijdelijke nieuwe duurzame betaalbare regionale lokale
provinciale gemeentelijke structurele langdurige kansrijke kwetsbare levendige compacte bereikbare""".split()
TAILS = [
    "in overleg met de markt",
    "voor de komende vijf jaar",
    "samen met buurgemeenten",
    "na een brede consultatie",
    "binnen het actieprogramma",
    "met steun van de provincie",
    "omdat de vraag naar woningen groeit",
    "zodat de binnenstad levendig blijft",
    "ondanks de krappe begroting",
    "op verzoek van de raad",
]
PLACES = [
    "Utrecht",
    "Amersfoort",
    "Zwolle",
    "Tilburg",
    "Heerlen",
    "Almere",
    "Apeldoorn",
    "Leeuwarden",
    "Emmen",
    "Nieuwegein",
]
PROVINCIES = [
    "Utrecht",
    "Gelderland",
    "Overijssel",
    "Noord-Brabant",
    "Limburg",
    "Flevoland",
    "Friesland",
    "Drenthe",
    "Groningen",
    "Zeeland",
    "Noord-Holland",
    "Zuid-Holland",
]
THEMAS = ["Leegstand", "Herbestemming", "Kantoren", "Winkels", "Erfgoed", "Omgevingswet"]
VASTGOED = ["Kantoor", "Winkel", "Bedrijventerrein", "Maatschappelijk vastgoed", "Agrarisch", "Erfgoed/beeldbepalend"]
TYPES = ["handreiking", "instrument", "voorbeeld", "publicatie", "themagroep", "discussie", "discussie", "bijeenkomst"]
GROUPS = 20


def phrase(rng):
    return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}" if rng.random() < 0.5 else rng.choice(NOUNS)


def sentence(rng):
    words = [f"De {rng.choice(NOUNS)}", rng.choice(VERBS), f"de {phrase(rng)}"]
    if rng.random() < 0.6:
        words.append(f"van de {phrase(rng)}")
    if rng.random() < 0.3:
        words.append(rng.choice(TAILS))
    return " ".join(words) + "."


def make_document(n, rng) -> SearchDocument:
    kind = rng.choice(TYPES)
    group = rng.randint(1, GROUPS)
    # Group content (discussions, most meetings) is closed; the kennisbank is public.
    if kind == "discussie" or (kind == "bijeenkomst" and rng.random() < 0.7):
        keys = frozenset({access.group_key(group)})
    else:
        keys = frozenset({access.PUBLIC})
    title = f"{phrase(rng).capitalize()} in {rng.choice(PLACES)}: {rng.choice(NOUNS)} en {rng.choice(NOUNS)}"
    body = " ".join(sentence(rng) for _ in range(rng.randint(5, 12)))
    date = datetime(2010, 1, 1, tzinfo=timezone.get_current_timezone()) + timedelta(days=rng.randint(0, 16 * 365))
    return SearchDocument(
        id=f"benchmark:{n}",
        model=f"benchmark.{kind}",
        object_pk=str(n),
        type=kind,
        title=title,
        url=f"/benchmark/{n}/",
        read_keys=keys,
        body=body,
        context=rng.choice(PLACES),
        date=date,
        thema=rng.sample(THEMAS, rng.randint(0, 2)),
        provincie=[rng.choice(PROVINCIES)] if kind in ("voorbeeld", "publicatie") else [],
        vastgoedtype=[rng.choice(VASTGOED)] if kind == "voorbeeld" else [],
    )


def build_index(client, docs: int, seed: int) -> tuple[str, float]:
    rng = random.Random(seed)
    print(f"Genereren van {docs:,} documenten ...", flush=True)
    documents = [make_document(n, rng) for n in range(docs)]
    name = search_index.create_index(search_index.new_index_name(), client, refresh_interval="-1")
    # Building the sources (compound parts, fingerprint) is timed separately from Elasticsearch.
    started = time.perf_counter()
    actions = list(search_index.bulk_actions(documents, name))
    print(f"Documenten opbouwen (Python): {docs / (time.perf_counter() - started):,.0f} documenten/s", flush=True)
    print(f"Bulk-indexeren in {name} ...", flush=True)
    started = time.perf_counter()
    for ok, item in helpers.parallel_bulk(client, actions, thread_count=2, chunk_size=1000, queue_size=4):
        if not ok:
            raise RuntimeError(item)
    client.indices.put_settings(index=name, settings={"refresh_interval": "1s"})
    client.indices.refresh(index=name)
    elapsed = time.perf_counter() - started
    alias = search_index.alias_name()
    old = search_index.indices_behind(alias, client)
    client.indices.update_aliases(
        actions=[*({"remove": {"index": i, "alias": alias}} for i in old), {"add": {"index": name, "alias": alias}}]
    )
    for index in old:
        client.indices.delete(index=index)
    count = client.count(index=name)["count"]
    assert count == docs, (count, docs)
    return name, docs / elapsed


def query_mix(n: int, seed: int):
    rng = random.Random(seed)
    words = NOUNS
    typos = ["leegstnad", "herbestemmnig", "kantorenlods", "omgevingsplna", "bedrijventerein"]
    for _ in range(n):
        roll = rng.random()
        if roll < 0.4:
            q = rng.choice(words)
        elif roll < 0.7:
            q = f"{rng.choice(words)} {rng.choice(words)}"
        elif roll < 0.8:
            q = rng.choice(typos)
        elif roll < 0.9:
            q = f"{phrase(rng)} {rng.choice(NOUNS)}"
        else:
            q = f"{rng.choice(words)} {rng.choice(PLACES)}"
        params = {"q": q}
        if rng.random() < 0.3:
            params["type"] = rng.choice(TYPES)
        if rng.random() < 0.15:
            params["provincie"] = rng.choice(PROVINCIES)
        if rng.random() < 0.2:
            params["sort"] = "datum"
        if rng.random() < 0.2:
            params["pagina"] = str(rng.randint(2, 5))
        yield params


def time_api(user, queries, client=None) -> tuple[list[float], list[float], list[float], list[int]]:
    """API times, and (with ``client``) Elasticsearch's ``took`` and round trip for the body of
    the API's first request; and how many requests each API call sent to Elasticsearch."""
    from django.test import RequestFactory

    from search import service
    from search.es_engine import build_search_body
    from search.params import SearchParams
    from search.views import search_api

    # Measure Elasticsearch, never the database fallback: no reader timeout or circuit breaker,
    # so a slow or failing Elasticsearch shows in the figures (or raises) instead of hiding.
    requests = [0]

    def counted(response):
        requests[0] += 1
        return response

    def direct(call, fallback):
        es = get_client().options(request_timeout=120)
        search, msearch = es.search, es.msearch
        es.search = lambda **kw: counted(search(**kw))
        es.msearch = lambda **kw: counted(msearch(**kw))
        return call(es)

    service.guarded = direct

    factory = RequestFactory()
    timings, took, raw, counts = [], [], [], []
    keys = access.held_keys(user)
    # The rate limit is not what is measured here (it would stop the benchmark after 120).
    settings.PLATFORM_RATE_LIMITS = {}
    for params in queries:
        request = factory.get("/api/zoeken/", params)
        request.user = user
        requests[0] = 0
        started = time.perf_counter()
        response = search_api(request)
        timings.append((time.perf_counter() - started) * 1000)
        counts.append(requests[0])
        assert response.status_code == 200
        if client is not None:
            body = build_search_body(SearchParams.from_querydict(request.GET), keys, with_suggest=bool(params["q"]))
            started = time.perf_counter()
            answer = client.search(index=search_index.alias_name(), **body)
            raw.append((time.perf_counter() - started) * 1000)
            took.append(answer["took"])
    return timings, took, raw, counts


def member_user():
    """A signed-in member of three groups, without touching the database."""
    from django.contrib.auth.models import User

    user = User(username="benchmark-lid", is_active=True)
    keys = {access.PUBLIC, access.AUTHENTICATED, *(access.group_key(g) for g in (1, 2, 3))}
    setattr(user, access._HELD_KEYS_CACHE, frozenset(keys))
    return user


def report(label, timings):
    p95 = statistics.quantiles(timings, n=20)[18]
    print(
        f"  {label:18} n={len(timings)}  mediaan {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms   max {max(timings):6.1f} ms"
    )
    return p95


def main():
    from django.contrib.auth.models import AnonymousUser

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="index laten staan")
    parser.add_argument("--skip-index", action="store_true", help="alleen latentie meten op een bewaarde index")
    args = parser.parse_args()
    if not settings.ELASTICSEARCH_URL:
        sys.exit("Zet ELASTICSEARCH_URL, bijvoorbeeld http://127.0.0.1:9200")
    client = get_client().options(request_timeout=120)
    if args.skip_index:
        name, rate = search_index.indices_behind(search_index.alias_name(), client)[0], float("nan")
    else:
        name, rate = build_index(client, args.docs, args.seed)
        print(f"Indexeren: {rate:,.0f} documenten/s ({args.docs:,} documenten)")
        # Let merges after the bulk load settle before timing searches.
        client.indices.forcemerge(index=name, max_num_segments=1)
    queries = list(query_mix(args.queries, args.seed))
    time_api(AnonymousUser(), queries[:30])  # warm-up: caches, connections
    print("Zoeklatentie via de JSON-API, en dezelfde query rechtstreeks naar Elasticsearch:")
    p95 = []
    for label, user in (("anoniem", AnonymousUser()), ("lid", member_user())):
        api, took, raw, counts = time_api(user, queries, client)
        p95.append(report(f"{label} API", api))
        report(f"{label} ES took", took)
        report(f"{label} ES rondreis", raw)
        spread = ", ".join(f"{n}: {counts.count(n)}x" for n in sorted(set(counts)))
        print(f"  {label} verzoeken aan Elasticsearch per API-aanroep: {spread}")
    if not args.keep:
        client.indices.delete(index=name)
    ok = (args.skip_index or rate >= 1000) and max(p95) <= 60
    print("Doelen (>= 1.000 docs/s, p95 <= 60 ms):", "gehaald" if ok else "NIET gehaald")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
