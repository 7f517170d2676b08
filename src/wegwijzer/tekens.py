"""Invisible and control characters: their Dutch names, which ones a data value may keep.

Text copied from e-mails, PDFs and websites brings characters a reader cannot see but a
browser or Typst obeys: a right-to-left override (U+202E) shows "0612345678" as "8765432160",
a zero-width space breaks a phone number, an escape character changes the terminal. The read
side (`read/load.py`) removes them from every value and names each one to the editor; messages
(`diagnostics.Melding.format`) show any that remain as ``<U+202E>``, never raw.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Dutch names of the characters editors meet; others get their Unicode name.
NAMEN: dict[str, str] = {
    "\u00a0": "harde spatie",
    "\u00ad": "zacht afbreekstreepje",
    "\u061c": "Arabische lettermarkering",
    "\u180e": "Mongoolse klinkerscheiding",
    "\u200b": "breedteloze spatie",
    "\u200c": "breedteloze niet-verbinder",
    "\u200d": "breedteloze verbinder",
    "\u200e": "links-naar-rechts-markering",
    "\u200f": "rechts-naar-links-markering",
    "\u202a": "links-naar-rechts-insluiting",
    "\u202b": "rechts-naar-links-insluiting",
    "\u202c": "einde van insluiting of overschrijving",
    "\u202d": "links-naar-rechts-overschrijving",
    "\u202e": "rechts-naar-links-overschrijving",
    "\u202f": "smalle harde spatie",
    "\u2060": "woordverbinder",
    "\u2061": "onzichtbare functietoepassing",
    "\u2062": "onzichtbaar maalteken",
    "\u2063": "onzichtbaar scheidingsteken",
    "\u2064": "onzichtbaar plusteken",
    "\u2066": "links-naar-rechts-isolatie",
    "\u2067": "rechts-naar-links-isolatie",
    "\u2068": "eerste-sterke-isolatie",
    "\u2069": "einde van isolatie",
    "\ufeff": "bytevolgordemarkering (BOM)",
    "\ufffc": "objectvervangingsteken",
    "\x07": "belsignaal",
    "\x08": "backspace",
    "\x1b": "escape",
    "\x7f": "delete",
}

# Characters that change the direction of what follows: never kept.
RICHTING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Zero-width joiners that Persian, Arabic and Indic scripts (and emoji) need between letters.
_VERBINDERS = frozenset("\u200c\u200d")


def naam(char: str) -> str:
    """'rechts-naar-links-overschrijving (U+202E)'."""
    name = NAMEN.get(char) or unicodedata.name(char, "").lower() or "onbekend teken"
    return f"{name} ({code(char)})"


def code(char: str) -> str:
    return f"U+{ord(char):04X}"


def is_stuurteken(char: str) -> bool:
    """A control character (C0, DEL, C1) other than tab and line breaks, or a direction
    override/isolate: it changes what is shown, so data with it is an error."""
    if char in "\t\n\r":
        return False
    return unicodedata.category(char) == "Cc" or char in RICHTING


def is_onzichtbaar(char: str) -> bool:
    """An invisible format character (zero-width, marks, BOM, soft hyphen, ...)."""
    return char != "\u00a0" and (unicodedata.category(char) == "Cf" or char in NAMEN) and (
        not is_stuurteken(char)
    ) and char not in " \t\n\r"


_ASCII_STUURTEKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # ASCII controls but tab, LF, CR


@dataclass(frozen=True)
class Gevonden:
    index: int  # position in the text
    teken: str
    stuurteken: bool  # True: an error; False: a warning


def vind(text: str) -> list[Gevonden]:
    """The characters of `text` that may not stay in a data value, in order.

    Kept: a zero-width (non-)joiner between two letters of a script that is not Latin (Persian
    writes with U+200C) or inside an emoji sequence, and a soft hyphen between two letters of a
    word (a hyphenation hint); the no-break spaces (they are visible as spaces)."""
    if text.isascii() and not _ASCII_STUURTEKEN.search(text):
        return []  # the common case: plain ASCII text, tabs and line breaks at most
    found: list[Gevonden] = []
    for index, char in enumerate(text):
        if char.isascii() and char.isprintable():
            continue
        if is_stuurteken(char):
            found.append(Gevonden(index, char, True))
        elif char in ("\u00a0", "\u202f"):
            continue
        elif is_onzichtbaar(char) and not _hoort_erbij(text, index, char):
            found.append(Gevonden(index, char, False))
    return found


def schoon(text: str) -> str:
    """`text` without the characters `vind` finds."""
    found = vind(text)
    if not found:
        return text
    drop = {item.index for item in found}
    return "".join(char for index, char in enumerate(text) if index not in drop)


def zichtbaar(text: str) -> str:
    """`text` for a terminal: every control and invisible format character as <U+XXXX>."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        f"<{code(char)}>" if is_stuurteken(char) or is_onzichtbaar(char) else char
        for char in text
    )


def _hoort_erbij(text: str, index: int, char: str) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if char == "\u00ad":
        return before.isalpha() and after.isalpha()
    if char in _VERBINDERS:
        if char == "\u200d" and (_is_emoji(before) or _is_emoji(after)):
            return True
        return _niet_latijn(before) and _niet_latijn(after)
    return False


def _niet_latijn(char: str) -> bool:
    if not char or not (char.isalpha() or unicodedata.category(char) == "Mn"):
        return False
    return "LATIN" not in unicodedata.name(char, "LATIN")


def _is_emoji(char: str) -> bool:
    return bool(char) and (unicodedata.category(char) == "So" or char == "\ufe0f")
