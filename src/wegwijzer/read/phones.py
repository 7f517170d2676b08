"""Dutch phone numbers: parse what an editor wrote into the forms pages and flyers need.

Pure functions around the `phonenumbers` library. A number is stored three ways:
``invoer`` (as written), ``tel`` (what a ``tel:`` link dials from a Dutch phone: E.164 where
the number has an international form, the short number itself otherwise) and ``weergave``
(the display form Dutch readers expect).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, shortnumberinfo

from wegwijzer import tekens
from wegwijzer.diagnostics import WaardeFout

REGION = "NL"

# Short numbers that are in service in the Netherlands but missing from the short-number
# metadata of `phonenumbers` (checked against version 9.0). Keep this list small and sourced.
EXTRA_SHORT_NUMBERS: dict[str, str] = {
    "113": "113 Zelfmoordpreventie, landelijk kort nummer sinds 2022",
}

# Municipal numbers: 14 followed by the area code without its 0 (14 026, 14 0318).
_MUNICIPAL = re.compile(r"^14\d{3,4}$")
_ALLOWED_CHARS = re.compile(r"^[0-9 +()\-./]+$")
# What may stand between two numbers an editor put in one field: "0800 0113 / 113",
# "0900 8844 of 112", "088 123 45 67, 06 12345678", "0800 2000 - 112".
_BETWEEN = re.compile(
    r"\s*(?:[/,;|&]|\s[-–—]\s|\b(?:of|en|or|and)\b|\n)\s*", re.IGNORECASE
)
_IN_PARENTHESES = re.compile(r"\(([^()]*)\)")


class Soort(StrEnum):
    """Kind of number, as far as it matters to a reader or a check."""

    MOBIEL = "mobiel"
    GRATIS = "gratis"  # 0800
    BETAALD = "betaald"  # 0900, 0906, 0909
    KORT = "kort"  # 112, 113, 1400, 116 xxx
    GEMEENTE = "gemeente"  # 14 + area code
    VAST = "vast"  # geographic, 085, 088, ...


@dataclass(frozen=True)
class Telefoon:
    invoer: str
    tel: str
    weergave: str
    soort: Soort
    e164: str | None = None

    @property
    def href(self) -> str:
        return f"tel:{self.tel}"

    def __str__(self) -> str:
        return self.weergave


class TelefoonFout(WaardeFout):
    """The text is not a valid Dutch phone number; the message is Dutch and says why.
    `code` names the rule (`wegwijzer.codes`)."""

    def __init__(self, message: str, code: str = "telefoon-ongeldig") -> None:
        super().__init__(message)
        self.code = code


def _two_numbers(raw: str) -> tuple[str, str] | None:
    """The two numbers of a field that holds two ("0800 2000/112", "0900 8844 (112)"), each as
    written, or None. A slash after an area code ("026/123 45 67") is one number."""
    inner = _IN_PARENTHESES.search(raw)
    if inner and inner.start() > 0:
        outside = (raw[: inner.start()] + raw[inner.end() :]).strip()
        if _is_number(outside) and _is_number(inner.group(1)):
            return outside, inner.group(1).strip()
    parts = [part.strip() for part in _BETWEEN.split(raw)]
    if len(parts) >= 2 and all(parts):
        numbers = [part for part in parts if _is_number(part)]
        if len(numbers) >= 2:
            return numbers[0], numbers[1]
    return None


def _is_number(part: str) -> bool:
    try:
        _parse_one(part.strip())
    except TelefoonFout:
        return False
    return True


def _marked(raw: str, hidden: list[str]) -> str:
    return "".join(f"<{tekens.code(char)}>" if char in hidden else char for char in raw)


def _odd_characters(raw: str) -> str:
    """The message for a number with a character that is not a digit, space, +, -, ., / or
    parenthesis: letters, or an invisible one named by its name (a space-like character is
    shown by name, since it looks like a space)."""
    odd = [char for char in raw if not _ALLOWED_CHARS.match(char)]
    hidden = [char for char in odd if not char.isprintable() or char.isspace()
              or unicodedata.category(char) == "Cf"]
    if hidden:
        names = ", ".join(dict.fromkeys(tekens.naam(char) for char in hidden))
        return (
            f"'{_marked(raw, hidden)}' bevat {names}; typ het nummer opnieuw met gewone "
            "spaties (zo'n teken komt vaak mee bij kopiëren van een website of uit een pdf)"
        )
    if any(char.isalpha() for char in odd):
        return (
            f"'{raw}' bevat tekst; een telefoonveld heeft alleen het nummer. Zet uitleg "
            "(zoals 'kies 1' of openingstijden) in 'bereikbaar' of in een 'label' "
            "onder 'extra_telefoon'"
        )
    return f"'{raw}' is geen telefoonnummer: gebruik alleen cijfers, spaties en eventueel + of -"


def parse(text: str) -> Telefoon:
    """Parse a phone number as an editor writes it ("085 130 46 58", "112", "14 026").

    A field holds exactly one number as written: two numbers ("0800 0113 / 113") or a number
    with words are refused, never run together into one wrong number."""
    raw = str(text).strip()
    if not raw:
        raise TelefoonFout("telefoonnummer is leeg")
    twee = _two_numbers(raw)
    if twee:
        first, second = twee
        raise TelefoonFout(
            f"'{raw}' bevat twee nummers ({first} en {second}); een telefoonveld heeft er "
            f"één. Zet het tweede nummer als 'nummer' onder 'extra_telefoon', met een 'label' "
            "dat zegt waarvoor het is (of maak er een eigen hulplijn van)",
            code="telefoon-twee-nummers",
        )
    if not _ALLOWED_CHARS.match(raw):
        raise TelefoonFout(_odd_characters(raw), code="telefoon-vreemd-teken")
    return _parse_one(raw)


def _parse_one(raw: str) -> Telefoon:
    if not _ALLOWED_CHARS.match(raw):
        raise TelefoonFout(_odd_characters(raw), code="telefoon-vreemd-teken")
    digits = re.sub(r"[^0-9+]", "", raw)
    if digits.startswith("00"):
        digits = "+" + digits[2:]

    if digits.startswith("0") and len(digits) < 8:
        raise TelefoonFout(
            f"'{raw}' is te kort: een nummer dat met 0 begint heeft 10 cijfers "
            "(zoals 085 130 46 58), of 8 tot 11 bij 0800 en 0900"
        )
    if not digits.startswith("+") and len(digits) <= 6:
        return _parse_short(raw, digits)

    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException as exc:
        raise TelefoonFout(f"'{raw}' is geen geldig telefoonnummer") from exc

    national = phonenumbers.national_significant_number(number)
    if number.country_code == 31 and _MUNICIPAL.match(national):
        return _parse_short(raw, national)
    if not phonenumbers.is_valid_number(number):
        raise TelefoonFout(_invalid_reason(raw, number))

    if number.country_code == 31:
        display = dutch_display(number)
    else:
        display = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return Telefoon(invoer=raw, tel=e164, weergave=display, soort=_soort(number), e164=e164)


_GROUPS = {4: (4,), 5: (5,), 6: (2, 2, 2), 7: (3, 2, 2), 8: (2, 2, 2, 2)}


def dutch_display(number: phonenumbers.PhoneNumber) -> str:
    """The grouping Dutch readers expect: 026 123 45 67, 0318 12 34 56, 06 12 34 56 78,
    0800 0450, 0800 844 60 00. The area code comes from the library's metadata."""
    national = phonenumbers.national_significant_number(number)
    split = phonenumbers.length_of_national_destination_code(number)
    if split <= 0:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    area, subscriber = national[:split], national[split:]
    groups, start = [], 0
    for size in _GROUPS.get(len(subscriber), (len(subscriber),)):
        groups.append(subscriber[start : start + size])
        start += size
    return " ".join(["0" + area, *groups])


