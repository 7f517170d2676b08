#!/usr/bin/env python3
"""Benchmark every stage on the pilot data (the repo root) and on the synthetic national
dataset (scripts/gen_national.py, generated into a temporary folder); print one table.

Stages: validate, merge (load + merge only), site build (without flyers), all flyers (every
gemeente, language and format), `check` offline (with --site), `check --online` against a
loopback server with a fixed latency (tests/faultserver.py; a copy of the data whose web
addresses point to http://<host>:<port>/ok/..., every host mapped to 127.0.0.1 with
--resolve), and the flyers of one gemeente after an edit of that gemeente's file. Each stage
runs in its own process under /usr/bin/time: wall time and peak memory (max RSS).

After the stage table: the parent pages the site build made per language (/<gemeente>/ in
Dutch, /<gemeente>/<taal>/ for each language of a gemeente's flyer_talen, /<taal>/) and the
cost per unit of work (ms per HTML page, per parent page, per flyer).

The growth column is (national time / pilot time) / (national gemeenten / pilot gemeenten):
about 1 or below means linear (or better), far above 1 means worse than linear.

Optionally (--gewicht) the gemeentepagina weight at national scale is measured in Chromium
(wegwijzer.site.browser.page_weight, as scripts/bench_site.py does).

Usage: python scripts/bench.py [--quick] [--gewicht] [--latency 0.05] [--gemeenten 342]
    --quick   skip the slowest stage (all flyers of the national set; the pilot's still run)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WEGWIJZER = [sys.executable, "-m", "wegwijzer"]
MERGE = (
    "import sys; from pathlib import Path; from wegwijzer.diagnostics import Meldingen; "
    "from wegwijzer.read.project import load_project; from wegwijzer.read.merge import Merger; "
    "m = Meldingen(); print(len(Merger(load_project(Path(sys.argv[1]), m), m).all()))"
)
URL = re.compile(r"https?://([A-Za-z0-9.-]+)(/[^\"\s]*)?")


class Stage:
    def __init__(self, name: str, seconds: float | None, rss_kb: int | None, rc: int | None, note: str = "") -> None:
        self.name, self.seconds, self.rss_kb, self.rc, self.note = name, seconds, rss_kb, rc, note


def timed(name: str, cmd: list[str], env: dict[str, str] | None = None, note: str = "") -> Stage:
    """Run `cmd` under /usr/bin/time; wall time and max RSS of that process tree's largest one."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", "-o", stats.name, *cmd],
            capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=REPO, check=False,
        )
        wall = time.perf_counter() - start
        fields = (stats.read().strip().splitlines() or ["0 0"])[-1].split()
    rss = int(fields[1]) if len(fields) == 2 and fields[1].isdigit() else None
    memory = f"{rss / 1024:.0f} MB" if rss else "?"
    print(f"bench: {name}: {wall:.1f} s, {memory}, exit {done.returncode}", file=sys.stderr, flush=True)
    if done.returncode not in (0, 1):
        tail = (done.stderr or done.stdout)[-600:]
        print(f"bench: {name}: exit {done.returncode}\n{tail}", file=sys.stderr)
    return Stage(name, wall, rss, done.returncode, note)


def skipped(name: str, why: str) -> Stage:
    return Stage(name, None, None, None, why)


