"""Opening hours: how they are read, checked and written on the cards (the "nu open" mark
itself is tested in a browser, in test_openingstijden_browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write
from test_validate import GEMEENTE, problem

from wegwijzer.read.models import Dag, Feestdagen, Openingstijden
from wegwijzer.site import uren

HULPLIJN = """
hulplijnen:
  - id: eigen-lijn
    naam: Eigen lijn
    omschrijving: Bel ons.
    telefoon: "0800 0450"
    fasen: [zwanger]
    themas: [psychisch]
    bron: Testbron
    gecontroleerd: 2026-06-01
"""


def beta(root: Path, uren_yaml: str, extra: str = "") -> Path:
    """gemeenten/beta.yml whose hulplijn has `uren_yaml` (indented under the entry)."""
    block = "".join(f"    {line}\n" for line in uren_yaml.strip("\n").splitlines())
    more = "".join(f"    {line}\n" for line in extra.strip("\n").splitlines())
    return write(root / "gemeenten" / "beta.yml", GEMEENTE + HULPLIJN.lstrip("\n") + block + more)


WERKDAGEN = """
openingstijden:
  tijden:
    - dagen: [ma, di, wo, do, vr]
      van: "09:00"
      tot: "17:00"
  feestdagen: gesloten
  bron: https://www.example.nl/contact
"""


def test_hours_are_read(in_mini: Path, cli) -> None:
    beta(in_mini, WERKDAGEN)
    result = cli("validate", "--root", ".")
    assert result.code == 0, result.out
    assert "openingstijden" not in result.out


def test_time_that_is_no_time(in_mini: Path, cli) -> None:
    path = beta(in_mini, WERKDAGEN.replace('tot: "17:00"', 'tot: "17:75"'))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    text = problem(result, path, 'tot: "17:75"', code="tijd-ongeldig")
    assert text.startswith("veld 'tot': '17:75' is geen tijd; schrijf uren en minuten als UU:MM")


def test_unknown_day_suggests_one(in_mini: Path, cli) -> None:
    path = beta(in_mini, WERKDAGEN.replace("[ma, di, wo, do, vr]", "[ma, di, woe, do, vr]"))
    result = cli("validate", "--root", ".")
    text = problem(result, path, "[ma, di, woe", code="keuze-ongeldig")
    assert "'woe' is geen geldige dag (bedoel je 'wo'?)" in text


def test_hours_need_a_source(in_mini: Path, cli) -> None:
    path = beta(in_mini, WERKDAGEN.replace("  bron: https://www.example.nl/contact\n", ""))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert problem(result, path, "openingstijden:", code="veld-verplicht") == "verplicht veld 'bron' ontbreekt onder 'openingstijden'"


def test_window_that_is_never_open(in_mini: Path, cli) -> None:
    yaml = WERKDAGEN.replace('tot: "17:00"', 'tot: "09:00"')
    path = beta(in_mini, yaml)
    result = cli("validate", "--root", ".")
    assert result.code == 1
    text = problem(result, path, "- dagen: [ma", code="openingstijden-tijdvak-leeg")
    assert text.startswith("veld 'tijden': 'van' en 'tot' zijn allebei 09:00; zo is het nooit open")


def test_unknown_holiday_choice(in_mini: Path, cli) -> None:
    path = beta(in_mini, WERKDAGEN.replace("feestdagen: gesloten", "feestdagen: dicht"))
    result = cli("validate", "--root", ".")
    text = problem(result, path, "feestdagen: dicht", code="keuze-ongeldig")
    assert "kies uit: gesloten, open, onbekend" in text


def test_past_midnight_is_fine_but_overlap_is_reported(in_mini: Path, cli) -> None:
    yaml = """
openingstijden:
  tijden:
    - dagen: [vr]
      van: "20:00"
      tot: "02:00"
    - dagen: [za]
      van: "01:00"
      tot: "12:00"
  bron: Testbron
"""
    path = beta(in_mini, yaml)
    result = cli("validate", "--root", ".")
    assert result.code == 0, result.out
    text = problem(result, path, "- dagen: [za]", severity="waarschuwing", code="openingstijden-overlap")
    assert text == (
        "veld 'openingstijden': tijd 1 (vr 20:00-02:00) en tijd 2 (za 01:00-12:00) vallen over "
        "elkaar heen; voeg ze samen of verbeter de tijden"
    )
    # without the overlap: no message at all
    beta(in_mini, yaml.replace('van: "01:00"', 'van: "02:00"'))
    assert "openingstijden" not in cli("validate", "--root", ".").out


def test_sunday_night_into_monday_overlaps(in_mini: Path, cli) -> None:
    yaml = """
