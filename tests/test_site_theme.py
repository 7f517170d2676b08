"""The site's huisstijl layer: the public CSS custom properties `--wegwijzer-*` that a gemeente
maps its NL Design System theme onto (src/wegwijzer/site/assets/wegwijzer.css), their
documentation in README.md, and in a real browser: the site looks as before without a theme,
and follows a theme when one is set.

Both lists of properties are read from the files themselves: the layer in the CSS and the
table in the README section "Huisstijl van je gemeente: NL Design System".
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from conftest import FIXTURES, REPO, write

from wegwijzer.site.browser import CHROMIUM, PHONE, Server, chromium, serve
from wegwijzer.site.build import build_site

T = TypeVar("T")

CSS = REPO / "src" / "wegwijzer" / "site" / "assets" / "wegwijzer.css"
README = REPO / "README.md"
SECTION = "## Huisstijl van je gemeente: NL Design System"
# The defaults have specificity 0, so a gemeente's `:root { ... }` wins even though the plugin
# loads wegwijzer.css after the stylesheets of `extra_css`.
LAYER = ":where(:root)"
PUBLIC = re.compile(r"--wegwijzer-[a-z0-9-]+")
FALLBACK = re.compile(r"var\(\s*(?P<token>--[a-z0-9-]+)\s*,\s*(?P<fallback>.*\S)\s*\)", re.DOTALL)
ROW = re.compile(  # | `property` | what for | `token` (note) | `default` |
    r"^\|\s*`(--wegwijzer-[a-z0-9-]+)`\s*\|[^|]*\|\s*`(--[a-z0-9-]+)`[^|]*\|\s*`([^`]*)`\s*\|\s*$"
)


# --- reading the CSS and the README -------------------------------------------------------------


def _split(body: str) -> list[str]:
    """Declarations of a block: split on ';' outside parentheses and quotes (data URIs)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(body):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [part.strip() for part in parts if part.strip()]


def css_rules() -> list[tuple[str, list[tuple[str, str]]]]:
    """(selector, [(property, value)]) of every innermost block of the stylesheet."""
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.DOTALL)
    rules = []
    for match in re.finditer(r"([^{}]+)\{([^{}]*)\}", text):
        selector = " ".join(match.group(1).split())
        declarations = []
        for declaration in _split(match.group(2)):
            name, _, value = declaration.partition(":")
            declarations.append((name.strip(), " ".join(value.split())))
        rules.append((selector, declarations))
    return rules


def css_layer() -> dict[str, str]:
    """The public layer: property -> value, as declared in the one LAYER block."""
    blocks = [declarations for selector, declarations in css_rules() if selector == LAYER]
    assert len(blocks) == 1, f"wegwijzer.css moet precies één {LAYER}-blok hebben"
    layer = dict(blocks[0])
    assert len(layer) == len(blocks[0]), "een eigenschap staat twee keer in de laag"
    return layer


def readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    assert text.count(SECTION) == 1, f"README.md mist de sectie {SECTION!r}"
    section = text.split(SECTION, 1)[1]
    return section.split("\n## ", 1)[0]


def readme_table() -> list[tuple[str, str, str]]:
    """(property, NL Design System token, default) per row of the README table."""
    rows = []
    for line in readme_section().splitlines():
        if line.startswith("| `--wegwijzer-"):
            match = ROW.match(line)
            assert match, f"README.md: rij niet te lezen: {line}"
            rows.append(match.groups())
    return rows


# --- (a) the layer: every documented property, each with a fallback ----------------------------


def test_every_documented_property_is_declared_in_root_with_a_fallback() -> None:
    layer = css_layer()
    documented = [name for name, _, _ in readme_table()]
    assert documented, "README.md noemt geen eigenschappen"
    assert [name for name in documented if name not in layer] == []
    for name, value in layer.items():
        assert PUBLIC.fullmatch(name), name
        match = FALLBACK.fullmatch(value)
        assert match, f"{name}: {value!r} is geen var(--token, terugval)"
        assert match["token"].startswith(("--basis-", "--utrecht-")), f"{name}: {match['token']}"
        fallback = match["fallback"]
        assert fallback and "var(--basis-" not in fallback, f"{name}: {fallback!r}"
        # a fallback may point to another property of the layer, never to something undefined
        for inner in re.findall(r"var\(\s*(--[a-z0-9-]+)\s*\)", fallback):
            assert inner in layer and inner != name, f"{name}: {inner}"


