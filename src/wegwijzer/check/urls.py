"""Collect the web addresses of the data, each with the places it is written and shown.

An address is checked once, however often it is used; a problem with it is reported at every
place an editor may have to change (the YAML file and line where the address is written), and
listed under every gemeente whose page shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from wegwijzer.diagnostics import Plek
from wegwijzer.read.merge import GemeenteData
from wegwijzer.read.models import KINDS, MODEL_BY_KIND
from wegwijzer.read.parse import Parsed
from wegwijzer.read.project import Project

URL_FIELDS = ("website", "chat")


@dataclass(frozen=True)
class Gebruik:
    """One place where an address is written (in the data) or shown (on a built page)."""

    url: str
    plek: Plek
    veld: str  # "website", "chat", or for a page the HTML attribute ("href")
    wat: str  # what the address belongs to, for the editor: "hulplijn 'luisterlijn'"
    id: str | None = None  # the entry id, if the address belongs to an entry
    kind: str | None = None  # hulplijnen, interventies, ... (None for gemeente/regio/page)
    gemeenten: frozenset[str] = frozenset()  # gemeenten whose page shows it
    op_site: bool = False  # found in the built site, not in the data


@dataclass
class UrlLijst:
    """Every address and where it is used, in a stable order."""

    gebruik: dict[str, list[Gebruik]] = field(default_factory=dict)
    # every place in `gebruik`, so that adding one is not a search through all places of its
    # address (a national site shows one address on thousands of pages)
    _gezien: set[Gebruik] = field(default_factory=set, repr=False)

    def add(self, item: Gebruik) -> None:
        places = self.gebruik.setdefault(item.url, [])
        if item not in self._gezien:
            self._gezien.add(item)
            places.append(item)

    def extend(self, items: Iterable[Gebruik]) -> None:
        for item in items:
            self.add(item)

    @property
    def urls(self) -> list[str]:
        return list(self.gebruik)

    def __len__(self) -> int:
        return len(self.gebruik)

    def in_data(self, url: str) -> bool:
        return any(not g.op_site for g in self.gebruik.get(url, ()))


def collect_data_urls(project: Project, gemeenten: dict[str, GemeenteData]) -> UrlLijst:
    """Every website and chat address written in the data files, with the gemeenten showing it.

    Entries that no gemeente shows (excluded everywhere) are collected too: their address is
    still in the data and may come back.
    """
    shown = _shown_in(gemeenten)
    lijst = UrlLijst()
    for parsed, owner, slug in _files(project):
        for item in _file_urls(parsed, owner):
            if item.kind is None and owner == "regio":
                members = frozenset(s for s, d in gemeenten.items() if d.regio_slug == slug)
            elif item.kind is None and owner == "gemeente":
                members = frozenset({slug}) if slug in gemeenten else frozenset()
            else:
                members = shown.get(item.plek, frozenset())
            lijst.add(replace(item, gemeenten=members))
    return lijst


def _files(project: Project) -> Iterator[tuple[Parsed[Any], str, str]]:
    if project.landelijk is not None:
        yield project.landelijk, "landelijk", "landelijk"
    for slug in sorted(project.regios):
        yield project.regios[slug], "regio", slug
    for slug in sorted(project.gemeenten):
        yield project.gemeenten[slug], "gemeente", slug


def _file_urls(parsed: Parsed[Any], owner: str) -> Iterator[Gebruik]:
    model = parsed.model
    info = getattr(model, owner, None) if owner in ("regio", "gemeente") else None
    if info is not None and getattr(info, "website", None) is not None:
        yield Gebruik(
            url=info.website.url,
            plek=parsed.document.plek((owner, "website")),
            veld="website",
            wat=f"{owner} {info.naam}",
        )
    for kind in KINDS:
        label = MODEL_BY_KIND[kind].label
        for position, entry in enumerate(getattr(model, kind, None) or ()):
            for name in URL_FIELDS:
                value = getattr(entry, name, None)
                if value is None:
                    continue
                yield Gebruik(
                    url=value.url,
                    plek=parsed.plek_item(kind, position, name),
                    veld=name,
                    wat=f"{label} '{entry.id}'",
                    id=entry.id,
                    kind=kind,
                )


def _shown_in(gemeenten: dict[str, GemeenteData]) -> dict[Plek, frozenset[str]]:
    """The place of each entry's address value -> the gemeenten whose merged data uses it."""
    shown: dict[Plek, set[str]] = {}
    for slug, data in gemeenten.items():
        for entry in data.all_entries():
            for name in URL_FIELDS:
                if getattr(entry.item, name, None) is not None and name in entry.herkomst:
                    shown.setdefault(entry.herkomst[name], set()).add(slug)
    return {plek: frozenset(slugs) for plek, slugs in shown.items()}
