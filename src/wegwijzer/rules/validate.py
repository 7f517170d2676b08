"""Rules on the merged data: what the file models alone cannot see.

Each rule is a small function that reports `Melding`s; `validate` runs them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wegwijzer.read.config import MKDOCS_YML, read_config
from wegwijzer.read import links, phones
from wegwijzer.rules import plain_language, vertalingen
from wegwijzer.diagnostics import Meldingen, Plek, WegwijzerFout
from wegwijzer.read.merge import GemeenteData, Merger, Vermelding
from wegwijzer.read.models import ContactSoort, Dienst, today
from wegwijzer.read.parse import Parsed
from wegwijzer.read.project import Project, load_project
from wegwijzer.read.values import suggestion
from wegwijzer.rules.publicatie import MAX_AGE



@dataclass
class Resultaat:
    project: Project
    gemeenten: dict[str, GemeenteData]
    meldingen: Meldingen


def validate(root: Path, *, alleen: str | None = None) -> Resultaat:
    """Load, merge and check everything under `root`.

    With `alleen` (a gemeente's slug): the landelijk and regio files and that one gemeente,
    for work on that gemeente only (its flyers); checks across gemeenten are left out.
    """
    meldingen = Meldingen()
    project = load_project(root, meldingen, alleen=alleen)
    merger = Merger(project, meldingen)
    gemeenten = merger.all()
    for parsed in _all_files(project):
        check_file(parsed, meldingen)
    _check_voorbeelddata(project, meldingen)
    _check_config(root, meldingen)
    for slug, parsed_regio in sorted(project.regios.items()):
        check_meldadres(parsed_regio, meldingen)
    for slug in sorted(project.regios) or [None]:
        # entries of the regional base, also those that no gemeente shows
        for entries in merger.regio_view(slug).values():
            for entry in entries:
                check_entry(entry, meldingen)
    for data in gemeenten.values():
        check_gemeente(data, meldingen)
    if alleen is None:
        check_project(project, meldingen)  # across gemeenten
    plain_language.check_project(project, meldingen)
    vertalingen.check_vertalingen(project, gemeenten, meldingen)  # flyer texts, flyer_talen
    return Resultaat(project, gemeenten, meldingen)


def _check_config(root: Path, meldingen: Meldingen) -> None:
    """site_url of mkdocs.yml, strictly (`config.check_site_url`): it is printed and encoded on
    every flyer. A project without mkdocs.yml (data only) has nothing to check here."""
    path = Path(root) / MKDOCS_YML
    if not path.is_file():
        return
    try:
        read_config(Path(root))
    except WegwijzerFout as exc:
        text = str(exc).removeprefix(f"{path}: ")
        line = next(
            (n for n, l in enumerate(path.read_text("utf-8", "replace").splitlines(), 1)
             if l.lstrip().startswith("site_url")),
            0,
        )
        meldingen.fout(Plek(path, line, 1 if line else 0), text, code="site-url-ongeldig")


def _all_files(project: Project) -> Iterator[Parsed[Any]]:
    if project.landelijk is not None:
        yield project.landelijk
    yield from project.regios.values()
    yield from project.gemeenten.values()


def _check_voorbeelddata(project: Project, meldingen: Meldingen) -> None:
    flagged = [parsed for parsed in _all_files(project) if parsed.model.voorbeelddata]
    if flagged:
        meldingen.waarschuwing(
            flagged[0].document.plek(("voorbeelddata",)),
            f"{len(flagged)} bestand(en) bevatten verzonnen voorbeelddata; pagina's en flyers "
            "krijgen de melding 'voorbeelddata'. Publiceer dit niet als echte hulp",
            code="voorbeelddata-gebruikt",
        )


# --- per file -----------------------------------------------------------------------------


def check_file(parsed: Parsed[Any], meldingen: Meldingen) -> None:
    """Notes that values carry (such as plain http://), once per place they are written."""
    for loc, value in _walk(parsed.model, ()):
        if isinstance(value, links.Website):
            for note in value.opmerkingen:
                code = "link-http" if "gebruikt http://" in note else "link-poort"
                meldingen.waarschuwing(parsed.document.plek(_original(parsed, loc)), note, code=code)


def _walk(value: Any, loc: tuple) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, BaseModel):
        for name in value.model_fields_set:
            yield from _walk(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for position, item in enumerate(value):
            yield from _walk(item, (*loc, position))
    else:
        yield loc, value


def _original(parsed: Parsed[Any], loc: tuple) -> tuple:
    if len(loc) >= 2 and loc[0] in parsed.index and isinstance(loc[1], int):
        return (loc[0], parsed.index[loc[0]][loc[1]], *loc[2:])
    return loc


# --- per regio ----------------------------------------------------------------------------

#: Domains that never reach anyone (RFC 2606): fine for an example, not for a site that is live.
VOORBEELD_DOMEINEN = ("example.org", "example.com", "example.net", ".test", ".example", ".invalid")


def check_meldadres(parsed: Parsed[Any], meldingen: Meldingen) -> None:
    """'Klopt dit niet?' needs somewhere to go: the regio's meldadres or meldformulier."""
    info = parsed.model.regio
    adres = str(info.meldformulier or info.meldadres or "")
    if not adres:
        meldingen.waarschuwing(
            parsed.document.plek(("regio",), key=True),
            f"regio {info.naam} heeft geen 'meldadres' (e-mail van de redactie) of "
            "'meldformulier'; zonder staat er geen 'Klopt dit niet?' op de kaarten",
            code="meldadres-ontbreekt",
        )
        return
    host = (urlsplit(adres).hostname if info.meldformulier else adres.rpartition("@")[2]) or ""
    if any(host == d.lstrip(".") or host.endswith("." + d.lstrip(".")) for d in VOORBEELD_DOMEINEN):
        veld = "meldformulier" if info.meldformulier else "meldadres"
        meldingen.waarschuwing(
            parsed.document.plek(("regio", veld)),
            f"regio {info.naam}: '{veld}' {adres} is een voorbeeldadres; meldingen van 'Klopt "
            "dit niet?' komen nergens aan. Zet het echte adres van de redactie",
            code="meldadres-voorbeeld",
        )


# --- per gemeente -------------------------------------------------------------------------


def check_gemeente(data: GemeenteData, meldingen: Meldingen) -> None:
    organisaties = {org.item.id for org in data.organisaties}
    for entry in data.all_entries():
        check_entry(entry, meldingen)
        _check_reference(entry, "aanbieder", organisaties, meldingen)
        _check_reference(entry, "organisatie", organisaties, meldingen)
    for position, partner in enumerate(data.info.partners or ()):
        if partner not in organisaties:
            meldingen.fout(
                data.herkomst.get("partners", data.plek),
                f"veld 'partners': organisatie '{partner}' bestaat niet"
                f"{suggestion(partner, organisaties)}",
                code="organisatie-onbekend",
            )
    if data.regio.ggd and data.regio.ggd not in organisaties:
        meldingen.fout(
            data.plek,
            f"regio {data.regio.naam}: veld 'ggd': organisatie '{data.regio.ggd}' bestaat niet "
            f"(of is uitgesloten){suggestion(data.regio.ggd, organisaties)}",
            code="organisatie-onbekend",
        )
    if not any(entry.item.spoed for entry in data.hulplijnen):
        meldingen.fout(
            data.plek,
            f"gemeente {data.info.naam} heeft geen spoedhulp (hulplijn met 'spoed: ja', zoals "
            "112); die moet op elke pagina en flyer staan",
            code="spoedhulp-ontbreekt",
        )
    if not any(c.item.soort in (ContactSoort.CJG, ContactSoort.JGZ) for c in data.contacten):
        meldingen.waarschuwing(
            data.plek,
            f"gemeente {data.info.naam} heeft nog geen contact van het CJG of de JGZ; voeg onder "
            "'contacten:' een contact toe met 'soort: cjg' of 'soort: jgz'",
            code="cjg-ontbreekt",
        )
    if not data.info.woonplaatsen:
        meldingen.waarschuwing(
            data.plek,
            f"gemeente {data.info.naam} heeft geen woonplaatsen; ouders zoeken vaak op hun dorp",
            code="woonplaatsen-ontbreken",
        )


def _check_reference(
    entry: Vermelding[Any], name: str, organisaties: set[str], meldingen: Meldingen
) -> None:
    value = getattr(entry.item, name, None)
    if value and value not in organisaties:
        meldingen.fout(
            entry.plek_van(name),
            f"veld '{name}': organisatie '{value}' bestaat niet (of is hier uitgesloten)"
            f"{suggestion(value, organisaties)}",
            code="organisatie-onbekend",
        )


def check_entry(entry: Vermelding[Any], meldingen: Meldingen) -> None:
    item = entry.item
    _check_date(entry, meldingen)
    _check_openingstijden(entry, meldingen)
    if item.onzeker:
        meldingen.waarschuwing(
            entry.plek_van("onzeker"),
            f"{item.label} '{item.id}' is nog onzeker: {item.onzeker}; controleer het en haal "
            "dan 'onzeker' weg",
            code="vermelding-onzeker",
        )
    numbers = [("telefoon", item.telefoon), ("whatsapp", getattr(item, "whatsapp", None))]
    numbers += [("extra_telefoon", extra.nummer) for extra in item.extra_telefoon or ()]
    for name, number in numbers:
        if number is None:
            continue
        if number.soort is phones.Soort.BETAALD and not getattr(item, "kosten", None):
            meldingen.waarschuwing(
                entry.plek_van(name),
                f"veld '{name}': {number.weergave} is een betaald nummer; zet in 'kosten' wat "
                "bellen kost",
                code="0900-kosten-ontbreken",
            )
        if (
            item.kind == "contacten"
            and item.persoon
            and number.soort is phones.Soort.MOBIEL
            and not item.publiceren_toegestaan
        ):
            meldingen.fout(
                entry.plek_van(name),
                f"veld '{name}': 06-nummer bij een persoon ({item.persoon}); publiceer geen "
                "privénummers. Gebruik het nummer van het team of de organisatie, of zet "
                "'publiceren_toegestaan: ja' als de persoon daar toestemming voor gaf",
                code="telefoon-prive",
            )
    referral = (getattr(item, "aanmelden", None), item.aanbieder) if isinstance(item, Dienst) else ()
    if isinstance(item, Dienst) and not any(
        (item.telefoon, item.website, item.chat, item.whatsapp, item.email, *referral)
    ):
        meldingen.waarschuwing(
            entry.plek,
            f"{item.label} '{item.id}' heeft geen telefoon, website, chat, WhatsApp, e-mail, "
            "aanbieder of 'aanmelden'; hoe vinden ouders en professionals deze hulp?",
            code="bereikbaarheid-ontbreekt",
        )


def _check_openingstijden(entry: Vermelding[Any], meldingen: Meldingen) -> None:
    """Hours that contradict 'dag_en_nacht', and windows of one day that overlap (the
    models already refused what is not a time or never open)."""
    item = entry.item
    uren = item.openingstijden
    if uren is None:
        return
    if item.dag_en_nacht:
        meldingen.fout(
            entry.plek_van("dag_en_nacht"),
            f"veld 'dag_en_nacht': {item.label} '{item.id}' is 'dag_en_nacht: ja' en heeft ook "
            "'openingstijden'; kies één van de twee (altijd bereikbaar, of die tijden)",
            code="openingstijden-dag-en-nacht",
        )
    # every window as a span of minutes of the week (Monday 00:00 = 0), past midnight into
    # the next day, Sunday night into Monday
    week = 7 * 1440
    spans = []
    for nummer, vak in enumerate(uren.tijden, 1):
        for dag in vak.dagen:
            start = dag.nummer * 1440 + vak.van.minuten
            spans.append((start, start + vak.duur, nummer, dag, vak))
    gemeld = set()
    for i, (a_start, a_end, a_nr, a_dag, a_vak) in enumerate(spans):
        for b_start, b_end, b_nr, b_dag, b_vak in spans[i + 1:]:
            if (a_nr, b_nr) in gemeld:
                continue
            overlap = any(
                a_start + shift < b_end and b_start < a_end + shift for shift in (-week, 0, week)
            )
            if not overlap:
                continue
            gemeld.add((a_nr, b_nr))
            if a_nr == b_nr:
                tekst = f"'{a_dag.value}' staat twee keer bij tijd {a_nr}"
            else:
                tekst = (
                    f"tijd {a_nr} ({a_dag.value} {a_vak.van}-{a_vak.tot}) en tijd {b_nr} "
                    f"({b_dag.value} {b_vak.van}-{b_vak.tot}) vallen over elkaar heen"
                )
            meldingen.waarschuwing(
                entry.herkomst.get(f"openingstijden.tijden.{b_nr - 1}", entry.plek_van("openingstijden")),
                f"veld 'openingstijden': {tekst}; voeg ze samen of verbeter de tijden",
                code="openingstijden-overlap",
            )


def _check_date(entry: Vermelding[Any], meldingen: Meldingen) -> None:
    item = entry.item
    checked = item.gecontroleerd
    now = today()
    if checked is None:
        if "gecontroleerd" in entry.ongeldig:
            return  # already reported as wrong
        meldingen.waarschuwing(
            entry.plek,
            f"{item.label} '{item.id}' is nog nooit gecontroleerd; zet de datum van de laatste "
            "controle in 'gecontroleerd'",
            code="nooit-gecontroleerd",
        )
    elif checked > now:
        meldingen.fout(
            entry.plek_van("gecontroleerd"),
            f"veld 'gecontroleerd': {checked.isoformat()} ligt in de toekomst",
            code="datum-toekomst",
        )
    elif now - checked > MAX_AGE:
        meldingen.waarschuwing(
            entry.plek_van("gecontroleerd"),
            f"veld 'gecontroleerd': {item.label} '{item.id}' is meer dan 12 maanden niet "
            f"gecontroleerd (laatst {checked.isoformat()}); bel of kijk na en zet de nieuwe datum",
            code="controle-verouderd",
        )


# --- across the project -------------------------------------------------------------------


def check_project(project: Project, meldingen: Meldingen) -> None:
    woonplaatsen: dict[str, tuple[str, Plek]] = {}
    for slug, parsed in sorted(project.gemeenten.items()):
        info = parsed.model.gemeente
        for position, plaats in enumerate(info.woonplaatsen or ()):
            key = plaats.casefold()
            plek = parsed.document.plek(("gemeente", "woonplaatsen", position))
            if key in woonplaatsen and woonplaatsen[key][0] != slug:
                meldingen.waarschuwing(
                    plek,
                    f"woonplaats '{plaats}' staat ook bij gemeente {woonplaatsen[key][0]}; "
                    "een woonplaats hoort bij één gemeente",
                    code="woonplaats-dubbel",
                )
            woonplaatsen.setdefault(key, (slug, plek))
    used = {parsed.model.gemeente.regio for parsed in project.gemeenten.values()}
    for slug, parsed in project.regios.items():
        if slug not in used:
            meldingen.waarschuwing(
                parsed.document.plek(("regio",), key=True),
                f"regio '{slug}' heeft nog geen gemeenten (geen bestand in gemeenten/ met "
                f"'regio: {slug}')",
                code="regio-zonder-gemeenten",
            )
