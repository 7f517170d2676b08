"""Schema in the editor: the shipped data files validate against the JSON Schema the way an
editor's YAML plugin reads them, and the editor settings point at the right files."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO
from ruamel.yaml import YAML

from wegwijzer.edit.fmt import data_files, schema_header

SCHEMA = REPO / "schema" / "wegwijzer.schema.json"


def as_editor_sees(path: Path) -> object:
    """YAML 1.2 core typing, as the VS Code YAML plugin reads a file; dates stay text."""
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8-sig"))
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))


SHIPPED = data_files(REPO)


def test_there_is_shipped_data() -> None:
    assert len(SHIPPED) >= 3


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_shipped_file_validates_against_the_json_schema(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(as_editor_sees(path))]
    assert problems == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_shipped_file_names_the_schema_in_its_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema_header(path)
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == SCHEMA.resolve()


def test_vscode_maps_the_schema_to_exactly_the_data_files() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert list(mapping) == ["./schema/wegwijzer.schema.json"]
    globs = mapping["./schema/wegwijzer.schema.json"]
    all_yaml = [p.relative_to(REPO) for p in REPO.glob("**/*.y*ml") if ".venv" not in p.parts
                and not any(part.startswith(".") for part in p.relative_to(REPO).parts)]
    def hits(path: Path, glob: str) -> bool:  # '*' stays within one folder, as in VS Code
        return fnmatch.fnmatchcase(path.as_posix(), glob) and path.as_posix().count("/") == glob.count("/")

    matched = {p for p in all_yaml if any(hits(p, glob) for glob in globs)}
    assert matched == {p.relative_to(REPO) for p in SHIPPED}
    recommended = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]
