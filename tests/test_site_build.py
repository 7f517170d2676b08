"""The site built from a small fictional root (tests/fixtures/site): pages, links, escaping,
onzeker handling, the build command and its all-or-nothing output. No browser here; see
test_site_browser.py for what needs one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, REPO, write

from wegwijzer.read import phones
from wegwijzer.site import csp
from wegwijzer.site.build import build_site
from wegwijzer.check.html import Pagina, broken_links, read_site

GEMEENTEN = {"aadorp": "Aadorp", "beekdal": "Beekdal", "cederveen": "Cederveen"}
PAYLOADS = (
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    '"><svg onload="window.__xss = 3">',
    "</title><script>window.__xss = 4</script>",
)


def make_root(tmp: Path, fixture: str) -> Path:
    """A project root: the fixture's data plus the repository's mkdocs.yml and docs/."""
    root = tmp / fixture
    shutil.copytree(FIXTURES / fixture, root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_root(tmp_path_factory.mktemp("site"), "site")
    result = build_site(root, flyers=False)
    assert result.out is not None, [m.format() for m in result.resultaat.meldingen.fouten]
    return result.out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Pagina]:
    return read_site(site)


def html(site: Path, page: str) -> str:
    return (site / page / "index.html" if not page.endswith(".html") else site / page).read_text(
        encoding="utf-8"
    )


def article(text: str, id: str) -> str:
    """The HTML of the card <article id=...> in `text`."""
    match = re.search(rf'<article[^>]* id="{re.escape(id)}"[\s\S]*?</article>', text)
    assert match, f"no card {id}"
    return match.group(0)


# --- pages and addresses -------------------------------------------------------------------------


def test_a_page_per_gemeente_at_its_short_url(site: Path, pages: dict[str, Pagina]) -> None:
    for slug, naam in GEMEENTEN.items():
        page = pages[f"{slug}/index.html"]
        assert page.url == f"{slug}/"
        assert page.title == f"Hulp in {naam} - Kansrijke Start Wegwijzer"
        assert f"<h1>Hulp in {naam}</h1>" in html(site, slug)


def test_all_page_types_exist(pages: dict[str, Pagina]) -> None:
    expected = {
        "index.html", "404.html", "hulplijnen/index.html", "sociale-kaart/index.html",
        "toegankelijkheid/index.html", "privacy/index.html",
        "sociale-kaart/gemeente/aadorp/index.html", "sociale-kaart/fase/zwanger/index.html",
        "sociale-kaart/thema/ontmoeten/index.html", "sociale-kaart/regio/noordland/index.html",
        "sociale-kaart/regio/zuidland/index.html",
    }  # fmt: skip
    assert expected <= set(pages)


def test_every_internal_link_resolves(site: Path, pages: dict[str, Pagina]) -> None:
    assert broken_links(site, pages) == []


def test_every_tel_link_dials_a_number_of_the_data(site: Path, pages: dict[str, Pagina]) -> None:
    data_numbers = {
        "112", "+318002000", "+31880767000", "+31612345678", "1400", "+319001450", "+318000113",
        "+31501234567", "+318000450", "+31507654321", "+31501112222", "+31401234567",
        "+318008446000", "14050",
    }  # fmt: skip
    seen = set()
    for pagina in pages.values():
        for link in pagina.tel_links():
            number = link.url.removeprefix("tel:")
            parsed = phones.parse(number)  # raises for a number that is not dialable
            assert parsed.tel == number, link
            assert number in data_numbers, link
            assert parsed.weergave in link.text, link  # the number shown is the number dialled
            seen.add(number)
    assert {"112", "+31880767000", "14050", "+31501112222"} <= seen


def test_urgent_help_is_on_every_page(pages: dict[str, Pagina]) -> None:
    for key, pagina in pages.items():
        urgent = {link.url for link in pagina.tel_links() if "ww-knop--spoed" in link.classes}
        assert {"tel:112", "tel:+318002000"} <= urgent, key


def test_every_card_says_when_it_was_last_checked(site: Path) -> None:
    cards = 0
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for card in re.findall(r'<article class="ww-kaart[\s\S]*?</article>', text):
            cards += 1
            assert "Laatst gecontroleerd:" in card, (path, card[:200])
    assert cards > 20  # the loop saw the cards of every page (it cannot pass on none)


# --- the gemeentepagina --------------------------------------------------------------------------


def test_gemeentepagina_order_and_content(site: Path) -> None:
    text = html(site, "aadorp")
    order = [text.index(marker) for marker in (
        'id="direct-hulp"', 'id="bel-of-chat"', 'id="hulp-in"', 'id="vragen"', 'id="spoed"',
    )]  # fmt: skip
    assert order == sorted(order)
    # help by fase, the gemeente's own offer and the region's
    hulp = text[text.index('id="hulp-in"') : text.index('id="vragen"')]
    assert hulp.index('id="voor-zwangerschap"') < hulp.index('id="zwanger"') < hulp.index('id="na-geboorte"')
    assert 'id="zwanger-buurtcafe"' in hulp and 'id="na-geboorte-buurtcafe"' in hulp
    assert 'id="zwanger-huisbezoek"' in hulp
    # the local CJG
    assert 'id="contact-cjg-aadorp"' in text
    assert 'href="mailto:cjg@example.nl"' in text


def test_gemeente_override_wins_on_its_page(site: Path) -> None:
    aadorp = article(html(site, "aadorp"), "na-geboorte-oudergroep")
    assert 'href="tel:+31501112222"' in aadorp and "+31507654321" not in aadorp
    beekdal = article(html(site, "beekdal"), "na-geboorte-oudergroep")
    assert 'href="tel:+31507654321"' in beekdal


def test_niet_aangeboden_is_not_on_the_parent_page(site: Path) -> None:
    assert "huisbezoek" not in html(site, "beekdal")
    assert "zuidhulp" not in html(site, "aadorp")  # another region's offer
    assert 'id="na-geboorte-zuidhulp"' in html(site, "cederveen")


def test_help_without_own_contact_points_to_its_provider(site: Path) -> None:
    card = article(html(site, "aadorp"), "voor-zwangerschap-kinderwensgesprek")
    assert "Neem contact op met GGD Noordland." in card
    via = re.search(r'<div class="ww-via" id="voor-zwangerschap-kinderwensgesprek-via-ggd-noord">[\s\S]*?</div>', card)
    assert via and 'href="tel:+318008446000"' in via.group(0)
    assert "<dt>Door</dt>" not in card  # said once, in the sentence above
    pro = article(html(site, "sociale-kaart"), "kinderwensgesprek")
    assert "Contact via de aanbieder, GGD Noordland:" in pro and "tel:+318008446000" in pro


def test_badges_chat_and_whatsapp(site: Path) -> None:
    card = article(html(site, "aadorp"), "lijn-luisterlijn")
    badges = re.findall(r'<li class="ww-badge ww-badge--([a-z-]+)">([^<]+)</li>', card)
    assert badges == [("gratis", "Gratis"), ("anoniem", "Anoniem")]
    assert 'href="https://www.example.nl/chat"' in card
    assert 'href="https://wa.me/31612345678"' in card
    assert "Engels" in card  # talen: [nl, en] -> "Ook in Engels"
    spoed = article(html(site, "aadorp"), "spoed-alarm")
    assert ("dag-en-nacht", "Dag en nacht") in re.findall(
        r'<li class="ww-badge ww-badge--([a-z-]+)">([^<]+)</li>', spoed
    )
    betaald = article(html(site, "aadorp"), "lijn-betaallijn")
    assert "10 cent per minuut" in betaald and "ww-badge--gratis" not in betaald
    assert 'href="tel:+318000113"' in betaald and "Gratis nummer" in betaald


def test_onzeker_entries_are_marked_and_not_one_tap_dialable(site: Path) -> None:
    page = html(site, "aadorp")
    card = article(page, "lijn-twijfellijn")
    assert "ww-kaart--onzeker" in card and "Nog niet alles gecontroleerd." in card
    assert "tel:1400" not in page  # the unsure number is shown as text only
    assert "1400" in card
    assert 'href="https://www.example.nl/twijfel"' in card
    # verified lines come first
    assert page.index('id="lijn-luisterlijn"') < page.index('id="lijn-twijfellijn"')
    # urgent help stays dialable even when unsure, and is marked too
    spoed = article(page, "spoed-thuislijn")
    assert 'href="tel:+318002000"' in spoed and "ww-onzeker" in spoed
    # professionals see the reason
    kaart = article(html(site, "hulplijnen"), "twijfellijn")
    assert "ww-onzeker" in kaart


def test_private_person_is_not_published(site: Path) -> None:
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            assert "Jan Jansen" not in path.read_text(encoding="utf-8"), path


def test_every_page_has_the_search_box_and_no_theme_search(site: Path) -> None:
    for path in ("aadorp", "sociale-kaart", "zoeken"):
        page = html(site, path)
        assert 'data-ww-zoekpaneel' in page and 'data-ww-zoekknop' in page
        assert 'data-md-component="search"' not in page  # the theme's search is gone
    assert 'data-ww-zoekpaneel' in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "search" / "search_index.json").exists()


def test_search_index_holds_the_gemeente_pages_with_their_filter(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert "nl" in entry["languages"] and entry["languages"]["nl"]["wasm"] == "nl"  # Dutch stemming
    # the Dutch gemeentepagina holds the entries of the sociale kaart of its gemeente: once is
    # enough; its search starts narrowed to the gemeente
    aadorp = html(site, "aadorp")
    assert "data-pagefind-body" not in aadorp
    assert re.search(r'<option value="Aadorp" selected>', aadorp)
    kaart = html(site, "sociale-kaart/gemeente/aadorp")
    assert "data-pagefind-body" in kaart and 'data-pagefind-filter="gemeente:' in kaart
    # overview pages of many gemeenten repeat the gemeente pages: left out of the index
    assert "data-pagefind-body" not in html(site, "sociale-kaart/regio/" + next(
        p.name for p in (site / "sociale-kaart" / "regio").iterdir()))
    assert "data-pagefind-body" not in html(site, "zoeken")
    # Pagefind's own interfaces are not published: the site has its own search box
    assert not list((site / "pagefind").glob("pagefind-*ui*"))


# --- home ------------------------------------------------------------------------------------------


def test_home_lists_gemeenten_and_finds_woonplaatsen_without_js(site: Path, pages: dict[str, Pagina]) -> None:
    home = pages["index.html"]
    links = [(link.url, link.text) for link in home.links if link.tag == "a"]
    for slug, naam in GEMEENTEN.items():
        assert any(url == f"{slug}/" and text.startswith(naam) for url, text in links)
    text = html(site, "index.html")
    assert "Ook voor Molenbeek en Zandhoek" in text
    # the A-Z list of woonplaatsen leads to the gemeente
    assert re.search(r'<a href="aadorp/">Molenbeek</a> <span class="ww-meta">gemeente Aadorp</span>', text)
    assert re.search(r'<a href="beekdal/">Wilgenrode</a>', text)
    # the finder needs JavaScript: it is hidden until the script shows it
    assert re.search(r'<div class="ww-zoeker" data-ww-zoeker="" hidden="">', text)


# --- sociale kaart --------------------------------------------------------------------------------


def test_sociale_kaart_card_for_professionals(site: Path) -> None:
    card = article(html(site, "sociale-kaart"), "huisbezoek")
    for text in ("Aanmelden</dt><dd>Via de verloskundige", "Aanbieder</dt><dd>GGD Noordland",
                 "Kosten</dt><dd>gratis", "Erkend: goed onderbouwd", "Voor wie</dt><dd>Aanstaande ouders",
                 "Beekdal: Geen aanvragen", "(HB)"):  # fmt: skip
        assert text in card
    assert 'data-gemeenten="aadorp"' in card
    assert 'data-fasen="zwanger"' in card and 'data-themas="zwangerschap"' in card


def test_sociale_kaart_shows_variants(site: Path) -> None:
    card = article(html(site, "sociale-kaart"), "oudergroep")
    eigen = phones.parse("050 111 2222").weergave
    assert "Anders in Aadorp</dt>" in card and f"Telefoon: {eigen}" in card
    assert 'href="tel:+31507654321"' in card  # the regional number is the card's own
    assert "heel Noordland" in card


def test_filter_pages_without_javascript(site: Path) -> None:
    beekdal = html(site, "sociale-kaart/gemeente/beekdal")
    assert 'id="huisbezoek"' not in beekdal and 'id="zwanger-huisbezoek"' not in beekdal
    assert "<strong>Huisbezoek</strong>: Geen aanvragen" in beekdal
    assert 'id="na-geboorte-oudergroep"' in beekdal
    fase = html(site, "sociale-kaart/fase/voor-zwangerschap")
    assert re.findall(r'<article class="ww-kaart[^"]*" id="([a-z-]+)"', fase) == ["kinderwensgesprek"]
    thema = html(site, "sociale-kaart/thema/opvoeden")
    assert re.findall(r'<article class="ww-kaart[^"]*" id="([a-z-]+)"', thema) == ["zuidhulp"]
    main = html(site, "sociale-kaart")
    for href in ("sociale-kaart/gemeente/beekdal/", "fase/voor-zwangerschap/", "thema/opvoeden/",
                 "regio/noordland/"):  # fmt: skip
        assert href.split("/", 1)[-1] in main


def test_matrix_per_region(site: Path) -> None:
    text = html(site, "sociale-kaart/regio/noordland")
    header = re.findall(r'<th scope="col" class="ww-kolom"><a [^>]*>([^<]+)</a></th>', text)
    assert header == ["Aadorp", "Beekdal"]
    row = re.search(r'<tr>\s*<th scope="row"><a [^>]*>Huisbezoek</a></th>([\s\S]*?)</tr>', text)
    assert row is not None
    cells = re.findall(r'<td class="ww-cel ww-cel--(\w+)">', row.group(1))
    assert cells == ["ja", "nee"]
    assert re.search(r'<li id="noot-\d+">Huisbezoek in Beekdal: Geen aanvragen</li>', text)
    assert "Hulp thuis" not in text  # Zuidland's offer is not in Noordland's matrix


# --- safety ------------------------------------------------------------------------------------------


def test_no_external_resources_and_no_webfonts(pages: dict[str, Pagina], site: Path) -> None:
    for key, pagina in pages.items():
        for link in pagina.links:
            if link.tag in ("link", "script", "img", "source") and link.rel != "canonical":
                assert not re.match(r"^(https?:)?//", link.url), (key, link.url)
    for path in site.rglob("*.html"):
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")


def test_every_page_has_a_content_security_policy(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert match, path
        policy = match.group(1)
        assert "default-src 'self'" in policy and "connect-src 'self'" in policy
        assert text.index("Content-Security-Policy") < text.index("<script")
        # every inline script of the theme is allowed by its hash, nothing else is
        for script_hash in csp.inline_script_hashes(text):
            assert script_hash in policy, path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_root(tmp_path_factory.mktemp("injectie"), "injectie")
    result = build_site(root, flyers=False)
    assert result.out is not None
    return result.out


def test_yaml_text_never_becomes_markup(hostile: Path) -> None:
    pages = read_site(hostile)
    assert len(pages) > 10
    for key, pagina in pages.items():
        assert pagina.handlers == [], key  # no onerror=, onload= ... on any element
        assert not any("__xss" in script for script in pagina.scripts), key
    for path in hostile.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for payload in PAYLOADS:
            assert payload not in text, (path, payload)
        assert "<svg onload" not in text and "<img src=x" not in text
    # the text is still there, as text
    page = (hostile / "xss" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    assert "<title>Hulp in /title script window.__xss = 4 /script Gemeente - " in page


def test_made_up_data_is_announced_on_its_pages(tmp_path: Path) -> None:
    root = make_root(tmp_path, "site")
    path = root / "gemeenten" / "beekdal.yml"
    path.write_text("voorbeelddata: ja\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    out = build_site(root, flyers=False).out
    assert out is not None
    banner = '<p class="ww-voorbeeld" role="note"'
    assert banner in html(out, "beekdal")
    assert banner not in html(out, "aadorp")  # its own data is real
    for page in ("index.html", "sociale-kaart", "hulplijnen", "toegankelijkheid", "404.html"):
        assert banner in html(out, page), page


def test_no_banner_for_real_data(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert "ww-voorbeeld" not in path.read_text(encoding="utf-8"), path


def test_standard_pages_can_be_replaced_in_docs(tmp_path: Path) -> None:
    root = make_root(tmp_path, "site")
    write(root / "docs" / "privacy.md", "# Privacy\n\nOnze eigen privacytekst.\n")
    out = build_site(root, flyers=False).out
    assert out is not None
    assert "Onze eigen privacytekst." in html(out, "privacy")
    assert "Toegankelijkheid</h1>" in html(out, "toegankelijkheid")  # the standard text


def test_a_root_without_docs_builds(tmp_path: Path) -> None:
    root = make_root(tmp_path, "site")
    shutil.rmtree(root / "docs")
    out = build_site(root, flyers=False).out
    assert out is not None
    assert (out / "privacy" / "index.html").is_file()
    assert (out / "aadorp" / "index.html").is_file()


# --- the build command ---------------------------------------------------------------------------


def test_build_refuses_on_errors_and_keeps_the_old_output(tmp_path: Path, cli: Any) -> None:
    root = make_root(tmp_path, "site")
    out = tmp_path / "uit"
    assert cli("build", "--root", root, "--out", out, "--zonder-flyers").code == 0
    before = (out / "aadorp" / "index.html").read_text(encoding="utf-8")
    path = root / "gemeenten" / "aadorp.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('"14 050"', '"06 1234"'), encoding="utf-8")
    run = cli("build", "--root", root, "--out", out, "--zonder-flyers")
    assert run.code == 1
    assert "aadorp.yml" in run.out and "fout" in run.out
    assert "de site is niet gebouwd" in run.err
    assert (out / "aadorp" / "index.html").read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "uit"]  # no temp folder left


def test_failed_build_keeps_the_old_output(tmp_path: Path, cli: Any) -> None:
    root = make_root(tmp_path, "site")
    out = tmp_path / "uit"
    assert cli("build", "--root", root, "--out", out, "--zonder-flyers").code == 0
    marker = out / "aadorp" / "index.html"
    before = marker.read_text(encoding="utf-8")
    # a hand-written page with the address of a generated one: the plugin stops the build
    write(root / "docs" / "aadorp" / "index.md", "# Eigen pagina\n")
    run = cli("build", "--root", root, "--out", out, "--zonder-flyers")
    assert run.code == 1
    assert "botst met een pagina die de wegwijzer zelf maakt" in run.err
    assert marker.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "uit"]


def test_successful_build_replaces_the_output_whole(tmp_path: Path, cli: Any) -> None:
    root = make_root(tmp_path, "site")
    out = tmp_path / "uit"
    assert cli("build", "--root", root, "--out", out, "--zonder-flyers").code == 0
    (out / "oud-bestand.txt").write_text("van de vorige keer", encoding="utf-8")
    (root / "gemeenten" / "cederveen.yml").unlink()
    run = cli("build", "--root", root, "--out", out, "--zonder-flyers")
    assert run.code == 0, run.err
    assert not (out / "oud-bestand.txt").exists()
    assert not (out / "cederveen").exists()
    assert (out / "aadorp" / "index.html").is_file()
    assert "site gebouwd in" in run.err


def test_default_output_is_site_in_the_root(tmp_path: Path, cli: Any) -> None:
    root = make_root(tmp_path, "site")
    assert cli("build", "--root", root, "--zonder-flyers").code == 0
    assert (root / "site" / "aadorp" / "index.html").is_file()


@pytest.mark.parametrize("out", ["content", ".", "gemeenten/x"])
def test_build_refuses_an_output_folder_that_holds_data(tmp_path: Path, cli: Any, out: str) -> None:
    root = make_root(tmp_path, "site")
    run = cli("build", "--root", root, "--out", root / out, "--zonder-flyers")
    assert run.code == 2
    assert "--out" in run.err
    assert (root / "content" / "landelijk.yml").is_file()


def test_build_refuses_a_folder_that_is_not_a_site(tmp_path: Path, cli: Any) -> None:
    root = make_root(tmp_path, "site")
    other = tmp_path / "documenten"
    write(other / "belangrijk.txt", "niet weggooien")
    run = cli("build", "--root", root, "--out", other, "--zonder-flyers")
    assert run.code == 2 and "geen gebouwde site" in run.err
    assert (other / "belangrijk.txt").is_file()


@pytest.mark.parametrize("name", ["hulplijnen", "zoeken", "pagefind"])
def test_reserved_gemeente_name_is_refused(tmp_path: Path, cli: Any, name: str) -> None:
    root = make_root(tmp_path, "site")
    shutil.copy(root / "gemeenten" / "cederveen.yml", root / "gemeenten" / f"{name}.yml")
    path = root / "gemeenten" / f"{name}.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Cederveen", name.capitalize()), encoding="utf-8"
    )
    run = cli("build", "--root", root, "--zonder-flyers")
    assert run.code == 1
    assert f"gemeente '{name}' heeft dezelfde naam als een vaste pagina" in run.err


# --- flyers ----------------------------------------------------------------------------------------


def fake_render_all(names: tuple[str, ...], calls: list[Path]) -> Any:
    """A stand-in for the flyer stage: the given files for Aadorp, every Dutch file for
    the other gemeenten."""
    from wegwijzer.flyer.names import flyer_files

    def render_all(resultaat: Any, out_dir: Path, config: Any, **kwargs: Any) -> list[Path]:
        calls.append(out_dir)
        assert config.gemeente_url("aadorp") == "https://wegwijzer.example.org/aadorp/"
        written = []
        for slug in resultaat.gemeenten:
            for name in names if slug == "aadorp" else flyer_files(slug, "nl").values():
                path = out_dir / slug / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"%PDF-1.7 test")
                written.append(path)
        return written

    return render_all


@pytest.fixture
def fake_flyers(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A stand-in for the flyer stage: every Dutch flyer file of Aadorp, and an English one
    that no page plans (Aadorp has no extra languages), which must not be published."""
    from wegwijzer import flyer
    from wegwijzer.flyer.names import flyer_files

    calls: list[Path] = []
    names = (*flyer_files("aadorp", "nl").values(), flyer_files("aadorp", "en")["a5"])
    monkeypatch.setattr(flyer, "render_all", fake_render_all(names, calls))
    return calls


