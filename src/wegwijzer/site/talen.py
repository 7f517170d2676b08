"""The language of a parent page: its texts, looked up in the translations, honestly labelled.

A parent page (``/<gemeente>/`` in Dutch, ``/<gemeente>/<taal>/`` in every language of the
gemeente's ``flyer_talen``) takes every text through one `PaginaTeksten`:

- `t(key)`: a text of the page itself (``site_teksten`` in ``content/vertalingen/<taal>.yml``);
- `veld(item, naam)`: a text from the data (``omschrijving``, ``doelgroep``, ...), translated
  under ``vermeldingen:`` with the Dutch text it was made from;
- `datum(d)`: a date written the way the language writes dates (CLDR, through Babel).

A text without a current translation is shown in Dutch inside ``<span lang="nl">`` and
counted, so the page can say once, in its own language, that some texts are still Dutch.
Which translation is current is the rule `wegwijzer.rules.vertalingen.actuele_vertaling`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from markupsafe import Markup, escape

from wegwijzer.read.values import locale_van, richting
from wegwijzer.read.values import taal_naam as nl_naam
from wegwijzer.read.vertalingen import Tekst, Vertaling, invullen, standaard_site_teksten
from wegwijzer.rules.vertalingen import actuele_vertaling
from wegwijzer.site.render import join_nl




_EIGEN_TAALBESTANDEN = Path(__file__).parent / "overrides" / "partials" / "languages"


@lru_cache(maxsize=64)
def material_taal(taal: str) -> str:
    """The theme's interface language file for `taal`: Material's own, the Wegwijzer's (for
    languages Material lacks), else English."""
    import material

    theme = Path(material.__file__).parent / "templates" / "partials" / "languages"
    verwant = {"prs": "fa"}.get(taal)  # Dari: the theme's Persian texts
    for code in (taal, verwant):
        for folder in (_EIGEN_TAALBESTANDEN, theme):
            if code and (folder / f"{code}.html").is_file():
                return code
    return "en"


@dataclass(frozen=True)
class Taalversie:
    """One language version of a page: for the language menu and the hreflang links."""

    taal: str
    naam: str  # the language's name in that language
    url: str  # site path, such as 'ede/ar/'
    richting: str = "ltr"


def taal_naam(vertalingen: Mapping[str, Vertaling], taal: str) -> str:
    vertaling = vertalingen.get(taal)
    tekst = vertaling.site.get("taal_naam") if vertaling else None
    return tekst.tekst if tekst else taal


def schrift(tekst: str) -> str | None:
    """The first word of the Unicode name of the first letter that is not Latin, or None:
    'ARABIC', 'ETHIOPIC', 'CYRILLIC'."""
    for char in tekst:
        if char.isalpha() and ord(char) > 0x24F:
            return unicodedata.name(char, "").split(" ")[0] or None
    return None


@lru_cache(maxsize=64)
def _locale(taal: str) -> Locale | None:
    return locale_van(taal)


class PaginaTeksten:
    """The texts of one page in one language; Dutch stands in, marked, where one is missing."""

    def __init__(self, vertalingen: Mapping[str, Vertaling], taal: str) -> None:
        self.taal = taal
        self.richting = richting(taal)
        self.nl = vertalingen.get("nl")
        self.doel = self.nl if taal == "nl" else vertalingen.get(taal)
        # the Dutch page texts: the project's nl.yml, else those of the Wegwijzer itself
        self.nl_site: Mapping[str, Tekst] = {**standaard_site_teksten(), **(self.nl.site if self.nl else {})}
        # the page's texts were made by a machine and nobody has reviewed them yet
        self.machine = bool(self.doel and taal != "nl" and self.doel.heeft_machinevertaling)

    # --- texts of the page ----------------------------------------------------------------

    def t(self, key: str, **waarden: Any) -> Markup:
        """A page text, placeholders filled with escaped values."""
        tekst = self._site(key)
        if tekst is not None:
            return _vul(tekst.tekst, waarden)
        bron = self.nl_site.get(key)
        return self._nl(_vul(bron.tekst if bron else key, waarden))

    def _site(self, key: str) -> Tekst | None:
        """The page text `key` in the page's own language, or None."""
        if self.taal == "nl":
            return self.nl_site.get(key)
        return self.doel.site.get(key) if self.doel else None

    def heeft(self, key: str) -> bool:
        """True when the page's language has its own text for `key`."""
        return self._site(key) is not None

    def vast(self, key: str) -> Markup:
        """A fixed text of the flyer (such as 'merk'), in the page's language when it has one."""
        tekst = self.doel.vast.get(key) if self.doel else None
        if tekst is not None:
            return escape(tekst.tekst)
        bron = self.nl.vast.get(key) if self.nl else None
        return self._nl(escape(bron.tekst if bron else key))

    def fase(self, fase: Any) -> Markup:
        key = "fase_" + str(fase.value).replace("-", "_")
        return self.t(key)

    def attr(self, key: str, **waarden: Any) -> str:
        """A page text for an attribute (aria-label): plain text, no language mark."""
        tekst = self._site(key) or self.nl_site.get(key)
        return invullen(tekst.tekst if tekst else key, **{k: str(v) for k, v in waarden.items()})

    def _nl(self, html: Markup) -> Markup:
        if self.taal == "nl":
            return html
        return Markup('<span lang="nl" dir="ltr" data-ww-nl>{}</span>').format(html)

    # --- texts from the data --------------------------------------------------------------

    def veld(self, item: Any, naam: str, nl: str | None = None, *, plain: bool = False) -> Any:
        """The text of field `naam` of an entry (the Dutch `nl`, default the item's own),
        Dutch inside ``<span lang="nl">`` when it has no current translation. With `plain` the
        text alone (the caller marks the block with `lang_attr`)."""
        dutch = nl if nl is not None else getattr(item, naam, None)
        if not dutch:
            return "" if plain else Markup("")
        tekst = self._vertaling(item, naam, str(dutch))
        if plain:
            return tekst if tekst is not None else str(dutch)
        if tekst is None:
            return escape(str(dutch)) if self.taal == "nl" else self._nl(escape(str(dutch)))
        return escape(tekst)

    def lang_attr(self, item: Any, naam: str) -> Markup:
        """' lang="nl" dir="ltr"' for a block whose text (field `naam`) is shown in Dutch on a
        page in another language, else nothing."""
        dutch = getattr(item, naam, None)
        if self.taal == "nl" or not dutch or self._vertaling(item, naam, str(dutch)) is not None:
            return Markup("")
        return Markup(' lang="nl" dir="ltr" data-ww-nl')

    def _vertaling(self, item: Any, naam: str, dutch: str) -> str | None:
        if self.taal == "nl":
            return None
        tekst = actuele_vertaling(self.doel, item.id, naam, dutch)
        if tekst is None:
            return None
        return tekst.tekst

    def tijd(self, value: dt.date) -> Markup:
        return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), self.datum(value))

    def talen(self, codes: list[str]) -> Markup:
        """Language names in the page's language, as a list ('Engels en Arabisch')."""
        if self.taal == "nl":
            return escape(join_nl([nl_naam(code) for code in codes]))
        locale = _locale(self.taal)
        if locale is None:
            return self._nl(escape(", ".join(codes)))
        names = [locale.languages.get(code.replace("-", "_"), code) for code in codes]
        return escape(format_list(names, locale=locale))

    def naam(self, item: Any) -> Markup:
        """An entry's name: translated where the translation gives one (such as '112:
        emergency number'), else the name itself, marked as Dutch on other pages (it is a
        Dutch name) without counting it as untranslated."""
        if self.taal == "nl":
            return escape(item.naam)
        tekst = actuele_vertaling(self.doel, item.id, "naam", item.naam)
        if tekst is not None:
            return escape(tekst.tekst)
        return Markup('<span lang="nl" dir="ltr">{}</span>').format(item.naam)

    def eigennaam(self, tekst: str | None) -> Markup:
        """A Dutch proper name or address on a page in another language: marked as Dutch."""
        if not tekst:
            return Markup("")
        if self.taal == "nl":
            return escape(tekst)
        return Markup('<span lang="nl" dir="ltr">{}</span>').format(tekst)

    def schrift(self) -> str | None:
        """The script the page's language is written in ('ARABIC', 'ETHIOPIC'; None: Latin),
        from its own texts."""
        tekst = self._site("titel") if self.taal != "nl" else None
        return schrift(tekst.tekst) if tekst else None

    def afronden(self, html: str, nl_url: str) -> str:
        """The rendered page with its language notices in place (see `afronden`)."""
        return afronden(html, self, nl_url)

    def meldingen_plek(self) -> Markup:
        """Where the language notices go (see `afronden`)."""
        return Markup(MELDINGEN)

    def datum(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        return _datum(self.taal, value)


@lru_cache(maxsize=8192)
def _datum(taal: str, value: dt.date) -> str:
    """A date written the way `taal` writes it (babel is slow, and cards repeat dates)."""
    locale = _locale(taal)
    return format_date(value, format="long", locale=locale) if locale else value.isoformat()


def _vul(tekst: str, waarden: Mapping[str, Any]) -> Markup:
    """Escape `tekst`, then fill its {placeholders} with escaped values."""
    escaped = str(escape(tekst))
    return Markup(invullen(escaped, **{k: str(escape(v)) for k, v in waarden.items()}))


#: Where a page in another language says that it was machine-translated or is partly Dutch:
#: filled in by `PaginaTeksten.afronden` once the whole page is rendered.
MELDINGEN = "\x04taalmeldingen\x04"


def afronden(html: str, t: PaginaTeksten, nl_url: str) -> str:
    """Put the language notices of a rendered page at their place: that the page is a
    machine translation (with a link to the Dutch page, `nl_url`, a site path), and that some
    texts are still Dutch (when a block of the page is marked so)."""
    if MELDINGEN not in html:
        return html
    parts = []
    if t.taal != "nl":
        if t.machine:
            parts.append(
                Markup('<p class="ww-melding ww-melding--taal" role="note">{} '
                       '<a href="\x02{}\x03" hreflang="nl">{}</a></p>').format(
                    t.t("machinevertaling"), nl_url, t.t("nederlandse_pagina"))
            )
        if "data-ww-nl" in html:
            parts.append(Markup('<p class="ww-melding ww-melding--taal" role="note">{}</p>').format(t.t("niet_vertaald")))
    return html.replace(MELDINGEN, "".join(parts))
