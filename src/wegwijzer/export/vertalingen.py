"""`wegwijzer vertalingen export|import`: the texts to translate, for translators, and back.

Export: every text of one language that a flyer or parent page shows (the flyer's
``vaste_teksten``, the ``site_teksten``, and per entry the texts from ``nl.yml`` and the
merged data), with its Dutch source and the current translation, as

- **XLIFF 1.2** (``.xlf``/``.xliff``): the version every translation tool reads (OmegaT,
  Trados, memoQ, Poedit, Weblate, Virtaal; translate-toolkit and Virtaal do not read 2.0 and
  Weblate's 2.0 support is marked "in development"). One ``<trans-unit>`` per text, with a
  stable id (``vast/titel``, ``site/bel``, ``vermelding/<id>/<veld>``,
  ``vermelding/<id>/extra_telefoon/<digits>``). The state of each ``<target>``:
  ``translated`` (written by a person), ``final`` (the file says who reviewed it:
  ``nagekeken``), ``needs-review-translation`` with ``state-qualifier="mt-suggestion"`` (a
  machine translation, to review). A text whose Dutch changed since it was translated gets no
  ``<target>``: the old translation is in ``<alt-trans>`` and a note, so an unchanged unit can
  never come back as a translation of the new Dutch text;
- **CSV** (``.csv``): one row per text (id, nederlands, vertaling, status, uitleg,
  eerdere_vertaling) for a spreadsheet; UTF-8 with a byte order mark so Excel shows every
  script.

Import: a translated XLIFF (1.2, or 2.0 as other tools write it) or CSV into a **new**
translation YAML file in the format of ``content/vertalingen/<taal>.yml``, each text with
``nl:`` = the Dutch source it was translated from. The editor compares it with the current
file by hand. XML is read with defusedxml: a DOCTYPE (and so every entity declaration,
internal or external) is refused before anything is expanded.

The export only reads what the read side hands over (`validate`'s result): the translations
in ``project.vertalingen`` and the merged ``gemeenten``.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wegwijzer.diagnostics import GebruiksFout, Meldingen, Plek, WegwijzerFout
from wegwijzer.files import toon, usual_mode
from wegwijzer.read.values import taal_naam
from wegwijzer.read.vertalingen import (
    SITE_TEKSTEN,
    VASTE_TEKSTEN,
    VERMELDING_VELDEN,
    Tekst,
    Vertaling,
    digits,
    invulplekken,
    same,
    standaard_site_teksten,
    zoek,
)
from wegwijzer.rules.publicatie import flyer_vermeldingen
from wegwijzer.rules.vertalingen import nodige_teksten, pagina_teksten

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"

#: Status of a text, as the CSV shows it and `--alleen-ontbrekend` filters it.
STATUSSEN = ("ontbreekt", "verouderd", "machine", "vertaald", "nagekeken")
ONTBREKEND = ("ontbreekt", "verouderd")

#: The XLIFF 1.2 target state per status (a missing or outdated text has no target).
_STATE = {"machine": "needs-review-translation", "vertaald": "translated", "nagekeken": "final"}

#: The order of the fields of an entry in the export.
_VELD_VOLGORDE = ("naam", "kort", "omschrijving", "doelgroep", "kosten", "bereikbaar")

#: Translated files above this size are refused (a real one is some tens of kilobytes).
MAX_BYTES = 5_000_000

CSV_KOLOMMEN = ("id", "nederlands", "vertaling", "status", "uitleg", "eerdere_vertaling")


@dataclass(frozen=True)
class Eenheid:
    """One text to translate."""

    id: str  # "vast/titel", "site/bel", "vermelding/<id>/<veld>"
    nl: str  # the Dutch text as it is now
    uitleg: str  # what the text is for, for the translator
    status: str  # one of STATUSSEN
    vertaling: str | None = None  # the current translation (also when outdated)
    oud_nl: str | None = None  # outdated: the Dutch text it was made from
    verplicht: bool = True  # a name may stay as it is


# --- export ---------------------------------------------------------------------------------


def _status(tekst: Tekst | None, nl: str, vertaling: Vertaling | None) -> str:
    if tekst is None:
        return "ontbreekt"
    if tekst.nl is not None and not same(tekst.nl, nl):
        return "verouderd"
    reviewed = vertaling is not None and vertaling.nagekeken_op is not None
    if tekst.machine and not reviewed:
        return "machine"
    return "nagekeken" if reviewed else "vertaald"


def _eenheid(id: str, nl: str, uitleg: str, tekst: Tekst | None, vertaling: Vertaling | None,
             verplicht: bool = True) -> Eenheid:
    nl = " ".join(nl.split())
    status = _status(tekst, nl, vertaling)
    return Eenheid(
        id, nl, uitleg, status,
        vertaling=tekst.tekst if tekst is not None else None,
        oud_nl=tekst.nl if status == "verouderd" and tekst is not None else None,
        verplicht=verplicht,
    )


def kies_gemeenten(gemeenten: Mapping[str, Any], taal: str, alleen: Iterable[str] = ()) -> list[str]:
    """The gemeenten whose texts are exported: those asked for, else those with `taal` in
    their ``flyer_talen``, else (a language no gemeente has yet) all."""
    alleen = list(alleen)
    if alleen:
        from wegwijzer.read.values import suggestion

        for slug in alleen:
            if slug not in gemeenten:
                raise GebruiksFout(f"gemeente '{slug}' bestaat niet{suggestion(slug, sorted(gemeenten))}")
        return sorted(set(alleen))
    met_taal = [s for s, d in sorted(gemeenten.items()) if taal in (d.info.flyer_talen or ())]
    return met_taal or sorted(gemeenten)


def eenheden(
    vertalingen: Mapping[str, Vertaling], gemeenten: Mapping[str, Any], taal: str,
    slugs: Iterable[str], *, alleen_ontbrekend: bool = False,
) -> list[Eenheid]:
    """Every text of `taal` that the flyers and parent pages of the gemeenten `slugs` show."""
    nl = vertalingen.get("nl")
    if nl is None:
        raise GebruiksFout(
            "content/vertalingen/nl.yml ontbreekt; daarin staan de Nederlandse teksten die "
            "vertaald worden"
        )
    vertaling = vertalingen.get(taal)
    result: list[Eenheid] = []
    for key, uitleg in VASTE_TEKSTEN.items():
        bron = nl.vast.get(key)
        if bron is not None:
            tekst = vertaling.vast.get(key) if vertaling else None
            result.append(_eenheid(f"vast/{key}", bron.tekst, f"flyer: {uitleg}", tekst, vertaling))
    standaard = standaard_site_teksten()
    for key, uitleg in SITE_TEKSTEN.items():
        bron = nl.site.get(key) or standaard[key]
        tekst = vertaling.site.get(key) if vertaling else None
        result.append(_eenheid(f"site/{key}", bron.tekst, f"website: {uitleg}", tekst, vertaling))

    # per entry: (entry id, field) -> (Dutch, explanation, required); the first gemeente wins
    per_id: dict[str, dict[str, tuple[str, str, bool]]] = {}
    for slug in slugs:
        data = gemeenten[slug]
        flyer = [v.item for v in flyer_vermeldingen(data).alle]
        for nodig in nodige_teksten(flyer, nl):
            entry_id, veld = nodig.sleutel
            if entry_id == "vast":
                continue
            uitleg = f"flyer: {nodig.omschrijving}"
            if not nodig.verplicht:
                uitleg += " (een naam mag blijven zoals hij is)"
            per_id.setdefault(entry_id, {}).setdefault(veld, (nodig.nl, uitleg, nodig.verplicht))
        for entry, veld, tekst_nl in pagina_teksten(data):
            item = entry.item
            per_id.setdefault(item.id, {}).setdefault(
                veld, (tekst_nl, f"website: {item.label} '{item.id}': '{veld}'", True)
            )
    for entry_id in sorted(per_id):
        velden = per_id[entry_id]
        for veld in sorted(velden, key=_veld_volgorde):
            tekst_nl, uitleg, verplicht = velden[veld]
            unit_id = f"vermelding/{entry_id}/" + veld.replace("extra_telefoon:", "extra_telefoon/")
            tekst = zoek(vertaling, (entry_id, veld))
            result.append(_eenheid(unit_id, tekst_nl, uitleg, tekst, vertaling, verplicht))
    if alleen_ontbrekend:
        result = [
            e for e in result
            if e.status == "verouderd" or (e.status == "ontbreekt" and e.verplicht)
        ]
    return result


def _veld_volgorde(veld: str) -> tuple[int, str]:
    naam = veld.split(":", 1)[0]
    return (_VELD_VOLGORDE.index(naam) if naam in _VELD_VOLGORDE else len(_VELD_VOLGORDE), veld)


def _notitie(eenheid: Eenheid) -> list[str]:
    notes = [eenheid.uitleg]
    plekken = sorted(invulplekken(eenheid.nl))
    if plekken:
        notes.append(
            "Laat " + " en ".join(f"{{{p}}}" for p in plekken) + " staan zoals het is: daar komt "
            "bijvoorbeeld de naam van de gemeente of het adres van de pagina."
        )
    if eenheid.status == "verouderd":
        notes.append(
            f"De Nederlandse tekst is veranderd. De eerdere vertaling '{eenheid.vertaling}' was "
            f"gemaakt van '{eenheid.oud_nl}'. Vertaal de nieuwe tekst."
        )
    elif eenheid.status == "machine":
        notes.append("Machinevertaling: kijk haar na en verbeter haar waar nodig.")
    return notes


def xliff(eenheden_: Iterable[Eenheid], taal: str) -> str:
    """The texts as an XLIFF 1.2 document."""
    ET.register_namespace("", XLIFF_12)

    def q(name: str) -> str:
        return f"{{{XLIFF_12}}}{name}"

    root = ET.Element(q("xliff"), {"version": "1.2"})
    file = ET.SubElement(root, q("file"), {
        "original": f"content/vertalingen/{taal}.yml",
        "source-language": "nl",
        "target-language": taal,
        "datatype": "plaintext",
        "tool-id": "wegwijzer",
    })
    header = ET.SubElement(file, q("header"))
    ET.SubElement(header, q("tool"), {"tool-id": "wegwijzer", "tool-name": "wegwijzer vertalingen export"})
    ET.SubElement(header, q("note")).text = (
        f"Teksten van de Wegwijzer om te vertalen in het {taal_naam(taal)} ({taal}). Vertaal "
        "alleen de tekst; telefoonnummers en webadressen zet de Wegwijzer er zelf bij."
    )
    body = ET.SubElement(file, q("body"))
    groups: dict[str, ET.Element] = {}
    for e in eenheden_:
        group_id = e.id.split("/", 1)[0] if not e.id.startswith("vermelding/") else "/".join(e.id.split("/")[:2])
        group = groups.get(group_id)
        if group is None:
            group = groups[group_id] = ET.SubElement(body, q("group"), {"id": group_id})
        unit = ET.SubElement(group, q("trans-unit"), {"id": e.id, "resname": e.id})
        ET.SubElement(unit, q("source")).text = e.nl
        if e.vertaling is not None and e.status in _STATE:
            attrs = {"state": _STATE[e.status]}
            if e.status == "machine":
                attrs["state-qualifier"] = "mt-suggestion"
            ET.SubElement(unit, q("target"), attrs).text = e.vertaling
        for text in _notitie(e):
            ET.SubElement(unit, q("note"), {"from": "wegwijzer"}).text = text
        if e.status == "verouderd":
            alt = ET.SubElement(unit, q("alt-trans"), {"origin": "eerdere vertaling"})
            ET.SubElement(alt, q("source")).text = e.oud_nl or ""
            ET.SubElement(alt, q("target")).text = e.vertaling or ""
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def csv_tekst(eenheden_: Iterable[Eenheid]) -> str:
    """The texts as CSV, one row per text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_KOLOMMEN)
    for e in eenheden_:
        huidig = e.vertaling if e.status not in ONTBREKEND else ""
        eerder = e.vertaling if e.status == "verouderd" else ""
        writer.writerow((e.id, e.nl, huidig or "", e.status, " ".join(_notitie(e)), eerder or ""))
    return buffer.getvalue()


