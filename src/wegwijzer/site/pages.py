"""Which pages the site has, at which address, and the data each page template gets.

Every page is generated: a small Markdown file with front matter (title, what to hide, search
exclusion) stands in for it, and the plugin replaces its content by the rendered template.

    /                                  home: what this is, urgent help, "Kies je gemeente"
    /<gemeente>/                       gemeentepagina for parents (the QR code's address)
    /<gemeente>/<taal>/                the same in each language of the gemeente's flyer_talen
    /<taal>/                           "Kies je gemeente" in that language
    /hulplijnen/                       all help lines
    /sociale-kaart/                    every interventie, for professionals, with a filter
    /sociale-kaart/gemeente/<slug>/    the same, for one gemeente, per fase
    /sociale-kaart/fase/<fase>/        ... for one fase
    /sociale-kaart/thema/<thema>/      ... for one thema
    /sociale-kaart/regio/<regio>/      matrix interventie x gemeente for one region
    /sociale-kaart/lijst/              a professional's shortlist for a parent (?g=&k=, see lijst.py)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wegwijzer.read.merge import GemeenteData, Vermelding
from wegwijzer.read.models import ContactSoort, Fase, Interventie, Thema
from wegwijzer.site import feiten
from wegwijzer.site.flyers import FlyerTaal
from wegwijzer.site.overzicht import Aanbod, Overzicht, Regio, order_of, sort_key
from wegwijzer.read.vertalingen import Vertaling
from wegwijzer.site.fonts import FONTS, stylesheet_uri
from wegwijzer.site.talen import PaginaTeksten, Taalversie, material_taal, richting, schrift, taal_naam

# Top-level names the site uses itself; a gemeente cannot have one of these as its id.
RESERVED = frozenset(
    {"sociale-kaart", "hulplijnen", "toegankelijkheid", "privacy", "assets", "search", "404",
     "zoeken", "pagefind"}
)

# At most this many cards on one overview page (sociale kaart, a fase or thema, hulplijnen).
# Beyond it (a site for many regions) an overview shows the national help only, and the
# regional and local help is on each gemeente's own page: a page of thousands of cards is
# megabytes that no phone loads and no professional reads.
MAX_KAARTEN = 400

CONTACT_ORDER = (
    ContactSoort.CJG,
    ContactSoort.JGZ,
    ContactSoort.SOCIAAL_TEAM,
    ContactSoort.GEMEENTE,
    ContactSoort.GGD,
    ContactSoort.VERLOSKUNDE,
    ContactSoort.KRAAMZORG,
    ContactSoort.HUISARTS,
    ContactSoort.ZIEKENHUIS,
    ContactSoort.OVERIG,
)


@dataclass
class Pagina:
    """One generated page."""

    src_uri: str  # path of the stand-in Markdown file, such as "ede/index.md"
    titel: str  # plain text (see `plain`)
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    beschrijving: str = ""
    verberg: tuple[str, ...] = ("navigation", "toc")
    zoeken: bool = True  # in the search index (Pagefind: the content is data-pagefind-body)
    zoek_gemeente: str | None = None  # the gemeente the page is about: the search filter
    meta: dict[str, Any] = field(default_factory=dict)  # more front matter (ww_taal, ...)

    @property
    def url(self) -> str:
        return re.sub(r"(^|/)index\.md$", r"\1", self.src_uri).removesuffix(".md")

    def markdown(self) -> str:
        """The stand-in file: front matter only (JSON strings are valid YAML)."""
        lines = ["---", f"title: {json.dumps(self.titel, ensure_ascii=False)}"]
        if self.beschrijving:
            lines.append(f"description: {json.dumps(self.beschrijving, ensure_ascii=False)}")
        if self.verberg:
            lines.append(f"hide: {json.dumps(list(self.verberg))}")
        if self.zoek_gemeente:  # the search box narrows to this gemeente at first
            lines.append(f"ww_gemeente: {json.dumps(self.zoek_gemeente, ensure_ascii=False)}")
        for key, value in self.meta.items():
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        lines += ["---", ""]
        return "\n".join(lines)


def plain(text: str) -> str:
    """Text safe in places the theme does not escape (the <title>, meta tags, the header).

    Those places print the page title as is, so it must hold no markup characters at all.
    """
    text = re.sub(r"[\x00-\x1f\x7f<>\"`]", " ", text).replace("&", " en ")
    return re.sub(r"\s+", " ", text).strip()


# --- per page type -----------------------------------------------------------------------------


def _kaart_volgorde(entry: Vermelding[Any]) -> tuple:
    item = entry.item
    return (feiten.onzeker(item) and not getattr(item, "spoed", False), order_of(entry))


def hulplijnen_voor_ouders(data: GemeenteData) -> list[Vermelding[Any]]:
    """The 'Ik weet het even niet meer' lines: not urgent; MamaWegwijzer lines first."""
    lines = [e for e in data.hulplijnen if not e.item.spoed]
    return sorted(lines, key=lambda e: (not e.item.op_flyer, *_kaart_volgorde(e)))


def spoed_van(data: GemeenteData) -> list[Vermelding[Any]]:
    return sorted((e for e in data.hulplijnen if e.item.spoed), key=order_of)


def per_fase(entries: list[Any], fase_of: Callable[[Any], list[Fase]]) -> list[tuple[Fase, list[Any]]]:
    result = []
    for fase in Fase:
        matching = [e for e in entries if fase in fase_of(e)]
        if matching:
            result.append((fase, matching))
    return result


def contacten_voor_ouders(data: GemeenteData) -> list[Vermelding[Any]]:
    return sorted(
        data.contacten, key=lambda e: (CONTACT_ORDER.index(e.item.soort), *_kaart_volgorde(e))
    )


def gemeente_pagina(
    data: GemeenteData,
    ov: Overzicht,
    flyers: list[FlyerTaal] | None,
    t: PaginaTeksten | None = None,
    versies: list[Taalversie] | None = None,
) -> Pagina:
    """The gemeentepagina in the language of `t` (Dutch when None), at /<slug>/ or
    /<slug>/<taal>/; `versies` are all its languages, for the language menu."""
    t = t or PaginaTeksten({}, "nl")
    interventies = sorted(data.interventies, key=_kaart_volgorde)

    def aanbieder(entry: Vermelding[Any]) -> Vermelding[Any] | None:
        ref = getattr(entry.item, "aanbieder", None) or getattr(entry.item, "organisatie", None)
        return data.organisatie(ref) if ref else None

    def organisatie(entry: Vermelding[Any]) -> str | None:
        org = aanbieder(entry)
        return org.item.naam if org else None

    naam = plain(data.info.naam)
    versies = versies or []
    if t.taal == "nl":
        src_uri = f"{data.slug}/index.md"
        titel = f"Hulp in {naam}"
        beschrijving = f"Hulp voor aanstaande en jonge ouders in {naam}: wie je kunt bellen, appen of chatten."
        thuis = ""
    else:
        src_uri = f"{data.slug}/{t.taal}/index.md"
        titel = plain(str(t.attr("titel", gemeente=naam)))
        beschrijving = plain(str(t.attr("lead", gemeente=naam)))
        thuis = f"{t.taal}/"
        # the page's language first, then Dutch: the downloads a parent is after
        flyers = sorted(flyers or [], key=lambda f: (f.taal != t.taal, f.taal != "nl")) or None
    return Pagina(
        src_uri=src_uri,
        titel=titel,
        template="gemeente.html",
        beschrijving=beschrijving,
        # in the search index in the other languages (their only pages); in Dutch the sociale
        # kaart of the gemeente holds the same entries, so the index holds them once
        zoeken=t.taal != "nl",
        zoek_gemeente=naam,  # the search starts narrowed to this gemeente
        meta=taal_meta(t, versies),
        context={
            "data": data,
            "t": t,
            "versies": versies,
            "thuis": thuis,
            "nl_url": f"{data.slug}/",
            "spoed": spoed_van(data),
            "hulplijnen": hulplijnen_voor_ouders(data),
            "per_fase": per_fase(interventies, lambda e: e.item.fasen),
            "contacten": contacten_voor_ouders(data),
            "ggd": data.organisatie(data.regio.ggd) if data.regio.ggd else None,
            "organisatie": organisatie,
            "aanbieder": aanbieder,
            "flyers": flyers,
        },
    )


def taal_meta(t: PaginaTeksten, versies: list[Taalversie]) -> dict[str, Any]:
    """Front matter for the theme: the page's language and direction, its other language
    versions (hreflang links), and the footer's texts in that language."""
    meta: dict[str, Any] = {}
    if versies:
        meta["ww_versies"] = [{"taal": v.taal, "url": v.url, "naam": v.naam} for v in versies]
    eigen = t.schrift()
    namen = sorted({schrift(v.naam) for v in versies} - {eigen, None} & set(FONTS))
    if namen:  # the language menu names a language in a script this page does not use
        meta["ww_font_namen"] = [stylesheet_uri(script, namen=True) for script in namen]
    if t.taal == "nl":
        return meta
    meta["ww_taal"] = t.taal
    meta["ww_richting"] = t.richting
    if eigen in FONTS:
        meta["ww_font"] = stylesheet_uri(eigen)
    meta["ww_material"] = material_taal(t.taal)
    meta["ww_voet"] = _theme_teksten(
        t, "kies_je_gemeente", "hulplijnen", "toegankelijkheid", "privacy", "over_deze_site",
        "geen_cookies", "naar_inhoud", "site_naam",
    )
    meta["ww_thuis"] = f"{t.taal}/"
    # the search box and its messages (partials/zoeken.html, zoekpaneel.html, wegwijzer.js)
    meta["ww_zoek"] = _theme_teksten(
        t, "zoeken", "zoek_vraag", "zoek_waar", "zoek_knop", "zoek_resultaten", "zoek_bezig",
        "zoek_niets", "zoek_gevonden", "zoek_fout", "zoek_meer", "alle_gemeenten",
    )
    return meta


