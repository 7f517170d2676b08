"""Every command that writes: paths as the user typed them, never over data or sources, the
usual permissions, no leftovers of a killed run, and a build that loses a page says so."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from wegwijzer import files


def project(parent: Path, name: str = "proj") -> Path:
    root = parent / name
    shutil.copytree(FIXTURES / "site", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return root


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but the tool's own cache."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".wegwijzer-cache" not in p.parts
    }


def dead_pid() -> int:
    pid = 999_999
    while files.alive(pid):
        pid -= 1
    return pid


# --- item 1: relative paths, and a build that makes no gemeente page ----------------------


def test_relative_out_and_root_are_taken_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers")
    assert result.code == 0, result.err
    for slug in ("aadorp", "beekdal", "cederveen"):
        assert (tmp_path / "pub" / slug / "index.html").is_file()
    assert "site gebouwd in pub:" in result.err
    assert not list(root.glob(".pub*")) and not list(tmp_path.glob(".pub*"))


def test_a_build_without_gemeente_pages_never_replaces_a_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers").code == 0
    before = tree(tmp_path / "pub")
    for path in (root / "gemeenten").glob("*.yml"):
        path.unlink()
    result = cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers")
    assert result.code == 1
    assert "niet gebouwd" in result.err
    assert tree(tmp_path / "pub") == before
    assert not list(tmp_path.glob(".pub.*"))


def test_a_page_the_previous_site_had_is_named_when_it_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers").code == 0
    (root / "gemeenten" / "cederveen.yml").unlink()
    result = cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers")
    warnings = [line for line in result.err.splitlines() if "[pagina-verdwenen]" in line]
    # the gemeente's own address by name, once; its pages elsewhere in one line
    assert len(warnings) == 2, result.err
    assert "de pagina /cederveen/ stond in de vorige site" in warnings[0]
    assert "pagina's van de vorige site zijn er niet meer (/sociale-kaart/" in warnings[1]
    assert not (tmp_path / "pub" / "cederveen").exists()


# --- item 13: permissions -----------------------------------------------------------------


def test_the_published_folder_is_readable_by_a_web_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    project(tmp_path)
    monkeypatch.chdir(tmp_path)
    old = os.umask(0o022)
    try:
        assert cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers").code == 0
        assert stat.S_IMODE((tmp_path / "pub").stat().st_mode) == 0o755
        assert stat.S_IMODE((tmp_path / "pub" / "index.html").stat().st_mode) == 0o644
        # a folder with a mode of its own keeps it when it is replaced
        os.chmod(tmp_path / "pub", 0o750)
        assert cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers").code == 0
        assert stat.S_IMODE((tmp_path / "pub").stat().st_mode) == 0o750
    finally:
        os.umask(old)


def test_an_atomic_write_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "rapport.md"
        files.write_text_atomic(path, "een\n")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        os.chmod(path, 0o640)
        files.write_text_atomic(path, "twee\n")
        assert path.read_text() == "twee\n"
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert [p.name for p in tmp_path.iterdir()] == ["rapport.md"]
    finally:
        os.umask(old)


# --- item 14: leftovers of a killed build -------------------------------------------------


def test_the_next_build_removes_what_a_killed_one_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    project(tmp_path)
    monkeypatch.chdir(tmp_path)
    pid = dead_pid()
    stale = [tmp_path / f".pub.bouw-{pid}-abc", tmp_path / f".pub.oud-{pid}-weg"]
    for folder in stale:
        (folder / "ede").mkdir(parents=True)
        (folder / "ede" / "index.html").write_text("oud")
    live = tmp_path / f".pub.bouw-{os.getpid()}-live"  # a run still going: left alone
    live.mkdir()
    assert cli("build", "--root", "proj", "--out", "pub", "--zonder-flyers").code == 0
    assert not any(folder.exists() for folder in stale)
    assert live.exists()


def test_build_leftovers_are_ignored_by_git() -> None:
    ignore = (REPO / ".gitignore").read_text()
    for pattern in (".*.bouw-*/", ".*.oud-*/", ".tmp-*", ".wegwijzer-cache/"):
        assert pattern in ignore.splitlines()


# --- item 4: no command writes over data, templates or sources ----------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("schema", "--out", "gemeenten/alfa.yml"),
        ("schema", "--out", "content/landelijk.yml"),
        ("schema", "--out", "content/nieuw.json"),
        ("schema", "--markdown", "--out", "mkdocs.yml"),
        ("schema", "--out", "gemeenten"),
        ("export", "csv", "--out", "content"),
        ("export", "hsds", "--out", "gemeenten/hsds"),
        ("export", "xlsx", "--out", "content/sociale-kaart.xlsx"),
        ("flyers", "--out", "gemeenten"),
        ("check", "--rapport", "gemeenten/rapport.md"),
        ("build", "--out", "content"),
    ],
)
def test_no_command_writes_over_the_data(in_mini: Path, cli, argv: tuple[str, ...]) -> None:
    before = tree(in_mini)
    result = cli(*argv, "--root", ".")
    assert result.code == 2, result.err
    assert any(
        reason in result.err for reason in ("niet overschreven", "geen uitvoer", "is een map")
    ), result.err
    assert tree(in_mini) == before


def test_an_existing_yaml_file_elsewhere_is_not_overwritten(in_mini: Path, tmp_path: Path, cli) -> None:
    other = tmp_path / "elders" / "ede.yml"
    other.parent.mkdir()
    other.write_text("gemeente:\n  naam: Ede\n")
    result = cli("schema", "--out", str(other), "--root", ".")
    assert result.code == 2
    assert "bestaand YAML-bestand" in result.err
    assert other.read_text() == "gemeente:\n  naam: Ede\n"


def test_schema_may_write_a_new_file_of_its_own(in_mini: Path, cli) -> None:
    result = cli("schema", "--out", "schema/wegwijzer.schema.json", "--root", ".")
    assert result.code == 0, result.err
    assert (in_mini / "schema" / "wegwijzer.schema.json").read_text().startswith("{")


# --- item 12: two commands that write the same project ------------------------------------


def hold_lock(root: Path, wat: str = "build") -> subprocess.Popen[str]:
    """Another process that holds the project's write lock until it is killed."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from wegwijzer.files import schrijfslot\n"
        f"with schrijfslot(Path({str(root)!r}), {wat!r}):\n"
        "    print('vast', flush=True)\n"
        "    time.sleep(120)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
    return holder


@pytest.mark.parametrize("argv", [("build", "--zonder-flyers"), ("flyers", "--gemeente", "aadorp")])
def test_a_second_writing_command_is_refused_while_one_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli, argv: tuple[str, ...]
) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    holder = hold_lock(root)
    try:
        result = cli(*argv, "--root", "proj", "--out", "pub")
        assert result.code == 1
        assert f"er loopt al 'wegwijzer build' (proces {holder.pid}) in dit project" in result.err
        assert not (tmp_path / "pub").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # the lock of a killed process is free at once: no stale lock to remove by hand
    result = cli("build", "--zonder-flyers", "--root", "proj", "--out", "pub")
    assert result.code == 0, result.err


def test_the_lock_never_creates_a_project_folder(tmp_path: Path) -> None:
    with files.schrijfslot(tmp_path / "bestaat-niet", "build"):
        pass
    assert not (tmp_path / "bestaat-niet").exists()
