"""The site at many gemeenten: pages that stay small, cards made once (issue 7).

A small slice of the synthetic national dataset (scripts/gen_national.py) stands in for the
country; MAX_KAARTEN is lowered so that its overview pages are "too big", as the national
ones are.
"""

from __future__ import annotations

import filecmp
import importlib.util
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from wegwijzer.site import feiten, pages
from wegwijzer.site.build import build_site
from wegwijzer.check.html import broken_links, read_site
from wegwijzer.site.overzicht import Aanbod, Overzicht, build_overzicht
from wegwijzer.rules.validate import validate


def _gen() -> Any:
    spec = importlib.util.spec_from_file_location("gen_national", REPO / "scripts" / "gen_national.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schaal") / "root"
    _gen().generate(out, gemeenten=28)
    return out


@pytest.fixture(scope="module")
def overzicht(root: Path) -> Overzicht:
    result = validate(root)
    assert not result.meldingen.has_errors
    return build_overzicht(result.gemeenten)


@pytest.fixture(scope="module")
def site(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schaal-site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "MAX_KAARTEN", 20)
        result = build_site(root, out, flyers=False)
    assert result.out is not None
    return out


def _ids(html: str) -> set[str]:
    return set(re.findall(r'<article class="ww-kaart[^"]*" id="([^"]+)"', html))


def _text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_overviews_beyond_the_limit_show_national_help_and_send_the_rest_to_gemeenten(
    site: Path, overzicht: Overzicht
) -> None:
    landelijk = {a.id for a in overzicht.interventies if a.laag == "landelijk"}
    elders = {a.id for a in overzicht.interventies if a.laag != "landelijk"}
    assert landelijk and len(elders) > 20  # else this test shows nothing
    index = _text(site, "sociale-kaart")
    assert _ids(index) == landelijk
    assert f"De andere {len(elders)} soorten hulp zijn er in één regio of één gemeente" in index
    assert "data-ww-filter" not in index and "data-gemeenten=" not in index  # no filter form
    thema = _text(site, "sociale-kaart/thema/ontmoeten")
    assert _ids(thema) <= landelijk and "Hier staat alleen de hulp voor heel Nederland" in thema
    # what the overview leaves out is on the gemeente's own sociale kaart, every bit of it
    for slug, data in list(overzicht.gemeenten.items())[:3]:
        cards = _ids(_text(site, f"sociale-kaart/gemeente/{slug}"))  # "<fase>-<id>"
        for entry in data.interventies:
            assert any(card.endswith(f"-{entry.item.id}") for card in cards), (slug, entry.item.id)
    hulplijnen = _text(site, "hulplijnen")
    lokaal = [a for a in overzicht.hulplijnen if a.laag == "gemeente" and not a.item.spoed]
    assert lokaal and not {a.id for a in lokaal} & _ids(hulplijnen)
    assert f"Er zijn nog {len(lokaal)} hulplijnen die er maar in één gemeente zijn" in hulplijnen


def test_the_limit_leaves_a_region_alone() -> None:
    """The shipped pilot (two regions, 20 gemeenten) keeps every card on its overviews."""
    shipped = build_overzicht(validate(REPO).gemeenten)
    page = pages.kaart_pagina(shipped)
    assert page.context["elders"] == 0
    assert len(page.context["interventies"]) == len(shipped.interventies)
    assert pages.hulplijnen_pagina(shipped).context["elders"] == 0


def test_a_gemeente_card_tells_about_that_gemeente_only(site: Path, overzicht: Overzicht) -> None:
    excluded: Aanbod[Any] = next(a for a in overzicht.interventies if a.laag == "landelijk" and a.niet_aangeboden)
    slug = excluded.gemeenten[0]
    own = _text(site, f"sociale-kaart/gemeente/{slug}")
    card = re.search(rf'<article[^>]* id="[a-z-]*{re.escape(excluded.id)}"[\s\S]*?</article>', own)
    assert card is not None
    assert "<dt>Niet in</dt>" not in card.group(0) and "Anders in" not in card.group(0)
    assert "data-gemeenten" not in card.group(0)
    # the overview card still says where it is missing
    index = _text(site, "sociale-kaart")
    full = re.search(rf'<article[^>]* id="{re.escape(excluded.id)}"[\s\S]*?</article>', index)
    assert full is not None and "<dt>Niet in</dt>" in full.group(0)


