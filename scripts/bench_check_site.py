#!/usr/bin/env python3
"""Time the phases of `wegwijzer check --site` on a built site, in this process: validate
(reading the YAML), the number index, the pages (parse, links, anchors, tel:/mailto:) and the
flyers (PDF text and numbers). Prints wall time and CPU time (this process plus its worker
processes) per phase, and the peak memory (max RSS) of this process and of the largest
worker. CPU time is the steadier number on a shared machine.

Usage:
    python scripts/gen_national.py --out /tmp/natcheck
    wegwijzer build --root /tmp/natcheck
    python scripts/bench_check_site.py --root /tmp/natcheck [--site DIR] [--serieel]

--serieel reads every page and flyer in this process (no worker processes), to compare.
The whole command, as a user runs it:
    /usr/bin/time -f "%e s %M KB" wegwijzer check --root /tmp/natcheck --site /tmp/natcheck/site
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from wegwijzer.check import site as site_check
from wegwijzer.check.numbers import build_index
from wegwijzer.diagnostics import Meldingen
from wegwijzer.rules.validate import validate


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # counted once they have ended
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


class Phase:
    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> Phase:
        self.wall, self.cpu = time.perf_counter(), cpu()
        return self

    def __exit__(self, *_exc: object) -> None:
        wall, used = time.perf_counter() - self.wall, cpu() - self.cpu
        print(f"{self.name:<28} {wall:8.1f} s wall {used:8.1f} s cpu", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--site", type=Path, help="default: ROOT/site")
    parser.add_argument("--serieel", action="store_true", help="no worker processes")
    args = parser.parse_args()
    if args.serieel:
        site_check._cores = lambda: 1

    with Phase("validate (YAML)"):
        validatie = validate(args.root)
    with Phase("number index"):
        index = build_index(validatie.project, validatie.gemeenten)
    meldingen = Meldingen()
    check = site_check.SiteCheck(
        args.site or args.root / "site", index, set(validatie.gemeenten), meldingen
    )
    pages, flyers = check._pages, check._flyers

    def timed_pages(paginas: object) -> None:
        with Phase("  pages (this process)"):
            pages(paginas)

    def timed_flyers(scans: object) -> None:
        with Phase("  flyers (this process)"):
            flyers(scans)

    check._pages, check._flyers = timed_pages, timed_flyers
    with Phase("site check, workers included"):
        result = check.run()
    print(
        f"{result.paginas} pages, {result.interne_links} internal links, {result.tel_links} "
        f"tel:, {len(result.externe)} external links, {result.flyers} flyers, "
        f"{len(meldingen)} messages"
    )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"peak memory: {own} MB (this process), {worker} MB (largest worker)")


if __name__ == "__main__":
    main()
