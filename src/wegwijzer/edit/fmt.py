"""`wegwijzer fmt`: canonical formatting of the data files that keeps every comment and value.

The formatter does not let a YAML library re-emit the file (round-trip dumpers move comments
that sit between keys). It reads the parse events, which carry the exact place of every key
and value, finds the comments in the text between them, and writes the file again:

- keys in the order of the model's fields (`id` first), with the file's own block
  (`gemeente:` or `regio:`) first and the source fields (`bron`, `gecontroleerd`, `onzeker`)
  last in every entry; unknown keys keep their place after the known ones;
- 2 spaces of indentation; list items as ``  - `` under their key;
- phone numbers as a double-quoted string (``telefoon: "0800 2000"``), and text that an
  editor's YAML plugin would read as a number or yes/no (``sinds: 2023``) double-quoted too;
- lists of short values in flow style (``fasen: [zwanger, na-geboorte]``) when they fit on
  one line of at most 100 characters and carry no comments; otherwise one item per line;
- every value written as the editor wrote it (plain, quoted, or a block scalar such as
  ``>-`` with its own line breaks), only re-indented;
- every comment kept: a comment line travels with the key or item below it (or stays at the
  end of the group it is indented into); a comment after a value stays on that line;
- the ``# yaml-language-server: $schema=...`` header on top (added when missing for a file
  in content/ or gemeenten/); one blank line between top-level groups and between the
  entries of a top-level list; LF line ends, UTF-8 without BOM, one newline at the end.

Safety: a file that does not load is refused with the messages `validate` gives. After
formatting, the result is loaded again and compared with the original (every value, in order)
and every comment is looked up; formatting twice must give the same text. If any of that
fails, the file is left alone and reported.
"""

from __future__ import annotations

import functools
import json
import os
import re
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from wegwijzer import files
from wegwijzer.read import phones
from wegwijzer.diagnostics import Meldingen, Plek, WegwijzerFout
from wegwijzer.read.load import _yaml, parse, plain
from wegwijzer.read.models import Entry as Entry_
from wegwijzer.read.models import GemeenteBestand, LandelijkBestand, RegioBestand

WIDTH = 100
INDENT = 2
LEADING_KEYS = ("gemeente", "regio")
TRAILING_KEYS = ("bron", "gecontroleerd", "onzeker")
SCHEMA_COMMENT = "# yaml-language-server: $schema="
SCHEMA_FILE = "schema/wegwijzer.schema.json"
FILE_MODELS = (GemeenteBestand, RegioBestand, LandelijkBestand)


class FormatFout(WegwijzerFout):
    """This file cannot be formatted safely; the message is Dutch."""


# --- the tree ---------------------------------------------------------------------------------


@dataclass
class Scalar:
    value: str
    style: str | None  # None plain, "'" or '"' quoted, "|" or ">" block
    start: int  # index in the text (for a block scalar: its header only)
    end: int
    line: int  # 0-based
    column: int
    last_line: int
    block_header: str = ""
    parent_column: int = 0
    block_lines: list[str] = field(default_factory=list)

    @property
    def block(self) -> bool:
        return self.style in ("|", ">")

    @property
    def empty(self) -> bool:
        return self.style is None and self.value in ("", "~")


@dataclass
class Group:
    """A mapping (entries have keys) or a sequence (entries are items)."""

    is_map: bool
    flow: bool
    start: int
    end: int
    line: int
    column: int
    entries: list[Entry] = field(default_factory=list)
    last_line: int = 0
    trail: list[str] = field(default_factory=list)  # comment lines at the end of the group


Node = Scalar | Group


@dataclass
class Entry:
    """One key with its value (key is set) or one list item (key is None)."""

    key: Scalar | None
    node: Node
    column: int
    parent: Group
    depth: int
    lead: list[str] = field(default_factory=list)  # comment lines above; "" is a blank line
    eol: str | None = None  # the comment after the value on the same line

    @property
    def line(self) -> int:
        return self.key.line if self.key is not None else self.node.line

    @property
    def last_line(self) -> int:
        return self.node.last_line

    @property
    def in_flow(self) -> bool:
        return self.parent.flow

    @property
    def name(self) -> str:
        return self.key.value if self.key is not None else ""


