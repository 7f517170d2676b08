"""MamaWegwijzer flyers: print-grade PDFs per gemeente and language, rendered with Typst.

- `names`: file names (shared with the site);
- `vertalingen`: the texts of one flyer in one language, looked up in the translations the
  read side handed over (``Project.vertalingen``);
- `inhoud`: the JSON the template gets (which entries: `wegwijzer.rules.publicatie`);
- `qr`: the QR code as SVG;
- `render`: Typst, fitting, PDF boxes, atomic writing (`render_all`).

Importing this package does not load Typst; `render_all` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wegwijzer.flyer.names import FORMATS, flyer_files, flyer_talen

__all__ = ["FORMATS", "flyer_files", "flyer_talen", "render_all"]


def render_all(
    resultaat: Any,
    out_dir: Path,
    config: Any,
    gemeente: str | None = None,
    taal: str | None = None,
    **kwargs: Any,
) -> list[Path]:
    """Render flyers into ``<out_dir>/<slug>/``; see `wegwijzer.flyer.render.render_all`."""
    from wegwijzer.flyer.render import render_all as _render_all

    return _render_all(resultaat, out_dir, config, gemeente, taal, **kwargs)
