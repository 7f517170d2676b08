"""What a first search transfers, in a real browser (Debian's Chromium), on a built site.

    python scripts/bench_zoeken.py SITE [--pagina sociale-kaart/] [--zoek zwanger] [--gemeente Ede]

Loads the page as a phone does (empty cache), opens the search, searches once and prints every
request the search caused (gzip bytes on the wire, headers included), the total and the number
of results. A measurement to read, not a test (tests/test_site_zoeken_browser.py has the bound).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wegwijzer.site.browser import PHONE, chromium, eerste_zoekopdracht, serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pagina", default="sociale-kaart/")
    parser.add_argument("--zoek", default="zwanger")
    parser.add_argument("--gemeente", default=None, help="'' for all gemeenten; default: the page's")
    args = parser.parse_args()
    with serve(args.site) as server, chromium() as browser:
        uitkomst = eerste_zoekopdracht(browser, server, args.pagina, args.zoek, args.gemeente, PHONE)
    for path, size in uitkomst.requests:
        print(f"{size:>9,} B  {path}")
    print(f"{uitkomst.totaal:>9,} B  totaal voor de eerste zoekopdracht '{args.zoek}'"
          f"{' in ' + args.gemeente if args.gemeente else ''} op /{args.pagina}")
    print(f"{uitkomst.resultaten} resultaten; status: {uitkomst.status}")
    if uitkomst.extern:
        print("verzoeken naar andere hosts:", *uitkomst.extern, sep="\n  ")


if __name__ == "__main__":
    main()
