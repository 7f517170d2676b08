"""Reading YAML: nothing an editor wrote is silently changed; bad files get a clear message."""

from __future__ import annotations

from pathlib import Path

from conftest import line_of, write

from wegwijzer.diagnostics import Meldingen
from wegwijzer.read.load import MAX_BYTES, parse, plain


def load(text: str | bytes) -> tuple[object, list[str]]:
    meldingen = Meldingen()
    data = text.encode() if isinstance(text, str) else text
    document = parse(Path("t.yml"), data, meldingen)
    return (plain(document.tree) if document else None), [m.format() for m in meldingen]


def test_unquoted_phone_number_keeps_its_leading_zero() -> None:
    data, problems = load("telefoon: 0612345678\nander: 0800\noctaal: 010\n")
    assert data == {"telefoon": "0612345678", "ander": "0800", "octaal": "010"}
    assert problems == []


def test_every_scalar_is_text_until_a_model_reads_it() -> None:
    data, _ = load("a: ja\nb: 2024-01-05\nc: 1.50\nd: null\ne: yes\n")
    assert data == {"a": "ja", "b": "2024-01-05", "c": "1.50", "d": "null", "e": "yes"}


def test_utf8_bom_is_fine() -> None:
    data, problems = load("\ufeffnaam: Café\n")
    assert data == {"naam": "Café"}
    assert problems == []


def test_duplicate_key_names_both_lines() -> None:
    data, problems = load("gemeente:\n  naam: Ede\n  regio: x\n  naam: Arnhem\n")
    assert data is None
    assert problems == [
        "t.yml:4:3: fout: veld 'naam' staat twee keer in dezelfde groep (ook op regel 2); "
        "haal er één weg [yaml-dubbele-sleutel]"
    ]


def test_tab_indentation_is_refused_per_line() -> None:
    _, problems = load("gemeente:\n\tnaam: Ede\n  regio: x\n\t\twoonplaatsen: []\n")
    assert problems == [
        "t.yml:2:1: fout: tab gevonden aan het begin van de regel; gebruik spaties om in te springen [yaml-tab]",
        "t.yml:4:1: fout: tab gevonden aan het begin van de regel; gebruik spaties om in te springen [yaml-tab]",
    ]


def test_non_utf8_file_names_the_first_bad_byte() -> None:
    _, problems = load("naam: Ede\nomschrijving: caf\xe9\n".encode("latin-1"))
    assert len(problems) == 1
    assert problems[0].startswith("t.yml:2:18: fout: bestand is niet in UTF-8 opgeslagen")


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [{', '.join(['*' + previous] * 9)}]")
    data, problems = load("\n".join(bomb) + "\n")
    assert data is None
    assert problems[0] == "t.yml:1:4: fout: anker '&a' wordt niet ondersteund; schrijf de waarde voluit [yaml-anker]"
    assert any("verwijzing '*a' wordt niet ondersteund" in p for p in problems)


def test_tags_are_refused() -> None:
    _, problems = load("a: !!python/object:os.system x\nb: !!int 3\n")
    assert problems[0].startswith("t.yml:1:4: fout: label '!!python/object:os.system'")
    assert problems[1].startswith("t.yml:2:4: fout: label '!!int'")


def test_absurdly_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "groot.yml"
    path.write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    from wegwijzer.read.load import read

    meldingen = Meldingen()
    assert read(path, meldingen) is None
    assert "bestand is te groot" in [m.format() for m in meldingen][0]


def test_syntax_error_points_at_the_line_and_explains_in_dutch() -> None:
    _, problems = load("gemeente:\n  naam: Ede: centrum\n")
    assert problems == [
        "t.yml:2:12: fout: YAML-fout: dubbele punt op een onverwachte plek; zet tekst met een "
        "dubbele punt tussen aanhalingstekens, of controleer de inspringing [yaml-syntax]"
    ]


def test_unclosed_quote_points_at_the_opening_quote() -> None:
    _, problems = load("gemeente:\n  naam: 'Ede\n  regio: x\n")
    assert problems == ["t.yml:2:9: fout: YAML-fout: aanhalingsteken wordt niet afgesloten [yaml-syntax]"]


def test_top_level_list_is_refused() -> None:
    _, problems = load("- naam: Ede\n")
    assert problems[0].startswith("t.yml:1:1: fout: het bestand moet bestaan uit velden")


def test_two_documents_in_one_file_are_refused() -> None:
    _, problems = load("gemeente: {}\n---\ngemeente: {}\n")
    assert problems[0].startswith("t.yml:2:1: fout: ") and "tweede document" in problems[0]


def test_bad_files_in_a_project_are_all_reported(in_mini: Path, cli) -> None:
    write(in_mini / "gemeenten" / "gamma.yml", "gemeente:\n\tnaam: Gamma\n")
    (in_mini / "gemeenten" / "delta.yml").write_bytes("gemeente:\n  naam: D\xe9lta\n".encode("cp1252"))
    result = cli("validate", "--root", ".")
    assert result.code == 1
    assert "gemeenten/gamma.yml:2:1: fout: tab gevonden" in result.out
    assert "gemeenten/delta.yml:2:10: fout: bestand is niet in UTF-8 opgeslagen" in result.out
    # the other gemeenten are still checked: a problem in one is reported as well
    alfa = in_mini / "gemeenten" / "alfa.yml"
    text = alfa.read_text().replace('telefoon: "0800 2000"', 'telefoon: "0800 20"')
    alfa.write_text(text)
    result = cli("validate", "--root", ".")
    line = line_of(alfa, '"0800 20"')
    assert f"gemeenten/alfa.yml:{line}:15: fout: veld 'telefoon'" in result.out
