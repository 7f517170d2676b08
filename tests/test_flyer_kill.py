"""A killed run leaves nothing behind: no worker keeps rendering, no temporary folder stays.

Real processes, real signals: `wegwijzer flyers` and `wegwijzer build` are started as
commands, killed with SIGKILL (nothing of their own cleanup runs) or SIGTERM, and then the
tests look at the process table and the temporary folders.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, TODAY

pytestmark = pytest.mark.slow

if not sys.platform.startswith("linux"):
    pytest.skip("reads the process table from /proc", allow_module_level=True)

#: Seconds a killed run's workers may take to end.
WACHTTIJD = 15.0


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the shipped data: enough flyers to render them over worker processes."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("content", "gemeenten", "docs", "flyer"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def temp(tmp_path: Path) -> Path:
    """The temporary folder of the commands (TMPDIR), apart from everyone else's."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def _env(temp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(REPO / "src"), TMPDIR=str(temp), WEGWIJZER_DATUM=TODAY, WEGWIJZER_WERKERS="2"
    )
    return env


def _start(temp: Path, *args: str | Path) -> subprocess.Popen[bytes]:
    """Start a command; what it prints goes to `<temp>/../uitvoer.txt` (a pipe could fill up)."""
    with (temp.parent / "uitvoer.txt").open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "wegwijzer", *map(str, args)],
            env=_env(temp), stdout=log, stderr=subprocess.STDOUT,
        )


def _children(pid: int) -> set[int]:
    """Live processes whose parent is `pid` (zombies do not count: they run nothing)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"na {seconds:.0f} s nog niet: {what}")
        time.sleep(0.05)


def _end(run: subprocess.Popen[bytes], workers: set[int]) -> None:
    """Whatever the test found, leave no process of it behind."""
    if run.poll() is None:
        run.kill()
        run.wait(10)
    for pid in workers:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _workers_started(run: subprocess.Popen[bytes], count: int = 2) -> set[int]:
    """Wait until `run` has `count` renderers of its own going; their pids."""
    def started() -> bool:
        assert run.poll() is None, (temp.parent / "uitvoer.txt").read_text(errors="replace")
        return len(_workers(run.pid)) >= count

    _wait_for(started, 120, "werkers gestart")
    return _workers(run.pid)


def _workers(pid: int) -> set[int]:
    """Children of `pid` that are multiprocessing workers (not the resource tracker)."""
    result = set()
    for child in _children(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            result.add(child)
    return result


def test_workers_end_when_flyers_is_killed(project: Path, temp: Path, tmp_path: Path) -> None:
    run = _start(temp, "flyers", "--root", project, "--out", tmp_path / "out")
    workers: set[int] = set()
    try:
        workers = _workers_started(run)
        time.sleep(0.3)  # the workers are rendering
        assert run.poll() is None, "klaar voor de kill: de test zegt dan niets"
        run.send_signal(signal.SIGKILL)
        run.wait(10)
        _wait_for(lambda: not any(_alive(p) for p in workers), WACHTTIJD, f"werkers {workers} gestopt")
    finally:
        _end(run, workers)
    # the next run completes and leaves nothing half-written in the output
    done = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "flyers", "--root", project, "--out", tmp_path / "out"],
        env=_env(temp), capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.startswith(".tmp-")]


def test_a_killed_build_leaves_a_flyer_folder_the_next_run_removes(
    project: Path, temp: Path, tmp_path: Path
) -> None:
    run = _start(temp, "build", "--root", project, "--out", tmp_path / "site")
    workers: set[int] = set()
    try:
        workers = _workers_started(run)
        [leftover] = list(temp.glob("wegwijzer-flyers-*"))
        assert run.poll() is None, "klaar voor de kill: de test zegt dan niets"
        run.send_signal(signal.SIGKILL)
        run.wait(10)
        _wait_for(lambda: not any(_alive(p) for p in workers), WACHTTIJD, f"werkers {workers} gestopt")
    finally:
        _end(run, workers)
    assert leftover.is_dir()  # SIGKILL: nothing could remove it
    other = temp / "wegwijzer-flyers-niet-van-ons"  # not made by a wegwijzer: left alone
    other.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "flyers", "--root", project, "--out", tmp_path / "out",
         "--gemeente", "ede", "--taal", "nl"],
        env=_env(temp), capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert not leftover.exists()
    assert other.is_dir()


def test_a_terminated_build_removes_its_flyer_folder(project: Path, temp: Path, tmp_path: Path) -> None:
    """SIGTERM (a deploy script's `kill`, a CI timeout) stops like Ctrl-C: the cleanup runs."""
    run = _start(temp, "build", "--root", project, "--out", tmp_path / "site")
    workers: set[int] = set()
    try:
        workers = _workers_started(run)
        assert list(temp.glob("wegwijzer-flyers-*"))
        assert run.poll() is None, "klaar voor de kill: de test zegt dan niets"
        run.send_signal(signal.SIGTERM)
        run.wait(120)
        _wait_for(lambda: not any(_alive(p) for p in workers), WACHTTIJD, f"werkers {workers} gestopt")
    finally:
        _end(run, workers)
    assert run.returncode == 130  # as Ctrl-C
    uitvoer = (tmp_path / "uitvoer.txt").read_text(encoding="utf-8")
    assert "wegwijzer: afgebroken" in uitvoer and "Traceback" not in uitvoer
    assert not list(temp.glob("wegwijzer-flyers-*"))
    assert not (tmp_path / "site").exists()
    assert not [p for p in tmp_path.iterdir() if ".bouw-" in p.name]
