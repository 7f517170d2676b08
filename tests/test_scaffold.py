"""`wegwijzer nieuw`: a starter file that validates, warns about what is missing, and is canonical."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

from wegwijzer.diagnostics import Meldingen
from wegwijzer.edit.fmt import format_text
from wegwijzer.rules.validate import validate


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("content", "gemeenten", "schema"):
        shutil.copytree(REPO / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_gemeente_validates_with_warnings_for_what_is_missing(project: Path, cli) -> None:
    result = cli("nieuw", "Bergen op Zoom", "--regio", "ijmond")
    assert result.code == 0, result.err
    assert (project / "gemeenten" / "bergen-op-zoom.yml").is_file()
    assert result.lines == [
        "gemeenten/bergen-op-zoom.yml: aangemaakt; vul het aan en draai daarna 'wegwijzer validate'"
    ]
    check = cli("validate")
    assert check.code == 0, check.out
    own = [line for line in check.lines if line.startswith("gemeenten/bergen-op-zoom.yml")]
    assert own and all(": waarschuwing: " in line for line in own)
    assert any("geen woonplaatsen" in line for line in own)
    assert any("contact van het CJG of de JGZ" in line for line in own)
    data = validate(project).gemeenten["bergen-op-zoom"]
    assert data.info.naam == "Bergen op Zoom" and data.regio_slug == "ijmond"
    # everything of the regio and landelijk applies: at least what another gemeente inherits
    velsen = validate(project).gemeenten["velsen"]
    for kind in ("hulplijnen", "interventies", "organisaties"):
        inherited = {e.item.id for e in velsen.entries(kind) if "gemeente" not in e.lagen}
        assert inherited <= {e.item.id for e in data.entries(kind)}, kind
    assert data.niet_aangeboden == ()


def test_starter_is_canonical_and_lists_the_regional_ids(project: Path, cli) -> None:
    assert cli("nieuw", "Wijk aan Zee", "--regio", "ijmond", "--id", "wijk-aan-zee").code == 0
    path = project / "gemeenten" / "wijk-aan-zee.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/wegwijzer.schema.json\n")
    assert format_text(path, text.encode(), Meldingen()) == text
    regio = validate(project).project.regios["ijmond"].model
    for entry in regio.interventies or ():
        assert f"#   - id: {entry.id}  # {entry.naam}" in text


def test_uncommenting_a_line_of_the_starter_gives_valid_data(project: Path, cli) -> None:
    """What the comments show must be right: take the '#' away and it validates."""
    assert cli("nieuw", "Proef", "--regio", "ijmond").code == 0
    path = project / "gemeenten" / "proef.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  # woonplaatsen: [Proef, Ander dorp]", "  woonplaatsen: [Proef, Ander dorp]")
    lines = text.splitlines()
    start = lines.index("# niet_aangeboden:")
    uncommented = lines[:start] + ["niet_aangeboden:"] + [line[1:] for line in lines[start + 1:start + 3]]
    path.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    result = cli("validate")
    assert result.code == 0, result.out
    assert not any("proef.yml" in line and "woonplaatsen" in line for line in result.lines)
    data = validate(project).gemeenten["proef"]
    assert len(data.niet_aangeboden) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Ede", "--regio", "gelderland-midden"), "bestaat al; het wordt niet overschreven"),
        (("Nieuw", "--regio", "ijmnd"), "regio 'ijmnd' bestaat niet (bedoel je 'ijmond'?)"),
        (("Nieuw", "--regio", "ijmond", "--id", "Nieuw Dorp"), "geen geldige id"),
        (("   ", "--regio", "ijmond"), "geef de naam van de gemeente"),
    ],
)
def test_refusals(project: Path, cli, args: tuple[str, ...], message: str) -> None:
    before = (project / "gemeenten" / "ede.yml").read_bytes()
    result = cli("nieuw", *args)
    assert result.code == 2
    assert message in result.err
    assert (project / "gemeenten" / "ede.yml").read_bytes() == before


def test_names_that_need_quotes(project: Path, cli) -> None:
    assert cli("nieuw", "'s-Hertogenbosch", "--regio", "ijmond").code == 0
    data = validate(project).gemeenten["s-hertogenbosch"]
    assert data.info.naam == "'s-Hertogenbosch"
