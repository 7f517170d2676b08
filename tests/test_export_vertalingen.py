"""`wegwijzer vertalingen export|import`: the texts of one language out to a translator (XLIFF
1.2 or CSV) and a translated file back into a new translation YAML, read safely."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring
from flyer_check import make_flyer_root

from wegwijzer.diagnostics import Meldingen
from wegwijzer.read.vertalingen import load_vertalingen
from wegwijzer.rules.validate import validate

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
Q = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_flyer_root(tmp_path / "root")


def _units(path: Path) -> dict[str, object]:
    tree = fromstring(path.read_bytes())
    return {u.get("id"): u for u in tree.iterfind(".//x:trans-unit", NS)}


def _export(cli, root: Path, out: Path, *extra: str):
    run = cli("vertalingen", "export", "--taal", "ar", "--out", out, "--root", root, *extra)
    assert run.code == 0, run.err
    return run


def _fill(path: Path, out: Path) -> dict[str, str]:
    """Give every unit a new target ("AR: " + the Dutch), as a translator's tool would."""
    tree = fromstring(path.read_bytes())
    filled = {}
    for unit in tree.iterfind(".//x:trans-unit", NS):
        source = unit.find("x:source", NS).text
        target = unit.find("x:target", NS)
        if target is None:
            target = unit.makeelement(f"{Q}target", {})
            unit.insert(1, target)
        target.text = f"AR: {source}"
        target.attrib.clear()
        target.set("state", "translated")
        filled[unit.get("id")] = source
    import xml.etree.ElementTree as ET

    ET.register_namespace("", NS["x"])
    out.write_bytes(ET.tostring(tree, encoding="utf-8", xml_declaration=True))
    return filled


def test_round_trip_gives_a_translation_file_that_validates(cli, root: Path, tmp_path: Path) -> None:
    exported = tmp_path / "ar.xlf"
    _export(cli, root, exported)
    translated = tmp_path / "ar-vertaald.xlf"
    sources = _fill(exported, translated)
    new = tmp_path / "ar-nieuw.yml"
    run = cli("vertalingen", "import", translated, "--out", new, "--root", root)
    assert run.code == 0, run.err
    assert f"{len(sources)} vertaalde teksten" in run.err

    # the editor puts the new file in place of the old one: it validates, every text with its source
    (root / "content" / "vertalingen" / "ar.yml").write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
    result = validate(root)
    fouten = [m.format() for m in result.meldingen.fouten]
    assert not fouten, fouten
    about_ar = [m.format() for m in result.meldingen
                if m.code.startswith(("vertaling", "pagina-vertaling")) and "'ar'" in m.tekst + str(m.plek.path)]
    assert not about_ar, about_ar
    ar = result.project.vertalingen["ar"]
    nl = result.project.vertalingen["nl"]
    assert ar.vast["titel"].tekst == f"AR: {nl.vast['titel'].tekst}"
    assert ar.vast["titel"].nl == nl.vast["titel"].tekst
    assert ar.vast["qr_titel"].tekst == f"AR: {nl.vast['qr_titel'].tekst}"  # {gemeente} kept
    assert ar.site["bel"].nl == "Bel" and ar.site["bel"].tekst == "AR: Bel"
    luister = ar.vermeldingen["luisterlijn"]["bereikbaar"]
    assert (luister.tekst, luister.nl) == ("AR: Elke dag 8.00-22.00 uur", "Elke dag 8.00-22.00 uur")
    assert ar.vermeldingen["steunlijn"]["extra_telefoon:08000113"].nl == "Nachtnummer"
    assert not any(t.machine for t in ar.vast.values())


def test_machine_translations_stay_marked_when_left_untouched(cli, root: Path, tmp_path: Path) -> None:
    exported = tmp_path / "ar.xlf"
    _export(cli, root, exported)
    target = _units(exported)["vast/titel"].find("x:target", NS)
    assert (target.get("state"), target.get("state-qualifier")) == ("needs-review-translation", "mt-suggestion")
    new = tmp_path / "terug.yml"
    assert cli("vertalingen", "import", exported, "--out", new, "--root", root).code == 0
    meldingen = Meldingen()
    folder = tmp_path / "los" / "content" / "vertalingen"
    folder.mkdir(parents=True)
    (folder / "ar.yml").write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
    ar = load_vertalingen(tmp_path / "los", meldingen)["ar"]
    assert not meldingen.fouten, [m.format() for m in meldingen]
    assert ar.vast["titel"].machine and ar.vast["titel"].nl == "Ik weet het even niet meer"


