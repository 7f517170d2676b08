"""The field reference for editors (Markdown), derived from the models like the JSON Schema."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from wegwijzer.read.models import (
    DAG_LABELS,
    ERKENNING_LABELS,
    FASE_LABELS,
    FEESTDAGEN_LABELS,
    THEMA_LABELS,
    VERPLICHT,
    Contact,
    ContactSoort,
    Dag,
    Erkenning,
    ExtraTelefoon,
    Fase,
    Feestdagen,
    GemeenteInfo,
    Hulplijn,
    Interventie,
    Openingstijden,
    Organisatie,
    RegioInfo,
    Thema,
    Tijdvak,
    Uitsluiting,
)

SECTIONS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("gemeente", GemeenteInfo, "Bovenaan elk bestand in `gemeenten/`."),
    ("regio", RegioInfo, "Bovenaan elk bestand in `content/regio/`."),
    ("hulplijnen", Hulplijn, "Telefoon, chat of website voor ouders."),
    ("interventies", Interventie, "Programma's en hulp, ook voor professionals die doorverwijzen."),
    ("organisaties", Organisatie, "Wie de hulp aanbiedt; andere vermeldingen verwijzen met `aanbieder`."),
    ("contacten", Contact, "Teams en loketten, zoals het CJG. Geen privépersonen."),
    ("extra_telefoon", ExtraTelefoon, "Elk item onder `extra_telefoon`."),
    (
        "openingstijden",
        Openingstijden,
        "Bij elke soort vermelding, alleen als een bron de tijden noemt; verzin ze nooit. "
        "Een gemeente die andere tijden heeft, schrijft `openingstijden` helemaal opnieuw, met "
        "eigen `bron`. Voorbeeld:\n\n"
        "```yaml\nopeningstijden:\n  tijden:\n    - dagen: [ma, di, wo, do, vr]\n"
        "      van: \"09:00\"\n      tot: \"17:00\"\n    - dagen: [vr, za]\n"
        "      van: \"20:00\"\n      tot: \"02:00\"   # tot 2 uur 's nachts\n"
        "  feestdagen: gesloten\n  bron: \"https://www.voorbeeld.nl/contact\"\n```\n\n"
        "Altijd bereikbaar? Schrijf dan `dag_en_nacht: ja` en geen openingstijden.",
    ),
    ("tijden", Tijdvak, "Elk item onder `tijden` in `openingstijden`."),
    ("niet_aangeboden", Uitsluiting, "Een id, of `id` met `reden`."),
)

VOCABULARIES: tuple[tuple[str, type[StrEnum], dict], ...] = (
    ("fasen", Fase, FASE_LABELS),
    ("themas", Thema, THEMA_LABELS),
    ("erkenning", Erkenning, ERKENNING_LABELS),
    ("soort (contacten)", ContactSoort, {}),
    ("dagen (openingstijden)", Dag, DAG_LABELS),
    ("feestdagen (openingstijden)", Feestdagen, FEESTDAGEN_LABELS),
)


def _required(info) -> bool:
    return info.is_required() or any(meta is VERPLICHT for meta in info.metadata)


def markdown() -> str:
    lines = [
        "# Velden van de databestanden",
        "",
        "Dit overzicht wordt gemaakt uit de datamodellen (`wegwijzer schema --markdown`); "
        "pas het niet met de hand aan.",
        "",
        "*Verplicht* betekent: moet een waarde hebben nadat landelijk, regio en gemeente zijn "
        "samengevoegd. Een gemeente die iets van de regio aanpast, noemt alleen `id` en wat anders is.",
    ]
    for key, model, intro in SECTIONS:
        lines += ["", f"## `{key}`", "", intro, "", "| veld | verplicht | uitleg |", "| --- | --- | --- |"]
        for name, info in model.model_fields.items():
            flag = "ja" if _required(info) else ""
            lines.append(f"| `{name}` | {flag} | {(info.description or '').replace('|', '/')} |")
    lines += ["", "## Vaste woordenlijsten"]
    for key, enum, labels in VOCABULARIES:
        lines += ["", f"### `{key}`", "", "| waarde | betekenis |", "| --- | --- |"]
        for member in enum:
            lines.append(f"| `{member.value}` | {labels.get(member, '')} |")
    return "\n".join(lines) + "\n"
