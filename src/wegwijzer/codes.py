"""The catalogue of message codes: a stable name and an explanation for every kind of problem.

A code names a rule the way yamllint's rule ids do, so tests, the handleiding and editors can
point at a rule without quoting a Dutch sentence. Codes are Dutch kebab-case (`telefoon-ongeldig`)
and never change meaning once released; `wegwijzer validate --uitleg CODE` shows the entry.

Add a code in the section of the module that reports it; keep each section sorted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One kind of problem: `titel` is one line, `uitleg` says what is wrong and how to mend it."""

    naam: str
    titel: str
    uitleg: str
    voorbeeld: str = ""  # a short YAML example of how it should look, when that helps


_CATALOGUS: tuple[Code, ...] = (
    # --- read side: files and YAML (read/) ---
    Code(
        "bestand-binair",
        "Het bestand is geen tekstbestand",
        "In het bestand staan tekens die niet in een tekstbestand horen. Misschien is het een "
        "Word-bestand of een afbeelding met de naam .yml. Maak het bestand opnieuw als gewone "
        "tekst, bijvoorbeeld in VS Code of Kladblok.",
    ),
    Code(
        "bestand-dubbel",
        "Twee bestanden voor dezelfde gemeente of regio",
        "Er is al een bestand met deze naam voor deze gemeente of regio, bijvoorbeeld 'ede.yml' "
        "en 'ede.yaml'. Elke gemeente en regio heeft één bestand. Zet alles in één bestand en "
        "haal het andere weg.",
    ),
    Code(
        "bestand-geen-data",
        "Bestand in de datamap dat niet wordt gelezen",
        "In de map met gegevens staat een bestand dat geen YAML-databestand is, zoals een "
        "document of afbeelding. Het wordt niet gelezen. Haal het weg of zet het ergens anders "
        "neer.",
    ),
    Code(
        "bestand-geen-utf8",
        "Het bestand is niet als UTF-8 opgeslagen",
        "Letters zoals é of ë worden alleen goed gelezen als het bestand in UTF-8 is opgeslagen. "
        "Kies in je teksteditor 'Opslaan als' en dan de codering UTF-8.",
    ),
    Code(
        "bestand-kopie",
        "Bestand lijkt een kopie van een ander bestand",
        "De naam van het bestand lijkt op een kopie, zoals 'ede kopie.yml' of 'ede.yml.bak'. "
        "Zo'n bestand wordt niet gelezen. Haal het weg als je het niet meer nodig hebt.",
    ),
    Code(
        "bestand-onleesbaar",
        "Het bestand kan niet worden gelezen",
        "Het programma mag of kan het bestand niet openen, bijvoorbeeld door de rechten op het "
        "bestand of een fout op de schijf. Controleer of het bestand bestaat en of je het zelf "
        "kunt openen.",
    ),
    Code(
        "bestand-te-groot",
        "Het databestand is te groot",
        "Een databestand is hooguit enkele honderden kilobytes. Een groter bestand is meestal "
        "geen echt databestand. Controleer of dit het goede bestand is, of verdeel de gegevens.",
    ),
    Code(
        "bestand-verkeerde-map",
        "Bestand staat in de verkeerde map",
        "In content/ staat alleen het landelijke bestand. Een regio hoort in de map met regio's "
        "en een gemeente in de map gemeenten/. Verplaats het bestand naar de goede map.",
    ),
    Code(
        "bestandsnaam-ongeldig",
        "De naam van het bestand is niet goed",
        "De naam van een databestand is de id van de gemeente of regio, in kleine letters, met "
        "cijfers en streepjes, en eindigt op .yml. Geef het bestand een naam zoals 'ede.yml' of "
        "'gelderland-midden.yml'.",
    ),
    Code(
        "datum-ongeldig",
        "Datum is niet goed geschreven",
        "Een datum schrijf je als jaar-maand-dag (JJJJ-MM-DD). De datum moet ook echt bestaan. "
        "Schrijf bijvoorbeeld 2025-03-01 voor 1 maart 2025.",
        "gecontroleerd: 2025-03-01",
    ),
    Code(
        "email-ongeldig",
        "E-mailadres is niet goed",
        "Het e-mailadres klopt niet. Schrijf het adres zoals je het in je mailprogramma typt, "
        "zonder 'mailto:' ervoor.",
        "email: info@cjgede.nl",
    ),
    Code(
        "geen-gemeenten",
        "Er zijn geen gemeenten gevonden",
        "In de map gemeenten/ staat geen enkel databestand. Zonder gemeenten komen er geen "
        "pagina's en flyers. Maak een gemeente aan met 'wegwijzer nieuw'.",
    ),
    Code(
        "id-dubbel",
        "Dezelfde id staat er twee keer",
        "Elke vermelding heeft een eigen id. Deze id wordt al gebruikt, in dit bestand of voor "
        "iets anders in een ander bestand. Geef een van de twee een andere id.",
    ),
    Code(
        "id-ongeldig",
        "Id is niet goed geschreven",
        "Een id bestaat uit kleine letters, cijfers en streepjes, zonder spaties. De melding "
        "stelt vaak een goede id voor.",
        "- id: stevig-ouderschap",
    ),
    Code(
        "ja-nee-ongeldig",
        "Schrijf ja of nee",
        "Dit veld kan alleen ja of nee zijn. Schrijf ja of nee, zonder andere woorden.",
        "spoed: ja",
    ),
    Code(
        "keuze-ongeldig",
        "Waarde staat niet in de lijst van keuzes",
        "Dit veld heeft een vaste lijst van keuzes. De melding noemt de keuzes en vaak ook het "
        "woord dat je waarschijnlijk bedoelde. Kies een woord uit de lijst.",
        "soort: cjg",
    ),
    Code(
        "landelijk-ontbreekt",
        "Het landelijke bestand ontbreekt",
        "In het landelijke bestand staan de landelijke hulplijnen en de spoedhulp (112). Zonder "
        "dat bestand kan de wegwijzer niet worden gemaakt. Zet het bestand terug, bijvoorbeeld "
        "uit de vorige versie.",
    ),
    Code(
        "lijst-leeg",
        "Lijst mag niet leeg zijn",
        "Dit veld moet minstens één waarde hebben. Vul een waarde in, of haal het veld weg als "
        "het niet verplicht is.",
    ),
    Code(
        "link-ongeldig",
        "Webadres is niet goed",
        "Het webadres kan niet worden gebruikt. Een webadres begint met https://, heeft geen "
        "spaties en heeft een domeinnaam zoals cjgede.nl. De melding zegt wat er mis is.",
        "website: https://www.cjgede.nl",
    ),
    Code(
        "niet-aangeboden-beschreven",
        "Vermelding is uitgesloten én beschreven",
        "Een vermelding staat onder niet_aangeboden, maar wordt in hetzelfde bestand ook "
        "beschreven. Dat spreekt elkaar tegen. Haal de beschrijving weg, of haal de id uit "
        "niet_aangeboden.",
    ),
    Code(
        "niet-aangeboden-onbekend",
        "Uitgesloten vermelding bestaat niet",
        "Onder niet_aangeboden staat een id die niet in de regio of landelijk bestaat. Misschien "
        "is het een tikfout. Gebruik de id zoals die in het regio- of landelijke bestand staat.",
        "niet_aangeboden:\n  - id: stevig-ouderschap",
    ),
    Code(
        "niet-aangeboden-spoed",
        "Spoedhulp kan niet worden uitgesloten",
        "Spoedhulp (spoed: ja), zoals 112, moet op elke pagina en flyer staan. Je kunt het daarom "
        "niet onder niet_aangeboden zetten. Haal de id uit niet_aangeboden.",
    ),
    Code(
        "openingstijden-tijdvak-leeg",
        "Openingstijd die nooit open is",
        "Bij een tijd onder 'openingstijden' zijn 'van' en 'tot' gelijk, of 'van' is \"24:00\". "
        "Zo is het nooit open. Een tijd na middernacht mag: van \"20:00\" tot \"02:00\" loopt "
        "door tot 2 uur 's nachts. De hele dag open: van \"00:00\" tot \"24:00\". Altijd open: "
        "'dag_en_nacht: ja' in plaats van 'openingstijden'.",
    ),
    Code(
        "regio-onbekend",
        "De regio van de gemeente bestaat niet",
        "Bij de gemeente staat een regio waarvoor geen bestand bestaat. Gebruik de id van een "
        "bestaande regio; de melding noemt de bekende regio's.",
        "gemeente:\n  naam: Ede\n  regio: gelderland-midden",
    ),
    Code(
        "samenvoegen-ongeldig",
        "Na samenvoegen klopt een veld niet",
        "Een gemeente kan velden van de regio of landelijk aanpassen. Na het samenvoegen past "
        "de waarde niet meer, bijvoorbeeld omdat twee velden elkaar tegenspreken. Kijk naar het "
        "veld in beide bestanden en maak ze passend.",
    ),
    Code(
        "symlink-buiten-project",
        "Snelkoppeling wijst buiten de projectmap",
        "Dit bestand is een snelkoppeling (symlink) naar een bestand buiten de projectmap. Zo'n "
        "bestand wordt niet gelezen. Zet het bestand zelf in de projectmap.",
    ),
    Code(
        "symlink-kapot",
        "Snelkoppeling wijst naar niets",
        "Dit bestand is een snelkoppeling (symlink) naar een bestand dat niet bestaat. Zet het "
        "bestand zelf op deze plek, of haal de snelkoppeling weg.",
    ),
    Code(
        "taalcode-ongeldig",
        "Taalcode is niet goed",
        "Een taal schrijf je met de code van twee (soms drie) letters, zoals nl, en, ar of tr. "
        "Schrijf de code, niet de naam van de taal.",
        "talen: [nl, ar]",
    ),
    Code(
        "teken-onzichtbaar",
        "Onzichtbaar teken weggelaten",
        "In de tekst staat een teken dat je niet ziet, zoals een breedteloze spatie (U+200B), "
        "een woordverbinder of een zacht afbreekstreepje op een rare plek. Het komt vaak mee bij "
        "kopiëren uit een e-mail, website of pdf. De Wegwijzer laat het weg op de site en de "
        "flyer; haal het ook weg uit het bestand (typ het woord of nummer opnieuw).",
    ),
    Code(
        "teken-stuurteken",
        "Stuurteken in de tekst",
        "In de tekst staat een stuurteken: een teken dat de leesrichting omdraait (zoals U+202E, "
        "dan staat 0612345678 er als 8765432160) of een teken voor een terminal of printer "
        "(zoals escape, U+001B). Het wordt nooit gepubliceerd, maar de site en flyers worden pas "
        "gemaakt als je het weghaalt: typ die tekst opnieuw.",
    ),
    Code(
        "tekst-leeg",
        "Tekst is leeg",
        "Hier hoort een tekst te staan, maar er staat niets. Vul de tekst in, of haal het veld "
        "weg.",
    ),
    Code(
        "telefoon-ongeldig",
        "Geen geldig telefoonnummer",
        "Het nummer bestaat niet in Nederland: het heeft te veel of te weinig cijfers, of het is "
        "geen bekend kort nummer. Controleer het nummer bij de bron en schrijf het zoals op de "
        "website van de organisatie, bijvoorbeeld \"085 130 46 58\".",
        'telefoon: "085 130 46 58"',
    ),
    Code(
        "telefoon-twee-nummers",
        "Twee nummers in één telefoonveld",
        "Een telefoonveld heeft precies één nummer. Twee nummers achter elkaar (\"0800 0113 / "
        "113\") worden anders één verkeerd nummer op de belknop en de flyer. Zet het tweede "
        "nummer onder 'extra_telefoon' met een 'label' dat zegt waarvoor het is, of maak er een "
        "eigen hulplijn van.",
    ),
    Code(
        "telefoon-vreemd-teken",
        "Tekst of een vreemd teken in een telefoonnummer",
        "In het nummer staat iets anders dan cijfers, spaties, +, -, punt, / of haakjes: tekst "
        "(zoals 'kies 1') of een teken dat op een spatie lijkt (een harde spatie, U+00A0). Zet "
        "uitleg in 'bereikbaar' of in een 'label' onder 'extra_telefoon', en typ het nummer "
        "opnieuw met gewone spaties.",
    ),
    Code(
        "tijd-ongeldig",
        "Tijd in de openingstijden is geen tijd",
        "Bij 'van' en 'tot' onder 'openingstijden' staat een tijd van de klok: uren en minuten "
        "met een dubbele punt, tussen aanhalingstekens, zoals \"09:00\" of \"17:30\". "
        "Middernacht aan het eind van de dag is \"24:00\".",
        voorbeeld='openingstijden:\n  tijden:\n    - dagen: [ma, di, wo, do, vr]\n'
        '      van: "09:00"\n      tot: "17:00"\n  bron: "https://www.voorbeeld.nl/contact"',
    ),
    Code(
        "vaste-tekst-onbekend",
        "Onbekende vaste tekst in een vertaling",
        "Onder vaste_teksten staat een naam die de flyer niet kent. Misschien is het een "
        "tikfout. Gebruik de namen zoals ze in nl.yml staan.",
    ),
    Code(
        "veld-geen-groep",
        "Hier horen velden onder te staan",
        "Onder dit veld horen andere velden, een regel lager en ingesprongen met spaties. Een "
        "item in een lijst begint met '- id: ...'.",
        "hulplijnen:\n  - id: kindertelefoon\n    naam: De Kindertelefoon",
    ),
    Code(
        "veld-geen-lijst",
        "Veld moet een lijst zijn",
        "Dit veld heeft een lijst van waarden. Zet elke waarde op een eigen regel met '- ' "
        "ervoor, of schrijf de waarden tussen vierkante haken.",
        "woonplaatsen:\n  - Ede\n  - Bennekom",
    ),
    Code(
        "veld-geen-tekst",
        "Veld moet tekst zijn",
        "Hier hoort één tekst te staan, geen lijst en geen groep velden. Schrijf de tekst achter "
        "de dubbele punt.",
    ),
    Code(
        "veld-leeg",
        "Veld is leeg en telt niet mee",
        "Het veld staat er, maar er staat geen waarde achter. Het telt daarom niet mee. Vul het "
        "in, of haal het veld weg.",
    ),
    Code(
        "veld-onbekend",
        "Onbekend veld",
        "Dit veld bestaat niet op deze plek. Vaak is het een tikfout of staat het verkeerd "
        "ingesprongen. De melding stelt vaak het veld voor dat je bedoelde.",
    ),
    Code(
        "veld-verplicht",
        "Verplicht veld ontbreekt",
        "Dit veld moet er altijd zijn. Voeg het toe op de plek die de melding noemt.",
    ),
    Code(
        "vermelding-onvolledig",
        "Nieuwe vermelding mist verplichte velden",
        "Deze id bestaat niet in de regio of landelijk, dus het is een nieuwe vermelding. Een "
        "nieuwe vermelding heeft verplichte velden, zoals naam. Vul die velden in, of gebruik de "
        "id van de bestaande vermelding als je die wilde aanpassen.",
    ),
    Code(
        "vertaling-bestandsnaam",
        "Naam van het vertaalbestand is geen taalcode",
        "Een vertaalbestand heet naar de taal, met de code van twee letters. Noem het bestand "
        "bijvoorbeeld 'en.yml' of 'ar.yml'.",
    ),
    Code(
        "vertaling-taal-anders",
        "Taal past niet bij de naam van het vertaalbestand",
        "Het veld taal in het bestand is anders dan de taal in de bestandsnaam. Maak ze gelijk, "
        "bijvoorbeeld 'taal: en' in en.yml.",
    ),
    Code(
        "vertaling-veld-onbekend",
        "Veld kan niet worden vertaald",
        "Bij een vermelding staat een veld dat niet op de flyer komt of niet bestaat. Vertaal "
        "alleen de velden die de melding noemt.",
    ),
    Code(
        "vertaling-vorm",
        "Vertaalbestand is niet goed opgebouwd",
        "Een deel van het vertaalbestand heeft niet de vorm die verwacht wordt, bijvoorbeeld een "
        "tekst waar velden horen. Kijk naar nl.yml hoe het hoort.",
    ),
    Code(
        "waarde-ongeldig",
        "Ongeldige waarde",
        "De waarde in dit veld kan niet worden gebruikt. Kijk in de handleiding welke waarde "
        "hier hoort.",
    ),
    Code(
        "waarde-soort",
        "Verkeerde soort waarde",
        "Hier hoort één waarde, maar er staat een lijst of een groep velden. Schrijf de waarde "
        "achter de dubbele punt, op dezelfde regel.",
    ),
    Code(
        "waarde-vorm",
        "Waarde heeft niet de goede vorm",
        "De waarde past niet in het patroon dat dit veld vraagt. Kijk in de handleiding hoe de "
        "waarde geschreven wordt.",
    ),
    Code(
        "yaml-anker",
        "Ankers en verwijzingen worden niet ondersteund",
        "YAML kent ankers (&naam) en verwijzingen (*naam) om een waarde te herhalen. De "
        "wegwijzer ondersteunt die niet, omdat ze moeilijk te lezen zijn. Schrijf de waarde "
        "overal voluit.",
    ),
    Code(
        "yaml-dubbele-sleutel",
        "Veld staat twee keer in dezelfde groep",
        "Hetzelfde veld staat twee keer in één groep. Dan is niet duidelijk welke waarde telt. "
        "Haal er één weg.",
    ),
    Code(
        "yaml-geen-velden",
        "Bestand bestaat niet uit velden",
        "Een databestand bestaat uit velden met een naam, zoals 'gemeente:' of 'hulplijnen:'. "
        "Dit bestand is leeg, of bevat alleen een losse lijst of tekst.",
        "gemeente:\n  naam: Ede",
    ),
    Code(
        "yaml-label",
        "YAML-labels worden niet ondersteund",
        "Een label zoals '!!str' voor een waarde wordt niet ondersteund. Laat het label weg en "
        "schrijf alleen de waarde.",
    ),
    Code(
        "yaml-meer-documenten",
        "Meer dan één document in het bestand",
        "Een regel met alleen '---' begint een tweede document. Een databestand heeft er maar "
        "één. Zet elke gemeente in een eigen bestand.",
    ),
    Code(
        "yaml-ongeldig",
        "Het bestand is geen geldige YAML",
        "Het bestand kan niet als YAML worden gelezen. Controleer de inspringing, de dubbele "
        "punten en de aanhalingstekens, of vergelijk met een ander bestand dat wel werkt.",
    ),
    Code(
        "yaml-sleutel-geen-woord",
        "Veldnaam is geen woord",
        "Voor de dubbele punt hoort de naam van een veld, een woord. Hier staat een lijst of "
        "groep. Controleer de inspringing en de streepjes.",
    ),
    Code(
        "yaml-syntax",
        "Fout in de opbouw van het bestand",
        "Op deze plek klopt de opbouw van het YAML-bestand niet. Controleer de inspringing "
        "(spaties), de dubbele punten en de aanhalingstekens op deze regel en de regel erboven.",
    ),
    Code(
        "yaml-tab",
        "Tab aan het begin van een regel",
        "YAML springt in met spaties, niet met tabs. Vervang de tab aan het begin van de regel "
        "door spaties. In VS Code kan dat met 'Convert Indentation to Spaces'.",
    ),
    # --- rules (rules/) ---
    Code(
        "0900-kosten-ontbreken",
        "Betaald nummer zonder kosten",
        "Bellen naar dit nummer kost geld, zoals bij een 0900-nummer. Ouders willen dat vooraf "
        "weten. Zet in het veld 'kosten' wat bellen kost.",
        'telefoon: "0900 1450"\nkosten: 10 cent per minuut',
    ),
    Code(
        "bereikbaarheid-ontbreekt",
        "Vermelding zonder manier om contact op te nemen",
        "Bij deze vermelding staat geen telefoon, website, chat, WhatsApp, e-mail, aanbieder of "
        "'aanmelden'. Ouders en professionals weten dan niet hoe ze de hulp vinden. Voeg minstens "
        "één manier van contact toe.",
    ),
    Code(
        "cjg-ontbreekt",
        "Gemeente zonder CJG of JGZ",
        "Bij deze gemeente staat nog geen contact van het CJG of de JGZ. Dat is voor ouders vaak "
        "het eerste aanspreekpunt. Voeg onder 'contacten:' een contact toe met 'soort: cjg' of "
        "'soort: jgz'.",
        "contacten:\n  - id: cjg-ede\n    naam: CJG Ede\n    soort: cjg",
    ),
    Code(
        "controle-verouderd",
        "Langer dan een jaar niet gecontroleerd",
        "De datum in 'gecontroleerd' is meer dan 12 maanden geleden. Gegevens veranderen, zoals "
        "telefoonnummers en openingstijden. Bel of kijk na of alles nog klopt en zet de nieuwe "
        "datum.",
    ),
    Code(
        "datum-toekomst",
        "Datum ligt in de toekomst",
        "De datum in 'gecontroleerd' ligt na vandaag. Dat kan niet: je kunt alleen iets "
        "controleren wat al gebeurd is. Zet de datum waarop je het echt hebt nagekeken.",
    ),
    Code(
        "flyer-taal-zonder-vertaling",
        "Flyertaal zonder vertaalbestand",
        "Bij flyer_talen staat een taal waarvoor nog geen vertaalbestand is. Zonder vertaling "
        "komt er geen flyer in die taal. Maak het vertaalbestand met alle teksten van de flyer, "
        "of haal de taal uit flyer_talen.",
    ),
    Code(
        "invulplek-onbekend",
        "Onbekende invulplek in een vaste tekst",
        "In een vaste tekst staat een invulplek tussen accolades die niet bestaat. Alleen de "
        "invulplekken die de melding noemt worden ingevuld. Gebruik die, zoals {gemeente}.",
    ),
    Code(
        "invulplek-ontbreekt",
        "Invulplek ontbreekt in een vaste tekst",
        "De Nederlandse tekst heeft een invulplek tussen accolades, zoals {gemeente}, maar de "
        "vertaling niet. Dan ontbreekt bijvoorbeeld de naam van de gemeente. Zet de invulplek in "
        "de vertaling.",
    ),
    Code(
        "link-http",
        "Webadres gebruikt http:// in plaats van https://",
        "Een adres met http:// is niet beveiligd, en browsers waarschuwen ouders daarvoor. Bijna "
        "alle sites werken ook met https://. Verander het begin van het adres in https://.",
        "website: https://www.cjgede.nl",
    ),
    Code(
        "link-poort",
        "Webadres met een poortnummer",
        "Het webadres heeft een poortnummer, zoals :8080. Dat is ongewoon voor een openbare "
        "site. Controleer of het adres klopt, en haal het poortnummer weg als het niet nodig is.",
    ),
    Code(
        "nooit-gecontroleerd",
        "Vermelding is nog nooit gecontroleerd",
        "Bij deze vermelding staat geen datum in 'gecontroleerd'. Zo weet niemand of de gegevens "
        "kloppen. Kijk de gegevens na en zet de datum van die controle.",
        "gecontroleerd: 2025-03-01",
    ),
    Code(
        "openingstijden-dag-en-nacht",
        "Dag en nacht, en toch openingstijden",
        "Bij deze vermelding staat 'dag_en_nacht: ja' en ook 'openingstijden'. Dat spreekt "
        "elkaar tegen: ouders zien 'dag en nacht' en daarnaast tijden. Kijk in de bron wat klopt. "
        "Is de hulp altijd bereikbaar, haal dan 'openingstijden' weg; zijn er vaste tijden, zet "
        "dan 'dag_en_nacht: nee' of haal het weg.",
    ),
    Code(
        "openingstijden-overlap",
        "Twee tijden overlappen elkaar",
        "Onder 'openingstijden' staan voor dezelfde dag twee tijden die over elkaar heen vallen, "
        "of een dag staat twee keer in één 'dagen'. Op de site worden het dan twee regels die "
        "elkaar tegenspreken. Voeg de tijden samen tot één, of verbeter de dagen.",
    ),
    Code(
        "organisatie-onbekend",
        "Organisatie bestaat niet",
        "Het veld verwijst naar de id van een organisatie die niet bestaat, of die hier is "
        "uitgesloten. Misschien is het een tikfout. Gebruik de id van een organisatie die wel "
        "bestaat; de melding stelt er vaak een voor.",
    ),
    Code(
        "regio-zonder-gemeenten",
        "Regio zonder gemeenten",
        "Er is een bestand voor deze regio, maar geen gemeente hoort erbij. Zet bij de gemeenten "
        "van deze regio 'regio:' met de id van de regio, of haal het regiobestand weg.",
    ),
    Code(
        "site-url-ongeldig",
        "site_url in mkdocs.yml is geen adres van een site",
        "site_url is het adres waar de site staat; elke flyer drukt het af en zet het in de "
        "QR-code, met de gemeente erachter. Het moet met https:// beginnen en eindigen op '/', "
        "zonder bestandsnaam (index.html), zonder '//', '.' of '..' in het pad en zonder '?' of "
        "'#'. Schrijf het zoals het in de adresbalk staat, bijvoorbeeld "
        "https://www.example.nl/kansrijke-start/.",
    ),
    Code(
        "spoedhulp-ontbreekt",
        "Gemeente zonder spoedhulp",
        "Op elke pagina en flyer moet spoedhulp staan, zoals 112. Deze gemeente heeft geen "
        "hulplijn met 'spoed: ja'. Meestal komt die uit het landelijke bestand; kijk of die daar "
        "nog staat en niet is uitgesloten.",
    ),
    Code(
        "taal-lange-zin",
        "Zin is te lang voor taalniveau B1",
        "Op taalniveau B1 is een zin kort. Deze zin heeft meer woorden dan goed te lezen is. "
        "Maak er twee zinnen van.",
    ),
    Code(
        "taal-moeilijk-leesbaar",
        "Tekst is moeilijk te lezen",
        "De tekst scoort laag op leesbaarheid (Flesch-Douma). Dat komt door lange zinnen of "
        "lange woorden. Gebruik kortere zinnen en gewone woorden.",
    ),
    Code(
        "taal-moeilijk-woord",
        "Vaktaal of een woord dat ouders afschrikt",
        "In de tekst staat een woord dat ouders niet kennen of dat hen afschrikt. De melding "
        "geeft advies voor een beter woord. Gebruik dat, of leg het woord uit.",
    ),
    Code(
        "telefoon-prive",
        "Privénummer bij een persoon",
        "Bij een persoon staat een 06-nummer. Publiceer geen privénummers. Gebruik het nummer "
        "van het team of de organisatie, of zet 'publiceren_toegestaan: ja' als de persoon "
        "daar toestemming voor gaf.",
    ),
    Code(
        "vaste-tekst-ontbreekt",
        "Vaste tekst ontbreekt in nl.yml",
        "In nl.yml ontbreekt een vaste tekst van de flyer. Zonder die tekst kan de flyer niet "
        "worden gemaakt. Zet de tekst terug; de melding zegt waar die voor is.",
    ),
    Code(
        "vertaling-nagekeken-vorm",
        "Veld 'nagekeken' is niet goed geschreven",
        "In 'nagekeken' staat wie een vertaling heeft nagekeken en wanneer: "
        "'nagekeken: {door: <naam>, datum: <jjjj-mm-dd>}'. Dan krijgt de pagina in die taal geen "
        "melding meer dat ze met een computer is vertaald.",
    ),
    Code(
        "meldadres-ontbreekt",
        "Regio heeft geen meldadres",
        "Op elke kaart staat 'Klopt dit niet?': een melding aan de redactie van de regio. Zet onder "
        "'regio:' een 'meldadres' (e-mail) of een 'meldformulier' (adres van een formulier).",
    ),
    Code(
        "meldadres-voorbeeld",
        "Meldadres is een voorbeeldadres",
        "Het meldadres eindigt op example.org of een ander voorbeelddomein. Meldingen komen dan "
        "nergens aan. Zet het echte adres van de redactie voordat de site live gaat.",
    ),
    Code(
        "pagina-vertaling-ontbreekt",
        "Tekst van een vermelding is nog niet vertaald",
        "De ouderpagina in een andere taal toont deze tekst (zoals de omschrijving) nog in het "
        "Nederlands, gemarkeerd als Nederlands. Vertaal hem in content/vertalingen/<taal>.yml onder "
        "'vermeldingen:', met de Nederlandse tekst bij 'nl:'.",
    ),
    Code(
        "pagina-vertaling-verouderd",
        "Vertaling van een vermelding is verouderd",
        "De Nederlandse tekst is veranderd sinds hij vertaald is. De pagina toont nu de "
        "Nederlandse tekst, tot de vertaling is aangepast en de nieuwe tekst bij 'nl:' staat.",
    ),
    Code(
        "vermelding-onzeker",
        "Vermelding is nog onzeker",
        "Bij deze vermelding staat 'onzeker': iemand twijfelt of de gegevens kloppen. Een "
        "onzekere vermelding komt niet op de flyer. Controleer het en haal dan 'onzeker' weg.",
    ),
    Code(
        "vertaling-id-onbekend",
        "Vertaling voor een vermelding die niet bestaat",
        "Het vertaalbestand vertaalt een vermelding waarvan de id in geen enkele gemeente "
        "voorkomt. Misschien is de id veranderd. Pas de id in de vertaling aan, of haal de "
        "vertaling weg.",
    ),
    Code(
        "vertaling-machine",
        "Vertaling bevat machinevertalingen",
        "Een deel van de vertaling is met een computer gemaakt (machinevertaling: ja). Die kan "
        "fouten bevatten. Laat een moedertaalspreker het nakijken en zet dan 'machinevertaling: "
        "nee'.",
    ),
    Code(
        "vertaling-nl-ontbreekt",
        "nl.yml ontbreekt",
        "Voor vertaalde flyers is nl.yml nodig: daarin staan de Nederlandse teksten die vertaald "
        "worden. Zet nl.yml terug in de map met vertalingen.",
    ),
    Code(
        "vertaling-onvolledig",
        "Vertaling ontbreekt voor een deel van de flyer",
        "Voor een flyer in deze taal moet alles vertaald zijn. Voor de teksten die de melding "
        "noemt ontbreekt de vertaling. Vul ze aan in het vertaalbestand.",
    ),
    Code(
        "vertaling-verouderd",
        "Nederlandse tekst veranderd sinds de vertaling",
        "De Nederlandse tekst is veranderd nadat de vertaling werd gemaakt. De vertaling klopt "
        "dan misschien niet meer. Pas de vertaling aan en zet de nieuwe Nederlandse tekst bij "
        "'nl'.",
    ),
    Code(
        "voorbeelddata-gebruikt",
        "Bestand bevat verzonnen voorbeelddata",
        "Dit bestand is gemarkeerd als voorbeelddata: de gegevens zijn verzonnen. Pagina's en "
        "flyers krijgen daarom een melding. Publiceer dit niet als echte hulp; vervang de "
        "gegevens en haal 'voorbeelddata' weg.",
    ),
    Code(
        "woonplaats-dubbel",
        "Woonplaats staat bij twee gemeenten",
        "Een woonplaats hoort bij één gemeente, anders weten ouders niet welke pagina voor hen "
        "is. Haal de woonplaats weg bij de gemeente waar die niet bij hoort.",
    ),
    Code(
        "woonplaatsen-ontbreken",
        "Gemeente zonder woonplaatsen",
        "Ouders zoeken vaak op de naam van hun dorp of wijk. Zet de woonplaatsen van de gemeente "
        "in het veld 'woonplaatsen'.",
        "woonplaatsen:\n  - Ede\n  - Bennekom",
    ),
    # --- site (site/), flyer (flyer/), check (check/), edit (edit/), export (export/) ---
    Code(
        "bestand-onschrijfbaar",
        "Het bestand kan niet worden opgeslagen",
        "Het programma kon het bestand niet wegschrijven, bijvoorbeeld omdat het alleen-lezen is "
        "of de schijf vol is. Het bestand is niet veranderd. Los de oorzaak op en probeer het "
        "opnieuw.",
    ),
    Code(
        "flyer-niet-gecontroleerd",
        "Niet-gecontroleerde vermelding en de flyers",
        "Een vermelding die niet gecontroleerd is of 'onzeker' heeft, komt niet op een gewone "
        "flyer; op een CONCEPT-flyer staat ze wel. Controleer de vermelding, zet de datum in "
        "'gecontroleerd' en haal 'onzeker' weg.",
    ),
    Code(
        "flyer-nummer-niet-gecontroleerd",
        "Flyer toont een nummer dat niet gecontroleerd is",
        "Op de flyer staat een nummer van een vermelding die niet gecontroleerd is. Wat niet "
        "gecontroleerd is, hoort niet op een flyer om te drukken. Is het een CONCEPT-flyer? Maak "
        "anders de flyer opnieuw met 'wegwijzer build'.",
    ),
    Code(
        "flyer-nummer-niet-op-pagina",
        "Nummer op de flyer staat niet als belknop op de pagina",
        "De flyer toont een telefoonnummer dat op de pagina van de gemeente geen belknop is. "
        "Flyer en pagina horen dezelfde nummers te tonen. Bouw de site en de flyers opnieuw.",
    ),
    Code(
        "flyer-nummer-onbekend",
        "Flyer toont een nummer dat niet in de gegevens staat",
        "Op de flyer staat een telefoonnummer dat niet (meer) in de gegevens van de gemeente "
        "staat. Misschien is de flyer oud. Maak de flyer opnieuw met 'wegwijzer build'.",
    ),
    Code(
        "flyer-pdf-onleesbaar",
        "Flyer is geen leesbare PDF",
        "Het PDF-bestand van de flyer kan niet worden gelezen. Misschien is het maken van de "
        "flyer afgebroken. Maak de flyer opnieuw met 'wegwijzer build'.",
    ),
    Code(
        "fmt-mislukt",
        "Bestand kon niet worden opgemaakt",
        "'wegwijzer fmt' kon dit bestand niet netjes opmaken. Het bestand is niet veranderd. "
        "Draai eerst 'wegwijzer validate' en los de fouten op; meld het als het daarna nog "
        "gebeurt.",
    ),
    Code(
        "hsds-ongeldig",
        "De HSDS-export klopt niet met de standaard",
        "De Wegwijzer controleert elke HSDS-export met de officiële schema's van Open Referral "
        "HSDS 3.0 voordat hij iets schrijft. Klopt de export niet, dan wordt er niets "
        "geschreven. Dit is een fout in het programma, niet in je bestanden: meld het aan de "
        "beheerders, met de genoemde problemen.",
    ),
    Code(
        "link-anker-ontbreekt",
        "Link naar een plek op een pagina die niet bestaat",
        "Een link wijst naar een plek op een pagina (na het #-teken) die daar niet bestaat. De "
        "link opent dan bovenaan de pagina. Pas de link of de kop op de pagina aan.",
    ),
    Code(
        "link-buiten-site",
        "Interne link wijst buiten de site",
        "Een link binnen de site wijst naar een plek boven de map van de site. Die pagina bestaat "
        "na publiceren niet. Pas de link aan.",
    ),
    Code(
        "link-geweigerd",
        "Website weigert de controle",
        "De website gaf geen toegang bij de controle, bijvoorbeeld omdat inloggen nodig is. De "
        "pagina kan voor ouders wel werken. Open de link zelf in een browser en kijk of hij werkt.",
    ),
    Code(
        "link-intern-kapot",
        "Interne link naar een pagina die niet bestaat",
        "Een link op de site wijst naar een pagina of bestand dat niet bestaat. Ouders krijgen "
        "dan een foutpagina. Pas de link aan of bouw de site opnieuw.",
    ),
    Code(
        "link-kapot",
        "Webadres werkt niet",
        "Bij de controle werkte het webadres niet: de pagina bestaat niet (meer), de server gaf "
        "een fout of was niet bereikbaar. De melding zegt wat er gebeurde. Zoek het nieuwe adres "
        "op en pas het aan in de gegevens.",
    ),
    Code(
        "link-niet-gecontroleerd",
        "Webadres is niet gecontroleerd",
        "De controle had niet genoeg tijd om dit webadres na te kijken. Draai 'wegwijzer check' "
        "later nog eens, of met meer tijd.",
    ),
    Code(
        "link-soort-verboden",
        "Soort link hoort niet op de site",
        "Een link met bijvoorbeeld javascript: of data: hoort niet op de site: zo'n link kan "
        "onveilig zijn. Gebruik een gewone https://-link.",
    ),
    Code(
        "link-te-druk",
        "Website was te druk voor de controle",
        "De website vroeg om minder vaak te vragen, ook na wachten. De pagina is daardoor niet "
        "gecontroleerd. Draai 'wegwijzer check' later nog eens.",
    ),
    Code(
        "link-verhuisd",
        "Webadres is verhuisd",
        "Het webadres stuurt voorgoed door naar een ander adres. Het werkt nu nog, maar de "
        "doorverwijzing kan verdwijnen. Zet het nieuwe adres uit de melding in de gegevens.",
    ),
    Code(
        "mailto-onbekend",
        "E-mailadres op de site staat niet in de gegevens",
        "Een e-maillink op de site gebruikt een adres dat niet in de gegevens staat. Misschien "
        "is de site oud. Bouw de site opnieuw, of pas de gegevens aan.",
    ),
    Code(
        "mailto-ongeldig",
        "E-maillink is niet goed",
        "Een e-maillink (mailto:) op de site heeft een adres dat niet klopt. Pas het adres aan "
        "in de gegevens en bouw de site opnieuw.",
    ),
    Code(
        "pagina-verdwenen",
        "Een pagina van de vorige site is er niet meer",
        "De nieuwe site heeft een pagina niet meer die de vorige wel had, zoals /rozendaal/. "
        "Flyers met een QR-code naar dat adres komen dan nergens uit. Kijk of een "
        "gemeentebestand is weggehaald of hernoemd; is dat de bedoeling, haal dan ook de oude "
        "flyers weg.",
    ),
    Code(
        "tel-buitenland",
        "Belknop met een buitenlands nummer",
        "Een belknop op de site belt een buitenlands nummer. Bellen kost ouders dan meer. "
        "Controleer of er een Nederlands nummer is.",
    ),
    Code(
        "tel-niet-gecontroleerd",
        "Belknop voor een vermelding die niet gecontroleerd is",
        "Een nummer van een vermelding die niet gecontroleerd is, wordt geen belknop. Op de site "
        "staat er toch een. Bouw de site opnieuw.",
    ),
    Code(
        "tel-niet-internationaal",
        "Belknop niet in internationale vorm",
        "Een belknop (tel:-link) werkt vanaf elke telefoon als het nummer met +31 begint. De "
        "melding geeft de goede vorm. Bouw de site opnieuw of pas de link aan.",
    ),
    Code(
        "tel-nummer-anders",
        "Organisatie toont hier een ander nummer",
        "Een belknop bij een organisatie belt een ander nummer dan de gegevens van die "
        "organisatie. Eén organisatie hoort overal hetzelfde nummer te tonen. Pas de gegevens "
        "aan of bouw de site opnieuw.",
    ),
    Code(
        "tel-onbekend",
        "Belknop met een nummer dat niet in de gegevens staat",
        "Een belknop op de site belt een nummer dat niet in de gegevens staat, bijvoorbeeld een "
        "oud nummer. Bouw de site opnieuw, of pas de gegevens aan.",
    ),
    Code(
        "tel-ongeldig",
        "Belknop met een ongeldig nummer",
        "Een belknop (tel:-link) op de site heeft geen nummer dat een telefoon kan bellen. "
        "Ouders die erop drukken, krijgen niemand aan de lijn. Pas het nummer aan.",
    ),
    Code(
        "tel-tekst-anders",
        "Belknop toont een ander nummer dan hij belt",
        "De tekst van de belknop toont een ander nummer dan het nummer dat gebeld wordt. Ouders "
        "bellen dan het verkeerde nummer. Maak tekst en nummer gelijk.",
    ),
    Code(
        "vertaalbestand-dubbel",
        "Dezelfde tekst staat twee keer in het vertaalde bestand",
        "In het bestand van de vertaler staat een tekst twee keer (dezelfde id). Het programma "
        "weet dan niet welke vertaling goed is. Haal er één weg en lees het bestand opnieuw in.",
    ),
    Code(
        "vertaalbestand-id-onbekend",
        "Onbekende tekst in het vertaalde bestand",
        "Elke tekst in het bestand van de vertaler heeft een id, zoals 'vast/titel', 'site/bel' "
        "of 'vermelding/oudertelefoon/bereikbaar'. Die ids maakt 'wegwijzer vertalingen export'. "
        "Deze id kent het programma niet: misschien is hij veranderd. Maak een nieuwe export en "
        "laat de vertaler de ids niet veranderen.",
    ),
    Code(
        "vertaalbestand-invulplek",
        "Invulplek ontbreekt in een vertaalde tekst",
        "In de Nederlandse tekst staat een invulplek, zoals {gemeente} of {url}. Daar zet de "
        "Wegwijzer de naam van de gemeente of het adres van de pagina. In de vertaling ontbreekt "
        "die invulplek. Zet hem in de vertaling, op de plek waar hij in die taal hoort.",
    ),
    Code(
        "vertaalbestand-onveilig",
        "Het vertaalde bestand bevat een DOCTYPE of entiteiten",
        "Het XML-bestand begint met <!DOCTYPE ...> of bevat <!ENTITY ...>. Daarmee kan een "
        "bestand andere bestanden van je computer laten lezen of het programma laten vastlopen. "
        "Daarom leest de Wegwijzer zulke bestanden niet. Een vertaalprogramma schrijft ze "
        "normaal niet. Haal dat deel weg, of vraag de vertaler om het bestand opnieuw op te "
        "slaan als XLIFF.",
    ),
    Code(
        "vertaalbestand-taal",
        "Onduidelijk in welke taal de vertaling is",
        "Het vertaalde bestand zegt niet in welke taal het is, of in een andere taal dan je met "
        "--taal opgaf, of in meer dan één taal. Geef de taal met --taal, zoals '--taal ar', of "
        "lees één taal per keer in.",
    ),
    Code(
        "vertaalbestand-vorm",
        "Het vertaalde bestand heeft niet de goede vorm",
        "Het bestand is geen XLIFF-bestand of CSV-bestand zoals 'wegwijzer vertalingen export' "
        "het maakt: er ontbreekt bijvoorbeeld een kolom of een id. Maak een nieuwe export en "
        "laat de vertaler daarin werken. Sla een CSV op als 'CSV UTF-8'.",
    ),
    Code(
        "vertaalbestand-xml-fout",
        "Het vertaalde bestand is geen geldig XML",
        "Een XLIFF-bestand is XML. Op de plek uit de melding klopt de opbouw niet, bijvoorbeeld "
        "een tag die niet is afgesloten of een & of < in een tekst. Open het bestand in het "
        "vertaalprogramma en sla het opnieuw op, of vraag de vertaler om een nieuw bestand.",
    ),
    Code(
        "whatsapp-onbekend",
        "WhatsApp-link met een nummer dat niet in de gegevens staat",
        "Een WhatsApp-link op de site gebruikt een nummer dat niet in de gegevens staat. Bouw de "
        "site opnieuw, of pas de gegevens aan.",
    ),
    Code(
        "whatsapp-ongeldig",
        "WhatsApp-link met een ongeldig nummer",
        "Een WhatsApp-link (wa.me) op de site heeft geen geldig telefoonnummer. Pas het nummer "
        "aan in de gegevens en bouw de site opnieuw.",
    ),
    # --- fmt ---
    Code(
        "fmt-tussendoor-gewijzigd",
        "Bestand veranderde terwijl 'wegwijzer fmt' liep",
        "Iemand heeft het bestand opgeslagen, vervangen of weggehaald nadat 'wegwijzer fmt' het "
        "had gelezen. fmt heeft het daarom niet opgemaakt: zo blijft die wijziging staan. Sla je "
        "werk op en draai 'wegwijzer fmt' nog een keer.",
    ),
)

