"""Typst: compile one flyer in every format and check that its content fits.

One `Renderer` keeps one Typst compiler (fonts are loaded once). Per flyer:

1. the template data (`plan.flyer_inhoud`) goes to ``flyer/mamawegwijzer.typ`` as JSON;
2. the A5 version is compiled and the heights of its parts are read back from markers in
   the document (their positions, through ``Compiler.eval``: no second layout): content that
   does not fit fails the flyer with a Dutch message naming the gemeente, the page and its
   parts (nothing is cut or dropped);
3. the other formats are compiled; PDFs are PDF/A-2a and PDF/UA-1 (tagged, fonts embedded,
   title and language set) and get their page boxes (`pdfboxes.finish_pdf`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wegwijzer.diagnostics import WegwijzerFout
from wegwijzer.flyer.fouten import FlyerFout
from wegwijzer.flyer.inhoud import timestamp
from wegwijzer.flyer.names import FORMATS, taal_naam
from wegwijzer.flyer.pdfboxes import PAGINAS, finish_pdf

TEMPLATE = "mamawegwijzer.typ"
FORMAAT_DIR = "formaat"  # one main file per format: formaat/a5.typ, ...
PDF_STANDARDS = ["a-2a", "ua-1"]
PNG_PPI = 228.6  # 120 mm wide -> 1080 px, the width WhatsApp and Instagram show sharply
TOLERANTIE_MM = 0.2
FONT_FAMILIES = ("Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic")


def flyer_dir(root: Path | None = None) -> Path:
    """The folder with the template and fonts: ``<root>/flyer`` if it has one, else the repo's."""
    if root is not None and (root / "flyer" / TEMPLATE).is_file() and (root / "flyer" / FORMAAT_DIR).is_dir():
        return root / "flyer"
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "flyer" / TEMPLATE
        if candidate.is_file() and (candidate.parent / FORMAAT_DIR).is_dir():
            return candidate.parent
    raise WegwijzerFout(f"flyer/{TEMPLATE} niet gevonden (hoort in de map van de Wegwijzer)")


class Renderer:
    """One Typst compiler with the flyer's fonts; `compilaties` records every compilation
    (format, measured) so a caller can see the work done."""

    def __init__(self, template_dir: Path | None = None) -> None:
        import typst

        self._typst = typst
        self.dir = template_dir or flyer_dir()
        fonts = typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=False,
            font_paths=[str(self.dir / "fonts")],
        )
        families = set(fonts.families())
        missing = [f for f in FONT_FAMILIES if f not in families]
        if missing:
            raise WegwijzerFout(f"lettertypen ontbreken in {self.dir / 'fonts'}: {', '.join(missing)}")
        self.compiler = typst.Compiler(
            str(self.main("a5")), root=str(self.dir), font_paths=fonts, ignore_system_fonts=True
        )
        self.timestamp = timestamp()
        self.compilaties: list[tuple[str, bool]] = []

    def main(self, formaat: str) -> Path:
        """The main file of a format: it calls the template's `flyer` with the format's name."""
        return self.dir / FORMAAT_DIR / f"{formaat}.typ"

    def compile(self, data: dict[str, Any], formaat: str, *, meten: bool = False) -> bytes | list[bytes]:
        """Compile one format; `meten` also measures every part of every page (slower).

        The formats of one flyer get the very same inputs (the format is the main file):
        changing the inputs would make Typst lay out everything anew.
        """
        inputs = {"data": json.dumps({**data, "meten": True} if meten else data, ensure_ascii=False)}
        self.compilaties.append((formaat, meten))
        try:
            if formaat == "png":
                return self.compiler.compile(input=str(self.main(formaat)), format="png", ppi=PNG_PPI, sys_inputs=inputs)
            return self.compiler.compile(
                input=str(self.main(formaat)),
                format="pdf",
                sys_inputs=inputs,
                pdf_standards=PDF_STANDARDS,
                timestamp=self.timestamp,
            )
        except self._typst.TypstError as exc:
            raise FlyerFout(_typst_message(exc)) from None
        except RuntimeError as exc:
            raise FlyerFout(_typst_message(exc)) from None

    def metingen(self) -> list[dict[str, Any]]:
        """The measurements of the last document compiled with `meten`."""
        return json.loads(self.compiler.query("<meting>", field="value", format="json"))

    def ruimte(self) -> list[dict[str, Any]]:
        """The measurements of every page body of the last compiled document, from the
        positions of its markers: as `metingen`, without laying anything out again."""
        try:
            fits = json.loads(self.compiler.eval(RUIMTE, format="json"))
        except RuntimeError as exc:  # TypstError too: a template without the markers
            raise FlyerFout(_typst_message(exc)) from None
        result = []
        for fit in fits:
            delen = fit["delen"]
            if not all(deel["zelfde_pagina"] for deel in delen):
                raise FlyerFout(f"de {fit['pagina']} loopt over de pagina heen")
            result.append({
                "pagina": fit["pagina"],
                "beschikbaar": fit["beschikbaar"],
                "nodig": sum(deel["hoogte"] for deel in delen) + fit["gap"] * max(0, len(delen) - 1),
                "breedte": fit["breedte"],
                "delen": [{"naam": deel["naam"], "hoogte": deel["hoogte"]} for deel in delen],
            })
        return result


