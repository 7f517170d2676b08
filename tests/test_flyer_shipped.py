"""Acceptance: the flyers of the shipped data (repository root), every page read back.

Every flyer of every gemeente is rendered once per session. Every PDF page is rasterised
at 150 and 72 dpi and every QR code decoded with zxing-cpp: it must be the gemeente's
https address, and (when the site stage is there) that page must exist in the built site.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flyer_check import REPO, numbers_on_flyer, png_image, qr_codes, rasterise, read_pdf

from conftest import TODAY
from wegwijzer.read.config import read_config
from wegwijzer.diagnostics import Meldingen
from wegwijzer.flyer import flyer_files, flyer_talen, render_all
from wegwijzer.flyer.inhoud import flyer_vermeldingen
from wegwijzer.rules.validate import validate
from wegwijzer.check.html import script_share

pytestmark = pytest.mark.slow

if not any((REPO / "gemeenten").glob("*.yml")):
    pytest.skip("no shipped gemeenten yet", allow_module_level=True)


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory):
    """(resultaat, config, out folder, files) for every shipped flyer."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WEGWIJZER_DATUM", TODAY)
        resultaat = validate(REPO)
        assert not resultaat.meldingen.has_errors, [m.format(REPO) for m in resultaat.meldingen.fouten]
        config = read_config(REPO)
        out = tmp_path_factory.mktemp("shipped-flyers")
        files = render_all(resultaat, out, config, meldingen=Meldingen())
    return resultaat, config, out, files


def test_every_gemeente_has_all_flyers(shipped) -> None:
    resultaat, _, out, files = shipped
    expected = set()
    for slug, data in resultaat.gemeenten.items():
        for taal in flyer_talen(data.info.flyer_talen):
            expected |= {out / slug / name for name in flyer_files(slug, taal).values()}
    assert set(files) == expected
    pilot = [d for d in resultaat.gemeenten.values() if d.regio_slug == "gelderland-midden"]
    assert pilot, "the pilot region ships gemeenten"
    for data in pilot:
        assert {"nl", "en", "ar"} <= set(flyer_talen(data.info.flyer_talen)), data.slug


@pytest.mark.parametrize("dpi", [150, 72])
def test_every_page_rasterises_and_every_qr_code_is_the_gemeente_url(shipped, dpi: int) -> None:
    _, config, _, files = shipped
    qr_per_format = {"a5": [1, 0], "drukwerk": [1, 0], "a4": [2, 0]}
    checked = 0
    for path in files:
        slug = path.parent.name
        taal = path.stem.removeprefix(f"mamawegwijzer-{slug}-").split("-")[0]
        url = config.gemeente_url(slug, taal)  # the page in the flyer's own language
        assert url.startswith("https://") and "?" not in url and "#" not in url
        assert url.endswith(f"/{slug}/") if taal == "nl" else url.endswith(f"/{slug}/{taal}/")
        if path.suffix == ".png":
            if dpi == 150:  # the share image has its own pixel size
                assert qr_codes(png_image(path)) == [url], path.name
            continue
        formaat = path.stem.rsplit("-", 1)[1]
        pages = rasterise(path, dpi)
        assert len(pages) == 2, path.name
        for page, count in zip(pages, qr_per_format[formaat]):
            assert qr_codes(page) == [url] * count, f"{path.name} at {dpi} dpi"
            checked += count
    assert checked >= len(files) // 2


def test_page_size_boxes_fonts_and_metadata(shipped) -> None:
    resultaat, _, out, _ = shipped
    for slug, data in resultaat.gemeenten.items():
        for taal in flyer_talen(data.info.flyer_talen):
            names = flyer_files(slug, taal)
            a5 = read_pdf(out / slug / names["a5"], text=False)
            assert [b["MediaBox"] for b in a5.boxes] == [[0, 0, 148, 210]] * 2
            assert [b["TrimBox"] for b in a5.boxes] == [[0, 0, 148, 210]] * 2
            assert a5.lang == taal and data.info.naam in (a5.title or "")
            assert a5.tagged and a5.pdfa and all(a5.fonts.values())
            druk = read_pdf(out / slug / names["drukwerk"], text=False)
            for boxes in druk.boxes:
                trim, bleed = boxes["TrimBox"], boxes["BleedBox"]
                assert round(trim[2] - trim[0], 1) == 148 and round(trim[3] - trim[1], 1) == 210
                assert [round(b - t, 1) for b, t in zip(bleed, trim)] == [-3, -3, 3, 3]
            a4 = read_pdf(out / slug / names["a4"], text=False)
            assert a4.boxes[0]["MediaBox"] == [0, 0, 297, 210]


def test_every_phone_number_of_the_flyer_data_is_in_the_text(shipped) -> None:
    resultaat, _, out, _ = shipped
    for slug, data in resultaat.gemeenten.items():
        numbers = numbers_on_flyer(data)
        assert numbers, slug
        for taal in flyer_talen(data.info.flyer_talen):
            text = read_pdf(out / slug / flyer_files(slug, taal)["a5"]).text
            for number in numbers:
                assert number in text, f"{number} not in the {taal} flyer of {slug}"
        # urgent help is on every flyer
        assert flyer_vermeldingen(data).spoed, slug


def test_qr_pages_exist_in_the_built_site(shipped, tmp_path: Path) -> None:
    """The QR code leads to <site_url>/<slug>/: that page, and the flyers, are in the site."""
    pytest.importorskip("wegwijzer.site", reason="the site stage is not there yet")
    _, config, _, files = shipped
    site = tmp_path / "site"
    env = {**os.environ, "WEGWIJZER_DATUM": TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    talen = set()
    for path in files:
        slug = path.parent.name
        taal = path.stem.removeprefix(f"mamawegwijzer-{slug}-").split("-")[0]
        page = urlsplit(config.gemeente_url(slug, taal)).path.strip("/")
        html = (site / page / "index.html").read_text(encoding="utf-8")
        # the page the QR code opens is in the flyer's language, and mostly in its script
        assert f'<html lang="{taal}"' in html, f"{page}/index.html"
        assert script_share(html, taal) >= 0.6, f"{page}: too little text in the script of {taal}"
        assert (site / slug / path.name).is_file(), f"{slug}/{path.name} in the site"
        talen.add(taal)
    assert {"nl", "en", "ar", "tr", "pl", "uk"} <= talen
    # and the QR code on a flyer from the built site itself
    built = site / "ede" / flyer_files("ede", "nl")["a5"]
    if built.is_file():
        assert qr_codes(rasterise(built, 150)[0]) == [config.gemeente_url("ede")]
