"""Parent pages in every flyer language (issue 13): built from the shipped data and from a
copy of it where Ede also speaks Tigrinya and Persian, and where translations are missing or
outdated. Every `lang` label is checked against the script of the text it labels."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO

from wegwijzer.check.html import SCHRIFT, read_site, script_share
from wegwijzer.rules.validate import validate
from wegwijzer.site.build import build_site

RTL = {"ar", "fa"}


def copy_project(tmp: Path) -> Path:
    root = tmp / "project"
    root.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy2(REPO / name, root / name)
    for folder in ("content", "gemeenten", "flyer"):
        shutil.copytree(REPO / folder, root / folder)
    return root


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("talen") / "site"
    assert build_site(REPO, out, flyers=False).out == out
    return out


@pytest.fixture(scope="module")
def tigrinya(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project, site): Ede with ti and fa; one Tigrinya entry text made outdated and one
    English one removed, so that both fall back to Dutch."""
    root = copy_project(tmp_path_factory.mktemp("ti"))
    ede = root / "gemeenten" / "ede.yml"
    ede.write_text(
        ede.read_text(encoding="utf-8").replace("flyer_talen: [en, ar, tr, pl, uk]", "flyer_talen: [en, ti, fa]"),
        encoding="utf-8",
    )
    ti = root / "content" / "vertalingen" / "ti.yml"
    text = ti.read_text(encoding="utf-8")
    # make one translation outdated: its Dutch source no longer matches
    first_nl = re.search(r"^(\s+nl: )(.+)$", text, re.MULTILINE)
    assert first_nl is not None
    text = text[: first_nl.start(2)] + '"Een oudere Nederlandse tekst."' + text[first_nl.end(2):]
    ti.write_text(text, encoding="utf-8")
    out = root / "site"
    result = build_site(root, out, flyers=False)
    assert result.out == out, [m.format() for m in result.resultaat.meldingen.fouten]
    return root, out


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def attribute(page: str, tag: str, name: str) -> str | None:
    match = re.search(rf"<{tag}\b[^>]*\b{name}=\"([^\"]*)\"", page)
    return match.group(1) if match else None


def test_every_flyer_language_has_a_parent_page_in_that_language(shipped: Path) -> None:
    resultaat = validate(REPO)
    seen = set()
    for slug, data in resultaat.gemeenten.items():
        for taal in data.info.flyer_talen or []:
            page = html(shipped, f"{slug}/{taal}")
            assert attribute(page, "html", "lang") == taal, f"{slug}/{taal}"
            assert attribute(page, "body", "dir") == ("rtl" if taal in RTL else "ltr"), f"{slug}/{taal}"
            assert script_share(page, taal) >= 0.8, f"{slug}/{taal}: main text not mostly in {taal}"
            # everything the Dutch page has: urgent help, help lines, help per fase, contacts
            for anchor in ('id="direct-hulp"', 'id="spoed"', 'id="vragen"'):
                assert anchor in page, f"{slug}/{taal}: {anchor}"
            assert page.count('class="ww-kaart') == html(shipped, slug).count('class="ww-kaart'), slug
            seen.add(taal)
    assert seen == {"en", "ar", "tr", "pl", "uk"}
    # the Dutch page stays where it is, in Dutch
    assert attribute(html(shipped, "ede"), "html", "lang") == "nl"


def test_tigrinya_and_persian_pages_are_in_their_script(tigrinya: tuple[Path, Path]) -> None:
    _, site = tigrinya
    ti = html(site, "ede/ti")
    assert attribute(ti, "html", "lang") == "ti" and SCHRIFT["ti"] == "ETHIOPIC"
    assert script_share(ti, "ti") >= 0.8
    fa = html(site, "ede/fa")
    assert attribute(fa, "html", "lang") == "fa" and attribute(fa, "body", "dir") == "rtl"
    assert script_share(fa, "fa") >= 0.8


