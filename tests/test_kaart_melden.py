"""'Klopt dit niet?' on every card, to the editors of the regio, and the freshness mark on the
sociale kaart (issue 14)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import REPO

from wegwijzer.site.build import build_site

CARD = re.compile(r'<article class="ww-kaart[^"]*" id="([^"]+)"(.*?)</article>', re.DOTALL)
KLOPT = re.compile(r'<p class="ww-klopt"><a href="([^"]+)" data-ww-klopt="([^"]+)">([^<]+)</a></p>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("melden") / "site"
    assert build_site(REPO, out, flyers=False).out == out
    return out


def test_every_card_on_every_page_has_a_report_link_naming_its_entry(site: Path) -> None:
    cards = 0
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        url = "https://wegwijzer.example.org/" + page.parent.relative_to(site).as_posix() + "/"
        url = url.replace(".org/./", ".org/")
        for anchor, body in CARD.findall(text):
            cards += 1
            links = KLOPT.findall(body)
            assert len(links) == 1, f"{url}#{anchor}: {len(links)} report links"
            href, entry_id, _ = links[0]
            href = unescape(href)
            assert anchor.endswith(entry_id), (anchor, entry_id)
            parts = urlsplit(href)
            assert parts.scheme == "mailto" and parts.path.endswith("@wegwijzer.example.org")
            query = parse_qs(parts.query)
            assert f"({entry_id})" in query["subject"][0]
            body_text = query["body"][0]
            assert f"Id: {entry_id}" in body_text
            # the page address leads back to this very card
            assert f"Pagina: {url}#{anchor}" in body_text
    assert cards > 500


def test_the_report_goes_to_the_regio_of_the_gemeente(site: Path) -> None:
    ijmond = (site / "sociale-kaart" / "gemeente" / "beverwijk" / "index.html").read_text(encoding="utf-8")
    ede = (site / "ede" / "index.html").read_text(encoding="utf-8")
    assert "redactie-ijmond@" in ijmond and "redactie-gelderland-midden@" not in ijmond
    assert "redactie-gelderland-midden@" in ede and "redactie-ijmond@" not in ede
    assert "Gemeente%3A%20Beverwijk" in ijmond


def test_the_report_link_is_in_the_page_language(site: Path) -> None:
    ar = (site / "ede" / "ar" / "index.html").read_text(encoding="utf-8")
    texts = {text for _, _, text in KLOPT.findall(ar)}
    assert texts == {"هل هناك خطأ هنا؟"}


def test_a_form_address_gets_title_and_text_in_its_query(tmp_path: Path) -> None:
    from wegwijzer.read.models import Hulplijn
    from wegwijzer.site.feiten import meldlink

    class Regio:
        meldformulier = "https://git.example.org/redactie/kaart/issues/new?template=melding.yml"
        meldadres = "redactie@example.org"

    item = Hulplijn.model_validate({"id": "de-luisterlijn", "naam": "De Luisterlijn", "telefoon": "088 0767 000",
                                    "bron": "test", "gecontroleerd": "2026-01-01"})
    link = meldlink(item, Regio(), "Ede", "https://w.example.org/ede/#lijn-de-luisterlijn")
    assert link is not None and link.startswith(Regio.meldformulier + "&title=")
    query = parse_qs(urlsplit(link).query)
    assert query["template"] == ["melding.yml"]
    assert "(de-luisterlijn)" in query["title"][0] and "Gemeente: Ede" in query["body"][0]

    class Leeg:
        meldformulier = None
        meldadres = None

    assert meldlink(item, Leeg(), "Ede", "x") is None


def test_cards_not_checked_for_a_year_are_marked_on_the_sociale_kaart_only(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("content", "gemeenten", "flyer"):
        shutil.copytree(REPO / folder, root / folder)
    landelijk = root / "content" / "regio" / "gelderland-midden.yml"
    text = landelijk.read_text(encoding="utf-8")
    text = text[text.index("\ninterventies:"):]  # the regio's first interventie ...
    head = landelijk.read_text(encoding="utf-8")[: len(landelijk.read_text(encoding="utf-8")) - len(text)]
    # ... is checked 13 months ago
    old = (dt.date.fromisoformat("2026-11-23") - dt.timedelta(days=400)).isoformat()
    text, count = re.subn(r"gecontroleerd: \S+", f"gecontroleerd: {old}", text, count=1)
    assert count == 1
    landelijk.write_text(head + text, encoding="utf-8")
    out = root / "site"
    assert build_site(root, out, flyers=False).out == out
    first_id = re.search(r"^  - id: (\S+)", text, re.MULTILINE).group(1)
    marked_pro = marked_parent = 0
    for page in out.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        for anchor, body in CARD.findall(text):
            if not anchor.endswith(first_id):
                continue
            pro = "ww-kaart--pro" in text[text.index(f'id="{anchor}"') - 80 : text.index(f'id="{anchor}"')]
            if "Nog niet opnieuw gecontroleerd" in body:
                marked_pro += pro
                marked_parent += not pro
    assert marked_pro > 0  # on the sociale kaart ...
    assert marked_parent == 0  # ... never on a parents' page
