"""`wegwijzer check --site`: internal links, anchors, tel:, mailto:, wa.me and the flyers of a
built site, against the data of the mini project. The pages are written by the tests, so that
each fault is exactly one known line."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from faultserver import FaultServer

from wegwijzer.check import site as site_check
from wegwijzer.check.numbers import find_numbers

# The mini project's numbers: alarm 112, luisterlijn 088 0767 000, cjg-alfa 026 123 4567,
# huisbezoek 0800 0450 in the regio but 0800 2000 in alfa (alfa's own number).
GOOD_HOME = """
<html><body>
<a href="#top" id="top">boven</a>
<a href="alfa/">Alfa</a> <a href="beta/index.html">Beta</a>
<a href="https://wegwijzer.example.org/beta/#hulp">Beta, absoluut</a>
<a href="/alfa/">Alfa vanaf de root</a>
<link rel="stylesheet" href="assets/stijl.css">
<img src="assets/logo.svg" alt="">
<aside id="direct-hulp"><a href="tel:112">Bel 112</a></aside>
<article id="lijn-luisterlijn"><a class="knop" href="tel:+31880767000">Bel <span>088 076 70 00</span></a></article>
</body></html>
"""
GOOD_ALFA = """
<html><body>
<article class="ww-kaart" id="huisbezoek"><a href="tel:+318002000">Bel 0800 2000</a></article>
<article class="ww-kaart" id="contact-cjg-alfa">
  <a href="tel:+31261234567">Bel 026 123 4567</a>
  <a href="mailto:info@cjg-alfa.nl">E-mail</a>
</article>
<a href="../">Terug</a> <a href="../index.html#top">Naar boven</a>
<aside id="spoed"><a href="tel:112">Bel 112</a></aside>
</body></html>
"""
GOOD_BETA = """
<html><body>
<h2 id="hulp">Hulp</h2>
<article class="ww-kaart" id="huisbezoek"><a href="tel:+318000450">Bel 0800 0450</a></article>
</body></html>
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


pytestmark = pytest.mark.usefixtures("no_real_dns")