def _theme_teksten(t: PaginaTeksten, *keys: str) -> dict[str, dict[str, str]]:
    """Page texts for the theme's own templates (footer, search box): each text with the
    language it is written in (Dutch where the page's language has none)."""
    return {key: {"tekst": t.attr(key), "lang": t.taal if t.heeft(key) else "nl"} for key in keys}


def taal_thuis_pagina(ov: Overzicht, t: PaginaTeksten, slugs: list[str], versies: list[Taalversie]) -> Pagina:
    """/<taal>/: choose your gemeente, in one language (the gemeenten that have it)."""
    return Pagina(
        src_uri=f"{t.taal}/index.md",
        titel=plain(t.attr("site_naam")),
        template="thuis_taal.html",
        verberg=("navigation", "toc"),
        zoeken=False,
        meta=taal_meta(t, versies),
        context={"t": t, "versies": versies, "nl_url": "", "gemeenten": [ov.gemeenten[s] for s in slugs]},
    )


def home_pagina(ov: Overzicht, versies: list[Taalversie] | None = None) -> Pagina:
    def andere_plaatsen(data: GemeenteData) -> list[str]:
        own = sort_key(data.info.naam)
        return [p for p in data.info.woonplaatsen or () if sort_key(p) != own]

    return Pagina(
        src_uri="index.md",
        titel="Hulp voor aanstaande en jonge ouders",
        template="home.html",
        verberg=("toc",),
        meta=taal_meta(PaginaTeksten({}, "nl"), versies or []),
        context={
            "versies": versies or [],
            "regios": list(ov.regios.values()),
            "woonplaatsen": ov.woonplaatsen(),
            "andere_plaatsen": andere_plaatsen,
        },
    )


