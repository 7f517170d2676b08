"""The texts of one flyer in one language, from the translations the read side handed over.

The translation files are read by `wegwijzer.read.vertalingen` (with the other data, once per
run) and judged by `wegwijzer.rules.vertalingen`; this module only looks texts up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wegwijzer.read.vertalingen import Vertaling, invullen, zoek


class Teksten:
    """The texts of one flyer in one language; a missing one is noted (validate reports it)."""

    def __init__(self, vertalingen: Mapping[str, Vertaling], taal: str, **waarden: str) -> None:
        self.nl = vertalingen.get("nl")
        self.doel = vertalingen.get(taal) if taal != "nl" else self.nl
        self.taal = taal
        self.waarden = waarden
        self.ontbreekt: list[str] = []

    def vast(self, key: str) -> str:
        tekst = zoek(self.doel, ("vast", key))
        if tekst is None:
            self.ontbreekt.append(f"vaste tekst '{key}'")
            return ""
        return invullen(tekst.tekst, **self.waarden)

    def veld(self, item: Any, naam: str, nl: str | None, *, verplicht: bool = True) -> str | None:
        if nl is None:
            return None
        if self.taal == "nl":
            return nl
        tekst = zoek(self.doel, (item.id, naam))
        if tekst is None:
            if verplicht:
                self.ontbreekt.append(f"{item.label} '{item.id}': '{naam.split(':')[0]}'")
            return nl
        return tekst.tekst

    def kort(self, item: Any) -> str | None:
        bron = zoek(self.nl, (item.id, "kort"))
        return self.veld(item, "kort", bron.tekst if bron else None)
