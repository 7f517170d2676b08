"""`wegwijzer fmt` and `wegwijzer nieuw` while others write: an editor's save is never lost,
two runs at once do not crash, a killed run's temporary files are removed (issue 11 item 3)."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import wegwijzer.edit.fmt as fmt_module
from wegwijzer.diagnostics import Meldingen
from wegwijzer.edit.fmt import data_files, format_files, format_text
from wegwijzer.read.load import parse, plain

MESSY_ALFA = """\
gemeente:
    regio: testregio
    naam: Alfa
    woonplaatsen:
        - Alfa
"""

#: What an editor saves while fmt runs: also not in canonical form, so fmt would change it.
EDITOR_ALFA = """\
gemeente:
    regio: testregio
    naam: Alfa
    woonplaatsen:
        - Alfa
        - Alfadorp   # net toegevoegd
"""


def tmp_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.name.endswith(".tmp"))


def values(path: Path, data: bytes) -> object:
    document = parse(path, data, Meldingen())
    assert document is not None
    return plain(document.tree)


@pytest.fixture
def messy(mini: Path) -> Path:
    (mini / "gemeenten" / "alfa.yml").write_text(MESSY_ALFA, encoding="utf-8")
    beta = mini / "gemeenten" / "beta.yml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("\n  ", "\n    "), encoding="utf-8")
    assert format_text(beta, beta.read_bytes(), Meldingen()) != beta.read_text(encoding="utf-8")
    return mini


# --- an editor's save while fmt runs --------------------------------------------------------


def test_a_save_between_read_and_replace_is_kept_and_reported(messy: Path) -> None:
    alfa = messy / "gemeenten" / "alfa.yml"
    beta = messy / "gemeenten" / "beta.yml"

    def editor_saves(path: Path) -> None:
        if path == alfa:
            alfa.write_text(EDITOR_ALFA, encoding="utf-8")

    uitkomst = format_files(data_files(messy), check=False, na_lezen=editor_saves)
    assert alfa.read_text(encoding="utf-8") == EDITOR_ALFA  # the save is not overwritten
    assert uitkomst.tussendoor == [alfa]
    assert beta in uitkomst.gewijzigd  # the other files are formatted as usual
    assert format_text(beta, beta.read_bytes(), Meldingen()) == beta.read_text(encoding="utf-8")
    [melding] = [m for m in uitkomst.meldingen if m.plek.path == alfa]
    assert melding.code == "fmt-tussendoor-gewijzigd" and not melding.is_fout
    assert "gewijzigd of vervangen terwijl wegwijzer fmt liep" in melding.tekst
    assert tmp_files(messy) == []


@pytest.mark.parametrize("how", ["rename", "same-size", "delete"])
def test_a_file_replaced_or_removed_meanwhile_is_left_alone(messy: Path, how: str) -> None:
    alfa = messy / "gemeenten" / "alfa.yml"

    def editor(path: Path) -> None:
        if path != alfa:
            return
        if how == "rename":  # how many editors save: a new file renamed over the old one
            new = alfa.with_name("alfa.yml.swp")
            new.write_text(MESSY_ALFA, encoding="utf-8")
            os.replace(new, alfa)
        elif how == "same-size":  # in place, same length, within the same clock tick
            stat = alfa.stat()
            alfa.write_text(MESSY_ALFA.replace("Alfa\n", "Alfb\n"), encoding="utf-8")
            os.utime(alfa, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        else:
            alfa.unlink()

    uitkomst = format_files([alfa], check=False, na_lezen=editor)
    assert uitkomst.tussendoor == [alfa] and uitkomst.gewijzigd == []
    if how == "delete":
        assert not alfa.exists()
        assert "is verdwenen terwijl wegwijzer fmt liep" in uitkomst.meldingen.waarschuwingen[0].tekst
    elif how == "rename":
        assert alfa.read_text(encoding="utf-8") == MESSY_ALFA
    else:
        assert "Alfb" in alfa.read_text(encoding="utf-8")
    assert tmp_files(messy) == []


def test_cli_says_which_file_was_not_formatted_and_exits_1(
    messy: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    monkeypatch.chdir(messy)
    alfa = messy / "gemeenten" / "alfa.yml"

    def editor_saves(path: Path) -> None:
        if path.name == "alfa.yml":
            alfa.write_text(EDITOR_ALFA, encoding="utf-8")

    monkeypatch.setattr(fmt_module, "format_files",
                        functools.partial(fmt_module.format_files, na_lezen=editor_saves))
    result = cli("fmt", "--root", ".")
    assert result.code == 1
    assert ("gemeenten/alfa.yml: waarschuwing: bestand is gewijzigd of vervangen terwijl "
            "wegwijzer fmt liep") in result.out
    assert "[fmt-tussendoor-gewijzigd]" in result.out
    assert "gemeenten/beta.yml: opgemaakt" in result.out
    assert result.err.strip().endswith(
        "3 van 4 bestanden opgemaakt; 1 niet opgemaakt omdat het tussendoor gewijzigd of "
        "weggehaald is"
    )
    assert alfa.read_text(encoding="utf-8") == EDITOR_ALFA
    monkeypatch.undo()
    monkeypatch.chdir(messy)
    assert cli("fmt", "--root", ".").code == 0  # the next run formats it
    assert cli("fmt", "--check", "--root", ".").code == 0


def test_a_save_by_another_thread_while_a_big_file_is_formatted_is_kept(mini: Path) -> None:
    """Real concurrency, no hook: the editor saves while fmt is busy with a big file."""
    big = mini / "gemeenten" / "alfa.yml"
    entries = "".join(
        f"-   id: hulp-{n}\n    naam: Hulp {n}\n    telefoon: 0800 {n:04d}\n"
        f"    fasen:\n    - zwanger\n    omschrijving: >-\n        Regel een.\n        Regel twee.\n"
        for n in range(200)
    )
    messy_big = MESSY_ALFA + "interventies:\n" + entries
    big.write_text(messy_big, encoding="utf-8")
    started = time.perf_counter()
    assert format_text(big, big.read_bytes(), Meldingen()) is not None
    seconds = time.perf_counter() - started
    assert seconds > 0.2, "the big file formats too fast to save in the middle"
    saved = EDITOR_ALFA + "interventies:\n" + entries

    def editor() -> None:
        time.sleep(seconds / 3)  # fmt has read the file long ago and is still formatting
        big.write_text(saved, encoding="utf-8")

    thread = threading.Thread(target=editor)
    thread.start()
    uitkomst = format_files([big], check=False)
    thread.join()
    assert big.read_text(encoding="utf-8") == saved
    assert uitkomst.tussendoor == [big]


# --- two runs at once -----------------------------------------------------------------------


def test_a_second_run_during_the_first_does_not_crash_or_overwrite(messy: Path) -> None:
    files = data_files(messy)
    inner: list[fmt_module.Uitkomst] = []

    def second_run(path: Path) -> None:
        if not inner:  # while the first run holds landelijk.yml, another run formats all
            inner.append(format_files(files, check=False))

    outer = format_files(files, check=False, na_lezen=second_run)
    assert len(inner[0].gewijzigd) == 4 and not inner[0].meldingen.fouten
    assert outer.meldingen.fouten == [] and outer.tussendoor == []
    assert outer.gewijzigd == []  # the second run already did it: nothing to do, no warning
    for path in files:
        assert format_text(path, path.read_bytes(), Meldingen()) == path.read_text(encoding="utf-8")
    assert tmp_files(messy) == []


def test_two_fmt_processes_at_once(messy: Path) -> None:
    for n in range(40):  # many files, so both runs are busy at the same time
        (messy / "gemeenten" / f"g{n:02d}.yml").write_text(
            MESSY_ALFA.replace("Alfa", f"G{n:02d}"), encoding="utf-8")
    before = {p: values(p, p.read_bytes()) for p in data_files(messy)}
    command = [sys.executable, "-m", "wegwijzer", "fmt", "--root", str(messy)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert "interne fout" not in err and "Traceback" not in err, err
        assert run.returncode == 0, out + err
    for path, value in before.items():
        data = path.read_bytes()
        assert values(path, data) == value
        assert format_text(path, data, Meldingen()) == data.decode("utf-8")
    assert tmp_files(messy) == []


# --- a killed run's temporary files ---------------------------------------------------------


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_temporary_files_of_a_killed_run_are_removed_at_the_next_start(messy: Path) -> None:
    folder = messy / "gemeenten"
    dead = folder / f".alfa.yml.{_dead_pid()}-k1ll3d.fmt.tmp"
    old_style = folder / ".beta.yml.fmt.tmp"  # the fixed name of earlier versions
    running = folder / f".beta.yml.{os.getppid()}-b8sy.fmt.tmp"  # a run that is still going
    for path in (dead, old_style, running):
        path.write_text("gemeente:\n  na", encoding="utf-8")
    uitkomst = format_files(data_files(messy), check=False)
    assert len(uitkomst.gewijzigd) == 4 and not uitkomst.meldingen
    assert not dead.exists() and not old_style.exists()
    assert running.exists()
    assert not any(".fmt.tmp" in str(p) for p in data_files(messy))


def test_check_removes_nothing(messy: Path) -> None:
    dead = messy / "gemeenten" / f".alfa.yml.{_dead_pid()}-k1ll3d.fmt.tmp"
    dead.write_text("x", encoding="utf-8")
    format_files(data_files(messy), check=True)
    assert dead.exists()


def test_the_file_keeps_its_mode_and_a_link_stays_a_link(messy: Path) -> None:
    alfa = messy / "gemeenten" / "alfa.yml"
    os.chmod(alfa, 0o640)
    real = messy / "gemeenten" / "beta.yml"
    link = messy / "beta-link.yml"
    link.symlink_to(real)
    uitkomst = format_files([alfa, link], check=False)
    assert uitkomst.gewijzigd == [alfa, link]
    assert alfa.stat().st_mode & 0o777 == 0o640
    assert link.is_symlink()
    assert format_text(real, real.read_bytes(), Meldingen()) == real.read_text(encoding="utf-8")


# --- wegwijzer nieuw ------------------------------------------------------------------------


def test_nieuw_never_overwrites_a_file_that_appears_meanwhile(
    in_mini: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    import wegwijzer.edit.scaffold as scaffold

    target = in_mini / "gemeenten" / "gamma.yml"
    theirs = "gemeente:\n  naam: Gamma\n  regio: testregio\n"
    real_read = scaffold.read

    def read_while_someone_creates_the_file(*args, **kwargs):
        target.write_text(theirs, encoding="utf-8")  # another 'nieuw' or an editor, just now
        return real_read(*args, **kwargs)

    monkeypatch.setattr(scaffold, "read", read_while_someone_creates_the_file)
    result = cli("nieuw", "Gamma", "--regio", "testregio")
    assert result.code == 2
    assert "'gemeenten/gamma.yml' bestaat al; het wordt niet overschreven" in result.err
    assert target.read_text(encoding="utf-8") == theirs
    assert tmp_files(in_mini) == []


def test_nieuw_leaves_no_temporary_file(in_mini: Path, cli) -> None:
    assert cli("nieuw", "Gamma", "--regio", "testregio").code == 0
    target = in_mini / "gemeenten" / "gamma.yml"
    assert format_text(target, target.read_bytes(), Meldingen()) == target.read_text(encoding="utf-8")
    assert sorted(p.name for p in (in_mini / "gemeenten").iterdir()) == [
        "alfa.yml", "beta.yml", "gamma.yml"]
