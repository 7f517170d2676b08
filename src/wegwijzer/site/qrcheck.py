"""Every address a QR code encodes is a page of the site that is about to be published.

A flyer is printed and handed out for years; its QR code must lead to a page. The build asks
this before the new site replaces the old one (`build.build_site`): an address under
`site_url` whose folder has no `index.html` in the new site stops the build.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from wegwijzer.diagnostics import WegwijzerFout


def missing_pages(urls: Iterable[str], site_url: str, folder: Path) -> list[str]:
    """The addresses of `urls` that are no page of the site built in `folder`: outside
    `site_url`, or without `<folder>/<path>/index.html`."""
    base = urlsplit(site_url)
    missing = []
    for url in sorted(set(urls)):
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(
            base.path
        ):
            missing.append(url)
            continue
        relative = unquote(parts.path[len(base.path):])
        segments = [s for s in relative.split("/") if s]
        if any(s in (".", "..") for s in segments) or parts.query or parts.fragment:
            missing.append(url)
            continue
        page = folder.joinpath(*segments)
        page = page if page.name.endswith(".html") else page / "index.html"
        if not page.is_file():
            missing.append(url)
    return missing


def check_qr_addresses(urls: Iterable[str], site_url: str, folder: Path, out: str) -> None:
    """Refuse to publish a site where a QR address leads nowhere."""
    missing = missing_pages(urls, site_url, folder)
    if missing:
        shown = ", ".join(missing[:5]) + (f" en nog {len(missing) - 5}" if len(missing) > 5 else "")
        raise WegwijzerFout(
            f"de site is niet gebouwd: de QR-code van een flyer wijst naar een adres dat geen "
            f"pagina van de site is ({shown}); '{out}' is niet veranderd. Kijk site_url in "
            "mkdocs.yml na"
        )
