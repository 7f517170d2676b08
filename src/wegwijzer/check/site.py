"""Checks on the built site (``--site DIR``), offline: what a parent would stumble on.

- every internal link (``href``/``src`` of pages, styles, scripts, images, flyers) leads to
  a file of the site, and every ``#anker`` to an element with that ``id`` (or ``name``);
- every ``tel:`` link is a valid number that dials from a Dutch phone (E.164, or a Dutch short
  number such as 112 or 14 026), written the way the data writes it, shows the number it
  dials, and is a number of the data; on a card of an entry (an element whose ``id`` or
  ``data-id`` names the entry, as ``id="contact-cjg-ede"``) it is a number of *that* entry in
  *that* gemeente, so one organisation never shows two numbers without a reason in the data;
- every ``mailto:`` is a valid address of the data; every ``wa.me`` link a WhatsApp number of
  the data;
- the flyers in the site (``<site>/<gemeente>/*.pdf``, text read with pypdf when installed)
  show only numbers of that gemeente's data, and the numbers the gemeentepagina shows.

External links are collected for the online check (`wegwijzer.check.fetch`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import io
import json
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import phonenumbers

from wegwijzer import files
from wegwijzer.read import links, phones
from wegwijzer.check.html import LINK_ATTRS, VOID, Link, Pagina, read_page  # noqa: F401
from wegwijzer.check.numbers import Gevonden, NummerIndex, find_numbers, parse_number
from wegwijzer.check.urls import Gebruik
from wegwijzer.diagnostics import Meldingen, Plek
from wegwijzer.read.phones import Telefoon, TelefoonFout

_TEL_ALLOWED = re.compile(r"^\+?[0-9]+$")
_RFC3966_SEPARATORS = re.compile(r"[-.()]")
_HIER = "<deze pagina>"  # _target: the link leads to the page it is on
_BUITEN = "<buiten de site>"  # _target: the link leads outside the site
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")
_WA_ME = re.compile(r"^https?://(?:api\.)?wa\.me/(\+?\d+)/?(?:\?.*)?$", re.IGNORECASE)


@dataclass
class SiteResultaat:
    paginas: int = 0
    interne_links: int = 0
    tel_links: int = 0
    mail_links: int = 0
    flyers: int = 0
    flyer_nummers: int = 0
    # how the work was done, for tests and benchmarks: flyer texts read from the PDF or taken
    # from the cache of an earlier run, and whether worker processes read pages / flyers
    flyer_teksten_gelezen: int = 0
    flyer_teksten_uit_cache: int = 0
    paginas_parallel: bool = False
    flyers_parallel: bool = False
    externe: list[Gebruik] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)  # notes on what was not checked
    # entry id -> {tel shown} over all pages, for the summary
    getoond: dict[str, set[str]] = field(default_factory=dict)


class SiteCheck:
    def __init__(
        self,
        site: Path,
        index: NummerIndex,
        gemeenten: set[str],
        meldingen: Meldingen,
        site_url: str | None = None,
        tekst_cache: Path | None = None,
    ) -> None:
        self.site = site.resolve()
        self.index = index
        # the text of each flyer of the last run, by the digest of its PDF (None: no cache)
        self.tekst_cache = tekst_cache
        self._texts: dict[str, str] = {}
        self._reader_name: str | None = None
        self.gemeenten = gemeenten
        self.meldingen = meldingen
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.prefix = urlsplit(self.site_url).path if self.site_url else "/"
        self.result = SiteResultaat()
        self._known = index.entry_ids
        self._owners: dict[str, str | None] = {}
        self._html: set[str] = set()  # every page of the site (relative path)
        self._ids: dict[str, set[str]] = {}  # page read so far -> its anchors
        # page not read yet -> links to an anchor on it: (place, link, anchor)
        self._waiting: dict[str, list[tuple[Plek, str, str]]] = {}
        self._belknoppen: dict[str, set[str]] = {}  # gemeente -> tel of its page's tel: links
        # (folder of a page, link) -> (target, anchor); see _target
        self._targets: dict[tuple[str, str], tuple[str | None, str]] = {}
        self._resolved: dict[tuple[str, bool], str | None] = {}  # (path, is a folder) -> file
        self._tel_checks: dict[str, tuple[list[tuple[bool, str]], Telefoon | None]] = {}
        self._text_checks: dict[tuple[str, str], str | None] = {}
        self._per_gemeente: dict[str, dict[str, Telefoon]] = {}  # gemeente -> its numbers
        self._wat = ""
        self._page_gemeenten: frozenset[str] = frozenset()

    def run(self) -> SiteResultaat:
        """Read one page at a time and keep only what later checks need: the anchors of each
        page, the phone numbers of each gemeentepagina, and the links to anchors on pages not
        read yet. Memory then grows with the anchors of the site, not with its HTML."""
        paths = sorted(self.site.rglob("*.html"))
        self._html = {path.relative_to(self.site).as_posix() for path in paths}
        pdfs = self._flyer_paths()
        reader = self._reader_name = _pdf_reader_name() if pdfs else None
        if pdfs and reader is None:
            self.result.opmerkingen.append(
                f"{len(pdfs)} flyers niet vergeleken met de site: pypdfium2 en pypdf zijn niet "
                "geïnstalleerd"
            )
        if reader and self.tekst_cache is not None:
            self._texts = self._load_texts(reader)
        with _few_collections():
            werk = _Werk(
                self.site, paths, pdfs if reader else [], reader, frozenset(self.index.waar),
                self._texts,
            )  # fmt: skip
            self.result.paginas_parallel = werk.page_results is not None
            self.result.flyers_parallel = werk.flyer_results is not None
            try:
                self._pages(werk.pages())
                self._flyers(werk.flyers())
            finally:
                werk.close()
        return self.result

    def _pages(self, paginas: Iterable[Pagina]) -> None:
        for pagina in paginas:
            self.result.paginas += 1
            self._ids[pagina.rel] = pagina.ids
            self._page_context(pagina)
            for link in pagina.links:
                self._link(pagina, link)
            self._anchors_waiting(pagina)
            slug, _, rest = pagina.rel.partition("/")
            if rest == "index.html" and slug in self.gemeenten:
                self._belknoppen[slug] = {
                    tel
                    for link in pagina.links
                    if link.value.lower().startswith("tel:")
                    for tel in [_tel_of(link.value[4:])]
                    if tel
                }

    def _page_context(self, pagina: Pagina) -> None:
        """What every external link of this page shares (one object each, not one per link)."""
        gemeente = self._gemeente(pagina)
        self._wat = f"pagina {pagina.rel}"
        self._page_gemeenten = frozenset({gemeente}) if gemeente else frozenset()

    def _anchors_waiting(self, pagina: Pagina) -> None:
        for plek, value, fragment in self._waiting.pop(pagina.rel, ()):
            if fragment not in pagina.ids:
                self._anchor_missing(plek, value, fragment, pagina.rel)

    def _anchor_missing(self, plek: Plek, value: str, fragment: str, where: str) -> None:
        self.meldingen.fout(plek, f"link '{value}': anker '#{fragment}' bestaat niet op {where}", code="link-anker-ontbreekt")

    # -- per link --

    def _plek(self, pagina: Pagina, link: Link) -> Plek:
        return Plek(pagina.path, link.line, link.column)

    def _gemeente(self, pagina: Pagina) -> str | None:
        part = pagina.gemeente_deel
        return part if part in self.gemeenten else None

    def _link(self, pagina: Pagina, link: Link) -> None:
        value = link.value.strip()
        lowered = value.lower()
        if lowered.startswith("tel:"):
            self.result.tel_links += 1
            self._tel(pagina, link, value[4:])
        elif lowered.startswith("mailto:"):
            self.result.mail_links += 1
            self._mailto(pagina, link, value[7:])
        elif lowered.startswith(("javascript:", "data:", "vbscript:")):
            if lowered.startswith("data:") and link.tag in ("img", "source"):
                return
            self.meldingen.fout(
                self._plek(pagina, link),
                f"link '{value[:60]}' in {link.tag}: '{lowered.split(':')[0]}:'-links horen niet "
                "op de site",
                code="link-soort-verboden",
            )
        elif self.site_url and (value.startswith(self.site_url) or value + "/" == self.site_url):
            self._internal(pagina, link, value[len(self.site_url) - 1 :] or "/", absolute=True)
        elif lowered.startswith(("http://", "https://", "//")):
            url = "https:" + value if value.startswith("//") else value
            match = _WA_ME.match(url)
            if match:
                self._whatsapp(pagina, link, match.group(1))
            if link.tag == "form":
                return
            self.result.externe.append(
                Gebruik(
                    url=url,
                    plek=self._plek(pagina, link),
                    veld=link.attr,
                    wat=self._wat,
                    gemeenten=self._page_gemeenten,
                    op_site=True,
                )
            )
        elif _SCHEME.match(lowered):
            return  # another scheme (sms:, whatsapp:, ...): not ours to judge
        else:
            self._internal(pagina, link, value, absolute=False)

    # -- internal links and anchors --

    def _internal(self, pagina: Pagina, link: Link, value: str, absolute: bool) -> None:
        if link.tag == "form" and value in ("", "#"):
            return
        self.result.interne_links += 1
        base = posixpath.dirname(pagina.rel)
        key = (base, value)
        if key not in self._targets:
            self._targets[key] = self._target(base, value)
        target_rel, fragment = self._targets[key]
        if target_rel is _BUITEN:
            self.meldingen.fout(
                self._plek(pagina, link), f"interne link '{value}' wijst buiten de site",
                code="link-buiten-site",
            )
            return
        if target_rel is None:
            self.meldingen.fout(
                self._plek(pagina, link),
                f"interne link '{value}' op {pagina.rel} wijst naar een pagina of bestand "
                "dat niet bestaat",
                code="link-intern-kapot",
            )
            return
        if target_rel is _HIER:
            target_rel = pagina.rel
        if not fragment:
            return
        if target_rel == pagina.rel:
            if fragment not in pagina.ids:
                self._anchor_missing(self._plek(pagina, link), value, fragment, "deze pagina")
        elif target_rel in self._ids:
            if fragment not in self._ids[target_rel]:
                self._anchor_missing(self._plek(pagina, link), value, fragment, target_rel)
        elif target_rel in self._html:  # checked when that page is read
            self._waiting.setdefault(target_rel, []).append(
                (self._plek(pagina, link), value, fragment)
            )

    def _target(self, base: str, value: str) -> tuple[str | None, str]:
        """Where a link from a page in folder `base` leads: the page or file (relative to the
        site; _HIER for the page itself, _BUITEN outside the site, None for nothing) and the
        anchor. The same for every page in that folder, so worked out once."""
        parts = urlsplit(value)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return _HIER, fragment
        if path.startswith("/"):
            if self.prefix != "/" and path.startswith(self.prefix):
                path = "/" + path[len(self.prefix) :]
            joined = posixpath.normpath(path.lstrip("/") or ".")
        else:
            joined = posixpath.normpath(posixpath.join(base, path))
        if joined.startswith(("..", "/")):
            return _BUITEN, fragment
        key = (joined, path.endswith("/"))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(*key)
        return self._resolved[key], fragment

    def _resolve(self, joined: str, is_dir: bool) -> str | None:
        candidate = self.site / joined if joined != "." else self.site
        if candidate.is_dir():
            index = candidate / "index.html"
            return index.relative_to(self.site).as_posix() if index.is_file() else None
        if is_dir:
            return None
        if candidate.is_file():
            return candidate.relative_to(self.site).as_posix()
        html = candidate.with_name(candidate.name + ".html")
        if html.is_file():
            return html.relative_to(self.site).as_posix()
        return None

    # -- tel:, mailto:, wa.me --

    def _tel(self, pagina: Pagina, link: Link, raw: str) -> None:
        if raw not in self._tel_checks:
            self._tel_checks[raw] = _tel_findings(raw)
        findings, number = self._tel_checks[raw]
        plek = self._plek(pagina, link)
        for fout, tekst, code in findings:
            if fout:
                self.meldingen.fout(plek, tekst, code=code)
            else:
                self.meldingen.waarschuwing(plek, tekst, code=code)
        if number is None:
            return
        shown = f"'tel:{raw}'"
        self._text_matches(plek, shown, link.tekst, number.tel)
        self._number_of_data(pagina, link, plek, number.tel, number.weergave, shown)

    def _text_matches(self, plek: Plek, shown: str, tekst: str, tel: str) -> None:
        key = (tekst, tel)
        if key not in self._text_checks:
            found = find_numbers(tekst, {tel})
            wrong = found and not any(f.telefoon.tel == tel for f in found)
            self._text_checks[key] = found[0].telefoon.weergave if wrong else None
        other = self._text_checks[key]
        if other is not None:
            self.meldingen.fout(
                plek,
                f"tel-link {shown} toont {other} maar belt een ander nummer; ouders bellen dan "
                "het verkeerde nummer",
                code="tel-tekst-anders",
            )

    def _number_of_data(
        self, pagina: Pagina, link: Link, plek: Plek, tel: str, weergave: str, shown: str
    ) -> None:
        if not self.index.known(tel):
            self.meldingen.fout(
                plek,
                f"tel-link {shown}: {weergave} staat niet in de gegevens (een oud nummer, of "
                "een nummer dat niet uit de YAML komt); bouw de site opnieuw of pas de YAML aan",
                code="tel-onbekend",
            )
            return
        entry_id = self._owner(link)
        if entry_id is None:
            return
        self.result.getoond.setdefault(entry_id, set()).add(tel)
        gemeente = self._gemeente(pagina)
        if not self.index.belbaar(entry_id, gemeente):
            self.meldingen.fout(
                plek,
                f"tel-link {shown}: '{self.index.namen.get(entry_id, entry_id)}' ({entry_id}) is "
                "niet gecontroleerd, en dan is het nummer geen belknop; bouw de site opnieuw",
                code="tel-niet-gecontroleerd",
            )
        allowed = self.index.allowed(entry_id, gemeente)
        if allowed is None or tel in allowed:
            return
        naam = self.index.namen.get(entry_id, entry_id)
        waar = f"in {gemeente}" if gemeente else "in de gegevens"
        expected = ", ".join(sorted(n.weergave for n in allowed.values())) or "geen nummer"
        self.meldingen.fout(
            plek,
            f"tel-link {shown}: bij '{naam}' ({entry_id}) staat hier {weergave}, maar {waar} "
            f"heeft die {expected}; één organisatie hoort overal hetzelfde nummer te tonen",
            code="tel-nummer-anders",
        )

    def _owner(self, link: Link) -> str | None:
        """The entry whose card holds the link: the innermost id naming a known entry, as
        itself or with a prefix ("contact-cjg-ede" names the entry "cjg-ede")."""
        for name in link.eigenaars:
            if name not in self._owners:
                self._owners[name] = self._entry_named(name)
            if self._owners[name] is not None:
                return self._owners[name]
        return None

    def _entry_named(self, name: str) -> str | None:
        if name in self._known:
            return name
        parts = name.split("-")
        for start in range(1, len(parts)):
            candidate = "-".join(parts[start:])
            if candidate in self._known:
                return candidate
        return None

    def _mailto(self, pagina: Pagina, link: Link, raw: str) -> None:
        plek = self._plek(pagina, link)
        address = unquote(raw.split("?", 1)[0]).strip()
        try:
            normalized = links.parse_email(address)
        except links.LinkFout as exc:
            self.meldingen.fout(plek, f"mailto-link 'mailto:{raw}': {exc}", code="mailto-ongeldig")
            return
        if normalized.lower() not in self.index.emails and address.lower() not in self.index.emails:
            self.meldingen.fout(
                plek,
                f"mailto-link: {address} staat niet in de gegevens; bouw de site opnieuw of pas "
                "de YAML aan",
                code="mailto-onbekend",
            )

    def _whatsapp(self, pagina: Pagina, link: Link, digits: str) -> None:
        plek = self._plek(pagina, link)
        try:
            number = phones.parse("+" + digits.lstrip("+"))
        except TelefoonFout as exc:
            self.meldingen.fout(plek, f"WhatsApp-link '{link.value}': {exc}", code="whatsapp-ongeldig")
            return
        if not self.index.known(number.tel):
            self.meldingen.fout(
                plek,
                f"WhatsApp-link '{link.value}': {number.weergave} staat niet in de gegevens",
                code="whatsapp-onbekend",
            )

    # -- flyers --

    def _flyer_paths(self) -> list[Path]:
        return [
            p for slug in sorted(self.gemeenten) for p in sorted((self.site / slug).glob("*.pdf"))
        ]

    def _flyers(self, scans: Iterable[_Scan]) -> None:
        texts: dict[str, str] = {}
        for scan in scans:
            if scan.fout is not None:
                self.meldingen.fout(Plek(scan.pdf), f"flyer is geen leesbare PDF ({scan.fout})", code="flyer-pdf-onleesbaar")
                continue
            assert scan.gevonden is not None and scan.digest is not None
            texts[scan.digest] = scan.tekst if scan.tekst is not None else self._texts[scan.digest]
            if scan.tekst is not None:
                self.result.flyer_teksten_gelezen += 1
            else:
                self.result.flyer_teksten_uit_cache += 1
            self.result.flyers += 1
            self._flyer_numbers(scan.pdf, scan.pdf.parent.name, scan.gevonden)
        if self.tekst_cache is not None and texts.keys() != self._texts.keys():
            self._save_texts(texts)

    def _load_texts(self, reader: str) -> dict[str, str]:
        """The flyer texts of the last run; a damaged or unreadable cache is ignored (and
        rewritten), never an error."""
        assert self.tekst_cache is not None
        try:
            data = json.loads(self.tekst_cache.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            self.result.opmerkingen.append(
                f"cache '{self.tekst_cache}' is onleesbaar en wordt opnieuw gemaakt ({exc})"
            )
            return {}
        if (
            not isinstance(data, dict)
            or data.get("versie") != TEKST_CACHE_VERSIE
            or data.get("lezer") != reader
            or not isinstance(data.get("teksten"), dict)
        ):
            return {}
        return {k: v for k, v in data["teksten"].items() if isinstance(v, str)}

    def _save_texts(self, texts: dict[str, str]) -> None:
        assert self.tekst_cache is not None
        path = self.tekst_cache
        text = json.dumps(
            {"versie": TEKST_CACHE_VERSIE, "lezer": self._reader_name, "teksten": texts},
            ensure_ascii=False,
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ignore = path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            files.write_atomic(path, (text + "\n").encode("utf-8"))
        except OSError as exc:
            self.result.opmerkingen.append(
                f"cache '{path}' kan niet worden geschreven ({exc.strerror})"
            )

    def _flyer_numbers(self, pdf: Path, slug: str, numbers: list[Gevonden]) -> None:
        if slug not in self._per_gemeente:
            self._per_gemeente[slug] = self.index.of_gemeente(slug)
        data = self._per_gemeente[slug]
        on_page = self._belknoppen.get(slug)  # None: the gemeente has no page
        for found in numbers:
            tel = found.telefoon.tel
            self.result.flyer_nummers += 1
            if tel not in data:
                if found.kort and not self.index.known(tel):
                    continue  # "144" on a flyer may be a page number; only trust known ones
                self.meldingen.fout(
                    Plek(pdf),
                    f"flyer toont {found.telefoon.weergave}, maar dat nummer staat niet in de "
                    f"gegevens van gemeente {slug}; maak de flyer opnieuw (wegwijzer build)",
                    code="flyer-nummer-onbekend",
                )
            elif not self.index.drukbaar(tel, slug):
                self.meldingen.fout(
                    Plek(pdf),
                    f"flyer toont {found.telefoon.weergave}, maar dat nummer hoort bij een "
                    f"vermelding van gemeente {slug} die niet gecontroleerd is; wat niet gecontroleerd "
                    "is, komt niet op een flyer (is dit een CONCEPT-flyer?); maak de flyer opnieuw",
                    code="flyer-nummer-niet-gecontroleerd",
                )
            elif on_page is not None and tel not in on_page:
                self.meldingen.waarschuwing(
                    Plek(pdf),
                    f"flyer toont {found.telefoon.weergave}, maar de gemeentepagina "
                    f"{slug}/ heeft dat nummer niet als belknop",
                    code="flyer-nummer-niet-op-pagina",
                )


# --- reading pages and flyers, in worker processes on a large site ------------------------

# From this much HTML on, pages are parsed in worker processes while this one checks links
PARALLEL_HTML = 8_000_000  # bytes
PARALLEL_FLYERS = 8  # from this many flyers per core on, flyers are read in worker processes
TEKST_CACHE = "flyer-teksten.json"  # in the cache folder of `wegwijzer check`
TEKST_CACHE_VERSIE = 1
GC_THRESHOLD = 100_000  # new objects between two runs of the cycle collector, while checking
_reader: Callable[[bytes], str] | None = None
_known: frozenset[str] = frozenset()
_texts: dict[str, str] = {}  # flyer text of an earlier run, by the digest of the PDF


def _pdf_reader_name() -> str | None:
    """The PDF library to read flyers with: pypdfium2 (about ten times faster), else pypdf."""
    for name in ("pypdfium2", "pypdf"):
        try:
            __import__(name)
        except ImportError:
            continue
        return name
    return None


def _start_worker(reader: str | None, known: frozenset[str], texts: dict[str, str]) -> None:
    global _reader, _known, _texts
    _reader = _pdf_text_reader(reader) if reader else None
    _known = known
    _texts = texts
    gc.set_threshold(max(gc.get_threshold()[0], GC_THRESHOLD), *gc.get_threshold()[1:])


@dataclass
class _Scan:
    """One flyer, read: the numbers it shows, or why it could not be read."""

    pdf: Path
    gevonden: list[Gevonden] | None = None
    fout: str | None = None
    digest: str | None = None  # of the PDF's bytes
    tekst: str | None = None  # its text, when it was not known from an earlier run


def _scan_flyer(pdf: Path) -> _Scan:
    assert _reader is not None
    try:
        data = pdf.read_bytes()
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        known_text = _texts.get(digest)
        text = _reader(data) if known_text is None else known_text
    except Exception as exc:  # noqa: BLE001 - a broken PDF is a finding, not a crash
        return _Scan(pdf, fout=str(exc))
    new = text if known_text is None else None
    return _Scan(pdf, find_numbers(text, _known), digest=digest, tekst=new)


class _Werk:
    """Reads the pages and then the flyers (text, and the numbers in it), each file once and
    in a stable order. On a large site (much HTML, many flyers) a pool of worker processes,
    one per core, parses pages and reads flyers ahead while this process checks the links of
    the pages it has; a small site is read here, one file at a time as asked."""

    def __init__(
        self, site: Path, pages: list[Path], pdfs: list[Path], reader: str | None,
        known: frozenset[str], texts: dict[str, str],
    ) -> None:  # fmt: skip
        self.site, self.paths, self.pdfs = site, pages, pdfs
        self.reader, self.known, self.texts = reader, known, texts
        cores = _cores()
        parallel_pages = cores > 1 and _size(pages, PARALLEL_HTML) >= PARALLEL_HTML
        parallel_flyers = cores > 1 and len(pdfs) >= 2 * PARALLEL_FLYERS
        self.pool = None
        self.page_results: Iterator[Pagina] | None = None
        self.flyer_results: Iterator[_Scan] | None = None
        if parallel_pages or parallel_flyers:
            import multiprocessing

            # forkserver, not fork: this process may have threads (a test's server, the
            # site build's sanitiser) whose locks a forked child would inherit held: a hang
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self.pool = context.Pool(cores, _start_worker, (reader, known, texts))
            # tasks run in the order given: pages first, then flyers, so no core waits
            if parallel_pages:
                read = functools.partial(read_page, site=site)
                self.page_results = self.pool.imap(read, pages, chunksize=1)
            if parallel_flyers:
                self.flyer_results = self.pool.imap(_scan_flyer, pdfs, chunksize=4)

    def pages(self) -> Iterator[Pagina]:
        if self.page_results is not None:
            return self.page_results
        return (read_page(path, self.site) for path in self.paths)

    def flyers(self) -> Iterator[_Scan]:
        if self.flyer_results is not None:
            yield from self.flyer_results
            return
        if not self.pdfs:
            return
        _start_worker(self.reader, self.known, self.texts)
        for pdf in self.pdfs:
            yield _scan_flyer(pdf)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Python's cycle collector, as it is set by default, runs every 700 new objects and now
    and then walks every object of the process: on a national site (millions of links, each
    a few objects, next to the data) that took more time than checking the links. The objects
    that exist now (the data) are set aside (`gc.freeze`, which also keeps forked workers from
    copying them), and the collector runs a hundred times less often. Nothing is lost:
    objects without cycles are freed at once, as always."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _size(paths: list[Path], enough: int) -> int:
    """The size of the files, counted until it reaches `enough`."""
    total = 0
    for path in paths:
        total += path.stat().st_size
        if total >= enough:
            break
    return total


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pdf_text_reader(name: str) -> Callable[[bytes], str]:
    if name == "pypdfium2":
        import pypdfium2

        def with_pdfium(data: bytes) -> str:
            document = pypdfium2.PdfDocument(data)
            try:
                return "\n".join(
                    document[i].get_textpage().get_text_range() for i in range(len(document))
                )
            finally:
                document.close()

        return with_pdfium
    from pypdf import PdfReader

    def with_pypdf(data: bytes) -> str:
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)

    return with_pypdf


def _tel_findings(raw: str) -> tuple[list[tuple[bool, str, str]], Telefoon | None]:
    """What is wrong with the number of ``tel:{raw}`` wherever it stands, as (is an error,
    message, code); and the number, when it is one `phones.parse` accepts."""
    findings: list[tuple[bool, str, str]] = []
    value = unquote(raw).strip()
    shown = f"'tel:{raw}'"
    if not value:
        return [(True, f"tel-link {shown} heeft geen nummer", "tel-ongeldig")], None
    compact = _RFC3966_SEPARATORS.sub("", value)
    if not _TEL_ALLOWED.match(compact):
        return [
            (
                True,
                f"tel-link {shown} bevat tekens die een telefoon niet kan bellen; gebruik alleen "
                "cijfers en + aan het begin",
                "tel-ongeldig",
            )
        ], None
    if compact.startswith("+"):
        try:
            parsed = phonenumbers.parse(compact, None)
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is None or not phonenumbers.is_valid_number(parsed):
            return [(True, f"tel-link {shown} is geen geldig telefoonnummer", "tel-ongeldig")], None
        if parsed.country_code != 31:
            findings.append(
                (
                    False,
                    f"tel-link {shown} is een buitenlands nummer; bellen kost dan meer",
                    "tel-buitenland",
                )
            )
    number = parse_number(compact)
    if number is None:
        try:
            phones.parse(compact)  # for its message
        except TelefoonFout as exc:
            findings.append((True, f"tel-link {shown}: {exc}", "tel-ongeldig"))
        return findings, None
    if compact != number.tel:
        findings.append(
            (
                False,
                f"tel-link {shown}: schrijf 'tel:{number.tel}', dan belt het nummer vanaf elke "
                "telefoon, ook een buitenlandse",
                "tel-niet-internationaal",
            )
        )
    return findings, number


def _tel_of(raw: str) -> str | None:
    number = parse_number(_RFC3966_SEPARATORS.sub("", unquote(raw).strip()))
    return number.tel if number is not None else None
