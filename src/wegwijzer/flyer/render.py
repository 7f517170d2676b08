"""Render the flyers with Typst: A5, print-shop version, A4 home print and a PNG share image.

One `Renderer` keeps one Typst compiler (fonts are loaded once). Per gemeente and language:

1. the data is built (`inhoud.flyer_data`) and passed to ``flyer/mamawegwijzer.typ`` as JSON;
2. the A5 version is compiled and the heights of its parts are read back from markers in
   the document (their positions, through ``Compiler.eval``: no second layout): content that
   does not fit fails the flyer with a Dutch message naming the gemeente, the page and its
   parts (nothing is cut or dropped);
3. the other formats are compiled; PDFs are PDF/A-2a and PDF/UA-1 (tagged, fonts embedded,
   title and language set) and get a TrimBox (and, for print, a BleedBox of 3 mm), appended
   as an incremental update without parsing the PDF again;
4. all files of the flyer are written at once, each through a temporary file and a rename,
   so no half-written file is ever left in the site.

A national run renders one gemeente's flyers per task over a pool of worker processes, fed as
the data is built, and writes each flyer as soon as it is done.
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wegwijzer.diagnostics import GebruiksFout, Meldingen, WegwijzerFout
from wegwijzer.flyer.inhoud import flyer_data, flyer_vermeldingen, timestamp
from wegwijzer.flyer.names import FORMATS, flyer_files, flyer_talen, taal_naam
from wegwijzer.flyer.qr import qr_svg
from wegwijzer.read.vertalingen import VERTALINGEN_DIR, Vertaling
from wegwijzer.rules import publicatie

TEMPLATE = "mamawegwijzer.typ"
FORMAAT_DIR = "formaat"  # one main file per format: formaat/a5.typ, ...
PDF_STANDARDS = ["a-2a", "ua-1"]
PNG_PPI = 228.6  # 120 mm wide -> 1080 px, the width WhatsApp and Instagram show sharply
MM = 72 / 25.4
AFLOOP_MM = 3.0
TOLERANTIE_MM = 0.2
FONT_FAMILIES = ("Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic")
PAGINAS = {"a5": 2, "drukwerk": 2, "a4": 2, "png": 1}


class FlyerFout(WegwijzerFout):
    """One or more flyers could not be made (content too long, text missing, ...)."""


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


@dataclass
class Flyer:
    """The rendered files of one flyer: format -> bytes."""

    slug: str
    taal: str
    files: dict[str, bytes]


class Renderer:
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

    def main(self, formaat: str) -> Path:
        """The main file of a format: it calls the template's `flyer` with the format's name."""
        return self.dir / FORMAAT_DIR / f"{formaat}.typ"

    def compile(self, data: dict[str, Any], formaat: str, *, meten: bool = False) -> bytes | list[bytes]:
        """Compile one format; `meten` also measures every part of every page (slower).

        The formats of one flyer get the very same inputs (the format is the main file):
        changing the inputs would make Typst lay out everything anew.
        """
        inputs = {"data": json.dumps({**data, "meten": True} if meten else data, ensure_ascii=False)}
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


def render_flyer(
    renderer: Renderer,
    data: Any,
    taal: str,
    vertalingen: dict[str, Vertaling],
    url: str,
    *,
    onzeker_toestaan: bool = False,
    formats: Iterable[str] = FORMATS,
) -> Flyer:
    """All formats of one flyer, in memory; raises FlyerFout when it cannot be made."""
    inhoud = flyer_inhoud(data, taal, vertalingen, url, onzeker_toestaan=onzeker_toestaan)
    return Flyer(data.slug, taal, render_inhoud(renderer, inhoud, data.info.naam, taal, formats))


def flyer_inhoud(
    data: Any,
    taal: str,
    vertalingen: dict[str, Vertaling],
    url: str,
    *,
    onzeker_toestaan: bool = False,
    qr: Callable[[str], str] = qr_svg,
) -> dict[str, Any]:
    """The template's data for one flyer; raises FlyerFout when a translation is missing.
    `qr` makes the QR code's SVG (a caching one serves all languages of a gemeente)."""
    inhoud, ontbreekt = flyer_data(
        data, taal, vertalingen, url=url, qr_svg=qr(url), formaat="a5",
        onzeker_toestaan=onzeker_toestaan,
    )
    if ontbreekt:
        raise FlyerFout(
            f"flyer {data.info.naam} ({taal}): vertaling ontbreekt in {VERTALINGEN_DIR.as_posix()}/{taal}.yml "
            f"voor {'; '.join(ontbreekt)}"
        )
    return inhoud


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


