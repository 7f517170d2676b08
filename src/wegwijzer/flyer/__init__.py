"""MamaWegwijzer flyers: print-grade PDFs per gemeente and language, rendered with Typst.

- `names`: file names (shared with the site);
- `vertalingen`: the texts of one flyer in one language, looked up in the translations the
  read side handed over (``Project.vertalingen``);
- `inhoud`: the JSON the template gets (which entries: `wegwijzer.rules.publicatie`);
- `qr`: the QR code as SVG;
- `compiler`: Typst, compiling one flyer in every format and checking that it fits;
- `pdfboxes`: the TrimBox and BleedBox of the PDFs;
- `pool`: rendering over worker processes that end with their parent;
- `cache`: finished flyers by content, verified against a manifest on every read;
- `tempfiles`: temporary names with their owner's pid, and removing stale ones;
- `plan`: which flyers to make, from the cache or rendered, and writing them.

This package is the stage's public face (`render_all`, `render_flyers`, `FlyerUitkomst`,
`FlyerFout`). Importing it does not load Typst; rendering does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from wegwijzer.flyer.fouten import FlyerFout
from wegwijzer.flyer.names import FORMATS, flyer_files, flyer_talen

if TYPE_CHECKING:
    from wegwijzer.flyer.plan import FlyerUitkomst
    from wegwijzer.read.config import Config
    from wegwijzer.rules.validate import Resultaat

__all__ = [
    "FORMATS", "FlyerFout", "FlyerUitkomst", "flyer_files", "flyer_talen", "flyer_map",
    "render_all", "render_flyers",
]


def render_flyers(
    resultaat: Resultaat,
    out_dir: Path,
    config: Config,
    gemeente: str | None = None,
    taal: str | None = None,
    **kwargs: Any,
) -> FlyerUitkomst:
    """Render flyers into ``<out_dir>/<slug>/``: the files written and what was rendered,
    served from the cache and read; see `wegwijzer.flyer.plan.render_flyers`."""
    from wegwijzer.flyer.plan import render_flyers as _render_flyers

    return _render_flyers(resultaat, out_dir, config, gemeente, taal, **kwargs)


def render_all(
    resultaat: Resultaat,
    out_dir: Path,
    config: Config,
    gemeente: str | None = None,
    taal: str | None = None,
    **kwargs: Any,
) -> list[Path]:
    """Render flyers into ``<out_dir>/<slug>/`` and return the files written (`render_flyers`
    without the counters)."""
    return render_flyers(resultaat, out_dir, config, gemeente, taal, **kwargs).bestanden


def flyer_map() -> Path:
    """A new temporary folder to render a build's flyers into; stale ones of killed runs are
    removed first (see `wegwijzer.flyer.tempfiles.flyer_map`)."""
    from wegwijzer.flyer.tempfiles import flyer_map as _flyer_map

    return _flyer_map()


def __getattr__(name: str) -> Any:
    if name == "FlyerUitkomst":  # without importing the renderer up front
        from wegwijzer.flyer.plan import FlyerUitkomst

        return FlyerUitkomst
    raise AttributeError(name)
