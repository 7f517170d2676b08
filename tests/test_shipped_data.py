"""The shipped data: it validates, it says what FACTS.md says, and it publishes no private numbers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, line_of, shared_dir

from wegwijzer.rules.validate import validate

GELDERLAND_MIDDEN = {
    "arnhem", "barneveld", "doesburg", "duiven", "ede", "lingewaard", "nijkerk", "overbetuwe",
    "renkum", "rheden", "rozendaal", "scherpenzeel", "wageningen", "westervoort", "zevenaar",
}
IJMOND = {"beverwijk", "heemskerk", "uitgeest", "velsen", "castricum"}
SEEDS = shared_dir() / "domain" / "seeds"


@pytest.fixture(scope="module")
def shipped():
    import os

    os.environ["WEGWIJZER_DATUM"] = "2026-11-23"
    return validate(REPO)


def offered(shipped, interventie: str) -> set[str]:
    return {
        slug for slug, data in shipped.gemeenten.items()
        if any(entry.item.id == interventie for entry in data.interventies)
    }


def test_shipped_data_validates(cli) -> None:
    result = cli("validate", "--root", REPO)
    assert result.code == 0, result.out
    assert ": fout: " not in result.out


def test_both_regions_with_all_their_gemeenten(shipped) -> None:
    regions = {slug: data.regio_slug for slug, data in shipped.gemeenten.items()}
    assert {s for s, r in regions.items() if r == "gelderland-midden"} == GELDERLAND_MIDDEN
    assert {s for s, r in regions.items() if r == "ijmond"} == IJMOND


def test_availability_of_the_regional_interventions_matches_the_2024_report(shipped) -> None:
    gm = GELDERLAND_MIDDEN
    assert offered(shipped, "prenataal-huisbezoek") == gm - {"rozendaal"}
    assert offered(shipped, "stevig-ouderschap") == gm - {"rozendaal", "barneveld"}
    assert offered(shipped, "voorzorg") == gm - {"rozendaal"}
    assert offered(shipped, "nu-niet-zwanger") == gm - {"nijkerk", "scherpenzeel"}


def test_every_page_has_urgent_help_and_the_mamawegwijzer_lines(shipped) -> None:
    for slug, data in shipped.gemeenten.items():
        spoed = {e.item.telefoon.tel for e in data.hulplijnen if e.item.spoed and e.item.telefoon}
        assert {"112", "+318002000", "113"} <= spoed, slug
        assert any(e.item.op_flyer for e in data.hulplijnen), slug


def test_every_entry_names_its_source_and_an_unchecked_one_is_reported(shipped) -> None:
    warned = {(m.plek.path, m.plek.line) for m in shipped.meldingen if "nog nooit gecontroleerd" in m.tekst}
    for data in shipped.gemeenten.values():
        for entry in data.all_entries():
            item = entry.item
            assert item.bron, item.id
            if item.gecontroleerd is None:
                assert (entry.plek.path, entry.plek.line) in warned, item.id


def test_no_private_mobile_number_from_the_seeds_is_published() -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared/domain/seeds is not beside this checkout")
    digits = lambda text: re.sub(r"\D", "", text)
    seed_mobiles = {
        digits(m) for seed in SEEDS.glob("*.txt")
        for m in re.findall(r"(?:\+31|0031|0)[\s-]?6[\s-]?(?:\d[\s-]?){8}", seed.read_text(errors="replace"))
    }
    assert seed_mobiles, "seed 002 holds a personal mobile number; the pattern should find it"
    data = "".join(p.read_text() for p in [*REPO.glob("content/**/*.yml"), *REPO.glob("gemeenten/*.yml")])
    published = digits(data)
    for number in seed_mobiles:
        national = number[-9:]  # 6xxxxxxxx, whatever prefix the seed used
        assert national not in published


def test_a_broken_copy_fails_with_the_right_lines(tmp_path: Path, monkeypatch, cli) -> None:
    root = tmp_path / "kopie"
    for part in ("content", "gemeenten"):
        shutil.copytree(REPO / part, root / part)
    ede = root / "gemeenten" / "ede.yml"
    text = ede.read_text()
    text = text.replace("  regio: gelderland-midden", "  regio: gelderland-midde")
    text = text.replace("  - id: nu-niet-zwanger\n", "  - id: nu-niet-zwanger\n    telefon: \"0800 1234\"\n")
    ede.write_text(text)
    arnhem = root / "gemeenten" / "arnhem.yml"
    arnhem.write_text(arnhem.read_text() + "niet_aangeboden_extra: ja\n")
    monkeypatch.chdir(root)
    result = cli("validate", "--root", ".")
    assert result.code == 1
    errors = [line for line in result.lines if ": fout: " in line]
    assert f"gemeenten/ede.yml:{line_of(ede, 'regio: gelderland-midde')}:10: fout: veld 'regio': onbekende regio " \
        "'gelderland-midde' (bedoel je 'gelderland-midden'?); bekende regio's: gelderland-midden, ijmond [regio-onbekend]" in errors
    assert f"gemeenten/ede.yml:{line_of(ede, 'telefon:')}:5: fout: onbekend veld 'telefon' (bedoel je 'telefoon'?) [veld-onbekend]" in errors
    assert f"gemeenten/arnhem.yml:{line_of(arnhem, 'niet_aangeboden_extra')}:1: fout: onbekend veld " \
        "'niet_aangeboden_extra' (bedoel je 'niet_aangeboden'?) [veld-onbekend]" in errors
    assert len(errors) == 3, errors
