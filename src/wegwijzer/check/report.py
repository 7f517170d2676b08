"""Reports of a check: a terminal summary, and Markdown, HTML or JSON files.

All of them group the results per gemeente and per entry, and point at the ``path:line`` of the
YAML to change. The JSON report has everything, for scripts; Markdown suits an issue or a mail;
HTML is one self-contained page an editor can open.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from wegwijzer.check.berichten import STATUS_LABELS
from wegwijzer.check.freshness import Verouderd
from wegwijzer.check.runner import CheckResultaat, LinkBevinding
from wegwijzer.diagnostics import Ernst, GebruiksFout, Melding, Plek
from wegwijzer.files import write_text_atomic
from wegwijzer.read.models import today

FORMATEN = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
ERNST_LABEL = {ernst: str(ernst) for ernst in Ernst}


def _met_code(tekst: str, code: str) -> str:
    """A message with its code, as `Melding.format` writes it."""
    return f"{tekst} [{code}]" if code else tekst


def check_report_path(path: Path) -> str:
    formaat = FORMATEN.get(path.suffix.lower())
    if formaat is None:
        raise GebruiksFout(
            f"rapport '{path}': onbekend formaat '{path.suffix or '(geen)'}'; gebruik .md, .html "
            "of .json"
        )
    return formaat


def write_report(path: Path, result: CheckResultaat) -> None:
    formaat = check_report_path(path)
    if formaat == "markdown":
        text = markdown(result)
    elif formaat == "html":
        text = html_report(result)
    else:
        data = json_report(result)
        # indented for a person when small; compact (and much faster to write) when large
        indent = 2 if len(result.links) + len(result.meldingen) <= 500 else None
        text = json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    write_text_atomic(path, text, "rapport")


# --- shared pieces ------------------------------------------------------------------------


def _place(melding_or_plek: Any) -> str:
    plek = getattr(melding_or_plek, "plek", melding_or_plek)
    return _display(plek, str(Path.cwd()))


@functools.lru_cache(maxsize=65536)
def _display(plek: Plek, cwd: str) -> str:
    return plek.display(Path(cwd))


LINK_COLUMNS = ("adres", "uitkomst", "code", "pogingen", "duur", "uit cache")


def _all_link_rows(result: CheckResultaat) -> list[tuple[object, ...]]:
    """One row per web address, the same in the Markdown and the HTML report."""
    return [
        (u.url, STATUS_LABELS[u.status], u.code or "", u.pogingen, _seconds(u.duur),
         "ja" if u.uit_cache else "")
        for u in result.links.values()
    ]


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " s"


def _gemeente_naam(result: CheckResultaat, slug: str) -> str:
    data = result.validatie.gemeenten.get(slug)
    return data.info.naam if data else slug


def _summary_rows(result: CheckResultaat) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    fouten = len(result.meldingen.fouten)
    waarschuwingen = len(result.meldingen.waarschuwingen)
    rows.append(("Fouten", str(fouten)))
    rows.append(("Waarschuwingen", str(waarschuwingen)))
    if result.opties.online:
        telling = result.telling()
        rows.append(
            (
                "Webadressen gecontroleerd",
                f"{len(result.links)} ({result.uit_cache} uit de cache, "
                f"{result.verzoeken} verzoeken)",
            )
        )
        rows.append(("… werken", str(telling["ok"])))
        rows.append(("… kapot (fout)", str(telling[Ernst.FOUT])))
        rows.append(
            (
                "… waarschuwing (verhuisd, geweigerd, niet gecontroleerd)",
                str(telling[Ernst.WAARSCHUWING]),
            )
        )
        rows.append(("… tijdelijk doorverwezen (niets te doen)", str(telling[Ernst.OPMERKING])))
        if result.overgeslagen:
            rows.append(("Overgeslagen (--alleen/--behalve)", str(len(result.overgeslagen))))
    else:
        rows.append(("Webadressen", f"{len(result.urls)} (niet opgehaald; gebruik --online)"))
    if result.site is not None:
        s = result.site
        rows.append(("Pagina's van de site", str(s.paginas)))
        rows.append(("Interne links", str(s.interne_links)))
        rows.append(("tel-links / mailto-links", f"{s.tel_links} / {s.mail_links}"))
        rows.append(("Flyers vergeleken", f"{s.flyers} ({s.flyer_nummers} nummers)"))
        rows.append(("Meldingen over de site", str(len(result.site_meldingen()))))
    verouderd = sum(len(v) for v in result.versheid.values())
    rows.append(("Vermeldingen ouder dan 12 maanden of nooit gecontroleerd", str(verouderd)))
    rows.append(("Duur", _seconds(result.duur)))
    return rows


VERTALING_HEADER = ("Taal", "Status", "Teksten", "Ontbreekt", "Verouderd", "Machinevertaling")
_STATUS = {
    "compleet": "compleet",
    "machine": "machinevertaling, nog niet nagekeken",
    "verouderd": "verouderd: de Nederlandse tekst is veranderd",
    "ontbreekt": "teksten ontbreken (staan in het Nederlands)",
}


def _vertaling_status(result: CheckResultaat, slug: str) -> list[Any]:
    """The translation status of a gemeente's parent pages, per language of its flyer_talen:
    what to give a translator (`wegwijzer.rules.vertalingen.TaalStatus`)."""
    from wegwijzer.rules.vertalingen import taal_status

    data = result.validatie.gemeenten[slug]
    vertalingen = result.validatie.project.vertalingen
    talen = dict.fromkeys(str(t) for t in data.info.flyer_talen or () if str(t) != "nl")
    return [taal_status(data, vertalingen, taal) for taal in talen]


def _vertaling_rows(result: CheckResultaat, slug: str) -> list[tuple[str, ...]]:
    return [
        (st.taal, _STATUS[st.status], str(st.teksten), str(st.ontbreekt), str(st.verouderd), str(st.machine))
        for st in _vertaling_status(result, slug)
    ]


def _per_gemeente_counts(result: CheckResultaat) -> list[tuple[str, str, int, int, int]]:
    """(slug, naam, link errors, link warnings, outdated) per gemeente."""
    rows = []
    for slug in sorted(result.validatie.gemeenten):
        found = result.gemeente_bevindingen(slug)
        rows.append(
            (
                slug,
                _gemeente_naam(result, slug),
                sum(1 for b in found if b.ernst is Ernst.FOUT),
                sum(1 for b in found if b.ernst is Ernst.WAARSCHUWING),
                len(result.versheid.get(slug, [])),
            )
        )
    return rows


def _unshown(result: CheckResultaat) -> list[LinkBevinding]:
    return [b for b in result.bevindingen if not b.gebruik.gemeenten]


def _site_per_gemeente(result: CheckResultaat) -> dict[str, list[Melding]]:
    """Site messages by the gemeente folder of the page ('' for other pages)."""
    groups: dict[str, list[Melding]] = {}
    if result.opties.site is None:
        return groups
    site = result.opties.site.resolve()
    for melding in result.site_meldingen():
        rel = melding.plek.path.relative_to(site).parts  # site paths are absolute
        slug = rel[0] if len(rel) > 1 and rel[0] in result.validatie.gemeenten else ""
        groups.setdefault(slug, []).append(melding)
    return groups


# --- terminal -----------------------------------------------------------------------------


def terminal(
    result: CheckResultaat,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    alleen_fouten: bool = False,
    versheid: bool = False,
) -> None:
    out = out or sys.stdout
    err = err or sys.stderr
    for melding in result.meldingen:
        if alleen_fouten and not melding.is_fout:
            continue
        print(melding.format(), file=out)
    if versheid:
        print(_versheid_text(result), file=out)
    for note in result.opmerkingen:
        print(f"let op: {note}", file=err)
    rows = _per_gemeente_counts(result)
    if result.opties.online and rows:
        print(file=err)
        width = max(len(naam) for _, naam, *_ in rows)
        print(f"{'gemeente':<{width}}  kapot  waarschuwing  verouderd", file=err)
        for _slug, naam, fout, waarschuwing, oud in rows:
            print(f"{naam:<{width}}  {fout:>5}  {waarschuwing:>12}  {oud:>9}", file=err)
    print(file=err)
    for label, value in _summary_rows(result):
        print(f"{label}: {value}", file=err)


def _versheid_text(result: CheckResultaat) -> str:
    lines = ["", "Versheid (ouder dan 12 maanden of nooit gecontroleerd, oudste eerst):"]
    for slug, items in result.versheid.items():
        if not items:
            continue
        lines.append(f"  {_gemeente_naam(result, slug)}:")
        for item in items:
            lines.append(f"    {_place(item.plek)}: {item.label} '{item.id}' {item.beschrijving}")
    if len(lines) == 2:
        lines.append("  alles is in de afgelopen 12 maanden gecontroleerd")
    return "\n".join(lines)


# --- JSON ---------------------------------------------------------------------------------


def _gebruik_json(b: LinkBevinding) -> dict[str, Any]:
    g = b.gebruik
    return {
        "url": g.url,
        "veld": g.veld,
        "vermelding": g.id,
        "soort": g.kind,
        "wat": g.wat,
        "plek": _place(g.plek),
        "op_site": g.op_site,
        "gemeenten": sorted(g.gemeenten),
        "ernst": str(b.ernst),
        "melding_code": b.code,
        "status": str(b.uitkomst.status),
        "code": b.uitkomst.code,
        "nieuw_adres": b.uitkomst.nieuw_adres,
        "melding": b.tekst,
    }


def _verouderd_json(item: Verouderd) -> dict[str, Any]:
    return {
        "vermelding": item.id,
        "soort": item.label,
        "naam": item.naam,
        "gecontroleerd": item.gecontroleerd.isoformat() if item.gecontroleerd else None,
        "dagen": item.dagen,
        "plek": _place(item.plek),
    }


def _melding_json(melding: Melding) -> dict[str, Any]:
    return {
        "plek": _place(melding),
        "bestand": _place(Plek(melding.plek.path)),
        "regel": melding.plek.line,
        "kolom": melding.plek.column,
        "ernst": str(melding.ernst),
        "tekst": melding.tekst,
        "code": melding.code,
    }


def json_report(result: CheckResultaat) -> dict[str, Any]:
    site_groups = _site_per_gemeente(result)
    gemeenten = {}
    for slug in sorted(result.validatie.gemeenten):
        gemeenten[slug] = {
            "naam": _gemeente_naam(result, slug),
            "links": [_gebruik_json(b) for b in result.gemeente_bevindingen(slug)],
            "site": [_melding_json(m) for m in site_groups.get(slug, [])],
            "versheid": [_verouderd_json(v) for v in result.versheid.get(slug, [])],
            "vertalingen": [
                {"taal": st.taal, "status": st.status, "teksten": st.teksten, "ontbreekt": st.ontbreekt,
                 "verouderd": st.verouderd, "machine": st.machine}
                for st in _vertaling_status(result, slug)
            ],
        }
    return {
        "datum": today().isoformat(),
        "gemaakt": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "root": str(result.root),
        "online": result.opties.online,
        "site": str(result.opties.site) if result.opties.site else None,
        "duur": round(result.duur, 3),
        "samenvatting": {
            "fouten": len(result.meldingen.fouten),
            "waarschuwingen": len(result.meldingen.waarschuwingen),
            "links": result.telling() if result.opties.online else None,
            "uit_cache": result.uit_cache,
            "verzoeken": result.verzoeken,
            "overgeslagen": len(result.overgeslagen),
            "site": None
            if result.site is None
            else {
                "paginas": result.site.paginas,
                "interne_links": result.site.interne_links,
                "tel_links": result.site.tel_links,
                "mailto_links": result.site.mail_links,
                "flyers": result.site.flyers,
                "flyer_nummers": result.site.flyer_nummers,
                "flyer_teksten_gelezen": result.site.flyer_teksten_gelezen,
                "flyer_teksten_uit_cache": result.site.flyer_teksten_uit_cache,
                "paginas_parallel": result.site.paginas_parallel,
                "flyers_parallel": result.site.flyers_parallel,
            },
        },
        "gemeenten": gemeenten,
        "niet_bij_een_gemeente": {
            "links": [_gebruik_json(b) for b in _unshown(result)],
            "site": [_melding_json(m) for m in site_groups.get("", [])],
        },
        "webadressen": [
            {**u.to_json(), "uit_cache": u.uit_cache, "ernst": str(u.ernst or "ok")}
            for u in result.links.values()
        ],
        "overgeslagen": result.overgeslagen,
        "meldingen": [_melding_json(m) for m in result.meldingen],
        "opmerkingen": result.opmerkingen,
    }


# --- Markdown -----------------------------------------------------------------------------


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(_md(cell) for cell in row) + " |")
    return lines


def _link_rows(found: list[LinkBevinding]) -> list[tuple[str, ...]]:
    order = {Ernst.FOUT: 0, Ernst.WAARSCHUWING: 1, Ernst.OPMERKING: 2}
    rows = []
    for b in sorted(found, key=lambda b: (order[b.ernst], b.gebruik.wat, b.gebruik.url)):
        rows.append(
            (
                ERNST_LABEL[b.ernst],
                b.gebruik.wat,
                b.gebruik.veld,
                b.gebruik.url,
                STATUS_LABELS[b.uitkomst.status],
                _met_code(b.tekst, b.code),
                _place(b.gebruik.plek),
            )
        )
    return rows


LINK_HEADER = ("ernst", "vermelding", "veld", "adres", "uitkomst", "melding", "aanpassen in")
VERSHEID_HEADER = ("vermelding", "naam", "laatst gecontroleerd", "aanpassen in")


def _versheid_rows(items: list[Verouderd]) -> list[tuple[str, ...]]:
    return [
        (
            f"{v.label} '{v.id}'",
            v.naam,
            v.gecontroleerd.isoformat() + f" ({v.maanden} mnd)" if v.gecontroleerd else "nooit",
            _place(v.plek),
        )
        for v in items
    ]


def _md_melding(m: Melding) -> str:
    return f"- `{_place(m)}`: {m.ernst}: {_met_code(m.tekst, m.code)}"


def markdown(result: CheckResultaat) -> str:
    lines = [
        "# Controle van de Wegwijzer",
        "",
        f"Datum {today().isoformat()}; map `{result.root}`"
        + ("; links online gecontroleerd" if result.opties.online else "; links niet opgehaald")
        + (f"; site `{result.opties.site}`" if result.opties.site else ""),
        "",
        "## Samenvatting",
        "",
        *_md_table(("", "aantal"), _summary_rows(result)),
        "",
    ]
    for note in result.opmerkingen:
        lines += [f"> Let op: {note}", ""]
    site_groups = _site_per_gemeente(result)
    lines += ["## Per gemeente", ""]
    for slug in sorted(result.validatie.gemeenten):
        lines += [f"### {_gemeente_naam(result, slug)} (`{slug}`)", ""]
        found = [b for b in result.gemeente_bevindingen(slug)]
        if result.opties.online:
            if found:
                lines += ["#### Links", "", *_md_table(LINK_HEADER, _link_rows(found)), ""]
            else:
                lines += ["Alle links werken.", ""]
        if site_groups.get(slug):
            lines += ["#### Site", ""]
            lines += [_md_melding(m) for m in site_groups[slug]]
            lines += [""]
        items = result.versheid.get(slug, [])
        if items:
            lines += [
                "#### Versheid (oudste eerst)",
                "",
                *_md_table(VERSHEID_HEADER, _versheid_rows(items)),
                "",
            ]
        else:
            lines += ["Alles is in de afgelopen 12 maanden gecontroleerd.", ""]
        vertaling = _vertaling_rows(result, slug)
        if vertaling:
            lines += ["#### Vertalingen van de ouderpagina", "", *_md_table(VERTALING_HEADER, vertaling), ""]
    unshown = _unshown(result)
    if unshown or site_groups.get(""):
        lines += ["## Niet bij één gemeente", ""]
        if unshown:
            lines += [*_md_table(LINK_HEADER, _link_rows(unshown)), ""]
        lines += [_md_melding(m) for m in site_groups.get("", [])]
        lines += [""]
    if len(result.meldingen):
        lines += ["## Alle meldingen", "", "```"]
        lines += [m.format() for m in result.meldingen]
        lines += ["```", ""]
    if result.links:
        lines += ["## Alle webadressen", ""]
        lines += _md_table(LINK_COLUMNS, _all_link_rows(result))
        lines += [""]
    return "\n".join(lines)


# --- HTML ---------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;
line-height:1.45;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}
code{font-size:.9em;word-break:break-all}
.fout{background:#fde2e1}.waarschuwing{background:#fff4ce}.opmerking{background:#e8f1fb}
.ok{color:#145a32}
"""


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_table(
    header: Iterable[str], rows: Iterable[Iterable[object]], classes: Iterable[str] = ()
) -> str:
    classes = list(classes)
    out = ["<table><thead><tr>"]
    out += [f"<th scope='col'>{_h(h)}</th>" for h in header]
    out.append("</tr></thead><tbody>")
    for index, row in enumerate(rows):
        cls = f" class='{_h(classes[index])}'" if index < len(classes) else ""
        out.append(f"<tr{cls}>" + "".join(f"<td>{_h(cell)}</td>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def html_report(result: CheckResultaat) -> str:
    parts = [
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>Controle van de Wegwijzer, {_h(today().isoformat())}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Controle van de Wegwijzer</h1>",
        f"<p>Datum {_h(today().isoformat())}; map <code>{_h(result.root)}</code></p>",
        "<h2>Samenvatting</h2>",
        _html_table(("", "aantal"), _summary_rows(result)),
    ]
    for note in result.opmerkingen:
        parts.append(f"<p><strong>Let op:</strong> {_h(note)}</p>")
    site_groups = _site_per_gemeente(result)
    parts.append("<h2>Per gemeente</h2>")
    for slug in sorted(result.validatie.gemeenten):
        parts.append(f"<h3 id='{_h(slug)}'>{_h(_gemeente_naam(result, slug))}</h3>")
        found = result.gemeente_bevindingen(slug)
        if result.opties.online:
            if found:
                rows = _link_rows(found)
                parts.append("<h4>Links</h4>")
                parts.append(_html_table(LINK_HEADER, rows, [r[0] for r in rows]))
            else:
                parts.append("<p class='ok'>Alle links werken.</p>")
        if site_groups.get(slug):
            parts.append("<h4>Site</h4><ul>")
            parts += [
                f"<li class='{_h(m.ernst)}'><code>{_h(_place(m))}</code>: "
                f"{_h(_met_code(m.tekst, m.code))}</li>"
                for m in site_groups[slug]
            ]
            parts.append("</ul>")
        items = result.versheid.get(slug, [])
        if items:
            parts.append("<h4>Versheid (oudste eerst)</h4>")
            parts.append(_html_table(VERSHEID_HEADER, _versheid_rows(items)))
        else:
            parts.append("<p class='ok'>Alles is in de afgelopen 12 maanden gecontroleerd.</p>")
        vertaling = _vertaling_rows(result, slug)
        if vertaling:
            parts.append("<h4>Vertalingen van de ouderpagina</h4>")
            parts.append(_html_table(VERTALING_HEADER, vertaling))
    unshown = _unshown(result)
    if unshown or site_groups.get(""):
        parts.append("<h2>Niet bij één gemeente</h2>")
        if unshown:
            rows = _link_rows(unshown)
            parts.append(_html_table(LINK_HEADER, rows, [r[0] for r in rows]))
        if site_groups.get(""):
            parts.append("<ul>")
            parts += [
                f"<li class='{_h(m.ernst)}'><code>{_h(_place(m))}</code>: "
                f"{_h(_met_code(m.tekst, m.code))}</li>"
                for m in site_groups[""]
            ]
            parts.append("</ul>")
    if len(result.meldingen):
        parts.append("<h2>Alle meldingen</h2><ul>")
        parts += [
            f"<li class='{_h(m.ernst)}'><code>{_h(_place(m))}</code>: {_h(m.ernst)}: "
            f"{_h(_met_code(m.tekst, m.code))}</li>"
            for m in result.meldingen
        ]
        parts.append("</ul>")
    if result.links:
        parts.append("<h2>Alle webadressen</h2>")
        parts.append(
            _html_table(
                LINK_COLUMNS, _all_link_rows(result), [str(u.ernst or "ok") for u in result.links.values()]
            )
        )
    parts.append("</body></html>\n")
    return "\n".join(parts)
