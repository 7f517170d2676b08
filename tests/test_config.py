"""mkdocs.yml read once, as MkDocs reads it (!ENV, INHERIT), safely; site_url strictly; and
every QR address a page of the site that is published."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import line_of, write

from wegwijzer.diagnostics import WegwijzerFout
from wegwijzer.read.config import check_site_url, read_config
from wegwijzer.site.qrcheck import check_qr_addresses, missing_pages


@pytest.mark.parametrize(
    "url, why",
    [
        ("https://kaart.example.nl/index.html", "bestandsnaam"),
        ("https://kaart.example.nl/wegwijzer/index.htm", "bestandsnaam"),
        ("https://kaart.example.nl//wegwijzer/", "'//'"),
        ("https://kaart.example.nl/a//b/", "'//'"),
        ("https://kaart.example.nl/a/../b/", "'..'"),
        ("https://kaart.example.nl/./", "'..'"),
        ("https://kaart.example.nl/?versie=2", "'?'"),
        ("https://kaart.example.nl/#top", "'#'"),
        ("http://kaart.example.nl/", "https://"),
        ("kaart.example.nl", "https://"),
    ],
)
def test_a_site_url_that_is_no_folder_of_a_site_is_refused(url: str, why: str) -> None:
    with pytest.raises(WegwijzerFout) as caught:
        check_site_url(url)
    assert why in str(caught.value)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://kaart.example.nl", "https://kaart.example.nl/"),
        ("https://kaart.example.nl/", "https://kaart.example.nl/"),
        ("https://www.example.nl/kansrijke-start/", "https://www.example.nl/kansrijke-start/"),
        ("https://www.example.nl:8443/kaart", "https://www.example.nl:8443/kaart/"),
    ],
)
def test_a_good_site_url_is_kept_with_its_final_slash(url: str, expected: str) -> None:
    assert check_site_url(url) == expected


def test_validate_names_a_bad_site_url_at_its_line(in_mini: Path, cli) -> None:
    path = write(in_mini / "mkdocs.yml", "site_name: Test\nsite_url: https://x.example.nl/index.html\n")
    result = cli("validate", "--root", ".")
    assert result.code == 1
    line = line_of(path, "site_url")
    found = [l for l in result.out.splitlines() if l.startswith(f"mkdocs.yml:{line}:1: fout: ")]
    assert len(found) == 1, result.out
    assert "bestandsnaam" in found[0] and found[0].endswith("[site-url-ongeldig]")


def test_env_in_mkdocs_yml_is_read_as_mkdocs_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "mkdocs.yml", 'site_name: T\nsite_url: !ENV [WW_TEST_URL, "https://standaard.example.nl/"]\n')
    monkeypatch.delenv("WW_TEST_URL", raising=False)
    assert read_config(tmp_path).site_url == "https://standaard.example.nl/"
    monkeypatch.setenv("WW_TEST_URL", "https://echt.example.nl/kaart/")
    assert read_config(tmp_path).site_url == "https://echt.example.nl/kaart/"


def test_inherit_in_mkdocs_yml_is_merged(tmp_path: Path) -> None:
    write(tmp_path / "basis.yml", "site_name: Basis\nsite_url: https://basis.example.nl/\n")
    write(tmp_path / "mkdocs.yml", "INHERIT: basis.yml\nsite_name: Eigen\n")
    config = read_config(tmp_path)
    assert (config.site_url, config.site_name) == ("https://basis.example.nl/", "Eigen")


def test_reading_mkdocs_yml_never_runs_code(tmp_path: Path) -> None:
    marker = tmp_path / "uitgevoerd"
    write(
        tmp_path / "mkdocs.yml",
        f"site_url: https://x.example.nl/\n"
        f"markdown_extensions:\n  - x: !!python/object/apply:os.system [\"touch {marker}\"]\n"
        f"  - y: !!python/name:material.extensions.emoji.twemoji\n",
    )
    assert read_config(tmp_path).site_url == "https://x.example.nl/"
    assert not marker.exists()


def test_a_qr_address_must_be_a_page_of_the_new_site(tmp_path: Path) -> None:
    write(tmp_path / "ede" / "index.html", "<p>Ede</p>")
    write(tmp_path / "lijst.html", "<p>lijst</p>")
    site = "https://kaart.example.nl/regio/"
    urls = [
        f"{site}ede/",
        f"{site}lijst.html",
        f"{site}arnhem/",  # no page
        "https://kaart.example.nl/ede/",  # outside site_url
        f"{site}ede/../ede/",
        f"{site}ede/?x=1",
    ]
    assert missing_pages(urls, site, tmp_path) == sorted(urls[2:])
    with pytest.raises(WegwijzerFout) as caught:
        check_qr_addresses(urls, site, tmp_path, "site")
    assert f"{site}arnhem/" in str(caught.value) and "'site' is niet veranderd" in str(caught.value)
    check_qr_addresses(urls[:2], site, tmp_path, "site")  # all pages: no error
