"""Facts of an entry as a page shows them: badges, phone numbers, where it is offered.

Plain data for the templates (text, never HTML); the templates escape it.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from wegwijzer.read.links import Website
from wegwijzer.read.models import Entry, ExtraTelefoon, Feestdagen, Openingstijden, today
from wegwijzer.read.phones import Telefoon
from wegwijzer.rules import publicatie
from wegwijzer.site.overzicht import Aanbod, Overzicht
from wegwijzer.site import uren
from wegwijzer.site.render import datum, join_nl


@dataclass(frozen=True)
class Badge:
    soort: str  # css modifier: gratis, anoniem, dag-en-nacht, flyer, erkend
    tekst: str


@dataclass(frozen=True)
class Nummer:
    label: str  # "Bel" for the main number, else the editor's label ("Gratis nummer")
    telefoon: Telefoon
    hoofd: bool = False  # the entry's own number (not one of extra_telefoon)

    @property
    def sleutel(self) -> str:
        """The digits of the number as written: the key of its label's translation."""
        return re.sub(r"\D", "", self.telefoon.invoer)


@dataclass(frozen=True)
class Plaatsen:
    """Where an entry is offered, in few words: whole regions by name, else gemeenten."""

    overal: bool  # in every gemeente of the site
    delen: list[tuple[str, str | None]]  # ("heel Gelderland-Midden", None) or (naam, slug)
    behalve: list[str] = field(default_factory=list)  # else: everywhere but these (names)


@dataclass(frozen=True)
class Verschil:
    gemeenten: list[str]  # names
    velden: list[tuple[str, str]]  # (label, value as text)


OPTIONAL_FIELDS = (
    "spoed", "doelgroep", "kosten", "chat", "whatsapp", "aanmelden", "afkorting", "erkenning",
    "sinds", "bijzonderheden", "aanbieder", "organisatie", "adres", "op_flyer", "anoniem",
)


def velden(item: Entry) -> dict[str, Any]:
    """The fields only some kinds of entry have, with None where this kind has none.

    A contact's person is only included when publishing was allowed.
    """
    fields = item.__dict__  # a pydantic model keeps its field values here; no fallbacks
    result: dict[str, Any] = {name: fields.get(name) for name in OPTIONAL_FIELDS}
    result["gratis"] = bool(getattr(item, "gratis", False))
    allowed = getattr(item, "publiceren_toegestaan", False)
    result["persoon"] = getattr(item, "persoon", None) if allowed else None
    return result


#: Not (yet) verified, and whether the numbers are call buttons: the one rule, shared with
#: the flyer, the checker and the exports.
onzeker = publicatie.onzeker
belbaar = publicatie.belbaar


def badges(item: Entry, *, pro: bool = False) -> list[Badge]:
    result = []
    if getattr(item, "gratis", False):
        result.append(Badge("gratis", "Gratis"))
    if getattr(item, "anoniem", False):
        result.append(Badge("anoniem", "Anoniem"))
    if item.dag_en_nacht:
        result.append(Badge("dag-en-nacht", "Dag en nacht"))
    if pro and getattr(item, "op_flyer", False):
        result.append(Badge("flyer", "Op de MamaWegwijzer"))
    return result


@dataclass(frozen=True)
class Uren:
    """Opening hours as a card shows them."""

    regels: list[str]  # 'ma t/m vr 9.00-17.00 uur', in the page's language
    data: str  # for the script's "nu open" mark (see `uren.data_attribuut`)
    feestdagen: str | None  # 'gesloten', 'open' or None (not known)


def openingstijden(item: Entry, taal: str = "nl") -> Uren | None:
    """The entry's opening hours for a card, or None. Hours of help that is not verified are
    shown like its other facts (with the card's 'not verified' notice)."""
    value = item.openingstijden
    if value is None or item.dag_en_nacht:
        return None  # 'dag en nacht' is the badge; the rule reports hours that contradict it
    feestdagen = value.feestdagen.value if value.feestdagen not in (None, Feestdagen.ONBEKEND) else None
    return Uren(uren.regels(value, taal), uren.data_attribuut(value), feestdagen)