#: Typst expression: per page body (between <fit-begin> and <fit-einde>), its room and the
#: height of each part (from the markers at the top and bottom inside the part's block).
RUIMTE = """query(<fit-begin>).zip(query(<fit-einde>)).map(((b, e)) => {
  let binnen(label) = query(selector(label).after(b.location()).before(e.location()))
  (
    pagina: b.value.pagina, beschikbaar: b.value.beschikbaar, gap: b.value.gap, breedte: b.value.breedte,
    delen: binnen(<deel-begin>).zip(binnen(<deel-einde>)).map(((s, t)) => (
      naam: s.value,
      hoogte: (t.location().position().y - s.location().position().y) / 1mm,
      zelfde_pagina: s.location().page() == t.location().page(),
    )),
  )
})"""


def _typst_message(exc: Exception) -> str:
    text = getattr(exc, "message", None) or str(exc)
    if os.environ.get("WEGWIJZER_DEBUG"):
        text += "\n" + str(getattr(exc, "diagnostic", "")) + "\n" + "\n".join(getattr(exc, "trace", []) or [])
    if "could not be displayed with font" in text:
        return (
            f"een teken kan niet worden getoond met de lettertypen van de flyer ({text}); "
            "gebruik een gewoon teken of voeg een lettertype toe in flyer/fonts"
        )
    return f"Typst kon de flyer niet maken: {text}"


# --- one flyer ----------------------------------------------------------------------------


def check_fit(metingen: Iterable[dict[str, Any]], gemeente: str, taal: str) -> list[str]:
    """Dutch messages for every page whose content is taller than its space (empty: it fits)."""
    problems = []
    for meting in metingen:
        over = meting["nodig"] - meting["beschikbaar"]
        if over <= TOLERANTIE_MM:
            continue
        delen = sorted(meting["delen"], key=lambda d: d["hoogte"], reverse=True)
        opsomming = ", ".join(f"{d['naam']} {d['hoogte']:.0f} mm" for d in delen)
        problems.append(
            f"flyer {gemeente} ({taal}, {taal_naam(taal)}): de {meting['pagina']} past niet op A5: "
            f"de inhoud is {over:.0f} mm te lang ({meting['nodig']:.0f} mm nodig, "
            f"{meting['beschikbaar']:.0f} mm beschikbaar). Grootste delen: {opsomming}. Maak "
            "teksten korter of zet minder vermeldingen op de flyer (op_flyer, partners)"
        )
    return problems


def render_inhoud(
    renderer: Renderer, inhoud: dict[str, Any], naam: str, taal: str, formats: Iterable[str] = FORMATS
) -> dict[str, bytes]:
    """Compile, check and finish every format of one flyer: format -> bytes."""
    files: dict[str, bytes] = {}
    formats = list(formats)
    # A5 first: it is checked, and the print and A4 versions lay out the same pages.
    for formaat in ["a5", *[f for f in formats if f != "a5"]]:
        output = renderer.compile(inhoud, formaat)
        if formaat in ("a5", "png"):
            check_ruimte(renderer, inhoud, formaat, naam, taal)
        if formaat == "png":
            pages = output if isinstance(output, list) else [output]
            if len(pages) != PAGINAS["png"]:
                raise FlyerFout(f"flyer {naam} ({taal}): de deelafbeelding heeft {len(pages)} pagina's")
            if "png" in formats:
                files["png"] = pages[0]
            continue
        assert isinstance(output, bytes)
        pdf = finish_pdf(output, formaat, naam, taal)
        if formaat in formats:
            files[formaat] = pdf
    return files


def check_ruimte(renderer: Renderer, inhoud: dict[str, Any], formaat: str, naam: str, taal: str) -> None:
    """Raise FlyerFout when a page body of the document just compiled is too long.

    The heights come from the markers in the document (no second layout). They are exact for
    content that fits; content that does not fit is squeezed into the page, but then it
    reaches the bottom, and the gap counted before the bottom part (which the page leaves out
    when full) still makes it too long. Only then is the format compiled again, measuring
    every part on its own, for the numbers in the message.
    """
    try:
        metingen = renderer.ruimte()
        problems = check_fit(metingen, naam, taal) if metingen else ["de sjabloon heeft geen markeringen"]
    except FlyerFout as exc:  # a part cut by a page break
        problems = [str(exc)]
    if not problems:
        return
    renderer.compile(inhoud, formaat, meten=True)
    gemeten = check_fit(renderer.metingen(), naam, taal)
    raise FlyerFout("\n".join(gemeten or problems))