@pytest.fixture
def site(in_mini: Path) -> Path:
    """A small built site that agrees with the mini data, plus mkdocs.yml for site_url."""
    write(in_mini / "mkdocs.yml", "site_name: Test\nsite_url: https://wegwijzer.example.org/\n")
    alfa = in_mini / "gemeenten" / "alfa.yml"
    alfa.write_text(
        alfa.read_text().replace(
            "    soort: cjg\n", "    soort: cjg\n    email: info@cjg-alfa.nl\n"
        )
    )
    root = in_mini / "site"
    write(root / "index.html", GOOD_HOME)
    write(root / "alfa" / "index.html", GOOD_ALFA)
    write(root / "beta" / "index.html", GOOD_BETA)
    write(root / "assets" / "stijl.css", "body{}")
    write(root / "assets" / "logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    return root


def check(cli, *extra: str):
    return cli("check", "--root", ".", "--site", "site", *extra)


def site_lines(result) -> list[str]:
    return [line for line in result.lines if line.startswith("site/")]


def test_a_site_that_agrees_with_the_data_passes(site: Path, cli) -> None:
    result = check(cli, "--report", "r.json")
    assert site_lines(result) == []
    assert result.code == 0
    summary = json.loads((site.parent / "r.json").read_text())["samenvatting"]["site"]
    assert summary["paginas"] == 3 and summary["tel_links"] == 6 and summary["mailto_links"] == 1
    assert summary["interne_links"] >= 9


def test_broken_internal_links_and_anchors(site: Path, cli) -> None:
    write(
        site / "beta" / "extra.html",
        """
        <a href="../bestaat-niet/">weg</a>
        <a href="../index.html#nergens">anker weg</a>
        <a href="#hulp">anker op een andere pagina</a>
        <a href="../../../etc/passwd">buiten</a>
        <img src="plaatje.png">
        <a href="index.html#hulp">goed</a>
        """,
    )
    result = check(cli)
    assert result.code == 1
    assert site_lines(result) == [
        "site/beta/extra.html:1:1: fout: interne link '../bestaat-niet/' op beta/extra.html wijst "
        "naar een pagina of bestand dat niet bestaat [link-intern-kapot]",
        "site/beta/extra.html:2:1: fout: link '../index.html#nergens': anker '#nergens' bestaat "
        "niet op index.html [link-anker-ontbreekt]",
        "site/beta/extra.html:3:1: fout: link '#hulp': anker '#hulp' bestaat niet op deze pagina [link-anker-ontbreekt]",
        "site/beta/extra.html:4:1: fout: interne link '../../../etc/passwd' wijst buiten de site [link-buiten-site]",
        "site/beta/extra.html:5:1: fout: interne link 'plaatje.png' op beta/extra.html wijst naar "
        "een pagina of bestand dat niet bestaat [link-intern-kapot]",
    ]


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            '<a href="tel:+31201234567">Bel 020 123 4567</a>',
            "fout: tel-link 'tel:+31201234567': 020 123 45 67 staat niet in de gegevens",
        ),
        (
            '<a href="tel:+31880767000">Bel 088 076 70 01</a>',
            "fout: tel-link 'tel:+31880767000' toont 088 076 70 01 maar belt een ander nummer",
        ),
        (
            '<a href="tel:12345">Bel</a>',
            "fout: tel-link 'tel:12345': '12345' is geen bekend kort nummer",
        ),
        ('<a href="tel:+3188">Bel</a>', "fout: tel-link 'tel:+3188' is geen geldig telefoonnummer"),
        (
            '<a href="tel:088 0767 000">Bel</a>',
            "fout: tel-link 'tel:088 0767 000' bevat tekens die een telefoon niet kan bellen",
        ),
        (
            '<a href="tel:0880767000">Bel 088 076 70 00</a>',
            "waarschuwing: tel-link 'tel:0880767000': schrijf 'tel:+31880767000'",
        ),
        ('<a href="tel:">Bel</a>', "fout: tel-link 'tel:' heeft geen nummer"),
        (
            '<a href="mailto:info@elders.nl">Mail</a>',
            "fout: mailto-link: info@elders.nl staat niet in de gegevens",
        ),
        (
            '<a href="mailto:info@">Mail</a>',
            "fout: mailto-link 'mailto:info@': 'info@' is geen geldig e-mailadres",
        ),
        (
            '<a href="https://wa.me/31612345678">WhatsApp</a>',
            "fout: WhatsApp-link 'https://wa.me/31612345678': 06 12 34 56 78 staat niet in de gegevens",
        ),
        ('<a href="javascript:alert(1)">x</a>', "fout: link 'javascript:alert(1)' in a"),
    ],
)
def test_each_wrong_tel_mailto_or_whatsapp_link(site: Path, cli, html: str, expected: str) -> None:
    write(site / "hulplijnen" / "index.html", f"<p>\n{html}\n</p>")
    result = check(cli)
    lines = site_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith("site/hulplijnen/index.html:2:1: " + expected), lines[0]
    assert result.code == (1 if "fout:" in expected else 0)


def test_one_organisation_one_number_unless_the_data_says_so(site: Path, cli) -> None:
    # beta shows the regio's number for huisbezoek and alfa its own: the data says so (fine).
    # A second card of huisbezoek on alfa's page with the regio number is not.
    page = site / "alfa" / "index.html"
    page.write_text(
        page.read_text()
        + '<div data-id="huisbezoek"><p><a href="tel:+318000450">Bel 0800 0450</a></p></div>\n'
    )
    result = check(cli)
    assert result.code == 1
    assert site_lines(result) == [
        "site/alfa/index.html:10:30: fout: tel-link 'tel:+318000450': bij 'Huisbezoek' "
        "(huisbezoek) staat hier 0800 0450, maar in alfa heeft die 0800 2000; één organisatie "
        "hoort overal hetzelfde nummer te tonen [tel-nummer-anders]"
    ]