def finish_pdf(pdf: bytes, formaat: str, naam: str, taal: str) -> bytes:
    """Check the page count; write TrimBox (and BleedBox for print) as an incremental update.

    Typst writes a TrimBox only for pages with bleed. The update appends new versions of the
    page objects and a cross-reference section: the bytes Typst wrote (structure tree, fonts,
    PDF/A metadata) stay exactly as they are. Typst writes its page objects as plain
    dictionaries with a classic cross-reference table, so they are found and extended as
    bytes; a PDF laid out otherwise is read with pypdf instead.
    """
    pages = _page_objects(pdf)
    if pages is None:
        return _finish_pdf_pypdf(pdf, formaat, naam, taal)
    if len(pages) != PAGINAS[formaat]:
        raise FlyerFout(
            f"flyer {naam} ({taal}, {formaat}): {len(pages)} pagina's in plaats van "
            f"{PAGINAS[formaat]}; de inhoud loopt over"
        )
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    for num, body in pages:
        media = _box_values(body, b"MediaBox")
        trim = _box_values(body, b"TrimBox")
        if media is None:
            return _finish_pdf_pypdf(pdf, formaat, naam, taal)
        extra = b""
        if trim is None:  # the trim is the page: the MediaBox as Typst wrote it
            trim = media
            extra += b"/TrimBox" + _BOX[b"MediaBox"].search(body).group(0)[len(b"/MediaBox"):]  # type: ignore[union-attr]
        if formaat == "drukwerk":
            a = AFLOOP_MM * MM
            extra += b"/BleedBox" + _box_bytes([trim[0] - a, trim[1] - a, trim[2] + a, trim[3] + a])
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body[:-2] + extra + b">>\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f\r\n"
    for num in sorted(offsets):
        out += b"%d 1\n%010d 00000 n\r\n" % (num, offsets[num])
    trailer = _trailer(pdf)
    if trailer is None:
        return _finish_pdf_pypdf(pdf, formaat, naam, taal)
    out += b"trailer\n<<" + trailer + b"/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (_startxref(pdf), xref)
    return bytes(out)


_PAGE = re.compile(rb"^(\d+) 0 obj\n(<</Type/Page/[^<>]*>>)\nendobj$", re.MULTILINE)
_BOX = {name: re.compile(rb"/" + name + rb"\[([-0-9. ]+)\]") for name in (b"MediaBox", b"TrimBox")}
_TRAILER = re.compile(rb"\ntrailer\n<<((?:/Size \d+|/Root \d+ 0 R|/Info \d+ 0 R|/ID\[\([^()]*\)\([^()]*\)\])+)>>\nstartxref\n\d+\n%%EOF\n?$")


def _page_objects(pdf: bytes) -> list[tuple[int, bytes]] | None:
    """(object number, dictionary) of every page object, in file order; None when the PDF is
    not laid out as Typst writes it (one body, one classic xref table, flat page dictionaries)."""
    if pdf.count(b"startxref") != 1 or pdf.count(b"\nxref\n") != 1 or b"/Type/Page/" not in pdf:
        return None
    pages = [(int(m.group(1)), m.group(2)) for m in _PAGE.finditer(pdf)]
    if len(pages) != pdf.count(b"/Type/Page/") or len({num for num, _ in pages}) != len(pages):
        return None  # a page dictionary with a nested dictionary, or something unexpected
    return pages


def _box_values(body: bytes, name: bytes) -> list[float] | None:
    match = _BOX[name].search(body)
    if match is None:
        return None
    values = [float(v) for v in match.group(1).split()]
    return values if len(values) == 4 else None


def _box_bytes(values: list[float]) -> bytes:
    return ("[" + " ".join(_number_text(round(v, 4)) for v in values) + "]").encode()


