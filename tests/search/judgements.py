"""Judged Dutch queries over the demo content, for nDCG@10 (see test_relevance.py).

Each query maps result URLs to a grade: 2 = what the searcher is after, 1 = also useful.
URLs (slugs) are stable across databases, unlike primary keys. Typos, inflections, compounds
and synonyms are all represented.
"""

H = "/handreiking/leegstand-te-lijf/"
I = "/instrumenten/"
V = "/voorbeelden/"
P = "/publicaties/"
X = "/praktijk/"  # the extra documents of corpus.py

VERORDENING = {
    f"{I}leegstandverordening/": 2,
    f"{H}de-leegstandverordening/": 2,
    f"{H}model-leegstandverordening/": 2,
    f"{H}de-leegstandverordening/#wat-regelt-de-verordening": 1,
    f"{H}de-leegstandverordening/#niet-op-zichzelf": 1,
    f"{X}leegstandsverordening-maastricht/": 1,
}
KANTOREN_TRANSFORMATIE = {
    "/themagroepen/kantorentransformatie/": 2,
    f"{P}statenbrief-aanpak-kantoren-transformatie-utrecht/": 2,
    f"{I}stimuleringsregeling/": 1,
    f"{V}kantoorkolos-amersfoort-wordt-woongebouw/": 1,
    f"{V}den-haag-kantoren-worden-studentenhuisvesting/": 1,
    f"{X}leegstaande-kantoren-transformeren-utrecht/": 1,
    f"{X}transformatie-kantoor-studentenkamers-groningen/": 1,
}
OMGEVINGSPLAN = {
    f"{I}omgevingsplan-aanpassen/": 2,
    f"{X}omgevingswet-en-leegstand/": 1,
    f"{X}flexibel-omgevingsplan-functies/": 1,
}

