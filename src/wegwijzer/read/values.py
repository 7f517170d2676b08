"""Field types for the data models: how one YAML value is read and what the schema says.

The YAML loader hands every scalar over as text (so ``0612345678`` keeps its leading zero);
these types turn text into typed values, with a Dutch message when they cannot.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from wegwijzer.read import links, phones


def _fout(message: str, code: str) -> PydanticCustomError:
    """A Dutch message for the editor; `code` names the rule (see wegwijzer.codes)."""
    return PydanticCustomError("wegwijzer", message, {"code": code})


def _text(value: Any, what: str) -> str:
    if isinstance(value, (dict, list)):
        raise _fout(f"verwacht {what}, maar hier staat een {_shape(value)}", code="waarde-soort")
    return str(value).strip()


def _shape(value: Any) -> str:
    return "lijst" if isinstance(value, list) else "groep velden"


# --- ja / nee -----------------------------------------------------------------------------

_TRUE = {"ja", "true", "waar"}
_FALSE = {"nee", "false", "onwaar"}


def _ja_nee(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value, "ja of nee").lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _fout(f"'{text}' is geen ja of nee; schrijf ja of nee", code="ja-nee-ongeldig")


JaNee = Annotated[
    bool,
    BeforeValidator(_ja_nee),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee"]}]}),
]

# --- text ---------------------------------------------------------------------------------


def _tekst(value: Any) -> str:
    text = _text(value, "tekst")
    if not text:
        raise _fout("is leeg", code="tekst-leeg")
    return text


Tekst = Annotated[str, BeforeValidator(_tekst), WithJsonSchema({"type": "string", "minLength": 1})]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""The one slug pattern: ids, gemeente file names and page addresses."""