@dataclass
class Tree:
    root: Group
    header: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)


def _build(text: str) -> Tree:
    lines = text.split("\n")
    events = iter(list(_yaml().parse(text)))

    def node(event: Any, parent_column: int, depth: int) -> Node:
        if isinstance(event, ScalarEvent):
            return _scalar(event, lines, parent_column)
        if not isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            raise FormatFout(f"onverwacht onderdeel in het bestand ({type(event).__name__})")
        mark = event.start_mark
        is_map = isinstance(event, MappingStartEvent)
        group = Group(is_map, bool(event.flow_style), mark.index, mark.index, mark.line, mark.column)
        while True:
            event = next(events)
            if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                group.end = event.end_mark.index
                break
            if is_map:
                key = node(event, group.column, depth + 1)
                if not isinstance(key, Scalar):
                    raise FormatFout("een veldnaam moet tekst zijn")
                value = node(next(events), key.column, depth + 1)
                group.entries.append(Entry(key, value, key.column, group, depth))
            else:
                item = node(event, group.column, depth + 1)
                group.entries.append(Entry(None, item, group.column, group, depth))
        if group.flow:
            group.last_line = text.count("\n", 0, max(group.end - 1, group.start))
        elif group.entries:
            group.last_line = max(entry.last_line for entry in group.entries)
        else:
            group.last_line = group.line
        return group

    root: Group | None = None
    for event in events:
        if isinstance(event, (StreamStartEvent, DocumentStartEvent, DocumentEndEvent, StreamEndEvent)):
            continue
        if isinstance(event, AliasEvent):
            raise FormatFout("verwijzingen (*) worden niet ondersteund")
        if root is not None:
            raise FormatFout("meer dan één document in het bestand")
        built = node(event, -1, 0)
        if isinstance(built, Scalar):
            if not built.empty:
                raise FormatFout("het bestand moet bestaan uit velden met een naam")
            built = Group(True, False, 0, 0, 0, 0)
        root = built
    if root is None:
        root = Group(True, False, 0, 0, 0, 0)
    if not root.is_map:
        raise FormatFout("het bestand moet bestaan uit velden met een naam")
    tree = Tree(root)
    _attach_comments(tree, text, lines)
    return tree


def _scalar(event: ScalarEvent, lines: list[str], parent_column: int) -> Scalar:
    start, end = event.start_mark, event.end_mark
    style = event.style if event.style in ("'", '"', "|", ">") else None
    last = end.line if (end.column or end.line == start.line) else end.line - 1
    scalar = Scalar(str(event.value), style, start.index, end.index, start.line, start.column, last)
    if scalar.block:
        match = re.match(r"[|>][-+0-9]*", lines[start.line][start.column:])
        assert match is not None
        scalar.block_header = match.group(0)
        scalar.parent_column = parent_column
        scalar.end = start.index + len(scalar.block_header)
        explicit = re.search(r"[1-9]", scalar.block_header)
        content = parent_column + int(explicit.group(0)) if explicit else None
        body: list[str] = []
        for text in lines[start.line + 1:]:
            if text.strip():
                indent = len(text) - len(text.lstrip(" "))
                if content is None:
                    content = indent if indent > parent_column else -1
                if content < 0 or indent < content:
                    break
            body.append(text)
        if "+" not in scalar.block_header:
            while body and not body[-1].strip():
                body.pop()
        scalar.block_lines = body
        scalar.last_line = start.line + len(body)
    return scalar


def _walk(group: Group) -> Iterator[Entry]:
    for entry in group.entries:
        yield entry
        if isinstance(entry.node, Group):
            yield from _walk(entry.node)


