"""`wegwijzer check`: validate, check the built site, fetch every link, and collect it all.

Everything `validate` reports is part of the result. `--site` adds the offline checks of the
built site (`site.py`); `--online` fetches every external address of the data and the site
(`fetch.py`), through the result cache (`cache.py`). The freshness report is always made.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from wegwijzer.check import berichten
from wegwijzer.check.cache import DEFAULT_TTL, LinkCache, cache_path
from wegwijzer.check.fetch import Checker, Instellingen, Status, Uitkomst, ernst
from wegwijzer.check.freshness import Verouderd, versheid
from wegwijzer.check.numbers import build_index
from wegwijzer.check.site import TEKST_CACHE, SiteCheck, SiteResultaat
from wegwijzer.check.urls import Gebruik, UrlLijst, collect_data_urls
from wegwijzer.diagnostics import Ernst, GebruiksFout, Melding, Meldingen
from wegwijzer.rules.validate import Resultaat as Validatie
from wegwijzer.rules.validate import validate


@dataclass
class Opties:
    root: Path
    online: bool = False
    site: Path | None = None
    instellingen: Instellingen = field(default_factory=Instellingen)
    cache: bool = True
    cache_ttl: float = DEFAULT_TTL
    alleen: list[str] = field(default_factory=list)  # regular expressions: check only these
    behalve: list[str] = field(default_factory=list)  # regular expressions: never check these
    # called with (done, total) while fetching; None for no progress
    voortgang: Callable[[int, int], None] | None = None


@dataclass
class LinkBevinding:
    """One problem (or note) with one address at one place."""

    gebruik: Gebruik
    uitkomst: Uitkomst
    ernst: Ernst
    tekst: str
    code: str = ""  # the code in wegwijzer.codes, as on the Melding


@dataclass
class CheckResultaat:
    opties: Opties
    validatie: Validatie
    meldingen: Meldingen
    urls: UrlLijst
    links: dict[str, Uitkomst] = field(default_factory=dict)
    bevindingen: list[LinkBevinding] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)  # excluded by --alleen/--behalve
    site: SiteResultaat | None = None
    versheid: dict[str, list[Verouderd]] = field(default_factory=dict)
    opmerkingen: list[str] = field(default_factory=list)
    duur: float = 0.0
    uit_cache: int = 0
    verzoeken: int = 0

    @property
    def root(self) -> Path:
        return self.validatie.project.root

    @property
    def has_errors(self) -> bool:
        return self.meldingen.has_errors

    def telling(self) -> dict[str, int]:
        """How many addresses ended in each severity."""
        counts = {"ok": 0, Ernst.OPMERKING: 0, Ernst.WAARSCHUWING: 0, Ernst.FOUT: 0}
        for uitkomst in self.links.values():
            counts[uitkomst.ernst or "ok"] += 1
        return counts

    def gemeente_bevindingen(self, slug: str) -> list[LinkBevinding]:
        return [b for b in self.bevindingen if slug in b.gebruik.gemeenten]

    def site_meldingen(self) -> list[Melding]:
        if self.opties.site is None:
            return []
        site = self.opties.site.resolve()
        return [m for m in self.meldingen if _under(m.plek.path, site)]


def _under(path: Path, folder: Path) -> bool:
    """The places of site messages are absolute (`SiteCheck` resolves the folder once)."""
    return path.is_absolute() and path.is_relative_to(folder)


def _patterns(texts: list[str], option: str) -> list[re.Pattern[str]]:
    result = []
    for text in texts:
        try:
            result.append(re.compile(text))
        except re.error as exc:
            raise GebruiksFout(f"{option} '{text}' is geen geldig patroon ({exc})") from None
    return result


def run_check(opties: Opties) -> CheckResultaat:
    start = time.monotonic()
    alleen = _patterns(opties.alleen, "--alleen")
    behalve = _patterns(opties.behalve, "--behalve")
    if opties.site is not None and not opties.site.is_dir():
        raise GebruiksFout(f"map '{opties.site}' (--site) bestaat niet; bouw eerst de site")

    validatie = validate(opties.root)
    meldingen = Meldingen()
    meldingen.extend(validatie.meldingen)
    urls = collect_data_urls(validatie.project, validatie.gemeenten)
    result = CheckResultaat(opties, validatie, meldingen, urls)

    if opties.site is not None:
        index = build_index(validatie.project, validatie.gemeenten)
        site_url = _site_url(opties.root)
        teksten = cache_path(opties.root).with_name(TEKST_CACHE) if opties.cache else None
        check = SiteCheck(
            opties.site, index, set(validatie.gemeenten), meldingen, site_url, teksten
        )
        result.site = check.run()
        result.opmerkingen.extend(result.site.opmerkingen)
        urls.extend(result.site.externe)

    if opties.online:
        todo = []
        for url in urls.urls:
            if (alleen and not any(p.search(url) for p in alleen)) or any(
                p.search(url) for p in behalve
            ):
                result.overgeslagen.append(url)
            else:
                todo.append(url)
        result.links = _fetch(todo, opties, result)
        _report_links(result)
        fetched = [u for u in result.links.values() if not u.uit_cache]
        unreachable = (Status.DNS, Status.GEEN_VERBINDING)
        if len(fetched) >= 3 and all(u.status in unreachable for u in fetched):
            result.opmerkingen.append(
                f"geen enkel webadres ({len(fetched)}) was te bereiken; is er een "
                "internetverbinding? De meldingen over domeinnamen kunnen dan onterecht zijn"
            )

    result.versheid = versheid(validatie.gemeenten)
    result.duur = time.monotonic() - start
    return result


def _site_url(root: Path) -> str | None:
    from wegwijzer.read.config import read_config
    from wegwijzer.diagnostics import WegwijzerFout

    try:
        return read_config(root).site_url
    except WegwijzerFout:
        return None


def _fetch(urls: list[str], opties: Opties, result: CheckResultaat) -> dict[str, Uitkomst]:
    import asyncio

    cache = LinkCache(cache_path(result.root), opties.cache_ttl) if opties.cache else None
    found: dict[str, Uitkomst] = {}
    todo = []
    for url in urls:
        hit = cache.fresh(url) if cache else None
        if hit is not None:
            found[url] = hit
        else:
            todo.append(url)
    result.uit_cache = len(found)
    total = len(todo)
    done = 0

    def tick(_uitkomst: Uitkomst) -> None:
        nonlocal done
        done += 1
        if opties.voortgang is not None:
            opties.voortgang(done, total)

    if todo:
        checker = Checker(
            opties.instellingen, tick, get_first=cache.get_first(todo) if cache else ()
        )
        fetched = asyncio.run(checker.run(todo))
        result.verzoeken = checker.requests
        found.update(fetched)
    if cache is not None:
        cache.update(found)
        if todo:
            cache.save()
        if cache.probleem:
            result.opmerkingen.append(cache.probleem)
    return {url: found[url] for url in urls}


# The code of a finding about a web address, by the outcome of the check; others: link-kapot.
LINK_CODES = {
    Status.VERHUISD: "link-verhuisd",
    Status.GEWEIGERD: "link-geweigerd",
    Status.TE_DRUK: "link-te-druk",
    Status.NIET_GECONTROLEERD: "link-niet-gecontroleerd",
}


def _report_links(result: CheckResultaat) -> None:
    """Turn outcomes into findings at every place an editor can act on."""
    for url, uitkomst in result.links.items():
        level = ernst(uitkomst.status)
        if level is None:
            continue
        places = result.urls.gebruik.get(url, [])
        in_data = [g for g in places if not g.op_site]
        # an address of the data is fixed in the data; pages only show it
        targets = in_data or places
        # a gemeente whose page shows a data address (found with --site) counts as showing it
        shown = frozenset(s for g in places if g.op_site for s in g.gemeenten)
        for gebruik in targets:
            if in_data and shown - gebruik.gemeenten:
                gebruik = replace(gebruik, gemeenten=gebruik.gemeenten | shown)
            veld = gebruik.veld if not gebruik.op_site else "link"
            tekst = berichten.link_bericht(veld, uitkomst, yaml=not gebruik.op_site)
            code = LINK_CODES.get(uitkomst.status, "link-kapot")
            result.bevindingen.append(LinkBevinding(gebruik, uitkomst, level, tekst, code))
            if level is Ernst.FOUT:
                result.meldingen.add(Melding(gebruik.plek, Ernst.FOUT, tekst, code))
            elif level is Ernst.WAARSCHUWING:
                result.meldingen.add(Melding(gebruik.plek, Ernst.WAARSCHUWING, tekst, code))
