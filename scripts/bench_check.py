#!/usr/bin/env python3
"""Benchmark: `wegwijzer check --online` against LinkChecker on the same URL set, in one run.

A fault server (tests/faultserver.py) runs in a child process on 20 loopback addresses
(127.0.0.1 to 127.0.0.20) and answers every request after a fixed latency. One HTML page
lists the URL set (default 2,000: most fine, some 404, 410, permanent and temporary
redirects). Both checkers check that page's links:

- ours: `wegwijzer check --root <bench root> --site <dir with the page> --online
  --allow-private` with a fresh cache, then the same command again (warm cache: what was fine
  comes from the cache; the failures are fetched again, as always);
- LinkChecker 10 (from PyPI; installed into this Python by the script if missing). Out of the
  box it throttles every host to about 3 requests a second, inside one lock for all threads
  (`maxrequestspersecond`, unless a server answers with a `LinkChecker` header): that run takes
  minutes, so it is opt-in (`--linkchecker-stock`). By default LinkChecker runs with that
  throttle lifted (the server sends the header, and `maxrequestspersecond=100000`) and its
  default 10 threads (`--linkchecker-threads 10,64` to try others; more were slower here).

Correctness is compared per URL with what the server is known to answer: the broken URLs
found, false alarms, URLs not checked. Only loopback addresses are ever contacted.

Usage: python scripts/bench_check.py [--urls 2000] [--latency 0.05] [--skip-linkchecker]
                                     [--linkchecker-stock] [--linkchecker-threads 10,64]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOSTS = 20


def ensure_linkchecker() -> str:
    exe = Path(sys.executable).with_name("linkchecker")
    if not exe.exists():
        print(
            "bench: installing LinkChecker from PyPI (pip install 'linkchecker>=10.5,<11')",
            file=sys.stderr,
        )
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "linkchecker>=10.5,<11"], check=True
        )
    return str(exe)


def url_set(count: int, port: int) -> dict[str, str]:
    """url -> expected class: ok, broken, moved (permanent), redirect (temporary)."""
    urls: dict[str, str] = {}
    for i in range(count):
        host = f"127.0.0.{(i // 20) % HOSTS + 1}"  # every host gets every kind of answer
        base = f"http://{host}:{port}"
        kind = i % 20
        if kind == 0:
            urls[f"{base}/status/404/{i}"] = "broken"
        elif kind == 1:
            urls[f"{base}/status/410/{i}"] = "broken"
        elif kind == 2:
            urls[f"{base}/redirect/301/ok/{i}"] = "moved"
        elif kind == 3:
            urls[f"{base}/redirect/302/ok/{i}"] = "redirect"
        else:
            urls[f"{base}/ok/{i}"] = "ok"
    return urls


def write_page(folder: Path, urls: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    links = "\n".join(f'<li><a href="{url}">link {n}</a></li>' for n, url in enumerate(urls))
    page = folder / "index.html"
    page.write_text(
        f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>bench</title></head>"
        f"<body><ul>\n{links}\n</ul></body></html>\n",
        encoding="utf-8",
    )
    return page


def make_root(folder: Path) -> Path:
    """The mini test project as data root; its few example.nl addresses are excluded below."""
    root = folder / "root"
    shutil.copytree(REPO / "tests" / "fixtures" / "mini", root)
    (root / "mkdocs.yml").write_text("site_name: Bench\nsite_url: https://wegwijzer.example.org/\n")
    return root


def run_ours(root: Path, site: Path, report: Path) -> tuple[float, dict[str, str], dict]:
    command = [
        sys.executable, "-m", "wegwijzer", "check", "--root", str(root), "--site", str(site),
        "--online", "--allow-private", "--behalve", r"example\.nl", "--report", str(report),
    ]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"bench: wegwijzer check failed ({done.returncode}):\n{done.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    classes = {}
    for item in data["webadressen"]:
        status = item["status"]
        classes[item["url"]] = {
            "ok": "ok",
            "verhuisd": "moved",
            "tijdelijk": "redirect",
            "niet-gevonden": "broken",
            "verwijderd": "broken",
        }.get(status, f"other:{status}")
    return elapsed, classes, data["samenvatting"]


def run_linkchecker(
    exe: str, page: Path, threads: int | None, config: Path | None
) -> tuple[float, dict[str, bool]]:
    command = [exe, "--check-extern", "--no-robots", "--no-status", "-v", "-o", "csv", "-r", "1"]
    command += ["--timeout", "10"]
    if config is not None:
        command += ["-f", str(config)]
    if threads:
        command += ["-t", str(threads)]
    command.append(str(page))
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    valid: dict[str, bool] = {}
    rows = [line for line in done.stdout.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        url = row.get("urlname") or ""
        if url.startswith("http"):
            valid[url] = row.get("valid") == "True"
    if not valid:
        sys.exit(f"bench: LinkChecker reported nothing ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, valid


class Server:
    """The fault server as a child process (so it does not share our interpreter)."""

    def __init__(self, latency: float, port: int = 0, headers: tuple[str, ...] = ()) -> None:
        command = [
            sys.executable, str(REPO / "tests" / "faultserver.py"), "--hosts", str(HOSTS),
            "--latency", str(latency), "--port", str(port),
        ]  # fmt: skip
        for header in headers:
            command += ["--header", header]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.port = int(self.process.stdout.readline())

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(10)


def score(expected: dict[str, str], broken_found: set[str], checked: set[str]) -> str:
    truly_broken = {u for u, c in expected.items() if c == "broken"}
    missed = truly_broken - broken_found
    false = broken_found - truly_broken
    unchecked = set(expected) - checked
    return (
        f"{len(broken_found & truly_broken)}/{len(truly_broken)} broken found, "
        f"{len(false)} false alarms, {len(missed)} missed, {len(unchecked)} not checked"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--skip-linkchecker", action="store_true")
    parser.add_argument(
        "--linkchecker-stock",
        action="store_true",
        help="also run LinkChecker with its stock per-host throttle (takes many minutes)",
    )
    parser.add_argument(
        "--linkchecker-threads",
        type=lambda text: [int(t) for t in text.split(",")],
        default=[10],
        metavar="N[,N...]",
        help="LinkChecker runs (throttle lifted) with these thread counts (default: 10, its "
        "default; more threads made it slower here)",
    )
    args = parser.parse_args()

    exe = None if args.skip_linkchecker else ensure_linkchecker()
    work = Path(tempfile.mkdtemp(prefix="wegwijzer-bench-"))
    os.chmod(work, 0o755)  # LinkChecker drops root privileges to 'nobody' and must read the page
    rows: list[tuple[str, float, str]] = []
    server = Server(args.latency)
    try:
        expected = url_set(args.urls, server.port)
        site = work / "site"
        page = write_page(site, expected)
        os.chmod(site, 0o755)
        os.chmod(page, 0o644)
        root = make_root(work)

        cold, ours, summary = run_ours(root, site, work / "cold.json")
        broken = {u for u, c in ours.items() if c == "broken"}
        wrong = sum(1 for u, c in expected.items() if ours.get(u) != c)
        rows.append(
            (
                "wegwijzer check, cold cache",
                cold,
                score(expected, broken, set(ours)) + f"; {wrong} misclassified",
            )
        )
        warm, ours_warm, summary_warm = run_ours(root, site, work / "warm.json")
        broken_warm = {u for u, c in ours_warm.items() if c == "broken"}
        rows.append(
            (
                "wegwijzer check, warm cache",
                warm,
                score(expected, broken_warm, set(ours_warm))
                + f"; {summary_warm['uit_cache']} from cache, {summary_warm['verzoeken']} requests",
            )
        )
        if exe and args.linkchecker_stock:
            elapsed, valid = run_linkchecker(exe, page, None, None)
            lc_broken = {u for u, ok in valid.items() if not ok}
            rows.append(
                (
                    "LinkChecker 10.6, stock (10 threads, throttled)",
                    elapsed,
                    score(expected, lc_broken, set(valid)),
                )
            )
        if exe:
            server.stop()
            server = Server(args.latency, server.port, ("LinkChecker:bench",))
            config = work / "linkcheckerrc"
            config.write_text("[checking]\nmaxrequestspersecond=100000\n", encoding="utf-8")
            os.chmod(config, 0o644)
            for threads in args.linkchecker_threads:
                label = f"LinkChecker 10.6, unthrottled, {threads} threads"
                elapsed, valid = run_linkchecker(exe, page, threads, config)
                lc_broken = {u for u, ok in valid.items() if not ok}
                rows.append((label, elapsed, score(expected, lc_broken, set(valid))))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(
        f"{args.urls} URLs on {HOSTS} loopback hosts, {args.latency * 1000:.0f} ms latency per "
        f"response; {sum(1 for c in expected.values() if c == 'broken')} broken (404/410), "
        f"{sum(1 for c in expected.values() if c == 'moved')} moved (301), "
        f"{sum(1 for c in expected.values() if c == 'redirect')} temporary redirects (302); "
        f"{os.cpu_count()} cores"
    )
    width = max(len(r[0]) for r in rows)
    print(f"| {'checker':<{width}} | wall time | time / ours (cold) | correctness |")
    print(f"|{'-' * (width + 2)}|----------:|-------------------:|-------------|")
    for label, elapsed, text in rows:
        print(f"| {label:<{width}} | {elapsed:7.2f} s | {elapsed / cold:17.1f}x | {text} |")
    print(
        f"ours, cold: {summary['verzoeken']} requests (HEAD; GET where HEAD gave an error); "
        "wall times include starting Python and validating the data"
    )


if __name__ == "__main__":
    main()