# --- comments ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comment:
    line: int
    column: int
    index: int
    text: str  # from '#' to the end of the line, without trailing spaces
    whole_line: bool


def find_comments(text: str, tree: Tree | None = None) -> list[Comment]:
    """Every comment in the text: a '#' outside keys and values, at the start of a line or
    after a space."""
    tree = tree or _build(text)
    lines = text.split("\n")
    covered: list[tuple[int, int]] = []
    skip: set[int] = set()
    for entry in _walk(tree.root):
        for scalar in (entry.key, entry.node):
            if isinstance(scalar, Scalar):
                covered.append((scalar.start, scalar.end))
                if scalar.block:
                    skip.update(range(scalar.line + 1, scalar.last_line + 1))
    covered.sort()
    found: list[Comment] = []
    offset = 0
    for number, line in enumerate(lines):
        column = -1
        while number not in skip:
            column = line.find("#", column + 1)
            if column < 0:
                break
            index = offset + column
            if column and line[column - 1] not in " \t":
                continue
            if any(start <= index < end for start, end in covered):
                continue
            found.append(Comment(number, column, index, line[column:].rstrip(),
                                 not line[:column].strip()))
            break
        offset += len(line) + 1
    return found


def _attach_comments(tree: Tree, text: str, lines: list[str]) -> None:
    entries = list(_walk(tree.root))
    comments = find_comments(text, tree)
    if not entries:
        tree.header = _block_of(lines, [c for c in comments])
        return
    first_line = min(entry.line for entry in entries)
    flows = [e for e in entries if isinstance(e.node, Group) and e.node.flow and not e.in_flow]
    candidates = [e for e in entries if not e.in_flow]
    header: list[Comment] = []
    for comment in comments:
        owner = next((e for e in flows if e.node.start <= comment.index < e.node.end), None)
        if owner is not None:  # a comment inside [ ... ]: keep it above the key
            owner.lead.append(comment.text)
            continue
        if not comment.whole_line:
            owner = _eol_owner(candidates, comment.line)
            if owner is not None:
                if owner.eol is None:
                    owner.eol = comment.text
                else:
                    owner.lead.append(comment.text)
                continue
        if comment.line < first_line:
            header.append(comment)
            continue
        following = [e for e in candidates if e.line > comment.line]
        if following:
            next_line = min(e.line for e in following)
            outer = min((e for e in following if e.line == next_line), key=lambda e: e.depth)
            if comment.column <= outer.column:
                outer.lead.append(_marked(lines, comment))
                continue
        group, after = _trail_group(candidates, comment)
        if group is None:
            tree.trailer.append(_marked(lines, comment))
            continue
        siblings = [e for e in group.entries if e.line > after.line]
        if siblings:  # between two entries of the group: it belongs above the next one
            min(siblings, key=lambda e: e.line).lead.append(_marked(lines, comment))
        else:
            group.trail.append(_marked(lines, comment))
    tree.header = _block_of(lines, header)
    for entry in entries:
        entry.lead = _tidy(entry.lead, blank_after=bool(entry.lead) and _blank_above(lines, entry.line))
        if isinstance(entry.node, Group):
            entry.node.trail = _tidy(entry.node.trail)
    tree.trailer = _tidy(tree.trailer)


def _block_of(lines: list[str], comments: list[Comment]) -> list[str]:
    return _tidy([_marked(lines, c) for c in comments])


def _marked(lines: list[str], comment: Comment) -> str:
    """The comment text, with a newline in front when a blank line is above it."""
    return ("\n" if _blank_above(lines, comment.line) else "") + comment.text


def _blank_above(lines: list[str], number: int) -> bool:
    return number > 0 and not lines[number - 1].strip()


def _tidy(block: list[str], blank_after: bool = False) -> list[str]:
    """Comment lines, with "" for a blank line between two of them; none in front."""
    result: list[str] = []
    for comment in block:
        if comment.startswith("\n"):
            if result and result[-1]:
                result.append("")
            comment = comment[1:]
        result.append(comment)
    if result and blank_after:
        result.append("")
    return result


