#!/usr/bin/env python3
"""Kill `wegwijzer build` and `wegwijzer fmt` at random moments; show nothing is ever half.

Works on a temporary copy of the project (content/, gemeenten/, flyer/, docs/, schema/,
mkdocs.yml), never on the repository itself. For each kind:

- build: a reference build is made first of two versions of the data (A, and B with one
  woonplaats more), as a map of relative path -> SHA-256. Then, N times: switch the data to
  the other version (sometimes with an empty flyer cache, so flyers are rendered), start
  `wegwijzer build`, and send SIGKILL (a quarter of the time SIGTERM) after a random delay
  within the measured time of an uninterrupted run. The output folder must then be exactly the
  previous output or exactly the new build.
- fmt: the data files are messed up (CRLF line ends, four spaces of indentation, the first
  top-level group of a gemeente file moved to the end); the reference is what an
  uninterrupted `wegwijzer fmt` makes of them. N times: put the messy files back, start
  `wegwijzer fmt`, kill it at a random moment. Every data file must be exactly its messy or
  its formatted version.

After each kill the same command runs again, uninterrupted: it must succeed and give the new
version, and leave no temporary files or folders (in the project, the output, the cache or the
temp folder, which is pointed at a folder of the copy) and no process started from the copy
(found by a marker in /proc/<pid>/environ). Prints one table; exit 1 if anything was broken or
left behind.

Usage:
  python scripts/fault_inject.py [--n 20] [--seed 1] [--soort build|fmt|beide] [--zonder-flyers]
  python scripts/fault_inject.py --n 5 --soort fmt --bewaar   # keep the copy to look at
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COPY = ("content", "gemeenten", "flyer", "docs", "schema", "mkdocs.yml")
MARKER = "WEGWIJZER_FOUTINJECTIE"
CACHE = ".wegwijzer-cache"
OUT = "site"
TOGGLE_FILE = "gemeenten/ede.yml"
TOGGLE_FROM, TOGGLE_TO = "De Klomp]", "De Klomp, Proefdorp]"


# --- the temporary project --------------------------------------------------------------------


@dataclass
class Copy:
    base: Path
    marker: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def root(self) -> Path:
        return self.base / "project"

    @property
    def tmp(self) -> Path:
        return self.base / "tmp"

    @property
    def out(self) -> Path:
        return self.root / OUT

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({MARKER: self.marker, "TMPDIR": str(self.tmp), "PYTHONDONTWRITEBYTECODE": "1"})
        return env

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "wegwijzer", *args, "--root", str(self.root)]


def make_copy(base: Path) -> Copy:
    copy = Copy(base)
    copy.root.mkdir(parents=True)
    copy.tmp.mkdir()
    for name in COPY:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy.root / name)
        elif source.is_file():
            shutil.copy2(source, copy.root / name)
    return copy


def tree_map(folder: Path) -> dict[str, str] | None:
    """relative path -> SHA-256 of every file (a link counts as its target text)."""
    if not folder.exists():
        return None
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            result[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            result[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir() and not any(path.iterdir()):
            result[rel + "/"] = "dir"
    return result


def data_files(root: Path) -> list[Path]:
    return sorted([root / "content" / "landelijk.yml", *(root / "content" / "regio").glob("*.yml"),
                   *(root / "gemeenten").glob("*.yml")])


# --- processes --------------------------------------------------------------------------------


def marked_processes(marker: str) -> list[int]:
    """Processes (other than this one) whose environment holds the copy's marker."""
    needle = f"{MARKER}={marker}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if needle in environ.split(b"\0") and state != "Z":
            found.append(int(entry))
    return found


def wait_gone(marker: str, seconds: float) -> list[int]:
    end = time.monotonic() + seconds
    while True:
        left = marked_processes(marker)
        if not left or time.monotonic() > end:
            return left
        time.sleep(0.1)


def run(copy: Copy, *args: str) -> tuple[int, float, str]:
    started = time.perf_counter()
    done = subprocess.run(copy.command(*args), env=copy.env(), cwd=copy.base, capture_output=True,
                          text=True, timeout=600)
    return done.returncode, time.perf_counter() - started, done.stderr


