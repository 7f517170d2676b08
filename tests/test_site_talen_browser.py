"""The parent pages in other languages in a real browser (Debian's Chromium via Playwright):
accessibility (axe-core), no sideways scrolling on a phone, phone numbers that read in the
right order on right-to-left pages, the weight of a first visit and the Ethiopic font.

The shipped site has /ede/ar/ and /ede/uk/. For Persian (fa) and Tigrinya (ti) a small project
is built in tmp: the repo's mkdocs.yml, content/, flyer/ (the fonts) and gemeenten/ede.yml with
fa and ti added to its flyer_talen.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import REPO, block_other_hosts
from test_site_browser import MAX_WEIGHT, axe_source, open_page

from wegwijzer.site.browser import DESKTOP, PHONE, Gewicht, Server, serve
from wegwijzer.site.build import build_site

pytestmark = pytest.mark.slow

FONT_FILE = re.compile(r"\.(woff2?|ttf|otf)$")
ETHIOPIC_WOFF = re.compile(r"^/assets/wegwijzer/fonts/ethiopic-\d+\.woff$")


@pytest.fixture(scope="session")
def talen(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:  # noqa: F811
    """A site of the shipped data with gemeente Ede only, in its languages plus fa and ti."""
    root = tmp_path_factory.mktemp("browser-talen") / "root"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "flyer", root / "flyer")
    (root / "gemeenten").mkdir()
    ede = (REPO / "gemeenten" / "ede.yml").read_text(encoding="utf-8")
    ede, n = re.subn(r"(?m)^(\s*flyer_talen:\s*\[)([^\]]*)\]", r"\1\2, fa, ti]", ede)
    assert n == 1, "flyer_talen van Ede niet gevonden"
    assert "fa, ti]" in ede
    (root / "gemeenten" / "ede.yml").write_text(ede, encoding="utf-8")
    out = root.parent / "site"
    assert build_site(root, out, flyers=False).out == out
    with serve(out) as server:
        yield server


@pytest.fixture(scope="session")
def sites(shipped: Server, talen: Server) -> dict[str, Server]:  # noqa: F811
    return {"shipped": shipped, "talen": talen}


def on(site_path: str) -> tuple[str, str]:
    """'talen:ede/ti/' -> ('talen', 'ede/ti/')."""
    site, path = site_path.split(":")
    return site, path


def ids(site_paths: list[str]) -> list[str]:
    return [on(s)[1].strip("/") or "/" for s in site_paths]


# (site, path): the pages in other languages under test
PAGES = ["shipped:ede/ar/", "shipped:ede/uk/", "talen:ede/ti/"]
RTL_PAGES = ["shipped:ede/ar/", "talen:ede/fa/"]
MENU_PAGES = ["talen:ede/ar/", "talen:ede/ti/"]  # Ede in 8 languages
FIRST_VISIT = ["shipped:ede/ar/", "talen:ede/ti/"]
NO_FONT = ["shipped:ede/ar/", "shipped:ede/"]


# --- accessibility and layout -------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("page_on", PAGES, ids=ids(PAGES))
def test_axe_core_finds_no_violations_in_other_languages(
    browser: Any,  # noqa: F811
    sites: dict[str, Server],
    axe_source: str,  # noqa: F811
    page_on: str,
    viewport: dict[str, int],
) -> None:
    site, path = on(page_on)
    server = sites[site]
    # the site's own policy forbids injected scripts; axe is injected for the test only
    context, page = open_page(browser, server.url + path, viewport=viewport, bypass_csp=True)
    page.evaluate(axe_source)
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
            id: v.id, impact: v.impact,
            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )
    context.close()
    assert violations == []


@pytest.mark.parametrize("page_on", PAGES + ["talen:ede/fa/"], ids=ids(PAGES + ["talen:ede/fa/"]))
def test_no_sideways_scrolling_on_360px(
    browser: Any, sites: dict[str, Server], page_on: str  # noqa: F811
) -> None:
    site, path = on(page_on)
    context, page = open_page(browser, sites[site].url + path)
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    context.close()
    assert widths[0] <= widths[1], f"{path}: {widths[0]} px breed bij {widths[1]} px scherm"


@pytest.mark.parametrize("page_on", MENU_PAGES, ids=ids(MENU_PAGES))
def test_language_menu_is_a_row_not_a_bullet_list(
    browser: Any, sites: dict[str, Server], page_on: str  # noqa: F811
) -> None:
    """Eight languages in a row: on a desktop one line, on a phone a few, so that urgent
    help stays near the top; no list indent (Material indents lists with [dir] rules)."""
    site, path = on(page_on)
    rows = {}
    for name, viewport in (("1280px", DESKTOP), ("360px", PHONE)):
        context, page = open_page(browser, sites[site].url + path, viewport=viewport)
        menu = page.evaluate(
            """() => { const ul = document.querySelector('.ww-talen__lijst');
                const items = [...ul.children];
                const box = ul.getBoundingClientRect();
                return {count: items.length, display: getComputedStyle(ul).display,
                        tops: [...new Set(items.map(
                            li => Math.round(li.getBoundingClientRect().top)))],
                        indent: Math.min(...items.map(li => getComputedStyle(ul).direction === 'rtl'
                            ? box.right - li.getBoundingClientRect().right
                            : li.getBoundingClientRect().left - box.left)),
                        ulIndent: parseFloat(getComputedStyle(ul).marginInlineStart)} }"""
        )
        context.close()
        assert menu["count"] == 8  # nl en ar tr pl uk fa ti
        assert menu["display"] == "flex"
        assert menu["ulIndent"] == 0 and menu["indent"] < 1, menu
        rows[name] = len(menu["tops"])
    assert rows["1280px"] == 1, rows
    assert rows["360px"] <= 3, rows


# Per language name in the menu: how many of its letters the browser draws as an empty box
# (the width of an unassigned code point, which no font has).
MENU_TOFU = """() => [...document.querySelectorAll('.ww-talen__taal [lang]')].map(e => {
    const width = text => { const s = document.createElement('span'); s.textContent = text;
        e.appendChild(s); const w = s.getBoundingClientRect().width; s.remove(); return w; };
    const missing = width('\\u0378');
    const letters = [...e.textContent].filter(c => c.trim());
    const boxes = letters.filter(c => Math.abs(width(c) - missing) < 0.01);
    return [e.getAttribute('lang'), boxes.length];
})"""


@pytest.mark.parametrize(
    "path",
    [
        "ede/ti/",
        "ede/ar/",  # names Tigrinya in its menu: a subset of a few letters for that
        "ede/",
    ],
    ids=["ede/ti", "ede/ar", "ede"],
)
def test_language_menu_names_have_their_letters(
    browser: Any, talen: Server, path: str  # noqa: F811
) -> None:
    # Chromium here has no Ethiopic system font (like many cheap phones)
    context, page = open_page(browser, talen.url + path)
    tofu = dict(page.evaluate(MENU_TOFU))
    context.close()
    assert set(tofu) == {"nl", "en", "ar", "tr", "pl", "uk", "fa", "ti"}
    assert {taal: n for taal, n in tofu.items() if n} == {}


# --- right to left ------------------------------------------------------------------------------

# Every digit of every shown phone number, in text order, with its place on screen.
DIGITS_ON_SCREEN = """() => [...document.querySelectorAll('.ww-nummer')].map(e => {
    const digits = [];
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
            if (!/[0-9]/.test(node.data[i])) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const r = range.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;  // not rendered (closed <details>)
            digits.push({digit: node.data[i], x: r.left, top: Math.round(r.top)});
        }
    }
    return {text: e.textContent, digits};
})"""


def _out_of_order(number: dict[str, Any]) -> list[str]:
    """Where, on one line, a digit stands left of (or on) the digit written before it."""
    problems = []
    lines: dict[int, list[dict[str, Any]]] = {}
    for digit in number["digits"]:
        lines.setdefault(digit["top"], []).append(digit)
    for top, digits in lines.items():
        for before, after in zip(digits, digits[1:]):
            if after["x"] <= before["x"]:
                problems.append(
                    f"{number['text']!r} (regel y={top}): {after['digit']} op x={after['x']:.1f} "
                    f"staat niet rechts van {before['digit']} op x={before['x']:.1f}"
                )
    return problems


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("page_on", RTL_PAGES, ids=ids(RTL_PAGES))
def test_phone_numbers_read_left_to_right_on_rtl_pages(
    browser: Any, sites: dict[str, Server], page_on: str, viewport: dict[str, int]  # noqa: F811
) -> None:
    site, path = on(page_on)
    taal = path.strip("/").split("/")[-1]
    context, page = open_page(browser, sites[site].url + path, viewport=viewport)
    assert page.evaluate("document.documentElement.getAttribute('lang')") == taal
    assert page.evaluate("document.body.getAttribute('dir')") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    numbers = page.evaluate(DIGITS_ON_SCREEN)
    context.close()
    shown = [n for n in numbers if n["digits"]]
    assert len(shown) >= 5, numbers  # the test looked at numbers, including 112
    assert any(n["text"].strip() == "112" for n in shown)
    # numbers of more than one group: there the order of the groups is what can go wrong
    assert any(len(n["text"].split()) >= 3 for n in shown)
    problems = [problem for number in shown for problem in _out_of_order(number)]
    assert problems == []


def test_the_order_check_sees_a_number_without_dir_ltr(
    browser: Any, shipped: Server  # noqa: F811
) -> None:
    """The check above can fail: without dir="ltr" an RTL page turns '085 130 46 58' around."""
    context, page = open_page(browser, shipped.url + "ede/ar/")
    page.evaluate(
        """() => document.querySelectorAll('.ww-nummer').forEach(e => {
            e.removeAttribute('dir');
            e.style.direction = 'rtl';
            e.style.unicodeBidi = 'normal'; })"""
    )
    numbers = page.evaluate(DIGITS_ON_SCREEN)
    context.close()
    grouped = [n for n in numbers if n["digits"] and len(n["text"].split()) >= 3]
    assert grouped
    assert all(_out_of_order(n) for n in grouped)


# --- weight, fonts, other hosts -----------------------------------------------------------------


def first_visit(
    browser: Any, server: Server, path: str  # noqa: F811
) -> tuple[Gewicht, list[str]]:
    """Like `page_weight` (a phone, empty cache): what the server sent, and the URLs of the
    requests to any other host (aborted)."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    other_hosts = block_other_hosts(context)
    page = context.new_page()
    server.transfers.clear()
    page.goto(server.url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    result = Gewicht(path, list(server.transfers))
    context.close()
    return result, other_hosts


@pytest.mark.parametrize("page_on", FIRST_VISIT, ids=ids(FIRST_VISIT))
def test_first_visit_weighs_at_most_150_kb(
    browser: Any, sites: dict[str, Server], page_on: str  # noqa: F811
) -> None:
    site, path = on(page_on)
    weight, other_hosts = first_visit(browser, sites[site], path)
    assert weight.requests[0][0] == "/" + path
    assert any(p.endswith(".css") for p, _ in weight.requests)
    assert weight.totaal <= MAX_WEIGHT, weight.requests
    assert other_hosts == []


def test_ti_page_loads_the_ethiopic_font(browser: Any, talen: Server) -> None:  # noqa: F811
    weight, other_hosts = first_visit(browser, talen, "ede/ti/")
    fonts = [p for p, _ in weight.requests if FONT_FILE.search(p)]
    assert fonts and all(ETHIOPIC_WOFF.match(p) for p in fonts), weight.requests
    assert "/assets/wegwijzer/fonts/ethiopic.css" in [p for p, _ in weight.requests]
    assert other_hosts == []


@pytest.mark.parametrize("page_on", NO_FONT, ids=ids(NO_FONT))
def test_other_pages_load_no_font_file(
    browser: Any, sites: dict[str, Server], page_on: str  # noqa: F811
) -> None:
    site, path = on(page_on)
    weight, other_hosts = first_visit(browser, sites[site], path)
    assert weight.requests[0][0] == "/" + path
    assert [p for p, _ in weight.requests if FONT_FILE.search(p) or "/fonts/" in p] == []
    assert other_hosts == []


def test_ti_page_shows_every_ethiopic_letter_in_the_loaded_font(
    browser: Any, talen: Server  # noqa: F811
) -> None:
    """No empty boxes: the phone has no Ethiopic font, so every Ethiopic letter on the page
    must be in the subset the page loaded, and that font must be in use."""
    from fontTools.ttLib import TTFont

    context, page = open_page(browser, talen.url + "ede/ti/")
    page.evaluate("document.fonts.ready.then(() => true)")
    state = page.evaluate(
        """() => ({
            faces: [...document.fonts].filter(f => f.family.includes('Ethiopic'))
                .map(f => [f.weight, f.status]),
            text: document.body.innerText + ' ' + document.title,
            family: getComputedStyle(document.querySelector('h1')).fontFamily,
        })"""
    )
    fonts = {
        weight: page.request.get(f"{talen.url}assets/wegwijzer/fonts/ethiopic-{weight}.woff").body()
        for weight in (400, 700)
    }
    context.close()
    assert sorted(state["faces"]) == [["400", "loaded"], ["700", "loaded"]]  # text and headings
    assert "Wegwijzer Ethiopic" in state["family"]
    ethiopic = {c for c in state["text"]
                if 0x1200 <= ord(c) <= 0x139F or 0x2D80 <= ord(c) <= 0x2DDF}
    assert len(ethiopic) > 20  # the page is in Tigrinya
    for weight, woff in fonts.items():
        cmap = TTFont(io.BytesIO(woff)).getBestCmap()
        assert sorted(c for c in ethiopic if ord(c) not in cmap) == [], weight