def _eol_owner(candidates: list[Entry], number: int) -> Entry | None:
    starting = [e for e in candidates if e.line == number]
    if starting:
        return max(starting, key=lambda e: e.depth)
    ending = [e for e in candidates if e.last_line == number]
    if ending:
        return max(ending, key=lambda e: e.depth)
    return None


def _trail_group(candidates: list[Entry], comment: Comment) -> tuple[Group | None, Entry]:
    """The deepest group still open above the comment that the comment is indented into,
    and the entry of that group the comment comes after."""
    before = [e for e in candidates if e.line < comment.line]
    entry: Entry | None = max(before, key=lambda e: (e.line, e.depth))
    by_node = {id(e.node): e for e in candidates if isinstance(e.node, Group)}
    while entry is not None:
        if entry.column <= comment.column:
            return (entry.parent if entry.depth > 0 else None), entry
        entry = by_node.get(id(entry.parent))
    return None, before[0]


# --- what the models say about a key ----------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def child_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the value of `key` (or of each item, for a list of groups)."""
    if model is None or key not in model.model_fields:
        return None
    annotation = _unwrap(model.model_fields[key].annotation)
    if typing.get_origin(annotation) is list:
        annotation = _unwrap(typing.get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


@functools.cache
def is_phone(model: type[BaseModel] | None, key: str) -> bool:
    if model is None or key not in model.model_fields:
        return False
    return _unwrap(model.model_fields[key].annotation) is phones.Telefoon


@functools.cache
def text_only(model: type[BaseModel] | None, key: str) -> bool:
    """The editor's schema wants text here: a bare 2023 or true would be marked as wrong."""
    if model is None or key not in model.model_fields:
        return False
    prop = model.model_json_schema(mode="validation").get("properties", {}).get(key, {})
    for option in prop.get("anyOf", [prop]):
        if option.get("type") == "array":
            option = option.get("items", {})
        if option.get("type") == "string" and option.get("format") != "date":
            return True
    return False


def canonical_keys(model: type[BaseModel]) -> list[str]:
    """The model's field order; a file's own block (gemeente, regio) first and, in an entry,
    the source fields (bron, gecontroleerd, onzeker) last."""
    fields = list(model.model_fields)
    leading = LEADING_KEYS if model in FILE_MODELS else ()
    trailing = TRAILING_KEYS if issubclass(model, Entry_) else ()
    return (
        [f for f in fields if f in leading]
        + [f for f in fields if f not in leading and f not in trailing]
        + [f for f in fields if f in trailing]
    )


def _ordered(model: type[BaseModel] | None, entries: list[Entry]) -> list[Entry]:
    if model is None:
        return list(entries)
    rank = {name: position for position, name in enumerate(canonical_keys(model))}
    return sorted(entries, key=lambda e: rank.get(e.name, len(rank)))  # stable: unknown keep order


# YAML 1.2 core schema: plain values an editor plugin reads as a number or true/false.
_CORE_NOT_TEXT = re.compile(
    r"(?:true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)"
)


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- writing ----------------------------------------------------------------------------------


class _Writer:
    def __init__(self, text: str) -> None:
        self.text = text

    # scalars

    def scalar(self, scalar: Scalar, model: type[BaseModel] | None, key: str | None,
               flow: bool = False) -> list[str]:
        """The value's text: one line, or the lines of a value that spans several lines
        (continuation lines stripped; the caller indents them)."""
        if scalar.block:
            return [scalar.block_header]
        if scalar.empty:
            return [self.text[scalar.start:scalar.end]]
        if key and is_phone(model, key) and scalar.style != '"':
            return [_quote(scalar.value)]
        if (key and scalar.style is None and _CORE_NOT_TEXT.fullmatch(scalar.value)
                and text_only(model, key)):
            return [_quote(scalar.value)]
        if flow and scalar.style is None and re.search(r"[,\[\]{}]", scalar.value):
            return [_quote(scalar.value)]
        lines = self.text[scalar.start:scalar.end].split("\n")
        return [lines[0]] + [line.strip() for line in lines[1:]]

    def block_body(self, scalar: Scalar, indent: int) -> list[str]:
        """The content lines of a block scalar whose key (or dash) is now at `indent` - 2."""
        content = [line for line in scalar.block_lines if line.strip()]
        if not content:
            return ["" for _ in scalar.block_lines]
        explicit = re.search(r"[1-9]", scalar.block_header)
        if explicit:  # the content's own leading spaces count from the parent's column
            base = scalar.parent_column + int(explicit.group(0))
            indent = indent - INDENT + int(explicit.group(0))
        else:
            base = len(content[0]) - len(content[0].lstrip(" "))
        return [" " * indent + line[base:] if line.strip() else "" for line in scalar.block_lines]

    def value_lines(self, head: str, scalar: Scalar, indent: int, model: type[BaseModel] | None,
                    key: str | None, eol: str | None) -> list[str]:
        """`head` ('key:' or '-') at `indent`, then the scalar."""
        text = self.scalar(scalar, model, key)
        first = " " * indent + head + (f" {text[0]}" if text[0] else "")
        out = [first + (f"  {eol}" if eol else "")]
        if scalar.block:
            out += self.block_body(scalar, indent + INDENT)
        else:
            out += [" " * (indent + INDENT) + line if line else "" for line in text[1:]]
        return out

    # groups

    def flow_line(self, group: Group, prefix: str, model: type[BaseModel] | None,
                  key: str | None) -> str | None:
        if group.is_map:
            return None
        parts = []
        for item in group.entries:
            if not isinstance(item.node, Scalar) or item.node.block or item.node.empty:
                return None
            if item.lead or item.eol or group.trail:
                return None
            text = self.scalar(item.node, model, key, flow=True)
            if len(text) != 1:
                return None
            parts.append(text[0])
        line = f"{prefix} [{', '.join(parts)}]"
        return line if len(line) <= WIDTH else None

    def entry_lines(self, entry: Entry, indent: int, model: type[BaseModel] | None,
                    top: bool = False) -> list[str]:
        """A key with its value, at `indent` (model: the model of the group it is in)."""
        key = entry.name
        key_text = key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) else \
            self.text[entry.key.start:entry.key.end]  # type: ignore[union-attr]
        head = f"{key_text}:"
        node = entry.node
        eol = f"  {entry.eol}" if entry.eol else ""
        if isinstance(node, Scalar):
            return self.value_lines(head, node, indent, model, key, entry.eol)
        if not node.entries:
            empty = "{}" if node.is_map else "[]"
            return [" " * indent + f"{head} {empty}{eol}"] + self.lead_lines(node.trail, indent + INDENT)
        if node.is_map:
            return [" " * indent + head + eol] + self.map_lines(node, indent + INDENT, child_model(model, key))
        flow = self.flow_line(node, " " * indent + head, model, key)
        if flow is not None:
            return [flow + eol]
        return [" " * indent + head + eol] + self.seq_lines(node, indent + INDENT, model, key, top)

    def map_lines(self, group: Group, indent: int, model: type[BaseModel] | None,
                  top: bool = False, hoisted: bool = False) -> list[str]:
        out: list[str] = []
        for rank, entry in enumerate(_ordered(model, group.entries)):
            if top and rank:
                out.append("")
            if not (hoisted and rank == 0):
                out += self.lead_lines(entry.lead, indent)
            out += self.entry_lines(entry, indent, model, top)
        return out + self.lead_lines(group.trail, indent)

    def seq_lines(self, group: Group, indent: int, model: type[BaseModel] | None,
                  key: str | None, spaced: bool = False) -> list[str]:
        """Items at `indent` (model and key: the group and key the list belongs to)."""
        item_model = child_model(model, key) if key else None
        out: list[str] = []
        for position, item in enumerate(group.entries):
            node = item.node
            if spaced and position and isinstance(node, Group) and node.is_map:
                out.append("")
            eol = f"  {item.eol}" if item.eol else ""
            if isinstance(node, Scalar):
                out += self.lead_lines(item.lead, indent)
                out += self.value_lines("-", node, indent, model, key, item.eol)
            elif not node.entries:
                out += self.lead_lines(item.lead, indent)
                out.append(" " * indent + ("- {}" if node.is_map else "- []") + eol)
                out += self.lead_lines(node.trail, indent + INDENT)
            elif node.is_map:
                first = _ordered(item_model, node.entries)[0]
                out += self.lead_lines(_joined(item.lead, first.lead), indent)
                body = self.map_lines(node, indent + INDENT, item_model, hoisted=True)
                body[0] = " " * indent + "- " + body[0][indent + INDENT:] + eol
                out += body
            else:
                out += self.lead_lines(item.lead, indent)
                flow = self.flow_line(node, " " * indent + "-", None, None)
                if flow is not None:
                    out.append(flow + eol)
                else:
                    out.append(" " * indent + "-" + eol)
                    out += self.seq_lines(node, indent + INDENT, None, None)
        return out + self.lead_lines(group.trail, indent)

    @staticmethod
    def lead_lines(block: list[str], indent: int) -> list[str]:
        return [" " * indent + line if line else "" for line in block]


