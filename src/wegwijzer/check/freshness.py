"""The freshness report: per gemeente, the entries whose last check (`gecontroleerd`) is more
than 12 months ago or missing, oldest first, so an editor can plan the yearly check (AIRS, the
directory standard of the field, asks that every record is verified once a year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wegwijzer.diagnostics import Plek
from wegwijzer.read.merge import GemeenteData
from wegwijzer.read.models import today
from wegwijzer.rules.publicatie import MAX_AGE



@dataclass(frozen=True)
class Verouderd:
    id: str
    label: str  # hulplijn, interventie, organisatie, contact
    naam: str
    gecontroleerd: dt.date | None
    dagen: int | None  # days since the last check; None when never checked
    plek: Plek  # where to write the new date (the layer that set it, else the entry)
    lagen: tuple[str, ...]

    @property
    def maanden(self) -> int | None:
        return None if self.dagen is None else int(self.dagen // 30.44)

    @property
    def beschrijving(self) -> str:
        if self.gecontroleerd is None:
            return "nog nooit gecontroleerd"
        return f"laatst gecontroleerd op {self.gecontroleerd.isoformat()} ({self.maanden} maanden geleden)"


def _sort_key(item: Verouderd) -> tuple:
    # never checked first, then the oldest date first
    return (item.gecontroleerd is not None, item.gecontroleerd or dt.date.min, item.id)


def versheid(
    gemeenten: dict[str, GemeenteData], now: dt.date | None = None
) -> dict[str, list[Verouderd]]:
    """gemeente slug -> its outdated entries, oldest first (gemeenten in name order)."""
    now = now or today()
    result: dict[str, list[Verouderd]] = {}
    for slug in sorted(gemeenten):
        data = gemeenten[slug]
        items = []
        for entry in data.all_entries():
            checked = entry.item.gecontroleerd
            if checked is not None and now - checked <= MAX_AGE:
                continue
            if checked is not None and checked > now:
                continue  # a date in the future is an error that validate reports
            items.append(
                Verouderd(
                    id=entry.item.id,
                    label=entry.item.label,
                    naam=entry.item.naam,
                    gecontroleerd=checked,
                    dagen=None if checked is None else (now - checked).days,
                    plek=entry.plek_van("gecontroleerd"),
                    lagen=entry.lagen,
                )
            )
        result[slug] = sorted(items, key=_sort_key)
    return result
