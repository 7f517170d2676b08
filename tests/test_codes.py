"""Every message carries a stable code from the catalogue, and every code in it is used."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from wegwijzer import codes
from wegwijzer.diagnostics import Ernst, Melding, Meldingen, Plek

SRC = Path(codes.__file__).parent
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def _sources() -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8")
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "codes.py"
    }


def _used_codes() -> dict[str, Path]:
    """Codes written in the source: `code="..."` arguments and the code argument of the
    helpers that pass one on (`_fout`, `_parsed_by`, the tuples of `parse._message`)."""
    found: dict[str, Path] = {}
    for path, text in _sources().items():
        for node in ast.walk(ast.parse(text)):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):
                values += [k.value for k in node.keywords if k.arg == "code"]
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("_fout", "_parsed_by") and len(node.args) >= 2:
                    values.append(node.args[-1])
                if name == "Melding" and len(node.args) == 4:
                    values.append(node.args[3])
            elif isinstance(node, ast.FunctionDef) and node.name == "_message":
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Tuple):
                        values.append(ret.value.elts[-1])
            for value in values:
                for const in ast.walk(value):
                    if isinstance(const, ast.Constant) and isinstance(const.value, str):
                        if NAME.match(const.value):  # not "code" in `.get("code", "x")`
                            found.setdefault(const.value, path)
    return found


def test_every_used_code_is_in_the_catalogue() -> None:
    used = _used_codes()
    assert len(used) > 90
    unknown = {code: str(path) for code, path in used.items() if code not in codes.CODES}
    assert unknown == {}


def test_every_catalogue_code_is_used_in_the_source() -> None:
    text = "\n".join(_sources().values())
    unused = [name for name in codes.CODES if f'"{name}"' not in text]
    assert unused == []


def test_catalogue_entries_are_well_formed() -> None:
    names = [code.naam for code in codes._CATALOGUS]
    assert len(names) == len(set(names)), "a code is in the catalogue twice"
    for code in codes._CATALOGUS:
        assert NAME.match(code.naam), code.naam
        assert code.titel and "\n" not in code.titel, code.naam
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", code.uitleg.strip()) if s]
        assert 1 <= len(sentences) <= 5, code.naam


@pytest.mark.parametrize("code", ["", "bestaat-niet", " yaml-tab", "YAML-TAB"])
def test_a_message_without_a_known_code_is_a_programming_error(code: str) -> None:
    with pytest.raises(ValueError):
        Melding(Plek(Path("x.yml")), Ernst.FOUT, "tekst", code)
    with pytest.raises(ValueError):
        Meldingen().fout(Plek(Path("x.yml")), "tekst", code=code)


def test_a_message_shows_its_code() -> None:
    meldingen = Meldingen()
    meldingen.waarschuwing(Plek(Path("x.yml"), 3, 1), "tab", code="yaml-tab")
    assert [m.format(Path.cwd()) for m in meldingen] == ["x.yml:3:1: waarschuwing: tab [yaml-tab]"]


# --- wegwijzer validate --uitleg ----------------------------------------------------------


def test_uitleg_prints_the_entry_with_its_example(cli) -> None:
    result = cli("validate", "--uitleg", "0900-kosten-ontbreken")
    assert result.code == 0
    entry = codes.CODES["0900-kosten-ontbreken"]
    assert result.out.startswith(f"0900-kosten-ontbreken: {entry.titel}\n\n{entry.uitleg}\n")
    assert '    telefoon: "0900 1450"\n' in result.out


def test_uitleg_reads_the_code_as_it_is_typed(cli) -> None:
    assert cli("validate", "--uitleg", " YAML-Tab ").out.startswith("yaml-tab: ")


def test_uitleg_of_an_unknown_code_names_the_nearest(cli) -> None:
    result = cli("validate", "--uitleg", "yaml-tap")
    assert result.code == 2
    assert result.out == ""
    assert "melding 'yaml-tap' bestaat niet; bedoel je 'yaml-tab'" in result.err
    assert "Traceback" not in result.err


def test_uitleg_without_a_code_lists_every_code(cli) -> None:
    result = cli("validate", "--uitleg")
    assert result.code == 0
    listed = [line.split()[0] for line in result.out.splitlines()]
    assert listed == sorted(codes.CODES)
    assert f"yaml-tab{' ' * 2}" in result.out and codes.CODES["yaml-tab"].titel in result.out


# --- the reference in the handleiding ------------------------------------------------------


def test_committed_meldingen_reference_is_up_to_date(cli, tmp_path: Path) -> None:
    """handleiding/meldingen.md is made from the catalogue and must not drift from it."""
    out = tmp_path / "meldingen.md"
    assert cli("schema", "--meldingen", "--out", out).code == 0
    committed = Path(__file__).parent.parent / "handleiding" / "meldingen.md"
    assert committed.read_text(encoding="utf-8") == out.read_text(encoding="utf-8"), (
        "handleiding/meldingen.md is out of date: run "
        "`wegwijzer schema --meldingen --out handleiding/meldingen.md`"
    )
    text = out.read_text(encoding="utf-8")
    for naam, code in codes.CODES.items():
        assert f"\n## {naam}\n\n**{code.titel}**\n\n{code.uitleg}\n" in text


def test_the_handleiding_links_the_meldingen_reference() -> None:
    text = (Path(__file__).parent.parent / "handleiding" / "redacteuren.md").read_text("utf-8")
    assert "](meldingen.md)" in text


# --- one exception tree ---------------------------------------------------------------------


def test_every_exception_of_the_package_is_a_wegwijzerfout() -> None:
    import importlib
    import inspect
    import pkgutil

    import wegwijzer
    from wegwijzer.diagnostics import WaardeFout, WegwijzerFout

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(wegwijzer.__path__, "wegwijzer."):
        if info.name.endswith("__main__"):  # runs the command when imported
            continue
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, BaseException) and obj.__module__.startswith("wegwijzer"):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    assert len(found) >= 8, sorted(found)
    assert "wegwijzer.edit.fmt.FormatFout" in found
    outside = sorted(name for name, cls in found.items() if not issubclass(cls, WegwijzerFout))
    assert outside == []
    # what pydantic validators raise stays a ValueError, so pydantic reports it
    from wegwijzer.read import links, phones

    assert issubclass(phones.TelefoonFout, WaardeFout) and issubclass(links.LinkFout, ValueError)


# --- one severity type ----------------------------------------------------------------------


def test_the_link_check_grades_outcomes_with_the_one_severity_type() -> None:
    from wegwijzer.check.fetch import Status, ernst

    graded = {status: ernst(status) for status in Status}
    assert graded[Status.OK] is None
    assert graded[Status.TIJDELIJK] is Ernst.OPMERKING
    assert graded[Status.VERHUISD] is Ernst.WAARSCHUWING
    assert graded[Status.NIET_GEVONDEN] is Ernst.FOUT
    assert all(value is None or isinstance(value, Ernst) for value in graded.values())
