"""Open Referral HSDS 3.0: the merged data as JSON and as a tabular data package (CSV).

Mapping (see README, "Export"):

- **services**: every hulplijn and interventie. A service is offered in the gemeenten of its
  `service_areas` (one per gemeente, with the CBS code as `extent` where known). When a
  gemeente (or a regio, for a landelijk entry) changes fields of an entry, that version is a
  service of its own, offered only there: HSDS has no per-area variant of one service.
  Fields: `name` naam, `alternate_name` afkorting, `description` omschrijving, `url` website,
  `email`, `status` active, `application_process` aanmelden, `fees_description` kosten,
  `eligibility_description` doelgroep, `assured_date` gecontroleerd; `phones` (telefoon,
  extra_telefoon with its label, whatsapp as type text; the number in E.164 where it has one,
  else the short number such as 112), `languages` (talen), `cost_options` (kosten; amount 0
  in EUR only when it says gratis), `schedules` (bereikbaar, dag_en_nacht as text),
  `attributes` (fase, thema, erkenning, spoed, anoniem, op_flyer, and sinds, bijzonderheden,
  bron, onzeker with their text as value: terms of the project's own taxonomy), and a `virtual` location with `service_at_location` for a chat.
- **organizations**: every organisatie. A service or contact without `aanbieder` /
  `organisatie` gets an organization of its own, named after the entry and saying so in its
  description: HSDS requires an organization for every service, and the Wegwijzer does not
  invent a provider. An organisatie's `adres` becomes a `physical` location with the address
  as text in its description (HSDS's address object needs street, postcode, city and province
  as separate fields, which the data does not have).
- **contacts**: every contact (teams and loketten), under its organization, with its phones.
- Not in HSDS: what a gemeente does *not* offer (see the spreadsheet export).

Ids are UUIDs derived with UUIDv5 from a fixed project namespace and a readable key such as
``service/interventies/stevig-ouderschap`` (or ``.../gemeente:ede`` for a gemeente's version),
so they stay the same from export to export.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wegwijzer import __version__
from wegwijzer.diagnostics import WegwijzerFout
from wegwijzer.read.merge import GemeenteData, Vermelding
from wegwijzer.read.models import (
    ERKENNING_LABELS,
    FASE_LABELS,
    THEMA_LABELS,
    Contact,
    Dienst,
    Entry,
    Erkenning,
    Fase,
    Organisatie,
    Thema,
)
from wegwijzer.read.phones import Telefoon
from wegwijzer.read.values import taal_naam
from wegwijzer.rules import publicatie

# Fixed for good: changing it changes every id in every export.
NAMESPACE = uuid.UUID("5c1f6a3e-4b8d-5e2a-9f17-6b0c2d8e4a91")
TAXONOMY_NAME = "Kansrijke Start Wegwijzer"


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


# --- the project's taxonomy ---------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    description: str

    @property
    def id(self) -> str:
        return uid("taxonomy_term", self.code)


def _terms() -> dict[str, Term]:
    terms = [
        *(Term(f"fase:{f.value}", FASE_LABELS[f], f"Fase van Kansrijke Start: {FASE_LABELS[f].lower()}.")
          for f in Fase),
        *(Term(f"thema:{t.value}", THEMA_LABELS[t], f"Onderwerp: {THEMA_LABELS[t].lower()}.")
          for t in Thema),
        *(Term(f"erkenning:{e.value}", ERKENNING_LABELS[e],
               "Beoordeling in de Databank Effectieve Jeugdinterventies.") for e in Erkenning),
        Term("spoed", "Spoedhulp", "Hulp bij direct gevaar; staat op elke pagina en flyer."),
        Term("anoniem", "Anoniem", "Je kunt anoniem bellen of chatten."),
        Term("op-flyer", "Op de MamaWegwijzer", "Staat onder 'Bel of chat' op de flyer."),
        Term("sinds", "Sinds", "Sinds wanneer de hulp wordt aangeboden (in 'value')."),
        Term("bijzonderheden", "Bijzonderheden", "Wat professionals moeten weten (in 'value')."),
        Term("bron", "Bron", "Waar de gegevens vandaan komen (in 'value')."),
        Term("onzeker", "Nog niet zeker",
             "Een gegeven is nog niet nagekeken, of de hulp is nog nooit gecontroleerd; de reden "
             "staat in 'value'. Op de site is het nummer dan geen belknop (behalve bij spoedhulp) "
             "en op de flyer staat het niet."),
    ]
    return {term.code: term for term in terms}


TERMS = _terms()
TAXONOMY = {
    "id": uid("taxonomy", "wegwijzer"),
    "name": TAXONOMY_NAME,
    "description": "Fasen, thema's, erkenning en kenmerken van hulp in de Kansrijke Start "
    "Wegwijzer.",
    "version": "1",
}


def taxonomy_terms() -> list[dict[str, Any]]:
    return [
        {
            "id": term.id, "code": term.code, "name": term.name, "description": term.description,
            "taxonomy": TAXONOMY_NAME, "language": "nl", "taxonomy_id": TAXONOMY["id"],
        }
        for term in TERMS.values()
    ]


# --- grouping the merged data into HSDS records -------------------------------------------


@dataclass
class Versie:
    """One version of an entry and the gemeenten where it is shown."""

    key: str
    kind: str
    item: Any
    gemeenten: list[GemeenteData] = field(default_factory=list)


def _owner(entry: Vermelding[Any], data: GemeenteData) -> str:
    """'' for an entry as written in one file; else the layer whose changes make this version."""
    if len(entry.lagen) == 1:
        return ""
    if "gemeente" in entry.lagen:
        return f"gemeente:{data.slug}"
    return f"regio:{data.regio_slug}"


def _versions(gemeenten: Iterable[GemeenteData], kinds: Iterable[str]) -> dict[str, Versie]:
    found: dict[str, Versie] = {}
    for data in gemeenten:
        for kind in kinds:
            for entry in data.entries(kind):
                key = "/".join(filter(None, (kind, entry.item.id, _owner(entry, data))))
                version = found.get(key)
                if version is not None and version.item != entry.item:  # cannot happen; be safe
                    key = f"{key}/gemeente:{data.slug}"
                    version = found.get(key)
                if version is None:
                    version = found[key] = Versie(key, kind, entry.item)
                version.gemeenten.append(data)
    return found


def _key_in(data: GemeenteData, kind: str, id: str) -> str | None:
    entry = next((e for e in data.entries(kind) if e.item.id == id), None)
    if entry is None:
        return None
    return "/".join(filter(None, (kind, id, _owner(entry, data))))


# --- records ------------------------------------------------------------------------------


def _phone(owner_field: str, owner_id: str, key: str, number: Telefoon, kind: str,
           description: str) -> dict[str, Any]:
    return {
        "id": uid("phone", key),
        owner_field: owner_id,
        "number": number.e164 or number.tel,
        "type": kind,
        "description": description,
    }


def _phones(item: Entry, owner_field: str, owner_id: str, key: str) -> list[dict[str, Any]]:
    phones = []
    if item.telefoon:
        phones.append(_phone(owner_field, owner_id, f"{key}/telefoon", item.telefoon, "voice",
                             f"Telefoon ({item.telefoon.weergave})"))
    for position, extra in enumerate(item.extra_telefoon or ()):
        phones.append(_phone(owner_field, owner_id, f"{key}/extra_telefoon/{position}", extra.nummer,
                             "voice", f"{extra.label} ({extra.nummer.weergave})"))
    whatsapp = getattr(item, "whatsapp", None)
    if whatsapp:
        phones.append(_phone(owner_field, owner_id, f"{key}/whatsapp", whatsapp, "text",
                             f"WhatsApp ({whatsapp.weergave})"))
    return phones


def _attribute(link_id: str, link_entity: str, key: str, code: str, value: str | None = None) -> dict:
    term = TERMS[code]
    record = {
        "id": uid("attribute", key, code),
        "link_id": link_id,
        "taxonomy_term_id": term.id,
        "link_type": code.split(":")[0],
        "link_entity": link_entity,
    }
    if value is not None:
        record["value"] = value
    return record


def _source_attributes(item: Entry, link_id: str, entity: str, key: str) -> list[dict]:
    result = [_attribute(link_id, entity, key, "bron", item.bron)] if item.bron else []
    if publicatie.onzeker(item):  # the rule the site and flyer follow; never checked counts
        reden = item.onzeker or "nog nooit gecontroleerd"
        result.append(_attribute(link_id, entity, key, "onzeker", reden))
    return result


def _organization(key: str, item: Organisatie) -> dict[str, Any]:
    org_id = uid("organization", key)
    record: dict[str, Any] = {
        "id": org_id,
        "name": item.naam,
        "description": item.omschrijving or f"{item.naam}. (De Wegwijzer heeft geen omschrijving.)",
    }
    if item.afkorting:
        record["alternate_name"] = item.afkorting
    if item.email:
        record["email"] = item.email
    if item.website:
        record["website"] = item.website.url
    record["phones"] = _phones(item, "organization_id", org_id, f"organization/{key}")
    record["contacts"] = []
    record["locations"] = []
    if item.adres:
        record["locations"].append({
            "id": uid("location", key),
            "location_type": "physical",
            "organization_id": org_id,
            "name": item.naam,
            "description": f"Bezoekadres: {item.adres}",
        })
    record["attributes"] = _source_attributes(item, org_id, "organization", f"organization/{key}")
    return record


def _synthetic_organization(key: str, item: Entry) -> dict[str, Any]:
    org_id = uid("organization", "aanbieder-van", key)
    record: dict[str, Any] = {
        "id": org_id,
        "name": item.naam,
        "description": f"Aanbieder van '{item.naam}'. De Wegwijzer noemt geen aparte organisatie; "
        "deze organisatie is afgeleid van de vermelding zelf.",
        "phones": [], "contacts": [], "locations": [], "attributes": [],
    }
    if item.website:
        record["website"] = item.website.url
    return record


def _service(version: Versie, organization_id: str) -> dict[str, Any]:
    item: Dienst = version.item
    key = version.key
    service_id = uid("service", key)
    record: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization_id,
        "name": item.naam,
        "description": item.omschrijving,
        "status": "active",
    }
    optional = {
        "alternate_name": getattr(item, "afkorting", None),
        "url": item.website.url if item.website else None,
        "email": item.email,
        "application_process": getattr(item, "aanmelden", None),
        "fees_description": item.kosten,
        "eligibility_description": item.doelgroep,
        "assured_date": item.gecontroleerd.isoformat() if item.gecontroleerd else None,
    }
    record.update({name: value for name, value in optional.items() if value})
    record["phones"] = _phones(item, "service_id", service_id, f"service/{key}")
    record["schedules"] = []
    hours = item.bereikbaar or ("24 uur per dag, 7 dagen per week" if item.dag_en_nacht else None)
    if hours:
        record["schedules"].append({"id": uid("schedule", key), "service_id": service_id,
                                    "description": hours})
    record["service_areas"] = [
        {
            "id": uid("service_area", key, data.slug),
            "service_id": service_id,
            "name": data.info.naam,
            "description": f"Gemeente {data.info.naam} (regio {data.regio.naam})",
            **({"extent": data.info.cbs_code, "extent_type": "cbs-gemeentecode"}
               if data.info.cbs_code else {}),
        }
        for data in sorted(version.gemeenten, key=lambda d: d.slug)
    ]
    record["languages"] = [
        {"id": uid("language", key, code), "service_id": service_id, "name": taal_naam(code),
         "code": code}
        for code in item.talen or ()
    ]
    record["cost_options"] = []
    if item.kosten:
        option: dict[str, Any] = {"id": uid("cost_option", key), "service_id": service_id,
                                  "option": item.kosten, "amount_description": item.kosten}
        if item.gratis:
            option.update({"amount": 0, "currency": "EUR"})
        record["cost_options"].append(option)
    record["service_at_locations"] = []
    if item.chat:
        location_id = uid("location", key, "chat")
        record["service_at_locations"].append({
            "id": uid("service_at_location", key, "chat"),
            "service_id": service_id,
            "location_id": location_id,
            "description": "Chat",
            "location": {"id": location_id, "location_type": "virtual", "url": item.chat.url,
                         "name": f"Chat: {item.naam}"},
        })
    codes = [f"fase:{fase.value}" for fase in item.fasen or ()]
    codes += [f"thema:{thema.value}" for thema in item.themas or ()]
    erkenning = getattr(item, "erkenning", None)
    if erkenning:
        codes.append(f"erkenning:{erkenning.value}")
    codes += [code for code, flag in (("spoed", item.spoed), ("anoniem", item.anoniem),
                                      ("op-flyer", getattr(item, "op_flyer", None))) if flag]
    record["attributes"] = [_attribute(service_id, "service", f"service/{key}", code) for code in codes]
    for code in ("sinds", "bijzonderheden"):
        value = getattr(item, code, None)
        if value:
            record["attributes"].append(_attribute(service_id, "service", f"service/{key}", code, value))
    record["attributes"] += _source_attributes(item, service_id, "service", f"service/{key}")
    return record


def _contact(key: str, item: Contact, organization_id: str) -> dict[str, Any]:
    contact_id = uid("contact", key)
    record: dict[str, Any] = {
        "id": contact_id,
        "organization_id": organization_id,
        "name": item.naam,
        "title": item.soort.value,
    }
    if item.email:
        record["email"] = item.email
    record["phones"] = _phones(item, "contact_id", contact_id, f"contact/{key}")
    return record


def build(gemeenten: dict[str, GemeenteData]) -> dict[str, Any]:
    """The HSDS 3.0 document: organizations (with contacts and locations), services (with
    phones, areas, languages, costs, schedules and attributes) and the taxonomy."""
    ordered = [gemeenten[slug] for slug in sorted(gemeenten)]
    organizations: dict[str, dict[str, Any]] = {}
    for key, version in sorted(_versions(ordered, ["organisaties"]).items()):
        organizations[key] = _organization(key, version.item)

    def provider(version: Versie, name: str) -> str:
        ref = getattr(version.item, name, None)
        for data in version.gemeenten:
            if ref:
                org_key = _key_in(data, "organisaties", ref)
                if org_key in organizations:
                    return org_key
        synthetic = f"aanbieder-van/{version.key}"
        organizations.setdefault(synthetic, _synthetic_organization(version.key, version.item))
        return synthetic

    services = []
    for key, version in sorted(_versions(ordered, ["hulplijnen", "interventies"]).items()):
        services.append(_service(version, organizations[provider(version, "aanbieder")]["id"]))
    for key, version in sorted(_versions(ordered, ["contacten"]).items()):
        org = organizations[provider(version, "organisatie")]
        org["contacts"].append(_contact(key, version.item, org["id"]))
    return {
        "version": "3.0",
        "generator": f"wegwijzer {__version__}",
        "organizations": sorted(organizations.values(), key=lambda o: (o["name"], o["id"])),
        "services": services,
        "taxonomies": [TAXONOMY],
        "taxonomy_terms": taxonomy_terms(),
    }


# --- the tabular form ---------------------------------------------------------------------

# Columns of the HSDS 3.0 tables this export writes, in the order of the HSDS data package
# (a test compares them with the official datapackage.json shipped in hsds_schema/).
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "organization": ("organizations.csv", [
        ("id", "string"), ("name", "string"), ("alternate_name", "string"),
        ("description", "string"), ("email", "string"), ("website", "string"),
        ("tax_status", "string"), ("tax_id", "string"), ("year_incorporated", "number"),
        ("legal_status", "string"), ("logo", "string"), ("uri", "string"),
        ("parent_organization_id", "string")]),
    "service": ("services.csv", [
        ("id", "string"), ("organization_id", "string"), ("program_id", "string"),
        ("name", "string"), ("alternate_name", "string"), ("description", "string"),
        ("url", "string"), ("email", "string"), ("status", "string"),
        ("interpretation_services", "string"), ("application_process", "string"),
        ("fees_description", "string"), ("wait_time", "string"), ("fees", "string"),
        ("accreditations", "string"), ("eligibility_description", "string"),
        ("minimum_age", "number"), ("maximum_age", "number"), ("assured_date", "date"),
        ("assurer_email", "string"), ("licenses", "string"), ("alert", "string"),
        ("last_modified", "datetime")]),
    "attribute": ("attributes.csv", [
        ("id", "string"), ("link_id", "string"), ("taxonomy_term_id", "string"),
        ("link_type", "string"), ("link_entity", "string"), ("value", "string")]),
    "service_at_location": ("service_at_location.csv", [
        ("id", "string"), ("service_id", "string"), ("location_id", "string"),
        ("description", "string")]),
    "location": ("locations.csv", [
        ("id", "string"), ("location_type", "string"), ("url", "string"),
        ("organization_id", "string"), ("name", "string"), ("alternate_name", "string"),
        ("description", "string"), ("transportation", "string"), ("latitude", "number"),
        ("longitude", "number"), ("external_identifier", "string"),
        ("external_identifier_type", "string")]),
    "phone": ("phones.csv", [
        ("id", "string"), ("location_id", "string"), ("service_id", "string"),
        ("organization_id", "string"), ("contact_id", "string"),
        ("service_at_location_id", "string"), ("number", "string"), ("extension", "number"),
        ("type", "string"), ("description", "string")]),
    "contact": ("contacts.csv", [
        ("id", "string"), ("organization_id", "string"), ("service_id", "string"),
        ("service_at_location_id", "string"), ("location_id", "string"), ("name", "string"),
        ("title", "string"), ("department", "string"), ("email", "string")]),
    "schedule": ("schedules.csv", [
        ("id", "string"), ("service_id", "string"), ("location_id", "string"),
        ("service_at_location_id", "string"), ("valid_from", "date"), ("valid_to", "date"),
        ("dtstart", "date"), ("timezone", "number"), ("until", "date"), ("count", "number"),
        ("wkst", "string"), ("freq", "string"), ("interval", "number"), ("byday", "string"),
        ("byweekno", "string"), ("bymonthday", "string"), ("byyearday", "string"),
        ("description", "string"), ("opens_at", "time"), ("closes_at", "time"),
        ("schedule_link", "string"), ("attending_type", "string"), ("notes", "string")]),
    "service_area": ("service_areas.csv", [
        ("id", "string"), ("service_id", "string"), ("name", "string"),
        ("description", "string"), ("extent", "string"), ("extent_type", "string"),
        ("uri", "string")]),
    "language": ("languages.csv", [
        ("id", "string"), ("service_id", "string"), ("location_id", "string"),
        ("phone_id", "string"), ("name", "string"), ("code", "string"), ("note", "string")]),
    "taxonomy_term": ("taxonomy_terms.csv", [
        ("id", "string"), ("code", "string"), ("name", "string"), ("description", "string"),
        ("parent_id", "string"), ("taxonomy", "string"), ("language", "string"),
        ("taxonomy_id", "string"), ("term_uri", "string")]),
    "cost_option": ("cost_options.csv", [
        ("id", "string"), ("service_id", "string"), ("valid_from", "date"),
        ("valid_to", "date"), ("option", "string"), ("currency", "string"),
        ("amount", "number"), ("amount_description", "string")]),
    "taxonomy": ("taxonomies.csv", [
        ("id", "string"), ("name", "string"), ("description", "string"), ("uri", "string"),
        ("version", "string")]),
}

_REFERENCES = {
    "organization_id": "organization", "service_id": "service", "location_id": "location",
    "contact_id": "contact", "service_at_location_id": "service_at_location",
    "phone_id": "phone", "taxonomy_term_id": "taxonomy_term", "taxonomy_id": "taxonomy",
}
_NESTED = ("phones", "contacts", "locations", "schedules", "service_areas", "languages",
           "cost_options", "service_at_locations", "attributes", "location")


def tables(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The document flattened into HSDS tables (rows without nested lists)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def add(table: str, record: dict[str, Any]) -> None:
        rows[table].append({k: v for k, v in record.items() if k not in _NESTED})

    for org in document["organizations"]:
        add("organization", org)
        for phone in org["phones"]:
            add("phone", phone)
        for contact in org["contacts"]:
            add("contact", contact)
            for phone in contact["phones"]:
                add("phone", phone)
        for location in org["locations"]:
            add("location", location)
        for attribute in org["attributes"]:
            add("attribute", attribute)
    for service in document["services"]:
        add("service", service)
        for table, name in (("phone", "phones"), ("schedule", "schedules"),
                            ("service_area", "service_areas"), ("language", "languages"),
                            ("cost_option", "cost_options"), ("attribute", "attributes")):
            for record in service[name]:
                add(table, record)
        for at in service["service_at_locations"]:
            add("service_at_location", at)
            add("location", at["location"])
    for taxonomy in document["taxonomies"]:
        add("taxonomy", taxonomy)
    for term in document["taxonomy_terms"]:
        add("taxonomy_term", term)
    return rows


def datapackage(document: dict[str, Any]) -> dict[str, Any]:
    resources = []
    for name, (path, columns) in TABLES.items():
        fields = [{"name": column, "type": kind, **({"format": "uuid"} if column == "id" or
                   column.endswith("_id") else {})} for column, kind in columns]
        foreign = [
            {"fields": column, "reference": {"resource": _REFERENCES[column], "fields": "id"}}
            for column, _kind in columns if column in _REFERENCES and _REFERENCES[column] != name
        ]
        resources.append({
            "name": name, "path": path, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": fields, "primaryKey": "id", "foreignKeys": foreign},
        })
    return {
        "name": "kansrijke-start-wegwijzer",
        "title": "Kansrijke Start Wegwijzer (HSDS 3.0)",
        "profile": "tabular-data-package",
        "version": document["version"],
        "description": "Hulp voor aanstaande en jonge ouders per gemeente, in Open Referral HSDS 3.0.",
        "resources": resources,
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write(gemeenten: dict[str, GemeenteData], out: Path) -> list[Path]:
    """hsds.json, datapackage.json and one CSV per table in the folder `out`. An export that
    is not valid HSDS 3.0 (checked against the schemas shipped in the package) is refused with
    its first problems named, and nothing is written."""
    from wegwijzer.export import hsds_check

    document = build(gemeenten)
    found = hsds_check.problems(document)
    if found:
        code = "hsds-ongeldig"
        raise WegwijzerFout(
            "de export is geen geldige HSDS 3.0; er is niets geschreven. Eerste problemen:\n  "
            + "\n  ".join(found) + "\n(dit is een fout in het programma: meld het aan de "
            f"beheerders) [{code}]"
        )
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "hsds.json"]
    written[0].write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    package = out / "datapackage.json"
    package.write_text(json.dumps(datapackage(document), ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
    written.append(package)
    for name, records in tables(document).items():
        path, columns = TABLES[name]
        target = out / path
        with open(target, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([column for column, _kind in columns])
            for record in records:
                writer.writerow([_cell(record.get(column)) for column, _kind in columns])
        written.append(target)
    return written