CODES: dict[str, Code] = {code.naam: code for code in _CATALOGUS}


def zoek(naam: str) -> Code | None:
    """The catalogue entry for `naam`, or None."""
    return CODES.get(naam.strip().lower())


def nearest(naam: str, n: int = 3) -> list[str]:
    """The codes most like `naam` (for a typo in `--uitleg`)."""
    import difflib

    return difflib.get_close_matches(naam.strip().lower(), list(CODES), n=n, cutoff=0.5)


def uitleg_tekst(code: Code) -> str:
    """The entry as `wegwijzer validate --uitleg CODE` prints it."""
    text = f"{code.naam}: {code.titel}\n\n{code.uitleg}\n"
    if code.voorbeeld:
        lines = code.voorbeeld.splitlines()
        text += "\nVoorbeeld:\n\n" + "".join(f"    {line}\n" for line in lines)
    return text


def overzicht_tekst() -> str:
    """All codes with their titel, one a line, sorted."""
    width = max(len(naam) for naam in CODES)
    return "".join(f"{naam:<{width}}  {CODES[naam].titel}\n" for naam in sorted(CODES))


def markdown() -> str:
    """The reference of all codes for the editors' handleiding (handleiding/meldingen.md)."""
    parts = [
        "# Meldingen van de wegwijzer\n\n",
        "<!-- Gemaakt met `wegwijzer schema --meldingen --out handleiding/meldingen.md`; "
        "niet met de hand bewerken. -->\n\n",
        "Elke melding van `wegwijzer validate`, `check`, `fmt` en `build` eindigt op een code "
        "tussen vierkante haken, zoals `[yaml-tab]`. Hieronder staat per code wat er mis is en "
        "hoe je het oplost. Op de opdrachtregel kan dat ook: `wegwijzer validate --uitleg "
        "yaml-tab`.\n\n",
        "| Code | Betekenis |\n|---|---|\n",
    ]
    parts += [f"| [`{naam}`](#{naam}) | {CODES[naam].titel} |\n" for naam in sorted(CODES)]
    for naam in sorted(CODES):
        code = CODES[naam]
        parts.append(f"\n## {naam}\n\n**{code.titel}**\n\n{code.uitleg}\n")
        if code.voorbeeld:
            parts.append(f"\n```yaml\n{code.voorbeeld}\n```\n")
    return "".join(parts)
