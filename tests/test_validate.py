"""Each validation rule, with the file, line and text of its message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import line_of, write

GEMEENTE = """
gemeente:
  naam: Beta
  regio: testregio
  woonplaatsen: [Beta]
contacten:
  - id: jgz-beta
    naam: JGZ Beta
    soort: jgz
    website: https://www.example.nl/jgz
    bron: Testbron
    gecontroleerd: 2026-06-01
"""

HULPLIJN = """
hulplijnen:
  - id: eigen-lijn
    naam: Eigen lijn
    omschrijving: Bel ons.
    fasen: [zwanger]
    themas: [psychisch]
    bron: Testbron
    gecontroleerd: 2026-06-01
"""


def beta(root: Path, extra: str) -> Path:
    """gemeenten/beta.yml with `extra` lines set in the entry of HULPLIJN (replacing its keys)."""
    lines = extra.strip("\n").splitlines()
    keys = {line.split(":")[0] for line in lines}
    base = [l for l in HULPLIJN.lstrip("\n").splitlines() if l.strip().split(":")[0] not in keys]
    text = "\n".join(base) + "\n" + "".join(f"    {line}\n" for line in lines)
    return write(root / "gemeenten" / "beta.yml", GEMEENTE + text)


def problem(
    result, path: Path, needle: str, severity: str = "fout", code: str | None = None
) -> str:
    """The text of the one message for the line of `path` holding `needle` (without its
    `[code]`; when `code` is given, the message must carry that code)."""
    line = line_of(path, needle)
    prefix = f"gemeenten/{path.name}:{line}:"
    found = [l for l in result.lines if l.startswith(prefix) and f": {severity}: " in l]
    assert len(found) == 1, (prefix, result.out)
    text = found[0].split(f": {severity}: ", 1)[1]
    match = re.fullmatch(r"(.*) \[([a-z0-9-]+)\]", text)
    assert match, text
    if code is not None:
        assert match[2] == code, text
    return match[1]


def test_shipped_fixture_is_clean(in_mini: Path, cli) -> None:
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert result.out == ""
    assert result.err.strip() == "0 fouten, 0 waarschuwingen in 4 bestanden"


def test_unknown_key_suggests_the_closest(in_mini: Path, cli) -> None:
    path = beta(in_mini, 'telefon: "0800 0450"')
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, "telefon:", code="veld-onbekend") == "onbekend veld 'telefon' (bedoel je 'telefoon'?)"


def test_unknown_key_in_gemeente_block(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE.replace("woonplaatsen:", "woonplaats:"))
    result = cli("validate", "--root", ".")
    assert problem(result, path, "woonplaats:") == "onbekend veld 'woonplaats' (bedoel je 'woonplaatsen'?)"


def test_missing_required_field_of_a_new_entry(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE + HULPLIJN.replace("    bron: Testbron\n", "", 1))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, "id: eigen-lijn", code="vermelding-onvolledig") == "hulplijn 'eigen-lijn': verplicht veld 'bron' ontbreekt"


def test_missing_gemeente_block_fields(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", "gemeente:\n  naam: Beta\n")
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, "gemeente:", code="veld-verplicht") == "verplicht veld 'regio' ontbreekt"


def test_unknown_regio(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE.replace("regio: testregio", "regio: tesregio"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, "regio: tesregio") == (
        "veld 'regio': onbekende regio 'tesregio' (bedoel je 'testregio'?); bekende regio's: testregio"
    )


@pytest.mark.parametrize(
    ("extra", "needle", "message"),
    [
        ("fasen: [zwangr]", None, "veld 'fasen': 'zwangr' is geen geldige fase (bedoel je 'zwanger'?); "
         "kies uit: voor-zwangerschap, zwanger, na-geboorte"),
        ("themas: [gelt]", None, "veld 'themas': 'gelt' is geen geldige thema (bedoel je 'geld'?)"),
        ("anoniem: misschien", None, "veld 'anoniem': 'misschien' is geen ja of nee; schrijf ja of nee"),
        ("gecontroleerd: 1-6-2026", None, "veld 'gecontroleerd': '1-6-2026' is geen datum; schrijf JJJJ-MM-DD"),
        ("gecontroleerd: 2026-02-30", None, "veld 'gecontroleerd': '2026-02-30' is geen bestaande datum"),
        ("naam: [a, b]", None, "veld 'naam': verwacht tekst, maar hier staat een lijst"),
        ("fasen: zwanger", None, "veld 'fasen' moet een lijst zijn"),
        ("talen: [arabisch]", None, "veld 'talen': 'arabisch' is geen taalcode; gebruik de code van twee "
         "letters, zoals nl, en, ar, tr (bedoel je 'ar'?)"),
        ("website: www.example.nl", None, "veld 'website': 'www.example.nl' mist 'https://' aan het "
         "begin (bedoel je 'https://www.example.nl'?)"),
        ("website: javascript:alert(1)", None, "veld 'website': 'javascript:'-adressen zijn niet toegestaan"),
        ("website: data:text/html;base64,PHNjcmlwdD4=", None, "veld 'website': 'data:'-adressen zijn niet "
         "toegestaan"),
        ("website: https://user:pw@example.nl", None, "veld 'website': 'https://user:pw@example.nl' bevat "
         "een gebruikersnaam of wachtwoord"),
        ("website: https://example..nl", None, "veld 'website': 'example..nl' is geen geldige domeinnaam"),
        ("chat: https://exa_mple.nl/chat", None, "veld 'chat': 'exa_mple.nl' is geen geldige domeinnaam"),
        ("email: info@example", None, "veld 'email': 'info@example' is geen geldig e-mailadres"),
        ("telefoon: 06 1234567", None, "veld 'telefoon': '06 1234567' heeft 9 cijfers; een Nederlands "
         "nummer heeft er 10 (zoals 085 130 46 58)"),
        ("telefoon: 0612345678\n" "telefoon: 0612345679", "0612345679", None),
    ],
)
def test_field_errors(in_mini: Path, cli, extra: str, needle: str | None, message: str | None) -> None:
    path = beta(in_mini, extra)
    result = cli("validate", "--root", ".")
    assert result.code == 1
    text = problem(result, path, needle or extra.split("\n")[-1])
    if message is None:  # duplicate key
        assert text.startswith("veld 'telefoon' staat twee keer in dezelfde groep")
    else:
        assert text.startswith(message), text


def test_unquoted_mobile_number_is_read_as_written(in_mini: Path) -> None:
    from wegwijzer.rules.validate import validate

    beta(in_mini, "whatsapp: 0612345678\nanoniem: ja\nspoed: nee")
    result = validate(Path("."))
    entry = {e.item.id: e.item for e in result.gemeenten["beta"].hulplijnen}["eigen-lijn"]
    assert entry.whatsapp.tel == "+31612345678"
    assert entry.anoniem is True and entry.spoed is False


def test_0900_number_without_kosten_is_a_warning(in_mini: Path, cli) -> None:
    path = beta(in_mini, 'telefoon: "0900 1450"')
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert problem(result, path, "0900 1450", "waarschuwing") == (
        "veld 'telefoon': 0900 1450 is een betaald nummer; zet in 'kosten' wat bellen kost"
    )
    beta(in_mini, 'telefoon: "0900 1450"\nkosten: 10 cent per minuut')
    assert "betaald nummer" not in cli("validate", "--root", ".").out


def test_kosten_from_another_layer_counts(in_mini: Path, cli) -> None:
    regio = in_mini / "content" / "regio" / "testregio.yml"
    regio.write_text(regio.read_text().replace('telefoon: "0800 0450"', 'telefoon: "0900 1450"\n    kosten: Normaal belgeld'))
    assert "betaald nummer" not in cli("validate", "--root", ".").out


CONTACT = """
  - id: wijkteam-beta
    naam: Wijkteam Beta
    soort: sociaal-team
    persoon: Jan Jansen
    telefoon: "06 12345678"
    bron: Testbron
    gecontroleerd: 2026-06-01
