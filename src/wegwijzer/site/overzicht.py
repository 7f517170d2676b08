"""The merged data of all gemeenten, regrouped for the site's overview pages.

A gemeentepagina shows one `GemeenteData`. The sociale kaart and the hulplijnen page show
each entry once, with where it is (and is not) offered: `Aanbod` collects, per entry id, the
variants the merge produced (a gemeente may override a field) and the gemeenten of each.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from markupsafe import Markup, escape

from wegwijzer.read.merge import GemeenteData, Vermelding
from wegwijzer.read.models import Entry, Fase, Hulplijn, Interventie, Thema

E = TypeVar("E", bound=Entry)
T = TypeVar("T")


def sort_key(text: str) -> str:
    """Dutch alphabetical order, ignoring case and accents ('Ede' before 'Élan')."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.casefold()


@dataclass(frozen=True)
class Variant(Generic[E]):
    """One merged form of an entry and the gemeenten (slugs) that get exactly this form."""

    entry: Vermelding[E]
    gemeenten: tuple[str, ...]

    @property
    def item(self) -> E:
        return self.entry.item


@dataclass(frozen=True)
class NietHier:
    gemeente: str
    reden: str | None


@dataclass(frozen=True)
class Aanbod(Generic[E]):
    """One entry across the gemeenten: its variants, most common first."""

    kind: str
    id: str
    varianten: tuple[Variant[E], ...]
    niet_aangeboden: tuple[NietHier, ...]

    @property
    def hoofd(self) -> Vermelding[E]:
        return self.varianten[0].entry

    @property
    def item(self) -> E:
        return self.hoofd.item

    @cached_property
    def gemeenten(self) -> tuple[str, ...]:
        return tuple(sorted({slug for v in self.varianten for slug in v.gemeenten}))

    @cached_property
    def gemeenten_set(self) -> frozenset[str]:
        return frozenset(self.gemeenten)

    @cached_property
    def niet_set(self) -> frozenset[str]:
        return frozenset(n.gemeente for n in self.niet_aangeboden)

    @property
    def laag(self) -> str:
        """Where the entry was first written: 'landelijk', 'regio' or 'gemeente'."""
        return self.hoofd.lagen[0]

    def voor(self, gemeente: str) -> Vermelding[E] | None:
        if gemeente not in self.gemeenten_set:
            return None
        return next((v.entry for v in self.varianten if gemeente in v.gemeenten), None)

    def heeft(self, veld: str, waarde: object) -> bool:
        """True when any gemeente's version lists `waarde` under `veld` (fasen, themas):
        a gemeente may override the fasen or themas of a regional entry."""
        return any(waarde in (getattr(v.item, veld) or ()) for v in self.varianten)


@dataclass(frozen=True)
class Regio:
    slug: str
    naam: str
    gemeenten: tuple[str, ...]  # slugs, by name


