"""The rules on translations: what a flyer in a language needs, and what is missing,
outdated (the Dutch text changed since it was translated) or machine-translated.

The translations themselves are data, read by `wegwijzer.read.vertalingen`; which entries a
flyer shows is `wegwijzer.rules.publicatie.flyer_vermeldingen`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wegwijzer.diagnostics import Meldingen
from wegwijzer.read.values import suggestion, taal_naam
from wegwijzer.read.vertalingen import (
    PLACEHOLDERS,
    SITE_TEKSTEN,
    VASTE_TEKSTEN,
    Tekst,
    VERTALINGEN_DIR,
    Vertaling,
    digits,
    invulplekken,
    same,
    zoek,
)
from wegwijzer.rules.publicatie import flyer_vermeldingen


# --- what a flyer needs -------------------------------------------------------------------


@dataclass(frozen=True)
class Nodig:
    """One text a flyer shows: where its Dutch comes from and how to name it in a message."""

    sleutel: tuple[str, str]  # ("vast", key) or (entry id, field)
    nl: str
    omschrijving: str  # for messages: "vaste tekst 'titel'", "hulplijn 'x': 'bereikbaar'"
    verplicht: bool = True  # naam is optional: a proper name may stay as it is


def nodige_teksten(entries: Iterable[Any], nl: Vertaling | None) -> Iterator[Nodig]:
    """Every text a flyer with these entries shows, with its Dutch source.

    `entries` are the entry models (Hulplijn, Contact, ...) that appear on the flyer.
    """
    for key in VASTE_TEKSTEN:
        tekst = nl.vast.get(key) if nl else None
        yield Nodig(("vast", key), tekst.tekst if tekst else "", f"vaste tekst '{key}'")
    for item in entries:
        label = f"{item.label} '{item.id}'"
        yield Nodig((item.id, "naam"), item.naam, f"{label}: 'naam'", verplicht=False)
        kort = nl.vermeldingen.get(item.id, {}).get("kort") if nl else None
        if kort is not None:
            yield Nodig((item.id, "kort"), kort.tekst, f"{label}: 'kort'")
        if item.bereikbaar:
            yield Nodig((item.id, "bereikbaar"), item.bereikbaar, f"{label}: 'bereikbaar'")
        kosten = getattr(item, "kosten", None)
        if kosten and not item.gratis:
            yield Nodig((item.id, "kosten"), kosten, f"{label}: 'kosten'")
        for extra in item.extra_telefoon or ():
            yield Nodig(
                (item.id, f"extra_telefoon:{digits(extra.nummer.invoer)}"),
                extra.label,
                f"{label}: label van extra_telefoon {extra.nummer.weergave}",
            )


def ontbrekend(entries: Iterable[Any], vertalingen: Mapping[str, Vertaling], taal: str) -> list[str]:
    """What a flyer in `taal` would show but is not translated (empty: complete)."""
    nl = vertalingen.get("nl")
    missing = []
    for nodig in nodige_teksten(entries, nl):
        if taal == "nl":
            if nodig.sleutel[0] == "vast" and not nodig.nl:
                missing.append(nodig.omschrijving)
            continue
        if nodig.verplicht and zoek(vertalingen.get(taal), nodig.sleutel) is None:
            missing.append(nodig.omschrijving)
    return missing


# --- what a parent page needs -------------------------------------------------------------

#: The fields from the data that a parent page shows and that are translated per entry.
PAGINA_VELDEN = ("omschrijving", "doelgroep", "kosten", "bereikbaar")


def actuele_vertaling(vertaling: Vertaling | None, id: str, veld: str, nl: str) -> Tekst | None:
    """The translation of field `veld` of entry `id`, when it is current: made from the
    Dutch text `nl` as it is now (or made without saying from what). An outdated one is None:
    a page shows the Dutch text instead (marked as Dutch), never an old translation."""
    tekst = zoek(vertaling, (id, veld))
    if tekst is None or (tekst.nl is not None and not same(tekst.nl, nl)):
        return None
    return tekst


def pagina_teksten(data: Any) -> Iterator[tuple[Any, str, str]]:
    """(entry, field, Dutch text) of every data text a gemeente's parent pages show."""
    for entry in _pagina_vermeldingen(data):
        for veld, nl in _pagina_velden(entry):
            yield entry, veld, nl


