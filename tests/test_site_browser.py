"""The site in a real browser (Debian's Chromium via Playwright): accessibility (axe-core),
keyboard, zoom, no requests to other hosts, hostile data that must stay text, the
JavaScript helpers and the pages without JavaScript, and the page weight.

Each site is built once per session; one browser serves all tests.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES, REPO, block_other_hosts

from wegwijzer.site.browser import DESKTOP, PHONE, Server, page_weight, serve, zoek
from wegwijzer.site.build import build_site
from wegwijzer.rules.validate import Resultaat, validate

pytestmark = pytest.mark.slow

CACHE = Path(os.environ.get("WEGWIJZER_CACHE") or Path.home() / ".cache" / "wegwijzer")
AXE = CACHE / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"  # scripts/setup-system.sh
AXE_VERSION = "4.14.1"  # pinned in scripts/setup-system.sh
MAX_WEIGHT = 150_000  # bytes (gzip) for a gemeentepagina, first load on a phone

SHIPPED_PAGES = [
    "",
    "ede/",
    "arnhem/",
    "sociale-kaart/",
    "hulplijnen/",
    "sociale-kaart/gemeente/ede/",
    "sociale-kaart/regio/gelderland-midden/",
    "sociale-kaart/thema/psychisch/",
    "toegankelijkheid/",
    "privacy/",
    "404.html",
    "ede/ar/",  # a parent page in another language, right to left
    "beverwijk/uk/",
    "ar/",  # choose your gemeente, in Arabic
]


# --- sessions: sites, servers, browser ---------------------------------------------------------


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[tuple[Server, Path]]:
    root = tmp_path_factory.mktemp("browser-injectie") / "root"
    shutil.copytree(FIXTURES / "injectie", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    result = build_site(root, flyers=False)
    assert result.out is not None
    with serve(result.out) as server:
        yield server, result.out


@pytest.fixture(scope="session")
def data() -> Resultaat:
    return validate(REPO)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: draai 'bash scripts/setup-system.sh'")
    version = json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]
    assert version == AXE_VERSION
    return AXE.read_text(encoding="utf-8")


def open_page(browser: Any, url: str, **options: Any) -> tuple[Any, Any]:
    # reduced motion: the theme then has no transitions, so axe-core never measures a colour
    # halfway through one (the header's title fades in on scroll)
    context = browser.new_context(**{"viewport": PHONE, "reduced_motion": "reduce", **options})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page


# --- accessibility -----------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("path", SHIPPED_PAGES)
def test_axe_core_finds_no_violations(
    browser: Any, shipped: Server, axe_source: str, path: str, viewport: dict[str, int]
) -> None:
    # the site's own policy forbids injected scripts; axe is injected for the test only
    context, page = open_page(browser, shipped.url + path, viewport=viewport, bypass_csp=True)
    page.evaluate(axe_source)
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
            id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )
    context.close()
    assert violations == []


def focused(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
            return {tag: e.tagName, id: e.id, text: (e.innerText || '').trim(),
                    href: e.getAttribute('href') || '', outline: s.outlineStyle,
                    width: parseFloat(s.outlineWidth)} }"""
    )


