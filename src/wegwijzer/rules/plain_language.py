"""Plain-language checks (taalniveau B1) on the texts parents read.

Warnings only, never errors: a hard sentence is worth fixing, not worth a failed build.
Each warning points at the file and line where the text is written (once per place, not
once per gemeente that inherits it). Three checks:

- a sentence of more than `MAX_WORDS` words;
- a Flesch-Douma score (``textstat`` with Dutch settings) below `MIN_FLESCH_DOUMA`, for texts
  long enough to score (`MIN_WORDS_FOR_SCORE`);
- words from `JARGON`: professional words, and labels parents fear such as "kwetsbaar".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wegwijzer.diagnostics import Meldingen, Plek
from wegwijzer.read.parse import Parsed
from wegwijzer.read.project import Project

MAX_WORDS = 20
MIN_FLESCH_DOUMA = 60  # Douma: 60-70 "normaal", below that "vrij moeilijk" and worse
MIN_WORDS_FOR_SCORE = 8  # a score on a handful of words says nothing

# Entry kinds whose texts reach parents (gemeentepagina, flyer), and per kind the fields
# to check fully. `naam` is checked for feared words only: names are proper names.
KINDS_FOR_PARENTS = ("hulplijnen", "interventies", "contacten")
FULL_CHECK_FIELDS = ("omschrijving", "doelgroep")
NAME_FIELDS = ("naam",)


@dataclass(frozen=True)
class Woord:
    """A word to avoid: `stem` matches at the start of a word; `advies` says what to write."""

    stem: str
    advies: str
    afschrikkend: bool = False  # a label parents fear: also checked in names


JARGON: tuple[Woord, ...] = (
    Woord("kwetsba", "ouders voelen zich er door gelabeld; schrijf wat de hulp doet", True),
    Woord("zorgmijd", "ouders voelen zich er door gelabeld; laat het weg", True),
    Woord("multiprobleem", "ouders voelen zich er door gelabeld; laat het weg", True),
    Woord("risicogezin", "ouders voelen zich er door gelabeld; laat het weg", True),
    Woord("probleemgezin", "ouders voelen zich er door gelabeld; laat het weg", True),
    Woord("indicatie", "schrijf liever 'verwijzing' of 'toestemming'"),
    Woord("casus", "schrijf liever 'situatie'"),
    Woord("interventie", "schrijf liever 'hulp'"),
    Woord("multidisciplin", "schrijf liever 'met hulpverleners samen'"),
    Woord("mdo", "schrijf liever 'overleg'"),
    Woord("problematiek", "schrijf liever 'problemen' of 'zorgen'"),
    Woord("laagdrempelig", "schrijf liever 'makkelijk' of 'zonder afspraak'"),
    Woord("ambulant", "schrijf liever 'bij je thuis'"),
    Woord("psychosocia", "schrijf liever 'hoe je je voelt'"),
    Woord("preventie", "schrijf liever 'om problemen te voorkomen'"),
    Woord("toeleid", "schrijf liever 'helpen de weg te vinden'"),
    Woord("signaler", "schrijf liever 'merken' of 'zien'"),
    Woord("doelgroep", "schrijf liever 'voor wie'"),
    Woord("hulpvraag", "schrijf liever 'vraag'"),
    Woord("hulpverleningstraject", "schrijf liever 'hulp'"),
    Woord("traject", "schrijf liever 'hulp' of 'afspraken'"),
    Woord("instantie", "ouders zijn bang voor 'instanties'; noem de organisatie of schrijf 'hulp'"),
    Woord("cliënt", "schrijf liever 'jij' of 'ouders'"),
    Woord("client", "schrijf liever 'jij' of 'ouders'"),
    Woord("regievoer", "schrijf liever 'iemand die alles met je regelt'"),
    Woord("zorgcoördina", "schrijf liever 'iemand die alles met je regelt'"),
)

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# A sentence ends at . ! ? (or a blank line) followed by white space; "9.00" does not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


@lru_cache(maxsize=1)
def _textstat() -> Any:
    import textstat  # imported late: it is slow to import and only this check needs it

    textstat.set_lang("nl")
    return textstat


def flesch_douma(text: str) -> float:
    """Flesch reading ease with Douma's Dutch constants (textstat, language 'nl')."""
    return float(_textstat().flesch_reading_ease(text))


def long_sentences(text: str, limit: int = MAX_WORDS) -> list[tuple[str, int]]:
    return [(s, n) for s in sentences(text) if (n := len(words(s))) > limit]


def jargon_in(text: str, *, afschrikkend_only: bool = False) -> list[tuple[str, Woord]]:
    """Words of `text` that start with a stem of `JARGON`, each word once, in text order."""
    found: list[tuple[str, Woord]] = []
    seen: set[str] = set()
    for word in words(text):
        lowered = word.lower()
        for entry in JARGON:
            if afschrikkend_only and not entry.afschrikkend:
                continue
            if lowered.startswith(entry.stem) and lowered not in seen:
                seen.add(lowered)
                found.append((word, entry))
                break
    return found


def _quote(sentence: str, limit: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:limit]) + (" ..." if len(parts) > limit else "")


def check_text(text: str, field: str, plek: Plek, meldingen: Meldingen, *, full: bool) -> None:
    """Report the plain-language problems of one text, at `plek`."""
    for word, entry in jargon_in(text, afschrikkend_only=not full):
        kind = "een woord dat ouders afschrikt" if entry.afschrikkend else "vaktaal"
        meldingen.waarschuwing(plek, f"veld '{field}': '{word}' is {kind}; {entry.advies}", code="taal-moeilijk-woord")
    if not full:
        return
    for sentence, count in long_sentences(text):
        meldingen.waarschuwing(
            plek,
            f"veld '{field}': zin van {count} woorden (B1: hooguit {MAX_WORDS}): "
            f"\"{_quote(sentence)}\"; maak er twee zinnen van",
            code="taal-lange-zin",
        )
    if len(words(text)) >= MIN_WORDS_FOR_SCORE:
        score = flesch_douma(text)
        if score < MIN_FLESCH_DOUMA:
            meldingen.waarschuwing(
                plek,
                f"veld '{field}': moeilijk te lezen (Flesch-Douma {score:.0f}, B1 is "
                f"{MIN_FLESCH_DOUMA} of hoger); gebruik kortere zinnen en kortere woorden",
                code="taal-moeilijk-leesbaar",
            )


def _texts(parsed: Parsed[Any]) -> Iterator[tuple[str, str, Plek, bool]]:
    for kind in KINDS_FOR_PARENTS:
        for position, entry in enumerate(getattr(parsed.model, kind, None) or ()):
            for name in entry.model_fields_set:
                value = getattr(entry, name)
                if not isinstance(value, str):
                    continue
                if name in FULL_CHECK_FIELDS or name in NAME_FIELDS:
                    plek = parsed.plek_item(kind, position, name)
                    yield name, value, plek, name in FULL_CHECK_FIELDS


def check_file(parsed: Parsed[Any], meldingen: Meldingen) -> None:
    """Check the parent-facing texts written in one data file."""
    for name, text, plek, full in _texts(parsed):
        check_text(text, name, plek, meldingen, full=full)


def check_project(project: Project, meldingen: Meldingen) -> None:
    """Check every data file of a project (called from `wegwijzer.rules.validate.validate`)."""
    files: list[Parsed[Any]] = [project.landelijk] if project.landelijk else []
    files += [*project.regios.values(), *project.gemeenten.values()]
    for parsed in files:
        check_file(parsed, meldingen)
