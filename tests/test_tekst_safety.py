"""Text an editor copied from an e-mail, a website or a PDF: one phone field holds one number,
and invisible or control characters never reach a page, a flyer or the terminal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, line_of, write

from wegwijzer import tekens
from wegwijzer.check.numbers import find_numbers
from wegwijzer.diagnostics import Meldingen
from wegwijzer.read import phones
from wegwijzer.read.load import parse, plain
from wegwijzer.site.build import build_site

from test_validate import beta, problem


# --- one number per phone field ------------------------------------------------------------


@pytest.mark.parametrize(
    "written, first, second",
    [
        ("0800 0113 / 113", "0800 0113", "113"),
        ("0800 2000/112", "0800 2000", "112"),
        ("0900 8844 / 112", "0900 8844", "112"),
        ("0800 0113 of 113", "0800 0113", "113"),
        ("088 123 45 67, 06 12345678", "088 123 45 67", "06 12345678"),
        ("026 123 45 67; 0800 2000", "026 123 45 67", "0800 2000"),
        ("0800 2000 - 112", "0800 2000", "112"),
        ("0900 8844 (112)", "0900 8844", "112"),
    ],
)
def test_two_numbers_in_one_field_are_refused(written: str, first: str, second: str) -> None:
    with pytest.raises(phones.TelefoonFout) as caught:
        phones.parse(written)
    assert caught.value.code == "telefoon-twee-nummers"
    assert f"twee nummers ({first} en {second})" in str(caught.value)
    assert "extra_telefoon" in str(caught.value)  # where the second number goes


@pytest.mark.parametrize(
    "written, tel",
    [
        ("026/123 45 67", "+31261234567"),  # a slash after the area code: one number
        ("(026) 123 45 67", "+31261234567"),
        ("+31 (0)26 123 45 67", "+31261234567"),
        ("06-12345678", "+31612345678"),
        ("0800 2000", "+318002000"),
        ("14 026", "14026"),
    ],
)
def test_one_number_as_written_still_reads(written: str, tel: str) -> None:
    assert phones.parse(written).tel == tel


def test_words_in_a_phone_field_say_where_they_belong() -> None:
    with pytest.raises(phones.TelefoonFout) as caught:
        phones.parse("0800 2000 kies 1")
    assert caught.value.code == "telefoon-vreemd-teken"
    assert "bevat tekst" in str(caught.value) and "bereikbaar" in str(caught.value)


def test_a_non_breaking_space_in_a_number_is_named_not_shown() -> None:
    with pytest.raises(phones.TelefoonFout) as caught:
        phones.parse("085\u00a0130 46 58")
    message = str(caught.value)
    assert "harde spatie (U+00A0)" in message
    assert "085<U+00A0>130" in message and "\u00a0" not in message


def test_validate_names_two_numbers_at_file_and_line(in_mini: Path, cli) -> None:
    path = beta(in_mini, 'telefoon: "0800 0113 / 113"')
    result = cli("validate", "--root", ".")
    assert result.code == 1
    message = problem(result, path, "telefoon:", code="telefoon-twee-nummers")
    assert message.startswith("veld 'telefoon': '0800 0113 / 113' bevat twee nummers")


def test_two_numbers_in_page_text_are_read_as_two() -> None:
    # check --site reads the numbers of a page with the same parser: never one joined number
    found = [f.telefoon.tel for f in find_numbers("Bel 0800 0113 / 113 of 0900 8844 / 112.")]
    assert found == ["+318000113", "113", "+319008844", "112"]


# --- invisible and control characters ------------------------------------------------------


def load(text: str | bytes) -> tuple[object, list[str]]:
    meldingen = Meldingen()
    data = text.encode() if isinstance(text, str) else text
    document = parse(Path("t.yml"), data, meldingen)
    return (plain(document.tree) if document else None), [m.format() for m in meldingen]


def test_a_direction_override_is_named_at_its_column_and_removed() -> None:
    data, problems = load("a: x\nomschrijving: Bel 0612345678 \u202enu\n")
    assert data == {"a": "x", "omschrijving": "Bel 0612345678 nu"}
    assert len(problems) == 1
    assert problems[0].startswith("t.yml:2:30: fout: onzichtbaar stuurteken ")
    assert "rechts-naar-links-overschrijving (U+202E)" in problems[0]
    assert problems[0].endswith("[teken-stuurteken]")


def test_every_bidi_control_is_an_error() -> None:
    for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        data, problems = load(f"naam: a{char}b\n")
        assert data == {"naam": "ab"}
        assert [p.split(": ")[1] for p in problems] == ["fout"], char
        assert tekens.code(char) in problems[0]


def test_invisible_format_characters_are_a_warning_and_removed() -> None:
    text = "telefoon: 0800\u200b2000\nnaam: Zorg\u2060lijn\u00ad\nweb: \ufeffhttps://x.nl\n"
    data, problems = load(text)
    assert data == {"telefoon": "08002000", "naam": "Zorglijn", "web": "https://x.nl"}
    assert [p.split(": ")[0] for p in problems] == ["t.yml:1:15", "t.yml:2:11", "t.yml:2:16", "t.yml:3:6"]
    assert all(": waarschuwing: onzichtbaar teken " in p for p in problems)
    assert "breedteloze spatie (U+200B)" in problems[0]


def test_what_a_language_needs_is_kept() -> None:
    # Persian writes with the zero-width non-joiner; a soft hyphen inside a word is a hint
    text = "fa: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\nnl: zwanger\u00adschap\nnb: 0800\u00a02000\n"
    data, problems = load(text)
    assert problems == []
    assert data["fa"] == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert data["nl"] == "zwanger\u00adschap"


def test_escaped_control_characters_are_named_never_echoed() -> None:
    data, problems = load('naam: "Lijn\\x1b[31m rood\\a"\n')
    assert data == {"naam": "Lijn[31m rood"}
    assert len(problems) == 2
    assert any("escape (U+001B)" in p for p in problems)
    assert any("belsignaal (U+0007)" in p for p in problems)
    assert all("scherm of printer" in p for p in problems)
    assert all("\x1b" not in p and "\x07" not in p for p in problems)


def test_a_raw_control_character_in_the_file_is_named_at_its_place() -> None:
    data, problems = load("a: x\nnaam: Lijn\x1b[31m\n")
    assert data is None
    assert problems == [
        "t.yml:2:11: fout: het teken escape (U+001B) mag niet in een YAML-bestand staan; "
        "haal het weg (het komt vaak mee bij kopiëren uit een e-mail of pdf) [teken-stuurteken]"
    ]


def test_a_message_never_sends_a_control_character_to_the_terminal(in_mini: Path, cli) -> None:
    path = beta(in_mini, 'telefon\u202e: "0800 0450"')
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert "\u202e" not in result.out + result.err
    assert "<U+202E>" not in result.out  # the key was cleaned before it was named
    assert "onbekend veld 'telefon'" in result.out
    assert f"gemeenten/beta.yml:{line_of(path, 'telefon')}:" in result.out


def test_validate_reports_an_unclosed_override_in_a_woonplaats(in_mini: Path, cli) -> None:
    path = in_mini / "gemeenten" / "beta.yml"
    text = path.read_text(encoding="utf-8")
    write(path, text.replace("woonplaatsen: [Beta]", "woonplaatsen: [Be\u202eta, Gamma]"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    line = line_of(path, "woonplaatsen")
    assert f"gemeenten/beta.yml:{line}:20: fout: onzichtbaar stuurteken rechts-naar-links-" \
        "overschrijving (U+202E)" in result.out


def test_invisible_characters_never_reach_a_page(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    path = root / "gemeenten" / "aadorp.yml"
    text = path.read_text(encoding="utf-8")
    assert "Elke week koffie met andere ouders." in text
    write(path, text.replace("Elke week koffie", "Elke\u200b week\u2060 koffie\u00ad"))
    result = build_site(root, flyers=False)
    assert result.out is not None
    warnings = [m for m in result.resultaat.meldingen if m.code == "teken-onzichtbaar"]
    assert len(warnings) == 3
    pages = list(result.out.rglob("*.html"))
    assert pages
    shown = [p for p in pages if "Elke week koffie met andere ouders" in p.read_text("utf-8")]
    assert shown
    for page in pages:
        body = page.read_text(encoding="utf-8")
        assert not any(tekens.vind(body)), page