def _joined(*blocks: list[str]) -> list[str]:
    result: list[str] = []
    for block in blocks:
        for line in block:
            if line == "" and (not result or result[-1] == ""):
                continue
            result.append(line)
    return result


# --- files ------------------------------------------------------------------------------------


def file_model(path: Path, tree_keys: Iterable[str] = ()) -> type[BaseModel]:
    """Which file model applies: by the file's place, else by its top-level keys."""
    parts = path.resolve().parts if path.exists() else path.parts
    if len(parts) >= 2 and parts[-2] == "gemeenten":
        return GemeenteBestand
    if len(parts) >= 3 and parts[-2] == "regio" and parts[-3] == "content":
        return RegioBestand
    if len(parts) >= 2 and parts[-2] == "content":
        return LandelijkBestand
    keys = set(tree_keys)
    if "gemeente" in keys:
        return GemeenteBestand
    if "regio" in keys:
        return RegioBestand
    return LandelijkBestand


def schema_header(path: Path) -> str | None:
    """The yaml-language-server line for a file in gemeenten/ or content/, else None."""
    parts = path.resolve().parts if path.exists() else path.parts
    if len(parts) >= 2 and parts[-2] == "gemeenten":
        return f"{SCHEMA_COMMENT}../{SCHEMA_FILE}"
    if len(parts) >= 3 and parts[-2] == "regio" and parts[-3] == "content":
        return f"{SCHEMA_COMMENT}../../{SCHEMA_FILE}"
    if len(parts) >= 2 and parts[-2] == "content":
        return f"{SCHEMA_COMMENT}../{SCHEMA_FILE}"
    return None


