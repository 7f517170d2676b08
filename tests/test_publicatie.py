"""One rule decides what of an entry is shown, dialable and printed (`rules/publicatie.py`),
and page, flyer and checker follow it: paper is never less strict than the web."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_check_site import _pdf, check, site, site_lines  # noqa: F401  (site is a fixture)

from wegwijzer.flyer.inhoud import flyer_vermeldingen
from wegwijzer.read.models import Hulplijn
from wegwijzer.rules import publicatie
from wegwijzer.rules.validate import validate

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.usefixtures("no_real_dns")


def _lijn(**velden) -> Hulplijn:
    base = dict(id="lijn", naam="Lijn", omschrijving="Bel ons.", fasen=["zwanger"], themas=["psychisch"],
                telefoon="088 0767 000", bron="Test")
    return Hulplijn.model_validate({**base, **velden})


CASES = [
    # (fields, dialable, printed, printed on a CONCEPT proof)
    ({"gecontroleerd": dt.date(2026, 6, 1)}, True, True, True),
    ({}, False, False, True),  # never checked
    ({"gecontroleerd": dt.date(2026, 6, 1), "onzeker": "nummer uit een oude folder"}, False, False, True),
    ({"spoed": "ja"}, True, True, True),  # spoedhulp without a date: always
    ({"spoed": "ja", "onzeker": "nieuw nummer"}, True, True, True),
]


@pytest.mark.parametrize(("velden", "belbaar", "drukbaar", "concept"), CASES)
def test_the_rule(velden: dict, belbaar: bool, drukbaar: bool, concept: bool) -> None:
    item = _lijn(**velden)
    assert publicatie.toon(item)
    assert publicatie.belbaar(item) is belbaar
    assert publicatie.drukbaar(item) is drukbaar
    assert publicatie.drukbaar(item, concept=True) is concept
    assert publicatie.drukbaar(item) <= publicatie.belbaar(item)  # paper never less strict


def _with_unchecked_flyer_line(root: Path) -> None:
    landelijk = root / "content" / "landelijk.yml"
    text = landelijk.read_text(encoding="utf-8")
    start = text.index("  - id: luisterlijn")
    end = text.index("    gecontroleerd: 2026-06-01\n", start)
    landelijk.write_text(
        text[:end].replace("    anoniem: ja\n", "    anoniem: ja\n    op_flyer: ja\n", 1)
        + text[end + len("    gecontroleerd: 2026-06-01\n"):],
        encoding="utf-8",
    )


def test_a_never_checked_entry_is_not_printed(mini: Path) -> None:
    """Before: the site showed such an entry without call button, the flyer printed it."""
    _with_unchecked_flyer_line(mini)
    data = validate(mini).gemeenten["alfa"]
    [lijn] = [e for e in data.hulplijnen if e.item.id == "luisterlijn"]
    assert lijn.item.op_flyer and lijn.item.gecontroleerd is None
    keuze = flyer_vermeldingen(data)
    assert "luisterlijn" not in {e.item.id for e in keuze.alle}
    assert "luisterlijn" in {e.item.id for e in keuze.weggelaten}
    proef = flyer_vermeldingen(data, onzeker_toestaan=True)
    assert "luisterlijn" in {e.item.id for e in proef.lijnen} and proef.concept
    for entry in keuze.lijnen + keuze.contacten + keuze.spoed:
        assert publicatie.belbaar(entry.item)


def test_spoedhulp_of_the_shipped_data_is_on_every_flyer_without_a_date() -> None:
    resultaat = validate(REPO)
    spoed_ids = {"alarmnummer-112", "veilig-thuis", "113-zelfmoordpreventie"}
    for slug, data in resultaat.gemeenten.items():
        keuze = flyer_vermeldingen(data)
        printed = {e.item.id for e in keuze.spoed}
        assert spoed_ids <= printed, slug
        for entry in keuze.spoed:
            assert publicatie.belbaar(entry.item) and publicatie.drukbaar(entry.item)
        for entry in keuze.lijnen + keuze.contacten + keuze.spoed:
            assert publicatie.belbaar(entry.item), (slug, entry.item.id)
    # the rule is what keeps them: they carry no gecontroleerd date
    unchecked = {
        e.item.id for data in resultaat.gemeenten.values() for e in data.hulplijnen
        if e.item.id in spoed_ids and not publicatie.geverifieerd(e.item)
    }
    assert unchecked == spoed_ids


def test_check_refuses_a_call_button_and_a_printed_number_of_an_unverified_entry(site: Path, cli) -> None:  # noqa: F811
    landelijk = site.parent / "content" / "landelijk.yml"
    text = landelijk.read_text(encoding="utf-8")
    start = text.index("  - id: luisterlijn")
    end = text.index("    gecontroleerd: 2026-06-01\n", start)
    landelijk.write_text(text[:end] + "    onzeker: nummer nog nabellen\n" + text[end:], encoding="utf-8")
    (site / "alfa" / "mamawegwijzer-alfa-nl.pdf").write_bytes(_pdf(["Luisterlijn: 088 0767 000."]))
    lines = site_lines(check(cli))
    assert any(
        line.startswith("site/index.html:") and "tel-link 'tel:+31880767000'" in line
        and "niet gecontroleerd" in line and ": fout: " in line
        for line in lines
    ), lines
    assert any(
        line.startswith("site/alfa/mamawegwijzer-alfa-nl.pdf: fout: flyer toont 088 076 70 00")
        and "niet gecontroleerd" in line
        for line in lines
    ), lines


def test_the_export_marks_what_the_site_and_flyer_treat_as_unverified(mini: Path) -> None:
    from wegwijzer.export import hsds

    _with_unchecked_flyer_line(mini)
    document = hsds.build(validate(mini).gemeenten)

    def onzeker(name: str) -> list[str]:
        service = next(s for s in document["services"] if s["name"] == name)
        return [a.get("value") for a in service["attributes"] if a["link_type"] == "onzeker"]

    assert onzeker("Luisterlijn") == ["nog nooit gecontroleerd"]
    assert onzeker("Alarmnummer") == []