def test_only_ethiopic_pages_load_the_font_subset_with_every_letter_they_use(tigrinya: tuple[Path, Path]) -> None:
    from fontTools.ttLib import TTFont

    _, site = tigrinya
    ti = html(site, "ede/ti")
    css = re.search(r'<link rel="stylesheet" href="([^"]*fonts/ethiopic\.css)"', ti)
    assert css is not None
    # the other pages only name Tigrinya in their language menu: a few letters, nothing more
    for other in ("ede/fa", "ede", "ede/en"):
        assert "fonts/ethiopic.css" not in html(site, other)
        assert "fonts/ethiopic-namen.css" in html(site, other)
    namen = site / "assets" / "wegwijzer" / "fonts" / "ethiopic-namen-400.woff"
    assert namen.stat().st_size < 4_000
    assert {chr(c) for c in TTFont(str(namen)).getBestCmap() if 0x1200 <= c <= 0x139F} == set("ትግርኛ")
    assert "fonts/ethiopic" not in html(site, "arnhem")  # no Tigrinya version: no font at all
    stylesheet = (site / "ede" / "ti" / css.group(1)).resolve()
    files = re.findall(r'url\("([^"]+\.woff)"\)', stylesheet.read_text(encoding="utf-8"))
    assert len(files) == 2  # regular and bold
    used = {c for c in re.sub(r"<[^>]+>", "", ti) if 0x1200 <= ord(c) <= 0x139F}
    assert len(used) > 30
    for name in files:
        font = TTFont(str(stylesheet.parent / name))
        assert font.flavor == "woff"
        cmap = font.getBestCmap()
        assert not [c for c in used if ord(c) not in cmap], name
        assert len(cmap) < 400  # a subset, not the whole font
        assert (stylesheet.parent / name).stat().st_size < 60_000


def test_hreflang_links_are_complete_and_reciprocal(shipped: Path) -> None:
    groups: dict[str, set[tuple[str, str]]] = {}
    for page in shipped.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        links = set(re.findall(r'<link rel="alternate ?" hreflang="([^"]+)" href="([^"]+)">', text))
        if not links:
            continue
        here = "https://wegwijzer.example.org/" + page.parent.relative_to(shipped).as_posix() + "/"
        here = here.replace("org/./", "org/")
        assert (attribute(text, "html", "lang"), here) in links, f"{here} does not list itself"
        assert ("x-default", sorted(h for t, h in links if t == "nl")[0]) in links
        groups[here] = links
    assert len(groups) > 100
    for here, links in groups.items():
        for taal, href in links:
            if taal != "x-default":
                assert groups.get(href) == links, f"{here} -> {href} ({taal}) not reciprocal"


def test_language_menu_names_each_language_in_its_own_script(shipped: Path) -> None:
    page = html(shipped, "ede/ar")
    menu = re.search(r'<nav class="ww-talen"[^>]*>(.*?)</nav>', page, re.DOTALL)
    assert menu is not None
    items = re.findall(r"<li[^>]*>(.*?)</li>", menu.group(1), re.DOTALL)
    assert len(items) == 6  # nl, en, ar, tr, pl, uk
    current = [i for i in items if 'aria-current="true"' in i]
    assert len(current) == 1 and "<a " not in current[0] and "العربية" in current[0]
    for item in items:
        if "<a " in item:
            lang, hreflang = attribute(item, "a", "lang"), attribute(item, "a", "hreflang")
            assert lang and lang == hreflang
            name = re.sub(r"<[^>]+>", "", item).strip()
            assert script_share(f'<div id="inhoud" lang="{lang}">{name}</div>', lang) == 1.0, name
    assert "<img" not in menu.group(1)  # no flags
    # the Dutch page links to the other versions too
    assert 'href="ar/" hreflang="ar"' in html(shipped, "ede")


def test_every_lang_label_is_true(shipped: Path, tigrinya: tuple[Path, Path]) -> None:
    """A block marked lang="nl" holds no letters of another script, and a page's own text
    is in its script: no block is labelled with a language it is not written in."""
    _, site = tigrinya
    checked = 0
    for folder, taal in ((shipped, "ar"), (shipped, "uk"), (site, "ti"), (site, "fa")):
        for page in folder.glob(f"*/{taal}/index.html"):
            text = page.read_text(encoding="utf-8")
            for block in re.findall(r'<(?:span|div)[^>]*lang="nl"[^>]*>([^<]*)<', text):
                assert script_share(f'<div id="inhoud" lang="nl">{block}</div>', "nl") in (0.0, 1.0)
                assert not re.search(r"[\u0600-\u06ff\u0400-\u04ff\u1200-\u139f]", block), block
                checked += 1
    assert checked > 0


