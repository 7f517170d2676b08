"""Temporary files and folders that carry their owner's process id, so leftovers can be found.

A run that is killed (``kill -9``, a power cut) cannot remove what it was writing. Every
temporary name of the flyer stage is ``<prefix><pid>-<random>``: the next run removes those
whose process is gone (`clean_stale`), and never touches those of a run still going.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

# The pid-named temporary names and the atomic write are shared with the other stages.
from wegwijzer.files import TMP, alive, clean_stale, owned_prefix, owner, write_atomic  # noqa: F401

#: Prefix of the folder `wegwijzer build` renders the flyers into (in the system's temp folder).
FLYER_MAP = "wegwijzer-flyers-"


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
