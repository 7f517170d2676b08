"""`wegwijzer fmt`: canonical form, every comment and value kept, idempotent, `--check`."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegwijzer.diagnostics import Meldingen
from wegwijzer.edit.fmt import data_files, format_text
from wegwijzer.read.load import parse, plain
from wegwijzer.rules.validate import validate


def fmt(path: Path) -> str | None:
    return format_text(path, path.read_bytes(), Meldingen())


def comment_lines(text: str) -> Counter[str]:
    """Comment lines as a reader sees them (independent of the formatter's own comment finder)."""
    return Counter(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


def values(path: Path, text: str) -> object:
    document = parse(path, text.encode("utf-8"), Meldingen())
    assert document is not None
    return plain(document.tree)


def merged(root: Path) -> dict[str, object]:
    """Everything a page, flyer or export is made of, without file positions."""
    result = validate(root)
    out: dict[str, object] = {}
    for slug, data in result.gemeenten.items():
        out[slug] = {
            "info": data.info.model_dump(mode="json"),
            "regio": data.regio.model_dump(mode="json"),
            **{
                kind: [(e.item.model_dump(mode="json"), e.lagen) for e in data.entries(kind)]
                for kind in ("hulplijnen", "interventies", "organisaties", "contacten")
            },
            "niet_aangeboden": [(n.id, n.kind, n.naam, n.reden) for n in data.niet_aangeboden],
        }
    out["_meldingen"] = sorted(
        (m.plek.path.name, str(m.ernst), m.tekst) for m in result.meldingen
    )
    return out


def copy_project(source: Path, target: Path) -> Path:
    for name in ("content", "gemeenten", "schema"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
    return target


# --- the shipped data ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_formatted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import os

    os.environ["WEGWIJZER_DATUM"] = "2026-11-23"
    before = copy_project(REPO, tmp_path_factory.mktemp("voor"))
    after = copy_project(REPO, tmp_path_factory.mktemp("na"))
    from wegwijzer.cli import main

    assert main(["fmt", "--root", str(after)]) == 0
    return before, after


def test_formatting_the_shipped_data_keeps_the_merged_data(shipped_formatted) -> None:
    before, after = shipped_formatted
    assert merged(before) == merged(after)


def test_formatting_the_shipped_data_keeps_every_value_and_comment(shipped_formatted) -> None:
    before, after = shipped_formatted
    for old in data_files(before):
        new = after / old.relative_to(before)
        old_text, new_text = old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")
        assert values(old, old_text) == values(new, new_text), old.name
        lost = comment_lines(old_text) - comment_lines(new_text)
        assert not lost, (old.name, lost)


def test_formatting_the_shipped_data_is_idempotent(shipped_formatted, cli) -> None:
    _before, after = shipped_formatted
    for path in data_files(after):
        assert fmt(path) == path.read_text(encoding="utf-8"), path.name
    assert cli("fmt", "--check", "--root", after).code == 0


# --- the canonical form -------------------------------------------------------------------


MESSY = """\
# Gemeente Proef
gemeente:
    regio: testregio   # de regio
    naam: Proef
    woonplaatsen:
        - Proef
        - Proefdorp
interventies:
-   naam: Huisbezoek
    # uitleg over het nummer
    telefoon: 0800 0450
    id: huisbezoek
    sinds: 2023
    omschrijving: >-
        Iemand komt bij je thuis.
        Twee regels.
    fasen:
    - zwanger
niet_aangeboden: ['oudergroep']
"""


def test_canonical_form_of_a_messy_file(mini: Path) -> None:
    path = write(mini / "gemeenten" / "alfa.yml", MESSY)
    assert fmt(path) == """\
# yaml-language-server: $schema=../schema/wegwijzer.schema.json
#
# Gemeente Proef

gemeente:
  naam: Proef
  regio: testregio  # de regio
  woonplaatsen: [Proef, Proefdorp]

interventies:
  - id: huisbezoek
    naam: Huisbezoek
    omschrijving: >-
      Iemand komt bij je thuis.
      Twee regels.
    # uitleg over het nummer
    telefoon: "0800 0450"
    fasen: [zwanger]
    sinds: "2023"

niet_aangeboden: ['oudergroep']
"""


def test_a_comment_travels_with_the_key_below_it(mini: Path) -> None:
    path = write(
        mini / "gemeenten" / "alfa.yml",
        """
        gemeente:
          naam: Alfa
          regio: testregio
        interventies:
          - bron: Testbron
            # nagekeken door het CJG
            gecontroleerd: 2026-06-01
            id: huisbezoek
            # oud nummer: 0800 1234
          # de volgende is nieuw

          - id: nieuw
        """,
    )
    text = fmt(path)
    assert text is not None
    lines = text.splitlines()
    assert lines.index("  - id: huisbezoek") < lines.index("    bron: Testbron")
    checked = lines.index("    gecontroleerd: 2026-06-01")
    assert lines[checked - 1] == "    # nagekeken door het CJG"
    assert lines[checked + 1] == "    # oud nummer: 0800 1234"
    assert lines[lines.index("  - id: nieuw") - 2] == "  # de volgende is nieuw"


def test_long_lists_go_one_per_line_and_lists_with_comments_stay_block(mini: Path) -> None:
    places = [f"Woonplaats{i}" for i in range(12)]
    path = write(
        mini / "gemeenten" / "alfa.yml",
        f"""
        gemeente:
          naam: Alfa
          regio: testregio
          woonplaatsen: [{", ".join(places)}]
          flyer_talen:
            - en  # Engels
            - ar
        """,
    )
    text = fmt(path)
    assert text is not None
    assert "  woonplaatsen:\n    - Woonplaats0\n" in text
    assert "  flyer_talen:\n    - en  # Engels\n    - ar\n" in text


def test_values_that_need_quotes_in_flow_style_get_them(mini: Path) -> None:
    path = write(
        mini / "gemeenten" / "alfa.yml",
        """
        gemeente:
          naam: Alfa
          regio: testregio
          woonplaatsen:
            - Alfa, centrum
            - Beta
        """,
    )
    text = fmt(path)
    assert text is not None and '  woonplaatsen: ["Alfa, centrum", Beta]\n' in text
    assert values(path, text) == values(path, path.read_text())


def test_a_file_that_does_not_load_is_refused_like_validate_reports_it(in_mini: Path, cli) -> None:
    path = in_mini / "gemeenten" / "alfa.yml"
    path.write_text("gemeente:\n  naam: Alfa\n  naam: Beta\n", encoding="utf-8")
    before = path.read_bytes()
    result = cli("fmt", "--root", ".")
    assert result.code == 1
    assert "gemeenten/alfa.yml:3:3: fout: veld 'naam' staat twee keer in dezelfde groep" in result.out
    assert path.read_bytes() == before
    assert "niet opgemaakt" in result.err


def test_check_exit_codes_and_nothing_written(in_mini: Path, cli) -> None:
    assert cli("fmt", "--root", ".").code == 0  # bring the fixture into canonical form
    clean = cli("fmt", "--check", "--root", ".")
    assert clean.code == 0 and clean.out == ""
    path = in_mini / "gemeenten" / "beta.yml"
    messy = path.read_text(encoding="utf-8").replace("woonplaatsen: [Beta]", "woonplaatsen:\n    - Beta")
    assert messy != path.read_text(encoding="utf-8")
    path.write_text(messy, encoding="utf-8")
    result = cli("fmt", "--check", "--root", ".")
    assert result.code == 1
    assert result.lines == ["gemeenten/beta.yml: zou worden opgemaakt"]
    assert path.read_text(encoding="utf-8") == messy
    assert cli("fmt", "--check", "gemeenten/alfa.yml").code == 0  # files can be named
    assert cli("fmt", "gemeenten/beta.yml").code == 0
    assert cli("fmt", "--check", "--root", ".").code == 0


def test_crlf_and_bom_become_plain_utf8(mini: Path) -> None:
    path = mini / "gemeenten" / "alfa.yml"
    path.write_bytes(b"\xef\xbb\xbfgemeente:\r\n  naam: Alfa\r\n  regio: testregio\r\n")
    text = fmt(path)
    assert text is not None and "\r" not in text and not text.startswith("\ufeff")


def test_missing_file_is_a_usage_error(in_mini: Path, cli) -> None:
    assert cli("fmt", "gemeenten/bestaat-niet.yml").code == 2


# --- generated inputs ---------------------------------------------------------------------

WORDS = st.sampled_from(["Ede", "hulp", "thuis", "De Klomp", "zwanger", "2023", "ja", "0800 0450",
                         "gratis", "één", "a-b", "x.y", "Alfa, Beta", "vraag?"])
TEXT = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
FIELDS = ["naam", "omschrijving", "telefoon", "website", "bereikbaar", "kosten", "doelgroep",
          "bron", "gecontroleerd", "onzeker", "sinds", "aanmelden", "fasen", "themas", "talen",
          "onbekend_veld"]


@st.composite
def scalar_yaml(draw: st.DrawFn, indent: int) -> str:
    text = draw(TEXT)
    style = draw(st.sampled_from(["plain", "double", "single", "folded", "literal"]))
    if style == "plain" and not text[0].isdigit() and ":" not in text:
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style in ("folded", "literal"):
        lines = draw(st.lists(TEXT, min_size=1, max_size=3))
        body = "".join("\n" + " " * (indent + 4) + line for line in lines)
        return (">-" if style == "folded" else "|") + body
    return json.dumps(text, ensure_ascii=False)


@st.composite
def entry_yaml(draw: st.DrawFn, number: int, indent: int) -> str:
    names = draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=6))
    pairs = [("id", f"item-{number}")]
    for name in names:
        if name in ("fasen", "themas", "talen"):
            options = {"fasen": ["zwanger", "na-geboorte"], "themas": ["geld", "wonen"],
                       "talen": ["nl", "en"]}[name]
            items = draw(st.lists(st.sampled_from(options), min_size=1, max_size=2))
            if draw(st.booleans()):
                value = "[" + ", ".join(items) + "]"
            else:
                value = "".join("\n" + " " * (indent + 2) + "- " + i for i in items)
        elif name == "telefoon":
            value = draw(st.sampled_from(["0800 0450", '"085 130 46 58"', "'112'"]))
        elif name == "gecontroleerd":
            value = "2026-06-01"
        else:
            value = draw(scalar_yaml(indent))
        pairs.append((name, value))
    order = draw(st.permutations(pairs))
    lines = []
    for position, (name, value) in enumerate(order):
        if draw(st.integers(0, 5)) == 0:
            lines.append(" " * (indent + 2) + f"# over {name}")
        eol = f"  # bij {name}" if draw(st.integers(0, 6)) == 0 and not value.startswith((">", "|")) \
            and "\n" not in value else ""
        prefix = "- " if position == 0 else "  "
        lines.append(" " * indent + prefix + f"{name}: {value}{eol}")
    return "\n".join(lines)


@st.composite
def gemeente_file(draw: st.DrawFn) -> str:
    indent = draw(st.sampled_from([2, 4]))
    head = ["gemeente:", " " * indent + "naam: Alfa", " " * indent + "regio: testregio"]
    if draw(st.booleans()):
        head.insert(0, "# Gemeente Alfa")
    entries = [draw(entry_yaml(n, indent)) for n in range(draw(st.integers(1, 3)))]
    blank = "\n\n" if draw(st.booleans()) else "\n"
    body = blank.join(entries)
    tail = draw(st.sampled_from(["", "\n# einde", "\nniet_aangeboden:\n  - id: oudergroep"]))
    return "\n".join(head) + "\ninterventies:\n" + body + tail + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=gemeente_file())