def test_untranslated_and_outdated_texts_are_dutch_marked_and_announced(tigrinya: tuple[Path, Path]) -> None:
    root, site = tigrinya
    ti = html(site, "ede/ti")
    assert "data-ww-nl" in ti  # the outdated text, shown in Dutch
    assert 'lang="nl" dir="ltr" data-ww-nl' in ti
    # one short notice in the page's language that some texts are Dutch, and the machine
    # translation notice with a link to the Dutch page
    notices = re.findall(r'<p class="ww-melding ww-melding--taal" role="note">(.*?)</p>', ti, re.DOTALL)
    assert len(notices) == 2
    assert 'href="../" hreflang="nl"' in notices[0]
    assert all(script_share(f'<div id="inhoud">{n}</div>', "ti") > 0.8 for n in notices)
    # a complete page has no "not translated" notice
    en = html(site, "ede/en")
    assert "data-ww-nl" not in en
    assert len(re.findall(r'class="ww-melding ww-melding--taal"', en)) == 1
    # validate names the outdated text at the Dutch text's file and line
    meldingen = validate(root).meldingen
    verouderd = [m for m in meldingen if m.code == "pagina-vertaling-verouderd"]
    assert len(verouderd) == 1
    plek = verouderd[0].plek
    assert plek.path.name.endswith(".yml") and plek.line and plek.line > 0
    assert "content/vertalingen" not in plek.path.as_posix()  # the Dutch text, not the translation


def test_phone_numbers_and_addresses_are_isolated_left_to_right(shipped: Path) -> None:
    page = html(shipped, "ede/ar")
    numbers = re.findall(r'<span class="ww-(?:nummer|host)"([^>]*)>', page)
    assert len(numbers) > 10
    assert all('dir="ltr"' in attrs for attrs in numbers)


def test_a_gemeente_named_like_a_language_is_refused(tmp_path: Path, cli) -> None:
    root = copy_project(tmp_path)
    shutil.copy2(root / "gemeenten" / "rozendaal.yml", root / "gemeenten" / "en.yml")
    run = cli("build", "--root", root, "--out", root / "site", "--zonder-flyers")
    assert run.code != 0 and "Traceback" not in run.err
    assert "taal 'en'" in run.err or "'en'" in run.err


def test_the_pages_of_the_shipped_site_have_no_broken_links(shipped: Path) -> None:
    from wegwijzer.check.html import broken_links

    assert broken_links(shipped, read_site(shipped)) == []


def test_check_reports_the_translation_status_per_gemeente_and_language(
    tigrinya: tuple[Path, Path], cli, tmp_path: Path
) -> None:
    import json

    root, _ = tigrinya
    run = cli("check", "--root", root, "--report", tmp_path / "r.json", "--report", tmp_path / "r.md")
    assert run.code in (0, 1), run.err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    status = {v["taal"]: v for v in report["gemeenten"]["ede"]["vertalingen"]}
    assert list(status) == ["en", "ti", "fa"]
    assert status["ti"]["status"] == "verouderd" and status["ti"]["verouderd"] == 1
    assert status["en"]["status"] == "machine" and status["en"]["ontbreekt"] == 0
    assert "vertalingen" not in report["gemeenten"]["arnhem"] or all(
        v["taal"] != "ti" for v in report["gemeenten"]["arnhem"]["vertalingen"]
    )
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "#### Vertalingen van de ouderpagina" in markdown
    assert "| ti | verouderd: de Nederlandse tekst is veranderd |" in markdown


def test_validate_groups_many_missing_texts_of_one_file_per_language(tmp_path: Path) -> None:
    """A language whose entry texts are not translated at all: one warning per data file
    (with the count), at the first Dutch text, instead of one per text."""
    from ruamel.yaml import YAML

    root = copy_project(tmp_path)
    fa = root / "content" / "vertalingen" / "fa.yml"
    yaml = YAML()
    tree = yaml.load(fa.read_text(encoding="utf-8"))
    for velden in tree["vermeldingen"].values():
        for veld in ("omschrijving", "doelgroep", "kosten", "bereikbaar"):
            velden.pop(veld, None)
    with fa.open("w", encoding="utf-8") as handle:
        yaml.dump(tree, handle)
    ede = root / "gemeenten" / "ede.yml"
    ede.write_text(ede.read_text(encoding="utf-8").replace("[en, ar, tr, pl, uk]", "[en, fa]"), encoding="utf-8")
    meldingen = [m for m in validate(root).meldingen if m.code == "pagina-vertaling-ontbreekt"]
    assert meldingen
    per_file: dict[str, int] = {}
    for m in meldingen:
        per_file[m.plek.path.name] = per_file.get(m.plek.path.name, 0) + 1
    assert all(count == 1 or count <= 5 for count in per_file.values()), per_file
    grouped = [m for m in meldingen if "teksten uit dit bestand" in m.tekst]
    assert grouped and all("(fa)" in m.tekst and m.plek.line for m in grouped)


