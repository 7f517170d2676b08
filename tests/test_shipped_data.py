"""The shipped data: it validates, it says what FACTS.md says, and it publishes no private numbers."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, line_of

from wegwijzer.rules.validate import validate

GELDERLAND_MIDDEN = {
    "arnhem", "barneveld", "doesburg", "duiven", "ede", "lingewaard", "nijkerk", "overbetuwe",
    "renkum", "rheden", "rozendaal", "scherpenzeel", "wageningen", "westervoort", "zevenaar",
}
IJMOND = {"beverwijk", "heemskerk", "uitgeest", "velsen", "castricum"}


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


# The personal mobile number in the source documents (seed 002), as the SHA-256 of its E.164
# form: the test carries what it needs without the number itself being in the repository.
PRIVATE_NUMBERS = {"1c10974d6fe1cf5e98e77c23c044f4047e61424768f527b2e26981304839c4fe"}
MOBILE = re.compile(r"(?:\+31|0031|0)[\s.-]?\(?0?\)?[\s.-]?6[\s.-]?(?:\d[\s.-]?){8}")


def _e164_hashes(text: str) -> set[str]:
    found = set()
    for match in MOBILE.finditer(text):
        national = re.sub(r"\D", "", match.group())[-9:]  # 6xxxxxxxx, whatever the prefix
        found.add(hashlib.sha256(f"+31{national}".encode()).hexdigest())
    return found


def test_the_private_number_check_finds_what_it_looks_for() -> None:
    # the same normalisation as below, on numbers written the ways the seeds write them
    hashes = _e164_hashes("bel 06-12345678 of +31 6 1234 5678 of 0031612345678")
    assert hashes == {hashlib.sha256(b"+31612345678").hexdigest()}


def test_no_private_mobile_number_from_the_seeds_is_published() -> None:
    published = [
        *REPO.glob("content/**/*.yml"), *REPO.glob("gemeenten/*"), *REPO.glob("docs/**/*.md"),
        *REPO.glob("flyer/**/*.typ"), *REPO.glob("handleiding/**/*.md"),
    ]
    assert len(published) > 10
    for path in published:
        leaked = _e164_hashes(path.read_text(encoding="utf-8", errors="replace")) & PRIVATE_NUMBERS
        assert not leaked, f"{path.relative_to(REPO)} holds the private number of a source document"


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