def online_copy(root: Path, into: Path, port: int) -> tuple[Path, list[str]]:
    """A copy of the data files with every web address on the loopback server; the hosts."""
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    shutil.copy(root / "mkdocs.yml", into / "mkdocs.yml")
    hosts: set[str] = set()

    def local(match: re.Match[str]) -> str:
        host = match.group(1).lower()
        hosts.add(host)
        return f"http://{host}:{port}/ok{match.group(2) or '/'}"

    for folder in ("content", "gemeenten"):
        for path in (root / folder).rglob("*"):
            if path.is_dir():
                continue
            target = into / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix in (".yml", ".yaml"):
                target.write_text(URL.sub(local, path.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copy(path, target)
    return into, sorted(hosts)


class LoopbackServer:
    def __init__(self, latency: float) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(REPO / "tests" / "faultserver.py"), "--hosts", "1", "--latency", str(latency)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.process.stdout is not None
        self.port = int(self.process.stdout.readline())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)


def count_urls(root: Path) -> int:
    urls = set()
    for folder in ("content", "gemeenten"):
        for path in (root / folder).rglob("*.yml"):
            urls.update(m.group(0) for m in URL.finditer(path.read_text(encoding="utf-8")))
    return len(urls)


def run_stages(label: str, root: Path, work: Path, args: argparse.Namespace, *, all_flyers: bool) -> dict[str, Stage]:
    site = work / f"{label}-site"
    env = {"WEGWIJZER_DATUM": "2026-11-01"}
    stages: dict[str, Stage] = {}
    stages["validate"] = timed("validate", [*WEGWIJZER, "validate", "--root", str(root)], env)
    stages["merge"] = timed("merge", [sys.executable, "-c", MERGE, str(root)], env)
    stages["site"] = timed(
        "site build", [*WEGWIJZER, "build", "--root", str(root), "--out", str(site), "--zonder-flyers"], env
    )
    flyers = work / f"{label}-flyers"
    if all_flyers:
        cold(root)
        stages["flyers"] = timed("all flyers", [*WEGWIJZER, "flyers", "--root", str(root), "--out", str(flyers)], env)
        cold(root)
        stages["build"] = timed(
            "whole build (validate, site, flyers)",
            [*WEGWIJZER, "build", "--root", str(root), "--out", str(work / f"{label}-build")], env,
            note="one `wegwijzer build`, flyer cache empty",
        )
    else:
        stages["flyers"] = skipped("all flyers", "--quick")
        stages["build"] = skipped("whole build (validate, site, flyers)", "--quick")
    stages["check"] = timed(
        "check (offline, --site)",
        [*WEGWIJZER, "check", "--root", str(root), "--site", str(site), "--geen-cache"], env,
    )
    server = LoopbackServer(args.latency)
    try:
        copy, hosts = online_copy(root, work / f"{label}-online", server.port)
        resolve = [a for h in hosts for a in ("--resolve", f"{h}:127.0.0.1")]
        stages["online"] = timed(
            "check --online",
            [*WEGWIJZER, "check", "--root", str(copy), "--online", "--allow-private", "--geen-cache",
             "--max-tijd", "900", *resolve],
            env, note=f"{count_urls(root)} URLs, {len(hosts)} hosts, {args.latency * 1000:.0f} ms",
        )
    finally:
        server.close()
    # one gemeente edited: its flyers only. A comment (no flyer changes: all from the cache)
    # and its name (every language rendered again).
    gemeente = min((root / "gemeenten").glob("*.yml"))
    original = gemeente.read_bytes()
    one = [*WEGWIJZER, "flyers", "--root", str(root), "--out", str(flyers), "--gemeente", gemeente.stem]
    try:
        gemeente.write_bytes(original + b"# bewerkt voor de benchmark\n")
        stages["one"] = timed("1 gemeente's flyers, comment edited", one, env)
        gemeente.write_text(renamed(original.decode("utf-8")), encoding="utf-8")
        stages["one-name"] = timed("1 gemeente's flyers, name edited", one, env)
    finally:
        gemeente.write_bytes(original)
    return stages


def amounts(prefix: Path) -> tuple[int, float]:
    """Flyers rendered (A5 files) and megabytes of HTML of one run's output."""
    flyers = sum(1 for _ in Path(f"{prefix}-flyers").rglob("*-a5.pdf"))
    html = sum(p.stat().st_size for p in Path(f"{prefix}-site").rglob("*.html")) / 1e6
    return flyers, html


def parent_pages(root: Path, site: Path) -> dict[str, int]:
    """Parent pages built per language: /<gemeente>/ (nl) and /<gemeente>/<taal>/ for every
    language with a translation file; "home" counts the /<taal>/ pages (choose your gemeente)."""
    talen = sorted(p.stem for p in (root / "content" / "vertalingen").glob("*.yml") if p.stem != "nl")
    slugs = [p.stem for p in (root / "gemeenten").glob("*.yml")]
    counts = {"nl": sum(1 for slug in slugs if (site / slug / "index.html").is_file())}
    for taal in talen:
        counts[taal] = sum(1 for slug in slugs if (site / slug / taal / "index.html").is_file())
    counts["home"] = sum(1 for taal in talen if (site / taal / "index.html").is_file())
    return counts


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def per_unit(stage: Stage, units: int) -> str:
    """Milliseconds of a stage per unit of its work ('-' when it did not run or made none)."""
    if stage.seconds is None or not units:
        return "-"
    return f"{stage.seconds * 1000 / units:.0f} ms"


def cold(root: Path) -> None:
    """Empty the flyer cache of `root`: the next flyer run renders everything."""
    shutil.rmtree(root / ".wegwijzer-cache" / "flyers", ignore_errors=True)


def renamed(text: str) -> str:
    """The gemeente file with its name changed a little (its last letter doubled): every
    flyer of that gemeente changes (title, QR caption), none of the others."""
    match = re.compile(r'(\n  naam: "?[^"\n]*[^"\n])("?\n)').search(text)
    if match is None:
        return text + "# bewerkt\n"
    return text[: match.end(1)] + match.group(1)[-1] + text[match.end(1):]


def page_weights(site: Path) -> str:
    sys.path.insert(0, str(REPO / "src"))
    from wegwijzer.site.browser import chromium, page_weight, serve

    slugs = sorted(p.parent.name for p in site.glob("voorbeeldgemeente-*/index.html"))
    sample = slugs[:: max(1, len(slugs) // 10)]
    others = ["", "hulplijnen/", "sociale-kaart/", f"sociale-kaart/gemeente/{slugs[0]}/",
              "sociale-kaart/fase/zwanger/", "sociale-kaart/thema/ontmoeten/"]
    others += [f"sociale-kaart/regio/{p.parent.name}/" for p in sorted(site.glob("sociale-kaart/regio/*/index.html"))[:3]]
    with serve(site) as server, chromium() as browser:
        weights = [(page_weight(browser, server, f"{slug}/").totaal, slug) for slug in sample]
        rest = [(page_weight(browser, server, path).totaal, path) for path in others]
    heaviest = max(weights)
    first = (
        f"gemeentepagina (national, {len(sample)} measured in Chromium, first visit): "
        f"heaviest /{heaviest[1]}/ {heaviest[0] / 1024:.0f} KB gzip (target <= 150 KB)"
    )
    lines = [first]
    lines += [f"  other page /{path}: {size / 1024:.0f} KB gzip" for size, path in rest]
    return "\n".join(lines)


def fmt_time(stage: Stage) -> str:
    return "-" if stage.seconds is None else f"{stage.seconds:8.1f} s"


def fmt_mem(stage: Stage) -> str:
    return "-" if stage.rss_kb is None else f"{stage.rss_kb / 1024:6.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip all flyers of the national set")
    parser.add_argument("--gewicht", action="store_true", help="measure gemeentepagina weight in Chromium")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per answer of the loopback server")
    parser.add_argument("--gemeenten", type=int, default=342, help="size of the synthetic set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as tmp:
        work = Path(tmp)
        pilot_root = work / "pilot"  # a copy: the edit stage must not touch the repo's files
        pilot_root.mkdir()
        for name in ("mkdocs.yml", "content", "gemeenten", "docs"):
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, pilot_root / name)
            elif source.is_file():
                shutil.copy(source, pilot_root / name)
        national_root = work / "nationaal"
        gen = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "gen_national.py"), "--out", str(national_root),
             "--gemeenten", str(args.gemeenten)], capture_output=True, text=True, check=False,
        )
        if gen.returncode != 0:
            sys.exit(gen.stderr)
        counts = {"pilot": len(list((pilot_root / "gemeenten").glob("*.yml"))),
                  "national": len(list((national_root / "gemeenten").glob("*.yml")))}
        print(f"bench: pilot {counts['pilot']} gemeenten, national {counts['national']} gemeenten; "
              f"{os.cpu_count()} cores", file=sys.stderr)
        pilot = run_stages("pilot", pilot_root, work, args, all_flyers=True)
        national = run_stages("national", national_root, work, args, all_flyers=not args.quick)
        ratio = counts["national"] / counts["pilot"]
        print(f"\n{'stage':<34}{'pilot ' + str(counts['pilot']):>22}{'national ' + str(counts['national']):>24}"
              f"{'growth':>9}  note")
        for key, p in pilot.items():
            n = national[key]
            growth = "-"
            if p.seconds and n.seconds:
                growth = f"{n.seconds / p.seconds / ratio:.2f}"
            print(f"{p.name:<34}{fmt_time(p):>11}{fmt_mem(p):>11}{fmt_time(n):>13}{fmt_mem(n):>11}"
                  f"{growth:>9}  {n.note or p.note}")
        if national["build"].seconds is not None:
            print(f"whole national build (`wegwijzer build`, cold): {national['build'].seconds:.0f} s (target < 180 s)")
        print(f"whole pilot build (`wegwijzer build`, cold): {pilot['build'].seconds or 0:.1f} s (target < 15 s)")
        peak = max((s.rss_kb or 0) for s in national.values()) / 1024
        print(f"peak memory of any national stage: {peak:.0f} MB (target < 2048 MB)")
        print(f"growth: (national time / pilot time) / {ratio:.1f} gemeenten ratio; ~1 or less is linear")
        # A national gemeente has more to show than a pilot one (six of nine languages, a few
        # hundred entries): growth per unit of work as well.
        done = {label: amounts(work / label) for label in ("pilot", "national")}
        for key, index, per, plural in (("flyers", 0, "flyer", "flyers"), ("check", 1, "MB of HTML", "MB")):
            p, n = pilot[key].seconds, national[key].seconds
            if p and n and done["pilot"][index] and done["national"][index]:
                units = done["national"][index] / done["pilot"][index]
                print(f"growth per {per} ({pilot[key].name}): {n / p / units:.2f} "
                      f"({done['pilot'][index]:.0f} -> {done['national'][index]:.0f} {plural})")
        # What the site build made: parent pages per language (every language in a
        # gemeente's flyer_talen with a translation file gets /<gemeente>/<taal>/), and the
        # cost per unit of work of the site and flyer stages.
        roots = {"pilot": pilot_root, "national": national_root}
        pages = {label: parent_pages(roots[label], work / f"{label}-site") for label in roots}
        talen = sorted((set(pages["pilot"]) | set(pages["national"])) - {"nl", "home"})
        print(f"\n{'parent pages per language':<34}{'pilot':>10}{'national':>12}")
        for taal in ["nl", *talen]:
            print(f"{'  /<gemeente>/' + ('' if taal == 'nl' else taal + '/') + f' ({taal})':<34}"
                  f"{pages['pilot'].get(taal, 0):>10}{pages['national'].get(taal, 0):>12}")
        print(f"{'  /<taal>/ (choose your gemeente)':<34}{pages['pilot']['home']:>10}{pages['national']['home']:>12}")
        totals = {label: sum(pages[label].values()) for label in roots}
        print(f"{'  all parent pages':<34}{totals['pilot']:>10}{totals['national']:>12}")
        html = {label: html_pages(work / f"{label}-site") for label in roots}
        print(f"{'  all HTML pages':<34}{html['pilot']:>10}{html['national']:>12}")
        stages = {"pilot": pilot, "national": national}
        print(f"\n{'cost per unit':<34}{'pilot':>10}{'national':>12}")
        rows = (
            ("site build, per HTML page", "site", html),
            ("site build, per parent page", "site", totals),
            ("all flyers, per flyer", "flyers", {label: done[label][0] for label in roots}),
            ("whole build, per page + flyer", "build",
             {label: html[label] + done[label][0] for label in roots}),
        )
        for name, key, units in rows:
            print(f"{'  ' + name:<34}{per_unit(stages['pilot'][key], units['pilot']):>10}"
                  f"{per_unit(stages['national'][key], units['national']):>12}")
        print("  (a flyer: one gemeente in one language, four files: A5, drukwerk, A4, png)")
        if args.gewicht:
            print(page_weights(work / "national-site"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
