"""Judged Dutch queries over the demo content, for nDCG@10 (see test_relevance.py).

Each query maps result URLs to a grade: 2 = what the searcher is after, 1 = also useful.
URLs (slugs) are stable across databases, unlike primary keys. Typos, inflections, compounds
and synonyms are all represented.
"""

H = "/handreiking/leegstand-te-lijf/"
I = "/instrumenten/"
V = "/voorbeelden/"
P = "/publicaties/"

VERORDENING = {
    f"{I}leegstandverordening/": 2,
    f"{H}de-leegstandverordening/": 2,
    f"{H}model-leegstandverordening/": 2,
    f"{H}de-leegstandverordening/#wat-regelt-de-verordening": 1,
    f"{H}de-leegstandverordening/#niet-op-zichzelf": 1,
}
KANTOREN_TRANSFORMATIE = {
    "/themagroepen/kantorentransformatie/": 2,
    f"{P}statenbrief-aanpak-kantoren-transformatie-utrecht/": 2,
    f"{I}stimuleringsregeling/": 1,
    f"{V}kantoorkolos-amersfoort-wordt-woongebouw/": 1,
    f"{V}den-haag-kantoren-worden-studentenhuisvesting/": 1,
}
OMGEVINGSPLAN = {f"{I}omgevingsplan-aanpassen/": 2}

JUDGEMENTS = {
    # exact words and compounds
    "leegstandverordening": VERORDENING,
    "model leegstandverordening": {f"{H}model-leegstandverordening/": 2, **{k: 1 for k in VERORDENING}},
    "kantorentransformatie": KANTOREN_TRANSFORMATIE,
    "kantorenloods": {f"{I}kantorenloods/": 2, f"{H}organisatie-en-samenwerking/#een-aanspreekpunt": 1},
    "plancapaciteit schrappen": {f"{I}plancapaciteit-schrappen/": 2},
    "leegstandsmonitor": {f"{I}leegstandsmonitor/": 2},
    "stimuleringsregeling": {f"{I}stimuleringsregeling/": 2},
    "grondbeleid": {f"{I}grondbeleid/": 2},
    "meldplicht": {f"{V}apeldoorn-meldplicht-kantoren/": 2},
    "zorgboerderij": {f"{V}oldambt-boerderij-wordt-zorgboerderij/": 2},
    "textielfabriek": {f"{V}tilburg-textielfabriek-wordt-broedplaats/": 2},
    "studentenhuisvesting": {f"{V}den-haag-kantoren-worden-studentenhuisvesting/": 2},
    "probleemanalyse": {f"{H}probleemanalyse/": 2},
    "leegstand in cijfers": {f"{H}waarom-leegstand-aanpakken/#leegstand-in-cijfers": 2},
    "politieke agenda": {f"{H}rol-van-de-gemeente/#leegstand-op-de-politieke-agenda": 2},
    "actieprogramma aanpak leegstand kantoren": {f"{P}kamerbrief-actieprogramma-aanpak-leegstand-kantoren/": 2},
    "regionale programmering": {f"{I}regionale-afstemming/": 2, f"{H}ambities-en-visie/#regionaal-kijken": 1},
    # inflections and word order
    "leegstandverordeningen": VERORDENING,
    "bedrijventerreinen": {f"{V}zwolle-herstructurering-bedrijventerrein/": 2},
    "tijdelijke verhuur": {f"{I}tijdelijk-gebruik/": 2, f"{V}almere-tijdelijk-gebruik-kantoren/": 1},
    "tijdelijk gebruik van kantoren": {f"{I}tijdelijk-gebruik/": 2, f"{V}almere-tijdelijk-gebruik-kantoren/": 2},
    "gesprek met eigenaren": {
        f"{I}eigenarengesprek/": 2,
        f"{H}communicatie/#het-gesprek-aangaan": 2,
        f"{H}communicatie/": 1,
    },
    "verordening leegstand": VERORDENING,
    "transformatie van kantoren": KANTOREN_TRANSFORMATIE,
    # synonyms
    "bestemmingsplan": OMGEVINGSPLAN,
    "bestemmingsplannen": OMGEVINGSPLAN,
    "omgevingsplan": OMGEVINGSPLAN,
    "herbestemming van een kerk": {f"{V}leeuwarden-kerk-wordt-cultuurhuis/": 2},
    "functiewijziging kantoor": KANTOREN_TRANSFORMATIE,
    "provincie utrecht kantoren": {
        f"{P}statenbrief-aanpak-kantoren-transformatie-utrecht/": 2,
        f"{H}organisatie-en-samenwerking/#de-provincie-als-partner": 1,
    },
    # typos
    "leegstandverodening": VERORDENING,
    "kantorenlods": {f"{I}kantorenloods/": 2, f"{H}organisatie-en-samenwerking/#een-aanspreekpunt": 1},
    "studentenhuisvestnig": {f"{V}den-haag-kantoren-worden-studentenhuisvesting/": 2},
    "grondbelied": {f"{I}grondbeleid/": 2},
    "omgevingsplna": OMGEVINGSPLAN,
}
