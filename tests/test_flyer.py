"""Flyers on a small fictional root (tests/fixtures/flyer): formats, PDF properties, QR codes,
translations, unverified entries, markup in data, fitting and the `wegwijzer flyers` command.

The flyers are rendered once per session (`rendered`); tests that change data render only
what they need.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from flyer_check import (
    digits,
    make_flyer_root,
    numbers_on_flyer,
    page_texts,
    png_image,
    qr_codes,
    qr_width_mm,
    rasterise,
    read_pdf,
    squash,
)

from conftest import TODAY, line_of, write
from wegwijzer.read.config import read_config
from wegwijzer.diagnostics import Meldingen
from wegwijzer.flyer import flyer_files, render_all
from wegwijzer.flyer.qr import QUIET_ZONE, check_url, modules, qr_svg
from wegwijzer.flyer import FlyerFout
from wegwijzer.read.vertalingen import VASTE_TEKSTEN
from wegwijzer.rules.validate import validate

pytestmark = pytest.mark.slow

A5 = [0.0, 0.0, 148.0, 210.0]


@pytest.fixture(scope="session")
def flyer_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_flyer_root(tmp_path_factory.mktemp("flyer") / "root")


@pytest.fixture(scope="session")
def rendered(flyer_root: Path, tmp_path_factory: pytest.TempPathFactory):
    """Every flyer of the fixture, rendered once: (root, out folder, files, warnings)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WEGWIJZER_DATUM", TODAY)
        resultaat = validate(flyer_root)
        assert not resultaat.meldingen.has_errors, [m.format() for m in resultaat.meldingen.fouten]
        out = tmp_path_factory.mktemp("site")
        meldingen = Meldingen()
        files = render_all(resultaat, out, read_config(flyer_root), meldingen=meldingen)
    return flyer_root, out, files, meldingen


def flyer(out: Path, slug: str, taal: str, formaat: str) -> Path:
    return out / slug / flyer_files(slug, taal)[formaat]


# --- names ----------------------------------------------------------------------------------


def test_file_names_carry_slug_and_language() -> None:
    names = flyer_files("ede", "ar")
    assert set(names) == {"a5", "drukwerk", "a4", "png"}
    for name in names.values():
        assert "ede" in name and "-ar" in name and "/" not in name
    assert names["png"].endswith(".png")
    assert len(set(names.values())) == 4


def test_every_language_and_format_is_written(rendered) -> None:
    _, out, files, _ = rendered
    expected = {flyer(out, "alfa", t, f) for t in ("nl", "en", "ar") for f in flyer_files("x", t)}
    expected |= {flyer(out, "beta", "nl", f) for f in flyer_files("x", "nl")}
    assert set(files) == expected
    assert all(path.stat().st_size > 1000 for path in files)
    assert not list(out.rglob("*.tmp")), "no temporary files are left behind"


# --- PDF properties -------------------------------------------------------------------------


@pytest.mark.parametrize("taal", ["nl", "en", "ar"])
def test_a5_pdf_is_print_grade(rendered, taal: str) -> None:
    _, out, _, _ = rendered
    info = read_pdf(flyer(out, "alfa", taal, "a5"))
    assert info.pages == 2
    for boxes in info.boxes:
        assert boxes["MediaBox"] == A5
        assert boxes["TrimBox"] == A5
    assert info.lang == taal
    assert info.title and "Alfa" in info.title
    assert info.tagged and info.pdfa
    assert info.fonts and all(info.fonts.values()), f"not embedded: {info.fonts}"
    families = {name.split("+")[-1].split("-")[0] for name in info.fonts}
    assert families <= {"NotoSans", "NotoNaskhArabic", "NotoSansEthiopic"}, families
    if taal == "ar":
        assert "NotoNaskhArabic" in families


