"""The phone numbers of the data, and phone numbers found in text (pages and flyers).

`NummerIndex` knows, per gemeente and per entry, which numbers the data gives (``telefoon``,
``whatsapp``, ``extra_telefoon``), in the form a ``tel:`` link dials (`Telefoon.tel`). A number
shown somewhere is right when the data gives it for that entry in that gemeente; the same
entry may show another number elsewhere only when the data says so (a gemeente's own number,
an extra number with a label).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from wegwijzer.read import phones
from wegwijzer.diagnostics import Meldingen
from wegwijzer.read.merge import GemeenteData, Merger, Vermelding
from wegwijzer.read.phones import Telefoon, TelefoonFout
from wegwijzer.read.project import Project
from wegwijzer.rules import publicatie

BASIS = ""  # the "gemeente" key of the base view (landelijk plus regio), for shared pages


def entry_numbers(entry: Vermelding[Any]) -> Iterator[tuple[str, Telefoon]]:
    item = entry.item
    if item.telefoon is not None:
        yield "telefoon", item.telefoon
    whatsapp = getattr(item, "whatsapp", None)
    if whatsapp is not None:
        yield "whatsapp", whatsapp
    for extra in item.extra_telefoon or ():
        yield "extra_telefoon", extra.nummer


@dataclass
class NummerIndex:
    # gemeente slug (or BASIS) -> entry id -> {tel: Telefoon}
    per_gemeente: dict[str, dict[str, dict[str, Telefoon]]] = field(default_factory=dict)
    # tel -> {(gemeente, entry id)}
    waar: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    namen: dict[str, str] = field(default_factory=dict)  # entry id -> naam
    emails: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # email -> places
    # (gemeente, entry id) of entries whose numbers may be no call button nor be printed
    niet_belbaar: set[tuple[str, str]] = field(default_factory=set)
    # entry id -> its numbers in any gemeente (None: unknown), filled as asked
    _overal: dict[str, dict[str, Telefoon] | None] = field(default_factory=dict, repr=False)

    def add(self, gemeente: str, entry: Vermelding[Any]) -> None:
        item = entry.item
        self._overal.pop(item.id, None)
        self.namen.setdefault(item.id, item.naam)
        numbers = self.per_gemeente.setdefault(gemeente, {}).setdefault(item.id, {})
        for _name, number in entry_numbers(entry):
            numbers[number.tel] = number
            self.waar.setdefault(number.tel, set()).add((gemeente, item.id))
        if item.email:
            self.emails.setdefault(str(item.email).lower(), set()).add((gemeente, item.id))
        if not publicatie.belbaar(item):
            self.niet_belbaar.add((gemeente, item.id))

    def belbaar(self, entry_id: str, gemeente: str | None) -> bool:
        """`publicatie.belbaar` for the entry as a page of `gemeente` shows it (None: a shared
        page, where it counts when it is dialable anywhere)."""
        if gemeente is not None and gemeente in self.per_gemeente:
            return (gemeente, entry_id) not in self.niet_belbaar
        return any(
            (g, entry_id) not in self.niet_belbaar for g, e in self._places(entry_id)
        )

    def drukbaar(self, tel: str, gemeente: str) -> bool:
        """True when some entry of `gemeente` with this number may be printed on its flyer."""
        return any(
            g == gemeente and (g, e) not in self.niet_belbaar for g, e in self.waar.get(tel, ())
        )

    def _places(self, entry_id: str) -> Iterator[tuple[str, str]]:
        for gemeente, entries in self.per_gemeente.items():
            if entry_id in entries:
                yield gemeente, entry_id

    def known(self, tel: str) -> bool:
        return tel in self.waar

    def allowed(self, entry_id: str, gemeente: str | None) -> dict[str, Telefoon] | None:
        """The numbers `entry_id` may show on a page of `gemeente` (None: any gemeente);
        None when the entry is unknown there."""
        if gemeente is not None and gemeente in self.per_gemeente:
            return self.per_gemeente[gemeente].get(entry_id)
        if entry_id not in self._overal:
            self._overal[entry_id] = self._anywhere(entry_id)
        return self._overal[entry_id]

    def _anywhere(self, entry_id: str) -> dict[str, Telefoon] | None:
        found: dict[str, Telefoon] = {}
        seen = False
        for entries in self.per_gemeente.values():
            if entry_id in entries:
                seen = True
                found.update(entries[entry_id])
        return found if seen else None

    def of_gemeente(self, gemeente: str) -> dict[str, Telefoon]:
        result: dict[str, Telefoon] = {}
        for numbers in self.per_gemeente.get(gemeente, {}).values():
            result.update(numbers)
        return result

    @property
    def entry_ids(self) -> set[str]:
        return set(self.namen)


def build_index(project: Project, gemeenten: dict[str, GemeenteData]) -> NummerIndex:
    index = NummerIndex()
    for slug, data in gemeenten.items():
        for entry in data.all_entries():
            index.add(slug, entry)
    merger = Merger(project, Meldingen())  # its messages were given by validate already
    for regio in sorted(project.regios) or [None]:
        for entries in merger.regio_view(regio).values():
            for entry in entries:
                index.add(BASIS, entry)
    return index


# --- numbers in running text --------------------------------------------------------------

_DIGITS = re.compile(r"\+?\d+")
# Between two groups of one number: a space, a dash, a slash or a closing parenthesis, as in
# "0800-2000", "(026) 123 45 67", "088 / 0767 000". Not a dot: "9.00-17.00" is a time.
_GAP = re.compile(r"^[ \t\u00a0\u202f]{0,2}[-/)]?[ \t\u00a0\u202f]{0,2}$")
_MAX_GROUPS = 6
_NOT_DIGIT = re.compile(r"\D")


@functools.lru_cache(maxsize=65536)
def parse_number(raw: str) -> Telefoon | None:
    """`phones.parse`, remembered (None where it finds no number): flyers and pages repeat
    the same numbers many times."""
    try:
        return phones.parse(raw)
    except TelefoonFout:
        return None


@dataclass(frozen=True)
class Gevonden:
    telefoon: Telefoon
    tekst: str  # as written
    start: int
    kort: bool  # a short number (112, 14 026): only trusted when the data knows it


def find_numbers(text: str, known: Collection[str] = ()) -> list[Gevonden]:
    """Phone numbers in running text: groups of digits joined by a space, dash, slash or
    parenthesis that `phones.parse` accepts. Where groups could make one long number or a
    shorter one followed by another ("0800 2000 113"), a number of `known` (in `tel` form) wins,
    else the longest. Years, dates, times and postcodes are no numbers `phones.parse` accepts."""
    tokens = list(_DIGITS.finditer(text))
    found: list[Gevonden] = []
    i = 0
    while i < len(tokens):
        last = i
        while last + 1 < len(tokens) and last + 1 - i < _MAX_GROUPS:
            gap = text[tokens[last].end() : tokens[last + 1].start()]
            if not gap or tokens[last + 1].group().startswith("+") or not _GAP.match(gap):
                break
            last += 1
        candidates: list[tuple[int, Gevonden]] = []
        for j in range(last, i - 1, -1):
            raw = text[tokens[i].start() : tokens[j].end()]
            if len(_NOT_DIGIT.sub("", raw)) < 3:
                break
            number = parse_number(raw)
            if number is None:
                continue
            kort = number.soort in (phones.Soort.KORT, phones.Soort.GEMEENTE)
            candidates.append((j, Gevonden(number, raw, tokens[i].start(), kort)))
        if not candidates:
            i += 1
            continue
        j, gevonden = next(
            ((j, g) for j, g in candidates if g.telefoon.tel in known), candidates[0]
        )
        found.append(gevonden)
        i = j + 1
    return found