def test_keyboard_reaches_urgent_help_first(browser: Any, shipped: Server) -> None:
    context, page = open_page(browser, shipped.url + "ede/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Naar de inhoud" and skip["href"] == "#inhoud"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "inhoud"
    links = []
    for _ in range(40):
        page.keyboard.press("Tab")
        now = focused(page)
        links.append(now["href"])
        if now["href"].startswith("tel:"):
            break
    assert now["href"] == "tel:112", links  # the first number a keyboard reaches: 112
    assert now["outline"] != "none" and now["width"] >= 2  # and its focus is visible
    context.close()


def test_keyboard_finds_a_gemeente_by_woonplaats(browser: Any, shipped: Server) -> None:
    context, page = open_page(browser, shipped.url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused(page)["id"] == "ww-zoek":
            break
    else:
        pytest.fail("het zoekveld voor je woonplaats is niet met Tab te bereiken")
    page.keyboard.type("Bennekom")
    status = page.locator("[data-ww-zoeker-status]")
    assert status.inner_text() == "Bennekom hoort bij gemeente Ede."
    page.keyboard.press("Enter")
    page.wait_for_url("**/ede/")
    assert page.locator("h1").inner_text() == "Hulp in Ede"
    context.close()


@pytest.mark.parametrize("path", SHIPPED_PAGES)
def test_200_percent_zoom_on_360px_needs_no_sideways_scrolling(browser: Any, shipped: Server, path: str) -> None:
    # 200% zoom on a 360 px wide phone: 180 CSS pixels at a device pixel ratio of 2
    context, page = open_page(
        browser, shipped.url + path, viewport={"width": 180, "height": 370}, device_scale_factor=2
    )
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert widths[0] <= widths[1], f"{path}: {widths[0]} px breed bij {widths[1]} px scherm"


# --- privacy and safety --------------------------------------------------------------------------


def test_no_request_to_any_other_host(browser: Any, shipped: Server) -> None:
    context = browser.new_context(viewport=PHONE)
    failed: list[str] = []
    problems: list[str] = []
    other_hosts = block_other_hosts(context)
    page = context.new_page()
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "404" not in r.url else None)
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    for path in SHIPPED_PAGES:
        page.goto(shipped.url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
    # search loads its index, WebAssembly and a worker: that too stays on the site, under the CSP
    page.goto(shipped.url + "sociale-kaart/")
    zoek(page, "zwanger")
    assert page.locator(".ww-zoekresultaat").count() > 0
    context.close()
    assert other_hosts == []
    assert failed == []
    assert problems == []  # no script errors, no Content-Security-Policy violations


def test_hostile_yaml_never_runs(browser: Any, hostile: tuple[Server, Path]) -> None:
    server, site = hostile
    context = browser.new_context(viewport=DESKTOP)
    dialogs: list[str] = []
    context.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = context.new_page()
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(paths) > 10
    for path in paths:
        page.goto(server.url + path, wait_until="load")  # inline scripts and onerror run by then
        state = page.evaluate(
            """() => ({
                ran: window.__xss,
                handlers: [...document.querySelectorAll('*')].filter(e =>
                    [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.tagName),
                scripts: [...document.scripts].filter(s => s.text.includes('__xss')).length,
                injected: document.querySelectorAll('article img, article svg, .ww script').length,
            })"""
        )
        assert state == {"ran": None, "handlers": [], "scripts": 0, "injected": 0}, path
    # the text is shown as text
    page.goto(server.url + "xss/")
    body = page.locator("body").inner_text()
    assert "<script>window.__xss = 1</script>Team" in body
    assert '<img src=x onerror="window.__xss = 2">' in body
    assert page.title().startswith("Hulp in /title script window.__xss = 4 /script Gemeente")
    # search results show the hostile text as text as well
    page.set_viewport_size(PHONE)
    page.goto(server.url + "sociale-kaart/")
    zoek(page, "window")
    assert page.locator(".ww-zoekresultaat").count() > 0
    assert "window.__xss" in page.locator("[data-ww-zoekresultaten]").inner_text()  # shown as text
    assert page.evaluate("window.__xss") is None
    assert page.evaluate(
        "document.querySelectorAll('[data-ww-zoekpaneel] img, [data-ww-zoekpaneel] svg, "
        "[data-ww-zoekpaneel] script').length"
    ) == 0
    context.close()
    assert dialogs == []


# --- JavaScript helpers, and the same pages without JavaScript -------------------------------------


def test_finder_filters_the_list_as_you_type(browser: Any, shipped: Server, data: Resultaat) -> None:
    context, page = open_page(browser, shipped.url)
    field = page.locator("#ww-zoek")
    assert field.is_visible()
    items = page.locator("[data-ww-gemeenten] > li")
    assert items.count() == len(data.gemeenten)
    field.fill("lunt")
    visible = [li.inner_text().split("\n")[0] for li in items.all() if li.is_visible()]
    assert visible == ["Ede"]
    assert page.locator("[data-ww-zoeker-status]").inner_text() == "Lunteren hoort bij gemeente Ede."
    field.fill("Zzzz")
    assert "Geen gemeente gevonden" in page.locator("[data-ww-zoeker-status]").inner_text()
    assert sum(li.is_visible() for li in items.all()) == len(data.gemeenten)
    field.fill("")
    assert sum(li.is_visible() for li in items.all()) == len(data.gemeenten)
    context.close()


def offered(data: Resultaat, gemeente: str, fase: str | None = None) -> set[str]:
    return {
        e.item.id for e in data.gemeenten[gemeente].interventies
        if fase is None or fase in {f.value for f in e.item.fasen}
    }


def test_sociale_kaart_filter_with_javascript(browser: Any, shipped: Server, data: Resultaat) -> None:
    context, page = open_page(browser, shipped.url + "sociale-kaart/", viewport=DESKTOP)
    cards = page.locator("[data-ww-kaarten] > article")
    total = cards.count()

    def shown() -> set[str]:
        return {card.get_attribute("id") for card in cards.all() if card.is_visible()}

    page.select_option("#ww-filter-gemeente", "rozendaal")
    assert shown() == offered(data, "rozendaal")
    status = page.locator("[data-ww-filter-status]").inner_text()
    assert status == f"Je ziet {len(shown())} van de {total} vormen van hulp."
    assert page.url.endswith("?gemeente=rozendaal")
    page.select_option("#ww-filter-fase", "na-geboorte")
    expected = offered(data, "rozendaal", "na-geboorte")
    assert shown() == expected
    # the filter is in the address: a link to it opens the same selection
    page.goto(shipped.url + "sociale-kaart/?gemeente=rozendaal&fase=na-geboorte")
    assert shown() == expected
    assert page.locator("#ww-filter-gemeente").input_value() == "rozendaal"
    context.close()


def test_pages_work_without_javascript(browser: Any, shipped: Server, data: Resultaat) -> None:
    context, page = open_page(browser, shipped.url, java_script_enabled=False)
    assert not page.locator("#ww-zoek").is_visible()
    page.get_by_role("link", name="Ede", exact=False).first.click()
    page.wait_for_url("**/ede/")
    assert page.locator("h1").inner_text() == "Hulp in Ede"
    assert page.locator("a[href='tel:112']").first.is_visible()
    # woonplaatsen A to Z, without JavaScript
    page.goto(shipped.url)
    page.locator("details.ww-woonplaatsen summary").click()
    page.locator("details.ww-woonplaatsen a", has_text="Bennekom").click()
    page.wait_for_url("**/ede/")
    # sociale kaart: no form, but filter pages
    page.goto(shipped.url + "sociale-kaart/")
    assert not page.locator("[data-ww-filter]").is_visible()
    assert page.locator("article.ww-kaart").first.is_visible()
    page.locator(".ww-filterlinks a", has_text="Rozendaal").click()
    page.wait_for_url("**/sociale-kaart/gemeente/rozendaal/")
    ids = {
        (card.get_attribute("id") or "").split("-", 1)[-1]
        for card in page.locator("section article.ww-kaart--pro").all()
    }
    assert {i for i in offered(data, "rozendaal")} <= {
        card.get_attribute("id").removeprefix(f"{fase}-")
        for card in page.locator("section article.ww-kaart--pro").all()
        for fase in ("voor-zwangerschap", "zwanger", "na-geboorte")
        if card.get_attribute("id").startswith(fase)
    }
    assert ids
    context.close()


# --- weight ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("gemeente", ["ede", "barneveld"])
def test_gemeentepagina_weighs_at_most_150_kb(browser: Any, shipped: Server, gemeente: str) -> None:
    weight = page_weight(browser, shipped, f"{gemeente}/")
    assert weight.requests[0][0] == f"/{gemeente}/"
    assert any(path.endswith(".css") for path, _ in weight.requests)
    assert weight.totaal <= MAX_WEIGHT, weight.requests
