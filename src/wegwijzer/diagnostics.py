"""Problems found in the data: one `Melding` per problem, pointing at file, line and column."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from wegwijzer import tekens
from wegwijzer.codes import zoek


class Ernst(StrEnum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"
    OPMERKING = "opmerking"  # nothing to mend, worth knowing (a temporary redirect)


@dataclass(frozen=True, order=True)
class Plek:
    """A place in a data file; line and column count from 1 (0 when unknown)."""

    path: Path
    line: int = 0
    column: int = 0

    def display(self, base: Path | None = None) -> str:
        path = _relative(self.path, base or Path.cwd())
        if self.line:
            return f"{path}:{self.line}:{self.column or 1}"
        return str(path)


def _relative(path: Path, base: Path) -> str:
    """Relative to `base` when the file lies under it (as editors click on), else as given."""
    if path.is_absolute():
        try:
            return str(path.relative_to(base.resolve()))
        except ValueError:
            return str(path)
    return str(path)


@dataclass(frozen=True, order=True)
class Melding:
    """One problem. `code` is its stable name in `wegwijzer.codes` (as yamllint's rule ids)."""

    plek: Plek
    ernst: Ernst
    tekst: str
    code: str

    def __post_init__(self) -> None:
        # A programming error, not a message for the editor: every message names its rule.
        if zoek(self.code) is None or self.code != self.code.strip().lower():
            raise ValueError(f"melding zonder bekende code ({self.code!r}): {self.tekst}")

    @property
    def is_fout(self) -> bool:
        return self.ernst is Ernst.FOUT

    def format(self, base: Path | None = None) -> str:
        """`path:line:column: ernst: tekst [code]`; control and invisible characters (from the
        data, quoted in a message) are shown as <U+XXXX>, never sent to the terminal raw."""
        text = tekens.zichtbaar(f"{self.plek.display(base)}: {self.ernst}: {self.tekst}")
        return f"{text} [{self.code}]"


@dataclass
class Meldingen:
    """An ordered set of problems: the same problem found twice is reported once."""

    _items: dict[Melding, None] = field(default_factory=dict)

    def fout(self, plek: Plek, tekst: str, code: str) -> None:
        self.add(Melding(plek, Ernst.FOUT, tekst, code))

    def waarschuwing(self, plek: Plek, tekst: str, code: str) -> None:
        self.add(Melding(plek, Ernst.WAARSCHUWING, tekst, code))

    def add(self, melding: Melding) -> None:
        self._items.setdefault(melding, None)

    def extend(self, meldingen: Iterable[Melding]) -> None:
        for melding in meldingen:
            self.add(melding)

    def __iter__(self) -> Iterator[Melding]:
        return iter(sorted(self._items))

    def __len__(self) -> int:
        return len(self._items)

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self if m.is_fout]

    @property
    def waarschuwingen(self) -> list[Melding]:
        return [m for m in self if m.ernst is Ernst.WAARSCHUWING]

    @property
    def has_errors(self) -> bool:
        return any(m.is_fout for m in self._items)


class WegwijzerFout(Exception):
    """Base of errors that stop a command; the message is Dutch and meant for the editor."""


class WaardeFout(WegwijzerFout, ValueError):
    """A value an editor wrote cannot be read (a phone number, a web address). It is also a
    ValueError, so pydantic validators report it; `code` may name the rule more precisely
    than the field's own code."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class GebruiksFout(WegwijzerFout):
    """Wrong use of the command line (exit code 2)."""