def test_the_layer_is_the_only_source_of_colours_for_material_and_our_variables() -> None:
    layer = css_layer()
    rules = css_rules()
    declared_outside = [
        (selector, name) for selector, declarations in rules if selector != LAYER
        for name, _ in declarations if PUBLIC.fullmatch(name)
    ]
    assert declared_outside == []
    used = set(PUBLIC.findall(CSS.read_text(encoding="utf-8")))
    assert used - set(layer) == set()  # no typos: every property used is declared
    # Material's variables that we set derive from the layer (a literal may stay as the value
    # for browsers without color-mix(), as long as another declaration derives it)
    material: dict[str, list[str]] = {}
    for _, declarations in rules:
        for name, value in declarations:
            if name.startswith("--md-"):
                material.setdefault(name, []).append(value)
    assert "--md-primary-fg-color" in material
    underived = {n for n, vs in material.items() if not any("var(--wegwijzer-" in v for v in vs)}
    assert underived == set()
    # our own --ww-* variables are icons only: colours, type and spacing come from the layer
    ours = {name for _, declarations in rules for name, _ in declarations if name[:5] == "--ww-"}
    assert {name for name in ours if not name.startswith("--ww-icoon")} == set()


# --- (b) the README lists exactly the properties of the CSS --------------------------------------


def test_readme_lists_exactly_the_properties_the_css_declares() -> None:
    layer = css_layer()
    table = readme_table()
    names = [name for name, _, _ in table]
    assert len(names) == len(set(names)), "README.md noemt een eigenschap twee keer"
    assert set(names) == set(layer)
    # the token and the default in the table are the ones in the CSS
    for name, token, default in table:
        match = FALLBACK.fullmatch(layer[name])
        assert match and (token, default) == (match["token"], match["fallback"]), name
    # the example and the notes name no property that does not exist
    assert set(PUBLIC.findall(readme_section())) <= set(layer)


def test_readme_shows_how_to_add_a_theme_with_extra_css() -> None:
    section = readme_section()
    assert "extra_css:" in section and "```css" in section and ":root {" in section


# --- (c) in the browser -------------------------------------------------------------------------

# Read from the built site before the --wegwijzer-* layer existed (phone, 360 px): with no
# theme, the computed values must stay exactly these.
NO_THEME: dict[str, dict[str, dict[str, str]]] = {
    "aadorp/": {
        ".md-header": {"background-color": "rgb(11, 79, 108)", "color": "rgb(255, 255, 255)"},
        "body": {"background-color": "rgb(255, 255, 255)", "color": "rgba(0, 0, 0, 0.87)"},
        ".md-typeset": {
            "color": "rgba(0, 0, 0, 0.87)", "font-size": "18px", "line-height": "28.8px",
        },
        ".md-typeset h1": {
            "color": "rgb(27, 38, 44)", "font-weight": "700", "margin-bottom": "21.6px",
        },
        ".ww-lead": {"color": "rgb(27, 38, 44)", "font-size": "19.8px"},
        ".ww-meta": {"color": "rgb(63, 75, 83)"},
        ".ww-kruimel a": {"color": "rgb(11, 79, 108)"},
        "a.ww-knop--bel": {
            "background-color": "rgb(11, 79, 108)", "color": "rgb(255, 255, 255)",
            "border-top-color": "rgb(11, 79, 108)", "border-top-left-radius": "6px",
            "min-height": "48px", "padding-top": "7px", "padding-left": "18px",
            "font-weight": "700",
        },
        "a.ww-knop--web": {
            "background-color": "rgb(255, 255, 255)", "color": "rgb(11, 79, 108)",
            "border-top-color": "rgb(11, 79, 108)",
        },
        "a.ww-knop--spoed": {
            "background-color": "rgb(164, 0, 29)", "color": "rgb(255, 255, 255)",
            "border-top-color": "rgb(164, 0, 29)",
        },
        ".ww-knop--uit": {"color": "rgb(27, 38, 44)", "border-top-color": "rgb(107, 119, 128)"},
        ".ww-spoed": {
            "background-color": "rgb(255, 244, 245)", "border-top-color": "rgb(164, 0, 29)",
            "border-top-left-radius": "8px", "padding-top": "12px", "padding-left": "18px",
            "margin-top": "20px", "margin-bottom": "28px",
        },
        ".ww-spoed__titel": {"color": "rgb(110, 0, 19)"},
        ".ww-kaart": {
            "background-color": "rgb(255, 255, 255)", "border-left-color": "rgb(11, 79, 108)",
            "border-top-color": "rgb(183, 196, 204)", "border-top-left-radius": "6px",
            "margin-top": "20px", "padding-top": "16px", "padding-left": "20px",
        },
        ".ww-kaart--onzeker": {"border-left-color": "rgb(138, 70, 0)"},
        ".ww-kaart__titel": {"color": "rgb(27, 38, 44)"},
        ".ww-onzeker": {
            "background-color": "rgb(255, 244, 229)", "border-left-color": "rgb(138, 70, 0)",
            "color": "rgb(61, 32, 0)",
        },
        ".ww-feiten > div": {"border-top-color": "rgb(221, 228, 232)"},
        ".ww-gecontroleerd": {"color": "rgb(63, 75, 83)"},
        ".ww-opdezepagina": {"background-color": "rgb(242, 246, 248)", "padding-top": "10px"},
        ".ww-acties": {"column-gap": "10px", "margin-top": "16px"},
    },
    "": {
        "a.ww-gemeente": {
            "color": "rgb(11, 79, 108)", "border-top-color": "rgb(183, 196, 204)",
            "min-height": "48px",
        },
        ".ww-gemeente__plaatsen": {"color": "rgb(63, 75, 83)"},
        ".ww-zoeker__invoer": {
            "color": "rgb(27, 38, 44)", "border-top-color": "rgb(78, 93, 102)",
            "background-color": "rgb(255, 255, 255)",
        },
    },
}
FOCUS = {"outline-color": "rgb(255, 191, 71)", "box-shadow": "rgb(27, 38, 44) 0px 0px 0px 5px"}
# Material's own stack started with a placeholder family "_" (no webfont); the layer leaves it
# out. Chromium renders the same font: the pages are pixel-identical.
SYSTEM_FONTS = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
NO_TRANSITIONS = "*, ::before, ::after { transition: none !important; }"  # read final colours

