"""The same data gives the same bytes in two processes with different hash seeds: a merge or
a page that depends on set or dict order in a way the hash seed changes fails here (two runs
in one process share the seed and cannot show it)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, REPO

SEEDS = ("1", "4242")


def run(args: list[str], seed: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", *args], cwd=cwd, env=env,
        capture_output=True, text=True, timeout=300,
    )


# Pagefind writes its filter values in hash-map order, different in every run: the filter
# files, and the page lists and entry file that name them by their hash. The rest of the
# search index is byte-identical (tests/test_site_build.py compares the filters' contents).
ZOEK_VOLGORDE = ("pagefind/filter/*", "pagefind/pagefind.*.pf_meta", "pagefind/pagefind-entry.json")


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(p.relative_to(folder).match(pattern) for pattern in ZOEK_VOLGORDE)
    }


def test_merged_data_is_the_same_under_another_hash_seed(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    shown = {}
    for seed in SEEDS:
        outputs = []
        for slug in ("alfa", "beta"):
            result = run(["show", slug, "--json", "--root", "."], seed, root)
            assert result.returncode == 0, result.stderr
            outputs.append(result.stdout)
        validate = run(["validate", "--root", "."], seed, root)
        shown[seed] = (outputs, validate.stdout, validate.stderr)
    assert shown[SEEDS[0]] == shown[SEEDS[1]]
    assert all('"id"' in text for text in shown[SEEDS[0]][0])


def test_the_site_is_byte_identical_under_another_hash_seed(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    trees = []
    for seed in SEEDS:
        out = tmp_path / f"uit-{seed}"
        result = run(["build", "--root", str(root), "--out", str(out), "--zonder-flyers"], seed, tmp_path)
        assert result.returncode == 0, result.stderr
        trees.append(digest(out))
    assert len(trees[0]) > 20
    assert trees[0] == trees[1]