def _render(text: str, path: Path) -> str:
    tree = _build(text)
    model = file_model(path, (e.name for e in tree.root.entries))
    writer = _Writer(text)
    header = list(tree.header)
    wanted = schema_header(path)
    if wanted and not any(line.startswith(SCHEMA_COMMENT) for line in header):
        header = [wanted, "#"] + header if header else [wanted]
    body = writer.map_lines(tree.root, 0, model, top=True)
    out: list[str] = []
    if header:
        out += header + ([""] if body or tree.trailer else [])
    out += body
    if tree.trailer:
        out += ([""] if body else []) + tree.trailer
    return "\n".join(out).rstrip("\n") + "\n" if out else ""


def _decode(path: Path, data: bytes, meldingen: Meldingen) -> str | None:
    """The text of a file that loads; problems are reported as `validate` reports them."""
    if parse(path, data, meldingen) is None:
        return None
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def format_text(path: Path, data: bytes, meldingen: Meldingen) -> str | None:
    """The canonical text of a data file, or None (and a message) when it cannot be formatted."""
    before = len(meldingen.fouten)
    text = _decode(path, data, meldingen)
    if text is None:
        if len(meldingen.fouten) == before:
            meldingen.fout(Plek(path), "bestand kan niet worden gelezen", code="bestand-onleesbaar")
        return None
    try:
        try:
            result = _render(text, path)
        except YAMLError as exc:  # the loader let it through, the event parser does not
            raise FormatFout(f"de opbouw van het bestand klopt niet ({type(exc).__name__})") from exc
        _check_same(path, text, result)
        if _render(result, path) != result:
            raise FormatFout("opmaken geeft niet twee keer hetzelfde resultaat")
    except FormatFout as exc:
        meldingen.fout(Plek(path), f"bestand is niet opgemaakt: {exc}", code="fmt-mislukt")
        return None
    return result


