"""The `wegwijzer` command: exit codes, output format, show and schema."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES

from wegwijzer.diagnostics import Meldingen
from wegwijzer.read.load import parse, plain

MESSAGE = re.compile(r"^[^:]+\.ya?ml(:\d+:\d+)?: (fout|waarschuwing): \S.*$")


def test_usage_errors_exit_2_in_dutch(cli) -> None:
    result = cli("valideer")
    assert result.code == 2
    assert "gebruiksfout: argument OPDRACHT: ongeldige keuze: 'valideer'" in result.err
    assert cli().code == 2
    assert cli("validate", "--onbekend").code == 2


def test_missing_root_exits_2(cli, tmp_path: Path) -> None:
    result = cli("validate", "--root", tmp_path / "bestaat-niet")
    assert result.code == 2
    assert "bestaat niet" in result.err
    result = cli("validate", "--root", tmp_path)
    assert result.code == 2
    assert "geen wegwijzer-map" in result.err


def test_messages_have_the_editor_format(in_mini: Path, cli) -> None:
    (in_mini / "gemeenten" / "beta.yml").write_text(
        "gemeente:\n  naam: Beta\n  regio: testregio\n  telefon: 1\nhulplijnen:\n  - id: X\n"
    )
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert result.lines
    for line in result.lines:
        assert MESSAGE.match(line), line


def test_alleen_fouten_hides_warnings(in_mini: Path, cli) -> None:
    (in_mini / "gemeenten" / "beta.yml").write_text("gemeente:\n  naam: Beta\n  regio: testregio\n")
    assert "waarschuwing" in cli("validate", "--root", ".").out
    result = cli("validate", "--root", ".", "--alleen-fouten")
    assert result.code == 0 and result.out == ""


def test_show_json_has_normalised_numbers_and_origins(in_mini: Path, cli) -> None:
    result = cli("show", "alfa", "--json", "--root", ".")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["gemeente"]["naam"] == "Alfa"
    huisbezoek = next(i for i in data["interventies"] if i["id"] == "huisbezoek")
    assert huisbezoek["telefoon"] == {
        "invoer": "0800 2000", "tel": "+318002000", "weergave": "0800 2000", "soort": "gratis"
    }
    assert huisbezoek["herkomst"]["telefoon"].startswith("gemeenten/alfa.yml:")
    assert huisbezoek["herkomst"]["naam"].startswith("content/regio/testregio.yml:")
    assert data["niet_aangeboden"][0]["id"] == "oudergroep"


def test_show_text_and_unknown_gemeente(in_mini: Path, cli) -> None:
    result = cli("show", "alfa", "--root", ".")
    assert result.code == 0
    assert "Gemeente Alfa (regio Testregio)" in result.out
    assert "0800 2000" in result.out
    result = cli("show", "alpha", "--root", ".")
    assert result.code == 2
    assert "gemeente 'alpha' bestaat niet (bedoel je 'alfa'?)" in result.err


def data_files(root: Path) -> list[Path]:
    return sorted((root / "content").rglob("*.yml")) + sorted((root / "gemeenten").glob("*.yml"))


def as_editor_sees(path: Path) -> object:
    """The file as a YAML 1.2 editor plugin reads it (plain scalars typed by the YAML core schema)."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8-sig"))


def test_schema_is_valid_and_accepts_the_fixture_files(cli, tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert cli("schema", "--out", out).code == 0
    schema = json.loads(out.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in data_files(FIXTURES / "mini"):
        data = json.loads(json.dumps(as_editor_sees(path), default=str))
        errors = list(validator.iter_errors(data))
        assert errors == [], (path, errors[:1])


def test_schema_rejects_a_misspelt_key(cli, tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    cli("schema", "--out", out)
    validator = jsonschema.Draft202012Validator(json.loads(out.read_text()))
    bad = {"gemeente": {"naam": "A", "regio": "r"}, "hulplijnen": [{"id": "x", "telefon": "1"}]}
    assert list(validator.iter_errors(bad))
    good = {"gemeente": {"naam": "A", "regio": "r"}, "hulplijnen": [{"id": "x", "telefoon": "112"}]}
    assert list(validator.iter_errors(good)) == []


def test_command_runs_as_a_program_without_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "root"
    (broken / "gemeenten").mkdir(parents=True)
    (broken / "gemeenten" / "x.yml").write_bytes(b"\xff\xfe\x00garbage: [")
    env = {**os.environ, "WEGWIJZER_DATUM": "2026-11-23"}
    proc = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "validate", "--root", str(broken)],
        capture_output=True, text=True, env=env, check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "gemeenten/x.yml" in proc.stdout


@pytest.mark.parametrize("text", ["", "gemeente:\n", "gemeente: Ede\n", "gemeente:\n  - a\n"])
def test_degenerate_gemeente_files(in_mini: Path, cli, text: str) -> None:
    (in_mini / "gemeenten" / "beta.yml").write_text(text)
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert any(l.startswith("gemeenten/beta.yml") and ": fout: " in l for l in result.lines), result.out


def test_plain_keeps_text() -> None:
    meldingen = Meldingen()
    document = parse(Path("x.yml"), b"a: [ja, 010]\n", meldingen)
    assert plain(document.tree) == {"a": ["ja", "010"]}


@pytest.mark.parametrize(("args", "name"), [((), "wegwijzer.schema.json"), (("--markdown",), "velden.md")])
def test_committed_schema_and_field_docs_are_up_to_date(cli, tmp_path: Path, args, name: str) -> None:
    """Editors' tools read schema/; it is derived from the models and must not drift."""
    out = tmp_path / name
    assert cli("schema", *args, "--out", out).code == 0
    committed = Path(__file__).parent.parent / "schema" / name
    assert committed.read_text(encoding="utf-8") == out.read_text(encoding="utf-8"), (
        f"schema/{name} is out of date: run `wegwijzer schema {' '.join(args)} --out schema/{name}`"
    )


def test_field_docs_list_every_field_and_vocabulary_word(cli) -> None:
    from wegwijzer.read.models import Hulplijn, Thema

    result = cli("schema", "--markdown")
    for name in Hulplijn.model_fields:
        assert f"| `{name}` |" in result.out
    for thema in Thema:
        assert f"| `{thema.value}` |" in result.out