def export_tekst(eenheden_: list[Eenheid], taal: str, out: Path) -> bytes:
    """The export file's bytes; CSV when `out` ends in .csv, else XLIFF."""
    if out.suffix.lower() == ".csv":
        return csv_tekst(eenheden_).encode("utf-8-sig")
    return xliff(eenheden_, taal).encode("utf-8")


def schrijf_nieuw(path: Path, data: bytes) -> None:
    """Write a new file, whole or not at all, and never over an existing one (also not over
    one that appeared since the command checked): a temporary file beside it, linked into
    place (a link fails when the name exists), or created exclusively where links are not
    possible."""
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-vertalingen-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, usual_mode())
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise
            except OSError:  # a file system without links
                with open(path, "xb") as handle:
                    handle.write(data)
        finally:
            os.unlink(tmp)
    except FileExistsError:
        raise GebruiksFout(
            f"--out '{toon(path)}' bestaat al; dat bestand wordt niet overschreven. Kies een "
            "nieuwe bestandsnaam"
        ) from None
    except OSError as exc:
        raise WegwijzerFout(f"kan niet schrijven naar '{toon(path)}' ({exc.strerror})") from None


# --- import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vertaald:
    """One translated text read back."""

    id: str
    nl: str
    tekst: str
    machine: bool
    plek: Plek


