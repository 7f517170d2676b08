"""HSDS 3.0 export: valid against the Open Referral schemas, stable ids, faithful mapping."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import uuid
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, write
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from wegwijzer.diagnostics import WegwijzerFout
from wegwijzer.export import hsds, hsds_check
from wegwijzer.rules.validate import validate

# the official schemas, shipped in the package with their licence and source commit
HSDS = REPO / "src" / "wegwijzer" / "export" / "hsds_schema"


@pytest.fixture(scope="module")
def spec() -> Path:
    assert (HSDS / "schema" / "service.json").is_file()
    assert "279fd2eb3552c349bf698c07c00cc25f5fc8249b" in (HSDS / "README.md").read_text()
    return HSDS


def _schema(spec: Path, relative: str) -> dict:
    return json.loads((spec / "schema" / relative).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry(spec: Path) -> Registry:
    resources = []
    for path in sorted((spec / "schema").glob("**/*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(contents, dict):
            continue
        uri = f"https://hsds.test/{path.relative_to(spec).as_posix()}"
        contents = {**contents, "$id": uri}
        resources.append((uri, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def validator(registry: Registry, relative: str) -> jsonschema.Validator:
    schema = registry.contents(f"https://hsds.test/schema/{relative}")
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(validator: jsonschema.Validator, instance: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)][:5]


@pytest.fixture(scope="module")
def shipped():
    import os

    os.environ["WEGWIJZER_DATUM"] = "2026-11-23"
    return validate(REPO)


@pytest.fixture(scope="module")
def document(shipped) -> dict:
    return hsds.build(shipped.gemeenten)


# --- validity -----------------------------------------------------------------------------


def test_every_organization_and_service_is_valid_hsds(document, registry) -> None:
    for relative, records in (
        ("organization.json", document["organizations"]),  # with $refs resolved locally
        ("service.json", document["services"]),
        ("taxonomy_term.json", document["taxonomy_terms"]),
        ("taxonomy.json", document["taxonomies"]),
    ):
        check = validator(registry, relative)
        for record in records:
            assert errors(check, record) == [], (relative, record.get("name"))
    assert document["organizations"] and document["services"]


def test_every_id_is_a_unique_uuid(document) -> None:
    seen: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "id" in value and isinstance(value["id"], str):
                assert uuid.UUID(value["id"]).version == 5
                if "location_type" not in value:  # a location is listed under its service_at_location too
                    assert value["id"] not in seen, value
                    seen.add(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    assert len(seen) > 100


def test_references_point_at_records_that_exist(document) -> None:
    organizations = {org["id"] for org in document["organizations"]}
    terms = {term["id"] for term in document["taxonomy_terms"]}
    for service in document["services"]:
        assert service["organization_id"] in organizations
        for attribute in service["attributes"]:
            assert attribute["taxonomy_term_id"] in terms
            assert attribute["link_id"] == service["id"]
        for phone in service["phones"]:
            assert phone["service_id"] == service["id"]


def test_tabular_package_matches_the_hsds_datapackage_and_validates(tmp_path, shipped, spec, registry) -> None:
    hsds.write(shipped.gemeenten, tmp_path)
    official = {r["name"]: r for r in json.loads((spec / "datapackage.json").read_text())["resources"]}
    ours = json.loads((tmp_path / "datapackage.json").read_text())
    tabular = validator(registry, "compiled/tabular.json")
    tables: dict[str, list[dict]] = {}
    for resource in ours["resources"]:
        reference = official[resource["name"]]
        fields = reference["schema"]["fields"]
        assert resource["path"] == reference["path"]
        assert [(f["name"], f["type"]) for f in resource["schema"]["fields"]] == [
            (f["name"], f["type"]) for f in fields
        ], resource["name"]
        with open(tmp_path / resource["path"], encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [f["name"] for f in fields]
            rows = []
            for row in reader:
                typed = {}
                for f in fields:
                    text = row[f["name"]]
                    if text == "":
                        assert not f["constraints"].get("required"), (resource["name"], f["name"], row)
                        continue
                    typed[f["name"]] = float(text) if f["type"] == "number" else text
                    if f["type"] == "date":
                        dt.date.fromisoformat(text)
                    if f.get("format") == "uuid":
                        uuid.UUID(text)
                rows.append(typed)
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids)), resource["name"]
        tables[resource["name"]] = rows
    assert errors(tabular, tables) == []
    # foreign keys, as the official package declares them
    for name, rows in tables.items():
        for key in official[name]["schema"].get("foreignKeys") or []:
            target = {row["id"] for row in tables.get(key["reference"]["resource"], [])}
            for row in rows:
                if key["fields"] in row:
                    assert row[key["fields"]] in target, (name, key, row)
    assert len(tables["service"]) == len(json.loads((tmp_path / "hsds.json").read_text())["services"])


# --- the mapping --------------------------------------------------------------------------


def test_service_areas_are_exactly_the_gemeenten_that_offer_it(document, shipped) -> None:
    by_name = {data.info.naam: slug for slug, data in shipped.gemeenten.items()}
    offered: dict[str, set[str]] = {}
    for slug, data in shipped.gemeenten.items():
        for entry in (*data.hulplijnen, *data.interventies):
            offered.setdefault(entry.item.naam, set()).add(slug)
    exported: dict[str, set[str]] = {}
    for service in document["services"]:
        areas = {by_name[area["name"]] for area in service["service_areas"]}
        assert areas, service["name"]
        exported.setdefault(service["name"], set()).update(areas)
    assert exported == offered


def test_urgent_numbers_and_dates(document, shipped) -> None:
    numbers = {phone["number"] for s in document["services"] for phone in s["phones"]}
    assert {"112", "113", "+318002000"} <= numbers  # short numbers as dialled, others E.164
    checked = {
        (entry.item.naam, entry.item.gecontroleerd.isoformat())
        for data in shipped.gemeenten.values()
        for entry in (*data.hulplijnen, *data.interventies) if entry.item.gecontroleerd
    }
    assured = {(s["name"], s["assured_date"]) for s in document["services"] if "assured_date" in s}
    assert assured == checked


def test_a_gemeente_version_is_its_own_service(document, shipped) -> None:
    """Ede and Arnhem give Nu Niet Zwanger their own 'sinds': their versions are separate."""
    versions = [s for s in document["services"] if s["name"] == "Nu Niet Zwanger"]
    areas = [sorted(a["name"] for a in s["service_areas"]) for s in versions]
    assert ["Ede"] in areas and ["Arnhem"] in areas
    assert len({s["id"] for s in versions}) == len(versions)


def test_ids_are_stable_and_local(tmp_path) -> None:
    for name in ("content", "gemeenten"):
        shutil.copytree(REPO / name, tmp_path / name)
    before = hsds.build(validate(tmp_path).gemeenten)
    again = hsds.build(validate(tmp_path).gemeenten)
    assert before == again
    ede = tmp_path / "gemeenten" / "ede.yml"
    ede.write_text(ede.read_text(encoding="utf-8").replace('sinds: "2023"', 'sinds: "2022"'), encoding="utf-8")
    after = hsds.build(validate(tmp_path).gemeenten)
    ids = lambda doc: {s["name"] + "|" + ",".join(a["name"] for a in s["service_areas"]): s["id"]
                       for s in doc["services"]}
    assert ids(before) == ids(after)
    assert before != after


def test_everything_else_maps_to_its_hsds_place(mini: Path, registry) -> None:
    write(mini / "gemeenten" / "beta.yml", """
        gemeente:
          naam: Beta
          regio: testregio
          woonplaatsen: [Beta]
          cbs_code: GM0001
        hulplijnen:
          - id: chatlijn
            naam: Chatlijn
            omschrijving: Chat met iemand.
            chat: https://www.example.nl/chat
            whatsapp: "06 12 34 56 78"
            talen: [nl, ar]
            kosten: gratis
            bereikbaar: Elke avond
            anoniem: ja
            fasen: [zwanger]
            themas: [psychisch]
            bron: Testbron
            gecontroleerd: 2026-06-01
        organisaties:
          - id: buurthuis
            naam: Buurthuis Beta
            adres: Dorpsstraat 1, Beta
            telefoon: "026 123 45 67"
            bron: Testbron
        contacten:
          - id: jgz-beta
            naam: JGZ Beta
            soort: jgz
            organisatie: buurthuis
            telefoon: "026 765 43 21"
            bron: Testbron
            gecontroleerd: 2026-06-01
          - id: loket-beta
            naam: Loket Beta
            soort: gemeente
            email: loket@example.nl
            bron: Testbron
        """)
    result = validate(mini)
    assert not result.meldingen.has_errors, [m.format() for m in result.meldingen.fouten]
    document = hsds.build(result.gemeenten)
    chat = next(s for s in document["services"] if s["name"] == "Chatlijn")
    assert {(p["type"], p["number"]) for p in chat["phones"]} == {("text", "+31612345678")}
    assert [(l["code"], l["name"]) for l in chat["languages"]] == [("nl", "Nederlands"), ("ar", "Arabisch")]
    assert chat["cost_options"][0]["amount"] == 0 and chat["cost_options"][0]["currency"] == "EUR"
    assert chat["schedules"][0]["description"] == "Elke avond"
    location = chat["service_at_locations"][0]["location"]
    assert (location["location_type"], location["url"]) == ("virtual", "https://www.example.nl/chat")
    assert chat["service_areas"][0]["extent"] == "GM0001"
    codes = {a["link_type"] for a in chat["attributes"]}
    assert {"fase", "thema", "anoniem", "bron"} <= codes
    # no aanbieder: an organization of its own, named after the entry and saying so
    provider = next(o for o in document["organizations"] if o["id"] == chat["organization_id"])
    assert provider["name"] == "Chatlijn" and "geen aparte organisatie" in provider["description"]
    buurthuis = next(o for o in document["organizations"] if o["name"] == "Buurthuis Beta")
    assert buurthuis["locations"][0]["description"] == "Bezoekadres: Dorpsstraat 1, Beta"
    assert [c["name"] for c in buurthuis["contacts"]] == ["JGZ Beta"]
    assert buurthuis["contacts"][0]["phones"][0]["number"] == "+31267654321"
    loket = next(o for o in document["organizations"] if o["name"] == "Loket Beta")
    assert loket["contacts"][0]["email"] == "loket@example.nl"
    for relative, records in (("service.json", document["services"]),
                              ("organization.json", document["organizations"])):
        check = validator(registry, relative)
        for record in records:
            assert errors(check, record) == [], record["name"]


# --- the export checks itself -------------------------------------------------------------


def test_the_export_names_what_is_not_hsds(document) -> None:
    assert hsds_check.problems(document) == []
    broken = json.loads(json.dumps(document))
    broken["services"][2]["status"] = "open"
    del broken["organizations"][1]["name"]
    assert hsds_check.problems(broken) == [
        "organizations[1]: 'name' is a required property",
        "services[2].status: 'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']",
    ]


def test_an_invalid_export_is_refused_and_nothing_is_written(
    tmp_path: Path, shipped, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = hsds.build

    def broken_build(gemeenten):
        document = real(gemeenten)
        document["services"][0]["phones"][0]["number"] = 31  # a number where text belongs
        return document

    monkeypatch.setattr(hsds, "build", broken_build)
    out = tmp_path / "hsds"
    with pytest.raises(WegwijzerFout) as caught:
        hsds.write(shipped.gemeenten, out)
    assert "geen geldige HSDS 3.0; er is niets geschreven" in str(caught.value)
    assert "services[0].phones[0].number: 31 is not of type 'string'" in str(caught.value)
    assert not out.exists()