def test_print_version_has_bleed_and_crop_marks(rendered) -> None:
    _, out, _, _ = rendered
    path = flyer(out, "alfa", "nl", "drukwerk")
    info = read_pdf(path)
    assert info.pages == 2
    for boxes in info.boxes:
        trim, bleed, media = boxes["TrimBox"], boxes["BleedBox"], boxes["MediaBox"]
        assert round(trim[2] - trim[0], 1) == 148.0 and round(trim[3] - trim[1], 1) == 210.0
        assert [round(b - t, 1) for b, t in zip(bleed, trim)] == [-3.0, -3.0, 3.0, 3.0]
        # room outside the bleed for the crop marks
        assert media[0] < bleed[0] and media[2] > bleed[2]
    # Crop marks: dark pixels in the slug, in line with the trim edge; and the header
    # colour runs on into the bleed.
    page = rasterise(path, 150)[0]
    px = 150 / 25.4
    media_h = info.boxes[0]["MediaBox"][3]
    trim = info.boxes[0]["TrimBox"]
    left, top = trim[0] * px, (media_h - trim[3]) * px
    mark = [page.getpixel((int(left - d * px), int(top))) for d in (4, 5, 6)]
    assert min(mark) < 128, "crop mark left of the top-left corner"
    bleed_px = page.getpixel((int(left - 1.5 * px), int(top + 10 * px)))
    slug_px = page.getpixel((int(left - 5 * px), int(top + 10 * px)))
    assert bleed_px < 250 and slug_px > 250, "background in the bleed, not in the slug"


def test_a4_has_two_copies_side_by_side(rendered) -> None:
    _, out, _, _ = rendered
    path = flyer(out, "alfa", "nl", "a4")
    info = read_pdf(path)
    assert info.pages == 2
    assert info.boxes[0]["MediaBox"] == [0.0, 0.0, 297.0, 210.0]
    first = page_texts(path)[0]
    assert first.count("Alle hulp in Alfa") == 2


def test_png_share_image(rendered) -> None:
    _, out, _, _ = rendered
    image = png_image(flyer(out, "alfa", "nl", "png"))
    assert image.size == (1080, 1350)
    assert qr_codes(image) == ["https://wegwijzer.example.org/alfa/"]


# --- QR codes -------------------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [150, 72])
def test_every_qr_code_scans_to_the_gemeente_page(rendered, dpi: int) -> None:
    _, out, files, _ = rendered
    expected_per_first_page = {"a5": 1, "drukwerk": 1, "a4": 2}
    for path in files:
        if path.suffix != ".pdf":
            continue
        slug = path.parent.name
        taal = path.stem.split("-")[2]
        formaat = next(k for k, v in flyer_files(slug, taal).items() if v == path.name)
        pages = rasterise(path, dpi)
        # the page in the flyer's own language
        url = f"https://wegwijzer.example.org/{slug}/" + ("" if taal == "nl" else f"{taal}/")
        assert qr_codes(pages[0]) == [url] * expected_per_first_page[formaat], path.name
        assert qr_codes(pages[1]) == [], path.name


def test_qr_code_size_and_encoding(rendered) -> None:
    _, out, _, _ = rendered
    page = rasterise(flyer(out, "alfa", "nl", "a5"), 300)[0]
    url = "https://wegwijzer.example.org/alfa/"
    # 25 mm or more including the quiet zone: the code itself is (n - 8) of n modules
    n = modules(url)
    width = qr_width_mm(page, 300) * n / (n - 2 * QUIET_ZONE)
    assert width >= 25, width
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "<path" in svg and "<image" not in svg
    assert "wegwijzer.example.org/alfa" in " ".join(page_texts(flyer(out, "alfa", "nl", "a5")))


def test_qr_url_must_be_https_without_tracking() -> None:
    from wegwijzer.diagnostics import WegwijzerFout

    assert check_url("https://example.org/ede/") == "https://example.org/ede/"
    for bad in ("http://example.org/ede/", "https://example.org/ede/?utm_source=flyer", "https://example.org/#x"):
        with pytest.raises(WegwijzerFout):
            check_url(bad)