def test_flyers_are_built_into_the_site_and_linked(tmp_path: Path, cli: Any, fake_flyers: list[Path]) -> None:
    from wegwijzer.flyer.names import FORMATS, flyer_files

    root = make_root(tmp_path, "site")
    out = tmp_path / "uit"
    run = cli("build", "--root", root, "--out", out)
    assert run.code == 0, run.err
    assert len(fake_flyers) == 1
    assert (out / "aadorp" / "mamawegwijzer-aadorp-nl-a5.pdf").read_bytes() == b"%PDF-1.7 test"
    text = (out / "aadorp" / "index.html").read_text(encoding="utf-8")
    section = text[text.index('id="mamawegwijzer"') :]
    links = re.findall(r'<a href="(mamawegwijzer-[^"]+)"[^>]*>([^<]+)</a>', section)
    # every planned file, in the flyer stage's order of formats; Aadorp has no extra
    # languages, so the English file is neither offered nor published
    assert [href for href, _ in links] == [flyer_files("aadorp", "nl")[k] for k in FORMATS]
    assert not (out / "aadorp" / flyer_files("aadorp", "en")["a5"]).exists()
    assert '<span lang="nl" dir="ltr">Nederlands</span>' in section
    published = list(out.glob("*/mamawegwijzer-*"))
    assert len(published) == len(FORMATS) * len(list((root / "gemeenten").glob("*.yml")))
    assert f"{len(published)} flyerbestanden" in run.err
    assert broken_links(out, read_site(out)) == []