def zoek_pagina() -> Pagina:
    """/zoeken/: where the search box sends a search without JavaScript (and, with it, the
    search itself, from the address: /zoeken/?q=...)."""
    return Pagina(
        src_uri="zoeken/index.md",
        titel="Zoeken",
        template="zoeken.html",
        beschrijving="Zoek hulp voor aanstaande en jonge ouders op deze site.",
        zoeken=False,
    )


def hulplijnen_pagina(ov: Overzicht) -> Pagina:
    lines = sorted(ov.hulplijnen, key=lambda a: _kaart_volgorde(a.hoofd))
    groepen = [
        _Groep("spoedhulp", "Spoedhulp, dag en nacht", [a for a in lines if a.item.spoed]),
        _Groep(
            "landelijk",
            "In heel Nederland",
            [a for a in lines if not a.item.spoed and a.laag == "landelijk"],
        ),
    ]
    for regio in ov.regios.values():
        members = set(regio.gemeenten)
        regional = [
            a for a in lines
            if not a.item.spoed and a.laag == "regio" and set(a.gemeenten) & members
        ]
        groepen.append(_Groep(f"regio-{regio.slug}", f"In regio {plain(regio.naam)}", regional))
    local = [a for a in lines if not a.item.spoed and a.laag == "gemeente"]
    shown = sum(len(g.lijnen) for g in groepen)
    elders = 0
    if shown + len(local) > MAX_KAARTEN:
        elders = len(local)  # on each gemeente's page instead
    else:
        groepen.append(_Groep("gemeente", "In één gemeente", local))
    return Pagina(
        src_uri="hulplijnen/index.md",
        titel="Hulplijnen",
        template="hulplijnen.html",
        verberg=("toc",),
        context={"groepen": [g for g in groepen if g.lijnen], "elders": elders},
    )


