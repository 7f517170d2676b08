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


_CATALOGUS: tuple[Code, ...] = (
    # --- read side: files and YAML (read/) ---
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
        "telefoon-ongeldig",
        "Geen geldig telefoonnummer",
        "Het nummer bestaat niet in Nederland: het heeft te veel of te weinig cijfers, of het is "
        "geen bekend kort nummer. Controleer het nummer bij de bron en schrijf het zoals op de "
        "website van de organisatie, bijvoorbeeld \"085 130 46 58\".",
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
    # --- rules (rules/) ---
    Code(
        "site-url-ongeldig",
        "site_url in mkdocs.yml is geen adres van een site",
        "site_url is het adres waar de site staat; elke flyer drukt het af en zet het in de "
        "QR-code, met de gemeente erachter. Het moet met https:// beginnen en eindigen op '/', "
        "zonder bestandsnaam (index.html), zonder '//', '.' of '..' in het pad en zonder '?' of "
        "'#'. Schrijf het zoals het in de adresbalk staat, bijvoorbeeld "
        "https://www.example.nl/kansrijke-start/.",
    ),
    # --- site (site/), flyer (flyer/), check (check/), edit (edit/), export (export/) ---
    Code(
        "pagina-verdwenen",
        "Een pagina van de vorige site is er niet meer",
        "De nieuwe site heeft een pagina niet meer die de vorige wel had, zoals /rozendaal/. "
        "Flyers met een QR-code naar dat adres komen dan nergens uit. Kijk of een "
        "gemeentebestand is weggehaald of hernoemd; is dat de bedoeling, haal dan ook de oude "
        "flyers weg.",
    ),
    Code(
        "hsds-ongeldig",
        "De HSDS-export klopt niet met de standaard",
        "De Wegwijzer controleert elke HSDS-export met de officiële schema's van Open Referral "
        "HSDS 3.0 voordat hij iets schrijft. Klopt de export niet, dan wordt er niets "
        "geschreven. Dit is een fout in het programma, niet in je bestanden: meld het aan de "
        "beheerders, met de genoemde problemen.",
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
