"""The JSON Schema of the data files, derived from the models (never written by hand)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from wegwijzer.read.models import GemeenteBestand, LandelijkBestand, RegioBestand

SCHEMA_ID = "https://kansrijkestart.example/schema/wegwijzer.schema.json"


def json_schema() -> dict[str, Any]:
    """One schema for every data file: a gemeente, a regio or the landelijk file."""
    defs: dict[str, Any] = {}
    variants = []
    for model in (GemeenteBestand, RegioBestand, LandelijkBestand):
        schema = _schema(model)
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        variants.append({"$ref": f"#/$defs/{model.__name__}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Wegwijzer-databestand",
        "description": "Een gemeente (gemeenten/*.yml), een regio (content/regio/*.yml) of "
        "het landelijke bestand (content/landelijk.yml).",
        "oneOf": variants,
        "$defs": defs,
    }


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(mode="validation", ref_template="#/$defs/{model}")
