"""The professional's shortlist ("lijstje") in a real browser (Debian's Chromium): choose cards
on the sociale kaart, the list in the address, the list page for the parent (print on one A4,
its QR code, mail and WhatsApp, "laat zien"), each card's own printable address without
JavaScript, accessibility, requests and weight.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import FIXTURES, REPO, block_other_hosts
from flyer_check import qr_codes
from PIL import Image
from pypdf import PdfReader

from wegwijzer.site.browser import DESKTOP, PHONE, Server, page_weight, serve
from wegwijzer.site.build import build_site
from wegwijzer.rules.validate import Resultaat, validate

pytestmark = pytest.mark.slow

CACHE = Path(os.environ.get("WEGWIJZER_CACHE") or Path.home() / ".cache" / "wegwijzer")
AXE = CACHE / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"  # scripts/setup-system.sh
MAX_WEIGHT = 150_000  # bytes (gzip): the first visit of the list page
KAART_PAGINAS = ["sociale-kaart/", "sociale-kaart/gemeente/ede/", "sociale-kaart/fase/zwanger/",
                 "sociale-kaart/thema/psychisch/"]


# `browser`: the one Chromium of the test session (tests/conftest.py)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    result = build_site(REPO, tmp_path_factory.mktemp("lijst") / "site", flyers=False)
    assert result.out is not None
    with serve(result.out) as server:
        yield server


@pytest.fixture(scope="module")
def data() -> Resultaat:
    return validate(REPO)


def open_page(browser: Any, url: str, **options: Any) -> tuple[Any, Any]:
    context = browser.new_context(**{"viewport": PHONE, **options})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page


def list_ids(page: Any) -> list[str]:
    page.wait_for_selector("[data-ww-lijst-items] article")
    return [a.get_attribute("id").removeprefix("hulp-") for a in page.locator("[data-ww-lijst-items] article").all()]


def list_url(server: Server, gemeente: str, ids: list[str]) -> str:
    return f"{server.url}sociale-kaart/lijst/?g={gemeente}&k={','.join(ids)}"


def longest(data: Resultaat, gemeente: str, n: int) -> list[str]:
    """The `n` entries of `gemeente` with the most text: the hardest to fit on one page."""
    def size(entry: Any) -> int:
        item = entry.item
        return sum(len(str(getattr(item, f, None) or "")) for f in ("naam", "omschrijving", "aanmelden", "doelgroep", "kosten", "bereikbaar"))
    entries = sorted(data.gemeenten[gemeente].interventies, key=size, reverse=True)
    return [e.item.id for e in entries[:n]]


# --- choosing ------------------------------------------------------------------------------------


def test_three_cards_on_two_pages_are_in_the_address_and_open_anywhere(
    browser: Any, site: Server, data: Resultaat
) -> None:
    ede = [e.item.id for e in data.gemeenten["ede"].interventies]
    context, page = open_page(browser, site.url + "sociale-kaart/gemeente/ede/", viewport=DESKTOP)
    knoppen = page.locator("[data-ww-kies]")
    assert knoppen.first.is_visible()
    assert knoppen.first.get_attribute("aria-pressed") == "false"
    gekozen = []
    for knop in knoppen.all():
        id = knop.get_attribute("data-ww-kies")
        if id not in gekozen:
            knop.click()
            assert knop.get_attribute("aria-pressed") == "true"
            gekozen.append(id)
        if len(gekozen) == 2:
            break
    assert page.locator("[data-ww-lijst-link]").inner_text() == "Lijstje (2)"
    # on to an overview page (a link of the page): the list comes along
    page.locator(".ww-filterlinks summary", has_text="Per thema").click()
    page.locator(".ww-filterlinks a[href$='thema/psychisch/']").click()
    page.wait_for_url("**/sociale-kaart/thema/psychisch/**")
    derde = next(
        k for k in page.locator("[data-ww-kies]").all()
        if k.get_attribute("data-ww-kies") in ede and k.get_attribute("data-ww-kies") not in gekozen
    )
    for knop in page.locator("[data-ww-kies]").all():  # the first two show as chosen here too
        if knop.get_attribute("data-ww-kies") in gekozen:
            assert knop.get_attribute("aria-pressed") == "true"
    derde.click()
    gekozen.append(derde.get_attribute("data-ww-kies"))
    link = page.locator("[data-ww-lijst-link]")
    assert link.inner_text() == "Lijstje (3)"
    assert page.locator("#ww-lijst-gemeente").input_value() == "ede"
    adres = list_url(site, "ede", gekozen)
    assert link.evaluate("a => a.href") == adres
    assert f"g=ede&k={','.join(gekozen)}" in page.url  # this page's address holds it as well
    link.click()
    page.wait_for_url(adres)
    assert list_ids(page) == gekozen
    context.close()
    # a fresh browser (no storage) on that address shows the same three
    context, page = open_page(browser, adres)
    assert list_ids(page) == gekozen
    assert page.evaluate("localStorage.length") == 1  # a copy, never the only one
    namen = {e.item.id: e.item.naam for e in data.gemeenten["ede"].interventies}
    titels = page.locator("[data-ww-lijst-items] h3").all_inner_texts()
    assert [t.split(" (")[0] for t in titels] == [namen[i].split(" (")[0] for i in gekozen]
    # back to the sociale kaart for more: in a browser without storage too, the list comes along
    page.evaluate("localStorage.clear()")
    page.get_by_role("link", name="Meer hulp kiezen op de sociale kaart").click()
    page.wait_for_url("**/sociale-kaart/gemeente/ede/?g=ede&k=*")
    assert page.locator("[data-ww-lijst-link]").inner_text() == "Lijstje (3)"
    context.close()


def test_on_an_overview_the_list_takes_the_filters_gemeente(browser: Any, site: Server, data: Resultaat) -> None:
    context, page = open_page(browser, site.url + "sociale-kaart/", viewport=DESKTOP)
    page.select_option("#ww-filter-gemeente", "rozendaal")
    knop = page.locator("article.ww-kaart:not([hidden]) [data-ww-kies]").first
    knop.click()
    id = knop.get_attribute("data-ww-kies")
    assert page.locator("[data-ww-lijst-link]").evaluate("a => a.href") == list_url(site, "rozendaal", [id])
    assert "gemeente=rozendaal" in page.url and f"k={id}" in page.url  # filter and list side by side
    context.close()


def test_a_list_without_gemeente_asks_for_one(browser: Any, site: Server, data: Resultaat) -> None:
    ids = longest(data, "ede", 2)
    context, page = open_page(browser, f"{site.url}sociale-kaart/lijst/?k={','.join(ids)}")
    keuze = page.locator("[data-ww-lijst-gemeentekeuze]")
    assert keuze.is_visible()
    page.select_option("#ww-lijst-g", "ede")
    keuze.get_by_role("button").click()
    page.wait_for_url(list_url(site, "ede", ids))
    assert list_ids(page) == ids
    context.close()


# --- the list page ---------------------------------------------------------------------------------


def test_print_shows_only_the_list_and_fits_one_a4(browser: Any, site: Server, data: Resultaat, tmp_path: Path) -> None:
    # five entries with the most text, in the gemeente where those are longest
    gemeente = max(data.gemeenten, key=lambda g: len(json.dumps(
        [e.item.model_dump(mode="json") for e in data.gemeenten[g].interventies if e.item.id in longest(data, g, 5)])))
    ids = longest(data, gemeente, 5)
    adres = list_url(site, gemeente, ids)
    context, page = open_page(browser, adres, viewport=DESKTOP, device_scale_factor=2)
    assert list_ids(page) == ids
    page.wait_for_selector("[data-ww-qr] svg")
    page.emulate_media(media="print")
    zichtbaar = page.evaluate(
        """() => {
            const root = document.querySelector('[data-ww-lijst]');
            const keep = '[data-ww-lijst-inhoud], .ww-spoed, .ww-lijst__kop';
            const shown = e => e.checkVisibility() && e.getClientRects().length
                && e.getBoundingClientRect().width * e.getBoundingClientRect().height > 0;
            return [...document.querySelectorAll('body *')].filter(e => shown(e)
                && !e.closest(keep) && !e.querySelector(keep)).map(e => e.tagName + '.' + e.className);
        }"""
    )
    # only the list, the urgent help, the title, date and QR code: no header, menu, buttons,
    # share links or footer
    assert zichtbaar == [], zichtbaar
    assert not page.locator("[data-ww-lijst-delen]").is_visible()
    assert not page.locator("header").first.is_visible()
    assert not page.locator("footer").first.is_visible()
    assert not page.locator("[data-ww-lijst-items] button").first.is_visible()
    assert page.locator(".ww-spoed").is_visible()
    assert page.locator("[data-ww-lijst-datum]").is_visible()
    # the QR code on paper leads to this very list
    image = Image.open(io.BytesIO(page.screenshot(full_page=True)))
    assert qr_codes(image) == [adres]
    pdf = tmp_path / "lijst.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = reader.pages[0].extract_text()
    namen = {e.item.id: e.item.naam for e in data.gemeenten[gemeente].interventies}
    assert all(namen[i].split(" (")[0] in text for i in ids)
    context.close()


def test_mail_and_whatsapp_carry_the_list_address_only(browser: Any, site: Server, data: Resultaat) -> None:
    ids = longest(data, "ede", 3)
    adres = list_url(site, "ede", ids)
    context, page = open_page(browser, adres)
    list_ids(page)
    mail = page.locator("[data-ww-lijst-mail]").get_attribute("href")
    assert mail.startswith("mailto:?")
    velden = parse_qs(urlsplit(mail).query)
    assert velden["subject"] == ["Lijstje met hulp"]
    assert velden["body"] == [f"Hier is het lijstje met hulp voor jou: {adres}"]
    wa = page.locator("[data-ww-lijst-whatsapp]").get_attribute("href")
    assert wa.startswith("https://wa.me/?text=")
    assert unquote(wa.removeprefix("https://wa.me/?text=")) == f"Hier is het lijstje met hulp voor jou: {adres}"
    assert page.get_by_role("link", name="Stuur per e-mail").is_visible()
    assert page.get_by_role("link", name="Stuur via WhatsApp").is_visible()
    context.close()


def test_laat_zien_shows_a_large_qr_code_of_the_list(browser: Any, site: Server, data: Resultaat) -> None:
    ids = longest(data, "ede", 2)
    adres = list_url(site, "ede", ids)
    context, page = open_page(browser, adres)
    list_ids(page)
    page.get_by_role("button", name="Laat zien").click()
    groot = page.locator("[data-ww-qr-groot] svg")
    assert groot.is_visible()
    assert groot.bounding_box()["width"] >= 300  # nearly the width of a phone
    assert not page.locator("[data-ww-lijst-items]").is_visible()
    assert page.evaluate("document.activeElement.id") == "laat-zien-titel"
    assert qr_codes(Image.open(io.BytesIO(groot.screenshot()))) == [adres]
    page.get_by_role("button", name="Terug naar het lijstje").click()
    assert page.locator("[data-ww-lijst-items]").is_visible()
    context.close()


def test_removing_an_entry_updates_the_address(browser: Any, site: Server, data: Resultaat) -> None:
    ids = longest(data, "ede", 3)
    context, page = open_page(browser, list_url(site, "ede", ids))
    list_ids(page)
    page.locator(f"#hulp-{ids[1]}").get_by_role("button", name="Haal van het lijstje").click()
    assert list_ids(page) == [ids[0], ids[2]]
    assert page.url == list_url(site, "ede", [ids[0], ids[2]])
    context.close()


# --- without JavaScript -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", KAART_PAGINAS)
def test_without_javascript_every_card_has_its_own_printable_address(browser: Any, site: Server, path: str) -> None:
    context, page = open_page(browser, site.url + path, java_script_enabled=False, viewport=DESKTOP)
    cards = page.locator("article.ww-kaart--pro[data-fasen]")
    assert cards.count() > 0
    for card, link, knop in page.evaluate(
        """() => [...document.querySelectorAll('article.ww-kaart--pro[data-fasen]')].map(a => [a.id,
             [...a.querySelectorAll('a.ww-kaart__eigen')].map(l => l.getAttribute('href')),
             a.querySelector('[data-ww-kies]').hidden])"""
    ):
        assert link == [f"#{card}"]
        assert knop  # "Zet op lijstje" needs the script: hidden without it
    assert not page.locator("[data-ww-lijstbalk]").is_visible()
    # open one card's own address and print: only that card is on paper
    midden = cards.nth(cards.count() // 2)
    id = midden.get_attribute("id")
    midden.get_by_role("link", name="Print alleen deze hulp").click()
    page.wait_for_url(f"**#{id}")
    assert midden.locator(".ww-kaart__printtip").is_visible()
    page.emulate_media(media="print")
    shown = [c.get_attribute("id") for c in page.locator("article.ww-kaart").all() if c.is_visible()]
    assert shown == [id]
    assert midden.locator("h3").is_visible() and midden.locator(".ww-feiten").is_visible()
    assert not page.locator("h1").is_visible() and not page.locator(".ww-spoed").is_visible()
    assert not midden.locator(".ww-kaart__eigen").is_visible()
    context.close()


def test_without_javascript_the_list_page_says_where_to_look(browser: Any, site: Server) -> None:
    context, page = open_page(browser, site.url + "sociale-kaart/lijst/?g=ede&k=a", java_script_enabled=False)
    assert page.locator("[data-ww-lijst-zonderjs]").is_visible()
    assert page.locator(".ww-spoed a[href='tel:112']").is_visible()
    context.close()


# --- accessibility, requests, weight ------------------------------------------------------------------


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: draai 'bash scripts/setup-system.sh'")
    return AXE.read_text(encoding="utf-8")


def axe(page: Any, source: str) -> list[dict[str, Any]]:
    page.evaluate(source)
    return page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
            id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_axe_core_finds_no_violations_on_the_list_and_laat_zien(
    browser: Any, site: Server, data: Resultaat, axe_source: str, viewport: dict[str, int]
) -> None:
    context, page = open_page(browser, list_url(site, "ede", longest(data, "ede", 3)), viewport=viewport, bypass_csp=True)
    list_ids(page)
    page.wait_for_selector("[data-ww-qr] svg")
    assert axe(page, axe_source) == []
    page.get_by_role("button", name="Laat zien").click()
    # Focus moved to the view's heading and scrolled the page under the theme's sticky header;
    # axe-core then misreads the header title (white on dark blue, 8:1) as being on the white
    # page behind it. Judge the view from the top of the page.
    page.evaluate("window.scrollTo(0, 0)")
    assert axe(page, axe_source) == []
    context.close()
    # and the sociale kaart with its list buttons shown and one pressed
    context, page = open_page(browser, site.url + "sociale-kaart/gemeente/ede/", viewport=viewport, bypass_csp=True)
    page.locator("[data-ww-kies]").first.click()
    assert axe(page, axe_source) == []
    context.close()


def test_200_percent_zoom_needs_no_sideways_scrolling(browser: Any, site: Server, data: Resultaat) -> None:
    # 200% zoom on a 360 px wide phone: 180 CSS pixels at a device pixel ratio of 2
    context, page = open_page(browser, list_url(site, "ede", longest(data, "ede", 3)),
                              viewport={"width": 180, "height": 370}, device_scale_factor=2)
    list_ids(page)
    page.wait_for_selector("[data-ww-qr] svg")
    widths = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    breed, scherm = page.evaluate(widths)
    assert breed <= scherm
    page.get_by_role("button", name="Laat zien").click()
    breed, scherm = page.evaluate(widths)
    assert breed <= scherm
    context.close()


def test_no_request_to_any_other_host_and_no_errors(browser: Any, site: Server, data: Resultaat) -> None:
    context = browser.new_context(viewport=PHONE)
    problems: list[str] = []
    other_hosts = block_other_hosts(context)
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(site.url + "sociale-kaart/gemeente/ede/")
    page.locator("[data-ww-kies]").first.click()
    page.locator("[data-ww-lijst-link]").click()
    page.wait_for_selector("[data-ww-qr] svg")
    page.get_by_role("button", name="Laat zien").click()
    page.wait_for_load_state("networkidle")
    context.close()
    assert other_hosts == []
    assert problems == []  # no script errors, no Content-Security-Policy violations


def test_first_visit_of_the_list_page_weighs_at_most_150_kb(browser: Any, site: Server, data: Resultaat) -> None:
    path = list_url(site, "ede", longest(data, "ede", 5)).removeprefix(site.url)
    weight = page_weight(browser, site, path)
    paths = [p for p, _ in weight.requests]
    assert "/sociale-kaart/lijst/ede.json" in paths and "/assets/wegwijzer/qrcode.js" in paths
    assert not any("search" in p for p in paths)  # no search index on this page
    assert weight.totaal <= MAX_WEIGHT, weight.requests


def test_list_data_holds_what_the_list_needs(site: Server, data: Resultaat) -> None:
    import urllib.request

    with urllib.request.urlopen(site.url + "sociale-kaart/lijst/ede.json") as response:
        lijst = json.loads(response.read())
    assert lijst["naam"] == "Ede"
    assert set(lijst["vermeldingen"]) == {e.item.id for e in data.gemeenten["ede"].interventies}
    assert lijst["spoed"][0] == {"naam": "112: alarmnummer", "nummer": "112", "href": "tel:112"}
    for v in lijst["vermeldingen"].values():
        assert v["omschrijving"] and "gecontroleerd" in v
        assert v.get("nummers") or v.get("website") or v.get("via") or v.get("email") or v.get("chat") or v["vraag_ernaar"]


def test_hostile_data_on_the_list_stays_text(browser: Any, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "injectie", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    result = build_site(root, flyers=False)
    assert result.out is not None
    ids = [e.item.id for e in result.resultaat.gemeenten["xss"].interventies]
    assert ids
    with serve(result.out) as server:
        context = browser.new_context(viewport=DESKTOP)
        dialogs: list[str] = []
        context.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page = context.new_page()
        page.goto(list_url(server, "xss", ids), wait_until="load")
        assert list_ids(page) == ids
        page.wait_for_load_state("networkidle")
        state = page.evaluate(
            """() => ({ran: window.__xss, injected: document.querySelectorAll(
                '[data-ww-lijst-items] :is(script, img, iframe, svg), [data-ww-lijst-items] [onerror]').length,
                links: [...document.querySelectorAll('[data-ww-lijst-items] a')].map(a => a.protocol)})"""
        )
        context.close()
    assert state["ran"] is None and state["injected"] == 0
    assert set(state["links"]) <= {"https:", "http:", "tel:", "mailto:"}
    assert dialogs == []
