"""Spreadsheet and CSV export: every interventie x gemeente of a regio, with availability."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import REPO
from openpyxl import load_workbook

from wegwijzer.export.sheet import AANGEBODEN, NIET_AANGEBODEN, NIET_VERMELD
from wegwijzer.rules.validate import validate


@pytest.fixture(scope="module")
def shipped():
    import os

    os.environ["WEGWIJZER_DATUM"] = "2026-11-23"
    return validate(REPO)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_per_region_has_every_interventie_for_every_gemeente(cli, tmp_path, shipped) -> None:
    result = cli("export", "csv", "--out", tmp_path, "--root", REPO)
    assert result.code == 0, result.err
    regions = {data.regio_slug for data in shipped.gemeenten.values()}
    assert {p.stem for p in tmp_path.glob("*.csv")} == regions
    for regio in regions:
        members = {s for s, d in shipped.gemeenten.items() if d.regio_slug == regio}
        rows = read_csv(tmp_path / f"{regio}.csv")
        mentioned = {
            i for s in members for i in
            [e.item.id for e in shipped.gemeenten[s].interventies]
            + [n.id for n in shipped.gemeenten[s].niet_aangeboden if n.kind == "interventies"]
        }
        pairs = {(r["interventie_id"], r["gemeente_id"]) for r in rows}
        assert pairs == {(i, s) for i in mentioned for s in members}
        assert len(rows) == len(pairs)
        for row in rows:
            data = shipped.gemeenten[row["gemeente_id"]]
            entry = next((e for e in data.interventies if e.item.id == row["interventie_id"]), None)
            excluded = next((n for n in data.niet_aangeboden if n.id == row["interventie_id"]), None)
            if entry:
                assert row["beschikbaarheid"] == AANGEBODEN
                checked = entry.item.gecontroleerd
                assert row["gecontroleerd"] == (checked.isoformat() if checked else "")
                org = data.organisatie(entry.item.aanbieder) if entry.item.aanbieder else None
                assert row["aanbieder"] == (org.item.naam if org else entry.item.aanbieder or "")
            elif excluded:
                assert row["beschikbaarheid"] == NIET_AANGEBODEN
                assert row["reden"] == (excluded.reden or "")
            else:
                assert row["beschikbaarheid"] == NIET_VERMELD


def test_the_2024_report_is_visible_in_the_csv(cli, tmp_path) -> None:
    assert cli("export", "csv", "--out", tmp_path, "--root", REPO).code == 0
    rows = read_csv(tmp_path / "gelderland-midden.csv")
    rozendaal = {r["interventie_id"]: r for r in rows if r["gemeente_id"] == "rozendaal"}
    assert rozendaal["voorzorg"]["beschikbaarheid"] == NIET_AANGEBODEN
    assert rozendaal["voorzorg"]["reden"]
    ede = {r["interventie_id"]: r for r in rows if r["gemeente_id"] == "ede"}
    assert ede["voorzorg"]["beschikbaarheid"] == AANGEBODEN
    assert ede["voorzorg"]["aanbieder"]


def test_xlsx_has_an_overview_and_a_list_per_region(cli, tmp_path, shipped) -> None:
    out = tmp_path / "beschikbaarheid.xlsx"
    assert cli("export", "xlsx", "--out", out, "--root", REPO).code == 0
    book = load_workbook(out)
    regions = sorted({d.regio.naam for d in shipped.gemeenten.values()})
    assert sorted(book.sheetnames) == sorted(
        [f"{r} overzicht" for r in regions] + [f"{r} lijst" for r in regions]
    )
    csv_dir = tmp_path / "csv"
    assert cli("export", "csv", "--out", csv_dir, "--root", REPO).code == 0
    for regio_naam in regions:
        sheet = book[f"{regio_naam} lijst"]
        values = list(sheet.iter_rows(values_only=True))
        slug = next(d.regio_slug for d in shipped.gemeenten.values() if d.regio.naam == regio_naam)
        rows = read_csv(csv_dir / f"{slug}.csv")
        assert len(values) - 1 == len(rows)
        assert [v or "" for v in values[1]] == list(rows[0].values())
        overview = list(book[f"{regio_naam} overzicht"].iter_rows(values_only=True))
        gemeenten = overview[0][1:]
        expected = {AANGEBODEN: "ja", NIET_AANGEBODEN: "nee", NIET_VERMELD: None}
        # the overview has one line per interventie, in the order of the list
        assert len(overview) - 1 == len(rows) // len(gemeenten)
        for number, line in enumerate(overview[1:]):
            block = rows[number * len(gemeenten):(number + 1) * len(gemeenten)]
            assert [r["gemeente"] for r in block] == list(gemeenten)
            assert [expected[r["beschikbaarheid"]] for r in block] == list(line[1:]), line[0]


def test_export_refuses_data_with_errors(cli, mini, tmp_path) -> None:
    (mini / "gemeenten" / "alfa.yml").write_text("gemeente:\n  naam: Alfa\n  regio: onbekend\n")
    result = cli("export", "csv", "--out", tmp_path / "x", "--root", mini)
    assert result.code == 1
    assert "onbekende regio" in result.out
    assert not (tmp_path / "x").exists()
