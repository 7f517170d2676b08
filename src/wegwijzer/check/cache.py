"""A result cache on disk, so that a second run re-checks nothing that was fine recently.

One JSON file (``<root>/.wegwijzer-cache/links.json``, not committed): per address the last
outcome and when it was checked. Only good outcomes (ok, moved, temporarily redirected) are
reused, and only within the time to live; every failure is checked again on the next run.
A damaged or unreadable cache is ignored (and rewritten), never an error.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from wegwijzer import files
from wegwijzer.check.fetch import Uitkomst

CACHE_DIR = ".wegwijzer-cache"
CACHE_FILE = "links.json"
VERSION = 1
DEFAULT_TTL = 24 * 3600.0


def cache_path(root: Path) -> Path:
    return root / CACHE_DIR / CACHE_FILE


class LinkCache:
    def __init__(self, path: Path, ttl: float = DEFAULT_TTL, now: float | None = None) -> None:
        self.path = path
        self.ttl = ttl
        self.now = time.time() if now is None else now
        self.entries: dict[str, Uitkomst] = {}
        self.probleem: str | None = None  # why the cache could not be read or written
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            self.probleem = f"cache '{self.path}' is onleesbaar en wordt opnieuw gemaakt ({exc})"
            return
        if not isinstance(data, dict) or data.get("versie") != VERSION:
            return
        for url, record in (data.get("links") or {}).items():
            try:
                self.entries[url] = Uitkomst.from_json({**record, "url": url})
            except (KeyError, TypeError, ValueError):
                continue

    def get_first(self, urls: list[str]) -> set[str]:
        """Addresses whose last answer came from GET (their HEAD was no use): ask GET at once."""
        return {u for u in urls if u in self.entries and self.entries[u].methode == "GET"}

    def fresh(self, url: str) -> Uitkomst | None:
        """The cached outcome if it was good and is younger than the time to live."""
        hit = self.entries.get(url)
        if hit is None or not hit.goed:
            return None
        age = self.now - hit.gecontroleerd_op
        if age < 0 or age > self.ttl:
            return None
        hit.uit_cache = True
        return hit

    def update(self, results: dict[str, Uitkomst]) -> None:
        for url, outcome in results.items():
            if outcome.uit_cache:
                continue
            if outcome.status.value == "niet-gecontroleerd":
                continue  # nothing learnt; keep what we knew
            self.entries[url] = outcome

    def save(self) -> None:
        records = {}
        for url, outcome in sorted(self.entries.items()):
            record = outcome.to_json()
            record.pop("url")
            records[url] = record
        text = json.dumps({"versie": VERSION, "links": records}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            files.write_atomic(self.path, (text + "\n").encode("utf-8"))
        except OSError as exc:
            self.probleem = f"cache '{self.path}' kan niet worden geschreven ({exc.strerror})"
