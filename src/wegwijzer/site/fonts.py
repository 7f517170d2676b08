"""Self-hosted fonts for scripts a cheap phone may not have (Ethiopic, for Tigrinya).

The site uses the phone's own fonts. For a script in `FONTS`, the pages in a language written
in it load one small stylesheet (front matter ``ww_font``, see `wegwijzer.site.pages`) with a
font subset: only the letters those pages use, made with fontTools from the project's font
files (``flyer/fonts/``, the fonts the flyers use too, see `font_dir`), as WOFF. Other pages load nothing.
The subset is made per build from the rendered pages, so a new text never lacks a letter.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path("flyer") / "fonts"  # under the project root
URI = "assets/wegwijzer/fonts"  # where the files go on the site


@dataclass(frozen=True)
class Lettertype:
    script: str  # first word of the Unicode names of its letters, such as 'ETHIOPIC'
    familie: str
    bestanden: tuple[tuple[int, str], ...]  # (weight, font file in FONT_DIR)
    bereik: str  # CSS unicode-range


FONTS: dict[str, Lettertype] = {
    "ETHIOPIC": Lettertype(
        "ETHIOPIC",
        "Wegwijzer Ethiopic",
        ((400, "NotoSansEthiopic-Regular.ttf"), (700, "NotoSansEthiopic-Bold.ttf")),
        "U+1200-139F, U+2D80-2DDF, U+AB00-AB2F",
    ),
}


def stylesheet_uri(script: str, *, namen: bool = False) -> str:
    """The stylesheet of `script`'s font; with `namen` the one for pages that show the script
    only in the language menu (a few letters: the language's own name)."""
    return f"{URI}/{script.lower()}{'-namen' if namen else ''}.css"


def bestanden(root: Path, script: str, tekst: str, *, namen: bool = False) -> dict[str, bytes]:
    """The site files for `script` (site path -> content): the stylesheet and one WOFF subset
    per weight with every character of `tekst` in the font's range. Empty when the project
    has no font files for it (the pages then use the phone's fonts). With `namen`: the font
    of the language menu only (see `stylesheet_uri`)."""
    font = FONTS[script]
    if namen:
        font = Lettertype(font.script, font.familie + " Namen", font.bestanden[:1], font.bereik)
    # set() first: the text is every page in the script (megabytes at national scale)
    chars = sorted(c for c in set(tekst) if _in_range(c, font.bereik))
    files: dict[str, bytes] = {}
    faces = []
    folder = font_dir(root)
    for weight, name in font.bestanden:
        source = folder / name
        if not source.is_file() or not chars:
            continue
        target = f"{script.lower()}{'-namen' if namen else ''}-{weight}.woff"
        files[f"{URI}/{target}"] = subset(source, chars)
        faces.append(
            f'@font-face {{\n  font-family: "{font.familie}";\n  src: url("{target}") format("woff");\n'
            f"  font-weight: {weight};\n  font-style: normal;\n  font-display: swap;\n"
            f"  unicode-range: {font.bereik};\n}}\n"
        )
    if not faces:
        return {}
    stack = f'"{font.familie}", -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif'
    if namen:
        css = "".join(faces) + f".md-typeset .ww-talen {{\n  font-family: {stack};\n}}\n"
    else:
        css = "".join(faces) + f":root {{\n  --wegwijzer-font-family: {stack};\n}}\n"
    files[stylesheet_uri(script, namen=namen)] = css.encode("utf-8")
    return files


def font_dir(root: Path) -> Path:
    """The font files: those of the folder the flyers use (`wegwijzer.flyer.compiler.flyer_dir`:
    ``<root>/flyer`` if the project has one, else the Wegwijzer's own), so a project root
    without a flyer folder (such as a generated one) gets the same fonts on its pages."""
    from wegwijzer.diagnostics import WegwijzerFout
    from wegwijzer.flyer.compiler import flyer_dir

    try:
        return flyer_dir(root) / "fonts"
    except WegwijzerFout:
        return root / FONT_DIR


def subset(source: Path, chars: Iterable[str]) -> bytes:
    """A WOFF font with only `chars` (and what shaping them needs) of `source`."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]  # keep shaping (ligatures, marks) of the script
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the licence-relevant names
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same bytes for the same text
    font = TTFont(str(source), lazy=False, recalcTimestamp=False)  # saving would stamp "now"
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(text="".join(chars))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out, reorderTables=True)
    return out.getvalue()


def _in_range(char: str, bereik: str) -> bool:
    code = ord(char)
    for part in bereik.split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        if int(start, 16) <= code <= int(end or start, 16):
            return True
    return False
