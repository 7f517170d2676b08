"""Read a built site's HTML the way the tests and the benchmark look at it.

A small parser (the standard library's), no browser: the links and ids of every page, the
`tel:` links with the text they show, event-handler attributes and inline scripts. It
answers "does every internal link resolve?" without guessing about the theme.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
EXTERNAL_SCHEMES = ("http:", "https:", "tel:", "mailto:", "data:", "javascript:")


@dataclass
class Link:
    tag: str
    url: str
    text: str = ""
    classes: tuple[str, ...] = ()
    rel: str = ""


@dataclass
class Pagina:
    path: Path  # relative to the site folder, such as "ede/index.html"
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    handlers: list[tuple[str, str]] = field(default_factory=list)  # (tag, on* attribute)
    scripts: list[str] = field(default_factory=list)  # text of inline scripts
    title: str = ""

    @property
    def url(self) -> str:
        """The page's address relative to the site root ('ede/' for 'ede/index.html')."""
        text = self.path.as_posix()
        return text.removesuffix("index.html")

    def tel_links(self) -> list[Link]:
        return [link for link in self.links if link.url.startswith("tel:")]


class _Parser(HTMLParser):
    def __init__(self, pagina: Pagina) -> None:
        super().__init__(convert_charrefs=True)
        self.pagina = pagina
        self._open: list[Link] = []
        self._script: list[str] | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in values:
            if name.startswith("on"):
                self.pagina.handlers.append((tag, name))
        for name in ("id", "name"):
            if values.get(name):
                self.pagina.ids.add(values[name])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute):
            link = Link(
                tag, values[attribute], classes=tuple(values.get("class", "").split()),
                rel=values.get("rel", ""),
            )
            self.pagina.links.append(link)
            if tag == "a":
                self._open.append(link)
        if tag == "script" and not values.get("src"):
            self._script = []
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            link = self._open.pop()
            link.text = " ".join(link.text.split())
        if tag == "script" and self._script is not None:
            self.pagina.scripts.append("".join(self._script))
            self._script = None
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        for link in self._open:
            link.text += data
        if self._script is not None:
            self._script.append(data)
        if self._in_title:
            self.pagina.title += data


def read_page(site: Path, path: Path) -> Pagina:
    pagina = Pagina(path.relative_to(site))
    _Parser(pagina).feed(path.read_text(encoding="utf-8"))
    return pagina


def read_site(site: Path) -> dict[str, Pagina]:
    """Every HTML page of a built site, by its relative path ('ede/index.html')."""
    return {
        path.relative_to(site).as_posix(): read_page(site, path)
        for path in sorted(site.rglob("*.html"))
    }


def resolve(site: Path, pagina: Pagina, url: str) -> tuple[Path, str] | None:
    """The file an internal link points at and its fragment; None for external links."""
    if url.lower().startswith(EXTERNAL_SCHEMES) or url.startswith("//"):
        return None
    parts = urlsplit(url)
    if parts.path.startswith("/"):
        target = parts.path.lstrip("/")
    else:
        base = posixpath.dirname(pagina.path.as_posix())
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else pagina.path.as_posix()
    if target in (".", ""):
        target = ""
    path = site / target
    if path.is_dir() or not target or url.split("#")[0].endswith("/"):
        path = path / "index.html"
    return path, parts.fragment


def broken_links(site: Path, pages: dict[str, Pagina]) -> list[str]:
    """Internal links (href/src) that lead to no file, or to no element with the #id."""
    problems = []
    for key, pagina in pages.items():
        for link in pagina.links:
            if link.rel == "canonical":
                continue  # the published address (site_url), not a link in this folder
            found = resolve(site, pagina, link.url)
            if found is None:
                continue
            path, fragment = found
            if not path.is_file():
                problems.append(f"{key}: {link.url} -> {path.relative_to(site)} bestaat niet")
                continue
            if fragment:
                target = pages.get(path.relative_to(site).as_posix())
                if target is not None and unquote(fragment) not in target.ids:
                    problems.append(f"{key}: {link.url}: geen element met id '{fragment}'")
    return problems