def _check_same(path: Path, before: str, after: str) -> None:
    """The formatted text must hold every value (in order) and every comment of the original."""
    check = Meldingen()
    old = parse(path, before.encode("utf-8"), check)
    new = parse(path, after.encode("utf-8"), check)
    if old is None or new is None:
        raise FormatFout("de opgemaakte tekst is geen geldige YAML (fout in wegwijzer fmt)")
    if not _same(plain(old.tree), plain(new.tree)):
        raise FormatFout("een waarde zou veranderen (fout in wegwijzer fmt); meld dit")
    lost = Counter(c.text for c in find_comments(before)) - Counter(c.text for c in find_comments(after))
    if lost:
        raise FormatFout(f"commentaar zou verdwijnen: {next(iter(lost))!r} (fout in wegwijzer fmt)")


def _same(a: Any, b: Any) -> bool:
    """Equal values, and every mapping's key set equal (key order may differ)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b and type(a) is type(b)


def data_files(root: Path) -> list[Path]:
    """The data files of a project root, in the order validate reads them (links that leave
    the project are left out; validate reports them)."""
    from wegwijzer.read import mappen
    from wegwijzer.read.project import GEMEENTEN_DIR, LANDELIJK, REGIO_DIR

    stil = Meldingen()
    found = [root / LANDELIJK] if (root / LANDELIJK).is_file() else []
    found = [p for p in found if mappen.binnen_root(p, root, stil)]
    for folder in (root / REGIO_DIR, root / GEMEENTEN_DIR):
        found += mappen.data_files(folder, root, stil)
    return found


@dataclass
class Uitkomst:
    """What `fmt` did (or would do) with a set of files."""

    gewijzigd: list[Path] = field(default_factory=list)
    ongewijzigd: list[Path] = field(default_factory=list)
    meldingen: Meldingen = field(default_factory=Meldingen)
    #: files left alone because they changed, were replaced or vanished while fmt ran
    tussendoor: list[Path] = field(default_factory=list)


TUSSENDOOR = "fmt-tussendoor-gewijzigd"


@dataclass(frozen=True)
class _Gelezen:
    """A file as fmt read it: its bytes and which file on disk they came from."""

    data: bytes
    identity: tuple[int, int, int, int]  # device, inode, size, modification time (ns)


def _identity(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _read(path: Path) -> _Gelezen:
    for _ in range(3):  # written while we read it: read again
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            data = handle.read()
            after = _identity(os.fstat(handle.fileno()))
        if _identity(before) == after:
            break
    return _Gelezen(data, after)


def format_files(paths: Iterable[Path], *, check: bool,
                 na_lezen: Callable[[Path], None] | None = None) -> Uitkomst:
    """Format (or with `check`, only compare) each file.

    A file is replaced only if, right before that, it is still the file fmt read (same
    inode, size, modification time and bytes): an editor's save made while fmt runs is never
    overwritten; that file is left alone with a warning (`Uitkomst.tussendoor`). `na_lezen`
    is called with each file's path right after it was read (a hook for tools and tests).
    """
    paths = list(paths)
    uitkomst = Uitkomst()
    if not check:
        for folder in dict.fromkeys(Path(os.path.realpath(p)).parent for p in paths):
            clean_stale_tmp(folder)
    for path in paths:
        try:
            gelezen = _read(path)
        except FileNotFoundError:
            _tussendoor(uitkomst, path, "is verdwenen terwijl wegwijzer fmt liep")
            continue
        except OSError as exc:
            uitkomst.meldingen.fout(Plek(path), f"bestand kan niet worden gelezen ({exc.strerror})", code="bestand-onleesbaar")
            continue
        if na_lezen is not None:
            na_lezen(path)
        data = gelezen.data
        result = format_text(path, data, uitkomst.meldingen)
        if result is None:
            continue
        if result.encode("utf-8") == data:
            uitkomst.ongewijzigd.append(path)
            continue
        if check:
            uitkomst.gewijzigd.append(path)
            continue
        nieuw = result.encode("utf-8")
        try:
            stand = _read(path)
        except FileNotFoundError:
            _tussendoor(uitkomst, path, "is verdwenen terwijl wegwijzer fmt liep")
            continue
        except OSError as exc:
            uitkomst.meldingen.fout(Plek(path), f"bestand kan niet worden gelezen ({exc.strerror})", code="bestand-onleesbaar")
            continue
        if stand.data == nieuw:  # another fmt run formatted it meanwhile
            uitkomst.ongewijzigd.append(path)
            continue
        if stand != gelezen:
            _tussendoor(uitkomst, path, "is gewijzigd of vervangen terwijl wegwijzer fmt liep")
            continue
        try:
            write_atomic(path, nieuw)
        except OSError as exc:
            uitkomst.meldingen.fout(Plek(path), f"bestand kan niet worden geschreven ({exc.strerror}); "
                                    "het is niet veranderd", code="bestand-onschrijfbaar")
            continue
        uitkomst.gewijzigd.append(path)
    return uitkomst


def _tussendoor(uitkomst: Uitkomst, path: Path, wat: str) -> None:
    uitkomst.tussendoor.append(path)
    uitkomst.meldingen.waarschuwing(
        Plek(path),
        f"bestand {wat}; het is niet opgemaakt, zodat die wijziging blijft staan. "
        "Draai 'wegwijzer fmt' nog een keer als niemand het bestand meer bewerkt",
        code=TUSSENDOOR,
    )


# --- writing files ----------------------------------------------------------------------------

#: Temporary files are `.<name>.<pid>-<random>.fmt.tmp` beside the file they replace.
_TMP_SUFFIX = ".fmt.tmp"
_TMP_NAME = re.compile(r"\.(?P<name>.+?)(?:\.(?P<pid>[0-9]+)-[^./]+)?\.fmt\.tmp")


def clean_stale_tmp(folder: Path) -> int:
    """Remove the temporary files of fmt runs that were killed (their process is gone, or
    they are from a version without a process id in the name); the number removed. Those of
    a run still going are left alone."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        match = _TMP_NAME.fullmatch(name)
        if match is None or (match.group("pid") and files.alive(int(match.group("pid")))):
            continue
        try:
            (folder / name).unlink()
        except (IsADirectoryError, OSError):
            continue
        removed += 1
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    """`files.write_atomic` with fmt's temporary names (`.<name>.<pid>-<random>.fmt.tmp`, which
    `clean_stale_tmp` reads back)."""
    target = Path(os.path.realpath(path))
    files.write_atomic(
        target, data, prefix=f".{target.name}.{os.getpid()}-", suffix=_TMP_SUFFIX
    )
