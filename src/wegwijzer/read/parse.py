"""Read a loaded document into its file model, reporting every problem in Dutch.

A field that is wrong is reported and left out, so that the rest of the file can still be
merged and checked: an editor sees all problems of a run, not only the first.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from wegwijzer.diagnostics import Meldingen, Plek
from wegwijzer.read.load import Document, plain
from wegwijzer.read.models import KINDS, required_fields
from wegwijzer.read.values import suggestion

Loc = tuple[str | int, ...]
LISTS = (*KINDS, "niet_aangeboden")
M = TypeVar("M", bound=BaseModel)


@dataclass
class Parsed(Generic[M]):
    """A file model plus which fields were left out because they were wrong."""

    document: Document
    model: M
    # (kind, entry id, field) of fields that were reported and left out
    ongeldig: set[tuple[str, str, str]] = field(default_factory=set)
    # original list index of each entry kept, per kind (to find its place in the file)
    index: dict[str, list[int]] = field(default_factory=dict)

    # places already looked up: a regional entry is merged into every gemeente of the regio
    _plekken: dict[tuple, Plek] = field(default_factory=dict, repr=False, compare=False)

    def plek_item(self, key: str, position: int, *fields: str | int, name: bool = False) -> Plek:
        """Where item `position` of the model's list `key` (or one of its fields) is written."""
        cache_key = (key, position, fields, name)
        plek = self._plekken.get(cache_key)
        if plek is None:
            loc = (key, self.index[key][position], *fields)
            plek = self._plekken[cache_key] = self.document.plek(loc, key=name)
        return plek


def parse_document(
    document: Document, model: type[M], meldingen: Meldingen
) -> Parsed[M] | None:
    data = plain(document.tree)
    index = {key: list(range(len(data[key]))) for key in LISTS if isinstance(data.get(key), list)}
    ongeldig: set[tuple[str, str, str]] = set()
    _report_empty(document, data, meldingen)
    data = _without_empty(data)
    for _attempt in range(6):
        try:
            result = model.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            for error in errors:
                loc = _original(tuple(error["loc"]), index)
                meldingen.fout(*_message(document, model, loc, error))  # (plek, tekst, code)
            # Prune from the back, so that removing an entry does not shift the others.
            locs = sorted((tuple(error["loc"]) for error in errors), key=_sort_key, reverse=True)
            fatal = False
            for loc in locs:
                fatal |= _prune(data, loc, index, ongeldig)
            if fatal:
                return None
            continue
        for key in LISTS:
            index.setdefault(key, [])
        return Parsed(document, result, ongeldig, index)
    return None


def _sort_key(loc: Loc) -> tuple:
    return tuple((0, step) if isinstance(step, int) else (1, str(step)) for step in loc)


def _original(loc: Loc, index: dict[str, list[int]]) -> Loc:
    if len(loc) >= 2 and loc[0] in index and isinstance(loc[1], int):
        return (loc[0], index[loc[0]][loc[1]], *loc[2:])
    return loc


def _prune(data: dict, loc: Loc, index: dict[str, list[int]], ongeldig: set) -> bool:
    """Leave out what `loc` points at; True when the file cannot be used at all."""
    head = loc[0] if loc else None
    if head is None:
        return True
    if head in KINDS:
        entries = data.get(head)
        if len(loc) == 1 or not isinstance(entries, list):
            data.pop(head, None)
            return False
        position = loc[1]
        if not isinstance(position, int) or position >= len(entries):
            return False
        entry = entries[position]
        if len(loc) >= 3 and isinstance(entry, dict) and loc[2] != "id":
            entry.pop(loc[2], None)
            ongeldig.add((str(head), str(entry.get("id")), str(loc[2])))
        else:
            del entries[position]
            del index[head][position]
        return False
    if head in ("gemeente", "regio"):
        block = data.get(head)
        if len(loc) >= 2 and isinstance(block, dict) and loc[1] not in ("naam", "regio"):
            block.pop(loc[1], None)
            return False
        return True
    if head == "niet_aangeboden":
        items = data.get(head)
        if len(loc) >= 2 and isinstance(items, list) and isinstance(loc[1], int):
            del items[loc[1]]
            del index[head][loc[1]]
        else:
            data.pop(head, None)
        return False
    data.pop(head, None)
    return False


def _report_empty(document: Document, data: Any, meldingen: Meldingen, loc: Loc = ()) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if value is None:
                meldingen.waarschuwing(
                    document.plek((*loc, key), key=True),
                    f"veld '{key}' is leeg en telt niet mee; vul het in of haal het weg",
                    code="veld-leeg",
                )
            else:
                _report_empty(document, value, meldingen, (*loc, key))
    elif isinstance(data, list):
        for position, item in enumerate(data):
            _report_empty(document, item, meldingen, (*loc, position))


def _without_empty(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _without_empty(value) for key, value in data.items() if value is not None}
    if isinstance(data, list):
        return [_without_empty(item) for item in data if item is not None]
    return data


# --- messages -----------------------------------------------------------------------------


def _message(document: Document, model: type[BaseModel], loc: Loc, error: dict) -> tuple:
    kind = error["type"]
    names = [step for step in loc if isinstance(step, str)]
    name = names[-1] if names else ""
    where = document.plek(loc)
    if kind == "extra_forbidden":
        options = _fields_at(model, loc[:-1])
        hint = suggestion(name, options)
        if loc[:1] == (name,) and name in ("gemeente", "regio"):
            hint = "" if hint else hint
        return document.plek(loc, key=True), f"onbekend veld '{name}'{hint}", "veld-onbekend"
    if kind == "missing":
        parent = document.plek(loc[:-1], key=True) if len(loc) > 1 else where
        # in a group of an entry (openingstijden, extra_telefoon): say which group
        group = names[-2] if len(names) >= 3 and names[0] in KINDS else None
        binnen = f" onder '{group}'" if group else ""
        return parent, f"verplicht veld '{name}' ontbreekt{binnen}", "veld-verplicht"
    if kind == "wegwijzer":
        return where, f"veld '{name}': {error['msg']}", (error.get("ctx") or {}).get(
            "code", "waarde-ongeldig"
        )
    if kind == "list_type":
        return where, (
            f"veld '{name}' moet een lijst zijn: zet elke waarde op een eigen regel met '- ' "
            "ervoor, of schrijf [a, b]"
        ), "veld-geen-lijst"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if len(loc) >= 2 and isinstance(loc[-1], int):
            return where, (
                f"elk item in '{names[-1] if names else name}' moet een groep velden zijn, "
                "beginnend met '- id: ...'"
            ), "veld-geen-groep"
        return where, f"veld '{name}' moet een groep velden zijn (velden eronder, ingesprongen)", (
            "veld-geen-groep"
        )
    if kind == "too_short":
        return where, f"veld '{name}' mag niet leeg zijn", "lijst-leeg"
    if kind == "string_pattern_mismatch":
        return where, f"veld '{name}': '{error.get('input')}' heeft niet de goede vorm", "waarde-vorm"
    if kind in ("string_type", "str_type"):
        return where, f"veld '{name}' moet tekst zijn", "veld-geen-tekst"
    return where, f"veld '{name}': ongeldige waarde", "waarde-ongeldig"


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Field names of the model found at `loc` (to suggest the key an editor meant)."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(step, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(step)
            current = info.annotation if info else None
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """list[X] | None -> list[X]; Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation


__all__ = ["Parsed", "parse_document", "required_fields"]