def test_unit_ids_are_stable(cli, root: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "een.xlf", tmp_path / "twee.xlf"
    _export(cli, root, first)
    landelijk = root / "content" / "landelijk.yml"
    landelijk.write_text(
        landelijk.read_text(encoding="utf-8").replace("Elke dag 8.00-22.00 uur", "Elke dag 9.00-21.00 uur"),
        encoding="utf-8",
    )
    _export(cli, root, second)
    ids = list(_units(first))
    assert ids == list(_units(second))  # same ids, same order, after a change of the Dutch
    for id in ("vast/titel", "site/bel", "vermelding/luisterlijn/bereikbaar",
               "vermelding/steunlijn/extra_telefoon/08000113", "vermelding/twijfellijn/kosten"):
        assert id in ids
    assert len(ids) == len(set(ids))


def test_alleen_ontbrekend_gives_missing_and_outdated_texts_only(cli, root: Path, tmp_path: Path) -> None:
    before = tmp_path / "voor.xlf"
    _export(cli, root, before, "--alleen-ontbrekend")
    baseline = set(_units(before))  # the fixture's own omschrijvingen are not translated
    assert "vermelding/luisterlijn/omschrijving" in baseline and "vast/titel" not in baseline
    landelijk = root / "content" / "landelijk.yml"
    landelijk.write_text(
        landelijk.read_text(encoding="utf-8").replace("Elke dag 8.00-22.00 uur", "Elke dag 9.00-21.00 uur"),
        encoding="utf-8",
    )
    ar = root / "content" / "vertalingen" / "ar.yml"
    text = ar.read_text(encoding="utf-8")
    assert text.count("\n  bel: ") == 1
    ar.write_text("".join(line for line in text.splitlines(keepends=True) if not line.startswith("  bel: ")),
                  encoding="utf-8")
    # the outdated translation: a `nl:` that no longer matches
    extra = "  luisterlijn:\n    bereikbaar:"
    assert extra in ar.read_text(encoding="utf-8")
    ar.write_text(ar.read_text(encoding="utf-8").replace(
        "  luisterlijn:\n    bereikbaar: كل يوم من 8:00 إلى 22:00",
        "  luisterlijn:\n    bereikbaar:\n      tekst: كل يوم من 8:00 إلى 22:00\n      nl: Elke dag 8.00-22.00 uur",
    ), encoding="utf-8")

    full, missing = tmp_path / "alles.xlf", tmp_path / "ontbrekend.xlf"
    _export(cli, root, full)
    _export(cli, root, missing, "--alleen-ontbrekend")
    units = _units(missing)
    assert set(units) - baseline == {"site/bel", "vermelding/luisterlijn/bereikbaar"}, sorted(units)
    assert baseline <= set(units)
    assert all(u.find("x:target", NS) is None for u in units.values())
    assert len(_units(full)) > 100
    outdated = units["vermelding/luisterlijn/bereikbaar"]
    assert outdated.find("x:source", NS).text == "Elke dag 9.00-21.00 uur"
    assert outdated.find("x:target", NS) is None  # never handed back as a translation of the new text
    alt = outdated.find("x:alt-trans", NS)
    assert alt.find("x:source", NS).text == "Elke dag 8.00-22.00 uur"
    assert "veranderd" in " ".join(n.text for n in outdated.iterfind("x:note", NS))

    csv_out = tmp_path / "ontbrekend.csv"
    _export(cli, root, csv_out, "--alleen-ontbrekend")
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8-sig"))))
    status = {r["id"]: r["status"] for r in rows}
    assert set(status) == set(units)
    assert status["site/bel"] == "ontbreekt"
    assert status["vermelding/luisterlijn/bereikbaar"] == "verouderd"
    assert set(status.values()) == {"ontbreekt", "verouderd"}
    assert next(r for r in rows if r["id"] == "vermelding/luisterlijn/bereikbaar")["eerdere_vertaling"]
    assert all(r["vertaling"] == "" for r in rows)  # an old translation never in the column


def test_csv_round_trip_from_a_spreadsheet(cli, root: Path, tmp_path: Path) -> None:
    exported = tmp_path / "ar.csv"
    _export(cli, root, exported)
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert rows[0].keys() >= {"id", "nederlands", "vertaling", "status"}
    # Dutch Excel saves with ';'
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    for row in rows:
        row["vertaling"] = f"AR: {row['nederlands']}"
        row["status"] = "vertaald"
        writer.writerow(row)
    translated = tmp_path / "ar-terug.csv"
    translated.write_text(buffer.getvalue(), encoding="utf-8-sig")
    new = tmp_path / "ar.yml"
    assert cli("vertalingen", "import", translated, "--out", new, "--root", root).code == 0
    text = new.read_text(encoding="utf-8")
    assert "taal: ar" in text
    assert 'tekst: "AR: Bel"' in text and 'nl: "Bel"' in text


def test_refuses_to_overwrite(cli, root: Path, tmp_path: Path) -> None:
    exported = tmp_path / "ar.xlf"
    _export(cli, root, exported)
    before = exported.read_bytes()
    run = cli("vertalingen", "export", "--taal", "ar", "--out", exported, "--root", root)
    assert run.code == 2 and "bestaat al" in run.err and "niet overschreven" in run.err
    assert exported.read_bytes() == before

    existing = tmp_path / "nieuw.yml"
    existing.write_text("# van de redacteur\n", encoding="utf-8")
    run = cli("vertalingen", "import", exported, "--out", existing, "--root", root)
    assert run.code == 2 and "bestaat al" in run.err
    assert existing.read_text(encoding="utf-8") == "# van de redacteur\n"
    # nor into the data folder, where the current translation is
    run = cli("vertalingen", "import", exported, "--out", root / "content" / "vertalingen" / "ar2.yml",
              "--root", root)
    assert run.code == 2 and not (root / "content" / "vertalingen" / "ar2.yml").exists()


def test_malformed_xml_gives_a_dutch_message_with_position(cli, root: Path, tmp_path: Path) -> None:
    bad = tmp_path / "kapot.xlf"
    bad.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
        '  <file source-language="nl" target-language="ar"><body>\n'
        '    <trans-unit id="vast/titel"><source>Titel</source><target>عنوان</source>\n'
        '  </body></file>\n</xliff>\n',
        encoding="utf-8",
    )
    out = tmp_path / "uit.yml"
    run = cli("vertalingen", "import", bad, "--out", out, "--root", root)
    assert run.code == 1
    assert "kapot.xlf:4:" in run.out
    assert "geen geldig XML" in run.out and "sluittag" in run.out and "[vertaalbestand-xml-fout]" in run.out
    assert "geen bestand geschreven" in run.err
    assert not out.exists()


