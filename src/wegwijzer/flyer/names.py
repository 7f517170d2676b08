"""File names of the flyers, shared with the site (which links them on the gemeentepagina).

Every file goes into the gemeente's own output folder (``<site>/<slug>/``); the names carry
the gemeente slug and the language code, so a file that is downloaded and forwarded still
says what it is.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The formats, in the order the site lists them.
FORMATS: tuple[str, ...] = ("a5", "drukwerk", "a4", "png")

#: Names of the languages in the language itself (for links and the language switch).
TAAL_NAMEN: dict[str, str] = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "ti": "ትግርኛ",
    "am": "አማርኛ",
    "so": "Soomaali",
    "uk": "Українська",
    "fa": "فارسی",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "pt": "Português",
    "ro": "Română",
    "bg": "Български",
}


def flyer_files(slug: str, taal: str) -> dict[str, str]:
    """Format key -> file name relative to the gemeente's output folder.

    >>> flyer_files("ede", "nl")["a5"]
    'mamawegwijzer-ede-nl-a5.pdf'
    """
    base = f"mamawegwijzer-{slug}-{taal}"
    return {
        "a5": f"{base}-a5.pdf",
        "drukwerk": f"{base}-drukwerk.pdf",
        "a4": f"{base}-a4.pdf",
        "png": f"{base}.png",
    }


def flyer_talen(extra: Iterable[str] | None) -> list[str]:
    """The languages of a gemeente's flyers: Dutch first, then the extra ones, without repeats.

    Pass ``data.info.flyer_talen`` of a `GemeenteData`.
    """
    talen = ["nl"]
    for taal in extra or ():
        code = str(taal)
        if code not in talen:
            talen.append(code)
    return talen


def taal_naam(taal: str) -> str:
    """The name of a language in that language, or the code when it is not known."""
    return TAAL_NAMEN.get(taal, taal)
