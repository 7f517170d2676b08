"""Flyer rendering at scale: the content-keyed cache and rendering over several processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from flyer_check import make_flyer_root

from wegwijzer.flyer import FlyerFout, FlyerUitkomst, render_flyers
from wegwijzer.flyer import compiler, pdfboxes, pool
from wegwijzer.flyer.cache import CACHE_DIR
from wegwijzer.read.config import read_config
from wegwijzer.rules.validate import validate


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WEGWIJZER_DATUM", TODAY)
    monkeypatch.setenv("WEGWIJZER_WERKERS", "1")
    return make_flyer_root(tmp_path / "root")


def _run(root: Path, out: Path) -> tuple[FlyerUitkomst, dict[str, bytes]]:
    resultaat = validate(root)
    assert not resultaat.meldingen.has_errors
    uitkomst = render_flyers(resultaat, out, read_config(root))
    return uitkomst, {p.relative_to(out).as_posix(): p.read_bytes() for p in uitkomst.bestanden}


def _render(root: Path, out: Path) -> dict[str, bytes]:
    return _run(root, out)[1]


def test_unchanged_flyers_come_from_the_cache(root: Path, tmp_path: Path) -> None:
    uitkomst, first = _run(root, tmp_path / "out1")
    assert (uitkomst.gerenderd, uitkomst.uit_cache, uitkomst.cache_gelezen) == (4, 0, 0)  # alfa: nl, en, ar; beta: nl
    assert (root / CACHE_DIR).is_dir()
    uitkomst, second = _run(root, tmp_path / "out2")
    assert (uitkomst.gerenderd, uitkomst.uit_cache) == (0, 4)
    assert uitkomst.cache_gelezen == 4 * 5  # per flyer: the manifest and four files
    assert second == first  # byte for byte


def test_an_edit_renders_only_that_gemeentes_flyers_again(root: Path, tmp_path: Path) -> None:
    _run(root, tmp_path / "out1")
    alfa = root / "gemeenten" / "alfa.yml"
    alfa.write_text(alfa.read_text(encoding="utf-8") + "# alleen een opmerking\n", encoding="utf-8")
    uitkomst, _ = _run(root, tmp_path / "out2")
    assert (uitkomst.gerenderd, uitkomst.uit_cache) == (0, 4)  # a comment does not change any flyer
    alfa.write_text(alfa.read_text(encoding="utf-8").replace("naam: Alfa\n", "naam: Alfaa\n", 1), encoding="utf-8")
    uitkomst, files = _run(root, tmp_path / "out3")
    assert (uitkomst.gerenderd, uitkomst.uit_cache) == (3, 1)  # alfa's nl, en, ar; beta from the cache
    assert len(files) == 16  # 4 flyers, 4 formats each
    assert "Alfaa" in files["alfa/mamawegwijzer-alfa-nl-a5.pdf"].decode("latin-1")  # in the title


def test_a_changed_date_or_template_misses_the_cache(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run(root, tmp_path / "out1")
    monkeypatch.setenv("WEGWIJZER_DATUM", "2031-01-02")  # the date is printed on the flyer
    uitkomst, _ = _run(root, tmp_path / "out2")
    assert (uitkomst.gerenderd, uitkomst.uit_cache) == (4, 0)


def test_parallel_rendering_gives_the_same_files(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uitkomst, sequential = _run(root, tmp_path / "seq")
    assert uitkomst.werkers == 0
    cache = root / CACHE_DIR
    import shutil

    shutil.rmtree(cache)
    monkeypatch.setenv("WEGWIJZER_WERKERS", "2")
    monkeypatch.setattr(pool, "PARALLEL_MIN", 1)
    uitkomst, parallel = _run(root, tmp_path / "par")
    assert (uitkomst.werkers, uitkomst.gerenderd, uitkomst.uit_cache) == (2, 4, 0)
    assert parallel == sequential


def test_one_gemeentes_flyers_read_only_its_files(root: Path, tmp_path: Path, cli) -> None:
    """`flyers --gemeente X` reads landelijk, the regio's and X: an error in another gemeente
    does not hold up X's flyers; an error in X does; the whole run still refuses."""
    beta = root / "gemeenten" / "beta.yml"
    beta.write_text(beta.read_text().replace('telefoon: "0318 123 456"', 'telefoon: "0318 12"'))
    run = cli("flyers", "--root", root, "--out", tmp_path / "alfa", "--gemeente", "alfa")
    assert run.code == 0, run.err
    assert len(list((tmp_path / "alfa" / "alfa").iterdir())) == 12
    run = cli("flyers", "--root", root, "--out", tmp_path / "beta", "--gemeente", "beta")
    assert run.code == 1 and "beta.yml" in run.out
    assert cli("flyers", "--root", root, "--out", tmp_path / "alle").code == 1


