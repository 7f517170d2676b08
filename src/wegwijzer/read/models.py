"""The data models: the single source of truth for the YAML files, the JSON Schema and the docs.

Every field is optional in a file, because a gemeente may override only one field of a
regional entry. Fields marked `VERPLICHT` must be present once the layers are merged.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from wegwijzer.read.values import (
    Datum, Email, JaNee, Slug, Taal, Tekst, Telefoon, TijdVeld, Website, vocabulary,
)


class _Verplicht:
    """Marker: the field must have a value after merging the layers."""

    def __repr__(self) -> str:
        return "VERPLICHT"


VERPLICHT = _Verplicht()


def _doc(text: str, **extra: Any) -> Any:
    return Field(default=None, description=text, **extra)


# --- vocabularies -------------------------------------------------------------------------


class Fase(StrEnum):
    VOOR_ZWANGERSCHAP = "voor-zwangerschap"
    ZWANGER = "zwanger"
    NA_GEBOORTE = "na-geboorte"

    @property
    def label(self) -> str:
        return FASE_LABELS[self]


FASE_LABELS: dict[Fase, str] = {
    Fase.VOOR_ZWANGERSCHAP: "Voor de zwangerschap",
    Fase.ZWANGER: "Tijdens de zwangerschap",
    Fase.NA_GEBOORTE: "Na de geboorte",
}


class Thema(StrEnum):
    ZWANGERSCHAP = "zwangerschap"
    GEZONDHEID = "gezondheid"
    PSYCHISCH = "psychisch"
    OPVOEDEN = "opvoeden"
    RELATIE = "relatie"
    VEILIGHEID = "veiligheid"
    GELD = "geld"
    WONEN = "wonen"
    ONTMOETEN = "ontmoeten"
    KINDERWENS = "kinderwens"
    VOEDING = "voeding"
    VERSLAVING = "verslaving"
    PRAKTISCH = "praktisch"

    @property
    def label(self) -> str:
        return THEMA_LABELS[self]


THEMA_LABELS: dict[Thema, str] = {
    Thema.ZWANGERSCHAP: "Zwanger zijn en bevallen",
    Thema.GEZONDHEID: "Gezondheid van moeder en kind",
    Thema.PSYCHISCH: "Zorgen, somberheid en stress",
    Thema.OPVOEDEN: "Opvoeden en opgroeien",
    Thema.RELATIE: "Relatie en gezin",
    Thema.VEILIGHEID: "Veiligheid en geweld thuis",
    Thema.GELD: "Geld en schulden",
    Thema.WONEN: "Wonen",
    Thema.ONTMOETEN: "Andere ouders ontmoeten",
    Thema.KINDERWENS: "Kinderwens en anticonceptie",
    Thema.VOEDING: "Voeding en borstvoeding",
    Thema.VERSLAVING: "Alcohol, drugs en roken",
    Thema.PRAKTISCH: "Praktische hulp en spullen",
}


class ContactSoort(StrEnum):
    CJG = "cjg"
    JGZ = "jgz"
    SOCIAAL_TEAM = "sociaal-team"
    GEMEENTE = "gemeente"
    GGD = "ggd"
    VERLOSKUNDE = "verloskunde"
    KRAAMZORG = "kraamzorg"
    HUISARTS = "huisarts"
    ZIEKENHUIS = "ziekenhuis"
    OVERIG = "overig"


class Erkenning(StrEnum):
    """Rating in the Databank Effectieve Jeugdinterventies (NJi) or a similar databank."""

    GOED_ONDERBOUWD = "goed-onderbouwd"
    EERSTE_AANWIJZINGEN = "eerste-aanwijzingen"
    GOEDE_AANWIJZINGEN = "goede-aanwijzingen"
    STERKE_AANWIJZINGEN = "sterke-aanwijzingen"
    NIET_ERKEND = "niet-erkend"


ERKENNING_LABELS: dict[Erkenning, str] = {
    Erkenning.GOED_ONDERBOUWD: "Erkend: goed onderbouwd",
    Erkenning.EERSTE_AANWIJZINGEN: "Erkend: effectief volgens eerste aanwijzingen",
    Erkenning.GOEDE_AANWIJZINGEN: "Erkend: effectief volgens goede aanwijzingen",
    Erkenning.STERKE_AANWIJZINGEN: "Erkend: effectief volgens sterke aanwijzingen",
    Erkenning.NIET_ERKEND: "Niet (meer) erkend",
}


class Dag(StrEnum):
    """Days of the week, Monday first (ISO 8601), as editors write them."""

    MA = "ma"
    DI = "di"
    WO = "wo"
    DO = "do"
    VR = "vr"
    ZA = "za"
    ZO = "zo"

    @property
    def nummer(self) -> int:
        """0 for Monday to 6 for Sunday (as `datetime.date.weekday`)."""
        return list(Dag).index(self)


DAG_LABELS: dict[Dag, str] = {
    Dag.MA: "maandag", Dag.DI: "dinsdag", Dag.WO: "woensdag", Dag.DO: "donderdag",
    Dag.VR: "vrijdag", Dag.ZA: "zaterdag", Dag.ZO: "zondag",
}


class Feestdagen(StrEnum):
    GESLOTEN = "gesloten"
    OPEN = "open"
    ONBEKEND = "onbekend"


FEESTDAGEN_LABELS: dict[Feestdagen, str] = {
    Feestdagen.GESLOTEN: "dicht op feestdagen",
    Feestdagen.OPEN: "op feestdagen open zoals op andere dagen",
    Feestdagen.ONBEKEND: "niet bekend of het op feestdagen open is",
}


FaseVeld = vocabulary(Fase, "fase")
ThemaVeld = vocabulary(Thema, "thema")
ContactSoortVeld = vocabulary(ContactSoort, "soort contact")
ErkenningVeld = vocabulary(Erkenning, "erkenning")
DagVeld = vocabulary(Dag, "dag")
FeestdagenVeld = vocabulary(Feestdagen, "keuze voor feestdagen")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class ExtraTelefoon(_Model):
    nummer: Annotated[Telefoon, VERPLICHT] = _doc("Het telefoonnummer.")
    label: Annotated[Tekst, VERPLICHT] = _doc(
        "Waarvoor dit nummer is, bijvoorbeeld 'Gratis nummer' of 'Na 17.00 uur'."
    )


class Tijdvak(_Model):
    """One opening window on some days: from `van` to `tot` on each of `dagen`."""

    dagen: list[DagVeld] = Field(
        description="Op welke dagen: ma, di, wo, do, vr, za, zo, bijvoorbeeld [ma, di, wo, do, vr].",
        min_length=1,
    )
    van: TijdVeld = Field(description="Vanaf hoe laat, als UU:MM tussen aanhalingstekens: \"09:00\".")
    tot: TijdVeld = Field(
        description="Tot hoe laat, als UU:MM: \"17:00\". Ligt 'tot' vóór 'van' (van \"20:00\" "
        "tot \"02:00\"), dan loopt het door tot de volgende dag; \"24:00\" is middernacht."
    )

    @model_validator(mode="after")
    def _window(self) -> "Tijdvak":
        if self.van.minuten == 1440:
            raise PydanticCustomError(
                "wegwijzer",
                "'van' is \"24:00\"; schrijf \"00:00\" en zet de dag erna bij 'dagen'",
                {"code": "openingstijden-tijdvak-leeg"},
            )
        if self.van.minuten == self.tot.minuten:
            raise PydanticCustomError(
                "wegwijzer",
                f"'van' en 'tot' zijn allebei {self.van}; zo is het nooit open. Is het de hele "
                "dag open, schrijf dan van \"00:00\" tot \"24:00\"; dag en nacht: 'dag_en_nacht: ja'",
                {"code": "openingstijden-tijdvak-leeg"},
            )
        return self

    @property
    def over_middernacht(self) -> bool:
        """The window ends the next day (van 20:00 tot 02:00)."""
        return self.tot.minuten < self.van.minuten

    @property
    def duur(self) -> int:
        """Length in minutes."""
        return (self.tot.minuten - self.van.minuten) % 1440 or 1440


class Openingstijden(_Model):
    """When the help is open, week by week, with where that was read. A layer that gives
    openingstijden replaces those of the layer below as a whole (`geheel`)."""

    geheel: ClassVar[bool] = True

    tijden: list[Tijdvak] = Field(
        description="De tijden: per groep dagen 'dagen', 'van' en 'tot' (zie hieronder).",
        min_length=1,
    )
    feestdagen: FeestdagenVeld | None = _doc(
        "Wat er op feestdagen is: gesloten, open (zoals op andere dagen) of onbekend. "
        "Laat weg als de bron het niet zegt."
    )
    bron: Tekst = Field(
        description="Waar de openingstijden staan (webadres of document): verplicht, want "
        "tijden veranderen vaak."
    )


# --- entries ------------------------------------------------------------------------------


class Entry(_Model):
    """Fields every entry (hulplijn, interventie, organisatie, contact) has."""

    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""

    id: Slug = Field(
        description="Korte, vaste naam van deze vermelding: kleine letters, cijfers en "
        "streepjes. Een gemeente gebruikt dezelfde id om iets van de regio aan te passen."
    )
    naam: Annotated[Tekst, VERPLICHT] = _doc("Naam zoals ouders en professionals die kennen.")
    omschrijving: Tekst | None = _doc(
        "Wat de hulp doet, voor ouders, in eenvoudige taal (B1): korte zinnen, geen vaktaal."
    )
    telefoon: Telefoon | None = _doc("Het belangrijkste telefoonnummer.")
    extra_telefoon: list[ExtraTelefoon] | None = _doc("Andere nummers, elk met een label.")
    website: Website | None = _doc("Webadres, beginnend met https://.")
    email: Email | None = _doc("E-mailadres.")
    bereikbaar: Tekst | None = _doc(
        "Wanneer je er terecht kunt, bijvoorbeeld 'Maandag tot en met vrijdag 9.00-17.00 uur'."
    )
    dag_en_nacht: JaNee | None = _doc("ja als de hulp 24 uur per dag, 7 dagen per week bereikbaar is.")
    openingstijden: Openingstijden | None = _doc(
        "Vaste openingstijden, alleen als een bron ze noemt: 'tijden' (dagen, van, tot), "
        "'feestdagen' en 'bron'. De site toont ze als tekst en, met JavaScript, of het nu open is."
    )
    talen: list[Taal] | None = _doc("Talen waarin de hulp gegeven wordt, als taalcodes (nl, en, ar).")
    bron: Annotated[Tekst, VERPLICHT] = _doc(
        "Waar deze gegevens vandaan komen (document, website, telefoontje)."
    )
    gecontroleerd: Datum | None = _doc(
        "Datum waarop de gegevens voor het laatst zijn gecontroleerd (JJJJ-MM-DD)."
    )
    onzeker: Tekst | None = _doc(
        "Vul in als een gegeven nog niet zeker is, met de reden. De vermelding wordt dan "
        "gemeld tot iemand het heeft nagekeken."
    )


class Dienst(Entry):
    """Fields of the help a parent can get (hulplijnen and interventies)."""

    omschrijving: Annotated[Tekst, VERPLICHT] = _doc(
        "Wat de hulp doet, voor ouders, in eenvoudige taal (B1): korte zinnen, geen vaktaal."
    )
    aanbieder: Slug | None = _doc("De id van de organisatie die dit aanbiedt (zie organisaties).")
    chat: Website | None = _doc("Webadres van de chat.")
    whatsapp: Telefoon | None = _doc("WhatsApp-nummer.")
    fasen: Annotated[list[FaseVeld], VERPLICHT] = _doc(
        "Voor welke fasen: voor-zwangerschap, zwanger, na-geboorte.", min_length=1
    )
    themas: Annotated[list[ThemaVeld], VERPLICHT] = _doc(
        "Onderwerpen, uit de vaste lijst (zie de handleiding).", min_length=1
    )
    doelgroep: Tekst | None = _doc("Voor wie de hulp is (wie mag zich melden).")
    kosten: Tekst | None = _doc(
        "Wat het kost. Schrijf 'gratis' als het niets kost; anders wat de beller betaalt."
    )
    anoniem: JaNee | None = _doc("ja als je anoniem kunt bellen of chatten.")
    spoed: JaNee | None = _doc(
        "ja voor spoedhulp (zoals 112). Spoedhulp staat op elke pagina en flyer en kan "
        "niet worden uitgesloten."
    )

    @property
    def gratis(self) -> bool:
        return (self.kosten or "").strip().lower().startswith("gratis")


class Hulplijn(Dienst):
    kind: ClassVar[str] = "hulplijnen"
    label: ClassVar[str] = "hulplijn"

    op_flyer: JaNee | None = _doc("ja als deze lijn onder 'Bel of chat' op de MamaWegwijzer staat.")


class Interventie(Dienst):
    kind: ClassVar[str] = "interventies"
    label: ClassVar[str] = "interventie"

    afkorting: Tekst | None = _doc("Afkorting die professionals gebruiken, zoals SO of NNZ.")
    aanmelden: Tekst | None = _doc("Hoe een professional iemand aanmeldt of doorverwijst.")
    erkenning: ErkenningVeld | None = _doc("Erkenning in de Databank Effectieve Jeugdinterventies.")
    sinds: Tekst | None = _doc("Sinds wanneer het wordt aangeboden (jaar of maand).")
    bijzonderheden: Tekst | None = _doc(
        "Iets wat professionals moeten weten, bijvoorbeeld 'alleen op aanvraag'."
    )


class Organisatie(Entry):
    kind: ClassVar[str] = "organisaties"
    label: ClassVar[str] = "organisatie"

    afkorting: Tekst | None = _doc("Afkorting, zoals VGGM.")
    adres: Tekst | None = _doc("Bezoekadres.")


class Contact(Entry):
    kind: ClassVar[str] = "contacten"
    label: ClassVar[str] = "contact"

    soort: Annotated[ContactSoortVeld, VERPLICHT] = _doc(
        "Wat voor contact: cjg, jgz, sociaal-team, gemeente, ggd, verloskunde, kraamzorg, "
        "huisarts, ziekenhuis of overig."
    )
    organisatie: Slug | None = _doc("De id van de organisatie waar dit contact bij hoort.")
    persoon: Tekst | None = _doc(
        "Naam van een persoon. Liever niet: publiceer een rol of team, geen privépersoon."
    )
    publiceren_toegestaan: JaNee | None = _doc(
        "ja als de persoon toestemming gaf om naam en nummer openbaar te maken."
    )
    adres: Tekst | None = _doc("Bezoekadres.")


ENTRY_MODELS: tuple[type[Entry], ...] = (Hulplijn, Interventie, Organisatie, Contact)
KINDS: tuple[str, ...] = tuple(model.kind for model in ENTRY_MODELS)
MODEL_BY_KIND: dict[str, type[Entry]] = {model.kind: model for model in ENTRY_MODELS}


def required_fields(model: type[BaseModel]) -> list[str]:
    """Fields that must have a value after merging (marked VERPLICHT, or required outright)."""
    names = []
    for name, info in model.model_fields.items():
        if info.is_required() or any(meta is VERPLICHT for meta in info.metadata):
            names.append(name)
    return names


# --- gemeente and regio -------------------------------------------------------------------


class Uitsluiting(_Model):
    id: Slug = Field(description="De id van de vermelding die hier niet wordt aangeboden.")
    reden: Tekst | None = _doc("Waarom niet, voor professionals (bijvoorbeeld 'geen aanvragen').")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str) else value


class RegioInfo(_Model):
    naam: Tekst = Field(description="Naam van de regio, zoals 'Gelderland-Midden'.")
    omschrijving: Tekst | None = _doc("Korte uitleg over de regio en wie de kaart bijhoudt.")
    ggd: Slug | None = _doc("De id van de GGD-organisatie van deze regio.")
    website: Website | None = _doc("Website van de regio of GGD.")
    meldadres: Email | None = _doc(
        "E-mailadres van de redactie van deze regio: 'Klopt dit niet?' op elke kaart stuurt "
        "daar een melding heen (met de id van de vermelding, de gemeente en de pagina)."
    )
    meldformulier: Website | None = _doc(
        "In plaats van een e-mailadres: het adres van een meldformulier (zoals een issue-"
        "formulier van de repository); 'Klopt dit niet?' zet titel en tekst in het adres."
    )


class GemeenteInfo(_Model):
    naam: Tekst = Field(description="Naam van de gemeente, zoals 'Ede'.")
    regio: Slug = Field(description="De id van de regio (bestandsnaam in content/regio/).")
    woonplaatsen: list[Tekst] | None = _doc(
        "Dorpen en kernen in de gemeente, zodat ouders hun woonplaats kunnen vinden."
    )
    website: Website | None = _doc("Website van de gemeente.")
    cbs_code: Annotated[str, Field(pattern=r"^GM\d{4}$")] | None = _doc(
        "Gemeentecode van het CBS, zoals GM0228."
    )
    flyer_talen: list[Taal] | None = _doc(
        "Extra talen voor de flyer naast Nederlands, als taalcodes (en, ar, tr, pl)."
    )
    partners: list[Slug] | None = _doc(
        "Ids van organisaties die onder 'In samenwerking met' op de flyer staan."
    )
    opmerking: Tekst | None = _doc("Opmerking voor redacteuren; komt niet op de site.")


# --- files --------------------------------------------------------------------------------


class _Bestand(_Model):
    hulplijnen: list[Hulplijn] | None = _doc("Hulplijnen: telefoon, chat of website voor ouders.")
    interventies: list[Interventie] | None = _doc("Interventies: programma's en hulp.")
    organisaties: list[Organisatie] | None = _doc("Organisaties die hulp aanbieden.")
    contacten: list[Contact] | None = _doc("Contacten: teams en loketten (geen privépersonen).")
    voorbeelddata: JaNee | None = _doc(
        "ja als dit bestand verzonnen voorbeelddata bevat (voor tests en metingen). Elke pagina "
        "en flyer die deze gegevens gebruikt, krijgt dan de melding 'voorbeelddata'."
    )

    @model_validator(mode="before")
    @classmethod
    def _mapping(cls, value: Any) -> Any:
        if value is None or value == "":
            return {}
        return value


class LandelijkBestand(_Bestand):
    """content/landelijk.yml: what holds in every gemeente of the country."""


class RegioBestand(_Bestand):
    """content/regio/<regio>.yml: the regional base shared by the gemeenten of one region."""

    regio: RegioInfo = Field(description="Gegevens van de regio.")
    niet_aangeboden: list[Uitsluiting] | None = _doc(
        "Ids van landelijke vermeldingen die in deze regio niet worden aangeboden."
    )


class GemeenteBestand(_Bestand):
    """gemeenten/<gemeente>.yml: one gemeente, its own entries and its exceptions."""

    gemeente: GemeenteInfo = Field(description="Gegevens van de gemeente.")
    niet_aangeboden: list[Uitsluiting] | None = _doc(
        "Ids van vermeldingen uit de regio of het land die hier niet worden aangeboden."
    )


def today() -> dt.date:
    """The date rules compare against; tests and reproducible builds set WEGWIJZER_DATUM."""
    import os

    fixed = os.environ.get("WEGWIJZER_DATUM")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