JUDGEMENTS = {
    # exact words and compounds
    "leegstandverordening": VERORDENING,
    "model leegstandverordening": {f"{H}model-leegstandverordening/": 2, **{k: 1 for k in VERORDENING}},
    "kantorentransformatie": KANTOREN_TRANSFORMATIE,
    "kantorenloods": {
        f"{I}kantorenloods/": 2,
        f"{H}organisatie-en-samenwerking/#een-aanspreekpunt": 1,
        f"{X}kantorenloods-aanstellen/": 2,
    },
    "plancapaciteit schrappen": {
        f"{I}plancapaciteit-schrappen/": 2,
        f"{X}plannen-schrappen-zonder-planschade/": 1,
        f"{X}regionale-woningbouwafspraken/": 1,
    },
    "leegstandsmonitor": {
        f"{I}leegstandsmonitor/": 2,
        f"{X}vastgoedmonitor-gemeente/": 1,
        f"{X}kantoorleegstand-amersfoort-monitor/": 1,
    },
    "stimuleringsregeling": {f"{I}stimuleringsregeling/": 2},
    "grondbeleid": {f"{I}grondbeleid/": 2, f"{X}voorkeursrecht-gemeente/": 1},
    "meldplicht": {
        f"{V}apeldoorn-meldplicht-kantoren/": 2,
        f"{X}boete-bij-geen-melding/": 1,
        f"{X}leegstandsverordening-maastricht/": 1,
    },
    "zorgboerderij": {
        f"{V}oldambt-boerderij-wordt-zorgboerderij/": 2,
        f"{X}boerderij-wordt-zorgboerderij-westerkwartier/": 2,
    },
    "textielfabriek": {
        f"{V}tilburg-textielfabriek-wordt-broedplaats/": 2,
        f"{X}erfgoed-fabriek-wordt-cultuurcentrum-enschede/": 2,
    },
    "studentenhuisvesting": {
        f"{V}den-haag-kantoren-worden-studentenhuisvesting/": 2,
        f"{X}transformatie-kantoor-studentenkamers-groningen/": 1,
    },
    "probleemanalyse": {f"{H}probleemanalyse/": 2},
    "leegstand in cijfers": {
        f"{H}waarom-leegstand-aanpakken/#leegstand-in-cijfers": 2,
        f"{X}leegstandscijfers-landelijk/": 1,
    },
    "politieke agenda": {
        f"{H}rol-van-de-gemeente/#leegstand-op-de-politieke-agenda": 2,
        f"{X}raad-informeren-over-leegstand/": 1,
    },
    "actieprogramma aanpak leegstand kantoren": {f"{P}kamerbrief-actieprogramma-aanpak-leegstand-kantoren/": 2},
    "regionale programmering": {
        f"{I}regionale-afstemming/": 2,
        f"{H}ambities-en-visie/#regionaal-kijken": 1,
        f"{X}regionale-woningbouwafspraken/": 1,
    },
    # inflections and word order
    "leegstandverordeningen": VERORDENING,
    "bedrijventerreinen": {
        f"{V}zwolle-herstructurering-bedrijventerrein/": 2,
        f"{X}bedrijventerrein-herstructureren-apeldoorn/": 2,
        f"{X}parkmanagement-bedrijventerreinen/": 1,
    },
    "tijdelijke verhuur": {f"{I}tijdelijk-gebruik/": 2, f"{V}almere-tijdelijk-gebruik-kantoren/": 1},
    "tijdelijk gebruik van kantoren": {
        f"{I}tijdelijk-gebruik/": 2,
        f"{V}almere-tijdelijk-gebruik-kantoren/": 2,
        f"{X}tijdelijke-huisvesting-statushouders/": 1,
    },
    "gesprek met eigenaren": {
        f"{I}eigenarengesprek/": 2,
        f"{H}communicatie/#het-gesprek-aangaan": 2,
        f"{H}communicatie/": 1,
        f"{X}leegstandsgesprek-voeren/": 1,
    },
    "verordening leegstand": VERORDENING,
    "transformatie van kantoren": KANTOREN_TRANSFORMATIE,
    # synonyms
    "bestemmingsplan": OMGEVINGSPLAN,
    "bestemmingsplannen": OMGEVINGSPLAN,
    "omgevingsplan": OMGEVINGSPLAN,
    "herbestemming van een kerk": {
        f"{V}leeuwarden-kerk-wordt-cultuurhuis/": 2,
        f"{X}kerk-wordt-bibliotheek-zwolle/": 2,
        f"{X}kerk-herbestemmen-kerkenvisie/": 1,
        f"{X}vrijkomende-kerken-noord-brabant/": 1,
        f"{X}netwerkbijeenkomst-herbestemming-erfgoed/": 1,
    },
    "functiewijziging kantoor": KANTOREN_TRANSFORMATIE,
    "provincie utrecht kantoren": {
        f"{P}statenbrief-aanpak-kantoren-transformatie-utrecht/": 2,
        f"{H}organisatie-en-samenwerking/#de-provincie-als-partner": 1,
        f"{X}leegstaande-kantoren-transformeren-utrecht/": 1,
    },
    # typos
    "leegstandverodening": VERORDENING,
    "kantorenlods": {f"{I}kantorenloods/": 2, f"{H}organisatie-en-samenwerking/#een-aanspreekpunt": 1},
    "studentenhuisvestnig": {f"{V}den-haag-kantoren-worden-studentenhuisvesting/": 2},
    "grondbelied": {f"{I}grondbeleid/": 2},
    "omgevingsplna": OMGEVINGSPLAN,
}


def _p(*graded):
    """``_p("slug", ("other", 1))`` -> {url: grade}; a bare slug is grade 2."""
    from tests.search.corpus import url

    result = {}
    for item in graded:
        slug, grade = item if isinstance(item, tuple) else (item, 2)
        result[url(slug)] = grade
    return result


