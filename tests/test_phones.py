"""Phone numbers: valid Dutch forms, the tel: target, the display form and the kind."""

from __future__ import annotations

import pytest

from wegwijzer.read import phones
from wegwijzer.read.phones import Soort


@pytest.mark.parametrize(
    ("text", "tel", "weergave", "soort"),
    [
        ("085 130 46 58", "+31851304658", "085 130 46 58", Soort.VAST),
        ("088 0767 000", "+31880767000", "088 076 70 00", Soort.VAST),
        ("0800 0450", "+318000450", "0800 0450", Soort.GRATIS),
        ("0800-2000", "+318002000", "0800 2000", Soort.GRATIS),
        ("0900 1450", "+319001450", "0900 1450", Soort.BETAALD),
        ("026 123 4567", "+31261234567", "026 123 45 67", Soort.VAST),
        ("0612345678", "+31612345678", "06 12 34 56 78", Soort.MOBIEL),
        ("+31 6 1234 5678", "+31612345678", "06 12 34 56 78", Soort.MOBIEL),
        ("0031 6 12345678", "+31612345678", "06 12 34 56 78", Soort.MOBIEL),
        ("0800 8446 000", "+318008446000", "0800 844 60 00", Soort.GRATIS),
        ("0318 123456", "+31318123456", "0318 12 34 56", Soort.VAST),
        ("112", "112", "112", Soort.KORT),
        ("113", "113", "113", Soort.KORT),
        ("14 026", "14026", "14 026", Soort.GEMEENTE),
        ("140318", "140318", "14 0318", Soort.GEMEENTE),
    ],
)
def test_valid_numbers(text: str, tel: str, weergave: str, soort: Soort) -> None:
    number = phones.parse(text)
    assert (number.tel, number.weergave, number.soort) == (tel, weergave, soort)
    assert number.href == f"tel:{tel}"
    assert number.invoer == text


def test_e164_only_where_the_number_has_an_international_form() -> None:
    assert phones.parse("085 130 46 58").e164 == "+31851304658"
    assert phones.parse("112").e164 is None
    assert phones.parse("14 026").e164 is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("06 1234567", "'06 1234567' heeft 9 cijfers; een Nederlands nummer heeft er 10"),
        ("085 130 46 588", "heeft 11 cijfers"),
        ("0800 20", "is te kort"),
        ("12", "geen bekend kort nummer"),
        ("bel ons", "bevat tekst; een telefoonveld heeft alleen het nummer"),
        ("", "leeg"),
    ],
)
def test_invalid_numbers_say_why_in_dutch(text: str, message: str) -> None:
    with pytest.raises(phones.TelefoonFout) as info:
        phones.parse(text)
    assert message in str(info.value)