def test_a_reviewed_translation_has_no_machine_notice(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    en = root / "content" / "vertalingen" / "en.yml"
    en.write_text(
        en.read_text(encoding="utf-8").replace(
            "machinevertaling: ja\n", "machinevertaling: ja\nnagekeken: {door: Anna de Vries, datum: 2026-11-20}\n", 1
        ),
        encoding="utf-8",
    )
    out = root / "site"
    assert build_site(root, out, flyers=False).out == out
    assert 'class="ww-melding ww-melding--taal"' not in html(out, "ede/en")
    assert 'class="ww-melding ww-melding--taal"' in html(out, "ede/ar")  # still a machine translation
    meldingen = validate(root).meldingen
    assert not [m for m in meldingen if m.code == "vertaling-machine" and "'en'" in m.tekst]
    # a review without a name or date is an error at its place
    en.write_text(en.read_text(encoding="utf-8").replace("door: Anna de Vries, ", ""), encoding="utf-8")
    fout = [m for m in validate(root).meldingen.fouten if m.code == "vertaling-nagekeken-vorm"]
    assert len(fout) == 1 and fout[0].plek.path.name == "en.yml" and fout[0].plek.line


def test_a_new_language_works_without_a_code_change(tmp_path: Path) -> None:
    """Dari (prs: CLDR knows it as Persian of Afghanistan) and Pashto (ps: right to left,
    no interface file in the theme): a translation file and flyer_talen are enough."""
    root = copy_project(tmp_path)
    vertalingen = root / "content" / "vertalingen"
    for code in ("prs", "ps"):
        text = (vertalingen / "fa.yml").read_text(encoding="utf-8").replace("taal: fa", f"taal: {code}", 1)
        (vertalingen / f"{code}.yml").write_text(text, encoding="utf-8")
    ede = root / "gemeenten" / "ede.yml"
    ede.write_text(ede.read_text(encoding="utf-8").replace("[en, ar, tr, pl, uk]", "[prs, ps]"), encoding="utf-8")
    out = root / "site"
    result = build_site(root, out, flyers=False)
    assert result.out == out, [m.format() for m in result.resultaat.meldingen.fouten]
    for code in ("prs", "ps"):
        page = html(out, f"ede/{code}")
        assert attribute(page, "html", "lang") == code and attribute(page, "body", "dir") == "rtl"
        assert script_share(page, code) >= 0.8
        assert html(out, code)  # its page to choose the gemeente


def test_footer_and_skip_link_are_in_the_page_language(shipped: Path) -> None:
    page = html(shipped, "ede/ar")
    footer = re.search(r'<nav class="ww-voet" aria-label="([^"]+)">(.*?)</nav>', page, re.DOTALL)
    assert footer is not None
    assert script_share(f'<div id="inhoud">{footer.group(1)}</div>', "ar") == 1.0
    links = re.findall(r'<a href="[^"]*"(?: hreflang="nl")? lang="([^"]+)">([^<]+)</a>', footer.group(2))
    assert len(links) == 4 and {lang for lang, _ in links} == {"ar"}
    assert all(script_share(f'<div id="inhoud">{text}</div>', "ar") == 1.0 for _, text in links)
    # links to pages that exist only in Dutch say so
    assert footer.group(2).count('hreflang="nl"') == 3
    skip = re.search(r'<a href="#inhoud" class="md-skip" lang="([^"]+)">([^<]+)</a>', page)
    assert skip is not None and skip.group(1) == "ar"


def test_a_font_subset_does_not_depend_on_the_time_it_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same letters give the same bytes, also a second later (fontTools stamps 'now'
    into the font's head table unless told not to): a rebuild must not change the site."""
    import time

    from wegwijzer.site import fonts

    source = fonts.font_dir(REPO) / fonts.FONTS["ETHIOPIC"].bestanden[0][1]
    first = fonts.subset(source, "ሰላም")
    later = time.time() + 86_400 * 400
    monkeypatch.setattr(time, "time", lambda: later)
    assert fonts.subset(source, "ሰላም") == first
