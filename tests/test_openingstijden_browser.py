"""The "nu open" / "nu dicht" mark in a real browser (Chromium), with a faked clock: it
follows the wall clock in Amsterdam, past midnight and across the changes to and from summer
time, whatever the device's own time zone; without JavaScript the hours stay as text."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, REPO

from wegwijzer.site.browser import PHONE, Server, serve
from wegwijzer.site.build import build_site

pytestmark = pytest.mark.slow

UTC = dt.timezone.utc


def _lijn(id: str, tijden: str, feestdagen: str = "") -> str:
    extra = f"\n      feestdagen: {feestdagen}" if feestdagen else ""
    return f"""
  - id: {id}
    naam: Lijn {id}
    omschrijving: Bel ons als je een vraag hebt.
    telefoon: "0800 0450"
    fasen: [zwanger]
    themas: [psychisch]
    bron: Testbron
    gecontroleerd: 2026-06-01
    openingstijden:
      tijden:{tijden}{extra}
      bron: https://www.example.nl/tijden
"""


def _vak(dagen: str, van: str, tot: str) -> str:
    return f'\n        - dagen: [{dagen}]\n          van: "{van}"\n          tot: "{tot}"'


LIJNEN = "interventies:" + "".join(
    [
        _lijn("kantoor", _vak("ma, di, wo, do, vr", "09:00", "17:00"), "gesloten"),
        _lijn("kantoor-onbekend", _vak("ma, di, wo, do, vr", "09:00", "17:00")),
        _lijn("avondlijn", _vak("vr, za", "20:00", "02:00")),
        # the hour after the spring change; that Sunday is Easter 2027, hence 'open'
        _lijn("zomertijd", _vak("zo", "03:00", "04:00"), "open"),
        _lijn("wintertijd", _vak("zo", "02:00", "03:00")),  # the hour that comes twice
    ]
)


@pytest.fixture(scope="module")  # `browser`: the one Chromium of the session (conftest)
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("uren") / "root"
    shutil.copytree(FIXTURES / "mini", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "content" / "vertalingen").mkdir(exist_ok=True)
    for taal in ("nl", "en"):  # the page texts; en's texts of the shipped entries go unused
        shutil.copy(REPO / "content" / "vertalingen" / f"{taal}.yml", root / "content" / "vertalingen" / f"{taal}.yml")
    beta = root / "gemeenten" / "beta.yml"
    text = beta.read_text(encoding="utf-8").replace("woonplaatsen: [Beta]", "woonplaatsen: [Beta]\n  flyer_talen: [en]")
    beta.write_text(text + LIJNEN, encoding="utf-8")
    result = build_site(root, flyers=False)
    assert result.out is not None
    with serve(result.out) as server:
        yield server


def marks(browser: Any, site: Server, when: dt.datetime, path: str = "sociale-kaart/gemeente/beta/",
          **options: Any) -> dict[str, str | None]:
    """The mark of every card with hours at `when` (None: no mark shown), on a device in
    New York unless said otherwise: only Amsterdam's clock may count."""
    context = browser.new_context(**{"viewport": PHONE, "timezone_id": "America/New_York", **options})
    page = context.new_page()
    page.clock.set_fixed_time(when)
    page.goto(site.url + path, wait_until="load")
    result = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('article[data-ww-uren]')].map(card => {
            const mark = card.querySelector('[data-ww-nu]');
            return [card.id.replace(/^.*?(?=kantoor|avondlijn|zomertijd|wintertijd)/, ''),
                    mark && !mark.hidden && mark.offsetParent !== null ? mark.textContent : null];
        }))"""
    )
    context.close()
    return result


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("utc", "kantoor"),
    [
        ("2027-03-03T07:59", "Nu dicht"),  # Wednesday 8.59 in Amsterdam (winter time, UTC+1)
        ("2027-03-03T08:00", "Nu open"),  # 9.00
        ("2027-03-03T15:59", "Nu open"),  # 16.59
        ("2027-03-03T16:00", "Nu dicht"),  # 17.00
        ("2027-07-07T07:30", "Nu open"),  # 9.30 in summer time (UTC+2); 8.30 by winter time
        ("2027-07-07T15:30", "Nu dicht"),  # 17.30 in summer time
        ("2027-03-06T10:00", "Nu dicht"),  # Saturday
    ],
)
def test_open_during_the_hours_closed_after(browser: Any, site: Server, utc: str, kantoor: str) -> None:
    assert marks(browser, site, at(utc))["kantoor"] == kantoor


@pytest.mark.parametrize(
    ("utc", "avondlijn"),
    [
        ("2027-03-05T18:59", "Nu dicht"),  # Friday 19.59
        ("2027-03-05T19:00", "Nu open"),  # Friday 20.00
        ("2027-03-06T00:30", "Nu open"),  # Saturday 1.30: Friday's window, past midnight
        ("2027-03-06T01:00", "Nu dicht"),  # Saturday 2.00
        ("2027-03-07T00:59", "Nu open"),  # Sunday 1.59: Saturday's window
        ("2027-03-08T00:30", "Nu dicht"),  # Monday 1.30: there is no Sunday window
        ("2027-07-02T18:30", "Nu open"),  # Friday 20.30 summer time (19.30 by winter time)
    ],
)
def test_a_window_past_midnight(browser: Any, site: Server, utc: str, avondlijn: str) -> None:
    assert marks(browser, site, at(utc))["avondlijn"] == avondlijn


@pytest.mark.parametrize(
    ("utc", "zomertijd"),
    [
        # Sunday 28 March 2027: at 2.00 winter time the clocks go to 3.00 summer time
        ("2027-03-28T00:59", "Nu dicht"),  # 1.59 winter time
        ("2027-03-28T01:00", "Nu open"),  # 3.00 summer time (2.00 if the change were missed)
        ("2027-03-28T01:59", "Nu open"),  # 3.59
        ("2027-03-28T02:00", "Nu dicht"),  # 4.00
    ],
)
def test_the_change_to_summer_time(browser: Any, site: Server, utc: str, zomertijd: str) -> None:
    assert marks(browser, site, at(utc))["zomertijd"] == zomertijd


@pytest.mark.parametrize(
    ("utc", "wintertijd"),
    [
        # Sunday 31 October 2027: at 3.00 summer time the clocks go back to 2.00 winter time
        ("2027-10-30T23:59", "Nu dicht"),  # 1.59 summer time
        ("2027-10-31T00:00", "Nu open"),  # 2.00 summer time
        ("2027-10-31T00:59", "Nu open"),  # 2.59 summer time
        ("2027-10-31T01:00", "Nu open"),  # 2.00 again, winter time (3.00 if the change were missed)
        ("2027-10-31T01:59", "Nu open"),  # 2.59 winter time
        ("2027-10-31T02:00", "Nu dicht"),  # 3.00 winter time
    ],
)
def test_the_change_to_winter_time(browser: Any, site: Server, utc: str, wintertijd: str) -> None:
    assert marks(browser, site, at(utc))["wintertijd"] == wintertijd


def test_public_holidays(browser: Any, site: Server) -> None:
    # Tweede Paasdag, Monday 29 March 2027, 10.30: closed where the data says so, no mark
    # where it is not known
    found = marks(browser, site, at("2027-03-29T08:30"))
    assert (found["kantoor"], found["kantoor-onbekend"]) == ("Nu dicht", None)
    # Goede Vrijdag (26 March 2027): a day off for some only, so no mark at all
    found = marks(browser, site, at("2027-03-26T09:30"))
    assert (found["kantoor"], found["kantoor-onbekend"]) == (None, None)
    # an ordinary Tuesday: both open
    found = marks(browser, site, at("2027-03-30T08:30"))
    assert (found["kantoor"], found["kantoor-onbekend"]) == ("Nu open", "Nu open")


def test_parent_pages_show_the_hours_and_the_mark_in_their_language(browser: Any, site: Server) -> None:
    when = at("2027-03-03T08:30")
    assert marks(browser, site, when, path="beta/")["kantoor"] == "Nu open"
    assert marks(browser, site, when, path="beta/en/")["kantoor"] == "Open now"
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.url + "beta/en/", wait_until="load")
    card = page.locator("article[data-ww-uren][id$='kantoor']").first
    text = card.locator(".ww-uren").inner_text()
    context.close()
    assert "Opening hours" in text and "Mon–Fri 09:00–17:00" in text
    assert "Closed on public holidays" in text


def test_without_javascript_the_hours_stay_text(browser: Any, site: Server) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "sociale-kaart/gemeente/beta/", wait_until="load")
    card = page.locator("article[data-ww-uren][id$='kantoor']").first
    text = card.locator(".ww-uren").inner_text()
    shown = card.locator("[data-ww-nu]").is_visible()
    context.close()
    assert "ma t/m vr 9.00-17.00 uur" in text and "Gesloten op feestdagen" in text
    assert not shown