def test_unknown_id_is_reported_at_its_line(cli, root: Path, tmp_path: Path) -> None:
    bad = tmp_path / "vreemd.xlf"
    bad.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
        '  <file source-language="nl" target-language="ar"><body>\n'
        '    <trans-unit id="vast/titel"><source>Titel</source><target>عنوان</target></trans-unit>\n'
        '    <trans-unit id="vast/bestaat-niet"><source>X</source>\n'
        '      <target>Y</target></trans-unit>\n'
        '  </body></file>\n</xliff>\n',
        encoding="utf-8",
    )
    out = tmp_path / "uit.yml"
    run = cli("vertalingen", "import", bad, "--out", out, "--root", root)
    assert run.code == 1
    assert "vreemd.xlf:6:7: fout: onbekende tekst 'vast/bestaat-niet'" in run.out
    assert not out.exists()


BOMB = """<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="nl" target-language="ar"><body>
    <trans-unit id="vast/titel"><source>Titel</source><target>&f;</target></trans-unit>
  </body></file>
</xliff>
"""


_BODY = BOMB.split("]>\n", 1)[1]
EXTERNAL = '<?xml version="1.0"?>\n<!DOCTYPE xliff [ <!ENTITY f SYSTEM "file:///etc/passwd"> ]>\n' + _BODY
EXTERNAL_DTD = ('<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/xliff.dtd">\n'
                + _BODY.replace("&f;", "x"))


@pytest.mark.parametrize(
    "text",
    [BOMB, EXTERNAL, EXTERNAL_DTD],
    ids=["entity-bomb", "external-entity", "external-dtd"],
)
def test_doctype_and_entities_are_refused_without_expanding(cli, root: Path, tmp_path: Path, text: str) -> None:
    bad = tmp_path / "bom.xlf"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "uit.yml"
    run = cli("vertalingen", "import", bad, "--out", out, "--root", root)
    assert run.code == 1
    assert "bom.xlf:2:" in run.out and "[vertaalbestand-onveilig]" in run.out
    assert "DOCTYPE" in run.out
    assert not out.exists()
    assert "root:" not in run.out + run.err  # nothing of /etc/passwd


def test_export_of_a_language_without_a_file_lists_every_text_as_missing(cli, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "so.xlf"
    run = cli("vertalingen", "export", "--taal", "so", "--out", out, "--root", root)
    assert run.code == 0, run.err
    (root / "content" / "vertalingen" / "so.yml").unlink()
    out2 = tmp_path / "so-nieuw.xlf"
    run = cli("vertalingen", "export", "--taal", "so", "--out", out2, "--root", root)
    assert run.code == 0, run.err
    units = _units(out2)
    assert units and all(u.find("x:target", NS) is None for u in units.values())
    assert "geen gemeente heeft 'so' in flyer_talen" in run.err
    assert cli("vertalingen", "export", "--taal", "nl", "--out", tmp_path / "nl.xlf", "--root", root).code == 2
