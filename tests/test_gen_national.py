"""scripts/gen_national.py: a deterministic, clearly synthetic national dataset that validates."""

from __future__ import annotations

import filecmp
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "gen_national.py"


def _module():
    spec = importlib.util.spec_from_file_location("gen_national", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


gen = _module()


def _files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def _wegwijzer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", *args], capture_output=True, text=True, cwd=REPO, check=False
    )


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("nationaal") / "root"
    gen.generate(out)
    return out


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("klein") / "root"
    gen.generate(out, gemeenten=28)
    return out


def test_deterministic(national: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    gen.generate(again)
    files = _files(national)
    assert files == _files(again)
    _, mismatch, errors = filecmp.cmpfiles(national, again, [str(f) for f in files], shallow=False)
    assert mismatch == [] and errors == []


def test_other_seed_differs(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    gen.generate(a, gemeenten=20)
    gen.generate(b, seed=gen.SEED + 1, gemeenten=20)
    assert (a / "gemeenten" / "voorbeeldgemeente-001.yml").read_bytes() != (
        b / "gemeenten" / "voorbeeldgemeente-001.yml"
    ).read_bytes()


def test_counts_and_sizes(national: Path) -> None:
    regios = sorted((national / "content" / "regio").glob("*.yml"))
    gemeenten = sorted((national / "gemeenten").glob("*.yml"))
    assert len(regios) == 25
    assert len(gemeenten) == 342
    national_text = (national / "content" / "landelijk.yml").read_text(encoding="utf-8")
    landelijk = national_text.count("\n  - id: ")
    regionaal = sum(p.read_text(encoding="utf-8").count("\n  - id: ") for p in regios)
    assert 100 <= landelijk + regionaal <= 600  # a few hundred national and regional entries
    for path in gemeenten:
        text = path.read_text(encoding="utf-8")
        own = text.count("\n    naam: ")  # local entries (overrides and exclusions have no naam)
        assert 10 <= own <= 60, path.name
        assert "niet_aangeboden:" in text  # exclusions
        assert "    bijzonderheden: " in text  # overrides of regional entries
        (talen,) = re.findall(r"\n  flyer_talen: \[([^\]]*)\]\n", text)
        assert len(talen.split(", ")) == 5  # with nl: six languages


def test_about_5000_urls(national: Path) -> None:
    urls = set()
    for path in national.rglob("*.yml"):
        urls.update(re.findall(r'https?://[^"\s]+', path.read_text(encoding="utf-8")))
    urls.discard("https://wegwijzer.example/")  # not data
    data_urls = {u for u in urls if ".example/" in u and "voorbeeld" in u}
    assert 4000 <= len(data_urls) <= 6000
    assert all(".example" in u.split("/")[2] for u in data_urls)  # reserved domain only


def test_every_data_file_is_marked_synthetic(national: Path) -> None:
    data_files = [national / "content" / "landelijk.yml", *(national / "content" / "regio").glob("*.yml"),
                  *(national / "gemeenten").glob("*.yml")]
    for path in data_files:
        assert "\nvoorbeelddata: ja\n" in path.read_text(encoding="utf-8"), path.name
    for path in (national / "content" / "vertalingen").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Verzonnen voorbeelddata"), path.name
        if path.stem != "nl":
            assert "\nmachinevertaling: ja\n" in text, path.name
    names = (national / "gemeenten" / "voorbeeldgemeente-001.yml").read_text(encoding="utf-8")
    assert 'naam: "Voorbeeldgemeente 001"' in names


def _flyer_talen(root: Path) -> dict[str, list[str]]:
    result = {}
    for path in sorted((root / "gemeenten").glob("*.yml")):
        (talen,) = re.findall(r"\n  flyer_talen: \[([^\]]*)\]\n", path.read_text(encoding="utf-8"))
        result[path.stem] = talen.split(", ")
    return result


def test_eight_languages_spread_over_the_gemeenten(national: Path) -> None:
    per_gemeente = _flyer_talen(national)
    gebruikt: dict[str, int] = {}
    for talen in per_gemeente.values():
        assert len(set(talen)) == 5 and "nl" not in talen  # nl and five others: six flyers
        for taal in talen:
            gebruikt[taal] = gebruikt.get(taal, 0) + 1
    assert set(gebruikt) == {"en", "ar", "tr", "pl", "uk", "fa", "ti", "so"}
    assert {"ti", "fa"} <= set(gebruikt)
    # every language in many gemeenten (5 of every 8), none left to a few
    assert min(gebruikt.values()) >= 342 * 5 // 8 - 1
    assert sum(gebruikt.values()) == 342 * 5


def test_translations_for_every_flyer_language(national: Path) -> None:
    talen = sorted(p.stem for p in (national / "content" / "vertalingen").glob("*.yml"))
    assert talen == ["ar", "en", "fa", "nl", "pl", "so", "ti", "tr", "uk"]
    ti = (national / "content" / "vertalingen" / "ti.yml").read_text(encoding="utf-8")
    assert "ትግርኛ" in ti  # Ethiopic script (the language's own name): the flyer needs its font


def _load(path: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_no_fake_translations(national: Path) -> None:
    """No Dutch text labelled as another language: the fixed and page texts are the shipped
    translations, every entry text is a translated phrase, never the Dutch one."""
    folder = national / "content" / "vertalingen"
    nl = _load(folder / "nl.yml")
    for path in sorted(folder.glob("*.yml")):
        if path.stem == "nl":
            continue
        data = _load(path)
        shipped = _load(REPO / "content" / "vertalingen" / path.name)
        for text in _strings({k: v for k, v in data.items() if k != "taal"}):
            assert not text.startswith("["), (path.name, text)
        assert data["site_teksten"] == {k: " ".join(v.split()) for k, v in shipped["site_teksten"].items()}
        for key, text in data["vaste_teksten"].items():
            full = " ".join(shipped["vaste_teksten"][key].split())
            assert text == full or (key == "ervaring" and full.startswith(text[:-1])), (path.name, key)
        assert set(data["vermeldingen"]) == set(nl["vermeldingen"])
        for id, velden in data["vermeldingen"].items():
            assert velden["kort"] != nl["vermeldingen"][id]["kort"], (path.name, id)
            assert velden["kort"] == gen.FRASEN[nl["vermeldingen"][id]["kort"]][path.stem]
            for veld, tekst in velden.items():
                if veld != "kort":
                    assert tekst["tekst"] == gen.FRASEN[tekst["nl"]][path.stem] != tekst["nl"]
    # every phrase is translated into every language
    for nl_text, vertaald in gen.FRASEN.items():
        assert set(vertaald) == set(gen.LANGUAGES), nl_text
        assert nl_text not in vertaald.values()


def test_scaled_set_validates_without_errors(scaled: Path) -> None:
    assert len(list((scaled / "gemeenten").glob("*.yml"))) == 28
    assert len(list((scaled / "content" / "regio").glob("*.yml"))) == 2
    result = _wegwijzer("validate", "--root", str(scaled))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "er is geen vertaling" not in result.stdout + result.stderr
    assert "fout:" not in result.stdout + result.stderr


def test_scaled_set_flyers_in_all_languages(scaled: Path, tmp_path: Path) -> None:
    per_gemeente = _flyer_talen(scaled)
    gemeenten = ["voorbeeldgemeente-001", "voorbeeldgemeente-004"]  # together: all eight
    assert set(per_gemeente[gemeenten[0]]) | set(per_gemeente[gemeenten[1]]) == set(gen.LANGUAGES)
    for slug in gemeenten:
        result = _wegwijzer("flyers", "--root", str(scaled), "--out", str(tmp_path), "--gemeente", slug)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        names = sorted(p.name for p in (tmp_path / slug).iterdir())
        for taal in ["nl", *per_gemeente[slug]]:
            assert f"mamawegwijzer-{slug}-{taal}-a5.pdf" in names
        assert len(names) == 24


def test_command_line(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), "--gemeenten", "3"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(list((out / "gemeenten").glob("*.yml"))) == 3
