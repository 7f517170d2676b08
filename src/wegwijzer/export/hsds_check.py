"""Validate an HSDS export against the Open Referral HSDS 3.0 schemas shipped in the package
(`hsds_schema/`, with their licence and source commit). `hsds.write` refuses to write an
export with problems; nothing is fetched."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

BASE = "https://hsds.wegwijzer.invalid/"  # a name for the local files, never looked up
#: which schema each list of the export's document follows
RECORDS = {
    "organizations": "schema/organization.json",
    "services": "schema/service.json",
    "taxonomies": "schema/taxonomy.json",
    "taxonomy_terms": "schema/taxonomy_term.json",
}


def _folder() -> Any:
    return resources.files("wegwijzer.export") / "hsds_schema"


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """Every shipped schema under its own address, so their relative `$ref`s resolve locally."""
    found: list[tuple[str, Resource]] = []

    def walk(folder: Any, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".json"):
                contents = json.loads(entry.read_text(encoding="utf-8"))
                if isinstance(contents, dict):
                    uri = f"{BASE}{prefix}{entry.name}"
                    contents = {**contents, "$id": uri}
                    found.append((uri, Resource.from_contents(contents, DRAFT202012)))

    walk(_folder(), "")
    return Registry().with_resources(found)


def datapackage() -> dict:
    """The official HSDS 3.0 datapackage.json (the table layout of the CSV export)."""
    return json.loads((_folder() / "datapackage.json").read_text(encoding="utf-8"))


def validator(relative: str) -> jsonschema.Validator:
    """A validator for one shipped schema, e.g. 'schema/service.json'."""
    reg = registry()
    return jsonschema.Draft202012Validator(
        reg.contents(f"{BASE}{relative}"),
        registry=reg,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def problems(document: dict, limit: int = 5) -> list[str]:
    """The first problems of an export document ({'organizations': [...], 'services': [...],
    ...}) against HSDS 3.0, each as 'services[3].phones[0].number: <message>'; [] when valid."""
    found: list[str] = []
    for key, relative in RECORDS.items():
        check = validator(relative)
        for index, record in enumerate(document.get(key) or []):
            for error in sorted(check.iter_errors(record), key=lambda e: list(e.absolute_path)):
                where = "".join(
                    f"[{step}]" if isinstance(step, int) else f".{step}" for step in error.absolute_path
                )
                found.append(f"{key}[{index}]{where}: {error.message}")
                if len(found) >= limit:
                    return found
    return found
