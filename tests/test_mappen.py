"""Every file in the data folders is a data file or gets a message; links never leave the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wegwijzer.rules.validate import validate

GAMMA = """\
gemeente:
  naam: Gamma
  regio: testregio
  woonplaatsen: [Gamma]
contacten:
  - id: jgz-gamma
    naam: JGZ Gamma
    soort: jgz
    website: https://www.example.nl/jgz
    bron: Testbron
    gecontroleerd: 2026-06-01
"""


@pytest.mark.parametrize(
    "name", ["gamma.YML", "gamma.yml.txt", "gamma.yml ", " gamma.yml", "gamma .yml", "gamma.Yml", "gamma.yml.yml"]
)
def test_a_misnamed_gemeente_file_is_an_error_that_gives_the_right_name(in_mini: Path, cli, name: str) -> None:
    (in_mini / "gemeenten" / name).write_text(GAMMA, encoding="utf-8")
    run = cli("validate")
    assert run.code == 1
    [line] = [line for line in run.lines if "gamma" in line.lower()]
    assert line.startswith(f"gemeenten/{name}: fout: ")
    assert "noem het 'gamma.yml'" in line


def test_capitals_in_the_name_are_an_error_that_gives_the_right_name(in_mini: Path, cli) -> None:
    (in_mini / "gemeenten" / "Gamma.yml").write_text(GAMMA, encoding="utf-8")
    run = cli("validate")
    assert run.code == 1
    assert any(
        line.startswith("gemeenten/Gamma.yml: fout:") and "noem het 'gamma.yml'" in line for line in run.lines
    ), run.out


@pytest.mark.parametrize("folder", ["content/regio", "content/vertalingen", "content"])
def test_misnamed_files_in_the_other_data_folders_are_errors(in_mini: Path, cli, folder: str) -> None:
    (in_mini / folder).mkdir(parents=True, exist_ok=True)
    name, right = {
        "content": ("Landelijk.YML", "landelijk.yml"),
        "content/regio": ("noord.YML", "noord.yml"),
        "content/vertalingen": ("fr.yml.txt", "fr.yml"),
    }[folder]
    if folder == "content":
        (in_mini / "content" / "landelijk.yml").rename(in_mini / folder / name)
    else:
        (in_mini / folder / name).write_text("x: y\n", encoding="utf-8")
    run = cli("validate")
    assert run.code == 1
    assert any(
        line.startswith(f"{folder}/{name}: fout:") and f"noem het '{right}'" in line for line in run.lines
    ), run.out


def test_a_copy_beside_the_real_file_is_a_warning(in_mini: Path, cli) -> None:
    (in_mini / "gemeenten" / "alfa.yml.bak").write_text("oud\n", encoding="utf-8")
    run = cli("validate")
    assert run.code == 0
    assert any(
        line.startswith("gemeenten/alfa.yml.bak: waarschuwing:") and "kopie van 'alfa.yml'" in line
        for line in run.lines
    ), run.out


def test_other_files_and_folders_are_named_in_a_warning(in_mini: Path, cli) -> None:
    (in_mini / "gemeenten" / "notities.txt").write_text("bellen\n", encoding="utf-8")
    (in_mini / "gemeenten" / "oud").mkdir()
    (in_mini / "content" / "logo.png").write_bytes(b"\x89PNG")
    (in_mini / "content" / "gamma.yml").write_text(GAMMA, encoding="utf-8")
    run = cli("validate")
    assert run.code == 0
    for name in ("gemeenten/notities.txt", "gemeenten/oud", "content/logo.png", "content/gamma.yml"):
        assert any(line.startswith(f"{name}: waarschuwing:") and "niet gelezen" in line for line in run.lines), name


def test_editor_and_system_leftovers_are_ignored(in_mini: Path, cli) -> None:
    before = cli("validate").out
    for name in ("alfa.yml~", ".alfa.yml.swp", ".DS_Store", ".gitkeep", "Thumbs.db"):
        (in_mini / "gemeenten" / name).write_text("x\n", encoding="utf-8")
    (in_mini / "content" / ".DS_Store").write_bytes(b"\0")
    run = cli("validate")
    assert run.code == 0 and run.out == before


def _outside(tmp_path: Path, name: str, text: str) -> Path:
    target = tmp_path / "elders" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_a_link_to_a_file_outside_the_project_is_refused(in_mini: Path, tmp_path: Path, cli) -> None:
    target = _outside(tmp_path, "gamma.yml", GAMMA)
    (in_mini / "gemeenten" / "gamma.yml").symlink_to(target)
    run = cli("validate")
    assert run.code == 1
    assert any(
        line.startswith("gemeenten/gamma.yml: fout: 'gemeenten/gamma.yml' is een snelkoppeling (symlink)")
        and str(target) in line and "buiten de projectmap" in line
        for line in run.lines
    ), run.out
    assert "gamma" not in validate(in_mini).gemeenten


def test_a_linked_folder_outside_the_project_is_refused(in_mini: Path, tmp_path: Path, cli) -> None:
    target = _outside(tmp_path, "gamma.yml", GAMMA).parent
    (in_mini / "content" / "vertalingen").symlink_to(target, target_is_directory=True)
    (in_mini / "content" / "regio" / "elders").symlink_to(target, target_is_directory=True)
    run = cli("validate")
    assert run.code == 1
    assert any(line.startswith("content/vertalingen: fout:") and "buiten de projectmap" in line for line in run.lines)
    assert any(line.startswith("content/regio/elders: fout:") for line in run.lines), run.out
    assert validate(in_mini).project.vertalingen == {}


def test_landelijk_as_a_link_outside_is_refused_not_missing(in_mini: Path, tmp_path: Path, cli) -> None:
    landelijk = in_mini / "content" / "landelijk.yml"
    target = _outside(tmp_path, "landelijk.yml", landelijk.read_text(encoding="utf-8"))
    landelijk.unlink()
    landelijk.symlink_to(target)
    run = cli("validate")
    assert run.code == 1
    assert any(line.startswith("content/landelijk.yml: fout:") and "buiten de projectmap" in line for line in run.lines)
    assert not any("bestand ontbreekt" in line for line in run.lines)


def test_a_broken_link_is_an_error(in_mini: Path, cli) -> None:
    (in_mini / "gemeenten" / "gamma.yml").symlink_to(in_mini / "bestaat-niet.yml")
    run = cli("validate")
    assert run.code == 1
    assert any(line.startswith("gemeenten/gamma.yml: fout:") and "bestaat niet" in line for line in run.lines)


def test_a_link_inside_the_project_is_read(in_mini: Path, cli) -> None:
    shared = in_mini / "gedeeld" / "gamma.yml"
    shared.parent.mkdir()
    shared.write_text(GAMMA, encoding="utf-8")
    os.symlink(Path("..") / "gedeeld" / "gamma.yml", in_mini / "gemeenten" / "gamma.yml")
    assert cli("validate").code == 0
    assert "gamma" in validate(in_mini).gemeenten


def test_fmt_does_not_follow_a_link_out_of_the_project(in_mini: Path, tmp_path: Path, cli) -> None:
    target = _outside(tmp_path, "gamma.yml", "gemeente: {naam: Gamma, regio: testregio}\n")
    link = in_mini / "gemeenten" / "gamma.yml"
    link.symlink_to(target)
    before = target.read_text(encoding="utf-8")
    cli("fmt")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == before
