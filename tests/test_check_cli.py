"""`wegwijzer check` end to end: the mini project with its addresses pointed at a fault server
on 127.0.0.1, exit codes, messages at the YAML's path:line:column, the cache, the time bound,
include/exclude patterns, reports and the freshness report."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from conftest import line_of
from faultserver import FaultServer

from wegwijzer.check.cache import LinkCache, cache_path
from wegwijzer.check.fetch import Status, Uitkomst

MESSAGE = re.compile(r"^[^:]+\.(ya?ml|html|pdf)(:\d+:\d+)?: (fout|waarschuwing): \S.* \[[a-z0-9-]+\]$")  # every message ends in its code

# The three addresses of the mini project, and the host name each gets in these tests.
LUISTERLIJN = "https://www.example.nl/luisterlijn"  # landelijk: shown in alfa and beta
GROEP = "https://www.example.nl/groep"  # regio: niet_aangeboden in alfa, so beta only
JGZ = "https://www.example.nl/jgz"  # gemeente beta


pytestmark = pytest.mark.usefixtures("no_real_dns")


@pytest.fixture
def server():
    with FaultServer() as s:
        yield s


class Project:
    """The mini project with its addresses rewritten to the fault server."""

    def __init__(self, root: Path, server: FaultServer) -> None:
        self.root = root
        self.server = server
        self.urls: dict[str, str] = {}

    def point(self, **paths: str) -> Project:
        """point(luisterlijn="/ok", groep="/status/404", jgz="/redirect/301/ok")"""
        originals = {"luisterlijn": LUISTERLIJN, "groep": GROEP, "jgz": JGZ}
        for name, path in paths.items():
            url = self.server.url(path, host=f"{name}.test")
            self.urls[name] = url
            for file in self.root.rglob("*.yml"):
                text = file.read_text(encoding="utf-8")
                if originals[name] in text:
                    file.write_text(text.replace(originals[name], url), encoding="utf-8")
        return self

    def args(self, *extra: str) -> list[str]:
        resolve = [
            a
            for name in ("luisterlijn", "groep", "jgz")
            for a in ("--resolve", f"{name}.test:127.0.0.1")
        ]
        return ["check", "--root", ".", "--online", "--allow-private", *resolve, *extra]


@pytest.fixture
def project(in_mini: Path, server: FaultServer) -> Project:
    return Project(in_mini, server)


def test_broken_and_moved_links_at_their_yaml_place(project: Project, cli) -> None:
    project.point(luisterlijn="/ok", groep="/status/404", jgz="/redirect/301/ok")
    result = cli(*project.args())
    assert result.code == 1
    regio = project.root / "content" / "regio" / "testregio.yml"
    line = line_of(regio, project.urls["groep"])
    assert (
        f"content/regio/testregio.yml:{line}:14: fout: website {project.urls['groep']} geeft 404 "
        "(pagina bestaat niet meer); zoek het nieuwe adres [link-kapot]"
    ) in result.lines
    beta = project.root / "gemeenten" / "beta.yml"
    new = project.server.url("/ok", host="jgz.test")
    assert (
        f"gemeenten/beta.yml:{line_of(beta, project.urls['jgz'])}:14: waarschuwing: website "
        f"{project.urls['jgz']} is verhuisd naar {new} (permanente doorverwijzing 301); zet in de "
        f"YAML 'website: {new}' [link-verhuisd]"
    ) in result.lines
    # the working address only has validate's notes (http://, a port), no finding of the check
    about = [line for line in result.lines if project.urls["luisterlijn"] in line]
    assert about and all("gebruikt http://" in l or "gebruikt poort" in l for l in about)
    for line in result.lines:
        assert MESSAGE.match(line), line
    assert "kapot (fout): 1" in result.err


def test_all_well_exits_0(project: Project, cli) -> None:
    project.point(luisterlijn="/ok", groep="/slow/0.05", jgz="/redirect/302/ok")
    result = cli(*project.args())
    assert result.code == 0, result.out
    assert "werken: 2" in result.err
    assert "tijdelijk doorverwezen (niets te doen): 1" in result.err


def test_without_online_nothing_is_fetched(project: Project, cli) -> None:
    project.point(luisterlijn="/status/404", groep="/ok", jgz="/ok")
    result = cli("check", "--root", ".")
    assert result.code == 0
    assert project.server.log == []
    assert "niet opgehaald" in result.err


def test_private_addresses_are_refused_without_allow_private(project: Project, cli) -> None:
    project.point(luisterlijn="/ok", groep="/ok", jgz="/ok")
    before = project.server.count("/ok")
    args = [a for a in project.args() if a != "--allow-private"]
    result = cli(*args)
    assert result.code == 1
    assert project.server.count("/ok") == before
    assert any("wijst naar het interne adres 127.0.0.1" in line for line in result.lines)


@pytest.mark.parametrize(
    "extra, text",
    [
        (["--report", "rapport.txt"], "onbekend formaat"),
        (["--alleen", "("], "geen geldig patroon"),
        (["--site", "bestaat-niet"], "bestaat niet"),
        (["--resolve", "zonder-ip"], "HOST:IP"),
        (["--max-tijd", "0"], "groter dan 0"),
        (["--pogingen", "drie"], "geen getal"),
    ],
)
def test_usage_errors_exit_2(project: Project, cli, extra: list[str], text: str) -> None:
    result = cli(*project.args(*extra))
    assert result.code == 2
    assert text in result.err


def test_second_run_uses_the_cache_and_rechecks_failures(project: Project, cli) -> None:
    project.point(luisterlijn="/slow/0.01", groep="/status/410", jgz="/nohead")
    assert cli(*project.args()).code == 1
    assert cache_path(project.root).is_file()
    assert (project.root / ".wegwijzer-cache" / ".gitignore").read_text() == "*\n"
    ok, gone = project.server.count("/slow/0.01"), project.server.count("/status/410")
    nohead = project.server.count("/nohead")
    assert ok == 1 and gone == 2 and nohead == 2  # 410: HEAD, then GET to be sure

    result = cli(*project.args("--report", "r.json"))
    assert result.code == 1
    assert project.server.count("/slow/0.01") == ok  # fine an hour ago: not asked again
    assert project.server.count("/nohead") == nohead
    assert project.server.count("/status/410") > gone  # failures are always checked again
    report = json.loads((project.root / "r.json").read_text())
    assert report["samenvatting"]["uit_cache"] == 2
    cached = {a["url"]: a["uit_cache"] for a in report["webadressen"]}
    assert cached == {
        project.urls["luisterlijn"]: True,
        project.urls["groep"]: False,
        project.urls["jgz"]: True,
    }

    assert cli(*project.args("--geen-cache")).code == 1
    assert project.server.count("/slow/0.01") == ok + 1


def test_the_cache_expires(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    cache = LinkCache(path, ttl=3600, now=1_000_000.0)
    cache.update(
        {
            "https://a.nl/": Uitkomst(
                "https://a.nl/", Status.OK, 200, gecontroleerd_op=1_000_000.0
            ),
            "https://b.nl/": Uitkomst(
                "https://b.nl/", Status.NIET_GEVONDEN, 404, gecontroleerd_op=1_000_000.0
            ),
            "https://c.nl/": Uitkomst("https://c.nl/", Status.NIET_GECONTROLEERD),
        }
    )
    cache.save()
    assert LinkCache(path, ttl=3600, now=1_000_000.0 + 3000).fresh("https://a.nl/") is not None
    assert LinkCache(path, ttl=3600, now=1_000_000.0 + 3700).fresh("https://a.nl/") is None
    assert LinkCache(path, ttl=3600, now=1_000_000.0 + 10).fresh("https://b.nl/") is None
    assert "https://c.nl/" not in LinkCache(path).entries
    path.write_text("{kapot", encoding="utf-8")
    broken = LinkCache(path)
    assert broken.entries == {} and "onleesbaar" in (broken.probleem or "")


def test_the_run_stays_inside_max_tijd(project: Project, cli) -> None:
    project.point(luisterlijn="/hang", groep="/ok", jgz="/slow/0.02")
    started = time.monotonic()
    result = cli(*project.args("--max-tijd", "1.5", "--timeout", "30"))
    elapsed = time.monotonic() - started
    assert elapsed < 4.0
    assert result.code == 0  # not checked is a warning, not a broken link
    assert any(
        project.urls["luisterlijn"] in line and "niet gecontroleerd" in line
        for line in result.lines
    )


def test_include_and_exclude_patterns(project: Project, cli) -> None:
    project.point(luisterlijn="/status/404?a", groep="/status/404?b", jgz="/ok")
    before = project.server.count("/status/404")
    result = cli(
        *project.args("--behalve", r"luisterlijn\.test", "--behalve", "groep", "--report", "r.json")
    )
    assert result.code == 0
    assert project.server.count("/status/404") == before
    report = json.loads((project.root / "r.json").read_text())
    assert sorted(report["overgeslagen"]) == sorted(
        [project.urls["luisterlijn"], project.urls["groep"]]
    )

    result = cli(*project.args("--alleen", "groep", "--geen-cache"))
    assert result.code == 1
    assert any(project.urls["groep"] + " geeft 404" in line for line in result.lines)
    assert not any(project.urls["luisterlijn"] + " geeft" in line for line in result.lines)


def test_reports_per_gemeente_and_entry(project: Project, cli) -> None:
    project.point(luisterlijn="/status/410", groep="/status/404", jgz="/redirect/308/ok")
    result = cli(
        *project.args("--report", "out/r.json", "--report", "out/r.md", "--rapport", "out/r.html")
    )
    assert result.code == 1
    report = json.loads((project.root / "out" / "r.json").read_text())
    alfa = report["gemeenten"]["alfa"]["links"]
    beta = report["gemeenten"]["beta"]["links"]
    # the national help line is shown in both; the regional group only in beta (not in alfa)
    assert [(b["vermelding"], b["status"]) for b in alfa] == [("luisterlijn", "verwijderd")]
    assert sorted((b["vermelding"], b["status"]) for b in beta) == [
        ("jgz-beta", "verhuisd"),
        ("luisterlijn", "verwijderd"),
        ("oudergroep", "niet-gevonden"),
    ]
    groep = next(b for b in beta if b["vermelding"] == "oudergroep")
    assert groep["plek"].startswith("content/regio/testregio.yml:")
    assert groep["ernst"] == "fout" and "404" in groep["melding"]
    assert groep["melding_code"] == "link-kapot"
    moved = next(b for b in beta if b["vermelding"] == "jgz-beta")
    assert (moved["ernst"], moved["melding_code"]) == ("waarschuwing", "link-verhuisd")
    assert {m["code"] for m in report["meldingen"]} >= {"link-kapot", "link-verhuisd"}
    assert moved["nieuw_adres"] == project.server.url("/ok", host="jgz.test")
    assert report["samenvatting"]["fouten"] == len(result.out.split(": fout: ")) - 1

    markdown = (project.root / "out" / "r.md").read_text()
    assert "### Alfa (`alfa`)" in markdown and "### Beta (`beta`)" in markdown
    assert project.urls["groep"] in markdown
    # each problem in the per-gemeente tables shows its code
    groep_row = next(
        l for l in markdown.splitlines() if l.startswith("| fout |") and project.urls["groep"] in l
    )
    assert groep_row.count("[link-kapot]") == 1
    html = (project.root / "out" / "r.html").read_text()
    assert html.startswith("<!doctype html>") and "<h3 id='beta'>Beta</h3>" in html
    assert project.urls["groep"] in html
    assert "[link-kapot]</td>" in html and "[link-verhuisd]</td>" in html
    assert "rapport geschreven: out/r.html" in result.err


def test_freshness_report_oldest_first(project: Project, cli) -> None:
    landelijk = project.root / "content" / "landelijk.yml"
    text = landelijk.read_text()
    text = text.replace(
        "    gecontroleerd: 2026-06-01\n  - id: luisterlijn",
        "    gecontroleerd: 2025-01-15\n  - id: luisterlijn",
    )
    text = text.replace(
        "    naam: GGD Test\n    bron: Testbron\n    gecontroleerd: 2026-06-01\n",
        "    naam: GGD Test\n    bron: Testbron\n",
    )
    landelijk.write_text(text)
    alfa = project.root / "gemeenten" / "alfa.yml"
    alfa.write_text(
        alfa.read_text().replace("gecontroleerd: 2026-06-01", "gecontroleerd: 2024-03-01", 1)
    )
    result = cli("check", "--root", ".", "--versheid", "--report", "r.json")
    report = json.loads((project.root / "r.json").read_text())
    order = [(v["vermelding"], v["gecontroleerd"]) for v in report["gemeenten"]["alfa"]["versheid"]]
    assert order == [("ggd-test", None), ("cjg-alfa", "2024-03-01"), ("alarm", "2025-01-15")]
    order = [v["vermelding"] for v in report["gemeenten"]["beta"]["versheid"]]
    assert order == ["ggd-test", "alarm"]
    cjg = report["gemeenten"]["alfa"]["versheid"][1]
    assert cjg["plek"] == f"gemeenten/alfa.yml:{line_of(alfa, '2024-03-01')}:20"
    assert (
        cjg["dagen"]
        == (
            __import__("datetime").date(2026, 11, 23) - __import__("datetime").date(2024, 3, 1)
        ).days
    )
    assert "Versheid (ouder dan 12 maanden" in result.out
    assert "contact 'cjg-alfa' laatst gecontroleerd op 2024-03-01" in result.out


def test_no_internet_at_all_is_noted(project: Project, cli) -> None:
    project.point(luisterlijn="/ok", groep="/ok", jgz="/ok")
    result = cli("check", "--root", ".", "--online")  # no --resolve: the names do not resolve
    assert result.code == 1
    assert "geen enkel webadres (3) was te bereiken; is er een internetverbinding?" in result.err
    assert all("domeinnaam" in line for line in result.lines if ": fout: " in line)
