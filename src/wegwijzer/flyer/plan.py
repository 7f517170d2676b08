"""Planning a run: which flyers to make, their data, the cache, and writing what is done.

`render_flyers` takes the validated data (`Resultaat`) and makes, per gemeente and
language, the template data (`flyer_inhoud`); a flyer whose data is in the cache is written
from there, the others go to the workers (`pool.render_many`) as the data is built, and
each flyer is written as soon as it is done (each file through a temporary file and a
rename, so no half-written file is ever left in the output).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wegwijzer.diagnostics import GebruiksFout, Meldingen
from wegwijzer.flyer.cache import CACHE_DIR, FlyerCache
from wegwijzer.flyer.compiler import flyer_dir
from wegwijzer.flyer.fouten import FlyerFout
from wegwijzer.flyer.inhoud import flyer_data, flyer_vermeldingen
from wegwijzer.flyer.names import FORMATS, flyer_files, flyer_talen, taal_naam
from wegwijzer.flyer.pool import Job, Werk, render_many
from wegwijzer.flyer.qr import qr_svg
from wegwijzer.flyer.tempfiles import TMP, clean_flyer_maps, clean_stale, write_atomic
from wegwijzer.read.vertalingen import VERTALINGEN_DIR, Vertaling
from wegwijzer.rules import publicatie

if TYPE_CHECKING:
    from wegwijzer.read.config import Config
    from wegwijzer.read.merge import GemeenteData
    from wegwijzer.rules.validate import Resultaat


@dataclass
class FlyerUitkomst:
    """What a run did: the files written (in the order of the flyers) and its counters."""

    bestanden: list[Path] = field(default_factory=list)
    gerenderd: int = 0  # flyers rendered with Typst
    uit_cache: int = 0  # flyers written from the cache
    cache_gelezen: int = 0  # files read from the cache (manifests included)
    werkers: int = 0  # worker processes started (0: rendered in this process)


def flyer_inhoud(
    data: GemeenteData,
    taal: str,
    vertalingen: dict[str, Vertaling],
    url: str,
    *,
    onzeker_toestaan: bool = False,
    qr: Callable[[str], str] = qr_svg,
) -> dict[str, Any]:
    """The template's data for one flyer; raises FlyerFout when a translation is missing.
    `qr` makes the QR code's SVG (a caching one serves all languages of a gemeente)."""
    inhoud, ontbreekt = flyer_data(
        data, taal, vertalingen, url=url, qr_svg=qr(url), formaat="a5",
        onzeker_toestaan=onzeker_toestaan,
    )
    if ontbreekt:
        raise FlyerFout(
            f"flyer {data.info.naam} ({taal}): vertaling ontbreekt in {VERTALINGEN_DIR.as_posix()}/{taal}.yml "
            f"voor {'; '.join(ontbreekt)}"
        )
    return inhoud


def te_maken(resultaat: Resultaat, gemeente: str | None, taal: str | None) -> list[tuple[str, str]]:
    """(slug, taal) of every flyer to make, for the --gemeente and --taal choices."""
    from wegwijzer.read.values import suggestion

    gemeenten = resultaat.gemeenten
    if gemeente is not None and gemeente not in gemeenten:
        known = sorted(gemeenten)
        raise GebruiksFout(f"gemeente '{gemeente}' bestaat niet{suggestion(gemeente, known)}")
    slugs = [gemeente] if gemeente else sorted(gemeenten)
    result = []
    for slug in slugs:
        talen = flyer_talen(gemeenten[slug].info.flyer_talen)
        for code in talen:
            if taal is None or code == taal:
                result.append((slug, code))
    if taal is not None and not result:
        waar = f"gemeente '{gemeente}'" if gemeente else "geen enkele gemeente"
        raise GebruiksFout(
            f"{waar} vraagt een flyer in '{taal}' ({taal_naam(taal)}); zet de taal in "
            "'flyer_talen' van de gemeente"
        )
    return result


def _vertalingen(resultaat: Resultaat) -> dict[str, Vertaling]:
    """The flyer texts and their translations, read and validated with the data."""
    vertalingen = resultaat.project.vertalingen
    if "nl" not in vertalingen:
        root = Path(resultaat.project.root)
        raise FlyerFout(
            f"{(root / VERTALINGEN_DIR / 'nl.yml')}: bestand ontbreekt; daarin staan de vaste "
            "teksten van de flyer"
        )
    return vertalingen