openingstijden:
  tijden:
    - dagen: [zo]
      van: "22:00"
      tot: "06:00"
    - dagen: [ma]
      van: "05:00"
      tot: "09:00"
  bron: Testbron
"""
    path = beta(in_mini, yaml)
    result = cli("validate", "--root", ".")
    problem(result, path, "- dagen: [ma]", severity="waarschuwing", code="openingstijden-overlap")


def test_day_twice_in_one_window(in_mini: Path, cli) -> None:
    path = beta(in_mini, WERKDAGEN.replace("[ma, di, wo, do, vr]", "[ma, di, ma]"))
    result = cli("validate", "--root", ".")
    text = problem(result, path, "- dagen: [ma, di, ma]", severity="waarschuwing", code="openingstijden-overlap")
    assert "'ma' staat twee keer bij tijd 1" in text


def test_hours_and_day_and_night_contradict(in_mini: Path, cli) -> None:
    path = beta(in_mini, WERKDAGEN, extra="dag_en_nacht: ja")
    result = cli("validate", "--root", ".")
    assert result.code == 1
    text = problem(result, path, "dag_en_nacht: ja", code="openingstijden-dag-en-nacht")
    assert text.startswith("veld 'dag_en_nacht': hulplijn 'eigen-lijn' is 'dag_en_nacht: ja' en heeft ook 'openingstijden'")


# --- text on the cards --------------------------------------------------------------------


def _uren(*tijden: tuple[list[str], str, str], feestdagen: str | None = None) -> Openingstijden:
    data = {"tijden": [{"dagen": d, "van": v, "tot": t} for d, v, t in tijden], "bron": "x"}
    if feestdagen:
        data["feestdagen"] = feestdagen
    return Openingstijden.model_validate(data)


@pytest.mark.parametrize(
    ("tijden", "tekst"),
    [
        ([(["ma", "di", "wo", "do", "vr"], "09:00", "17:00")], ["ma t/m vr 9.00-17.00 uur"]),
        ([(["vr", "za"], "20:00", "02:00")], ["vr en za 20.00-2.00 uur"]),
        ([(["ma", "wo", "vr"], "8:30", "12:00")], ["ma, wo en vr 8.30-12.00 uur"]),
        (
            [(["ma", "di", "do"], "09:00", "12:30"), (["ma", "di", "do"], "13:30", "17:00"), (["za"], "10:00", "12:00")],
            ["ma, di en do 9.00-12.30 en 13.30-17.00 uur", "za 10.00-12.00 uur"],
        ),
        ([(["zo", "ma"], "00:00", "24:00")], ["ma en zo 0.00-24.00 uur"]),
        ([(["za", "zo", "ma", "di", "wo", "do", "vr"], "08:00", "22:00")], ["ma t/m zo 8.00-22.00 uur"]),
    ],
)
def test_hours_as_dutch_text(tijden, tekst) -> None:
    assert uren.regels(_uren(*tijden), "nl") == tekst


def test_hours_in_other_languages_use_cldr_day_names() -> None:
    regels = uren.regels(_uren((["ma", "di", "wo", "do", "vr"], "09:00", "17:00")), "en")
    assert regels == ["Mon–Fri 09:00–17:00"]
    regels = uren.regels(_uren((["za"], "09:00", "17:00")), "tr")
    assert regels[0].startswith("Cmt ")


def test_data_attribute_for_the_script() -> None:
    value = uren.data_attribuut(
        _uren((["ma", "di", "wo", "do", "vr"], "09:00", "17:00"), (["zo"], "20:00", "02:00"), feestdagen="gesloten")
    )
    assert value == "12345@0900-1700 7@2000-0200"
    assert Dag.ZO.nummer == 6 and Feestdagen("gesloten") is Feestdagen.GESLOTEN


def test_right_to_left_pages_keep_the_order_of_a_time_range() -> None:
    (regel,) = uren.regels(_uren((["ma"], "09:00", "17:00")), "ar")
    assert "\u206609:00–17:00\u2069" in regel


def test_a_layer_replaces_opening_hours_as_a_whole() -> None:
    from wegwijzer.read.merge import merge_value
    from wegwijzer.site.feiten import als_tekst

    regio = _uren((["ma"], "09:00", "17:00"), feestdagen="gesloten")
    gemeente = _uren((["di"], "10:00", "12:00"))
    merged = merge_value(regio, gemeente)
    assert merged.feestdagen is None  # not inherited: the gemeente's source says nothing
    assert als_tekst(merged) == "di 10.00-12.00 uur"
