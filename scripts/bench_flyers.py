#!/usr/bin/env python3
"""Render every flyer of the pilot region (Gelderland-Midden) and print flyers per second.

One flyer is one gemeente in one language, in all four formats (A5, drukwerk, A4, PNG).
Usage: python scripts/bench_flyers.py [--root MAP] [--regio gelderland-midden] [--rondes 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from wegwijzer.config import read_config
from wegwijzer.diagnostics import Meldingen
from wegwijzer.flyer.names import flyer_talen
from wegwijzer.flyer.render import render_all
from wegwijzer.validate import validate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--regio", default="gelderland-midden")
    parser.add_argument("--rondes", type=int, default=3, help="number of timed runs")
    args = parser.parse_args()

    resultaat = validate(args.root)
    if resultaat.meldingen.has_errors:
        print("bench: the data has errors; run `wegwijzer validate`", file=sys.stderr)
        return 1
    config = read_config(args.root)
    slugs = sorted(s for s, d in resultaat.gemeenten.items() if d.regio_slug == args.regio)
    if not slugs:
        print(f"bench: no gemeenten in regio '{args.regio}'", file=sys.stderr)
        return 1
    resultaat.gemeenten = {s: resultaat.gemeenten[s] for s in slugs}
    flyers = sum(len(flyer_talen(resultaat.gemeenten[s].info.flyer_talen)) for s in slugs)

    times = []
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as out:
        for ronde in range(args.rondes + 1):  # the first run warms up (fonts, caches)
            start = time.perf_counter()
            files = render_all(resultaat, Path(out), config, meldingen=Meldingen())
            elapsed = time.perf_counter() - start
            if ronde:
                times.append(elapsed)
        size = sum(f.stat().st_size for f in files)
    best, median = min(times), statistics.median(times)
    print(
        f"regio {args.regio}: {len(slugs)} gemeenten, {flyers} flyers "
        f"({len(files)} bestanden, {size / 1e6:.1f} MB)"
    )
    print(f"tijd per ronde: beste {best:.2f} s, mediaan {median:.2f} s")
    print(f"{flyers / median:.1f} flyers per seconde ({1000 * median / flyers:.0f} ms per flyer, 4 formaten)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
