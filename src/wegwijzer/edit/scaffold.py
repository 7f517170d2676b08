"""`wegwijzer nieuw`: a well-commented starter file for a new gemeente.

The file validates as it is: it only names the gemeente and its regio, so everything of the
regio and the landelijk file already applies. `validate` then warns about what still has to
be filled in (woonplaatsen, a CJG or JGZ contact). Everything else is written as comments
that show the editor what to fill in, with the ids of the regio's interventies ready for
`niet_aangeboden`. An existing file is never overwritten.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from wegwijzer.files import toon
from wegwijzer.diagnostics import GebruiksFout, Meldingen
from wegwijzer.edit.fmt import SCHEMA_COMMENT, SCHEMA_FILE, format_text
from wegwijzer.read.load import read
from wegwijzer.read.models import RegioBestand
from wegwijzer.read.parse import parse_document
from wegwijzer.read.project import GEMEENTEN_DIR, REGIO_DIR
from wegwijzer.read.values import SLUG, slugify, suggestion

_PLAIN = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 .()-]*$")


def _yaml_text(value: str) -> str:
    """A value as YAML: plain when that is safe, else double-quoted."""
    return value if _PLAIN.match(value) and not value.endswith(" ") else json.dumps(
        value, ensure_ascii=False
    )


def starter(naam: str, slug: str, regio: str, regio_naam: str, regio_ids: list[tuple[str, str]]) -> str:
    """The text of a new gemeente file."""
    name = _yaml_text(naam)
    lines = [
        f"{SCHEMA_COMMENT}../{SCHEMA_FILE}",
        "#",
        f"# Gemeente {naam}: aanvullingen en uitzonderingen op de regio {regio_naam}",
        f"# (content/regio/{regio}.yml) en op de landelijke lijst (content/landelijk.yml).",
        "#",
        "# Gemaakt met 'wegwijzer nieuw'. Alles uit de regio en de landelijke lijst geldt al",
        "# voor deze gemeente. Schrijf hier alleen wat anders of extra is. Een regel die met",
        "# '#' begint, is uitleg: haal het '#' weg om een veld te gebruiken.",
        "# Draai daarna 'wegwijzer validate': die zegt wat nog ontbreekt.",
        "#",
        "# Zet nooit het privénummer van een medewerker in dit bestand.",
        "",
        "gemeente:",
        f"  naam: {name}",
        f"  regio: {regio}",
        "  # Dorpen en kernen van de gemeente, zodat ouders hun woonplaats vinden:",
        f"  # woonplaatsen: [{name}, Ander dorp]",
        "  # De gemeentecode van het CBS (GM en vier cijfers):",
        "  # cbs_code: GM0000",
        "  # website: https://www.gemeente.nl",
        "  # Talen van de flyer naast Nederlands:",
        "  # flyer_talen: [en, ar]",
        "",
        "# Het CJG of de JGZ van deze gemeente, met een nummer dat je zelf hebt nagekeken:",
        "# contacten:",
        f"#   - id: cjg-{slug}",
        f"#     naam: CJG {naam}",
        "#     soort: cjg",
        '#     telefoon: "0318 00 00 00"',
        "#     website: https://www.cjg.nl",
        "#     bron: Waar het nummer vandaan komt (website, telefoontje)",
        "#     gecontroleerd: JJJJ-MM-DD",
        "",
        "# Eigen aanbod van deze gemeente (zie schema/velden.md voor alle velden):",
        "# interventies:",
        f"#   - id: voorbeeld-{slug}",
        "#     naam: Naam zoals ouders die kennen",
        "#     omschrijving: >-",
        "#       Wat de hulp doet, in korte zinnen.",
        "#     fasen: [zwanger, na-geboorte]",
        "#     themas: [opvoeden]",
        "#     bron: Waar de gegevens vandaan komen",
        "#     gecontroleerd: JJJJ-MM-DD",
        "",
        "# Wat de regio aanbiedt maar deze gemeente niet: haal het '#' weg voor wat hier niet",
        "# wordt aangeboden, en schrijf de reden erbij.",
        "# niet_aangeboden:",
    ]
    for entry_id, entry_naam in regio_ids:
        lines.append(f"#   - id: {entry_id}  # {entry_naam}")
        lines.append("#     reden: ...")
    if not regio_ids:
        lines.append("#   - id: id-uit-de-regio")
        lines.append("#     reden: ...")
    return "\n".join(lines) + "\n"


def create(root: Path, naam: str, regio: str, slug: str | None = None) -> Path:
    naam = " ".join(naam.split())
    if not naam:
        raise GebruiksFout("geef de naam van de gemeente, zoals: wegwijzer nieuw Ede --regio ...")
    slug = slug or slugify(naam)
    if not SLUG.match(slug):
        raise GebruiksFout(
            f"'{slug}' is geen geldige id voor een gemeente: gebruik kleine letters, cijfers en "
            "streepjes (geef er een met --id)"
        )
    regio_file = root / REGIO_DIR / f"{regio}.yml"
    if not regio_file.is_file():
        known = sorted(p.stem for p in (root / REGIO_DIR).glob("*.yml"))
        raise GebruiksFout(
            f"regio '{regio}' bestaat niet{suggestion(regio, known)}; bekende regio's: "
            f"{', '.join(known) or 'geen'}"
        )
    target = root / GEMEENTEN_DIR / f"{slug}.yml"
    if target.exists():
        raise GebruiksFout(f"'{toon(target)}' bestaat al; het wordt niet overschreven")

    meldingen = Meldingen()
    document = read(regio_file, meldingen)
    parsed = parse_document(document, RegioBestand, meldingen) if document else None
    regio_naam = parsed.model.regio.naam if parsed else regio
    ids = []
    if parsed:
        for kind in ("interventies", "hulplijnen"):
            for entry in getattr(parsed.model, kind) or ():
                if not entry.spoed:
                    ids.append((entry.id, entry.naam or entry.id))

    text = starter(naam, slug, regio, regio_naam, ids)
    # written in canonical form already (a test checks that); format it to be sure
    text = format_text(target, text.encode("utf-8"), Meldingen()) or text
    target.parent.mkdir(parents=True, exist_ok=True)
    if not _create_new(target, text.encode("utf-8")):
        raise GebruiksFout(f"'{toon(target)}' bestaat al; het wordt niet overschreven")
    return target


def _create_new(target: Path, data: bytes) -> bool:
    """Put a complete file at `target` unless something is there; False if it was.

    The text goes to a temporary file first, which is then hard-linked to `target`: linking
    fails if the name exists (also when another run or an editor made it a moment ago), and a
    run killed halfway leaves no half file under the gemeente's name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".nieuw.tmp",
                               dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: exclusive create
            try:
                with open(target, "xb") as handle:
                    handle.write(data)
            except FileExistsError:
                return False
        return True
    finally:
        Path(tmp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
