"""The one reader of a built site's HTML: what `wegwijzer check --site` checks, and what the
tests look at (they use this reader, so they see the pages as the product does).

A small parser (the standard library's), no browser: per page its ids, its links (tag,
attribute, value, position, the text and the enclosing ids of an <a>, class and rel), the
event-handler attributes and inline scripts, and the title.
"""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
LINK_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "form": ("action",),
}
EXTERNAL_SCHEMES = ("http:", "https:", "tel:", "mailto:", "data:", "javascript:", "sms:")


@dataclass(frozen=True)
class Link:
    tag: str
    attr: str
    value: str
    line: int
    column: int
    tekst: str = ""  # the text of an <a>
    eigenaars: tuple[str, ...] = ()  # ids and data-ids of the enclosing elements, innermost first
    classes: tuple[str, ...] = ()
    rel: str = ""

    @property
    def url(self) -> str:
        return self.value

    @property
    def text(self) -> str:
        return self.tekst


@dataclass
class Pagina:
    path: Path
    rel: str  # path relative to the site folder, with "/" ('ede/index.html')
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    handlers: list[tuple[str, str]] = field(default_factory=list)  # (tag, on* attribute)
    scripts: list[str] = field(default_factory=list)  # text of inline scripts
    title: str = ""

    @property
    def gemeente_deel(self) -> str:
        return self.rel.split("/", 1)[0] if "/" in self.rel else ""

    @property
    def url(self) -> str:
        """The page's address relative to the site root ('ede/' for 'ede/index.html')."""
        return self.rel.removesuffix("index.html")

    def tel_links(self) -> list[Link]:
        return [link for link in self.links if link.value.lower().startswith("tel:")]


class _Parser(HTMLParser):
    def __init__(self, pagina: Pagina) -> None:
        super().__init__(convert_charrefs=True)
        self.pagina = pagina
        self.stack: list[tuple[str, tuple[str, ...]]] = []
        self.anchor: dict | None = None
        self._script: list[str] | None = None
        self._in_title = False

    def _owners(self) -> tuple[str, ...]:
        result: list[str] = []
        for _tag, names in reversed(self.stack):
            result.extend(names)
        return tuple(result)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: (v or "") for k, v in attrs}
        line, offset = self.getpos()
        for name in values:
            if name.startswith("on"):
                self.pagina.handlers.append((tag, name))
        if values.get("id"):
            self.pagina.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.pagina.ids.add(values["name"])
        names = tuple(
            values[key] for key in ("data-wegwijzer-id", "data-id", "id") if values.get(key)
        )
        classes = tuple(values.get("class", "").split())
        rel = values.get("rel", "")
        for attr in LINK_ATTRS.get(tag, ()):
            value = values.get(attr)
            if value is None or value == "":
                continue
            if attr == "srcset":
                for part in value.split(","):
                    src = part.strip().split(" ")[0]
                    if src:
                        self.pagina.links.append(Link(tag, attr, src, line, offset + 1))
                continue
            if tag == "a":
                self.anchor = {
                    "attr": attr,
                    "value": value,
                    "line": line,
                    "column": offset + 1,
                    "text": [],
                    "owners": names + self._owners(),
                    "classes": classes,
                    "rel": rel,
                }
                continue
            if tag == "link" and "preconnect" in rel.split():
                continue
            self.pagina.links.append(
                Link(tag, attr, value, line, offset + 1, classes=classes, rel=rel)
            )
        if tag == "script" and not values.get("src"):
            self._script = []
        if tag == "title":
            self._in_title = True
        if tag not in VOID:
            self.stack.append((tag, names))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
            self._close_anchor(tag)

    def handle_endtag(self, tag: str) -> None:
        self._close_anchor(tag)
        if tag == "script" and self._script is not None:
            self.pagina.scripts.append("".join(self._script))
            self._script = None
        if tag == "title":
            self._in_title = False
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def _close_anchor(self, tag: str) -> None:
        if tag == "a" and self.anchor is not None:
            a = self.anchor
            text = " ".join("".join(a["text"]).split())
            self.pagina.links.append(
                Link(
                    "a", a["attr"], a["value"], a["line"], a["column"], text, a["owners"],
                    a["classes"], a["rel"],
                )
            )
            self.anchor = None

    def handle_data(self, data: str) -> None:
        if self.anchor is not None:
            self.anchor["text"].append(data)
        if self._script is not None:
            self._script.append(data)
        if self._in_title:
            self.pagina.title += data


