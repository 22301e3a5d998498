"""Extra judged documents for the relevance test: how municipalities write about vacancy.

Written for this test from the domain's vocabulary (the seed letters); none is copied. They are
indexed beside the demo content as public documents under ``/praktijk/<slug>/``, so the judged
set covers verb forms, participles, compounds either way, synonyms, place names and typos over
texts the queries were not tuned on word for word.
"""

from datetime import date

from search.documents import SearchDocument

PREFIX = "/praktijk/"

# (slug, type, title, body)
DOCUMENTS = [
    (
        "winkels-samengevoegd-assen",
        "voorbeeld",
        "Assen: kleine winkels in de Kruisstraat samengevoegd",
        "In de Kruisstraat stonden zes kleine winkels leeg. De gemeente en twee eigenaren hebben de panden "
        "samengevoegd tot drie grotere winkelunits met woningen erboven. De huurders vinden nu wel ruimte.",
    ),
    (
        "panden-gesplitst-in-appartementen-deventer",
        "voorbeeld",
        "Deventer: grote herenhuizen gesplitst in appartementen",
        "Drie lege herenhuizen aan de singel zijn gesplitst in elf appartementen voor starters. Het college "
        "paste het splitsingsbeleid aan zodat een omzettingsvergunning sneller wordt verleend.",
    ),
    (
        "splitsingsbeleid-woningen",
        "instrument",
        "Beleid voor het splitsen van woningen",
        "Met een helder beleid voor woningsplitsing bepaalt de gemeente waar het opdelen van grote woningen "
        "in kleinere eenheden is toegestaan. Stel eisen aan geluidsisolatie, fietsenberging en afvalopslag.",
    ),
    (
        "winkelstraat-korter-maken-roermond",
        "voorbeeld",
        "Roermond maakt de winkelstraat korter",
        "Het kernwinkelgebied was te groot voor het aantal winkels. De gemeente wees de aanloopstraten aan "
        "als woongebied: winkelpanden aan de randen mogen worden omgebouwd tot woning.",
    ),
    (
        "bedrijfshal-wordt-sporthal-helmond",
        "voorbeeld",
        "Helmond: lege bedrijfshal wordt sporthal voor de wijk",
        "Een leegstaande bedrijfshal op het oude industrieterrein kreeg een nieuwe functie als sporthal. "
        "De vereniging huurt de hal voor tien jaar; de gemeente betaalde de nieuwe vloer en kleedruimtes.",
    ),
    (
        "woontoren-op-kantoorkavel-rotterdam",
        "voorbeeld",
        "Rotterdam: woontoren op de kavel van een gesloopt kantoor",
        "Het verouderde kantoor bij het station is gesloopt. Op de kavel verrijst een woontoren met 240 "
        "huurwoningen, waarvan een derde in het middensegment. Sloop en nieuwbouw bleken goedkoper dan verbouwen.",
    ),
    (
        "dorpskern-versterken-oldambt",
        "voorbeeld",
        "Oldambt versterkt de dorpskernen",
        "In de kleine kernen sluiten winkels en verdwijnt de bakker. Met een dorpshuis, een pakketpunt en "
        "een gedeelde winkel houdt de gemeente de dorpskern levendig. Bewoners beheren het dorpshuis zelf.",
    ),
    (
        "kantoorleegstand-amersfoort-monitor",
        "publicatie",
        "Monitor kantoorleegstand Amersfoort 2024",
        "De leegstand van kantoren in Amersfoort daalde naar 7 procent. Vooral kantoren rond het station "
        "worden weer verhuurd; op bedrijventerrein De Hoek blijven verouderde kantoren leeg staan.",
    ),
    (
        "leegstaande-kantoren-transformeren-utrecht",
        "voorbeeld",
        "Utrecht: zeven kantoren getransformeerd tot woningen",
        "Op Papendorp en in Overvecht zijn zeven lege kantoorgebouwen getransformeerd tot 900 woningen. "
        "De provincie hielp met een transformatiefonds en de kantorenloods van de gemeente bracht partijen samen.",
    ),
    (
        "den-haag-binnenstad-boven-winkels-wonen",
        "voorbeeld",
        "'s-Gravenhage: wonen boven winkels in de binnenstad",
        "De gemeente 's-Gravenhage stimuleert wonen boven winkels. Eigenaren krijgen een subsidie voor een "
        "eigen opgang naar de verdiepingen boven de winkel, zodat die niet langer als opslag leeg staan.",
    ),
    (
        "den-bosch-kloosters-herbestemd",
        "voorbeeld",
        "'s-Hertogenbosch: kloosters krijgen een nieuwe bestemming",
        "Twee kloosters in 's-Hertogenbosch zijn herbestemd tot zorgwoningen en een hotel. Het college "
        "zocht samen met de congregatie naar kopers die het erfgoed respecteren.",
    ),
    (
        "leegstandsverordening-maastricht",
        "publicatie",
        "Raadsvoorstel leegstandsverordening Maastricht",
        "Het college stelt de raad voor een verordening op grond van de Leegstandwet vast te stellen. "
        "Eigenaren moeten leegstand van winkelruimte langer dan zes maanden melden en een leegstandsgesprek voeren.",
    ),
    (
        "leegstandsgesprek-voeren",
        "instrument",
        "Het leegstandsgesprek met de eigenaar",
        "In het leegstandsgesprek bespreekt de gemeente met de eigenaar waarom het pand leeg staat en welke "
        "mogelijkheden er zijn: verhuur, verbouwing of verkoop. Leg de afspraken schriftelijk vast.",
    ),
    (
        "boete-bij-geen-melding",
        "instrument",
        "Handhaven van de meldplicht: boetes",
        "Meldt een eigenaar de leegstand niet, dan kan de gemeente een bestuurlijke boete opleggen. Zorg "
        "dat de verordening de hoogte van de boete noemt en dat toezichthouders zijn aangewezen.",
    ),
    (
        "winkelleegstand-emmen-aanpak",
        "voorbeeld",
        "Emmen pakt winkelleegstand in het centrum aan",
        "Met een winkelstraatmanager, een fonds voor gevelverbetering en tijdelijke pop-upwinkels daalde de "
        "winkelleegstand in het centrum van Emmen in twee jaar van 18 naar 11 procent.",
    ),
    (
        "pop-up-winkels-tijdelijk",
        "instrument",
        "Pop-upwinkels als tijdelijke invulling",
        "Een pop-upwinkel vult een lege etalage voor enkele maanden. De eigenaar sluit een tijdelijk "
        "huurcontract met een starter; de gemeente helpt met vergunningen en promotie.",
    ),
    (
        "agrarisch-vastgoed-vrijkomend-friesland",
        "publicatie",
        "Vrijkomende agrarische bebouwing in Friesland",
        "Jaarlijks stoppen honderden boeren. De schuren en stallen die vrijkomen, dreigen te verloederen. "
        "De provincie Friesland maakt met gemeenten afspraken over sloop, hergebruik en ruimte-voor-ruimte.",
    ),
    (
        "stallen-slopen-ruimte-voor-ruimte",
        "instrument",
        "Ruimte-voor-ruimte: stallen slopen, een woning terug",
        "Wie een grote oude stal sloopt, mag op het erf een woning bouwen. De opbrengst van de woning betaalt de "
        "sloop en de asbestsanering. Leg de voorwaarden vast in het omgevingsplan.",
    ),
    (
        "schuur-wordt-werkplaats-achterhoek",
        "voorbeeld",
        "Achterhoek: schuren worden werkplaatsen voor ambachtslieden",
        "In Berkelland en Winterswijk zijn vrijgekomen schuren verbouwd tot werkplaatsen voor meubelmakers en "
        "een smid. De gemeenten pasten de regels voor nevenfuncties op het erf aan.",
    ),
    (
        "kerk-herbestemmen-kerkenvisie",
        "instrument",
        "De kerkenvisie: samen kiezen voor de toekomst van kerken",
        "In een kerkenvisie brengt de gemeente met kerkbesturen en erfgoedorganisaties in kaart welke kerken "
        "open blijven en welke een nieuwe functie krijgen. Het Rijk draagt bij in de kosten.",
    ),
    (
        "kerk-wordt-bibliotheek-zwolle",
        "voorbeeld",
        "Zwolle: kerk wordt bibliotheek en boekhandel",
        "De Broerenkerk in Zwolle is herbestemd tot boekhandel met leeszaal. De monumentale kerkzaal bleef "
        "intact; een losse stalen vloer draagt de boekenkasten.",
    ),
    (
        "school-wordt-buurthuis-tilburg",
        "voorbeeld",
        "Tilburg: oude basisschool wordt buurthuis met ateliers",
        "De leegstaande basisschool in de wijk is omgebouwd tot buurthuis met ateliers voor kunstenaars. "
        "De wijkraad beheert het gebouw; de gemeente blijft eigenaar.",
    ),
    (
        "maatschappelijk-vastgoed-strategie",
        "instrument",
        "Een strategie voor gemeentelijk maatschappelijk vastgoed",
        "Scholen, buurthuizen en sporthallen raken leeg als de bevolking krimpt. Breng de gebouwen van de "
        "gemeente in kaart, bepaal welke nodig blijven en verkoop of herbestem de rest.",
    ),
    (
        "krimp-heerlen-sloop-woningen",
        "voorbeeld",
        "Heerlen: sloop van overtollige woningen in krimpgebied",
        "In Parkstad daalt het aantal inwoners. De gemeente Heerlen en de corporaties slopen verouderde "
        "flats en bouwen minder woningen terug, met meer groen in de wijk.",
    ),
    (
        "regionale-woningbouwafspraken",
        "instrument",
        "Regionale afspraken over woningbouw en plancapaciteit",
        "Gemeenten in een regio stemmen af hoeveel woningen, kantoren en winkels er bijkomen. Zo voorkomen "
        "zij dat een overschot aan plannen nieuwe leegstand veroorzaakt.",
    ),
    (
        "plannen-schrappen-zonder-planschade",
        "instrument",
        "Bouwplannen schrappen zonder hoge planschade",
        "Verouderde bouwtitels voor kantoren kan de gemeente schrappen. Kondig het voornemen tijdig aan: na "
        "de voorzienbaarheid heeft de eigenaar meestal geen recht op planschadevergoeding.",
    ),
    (
        "bedrijventerrein-herstructureren-apeldoorn",
        "voorbeeld",
        "Apeldoorn herstructureert bedrijventerrein De Haven",
        "Op De Haven stonden loodsen en kantoren leeg. Met de eigenaren maakte de gemeente een plan voor "
        "nieuwe wegen, groen en een parkmanagement; leegstaande loodsen werden gesloopt of opgeknapt.",
    ),
    (
        "parkmanagement-bedrijventerreinen",
        "instrument",
        "Parkmanagement op bedrijventerreinen",
        "Ondernemers op een bedrijventerrein richten samen een vereniging op voor beveiliging, onderhoud en "
        "groen. Dat houdt het terrein aantrekkelijk en voorkomt verloedering en leegstand.",
    ),
    (
        "erfgoed-fabriek-wordt-cultuurcentrum-enschede",
        "voorbeeld",
        "Enschede: textielfabriek wordt cultuurcentrum",
        "De oude spinnerij in Enschede, een rijksmonument, is verbouwd tot cultuurcentrum met een "
        "poppodium, ateliers en horeca. Het Rijk en de provincie gaven restauratiesubsidie.",
    ),
    (
        "monumenten-restauratiesubsidie",
        "instrument",
        "Subsidie voor restauratie van monumenten",
        "Voor het herstel van een rijksmonument kan de eigenaar subsidie aanvragen. Ook bij herbestemming van "
        "een monumentaal pand draagt het Rijk bij in de kosten van haalbaarheidsonderzoek.",
    ),
    (
        "leegstaande-winkels-omzetten-naar-woningen",
        "instrument",
        "Winkels omzetten naar woningen",
        "Winkelpanden buiten het kernwinkelgebied kunnen woningen worden. Pas het omgevingsplan aan, maak "
        "afspraken over de gevel en zorg voor een eigen voordeur en buitenruimte.",
    ),
    (
        "tijdelijke-huisvesting-statushouders",
        "voorbeeld",
        "Leeg kantoor als tijdelijke huisvesting voor statushouders",
        "In Nieuwegein wonen statushouders en jongeren samen in een leeg kantoorgebouw dat voor tien jaar "
        "is verbouwd. De tijdelijke omgevingsvergunning loopt af in 2031.",
    ),
    (
        "tijdelijke-omgevingsvergunning",
        "instrument",
        "De tijdelijke omgevingsvergunning",
        "Voor tijdelijk gebruik van een pand in strijd met het omgevingsplan kan de gemeente een "
        "vergunning voor een beperkte periode verlenen. Na afloop moet de oude situatie terugkomen.",
    ),
    (
        "leegstandbeheer-antikraak",
        "instrument",
        "Leegstandbeheer en antikraak",
        "Een beheerder laat tijdelijke bewoners in een leeg pand wonen om verloedering en kraken te "
        "voorkomen. Let op de rechten van de bewoners en de brandveiligheid.",
    ),
    (
        "verloedering-voorkomen-aanschrijving",
        "instrument",
        "Verloedering van lege panden tegengaan",
        "Als een leegstaand pand verloedert, kan de gemeente de eigenaar aanschrijven op grond van de "
        "bouwregels en zo nodig bestuursdwang toepassen. Dichtgetimmerde ramen schaden de straat.",
    ),
    (
        "kantorenmarkt-provincie-noord-holland",
        "publicatie",
        "Kantorenmarkt Noord-Holland: vraag en aanbod tot 2030",
        "De provincie verwacht dat de vraag naar kantoorruimte stabiel blijft. Het aanbod op verouderde "
        "locaties moet omlaag; nieuwe kantoren komen alleen bij knooppunten van openbaar vervoer.",
    ),
    (
        "provinciale-kantorenstrategie-gelderland",
        "publicatie",
        "Provinciale aanpak kantorenleegstand Gelderland",
        "Gelderland vraagt gemeenten om overtollige kantoorplannen te schrappen en bestaande leegstand terug "
        "te dringen. De provincie biedt een kantorencoach en geld voor haalbaarheidsstudies.",
    ),
    (
        "leegstand-en-belasting",
        "instrument",
        "Belasting op leegstand",
        "Sommige gemeenten willen eigenaren van lang leegstaande panden extra belasten. Het Rijk onderzoekt "
        "een leegstandsheffing; tot die tijd helpt vooral de meldplicht uit de verordening.",
    ),
    (
        "huurprijzen-winkels-dalen",
        "publicatie",
        "Dalende huurprijzen voor winkels",
        "In middelgrote steden dalen de huurprijzen van winkelruimte. Eigenaren houden panden liever leeg dan "
        "een lagere huur te accepteren, omdat de waarde van hun vastgoed dan daalt.",
    ),
    (
        "eigenaren-vinden-kadaster",
        "instrument",
        "Eigenaren van lege panden opsporen",
        "Via het Kadaster vindt de gemeente wie eigenaar is. Bij beleggers achter een bv helpt het "
        "handelsregister; een makelaar of beheerder is vaak het eerste aanspreekpunt.",
    ),
    (
        "samenwerken-met-beleggers",
        "instrument",
        "Samenwerken met vastgoedbeleggers",
        "Grote beleggers bezitten veel winkelpanden in een straat. Nodig ze samen uit, deel de cijfers over "
        "leegstand en zoek naar een gezamenlijke aanpak van verhuur en herontwikkeling.",
    ),
    (
        "binnenstadsfonds-zutphen",
        "voorbeeld",
        "Zutphen: een binnenstadsfonds voor pandeigenaren",
        "Ondernemers en eigenaren in de binnenstad van Zutphen betalen samen aan een fonds. Het geld gaat naar "
        "evenementen, verlichting en het opknappen van lege winkelpanden.",
    ),
    (
        "bedrijveninvesteringszone",
        "instrument",
        "De bedrijveninvesteringszone (BIZ)",
        "In een BIZ betalen ondernemers of eigenaren via de gemeente een heffing voor gezamenlijke "
        "investeringen in hun gebied, zoals beveiliging of promotie van het winkelgebied.",
    ),
    (
        "station-omgeving-herontwikkeling-amersfoort",
        "voorbeeld",
        "Amersfoort: stationsomgeving herontwikkeld",
        "Rond het station van Amersfoort maakten verouderde kantoren plaats voor woningen, een hotel en "
        "nieuwe kantoren. De gemeente werkte met één ontwikkelaar per bouwblok.",
    ),
    (
        "transformatie-kantoor-studentenkamers-groningen",
        "voorbeeld",
        "Groningen: kantoor verbouwd tot studentenkamers",
        "Het voormalige belastingkantoor in Groningen is verbouwd tot 400 studentenkamers. Omdat het "
        "gebouw een flexibele draagstructuur had, bleef de verbouwing binnen budget.",
    ),
    (
        "bouwbesluit-transformatie-eisen",
        "instrument",
        "Bouwtechnische eisen bij transformatie",
        "Bij het verbouwen van een kantoor tot woningen gelden de eisen voor bestaande bouw voor veel "
        "onderdelen. Dat scheelt kosten bij ventilatie, daglicht en geluid.",
    ),
    (
        "haalbaarheidsonderzoek-transformatie",
        "instrument",
        "Een haalbaarheidsonderzoek voor transformatie",
        "Laat vooraf onderzoeken of ombouw van een pand tot woningen haalbaar is: constructie, installaties, "
        "kosten en opbrengsten. Veel provincies betalen een deel van dit onderzoek.",
    ),
    (
        "stimuleringsfonds-transformatie-zuid-holland",
        "publicatie",
        "Zuid-Holland start transformatiefonds",
        "Met een revolverend fonds leent de provincie Zuid-Holland geld aan ontwikkelaars die kantoren en "
        "winkels ombouwen tot woningen. Het fonds wordt gevuld met 40 miljoen euro.",
    ),
    (
        "leegstand-in-kleine-kernen-drenthe",
        "publicatie",
        "Leegstand in de kleine kernen van Drenthe",
        "In Drentse dorpen staan vooral oude winkelpanden, scholen en boerderijen leeg. De provincie laat "
        "gemeenten samenwerken aan een regionale aanpak van leegstand in dorpen.",
    ),
    (
        "boerderij-wordt-zorgboerderij-westerkwartier",
        "voorbeeld",
        "Westerkwartier: melkveebedrijf wordt zorgboerderij",
        "Na het stoppen van de melkveehouderij startte de familie een zorgboerderij voor mensen met een "
        "beperking. De gemeente stond de nieuwe functie in het buitengebied toe.",
    ),
    (
        "winkelcentrum-ombouwen-almere",
        "voorbeeld",
        "Almere bouwt een half leeg winkelcentrum om",
        "Het wijkwinkelcentrum in Almere Haven stond voor de helft leeg. De eigenaar sloopte een deel en "
        "bouwde daar woningen; de supermarkt en de apotheek bleven in het centrum.",
    ),
    (
        "raad-informeren-over-leegstand",
        "instrument",
        "De gemeenteraad informeren over leegstand",
        "Houd de raad op de hoogte met een jaarlijkse raadsinformatiebrief: cijfers over leegstand, wat het "
        "college deed en welke keuzes voorliggen. Zo staat het onderwerp op de politieke agenda.",
    ),
    (
        "communicatie-met-bewoners-bij-sloop",
        "instrument",
        "Communiceren met bewoners bij sloop en nieuwbouw",
        "Informeer omwonenden vroeg over sloopplannen. Organiseer een bewonersavond, leg uit waarom het "
        "gebouw verdwijnt en wat ervoor terugkomt, en geef een vast aanspreekpunt.",
    ),
    (
        "webinar-wonen-boven-winkels",
        "publicatie",
        "Terugblik webinar wonen boven winkels",
        "Tijdens het webinar vertelden drie gemeenten hoe zij verdiepingen boven winkels bewoonbaar maakten. "
        "De opname en de presentaties staan in de themagroep.",
    ),
    (
        "netwerkbijeenkomst-herbestemming-erfgoed",
        "publicatie",
        "Verslag netwerkbijeenkomst herbestemming van erfgoed",
        "Op de netwerkbijeenkomst in Leeuwarden spraken ambtenaren over het herbestemmen van kerken, "
        "boerderijen en fabrieken. Een vaste les: betrek de gebruikers van het gebouw vroeg.",
    ),
    (
        "kantorenloods-aanstellen",
        "instrument",
        "Een kantorenloods aanstellen",
        "Een kantorenloods is voor eigenaren en ontwikkelaars het vaste aanspreekpunt bij de gemeente. Hij of "
        "zij coördineert vergunningen en zoekt met de eigenaar naar een nieuwe functie.",
    ),
    (
        "vastgoedmonitor-gemeente",
        "instrument",
        "Een vastgoedmonitor voor de hele gemeente",
        "Een monitor houdt bij welke panden leeg staan, hoe lang en van welk type. Combineer gegevens uit de "
        "Basisregistratie Adressen en Gebouwen met meldingen uit de meldplicht.",
    ),
    (
        "leegstandscijfers-landelijk",
        "publicatie",
        "Landelijke cijfers over leegstand van kantoren en winkels",
        "Ruim een op de tien kantoren staat leeg; bij winkels is het aandeel lager maar stijgend in kleinere "
        "steden. Leegstand concentreert zich op verouderde locaties zonder goed openbaar vervoer.",
    ),
    (
        "energielabel-c-kantoren",
        "publicatie",
        "Kantoren zonder energielabel C mogen niet meer open",
        "Sinds 2023 moet een kantoor minimaal energielabel C hebben. Kantoren die niet worden verduurzaamd, "
        "komen leeg te staan. Gemeenten zien kansen om die kantoren te transformeren.",
    ),
    (
        "verduurzamen-bij-herbestemming",
        "instrument",
        "Verduurzamen bij herbestemming",
        "Gebruik een herbestemming om het gebouw meteen te verduurzamen: isolatie, een warmtepomp en "
        "zonnepanelen. Dat verlaagt de woonlasten en verhoogt de waarde.",
    ),
    (
        "asbest-in-oude-stallen",
        "instrument",
        "Asbest in oude stallen en schuren",
        "Veel oude agrarische gebouwen hebben asbestdaken. Sanering is duur; combineer het met sloop of "
        "herbouw en zoek naar provinciale regelingen die de kosten delen.",
    ),
    (
        "huisvesting-arbeidsmigranten-leeg-kantoor",
        "voorbeeld",
        "Venlo: huisvesting van arbeidsmigranten in een leeg kantoor",
        "Een leeg kantoorgebouw bij de snelweg is verbouwd tot nette huisvesting voor 180 arbeidsmigranten. "
        "De gemeente stelde eisen aan beheer, ruimte per persoon en vervoer.",
    ),
    (
        "woningen-boven-supermarkt-breda",
        "voorbeeld",
        "Breda: woningen gebouwd boven een supermarkt",
        "Op het platte dak van een supermarkt in Breda zijn 30 woningen gebouwd. De parkeerplaatsen werden "
        "onder het gebouw gebracht, zodat het plein groener werd.",
    ),
    (
        "optoppen-van-gebouwen",
        "instrument",
        "Optoppen: woningen bovenop bestaande gebouwen",
        "Door een extra bouwlaag op winkels of kantoren te zetten, komen er woningen bij zonder nieuwe grond. "
        "Controleer of de constructie het extra gewicht kan dragen.",
    ),
    (
        "gebiedsgerichte-aanpak-centrum-leeuwarden",
        "voorbeeld",
        "Leeuwarden: gebiedsgerichte aanpak van het stadscentrum",
        "Leeuwarden koos niet voor losse panden maar voor het hele centrum: compacter winkelgebied, meer "
        "wonen en groen, en één team van gemeente, ondernemers en eigenaren.",
    ),
    (
        "centrummanager-aanstellen",
        "instrument",
        "Een centrummanager voor de binnenstad",
        "De centrummanager verbindt ondernemers, eigenaren en gemeente in de binnenstad. Hij of zij houdt "
        "leegstand bij, zoekt nieuwe huurders en organiseert acties.",
    ),
    (
        "omgevingswet-en-leegstand",
        "publicatie",
        "Wat verandert er met de Omgevingswet voor leegstand?",
        "Met de Omgevingswet komt het omgevingsplan in plaats van het bestemmingsplan. Functies kunnen "
        "flexibeler worden toegestaan, zodat een leeg pand sneller een ander gebruik krijgt.",
    ),
    (
        "flexibel-omgevingsplan-functies",
        "instrument",
        "Flexibele functies in het omgevingsplan",
        "Sta in het omgevingsplan meerdere functies toe in een gebied, zoals wonen, werken en horeca. Dan "
        "hoeft een eigenaar geen procedure te doorlopen om een pand anders te gebruiken.",
    ),
    (
        "winkelgebied-compacter-maken",
        "instrument",
        "Het winkelgebied compacter maken",
        "Een te groot winkelgebied leidt tot leegstand aan de randen. Wijs een compact kernwinkelgebied aan "
        "en help eigenaren daarbuiten met de omzetting naar wonen of werken.",
    ),
    (
        "boerderijen-erfgoed-groningen-aardbevingen",
        "publicatie",
        "Boerderijen in het aardbevingsgebied behouden",
        "In Groningen staan karakteristieke boerderijen leeg door schade en vergrijzing. Het programma voor "
        "erfgoed helpt eigenaren met versterken en een nieuwe bestemming.",
    ),
    (
        "kantoor-wordt-school-nijmegen",
        "voorbeeld",
        "Nijmegen: leeg kantoor wordt middelbare school",
        "De school zocht snel extra ruimte. Een leegstaand kantoor naast het station bleek geschikt en werd in "
        "zes maanden verbouwd tot lokalen en een aula.",
    ),
    (
        "onderwijshuisvesting-in-leeg-vastgoed",
        "instrument",
        "Onderwijs huisvesten in leeg vastgoed",
        "Scholen met tijdelijke groei kunnen in leegstaande kantoren of winkels terecht. Let op daglicht, "
        "buitenruimte en de veiligheid van de route voor leerlingen.",
    ),
    (
        "ouderenhuisvesting-in-verzorgingshuis",
        "voorbeeld",
        "Dordrecht: leeg verzorgingshuis wordt seniorenwoningen",
        "Het verzorgingshuis sloot zijn deuren. De corporatie verbouwde het tot 60 seniorenwoningen met een "
        "gemeenschappelijke ruimte, dicht bij de winkels in het centrum.",
    ),
    (
        "zorgvastgoed-leegstand",
        "publicatie",
        "Leegstand in zorgvastgoed",
        "Door de hervorming van de langdurige zorg kwamen verzorgingshuizen leeg. Gemeenten en corporaties "
        "zoeken naar woningen voor ouderen en een ontmoetingsfunctie in de wijk.",
    ),
    (
        "jongerenhuisvesting-flexwonen",
        "instrument",
        "Flexwonen in leegstaande gebouwen",
        "Flexwoningen bieden snel onderdak aan woningzoekenden met haast, zoals jongeren en gescheiden ouders. "
        "Een leeg kantoor of schoolgebouw kan voor vijf tot vijftien jaar worden gebruikt.",
    ),
    (
        "hotel-in-voormalig-postkantoor-middelburg",
        "voorbeeld",
        "Middelburg: hotel in het voormalige postkantoor",
        "Het monumentale postkantoor in Middelburg stond jaren leeg. Een hotelier kocht het pand en opende er "
        "een hotel met restaurant; de gevel en de hal bleven bewaard.",
    ),
    (
        "bankgebouw-wordt-woningen-arnhem",
        "voorbeeld",
        "Arnhem: bankgebouw verbouwd tot appartementen",
        "Een leeg bankgebouw in het centrum van Arnhem is verbouwd tot 45 appartementen. De kluis in de kelder "
        "is nu een fietsenstalling.",
    ),
    (
        "parkeergarage-hergebruik",
        "instrument",
        "Lege parkeergarages hergebruiken",
        "Door minder autogebruik in binnensteden staan parkeergarages deels leeg. Een verdieping kan worden "
        "gebruikt voor stadsdistributie, fietsparkeren of een sportschool.",
    ),
    (
        "stadsdistributie-hub",
        "voorbeeld",
        "Zwolle: leeg pand wordt stadsdistributiecentrum",
        "Aan de rand van de binnenstad is een lege garage omgebouwd tot knooppunt voor elektrische "
        "bestelbusjes en bakfietsen die de winkels bevoorraden.",
    ),
    (
        "industrieel-erfgoed-suikerfabriek",
        "voorbeeld",
        "Groningen: de Suikerfabriek als tijdelijk evenemententerrein",
        "Het terrein van de oude suikerfabriek werd tien jaar tijdelijk gebruikt voor festivals en "
        "bedrijfjes, voordat de gemeente er een nieuwe woonwijk plande.",
    ),
    (
        "tijdelijk-gebruik-bedrijventerrein",
        "instrument",
        "Tijdelijk gebruik van lege bedrijfsgebouwen",
        "Lege loodsen en hallen kunnen tijdelijk dienen als opslag, werkplaats of broedplaats. Maak "
        "afspraken over de duur, brandveiligheid en het terugbrengen in de oude staat.",
    ),
    (
        "broedplaats-kunstenaars-leeg-kantoor",
        "voorbeeld",
        "Den Helder: leeg kantoor wordt broedplaats voor makers",
        "In Den Helder huren kunstenaars en startende ondernemers voor weinig geld een werkplek in een leeg "
        "kantoorgebouw van de gemeente.",
    ),
    (
        "monumentenzorg-herbestemming-kerk-den-bosch",
        "publicatie",
        "Erfgoedvisie 's-Hertogenbosch",
        "De erfgoedvisie van 's-Hertogenbosch beschrijft hoe de stad omgaat met monumenten die hun functie "
        "verliezen: behoud door gebruik, met ruimte voor nieuwe functies.",
    ),
    (
        "den-haag-kantoren-binckhorst",
        "voorbeeld",
        "'s-Gravenhage: transformatie van de Binckhorst",
        "Het bedrijven- en kantorengebied de Binckhorst in 's-Gravenhage verandert in een gemengde wijk. "
        "Oude kantoren worden woningen, bedrijven blijven waar het kan.",
    ),
    (
        "leegstand-meten-bag",
        "instrument",
        "Leegstand meten met de BAG",
        "Koppel de Basisregistratie Adressen en Gebouwen aan de inschrijvingen in de Basisregistratie Personen "
        "en het handelsregister. Panden zonder bewoners of bedrijven zijn mogelijk leeg.",
    ),
    (
        "leegstandsregister-groningen",
        "voorbeeld",
        "Groningen houdt een leegstandsregister bij",
        "De gemeente registreert alle panden die langer dan een half jaar leeg staan. Het register helpt om "
        "eigenaren gericht te benaderen.",
    ),
    (
        "kantorenvisie-regio-eindhoven",
        "publicatie",
        "Kantorenvisie regio Eindhoven",
        "De gemeenten in de regio Eindhoven spreken af waar nieuwe kantoren mogen komen: alleen in het centrum "
        "en op de campus. Elders worden kantoorplannen geschrapt.",
    ),
    (
        "woningtekort-en-leegstand",
        "publicatie",
        "Woningtekort en leegstand: twee kanten van één opgave",
        "Terwijl er te weinig woningen zijn, staan kantoren en winkels leeg. Het Rijk wil dat gemeenten "
        "sneller ombouwen en trekt geld uit voor transformatie.",
    ),
    (
        "woningbouwimpuls-transformatie",
        "instrument",
        "De Woningbouwimpuls voor transformatieprojecten",
        "Met de Woningbouwimpuls draagt het Rijk bij aan projecten waarin de gemeente een tekort heeft, ook bij "
        "het ombouwen van kantoren en winkels tot betaalbare woningen.",
    ),
    (
        "starters-woningen-in-winkelpand",
        "voorbeeld",
        "Alkmaar: starterswoningen in een voormalig winkelpand",
        "In een groot leeg winkelpand aan de rand van het centrum van Alkmaar zijn twaalf starterswoningen "
        "gemaakt. De begane grond werd een gedeelde werkruimte.",
    ),
    (
        "gevelfonds-winkelstraat",
        "instrument",
        "Een gevelfonds voor de winkelstraat",
        "Met een gevelfonds helpt de gemeente eigenaren de gevels van winkelpanden op te knappen. Een "
        "verzorgde straat trekt nieuwe huurders aan.",
    ),
    (
        "vrijkomende-kerken-noord-brabant",
        "publicatie",
        "Vrijkomende kerken in Noord-Brabant",
        "In Noord-Brabant verliezen de komende tien jaar honderden kerken hun functie. De provincie steunt "
        "gemeenten bij het opstellen van kerkenvisies.",
    ),
    (
        "kloosters-zorg-limburg",
        "voorbeeld",
        "Limburg: kloostercomplex wordt zorgcentrum",
        "Het kloostercomplex in Sittard is herbestemd tot zorgcentrum met ouderenwoningen. De kapel bleef "
        "open als stiltecentrum voor de buurt.",
    ),
    (
        "watertoren-herbestemd",
        "voorbeeld",
        "Watertoren wordt woonhuis en uitkijkpunt",
        "Een monumentale watertoren in de polder kreeg een nieuwe bestemming: een woonhuis met bovenin een "
        "openbaar uitkijkpunt. "
        "De eigenaar opent de toren enkele dagen per jaar.",
    ),
    (
        "vliegbasis-herontwikkeling",
        "voorbeeld",
        "Twente: voormalige vliegbasis krijgt nieuwe bestemming",
        "Op de voormalige vliegbasis Twenthe komen bedrijven, natuur en een testcentrum. De hangars worden "
        "hergebruikt voor opslag en onderhoud.",
    ),
    (
        "kazerne-wordt-woonwijk",
        "voorbeeld",
        "Ede: kazerneterrein wordt woonwijk",
        "Op het voormalige kazerneterrein in Ede zijn monumentale legergebouwen omgebouwd tot woningen, een "
        "school en bedrijfsruimte. Nieuwe woningen vullen het terrein aan.",
    ),
    (
        "gevangenis-herbestemd",
        "voorbeeld",
        "Breda: koepelgevangenis krijgt nieuwe functie",
        "De koepelgevangenis in Breda staat sinds 2016 leeg. De gemeente en het Rijk zoeken een gebruik dat "
        "past bij het monument: onderwijs, wonen en evenementen.",
    ),
    (
        "winkelleegstand-aanloopstraten",
        "instrument",
        "Leegstand in aanloopstraten aanpakken",
        "In de straten die naar het centrum leiden, verdwijnen winkels het eerst. Sta daar wonen op de begane "
        "grond toe en help eigenaren met ombouw.",
    ),
    (
        "regionale-detailhandelsvisie",
        "publicatie",
        "Regionale detailhandelsvisie Twente",
        "De Twentse gemeenten spreken af geen nieuwe winkelmeters toe te voegen buiten de centra. Zo blijft "
        "de winkelleegstand in de kernen beperkt.",
    ),
    (
        "overleg-ondernemersvereniging",
        "instrument",
        "Overleg met de ondernemersvereniging",
        "Ondernemers weten vaak als eerste dat een collega stopt. Overleg regelmatig met de vereniging, zodat "
        "de gemeente op tijd met de eigenaar in gesprek kan.",
    ),
    (
        "pand-kopen-door-gemeente",
        "instrument",
        "Als gemeente een leeg pand aankopen",
        "Soms koopt de gemeente een sleutelpand om de ontwikkeling van een straat te sturen. Maak vooraf een "
        "plan voor doorverkoop en reken op risico's.",
    ),
    (
        "voorkeursrecht-gemeente",
        "instrument",
        "Het voorkeursrecht van de gemeente",
        "Met een voorkeursrecht moet een eigenaar een pand eerst aan de gemeente te koop aanbieden. Dat helpt "
        "bij actief grondbeleid in een gebied met veel leegstand.",
    ),
    (
        "onteigening-als-laatste-middel",
        "instrument",
        "Onteigening als laatste middel",
        "Werkt een eigenaar niet mee aan de ontwikkeling van een gebied, dan kan de gemeente als laatste "
        "middel onteigenen. Dat vraagt een zorgvuldige procedure en schadeloosstelling.",
    ),
    (
        "winkels-verplaatsen-naar-centrum",
        "voorbeeld",
        "Hoogeveen verplaatst winkels naar het centrum",
        "Winkeliers aan de rand van de binnenstad kregen hulp bij de verhuizing naar lege panden in het "
        "kernwinkelgebied. Hun oude panden werden woningen.",
    ),
    (
        "verplaatsingssubsidie-ondernemers",
        "instrument",
        "Verhuissubsidie voor ondernemers",
        "Een bijdrage in de verhuiskosten helpt winkeliers om van een aanloopstraat naar het centrum te "
        "verhuizen. Koppel de subsidie aan afspraken met de eigenaar van het oude pand.",
    ),
    (
        "markt-en-horeca-beleid",
        "instrument",
        "Horeca in lege winkelpanden",
        "Horeca maakt een centrum levendig. Sta in het omgevingsplan toe dat een leeg winkelpand een café of "
        "lunchroom wordt, met regels voor terrassen en geluid.",
    ),
    (
        "kantoorpanden-slopen-vergoeding",
        "instrument",
        "Sloop van kantoorpanden met een sloopfonds",
        "Een regionaal sloopfonds betaalt eigenaren een vergoeding als zij een verouderd kantoor slopen en de "
        "bouwtitel inleveren. Zo verdwijnen kantoren definitief van de markt.",
    ),
    (
        "energiearmoede-leeg-vastgoed",
        "publicatie",
        "Verduurzaming van leegstaand vastgoed",
        "Leegstaande gebouwen zonder isolatie worden steeds moeilijker te verhuren. De verduurzamingsopgave "
        "kan een aanleiding zijn om een pand te herontwikkelen.",
    ),
]


def url(slug: str) -> str:
    return f"{PREFIX}{slug}/"


def documents(read_keys) -> list[SearchDocument]:
    return [
        SearchDocument(
            id=f"praktijk:{slug}",
            model="praktijk.document",
            object_pk=slug,
            type=kind,
            title=title,
            url=url(slug),
            read_keys=frozenset(read_keys),
            body=body,
            date=date(2020 + n % 6, 1 + n % 12, 1 + n % 27),
        )
        for n, (slug, kind, title, body) in enumerate(DOCUMENTS)
    ]
