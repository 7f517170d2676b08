"""Temporary files and folders that carry their owner's process id, so leftovers can be found.

A run that is killed (``kill -9``, a power cut) cannot remove what it was writing. Every
temporary name of the flyer stage is ``<prefix><pid>-<random>``: the next run removes those
whose process is gone (`clean_stale`), and never touches those of a run still going.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

#: Prefix of temporary files and folders beside what they become (cache entries, flyers).
TMP = ".tmp-"
#: Prefix of the folder `wegwijzer build` renders the flyers into (in the system's temp folder).
FLYER_MAP = "wegwijzer-flyers-"


def owned_prefix(prefix: str) -> str:
    """`prefix` with this process's id: what `clean_stale` reads back."""
    return f"{prefix}{os.getpid()}-"


def owner(name: str, prefix: str) -> int | None:
    """The process id in a name made with `owned_prefix`; None for any other name."""
    if not name.startswith(prefix):
        return None
    pid, dash, _ = name[len(prefix):].partition("-")
    return int(pid) if dash and pid.isdigit() else None


def alive(pid: int) -> bool:
    """Whether a process with this id exists (one of another user counts as alive)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def clean_stale(folder: Path, prefix: str) -> int:
    """Remove the files and folders named `<prefix><pid>-...` in `folder` whose process is
    gone; the number removed. Anything unreadable is left alone (a later run tries again)."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        pid = owner(name, prefix)
        if pid is None or alive(pid):
            continue
        path = folder / name
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed += 1
    return removed


def make_dir(prefix: str, folder: Path | None = None) -> Path:
    """A new temporary folder `<prefix><pid>-...` in `folder` (the system's temp folder by
    default), after removing the stale ones of that prefix there."""
    parent = Path(folder) if folder is not None else Path(tempfile.gettempdir())
    clean_stale(parent, prefix)
    return Path(tempfile.mkdtemp(prefix=owned_prefix(prefix), dir=parent))


def flyer_map() -> Path:
    """The folder `wegwijzer build` renders the flyers into. It is removed when the build is
    done (by its caller), at the latest when the process exits; if the process is killed, by
    the next run (`clean_stale`)."""
    path = make_dir(FLYER_MAP)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def clean_flyer_maps() -> int:
    """Remove the flyer folders of `wegwijzer build` runs that were killed."""
    return clean_stale(Path(tempfile.gettempdir()), FLYER_MAP)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place: a reader
    never sees half a flyer; a killed run leaves a `.tmp-<pid>-` file the next one removes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=owned_prefix(TMP), suffix=f"-{path.name}", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
