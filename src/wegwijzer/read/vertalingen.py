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

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
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
#: The texts of the parent pages on the site (``/<gemeente>/<taal>/``) and what each is for.
SITE_TEKSTEN: dict[str, str] = {
    "taal_naam": "naam van de taal in die taal zelf, voor de taalkeuze ('Nederlands', 'English')",
    "site_naam": "naam van de site in de kop van de pagina",
    "naar_inhoud": "verborgen link voor schermlezers: 'Naar de inhoud'",
    "alle_gemeenten": "link terug naar de lijst met gemeenten",
    "titel": "titel van de gemeentepagina ('Hulp in {gemeente}')",
    "lead": "inleiding onder de titel (met {gemeente})",
    "direct_hulp": "kop van het spoedblok ('Direct hulp nodig?')",
    "op_deze_pagina": "kop van de inhoudsopgave ('Op deze pagina')",
    "bel_of_chat": "link in de inhoudsopgave naar de hulplijnen ('Bel of chat')",
    "weet_het_niet_meer": "kop boven de hulplijnen ('Ik weet het even niet meer')",
    "bel_of_chat_tekst": "zin onder die kop",
    "hulp_per_fase": "uitleg boven de hulp per fase",
    "fase_voor_zwangerschap": "fase: voor de zwangerschap",
    "fase_zwanger": "fase: tijdens de zwangerschap",
    "fase_na_geboorte": "fase: na de geboorte",
    "vragen": "kop boven de contacten ('Vragen? Neem contact op')",
    "vragen_tekst": "zin onder die kop (met {gemeente})",
    "vragen_organisatie": "zin onder die kop als er alleen de GGD is (met {organisatie})",
    "vragen_algemeen": "zin onder die kop als er geen contact is",
    "spoed": "kop boven de spoedhulp ('Spoedhulp, dag en nacht')",
    "flyer_tekst": "zin boven de downloads van de MamaWegwijzer",
    "bel": "knop: bellen ('Bel')",
    "telefoon": "woord voor een nummer dat geen belknop is ('Telefoon')",
    "website": "knop: website",
    "chat": "knop: chat",
    "whatsapp": "knop: WhatsApp",
    "email": "knop: e-mail",
    "kenmerken": "naam van de lijst met kenmerken, voor schermlezers",
    "gratis": "kenmerk: gratis",
    "anoniem": "kenmerk: anoniem",
    "dag_en_nacht": "kenmerk: dag en nacht bereikbaar",
    "voor_wie": "kopje: voor wie de hulp is",
    "kosten": "kopje: kosten",
    "bereikbaar": "kopje: wanneer de hulp bereikbaar is",
    "ook_in": "kopje: andere talen waarin de hulp er is",
    "door": "kopje: organisatie die de hulp geeft",
    "contactpersoon": "kopje: contactpersoon",
    "adres": "kopje: adres",
    "waar": "kopje: waar de hulp is",
    "via": "zin: neem voor deze hulp contact op met {organisatie}",
    "vraag_ernaar": "zin: vraag naar deze hulp bij huisarts, verloskundige of consultatiebureau",
    "niet_alles_gecontroleerd": "melding: nog niet alles gecontroleerd",
    "niet_gecontroleerd": "melding: nog niet gecontroleerd",
    "geen_belknop": "melding: daarom is het nummer geen belknop",
    "laatst_gecontroleerd": "datum van de laatste controle ('Laatst gecontroleerd: {datum}')",
    "nooit_gecontroleerd": "'Laatst gecontroleerd: nog nooit'",
    "openingstijden": "kop bij de openingstijden ('Openingstijden')",
    "gesloten_op_feestdagen": "bij de openingstijden: 'Gesloten op feestdagen'",
    "open_op_feestdagen": "bij de openingstijden: 'Ook open op feestdagen'",
    "nu_open": "teken dat de hulp nu open is ('Nu open'); het script zet het erbij",
    "nu_dicht": "teken dat de hulp nu dicht is ('Nu dicht'); het script zet het erbij",
    "kies_je_gemeente": "kop en link: kies je gemeente",
    "kies_tekst": "zin op de pagina waar je je gemeente kiest",
    "hulplijnen": "link in de voet: hulplijnen",
    "toegankelijkheid": "link in de voet: toegankelijkheid",
    "privacy": "link in de voet: privacy",
    "over_deze_site": "naam van de voet, voor schermlezers ('Over deze site')",
    "geen_cookies": "zin in de voet: geen cookies, geen tracking",
    "taalkeuze": "naam van de taalkeuze ('Deze pagina in een andere taal')",
    "machinevertaling": "melding op een pagina die met een computer is vertaald",
    "niet_vertaald": "melding als een deel van de teksten nog in het Nederlands staat",
    "nederlandse_pagina": "link naar de Nederlandse pagina",
    "voorbeelddata": "melding op een site met verzonnen voorbeelddata",
    "privacy_tekst": "korte uitleg over privacy, onder aan de pagina",
    "klopt_niet": "link op elke kaart om een fout te melden aan de redactie ('Klopt dit niet?')",
    "zoeken": "knop en kop: zoeken",
    "zoek_vraag": "label van het zoekveld",
    "zoek_waar": "label van de keuze van de gemeente bij zoeken",
    "zoek_knop": "knop: zoek",
    "zoek_resultaten": "naam van de lijst met resultaten, voor schermlezers",
    "zoek_bezig": "melding terwijl er gezocht wordt",
    "zoek_niets": "melding: niets gevonden ({zoekterm} wordt het zoekwoord)",
    "zoek_gevonden": "melding: zoveel gevonden ({aantal} en {zoekterm})",
    "zoek_fout": "melding: zoeken lukt nu niet",
    "zoek_meer": "knop: meer resultaten",
    "flyer_a5": "link naar de A5-flyer (pdf)",
    "flyer_drukwerk": "link naar de drukwerkversie (pdf met afloop en snijtekens)",
    "flyer_a4": "link naar de A4-versie om thuis te printen",
    "flyer_png": "link naar de afbeelding om te delen (png)",
}
PLACEHOLDERS = ("gemeente", "url", "organisatie", "datum", "zoekterm", "aantal")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

