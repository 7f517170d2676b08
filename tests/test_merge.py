"""The three-layer merge: add, override field by field, exclude, and remember where from."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import line_of, write
from pydantic import BaseModel

from wegwijzer.read.merge import merge_value
from wegwijzer.read.models import ExtraTelefoon
from wegwijzer.rules.validate import validate


def ids(data, kind: str) -> list[str]:
    return [entry.item.id for entry in data.entries(kind)]


def messages(result) -> list[str]:
    return [m.format() for m in result.meldingen]


def test_new_ids_are_added_from_every_layer(in_mini: Path) -> None:
    result = validate(Path("."))
    alfa = result.gemeenten["alfa"]
    assert ids(alfa, "hulplijnen") == ["alarm", "luisterlijn"]  # landelijk
    assert ids(alfa, "interventies") == ["huisbezoek"]  # regio (oudergroep excluded)
    assert ids(alfa, "contacten") == ["cjg-alfa"]  # gemeente
    assert ids(result.gemeenten["beta"], "interventies") == ["huisbezoek", "oudergroep"]


def test_override_changes_only_the_fields_it_gives(in_mini: Path) -> None:
    result = validate(Path("."))
    alfa = {e.item.id: e for e in result.gemeenten["alfa"].interventies}["huisbezoek"]
    beta = {e.item.id: e for e in result.gemeenten["beta"].interventies}["huisbezoek"]
    assert alfa.item.telefoon.weergave == "0800 2000"
    assert beta.item.telefoon.weergave == "0800 0450"
    assert alfa.item.naam == beta.item.naam == "Huisbezoek"
    assert alfa.item.fasen == beta.item.fasen
    assert alfa.lagen == ("regio", "gemeente")
    assert beta.lagen == ("regio",)


def test_every_field_remembers_its_file_and_line(in_mini: Path) -> None:
    result = validate(Path("."))
    entry = {e.item.id: e for e in result.gemeenten["alfa"].interventies}["huisbezoek"]
    alfa = Path("gemeenten/alfa.yml")
    regio = Path("content/regio/testregio.yml")
    assert entry.herkomst["telefoon"].path == alfa
    assert entry.herkomst["telefoon"].line == line_of(alfa, '"0800 2000"')
    assert entry.herkomst["telefoon"].column == 15
    assert entry.herkomst["naam"].path == regio
    assert entry.herkomst["naam"].line == line_of(regio, "naam: Huisbezoek")
    assert entry.plek.line == line_of(regio, "id: huisbezoek")


def test_lists_are_replaced_not_appended(in_mini: Path) -> None:
    gemeente = in_mini / "gemeenten" / "beta.yml"
    gemeente.write_text(gemeente.read_text() + "interventies:\n  - id: huisbezoek\n    fasen: [na-geboorte]\n")
    result = validate(Path("."))
    entry = {e.item.id: e for e in result.gemeenten["beta"].interventies}["huisbezoek"]
    assert [str(f) for f in entry.item.fasen] == ["na-geboorte"]


def test_groups_of_fields_merge_field_by_field() -> None:
    class Groep(BaseModel):
        a: str | None = None
        b: str | None = None

    lower = Groep(a="1", b="2")
    upper = Groep(b="3")
    assert merge_value(lower, upper) == Groep(a="1", b="3")
    # a list of groups is a list: replaced as a whole
    one = [ExtraTelefoon.model_validate({"nummer": "0800 0113", "label": "Gratis"})]
    two = [ExtraTelefoon.model_validate({"nummer": "113", "label": "Kort"})]
    assert merge_value(one, two) == two


def test_niet_aangeboden_removes_inherited_entries_and_keeps_the_reason(in_mini: Path) -> None:
    result = validate(Path("."))
    alfa = result.gemeenten["alfa"]
    assert "oudergroep" not in ids(alfa, "interventies")
    [excluded] = alfa.niet_aangeboden
    assert (excluded.id, excluded.kind, excluded.naam, excluded.reden) == (
        "oudergroep", "interventies", "Oudergroep", "Geen groep in Alfa"
    )


def test_region_can_exclude_a_national_entry(in_mini: Path) -> None:
    regio = in_mini / "content" / "regio" / "testregio.yml"
    regio.write_text(regio.read_text() + "niet_aangeboden: [luisterlijn]\n")
    result = validate(Path("."))
    assert not result.meldingen.has_errors, messages(result)
    for slug in ("alfa", "beta"):
        assert ids(result.gemeenten[slug], "hulplijnen") == ["alarm"]


def test_excluding_an_unknown_id_is_an_error_with_a_suggestion(in_mini: Path, cli) -> None:
    beta = write(
        in_mini / "gemeenten" / "beta.yml",
        """
        gemeente:
          naam: Beta
          regio: testregio
        niet_aangeboden:
          - oudergroup
        """,
    )
    result = cli("validate", "--root", ".")
    assert result.code == 1
    line = line_of(beta, "- oudergroup")
    assert (
        f"gemeenten/beta.yml:{line}:5: fout: niet_aangeboden: 'oudergroup' bestaat niet in "
        "landelijk of regio (bedoel je 'oudergroep'?) [niet-aangeboden-onbekend]"
    ) in result.lines


def test_spoed_entries_cannot_be_excluded(in_mini: Path, cli) -> None:
    beta = write(
        in_mini / "gemeenten" / "beta.yml",
        """
        gemeente:
          naam: Beta
          regio: testregio
        niet_aangeboden: [alarm]
        """,
    )
    result = cli("validate", "--root", ".")
    assert result.code == 1
    line = line_of(beta, "[alarm]")
    assert any(
        l.startswith(f"gemeenten/beta.yml:{line}:19: fout: niet_aangeboden: 'alarm' is spoedhulp")
        for l in result.lines
    ), result.out
    assert "kan niet worden uitgesloten" in result.out


def test_overriding_an_id_that_does_not_exist_is_an_error(in_mini: Path, cli) -> None:
    beta = write(
        in_mini / "gemeenten" / "beta.yml",
        """
        gemeente:
          naam: Beta
          regio: testregio
        interventies:
          - id: huisbezoekk
            telefoon: "0800 2000"
        """,
    )
    result = cli("validate", "--root", ".")
    assert result.code == 1
    line = line_of(beta, "huisbezoekk")
    assert (
        f"gemeenten/beta.yml:{line}:9: fout: interventie 'huisbezoekk' bestaat niet in een "
        "lagere laag (bedoel je 'huisbezoek'?); als dit een nieuwe interventie is, ontbreken: "
        "'naam', 'omschrijving', 'bron', 'fasen', 'themas' [vermelding-onvolledig]"
    ) in result.lines


def test_excluding_and_describing_the_same_id_is_an_error(in_mini: Path, cli) -> None:
    alfa = in_mini / "gemeenten" / "alfa.yml"
    alfa.write_text(alfa.read_text().replace("id: oudergroep", "id: huisbezoek"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert "niet_aangeboden: 'huisbezoek' wordt in dit bestand ook beschreven" in result.out


def test_an_id_introduced_in_two_gemeenten_is_an_error(in_mini: Path, cli) -> None:
    beta = in_mini / "gemeenten" / "beta.yml"
    beta.write_text(beta.read_text().replace("id: jgz-beta", "id: cjg-alfa"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    line = line_of(beta, "id: cjg-alfa")
    assert any(
        l.startswith(f"gemeenten/beta.yml:{line}:9: fout: id 'cjg-alfa' wordt ook gebruikt in ")
        and "gemeenten/alfa.yml" in l
        for l in result.lines
    ), result.out


def test_the_same_id_twice_in_one_file_is_an_error(in_mini: Path, cli) -> None:
    alfa = in_mini / "gemeenten" / "alfa.yml"
    alfa.write_text(
        alfa.read_text()
        + "hulplijnen:\n  - id: eigen\n    naam: A\n  - id: eigen\n    naam: B\n"
    )
    result = cli("validate", "--root", ".")
    first = line_of(alfa, "id: eigen")
    assert f"id 'eigen' staat al op regel {first} van dit bestand" in result.out


@pytest.mark.parametrize("slug", ["alfa", "beta"])
def test_merge_is_deterministic(in_mini: Path, slug: str) -> None:
    one = validate(Path(".")).gemeenten[slug]
    two = validate(Path(".")).gemeenten[slug]
    assert one == two