def test_a_flyer_stage_that_leaves_out_a_planned_file_fails_the_build(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wegwijzer import flyer
    from wegwijzer.flyer.names import flyer_files

    root = make_root(tmp_path, "site")
    out = tmp_path / "uit"
    assert cli("build", "--root", root, "--out", out, "--zonder-flyers").code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    calls: list[Path] = []
    monkeypatch.setattr(flyer, "render_all", fake_render_all((flyer_files("aadorp", "nl")["a5"],), calls))
    run = cli("build", "--root", root, "--out", out)
    assert run.code != 0 and calls
    assert "flyerbestand(en) niet gemaakt" in run.err and "mamawegwijzer-aadorp-nl-drukwerk.pdf" in run.err
    assert "Traceback" not in run.err
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # the previous site stays as it was


def test_pages_are_made_while_the_flyers_render(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`wegwijzer build` does not wait for the flyers before making the pages: the flyer
    stage here finishes only once the gemeentepagina that links its flyers is rendered."""
    import threading

    from wegwijzer import flyer
    from wegwijzer.flyer.names import flyer_files
    from wegwijzer.site import plugin

    rendered = threading.Event()
    seen_by_flyer_stage: list[bool] = []
    original = plugin.render_unsanitised

    def recording(template: str, page_url: str, **context: Any) -> str:
        result = original(template, page_url, **context)
        if page_url == "aadorp/":
            rendered.set()
        return result

    calls: list[Path] = []
    write = fake_render_all(tuple(flyer_files("aadorp", "nl").values()), calls)

    def waiting_render_all(*args: Any, **kwargs: Any) -> list[Path]:
        seen_by_flyer_stage.append(rendered.wait(timeout=60))
        return write(*args, **kwargs)

    monkeypatch.setattr(plugin, "render_unsanitised", recording)
    monkeypatch.setattr(flyer, "render_all", waiting_render_all)
    out = tmp_path / "uit"
    assert cli("build", "--root", make_root(tmp_path, "site"), "--out", out).code == 0
    assert seen_by_flyer_stage == [True]
    assert "mamawegwijzer-aadorp-nl-a5.pdf" in (out / "aadorp" / "index.html").read_text(encoding="utf-8")


def test_flyer_links_are_planned_per_language_and_format() -> None:
    from wegwijzer.flyer.names import FORMATS, flyer_files
    from wegwijzer.site import flyers

    result = flyers.planned("ede", ["en", "ar", "nl"], linked=True)
    assert result is not None
    assert [(f.taal, f.richting, len(f.links)) for f in result] == [
        ("nl", "ltr", len(FORMATS)), ("en", "ltr", len(FORMATS)), ("ar", "rtl", len(FORMATS))
    ]
    assert [href for _, href in result[2].links] == [flyer_files("ede", "ar")[k] for k in FORMATS]
    # a preview (no files rendered) lists every language without links
    preview = flyers.planned("ede", ["en"], linked=False)
    assert preview is not None and [(f.taal, f.links) for f in preview] == [("nl", ()), ("en", ())]


def test_a_failing_flyer_stage_fails_the_build(tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from wegwijzer import flyer
    from wegwijzer.diagnostics import WegwijzerFout

    def render_all(*args: Any, **kwargs: Any) -> list[Path]:
        raise WegwijzerFout("flyer Aadorp (nl): de tekst past niet op A5")

    root = make_root(tmp_path, "site")
    out = tmp_path / "uit"
    assert cli("build", "--root", root, "--out", out, "--zonder-flyers").code == 0
    monkeypatch.setattr(flyer, "render_all", render_all)
    run = cli("build", "--root", root, "--out", out)
    assert run.code == 1
    assert "de tekst past niet op A5" in run.err
    assert (out / "aadorp" / "index.html").is_file()


@pytest.mark.parametrize("kapot", ["stopt", "ontbreekt", "schrijft niets"])
def test_a_failing_search_indexer_fails_the_build(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch, kapot: str
) -> None:
    from wegwijzer.site import zoeken

    script = tmp_path / "pagefind"
    if kapot == "stopt":
        script.write_text("#!/bin/sh\necho 'Error: could not read the site' >&2\nexit 1\n")
    elif kapot == "schrijft niets":
        script.write_text("#!/bin/sh\nexit 0\n")
    if script.exists():
        script.chmod(0o755)
    root = make_root(tmp_path, "site")
    out = tmp_path / "uit"
    assert cli("build", "--root", root, "--out", out, "--zonder-flyers").code == 0
    before = (out / "aadorp" / "index.html").read_bytes()
    monkeypatch.setattr(zoeken, "binary", lambda: script)
    run = cli("build", "--root", root, "--out", out, "--zonder-flyers")
    assert run.code == 1
    assert "de site is niet gebouwd" in run.err and "de zoekindex is niet gemaakt" in run.err
    if kapot == "stopt":
        assert "could not read the site" in run.err  # Pagefind's own words, for the editor
    assert "Traceback" not in run.err
    assert (out / "aadorp" / "index.html").read_bytes() == before  # the old site stays


def test_the_search_index_is_the_same_across_builds(tmp_path: Path, cli: Any) -> None:
    """Byte-identical, except that Pagefind writes the values of a filter in hash-map order (a
    different order in every run, so other file names too): those hold the same entries."""
    import gzip

    root = make_root(tmp_path, "site")
    sites = []
    for name in ("een", "twee"):
        assert cli("build", "--root", root, "--out", tmp_path / name, "--zonder-flyers").code == 0
        folder = tmp_path / name / "pagefind"
        sites.append({p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()})

    def vast(files: dict[str, bytes]) -> dict[str, bytes]:
        return {k: v for k, v in files.items() if not re.match(r"filter/|pagefind\.\w+\.pf_meta|pagefind-entry", k)}

    def filters(files: dict[str, bytes]) -> list[list[int]]:
        return sorted(sorted(gzip.decompress(v)) for k, v in files.items() if k.startswith("filter/"))

    assert len(vast(sites[0])) > 10 and vast(sites[0]) == vast(sites[1])  # word index, fragments, wasm
    assert filters(sites[0]) and filters(sites[0]) == filters(sites[1])  # the same entries, reordered


def test_without_flyers_there_is_no_flyer_section(site: Path) -> None:
    assert 'id="mamawegwijzer"' not in html(site, "aadorp")


# --- mkdocs serve ----------------------------------------------------------------------------------


def test_serve_watches_the_data_folders(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    root = make_root(tmp_path, "site")
    config = load_config(config_file=str(root / "mkdocs.yml"))
    plugin = config.plugins["wegwijzer"]
    plugin.on_startup(command="serve", dirty=False)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert {Path(p) for p in server.watched} == {root / "content", root / "gemeenten"}


def test_fase_and_thema_pages_include_a_gemeente_override(tmp_path: Path) -> None:
    """A gemeente that widens the fasen or themas of a regional interventie puts it on that
    fase's and thema's page: both filters look at every gemeente's version."""
    from wegwijzer.read.models import Fase, Thema
    from wegwijzer.site.overzicht import build_overzicht
    from wegwijzer.site.pages import kaart_fase_pagina, kaart_thema_pagina
    from wegwijzer.rules.validate import validate

    root = make_root(tmp_path, "site")
    beekdal = root / "gemeenten" / "beekdal.yml"
    beekdal.write_text(
        beekdal.read_text()
        + "interventies:\n  - id: oudergroep\n    fasen: [zwanger]\n    themas: [voeding]\n"
    )
    result = validate(root)
    assert not result.meldingen.has_errors, [m.format() for m in result.meldingen.fouten]
    ov = build_overzicht(result.gemeenten)
    for page, regional_only in (
        (kaart_fase_pagina(Fase.ZWANGER, ov), kaart_fase_pagina(Fase.NA_GEBOORTE, ov)),
        (kaart_thema_pagina(Thema.VOEDING, ov), kaart_thema_pagina(Thema.ONTMOETEN, ov)),
    ):
        assert "oudergroep" in [a.id for a in page.context["interventies"]], page.src_uri
        assert "oudergroep" in [a.id for a in regional_only.context["interventies"]]
    assert Thema.VOEDING in ov.themas() and Fase.ZWANGER in ov.fasen()
