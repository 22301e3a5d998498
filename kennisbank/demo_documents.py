"""Demo model verordening and the seed letters as publicaties (summaries in our own words).

Dates: the seed texts carry no letterhead; the dates below are the best-known publication dates.
"""

import datetime

VERORDENING = {
    "title": "Model leegstandverordening",
    "summary": "Een model dat gemeenten kunnen aanpassen en vaststellen: meldplicht voor langdurige leegstand, leegstandsgesprek en voordracht van een gebruiker.",
    "intro": "<p>Dit model is een vertrekpunt. Vul de onderdelen tussen vierkante haken in en stem de aanwijzing van gebouwen en gebieden af op uw eigen probleemanalyse.</p>",
    "articles": [
        (
            "1",
            "Begripsbepalingen",
            "In deze verordening wordt verstaan onder:\na. gebouw: een gebouw of deel daarvan dat bestemd is voor ander gebruik dan wonen;\nb. eigenaar: degene die het gebouw in eigendom heeft of daarover anderszins het beheer voert;\nc. leegstand: de situatie waarin een gebouw niet in gebruik is;\nd. register: het leegstandsregister, bedoeld in artikel 5.",
            "De begrippen sluiten aan bij de Leegstandwet. Een deel van een gebouw dat zelfstandig gebruikt kan worden, telt als gebouw.",
        ),
        (
            "2",
            "Aanwijzing",
            "1. De raad wijst de gebouwen of de gebieden aan waarop deze verordening van toepassing is.\n2. De aanwijzing is opgenomen in de bijlage bij deze verordening.",
            "Beperk de aanwijzing tot gebieden waar leegstand volgens de probleemanalyse de leefbaarheid raakt. Dat maakt de verordening beter uitvoerbaar.",
        ),
        (
            "3",
            "Meldplicht",
            "1. De eigenaar meldt leegstand van een aangewezen gebouw aan burgemeester en wethouders binnen [zes maanden] nadat de leegstand is begonnen.\n2. De melding bevat in ieder geval het adres, de oppervlakte en de datum waarop de leegstand is begonnen.",
            "De termijn voorkomt dat kortdurende frictieleegstand gemeld moet worden.",
        ),
        (
            "4",
            "Wijziging en beëindiging",
            "De eigenaar meldt binnen [vier weken] aan burgemeester en wethouders dat de leegstand is beëindigd of dat gegevens uit de melding zijn gewijzigd.",
            "Zo blijft het register actueel zonder extra inspanning van de gemeente.",
        ),
        (
            "5",
            "Leegstandsregister",
            "1. Burgemeester en wethouders houden een register bij van de gemelde gebouwen.\n2. Het register bevat de gegevens uit de meldingen en de afspraken uit het overleg, bedoeld in artikel 6.",
            "Het register is een werkinstrument voor de gemeente. Ga zorgvuldig om met gegevens over eigenaren.",
        ),
        (
            "6",
            "Overleg",
            "1. Burgemeester en wethouders nodigen de eigenaar binnen [drie maanden] na de melding uit voor overleg over de mogelijkheden om de leegstand te beëindigen.\n2. De eigenaar is verplicht aan het overleg deel te nemen.",
            "Het leegstandsgesprek is de kern van de verordening: samen kijken naar tijdelijk gebruik, transformatie of verkoop.",
        ),
        (
            "7",
            "Voordracht van een gebruiker",
            "1. Duurt de leegstand na het overleg voort, dan kan de burgemeester de eigenaar een gebruiker voordragen.\n2. De eigenaar stelt het gebouw binnen [drie maanden] na de voordracht ter beschikking, tenzij hij aantoont dat het gebouw binnen die termijn op andere wijze in gebruik wordt genomen.",
            "De voordracht is een uiterste middel. Zorg dat er voor het gebouw een reële gebruiker is voordat u dit instrument inzet.",
        ),
        (
            "8",
            "Sanctie",
            "Burgemeester en wethouders kunnen een bestuurlijke boete opleggen aan de eigenaar die de meldplicht of de plicht tot deelname aan het overleg niet nakomt, tot een maximum van [bedrag].",
            "Stem het maximum af op de wettelijke kaders en op het eigen handhavingsbeleid.",
        ),
        (
            "9",
            "Inwerkingtreding en citeertitel",
            "1. Deze verordening treedt in werking op [datum].\n2. Deze verordening wordt aangehaald als: Leegstandverordening [naam gemeente] [jaar].",
            "",
        ),
    ],
}

