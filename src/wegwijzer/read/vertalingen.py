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

Translations are data: `wegwijzer.read.project.load_project` reads this folder with the other
data files, once per run, and the output stages get the result in ``Project.vertalingen``.
The rules that judge them (missing, outdated, machine translations) are in
`wegwijzer.rules.vertalingen`. The files are small (a national set of six languages parses in
about 0.2 s), so nothing is cached between runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from wegwijzer.diagnostics import Meldingen, Plek
from wegwijzer.read import mappen
from wegwijzer.read.load import Document, read
from wegwijzer.read.values import suggestion

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


def load_vertalingen(root: Path, meldingen: Meldingen) -> dict[str, Vertaling]:
    """Read every ``content/vertalingen/<taal>.yml`` under `root` (none when the folder is absent).

    Every other file in the folder is reported (see `wegwijzer.read.mappen`).
    """
    folder = root / VERTALINGEN_DIR
    paths = mappen.data_files(
        folder, root, meldingen, uitleg="hier staat per taal één bestand, zoals 'en.yml'"
    )
    return _load(paths, meldingen)


def _load(paths: list[Path], meldingen: Meldingen) -> dict[str, Vertaling]:
    result: dict[str, Vertaling] = {}
    for path in paths:
        taal = path.stem
        if not re.fullmatch(r"[a-z]{2,3}", taal):
            meldingen.fout(
                Plek(path),
                f"bestandsnaam '{path.name}' is geen taalcode; noem het bestand naar de taal, "
                "zoals 'en.yml' of 'ar.yml'",
                code="vertaling-bestandsnaam",
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
                code="veld-onbekend",
            )
    opgegeven = tree.get("taal")
    if opgegeven is not None and str(opgegeven).strip() != taal:
        meldingen.fout(
            document.plek(("taal",)),
            f"veld 'taal': '{opgegeven}' past niet bij de bestandsnaam {document.path.name} "
            f"(verwacht '{taal}')",
            code="vertaling-taal-anders",
        )
    machine = _ja_nee(document, ("machinevertaling",), meldingen, default=False)
    vertaling.machine = machine
    if "machinevertaling" in tree:
        vertaling.machine_plek = document.plek(("machinevertaling",), key=True)
    vast = tree.get("vaste_teksten")
    if vast not in (None, ""):
        if not isinstance(vast, CommentedMap):
            meldingen.fout(document.plek(("vaste_teksten",)), "veld 'vaste_teksten': verwacht velden met teksten", code="vertaling-vorm")
        else:
            for key in vast:
                loc = ("vaste_teksten", key)
                if key not in VASTE_TEKSTEN:
                    meldingen.fout(
                        document.plek(loc, key=True),
                        f"onbekende vaste tekst '{key}'{suggestion(str(key), VASTE_TEKSTEN)}",
                        code="vaste-tekst-onbekend",
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
                code="vertaling-vorm",
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
            code="vertaling-vorm",
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
                code="vertaling-veld-onbekend",
            )
            continue
        if naam == "extra_telefoon":
            labels = velden[naam]
            if not isinstance(labels, CommentedMap):
                meldingen.fout(
                    document.plek(loc),
                    "veld 'extra_telefoon': verwacht per nummer het vertaalde label, zoals "
                    "\"0800 0113\": Free number",
                    code="vertaling-vorm",
                )
                continue
            for nummer in labels:
                tekst = _tekst(document, (*loc, nummer), meldingen, machine)
                if tekst is not None:
                    result[f"extra_telefoon:{digits(str(nummer))}"] = tekst
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
                    code="veld-onbekend",
                )
        text = node.get("tekst")
        machine = _ja_nee(document, (*loc, "machinevertaling"), meldingen, default=machine_default)
        nl = node.get("nl")
        plek = document.plek((*loc, "tekst"))
    elif isinstance(node, str):
        text, machine, nl = node, machine_default, None
    else:
        meldingen.fout(plek, f"'{loc[-1]}': verwacht een tekst", code="veld-geen-tekst")
        return None
    if text is None or not str(text).strip():
        meldingen.fout(plek, f"'{loc[-1]}': de tekst is leeg", code="tekst-leeg")
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
    meldingen.fout(document.plek(loc), f"veld '{loc[-1]}': schrijf ja of nee, niet '{node}'", code="ja-nee-ongeldig")
    return default


def digits(text: str) -> str:
    """The digits of a number as written: the key of an extra number's label."""
    return re.sub(r"\D", "", text)


# --- looking up a text ----------------------------------------------------------------


def zoek(vertaling: Vertaling | None, sleutel: tuple[str, str]) -> Tekst | None:
    if vertaling is None:
        return None
    if sleutel[0] == "vast":
        return vertaling.vast.get(sleutel[1])
    return vertaling.vermeldingen.get(sleutel[0], {}).get(sleutel[1])



def invulplekken(tekst: str) -> set[str]:
    """The names between braces in a fixed text ({gemeente}, {url})."""
    return set(_PLACEHOLDER.findall(tekst))


def invullen(tekst: str, **waarden: str) -> str:
    """Fill the placeholders {gemeente} and {url} of a fixed text."""
    return _PLACEHOLDER.sub(lambda m: waarden.get(m.group(1), m.group(0)), tekst)
