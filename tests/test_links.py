"""Web and email addresses: what may be published, and what only earns a warning."""

from __future__ import annotations

import pytest

from wegwijzer.read import links


def test_https_address_is_fine() -> None:
    site = links.parse_website("https://www.oudertelefoon.nl/")
    assert (site.url, site.host, site.opmerkingen) == ("https://www.oudertelefoon.nl/", "www.oudertelefoon.nl", ())
    assert site.weergave == "www.oudertelefoon.nl"


def test_plain_http_is_a_note_with_the_https_form() -> None:
    site = links.parse_website("http://www.ggdgm.nl")
    assert site.opmerkingen == (
        "'http://www.ggdgm.nl' gebruikt http://; gebruik https:// (bedoel je 'https://www.ggdgm.nl'?)",
    )


def test_international_domain_names_are_accepted() -> None:
    assert links.parse_website("https://café.nl").host == "xn--caf-dma.nl"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("www.ggdgm.nl", "mist 'https://' aan het begin (bedoel je 'https://www.ggdgm.nl'?)"),
        ("javascript:alert(1)", "'javascript:'-adressen zijn niet toegestaan"),
        ("data:text/html,<script>x</script>", "'data:'-adressen zijn niet toegestaan"),
        ("ftp://example.nl", "'ftp:'-adressen zijn niet toegestaan"),
        ("https://jan:geheim@example.nl/", "bevat een gebruikersnaam of wachtwoord"),
        ("https://exa mple.nl", "bevat een spatie"),
        ("https://localhost/", "'localhost' is geen geldige domeinnaam"),
        ("https://10.0.0.1/", "gebruikt een IP-adres"),
        ("https://-bad-.nl/", "is geen geldige domeinnaam"),
        ("https://example.123/", "eindigt niet op een geldige extensie"),
        ("https:///pad", "heeft geen domeinnaam"),
    ],
)
def test_addresses_that_must_not_be_published(text: str, message: str) -> None:
    with pytest.raises(links.LinkFout) as info:
        links.parse_website(text)
    assert message in str(info.value)


def test_email() -> None:
    assert links.parse_email("info@ggdgm.nl") == "info@ggdgm.nl"
    with pytest.raises(links.LinkFout, match="geen geldig e-mailadres"):
        links.parse_email("info@ggdgm")
    with pytest.raises(links.LinkFout, match="zonder 'mailto:'"):
        links.parse_email("mailto:info@ggdgm.nl")
