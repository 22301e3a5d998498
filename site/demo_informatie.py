"""The information pages a Dutch government site must have, with starting texts for the redactie.

(slug, title, lead, body). The footer links these slugs. Editors adapt the texts in the CMS; the
toegankelijkheidsverklaring follows the headings of the model on digitoegankelijk.nl.
"""

CONTACT_EMAIL = "kennisplatform@vng.example"

PAGES = [
    (
        "privacy",
        "Privacyverklaring",
        "Hoe het Kennisplatform Leegstand omgaat met uw persoonsgegevens.",
        "<h2>Wie is verantwoordelijk?</h2>"
        "<p>De Vereniging van Nederlandse Gemeenten (VNG) beheert het Kennisplatform Leegstand en is "
        "verwerkingsverantwoordelijke in de zin van de Algemene verordening gegevensbescherming (AVG).</p>"
        "<h2>Welke gegevens verwerken wij?</h2>"
        "<ul><li>Voor een account: uw naam, e-mailadres, functie en organisatie.</li>"
        "<li>Als lid van een themagroep: uw berichten, reacties, aanmeldingen voor bijeenkomsten en "
        "uw instellingen voor meldingen.</li>"
        "<li>Voor de beveiliging: het IP-adres en het tijdstip van inlogpogingen en beheerhandelingen.</li></ul>"
        "<h2>Waarvoor en op welke grond?</h2>"
        "<p>Wij gebruiken deze gegevens alleen om het platform te laten werken: u laten inloggen, "
        "themagroepen en bijeenkomsten mogelijk maken, u meldingen sturen waarvoor u hebt gekozen en "
        "misbruik tegengaan. De grondslag is de uitvoering van de overeenkomst die u aangaat door een "
        "account aan te maken, en ons gerechtvaardigd belang bij een veilig platform.</p>"
        "<h2>Hoe lang bewaren wij ze?</h2>"
        "<p>Niet langer dan nodig. Verwijdert u uw account, dan verwijderen wij uw accountgegevens.</p>"
        "<h2>Uw rechten</h2>"
        "<p>U kunt uw gegevens inzien, downloaden, verbeteren en verwijderen via Mijn account. Voor "
        "andere verzoeken of een klacht kunt u contact opnemen via "
        f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. U kunt ook een klacht indienen bij de '
        "Autoriteit Persoonsgegevens.</p>",
    ),
    (
        "toegankelijkheid",
        "Toegankelijkheidsverklaring",
        "De VNG wil dat iedereen het Kennisplatform Leegstand kan gebruiken.",
        "<h2>Verklaring</h2>"
        "<p>De VNG streeft ernaar het Kennisplatform Leegstand toegankelijk te maken in overeenstemming "
        "met het Tijdelijk besluit digitale toegankelijkheid overheid. Deze verklaring geldt voor de "
        "website van het Kennisplatform Leegstand.</p>"
        "<h2>Nalevingsstatus</h2>"
        "<p>Deze website voldoet gedeeltelijk aan de norm EN 301 549 (WCAG 2.1 op niveau AA). Elke "
        "wijziging wordt automatisch getoetst met axe-core in een echte browser; een onderzoek door "
        "een onafhankelijke deskundige is nog niet uitgevoerd.</p>"
        "<h2>Wat wij nog verbeteren</h2>"
        "<ul><li>Sommige oudere documenten (PDF) zijn niet volledig toegankelijk. Vraagt u een "
        "toegankelijke versie aan, dan sturen wij die zo snel mogelijk.</li>"
        "<li>Brede tabellen in de handreiking zijn op kleine schermen minder goed leesbaar.</li></ul>"
        "<h2>Contact en feedback</h2>"
        "<p>Loopt u tegen een toegankelijkheidsprobleem aan? Mail ons via "
        f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. Wij reageren binnen vijf werkdagen.</p>'
        "<h2>Handhavingsprocedure</h2>"
        "<p>Bent u niet tevreden met ons antwoord, dan kunt u zich wenden tot de Nationale ombudsman.</p>",
    ),
    (
        "contact",
        "Contact",
        "Vragen over het kennisplatform, een themagroep of de handreiking? Neem contact met ons op.",
        "<h2>E-mail</h2>"
        f'<p>Stuurt u een e-mail naar <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. Wij '
        "beantwoorden uw bericht binnen vijf werkdagen.</p>"
        "<h2>Post</h2>"
        "<p>Vereniging van Nederlandse Gemeenten<br>Postbus 30435<br>2500 GK Den Haag</p>"
        "<h2>Vragen over een themagroep</h2>"
        "<p>Voor vragen over een bepaalde themagroep kunt u ook de beheerder van die groep een bericht "
        "sturen via de pagina van de groep.</p>",
    ),
    (
        "colofon",
        "Colofon",
        "Wie het Kennisplatform Leegstand maakt en beheert.",
        "<h2>Uitgever</h2>"
        "<p>Het Kennisplatform Leegstand is een uitgave van de Vereniging van Nederlandse Gemeenten "
        "(VNG), in de traditie van de handreiking ‘Leegstand te lijf’.</p>"
        "<h2>Redactie</h2>"
        "<p>De redactie bestaat uit medewerkers van de VNG en van gemeenten die hun kennis delen. "
        "Voorbeelden komen van de gemeenten zelf.</p>"
        "<h2>Hergebruik</h2>"
        "<p>Teksten op dit platform mag u hergebruiken met bronvermelding, tenzij anders vermeld. De "
        "gegevens van de voorbeelden zijn ook beschikbaar als open data.</p>"
        "<h2>Aansprakelijkheid</h2>"
        "<p>De redactie besteedt zorg aan de juistheid van de informatie, maar kan niet garanderen dat "
        "deze altijd volledig en actueel is. Aan de inhoud kunnen geen rechten worden ontleend.</p>",
    ),
    (
        "cookies",
        "Cookieverklaring",
        "Het Kennisplatform Leegstand plaatst alleen cookies die nodig zijn om de website te laten werken.",
        "<h2>Welke cookies?</h2>"
        "<ul><li><strong>sessionid</strong>: houdt bij dat u bent ingelogd. Het verdwijnt als u "
        "uitlogt of uw browser sluit.</li>"
        "<li><strong>csrftoken</strong>: beschermt formulieren tegen misbruik door andere websites.</li>"
        "<li><strong>messages</strong>: toont eenmalig een bevestiging na een handeling, zoals ‘Uw "
        "wijziging is opgeslagen’.</li></ul>"
        "<h2>Geen tracking</h2>"
        "<p>Wij gebruiken geen cookies voor statistieken, advertenties of sociale media, en wij delen "
        "geen gegevens over uw bezoek met anderen. Daarom vragen wij u ook niet om toestemming.</p>"
        "<h2>Cookies verwijderen</h2>"
        "<p>U kunt cookies op elk moment verwijderen in de instellingen van uw browser. U bent daarna "
        "uitgelogd.</p>",
    ),
]