@dataclass
class Overzicht:
    """Everything the site's pages are made of."""

    gemeenten: dict[str, GemeenteData]  # by name
    regios: dict[str, Regio]  # by name
    aanbod: dict[str, dict[str, Aanbod[Any]]]  # kind -> id -> Aanbod, by name
    _namen: dict[str, str] = field(default_factory=dict)
    _klaar: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    _houd: list[Any] = field(default_factory=list)

    def once(self, *key: Any, caller: Callable[[], T]) -> T:
        """`caller()` made once per build for `key`, and the same result every time after.

        For what every page that shows an entry needs (where it is offered, its card):
        templates call `{% call ov.once('prokaart', aanbod, entry, prefix, ...) %}`, naming
        every argument the part depends on. Objects in a key count by identity: the merge
        hands every gemeente that shows an entry unchanged the same object, and the overview
        does not change once built. Internal links in a card are markers
        (`render.site_link`), so its text does not depend on the page."""
        plain = (str, int, float, bool, type(None))
        cache_key = tuple(p if isinstance(p, plain) else ("id", id(p)) for p in key)
        if cache_key not in self._klaar:
            self._klaar[cache_key] = caller()
            # an id is unique only while its object lives: keep the objects of the key
            self._houd.extend(p for p in key if not isinstance(p, plain))
        return self._klaar[cache_key]  # type: ignore[no-any-return]

    #: Where a card's id prefix goes in its reused text (`kaart`).
    PREFIX = "\x05"

    def kaart(self, *key: Any, prefix: str, caller: Callable[[], str]) -> Markup:
        """A card made once per build for `key` (as `once`) and reused under every id prefix
        (one per section it is in): the card's body writes `PREFIX` where its ids start, and
        this puts `prefix` there. So a card shown under three fases is made once, not three
        times."""
        made = self.once(*key, caller=caller)
        return Markup(str(made).replace(self.PREFIX, str(escape(prefix))))

    def volgorde(self, gemeente: str) -> int:
        """The gemeente's place in alphabetical order."""
        places = self.once("volgorde", caller=lambda: {slug: i for i, slug in enumerate(self.gemeenten)})
        return places[gemeente]

    @property
    def voorbeelddata(self) -> bool:
        """True when any data is made up (`voorbeelddata: ja`): every page must say so."""
        return self.once(
            "voorbeelddata", caller=lambda: any(data.voorbeelddata for data in self.gemeenten.values())
        )

    def naam(self, gemeente: str) -> str:
        return self._namen.get(gemeente, gemeente)

    def namen(self, gemeenten: Iterable[str]) -> list[str]:
        return sorted((self.naam(slug) for slug in gemeenten), key=sort_key)

    @property
    def interventies(self) -> list[Aanbod[Interventie]]:
        return list(self.aanbod["interventies"].values())

    @property
    def hulplijnen(self) -> list[Aanbod[Hulplijn]]:
        return list(self.aanbod["hulplijnen"].values())

    def organisatie_naam(self, id: str | None) -> str | None:
        if not id:
            return None
        org = self.aanbod["organisaties"].get(id)
        return org.item.naam if org else None

    def organisatie(self, id: str | None) -> Vermelding[Any] | None:
        org = self.aanbod["organisaties"].get(id) if id else None
        return org.hoofd if org else None

    def spoed(self) -> list[Vermelding[Hulplijn]]:
        """Urgent help for pages that belong to no gemeente: the national lines first."""
        return self.once("spoed", caller=self._spoed)

    def _spoed(self) -> list[Vermelding[Hulplijn]]:
        lines = [a for a in self.hulplijnen if a.item.spoed]
        lines.sort(key=lambda a: (a.laag != "landelijk", order_of(a.hoofd)))
        return [a.hoofd for a in lines if a.laag == "landelijk"] or [a.hoofd for a in lines]

    def fasen(self) -> list[Fase]:
        return self.once(
            "fasen", caller=lambda: [f for f in Fase if any(a.heeft("fasen", f) for a in self.interventies)]
        )

    def themas(self) -> list[Thema]:
        return self.once(
            "themas", caller=lambda: [t for t in Thema if any(a.heeft("themas", t) for a in self.interventies)]
        )

    def woonplaatsen(self) -> list[tuple[str, str]]:
        """(woonplaats, gemeente slug), A to Z; a gemeente's own name is left out."""
        result = []
        for slug, data in self.gemeenten.items():
            for plaats in data.info.woonplaatsen or ():
                if sort_key(plaats) != sort_key(data.info.naam):
                    result.append((plaats, slug))
        return sorted(result, key=lambda pair: (sort_key(pair[0]), sort_key(self.naam(pair[1]))))


def order_of(entry: Vermelding[Any]) -> int:
    """Entries keep the order the editors wrote them in: by file, then by line."""
    plek = entry.plek
    return plek.line + 1_000_000 * ("landelijk", "regio", "gemeente").index(entry.lagen[0])


def build_overzicht(gemeenten: dict[str, GemeenteData]) -> Overzicht:
    by_name = dict(sorted(gemeenten.items(), key=lambda kv: sort_key(kv[1].info.naam)))
    regio_members: dict[str, list[str]] = {}
    regio_namen: dict[str, str] = {}
    for slug, data in by_name.items():
        regio_members.setdefault(data.regio_slug, []).append(slug)
        regio_namen[data.regio_slug] = data.regio.naam
    regios = {
        slug: Regio(slug, regio_namen[slug], tuple(members))
        for slug, members in sorted(regio_members.items(), key=lambda kv: sort_key(regio_namen[kv[0]]))
    }
    aanbod = {
        kind: _aanbod(kind, by_name)
        for kind in ("hulplijnen", "interventies", "organisaties", "contacten")
    }
    overzicht = Overzicht(by_name, regios, aanbod)
    overzicht._namen = {slug: data.info.naam for slug, data in by_name.items()}
    return overzicht


def _aanbod(kind: str, gemeenten: dict[str, GemeenteData]) -> dict[str, Aanbod[Any]]:
    variants: dict[str, list[tuple[Vermelding[Any], list[str]]]] = {}
    for slug, data in gemeenten.items():
        for entry in data.entries(kind):
            forms = variants.setdefault(entry.item.id, [])
            same = next((f for f in forms if f[0] is entry or f[0].item == entry.item), None)
            if same is None:
                forms.append((entry, [slug]))
            else:
                same[1].append(slug)
    niet: dict[str, list[NietHier]] = {}
    for slug, data in gemeenten.items():
        for excluded in data.niet_aangeboden:
            if excluded.kind == kind:
                niet.setdefault(excluded.id, []).append(NietHier(slug, excluded.reden))
    result = {}
    for id, forms in variants.items():
        # most gemeenten first; on a tie the form written in fewer layers (the base) first
        forms.sort(key=lambda f: (-len(f[1]), len(f[0].lagen)))
        result[id] = Aanbod(
            kind=kind,
            id=id,
            varianten=tuple(Variant(entry, tuple(slugs)) for entry, slugs in forms),
            niet_aangeboden=tuple(niet.get(id, ())),
        )
    return dict(sorted(result.items(), key=lambda kv: sort_key(kv[1].item.naam)))