# --- content --------------------------------------------------------------------------------


def test_every_phone_number_of_the_flyer_is_in_the_text(rendered) -> None:
    root, out, _, _ = rendered
    resultaat = validate(root)
    for slug, taal in (("alfa", "nl"), ("alfa", "en"), ("alfa", "ar"), ("beta", "nl")):
        numbers = numbers_on_flyer(resultaat.gemeenten[slug])
        assert numbers
        for path in (flyer(out, slug, taal, "a5"), flyer(out, slug, taal, "drukwerk")):
            text = read_pdf(path).text.replace("\u00a0", " ")
            for number in numbers:
                assert number in text, f"{number} not in {path.name} (left to right, in one piece)"


def test_unverified_entries_stay_off_and_are_reported(rendered) -> None:
    _, out, _, meldingen = rendered
    text = squash(read_pdf(flyer(out, "alfa", "nl", "a5")).text)
    assert "Twijfellijn" not in text and digits("0900 1450") not in digits(text)
    warnings = [m.tekst for m in meldingen.waarschuwingen]
    assert any("twijfellijn" in w and "NIET op de" in w for w in warnings), warnings


def test_concept_prints_unverified_entries_marked_as_concept(flyer_root: Path, tmp_path: Path) -> None:
    resultaat = validate(flyer_root)
    files = render_all(
        resultaat, tmp_path, read_config(flyer_root), "beta", "nl",
        onzeker_toestaan=True, meldingen=Meldingen(),
    )
    a5 = next(p for p in files if p.name.endswith("-a5.pdf"))
    texts = [text.replace("\u00a0", " ") for text in page_texts(a5)]
    assert "Twijfellijn" in texts[1] and "0900 1450" in texts[1]
    assert all("CONCEPT" in text for text in texts)