# --- fitting without measuring, PDF boxes without re-parsing, tasks, translations ----------


def _inhoud(root: Path, slug: str, taal: str = "nl") -> tuple[dict, str]:
    from wegwijzer.flyer.plan import flyer_inhoud

    resultaat = validate(root)
    assert not resultaat.meldingen.has_errors
    data = resultaat.gemeenten[slug]
    inhoud = flyer_inhoud(data, taal, resultaat.project.vertalingen, read_config(root).gemeente_url(slug))
    return inhoud, data.info.naam


def _too_long(root: Path) -> None:
    from test_flyer import _overvol

    _overvol(root)


@pytest.mark.parametrize("taal", ["nl", "ar"])
def test_the_markers_give_the_heights_of_measuring(root: Path, taal: str) -> None:
    """For content that fits, the heights read from the markers are those of measuring
    every part on its own."""
    inhoud, _ = _inhoud(root, "alfa", taal)
    renderer = compiler.Renderer()
    for formaat in ("a5", "png"):
        renderer.compile(inhoud, formaat)
        ruimtes = renderer.ruimte()
        renderer.compile(inhoud, formaat, meten=True)
        metingen = renderer.metingen()
        assert [r["pagina"] for r in ruimtes] == [m["pagina"] for m in metingen]
        for ruimte, meting in zip(ruimtes, metingen):
            assert [d["naam"] for d in ruimte["delen"]] == [d["naam"] for d in meting["delen"]]
            for a, b in zip(ruimte["delen"], meting["delen"]):
                assert abs(a["hoogte"] - b["hoogte"]) < 0.01, (formaat, a, b)
            assert abs(ruimte["nodig"] - meting["nodig"]) < 0.05
            assert ruimte["beschikbaar"] == meting["beschikbaar"]


def test_the_markers_and_measuring_agree_on_what_fits(root: Path) -> None:
    """Around the edge (from plenty of room to far too long, a help line at a time), the
    markers call a page too long exactly when measuring does."""
    from test_flyer import _overvol

    _overvol(root)
    path = root / "gemeenten" / "overvol.yml"
    full = path.read_text(encoding="utf-8")
    head, *lines = full.split("  - id: extra-lijn-")
    renderer = compiler.Renderer()
    verdicts = []
    for count in range(0, len(lines) + 1, 1):
        path.write_text(head + "".join("  - id: extra-lijn-" + line for line in lines[:count]), encoding="utf-8")
        if count == 0:
            path.write_text(head.replace("hulplijnen:\n", ""), encoding="utf-8")
        inhoud, naam = _inhoud(root, "overvol")
        renderer.compile(inhoud, "a5")
        markers = {m["pagina"]: m["nodig"] - m["beschikbaar"] for m in renderer.ruimte()}
        renderer.compile(inhoud, "a5", meten=True)
        gemeten = {m["pagina"]: m["nodig"] - m["beschikbaar"] for m in renderer.metingen()}
        for pagina, over in gemeten.items():
            te_lang = over > compiler.TOLERANTIE_MM
            assert (markers[pagina] > compiler.TOLERANTIE_MM) == te_lang, (count, pagina, markers, gemeten)
            if not te_lang:
                assert abs(markers[pagina] - over) < 0.05
        verdicts.append(gemeten["achterkant"] > compiler.TOLERANTIE_MM)
    assert verdicts[0] is False and verdicts[-1] is True  # the edge was crossed


def test_a_flyer_that_fits_is_compiled_once_per_format(root: Path) -> None:
    _too_long(root)
    renderer = compiler.Renderer()
    inhoud, naam = _inhoud(root, "alfa")
    files = compiler.render_inhoud(renderer, inhoud, naam, "nl")
    assert set(files) == {"a5", "drukwerk", "a4", "png"}
    assert renderer.compilaties == [("a5", False), ("drukwerk", False), ("a4", False), ("png", False)]
    # one that does not fit: measured once more for the message, nothing else is made
    renderer.compilaties.clear()
    inhoud, naam = _inhoud(root, "overvol")
    with pytest.raises(FlyerFout, match="achterkant past niet op A5"):
        compiler.render_inhoud(renderer, inhoud, naam, "nl")
    assert renderer.compilaties == [("a5", False), ("a5", True)]


