"""Which files of a data folder are data files, and a message for every one that is not.

A gemeente whose file is called ``rozendaal.YML``, ``rozendaal.yml.txt`` or ``rozendaal.yml ``
(trailing space) would otherwise vanish from the site without a word, and with it the address
printed on its flyers. So every entry of a data folder (``content/``, ``content/regio/``,
``content/vertalingen/``, ``gemeenten/``) is accounted for:

- ``<naam>.yml`` or ``<naam>.yaml``: a data file (whether ``<naam>`` is a valid id is for the
  caller to judge);
- a name that looks like a data file with a wrong spelling (capitals in the extension, a second
  extension, spaces around it): an error that gives the right name; only a warning when a file
  of that right name exists too (then it is a copy, such as ``ede.yml.bak``);
- editor and system leftovers (names starting with ``.``, such as ``.DS_Store``, ``.ede.yml.swp``
  or ``.gitkeep``; names ending in ``~``; ``Thumbs.db``, ``desktop.ini``): silently ignored,
  they are never data;
- anything else (``notities.txt``, a folder): a warning that it is not read.

Symbolic links: a link that points outside the project root (or nowhere) is refused with an
error naming the link and its target, so no file from elsewhere on the machine is read or
published. A link to a file inside the project is allowed: it is read like a copy (a regio file
shared between two checkouts of the same repository, say); the project stays self-contained.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from pathlib import Path

from wegwijzer.diagnostics import Meldingen, Plek

SUFFIXES = (".yml", ".yaml")
#: Files that systems and editors leave beside others; never data, never reported.
STILLE_NAMEN = frozenset({"thumbs.db", "desktop.ini"})
_LIJKT_DATA = re.compile(r"^(?P<stem>.*?)\s*\.\s*(?P<ext>ya?ml)(?=$|[\s.~])", re.IGNORECASE)


def is_stil(name: str) -> bool:
    """An editor backup, swap file or system file: ignored without a message."""
    return name.startswith(".") or name.endswith("~") or name.casefold() in STILLE_NAMEN


def binnen_root(path: Path, root: Path, meldingen: Meldingen) -> bool:
    """False (with an error naming the link) when `path` is or passes through a symbolic link
    that leads outside `root` or to nothing."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        meldingen.fout(
            Plek(path),
            f"'{_naam(path, root)}' is een snelkoppeling (symlink) naar "
            f"'{_doel(path)}', en dat bestaat niet; zet het bestand zelf op deze plek",
            code="symlink-kapot",
        )
        return False
    base = root.resolve()
    if target == base or base in target.parents:
        return True
    meldingen.fout(
        Plek(path),
        f"'{_naam(path, root)}' is een snelkoppeling (symlink) naar '{target}', buiten de "
        "projectmap; die wordt niet gelezen. Zet het bestand zelf in de projectmap",
        code="symlink-buiten-project",
    )
    return False


def boom_binnen_root(folder: Path, root: Path, meldingen: Meldingen) -> bool:
    """False (with an error for each) when `folder`, or any file or folder below it, is a
    symbolic link that leads outside `root` or to nothing: for folders that are published as
    they are (docs/, the theme overrides). Links that stay inside `root` are followed, each
    folder once."""
    if not binnen_root(folder, root, meldingen):
        return False
    goed = True
    gezien = {folder.resolve()}
    for current, dirs, files in os.walk(folder, followlinks=True):
        base = Path(current)
        for name in sorted(files):
            path = base / name
            if path.is_symlink() and not binnen_root(path, root, meldingen):
                goed = False
        keep = []
        for name in sorted(dirs):
            path = base / name
            if path.is_symlink() and not binnen_root(path, root, meldingen):
                goed = False
                continue
            real = path.resolve()
            if real not in gezien:
                gezien.add(real)
                keep.append(name)
        dirs[:] = keep
    return goed


def data_files(
    folder: Path,
    root: Path,
    meldingen: Meldingen,
    *,
    mappen: Collection[str] = (),
    uitleg: str = "",
) -> list[Path]:
    """The data files directly in `folder`, sorted by name; every other entry is reported.

    `mappen` are subfolders that belong there (``regio``, ``vertalingen`` in ``content/``);
    `uitleg` ends the message for a file that is not read (what does belong here).
    """
    if not folder.is_dir() or not binnen_root(folder, root, meldingen):
        return []
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    names = {p.name for p in entries}
    result: list[Path] = []
    for path in entries:
        name = path.name
        if is_stil(name):
            continue
        if name in mappen and path.is_dir():
            continue
        if path.is_symlink() and not binnen_root(path, root, meldingen):
            continue
        if path.suffix in SUFFIXES and path.stem == path.stem.strip() and path.is_file():
            result.append(path)
            continue
        juist = juiste_naam(name)
        if juist is not None and juist != name and not path.is_dir():
            if juist in names or _andere_extensie(juist) in names:
                meldingen.waarschuwing(
                    Plek(path),
                    f"'{_naam(path, root)}' wordt niet gelezen: het lijkt een kopie van "
                    f"'{juist if juist in names else _andere_extensie(juist)}'; haal het weg als "
                    "je het niet meer nodig hebt",
                    code="bestand-kopie",
                )
            else:
                meldingen.fout(
                    Plek(path),
                    f"'{_naam(path, root)}' wordt niet gelezen: de naam van een databestand "
                    f"eindigt op .yml, in kleine letters, zonder spaties; noem het '{juist}'",
                    code="bestandsnaam-ongeldig",
                )
            continue
        soort = "map" if path.is_dir() else "bestand"
        meldingen.waarschuwing(
            Plek(path),
            f"'{_naam(path, root)}' is geen databestand ({soort}) en wordt niet gelezen"
            + (f"; {uitleg}" if uitleg else ""),
            code="bestand-geen-data",
        )
    return result


def juiste_naam(name: str) -> str | None:
    """The data file name that `name` seems meant to be (``Rozendaal.YML `` -> ``rozendaal.yml``),
    or None when it does not look like a data file."""
    match = _LIJKT_DATA.match(name.strip())
    if match is None or not match.group("stem").strip():
        return None
    stem = "-".join(match.group("stem").strip().lower().split())
    return f"{stem}.{match.group('ext').lower()}"


def _andere_extensie(name: str) -> str:
    stem, _, ext = name.rpartition(".")
    return f"{stem}.{'yaml' if ext == 'yml' else 'yml'}"


def _naam(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _doel(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"