def read_page(path: Path, site: Path) -> Pagina:
    """One page of the site in folder `site`."""
    pagina = Pagina(path, path.relative_to(site).as_posix())
    parser = _Parser(pagina)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser._close_anchor("a")
    return pagina


def read_site(site: Path) -> dict[str, Pagina]:
    """Every HTML page of a built site, by its relative path ('ede/index.html')."""
    return {
        path.relative_to(site).as_posix(): read_page(path, site)
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
        base = posixpath.dirname(pagina.rel)
        target = (
            posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if parts.path else pagina.rel
        )
    if target in (".", ""):
        target = ""
    path = site / target
    if path.is_dir() or not target or url.split("#")[0].endswith("/"):
        path = path / "index.html"
    return path, parts.fragment


def broken_links(site: Path, pages: dict[str, Pagina]) -> list[str]:
    """Internal links that lead to no file, or to no element with the #id (a quick answer for
    tests and benchmarks; `wegwijzer check --site` reports the same with file and line)."""
    problems = []
    for key, pagina in pages.items():
        for link in pagina.links:
            if link.rel == "canonical":
                continue  # the published address (site_url), not a link in this folder
            found = resolve(site, pagina, link.value)
            if found is None:
                continue
            path, fragment = found
            if not path.is_file():
                problems.append(f"{key}: {link.value} -> {path.relative_to(site)} bestaat niet")
                continue
            if fragment:
                target = pages.get(path.relative_to(site).as_posix())
                if target is not None and unquote(fragment) not in target.ids:
                    problems.append(f"{key}: {link.value}: geen element met id '{fragment}'")
    return problems


# --- which script a page is written in ------------------------------------------------------

#: The script of each language the site may be written in, as the first word of the Unicode
#: names of its letters; a language not listed is written in Latin letters.
SCHRIFT = {
    "ar": "ARABIC", "fa": "ARABIC", "prs": "ARABIC", "ur": "ARABIC", "ps": "ARABIC", "ckb": "ARABIC",
    "uk": "CYRILLIC", "ru": "CYRILLIC", "bg": "CYRILLIC",
    "ti": "ETHIOPIC", "am": "ETHIOPIC", "he": "HEBREW",
}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _SchriftParser(HTMLParser):
    """Counts the letters of the main text (inside id="inhoud") per script, leaving out
    blocks marked lang="nl" on a page in another language."""

    def __init__(self, taal: str) -> None:
        super().__init__(convert_charrefs=True)
        self.taal = taal
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, lang, main)
        self.letters: dict[str, int] = {}
        self.skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        if tag in _VOID:
            return
        a = dict(attrs)
        parent_lang = self.stack[-1][1] if self.stack else None
        main = (self.stack[-1][2] if self.stack else False) or a.get("id") == "inhoud"
        self.stack.append((tag, a.get("lang", parent_lang), main))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.skip or not self.stack:
            return
        _, lang, main = self.stack[-1]
        if not main or (lang == "nl" and self.taal != "nl"):
            return
        for char in data:
            if char.isalpha():
                script = unicodedata.name(char, "?").split(" ")[0]
                self.letters[script] = self.letters.get(script, 0) + 1


def script_share(html: str, taal: str) -> float:
    """The share of the main text's letters (outside blocks marked lang="nl") that are in the
    script `taal` is written in: 1.0 when all are, 0.0 when there is no such text."""
    parser = _SchriftParser(taal)
    parser.feed(html)
    total = sum(parser.letters.values())
    if not total:
        return 0.0
    return parser.letters.get(SCHRIFT.get(taal, "LATIN"), 0) / total
