"""The texts of the flyer and their translations: ``content/vertalingen/<taal>.yml``.

One file per language. ``nl.yml`` holds the Dutch fixed texts of the flyer (title, intro,
steps, ...) and a short flyer line (``kort``) per entry; the other files translate those, and
the entry texts from the data that appear on the flyer (``bereikbaar``, ``kosten``, the labels
of extra numbers, optionally ``naam``)::

    taal: en
    machinevertaling: ja          # the whole file was made by a machine: review before print
    vaste_teksten:
      titel: "I just don't know anymore"
      intro:
        tekst: "..."
        machinevertaling: nee     # this text was written or checked by a person
    vermeldingen:
      oudertelefoon:
        kort: Questions about your child or about being a parent
        bereikbaar:
          tekst: "Working days 9:00 am - 3:00 pm"
          nl: "Werkdagen 9.00-15.00 uur"   # the Dutch text translated; a change is reported

A flyer is made in a language only when every text it shows exists in that language: a
missing translation for a language in a gemeente's ``flyer_talen`` is a validation error.
This module never imports the renderer (validate uses it).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from wegwijzer.diagnostics import Meldingen, Plek
from wegwijzer.read.load import Document, read
from wegwijzer.read.values import suggestion, taal_naam

VERTALINGEN_DIR = Path("content") / "vertalingen"

#: The fixed texts of the flyer (the template's contract) and what each is for.
VASTE_TEKSTEN: dict[str, str] = {
    "merk": "naam van de flyer ('De MamaWegwijzer')",
    "tagline": "ondertitel van het merk ('Voor mama's door mama's')",
    "titel": "grote titel op de voorkant",
    "ondertitel": "zin onder de titel",
    "intro": "inleiding op de voorkant",
    "stap_1_titel": "titel van stap 1 ('In gesprek')",
    "stap_1": "tekst van stap 1",
    "stap_2_titel": "titel van stap 2 ('Plan')",
    "stap_2": "tekst van stap 2",
    "stap_3_titel": "titel van stap 3 ('Doorverwijzen')",
    "stap_3": "tekst van stap 3",
    "ervaring_titel": "kop boven het citaat van een moeder ('Ervaring')",
    "ervaring": "het citaat van een moeder",
    "qr_titel": "kop naast de QR-code ({gemeente} wordt de naam van de gemeente)",
    "qr_tekst": "uitleg naast de QR-code",
    "qr_alt": "beschrijving van de QR-code voor schermlezers ({url} wordt het adres)",
    "bel_of_chat": "kop boven de hulplijnen ('Bel of chat')",
    "gemeente_titel": "kop boven de contacten van de gemeente ('Hulp in {gemeente}')",
    "spoed_titel": "kop boven de spoedhulp",
    "samenwerking": "kop boven de partners ('In samenwerking met')",
    "gratis": "kenmerk: gratis",
    "anoniem": "kenmerk: anoniem",
    "dag_en_nacht": "kenmerk: dag en nacht bereikbaar",
    "chat": "woord voor chat (voor het chatadres)",
    "whatsapp": "woord voor WhatsApp (voor het WhatsApp-nummer)",
    "knippen": "tekst bij de knipstreep op de A4-versie",
}
PLACEHOLDERS = ("gemeente", "url")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

#: Fields a translation file may give per entry.
VERMELDING_VELDEN = ("naam", "kort", "bereikbaar", "kosten", "extra_telefoon")
TOP_KEYS = ("taal", "machinevertaling", "nagekeken", "vaste_teksten", "vermeldingen")
WAARDE_KEYS = ("tekst", "machinevertaling", "nl")

_JA = {"ja", "yes", "true", "waar"}
_NEE = {"nee", "no", "false", "onwaar"}


@dataclass(frozen=True)
class Tekst:
    """One text of a translation file."""

    tekst: str
    plek: Plek
    machine: bool = False
    nl: str | None = None  # the Dutch text that was translated, when the file says so


@dataclass
class Vertaling:
    """One language file: fixed texts and per-entry texts, each with its place."""

    taal: str
    path: Path
    plek: Plek
    machine: bool = False
    machine_plek: Plek | None = None
    vast: dict[str, Tekst] = field(default_factory=dict)
    # entry id -> field -> text; for extra_telefoon: "extra_telefoon:<number as written>"
    vermeldingen: dict[str, dict[str, Tekst]] = field(default_factory=dict)
    vermelding_plek: dict[str, Plek] = field(default_factory=dict)

    @property
    def heeft_machinevertaling(self) -> bool:
        return any(t.machine for t in self.vast.values()) or any(
            t.machine for velden in self.vermeldingen.values() for t in velden.values()
        )


def same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


# --- loading ------------------------------------------------------------------------------


#: The last translations read, by folder and the files' contents: `wegwijzer flyers` reads
#: them to validate and again to render, and parsing the national set takes most of a second.
_gelezen: dict[Path, tuple[tuple[tuple[str, str], ...], dict[str, Vertaling], list[Any]]] = {}
#: The translations as read, kept between runs (`flyers --gemeente X` after an edit of X's
#: file need not parse every language file again), by the files' contents and this parser.
CACHE_DIR = Path(".wegwijzer-cache") / "vertalingen"


def load_vertalingen(root: Path, meldingen: Meldingen) -> dict[str, Vertaling]:
    """Read every ``content/vertalingen/<taal>.yml`` under `root` (none when the folder is absent).

    Files whose contents were read before (in this process, or in an earlier run through
    ``<root>/.wegwijzer-cache/vertalingen``) are not parsed again; their messages are
    reported again. Treat the result as read-only: it may be shared.
    """
    folder = root / VERTALINGEN_DIR
    if not folder.is_dir():
        return {}
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    try:
        sleutel = tuple((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in paths)
    except OSError:
        sleutel = None
    vorige = _gelezen.get(folder.resolve())
    if sleutel is not None and vorige is not None and vorige[0] == sleutel:
        meldingen.extend(vorige[2])
        return dict(vorige[1])
    bewaard = _cache_file(root, sleutel) if sleutel is not None else None
    gelezen = _cache_read(bewaard) if bewaard is not None else None
    if gelezen is not None:
        result, eigen_meldingen = gelezen
    else:
        eigen = Meldingen()
        result = _load(paths, eigen)
        eigen_meldingen = list(eigen)
        if bewaard is not None:
            _cache_write(bewaard, (result, eigen_meldingen))
    meldingen.extend(eigen_meldingen)
    if sleutel is not None:
        _gelezen.clear()  # one folder at a time: a long-running process does not pile them up
        _gelezen[folder.resolve()] = (sleutel, dict(result), eigen_meldingen)
    return result


def _cache_file(root: Path, sleutel: tuple[tuple[str, str], ...]) -> Path:
    import sys

    from wegwijzer import diagnostics
    from wegwijzer.read import load

    digest = hashlib.sha256(repr((sleutel, sys.version)).encode())
    for module in (__file__, load.__file__, diagnostics.__file__):
        digest.update(Path(module).read_bytes())
    return root / CACHE_DIR / f"{digest.hexdigest()}.pickle"


def _cache_read(path: Path) -> tuple[dict[str, Vertaling], list[Any]] | None:
    import pickle

    try:
        result, eigen = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or outdated file: read the translations again
        return None
    if not isinstance(result, dict) or not isinstance(eigen, list):
        return None
    return result, eigen


def _cache_write(path: Path, value: tuple[dict[str, Vertaling], list[Any]]) -> None:
    """Keep only this version (written through a temporary file); failing costs only time."""
    import os
    import pickle
    import tempfile

    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _load(paths: list[Path], meldingen: Meldingen) -> dict[str, Vertaling]:
    result: dict[str, Vertaling] = {}
    for path in paths:
        taal = path.stem
        if not re.fullmatch(r"[a-z]{2,3}", taal):
            meldingen.fout(
                Plek(path),
                f"bestandsnaam '{path.name}' is geen taalcode; noem het bestand naar de taal, "
                "zoals 'en.yml' of 'ar.yml'",
            )
            continue
        document = read(path, meldingen)
        if document is None:
            continue
        result[taal] = _parse(document, taal, meldingen)
    return result


def _parse(document: Document, taal: str, meldingen: Meldingen) -> Vertaling:
    tree = document.tree
    vertaling = Vertaling(taal=taal, path=document.path, plek=document.plek())
    for key in tree:
        if key not in TOP_KEYS:
            meldingen.fout(
                document.plek((key,), key=True),
                f"onbekend veld '{key}'{suggestion(str(key), TOP_KEYS)}; een vertaalbestand heeft "
                "de velden " + ", ".join(TOP_KEYS),
            )
    opgegeven = tree.get("taal")
    if opgegeven is not None and str(opgegeven).strip() != taal:
        meldingen.fout(
            document.plek(("taal",)),
            f"veld 'taal': '{opgegeven}' past niet bij de bestandsnaam {document.path.name} "
            f"(verwacht '{taal}')",
        )
    machine = _ja_nee(document, ("machinevertaling",), meldingen, default=False)
    vertaling.machine = machine
    if "machinevertaling" in tree:
        vertaling.machine_plek = document.plek(("machinevertaling",), key=True)
    vast = tree.get("vaste_teksten")
    if vast not in (None, ""):
        if not isinstance(vast, CommentedMap):
            meldingen.fout(document.plek(("vaste_teksten",)), "veld 'vaste_teksten': verwacht velden met teksten")
        else:
            for key in vast:
                loc = ("vaste_teksten", key)
                if key not in VASTE_TEKSTEN:
                    meldingen.fout(
                        document.plek(loc, key=True),
                        f"onbekende vaste tekst '{key}'{suggestion(str(key), VASTE_TEKSTEN)}",
                    )
                    continue
                tekst = _tekst(document, loc, meldingen, machine)
                if tekst is not None:
                    vertaling.vast[str(key)] = tekst
    vermeldingen = tree.get("vermeldingen")
    if vermeldingen not in (None, ""):
        if not isinstance(vermeldingen, CommentedMap):
            meldingen.fout(
                document.plek(("vermeldingen",)),
                "veld 'vermeldingen': verwacht per id van een vermelding de vertaalde velden",
            )
        else:
            for id in vermeldingen:
                _parse_vermelding(document, str(id), vertaling, meldingen, machine)
    return vertaling


def _parse_vermelding(
    document: Document, id: str, vertaling: Vertaling, meldingen: Meldingen, machine: bool
) -> None:
    velden = document.tree["vermeldingen"][id]
    vertaling.vermelding_plek[id] = document.plek(("vermeldingen", id), key=True)
    result: dict[str, Tekst] = {}
    if not isinstance(velden, CommentedMap):
        meldingen.fout(
            document.plek(("vermeldingen", id)),
            f"vermelding '{id}': verwacht velden zoals kort: of bereikbaar:",
        )
        return
    for naam in velden:
        loc = ("vermeldingen", id, naam)
        if naam not in VERMELDING_VELDEN:
            meldingen.fout(
                document.plek(loc, key=True),
                f"vermelding '{id}': veld '{naam}' komt niet op de flyer of bestaat niet"
                f"{suggestion(str(naam), VERMELDING_VELDEN)}; vertaal alleen "
                + ", ".join(VERMELDING_VELDEN),
            )
            continue
        if naam == "extra_telefoon":
            labels = velden[naam]
            if not isinstance(labels, CommentedMap):
                meldingen.fout(
                    document.plek(loc),
                    "veld 'extra_telefoon': verwacht per nummer het vertaalde label, zoals "
                    "\"0800 0113\": Free number",
                )
                continue
            for nummer in labels:
                tekst = _tekst(document, (*loc, nummer), meldingen, machine)
                if tekst is not None:
                    result[f"extra_telefoon:{_digits(str(nummer))}"] = tekst
            continue
        tekst = _tekst(document, loc, meldingen, machine)
        if tekst is not None:
            result[str(naam)] = tekst
    vertaling.vermeldingen[id] = result


def _tekst(
    document: Document, loc: tuple, meldingen: Meldingen, machine_default: bool
) -> Tekst | None:
    node: Any = document.tree
    for step in loc:
        node = node[step]
    plek = document.plek(loc)
    if isinstance(node, CommentedMap):
        for key in node:
            if key not in WAARDE_KEYS:
                meldingen.fout(
                    document.plek((*loc, key), key=True),
                    f"onbekend veld '{key}'{suggestion(str(key), WAARDE_KEYS)}; een tekst met "
                    "extra gegevens heeft de velden tekst, machinevertaling en nl",
                )
        text = node.get("tekst")
        machine = _ja_nee(document, (*loc, "machinevertaling"), meldingen, default=machine_default)
        nl = node.get("nl")
        plek = document.plek((*loc, "tekst"))
    elif isinstance(node, str):
        text, machine, nl = node, machine_default, None
    else:
        meldingen.fout(plek, f"'{loc[-1]}': verwacht een tekst")
        return None
    if text is None or not str(text).strip():
        meldingen.fout(plek, f"'{loc[-1]}': de tekst is leeg")
        return None
    return Tekst(" ".join(str(text).split()), plek, machine, None if nl is None else str(nl))


def _ja_nee(document: Document, loc: tuple, meldingen: Meldingen, *, default: bool) -> bool:
    node: Any = document.tree
    for step in loc:
        if not isinstance(node, CommentedMap) or step not in node:
            return default
        node = node[step]
    value = str(node).strip().lower()
    if value in _JA:
        return True
    if value in _NEE:
        return False
    meldingen.fout(document.plek(loc), f"veld '{loc[-1]}': schrijf ja of nee, niet '{node}'")
    return default


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


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
                (item.id, f"extra_telefoon:{_digits(extra.nummer.invoer)}"),
                extra.label,
                f"{label}: label van extra_telefoon {extra.nummer.weergave}",
            )


def zoek(vertaling: Vertaling | None, sleutel: tuple[str, str]) -> Tekst | None:
    if vertaling is None:
        return None
    if sleutel[0] == "vast":
        return vertaling.vast.get(sleutel[1])
    return vertaling.vermeldingen.get(sleutel[0], {}).get(sleutel[1])


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


# --- the check that validate runs ---------------------------------------------------------


def check_vertalingen(project: Any, gemeenten: Mapping[str, Any], meldingen: Meldingen) -> None:
    """Translation files and flyer languages: called once by `wegwijzer.rules.validate.validate`.

    - every language in a gemeente's ``flyer_talen`` has all texts its flyer shows (else an
      error at that language in the gemeente file);
    - fixed texts keep their placeholders; a translation of a Dutch text that has changed
      since (``nl:``) is reported; machine translations are reported for review.
    """
    from wegwijzer.flyer.inhoud import flyer_vermeldingen  # light: no renderer

    root = project.root
    vertalingen = load_vertalingen(root, meldingen)
    nl = vertalingen.get("nl")
    for taal, vertaling in sorted(vertalingen.items()):
        _check_placeholders(vertaling, meldingen)
        if vertaling.heeft_machinevertaling:
            meldingen.waarschuwing(
                vertaling.machine_plek or vertaling.plek,
                f"vertaling '{taal}' ({taal_naam(taal)}) bevat machinevertalingen "
                "(machinevertaling: ja); laat een moedertaalspreker ze nakijken en zet dan "
                "'machinevertaling: nee'",
            )
    if nl is not None:
        for key in VASTE_TEKSTEN:
            if key not in nl.vast:
                meldingen.fout(nl.plek, f"vaste tekst '{key}' ontbreekt ({VASTE_TEKSTEN[key]})")
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
                )
                continue
            if nl is None:
                meldingen.fout(
                    plek,
                    f"flyer_talen: '{taal}': {VERTALINGEN_DIR.as_posix()}/nl.yml ontbreekt; "
                    "daarin staan de Nederlandse teksten die vertaald worden",
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
                )


def _check_placeholders(vertaling: Vertaling, meldingen: Meldingen) -> None:
    for key, tekst in vertaling.vast.items():
        found = set(_PLACEHOLDER.findall(tekst.tekst))
        for name in sorted(found - set(PLACEHOLDERS)):
            meldingen.fout(
                tekst.plek,
                f"vaste tekst '{key}': onbekende invulplek '{{{name}}}'; gebruik "
                + " of ".join(f"{{{p}}}" for p in PLACEHOLDERS),
            )
        needed = set(_PLACEHOLDER.findall(VASTE_TEKSTEN[key])) & set(PLACEHOLDERS)
        for name in sorted(needed - found):
            meldingen.fout(
                tekst.plek,
                f"vaste tekst '{key}': '{{{name}}}' ontbreekt; daar komt "
                + ("de naam van de gemeente" if name == "gemeente" else "het adres van de pagina"),
            )


def invullen(tekst: str, **waarden: str) -> str:
    """Fill the placeholders {gemeente} and {url} of a fixed text."""
    return _PLACEHOLDER.sub(lambda m: waarden.get(m.group(1), m.group(0)), tekst)
