"""Opening hours as a card shows them: lines of text in the page's language, and the data
attribute the script reads for its "nu open" mark.

Day names, lists and times come from CLDR (Babel), so a page in Turkish says 'Pzt–Cum
09:00–17:00' without a hand translation; Dutch is written the Dutch way ('ma t/m vr
9.00-17.00 uur').
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.lists import format_list

from wegwijzer.read.models import Dag, Openingstijden, Tijdvak
from wegwijzer.read.values import Tijd, richting

#: days in a row from which a range ('ma t/m vr') is written instead of a list
REEKS = 3


@lru_cache(maxsize=32)
def _locale(taal: str) -> Locale | None:
    try:
        return Locale.parse(taal.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _dag(dag: Dag, taal: str) -> str:
    locale = _locale(taal)
    if taal == "nl" or locale is None:
        return dag.value
    return locale.days["format"]["abbreviated"][dag.nummer]


def _lijst(delen: list[str], taal: str) -> str:
    locale = _locale(taal)
    return format_list(delen, locale=locale) if locale else ", ".join(delen)


def _tijd(tijd: Tijd, taal: str) -> str:
    if taal == "nl" or _locale(taal) is None:
        return f"{tijd.uur}.{tijd.minuut:02d}"
    if tijd.minuten == 1440:
        return "24:00"
    return format_skeleton("Hm", dt.time(tijd.uur, tijd.minuut), locale=_locale(taal))


def dagen_tekst(dagen: list[Dag], taal: str) -> str:
    """'ma t/m vr', 'ma, wo en vr', 'vr en za' (Monday first; three or more days in a row as
    a range)."""
    nummers = sorted({dag.nummer for dag in dagen})
    reeksen: list[list[int]] = []
    for n in nummers:
        if reeksen and reeksen[-1][-1] == n - 1:
            reeksen[-1].append(n)
        else:
            reeksen.append([n])
    week = list(Dag)
    delen = []
    tot = " t/m " if taal == "nl" else "–"
    for reeks in reeksen:
        if len(reeks) >= REEKS:
            delen.append(f"{_dag(week[reeks[0]], taal)}{tot}{_dag(week[reeks[-1]], taal)}")
        else:
            delen += [_dag(week[n], taal) for n in reeks]
    return _lijst(delen, taal)


#: Unicode isolates: a time range keeps its order (09:00–17:00) inside right-to-left text
LRI, PDI = "\u2066", "\u2069"


def _venster(vak: Tijdvak, taal: str) -> str:
    streep = "-" if taal == "nl" else "–"
    tekst = f"{_tijd(vak.van, taal)}{streep}{_tijd(vak.tot, taal)}"
    return f"{LRI}{tekst}{PDI}" if richting(taal) == "rtl" else tekst


def regels(uren: Openingstijden, taal: str) -> list[str]:
    """One line per group of days with the same times: 'ma t/m vr 9.00-17.00 uur',
    'ma, di en do 9.00-12.30 en 13.30-17.00 uur'."""
    groepen: dict[frozenset[Dag], list[Tijdvak]] = {}
    for vak in uren.tijden:
        groepen.setdefault(frozenset(vak.dagen), []).append(vak)
    lines = []
    for dagen in sorted(groepen, key=lambda d: min(dag.nummer for dag in d)):
        vakken = sorted(groepen[dagen], key=lambda v: v.van)
        tijden = _lijst([_venster(vak, taal) for vak in vakken], taal)
        lines.append(f"{dagen_tekst(list(dagen), taal)} {tijden}{' uur' if taal == 'nl' else ''}")
    return lines


def data_attribuut(uren: Openingstijden) -> str:
    """The hours for the script: '12345@0900-1700 7@2000-0200', days 1 (Monday) to 7
    (Sunday), wall-clock times in Europe/Amsterdam; a 'tot' before 'van' ends the next day."""
    parts = []
    for vak in uren.tijden:
        dagen = "".join(str(dag.nummer + 1) for dag in sorted(set(vak.dagen), key=lambda d: d.nummer))
        parts.append(f"{dagen}@{vak.van.uur:02d}{vak.van.minuut:02d}-{vak.tot.uur:02d}{vak.tot.minuut:02d}")
    return " ".join(parts)
