"""The site search: Pagefind indexes the built site, one index per page language.

Pagefind (https://pagefind.app, MIT) splits the index into small gzip parts; the browser
fetches only the parts a search needs: the language's page list, the word chunks of the query
and the fragments of the results it shows. The binary comes from the PyPI package
`pagefind-bin-extended` (the extended build: Dutch and other stemmers); nothing is downloaded
at build or run time.

Which pages are in the index is decided by `pages.Pagina.zoeken`: their content is marked
`data-pagefind-body` (so every other page is left out), with a `gemeente` filter on the pages
of one gemeente.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from wegwijzer.diagnostics import WegwijzerFout

MAP = "pagefind"  # the index folder in the site
# Pagefind's own interfaces: the site has its own search box (wegwijzer.js), so these go.
_ONGEBRUIKT = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


class ZoekFout(WegwijzerFout):
    """The search index could not be made."""


def binary() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise ZoekFout(
            "de zoekfunctie kan niet gemaakt worden: het programma Pagefind ontbreekt. "
            "Installeer de wegwijzer opnieuw (pip install -e .), dan komt het mee."
        ) from None
    return Path(get_executable())


def markeer(content: str, gemeente: str | None) -> str:
    """The page content, marked as what the index holds (and filtered by `gemeente`)."""
    attributes = " data-pagefind-body"
    if gemeente:
        # attribute form "naam:waarde"; a comma would start a second filter
        attributes += f' data-pagefind-filter="gemeente:{html.escape(gemeente.replace(",", " "))}"'
    return f"<div{attributes}>{content}</div>"


def indexeer(site: Path, *, timeout: float = 600) -> str:
    """Index the built site in `site` into `site/pagefind/`; Pagefind's report on success."""
    command = [str(binary()), "--site", str(site), "--output-subdir", MAP]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ZoekFout(f"de zoekindex is niet gemaakt: Pagefind kon niet draaien ({exc})") from None
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or "Error:" in output:
        last = "\n".join(output.splitlines()[-8:])
        raise ZoekFout(f"de zoekindex is niet gemaakt: Pagefind stopte met code {done.returncode}.\n{last}")
    folder = site / MAP
    if not (folder / "pagefind.js").is_file() or not (folder / "pagefind-entry.json").is_file():
        raise ZoekFout(f"de zoekindex is niet gemaakt: Pagefind schreef geen '{MAP}/pagefind.js'")
    for name in _ONGEBRUIKT:
        (folder / name).unlink(missing_ok=True)
    return output

