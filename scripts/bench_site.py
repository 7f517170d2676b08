#!/usr/bin/env python3
"""Measure the site as a phone loads it: page weight (gzip, first visit) in Chromium.

    python scripts/bench_site.py                 # the shipped data
    python scripts/bench_site.py --schaal 342    # plus a synthetic national-scale copy
    python scripts/bench_site.py --site site/    # an existing build

Builds the site (without flyers: they are not loaded by a page) into a temporary folder,
serves it on 127.0.0.1 with gzip, loads pages in Debian's Chromium at 360 px wide with an
empty cache, and counts every byte the server sent until the network was idle (the page,
CSS, JavaScript, search index and worker, icons). The budget for a gemeentepagina is
150 KB; the script exits with 1 when a gemeentepagina is over it.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wegwijzer.site.browser import chromium, page_weight, serve
from wegwijzer.site.build import build_site

BUDGET = 150_000


def kb(size: int) -> str:
    return f"{size / 1000:.1f} KB"


def build(root: Path, out: Path) -> float:
    start = time.perf_counter()
    result = build_site(root, out, flyers=False)
    if result.out is None:
        for melding in result.resultaat.meldingen.fouten:
            print(melding.format(), file=sys.stderr)
        raise SystemExit("bench_site: de gegevens hebben fouten; de site is niet gebouwd")
    return time.perf_counter() - start


def synthetic_root(root: Path, count: int, into: Path) -> Path:
    """A copy of `root` with `count` gemeenten: the real ones plus clones that have only a
    gemeente block (name and woonplaatsen), so they inherit their region's offer."""
    target = into / "schaal"
    shutil.copytree(root / "content", target / "content")
    shutil.copytree(root / "gemeenten", target / "gemeenten")
    shutil.copy(root / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(root / "docs", target / "docs")
    sources = sorted((root / "gemeenten").glob("*.yml"))
    number = 0
    while len(list((target / "gemeenten").glob("*.yml"))) < count:
        source = sources[number % len(sources)]
        number += 1
        text = source.read_text(encoding="utf-8")
        block = re.search(r"^gemeente:\n(?:[ #].*\n|\n)*", text, re.MULTILINE)
        assert block, source
        lines = [
            line for line in block.group(0).splitlines()
            if not line.strip().startswith(("partners:", "flyer_talen:", "opmerking:"))
            and not line.startswith("    ")
        ]
        gemeente = "\n".join(lines)
        gemeente = re.sub(r"(naam: )(.*)", rf"\g<1>\g<2> {number}", gemeente, count=1)
        suffix = number

        def renamed(match: re.Match[str], suffix: int = suffix) -> str:
            places = ", ".join(f"{p.strip()} {suffix}" for p in match.group(1).split(","))
            return f"woonplaatsen: [{places}]"

        gemeente = re.sub(r"woonplaatsen: \[(.*)\]", renamed, gemeente)
        (target / "gemeenten" / f"{source.stem}-{number}.yml").write_text(gemeente + "\n", encoding="utf-8")
    return target


def measure(site: Path, label: str) -> bool:
    gemeenten = sorted(
        p.parent.name for p in site.glob("*/index.html")
        if p.parent.name not in {"hulplijnen", "sociale-kaart", "toegankelijkheid", "privacy", "search", "assets"}
    )
    index = site / "search" / "search_index.json"
    index_raw = index.read_bytes() if index.exists() else b""
    print(f"\n== {label}: {len(gemeenten)} gemeentepagina's")
    print(f"search_index.json: {kb(len(index_raw))} ({kb(len(gzip.compress(index_raw)))} gzip); "
          "niet geladen op een gemeentepagina")
    ok = True
    with serve(site) as server, chromium() as browser:
        for path in ("", "sociale-kaart/", "hulplijnen/"):
            weight = page_weight(browser, server, path)
            print(f"{'/' + path:<28} {kb(weight.totaal):>10}  ({len(weight.requests)} verzoeken)")
        sample = gemeenten if len(gemeenten) <= 40 else gemeenten[:: max(1, len(gemeenten) // 40)]
        weights = []
        for slug in sample:
            weight = page_weight(browser, server, f"{slug}/")
            weights.append((weight.totaal, slug, weight))
        weights.sort(reverse=True)
        heaviest = weights[0][2]
        print(f"gemeentepagina's gemeten: {len(weights)}; zwaarste /{weights[0][1]}/: "
              f"{kb(weights[0][0])}, lichtste /{weights[-1][1]}/: {kb(weights[-1][0])}")
        for path, size in heaviest.requests:
            print(f"    {path:<60} {kb(size):>10}")
        over = [(size, slug) for size, slug, _ in weights if size > BUDGET]
        if over:
            ok = False
            print(f"TE ZWAAR (meer dan {kb(BUDGET)}): " + ", ".join(f"/{s}/ {kb(n)}" for n, s in over))
        else:
            print(f"alle gemeentepagina's binnen het budget van {kb(BUDGET)}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="projectmap (standaard: deze repository)")
    parser.add_argument("--site", type=Path, help="meet een bestaande build in plaats van te bouwen")
    parser.add_argument("--schaal", type=int, metavar="N", help="meet ook een kopie met N gemeenten")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        if args.site:
            ok &= measure(args.site, str(args.site))
        else:
            seconds = build(args.root, Path(tmp) / "site")
            print(f"build (zonder flyers): {seconds:.1f} s")
            ok &= measure(Path(tmp) / "site", "gegevens")
        if args.schaal:
            root = synthetic_root(args.root, args.schaal, Path(tmp))
            seconds = build(root, Path(tmp) / "schaal-site")
            print(f"\nbuild met {args.schaal} gemeenten (zonder flyers): {seconds:.1f} s")
            ok &= measure(Path(tmp) / "schaal-site", f"schaal {args.schaal}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