@dataclass(frozen=True)
class _Groep:
    id: str
    titel: str
    lijnen: list[Aanbod[Any]]


def begrensd(aanbod: list[Aanbod[Any]]) -> tuple[list[Aanbod[Any]], int]:
    """The entries an overview page shows, and how many it leaves to the gemeente pages.

    Up to MAX_KAARTEN entries: all of them. Beyond that only the national ones."""
    if len(aanbod) <= MAX_KAARTEN:
        return aanbod, 0
    landelijk = [a for a in aanbod if a.laag == "landelijk"]
    return landelijk, len(aanbod) - len(landelijk)


def kaart_pagina(ov: Overzicht) -> Pagina:
    interventies, elders = begrensd(_pro_volgorde(ov.interventies))
    return Pagina(
        src_uri="sociale-kaart/index.md",
        titel="Sociale kaart",
        template="kaart.html",
        verberg=("toc",),
        context={"interventies": interventies, "elders": elders},
    )


def _pro_volgorde(aanbod: list[Aanbod[Interventie]]) -> list[Aanbod[Interventie]]:
    return sorted(aanbod, key=lambda a: (feiten.onzeker(a.item), sort_key(a.item.naam)))


def kaart_gemeente_pagina(data: GemeenteData, ov: Overzicht) -> Pagina:
    pairs = []
    for entry in data.interventies:
        aanbod = ov.aanbod["interventies"][entry.item.id]
        pairs.append((aanbod, entry))
    pairs.sort(key=lambda p: (feiten.onzeker(p[1].item), sort_key(p[1].item.naam)))
    naam = plain(data.info.naam)
    return Pagina(
        src_uri=f"sociale-kaart/gemeente/{data.slug}.md",
        titel=f"Sociale kaart {naam}",
        template="kaart_gemeente.html",
        zoek_gemeente=naam,
        verberg=("toc",),
        context={
            "data": data,
            "per_fase": per_fase(pairs, lambda p: p[1].item.fasen),
            "niet_aangeboden": [n for n in data.niet_aangeboden if n.kind == "interventies"],
            "contacten": contacten_voor_ouders(data),
        },
    )


def kaart_fase_pagina(fase: Fase, ov: Overzicht) -> Pagina:
    lead = f"Alle hulp voor de fase '{fase.label.lower()}', in alle gemeenten."
    return _kaart_filter_pagina("fase", "fasen", fase, lead, ov)


