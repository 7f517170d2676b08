"""`wegwijzer build`: validate, build site and flyers into a temporary folder, then swap it in.

A build never leaves half a site: MkDocs writes into a new folder next to the output folder,
and only when everything succeeded does that folder take the output's place (one atomic
rename on Linux; elsewhere two renames in a row). A failed build removes its temporary
folder and leaves the previous output as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.read.config import MKDOCS_YML
from wegwijzer.diagnostics import GebruiksFout, Meldingen, WegwijzerFout
from wegwijzer.read.project import GEMEENTEN_DIR, check_root
from wegwijzer.rules.validate import Resultaat, validate

SITE_MARKERS = ("index.html", "404.html", "sitemap.xml")
DOCS_DIR = "docs"
# Folders of the project that an output folder may not be, nor lie in: the data, the templates
# (flyer/, docs/) and the repository's own folders. `mkdocs build` checks its site_dir with
# `check_out` too (site/plugin.py).
PROTECTED = ("content", GEMEENTEN_DIR, DOCS_DIR, "flyer", "src", "tests", "scripts", ".git")


@dataclass
class Bouwresultaat:
    resultaat: Resultaat
    out: Path | None = None  # None when the data had errors and nothing was built
    paginas: int = 0
    flyers: int = 0
    mkdocs_meldingen: list[str] = field(default_factory=list)
    flyer_meldingen: Meldingen = field(default_factory=Meldingen)


def check_out(out: Path, root: Path) -> None:
    """Refuse output folders whose replacement would destroy something that is not a site."""
    out_abs, root_abs = out.resolve(), root.resolve()
    if out_abs == root_abs or out_abs in root_abs.parents:
        raise GebruiksFout(f"--out '{out}' is de projectmap zelf of een map erboven; kies bijvoorbeeld '{root / 'site'}'")
    for data_dir in (root_abs / name for name in PROTECTED):
        if out_abs == data_dir or data_dir in out_abs.parents:
            raise GebruiksFout(f"--out '{out}' ligt in '{data_dir.name}/'; daar staan gegevens of bronbestanden, geen site")
    if out.exists() and not out.is_dir():
        raise GebruiksFout(f"--out '{out}' is een bestand, geen map")
    if out.is_dir() and any(out.iterdir()) and not any((out / m).exists() for m in SITE_MARKERS):
        raise GebruiksFout(
            f"map '{out}' bestaat al en is geen gebouwde site; die map wordt bij het bouwen "
            "vervangen, dus kies een lege of nieuwe map"
        )


class _Collect(logging.Handler):
    """Keep MkDocs' warnings and errors, to show them in the command's own words."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _mkdocs_logging() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    saved = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False if unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def swap_in(new: Path, out: Path) -> None:
    """Put the folder `new` in the place of `out` (which may not exist yet)."""
    if not out.exists():
        new.rename(out)
        return
    if _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous output
        return
    old = out.with_name(f".{out.name}.oud-{os.getpid()}")
    out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def build_site(root: Path, out: Path | None = None, *, flyers: bool = True) -> Bouwresultaat:
    """Validate `root`; when there are no errors, build its site (and flyers) into `out`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # keep the theme's banner off the terminal
    root = check_root(root)
    out = out if out is not None else root / "site"
    check_out(out, root)
    config_file = root / MKDOCS_YML
    if not config_file.is_file():
        raise WegwijzerFout(f"{config_file}: bestand ontbreekt; hierin staan site_url en de opbouw van de site")
    resultaat = validate(root)
    result = Bouwresultaat(resultaat)
    if resultaat.meldingen.has_errors:
        return result

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.bouw-", dir=out.parent))
    # A root without docs/ (it holds only pages of one's own) gets an empty one.
    no_docs = None if (root / DOCS_DIR).is_dir() else Path(tempfile.mkdtemp(prefix="wegwijzer-docs-"))
    overrides = {"docs_dir": str(no_docs)} if no_docs else {}
    try:
        with _mkdocs_logging() as log:
            try:
                config = load_config(config_file=str(config_file), site_dir=str(tmp), **overrides)
                plugin = config.plugins.get("wegwijzer")
                if plugin is None:
                    raise WegwijzerFout(
                        f"{config_file}: de plugin 'wegwijzer' staat niet onder 'plugins:'; "
                        "zonder die plugin worden er geen pagina's gemaakt"
                    )
                plugin.root_override = root
                plugin.preset = resultaat
                plugin.config.flyers = flyers and bool(plugin.config.flyers)
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    mkdocs_build(config)
                finally:
                    config.plugins.on_shutdown()
            except (MkDocsException, SystemExit) as exc:
                details = [r.getMessage() for r in log.records if r.levelno >= logging.ERROR]
                text = "\n".join(details) or str(exc)
                raise WegwijzerFout(
                    f"de site is niet gebouwd; '{out}' is niet veranderd.\n{text}"
                ) from None
            result.mkdocs_meldingen = [r.getMessage() for r in log.records]
            result.flyer_meldingen = plugin.flyer_meldingen
        result.paginas = sum(1 for _ in tmp.rglob("index.html"))
        result.flyers = sum(
            1
            for slug in resultaat.gemeenten
            for p in (tmp / slug).glob("*")
            if p.suffix in (".pdf", ".png")
        )
        swap_in(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if no_docs is not None:
            shutil.rmtree(no_docs, ignore_errors=True)
    result.out = out
    return result