def _pagina_vermeldingen(data: Any) -> Iterator[Any]:
    return (entry for entry in data.all_entries() if entry.item.label != "organisatie")


def _pagina_velden(entry: Any) -> Iterator[tuple[str, str]]:
    for veld in PAGINA_VELDEN:
        value = getattr(entry.item, veld, None)
        if veld == "kosten" and getattr(entry.item, "gratis", False):
            continue
        if value:
            yield veld, str(value)


@dataclass(frozen=True)
class TaalStatus:
    """How far a gemeente's parent page in one language is translated."""

    gemeente: str
    taal: str
    status: str  # "compleet", "machine", "verouderd", "ontbreekt"
    teksten: int  # texts on the page that are translated per entry or page text
    ontbreekt: int
    verouderd: int
    machine: int


def taal_status(data: Any, vertalingen: Mapping[str, Vertaling], taal: str) -> TaalStatus:
    """The translation status of `data`'s page in `taal` (see `TaalStatus`)."""
    vertaling = vertalingen.get(taal)
    ontbreekt = verouderd = machine = teksten = 0
    if vertaling is None:
        return TaalStatus(data.slug, taal, "ontbreekt", 0, 0, 0, 0)
    for key in SITE_TEKSTEN:
        teksten += 1
        tekst = vertaling.site.get(key)
        if tekst is None:
            ontbreekt += 1
        elif tekst.machine:
            machine += 1
    for entry, veld, nl in pagina_teksten(data):
        teksten += 1
        tekst = zoek(vertaling, (entry.item.id, veld))
        if tekst is None:
            ontbreekt += 1
        elif tekst.nl is not None and not same(tekst.nl, nl):
            verouderd += 1
        elif tekst.machine:
            machine += 1
    status = (
        "ontbreekt" if ontbreekt else "verouderd" if verouderd else "machine" if machine else "compleet"
    )
    return TaalStatus(data.slug, taal, status, teksten, ontbreekt, verouderd, machine)


