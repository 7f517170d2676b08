"""Publishing and public-code files: CI, pre-commit, LICENSE and publiccode.yml stay in step
with the command and the package."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from ruamel.yaml import YAML

from wegwijzer import __version__
from wegwijzer.cli import build_parser


def load(path: Path) -> object:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def wegwijzer_commands(text: str) -> list[list[str]]:
    """Every `.venv/bin/wegwijzer ...` command line in a CI file."""
    found = []
    for line in text.splitlines():
        match = re.search(r"\.venv/bin/wegwijzer (\w[^|;&#]*)", line)
        if match and not line.strip().startswith("#"):
            found.append(shlex.split(match.group(1).strip().strip("'\"")))
    return found


@pytest.mark.parametrize("name", [".github/workflows/wegwijzer.yml", ".gitlab-ci.yml"])
def test_ci_file_runs_every_stage_with_commands_that_exist(name: str) -> None:
    path = REPO / name
    data = load(path)
    assert isinstance(data, dict)
    text = path.read_text(encoding="utf-8")
    commands = wegwijzer_commands(text)
    used = {args[0] for args in commands}
    assert {"validate", "fmt", "build", "check", "export"} <= used
    parser = build_parser()
    for args in commands:
        parser.parse_args(args)  # exits (SystemExit) on an unknown command or option
    assert "bash scripts/test.sh" in text
    assert "zensical build" in text and "scripts/zensical-canary.py" in text


def test_github_canary_may_fail_and_pages_only_from_main() -> None:
    jobs = load(REPO / ".github/workflows/wegwijzer.yml")["jobs"]
    assert jobs["zensical-canary"]["continue-on-error"] is True
    assert "refs/heads/main" in jobs["deploy"]["if"]
    assert any("deploy-pages" in step.get("uses", "") for step in jobs["deploy"]["steps"])
    gitlab = load(REPO / ".gitlab-ci.yml")
    assert gitlab["zensical-canary"]["allow_failure"] is True
    assert "CI_DEFAULT_BRANCH" in gitlab["pages"]["rules"][0]["if"]


def test_zensical_canary_report(tmp_path: Path) -> None:
    mkdocs, zensical = tmp_path / "a", tmp_path / "b"
    for site, pages in ((mkdocs, {"index.html": "Hallo", "ede/index.html": "Ede"}),
                        (zensical, {"index.html": "Hallo"})):
        for page, body in pages.items():
            (site / page).parent.mkdir(parents=True, exist_ok=True)
            (site / page).write_text(f"<html><main><p>{body}</p></main></html>", encoding="utf-8")
    report = tmp_path / "r.md"
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "zensical-canary.py"), str(mkdocs),
                           str(zensical), "--report", str(report)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 1
    assert "`ede/index.html`" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [".pre-commit-hooks.yaml", ".pre-commit-config.yaml"])
def test_pre_commit_hooks_run_validate_and_fmt_check(name: str) -> None:
    data = load(REPO / name)
    hooks = data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]
    entries = {hook["id"]: shlex.split(hook["entry"]) for hook in hooks}
    assert entries["wegwijzer-validate"][:2] == ["wegwijzer", "validate"]
    assert entries["wegwijzer-fmt"][:3] == ["wegwijzer", "fmt", "--check"]
    parser = build_parser()
    for hook in hooks:
        parser.parse_args(shlex.split(hook["entry"])[1:])
        pattern = re.compile(hook["files"])
        assert pattern.search("gemeenten/ede.yml") and pattern.search("content/regio/ijmond.yml")
    fmt_files = re.compile(next(h["files"] for h in hooks if h["id"] == "wegwijzer-fmt"))
    assert not fmt_files.search("content/vertalingen/en.yml")  # not a data file of the model


def test_license_is_the_eupl_1_2() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for part in ("1.Definitions", "5.Obligations of the Licensee", "15.Applicable Law",
                 "Appendix", "European Union Public Licence (EUPL) v. 1.1, v. 1.2"):
        assert part in text
    # the official text writes some headings without a space ("15.Applicable Law")
    assert re.findall(r"^(\d+)\.\s?[A-Z]", text, re.MULTILINE) == [str(n) for n in range(1, 16)]
    assert 'license = "EUPL-1.2"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_publiccode_yml() -> None:
    data = load(REPO / "publiccode.yml")
    assert data["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "softwareVersion", "releaseDate", "platforms", "categories",
                "developmentStatus", "softwareType", "description", "legal", "maintenance",
                "localisation"):
        assert key in data, key
    assert data["softwareVersion"] == __version__
    assert data["legal"]["license"] == "EUPL-1.2"
    assert data["platforms"] == ["web"]
    assert data["softwareType"] == "standalone/other"
    assert data["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert data["localisation"]["availableLanguages"] == ["nl"]
    for language in ("nl", "en"):
        description = data["description"][language]
        assert len(description["shortDescription"]) <= 150
        assert 150 <= len(description["longDescription"]) <= 10000
        assert description["features"]
    assert data["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert data["maintenance"]["contacts"][0]["name"]
    names = {d["name"] for d in data["dependsOn"]["open"]}
    assert {"Python", "MkDocs"} <= names
