"""Writing output so that a reader never sees half a file, and never over what is not output.

- `write_atomic` / `write_text_atomic`: the one way the package replaces a file: a uniquely
  named temporary file beside it (carrying the process id), flushed to disk, then renamed.
- `owned_prefix`, `clean_stale`: temporary names carry their owner's process id, so the next
  run removes what a killed one left (``kill -9``, a power cut) and never touches a live run's.
- `check_out_dir`, `check_out_file`: the folders and files of a project that no command may
  write its output into or over (the data, the templates, the repository's own files).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from wegwijzer.diagnostics import GebruiksFout, WegwijzerFout

#: Prefix of temporary files beside what they become.
TMP = ".tmp-"

# Folders of a project that output may not be, nor lie in: the data, the templates (flyer/,
# docs/) and the repository's own folders.
PROTECTED = ("content", "gemeenten", "docs", "flyer", "src", "tests", "scripts", ".git")
# Files of a project root that no command writes over.
PROJECT_FILES = (
    "mkdocs.yml", "pyproject.toml", "README.md", "CONTRIBUTING.md", "LICENSE",
    "publiccode.yml", ".gitignore",
)
DATA_SUFFIXES = (".yml", ".yaml")


def owned_prefix(prefix: str) -> str:
    """`prefix` with this process's id: what `clean_stale` reads back."""
    return f"{prefix}{os.getpid()}-"


def owner(name: str, prefix: str) -> int | None:
    """The process id in a name made with `owned_prefix`; None for any other name."""
    if not name.startswith(prefix):
        return None
    pid, dash, _ = name[len(prefix):].partition("-")
    return int(pid) if dash and pid.isdigit() else None


def alive(pid: int) -> bool:
    """Whether a process with this id exists (one of another user counts as alive)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def clean_stale(folder: Path, prefix: str) -> int:
    """Remove the files and folders named `<prefix><pid>-...` in `folder` whose process is
    gone; the number removed. Anything unreadable is left alone (a later run tries again)."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        pid = owner(name, prefix)
        if pid is None or alive(pid):
            continue
        path = folder / name
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed += 1
    return removed


def toon(path: Path | str) -> str:
    """A path as an editor reads it: relative to the current folder when it lies under it
    (commands make every path absolute first), else absolute."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute == here:
        return "."
    if absolute.startswith(here.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, here)
    return absolute


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def usual_mode(directory: bool = False, like: Path | None = None) -> int:
    """The permissions a new file (or folder) gets: those of `like` when it exists (the one it
    replaces), else 0666 (0777) under the umask: readable by a web server running as another
    user, not 0600/0700 as temporary files are made."""
    if like is not None:
        try:
            return stat.S_IMODE(like.stat().st_mode)
        except OSError:
            pass
    return (0o777 if directory else 0o666) & ~_umask()


def write_atomic(path: Path, data: bytes, *, prefix: str = "", suffix: str = "") -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it into
    place: a reader sees the old or the new file, never half; two writers never share a
    temporary file; a killed run leaves a `.tmp-<pid>-` file (or `prefix`...`suffix`) the next
    one removes. The file keeps the permissions of the one it replaces (else the usual ones);
    a symbolic link stays a link (the file it points to is replaced)."""
    path = Path(os.path.realpath(path)) if os.path.islink(path) else path
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = usual_mode(like=path)
    fd, tmp = tempfile.mkstemp(
        prefix=prefix or owned_prefix(TMP), suffix=suffix or f"-{path.name}", dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, what: str = "") -> None:
    """`write_atomic` of UTF-8 text; a failure is a Dutch `WegwijzerFout` naming the file."""
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        name = f"{what} '{path}'" if what else f"'{path}'"
        raise WegwijzerFout(f"kan {name} niet schrijven ({exc.strerror})") from exc


def check_out_dir(out: Path, root: Path, option: str = "--out") -> None:
    """Refuse an output folder whose replacement would destroy something that is not output:
    the project root or a folder above it, or a folder that is, or lies in, a protected one."""
    out_abs, root_abs = Path(os.path.abspath(out)).resolve(), Path(os.path.abspath(root)).resolve()
    if out_abs == root_abs or out_abs in root_abs.parents:
        raise GebruiksFout(
            f"{option} '{toon(out)}' is de projectmap zelf of een map erboven; kies bijvoorbeeld "
            f"'{toon(Path(root) / 'site')}'"
        )
    for data_dir in (root_abs / name for name in PROTECTED):
        if out_abs == data_dir or data_dir in out_abs.parents or out_abs in data_dir.parents:
            raise GebruiksFout(
                f"{option} '{toon(out)}' ligt in '{data_dir.name}/'; daar staan gegevens of "
                "bronbestanden, geen uitvoer"
            )


def check_out_file(path: Path, root: Path, option: str = "--out") -> None:
    """Refuse an output file that would overwrite data, a template or a source file: a file in
    a protected folder of the project, a file of the project root (mkdocs.yml, ...), an
    existing YAML file anywhere (it may be data), or a folder."""
    target = Path(os.path.abspath(path))
    resolved, root_abs = target.resolve(), Path(os.path.abspath(root)).resolve()
    if target.is_dir():
        raise GebruiksFout(f"{option} '{toon(path)}' is een map; geef een bestandsnaam")
    for data_dir in (root_abs / name for name in PROTECTED):
        if data_dir in resolved.parents:
            raise GebruiksFout(
                f"{option} '{toon(path)}' ligt in '{data_dir.name}/'; daar staan gegevens of "
                "bronbestanden, die worden niet overschreven. Kies een bestand buiten die map"
            )
    if resolved.parent == root_abs and resolved.name in PROJECT_FILES:
        raise GebruiksFout(
            f"{option} '{toon(path)}' is een bestand van het project zelf; dat wordt niet "
            "overschreven. Kies een andere bestandsnaam"
        )
    if resolved.suffix.lower() in DATA_SUFFIXES and resolved.exists():
        raise GebruiksFout(
            f"{option} '{toon(path)}' is een bestaand YAML-bestand (mogelijk gegevens); dat wordt "
            "niet overschreven. Kies een nieuwe bestandsnaam"
        )


#: The lock that `build` and `flyers` hold while they write a project's output and caches.
SLOT = Path(".wegwijzer-cache") / "schrijfslot"


@contextlib.contextmanager
def schrijfslot(root: Path, wat: str) -> Iterator[None]:
    """Hold the project's write lock while `wat` ('build', 'flyers') runs; a second command
    that writes the same project is refused with a Dutch message (exit 1) instead of mixing
    its files with the first one's. The lock is an `flock` on `<root>/.wegwijzer-cache/
    schrijfslot`: the system releases it when the process ends, however it ends, so a killed
    run never leaves a stale lock behind."""
    import fcntl

    path = Path(root) / SLOT
    try:
        path.parent.mkdir(exist_ok=True)  # never creates a project folder that is not there
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield  # a read-only project cannot be written to anyway; the write reports it
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
            who = f"'wegwijzer {holder[1]}' (proces {holder[0]})" if len(holder) >= 2 else (
                "een ander wegwijzer-commando"
            )
            raise WegwijzerFout(
                f"er loopt al {who} in dit project; wacht tot dat klaar is en probeer het dan "
                f"opnieuw (twee commando's die tegelijk schrijven zouden elkaars bestanden "
                "door elkaar halen)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {wat}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock
