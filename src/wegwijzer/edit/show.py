"""`wegwijzer show`: the merged data of one gemeente, as JSON or as text for an editor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wegwijzer.read.merge import GemeenteData, Vermelding
from wegwijzer.read.models import KINDS


def _entry_json(entry: Vermelding[Any], root: Path) -> dict[str, Any]:
    data = entry.item.model_dump(mode="json", exclude_none=True)
    data["herkomst"] = {name: plek.display() for name, plek in entry.herkomst.items()}
    data["lagen"] = list(entry.lagen)
    return data


def gemeente_json(data: GemeenteData, root: Path) -> dict[str, Any]:
    result: dict[str, Any] = {
        "gemeente": {"id": data.slug, **data.info.model_dump(mode="json", exclude_none=True)},
        "regio": {"id": data.regio_slug, **data.regio.model_dump(mode="json", exclude_none=True)},
    }
    for kind in KINDS:
        result[kind] = [_entry_json(entry, root) for entry in data.entries(kind)]
    result["niet_aangeboden"] = [
        {"id": n.id, "soort": n.kind, "naam": n.naam, "reden": n.reden, "plek": n.plek.display()}
        for n in data.niet_aangeboden
    ]
    return result


def gemeente_text(data: GemeenteData) -> str:
    lines = [f"Gemeente {data.info.naam} (regio {data.regio.naam})"]
    if data.info.woonplaatsen:
        lines.append("Woonplaatsen: " + ", ".join(data.info.woonplaatsen))
    for kind in KINDS:
        entries = data.entries(kind)
        lines.append("")
        lines.append(f"{kind.capitalize()} ({len(entries)}):")
        for entry in entries:
            item = entry.item
            parts = [item.naam]
            if item.telefoon:
                parts.append(item.telefoon.weergave)
            if item.website:
                parts.append(item.website.url)
            lines.append(f"  - {item.id}: " + " | ".join(parts) + f"  [{'/'.join(entry.lagen)}]")
    if data.niet_aangeboden:
        lines.append("")
        lines.append("Niet aangeboden:")
        for item in data.niet_aangeboden:
            reden = f" ({item.reden})" if item.reden else ""
            lines.append(f"  - {item.id}: {item.naam}{reden}")
    return "\n".join(lines)