PROBE = """(probes) => Object.fromEntries(Object.entries(probes).map(([selector, properties]) => {
    const element = document.querySelector(selector);
    if (!element) return [selector, null];
    const style = getComputedStyle(element);
    return [selector, Object.fromEntries(properties.map(p => [p, style.getPropertyValue(p)]))];
}))"""

THEME = """/* a gemeente's huisstijl: NL Design System basis tokens on :root, and one of our own */
:root {
  --basis-color-accent-1-inverse-bg-default: rgb(120, 0, 60);
  --basis-color-accent-1-inverse-color-default: rgb(255, 255, 240);
  --basis-color-action-1-color-default: rgb(0, 90, 40);
  --basis-heading-font-family: Georgia, serif;
  --basis-border-radius-md: 0px;
  --basis-space-row-lg: 12px;
  --wegwijzer-color-spoed: rgb(150, 0, 0);
}
"""


def probe(page: Any, expected: dict[str, dict[str, str]]) -> dict[str, dict[str, str] | None]:
    return page.evaluate(PROBE, {selector: list(values) for selector, values in expected.items()})


def _build(tmp: Path, theme: str | None = None) -> Path:
    root = tmp / "root"
    shutil.copytree(FIXTURES / "site", root)
    shutil.copytree(REPO / "docs", root / "docs")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if theme is not None:
        assert "extra_css" not in config
        write(root / "docs" / "stylesheets" / "huisstijl.css", theme)
        config += "\nextra_css:\n  - stylesheets/huisstijl.css\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_site(root, flyers=False)
    assert result.out is not None, [m.format() for m in result.resultaat.meldingen.fouten]
    return result.out


