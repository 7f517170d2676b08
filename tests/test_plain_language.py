"""Plain-language warnings (B1) on parent-facing texts: file, line and text of each warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import line_of, write

from wegwijzer.rules import plain_language
from wegwijzer.diagnostics import Meldingen, Plek
from wegwijzer.rules.validate import validate

LONG = (
    "Als je zwanger bent en je maakt je zorgen over hoe het straks moet met je baby en met "
    "je werk, dan kun je hier altijd terecht voor een gesprek."
)
HARD = (
    "Gespecialiseerde jeugdgezondheidszorgverpleegkundigen organiseren psychosomatische "
    "ondersteuningsmogelijkheden. Individuele begeleidingstrajecten worden geïntegreerd aangeboden."
)


def regio_with(interventie: str) -> str:
    return f"""
regio:
  naam: Testregio
  ggd: ggd-test
interventies:
{interventie}
  - id: oudergroep
    naam: Oudergroep
    omschrijving: Ontmoet andere ouders.
    fasen: [na-geboorte]
    themas: [ontmoeten]
    website: https://www.example.nl/groep
    bron: Testbron
    gecontroleerd: 2026-06-01
"""


def warnings_for(root: Path, path: Path) -> list[tuple[int, str]]:
    result = validate(root)
    return [
        (m.plek.line, m.tekst)
        for m in result.meldingen.waarschuwingen
        if m.plek.path.resolve() == path.resolve() and m.tekst.startswith("veld '")
        and any(key in m.tekst for key in ("woorden", "Flesch", "vaktaal", "afschrikt"))
    ]


def test_long_sentence_is_reported_at_its_line(mini: Path) -> None:
    path = write(
        mini / "content/regio/testregio.yml",
        regio_with(
            f"""  - id: huisbezoek
    naam: Huisbezoek
    omschrijving: "Iemand komt bij je thuis. {LONG}"
    fasen: [zwanger]
    themas: [zwangerschap]
    telefoon: "0800 0450"
    bron: Testbron
    gecontroleerd: 2026-06-01"""
        ),
    )
    found = warnings_for(mini, path)
    line = line_of(path, "Iemand komt bij je thuis.")
    words = len(plain_language.words(LONG))
    assert words > plain_language.MAX_WORDS
    assert (line, (f"veld 'omschrijving': zin van {words} woorden (B1: hooguit 20): "
            "\"Als je zwanger bent en je maakt je ...\"; maak er twee zinnen van")) in found
    # the short first sentence is not reported
    assert all("Iemand komt" not in text for _, text in found)


def test_jargon_and_feared_words(mini: Path) -> None:
    path = write(
        mini / "content/regio/testregio.yml",
        regio_with(
            """  - id: huisbezoek
    naam: Huisbezoek voor kwetsbare zwangeren
    omschrijving: Een interventie voor ouders met een indicatie.
    doelgroep: Multidisciplinaire casus
    fasen: [zwanger]
    themas: [zwangerschap]
    telefoon: "0800 0450"
    bron: Testbron
    gecontroleerd: 2026-06-01"""
        ),
    )
    found = warnings_for(mini, path)
    naam = line_of(path, "naam: Huisbezoek voor")
    omschrijving = line_of(path, "omschrijving: Een interventie")
    doelgroep = line_of(path, "doelgroep: Multidisciplinaire")
    assert (naam, ("veld 'naam': 'kwetsbare' is een woord dat ouders afschrikt; ouders voelen "
            "zich er door gelabeld; schrijf wat de hulp doet")) in found
    assert (omschrijving, "veld 'omschrijving': 'interventie' is vaktaal; schrijf liever 'hulp'") in found
    assert (omschrijving, ("veld 'omschrijving': 'indicatie' is vaktaal; schrijf liever "
            "'verwijzing' of 'toestemming'")) in found
    assert (doelgroep, ("veld 'doelgroep': 'Multidisciplinaire' is vaktaal; schrijf liever "
            "'met hulpverleners samen'")) in found
    assert (doelgroep, "veld 'doelgroep': 'casus' is vaktaal; schrijf liever 'situatie'") in found


def test_low_flesch_douma_score(mini: Path) -> None:
    path = write(
        mini / "content/regio/testregio.yml",
        regio_with(
            f"""  - id: huisbezoek
    naam: Huisbezoek
    omschrijving: "{HARD}"
    fasen: [zwanger]
    themas: [zwangerschap]
    telefoon: "0800 0450"
    bron: Testbron
    gecontroleerd: 2026-06-01"""
        ),
    )
    score = plain_language.flesch_douma(HARD)
    assert score < plain_language.MIN_FLESCH_DOUMA
    found = warnings_for(mini, path)
    line = line_of(path, "omschrijving: \"Gespecialiseerde")
    assert (line, (f"veld 'omschrijving': moeilijk te lezen (Flesch-Douma {score:.0f}, B1 is 60 "
            "of hoger); gebruik kortere zinnen en kortere woorden")) in found


def test_plain_texts_give_no_warning_and_never_an_error(mini: Path) -> None:
    result = validate(mini)
    texts = [m.tekst for m in result.meldingen]
    assert not any(word in t for t in texts for word in ("Flesch", "vaktaal", "afschrikt", "woorden"))
    path = write(
        mini / "content/regio/testregio.yml",
        regio_with(
            f"""  - id: huisbezoek
    naam: Huisbezoek
    omschrijving: "{HARD} {LONG} Een interventie."
    fasen: [zwanger]
    themas: [zwangerschap]
    telefoon: "0800 0450"
    bron: Testbron
    gecontroleerd: 2026-06-01"""
        ),
    )
    result = validate(mini)
    assert warnings_for(mini, path)
    assert not result.meldingen.has_errors


def test_inherited_text_is_reported_once_at_the_place_it_is_written(mini: Path) -> None:
    # alfa and beta both inherit the regional text: one warning, at the regional file
    path = write(
        mini / "content/regio/testregio.yml",
        regio_with(
            """  - id: huisbezoek
    naam: Huisbezoek
    omschrijving: Een casus voor het consultatiebureau.
    fasen: [zwanger]
    themas: [zwangerschap]
    telefoon: "0800 0450"
    bron: Testbron
    gecontroleerd: 2026-06-01"""
        ),
    )
    result = validate(mini)
    casus = [m for m in result.meldingen if "'casus'" in m.tekst]
    assert len(casus) == 1
    assert casus[0].plek.path.resolve() == path.resolve()


def test_professional_fields_are_not_checked(mini: Path) -> None:
    path = write(
        mini / "content/regio/testregio.yml",
        regio_with(
            """  - id: huisbezoek
    naam: Huisbezoek
    omschrijving: Iemand komt bij je thuis.
    aanmelden: Met een indicatie na een multidisciplinair overleg over de casus.
    bijzonderheden: Interventie voor kwetsbare zwangeren.
    fasen: [zwanger]
    themas: [zwangerschap]
    telefoon: "0800 0450"
    bron: Testbron
    gecontroleerd: 2026-06-01"""
        ),
    )
    assert warnings_for(mini, path) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bel ons. Of chat!", ["Bel ons.", "Of chat!"]),
        ("Open van 9.00 tot 17.00 uur. Daarna niet.", ["Open van 9.00 tot 17.00 uur.", "Daarna niet."]),
        ("Eerste alinea\n\nTweede alinea", ["Eerste alinea", "Tweede alinea"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert plain_language.sentences(text) == expected


def test_word_start_matching_leaves_compounds_alone() -> None:
    # "Zelfmoordpreventie" is a name; only words that start with the stem count
    assert plain_language.jargon_in("113 Zelfmoordpreventie helpt") == []
    found = plain_language.jargon_in("Preventie en kwetsbaarheid")
    assert [word for word, _ in found] == ["Preventie", "kwetsbaarheid"]


def test_check_text_reports_at_the_given_place() -> None:
    meldingen = Meldingen()
    plek = Plek(Path("gemeenten/x.yml"), 7, 19)
    plain_language.check_text("Een casus.", "omschrijving", plek, meldingen, full=True)
    assert [m.format() for m in meldingen] == [
        ("gemeenten/x.yml:7:19: waarschuwing: veld 'omschrijving': 'casus' is vaktaal; "
        "schrijf liever 'situatie' [taal-moeilijk-woord]")
    ]
