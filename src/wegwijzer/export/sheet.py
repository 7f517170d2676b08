"""Spreadsheet and CSV per regio for policy makers: every interventie x every gemeente.

One row per interventie and gemeente of the regio, with whether it is offered there
(`aangeboden`, `niet aangeboden` with the reason the gemeente gave, or `niet vermeld` when
the gemeente's data does not mention it, such as another gemeente's own interventie), the
provider, since when, the recognition, when it was last checked and whether something is
still uncertain. The xlsx has per regio an overview sheet (interventies down, gemeenten
across) and the full list; the CSV (one per regio, UTF-8, comma-separated) is the list.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from wegwijzer.read.merge import GemeenteData
from wegwijzer.read.models import ERKENNING_LABELS

AANGEBODEN = "aangeboden"
NIET_AANGEBODEN = "niet aangeboden"
NIET_VERMELD = "niet vermeld"

COLUMNS = (
    ("regio", "Regio"),
    ("gemeente_id", "Gemeente-id"),
    ("gemeente", "Gemeente"),
    ("interventie_id", "Interventie-id"),
    ("interventie", "Interventie"),
    ("beschikbaarheid", "Beschikbaarheid"),
    ("reden", "Reden (niet aangeboden)"),
    ("aanbieder", "Aanbieder"),
    ("sinds", "Sinds"),
    ("erkenning", "Erkenning"),
    ("gecontroleerd", "Laatst gecontroleerd"),
    ("onzeker", "Nog onzeker"),
    ("herkomst", "Waar het staat"),
)


@dataclass(frozen=True)
class Rij:
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]


def regions(gemeenten: dict[str, GemeenteData]) -> dict[str, list[GemeenteData]]:
    result: dict[str, list[GemeenteData]] = {}
    for slug in sorted(gemeenten):
        data = gemeenten[slug]
        result.setdefault(data.regio_slug, []).append(data)
    return dict(sorted(result.items()))


def interventies(members: list[GemeenteData]) -> list[tuple[str, str]]:
    """(id, naam) of every interventie offered or excluded in a gemeente of the regio."""
    names: dict[str, str] = {}
    for data in members:
        for entry in data.interventies:
            names.setdefault(entry.item.id, entry.item.naam)
        for excluded in data.niet_aangeboden:
            if excluded.kind == "interventies":
                names.setdefault(excluded.id, excluded.naam)
    return sorted(names.items(), key=lambda pair: (pair[1].casefold(), pair[0]))


def rows(members: list[GemeenteData]) -> list[Rij]:
    result = []
    for interventie_id, naam in interventies(members):
        for data in members:
            values = {key: "" for key, _label in COLUMNS}
            values.update(regio=data.regio.naam, gemeente_id=data.slug, gemeente=data.info.naam,
                          interventie_id=interventie_id, interventie=naam)
            entry = next((e for e in data.interventies if e.item.id == interventie_id), None)
            excluded = next((n for n in data.niet_aangeboden if n.id == interventie_id
                             and n.kind == "interventies"), None)
            if entry is not None:
                item = entry.item
                provider = data.organisatie(item.aanbieder) if item.aanbieder else None
                values.update(
                    interventie=item.naam,
                    beschikbaarheid=AANGEBODEN,
                    aanbieder=provider.item.naam if provider else (item.aanbieder or ""),
                    sinds=item.sinds or "",
                    erkenning=ERKENNING_LABELS[item.erkenning] if item.erkenning else "",
                    gecontroleerd=item.gecontroleerd.isoformat() if item.gecontroleerd else "",
                    onzeker=item.onzeker or "",
                    herkomst="/".join(entry.lagen),
                )
            elif excluded is not None:
                values.update(beschikbaarheid=NIET_AANGEBODEN, reden=excluded.reden or "")
            else:
                values.update(beschikbaarheid=NIET_VERMELD)
            result.append(Rij(values))
    return result


def write_csv(gemeenten: dict[str, GemeenteData], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for regio, members in regions(gemeenten).items():
        path = out / f"{regio}.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([key for key, _label in COLUMNS])
            for rij in rows(members):
                writer.writerow([rij[key] for key, _label in COLUMNS])
        written.append(path)
    return written


def _sheet_title(text: str, used: set[str]) -> str:
    title = "".join(c for c in text if c not in "[]:*?/\\")[:31]
    base, n = title, 2
    while title in used:
        suffix = f" {n}"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title)
    return title


def write_xlsx(gemeenten: dict[str, GemeenteData], out: Path) -> list[Path]:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    if out.suffix.lower() != ".xlsx":
        out = out / "wegwijzer-beschikbaarheid.xlsx"
    out.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    bold = Font(bold=True)
    fills = {
        AANGEBODEN: PatternFill("solid", fgColor="D9EAD3"),
        NIET_AANGEBODEN: PatternFill("solid", fgColor="F4CCCC"),
    }
    for members in regions(gemeenten).values():
        regio_naam = members[0].regio.naam
        table = rows(members)
        # overview: interventies down, gemeenten across
        overview = book.create_sheet(_sheet_title(f"{regio_naam} overzicht", used))
        overview.append(["Interventie", *(data.info.naam for data in members)])
        by_key = {(r["interventie_id"], r["gemeente_id"]): r for r in table}
        for interventie_id, naam in interventies(members):
            cells = []
            for data in members:
                rij = by_key[(interventie_id, data.slug)]
                text = {AANGEBODEN: "ja", NIET_AANGEBODEN: "nee", NIET_VERMELD: ""}[rij["beschikbaarheid"]]
                cells.append(text)
            overview.append([naam, *cells])
            for column, data in enumerate(members, start=2):
                rij = by_key[(interventie_id, data.slug)]
                fill = fills.get(rij["beschikbaarheid"])
                if fill:
                    overview.cell(row=overview.max_row, column=column).fill = fill
        for cell in overview[1]:
            cell.font = bold
            cell.alignment = Alignment(text_rotation=60 if cell.column > 1 else 0)
        overview.column_dimensions["A"].width = 45
        overview.freeze_panes = "B2"
        # the full list
        sheet = book.create_sheet(_sheet_title(f"{regio_naam} lijst", used))
        sheet.append([label for _key, label in COLUMNS])
        for rij in table:
            sheet.append([rij[key] for key, _label in COLUMNS])
        for cell in sheet[1]:
            cell.font = bold
        for column, (key, label) in enumerate(COLUMNS, start=1):
            width = max([len(label)] + [len(r[key]) for r in table[:200]])
            sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 60)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    book.properties.title = "Kansrijke Start Wegwijzer: interventies per gemeente"
    book.save(out)
    return [out]
