"""Merge the three layers (landelijk, regio, gemeente) into the data of one gemeente.

Rules, per kind of entry (hulplijnen, interventies, organisaties, contacten):

- an entry with a new id is added;
- an entry whose id exists in a lower layer overrides only the fields it gives
  (groups of fields merge, lists replace);
- ``niet_aangeboden`` in a regio or gemeente removes inherited entries; an id that does not
  exist is an error, and entries with ``spoed: ja`` cannot be removed.

The result remembers, per field, the file and line its value came from.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from wegwijzer.diagnostics import Meldingen, Plek
from wegwijzer.read.models import (
    KINDS,
    MODEL_BY_KIND,
    Contact,
    Entry,
    GemeenteInfo,
    Hulplijn,
    Interventie,
    Organisatie,
    RegioInfo,
    required_fields,
)
from wegwijzer.read.parse import Parsed
from wegwijzer.read.project import Project
from wegwijzer.read.values import closest, suggestion

E = TypeVar("E", bound=Entry)

LAAG_NAMEN = ("landelijk", "regio", "gemeente")


@dataclass(frozen=True)
class Vermelding(Generic[E]):
    """One merged entry and where each of its fields was written."""

    item: E
    herkomst: Mapping[str, Plek]  # field name -> place of its value; "id" -> first definition
    lagen: tuple[str, ...]  # the layers that wrote this entry, lowest first
    ongeldig: frozenset[str] = frozenset()  # fields left out because they were reported wrong

    @property
    def plek(self) -> Plek:
        return self.herkomst["id"]

    def plek_van(self, name: str) -> Plek:
        return self.herkomst.get(name, self.plek)


@dataclass(frozen=True)
class NietAangeboden:
    id: str
    kind: str
    naam: str
    reden: str | None
    plek: Plek


@dataclass(frozen=True)
class GemeenteData:
    """Everything one gemeentepagina and flyer are made of."""

    slug: str
    info: GemeenteInfo
    regio_slug: str
    regio: RegioInfo
    plek: Plek
    herkomst: Mapping[str, Plek]
    hulplijnen: tuple[Vermelding[Hulplijn], ...]
    interventies: tuple[Vermelding[Interventie], ...]
    organisaties: tuple[Vermelding[Organisatie], ...]
    contacten: tuple[Vermelding[Contact], ...]
    niet_aangeboden: tuple[NietAangeboden, ...]
    voorbeelddata: bool = False  # made-up data: pages and flyers must say so

    def entries(self, kind: str) -> tuple[Vermelding[Any], ...]:
        return getattr(self, kind)

    def all_entries(self) -> Iterator[Vermelding[Any]]:
        for kind in KINDS:
            yield from self.entries(kind)

    def organisatie(self, id: str) -> Vermelding[Organisatie] | None:
        return next((org for org in self.organisaties if org.item.id == id), None)


@dataclass
class _Acc:
    values: dict[str, Any]
    herkomst: dict[str, Plek]
    lagen: list[str]
    touched_in: int  # depth of the last layer that wrote this entry
    ongeldig: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Record:
    """One entry as a file writes it: its values and where each was written."""

    id: str
    plek: Plek
    values: dict[str, Any]
    herkomst: dict[str, Plek]
    ongeldig: frozenset[str]


def merge_value(lower: Any, upper: Any) -> Any:
    """Groups of fields merge (field by field), everything else (lists too) is replaced; so is
    a group that holds together (`geheel`, such as openingstijden with their own bron)."""
    if (
        isinstance(lower, BaseModel) and isinstance(upper, BaseModel) and type(lower) is type(upper)
        and not getattr(type(upper), "geheel", False)
    ):
        merged = {name: getattr(lower, name) for name in lower.model_fields_set}
        for name in upper.model_fields_set:
            merged[name] = merge_value(merged.get(name), getattr(upper, name))
        return type(lower).model_validate(merged)
    return upper


class Merger:
    """Merges gemeenten of one project; entries that come out the same are built once."""

    def __init__(self, project: Project, meldingen: Meldingen) -> None:
        self.project = project
        self.meldingen = meldingen
        self._built: dict[tuple, Any] = {}
        self._records_cache: dict[tuple[int, str], list[_Record]] = {}

    def all(self) -> dict[str, GemeenteData]:
        check_unique_ids(self.project, self.meldingen)
        result = {}
        for slug in sorted(self.project.gemeenten):
            data = self.gemeente(slug)
            if data is not None:
                result[slug] = data
        return result

    def gemeente(self, slug: str) -> GemeenteData | None:
        parsed = self.project.gemeenten[slug]
        info = parsed.model.gemeente
        regio = self.project.regios.get(info.regio)
        if regio is None:
            if info.regio not in self.project.onleesbaar:
                options = sorted(self.project.regios) + sorted(self.project.onleesbaar)
                hint = suggestion(info.regio, options)
                known = ", ".join(options) or "geen"
                self.meldingen.fout(
                    parsed.document.plek(("gemeente", "regio")),
                    f"veld 'regio': onbekende regio '{info.regio}'{hint}; bekende regio's: {known}",
                    code="regio-onbekend",
                )
            return None
        merged, excluded = self._layers([self.project.landelijk, regio, parsed])
        herkomst = {name: parsed.document.plek(("gemeente", name)) for name in info.model_fields_set}
        return GemeenteData(
            slug=slug,
            info=info,
            regio_slug=info.regio,
            regio=regio.model.regio,
            plek=parsed.document.plek(("gemeente",), key=True),
            herkomst=herkomst,
            niet_aangeboden=tuple(excluded),
            voorbeelddata=any(
                bool(layer.model.voorbeelddata)
                for layer in (self.project.landelijk, regio, parsed)
                if layer is not None
            ),
            **merged,
        )

    def regio_view(self, slug: str | None) -> dict[str, tuple[Vermelding[Any], ...]]:
        """The entries of landelijk plus one regio (or landelijk alone), as if for a gemeente
        without additions: so that entries are checked even where no gemeente uses them."""
        regio = self.project.regios.get(slug) if slug else None
        merged, _ = self._layers([self.project.landelijk, regio])
        return merged

    def _layers(
        self, layers: list[Parsed[Any] | None]
    ) -> tuple[dict[str, tuple[Vermelding[Any], ...]], list[NietAangeboden]]:
        acc: dict[str, dict[str, _Acc]] = {kind: {} for kind in KINDS}
        excluded: list[NietAangeboden] = []
        for depth, layer in enumerate(layers):
            if layer is not None:
                self._apply(layer, depth, acc)
                excluded.extend(self._exclude(layer, depth, acc))
        return {kind: tuple(self._build(kind, acc[kind])) for kind in KINDS}, excluded

    def _records(self, layer: Parsed[Any], kind: str) -> list[_Record]:
        """The entries of one file, read once however many gemeenten use them."""
        key = (id(layer), kind)
        records = self._records_cache.get(key)
        if records is None:
            records = self._records_cache[key] = []
            seen: dict[str, Plek] = {}
            for position, entry in enumerate(getattr(layer.model, kind) or ()):
                plek = layer.plek_item(kind, position, "id")
                if entry.id in seen:
                    self.meldingen.fout(
                        plek,
                        f"id '{entry.id}' staat al op regel {seen[entry.id].line} van dit "
                        "bestand; elke id mag maar één keer voorkomen",
                        code="id-dubbel",
                    )
                    continue
                seen[entry.id] = plek
                names = sorted(entry.model_fields_set - {"id"})
                herkomst = {name: layer.plek_item(kind, position, name) for name in names}
                if entry.openingstijden is not None:  # rules name the line of each time
                    for n in range(len(entry.openingstijden.tijden)):
                        herkomst[f"openingstijden.tijden.{n}"] = layer.plek_item(
                            kind, position, "openingstijden", "tijden", n
                        )
                records.append(
                    _Record(
                        id=entry.id,
                        plek=plek,
                        values={name: getattr(entry, name) for name in names},
                        herkomst=herkomst,
                        ongeldig=frozenset(
                            f for (k, i, f) in layer.ongeldig if k == kind and i == entry.id
                        ),
                    )
                )
        return records

    def _apply(self, layer: Parsed[Any], depth: int, acc: dict[str, dict[str, _Acc]]) -> None:
        for kind in KINDS:
            for record in self._records(layer, kind):
                current = acc[kind].get(record.id)
                if current is None:
                    current = acc[kind][record.id] = _Acc({}, {"id": record.plek}, [], depth)
                current.lagen.append(LAAG_NAMEN[depth])
                current.touched_in = depth
                current.ongeldig |= record.ongeldig
                for name, value in record.values.items():
                    current.values[name] = merge_value(current.values.get(name), value)
                current.herkomst.update(record.herkomst)

    def _exclude(
        self, layer: Parsed[Any], depth: int, acc: dict[str, dict[str, _Acc]]
    ) -> list[NietAangeboden]:
        result = []
        for position, uitsluiting in enumerate(getattr(layer.model, "niet_aangeboden", None) or ()):
            plek = layer.plek_item("niet_aangeboden", position)
            kinds = [kind for kind in KINDS if uitsluiting.id in acc[kind]]
            if not kinds:
                options = [i for kind in KINDS for i in acc[kind]]
                lower = " of ".join(LAAG_NAMEN[:depth])
                self.meldingen.fout(
                    plek,
                    f"niet_aangeboden: '{uitsluiting.id}' bestaat niet in {lower}"
                    f"{suggestion(uitsluiting.id, options)}",
                    code="niet-aangeboden-onbekend",
                )
                continue
            for kind in kinds:
                entry = acc[kind][uitsluiting.id]
                if entry.touched_in == depth:
                    self.meldingen.fout(
                        plek,
                        f"niet_aangeboden: '{uitsluiting.id}' wordt in dit bestand ook beschreven; "
                        "haal de beschrijving weg of haal het uit niet_aangeboden",
                        code="niet-aangeboden-beschreven",
                    )
                    continue
                if entry.values.get("spoed"):
                    self.meldingen.fout(
                        plek,
                        f"niet_aangeboden: '{uitsluiting.id}' is spoedhulp (spoed: ja) en moet op "
                        "elke pagina en flyer staan; spoedhulp kan niet worden uitgesloten",
                        code="niet-aangeboden-spoed",
                    )
                    continue
                del acc[kind][uitsluiting.id]
                naam = str(entry.values.get("naam") or uitsluiting.id)
                result.append(NietAangeboden(uitsluiting.id, kind, naam, uitsluiting.reden, plek))
        return result

    def _build(self, kind: str, entries: dict[str, _Acc]) -> Iterator[Vermelding[Any]]:
        model = MODEL_BY_KIND[kind]
        required = [name for name in required_fields(model) if name != "id"]
        for id, current in entries.items():
            missing = [n for n in required if n not in current.values and n not in current.ongeldig]
            if missing:
                self._report_missing(model, id, current, missing, entries)
                continue
            if current.ongeldig & set(required):
                continue
            key = (kind, id, tuple(sorted(current.herkomst.items())))
            if key not in self._built:
                try:
                    item = model.model_validate({"id": id, **current.values})
                except ValidationError as exc:  # the layers were valid one by one
                    for error in exc.errors(include_url=False):
                        name = next((s for s in error["loc"] if isinstance(s, str)), "id")
                        self.meldingen.fout(
                            current.herkomst.get(name, current.herkomst["id"]),
                            f"veld '{name}': na samenvoegen ongeldig: {error['msg']}",
                            code="samenvoegen-ongeldig",
                        )
                    self._built[key] = None
                else:
                    self._built[key] = Vermelding(
                        item, dict(current.herkomst), tuple(current.lagen), frozenset(current.ongeldig)
                    )
            if self._built[key] is not None:
                yield self._built[key]

    def _report_missing(
        self, model: type[Entry], id: str, current: _Acc, missing: list[str], entries: dict[str, _Acc]
    ) -> None:
        plek = current.herkomst["id"]
        fields = ", ".join(f"'{name}'" for name in missing)
        if len(current.lagen) == 1 and current.lagen[0] != "landelijk":
            own = LAAG_NAMEN.index(current.lagen[0])
            lower = [i for i, a in entries.items() if LAAG_NAMEN.index(a.lagen[0]) < own]
            near = closest(id, lower)
            if near:
                self.meldingen.fout(
                    plek,
                    f"{model.label} '{id}' bestaat niet in een lagere laag (bedoel je '{near}'?); "
                    f"als dit een nieuwe {model.label} is, ontbreken: {fields}",
                    code="vermelding-onvolledig",
                )
                return
            if "naam" in missing:
                self.meldingen.fout(
                    plek,
                    f"{model.label} '{id}' bestaat niet in de regio of landelijk, en als nieuwe "
                    f"{model.label} ontbreken: {fields}",
                    code="vermelding-onvolledig",
                )
                return
        if len(missing) == 1:
            text = f"verplicht veld {fields} ontbreekt"
        else:
            text = f"verplichte velden {fields} ontbreken"
        self.meldingen.fout(plek, f"{model.label} '{id}': {text}", code="vermelding-onvolledig")


def check_unique_ids(project: Project, meldingen: Meldingen) -> None:
    """An id introduced (not overriding) in two files names two things: that is an error."""
    landelijk = project.landelijk
    base = {kind: _ids(landelijk, kind) for kind in KINDS}
    regio_ids = {slug: {kind: _ids(p, kind) for kind in KINDS} for slug, p in project.regios.items()}
    first: dict[tuple[str, str], Plek] = {}

    def introduce(parsed: Parsed[Any], kind: str, lower: set[str]) -> None:
        for position, entry in enumerate(getattr(parsed.model, kind) or ()):
            if entry.id in lower:
                continue
            plek = parsed.plek_item(kind, position, "id")
            other = first.setdefault((kind, entry.id), plek)
            if other is not plek and other.path != plek.path:
                meldingen.fout(
                    plek,
                    f"id '{entry.id}' wordt ook gebruikt in {other.display(project.root)} voor "
                    f"een andere {MODEL_BY_KIND[kind].label}; een id moet uniek zijn "
                    f"(bijvoorbeeld '{entry.id}-{plek.path.stem}')",
                    code="id-dubbel",
                )

    for slug in sorted(project.regios):
        for kind in KINDS:
            introduce(project.regios[slug], kind, base[kind])
    for slug in sorted(project.gemeenten):
        parsed = project.gemeenten[slug]
        if parsed.model.gemeente.regio not in regio_ids:
            continue  # unknown or unreadable regio: reported elsewhere, ids cannot be judged
        regio = regio_ids[parsed.model.gemeente.regio]
        for kind in KINDS:
            introduce(parsed, kind, base[kind] | regio.get(kind, set()))


def _ids(parsed: Parsed[Any] | None, kind: str) -> set[str]:
    if parsed is None:
        return set()
    return {entry.id for entry in getattr(parsed.model, kind) or ()}


def merge(project: Project, meldingen: Meldingen) -> dict[str, GemeenteData]:
    """Merge every gemeente of the project (see `Merger`)."""
    return Merger(project, meldingen).all()