def test_example_data_is_marked_on_every_page(flyer_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    beta = root / "gemeenten" / "beta.yml"
    beta.write_text("voorbeelddata: ja\n" + beta.read_text())
    resultaat = validate(root)
    files = render_all(resultaat, tmp_path / "out", read_config(root), "beta", meldingen=Meldingen())
    for path in files:
        if path.suffix == ".pdf":
            assert all("VOORBEELDDATA" in text for text in page_texts(path)), path.name
    unmarked = render_all(resultaat, tmp_path / "out2", read_config(root), "alfa", "nl", meldingen=Meldingen())
    assert not any("VOORBEELDDATA" in t for p in unmarked if p.suffix == ".pdf" for t in page_texts(p))


def test_markup_in_data_is_printed_literally(rendered) -> None:
    _, out, _, _ = rendered
    text = read_pdf(flyer(out, "alfa", "nl", "a5")).text
    assert "Steun #lijn [24] #strong[x]" in text.replace("\n", " ")


def test_translations_are_used_and_marked(rendered) -> None:
    root, out, _, _ = rendered
    en = read_pdf(flyer(out, "alfa", "en", "a5")).text
    assert "Call or chat" in en and "Every day 8:00 to 22:00" in en
    assert "Bel of chat" not in en
    ar = read_pdf(flyer(out, "alfa", "ar", "a5")).text
    assert "CJG Alfa" in ar  # a proper name stays as it is
    resultaat = validate(root)
    machine = [m for m in resultaat.meldingen.waarschuwingen if "machinevertaling" in m.tekst]
    assert {m.plek.path.name for m in machine} >= {"en.yml", "ar.yml"}


def test_arabic_is_right_to_left_with_numbers_left_to_right(rendered) -> None:
    _, out, _, _ = rendered
    path = flyer(out, "alfa", "ar", "a5")
    back = page_texts(path)[1]
    # the number is extracted in reading order and in one piece, not "4567 123 026"
    assert "026 123 45 67" in back.replace("\u00a0", " ")
    # right-to-left layout: the title starts at the right margin
    image = rasterise(path, 100)[0].convert("L")
    width = image.size[0]
    band = image.crop((0, int(25 / 25.4 * 100), width, int(40 / 25.4 * 100)))
    dark = [x for x in range(width) for y in range(0, band.size[1], 3) if band.getpixel((x, y)) < 100]
    assert dark and max(dark) > width * 0.85 and min(dark) > width * 0.15


def test_ethiopic_script_is_shaped_with_the_committed_font(flyer_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    # A test language: every fixed text in Tigrinya script (a test phrase, not a translation).
    lines = ["taal: ti", "machinevertaling: ja", "vaste_teksten:"]
    for key, uitleg in VASTE_TEKSTEN.items():
        fill = " ".join("{" + p + "}" for p in ("gemeente", "url") if "{" + p + "}" in uitleg)
        lines.append(f'  {key}: "ሓበሬታ {fill}"')
    lines += ["vermeldingen:", "  luisterlijn:", "    bereikbaar: ኩሉ መዓልቲ"]
    lines += ["  steunlijn:", "    extra_telefoon:", '      "0800 0113": ለይቲ']
    write(root / "content" / "vertalingen" / "ti.yml", "\n".join(lines) + "\n")
    gemeente = root / "gemeenten" / "beta.yml"
    gemeente.write_text(gemeente.read_text().replace("woonplaatsen: [Beta]", "woonplaatsen: [Beta]\n  flyer_talen: [ti]"))
    resultaat = validate(root)
    assert not resultaat.meldingen.has_errors, [m.format() for m in resultaat.meldingen.fouten]
    files = render_all(resultaat, tmp_path / "out", read_config(root), "beta", "ti", meldingen=Meldingen())
    a5 = next(p for p in files if p.name.endswith("-a5.pdf"))
    info = read_pdf(a5)
    assert any("NotoSansEthiopic" in name for name in info.fonts)
    assert "ሓበሬታ" in " ".join(page_texts(a5))
    assert info.lang == "ti"


# --- validation of translations -------------------------------------------------------------


def test_missing_translation_is_an_error_at_the_language(flyer_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    ar = root / "content" / "vertalingen" / "ar.yml"
    ar.write_text("\n".join(l for l in ar.read_text().splitlines() if not l.startswith("  spoed_titel:")) + "\n")
    resultaat = validate(root)
    fouten = [m for m in resultaat.meldingen.fouten]
    assert len(fouten) == 1, [m.format() for m in fouten]
    fout = fouten[0]
    alfa = root / "gemeenten" / "alfa.yml"
    assert fout.plek.path == alfa and fout.plek.line == line_of(alfa, "flyer_talen")
    assert "'ar'" in fout.tekst and "spoed_titel" in fout.tekst and "ar.yml" in fout.tekst
    # and no flyer is made in a mix of languages
    with pytest.raises(FlyerFout, match="spoed_titel"):
        render_all(resultaat, tmp_path / "out", read_config(root), "alfa", "ar", meldingen=Meldingen())
    assert not (tmp_path / "out" / "alfa").exists()


def test_missing_entry_translation_and_missing_file(flyer_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    en = root / "content" / "vertalingen" / "en.yml"
    text = en.read_text()
    assert "  luisterlijn:\n    bereikbaar: Every day 8:00 to 22:00\n" in text
    en.write_text(text.replace("  luisterlijn:\n    bereikbaar: Every day 8:00 to 22:00\n", ""))
    (root / "content" / "vertalingen" / "ar.yml").unlink()
    texts = [m.tekst for m in validate(root).meldingen.fouten]
    assert any("'en'" in t and "luisterlijn" in t and "bereikbaar" in t for t in texts), texts
    assert any("'ar'" in t and "geen vertaling" in t for t in texts), texts


def test_changed_dutch_text_makes_the_translation_stale(flyer_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    en = root / "content" / "vertalingen" / "en.yml"
    en.write_text(
        en.read_text().replace("luisterlijn:\n    bereikbaar: Every day 8:00 to 22:00",
                               "luisterlijn:\n    bereikbaar:\n      tekst: Every day\n      nl: Elke dag")
    )
    fouten = validate(root).meldingen.fouten
    assert any("veranderd" in m.tekst and m.plek.path == en for m in fouten), [m.format() for m in fouten]


def test_placeholders_are_checked(flyer_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    en = root / "content" / "vertalingen" / "en.yml"
    en.write_text(en.read_text().replace("All help in {gemeente} in one place", "All help in {stad}"))
    fouten = [m.tekst for m in validate(root).meldingen.fouten]
    assert any("{stad}" in t for t in fouten) and any("'{gemeente}' ontbreekt" in t for t in fouten)


def test_validate_needs_no_translation_files_without_flyer_talen(mini: Path) -> None:
    assert not validate(mini).meldingen.has_errors


# --- fitting --------------------------------------------------------------------------------


def _overvol(root: Path) -> None:
    """Gemeente 'overvol' with far too many help lines for one A5 back."""
    entries = []
    for n in range(14):
        entries.append(
            f"""  - id: extra-lijn-{n}
    naam: Extra hulplijn nummer {n} met een lange naam
    omschrijving: Een lijn.
    telefoon: "0800 04{n:02d}"
    website: https://www.example.nl/lijn-{n}
    kosten: gratis
    anoniem: ja
    dag_en_nacht: ja
    op_flyer: ja
    fasen: [zwanger]
    themas: [psychisch]
    bron: Testbron
    gecontroleerd: 2026-06-01
"""
        )
    write(
        root / "gemeenten" / "overvol.yml",
        "gemeente:\n  naam: Overvol\n  regio: testregio\n  woonplaatsen: [Overvol]\n"
        "hulplijnen:\n" + "".join(entries),
    )


def test_over_long_gemeente_fails_with_a_clear_message(flyer_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    _overvol(root)
    resultaat = validate(root)
    assert not resultaat.meldingen.has_errors
    out = tmp_path / "out"
    with pytest.raises(FlyerFout) as info:
        render_all(resultaat, out, read_config(root), meldingen=Meldingen())
    message = str(info.value)
    assert "Overvol" in message and "achterkant" in message and "past niet op A5" in message
    assert re.search(r"Bel of chat \(1[6-9] hulplijnen\) \d+ mm", message) and "mm te lang" in message
    assert "Alfa" not in message
    # nothing of the flyer that does not fit; the others are complete
    assert not (out / "overvol").exists()
    assert len(list((out / "alfa").iterdir())) == 12


def test_cli_flyers(flyer_root: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "out"
    run = cli("flyers", "--root", flyer_root, "--out", out, "--gemeente", "alfa", "--taal", "en")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (out / "alfa").iterdir()) == sorted(flyer_files("alfa", "en").values())
    assert "twijfellijn" in run.out and "NIET op de" in run.out

    assert cli("flyers", "--root", flyer_root, "--out", out, "--gemeente", "gamma").code == 2
    run = cli("flyers", "--root", flyer_root, "--out", out, "--gemeente", "beta", "--taal", "ar")
    assert run.code == 2 and "flyer_talen" in run.err


def test_cli_refuses_on_errors_and_on_overflow(flyer_root: Path, tmp_path: Path, cli) -> None:
    root = tmp_path / "root"
    shutil.copytree(flyer_root, root)
    broken = root / "gemeenten" / "beta.yml"
    broken.write_text(broken.read_text().replace('telefoon: "0318 123 456"', 'telefoon: "0318 12"'))
    run = cli("flyers", "--root", root, "--out", tmp_path / "out")
    assert run.code == 1 and "beta.yml" in run.out and not (tmp_path / "out").exists()

    shutil.rmtree(root)
    shutil.copytree(flyer_root, root)
    _overvol(root)
    run = cli("flyers", "--root", root, "--out", tmp_path / "out2", "--gemeente", "overvol")
    assert run.code == 1 and "Overvol" in run.err and "past niet op A5" in run.err
    assert "Traceback" not in run.err
