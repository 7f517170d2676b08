"""The flyers on the site: render them (when the flyer module is there) and plan their links.

The flyer stage (`wegwijzer.flyer`) is optional for the site: without it, or while previewing
with `mkdocs serve`, the gemeentepagina says where the flyers will come instead of linking
files that are not there. The links are planned (`planned`, used by `wegwijzer.site.plan`):
the flyer stage makes every planned file or the build fails.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wegwijzer.diagnostics import Meldingen
from wegwijzer.read.values import richting



@dataclass(frozen=True)
class FlyerTaal:
    taal: str
    naam: str  # the language's name in that language
    richting: str  # "ltr" or "rtl"
    # (format, file name relative to the gemeente folder); the page names each format in its
    # own language (site_teksten flyer_a5, flyer_png, ...)
    links: tuple[tuple[str, str], ...]


def _names() -> Any | None:
    try:
        return importlib.import_module("wegwijzer.flyer.names")
    except ImportError:
        return None


def available() -> bool:
    """True when the flyer stage can render (its `render_all` can be imported)."""
    try:
        from wegwijzer.flyer import render_all  # noqa: F401
    except ImportError:
        return False
    return True


def temp_dir() -> Path:
    """A new folder to render a build's flyers into: one the flyer stage can clean up after
    a killed run (its name carries this process's id), else a plain temporary folder."""
    try:
        from wegwijzer.flyer import flyer_map
    except ImportError:
        import tempfile

        return Path(tempfile.mkdtemp(prefix="wegwijzer-flyers-"))
    return flyer_map()


def render(resultaat: Any, out_dir: Path, config: Any, meldingen: Meldingen | None = None) -> list[Path]:
    """Render every flyer into `out_dir/<gemeente>/`; [] when there is no flyer stage.

    Notes of the flyer stage (such as entries left off a flyer) go into `meldingen` when
    its `render_all` accepts them.
    """
    try:
        from wegwijzer.flyer import render_all
    except ImportError:
        return []
    parameters = inspect.signature(render_all).parameters.values()
    takes_meldingen = any(
        p.name == "meldingen" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters
    )
    if meldingen is not None and takes_meldingen:
        return list(render_all(resultaat, out_dir, config, meldingen=meldingen))
    return list(render_all(resultaat, out_dir, config))


def talen(extra: list[str] | None) -> list[str]:
    result = ["nl"]
    for taal in extra or ():
        if str(taal) not in result:
            result.append(str(taal))
    return result


def planned(slug: str, flyer_talen: list[str] | None, *, linked: bool) -> list[FlyerTaal] | None:
    """The flyer links of one gemeente, per language (Dutch first): every language of its
    ``flyer_talen`` in every format of the flyer stage, which makes exactly these files or
    fails the build. With `linked` False (a preview without flyers) every language is listed
    without links. None when there is no flyer stage at all.
    """
    names = _names()
    if names is None:
        return None
    formats: tuple[str, ...] = names.FORMATS
    result = []
    for taal in talen(flyer_talen):
        files = names.flyer_files(slug, taal)
        found = tuple((key, files[key]) for key in formats if linked and files.get(key))
        result.append(FlyerTaal(taal, names.taal_naam(taal), richting(taal), found))
    return result