def _parse_short(raw: str, digits: str) -> Telefoon:
    number = phonenumbers.parse(digits, REGION)
    known = digits in EXTRA_SHORT_NUMBERS
    if _MUNICIPAL.match(digits):
        return Telefoon(
            invoer=raw, tel=digits, weergave=f"14 {digits[2:]}", soort=Soort.GEMEENTE
        )
    if known or shortnumberinfo.is_valid_short_number_for_region(number, REGION):
        return Telefoon(invoer=raw, tel=digits, weergave=digits, soort=Soort.KORT)
    raise TelefoonFout(
        f"'{raw}' is geen bekend kort nummer in Nederland; controleer het nummer "
        "(een gewoon nummer heeft 10 cijfers, zoals 085 130 46 58)"
    )


def _invalid_reason(raw: str, number: phonenumbers.PhoneNumber) -> str:
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 31 and not national.startswith(("800", "90")):
        count = len(national) + 1
        if count != 10:
            return (
                f"'{raw}' heeft {count} cijfers; een Nederlands nummer heeft er 10 "
                "(zoals 085 130 46 58)"
            )
    return f"'{raw}' is geen geldig telefoonnummer"


def _soort(number: phonenumbers.PhoneNumber) -> Soort:
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.MOBILE:
        return Soort.MOBIEL
    if kind == PhoneNumberType.TOLL_FREE:
        return Soort.GRATIS
    if kind in (PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST):
        return Soort.BETAALD
    return Soort.VAST