def kaart_thema_pagina(thema: Thema, ov: Overzicht) -> Pagina:
    lead = f"Alle hulp bij het thema '{thema.label.lower()}', in alle gemeenten."
    return _kaart_filter_pagina("thema", "themas", thema, lead, ov)


def _kaart_filter_pagina(soort: str, veld: str, waarde: Fase | Thema, lead: str, ov: Overzicht) -> Pagina:
    """A sociale-kaart page with the interventies of one fase or thema (no JavaScript needed)."""
    titel = f"Sociale kaart: {waarde.label.lower()}"
    interventies, elders = begrensd(_pro_volgorde([a for a in ov.interventies if a.heeft(veld, waarde)]))
    return Pagina(
        src_uri=f"sociale-kaart/{soort}/{waarde.value}.md",
        titel=titel,
        template="kaart_filter.html",
        zoeken=False,
        verberg=("toc",),
        context={
            "titel": titel,
            "lead": lead,
            "huidig": f"{soort}/{waarde.value}",
            "interventies": interventies,
            "elders": elders,
        },
    )


@dataclass(frozen=True)
class Cel:
    soort: str  # "ja", "nee" or "leeg"
    noot: int | None = None  # number of the note under the table


@dataclass(frozen=True)
class Rij:
    aanbod: Aanbod[Interventie]
    cellen: list[Cel]
    kaart: str  # site path of the row's card: on the sociale kaart, else a gemeente's page


def kaart_adres(aanbod: Aanbod[Interventie], regio: Regio, op_index: set[str] | None) -> str:
    """Where the card of `aanbod` is: the sociale kaart itself when it is shown there, else
    the sociale-kaart page of the first gemeente of `regio` that offers it."""
    if op_index is None or aanbod.id in op_index:
        return f"sociale-kaart/#{aanbod.id}"
    for slug in regio.gemeenten:
        entry = aanbod.voor(slug)
        if entry is not None and entry.item.fasen:
            fase = min(entry.item.fasen, key=list(Fase).index)
            return f"sociale-kaart/gemeente/{slug}/#{fase.value}-{aanbod.id}"
    return "sociale-kaart/"


def matrix(regio: Regio, ov: Overzicht, op_index: set[str] | None = None) -> tuple[list[Rij], list[str]]:
    """Rows interventie x gemeente of one region, and the notes (reasons) under the table.

    `op_index`: the ids whose cards the sociale kaart shows (None: all of them)."""
    members = set(regio.gemeenten)
    rijen: list[Rij] = []
    noten: list[str] = []

    def noot(text: str) -> int:
        if text not in noten:
            noten.append(text)
        return noten.index(text) + 1

    # Local offers with the same name (one per gemeente) share a row.
    rows: dict[str, list[Aanbod[Interventie]]] = {}
    for aanbod in ov.interventies:
        if not (aanbod.gemeenten_set.isdisjoint(members) and aanbod.niet_set.isdisjoint(members)):
            rows.setdefault(sort_key(aanbod.item.naam), []).append(aanbod)
    for group in rows.values():
        aanbod = group[0]
        niet = {n.gemeente: n.reden for a in group for n in a.niet_aangeboden}
        naam = aanbod.item.naam
        cellen = []
        for slug in regio.gemeenten:
            entry = next((e for a in group if (e := a.voor(slug)) is not None), None)
            if entry is not None:
                reden = entry.item.onzeker if feiten.onzeker(entry.item) else None
                text = f"{naam} in {ov.naam(slug)}: nog niet gecontroleerd" + (
                    f" ({reden})" if reden else ""
                )
                cellen.append(Cel("ja", noot(text) if feiten.onzeker(entry.item) else None))
            elif slug in niet:
                reden = niet[slug]
                text = f"{naam} in {ov.naam(slug)}: {reden}" if reden else None
                cellen.append(Cel("nee", noot(text) if text else None))
            else:
                cellen.append(Cel("leeg"))
        rijen.append(Rij(aanbod, cellen, kaart_adres(aanbod, regio, op_index)))
    return rijen, noten


