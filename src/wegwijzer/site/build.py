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
from typing import Any

from wegwijzer import files
from wegwijzer.read.config import MKDOCS_YML, read_config
from wegwijzer.site.qrcheck import check_qr_addresses
from wegwijzer.diagnostics import GebruiksFout, Meldingen, WegwijzerFout
from wegwijzer.read.project import GEMEENTEN_DIR, check_root
from wegwijzer.rules.validate import Resultaat, validate

SITE_MARKERS = ("index.html", "404.html", "sitemap.xml")
DOCS_DIR = "docs"
# The build folder beside the output, and the old output while it is swapped out: both carry
# the process id, so the next run removes what a killed one left (`files.clean_stale`).
BOUW = "bouw-"
OUD = "oud-"


@dataclass
class Bouwresultaat:
    resultaat: Resultaat
    out: Path | None = None  # None when the data had errors and nothing was built
    paginas: int = 0
    flyers: int = 0
    mkdocs_meldingen: list[str] = field(default_factory=list)
    flyer_meldingen: Meldingen = field(default_factory=Meldingen)
    # pages the previous output had that this build did not make ('/rozendaal/'): flyers
    # printed before may carry their address
    verdwenen: list[str] = field(default_factory=list)


def check_out(out: Path, root: Path, option: str = "--out") -> None:
    """Refuse output folders whose replacement would destroy something that is not a site.
    `mkdocs build` checks its site_dir with it too (site/plugin.py)."""
    files.check_out_dir(out, root, option)
    if out.exists() and not out.is_dir():
        raise GebruiksFout(f"{option} '{files.toon(out)}' is een bestand, geen map")
    if out.is_dir() and any(out.iterdir()) and not any((out / m).exists() for m in SITE_MARKERS):
        raise GebruiksFout(
            f"map '{files.toon(out)}' bestaat al en is geen gebouwde site; die map wordt bij het bouwen "
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
    old = out.with_name(f"{files.owned_prefix(f'.{out.name}.{OUD}')}weg")
    out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def _check_gemeente_pages(new: Path, out: Path, gemeenten: Any) -> None:
    """A build that made no page for a gemeente of the data never replaces a site."""
    missing = [slug for slug in gemeenten if not (new / slug / "index.html").is_file()]
    if not gemeenten or missing:
        what = (
            "er is geen enkele gemeentepagina gemaakt"
            if not gemeenten or len(missing) == len(gemeenten)
            else "geen gemeentepagina voor " + ", ".join(sorted(missing))
        )
        raise WegwijzerFout(
            f"de site is niet gebouwd: {what}; '{files.toon(out)}' is niet veranderd. Staan de "
            f"gemeentebestanden in '{GEMEENTEN_DIR}/' van de projectmap (--root)?"
        )


def _dropped_pages(out: Path, new: Path) -> list[str]:
    """The pages ('/rozendaal/') of the previous output in `out` that `new` does not have."""
    if not out.is_dir():
        return []
    gone = {
        page.parent.relative_to(out)
        for page in out.rglob("index.html")
        if page.parent != out and not (new / page.parent.relative_to(out) / "index.html").is_file()
    }
    # name a gone gemeente once, not each of its pages
    top = [path for path in gone if not any(parent in gone for parent in path.parents)]
    return sorted(f"/{path.as_posix()}/" for path in top)


def build_site(root: Path, out: Path | None = None, *, flyers: bool = True) -> Bouwresultaat:
    """Validate `root`; when there are no errors, build its site (and flyers) into `out`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # keep the theme's banner off the terminal
    # Every path once, against the current folder, before anything else: MkDocs resolves a
    # relative site_dir against the folder of mkdocs.yml, not against ours.
    root = check_root(Path(os.path.abspath(root)))
    out = Path(os.path.abspath(out)) if out is not None else root / "site"
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
    for kind in (BOUW, OUD):  # what killed builds left beside the output
        files.clean_stale(out.parent, f".{out.name}.{kind}")
    tmp = Path(tempfile.mkdtemp(prefix=files.owned_prefix(f".{out.name}.{BOUW}"), dir=out.parent))
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
                    f"de site is niet gebouwd; '{files.toon(out)}' is niet veranderd.\n{text}"
                ) from None
            result.mkdocs_meldingen = [r.getMessage() for r in log.records]
            result.flyer_meldingen = plugin.flyer_meldingen
        result.paginas = sum(1 for _ in tmp.rglob("index.html"))
        _check_gemeente_pages(tmp, out, resultaat.gemeenten)
        # the addresses the flyers print and encode (Config.gemeente_url) are pages of it
        config_site = read_config(root)
        check_qr_addresses(
            (
                config_site.gemeente_url(slug, taal)
                for slug, data in resultaat.gemeenten.items()
                for taal in ["nl", *(data.info.flyer_talen or [])]
                if taal == "nl" or taal in resultaat.project.vertalingen
            ),
            config_site.site_url, tmp, files.toon(out),
        )
        result.verdwenen = _dropped_pages(out, tmp)
        # mkdtemp makes a folder only its owner may read: give it the mode of the folder it
        # replaces (or the usual one), so a web server running as another user can serve it
        os.chmod(tmp, files.usual_mode(directory=True, like=out if out.is_dir() else None))
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
