"""What goes on a gemeente's flyer, and the data (JSON) the Typst template is given.

Which entries, in this order:

- **Bel of chat**: hulplijnen with ``op_flyer: ja`` (not spoed), in the order of the data
  (landelijk, regio, gemeente);
- **Hulp in <gemeente>**: contacten of soort ``cjg``, ``jgz`` or ``sociaal-team`` that have a
  phone number or website (that order);
- **Spoedhulp**: every hulplijn or interventie with ``spoed: ja``;
- **In samenwerking met**: the organisaties in the gemeente's ``partners``.

Unverified entries (``onzeker``) stay off the flyer: a wrong number on paper reaches a parent
at her worst moment and cannot be recalled. They are reported as a warning; with
``onzeker_toestaan`` (``wegwijzer flyers --concept``) they are printed, and every page then
says CONCEPT so such a proof is not handed out by mistake.

Nothing here is cut or dropped to make a flyer fit: the template measures and the renderer
fails with a message when a gemeente's content is too long.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wegwijzer.flyer.names import RTL_TALEN, taal_naam
from wegwijzer.flyer.vertalingen import Vertaling, VASTE_TEKSTEN, invullen, zoek
from wegwijzer.read.models import ContactSoort

CONTACT_SOORTEN = (ContactSoort.CJG, ContactSoort.JGZ, ContactSoort.SOCIAAL_TEAM)
HYPHENATE = frozenset({"nl", "pl", "tr", "de", "en", "fr", "es", "pt", "ro", "uk", "bg"})
NBSP = "\u00a0"
# Websites whose path is longer than this are printed as the host only (the PDF link keeps
# the whole address): "ggdgm.nl/tijdens-je-zwangerschap/..." does not fit a flyer line.
MAX_PAD = 16


@dataclass
class FlyerVermeldingen:
    lijnen: list[Any] = field(default_factory=list)  # Vermelding[Hulplijn]
    contacten: list[Any] = field(default_factory=list)  # Vermelding[Contact]
    spoed: list[Any] = field(default_factory=list)  # Vermelding[Dienst]
    partners: list[Any] = field(default_factory=list)  # Vermelding[Organisatie]
    weggelaten: list[Any] = field(default_factory=list)  # unverified, left off

    @property
    def alle(self) -> list[Any]:
        return [*self.lijnen, *self.contacten, *self.spoed, *self.partners]


def flyer_vermeldingen(data: Any, *, onzeker_toestaan: bool = False) -> FlyerVermeldingen:
    """The entries of a gemeente's flyer (see the module docstring for the rules)."""
    result = FlyerVermeldingen()

    def keep(entry: Any) -> bool:
        if entry.item.onzeker and not onzeker_toestaan:
            result.weggelaten.append(entry)
            return False
        return True

    for entry in data.hulplijnen:
        if entry.item.op_flyer and not entry.item.spoed and keep(entry):
            result.lijnen.append(entry)
    for soort in CONTACT_SOORTEN:
        for entry in data.contacten:
            item = entry.item
            if item.soort == soort and (item.telefoon or item.website) and keep(entry):
                result.contacten.append(entry)
    for entry in (*data.hulplijnen, *data.interventies):
        if entry.item.spoed and keep(entry):
            result.spoed.append(entry)
    for id in data.info.partners or ():
        org = data.organisatie(id)
        if org is not None:
            result.partners.append(org)  # a name only: never left off for being unverified
    return result


def nbsp(text: str) -> str:
    """Keep a phone number or a short name on one line."""
    return text.replace(" ", NBSP)


def website_weergave(website: Any) -> str:
    text = website.weergave
    host, _, pad = text.partition("/")
    return host if len(pad) > MAX_PAD else text


def no_orphan(text: str) -> str:
    """Join the last two words of a heading so that no word stands alone on the last line."""
    head, sep, last = text.rpartition(" ")
    if not sep or len(last) > 12 or " " not in head:
        return text
    return f"{head}{NBSP}{last}"


class Teksten:
    """The texts of one flyer in one language; a missing one raises (validate reports it)."""

    def __init__(self, vertalingen: Mapping[str, Vertaling], taal: str, **waarden: str) -> None:
        self.nl = vertalingen.get("nl")
        self.doel = vertalingen.get(taal) if taal != "nl" else self.nl
        self.taal = taal
        self.waarden = waarden
        self.ontbreekt: list[str] = []

    def vast(self, key: str) -> str:
        tekst = zoek(self.doel, ("vast", key))
        if tekst is None:
            self.ontbreekt.append(f"vaste tekst '{key}'")
            return ""
        return invullen(tekst.tekst, **self.waarden)

    def veld(self, item: Any, naam: str, nl: str | None, *, verplicht: bool = True) -> str | None:
        if nl is None:
            return None
        if self.taal == "nl":
            return nl
        tekst = zoek(self.doel, (item.id, naam))
        if tekst is None:
            if verplicht:
                self.ontbreekt.append(f"{item.label} '{item.id}': '{naam.split(':')[0]}'")
            return nl
        return tekst.tekst

    def kort(self, item: Any) -> str | None:
        bron = zoek(self.nl, (item.id, "kort"))
        return self.veld(item, "kort", bron.tekst if bron else None)


