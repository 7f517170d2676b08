"""PDF box surgery: the TrimBox (and, for print, a 3 mm BleedBox) every flyer PDF needs.

Typst writes a TrimBox only for pages with bleed. The boxes are appended as an incremental
update, so the bytes Typst wrote (structure tree, fonts, PDF/A metadata) stay as they are;
the page count is checked on the way (a flyer that runs over a page is refused).
"""

from __future__ import annotations

import io
import re
from typing import Any

from wegwijzer.flyer.fouten import FlyerFout

MM = 72 / 25.4
AFLOOP_MM = 3.0
#: Pages per format; a flyer with more (or fewer) is refused.
PAGINAS = {"a5": 2, "drukwerk": 2, "a4": 2, "png": 1}


def finish_pdf(pdf: bytes, formaat: str, naam: str, taal: str) -> bytes:
    """Check the page count; write TrimBox (and BleedBox for print) as an incremental update.

    Typst writes a TrimBox only for pages with bleed. The update appends new versions of the
    page objects and a cross-reference section: the bytes Typst wrote (structure tree, fonts,
    PDF/A metadata) stay exactly as they are. Typst writes its page objects as plain
    dictionaries with a classic cross-reference table, so they are found and extended as
    bytes; a PDF laid out otherwise is read with pypdf instead.
    """
    pages = page_objects(pdf)
    if pages is None:
        return finish_pdf_pypdf(pdf, formaat, naam, taal)
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
            return finish_pdf_pypdf(pdf, formaat, naam, taal)
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
        return finish_pdf_pypdf(pdf, formaat, naam, taal)
    out += b"trailer\n<<" + trailer + b"/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (_startxref(pdf), xref)
    return bytes(out)


_PAGE = re.compile(rb"^(\d+) 0 obj\n(<</Type/Page/[^<>]*>>)\nendobj$", re.MULTILINE)
_BOX = {name: re.compile(rb"/" + name + rb"\[([-0-9. ]+)\]") for name in (b"MediaBox", b"TrimBox")}
_TRAILER = re.compile(rb"\ntrailer\n<<((?:/Size \d+|/Root \d+ 0 R|/Info \d+ 0 R|/ID\[\([^()]*\)\([^()]*\)\])+)>>\nstartxref\n\d+\n%%EOF\n?$")


def page_objects(pdf: bytes) -> list[tuple[int, bytes]] | None:
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


def finish_pdf_pypdf(pdf: bytes, formaat: str, naam: str, taal: str) -> bytes:
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
