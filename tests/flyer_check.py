"""Helpers for the flyer tests: read PDFs back, rasterise pages and decode QR codes.

Everything here reads the files as a printer or a phone would: page boxes from the PDF,
text as a PDF reader extracts it, QR codes from pixels.
"""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from ruamel.yaml import YAML

REPO = Path(__file__).parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "flyer"
MM = 72 / 25.4


def make_flyer_root(target: Path) -> Path:
    """The flyer fixture with the repository's translation files, plus the fixture's own."""
    shutil.copytree(FIXTURE, target)
    folder = target / "content" / "vertalingen"
    folder.mkdir(parents=True, exist_ok=True)
    yaml = YAML()  # round trip: keeps the files readable
    extra = yaml.load((target / "vertalingen-extra.yml").read_text(encoding="utf-8"))
    for source in sorted((REPO / "content" / "vertalingen").glob("*.yml")):
        data = yaml.load(source.read_text(encoding="utf-8"))
        for id, velden in (extra.get(source.stem) or {}).items():
            data["vermeldingen"][id] = velden
        with (folder / source.name).open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return target


@dataclass
class PdfInfo:
    pages: int
    boxes: list[dict[str, list[float]]]  # per page: box name -> [x0, y0, x1, y1] in mm
    title: str | None
    lang: str | None
    text: str
    fonts: dict[str, bool]  # base font name -> embedded
    tagged: bool
    pdfa: bool


def read_pdf(path: Path, *, text: bool = True) -> PdfInfo:
    reader = PdfReader(path, strict=True)
    boxes = []
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        boxes.append(
            {
                name: [round(float(v) / MM, 2) for v in page[f"/{name}"]]
                for name in ("MediaBox", "TrimBox", "BleedBox", "CropBox")
                if f"/{name}" in page
            }
        )
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                descendant = descendant.get_object()
                descriptor = (descendant.get("/FontDescriptor") or {}) and descendant["/FontDescriptor"].get_object()
                embedded = bool(descriptor) and any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                fonts[str(descendant.get("/BaseFont") or font.get("/BaseFont"))] = embedded
    root = reader.trailer["/Root"]
    metadata = root.get("/Metadata")
    xmp = metadata.get_object().get_data().decode("utf-8", "replace") if metadata else ""
    return PdfInfo(
        pages=len(reader.pages),
        boxes=boxes,
        title=reader.metadata.title if reader.metadata else None,
        lang=str(root.get("/Lang")) if root.get("/Lang") else None,
        text="\n".join(page.extract_text() or "" for page in reader.pages).replace("\u00a0", " ")
        if text
        else "",
        fonts=fonts,
        tagged="/StructTreeRoot" in root and bool((root.get("/MarkInfo") or {}).get("/Marked")),
        pdfa="pdfaid:part" in xmp or "pdfaid:part>" in xmp,
    )


def page_texts(path: Path) -> list[str]:
    """Text per page as pdfium extracts it (an independent second reader)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range().replace("\u00a0", " ") for page in doc]
    finally:
        doc.close()


def rasterise(path: Path, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in doc]
    finally:
        doc.close()


def qr_codes(image: Image.Image) -> list[str]:
    """The texts of all QR codes zxing-cpp finds in an image."""
    results = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    return sorted(result.text for result in results)


def qr_width_mm(image: Image.Image, dpi: int) -> float:
    """Width of the (first) QR code in the image, quiet zone not included."""
    results = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    assert results, "no QR code"
    pos = results[0].position
    xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
    return (max(xs) - min(xs)) / dpi * 25.4


def png_image(path: Path) -> Image.Image:
    return Image.open(io.BytesIO(path.read_bytes()))


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def squash(text: str) -> str:
    """Text with every kind of space removed (PDF extraction and NBSP differ in spacing)."""
    return re.sub(r"[\s\u00a0\u2066-\u2069\u200e\u200f]+", "", text)


def numbers_on_flyer(data: Any) -> list[str]:
    """The phone numbers (as displayed) a gemeente's flyer must show: its lines, contacts and
    urgent help, with their extra numbers."""
    from wegwijzer.flyer.inhoud import flyer_vermeldingen

    keuze = flyer_vermeldingen(data)
    numbers = []
    for entry in keuze.lijnen + keuze.contacten + keuze.spoed:
        item = entry.item
        if item.telefoon:
            numbers.append(item.telefoon.weergave)
        numbers += [extra.nummer.weergave for extra in item.extra_telefoon or ()]
    return numbers