def _entry(entry: Any, t: Teksten) -> dict[str, Any]:
    item = entry.item
    data: dict[str, Any] = {
        "id": item.id,
        "naam": t.veld(item, "naam", item.naam, verplicht=False),
        "kort": t.kort(item),
        "telefoon": None,
        "extra": [],
        "website": None,
        "chat": None,
        "whatsapp": None,
        "kenmerken": [],
        "bereikbaar": t.veld(item, "bereikbaar", item.bereikbaar),
        "kosten": None,
    }
    if item.telefoon:
        data["telefoon"] = {"weergave": nbsp(item.telefoon.weergave), "href": item.telefoon.href}
    for extra in item.extra_telefoon or ():
        digits = "".join(ch for ch in extra.nummer.invoer if ch.isdigit())
        data["extra"].append(
            {
                "weergave": nbsp(extra.nummer.weergave),
                "href": extra.nummer.href,
                "label": t.veld(item, f"extra_telefoon:{digits}", extra.label),
            }
        )
    if item.website:
        data["website"] = {"weergave": website_weergave(item.website), "url": item.website.url}
    chat = getattr(item, "chat", None)
    if chat:
        data["chat"] = {"weergave": website_weergave(chat), "url": chat.url}
    whatsapp = getattr(item, "whatsapp", None)
    if whatsapp:
        data["whatsapp"] = {"weergave": nbsp(whatsapp.weergave), "href": f"https://wa.me/{whatsapp.tel.lstrip('+')}"}
    if getattr(item, "kosten", None):
        if item.gratis:
            data["kenmerken"].append(t.vast("gratis"))
        else:
            data["kosten"] = t.veld(item, "kosten", item.kosten)
    if getattr(item, "anoniem", None):
        data["kenmerken"].append(t.vast("anoniem"))
    if item.dag_en_nacht:
        data["kenmerken"].append(t.vast("dag_en_nacht"))
    return data


def flyer_data(
    data: Any,
    taal: str,
    vertalingen: Mapping[str, Vertaling],
    *,
    url: str,
    qr_svg: str,
    formaat: str,
    onzeker_toestaan: bool = False,
) -> tuple[dict[str, Any], list[str]]:
    """The JSON for the template, and the texts that are missing in `taal` (empty: complete)."""
    gemeente = data.info.naam
    url_kort = url.split("://", 1)[1].rstrip("/")
    t = Teksten(vertalingen, taal, gemeente=gemeente, url=url)
    keuze = flyer_vermeldingen(data, onzeker_toestaan=onzeker_toestaan)
    vast = {key: t.vast(key) for key in VASTE_TEKSTEN}
    for key in ("titel", "ondertitel", "qr_titel", "gemeente_titel", "spoed_titel", "bel_of_chat"):
        vast[key] = no_orphan(vast[key])
    result = {
        "formaat": formaat,
        "taal": taal,
        "taal_naam": taal_naam(taal),
        "rtl": taal in RTL_TALEN,
        "hyphenate": taal in HYPHENATE,
        "document_titel": f"{vast['merk']} {gemeente}: {vast['titel'].replace(NBSP, ' ')}",
        "gemeente": gemeente,
        "regio": data.regio.naam,
        "t": vast,
        "lijnen": [_entry(e, t) for e in keuze.lijnen],
        "contacten": [_entry(e, t) for e in keuze.contacten],
        "spoed": [_entry(e, t) for e in keuze.spoed],
        "partners": [t.veld(o.item, "naam", o.item.naam, verplicht=False) for o in keuze.partners],
        "url": url,
        "url_kort": url_kort,
        "qr_svg": qr_svg,
        "concept": bool(onzeker_toestaan and _has_onzeker(keuze)),
        # made-up example data (a file with 'voorbeelddata: ja'): every page says so
        "voorbeelddata": bool(getattr(data, "voorbeelddata", False)),
        "datum": _datum(),
    }
    return result, list(dict.fromkeys(t.ontbreekt))


def _has_onzeker(keuze: FlyerVermeldingen) -> bool:
    return any(e.item.onzeker for e in keuze.alle)


def _datum() -> str:
    from wegwijzer.read.models import today

    return today().isoformat()


def timestamp() -> dt.datetime:
    """Creation date written into the PDFs: the (pinnable) date of today, for repeatable files."""
    from wegwijzer.read.models import today

    return dt.datetime.combine(today(), dt.time(0, 0), tzinfo=dt.timezone.utc)
