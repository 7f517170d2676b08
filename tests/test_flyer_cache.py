"""Flyer rendering at scale: the content-keyed cache and rendering over several processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from flyer_check import make_flyer_root

from wegwijzer.read.config import read_config
from wegwijzer.flyer import render as render_module
from wegwijzer.flyer.render import CACHE_DIR, render_all
from wegwijzer.rules.validate import validate


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WEGWIJZER_DATUM", TODAY)
    monkeypatch.setenv("WEGWIJZER_WERKERS", "1")  # in this process, so render_inhoud can be counted
    return make_flyer_root(tmp_path / "root")


def _render(root: Path, out: Path) -> dict[str, bytes]:
    resultaat = validate(root)
    assert not resultaat.meldingen.has_errors
    paths = render_all(resultaat, out, read_config(root))
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in paths}


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []
    real = render_module.render_inhoud

    def counted(renderer, inhoud, naam, taal, formats=render_module.FORMATS):
        calls.append((naam, taal))
        return real(renderer, inhoud, naam, taal, formats)

    monkeypatch.setattr(render_module, "render_inhoud", counted)
    return calls


def test_unchanged_flyers_come_from_the_cache(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    first = _render(root, tmp_path / "out1")
    assert len(calls) == 4  # alfa: nl, en, ar; beta: nl
    assert (root / CACHE_DIR).is_dir()
    calls.clear()
    second = _render(root, tmp_path / "out2")
    assert calls == []
    assert second == first  # byte for byte


def test_an_edit_renders_only_that_gemeentes_flyers_again(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    _render(root, tmp_path / "out1")
    alfa = root / "gemeenten" / "alfa.yml"
    alfa.write_text(alfa.read_text(encoding="utf-8") + "# alleen een opmerking\n", encoding="utf-8")
    calls.clear()
    _render(root, tmp_path / "out2")
    assert calls == []  # a comment does not change any flyer
    alfa.write_text(alfa.read_text(encoding="utf-8").replace("naam: Alfa\n", "naam: Alfaa\n", 1), encoding="utf-8")
    calls.clear()
    files = _render(root, tmp_path / "out3")
    assert sorted(calls) == [("Alfaa", "ar"), ("Alfaa", "en"), ("Alfaa", "nl")]
    assert len(files) == 16  # 4 flyers, 4 formats each


def test_a_changed_date_or_template_misses_the_cache(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    _render(root, tmp_path / "out1")
    calls.clear()
    monkeypatch.setenv("WEGWIJZER_DATUM", "2031-01-02")  # the date is printed on the flyer
    _render(root, tmp_path / "out2")
    assert len(calls) == 4


def test_parallel_rendering_gives_the_same_files(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sequential = _render(root, tmp_path / "seq")
    cache = root / CACHE_DIR
    import shutil

    shutil.rmtree(cache)
    monkeypatch.setenv("WEGWIJZER_WERKERS", "2")
    monkeypatch.setattr(render_module, "PARALLEL_MIN", 1)
    calls = _counting(monkeypatch)  # the workers are other processes: nothing counted here
    parallel = _render(root, tmp_path / "par")
    assert calls == []
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
    from wegwijzer.flyer.render import flyer_inhoud

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
    renderer = render_module.Renderer()
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
    renderer = render_module.Renderer()
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
            te_lang = over > render_module.TOLERANTIE_MM
            assert (markers[pagina] > render_module.TOLERANTIE_MM) == te_lang, (count, pagina, markers, gemeten)
            if not te_lang:
                assert abs(markers[pagina] - over) < 0.05
        verdicts.append(gemeten["achterkant"] > render_module.TOLERANTIE_MM)
    assert verdicts[0] is False and verdicts[-1] is True  # the edge was crossed


def test_a_flyer_that_fits_is_compiled_once_per_format(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _too_long(root)
    calls: list[tuple[str, bool]] = []
    real = render_module.Renderer.compile

    def counted(self, data, formaat, *, meten=False):
        calls.append((formaat, meten))
        return real(self, data, formaat, meten=meten)

    monkeypatch.setattr(render_module.Renderer, "compile", counted)
    renderer = render_module.Renderer()
    inhoud, naam = _inhoud(root, "alfa")
    files = render_module.render_inhoud(renderer, inhoud, naam, "nl")
    assert set(files) == {"a5", "drukwerk", "a4", "png"}
    assert calls == [("a5", False), ("drukwerk", False), ("a4", False), ("png", False)]
    # one that does not fit: measured once more for the message, nothing else is made
    calls.clear()
    inhoud, naam = _inhoud(root, "overvol")
    with pytest.raises(render_module.FlyerFout, match="achterkant past niet op A5"):
        render_module.render_inhoud(renderer, inhoud, naam, "nl")
    assert calls == [("a5", False), ("a5", True)]


def test_pdf_boxes_are_added_without_parsing_and_match_the_pypdf_way(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    def boxes(pdf: bytes) -> list[dict[str, list[float]]]:
        reader = PdfReader(io.BytesIO(pdf), strict=True)
        return [
            {k: [round(float(v), 3) for v in page[k]] for k in ("/MediaBox", "/TrimBox", "/BleedBox") if k in page}
            for page in reader.pages
        ]

    inhoud, naam = _inhoud(root, "alfa")
    renderer = render_module.Renderer()
    raw = {f: renderer.compile(inhoud, f) for f in ("a5", "drukwerk", "a4")}
    slow = {f: render_module._finish_pdf_pypdf(raw[f], f, naam, "nl") for f in raw}

    def no_pypdf(*args, **kwargs):
        raise AssertionError("a PDF as Typst writes it is finished without pypdf")

    monkeypatch.setattr(render_module, "_finish_pdf_pypdf", no_pypdf)
    for formaat, pdf in raw.items():
        fast = render_module.finish_pdf(pdf, formaat, naam, "nl")
        assert fast.startswith(pdf.rstrip(b"\n"))  # Typst's bytes stay as they are
        assert boxes(fast) == boxes(slow[formaat])
        for page in boxes(fast):
            assert page["/TrimBox"] and (("/BleedBox" in page) == (formaat == "drukwerk"))
        assert PdfReader(io.BytesIO(fast), strict=True).trailer["/Root"]["/Lang"] == "nl"
    with pytest.raises(render_module.FlyerFout, match="3 pagina's in plaats van 2"):
        writer = PdfWriter()
        for _ in range(3):
            writer.add_blank_page(100, 100)
        monkeypatch.undo()
        buffer = io.BytesIO()
        writer.write(buffer)
        render_module.finish_pdf(buffer.getvalue(), "a5", naam, "nl")
    # a PDF laid out otherwise (pypdf writes nested dictionaries) is finished the pypdf way
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(100, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert render_module._page_objects(buffer.getvalue()) is None
    finished = render_module.finish_pdf(buffer.getvalue(), "drukwerk", naam, "nl")
    assert [page["/TrimBox"] for page in boxes(finished)] == [[0.0, 0.0, 100.0, 200.0]] * 2
    assert all("/BleedBox" in page for page in boxes(finished))


def test_one_task_is_one_gemeentes_flyers() -> None:
    def job(index: int, slug: str) -> tuple:
        return (index, {"url": f"https://example.org/{slug}/"}, slug, "nl")

    jobs = [job(0, "a"), job(1, "a"), job(2, "b"), *[job(3 + n, "c") for n in range(10)]]
    tasks = [[j[0] for j in task] for task in render_module._tasks(iter(jobs))]
    assert tasks == [[0, 1], [2], list(range(3, 3 + render_module.TAAK_MAX)), list(range(3 + render_module.TAAK_MAX, 13))]
