#!/usr/bin/env python3
"""Render flyers and print flyers per second: the pilot region, or every gemeente (--alle).

One flyer is one gemeente in one language, in all four formats (A5, drukwerk, A4, PNG).
Every timed run is cold: the flyer cache (.wegwijzer-cache/flyers) is pointed at an empty
temporary folder, so every flyer is rendered. Memory is the largest resident size of this
process and of any one worker process.

Usage:
  python scripts/bench_flyers.py [--root MAP] [--regio gelderland-midden] [--rondes 3]
  python scripts/gen_national.py --out /tmp/natflyer
  python scripts/bench_flyers.py --root /tmp/natflyer --alle --rondes 1
  python scripts/bench_flyers.py --root /tmp/natflyer --alle --aantal 40 --rondes 2
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from wegwijzer.read.config import read_config
from wegwijzer.diagnostics import Meldingen
from wegwijzer.flyer import render_all
from wegwijzer.flyer.pool import workers as flyer_workers
from wegwijzer.flyer.names import flyer_talen
from wegwijzer.rules.validate import validate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--regio", default="gelderland-midden")
    parser.add_argument("--alle", action="store_true", help="every gemeente, not one regio")
    parser.add_argument("--aantal", type=int, metavar="N", help="only the first N of those gemeenten")
    parser.add_argument("--rondes", type=int, default=3, help="number of timed runs")
    parser.add_argument("--opwarmen", type=int, default=None, help="untimed runs first (default: 1, with --alle 0)")
    args = parser.parse_args()

    start = time.perf_counter()
    resultaat = validate(args.root)
    validate_s = time.perf_counter() - start
    if resultaat.meldingen.has_errors:
        print("bench: the data has errors; run `wegwijzer validate`", file=sys.stderr)
        return 1
    config = read_config(args.root)
    if args.alle:
        slugs = sorted(resultaat.gemeenten)
        naam = "alle gemeenten"
    else:
        slugs = sorted(s for s, d in resultaat.gemeenten.items() if d.regio_slug == args.regio)
        naam = f"regio {args.regio}"
    if not slugs:
        print(f"bench: no gemeenten in regio '{args.regio}'", file=sys.stderr)
        return 1
    if args.aantal:
        slugs = slugs[: args.aantal]
        naam += f" (de eerste {len(slugs)})"
    resultaat.gemeenten = {s: resultaat.gemeenten[s] for s in slugs}
    flyers = sum(len(flyer_talen(resultaat.gemeenten[s].info.flyer_talen)) for s in slugs)
    opwarmen = args.opwarmen if args.opwarmen is not None else (0 if args.alle else 1)

    times = []
    cpu = []
    cpu_main = []
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as tmp:
        for ronde in range(opwarmen + args.rondes):
            out = Path(tmp) / f"site{ronde}"
            cache = Path(tmp) / f"cache{ronde}"  # a new, empty cache per round: cold
            cpu_start = _cpu_seconds()
            main_start = _cpu_seconds(children=False)
            start = time.perf_counter()
            files = render_all(resultaat, out, config, meldingen=Meldingen(), cache_dir=cache)
            elapsed = time.perf_counter() - start
            if ronde >= opwarmen:
                times.append(elapsed)
                cpu.append(_cpu_seconds() - cpu_start)
                cpu_main.append(_cpu_seconds(children=False) - main_start)
        size = sum(f.stat().st_size for f in files)
    best, median = min(times), statistics.median(times)
    workers = flyer_workers()
    print(f"{naam}: {len(slugs)} gemeenten, {flyers} flyers ({len(files)} bestanden, {size / 1e6:.1f} MB)")
    print(f"validate: {validate_s:.1f} s (niet in de tijden hieronder)")
    print(f"tijd per ronde (koud, {workers} werkers): beste {best:.2f} s, mediaan {median:.2f} s")
    print(
        f"{flyers / median:.1f} flyers per seconde ({1000 * median / flyers:.0f} ms per flyer, 4 formaten); "
        f"processortijd {statistics.median(cpu):.1f} s ({1000 * statistics.median(cpu) / flyers:.0f} ms per flyer), "
        f"waarvan hoofdproces {statistics.median(cpu_main):.1f} s"
    )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"geheugen (grootste): dit proces {own:.0f} MB, een werker {child:.0f} MB")
    return 0


def _cpu_seconds(children: bool = True) -> float:
    """User and system time of this process and (with `children`) its finished children
    (the workers of a run have finished when it returns)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    if children:
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += kids.ru_utime + kids.ru_stime
    return total


if __name__ == "__main__":
    sys.exit(main())