# Queries over the extra documents (tests/search/corpus.py). "differs" marks queries whose words
# are not the document's: other verb forms, participles, compounds split or joined, synonyms,
# place-name aliases, typos.
EXTRA_JUDGEMENTS = {
    # verb forms, participles and nouns of one verb (differs)
    "winkels samenvoegen": _p("winkels-samengevoegd-assen"),
    "samenvoeging van winkelpanden": _p("winkels-samengevoegd-assen"),
    "woningen splitsen": _p("splitsingsbeleid-woningen", "panden-gesplitst-in-appartementen-deventer"),
    "splitsing herenhuis appartementen": _p(
        "panden-gesplitst-in-appartementen-deventer", ("splitsingsbeleid-woningen", 1)
    ),
    "kantoren transformeren tot woningen": _p(
        "leegstaande-kantoren-transformeren-utrecht",
        ("transformatie-kantoor-studentenkamers-groningen", 1),
        ("bouwbesluit-transformatie-eisen", 1),
        ("energielabel-c-kantoren", 1),
    ),
    "klooster herbestemmen": _p("den-bosch-kloosters-herbestemd", ("kloosters-zorg-limburg", 2)),
    "verduurzaming bij herbestemming": _p("verduurzamen-bij-herbestemming", ("energiearmoede-leeg-vastgoed", 1)),
    "stallen gesloopt woning terug": _p("stallen-slopen-ruimte-voor-ruimte"),
    "ombouwen winkelcentrum": {**_p("winkelcentrum-ombouwen-almere"), f"{V}emmen-winkels-worden-woningen/": 1},
    "verbouwing bankgebouw": _p("bankgebouw-wordt-woningen-arnhem"),
    "optoppen gebouwen woningen": _p("optoppen-van-gebouwen", ("woningen-boven-supermarkt-breda", 1)),
    "verhuizen winkeliers naar centrum": _p(
        "winkels-verplaatsen-naar-centrum", ("verplaatsingssubsidie-ondernemers", 2)
    ),
    # compounds: split in the query, joined in the document, or the other way (differs)
    "winkelstraat": _p("winkelstraat-korter-maken-roermond", ("gevelfonds-winkelstraat", 2)),
    "bedrijfshallen": _p("bedrijfshal-wordt-sporthal-helmond", ("tijdelijk-gebruik-bedrijventerrein", 1)),
    "woontoren": _p("woontoren-op-kantoorkavel-rotterdam"),
    "dorpskern": _p("dorpskern-versterken-oldambt", ("leegstand-in-kleine-kernen-drenthe", 1)),
    "kantoorleegstand": _p(
        "kantoorleegstand-amersfoort-monitor",
        ("provinciale-kantorenstrategie-gelderland", 2),
        ("leegstandscijfers-landelijk", 1),
    ),
    "leegstand kantoren gelderland": _p("provinciale-kantorenstrategie-gelderland"),
    "leegstandsverordening": _p("leegstandsverordening-maastricht", ("boete-bij-geen-melding", 1)),
    "verordening leegstand maastricht": _p("leegstandsverordening-maastricht"),
    "gesprek met eigenaar over leegstand": _p("leegstandsgesprek-voeren", ("leegstandsverordening-maastricht", 1)),
    "kerkenvisie": _p("kerk-herbestemmen-kerkenvisie", ("vrijkomende-kerken-noord-brabant", 2)),
    "visie op kerken": _p("kerk-herbestemmen-kerkenvisie", ("vrijkomende-kerken-noord-brabant", 2)),
    "fonds transformatie": _p(
        "stimuleringsfonds-transformatie-zuid-holland", ("leegstaande-kantoren-transformeren-utrecht", 1)
    ),
    "gevel fonds": _p("gevelfonds-winkelstraat"),
    "winkel leegstand emmen": _p("winkelleegstand-emmen-aanpak"),
    "sloopfonds kantoren": _p("kantoorpanden-slopen-vergoeding"),
    "studentenkamers in kantoor": _p("transformatie-kantoor-studentenkamers-groningen"),
    "zorgboerderij melkvee": _p("boerderij-wordt-zorgboerderij-westerkwartier"),
    "stationsomgeving": _p("station-omgeving-herontwikkeling-amersfoort"),
    "ouderenwoningen": _p("kloosters-zorg-limburg", ("ouderenhuisvesting-in-verzorgingshuis", 2)),
    # synonyms and place-name aliases (differs)
    "den haag wonen boven winkels": _p("den-haag-binnenstad-boven-winkels-wonen", ("webinar-wonen-boven-winkels", 1)),
    "den haag binckhorst": _p("den-haag-kantoren-binckhorst"),
    "den bosch kloosters": _p("den-bosch-kloosters-herbestemd"),
    "erfgoedvisie den bosch": _p("monumentenzorg-herbestemming-kerk-den-bosch"),
    "financiering restauratie monument": _p(
        "monumenten-restauratiesubsidie", ("erfgoed-fabriek-wordt-cultuurcentrum-enschede", 1)
    ),
    "pandeigenaar opsporen": _p("eigenaren-vinden-kadaster"),
    "lokale overheid koopt leeg pand": _p("pand-kopen-door-gemeente"),
    # typos (differs)
    "kerkenvsie": _p("kerk-herbestemmen-kerkenvisie", ("vrijkomende-kerken-noord-brabant", 2)),
    "parkmangement": _p("parkmanagement-bedrijventerreinen"),
    "onteigenning": _p("onteigening-als-laatste-middel"),
    "voorkeursrecth gemeente": _p("voorkeursrecht-gemeente"),
    "arbeidsmigrannten huisvesting": _p("huisvesting-arbeidsmigranten-leeg-kantoor"),
    "centrummanger": _p("centrummanager-aanstellen"),
    # natural phrases of 3-6 words
    "wat te doen met lege kerken": _p(
        "kerk-herbestemmen-kerkenvisie", ("vrijkomende-kerken-noord-brabant", 2), ("kerk-wordt-bibliotheek-zwolle", 1)
    ),
    "tijdelijke vergunning voor ander gebruik": {
        **_p("tijdelijke-omgevingsvergunning", ("tijdelijke-huisvesting-statushouders", 1)),
        f"{I}tijdelijk-gebruik/": 1,
    },
    "boete als eigenaar leegstand niet meldt": _p("boete-bij-geen-melding", ("leegstandsverordening-maastricht", 1)),
    "lege boerderijen en schuren op het platteland": _p(
        "agrarisch-vastgoed-vrijkomend-friesland",
        ("schuur-wordt-werkplaats-achterhoek", 2),
        ("stallen-slopen-ruimte-voor-ruimte", 1),
        ("asbest-in-oude-stallen", 1),
    ),
    "asbest saneren bij sloop van stallen": _p("asbest-in-oude-stallen", ("stallen-slopen-ruimte-voor-ruimte", 1)),
    "huisvesting voor statushouders in kantoor": _p("tijdelijke-huisvesting-statushouders"),
    "planschade bij schrappen van plannen": _p("plannen-schrappen-zonder-planschade"),
    "samen met beleggers leegstand aanpakken": _p("samenwerken-met-beleggers"),
    "raad informeren over leegstandscijfers": _p("raad-informeren-over-leegstand"),
    "leegstand meten met basisregistraties": _p("leegstand-meten-bag", ("vastgoedmonitor-gemeente", 1)),
    "hoe houd ik leegstaande panden bij": _p(
        "vastgoedmonitor-gemeente", ("leegstandsregister-groningen", 2), ("leegstand-meten-bag", 1)
    ),
    "school in een leeg kantoor": _p("kantoor-wordt-school-nijmegen", ("onderwijshuisvesting-in-leeg-vastgoed", 2)),
    "flexwonen voor jongeren": _p("jongerenhuisvesting-flexwonen"),
    "verpaupering van lege panden voorkomen": _p(
        "verloedering-voorkomen-aanschrijving", ("leegstandbeheer-antikraak", 1)
    ),
    "horeca in een leeg winkelpand": _p("markt-en-horeca-beleid"),
    "wonen op de begane grond in aanloopstraten": _p(
        "winkelleegstand-aanloopstraten", ("winkelstraat-korter-maken-roermond", 1)
    ),
    "regionale afspraken over winkels": _p("regionale-detailhandelsvisie", ("regionale-woningbouwafspraken", 1)),
    "energielabel c voor kantoren": _p("energielabel-c-kantoren"),
    "woningen bouwen boven een supermarkt": _p("woningen-boven-supermarkt-breda"),
    "parkeergarage anders gebruiken": _p("parkeergarage-hergebruik", ("stadsdistributie-hub", 1)),
    "kazerne omgebouwd tot woonwijk": _p("kazerne-wordt-woonwijk"),
    "koepelgevangenis breda": _p("gevangenis-herbestemd"),
    "nieuwe functie voor een watertoren": _p("watertoren-herbestemd"),
    "omgevingswet en leegstaande panden": _p("omgevingswet-en-leegstand", ("flexibel-omgevingsplan-functies", 1)),
    "bedrijveninvesteringszone": _p("bedrijveninvesteringszone", ("binnenstadsfonds-zutphen", 1)),
    "krimp en sloop van woningen": _p("krimp-heerlen-sloop-woningen"),
    "bewoners informeren over sloopplannen": _p("communicatie-met-bewoners-bij-sloop"),
}