#: Fields a translation file may give per entry.
VERMELDING_VELDEN = (
    "naam", "kort", "omschrijving", "doelgroep", "bereikbaar", "kosten", "extra_telefoon"
)
TOP_KEYS = ("taal", "machinevertaling", "nagekeken", "vaste_teksten", "site_teksten", "vermeldingen")
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
    site: dict[str, Tekst] = field(default_factory=dict)  # texts of the parent pages
    # entry id -> field -> text; for extra_telefoon: "extra_telefoon:<number as written>"
    vermeldingen: dict[str, dict[str, Tekst]] = field(default_factory=dict)
    vermelding_plek: dict[str, Plek] = field(default_factory=dict)
    nagekeken_door: str | None = None  # who reviewed the (machine) translation
    nagekeken_op: dt.date | None = None  # and when

    @property
    def heeft_machinevertaling(self) -> bool:
        """True when a text was made by a machine and the file does not say who reviewed it."""
        if self.nagekeken_op is not None:
            return False
        return any(t.machine for t in self.vast.values()) or any(
            t.machine for velden in self.vermeldingen.values() for t in velden.values()
        )


def same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


# --- loading ------------------------------------------------------------------------------


STANDAARD_SITE_TEKSTEN = Path(__file__).parent / "site_teksten.yml"


@functools.lru_cache(maxsize=1)
def standaard_site_teksten() -> Mapping[str, Tekst]:
    """The Dutch texts of the parent pages that come with the Wegwijzer (``site_teksten.yml``
    beside this module; a project's ``nl.yml`` may replace each under ``site_teksten:``).
    A file of the package, not of a project: read once per process."""
    meldingen = Meldingen()
    document = read(STANDAARD_SITE_TEKSTEN, meldingen)
    if document is None or meldingen.fouten:
        raise RuntimeError(f"{STANDAARD_SITE_TEKSTEN}: {[m.format() for m in meldingen.fouten]}")
    vertaling = _parse(document, "nl", meldingen)
    missing = set(SITE_TEKSTEN) - set(vertaling.site)
    if meldingen.fouten or missing:
        raise RuntimeError(f"{STANDAARD_SITE_TEKSTEN}: {sorted(missing)} {[m.format() for m in meldingen.fouten]}")
    return MappingProxyType(dict(vertaling.site))


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
    _parse_nagekeken(document, vertaling, meldingen)
    for veld, contract, doel in (
        ("vaste_teksten", VASTE_TEKSTEN, vertaling.vast),
        ("site_teksten", SITE_TEKSTEN, vertaling.site),
    ):
        _parse_teksten(document, veld, contract, doel, meldingen, machine)
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


def _parse_nagekeken(document: Document, vertaling: Vertaling, meldingen: Meldingen) -> None:
    """``nagekeken: {door: <naam>, datum: <jjjj-mm-dd>}``: who reviewed the translation, and
    when; from then on its machine translations count as reviewed."""
    node = document.tree.get("nagekeken")
    if node in (None, ""):
        return
    plek = document.plek(("nagekeken",))
    if not isinstance(node, CommentedMap) or not str(node.get("door") or "").strip() or not node.get("datum"):
        meldingen.fout(
            plek,
            "veld 'nagekeken': schrijf wie de vertaling heeft nagekeken en wanneer, zoals "
            "'nagekeken: {door: Fatima El Amrani, datum: 2026-12-01}'",
            code="vertaling-nagekeken-vorm",
        )
        return
    raw = node.get("datum")
    try:
        datum = raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        meldingen.fout(
            document.plek(("nagekeken", "datum")),
            f"veld 'nagekeken': datum '{raw}' is geen datum; schrijf jjjj-mm-dd, zoals 2026-12-01",
            code="vertaling-nagekeken-vorm",
        )
        return
    vertaling.nagekeken_door = " ".join(str(node["door"]).split())
    vertaling.nagekeken_op = datum


def _parse_teksten(
    document: Document, veld: str, contract: dict[str, str], doel: dict[str, Tekst],
    meldingen: Meldingen, machine: bool,
) -> None:
    """One block of named texts (`vaste_teksten`, `site_teksten`) into `doel`."""
    teksten = document.tree.get(veld)
    if teksten in (None, ""):
        return
    if not isinstance(teksten, CommentedMap):
        meldingen.fout(document.plek((veld,)), f"veld '{veld}': verwacht velden met teksten", code="vertaling-vorm")
        return
    for key in teksten:
        loc = (veld, key)
        if key not in contract:
            meldingen.fout(
                document.plek(loc, key=True),
                f"onbekende tekst '{key}' in '{veld}'{suggestion(str(key), contract)}",
                code="vaste-tekst-onbekend",
            )
            continue
        tekst = _tekst(document, loc, meldingen, machine)
        if tekst is not None:
            doel[str(key)] = tekst


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
