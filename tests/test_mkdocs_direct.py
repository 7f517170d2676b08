"""`mkdocs build` and `mkdocs serve` run by hand on a copy of the project (issue 11, items 2, 9
and 15): a site folder that would destroy data is refused, nothing outside the project is
published, and a serve with broken data keeps the last good site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

ENV = {**os.environ, "WEGWIJZER_FLYERS": "false", "NO_MKDOCS_2_WARNING": "1"}


def make_project(tmp: Path) -> Path:
    """A copy of the shipped project with the repository's folders a careless -d could hit."""
    root = tmp / "proj"
    for name in ("content", "gemeenten", "docs", "flyer"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("src", "tests", "scripts"):
        (root / name).mkdir()
        (root / name / "keep.py").write_text("# a source file\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mkdocs(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=root, env=ENV,
        capture_output=True, text=True, timeout=timeout, check=False,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("direct"))


# MkDocs itself refuses a site_dir that holds docs_dir (in English); the plugin the others.
MKDOCS_REFUSES = {"docs", ".", ".."}


@pytest.mark.parametrize(
    "site_dir",
    ["content", "gemeenten", "content/regio", "gemeenten/x", "docs", "flyer", "flyer/formaat",
     "src", "tests", "scripts", ".git", ".", ".."],
)
def test_mkdocs_build_refuses_a_site_dir_that_would_delete_data(project: Path, site_dir: str) -> None:
    before = snapshot(project)
    run = mkdocs(project, "build", "-q", "-d", site_dir)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr, run.stderr
    assert "site_dir" in run.stderr, run.stderr
    if site_dir not in MKDOCS_REFUSES:
        assert "niets verwijderd" in run.stderr and "--out" not in run.stderr, run.stderr
    assert snapshot(project) == before  # every data file still there, byte for byte
    assert not (project / site_dir / "index.html").exists()


def test_mkdocs_build_into_a_new_folder_still_works(project: Path, tmp_path: Path) -> None:
    run = mkdocs(project, "build", "-q", "-d", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "ede" / "index.html").is_file()


# --- links that leave the project (item 9) -------------------------------------------------------


def secret(tmp: Path) -> Path:
    """A folder outside the project with a file nobody meant to publish."""
    outside = tmp / "elders"
    outside.mkdir()
    (outside / "geheim.md").write_text("# Geheim\n\nGEHEIM-4711\n", encoding="utf-8")
    (outside / "geheim.txt").write_text("GEHEIM-4711\n", encoding="utf-8")
    return outside


def published(site: Path) -> bool:
    return site.is_dir() and any(
        b"GEHEIM-4711" in p.read_bytes() for p in site.rglob("*") if p.is_file()
    )


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("docs/geheim.md", "elders/geheim.md"),  # a page
        ("docs/bijlage.txt", "elders/geheim.txt"),  # a file copied as it is
        ("docs/extern", "elders"),  # a folder
        ("docs/weg.md", "elders/bestaat-niet.md"),  # a link to nothing
        ("overrides/extra.txt", "elders/geheim.txt"),  # the theme's custom_dir
    ],
)
def test_links_out_of_the_project_are_refused(tmp_path: Path, link: str, target: str) -> None:
    root = make_project(tmp_path)
    outside = secret(tmp_path)
    if link.startswith("overrides/"):
        (root / "overrides").mkdir()
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / link).symlink_to(tmp_path / target)
    site = tmp_path / "out"
    run = mkdocs(root, "build", "-q", "-d", str(site))
    assert run.returncode != 0
    assert "Traceback" not in run.stderr, run.stderr
    assert f"'{link}' is een snelkoppeling (symlink)" in run.stderr, run.stderr
    assert not published(site)
    assert outside.is_dir()


def test_links_inside_the_project_are_followed(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "teksten").mkdir()
    (root / "teksten" / "over.md").write_text("# Over ons\n\nOVER-0815\n", encoding="utf-8")
    (root / "docs" / "over.md").symlink_to(root / "teksten" / "over.md")
    (root / "docs" / "teksten").symlink_to(Path("..") / "teksten")
    site = tmp_path / "out"
    run = mkdocs(root, "build", "-q", "-d", str(site))
    assert run.returncode == 0, run.stderr
    assert "OVER-0815" in (site / "over" / "index.html").read_text(encoding="utf-8")
    assert (site / "teksten" / "over" / "index.html").is_file()


# --- serve with broken data (item 15) ------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 - 127.0.0.1
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def _wait(what, seconds: float):
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        result = what()
        if result:
            return result
        time.sleep(0.3)
    return what()


def test_serve_with_broken_data_keeps_the_last_good_site(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    ede = root / "gemeenten" / "ede.yml"
    good = ede.read_text(encoding="utf-8")
    assert "naam: Overleg over je zwangerschap (MDO)" in good
    port = _free_port()
    url = f"http://127.0.0.1:{port}/ede/"
    log_path = tmp_path / "serve.log"

    def ok() -> str | None:
        try:
            status, body = _get(url, timeout=5)
        except OSError:
            return None
        return body if status == 200 else None

    with log_path.open("w", encoding="utf-8") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root, env=ENV, stdout=log_file, stderr=subprocess.STDOUT,
        )
        try:
            first = _wait(ok, 180)
            assert first and "Overleg over je zwangerschap" in first, log_path.read_text(encoding="utf-8")

            # Break the data: an unknown key. The rebuild fails with the Dutch message (file:line).
            ede.write_text(good + "\nonbekende_sleutel: ja\n", encoding="utf-8")
            seen = _wait(lambda: "ede.yml:" in log_path.read_text(encoding="utf-8")
                         and "niet gebouwd" in log_path.read_text(encoding="utf-8"), 120)
            assert seen, log_path.read_text(encoding="utf-8")
            status, body = _get(url, timeout=10)  # hung forever before the fix
            assert status == 200 and "Overleg over je zwangerschap" in body
            assert "Traceback" not in log_path.read_text(encoding="utf-8")

            # Fix the data with a visible change: the next rebuild shows it.
            ede.write_text(good.replace("naam: Overleg over je", "naam: Gesprek over je"), encoding="utf-8")
            new = _wait(lambda: (b := ok()) and "Gesprek over je zwangerschap" in b and b, 60)
            assert new, log_path.read_text(encoding="utf-8")
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