# (slug, title, date, sender_kind, sender, kind, summary)
PUBLICATIES = [
    (
        "ledenbrief-handreiking-leegstand-te-lijf",
        "Digitale handreiking ‘Leegstand te lijf’",
        datetime.date(2011, 8, 5),
        "vng",
        "Vereniging van Nederlandse Gemeenten",
        "ledenbrief",
        "De VNG stelt gemeenten een digitale handreiking over leegstand beschikbaar. Die bevat een overzicht van "
        "instrumenten, checklists, tips voor communicatie met betrokken partijen en een model voor de nieuwe "
        "leegstandverordening. De brief roept gemeenten op eerst hun eigen rol te bepalen en leegstand politiek te "
        "agenderen, en nodigt hen uit voor de besloten themagroep ‘Leegstand en herbestemmen’ van het Rom-netwerk, "
        "waarbij al meer dan 375 gemeenten zijn aangesloten.",
    ),
    (
        "kamerbrief-actieprogramma-aanpak-leegstand-kantoren",
        "Actieprogramma Aanpak Leegstand Kantoren",
        datetime.date(2011, 3, 1),
        "ministerie",
        "Minister van Infrastructuur en Milieu",
        "kamerbrief",
        "De minister biedt de Tweede Kamer het actieprogramma aan dat overheden en marktpartijen samen opstelden. "
        "In 2010 stond zo'n 14 procent van de kantoorruimte leeg, op sommige locaties een derde. Het programma "
        "werkt langs drie lijnen: herontwikkeling, transformatie en sloop; een beter functionerende kantorenmarkt; "
        "en betere regionale planning en afstemming. VNG, IPO, beleggers, ontwikkelaars, gebruikers en een bank "
        "steunen het programma.",
    ),
    (
        "statenbrief-aanpak-kantoren-transformatie-utrecht",
        "Aanpak Kantoren Transformatie provincie Utrecht",
        datetime.date(2015, 3, 3),
        "provincie",
        "Gedeputeerde Staten van Utrecht",
        "statenbrief",
        "Gedeputeerde Staten informeren de Staten over de uitwerking van het faciliterende spoor van de Provinciale "
        "Aanpak Kantorenleegstand. Elke gemeente met structurele kantorenleegstand krijgt een kantorenloods, "
        "ondersteund door een provinciaal team van kantorencoaches. Een bestuurlijk platform komt twee keer per jaar "
        "bijeen. Marktpartijen blijven de eerste probleemeigenaar.",
    ),
    (
        "brief-vng-uitgangspunten-nota-ruimte",
        "Uitgangspunten van gemeenten voor de Nota Ruimte",
        datetime.date(2024, 10, 1),
        "vng",
        "Vereniging van Nederlandse Gemeenten",
        "brief",
        "De VNG schrijft de minister welke uitgangspunten gemeenten nodig hebben om de Nota Ruimte te laten werken: "
        "een meerjarig commitment van het Rijk, integrale keuzes tussen de vele rijksprogramma's, eerlijke "
        "communicatie over kaders, ruimte voor lokale afwegingen, terughoudendheid met extra regels en erkenning "
        "van de gemeentelijke rol volgens het principe ‘decentraal, tenzij’.",
    ),
    (
        "ledenbrief-novex-nplg-wbs-woningbouw",
        "Ruimtelijke puzzel: NOVEX, landelijk gebied, water en bodem, woningbouw",
        datetime.date(2022, 12, 6),
        "vng",
        "Vereniging van Nederlandse Gemeenten",
        "ledenbrief",
        "De VNG zet op een rij wat de rijksprogramma's NOVEX, het Nationaal Programma Landelijk Gebied, Water en "
        "Bodem Sturend en Woningbouw voor gemeenten betekenen. Provincies krijgen de regie om de ruimtelijke puzzel "
        "te leggen; de uitkomsten raken het lokale niveau. De VNG vraagt gemeenten zich actief in de "
        "gebiedsprocessen te mengen en deelt kennis via haar forum, webinars en netwerkbijeenkomsten.",
    ),
]