def test_a_number_on_the_wrong_card(site: Path, cli) -> None:
    write(
        site / "sociale-kaart" / "index.html",
        '<article id="kaart-luisterlijn">\n<a href="tel:112">Bel 112</a>\n</article>\n'
        '<article id="kaart-huisbezoek">\n<a href="tel:+318000450">Bel 0800 0450</a>\n'
        '<a href="tel:+318002000">Bel 0800 2000</a>\n</article>\n',
    )
    result = check(cli)
    # on a page of no gemeente, huisbezoek may show each of its numbers; luisterlijn not 112
    assert site_lines(result) == [
        "site/sociale-kaart/index.html:2:1: fout: tel-link 'tel:112': bij 'Luisterlijn' "
        "(luisterlijn) staat hier 112, maar in de gegevens heeft die 088 076 70 00; één "
        "organisatie hoort overal hetzelfde nummer te tonen [tel-nummer-anders]"
    ]


def _pdf(text_lines: list[str]) -> bytes:
    """A minimal one-page PDF with Helvetica text (enough for pypdf to extract)."""
    stream = (
        "BT /F1 12 Tf 72 720 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in text_lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


@pytest.mark.parametrize("reader", ["pypdfium2", "pypdf"])
def test_flyer_numbers_agree_with_the_data_and_the_page(
    site: Path, cli, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip(reader)
    if reader == "pypdf":
        monkeypatch.setitem(sys.modules, "pypdfium2", None)  # as if not installed
    flyer = site / "alfa" / "mamawegwijzer-alfa-nl.pdf"
    flyer.write_bytes(
        _pdf(
            [
                "Bel 0800 2000 of 026 123 4567.",
                "Luisterlijn: 088 0767 000, dag en nacht.",
                "Oud nummer: 030 123 45 67",
                "Spoed: 112. Gemaakt op 2026-11-23, pagina 144.",
            ]
        )
    )
    result = check(cli, "--report", "r.json")
    assert site_lines(result) == [
        "site/alfa/mamawegwijzer-alfa-nl.pdf: fout: flyer toont 030 123 45 67, maar dat nummer "
        "staat niet in de gegevens van gemeente alfa; maak de flyer opnieuw (wegwijzer build) [flyer-nummer-onbekend]",
        "site/alfa/mamawegwijzer-alfa-nl.pdf: waarschuwing: flyer toont 088 076 70 00, maar de "
        "gemeentepagina alfa/ heeft dat nummer niet als belknop [flyer-nummer-niet-op-pagina]",
    ]
    summary = json.loads((site.parent / "r.json").read_text())["samenvatting"]["site"]
    assert summary["flyers"] == 1


def test_flyers_without_a_pdf_reader_are_noted(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "alfa" / "flyer.pdf").write_bytes(_pdf(["Bel 030 123 45 67"]))
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    monkeypatch.setitem(sys.modules, "pypdf", None)
    result = check(cli)
    assert result.code == 0
    assert "let op: 1 flyers niet vergeleken met de site" in result.err


def test_external_links_of_the_site_are_checked_online(site: Path, cli) -> None:
    with FaultServer() as server:
        broken = server.url("/status/404", host="extern.test")
        page = site / "beta" / "index.html"
        page.write_text(page.read_text() + f'<a href="{broken}">Meer</a>\n')
        result = check(
            cli, "--online", "--allow-private", "--resolve", "extern.test:127.0.0.1",
            "--behalve", "example", "--report", "r.json",
        )  # fmt: skip
        assert result.code == 1
        assert (
            f"site/beta/index.html:5:1: fout: link {broken} geeft 404 (pagina bestaat niet meer); zoek het nieuwe adres [link-kapot]"
            in result.lines
        )
        report = json.loads((site.parent / "r.json").read_text())
        assert [b["url"] for b in report["gemeenten"]["beta"]["links"]] == [broken]
        assert report["gemeenten"]["alfa"]["links"] == []


def test_numbers_in_running_text() -> None:
    text = (
        "Bel 0800-2000 113 of (026) 123 45 67; om 9.00-17.00 uur; 2026-11-23; 6711 AB Ede; "
        "+31 88 0767 000, 14 026 of 0800 844 60 00. Pagina 3 van 1000 dagen."
    )
    found = [(f.tekst, f.telefoon.tel, f.kort) for f in find_numbers(text, {"+318002000"})]
    assert found == [
        ("0800-2000", "+318002000", False),
        ("113", "113", True),
        ("026) 123 45 67", "+31261234567", False),
        ("+31 88 0767 000", "+31880767000", False),
        ("14 026", "14026", True),
        ("0800 844 60 00", "+318008446000", False),
    ]
    # without knowing 0800 2000, the longest valid reading wins
    assert find_numbers("Bel 0800-2000 113")[0].telefoon.tel == "+318002000113"


def test_anchors_on_pages_read_before_and_after_the_link(site: Path, cli) -> None:
    # pages are read one at a time in sorted order: "a/" before "beta/", "zz/" after it
    write(site / "a" / "index.html", '<h2 id="eerder">Eerder</h2>')
    write(site / "zz" / "index.html", '<h2 id="later">Later</h2>')
    write(
        site / "beta" / "extra.html",
        """
        <a href="../a/#eerder">goed, eerder gelezen</a>
        <a href="../a/#weg">fout, eerder gelezen</a>
        <a href="../zz/#later">goed, later gelezen</a>
        <a href="../zz/index.html#weg">fout, later gelezen</a>
        <a href="extra.html#weg">fout, deze pagina</a>
        <a href="../zz/#weg">twee keer hetzelfde</a>
        <p id="hier"><a href="extra.html#hier">goed, deze pagina</a></p>
        """,
    )
    result = check(cli)
    assert site_lines(result) == [
        "site/beta/extra.html:2:1: fout: link '../a/#weg': anker '#weg' bestaat niet op "
        "a/index.html [link-anker-ontbreekt]",
        "site/beta/extra.html:4:1: fout: link '../zz/index.html#weg': anker '#weg' bestaat niet "
        "op zz/index.html [link-anker-ontbreekt]",
        "site/beta/extra.html:5:1: fout: link 'extra.html#weg': anker '#weg' bestaat niet op "
        "deze pagina [link-anker-ontbreekt]",
        "site/beta/extra.html:6:1: fout: link '../zz/#weg': anker '#weg' bestaat niet op "
        "zz/index.html [link-anker-ontbreekt]",
    ]


@pytest.mark.parametrize("parallel", [False, True])
def test_many_flyers_are_read_in_worker_processes(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    pytest.importorskip("pypdfium2")
    monkeypatch.setattr(site_check, "_cores", lambda: 2 if parallel else 1)
    monkeypatch.setattr(site_check, "PARALLEL_FLYERS", 2)
    good = _pdf(["Bel 0800 2000 of 026 123 4567."])
    for n in range(7):
        (site / "alfa" / f"flyer-{n}.pdf").write_bytes(good)
    (site / "alfa" / "flyer-oud.pdf").write_bytes(_pdf(["Oud nummer: 030 123 45 67"]))
    (site / "beta" / "flyer-kapot.pdf").write_bytes(b"%PDF-1.4 kapot")
    result = check(cli, "--report", "r.json")
    lines = site_lines(result)
    assert lines[0] == (
        "site/alfa/flyer-oud.pdf: fout: flyer toont 030 123 45 67, maar dat nummer staat niet in "
        "de gegevens van gemeente alfa; maak de flyer opnieuw (wegwijzer build) [flyer-nummer-onbekend]"
    )
    assert lines[1].startswith("site/beta/flyer-kapot.pdf: fout: flyer is geen leesbare PDF (")
    assert len(lines) == 2
    summary = json.loads((site.parent / "r.json").read_text())["samenvatting"]["site"]
    assert summary["flyers"] == 8 and summary["flyer_nummers"] == 15
    assert summary["flyers_parallel"] is parallel and summary["paginas_parallel"] is False


def test_pages_of_a_large_site_are_parsed_in_worker_processes(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every kind of finding that depends on the page: anchors before and after, tel on a card,
    # numbers of a gemeentepagina against its flyer
    write(site / "zz" / "index.html", '<h2 id="later">Later</h2>')
    write(
        site / "beta" / "extra.html",
        """
        <a href="../zz/#weg">fout, later gelezen</a>
        <a href="../index.html#nergens">anker weg</a>
        <a href="../bestaat-niet/">weg</a>
        <article id="kaart-luisterlijn"><a href="tel:112">Bel 112</a></article>
        <a href="tel:+31201234567">Bel 020 123 4567</a>
        <a href="https://elders.example.com/">Elders</a>
        """,
    )
    flyer = _pdf(["Luisterlijn: 088 0767 000", "Oud: 030 123 45 67"])
    (site / "alfa" / "flyer.pdf").write_bytes(flyer)
    serial = check(cli, "--report", "serieel.json")
    monkeypatch.setattr(site_check, "_cores", lambda: 2)
    monkeypatch.setattr(site_check, "PARALLEL_HTML", 1)
    parallel = check(cli, "--report", "parallel.json")
    assert len(site_lines(serial)) == 7, site_lines(serial)
    assert site_lines(parallel) == site_lines(serial)
    assert parallel.code == serial.code == 1
    reports = [
        json.loads((site.parent / name).read_text()) for name in ("serieel.json", "parallel.json")
    ]
    how = [
        (r["samenvatting"]["site"]["paginas_parallel"], r["samenvatting"]["site"]["flyers_parallel"])
        for r in reports
    ]
    assert how == [(False, False), (True, False)]
    for report in reports:
        report["samenvatting"].pop("duur", None)
        for key in (
            "paginas_parallel", "flyers_parallel", "flyer_teksten_gelezen", "flyer_teksten_uit_cache"
        ):
            report["samenvatting"]["site"].pop(key)
    assert reports[0]["samenvatting"] == reports[1]["samenvatting"]


def test_the_cycle_collector_is_set_back_after_the_check(site: Path, cli) -> None:
    import gc

    before = gc.get_threshold()
    result = check(cli)
    assert result.code == 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_flyer_texts_are_remembered_between_runs(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pypdfium2")
    def read() -> tuple[int, int]:
        """(texts read from a PDF, texts from the cache) of the last check's report."""
        summary = json.loads((site.parent / "r.json").read_text())["samenvatting"]["site"]
        return summary["flyer_teksten_gelezen"], summary["flyer_teksten_uit_cache"]

    flyer = site / "alfa" / "flyer.pdf"
    flyer.write_bytes(_pdf(["Bel 0800 2000.", "Oud nummer: 030 123 45 67"]))
    (site / "beta" / "flyer.pdf").write_bytes(_pdf(["Bel 0800 0450."]))
    first = check(cli, "--report", "r.json")
    assert read() == (2, 0)
    cache = site.parent / ".wegwijzer-cache" / "flyer-teksten.json"
    assert len(json.loads(cache.read_text())["teksten"]) == 2

    second = check(cli, "--report", "r.json")
    assert read() == (0, 2)  # both texts came from the cache
    assert site_lines(second) == site_lines(first) and len(site_lines(first)) == 1

    flyer.write_bytes(_pdf(["Bel 0800 2000."]))  # a new flyer: read again, old text dropped
    third = check(cli, "--report", "r.json")
    assert read() == (1, 1)
    assert site_lines(third) == []
    assert len(json.loads(cache.read_text())["teksten"]) == 2

    cache.write_text("{kapot")
    fourth = check(cli, "--geen-cache", "--report", "r.json")
    assert read() == (2, 0) and site_lines(fourth) == []
    assert cache.read_text() == "{kapot"  # --geen-cache: not read, not written
    fifth = check(cli, "--report", "r.json")
    assert read() == (2, 0) and "flyer-teksten.json' is onleesbaar" in fifth.err
    assert len(json.loads(cache.read_text())["teksten"]) == 2
