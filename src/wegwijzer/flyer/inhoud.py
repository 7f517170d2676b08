"""What goes on a gemeente's flyer, and the data (JSON) the Typst template is given.

Which entries, in which order, is `wegwijzer.rules.publicatie.flyer_vermeldingen`: the same
rule that decides what the site makes a call button. Unverified entries (``onzeker``, or never
``gecontroleerd``; spoedhulp excepted) stay off the flyer: a wrong number on paper reaches a
parent at her worst moment and cannot be recalled. They are reported as a warning; with
``onzeker_toestaan`` (``wegwijzer flyers --concept``) they are printed, and every page then
says CONCEPT so such a proof is not handed out by mistake.

Nothing here is cut or dropped to make a flyer fit: the template measures and the renderer
fails with a message when a gemeente's content is too long.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from wegwijzer.flyer.names import taal_naam
from wegwijzer.read.values import richting
from wegwijzer.flyer.vertalingen import Teksten
from wegwijzer.read.vertalingen import VASTE_TEKSTEN, Vertaling
from wegwijzer.rules.publicatie import FlyerVermeldingen, flyer_vermeldingen

__all__ = ["FlyerVermeldingen", "flyer_data", "flyer_vermeldingen", "timestamp"]
HYPHENATE = frozenset({"nl", "pl", "tr", "de", "en", "fr", "es", "pt", "ro", "uk", "bg"})
NBSP = "\u00a0"
# Websites whose path is longer than this are printed as the host only (the PDF link keeps
# the whole address): "ggdgm.nl/tijdens-je-zwangerschap/..." does not fit a flyer line.
MAX_PAD = 16


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
        "rtl": richting(taal) == "rtl",
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
        "concept": bool(onzeker_toestaan and keuze.concept),
        # made-up example data (a file with 'voorbeelddata: ja'): every page says so
        "voorbeelddata": bool(getattr(data, "voorbeelddata", False)),
        "datum": _datum(),
    }
    return result, list(dict.fromkeys(t.ontbreekt))


def _datum() -> str:
    from wegwijzer.read.models import today

    return today().isoformat()


def timestamp() -> dt.datetime:
    """Creation date written into the PDFs: the (pinnable) date of today, for repeatable files."""
    from wegwijzer.read.models import today

    return dt.datetime.combine(today(), dt.time(0, 0), tzinfo=dt.timezone.utc)
