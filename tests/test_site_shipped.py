"""Acceptance on the shipped data (the repository root): the site that is published.

Expected values come from the data itself (validate(REPO)), so that the tests stay true
while the editors add gemeenten and entries.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from wegwijzer.read import phones
from wegwijzer.read.config import read_config
from wegwijzer.site.build import build_site
from wegwijzer.check.html import Pagina, broken_links, read_site
from wegwijzer.rules.validate import Resultaat, validate


@pytest.fixture(scope="module")
def data() -> Resultaat:
    result = validate(REPO)
    assert not result.meldingen.has_errors, [m.format() for m in result.meldingen.fouten]
    return result


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "site"
    result = build_site(REPO, out, flyers=False)
    assert result.out == out
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Pagina]:
    return read_site(site)


def numbers_of(data: Resultaat) -> set[str]:
    """Every number in the merged data, as its tel: link would dial it."""
    result = set()
    for gemeente in data.gemeenten.values():
        for entry in gemeente.all_entries():
            item = entry.item
            found: list[Any] = [item.telefoon, getattr(item, "whatsapp", None)]
            found += [extra.nummer for extra in item.extra_telefoon or ()]
            result |= {number.tel for number in found if number is not None}
    return result


def test_a_page_per_gemeente_at_its_short_url(data: Resultaat, pages: dict[str, Pagina]) -> None:
    assert len(data.gemeenten) >= 2
    config = read_config(REPO)
    for slug, gemeente in data.gemeenten.items():
        page = pages[f"{slug}/index.html"]
        assert page.url == f"{slug}/"
        assert config.gemeente_url(slug) == f"https://wegwijzer.example.org/{slug}/"
        assert page.title.startswith(f"Hulp in {gemeente.info.naam} - ")


def test_every_tel_link_is_valid_dialable_and_from_the_data(data: Resultaat, pages: dict[str, Pagina]) -> None:
    known = numbers_of(data)
    count = 0
    for key, page in pages.items():
        for link in page.tel_links():
            number = link.url.removeprefix("tel:")
            parsed = phones.parse(number)
            assert parsed.tel == number, (key, link.url)
            assert number in known, (key, link.url)
            assert parsed.weergave in link.text, (key, link.url, link.text)
            count += 1
    assert count > 100


def test_every_internal_link_resolves(site: Path, pages: dict[str, Pagina]) -> None:
    assert broken_links(site, pages) == []


def test_urgent_help_on_every_page(data: Resultaat, pages: dict[str, Pagina]) -> None:
    for key, page in pages.items():
        urgent = {link.url for link in page.tel_links() if "ww-knop--spoed" in link.classes}
        assert "tel:112" in urgent, key
    for slug, gemeente in data.gemeenten.items():
        page = pages[f"{slug}/index.html"]
        spoed = {e.item.telefoon.href for e in gemeente.hulplijnen if e.item.spoed and e.item.telefoon}
        assert spoed <= {link.url for link in page.tel_links()}, slug


def test_no_kwetsbaar_on_parent_pages(data: Resultaat, site: Path) -> None:
    for slug in data.gemeenten:
        text = (site / slug / "index.html").read_text(encoding="utf-8").lower()
        assert "kwetsba" not in text, slug


def test_mkdocs_build_works_directly_in_the_repository(tmp_path: Path) -> None:
    env = {**os.environ, "WEGWIJZER_FLYERS": "false", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(tmp_path / "out")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "ede" / "index.html").is_file()
    assert (tmp_path / "out" / "sociale-kaart" / "index.html").is_file()


def test_mkdocs_settings() -> None:
    from mkdocs.config import load_config

    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    assert config.site_name and config.site_url == "https://wegwijzer.example.org/"
    assert config.theme.name == "material"
    assert config.theme["language"] == "nl"
    assert config.theme["font"] is False
    assert "material/search" not in config.plugins  # search: Pagefind, run by the wegwijzer plugin
    assert "wegwijzer" in config.plugins
    nav = [next(iter(item.values())) for item in config.nav]
    assert len(nav) <= 6 and not any(str(p).endswith(("ede/index.md", "ede.md")) for p in nav)


@pytest.mark.slow
def test_full_build_with_flyers(data: Resultaat, tmp_path: Path, cli: Any) -> None:
    """`wegwijzer build` as run.sh runs it: site and flyers in one folder, all links good."""
    out = tmp_path / "site"
    run = cli("build", "--root", REPO, "--out", out)
    assert run.code == 0, run.err
    pages = read_site(out)
    assert broken_links(out, pages) == []
    for slug in data.gemeenten:
        flyers = [link.url for link in pages[f"{slug}/index.html"].links if link.url.endswith(".pdf")]
        assert f"mamawegwijzer-{slug}-nl-a5.pdf" in flyers, slug