@dataclass
class Kill:
    mid_run: bool
    signal: str
    delay: float
    exit: int | None


def start_and_kill(copy: Copy, args: tuple[str, ...], delay: float, sig: int) -> Kill:
    log = open(copy.base / "killed.log", "wb")
    process = subprocess.Popen(copy.command(*args), env=copy.env(), cwd=copy.base, stdout=log,
                               stderr=log, start_new_session=True)
    deadline = time.perf_counter() + delay
    while time.perf_counter() < deadline and process.poll() is None:
        time.sleep(min(0.005, max(0.0, deadline - time.perf_counter())))
    mid_run = process.poll() is None
    if mid_run:
        process.send_signal(sig)  # only the command itself, as `kill` or the OOM killer would
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
    log.close()
    name = "KILL" if sig == signal.SIGKILL else "TERM"
    return Kill(mid_run, name, delay, code)


# --- leftovers --------------------------------------------------------------------------------


def listing(root: Path) -> set[str]:
    """Every path of the project outside the output and the cache."""
    skip = (OUT, CACHE)
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.relative_to(root).parts[0] not in skip}


def temporary_names(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return [p.relative_to(folder.parent).as_posix() for p in folder.rglob("*")
            if p.name.startswith(".tmp") or p.name.endswith(".tmp") or ".bouw-" in p.name
            or ".oud-" in p.name]


def leftovers(copy: Copy, baseline: set[str]) -> list[str]:
    found = sorted(listing(copy.root) - baseline)
    found += temporary_names(copy.root / CACHE) + temporary_names(copy.out)
    found = [p for p in found if not any(p.startswith(q + "/") for q in found)]  # top-most only
    found += [f"$TMPDIR/{p.name}" for p in copy.tmp.iterdir()]
    return found


def clear(copy: Copy, paths: list[str]) -> None:
    """Remove what a run left behind, so the next kill is counted on its own."""
    for rel in paths:
        path = copy.tmp / rel.split("/", 1)[1] if rel.startswith("$TMPDIR/") else copy.root / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


# --- the two kinds ----------------------------------------------------------------------------


@dataclass
class Row:
    kind: str
    n: int = 0
    mid_run: int = 0
    sigterm: int = 0
    old: int = 0
    new: int = 0
    broken: int = 0
    mixed: int = 0  # fmt: kills that left some files formatted and some not
    next_failed: int = 0
    leftover_runs: int = 0
    leftover_names: set[str] = field(default_factory=set)
    procs: int = 0
    seconds: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def pattern(name: str) -> str:
    """A leftover's name without its random part, to group them in the report."""
    import re

    name = name.rsplit("/", 1)[-1]
    return re.sub(r"(bouw-|oud-|flyers-|docs-|\.tmp-|\.)[0-9]*-?[A-Za-z0-9_]{8}(?=$|[.-])", r"\1*", name)


def after_next_run(copy: Copy, row: Row, baseline: set[str], i: int) -> None:
    left = leftovers(copy, baseline)
    if left:
        row.leftover_runs += 1
        row.leftover_names.update(pattern(p) for p in left)
        row.problems.append(f"kill {i}: left behind {', '.join(left[:3])}")
        clear(copy, left)
    procs = wait_gone(copy.marker, 2.0)
    if procs:
        row.procs += len(procs)
        row.problems.append(f"kill {i}: processes still running: {procs}")
        for pid in procs:  # started by this script from the copy: end them by id
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def toggle(root: Path, to_b: bool) -> None:
    path = root / TOGGLE_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace(TOGGLE_FROM, TOGGLE_TO) if to_b else text.replace(TOGGLE_TO, TOGGLE_FROM)
    path.write_text(text, encoding="utf-8")


def build_kind(copy: Copy, n: int, rng: random.Random, flyers: bool) -> Row:
    args = ("build",) if flyers else ("build", "--zonder-flyers")
    row = Row("build" if flyers else "build --zonder-flyers")
    assert TOGGLE_FROM in (copy.root / TOGGLE_FILE).read_text(encoding="utf-8")
    refs: dict[str, dict[str, str] | None] = {}
    cold: list[float] = []
    warm: list[float] = []
    for state in ("B", "A"):  # the references, cold then warm
        toggle(copy.root, state == "B")
        shutil.rmtree(copy.root / CACHE, ignore_errors=True)
        for times in (cold, warm):
            code, seconds, err = run(copy, *args)
            if code != 0:
                raise SystemExit(f"fault_inject: the reference build failed:\n{err}")
            times.append(seconds)
            found = tree_map(copy.out)
            if state in refs and refs[state] != found:
                diff = sorted(set(refs[state].items()) ^ set(found.items()))[:5]  # type: ignore[union-attr]
                raise SystemExit(f"fault_inject: two builds of the same data differ: {diff}")
            refs[state] = found
    baseline = listing(copy.root)
    print(f"fault_inject: {row.kind}: {len(refs['A'] or {})} files in the output; "
          f"uninterrupted run {min(cold):.1f} s cold, {min(warm):.1f} s warm", file=sys.stderr)
    row.seconds = cold + warm
    current = "A"
    for i in range(1, n + 1):
        new = "B" if current == "A" else "A"
        toggle(copy.root, new == "B")
        is_cold = rng.random() < 0.3
        if is_cold:
            shutil.rmtree(copy.root / CACHE, ignore_errors=True)
        sig = signal.SIGTERM if rng.random() < 0.25 else signal.SIGKILL
        delay = rng.uniform(0.0, min(cold) if is_cold else min(warm))
        kill = start_and_kill(copy, args, delay, sig)
        row.n += 1
        row.mid_run += kill.mid_run
        row.sigterm += kill.mid_run and kill.signal == "TERM"
        found = tree_map(copy.out)
        if found == refs[current]:
            row.old += 1
        elif found == refs[new]:
            row.new += 1
        else:
            row.broken += 1
            old_diff = len(set((found or {}).items()) ^ set((refs[current] or {}).items()))
            row.problems.append(f"kill {i} ({kill.signal} after {kill.delay:.2f} s): output is neither "
                                f"old nor new ({old_diff} paths differ from the old)")
        code, seconds, err = run(copy, *args)
        row.seconds.append(seconds)
        if code != 0 or tree_map(copy.out) != refs[new]:
            row.next_failed += 1
            row.problems.append(f"kill {i}: the next build failed (exit {code}): {err[-300:]}")
        current = new
        after_next_run(copy, row, baseline, i)
        print(f"fault_inject: {row.kind} {i}/{n}: {kill.signal} after {kill.delay:.2f} s "
              f"({'mid-run' if kill.mid_run else 'after it ended'}, exit {kill.exit})",
              file=sys.stderr)
    return row


def messy(text: str, gemeente: bool) -> str:
    """The same data, laid out the way fmt puts right."""
    lines = text.split("\n")
    lines = ["  " + line if line.startswith(" ") else line for line in lines]  # 4 spaces
    if gemeente:  # move the first top-level group (gemeente:) behind the others
        starts = [k for k, line in enumerate(lines) if line and not line[0].isspace()
                  and not line.startswith("#")]
        if len(starts) >= 2:
            first, second = starts[0], starts[1]
            while second > first and not lines[second - 1].strip() == "":
                second -= 1
            lines = lines[:first] + lines[second:] + [""] + lines[first:second]
    return "\r\n".join(lines)


def fmt_kind(copy: Copy, n: int, rng: random.Random) -> Row:
    row = Row("fmt")
    files = data_files(copy.root)
    old = {p: messy(p.read_text(encoding="utf-8"), p.parent.name == "gemeenten").encode("utf-8")
           for p in files}

    def reset() -> None:
        for path, data in old.items():
            path.write_bytes(data)

    reset()
    code, seconds, err = run(copy, "fmt")
    if code != 0:
        raise SystemExit(f"fault_inject: fmt of the messy copy failed:\n{err}")
    new = {p: p.read_bytes() for p in files}
    changed = sum(old[p] != new[p] for p in files)
    row.seconds.append(seconds)
    baseline = listing(copy.root)
    for _ in range(2):
        reset()
        row.seconds.append(run(copy, "fmt")[1])
    duration = min(row.seconds)
    print(f"fault_inject: fmt: {changed} of {len(files)} messy files change; uninterrupted run "
          f"{duration:.2f} s", file=sys.stderr)
    for i in range(1, n + 1):
        reset()
        sig = signal.SIGTERM if rng.random() < 0.25 else signal.SIGKILL
        kill = start_and_kill(copy, ("fmt",), rng.uniform(0.0, duration), sig)
        row.n += 1
        row.mid_run += kill.mid_run
        row.sigterm += kill.mid_run and kill.signal == "TERM"
        counts = {"old": 0, "new": 0, "broken": 0}
        for path in files:
            data = path.read_bytes() if path.exists() else None
            verdict = "old" if data == old[path] else "new" if data == new[path] else "broken"
            counts[verdict] += 1
            if verdict == "broken":
                row.problems.append(f"kill {i} ({kill.signal} after {kill.delay:.2f} s): "
                                    f"{path.relative_to(copy.root)} is neither old nor formatted")
        row.old += counts["old"]
        row.new += counts["new"]
        row.broken += counts["broken"]
        row.mixed += counts["new"] > sum(old[p] == new[p] for p in files) and counts["old"] > 0
        code, seconds, err = run(copy, "fmt")
        row.seconds.append(seconds)
        if code != 0 or any(p.read_bytes() != new[p] for p in files):
            row.next_failed += 1
            row.problems.append(f"kill {i}: the next fmt failed (exit {code}): {err[-300:]}")
        after_next_run(copy, row, baseline, i)
        print(f"fault_inject: fmt {i}/{n}: {kill.signal} after {kill.delay:.2f} s "
              f"({'mid-run' if kill.mid_run else 'after it ended'}, exit {kill.exit}); files "
              f"old {counts['old']}, new {counts['new']}, broken {counts['broken']}", file=sys.stderr)
    return row


# --- report -----------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    head = ("kind", "N", "kills mid-run", "(SIGTERM)", "mid-write", "old", "new", "broken", "next run failed",
            "leftovers after next run", "processes left", "s/run (min-max)")
    body = []
    for r in rows:
        unit = " files" if r.kind == "fmt" else ""
        body.append((
            r.kind, str(r.n), str(r.mid_run), str(r.sigterm), str(r.mixed) if unit else "-", f"{r.old}{unit}", f"{r.new}{unit}",
            f"{r.broken}{unit}", str(r.next_failed),
            f"{r.leftover_runs}" + (f" ({', '.join(sorted(r.leftover_names))})" if r.leftover_names else ""),
            str(r.procs), f"{min(r.seconds):.1f}-{max(r.seconds):.1f}",
        ))
    widths = [max(len(x[k]) for x in [head, *body]) for k in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in [head, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="kills per kind (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random moments")
    parser.add_argument("--soort", choices=("build", "fmt", "beide"), default="beide")
    parser.add_argument("--zonder-flyers", action="store_true",
                        help="kill `build --zonder-flyers` (faster) instead of a full build")
    parser.add_argument("--bewaar", action="store_true", help="keep the temporary copy")
    args = parser.parse_args()
    if not Path("/proc/self/environ").exists():
        print("fault_inject: needs /proc (Linux) to find leftover processes", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    base = Path(tempfile.mkdtemp(prefix="wegwijzer-foutinjectie-"))
    rows: list[Row] = []
    try:
        if args.soort in ("fmt", "beide"):
            rows.append(fmt_kind(make_copy(base / "fmt"), args.n, rng))
        if args.soort in ("build", "beide"):
            rows.append(build_kind(make_copy(base / "build"), args.n, rng, not args.zonder_flyers))
    finally:
        if args.bewaar:
            print(f"fault_inject: the copies are in {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)
    print(table(rows))
    problems = [p for r in rows for p in r.problems]
    for problem in problems:
        print(f"  {problem}")
    bad = any(r.broken or r.next_failed or r.leftover_runs or r.procs for r in rows)
    print("result: " + ("DEFECTS FOUND" if bad else
                        "every output and data file was the old or the new version; "
                        "every next run succeeded and left nothing behind"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