"""


def test_mobile_number_of_a_named_person_is_an_error(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE + CONTACT.lstrip("\n"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, '"06 12345678"').startswith(
        "veld 'telefoon': 06-nummer bij een persoon (Jan Jansen); publiceer geen privénummers"
    )


def test_mobile_number_of_a_person_who_agreed_is_allowed(in_mini: Path, cli) -> None:
    write(in_mini / "gemeenten" / "beta.yml", GEMEENTE + CONTACT.lstrip("\n") + "    publiceren_toegestaan: ja\n")
    assert cli("validate", "--root", ".").code == 0


def test_mobile_number_of_a_team_is_allowed(in_mini: Path, cli) -> None:
    write(in_mini / "gemeenten" / "beta.yml", GEMEENTE + CONTACT.replace("    persoon: Jan Jansen\n", "").lstrip("\n"))
    assert cli("validate", "--root", ".").code == 0


def test_plain_http_is_a_warning(in_mini: Path, cli) -> None:
    path = beta(in_mini, "website: http://www.example.nl")
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert problem(result, path, "http://www.example.nl", "waarschuwing") == (
        "'http://www.example.nl' gebruikt http://; gebruik https:// (bedoel je 'https://www.example.nl'?)"
    )


def test_gecontroleerd_in_the_future_is_an_error(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE.replace("2026-06-01", "2026-12-01"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, "2026-12-01") == "veld 'gecontroleerd': 2026-12-01 ligt in de toekomst"


def test_gecontroleerd_older_than_12_months_is_a_warning(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE.replace("2026-06-01", "2025-11-01"))
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert problem(result, path, "2025-11-01", "waarschuwing").startswith(
        "veld 'gecontroleerd': contact 'jgz-beta' is meer dan 12 maanden niet gecontroleerd"
    )


def test_missing_gecontroleerd_is_a_warning(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE.replace("    gecontroleerd: 2026-06-01\n", ""))
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert problem(result, path, "id: jgz-beta", "waarschuwing").startswith(
        "contact 'jgz-beta' is nog nooit gecontroleerd"
    )


def test_unknown_aanbieder_is_an_error_with_a_suggestion(in_mini: Path, cli) -> None:
    path = beta(in_mini, "aanbieder: ggd-tets")
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, "ggd-tets") == (
        "veld 'aanbieder': organisatie 'ggd-tets' bestaat niet (of is hier uitgesloten) "
        "(bedoel je 'ggd-test'?)"
    )


def test_onzeker_is_a_warning_until_someone_checks(in_mini: Path, cli) -> None:
    path = beta(in_mini, 'telefoon: "1400"\nonzeker: Nummer uit een slechte scan')
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert problem(result, path, "onzeker:", "waarschuwing").startswith(
        "hulplijn 'eigen-lijn' is nog onzeker: Nummer uit een slechte scan"
    )


def test_missing_cjg_contact_is_a_warning(in_mini: Path, cli) -> None:
    path = write(in_mini / "gemeenten" / "beta.yml", GEMEENTE.split("contacten:")[0])
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert problem(result, path, "gemeente:", "waarschuwing").startswith(
        "gemeente Beta heeft nog geen contact van het CJG of de JGZ"
    )


def test_a_gemeente_without_spoedhulp_is_an_error(in_mini: Path, cli) -> None:
    landelijk = in_mini / "content" / "landelijk.yml"
    landelijk.write_text(landelijk.read_text().replace("spoed: ja", "spoed: nee"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert "gemeenten/beta.yml:1:1: fout: gemeente Beta heeft geen spoedhulp" in result.out


def test_all_problems_in_one_run(in_mini: Path, cli) -> None:
    beta(in_mini, 'telefon: "1"\nanoniem: soms\nfasen: [zwangr]\nwebsite: ftp://x.nl')
    result = cli("validate", "--root", ".")
    errors = [l for l in result.lines if l.startswith("gemeenten/beta.yml") and ": fout: " in l]
    assert len(errors) == 4
    assert result.err.startswith("4 fouten")


def test_empty_value_is_a_warning_and_does_not_count(in_mini: Path, cli) -> None:
    path = beta(in_mini, "email:")
    result = cli("validate", "--root", ".")
    assert result.code == 0
    assert problem(result, path, "email:", "waarschuwing") == (
        "veld 'email' is leeg en telt niet mee; vul het in of haal het weg"
    )


def test_bad_file_name(in_mini: Path, cli) -> None:
    write(in_mini / "gemeenten" / "Den Haag.yml", GEMEENTE)
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert "gemeenten/Den Haag.yml: fout: bestandsnaam 'Den Haag.yml' is geen geldige gemeente-id" in result.out


def test_help_nobody_can_reach_is_a_warning(in_mini: Path, cli) -> None:
    path = beta(in_mini, "naam: Eigen lijn")  # HULPLIJN has no phone, site, chat or provider
    result = cli("validate", "--root", ".")
    assert problem(result, path, "id: eigen-lijn", "waarschuwing").startswith(
        "hulplijn 'eigen-lijn' heeft geen telefoon, website, chat, WhatsApp, e-mail, aanbieder of 'aanmelden'"
    )
    beta(in_mini, "aanbieder: ggd-test")
    assert "heeft geen telefoon" not in cli("validate", "--root", ".").out


def test_entries_no_gemeente_shows_are_still_checked(in_mini: Path, cli) -> None:
    regio = write(
        in_mini / "content" / "regio" / "leeg.yml",
        """
        regio:
          naam: Lege regio
        hulplijnen:
          - id: nergens
            naam: Nergens
            omschrijving: Niemand ziet dit.
            telefoon: "0900 1450"
            fasen: [zwanger]
            themas: [psychisch]
            bron: Testbron
            gecontroleerd: 2027-01-01
        """,
    )
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert f"content/regio/leeg.yml:{line_of(regio, '2027-01-01')}:20: fout: veld 'gecontroleerd': 2027-01-01 ligt in de toekomst [datum-toekomst]" in result.lines
    assert any("betaald nummer" in l and l.startswith("content/regio/leeg.yml") for l in result.lines)
    assert any("regio 'leeg' heeft nog geen gemeenten" in l for l in result.lines)


def test_a_wrong_date_is_reported_once(in_mini: Path, cli) -> None:
    path = beta(in_mini, "gecontroleerd: 2024-13-01")
    result = cli("validate", "--root", ".")
    assert problem(result, path, "2024-13-01").startswith("veld 'gecontroleerd': '2024-13-01' is geen bestaande datum")
    assert "nooit gecontroleerd" not in result.out


@pytest.mark.parametrize(
    ("extra", "needle", "severity", "code"),
    [
        ('telefoon: "06 1234567"', "06 1234567", "fout", "telefoon-ongeldig"),
        ("website: www.example.nl", "website: www", "fout", "link-ongeldig"),
        ("email: mailto:info@example.nl", "mailto:", "fout", "email-ongeldig"),
        ("gecontroleerd: 01-03-2026", "01-03-2026", "fout", "datum-ongeldig"),
        ("fasen: [zwangr]", "zwangr", "fout", "keuze-ongeldig"),
        ("spoed: misschien", "misschien", "fout", "ja-nee-ongeldig"),
        ('telefoon: "0900 1450"', "0900 1450", "waarschuwing", "0900-kosten-ontbreken"),
        ("gecontroleerd: 2026-12-01", "2026-12-01", "fout", "datum-toekomst"),
        ("website: http://www.example.nl", "http://", "waarschuwing", "link-http"),
    ],
)
def test_each_rule_reports_its_own_code(
    in_mini: Path, cli, extra: str, needle: str, severity: str, code: str
) -> None:
    """The code of a value's message names the rule, also through pydantic's validators."""
    path = beta(in_mini, extra)
    result = cli("validate", "--root", ".")
    problem(result, path, needle, severity, code=code)
