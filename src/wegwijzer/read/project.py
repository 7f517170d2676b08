"""Find and read the data files of a project root: landelijk, regio's, gemeenten and the
translations of the flyer texts. Every run reads each file once; the output stages get what
was read here (through `wegwijzer.rules.validate.Resultaat`). Files in the data folders that
are not data files, and symbolic links that leave the project, are reported
(`wegwijzer.read.mappen`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.diagnostics import GebruiksFout, Meldingen, Plek
from wegwijzer.read import mappen
from wegwijzer.read.load import read
from wegwijzer.read.models import GemeenteBestand, LandelijkBestand, RegioBestand
from wegwijzer.read.parse import Parsed, parse_document
from wegwijzer.read.values import SLUG
from wegwijzer.read.vertalingen import VERTALINGEN_DIR, Vertaling, load_vertalingen

LANDELIJK = Path("content") / "landelijk.yml"
REGIO_DIR = Path("content") / "regio"
GEMEENTEN_DIR = Path("gemeenten")
CONTENT_DIR = Path("content")
SUFFIXES = mappen.SUFFIXES


@dataclass
class Project:
    """Every data file of one root, read and parsed; unusable files are left out (and reported)."""

    root: Path
    landelijk: Parsed[LandelijkBestand] | None
    regios: dict[str, Parsed[RegioBestand]] = field(default_factory=dict)
    gemeenten: dict[str, Parsed[GemeenteBestand]] = field(default_factory=dict)
    # slugs whose file exists but could not be read; they still count as known names
    onleesbaar: set[str] = field(default_factory=set)
    bestanden: list[Path] = field(default_factory=list)
    # set when only this gemeente's file was read (`load_project(alleen=...)`)
    alleen: str | None = None
    # the flyer texts per language (``content/vertalingen/<taal>.yml``), read with the data
    vertalingen: dict[str, Vertaling] = field(default_factory=dict)


def check_root(root: Path) -> Path:
    root = root.expanduser()
    if not root.is_dir():
        raise GebruiksFout(f"map '{root}' bestaat niet")
    if not (root / GEMEENTEN_DIR).is_dir() and not (root / "content").is_dir():
        raise GebruiksFout(
            f"'{root}' is geen wegwijzer-map: er staat geen map 'gemeenten/' of 'content/' in "
            "(geef de juiste map met --root)"
        )
    return root


_UITLEG = {
    "regio": "hier staat per regio één bestand, zoals 'gelderland-midden.yml'",
    "gemeente": "hier staat per gemeente één bestand, zoals 'ede.yml'",
}


def _content_files(root: Path, meldingen: Meldingen) -> list[Path]:
    """``content/`` holds landelijk.yml and the folders regio/ and vertalingen/; the rest is
    reported. Returns landelijk.yml when it is there and may be read."""
    found = mappen.data_files(
        root / CONTENT_DIR,
        root,
        meldingen,
        mappen=(REGIO_DIR.name, VERTALINGEN_DIR.name),
        uitleg="in content/ staan alleen landelijk.yml en de mappen regio/ en vertalingen/",
    )
    for path in found:
        if path.name != LANDELIJK.name:
            meldingen.waarschuwing(
                Plek(path),
                f"'{path.relative_to(root).as_posix()}' wordt niet gelezen: in content/ staat "
                f"alleen {LANDELIJK.name}; een regio hoort in {REGIO_DIR.as_posix()}/, een "
                f"gemeente in {GEMEENTEN_DIR.as_posix()}/",
                code="bestand-verkeerde-map",
            )
    return [p for p in found if p.name == LANDELIJK.name]


def _noem(name: str) -> str:
    juist = mappen.juiste_naam(name)
    if juist is None or juist == name or not SLUG.match(juist.rsplit(".", 1)[0]):
        return ""
    return f"; noem het '{juist}'"


def load_project(root: Path, meldingen: Meldingen, *, alleen: str | None = None) -> Project:
    """Read and parse every data file of `root`.

    With `alleen` (a gemeente's slug) only that gemeente's file is read of the gemeente files
    (the landelijk and regio files all are): what its flyers need, in a fraction of the time
    at national scale. The other gemeente files are listed in `bestanden`, not read.
    """
    root = check_root(root)
    landelijk_path = root / LANDELIJK
    project = Project(root=root, landelijk=None, alleen=alleen)
    if _content_files(root, meldingen):
        project.bestanden.append(landelijk_path)
        document = read(landelijk_path, meldingen)
        if document is not None:
            project.landelijk = parse_document(document, LandelijkBestand, meldingen)
    elif not landelijk_path.is_symlink():  # a link that may not be read was reported
        meldingen.fout(
            Plek(landelijk_path),
            "bestand ontbreekt: hierin staan de landelijke hulplijnen en spoedhulp (112)",
            code="landelijk-ontbreekt",
        )
    for kind, folder, target, model in (
        ("regio", root / REGIO_DIR, project.regios, RegioBestand),
        ("gemeente", root / GEMEENTEN_DIR, project.gemeenten, GemeenteBestand),
    ):
        for path in mappen.data_files(folder, root, meldingen, uitleg=_UITLEG[kind]):
            project.bestanden.append(path)
            slug = path.stem
            if alleen is not None and kind == "gemeente" and slug != alleen:
                continue
            if not SLUG.match(slug):
                meldingen.fout(
                    Plek(path),
                    f"bestandsnaam '{path.name}' is geen geldige {kind}-id: gebruik kleine "
                    "letters, cijfers en streepjes, zoals 'ede.yml' of 'gelderland-midden.yml'"
                    + _noem(path.name),
                    code="bestandsnaam-ongeldig",
                )
                continue
            if slug in target or slug in project.onleesbaar:
                meldingen.fout(Plek(path), f"er is al een bestand voor {kind} '{slug}'", code="bestand-dubbel")
                continue
            document = read(path, meldingen)
            parsed = parse_document(document, model, meldingen) if document else None
            if parsed is None:
                project.onleesbaar.add(slug)
            else:
                target[slug] = parsed  # type: ignore[index]
    if not project.gemeenten and not any(
        p.parent == root / GEMEENTEN_DIR for p in project.bestanden
    ):
        meldingen.waarschuwing(Plek(root / GEMEENTEN_DIR), "geen gemeenten gevonden", code="geen-gemeenten")
    project.vertalingen = load_vertalingen(root, meldingen)
    return project
