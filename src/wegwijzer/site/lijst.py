"""The shortlist ("lijstje"): a few entries a professional picks for one parent.

The selection lives in the address of the list page, `/sociale-kaart/lijst/?g=<gemeente>&k=<id>,<id>`:
it needs no account, cookie or server, survives a reload and can be sent. The page itself is
the same for every list; its script reads `g` and `k` and fetches one small JSON file per
gemeente, `/sociale-kaart/lijst/<gemeente>.json`, with what the list shows of each interventie
that gemeente offers (its own merged version) and the gemeente's urgent help.

Everything in the file is plain text, or a link already checked by `render` (tel_href,
safe_href, whatsapp_href): the script puts text in the page as text only.
"""

from __future__ import annotations

import json
from typing import Any

from wegwijzer.read.merge import GemeenteData, Vermelding
from wegwijzer.site import feiten
from wegwijzer.site.overzicht import Overzicht, sort_key
from wegwijzer.site.pages import spoed_van
from wegwijzer.site.render import datum, safe_href, tel_href, whatsapp_href

PAGINA = "sociale-kaart/lijst/"  # the list page (its address in the QR code)
MAX_KEUZES = 20  # ids in one address; the page prints on one A4 for up to five


def bestand(gemeente: str) -> str:
    """The site path of a gemeente's list data."""
    return f"{PAGINA}{gemeente}.json"


def _nummers(item: Any) -> list[dict[str, str]]:
    bellen = feiten.belbaar(item)
    result = []
    for n in feiten.nummers(item):
        nummer = {"label": "Bel" if n.hoofd else n.label, "nummer": n.telefoon.weergave}
        href = tel_href(n.telefoon)
        if bellen and href != "#":
            nummer["href"] = href
        result.append(nummer)
    return result


def _contact(item: Any) -> dict[str, Any]:
    """How to reach the help: numbers, WhatsApp, chat, website, e-mail."""
    v = feiten.velden(item)
    result: dict[str, Any] = {}
    if nummers := _nummers(item):
        result["nummers"] = nummers
    if v["whatsapp"]:
        wa = {"nummer": v["whatsapp"].weergave}
        href = whatsapp_href(v["whatsapp"])
        if href and feiten.belbaar(item):
            wa["href"] = href
        result["whatsapp"] = wa
    for veld in ("chat", "website"):
        link = v[veld] if veld == "chat" else item.website
        if link and safe_href(link) != "#":
            result[veld] = {"href": safe_href(link), "host": link.host}
    if item.email and safe_href(f"mailto:{item.email}") != "#":
        result["email"] = {"href": f"mailto:{item.email}", "adres": str(item.email)}
    return result


def vermelding(entry: Vermelding[Any], aanbieder: Vermelding[Any] | None) -> dict[str, Any]:
    """What the list shows of one interventie, in the gemeente's own version; `aanbieder`:
    the gemeente's version of its provider, whose contact is shown when it has none."""
    item = entry.item
    v = feiten.velden(item)
    result: dict[str, Any] = {"id": item.id, "naam": item.naam}
    if v["afkorting"]:
        result["afkorting"] = v["afkorting"]
    result["omschrijving"] = item.omschrijving
    for veld in ("doelgroep", "aanmelden", "kosten"):
        if v[veld]:
            result[veld] = v[veld]
    if item.bereikbaar:
        result["bereikbaar"] = item.bereikbaar
    result.update(_contact(item))
    if not feiten.bereikbaar_via(item) and aanbieder is not None and feiten.bereikbaar_via(aanbieder.item):
        result["via"] = {"naam": aanbieder.item.naam, **_contact(aanbieder.item)}
    elif not feiten.bereikbaar_via(item):
        result["vraag_ernaar"] = True  # no way to reach it of its own: ask your midwife, GP, JGZ
    result["gecontroleerd"] = datum(item.gecontroleerd) if item.gecontroleerd else None
    if feiten.onzeker(item):
        result["onzeker"] = True
    return result


def lijst_data(data: GemeenteData, ov: Overzicht) -> dict[str, Any]:
    """The list data of one gemeente: every interventie it offers, and its urgent help."""
    def eigen(entry: Vermelding[Any]) -> dict[str, Any]:
        ref = feiten.velden(entry.item)["aanbieder"]
        org = data.organisatie(ref) if ref else None
        # the merge shares unchanged objects between gemeenten: each made once per build
        return ov.once("lijst-vermelding", entry, org, caller=lambda: vermelding(entry, org))

    entries = sorted(data.interventies, key=lambda e: sort_key(e.item.naam))
    spoed = []
    for entry in spoed_van(data):
        item = entry.item
        lijn: dict[str, str] = {"naam": item.naam}
        if item.telefoon and tel_href(item.telefoon) != "#":
            lijn.update(nummer=item.telefoon.weergave, href=tel_href(item.telefoon))
        elif item.website and safe_href(item.website) != "#":
            lijn.update(host=item.website.host, href=safe_href(item.website))
        spoed.append(lijn)
    return {
        "gemeente": data.slug,
        "naam": data.info.naam,
        "voorbeelddata": bool(data.voorbeelddata),
        "spoed": spoed,
        "vermeldingen": {e.item.id: eigen(e) for e in entries},
    }


def lijst_json(data: GemeenteData, ov: Overzicht) -> str:
    """The file `bestand(data.slug)`: compact, and the same bytes for the same data."""
    return json.dumps(lijst_data(data, ov), ensure_ascii=False, separators=(",", ":"))