def _check_pagina_teksten(gemeenten: Mapping[str, Any], vertalingen: Mapping[str, Vertaling], meldingen: Meldingen) -> None:
    """Per language, the data texts its parent pages show in Dutch: missing or outdated
    translations, reported once per text at the Dutch text (a warning: the page shows the
    Dutch text, marked as Dutch, until it is translated)."""
    found: dict[tuple[str, str, str], tuple[Any, str, str, list[str], bool]] = {}
    # Entries that several gemeenten show unchanged are one object: judge each once per
    # language, and only collect which gemeenten show it (linear in the entries).
    shown: dict[tuple[str, int], tuple[Any, list[str]]] = {}
    for slug, data in sorted(gemeenten.items()):
        talen = [t for t in dict.fromkeys(data.info.flyer_talen or ()) if t != "nl" and t in vertalingen]
        if not talen:
            continue
        for entry in _pagina_vermeldingen(data):
            for taal in talen:
                key = (taal, id(entry.item))
                if key not in shown:
                    shown[key] = (entry, [])
                shown[key][1].append(data.info.naam)
    for (taal, _), (entry, namen) in shown.items():
        vertaling = vertalingen[taal]
        for veld, nl in _pagina_velden(entry):
            tekst = zoek(vertaling, (entry.item.id, veld))
            if tekst is not None and (tekst.nl is None or same(tekst.nl, nl)):
                continue
            key3 = (taal, entry.item.id, veld)
            if key3 not in found:
                found[key3] = (entry, veld, nl, [], tekst is not None)
            found[key3][3].extend(namen)
    # One warning per text; where one file has many texts missing in one language (a new
    # language, a large regio), one warning for that file, so the list stays readable.
    groepen: dict[tuple[str, str, bool], list[tuple[str, str, Any, list[str]]]] = {}
    for (taal, eid, veld), (entry, _, nl, namen, bestaat) in found.items():
        path = str(entry.plek_van(veld).path)
        groepen.setdefault((taal, path, bestaat), []).append((eid, veld, entry, namen))
    for (taal, _path, bestaat), teksten in groepen.items():
        bestand = (VERTALINGEN_DIR / f"{taal}.yml").as_posix()
        code = "pagina-vertaling-verouderd" if bestaat else "pagina-vertaling-ontbreekt"
        if len(teksten) > MAX_PER_BESTAND:
            eid, veld, entry, _ = teksten[0]
            wat = "gemaakt van een oudere Nederlandse tekst" if bestaat else "nog niet vertaald"
            meldingen.waarschuwing(
                entry.plek_van(veld),
                f"{len(teksten)} teksten uit dit bestand zijn in het {taal_naam(taal)} ({taal}) {wat} "
                f"in {bestand}, de eerste is '{veld}' van {entry.item.label} '{eid}'. Tot dan staan ze "
                "op de ouderpagina in het Nederlands. `wegwijzer vertalingen export --taal "
                f"{taal} --alleen-ontbrekend` maakt er een bestand van voor een vertaler",
                code=code,
            )
            continue
        for eid, veld, entry, namen in teksten:
            waar = namen[0] if len(namen) == 1 else f"{len(namen)} gemeenten"
            if bestaat:
                wat = (f"de vertaling in {bestand} is gemaakt van een oudere Nederlandse tekst; pas "
                       "haar aan en zet de nieuwe tekst bij 'nl:'")
            else:
                wat = f"nog niet vertaald in {bestand} (onder vermeldingen: {eid}: {veld}:)"
            meldingen.waarschuwing(
                entry.plek_van(veld),
                f"{entry.item.label} '{eid}': '{veld}' in het {taal_naam(taal)} ({taal}): {wat}. "
                f"Tot dan staat de Nederlandse tekst op de pagina ({waar})",
                code=code,
            )


#: Above this many texts of one file missing in one language, validate gives one warning.
MAX_PER_BESTAND = 5


# --- the rules ----------------------------------------------------------------------------