def nummers(item: Entry) -> list[Nummer]:
    result = [Nummer("Bel", item.telefoon, hoofd=True)] if item.telefoon else []
    result += [Nummer(extra.label, extra.nummer) for extra in item.extra_telefoon or ()]
    return result


def bereikbaar_via(item: Entry) -> bool:
    """True when the entry gives a way to reach the help (phone, chat, app, web, e-mail)."""
    return any(
        (item.telefoon, item.website, item.email, getattr(item, "chat", None),
         getattr(item, "whatsapp", None), item.extra_telefoon)
    )


def andere_talen(item: Entry) -> list[str]:
    return [taal for taal in item.talen or () if taal != "nl"]


KORT = 8  # parts of "Aangeboden in" named before a shorter form is chosen


def plaatsen(aanbod: Aanbod[Any], overzicht: Overzicht) -> Plaatsen:
    return overzicht.once("plaatsen", aanbod, caller=lambda: _plaatsen(aanbod, overzicht))


def _plaatsen(aanbod: Aanbod[Any], overzicht: Overzicht) -> Plaatsen:
    """Per region: 'heel <regio>', 'heel <regio> behalve A en B' when only a few of its
    gemeenten lack it, else the gemeenten by name. Help that is nearly everywhere, in a
    site of several regions: 'alle gemeenten behalve' the few places without it."""
    offered = aanbod.gemeenten_set
    if len(offered) == len(overzicht.gemeenten) and offered == set(overzicht.gemeenten):
        return Plaatsen(True, [])
    delen: list[tuple[str, str | None]] = []
    zonder: list[str] = []  # the places without it: whole regions, else gemeenten
    for regio in overzicht.regios.values():
        here = [slug for slug in regio.gemeenten if slug in offered]
        missing = [overzicht.naam(slug) for slug in regio.gemeenten if slug not in offered]
        if not here and len(missing) > 1:
            zonder.append(f"de regio {regio.naam}")
        else:
            zonder += missing
        if not here:
            continue
        if not missing and len(here) > 1:
            delen.append((f"heel {regio.naam}", None))
        elif missing and len(here) > 1 and len(missing) < len(here):
            delen.append((f"heel {regio.naam} behalve {join_nl(missing)}", None))
        else:
            delen += [(overzicht.naam(slug), slug) for slug in here]
    nearly_everywhere = len(overzicht.gemeenten) - len(offered) < len(offered)
    if len(overzicht.regios) > 1 and len(delen) > KORT and nearly_everywhere and len(zonder) <= len(delen):
        return Plaatsen(False, [], zonder)
    return Plaatsen(False, delen)


def scheiding(index: int, length: int) -> str:
    """The separator after item `index` (1-based) of `length`: ', ', ' en ' or ''."""
    if index >= length:
        return ""
    return " en " if index == length - 1 else ", "


# Labels of fields as professionals read them, for the differences between variants.
VELD_LABELS: dict[str, str] = {
    "naam": "Naam",
    "omschrijving": "Omschrijving",
    "telefoon": "Telefoon",
    "extra_telefoon": "Andere nummers",
    "website": "Website",
    "email": "E-mail",
    "chat": "Chat",
    "whatsapp": "WhatsApp",
    "bereikbaar": "Bereikbaar",
    "dag_en_nacht": "Dag en nacht",
    "openingstijden": "Openingstijden",
    "talen": "Talen",
    "doelgroep": "Voor wie",
    "kosten": "Kosten",
    "anoniem": "Anoniem",
    "aanbieder": "Aanbieder",
    "aanmelden": "Aanmelden",
    "erkenning": "Erkenning",
    "sinds": "Sinds",
    "bijzonderheden": "Bijzonderheden",
    "fasen": "Fasen",
    "themas": "Thema's",
    "gecontroleerd": "Gecontroleerd",
    "onzeker": "Nog niet zeker",
    "afkorting": "Afkorting",
}
_NOT_SHOWN = {"id", "bron", "op_flyer", "spoed"}