def test_generated_files_keep_values_comments_and_merged_data(tmp_path_factory, text: str) -> None:
    root = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("gen"))
    path = root / "gemeenten" / "alfa.yml"
    path.write_text(text, encoding="utf-8")
    assert parse(path, text.encode(), Meldingen()) is not None, text
    meldingen = Meldingen()
    result = format_text(path, text.encode("utf-8"), meldingen)
    assert result is not None, ([m.tekst for m in meldingen], text)
    assert values(path, result) == values(path, text)
    assert not comment_lines(text) - comment_lines(result)
    assert format_text(path, result.encode("utf-8"), Meldingen()) == result
    before = merged(root)
    path.write_text(result, encoding="utf-8")
    assert merged(root) == before


ANY_TEXT = st.text(alphabet=st.sampled_from(list("ab: -#'\"[]{},\n>|&*!0123456789")), max_size=80)


@settings(max_examples=150, deadline=None)
@given(text=ANY_TEXT)
def test_fmt_never_crashes_and_never_changes_a_value(text: str) -> None:
    path = Path("gemeenten/x.yml")
    meldingen = Meldingen()
    result = format_text(path, text.encode("utf-8"), meldingen)
    if result is None:
        assert meldingen.has_errors
        return
    original = parse(path, text.encode("utf-8"), Meldingen())
    assert original is not None
    assert values(path, result) == plain(original.tree)
