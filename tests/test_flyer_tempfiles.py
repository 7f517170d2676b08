"""Temporary names carry their owner's pid; the next run removes those of runs that are gone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from wegwijzer.flyer import tempfiles
from wegwijzer.flyer.tempfiles import TMP, clean_stale, owned_prefix, owner, write_atomic


def _dead_pid() -> int:
    """The id of a process that has ended (and been waited for)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_leftovers_of_ended_processes_are_removed(tmp_path: Path) -> None:
    dead = _dead_pid()
    (tmp_path / f"{TMP}{dead}-abc").mkdir()  # a cache entry being written when killed
    (tmp_path / f"{TMP}{dead}-abc" / "a5").write_bytes(b"%PDF-half")
    (tmp_path / f"{TMP}{dead}-xyz-mamawegwijzer-ede-nl-a5.pdf").write_bytes(b"%PDF-half")
    mine = tmp_path / f"{owned_prefix(TMP)}def"
    mine.mkdir()
    parent = tmp_path / f"{TMP}{os.getppid()}-ghi"  # a live process (not this one)
    parent.mkdir()
    foreign = [tmp_path / ".tmp-geen-pid", tmp_path / "mamawegwijzer-ede-nl-a5.pdf", tmp_path / f"{TMP}12x-a"]
    for path in foreign:
        path.write_bytes(b"van iemand anders")
    assert clean_stale(tmp_path, TMP) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [mine.name, parent.name, *(p.name for p in foreign)]
    )


def test_owner_reads_the_pid_back() -> None:
    assert owner(f"{owned_prefix(TMP)}x1y2", TMP) == os.getpid()
    assert owner(".tmp-123", TMP) is None  # no dash after the pid: not one of ours
    assert owner("wegwijzer-flyers-abc", tempfiles.FLYER_MAP) is None


def test_a_flyer_map_is_made_after_removing_stale_ones(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfiles.tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"{tempfiles.FLYER_MAP}{_dead_pid()}-oud"
    stale.mkdir()
    (stale / "ede").mkdir()
    made = tempfiles.flyer_map()
    assert made.parent == tmp_path and owner(made.name, tempfiles.FLYER_MAP) == os.getpid()
    assert not stale.exists()


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "ede" / "mamawegwijzer-ede-nl.png"
    write_atomic(target, b"\x89PNG")
    write_atomic(target, b"\x89PNG2")
    assert target.read_bytes() == b"\x89PNG2"
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_the_command_puts_the_sigterm_handler_back(cli) -> None:
    import signal

    before = signal.getsignal(signal.SIGTERM)
    assert cli("schema").code == 0
    assert signal.getsignal(signal.SIGTERM) is before