def test_pdf_boxes_are_added_without_parsing_and_match_the_pypdf_way(root: Path) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    def boxes(pdf: bytes) -> list[dict[str, list[float]]]:
        reader = PdfReader(io.BytesIO(pdf), strict=True)
        return [
            {k: [round(float(v), 3) for v in page[k]] for k in ("/MediaBox", "/TrimBox", "/BleedBox") if k in page}
            for page in reader.pages
        ]

    inhoud, naam = _inhoud(root, "alfa")
    renderer = compiler.Renderer()
    raw = {f: renderer.compile(inhoud, f) for f in ("a5", "drukwerk", "a4")}
    slow = {f: pdfboxes.finish_pdf_pypdf(raw[f], f, naam, "nl") for f in raw}
    for formaat, pdf in raw.items():
        assert pdfboxes.page_objects(pdf) is not None  # laid out as Typst writes it
        fast = pdfboxes.finish_pdf(pdf, formaat, naam, "nl")
        assert fast.startswith(pdf.rstrip(b"\n"))  # Typst's bytes stay as they are
        update = fast[len(pdf):]
        # Typst's own page dictionaries, extended as bytes (pypdf would write "/TrimBox [ ")
        assert b"/TrimBox[" in update and update != slow[formaat][len(pdf):]
        assert boxes(fast) == boxes(slow[formaat])
        for page in boxes(fast):
            assert page["/TrimBox"] and (("/BleedBox" in page) == (formaat == "drukwerk"))
        assert PdfReader(io.BytesIO(fast), strict=True).trailer["/Root"]["/Lang"] == "nl"
    with pytest.raises(FlyerFout, match="3 pagina's in plaats van 2"):
        writer = PdfWriter()
        for _ in range(3):
            writer.add_blank_page(100, 100)
        buffer = io.BytesIO()
        writer.write(buffer)
        pdfboxes.finish_pdf(buffer.getvalue(), "a5", naam, "nl")
    # a PDF laid out otherwise (pypdf writes nested dictionaries) is finished the pypdf way
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(100, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert pdfboxes.page_objects(buffer.getvalue()) is None
    finished = pdfboxes.finish_pdf(buffer.getvalue(), "drukwerk", naam, "nl")
    assert [page["/TrimBox"] for page in boxes(finished)] == [[0.0, 0.0, 100.0, 200.0]] * 2
    assert all("/BleedBox" in page for page in boxes(finished))


def test_one_task_is_one_gemeentes_flyers() -> None:
    def job(index: int, slug: str) -> tuple:
        return (index, {"url": f"https://example.org/{slug}/"}, slug, "nl")

    jobs = [job(0, "a"), job(1, "a"), job(2, "b"), *[job(3 + n, "c") for n in range(10)]]
    tasks = [[j[0] for j in task] for task in pool.tasks(iter(jobs))]
    assert tasks == [[0, 1], [2], list(range(3, 3 + pool.TAAK_MAX)), list(range(3 + pool.TAAK_MAX, 13))]


def _entry(root: Path, published: bytes) -> Path:
    """The cache entry whose A5 file is `published` (found by content, not by its manifest)."""
    [entry] = [p.parent for p in (root / CACHE_DIR).glob("*/*/a5") if p.read_bytes() == published]
    return entry


@pytest.fixture
def rendered(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The flyers of a first run (which fills the cache)."""
    return _render(root, tmp_path / "eerst")


ALFA_NL = "alfa/mamawegwijzer-alfa-nl"


def _damage(entry: Path, how: str, rendered: dict[str, bytes]) -> None:
    if how == "afgekapt":  # a truncated PDF (a full disk, a copy that stopped)
        pdf = (entry / "a5").read_bytes()
        (entry / "a5").write_bytes(pdf[: len(pdf) // 2])
    elif how == "zelfde-grootte":  # same size, other bytes (a flipped bit)
        pdf = bytearray((entry / "a5").read_bytes())
        pdf[len(pdf) // 2] ^= 0x01
        (entry / "a5").write_bytes(bytes(pdf))
    elif how == "png-weg":
        (entry / "png").unlink()
    elif how == "extra-bestand":
        (entry / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    elif how == "andere-gemeente":  # beta's flyer where alfa's should be
        (entry / "a5").write_bytes(rendered["beta/mamawegwijzer-beta-nl-a5.pdf"])
    elif how == "manifest-weg":
        (entry / "manifest.json").unlink()
    elif how == "manifest-kapot":
        (entry / "manifest.json").write_bytes(b"{\"versie\": 1, \xff")
    elif how == "manifest-vreemd":
        (entry / "manifest.json").write_text('[["niet", "van", "ons"]]', encoding="utf-8")
    elif how == "manifest-diep":
        (entry / "manifest.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    else:
        raise AssertionError(how)


@pytest.mark.parametrize(
    "how",
    [
        "afgekapt", "zelfde-grootte", "png-weg", "extra-bestand", "andere-gemeente",
        "manifest-weg", "manifest-kapot", "manifest-vreemd", "manifest-diep",
    ],
)
def test_a_damaged_cache_entry_is_rendered_again(
    root: Path, tmp_path: Path, rendered: dict[str, bytes], how: str
) -> None:
    entry = _entry(root, rendered[f"{ALFA_NL}-a5.pdf"])
    _damage(entry, how, rendered)
    uitkomst, files = _run(root, tmp_path / "daarna")
    assert files == rendered  # every file whole and the right one, the PNG included
    assert (uitkomst.gerenderd, uitkomst.uit_cache) == (1, 3)
    # the entry was replaced: the next run serves it from the cache, as it should be
    assert sorted(p.name for p in entry.iterdir()) == ["a4", "a5", "drukwerk", "manifest.json", "png"]
    uitkomst, files = _run(root, tmp_path / "weer")
    assert files == rendered and (uitkomst.gerenderd, uitkomst.uit_cache) == (0, 4)


def test_another_gemeentes_entry_under_the_key_is_not_served(
    root: Path, tmp_path: Path, rendered: dict[str, bytes]
) -> None:
    """A whole entry copied under another key (manifest and all) is not that flyer."""
    import shutil

    alfa = _entry(root, rendered[f"{ALFA_NL}-a5.pdf"])
    beta = _entry(root, rendered["beta/mamawegwijzer-beta-nl-a5.pdf"])
    shutil.rmtree(alfa)
    shutil.copytree(beta, alfa)
    uitkomst, files = _run(root, tmp_path / "daarna")
    assert files == rendered
    assert (uitkomst.gerenderd, uitkomst.uit_cache) == (1, 3)


def test_the_manifest_says_what_each_file_is(root: Path, rendered: dict[str, bytes]) -> None:
    import hashlib
    import json

    entry = _entry(root, rendered[f"{ALFA_NL}-a5.pdf"])
    manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["sleutel"], manifest["gemeente"], manifest["taal"]) == (entry.name, "alfa", "nl")
    names = {"a5": "-a5.pdf", "drukwerk": "-drukwerk.pdf", "a4": "-a4.pdf", "png": ".png"}
    for formaat, suffix in names.items():
        content = rendered[ALFA_NL + suffix]
        assert manifest["bestanden"][formaat] == {
            "grootte": len(content), "sha256": hashlib.sha256(content).hexdigest()
        }


def test_an_unwritable_cache_costs_only_time(root: Path, tmp_path: Path) -> None:
    """A cache folder that cannot be made (a file in its place) renders every flyer, and fails nothing."""
    cache = root / CACHE_DIR
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("geen map", encoding="utf-8")
    uitkomst, files = _run(root, tmp_path / "out")
    assert (uitkomst.gerenderd, uitkomst.uit_cache, len(files)) == (4, 0, 16)


def test_a_run_removes_what_a_killed_run_was_writing(root: Path, tmp_path: Path, rendered: dict[str, bytes]) -> None:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    dead = child.pid
    half_flyer = tmp_path / "out" / "alfa" / f".tmp-{dead}-q1-mamawegwijzer-alfa-nl-a5.pdf"
    half_flyer.parent.mkdir(parents=True)
    half_flyer.write_bytes(b"%PDF-1.7 afgebr")
    [part] = [p for p in (root / CACHE_DIR).iterdir() if p.is_dir()][:1]
    half_entry = part / f".tmp-{dead}-k2"
    half_entry.mkdir()
    (half_entry / "a5").write_bytes(b"%PDF-1.7 afgebr")
    _, files = _run(root, tmp_path / "out")
    assert files == rendered
    assert not half_flyer.exists() and not half_entry.exists()
    assert sorted(p.name for p in (tmp_path / "out" / "alfa").iterdir()) == sorted(
        Path(name).name for name in rendered if name.startswith("alfa/")
    )
