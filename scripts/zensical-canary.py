#!/usr/bin/env python3
"""Compare a site built by MkDocs with the same site built by Zensical, and report what differs.

Usage: python scripts/zensical-canary.py SITE_MKDOCS SITE_ZENSICAL [--report FILE.md]

Zensical reads mkdocs.yml but does not run MkDocs plugins and hooks (our `wegwijzer` plugin
makes the gemeentepagina's and the sociale kaart) nor the Material privacy plugin. This
report makes the gap visible: pages missing on either side, and pages whose text differs.
Exit code 1 when a page is missing or differs (the CI job is allowed to fail).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    main = re.search(r"<main\b.*?</main>", raw, re.DOTALL | re.IGNORECASE)
    body = main.group(0) if main else raw
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.DOTALL | re.IGNORECASE)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mkdocs", type=Path)
    parser.add_argument("zensical", type=Path)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    ours, theirs = pages(args.mkdocs), pages(args.zensical)
    missing = sorted(set(ours) - set(theirs))
    extra = sorted(set(theirs) - set(ours))
    differ = sorted(p for p in set(ours) & set(theirs) if text(ours[p]) != text(theirs[p]))
    lines = [
        "# Zensical canary",
        "",
        f"- pages built by MkDocs: {len(ours)}",
        f"- pages built by Zensical: {len(theirs)}",
        f"- only in the MkDocs build (missing in Zensical): {len(missing)}",
        f"- only in the Zensical build: {len(extra)}",
        f"- in both, with different text in <main>: {len(differ)}",
        "",
        (
            "Known causes: Zensical does not run MkDocs plugins or hooks (the `wegwijzer` plugin "
            "makes the gemeentepagina's, the sociale kaart and the flyers) nor the privacy plugin."
        ),
    ]
    for title, items in (("Missing in Zensical", missing), ("Only in Zensical", extra),
                         ("Different text", differ)):
        if items:
            lines += ["", f"## {title}", ""] + [f"- `{p}`" for p in items[:200]]
            if len(items) > 200:
                lines.append(f"- ... and {len(items) - 200} more")
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    return 1 if missing or differ else 0


if __name__ == "__main__":
    sys.exit(main())