def in_chromium(work: Callable[[Any], T]) -> T:
    """`work(browser)` with a Chromium of its own, on a thread of its own: Playwright's sync API
    allows one instance per thread, and test_site_browser.py keeps its browser open on the main
    thread for the whole session. Exceptions reach the caller."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: draai 'bash scripts/setup-system.sh'")

    def job() -> T:
        with chromium() as browser:
            return work(browser)

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(job).result()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(_build(tmp_path_factory.mktemp("theme-plain"))) as server:
        yield server


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    site = _build(tmp_path_factory.mktemp("theme-gemeente"), THEME)
    with serve(site) as server:
        yield server, site


def open_page(browser: Any, url: str) -> tuple[Any, Any]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page


@pytest.mark.slow
def test_without_a_theme_the_site_looks_as_before(plain: Server) -> None:
    fonts_probe = {"body": {"font-family": ""}, ".md-typeset h1": {"font-family": ""}}

    def look(browser: Any) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for path, expected in NO_THEME.items():
            context, page = open_page(browser, plain.url + path)
            seen[path] = probe(page, expected)
            fonts = probe(page, fonts_probe)
            seen[path + " fonts"] = {values["font-family"] for values in fonts.values() if values}
            seen[path + " webfonts"] = page.evaluate("document.fonts.size")
            if path == "aadorp/":
                page.locator("a.ww-knop--bel").first.focus()
                page.keyboard.press("Shift+Tab")
                page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
                seen["focus"] = page.evaluate(
                    "(() => { const s = getComputedStyle(document.activeElement);"
                    " return {'outline-color': s.outlineColor, 'box-shadow': s.boxShadow}; })()"
                )
            context.close()
        return seen

    seen = in_chromium(look)
    for path, expected in NO_THEME.items():
        assert seen[path] == expected, path
        assert seen[path + " fonts"] == {SYSTEM_FONTS}, path
        assert seen[path + " webfonts"] == 0, path  # system fonts only: no @font-face
    assert seen["focus"] == FOCUS


@pytest.mark.slow
def test_the_primary_colour_recolours_header_buttons_and_links(plain: Server) -> None:
    def look(browser: Any) -> dict[str, Any]:
        context, page = open_page(browser, plain.url + "aadorp/")
        theme = ":root { --wegwijzer-color-primary: rgb(1, 2, 3); }\n"
        page.add_style_tag(content=theme + NO_TRANSITIONS)
        seen = probe(page, {
            ".md-header": {"background-color": "", "color": ""},
            "a.ww-knop--bel": {"background-color": "", "color": ""},
            "a.ww-knop--web": {"color": "", "border-top-color": ""},
            ".ww-kaart": {"border-left-color": ""},
            ".ww-kruimel a": {"color": ""},
            "a.ww-knop--spoed": {"background-color": ""},
            ".md-typeset": {"color": ""},
        })
        context.close()
        return seen

    seen = in_chromium(look)
    primary = "rgb(1, 2, 3)"
    assert seen[".md-header"] == {"background-color": primary, "color": "rgb(255, 255, 255)"}
    assert seen["a.ww-knop--bel"] == {"background-color": primary, "color": "rgb(255, 255, 255)"}
    assert seen["a.ww-knop--web"] == {"color": primary, "border-top-color": primary}
    assert seen[".ww-kaart"] == {"border-left-color": primary}
    assert seen[".ww-kruimel a"] == {"color": primary}  # links follow the primary colour
    # what is not the primary colour stays as it was
    assert seen["a.ww-knop--spoed"] == {"background-color": "rgb(164, 0, 29)"}
    assert seen[".md-typeset"] == {"color": "rgba(0, 0, 0, 0.87)"}


@pytest.mark.slow
def test_a_gemeente_theme_in_extra_css_wins_over_the_defaults(themed: tuple[Server, Path]) -> None:
    server, site = themed
    html = (site / "aadorp" / "index.html").read_text(encoding="utf-8")
    # the theme is loaded first: it wins by its :root against our :where(:root), not by order
    assert html.index("stylesheets/huisstijl.css") < html.index("assets/wegwijzer/wegwijzer.css")

    def look(browser: Any) -> dict[str, Any]:
        context, page = open_page(browser, server.url + "aadorp/")
        page.add_style_tag(content=NO_TRANSITIONS)
        seen = probe(page, {
            ".md-header": {"background-color": "", "color": ""},
            "a.ww-knop--bel": {"background-color": "", "color": "", "border-top-left-radius": ""},
            ".ww-kruimel a": {"color": ""},
            ".md-typeset h1": {"font-family": ""},
            ".md-typeset": {"font-family": ""},
            ".ww-kaart": {"margin-top": ""},
            "a.ww-knop--spoed": {"background-color": ""},
        })
        context.close()
        return seen

    seen = in_chromium(look)
    primary, contrast = "rgb(120, 0, 60)", "rgb(255, 255, 240)"
    assert seen[".md-header"] == {"background-color": primary, "color": contrast}
    assert seen["a.ww-knop--bel"] == {
        "background-color": primary, "color": contrast, "border-top-left-radius": "0px",
    }
    assert seen[".ww-kruimel a"] == {"color": "rgb(0, 90, 40)"}
    assert seen[".md-typeset h1"] == {"font-family": "Georgia, serif"}
    assert seen[".md-typeset"] == {"font-family": SYSTEM_FONTS}  # not themed: stays
    assert seen[".ww-kaart"] == {"margin-top": "12px"}
    assert seen["a.ww-knop--spoed"] == {"background-color": "rgb(150, 0, 0)"}
