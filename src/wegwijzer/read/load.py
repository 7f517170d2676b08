"""Read one YAML data file safely, keeping the line and column of every key and value.

Nothing an editor wrote is silently changed: every scalar is read as text (``0612345678``
keeps its leading zero, ``ja`` stays ``ja`` until a model reads it as a boolean). Tabs,
duplicate keys, aliases and tags, non-UTF-8 text and oversized files are refused with a
Dutch message at the right line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from wegwijzer import tekens
from wegwijzer.diagnostics import Ernst, Melding, Meldingen, Plek

MAX_BYTES = 1024 * 1024  # a gemeente file is a few KB; 1 MiB is absurd for hand-written data
EMPTY = ("", "~")


class _TextResolver(VersionedResolver):
    """Resolve every plain scalar to a string: types are the models' job, not YAML's."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


# Reading for checks uses libyaml's composer (C, through PyYAML): ten times faster than a
# pure-Python parser on a national dataset. Every scalar stays text (BaseLoader resolves
# nothing); comments are not needed here. Editing files (wegwijzer fmt) uses ruamel.yaml.
_BaseLoader = getattr(pyyaml, "CBaseLoader", pyyaml.BaseLoader)
_TAGS = {
    pyyaml.ScalarNode: "tag:yaml.org,2002:str",
    pyyaml.SequenceNode: "tag:yaml.org,2002:seq",
    pyyaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return _TAGS[kind]  # explicit tags are refused before composing


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Resolver = _TextResolver
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass(frozen=True)
class Document:
    """A loaded data file: its tree (ruamel round-trip types) and where each node came from."""

    path: Path
    tree: CommentedMap

    def plek(self, loc: Sequence[str | int] = (), *, key: bool = False) -> Plek:
        """Where the value at `loc` starts (or its key, with key=True); the nearest known place."""
        node: Any = self.tree
        line, column = _start(node)
        for index, step in enumerate(loc):
            last = index == len(loc) - 1
            if isinstance(node, CommentedMap) and step in node:
                if last and key:
                    line, column = node.lc.key(step)
                else:
                    line, column = node.lc.value(step)
                    value = node[step]
                    # isinstance first: comparing a large CommentedMap with a string walks it
                    if value is None or (isinstance(value, str) and value in EMPTY):
                        line, column = node.lc.key(step)
                node = node[step]
            elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
                line, column = node.lc.item(step)
                node = node[step]
            elif isinstance(step, str) and not step.isidentifier():
                continue  # pydantic adds union and validator tags to a location; skip them
            else:
                break
        return Plek(self.path, line + 1, column + 1)


def _start(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return lc.line, lc.col
    return 0, 0


def read(path: Path, meldingen: Meldingen) -> Document | None:
    """Load one data file; report every problem found and return None when it is unusable."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            meldingen.fout(
                Plek(path),
                f"bestand is te groot ({size // 1024} KB); een databestand is hooguit "
                f"{MAX_BYTES // 1024} KB",
                code="bestand-te-groot",
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        meldingen.fout(Plek(path), f"bestand kan niet worden gelezen ({exc.strerror})", code="bestand-onleesbaar")
        return None
    return parse(path, data, meldingen)


def parse(path: Path, data: bytes, meldingen: Meldingen) -> Document | None:
    """Parse file content (bytes as on disk); see `read`."""
    if len(data) > MAX_BYTES:
        meldingen.fout(Plek(path), "bestand is te groot", code="bestand-te-groot")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        meldingen.fout(
            Plek(path, line, column),
            "bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8 "
            "(in Kladblok of VS Code: 'Opslaan als' en kies codering UTF-8)",
            code="bestand-geen-utf8",
        )
        return None
    if "\x00" in text:
        meldingen.fout(Plek(path), "bestand bevat binaire gegevens; is dit wel een YAML-bestand?", code="bestand-binair")
        return None

    problems = _check_tabs(path, text)
    if problems:
        meldingen.extend(problems)
        return None
    try:
        # anchors need '&', aliases '*', tags '!': without them the event pass is not needed
        problems = _check_events(path, text) if _SPECIAL.search(text) else []
        if problems:
            meldingen.extend(problems)
            return None
        node = pyyaml.compose(text, Loader=_Loader)
        problems = []
        chars: list[Melding] = []
        tree = _build(path, node, problems, text, chars) if node is not None else None
        if problems:
            meldingen.extend(problems)
            return None
        meldingen.extend(chars)
    except pyyaml.MarkedYAMLError as exc:
        meldingen.add(_syntax(path, exc))
        return None
    except pyyaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        meldingen.fout(
            Plek(path, line, column),
            f"het teken {tekens.naam(chr(exc.character))} mag niet in een YAML-bestand staan; "
            "haal het weg (het komt vaak mee bij kopiëren uit een e-mail of pdf)",
            code="teken-stuurteken",
        )
        return None
    except (pyyaml.YAMLError, RecursionError, ValueError) as exc:
        meldingen.fout(Plek(path), f"bestand is geen geldige YAML ({type(exc).__name__})", code="yaml-ongeldig")
        return None

    if tree is None or (isinstance(tree, str) and tree in EMPTY):
        tree = CommentedMap()
    if not isinstance(tree, CommentedMap):
        meldingen.fout(
            Plek(path, 1, 1),
            "het bestand moet bestaan uit velden met een naam (zoals 'gemeente:' of "
            "'hulplijnen:'), niet uit een losse lijst of tekst",
            code="yaml-geen-velden",
        )
        return None
    return Document(path, tree)


def _check_tabs(path: Path, text: str) -> list[Melding]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(
                Melding(
                    Plek(path, number, indent.index("\t") + 1),
                    Ernst.FOUT,
                    "tab gevonden aan het begin van de regel; gebruik spaties om in te springen",
                    code="yaml-tab",
                )
            )
    return found


def _check_events(path: Path, text: str) -> list[Melding]:
    """Refuse aliases, anchors and tags (a billion-laughs file cannot even start expanding)."""
    found = []
    documents = 0
    for event in pyyaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        plek = Plek(path, mark.line + 1, mark.column + 1)
        if isinstance(event, pyyaml.DocumentStartEvent):
            documents += 1
            if documents == 2:
                found.append(
                    Melding(plek, Ernst.FOUT, "tweede document ('---') in één bestand; "
                            "zet elke gemeente in een eigen bestand", code="yaml-meer-documenten")
                )
        if isinstance(event, pyyaml.AliasEvent):
            found.append(
                Melding(plek, Ernst.FOUT, f"verwijzing '*{event.anchor}' wordt niet "
                        "ondersteund; schrijf de waarde voluit", code="yaml-anker")
            )
        elif isinstance(event, (pyyaml.ScalarEvent, pyyaml.CollectionStartEvent)):
            if event.anchor:
                found.append(
                    Melding(plek, Ernst.FOUT, f"anker '&{event.anchor}' wordt niet "
                            "ondersteund; schrijf de waarde voluit", code="yaml-anker")
                )
            if event.tag is not None:
                tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
                found.append(
                    Melding(plek, Ernst.FOUT, f"label '{tag}' wordt niet ondersteund; "
                            "laat het weg (schrijf alleen de waarde)", code="yaml-label")
                )
        if len(found) >= 50:
            break
    return found


def _build(
    path: Path, node: pyyaml.Node, problems: list[Melding], text: str, chars: list[Melding]
) -> Any:
    """The composed node tree as ruamel round-trip types with line and column of every item.

    Invisible and control characters (`wegwijzer.tekens`) are taken out of every value and
    key; each one found becomes a message in `chars` at its own line and column."""
    if isinstance(node, pyyaml.ScalarNode):
        return _clean_scalar(path, node, text, chars)
    line, column = node.start_mark.line, node.start_mark.column
    if isinstance(node, pyyaml.SequenceNode):
        seq = CommentedSeq()
        seq._yaml_set_line_col(line, column)
        for index, item in enumerate(node.value):
            seq.append(_build(path, item, problems, text, chars))
            seq.lc.add_kv_line_col(index, [item.start_mark.line, item.start_mark.column])
        return seq
    mapping = CommentedMap()
    mapping._yaml_set_line_col(line, column)
    first: dict[str, int] = {}
    for key_node, value_node in node.value:
        key_mark = key_node.start_mark
        plek = Plek(path, key_mark.line + 1, key_mark.column + 1)
        if not isinstance(key_node, pyyaml.ScalarNode):
            problems.append(Melding(plek, Ernst.FOUT, "een veldnaam moet een woord zijn, geen lijst of groep", code="yaml-sleutel-geen-woord"))
            continue
        key = _clean_scalar(path, key_node, text, chars)
        if key in first:
            problems.append(
                Melding(plek, Ernst.FOUT, f"veld '{key}' staat twee keer in dezelfde groep "
                        f"(ook op regel {first[key]}); haal er één weg", code="yaml-dubbele-sleutel")
            )
            continue
        first[key] = key_mark.line + 1
        mapping[key] = _build(path, value_node, problems, text, chars)
        value_mark = value_node.start_mark
        mapping.lc.add_kv_line_col(
            key, [key_mark.line, key_mark.column, value_mark.line, value_mark.column]
        )
    return mapping


def _clean_scalar(path: Path, node: pyyaml.ScalarNode, text: str, chars: list[Melding]) -> str:
    value = str(node.value)
    found = tekens.vind(value)
    if not found:
        return value
    # where each character stands in the file: search the scalar's source for it; an escaped
    # one ("\u202e" in double quotes) is not in the source, then the scalar's start is named
    source_start, source_end = node.start_mark.index, node.end_mark.index
    seen = source_start
    for item in found:
        at = text.find(item.teken, seen, source_end)
        if at < 0:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        else:
            line, column = _line_col(text, at)
            seen = at + 1
        plek = Plek(path, line, column)
        if item.stuurteken:
            effect = (
                "het kan tekst en cijfers in een andere volgorde laten zien"
                if item.teken in tekens.RICHTING
                else "het hoort niet in tekst en kan een scherm of printer in de war brengen"
            )
            chars.append(Melding(
                plek, Ernst.FOUT,
                f"onzichtbaar stuurteken {tekens.naam(item.teken)}: {effect}; haal het weg "
                "(het wordt niet gepubliceerd)",
                "teken-stuurteken",
            ))
        else:
            chars.append(Melding(
                plek, Ernst.WAARSCHUWING,
                f"onzichtbaar teken {tekens.naam(item.teken)} weggelaten; haal het weg uit het "
                "bestand (het komt vaak mee bij kopiëren uit een e-mail of pdf)",
                "teken-onzichtbaar",
            ))
    return tekens.schoon(value)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_SPECIAL = re.compile(r"[&*!]")
_SYNTAX_HINTS = (
    ("expected a single document", "tweede document ('---') in één bestand; zet elke gemeente "
     "in een eigen bestand"),
    ("mapping values are not allowed", "dubbele punt op een onverwachte plek; "
     "zet tekst met een dubbele punt tussen aanhalingstekens, of controleer de inspringing"),
    ("while scanning a quoted scalar", "aanhalingsteken wordt niet afgesloten"),
    ("found unexpected end of stream", "bestand houdt onverwacht op; ontbreekt er een "
     "aanhalingsteken of haakje?"),
    ("expected <block end>", "inspringing klopt niet; zet velden van dezelfde groep recht "
     "onder elkaar"),
    ("could not find expected ':'", "dubbele punt ontbreekt achter de veldnaam"),
    ("did not find expected key", "inspringing klopt niet of er ontbreekt een streepje '-'"),
    ("did not find expected '-' indicator", "inspringing klopt niet in een lijst"),
    ("found character", "teken dat hier niet mag staan; zet de tekst tussen aanhalingstekens"),
    ("expected the node content", "waarde ontbreekt of haakje wordt niet gesloten"),
    ("expected ',' or ']'", "lijst tussen [ ] wordt niet goed gesloten"),
    ("expected ',' or '}'", "groep tussen { } wordt niet goed gesloten"),
    ("found undefined tag handle", "label met '!' wordt niet ondersteund"),
)


def _syntax(path: Path, exc: pyyaml.MarkedYAMLError) -> Melding:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
        mark = exc.context_mark  # point at the opening quote, not the end of the file
    problem = f"{exc.context or ''} {exc.problem or ''}"
    hint = next((dutch for english, dutch in _SYNTAX_HINTS if english in problem), None)
    text = hint or "opbouw van het bestand klopt hier niet (controleer inspringing, dubbele " \
        "punten en aanhalingstekens)"
    plek = Plek(path, mark.line + 1, mark.column + 1) if mark is not None else Plek(path)
    return Melding(plek, Ernst.FOUT, f"YAML-fout: {text}", code="yaml-syntax")


def plain(node: Any) -> Any:
    """The tree as plain dicts, lists and strings; empty values become None."""
    if isinstance(node, CommentedMap):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, CommentedSeq):
        return [plain(item) for item in node]
    if isinstance(node, str):
        return None if node in EMPTY else str(node)
    return node