def check_vertalingen(project: Any, gemeenten: Mapping[str, Any], meldingen: Meldingen) -> None:
    """Translation files and flyer languages: called once by `wegwijzer.rules.validate.validate`
    on the translations that `load_project` read.

    - every language in a gemeente's ``flyer_talen`` has all texts its flyer shows (else an
      error at that language in the gemeente file);
    - fixed texts keep their placeholders; a translation of a Dutch text that has changed
      since (``nl:``) is reported; machine translations are reported for review.
    """
    vertalingen = project.vertalingen
    nl = vertalingen.get("nl")
    for taal, vertaling in sorted(vertalingen.items()):
        _check_placeholders(vertaling, meldingen)
        if vertaling.heeft_machinevertaling:
            meldingen.waarschuwing(
                vertaling.machine_plek or vertaling.plek,
                f"vertaling '{taal}' ({taal_naam(taal)}) bevat machinevertalingen "
                "(machinevertaling: ja); laat een moedertaalspreker ze nakijken en zet dan "
                "'machinevertaling: nee'",
                code="vertaling-machine",
            )
    if nl is not None:
        for key in VASTE_TEKSTEN:
            if key not in nl.vast:
                meldingen.fout(nl.plek, f"vaste tekst '{key}' ontbreekt ({VASTE_TEKSTEN[key]})", code="vaste-tekst-ontbreekt")
    _check_pagina_teksten(gemeenten, vertalingen, meldingen)
    known_ids = {entry.item.id for data in gemeenten.values() for entry in data.all_entries()}
    if getattr(project, "alleen", None) is not None:
        known_ids = set()  # one gemeente read: the other gemeenten's ids are not known here
    for taal, vertaling in sorted(vertalingen.items()):
        for id, plek in vertaling.vermelding_plek.items():
            if known_ids and id not in known_ids:
                meldingen.waarschuwing(
                    plek,
                    f"vermelding '{id}' bestaat in geen enkele gemeente"
                    f"{suggestion(id, known_ids)}; is de id veranderd?",
                    code="vertaling-id-onbekend",
                )
    verouderd: set[tuple[str, tuple[str, str]]] = set()
    for slug, data in sorted(gemeenten.items()):
        talen = data.info.flyer_talen or []
        if not talen:
            continue
        parsed = project.gemeenten.get(slug)
        entries = [v.item for v in flyer_vermeldingen(data).alle]
        for position, taal in enumerate(talen):
            plek = (
                parsed.document.plek(("gemeente", "flyer_talen", position))
                if parsed is not None
                else data.herkomst.get("flyer_talen", data.plek)
            )
            if taal == "nl":
                continue
            bestand = (VERTALINGEN_DIR / f"{taal}.yml").as_posix()
            if taal not in vertalingen:
                meldingen.fout(
                    plek,
                    f"flyer_talen: '{taal}' ({taal_naam(taal)}): er is geen vertaling; maak "
                    f"{bestand} met alle teksten van de flyer. Zonder vertaling komt er geen "
                    "flyer in deze taal",
                    code="flyer-taal-zonder-vertaling",
                )
                continue
            if nl is None:
                meldingen.fout(
                    plek,
                    f"flyer_talen: '{taal}': {VERTALINGEN_DIR.as_posix()}/nl.yml ontbreekt; "
                    "daarin staan de Nederlandse teksten die vertaald worden",
                    code="vertaling-nl-ontbreekt",
                )
                continue
            missing = ontbrekend(entries, vertalingen, taal)
            if missing:
                shown = "; ".join(missing[:6])
                more = f"; en nog {len(missing) - 6}" if len(missing) > 6 else ""
                meldingen.fout(
                    plek,
                    f"flyer_talen: '{taal}' ({taal_naam(taal)}): vertaling ontbreekt in {bestand} "
                    f"voor {shown}{more}. Zonder alle vertalingen komt er geen flyer in deze taal",
                    code="vertaling-onvolledig",
                )
            for nodig in nodige_teksten(entries, nl):
                tekst = zoek(vertalingen[taal], nodig.sleutel)
                if tekst is None or tekst.nl is None or same(tekst.nl, nodig.nl):
                    continue
                if (taal, nodig.sleutel) in verouderd:
                    continue
                verouderd.add((taal, nodig.sleutel))
                meldingen.fout(
                    tekst.plek,
                    f"{nodig.omschrijving}: de Nederlandse tekst is veranderd sinds deze vertaling "
                    f"(was '{tekst.nl}', nu '{nodig.nl}'); pas de vertaling aan en zet de nieuwe "
                    "tekst bij 'nl:'",
                    code="vertaling-verouderd",
                )


def _check_placeholders(vertaling: Vertaling, meldingen: Meldingen) -> None:
    for soort, teksten, contract in (
        ("vaste tekst", vertaling.vast, VASTE_TEKSTEN),
        ("site-tekst", vertaling.site, SITE_TEKSTEN),
    ):
        for key, tekst in teksten.items():
            found = invulplekken(tekst.tekst)
            for name in sorted(found - set(PLACEHOLDERS)):
                meldingen.fout(
                    tekst.plek,
                    f"{soort} '{key}': onbekende invulplek '{{{name}}}'; gebruik "
                    + " of ".join(f"{{{p}}}" for p in PLACEHOLDERS),
                    code="invulplek-onbekend",
                )
            needed = invulplekken(contract[key]) & set(PLACEHOLDERS)
            for name in sorted(needed - found):
                meldingen.fout(
                    tekst.plek,
                    f"{soort} '{key}': '{{{name}}}' ontbreekt; daar komt " + _WAT[name],
                    code="invulplek-ontbreekt",
                )


_WAT = {
    "gemeente": "de naam van de gemeente",
    "url": "het adres van de pagina",
    "organisatie": "de naam van de organisatie",
    "datum": "de datum",
    "zoekterm": "het woord waarop gezocht is",
    "aantal": "het aantal resultaten",
}
