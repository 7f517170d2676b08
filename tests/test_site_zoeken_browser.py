"""The site search (Pagefind) in a real browser (Debian's Chromium via Playwright): Dutch word
forms, the gemeente filter, what a first search transfers, one language's index per page,
no other hosts, the Content-Security-Policy, accessibility, and the page without JavaScript.

The shipped pilot is built once for the module, without flyers (they have their own tests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import REPO

from wegwijzer.site.browser import (
    DESKTOP, PHONE, Server, eerste_zoekopdracht, serve, zoek,
)
from wegwijzer.site.build import build_site

pytestmark = pytest.mark.slow

from test_site_browser import AXE, AXE_VERSION  # noqa: E402  (one pinned axe-core)

MAX_ZOEKEN = 150_000  # bytes (gzip, headers included) a first search may transfer


# `browser`: the one Chromium of the test session (tests/conftest.py)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("zoeken") / "site"
    assert build_site(REPO, out, flyers=False).out == out
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[Server]:
    with serve(site) as instance:
        yield instance


def test_a_plural_finds_the_entry_in_the_singular(browser: Any, server: Server, site: Path) -> None:
    # the data says "zwangerschap" (118 times) and never "zwangerschappen"
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    assert not any("zwangerschappen" in p.read_text(encoding="utf-8").lower() for p in pages)
    found = eerste_zoekopdracht(browser, server, "ede/", "zwangerschappen")
    assert found.resultaten > 0, found.status
    assert any(link.startswith("/sociale-kaart/gemeente/ede/#") for link in found.links), found.links
    # and the other way round: the singular "cursus" finds the entries that say "cursussen"
    enkelvoud = eerste_zoekopdracht(browser, server, "sociale-kaart/", "cursus")
    meervoud = eerste_zoekopdracht(browser, server, "sociale-kaart/", "cursussen")
    assert enkelvoud.resultaten == meervoud.resultaten > 0
    assert enkelvoud.titels == meervoud.titels


def test_a_result_leads_to_the_card_of_its_entry(browser: Any, server: Server) -> None:
    # "huisbezoeken" (plural) finds the card "Prenataal huisbezoek" on Ede's sociale kaart
    found = eerste_zoekopdracht(browser, server, "sociale-kaart/gemeente/ede/", "huisbezoeken")
    assert found.resultaten > 0, found.status
    cards = [link for link in found.links if link.startswith("/sociale-kaart/gemeente/ede/#")]
    assert cards and cards[0].endswith("-naam"), found.links
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + cards[0].lstrip("/"))
    card = page.locator(f"[id='{cards[0].split('#')[1]}']").locator("xpath=ancestor::article[contains(@class, 'ww-kaart')]")
    assert "huisbezoek" in card.inner_text().lower()
    context.close()


def test_the_gemeente_filter_narrows_the_results(browser: Any, server: Server) -> None:
    overal = eerste_zoekopdracht(browser, server, "sociale-kaart/", "zwanger")
    ede = eerste_zoekopdracht(browser, server, "sociale-kaart/", "zwanger", "Ede")
    assert 0 < ede.resultaten < overal.resultaten
    assert "in Ede" in ede.status
    assert ede.links and all(urlsplit(link).path in ("/ede/", "/sociale-kaart/gemeente/ede/") for link in ede.links)
    # on a gemeente's page the search starts narrowed to that gemeente; "Alle gemeenten" widens it
    op_pagina = eerste_zoekopdracht(browser, server, "sociale-kaart/gemeente/ede/", "zwanger")
    assert op_pagina.resultaten == ede.resultaten
    breed = eerste_zoekopdracht(browser, server, "sociale-kaart/gemeente/ede/", "zwanger", "")
    assert breed.resultaten == overal.resultaten


def test_a_first_search_is_light_and_stays_on_the_site(browser: Any, server: Server, site: Path) -> None:
    for path in ("sociale-kaart/", "ede/", ""):
        found = eerste_zoekopdracht(browser, server, path, "zwanger")
        assert found.resultaten > 0
        assert found.extern == []
        assert found.totaal <= MAX_ZOEKEN, (path, found.totaal, found.requests)
        assert all(p.startswith("/pagefind/") for p, _ in found.requests), found.requests
        # never the whole index: only some of its word chunks and fragments
        index = sorted(p.name for p in (site / "pagefind" / "index").glob("nl_*"))
        fetched = [p for p, _ in found.requests if p.startswith("/pagefind/index/")]
        assert 0 < len(fetched) < len(index)


def test_a_page_in_another_language_fetches_only_its_own_index(browser: Any, server: Server, site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {"nl", "ar"} <= set(entry["languages"])
    found = eerste_zoekopdracht(browser, server, "ede/ar/", "zwanger")
    assert found.resultaten > 0
    assert all(link.startswith("/ede/ar/") for link in found.links)
    names = [p.rsplit("/", 1)[1] for p, _ in found.requests]
    parts = [n for n in names if n.endswith(("pf_meta", "pf_index", "pf_fragment", "pf_filter"))]
    assert parts and all(n.startswith(("ar_", "pagefind.ar_")) for n in parts), names
    assert not any(n.startswith("wasm.") and n != "wasm.ar.pagefind" for n in names)


def test_search_runs_under_the_content_security_policy(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server.url + "hulplijnen/")
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "'wasm-unsafe-eval'" in policy and "'unsafe-eval'" not in policy
    assert "connect-src 'self'" in policy and "script-src 'self' 'wasm-unsafe-eval' " in policy
    zoek(page, "zwanger")
    assert page.locator(".ww-zoekresultaat").count() > 0
    context.close()
    assert problems == []


def test_search_is_announced_and_keyboard_usable(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + "sociale-kaart/")
    button = page.locator("[data-ww-zoekknop]")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "ww-zoekveld"
    page.keyboard.type("zwangerschappen")
    page.keyboard.press("Enter")
    status = page.locator("[data-ww-zoekstatus]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => /resulta/.test(document.querySelector('[data-ww-zoekstatus]').textContent)")
    page.keyboard.press("Escape")
    assert page.locator("[data-ww-zoekpaneel]").is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-ww-zoekknop')")
    context.close()


def test_the_search_address_runs_the_search(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + "zoeken/?q=zwanger&gemeente=Ede")
    page.wait_for_function("() => /resulta/.test(document.querySelector('[data-ww-zoekstatus]').textContent)")
    assert "in Ede" in page.locator("[data-ww-zoekstatus]").inner_text()
    assert page.locator("[data-ww-zonder-js]").is_hidden()
    context.close()


def test_without_javascript_search_leads_to_the_sociale_kaart(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "ede/")
    page.locator("[data-ww-zoekknop]").click()
    page.wait_for_url("**/zoeken/")
    hint = page.locator("[data-ww-zonder-js]")
    assert hint.is_visible() and "JavaScript" in hint.inner_text()
    page.locator("[data-ww-zonder-js] a", has_text="sociale kaart").click()
    page.wait_for_url("**/sociale-kaart/")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("path", ["sociale-kaart/", "ede/ar/", "zoeken/?q=zwanger"])
def test_axe_finds_nothing_on_the_search(browser: Any, server: Server, path: str, viewport: dict[str, int]) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: draai 'bash scripts/setup-system.sh'")
    assert json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"] == AXE_VERSION
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected for the test
    page = context.new_page()
    page.goto(server.url + path)
    if not path.startswith("zoeken/"):
        zoek(page, "zwanger")
    else:
        page.wait_for_function("() => /resulta/.test(document.querySelector('[data-ww-zoekstatus]').textContent)")
    assert page.locator(".ww-zoekresultaat").count() > 0
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
            id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )
    context.close()
    assert violations == []


def test_the_search_speaks_the_language_of_the_page(browser: Any, server: Server) -> None:
    """On an Arabic page the search box, its labels and its messages are Arabic."""
    from wegwijzer.check.html import script_share

    found = eerste_zoekopdracht(browser, server, "ede/ar/", "zwanger")
    assert found.resultaten > 0
    message = found.status.replace("zwanger", "")  # the search word itself is Dutch
    assert script_share(f'<div id="inhoud" lang="ar">{message}</div>', "ar") > 0.9, found.status
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + "ede/ar/")
    page.locator("[data-ww-zoekknop]").click()
    labels = page.locator(".ww-zoekpaneel label").all_inner_texts()
    context.close()
    assert labels and all(script_share(f'<div id="inhoud">{label}</div>', "ar") > 0.8 for label in labels), labels
