"""Flyer rendering at scale: the content-keyed cache and rendering over several processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from flyer_check import make_flyer_root

from wegwijzer.config import read_config
from wegwijzer.flyer import render as render_module
from wegwijzer.flyer.render import CACHE_DIR, render_all
from wegwijzer.validate import validate


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
