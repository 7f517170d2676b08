"""Finished flyers by content: a flyer whose inputs did not change is not rendered again.

The key is a SHA-256 of the template's data (JSON: every text, number, the QR code and the
date), the formats, every file of the template folder (template, fonts, images), the Typst
version and the source of the modules that turn that data into bytes. An entry is a folder
``<key[:2]>/<key>/`` with one file per format and ``manifest.json``, which records what the
entry is for (key, gemeente, taal, formats) and each file's size and SHA-256.

What the cache serves is checked on every read against that manifest: a missing, extra,
truncated or altered file, another gemeente's flyer, or a manifest that is unreadable or not
ours is a miss (the flyer is rendered again and the entry replaced), never a crash and never
a broken file published. Nothing in the cache is read in a way that can run code (JSON only).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from wegwijzer.flyer.tempfiles import TMP, clean_stale, owned_prefix

#: Where the cache lives, under the project root.
CACHE_DIR = Path(".wegwijzer-cache") / "flyers"
MANIFEST = "manifest.json"
#: The manifest's layout; another version is a miss.
VERSIE = 1
#: A manifest larger than this is not ours (ours is well under a kilobyte).
MANIFEST_MAX = 64 * 1024
#: The modules whose source decides a flyer's bytes from its data (part of every key).
BRONNEN = ("compiler.py", "pdfboxes.py", "qr.py", "cache.py")


class FlyerCache:
    """The cache of one run: its folder, the formats rendered, and what it served."""

    def __init__(self, folder: Path, template_dir: Path, formats: tuple[str, ...]) -> None:
        from importlib import metadata

        self.folder = folder
        self.formats = tuple(formats)
        #: Files read from the cache (each checked against its manifest).
        self.gelezen = 0
        base = hashlib.sha256()
        for path in sorted(p for p in template_dir.rglob("*") if p.is_file()):
            base.update(path.relative_to(template_dir).as_posix().encode() + b"\0")
            base.update(hashlib.sha256(path.read_bytes()).digest())
        try:
            base.update(metadata.version("typst").encode())
        except metadata.PackageNotFoundError:
            pass
        for module in BRONNEN:
            base.update(Path(__file__).with_name(module).read_bytes())
        base.update(json.dumps(self.formats).encode())
        self.base = base
        self._clean_stale()

    def key(self, inhoud: dict[str, Any]) -> str:
        digest = self.base.copy()
        digest.update(json.dumps(inhoud, ensure_ascii=False, sort_keys=True).encode())
        return digest.hexdigest()

    def entry(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str, gemeente: str, taal: str) -> dict[str, bytes] | None:
        """The files of a flyer rendered before, each as its manifest recorded it; None (a
        miss) for anything else."""
        entry = self.entry(key)
        try:
            if set(os.listdir(entry)) != {MANIFEST, *self.formats}:
                return None  # a file missing, or one that is not ours (.DS_Store, ...)
            manifest = self._manifest(entry, key, gemeente, taal)
            if manifest is None:
                return None
            files = {}
            for formaat in self.formats:
                recorded = manifest[formaat]
                path = entry / formaat
                if path.is_symlink() or path.stat().st_size != recorded["grootte"]:
                    return None
                content = path.read_bytes()
                self.gelezen += 1
                if len(content) != recorded["grootte"] or hashlib.sha256(content).hexdigest() != recorded["sha256"]:
                    return None
                files[formaat] = content
            return files
        except (OSError, ValueError, RecursionError):  # RecursionError: absurdly nested JSON
            return None

    def _manifest(self, entry: Path, key: str, gemeente: str, taal: str) -> dict[str, dict[str, Any]] | None:
        """The recorded files (format -> size and hash) when the manifest is ours and is for
        this very flyer; None otherwise."""
        path = entry / MANIFEST
        if path.is_symlink():
            return None
        with path.open("rb") as handle:
            raw = handle.read(MANIFEST_MAX + 1)
        self.gelezen += 1
        if len(raw) > MANIFEST_MAX:
            return None
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or set(data) != {"versie", "sleutel", "gemeente", "taal", "bestanden"}:
            return None
        if (data["versie"], data["sleutel"], data["gemeente"], data["taal"]) != (VERSIE, key, gemeente, taal):
            return None
        bestanden = data["bestanden"]
        if not isinstance(bestanden, dict) or set(bestanden) != set(self.formats):
            return None
        for recorded in bestanden.values():
            if not (
                isinstance(recorded, dict)
                and set(recorded) == {"grootte", "sha256"}
                and type(recorded["grootte"]) is int
                and isinstance(recorded["sha256"], str)
                and len(recorded["sha256"]) == 64
            ):
                return None
        return bestanden

    def put(self, key: str, gemeente: str, taal: str, files: dict[str, bytes]) -> None:
        """Keep a flyer just rendered; an entry that was there (a miss: damaged, not ours)
        is replaced. A cache that cannot be written only costs time on the next run."""
        if set(files) != set(self.formats):
            return
        entry = self.entry(key)
        tmp: Path | None = None
        old: Path | None = None
        manifest = {
            "versie": VERSIE,
            "sleutel": key,
            "gemeente": gemeente,
            "taal": taal,
            "bestanden": {
                formaat: {"grootte": len(content), "sha256": hashlib.sha256(content).hexdigest()}
                for formaat, content in files.items()
            },
        }
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=owned_prefix(TMP), dir=entry.parent))
            for formaat, content in files.items():
                (tmp / formaat).write_bytes(content)
            (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            if entry.exists() or entry.is_symlink():
                old = Path(tempfile.mkdtemp(prefix=owned_prefix(TMP), dir=entry.parent))
                os.replace(entry, old / "weg")
            os.replace(tmp, entry)
            tmp = None
        except OSError:
            pass
        finally:
            for leftover in (tmp, old):
                if leftover is not None:
                    shutil.rmtree(leftover, ignore_errors=True)

    def _clean_stale(self) -> None:
        """Remove the temporary folders of runs that were killed while writing an entry."""
        try:
            parts = [p for p in self.folder.iterdir() if len(p.name) == 2 and p.is_dir()]
        except OSError:
            return
        for part in parts:
            clean_stale(part, TMP)