def slugify(text: str) -> str:
    """'Stevig Ouderschap' -> 'stevig-ouderschap' (used in suggestions and scaffolding)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _slug(value: Any) -> str:
    text = _text(value, "een id")
    if not SLUG.match(text):
        hint = slugify(text)
        suggestion = f" (bedoel je '{hint}'?)" if hint else ""
        raise _fout(
            f"'{text}' is geen geldige id: gebruik kleine letters, cijfers en streepjes"
            f"{suggestion}",
            code="id-ongeldig",
        )
    return text


Slug = Annotated[
    str,
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG.pattern}),
]

# --- dates --------------------------------------------------------------------------------


def _datum(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value, "een datum")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise _fout(f"'{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-01", code="datum-ongeldig")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _fout(f"'{text}' is geen bestaande datum; schrijf JJJJ-MM-DD", code="datum-ongeldig") from None


Datum = Annotated[
    dt.date,
    BeforeValidator(_datum),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]

# --- times of day (opening hours) ----------------------------------------------------------


@dataclass(frozen=True, order=True)
class Tijd:
    """A time of day on the wall clock, in minutes after midnight (0 to 1440: 24:00 is the
    end of the day)."""

    minuten: int

    @property
    def uur(self) -> int:
        return self.minuten // 60

    @property
    def minuut(self) -> int:
        return self.minuten % 60

    def __str__(self) -> str:
        return f"{self.uur:02d}:{self.minuut:02d}"


def _tijd(value: Any) -> Tijd:
    if isinstance(value, Tijd):
        return value
    text = _text(value, "een tijd")
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
    if match:
        uur, minuut = int(match[1]), int(match[2])
        if (uur < 24 and minuut < 60) or (uur == 24 and minuut == 0):
            return Tijd(uur * 60 + minuut)
    raise _fout(
        f"'{text}' is geen tijd; schrijf uren en minuten als UU:MM, bijvoorbeeld \"09:00\" of "
        "\"17:30\" (tussen aanhalingstekens)",
        code="tijd-ongeldig",
    )


TijdVeld = Annotated[
    Tijd,
    BeforeValidator(_tijd),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(([01]?\d|2[0-3])[:.][0-5]\d|24[:.]00)$",
            "description": "Tijd als UU:MM, zoals '09:00' of '17:30'. Zet hem tussen aanhalingstekens.",
        }
    ),
]

# --- phone, web, email ----------------------------------------------------------------------


def _parsed_by(parse: Any, result: type | None, what: str, code: str) -> Any:
    """A before-validator from a pure parse function that raises a ValueError in Dutch.

    `code` names the rule, unless the error carries a more precise `code` of its own."""

    def check(value: Any) -> Any:
        if result is not None and isinstance(value, result):
            return value
        try:
            return parse(_text(value, what))
        except ValueError as exc:
            raise _fout(str(exc), getattr(exc, "code", None) or code) from None

    return BeforeValidator(check)


Telefoon = Annotated[
    phones.Telefoon,
    _parsed_by(phones.parse, phones.Telefoon, "een telefoonnummer", "telefoon-ongeldig"),
    PlainSerializer(
        lambda t: {"invoer": t.invoer, "tel": t.tel, "weergave": t.weergave, "soort": str(t.soort)},
        return_type=dict,
    ),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "description": "Telefoonnummer zoals je het schrijft, bijvoorbeeld '085 130 46 58', "
            "'0800 0450', '112' of '14 026'. Zet het tussen aanhalingstekens.",
        }
    ),
]


Website = Annotated[
    links.Website,
    _parsed_by(links.parse_website, links.Website, "een webadres", "link-ongeldig"),
    PlainSerializer(lambda w: w.url, return_type=str),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]


Email = Annotated[
    str,
    _parsed_by(links.parse_email, None, "een e-mailadres", "email-ongeldig"),
    WithJsonSchema({"type": "string", "format": "email"}),
]

# --- languages ----------------------------------------------------------------------------


#: Language codes (ISO 639-3) that CLDR files under another locale: Dari is Persian as
#: written in Afghanistan.
CLDR_LOCALE = {"prs": "fa_AF"}


def locale_van(code: str) -> Locale | None:
    """The CLDR locale of a language code (names, dates, direction), or None."""
    try:
        return Locale.parse(CLDR_LOCALE.get(code, code).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


#: Right-to-left languages CLDR may not know (the CLDR locale decides for every other code).
RTL_ZONDER_CLDR = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "prs", "yi", "dv"})


def richting(code: str) -> str:
    """'rtl' or 'ltr': the text direction of a language, from CLDR. The one rule for the
    site, the flyer and the opening hours."""
    locale = locale_van(code)
    if locale is not None:
        return "rtl" if locale.text_direction == "rtl" else "ltr"
    return "rtl" if code.split("-")[0] in RTL_ZONDER_CLDR else "ltr"


def taal_naam(code: str) -> str:
    """Dutch name of a language code ('ar' -> 'Arabisch', 'prs' -> 'Dari')."""
    if code == "prs":
        return "Dari"
    return Locale("nl").languages.get(code, code).capitalize()


def _taal(value: Any) -> str:
    text = _text(value, "een taalcode")
    code = text.lower()
    if re.fullmatch(r"[a-z]{2,3}", code) and locale_van(code) is not None:
        return code
    names = {name.lower(): key for key, name in Locale("nl").languages.items()}
    hint = names.get(code)
    suggestion = f" (bedoel je '{hint}'?)" if hint else ""
    raise _fout(
        f"'{text}' is geen taalcode; gebruik de code van twee letters, zoals nl, en, ar, tr"
        f"{suggestion}",
        code="taalcode-ongeldig",
    )


Taal = Annotated[
    str,
    BeforeValidator(_taal),
    WithJsonSchema({"type": "string", "pattern": "^[a-z]{2,3}$", "description": "ISO 639-taalcode"}),
]

# --- fixed vocabularies -------------------------------------------------------------------


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option an editor most likely meant ('telefon' -> 'telefoon'), or None."""
    options = list(options)
    lowered = {option.lower(): option for option in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def suggestion(word: str, options: Iterable[str]) -> str:
    """' (bedoel je 'x'?)' or ''."""
    best = closest(word, options)
    return f" (bedoel je '{best}'?)" if best and best != word else ""


def vocabulary(enum: type[StrEnum], what: str) -> Any:
    """Annotated type for one word from a fixed list, with a Dutch message and a suggestion."""
    values = [member.value for member in enum]

    def check(value: Any) -> StrEnum:
        if isinstance(value, enum):
            return value
        text = _text(value, what)
        if text in values:
            return enum(text)
        raise _fout(
            f"'{text}' is geen geldige {what}{suggestion(text, values)}; "
            f"kies uit: {', '.join(values)}",
            code="keuze-ongeldig",
        )

    return Annotated[enum, BeforeValidator(check), WithJsonSchema({"type": "string", "enum": values})]
