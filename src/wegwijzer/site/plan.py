"""The page plan: every page of the site and the flyers it links, computed from the data.

`plan_site` is a pure function of the validated data: the same data gives the same plan, in
the same order, and nothing in it changes after it is made. The MkDocs plugin
(`wegwijzer.site.plugin`) only hands the plan's pages to MkDocs and renders them; it decides
nothing itself.

Other files are planned with the pages: the shortlist's data per gemeente (`lijst.py`).

Flyer links are planned too: every language in a gemeente's ``flyer_talen`` and every format
of `wegwijzer.flyer.names`. The flyer stage makes exactly those files or fails the build, so
a page never links a file that is not there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING

from wegwijzer.diagnostics import WegwijzerFout
from wegwijzer.site import flyers as flyer_links
from wegwijzer.site import lijst
from wegwijzer.site.flyers import FlyerTaal
from wegwijzer.site.overzicht import Overzicht, build_overzicht
from wegwijzer.site.pages import RESERVED, Pagina, alle_paginas, talen_per_gemeente
from wegwijzer.site.talen import PaginaTeksten

if TYPE_CHECKING:
    from wegwijzer.rules.validate import Resultaat


class PlanFout(WegwijzerFout):
    """The data cannot be laid out as a site (a gemeente named like a fixed page)."""


class FlyerModus(Enum):
    """What the gemeentepagina says about the MamaWegwijzer flyers."""

    MAKEN = "maken"  # the flyers are made with the site: link every planned file
    VOORBEELD = "voorbeeld"  # a preview (`mkdocs serve`): name the languages, link nothing
    GEEN = "geen"  # flyers switched off, or no flyer stage: no flyer section


@dataclass(frozen=True)
class SitePlan:
    """Every generated page (in build order) and, per gemeente, the flyers its page links."""

    overzicht: Overzicht
    teksten: PaginaTeksten  # the Dutch texts, for every page not in another language
    paginas: Mapping[str, Pagina]  # src_uri of the stand-in file -> page
    flyers: Mapping[str, tuple[FlyerTaal, ...]]  # gemeente slug -> its flyers (empty: none)
    flyer_modus: FlyerModus
    # other generated files: site path -> text (the shortlist's data per gemeente)
    bestanden: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def pagina(self, src_uri: str) -> Pagina | None:
        return self.paginas.get(src_uri)


def plan_site(resultaat: Resultaat, flyer_modus: FlyerModus) -> SitePlan:
    """The plan of the site for validated data; raises `PlanFout` when it cannot be laid out."""
    overzicht = build_overzicht(resultaat.gemeenten)
    for slug in overzicht.gemeenten:
        if slug in RESERVED:
            raise PlanFout(
                f"gemeente '{slug}' heeft dezelfde naam als een vaste pagina van de site "
                f"({', '.join(sorted(RESERVED))}); geef het bestand een andere naam"
            )
    talen = {taal for per in talen_per_gemeente(overzicht, resultaat.project.vertalingen).values() for taal in per}
    for slug in overzicht.gemeenten:
        if slug in talen:
            raise PlanFout(
                f"gemeente '{slug}' heeft dezelfde naam als de taal '{slug}', die een eigen pagina "
                f"/{slug}/ krijgt; geef het bestand een andere naam"
            )
    planned: dict[str, tuple[FlyerTaal, ...]] = {}
    per_gemeente: dict[str, list[FlyerTaal]] | None = None
    if flyer_modus is not FlyerModus.GEEN:
        per_gemeente = {}
        for slug, data in overzicht.gemeenten.items():
            links = flyer_links.planned(
                slug, data.info.flyer_talen, linked=flyer_modus is FlyerModus.MAKEN
            )
            if links is None:  # no flyer stage at all
                per_gemeente = None
                break
            per_gemeente[slug] = links
            planned[slug] = tuple(links)
    if per_gemeente is None:
        flyer_modus, planned = FlyerModus.GEEN, {}
    vertalingen = resultaat.project.vertalingen
    paginas = {page.src_uri: page for page in alle_paginas(overzicht, per_gemeente, vertalingen)}
    bestanden = {lijst.bestand(slug): lijst.lijst_json(data, overzicht) for slug, data in overzicht.gemeenten.items()}
    return SitePlan(
        overzicht=overzicht,
        teksten=PaginaTeksten(vertalingen, "nl"),
        paginas=MappingProxyType(paginas),
        flyers=MappingProxyType(planned),
        flyer_modus=flyer_modus,
        bestanden=MappingProxyType(bestanden),
    )
