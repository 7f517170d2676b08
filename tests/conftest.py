from __future__ import annotations

import os
import shutil
import socket
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

from collections.abc import Iterator
from typing import Any

import pytest

from wegwijzer.cli import main
from wegwijzer.site.browser import CHROMIUM, Server, chromium, serve
from wegwijzer.site.build import build_site

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEGWIJZER_DATUM", TODAY)


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run the `wegwijzer` command in-process and capture what it prints."""

    def run(*args: str | Path) -> Run:
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse exits for usage errors and --help
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err + captured.out
        assert "interne fout" not in captured.err
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small fictional project (landelijk, one regio, gemeenten alfa and beta)."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of `path` containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def in_mini(mini: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini project as current directory, so messages name 'gemeenten/alfa.yml'."""
    monkeypatch.chdir(mini)
    return mini


@pytest.fixture
def no_real_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names the checker would look up fail as unknown (tests never reach a real name
    server); the list holds the names that were asked."""
    from wegwijzer.check import fetch

    asked: list[str] = []

    async def lookup(host: str, port: int, family: int) -> list:
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch, "system_lookup", lookup)
    return asked


# --- browser sessions, shared by the browser test modules ----------------------------------
# One Chromium per test session: Playwright's sync API runs one event loop per thread, so a
# second session-wide browser (a fixture imported into another module) cannot start.


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: draai 'bash scripts/setup-system.sh'")
    with chromium() as instance:
        yield instance


def _fake_flyers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Flyer files without Typst (the flyer tests test the flyers): tiny stand-ins with the
    real names, so the gemeentepagina shows its flyer section as it will be published."""
    from wegwijzer import flyer
    from wegwijzer.flyer.names import FORMATS, flyer_files, flyer_talen

    def render_all(resultaat: Any, out_dir: Path, config: Any, **kwargs: Any) -> list[Path]:
        written = []
        for slug, data in resultaat.gemeenten.items():
            for taal in flyer_talen(data.info.flyer_talen):
                for key in FORMATS:
                    path = out_dir / slug / flyer_files(slug, taal)[key]
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(b"stand-in")
                    written.append(path)
        return written

    monkeypatch.setattr(flyer, "render_all", render_all)


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    out = tmp_path_factory.mktemp("browser-shipped") / "site"
    with pytest.MonkeyPatch.context() as monkeypatch:
        _fake_flyers(monkeypatch)
        assert build_site(REPO, out).out == out
    with serve(out) as server:
        yield server




def block_other_hosts(context: Any) -> list[str]:
    """Abort every request of a browser context to a host other than 127.0.0.1 (the test's
    own server); the list it returns fills with the addresses that were asked for."""
    from urllib.parse import urlsplit

    other_hosts: list[str] = []

    def route(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            other_hosts.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return other_hosts
