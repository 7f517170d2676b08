"""Writing output files so that a reader never sees half a file."""

from __future__ import annotations

import os
from pathlib import Path

from wegwijzer.diagnostics import WegwijzerFout


def write_text_atomic(path: Path, text: str, what: str = "") -> None:
    """Write `text` to a temporary file beside `path`, then rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        name = f"{what} '{path}'" if what else f"'{path}'"
        raise WegwijzerFout(f"kan {name} niet schrijven ({exc.strerror})") from exc
