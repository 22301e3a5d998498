"""The demo handreiking "Leegstand te lijf": chapters as block lists, in our own words.

Instrument and case references name pages by slug; kennisbank.demo resolves them to ids.
"""


def section(heading):
    return {"type": "section", "value": {"heading": heading, "anchor": ""}}


def text(html):
    return {"type": "text", "value": html}


def checklist(title, *items):
    return {"type": "checklist", "value": {"title": title, "items": [{"text": item, "help": ""} for item in items]}}


def callout(kind, title, html):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def quote(words, attribution):
    return {"type": "quote", "value": {"quote": words, "attribution": attribution}}


def instrument(slug, note=""):
    return {"type": "instrument", "value": {"instrument": slug, "note": note}}


def cases(title, *slugs):
    return {"type": "cases", "value": {"title": title, "cases": list(slugs)}}


def table(caption, *rows):
    return {
        "type": "table",
        "value": {
            "data": [list(row) for row in rows],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }


HANDREIKING = {
    "title": "Leegstand te lijf",
    "summary": "Een handreiking voor gemeenten die leegstand van kantoren, winkels, bedrijfsgebouwen en erfgoed willen aanpakken: van probleemanalyse tot instrumenten, met checklists en communicatietips.",
    "intro": (
        "<p>Veel gebouwen in Nederland staan leeg, vooral kantoren en winkels. Dat tast de leefbaarheid aan, "
        "kan onveilige situaties opleveren en is zonde van de schaarse ruimte. De gemeente is niet voor alles "
        "verantwoordelijk, maar heeft wel instrumenten om de situatie te beïnvloeden.</p>"
        "<p>Deze handreiking leidt u in negen hoofdstukken langs de stappen: uw rol bepalen, de problemen in beeld "
        "brengen, ambities en een visie formuleren, de organisatie inrichten en een strategie kiezen met passende "
        "instrumenten. Elk hoofdstuk eindigt met een checklist die u in uw eigen browser kunt afvinken.</p>"
    ),
}

CHAPTERS = [
    (
        "waarom-leegstand-aanpakken",
        "Waarom leegstand aanpakken?",
        "Hoe groot het probleem is en waarom het de gemeente aangaat.",
        [
            section("Leegstand in cijfers"),
            text(
                "<p>Rond 2010 stond ongeveer een zevende deel van de kantoorruimte in Nederland leeg. Op sommige kantorenparken en bedrijventerreinen ging het om een derde van de vloeroppervlakte. Een groot deel daarvan is structureel: er komt geen huurder meer terug.</p>"
            ),
            text(
                "<p>Ook winkelstraten, bedrijventerreinen, boerderijen en beeldbepalende gebouwen als kerken en scholen kampen met leegstand. Minder groei van de beroepsbevolking en nieuwe manieren van werken maken het probleem eerder groter dan kleiner.</p>"
            ),
            section("Gevolgen voor de gemeente"),
            text(
                "<ul><li>Leefbaarheid: lege panden trekken verloedering en overlast aan.</li><li>Veiligheid: leegstand kan leiden tot inbraak, brandgevaar en criminaliteit.</li><li>Ruimte: bouwen in het weiland terwijl bestaande gebouwen leegstaan is verspilling.</li></ul>"
            ),
            callout(
                "let-op",
                "Niet alleen een marktprobleem",
                "<p>Eigenaren en beleggers zijn de eerste probleemeigenaar, maar de gevolgen landen in de wijk. Daarom hoort leegstand ook op de agenda van de gemeente.</p>",
            ),
            instrument("leegstandsmonitor", "Begin met een goed beeld van de omvang en de plek van leegstand."),
            checklist(
                "Speelt leegstand in onze gemeente?",
                "We weten hoeveel kantoor- en winkelmeters langer dan een jaar leegstaan.",
                "We weten in welke gebieden leegstand zich concentreert.",
                "We hebben signalen over overlast of onveiligheid rond lege panden verzameld.",
                "Het college is op de hoogte van de omvang van de leegstand.",
            ),
        ],
    ),
    (
        "rol-van-de-gemeente",
        "De rol van de gemeente",
        "Kies bewust welke rol u neemt: faciliteren, stimuleren, regisseren of ingrijpen.",
        [
            section("Welke rol kiest u?"),
            text(
                "<p>Een belangrijk vertrekpunt is dat de gemeente zelf bepaalt welke rol zij wil spelen en waar haar maatschappelijke opgave ligt. Dat kan variëren van het wegnemen van belemmeringen tot het actief ingrijpen met regels en eigen investeringen.</p>"
            ),
            table(
                "Rollen van de gemeente",
                ("Rol", "Wat de gemeente doet", "Voorbeeld van een instrument"),
                ("Faciliteren", "Belemmeringen wegnemen, procedures versnellen", "Kantorenloods"),
                ("Stimuleren", "Initiatieven aanjagen met kennis of geld", "Stimuleringsregeling"),
                ("Regisseren", "Partijen verbinden rond een gebied", "Platform met partners"),
                ("Ingrijpen", "Regels stellen en handhaven", "Leegstandverordening"),
            ),
            section("Leegstand op de politieke agenda"),
            text(
                "<p>Zonder bestuurlijk draagvlak strandt een aanpak snel. Zorg dat raad en college de omvang van het probleem kennen en dat er een opdracht ligt om ermee aan de slag te gaan.</p>"
            ),
            instrument("eigenarengesprek", "Het gesprek met eigenaren helpt bepalen welke rol nodig is."),
            checklist(
                "Onze rol is helder",
                "Het college heeft besproken welke rol de gemeente neemt.",
                "De raad heeft leegstand als onderwerp geagendeerd.",
                "Er is een portefeuillehouder die leegstand trekt.",
            ),
        ],
    ),
    (
        "probleemanalyse",
        "Een heldere probleemanalyse",
        "Breng in kaart wat er leegstaat, waarom, en wat het kost als er niets gebeurt.",
        [
            section("Wat staat er leeg en waar?"),
            text(
                "<p>Gebruik de basisregistraties, gegevens van makelaars en eigen waarnemingen. Maak onderscheid tussen frictieleegstand (normaal verloop) en structurele leegstand (drie jaar of langer).</p>"
            ),
            instrument("leegstandsmonitor"),
            section("Oorzaken per soort vastgoed"),
            table(
                "Veelvoorkomende oorzaken",
                ("Soort vastgoed", "Oorzaak", "Kansrijke richting"),
                ("Kantoren", "Verouderde gebouwen op monofunctionele locaties", "Transformatie of sloop"),
                ("Winkels", "Online winkelen, te grote winkelgebieden", "Compacter centrum, wonen in aanloopstraten"),
                ("Erfgoed", "Functie verdwenen (kerk, school, fabriek)", "Herbestemming met draagvlak"),
                ("Agrarisch", "Stoppende bedrijven", "Nieuwe functies met sloop van overtollige stallen"),
            ),
            callout(
                "tip",
                "Werk gebiedsgericht",
                "<p>Leegstand concentreert zich vaak in enkele gebieden. Een analyse per gebied maakt de aanpak concreet en beter uitlegbaar.</p>",
            ),
            checklist(
                "Analyse compleet",
                "We hebben een overzicht van leegstand per gebouw en per gebied.",
                "We onderscheiden frictieleegstand en structurele leegstand.",
                "We kennen de eigenaren van de langst leegstaande panden.",
                "We hebben de verwachte vraag voor de komende tien jaar in beeld.",
            ),
        ],
    ),
    (
        "ambities-en-visie",
        "Ambities en een langetermijnvisie",
        "Leg vast waar de gemeente naartoe wil, en waar niet.",
        [
            section("Van analyse naar ambitie"),
            text(
                "<p>Formuleer welke gebieden u wilt versterken, welke u wilt transformeren en waar u accepteert dat functies verdwijnen. Een heldere ambitie helpt om later lastige keuzes te maken.</p>"
            ),
            instrument("omgevingsvisie", "Veranker de keuzes in de omgevingsvisie."),
            section("Regionaal kijken"),
            text(
                "<p>Een kantoor of winkel in de buurgemeente concurreert met die van u. Stem nieuwe locaties daarom af in de regio en met de provincie.</p>"
            ),
            instrument("regionale-afstemming"),
            quote(
                "Met het ene spoor draai je de kraan dicht, met het andere geef je bestaande gebouwen een nieuwe invulling.",
                "Vrij naar de aanpak van de provincie Utrecht",
            ),
            checklist(
                "Visie op papier",
                "De ambities per gebied zijn vastgelegd.",
                "De visie benoemt waar geen nieuwe kantoren of winkels meer komen.",
                "De visie is afgestemd met buurgemeenten en provincie.",
            ),
        ],
    ),
    (
        "organisatie-en-samenwerking",
        "Organisatie en samenwerking",
        "Richt de organisatie in en werk samen met markt, provincie en buurgemeenten.",
        [
            section("Eén aanspreekpunt"),
            text(
                "<p>Eigenaren en initiatiefnemers willen niet van loket naar loket. Een kantorenloods of transformatieteam houdt overzicht en vaart.</p>"
            ),
            instrument("kantorenloods"),
            cases(
                "Zo deden anderen het", "kantoorkolos-amersfoort-wordt-woongebouw", "almere-tijdelijk-gebruik-kantoren"
            ),
            section("De provincie als partner"),
            text(
                "<p>In de provincie Utrecht heeft elke gemeente met structurele kantorenleegstand een kantorenloods. Een team van provinciale kantorencoaches, met kennis van zowel overheid als markt, ondersteunt hen. Twee keer per jaar komen bestuurders bijeen in een platform om afspraken te maken en ervaringen te delen.</p>"
            ),
            instrument("communicatieplan", "Een vast overleg met marktpartijen bindt partijen aan afspraken."),
            callout(
                "tip",
                "Zoek elkaar op",
                "<p>In de besloten themagroep ‘Leegstand en herbestemmen’ wisselen ambtenaren van gemeenten ervaringen uit. Vraag toegang aan via de pagina Themagroepen.</p>",
            ),
            checklist(
                "Organisatie staat",
                "Er is één aanspreekpunt voor eigenaren en initiatiefnemers.",
                "Vergunningverlening, ruimtelijke ordening en economie werken samen.",
                "We hebben contact met de provincie over ondersteuning.",
                "We zijn aangesloten bij een netwerk van andere gemeenten.",
            ),
        ],
    ),
    (
        "strategie-en-instrumenten",
        "Strategie en instrumenten",
        "Kies een samenhangende mix van instrumenten in plaats van losse maatregelen.",
        [
            section("Drie sporen"),
            text(
                "<p>Het landelijke actieprogramma voor kantorenleegstand werkt langs drie lijnen: herontwikkeling, transformatie en sloop; een beter werkende kantorenmarkt op de lange termijn; en betere regionale ruimtelijke planning en afstemming. Die drie lijnen zijn ook voor een gemeentelijke strategie bruikbaar.</p>"
            ),
            section("Instrumenten combineren"),
            text(
                "<p>Geen enkel instrument lost leegstand alleen op. Combineer planologische keuzes met juridische, financiële en communicatieve instrumenten.</p>"
            ),
            instrument("plancapaciteit-schrappen", "Voorkom nieuwe overmaat."),
            instrument("omgevingsplan-aanpassen", "Maak hergebruik makkelijker."),
            instrument("tijdelijk-gebruik", "Overbrug de tijd tot een definitieve oplossing."),
            cases(
                "Voorbeelden van een gecombineerde aanpak",
                "heerlen-compacte-binnenstad",
                "emmen-winkels-worden-woningen",
            ),
            callout(
                "let-op",
                "Planschade",
                "<p>Bij het schrappen van bouwmogelijkheden kan planschade aan de orde zijn. Laat dit vooraf onderzoeken.</p>",
            ),
            checklist(
                "Strategie gekozen",
                "We hebben per gebied gekozen welke instrumenten we inzetten.",
                "De instrumenten versterken elkaar en sluiten aan op ons bestaande beleid.",
                "We hebben de risico's, zoals planschade, in beeld.",
            ),
        ],
    ),
    (
        "de-leegstandverordening",
        "De leegstandverordening",
        "Melden, in gesprek gaan en zo nodig een gebruiker voordragen.",
        [
            section("Wat regelt de verordening?"),
            text(
                "<p>Met een leegstandverordening kan de raad regelen dat eigenaren langdurige leegstand van aangewezen gebouwen melden. Daarna volgt een gesprek over de mogelijkheden. Duurt de leegstand voort, dan kan de burgemeester een gebruiker voordragen.</p>"
            ),
            instrument("leegstandverordening"),
            section("Niet op zichzelf"),
            text(
                "<p>De verordening werkt het best als onderdeel van een bredere strategie, samen met de omgevingsvisie, het omgevingsplan en het transformatiebeleid. Ze is niet alleen voor grote steden: ook in dunbevolkte gebieden kan ze helpen.</p>"
            ),
            callout(
                "tip",
                "Gebruik het model",
                "<p>Een model voor de verordening met toelichting per artikel vindt u als bijlage bij deze handreiking, ook als Word-bestand.</p>",
            ),
            cases("De verordening in de praktijk", "apeldoorn-meldplicht-kantoren", "heerlen-compacte-binnenstad"),
            checklist(
                "Klaar voor een verordening",
                "We weten voor welke gebouwen of gebieden we de meldplicht willen.",
                "We hebben capaciteit voor registratie en gesprekken.",
                "We hebben eigenaren vooraf geïnformeerd.",
            ),
        ],
    ),
    (
        "communicatie",
        "Communicatie met eigenaren en partners",
        "Tips voor gesprekken die iets opleveren.",
        [
            section("Het gesprek aangaan"),
            text(
                "<p>Eigenaren hebben uiteenlopende belangen: de ene wil verkopen, de andere wacht op betere tijden. Luister eerst, en maak duidelijk wat de gemeente wel en niet kan bieden.</p>"
            ),
            instrument("eigenarengesprek"),
            section("Tips"),
            text(
                "<ol><li>Zorg voor één vast gezicht namens de gemeente.</li><li>Deel cijfers: een gezamenlijk beeld van de markt maakt het gesprek zakelijker.</li><li>Maak successen zichtbaar, bijvoorbeeld met een rondleiding door een getransformeerd gebouw.</li><li>Betrek omwonenden op tijd bij nieuwe functies.</li></ol>"
            ),
            instrument("communicatieplan"),
            quote(
                "Marktpartijen zijn de eerste probleemeigenaar; de overheid helpt waar zij vastlopen.",
                "Samenvatting van een provinciale aanpak",
            ),
            checklist(
                "Communicatie op orde",
                "We hebben een lijst van eigenaren en contactpersonen.",
                "Er is een vaste gesprekspartner namens de gemeente.",
                "We delen resultaten met raad, eigenaren en inwoners.",
            ),
        ],
    ),
    (
        "geld-en-capaciteit",
        "Geld, capaciteit en inbedding",
        "Een aanpak kost tijd en geld; veranker haar in bestaand beleid.",
        [
            section("Wat kost het?"),
            text(
                "<p>Een leegstandsaanpak vraagt menskracht voor analyse, gesprekken en procedures, en soms een bijdrage aan de onrendabele top. Reserveer budget voor meerdere jaren.</p>"
            ),
            instrument("stimuleringsregeling"),
            instrument("grondbeleid"),
            section("Inbedden in bestaand beleid"),
            text(
                "<p>Verbind de aanpak met woningbouw, economie, erfgoed en veiligheid. Zo wordt leegstand geen los project maar onderdeel van de gewone koers van de gemeente.</p>"
            ),
            cases(
                "Financiering in de praktijk",
                "leeuwarden-kerk-wordt-cultuurhuis",
                "tilburg-textielfabriek-wordt-broedplaats",
            ),
            checklist(
                "Middelen geregeld",
                "Er is budget voor ten minste drie jaar.",
                "Er is capaciteit vrijgemaakt in de organisatie.",
                "De aanpak is verbonden met het woon-, economie- en erfgoedbeleid.",
                "We evalueren jaarlijks met de leegstandsmonitor.",
            ),
        ],
    ),
]