@dataclass
class Ingelezen:
    taal: str | None
    teksten: list[Vertaald]
    leeg: int  # units without a translation


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that remembers the line and column where each element starts."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.plekken: dict[int, tuple[int, int]] = {}
        self._keep: list[Any] = []

    def start(self, tag: Any, attrs: Any) -> Any:  # type: ignore[override]
        element = super().start(tag, attrs)
        if self.expat is not None:
            self.plekken[id(element)] = (self.expat.CurrentLineNumber, self.expat.CurrentColumnNumber + 1)
            self._keep.append(element)
        return element


def _lees_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise GebruiksFout(
                f"'{toon(path)}' is te groot ({size // 1_000_000} MB) voor een vertaalbestand"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise GebruiksFout(f"bestand '{toon(path)}' bestaat niet") from None
    except IsADirectoryError:
        raise GebruiksFout(f"'{toon(path)}' is een map; geef het vertaalde bestand") from None
    except OSError as exc:
        raise GebruiksFout(f"kan '{toon(path)}' niet lezen ({exc.strerror})") from None


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _tekst_van(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def lees_xliff(path: Path, meldingen: Meldingen) -> Ingelezen | None:
    """A translated XLIFF file (1.2 or 2.0): its language and texts, or None on an error."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    data = _lees_bytes(path)
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    expat = parser.parser
    builder.expat = expat
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        reden = str(exc).split(":", 1)[0]
        meldingen.fout(
            Plek(path, line, column + 1),
            f"het bestand is geen geldig XML ({_xml_reden(reden)}); open het in je vertaalprogramma "
            "en sla het opnieuw op als XLIFF, of vraag de vertaler om een nieuw bestand",
            code="vertaalbestand-xml-fout",
        )
        return None
    except DefusedXmlException:
        meldingen.fout(
            Plek(path, expat.CurrentLineNumber, expat.CurrentColumnNumber + 1),
            "het bestand bevat een DOCTYPE of entiteiten (<!DOCTYPE ...> of <!ENTITY ...>); "
            "die worden om veiligheidsredenen niet gelezen. Een vertaalprogramma schrijft ze "
            "niet: haal dat deel weg of vraag de vertaler om een nieuw bestand",
            code="vertaalbestand-onveilig",
        )
        return None

    def plek(element: ET.Element) -> Plek:
        line, column = builder.plekken.get(id(element), (0, 0))
        return Plek(path, line, column)

    if _local(root.tag) != "xliff":
        meldingen.fout(
            plek(root),
            f"dit is geen XLIFF-bestand (het begint met <{_local(root.tag)}> in plaats van "
            "<xliff>)",
            code="vertaalbestand-vorm",
        )
        return None
    versie = (root.get("version") or "").strip()
    twee = versie.startswith("2") or root.tag.startswith(f"{{{XLIFF_20}")
    teksten: list[Vertaald] = []
    leeg = 0
    if twee:
        taal = root.get("trgLang")
        units = [u for u in root.iter() if _local(u.tag) == "unit"]
    else:
        files = [f for f in root if _local(f.tag) == "file"]
        talen = {(f.get("target-language") or "").strip() for f in files} - {""}
        if len(talen) > 1:
            meldingen.fout(
                plek(root),
                "het bestand heeft teksten in meer dan één taal (" + ", ".join(sorted(talen))
                + "); lees één taal per keer in",
                code="vertaalbestand-taal",
            )
            return None
        taal = next(iter(talen), None)
        units = [u for u in root.iter() if _local(u.tag) == "trans-unit"]
    for unit in units:
        unit_id = (unit.get("id") or "").strip()
        if not unit_id:
            meldingen.fout(plek(unit), "tekst zonder id; dit bestand komt niet van "
                           "'wegwijzer vertalingen export'", code="vertaalbestand-vorm")
            continue
        if twee:
            segments = [s for s in unit if _local(s.tag) == "segment"]
            source = "".join(_tekst_van(_kind(s, "source")) for s in segments)
            targets = [_kind(s, "target") for s in segments]
            target = " ".join(_tekst_van(t) for t in targets if t is not None).strip()
            state = {(s.get("state") or "initial") for s in segments}
            machine = state == {"initial"}
            target_el = next((t for t in targets if t is not None), None)
        else:
            source = _tekst_van(_kind(unit, "source"))
            target_el = _kind(unit, "target")
            target = _tekst_van(target_el)
            state_ = (target_el.get("state") or "") if target_el is not None else ""
            qualifier = (target_el.get("state-qualifier") or "") if target_el is not None else ""
            machine = qualifier.startswith("mt-") and state_ not in ("translated", "final", "signed-off")
        if not target:
            leeg += 1
            continue
        teksten.append(Vertaald(unit_id, source, target, machine, plek(target_el if target_el is not None else unit)))
    return Ingelezen(taal.strip() if taal else None, teksten, leeg)


def _kind(element: ET.Element, naam: str) -> ET.Element | None:
    return next((c for c in element if _local(c.tag) == naam), None)


_XML_REDENEN = {
    "mismatched tag": "een sluittag past niet bij de openingstag",
    "not well-formed (invalid token)": "een teken dat hier niet mag, zoals < of & in een tekst",
    "unclosed token": "een tag of tekst is niet afgesloten",
    "no element found": "het bestand is leeg of houdt te vroeg op",
    "junk after document element": "er staat nog iets na het einde van het document",
    "undefined entity": "een onbekende code met &, zoals &nbsp;",
    "syntax error": "de opbouw klopt niet",
}


def _xml_reden(reden: str) -> str:
    return _XML_REDENEN.get(reden.strip(), reden.strip())


def lees_csv(path: Path, meldingen: Meldingen) -> Ingelezen | None:
    """A translated CSV file (columns id, nederlands, vertaling, status; also re-saved by a
    spreadsheet with ';' or tabs)."""
    data = _lees_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        meldingen.fout(
            Plek(path, line, 1),
            "het bestand is niet als UTF-8 opgeslagen; kies in je rekenprogramma 'Opslaan als' "
            "en dan 'CSV UTF-8'",
            code="vertaalbestand-vorm",
        )
        return None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        meldingen.fout(Plek(path), "het bestand is leeg", code="vertaalbestand-vorm")
        return None
    kolommen = [h.strip().lower() for h in header]
    ontbreekt = [k for k in ("id", "nederlands", "vertaling") if k not in kolommen]
    if ontbreekt:
        meldingen.fout(
            Plek(path, 1, 1),
            "kolom " + ", ".join(f"'{k}'" for k in ontbreekt) + " ontbreekt in de eerste regel; "
            "die heeft de kolommen " + ", ".join(CSV_KOLOMMEN),
            code="vertaalbestand-vorm",
        )
        return None
    index = {k: kolommen.index(k) for k in ("id", "nederlands", "vertaling", "status") if k in kolommen}
    teksten: list[Vertaald] = []
    leeg = 0
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num

            def cell(name: str) -> str:
                i = index.get(name)
                return " ".join(row[i].split()) if i is not None and i < len(row) else ""

            unit_id, tekst = cell("id"), cell("vertaling")
            if not unit_id:
                meldingen.fout(Plek(path, line, 1), "regel zonder id", code="vertaalbestand-vorm")
                continue
            if not tekst:
                leeg += 1
                continue
            kolom = index["vertaling"] + 1
            teksten.append(Vertaald(unit_id, cell("nederlands"), tekst, cell("status").lower() == "machine",
                                    Plek(path, line, kolom)))
    except csv.Error as exc:
        meldingen.fout(Plek(path, reader.line_num, 1), f"de CSV klopt niet ({exc})", code="vertaalbestand-vorm")
        return None
    return Ingelezen(None, teksten, leeg)


def _taal_uit_naam(path: Path) -> str | None:
    import re

    stem = path.stem.lower()
    m = re.match(r"([a-z]{2,3})(?:[-_.]|$)", stem)
    return m.group(1) if m else None


def importeer(path: Path, meldingen: Meldingen, taal: str | None = None) -> tuple[str, str, int, int] | None:
    """Read a translated file: (taal, the new YAML text, texts read, texts left empty), or
    None when it has errors (in `meldingen`)."""
    lezer = lees_csv if path.suffix.lower() == ".csv" else lees_xliff
    ingelezen = lezer(path, meldingen)
    if ingelezen is None or meldingen.has_errors:
        return None
    gevonden = (ingelezen.taal or "").lower() or None
    if taal and gevonden and taal != gevonden:
        meldingen.fout(
            Plek(path),
            f"het bestand is voor taal '{gevonden}', niet voor '{taal}'",
            code="vertaalbestand-taal",
        )
        return None
    taal = taal or gevonden or (_taal_uit_naam(path) if path.suffix.lower() == ".csv" else None)
    import re

    if not taal or not re.fullmatch(r"[a-z]{2,3}", taal) or taal == "nl":
        meldingen.fout(
            Plek(path),
            "onbekend in welke taal de vertaling is" if not taal or taal == "nl" else
            f"'{taal}' is geen taalcode zoals 'ar' of 'tr'",
            code="vertaalbestand-taal",
        )
        return None
    boom: dict[str, Any] = {"vaste_teksten": {}, "site_teksten": {}, "vermeldingen": {}}
    gezien: dict[str, Plek] = {}
    for v in ingelezen.teksten:
        plaats = _plaats(v, meldingen)
        if plaats is None:
            continue
        if v.id in gezien:
            eerder = gezien[v.id]
            meldingen.fout(
                v.plek,
                f"tekst '{v.id}' staat twee keer in het bestand (ook op regel {eerder.line})",
                code="vertaalbestand-dubbel",
            )
            continue
        gezien[v.id] = v.plek
        for naam in sorted(invulplekken(v.nl) - invulplekken(v.tekst)):
            meldingen.waarschuwing(
                v.plek,
                f"tekst '{v.id}': de invulplek {{{naam}}} uit het Nederlands staat niet in de "
                "vertaling; zet hem erin, anders ontbreekt bijvoorbeeld de naam van de gemeente",
                code="vertaalbestand-invulplek",
            )
        node = boom
        for step in plaats[:-1]:
            node = node.setdefault(step, {})
        waarde: dict[str, Any] = {"tekst": v.tekst, "nl": v.nl}
        if v.machine:
            waarde["machinevertaling"] = True
        node[plaats[-1]] = waarde
    if meldingen.has_errors:
        return None
    return taal, _yaml(taal, boom, path), len(gezien), ingelezen.leeg


def _plaats(v: Vertaald, meldingen: Meldingen) -> tuple[str, ...] | None:
    """Where a unit id goes in the translation file; None (and a message) for an unknown one."""
    parts = v.id.split("/")
    if len(parts) == 2 and parts[0] == "vast" and parts[1] in VASTE_TEKSTEN:
        return ("vaste_teksten", parts[1])
    if len(parts) == 2 and parts[0] == "site" and parts[1] in SITE_TEKSTEN:
        return ("site_teksten", parts[1])
    if len(parts) == 3 and parts[0] == "vermelding" and parts[1] and parts[2] in VERMELDING_VELDEN \
            and parts[2] != "extra_telefoon":
        return ("vermeldingen", parts[1], parts[2])
    if len(parts) == 4 and parts[0] == "vermelding" and parts[1] and parts[2] == "extra_telefoon" \
            and parts[3] and digits(parts[3]) == parts[3]:
        return ("vermeldingen", parts[1], "extra_telefoon", parts[3])
    meldingen.fout(
        v.plek,
        f"onbekende tekst '{v.id}'; de ids komen uit 'wegwijzer vertalingen export', zoals "
        "'vast/titel', 'site/bel' of 'vermelding/<id>/bereikbaar'. Verander ze niet",
        code="vertaalbestand-id-onbekend",
    )
    return None


def _yaml(taal: str, boom: dict[str, Any], bron: Path) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def convert(node: Any) -> Any:
        if isinstance(node, dict):
            result = CommentedMap()
            for key, value in node.items():
                result[key] = convert(value)
            return result
        if node is True:
            return "ja"
        return DoubleQuotedScalarString(node)

    data = CommentedMap()
    data["taal"] = taal
    data["machinevertaling"] = "nee"
    for key in ("vaste_teksten", "site_teksten", "vermeldingen"):
        if boom[key]:
            data[key] = convert(boom[key])
    for id, velden in data.get("vermeldingen", {}).items():
        if "extra_telefoon" in velden:  # number keys as text, always quoted
            labels = velden["extra_telefoon"]
            velden["extra_telefoon"] = CommentedMap(
                (DoubleQuotedScalarString(str(k)), v) for k, v in labels.items()
            )
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    kop = (
        f"# Vertaling in het {taal_naam(taal)} ({taal}), ingelezen uit {bron.name} met\n"
        "# 'wegwijzer vertalingen import'. Bij elke tekst staat onder 'nl:' de Nederlandse tekst\n"
        f"# die vertaald is. Vergelijk dit bestand met content/vertalingen/{taal}.yml en neem\n"
        "# over wat klopt; draai daarna 'wegwijzer validate'.\n\n"
    )
    return kop + buffer.getvalue()