def test_national_help_missing_in_a_few_gemeenten_names_those(overzicht: Overzicht, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feiten, "KORT", 1)
    excluded = next(
        a for a in overzicht.interventies
        if a.laag == "landelijk" and 0 < len(a.niet_aangeboden) < len(overzicht.gemeenten) // 3
    )
    where = feiten._plaatsen(excluded, overzicht)
    missing = [overzicht.naam(s) for s in overzicht.gemeenten if s not in excluded.gemeenten_set]
    assert not where.overal and where.delen == [] and where.behalve == missing


def test_regional_help_missing_in_a_few_gemeenten_names_those(overzicht: Overzicht) -> None:
    regional = next(a for a in overzicht.interventies if a.laag == "regio" and a.niet_aangeboden)
    regio = next(r for r in overzicht.regios.values() if set(r.gemeenten) & regional.gemeenten_set)
    missing = [overzicht.naam(s) for s in regio.gemeenten if s not in regional.gemeenten_set]
    assert 0 < len(missing) < len(regio.gemeenten) // 2
    where = feiten._plaatsen(regional, overzicht)
    # not "alle gemeenten behalve" the other region's gemeenten: this is one region's help
    assert where.behalve == []
    assert where.delen == [(f"heel {regio.naam} behalve {', '.join(missing[:-1])} en {missing[-1]}"
                            if len(missing) > 1 else f"heel {regio.naam} behalve {missing[0]}", None)]


def test_every_internal_link_resolves(site: Path) -> None:
    assert broken_links(site, read_site(site)) == []


def test_reused_cards_give_the_same_site_as_cards_made_per_page(
    root: Path, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cards are made once per build and put on many pages; the site must be byte for byte
    the one that making every card anew on every page gives."""
    monkeypatch.setattr(pages, "MAX_KAARTEN", 20)
    monkeypatch.setattr(Overzicht, "once", lambda self, *key, caller: caller())
    out = tmp_path / "site"
    assert build_site(root, out, flyers=False).out is not None
    files = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    assert files == sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    _, mismatch, errors = filecmp.cmpfiles(site, out, files, shallow=False)
    assert mismatch == [] and errors == []
    shutil.rmtree(out)


def test_every_argument_of_a_reused_card_is_part_of_its_key() -> None:
    """A card macro that is made once and reused must name every one of its arguments in its
    `ov.kaart(...)` key: an argument left out would put one page's card on another. The id prefix
    is the one argument passed apart (`prefix=`): it is put into the made card afterwards."""
    text = (REPO / "src" / "wegwijzer" / "site" / "templates" / "_macros.html").read_text(encoding="utf-8")
    macros = re.findall(r"\{% macro (\w+)\(([^)]*)\) %\}(.*?)\{% endmacro %\}", text, re.DOTALL)
    reused = 0
    for name, params, body in macros:
        call = re.search(r"\{% call ov\.kaart\('(\w+)', ([^)]*)\) %\}", body)
        if call is None:
            continue
        reused += 1
        arguments = [p.split("=")[0].strip() for p in params.split(",") if p.strip()]
        # the page's language is part of a card's key too: the same entry makes a different
        # card on a page in another language
        key = [k.strip() for k in call.group(2).split(",") if k.strip() != "t.taal"]
        key = ["prefix" if k == "prefix=prefix" else k for k in key]
        assert call.group(1) == name
        assert sorted(key) == sorted(arguments), name
    assert reused >= 2  # prokaart and ouderkaart