def kaart_regio_pagina(regio: Regio, ov: Overzicht, op_index: set[str] | None = None) -> Pagina:
    naam = plain(regio.naam)
    rijen, noten = matrix(regio, ov, op_index)
    return Pagina(
        src_uri=f"sociale-kaart/regio/{regio.slug}.md",
        titel=f"Overzicht regio {naam}",
        template="kaart_regio.html",
        zoeken=False,
        verberg=("navigation", "toc"),
        context={"regio": regio, "rijen": rijen, "noten": noten},
    )


def lijst_pagina(ov: Overzicht) -> Pagina:
    """The shortlist: one page for every list; its script reads the address (see lijst.py)."""
    return Pagina(
        src_uri="sociale-kaart/lijst.md",
        titel="Lijstje met hulp",
        template="lijst.html",
        beschrijving="Hulp die bij jou past, gekozen door je verloskundige, jeugdverpleegkundige of hulpverlener.",
        zoeken=False,
        verberg=("navigation", "toc"),
        context={"gemeenten": list(ov.gemeenten.values())},
    )


def alle_paginas(
    ov: Overzicht,
    flyers: dict[str, list[FlyerTaal]] | None,
    vertalingen: Mapping[str, Vertaling] | None = None,
) -> list[Pagina]:
    """Every page of the site. With `vertalingen`, every gemeente also gets a page in each
    language of its ``flyer_talen`` that has a translation file, and each such language a
    page to choose the gemeente."""
    vertalingen = vertalingen or {}
    kaart = kaart_pagina(ov)
    op_index = {a.id for a in kaart.context["interventies"]}
    per_taal = talen_per_gemeente(ov, vertalingen)
    alle_talen = sorted({taal for talen in per_taal.values() for taal in talen})
    thuis_versies = [Taalversie("nl", "Nederlands", "", "ltr")] + [
        Taalversie(taal, taal_naam(vertalingen, taal), f"{taal}/", richting(taal)) for taal in alle_talen
    ] if alle_talen else []
    pages = [home_pagina(ov, thuis_versies), hulplijnen_pagina(ov), kaart, lijst_pagina(ov), zoek_pagina()]
    for slug, data in ov.gemeenten.items():
        talen = per_taal.get(slug, [])
        versies = [Taalversie("nl", "Nederlands", f"{slug}/", "ltr")] + [
            Taalversie(taal, taal_naam(vertalingen, taal), f"{slug}/{taal}/", richting(taal)) for taal in talen
        ] if talen else []
        gemeente_flyers = (flyers or {}).get(slug)
        pages.append(gemeente_pagina(data, ov, gemeente_flyers, PaginaTeksten(vertalingen, "nl"), versies))
        for taal in talen:
            pages.append(gemeente_pagina(data, ov, gemeente_flyers, PaginaTeksten(vertalingen, taal), versies))
        pages.append(kaart_gemeente_pagina(data, ov))
    for taal in alle_talen:
        slugs = [slug for slug, talen in per_taal.items() if taal in talen]
        pages.append(taal_thuis_pagina(ov, PaginaTeksten(vertalingen, taal), slugs, thuis_versies))
    pages += [kaart_fase_pagina(fase, ov) for fase in ov.fasen()]
    pages += [kaart_thema_pagina(thema, ov) for thema in ov.themas()]
    pages += [kaart_regio_pagina(regio, ov, op_index) for regio in ov.regios.values()]
    return pages


def talen_per_gemeente(ov: Overzicht, vertalingen: Mapping[str, Vertaling]) -> dict[str, list[str]]:
    """Per gemeente, the languages other than Dutch of its parent pages: those of its
    ``flyer_talen`` that have a translation file (validate reports the others)."""
    result = {}
    for slug, data in ov.gemeenten.items():
        talen = []
        for taal in data.info.flyer_talen or ():
            code = str(taal)
            if code != "nl" and code in vertalingen and code not in talen:
                talen.append(code)
        result[slug] = talen
    return result