def _number_text(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _trailer(pdf: bytes) -> bytes | None:
    match = _TRAILER.search(pdf)
    return match.group(1) if match else None


def _finish_pdf_pypdf(pdf: bytes, formaat: str, naam: str, taal: str) -> bytes:
    """`finish_pdf` for a PDF whose objects are not laid out as Typst writes them."""
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, NameObject

    reader = PdfReader(io.BytesIO(pdf))
    if len(reader.pages) != PAGINAS[formaat]:
        raise FlyerFout(
            f"flyer {naam} ({taal}, {formaat}): {len(reader.pages)} pagina's in plaats van "
            f"{PAGINAS[formaat]}; de inhoud loopt over"
        )
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    for page in reader.pages:
        ref = page.indirect_reference
        if ref is None or ref.generation != 0:
            raise FlyerFout(f"flyer {naam} ({taal}, {formaat}): onverwachte PDF-opbouw")
        media = [float(v) for v in page["/MediaBox"]]
        trim = [float(v) for v in page.get("/TrimBox", media)]
        updated = DictionaryObject(page)
        updated[NameObject("/TrimBox")] = _box(trim)
        if formaat == "drukwerk":
            a = AFLOOP_MM * MM
            updated[NameObject("/BleedBox")] = _box([trim[0] - a, trim[1] - a, trim[2] + a, trim[3] + a])
        offsets[ref.idnum] = len(out)
        body = io.BytesIO()
        updated.write_to_stream(body)
        out += f"{ref.idnum} 0 obj\n".encode() + body.getvalue() + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f\r\n"
    for num in sorted(offsets):
        out += f"{num} 1\n{offsets[num]:010d} 00000 n\r\n".encode()
    trailer = DictionaryObject(
        {NameObject(k): reader.trailer.raw_get(k) for k in ("/Size", "/Root", "/Info", "/ID") if k in reader.trailer}
    )
    trailer[NameObject("/Prev")] = _number(_startxref(pdf))
    body = io.BytesIO()
    trailer.write_to_stream(body)
    out += b"trailer\n" + body.getvalue() + f"\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _box(values: list[float]) -> Any:
    from pypdf.generic import ArrayObject, FloatObject

    return ArrayObject(FloatObject(round(v, 4)) for v in values)


def _number(value: int) -> Any:
    from pypdf.generic import NumberObject

    return NumberObject(value)


def _startxref(pdf: bytes) -> int:
    position = pdf.rfind(b"startxref")
    return int(pdf[position + len(b"startxref") :].split()[0])


# --- writing ------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def te_maken(resultaat: Any, gemeente: str | None, taal: str | None) -> list[tuple[str, str]]:
    """(slug, taal) of every flyer to make, for the --gemeente and --taal choices."""
    from wegwijzer.read.values import suggestion

    gemeenten = resultaat.gemeenten
    if gemeente is not None and gemeente not in gemeenten:
        known = sorted(gemeenten)
        raise GebruiksFout(f"gemeente '{gemeente}' bestaat niet{suggestion(gemeente, known)}")
    slugs = [gemeente] if gemeente else sorted(gemeenten)
    result = []
    for slug in slugs:
        talen = flyer_talen(gemeenten[slug].info.flyer_talen)
        for code in talen:
            if taal is None or code == taal:
                result.append((slug, code))
    if taal is not None and not result:
        waar = f"gemeente '{gemeente}'" if gemeente else "geen enkele gemeente"
        raise GebruiksFout(
            f"{waar} vraagt een flyer in '{taal}' ({taal_naam(taal)}); zet de taal in "
            "'flyer_talen' van de gemeente"
        )
    return result


def render_all(
    resultaat: Any,
    out_dir: Path,
    config: Any,
    gemeente: str | None = None,
    taal: str | None = None,
    *,
    onzeker_toestaan: bool = False,
    meldingen: Meldingen | None = None,
    formats: Iterable[str] = FORMATS,
) -> list[Path]:
    """Render the flyers into ``<out_dir>/<slug>/`` and return the files written.

    Flyers that can be made are written; when some cannot (too long, missing text), a
    `FlyerFout` lists them all after the others are done. Unverified entries left off a
    flyer are reported as warnings in `meldingen` (or on stderr when none is given).
    """
    root = Path(resultaat.project.root)
    vertalingen = resultaat.project.vertalingen  # read and validated with the data
    if "nl" not in vertalingen:
        raise FlyerFout(
            f"{(root / VERTALINGEN_DIR / 'nl.yml')}: bestand ontbreekt; daarin staan de vaste "
            "teksten van de flyer"
        )
    jobs = te_maken(resultaat, gemeente, taal)
    template_dir = flyer_dir(root)
    formats = tuple(formats)
    written: list[Path] = []
    problems: list[str] = []
    _warn_onzeker([resultaat.gemeenten[s] for s in dict.fromkeys(s for s, _ in jobs)], onzeker_toestaan, meldingen)
    cache = FlyerCache(root / CACHE_DIR, template_dir, formats)
    # Files are written as each flyer is done (from the cache or rendered), so a national run
    # never holds more than a few flyers in memory; the lists are put in job order at the end.
    done: dict[int, list[Path]] = {}
    failed: dict[int, str] = {}

    def finish(index: int, outcome: dict[str, bytes] | str, key: str | None) -> None:
        if isinstance(outcome, str):
            failed[index] = outcome
            return
        if key is not None:
            cache.put(key, outcome)
        slug, code = jobs[index]
        names = flyer_files(slug, code)
        paths = done.setdefault(index, [])
        for formaat, content in outcome.items():
            path = Path(out_dir) / slug / names[formaat]
            write_atomic(path, content)
            paths.append(path)

    keys: dict[int, str] = {}

    def te_renderen() -> Iterable[tuple[int, dict[str, Any], str, str]]:
        """The flyers not in the cache, built as the workers ask for them (the others are
        written from the cache on the way)."""
        qr = functools.lru_cache(maxsize=None)(qr_svg)  # one code per gemeente, for all its languages
        for index, (slug, code) in enumerate(jobs):
            data = resultaat.gemeenten[slug]
            try:
                inhoud = flyer_inhoud(
                    data, code, vertalingen, config.gemeente_url(slug), onzeker_toestaan=onzeker_toestaan, qr=qr
                )
            except FlyerFout as exc:
                failed[index] = str(exc)
                continue
            key = cache.key(inhoud)
            files = cache.get(key)
            if files is not None:
                finish(index, files, None)
            else:
                keys[index] = key
                yield index, inhoud, data.info.naam, code

    for index, outcome in _render_many(template_dir, te_renderen(), formats):
        finish(index, outcome, keys[index])
    for index in sorted(done):
        written.extend(done[index])
    problems.extend(failed[index] for index in sorted(failed))
    if problems:
        raise FlyerFout("\n".join(problems))
    return written


# --- parallel rendering and the cache -----------------------------------------------------

#: Flyers rendered before, keyed by everything that decides their bytes (see `FlyerCache`).
CACHE_DIR = Path(".wegwijzer-cache") / "flyers"
#: Fewer flyers than this are rendered in this process (starting workers costs more).
PARALLEL_MIN = 8
#: At most this many flyers go to a worker as one task (one gemeente's languages at most).
TAAK_MAX = 8
#: Tasks handed out per worker ahead of the results: keeps every worker busy while the data
#: for the next tasks is built, without building (and holding) all of it first.
VOORUIT = 3

Job = tuple[int, dict[str, Any], str, str]  # index, inhoud, naam, taal
Outcome = tuple[int, "dict[str, bytes] | str"]  # index, files or error message

_worker_renderer: Renderer | None = None


def workers() -> int:
    """Processes for rendering: WEGWIJZER_WERKERS, else the cores this process may use."""
    configured = os.environ.get("WEGWIJZER_WERKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _render_task(task: list[Job], formats: tuple[str, ...], template_dir: Path) -> list[Outcome]:
    """In a worker: render the flyers of one task with this process's renderer."""
    global _worker_renderer
    if _worker_renderer is None or _worker_renderer.dir != template_dir:
        _worker_renderer = Renderer(template_dir)
    return list(_render_each(_worker_renderer, task, formats))


def _render_each(renderer: Renderer, jobs: Iterable[Job], formats: tuple[str, ...]) -> Iterator[Outcome]:
    for index, inhoud, naam, taal in jobs:
        try:
            yield index, render_inhoud(renderer, inhoud, naam, taal, formats)
        except FlyerFout as exc:
            yield index, str(exc)


def _tasks(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    """Consecutive jobs of one gemeente (same address), at most TAAK_MAX per task."""
    task: list[Job] = []
    for job in jobs:
        if task and (len(task) >= TAAK_MAX or task[0][1].get("url") != job[1].get("url")):
            yield task
            task = []
        task.append(job)
    if task:
        yield task


def _render_many(template_dir: Path, jobs: Iterable[Job], formats: tuple[str, ...]) -> Iterator[Outcome]:
    """Render the jobs over the cores (processes: one Typst compiler each); in this process
    when there are fewer than PARALLEL_MIN or one core. Yields (index, files or error message)
    as flyers are done, not in job order. `jobs` is read lazily, while the workers render."""
    jobs = iter(jobs)
    count = workers()
    first: list[Job] = []
    for job in jobs:
        first.append(job)
        if len(first) >= PARALLEL_MIN:
            break
    if count <= 1 or len(first) < PARALLEL_MIN:
        renderer = Renderer(template_dir)
        yield from _render_each(renderer, [*first, *jobs], formats)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    # spawn, not fork: a Typst compiler made earlier in this process has threads whose locks a
    # forked child could inherit held (a hang). Each worker loads Typst and the fonts once.
    context = multiprocessing.get_context("spawn")
    render = functools.partial(_render_task, formats=formats, template_dir=template_dir)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        running: set[Future[list[Outcome]]] = set()
        for task in _tasks(itertools.chain(first, jobs)):
            running.add(pool.submit(render, task))
            while len(running) >= VOORUIT * count:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()


class FlyerCache:
    """Finished flyers by content: a flyer whose inputs did not change is not rendered again.

    The key is a SHA-256 of the template's data (JSON: every text, number, the QR code and
    the date), the formats, every file of the template folder (template, fonts, images), the
    Typst version and this module's source. An entry is a folder with one file per format,
    written through a temporary folder and a rename. Only flyers that could be made are kept.
    """

    def __init__(self, folder: Path, template_dir: Path, formats: tuple[str, ...]) -> None:
        import hashlib
        from importlib import metadata

        self.folder = folder
        base = hashlib.sha256()
        for path in sorted(p for p in template_dir.rglob("*") if p.is_file()):
            base.update(path.relative_to(template_dir).as_posix().encode() + b"\0")
            base.update(hashlib.sha256(path.read_bytes()).digest())
        try:
            base.update(metadata.version("typst").encode())
        except metadata.PackageNotFoundError:
            pass
        for module in (__file__, str(Path(__file__).with_name("qr.py"))):
            base.update(Path(module).read_bytes())
        base.update(json.dumps(formats).encode())
        self.base = base

    def key(self, inhoud: dict[str, Any]) -> str:
        digest = self.base.copy()
        digest.update(json.dumps(inhoud, ensure_ascii=False, sort_keys=True).encode())
        return digest.hexdigest()

    def get(self, key: str) -> dict[str, bytes] | None:
        entry = self.folder / key[:2] / key
        try:
            return {p.name: p.read_bytes() for p in entry.iterdir()} or None
        except OSError:
            return None

    def put(self, key: str, files: dict[str, bytes]) -> None:
        entry = self.folder / key[:2] / key
        if entry.exists():
            return
        tmp: Path | None = None
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{key[:8]}.", dir=entry.parent))
            for formaat, content in files.items():
                (tmp / formaat).write_bytes(content)
            os.replace(tmp, entry)
        except OSError:  # a cache that cannot be written only costs time on the next run
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)


def _warn_onzeker(gemeenten: list[Any], onzeker_toestaan: bool, meldingen: Meldingen | None) -> None:
    """One warning per unverified entry (and place), naming the gemeenten whose flyer it concerns."""
    found: dict[tuple[str, Any], tuple[Any, list[str]]] = {}
    for data in gemeenten:
        for entry in flyer_vermeldingen(data, onzeker_toestaan=False).weggelaten:
            key = (entry.item.id, publicatie.reden(entry)[0])
            found.setdefault(key, (entry, []))[1].append(data.info.naam)
    for (_, plek), (entry, namen) in found.items():
        item = entry.item
        waarom = publicatie.reden(entry)[1]
        waar = namen[0] if len(namen) == 1 else f"{len(namen)} gemeenten: {', '.join(namen)}"
        if onzeker_toestaan:
            tekst = (
                f"{item.label} '{item.id}' is niet gecontroleerd ({waarom}) en staat op de "
                f"CONCEPT-flyers ({waar}); niet drukken voor het is nagekeken"
            )
        else:
            tekst = (
                f"{item.label} '{item.id}' is niet gecontroleerd ({waarom}) en staat daarom NIET "
                f"op de flyers ({waar}); controleer het, zet de datum in 'gecontroleerd' en haal "
                "'onzeker' weg"
            )
        if meldingen is not None:
            meldingen.waarschuwing(plek, tekst)
        else:
            print(f"{plek.display()}: waarschuwing: {tekst}", file=sys.stderr)
