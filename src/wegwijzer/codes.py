"""The catalogue of message codes: a stable name and an explanation for every kind of problem.

A code names a rule the way yamllint's rule ids do, so tests, the handleiding and editors can
point at a rule without quoting a Dutch sentence. Codes are Dutch kebab-case (`telefoon-ongeldig`)
and never change meaning once released; `wegwijzer validate --uitleg CODE` shows the entry.

Add a code in the section of the module that reports it; keep each section sorted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One kind of problem: `titel` is one line, `uitleg` says what is wrong and how to mend it."""

    naam: str
    titel: str
    uitleg: str


_CATALOGUS: tuple[Code, ...] = (
    # --- read side: files and YAML (read/) ---
    # --- rules (rules/) ---
    # --- site (site/), flyer (flyer/), check (check/), edit (edit/), export (export/) ---
    # --- fmt ---
    Code(
        "fmt-tussendoor-gewijzigd",
        "Bestand veranderde terwijl 'wegwijzer fmt' liep",
        "Iemand heeft het bestand opgeslagen, vervangen of weggehaald nadat 'wegwijzer fmt' het "
        "had gelezen. fmt heeft het daarom niet opgemaakt: zo blijft die wijziging staan. Sla je "
        "werk op en draai 'wegwijzer fmt' nog een keer.",
    ),
)

CODES: dict[str, Code] = {code.naam: code for code in _CATALOGUS}


def zoek(naam: str) -> Code | None:
    """The catalogue entry for `naam`, or None."""
    return CODES.get(naam.strip().lower())