def render_flyers(
    resultaat: Resultaat,
    out_dir: Path,
    config: Config,
    gemeente: str | None = None,
    taal: str | None = None,
    *,
    onzeker_toestaan: bool = False,
    meldingen: Meldingen | None = None,
    formats: Iterable[str] = FORMATS,
    cache_dir: Path | None = None,
) -> FlyerUitkomst:
    """Render the flyers into ``<out_dir>/<slug>/``: the files written and the counters.

    Flyers that can be made are written; when some cannot (too long, missing text), a
    `FlyerFout` lists them all after the others are done. Unverified entries left off a
    flyer are reported as warnings in `meldingen` (or on stderr when none is given).
    The cache is ``<root>/.wegwijzer-cache/flyers`` unless `cache_dir` says otherwise.
    """
    root = Path(resultaat.project.root)
    clean_flyer_maps()  # what killed builds left in the temp folder
    vertalingen = _vertalingen(resultaat)
    jobs = te_maken(resultaat, gemeente, taal)
    template_dir = flyer_dir(root)
    formats = tuple(formats)
    uitkomst = FlyerUitkomst()
    _warn_onzeker([resultaat.gemeenten[s] for s in dict.fromkeys(s for s, _ in jobs)], onzeker_toestaan, meldingen)
    for slug in dict.fromkeys(s for s, _ in jobs):
        clean_stale(Path(out_dir) / slug, TMP)  # half-written flyers of a killed run
    cache = FlyerCache(cache_dir or root / CACHE_DIR, template_dir, formats)
    # Files are written as each flyer is done (from the cache or rendered), so a national run
    # never holds more than a few flyers in memory; the lists are put in job order at the end.
    done: dict[int, list[Path]] = {}
    failed: dict[int, str] = {}
    keys: dict[int, str] = {}

    def finish(index: int, files: dict[str, bytes]) -> None:
        slug, code = jobs[index]
        names = flyer_files(slug, code)
        paths = done.setdefault(index, [])
        for formaat, content in files.items():
            path = Path(out_dir) / slug / names[formaat]
            write_atomic(path, content)
            paths.append(path)

    def te_renderen() -> Iterator[Job]:
        """The flyers not in the cache, built as the workers ask for them (the others are
        written from the cache on the way)."""
        qr = functools.lru_cache(maxsize=None)(qr_svg)  # one code per gemeente, for all its languages
        for index, (slug, code) in enumerate(jobs):
            data = resultaat.gemeenten[slug]
            try:
                inhoud = flyer_inhoud(
                    data, code, vertalingen, config.gemeente_url(slug, code), onzeker_toestaan=onzeker_toestaan, qr=qr
                )
            except FlyerFout as exc:
                failed[index] = str(exc)
                continue
            key = cache.key(inhoud)
            files = cache.get(key, slug, code)
            if files is not None:
                uitkomst.uit_cache += 1
                finish(index, files)
            else:
                keys[index] = key
                yield index, inhoud, data.info.naam, code

    werk = Werk()
    for index, outcome in render_many(template_dir, te_renderen(), formats, werk):
        if isinstance(outcome, str):
            failed[index] = outcome
            continue
        uitkomst.gerenderd += 1
        slug, code = jobs[index]
        cache.put(keys[index], slug, code, outcome)
        finish(index, outcome)
    uitkomst.werkers = werk.werkers
    uitkomst.cache_gelezen = cache.gelezen
    for index in sorted(done):
        uitkomst.bestanden.extend(done[index])
    if failed:
        raise FlyerFout("\n".join(failed[index] for index in sorted(failed)))
    return uitkomst


def _warn_onzeker(gemeenten: list[GemeenteData], onzeker_toestaan: bool, meldingen: Meldingen | None) -> None:
    """One warning per unverified entry (and place), naming the gemeenten whose flyer it concerns."""
    found: dict[tuple[str, Any], tuple[Any, list[str]]] = {}
    for data in gemeenten:
        for entry in flyer_vermeldingen(data, onzeker_toestaan=False).weggelaten:
            key = (entry.item.id, publicatie.reden(entry)[0])
            found.setdefault(key, (entry, []))[1].append(data.info.naam)
    for (_, plek), (entry, namen) in found.items():
        item = entry.item
        waarom = publicatie.reden(entry)[1]
        waar = namen[0] if len(namen) == 1 else f"{len(namen)} gemeenten: {', '.join(namen)}"
        if onzeker_toestaan:
            tekst = (
                f"{item.label} '{item.id}' is niet gecontroleerd ({waarom}) en staat op de "
                f"CONCEPT-flyers ({waar}); niet drukken voor het is nagekeken"
            )
        else:
            tekst = (
                f"{item.label} '{item.id}' is niet gecontroleerd ({waarom}) en staat daarom NIET "
                f"op de flyers ({waar}); controleer het, zet de datum in 'gecontroleerd' en haal "
                "'onzeker' weg"
            )
        if meldingen is not None:
            meldingen.waarschuwing(plek, tekst, code="flyer-niet-gecontroleerd")
        else:
            print(f"{plek.display()}: waarschuwing: {tekst} [flyer-niet-gecontroleerd]", file=sys.stderr)