def als_tekst(value: Any) -> str:
    """A field value as plain text for a reader."""
    if value is None:
        return "niet ingevuld"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Telefoon):
        return value.weergave
    if isinstance(value, Website):
        return value.url
    if isinstance(value, dt.date):
        return datum(value)
    if isinstance(value, Openingstijden):
        return "; ".join(uren.regels(value, "nl"))
    if isinstance(value, ExtraTelefoon):
        return f"{value.label}: {value.nummer.weergave}"
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, (list, tuple)):
        return ", ".join(als_tekst(v) for v in value)
    if isinstance(value, BaseModel):
        return str(value)
    return str(value)


def verschillen(aanbod: Aanbod[Any], overzicht: Overzicht) -> list[Verschil]:
    """How the other variants differ from the most common one, field by field."""
    return overzicht.once("verschillen", aanbod, caller=lambda: _verschillen(aanbod, overzicht))


def _verschillen(aanbod: Aanbod[Any], overzicht: Overzicht) -> list[Verschil]:
    base = aanbod.item
    result = []
    for variant in aanbod.varianten[1:]:
        velden = []
        for name, label in VELD_LABELS.items():
            if name in _NOT_SHOWN or name not in type(base).model_fields:
                continue
            mine, theirs = getattr(variant.item, name), getattr(base, name)
            if mine != theirs:
                if name == "aanbieder":
                    velden.append((label, overzicht.organisatie_naam(mine) or als_tekst(mine)))
                else:
                    velden.append((label, als_tekst(mine)))
        if velden:
            result.append(Verschil(overzicht.namen(variant.gemeenten), velden))
    return result


# --- "Klopt dit niet?" ---------------------------------------------------------------------


def verlopen(item: Entry) -> bool:
    """Checked more than 12 months ago: the sociale kaart says so on the card (the parents'
    pages do not: it would only alarm). The rule is `wegwijzer.rules.publicatie.verlopen`."""
    return publicatie.verlopen(item, today())


def meldlink(item: Entry, regio: Any, gemeente: str | None, pagina: str) -> str | None:
    """A prefilled report about `item` to the editors of `regio` (its `meldformulier`, else
    its `meldadres`): the entry's id and name, the gemeente, the page address `pagina`, and
    room to say what is wrong. None when the regio has neither. Nothing about a client."""
    onderwerp = f"Klopt dit niet: {item.naam} ({item.id})"
    tekst = (
        f"Vermelding: {item.naam}\nId: {item.id}\nGemeente: {gemeente or 'alle gemeenten'}\n"
        f"Pagina: {pagina}\n\nWat klopt er niet? (bijvoorbeeld een nummer, een adres of wie het "
        "aanbiedt)\n\n"
    )
    formulier = getattr(regio, "meldformulier", None)
    if formulier:
        url = str(formulier)
        sep = "&" if "?" in url else "?"
        return f"{url}{sep}title={quote(onderwerp, safe='')}&body={quote(tekst, safe='')}"
    adres = getattr(regio, "meldadres", None)
    if adres:
        return f"mailto:{adres}?subject={quote(onderwerp, safe='')}&body={quote(tekst, safe='')}"
    return None


def meld_regio(overzicht: Any, data: Any | None, aanbod: Any | None) -> tuple[Any, str | None]:
    """(regio info, gemeente name) whose editors get a report about a card: the page's
    gemeente; on an overview page the first gemeente (by name) that offers it."""
    if data is not None:
        return data.regio, data.info.naam
    gemeenten = getattr(aanbod, "gemeenten", None) or ()
    for slug in gemeenten:
        found = overzicht.gemeenten.get(slug)
        if found is not None and (found.regio.meldadres or found.regio.meldformulier):
            return found.regio, None
    return None, None
