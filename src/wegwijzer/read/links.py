"""Form checks for web addresses and email addresses (offline; `wegwijzer check` goes online).

Pure functions. An address that can be used but should be improved (plain ``http://``) is
returned with a note; one that must not be published raises `LinkFout`.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import email_validator
import idna

from wegwijzer.diagnostics import WaardeFout


class LinkFout(WaardeFout):
    """The address must not be published; the message is Dutch and says why."""


@dataclass(frozen=True)
class Website:
    url: str
    host: str
    opmerkingen: tuple[str, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return self.url

    @property
    def weergave(self) -> str:
        """Short form for print: no scheme, no trailing slash ("www.oudertelefoon.nl")."""
        text = re.sub(r"^https?://", "", self.url)
        return text[:-1] if text.endswith("/") and text.count("/") == 1 else text


_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


def parse_website(text: str) -> Website:
    raw = str(text).strip()
    if not raw:
        raise LinkFout("webadres is leeg")
    if any(ch.isspace() for ch in raw):
        raise LinkFout(f"'{raw}' bevat een spatie; een webadres heeft geen spaties")
    lowered = raw.lower()
    scheme, sep, _ = lowered.partition(":")
    if not sep or "." in scheme or scheme.isdigit() or not lowered.startswith(scheme + "://"):
        if lowered.startswith(("javascript:", "data:", "vbscript:", "file:")):
            raise LinkFout(f"'{scheme}:'-adressen zijn niet toegestaan; gebruik een https://-adres")
        raise LinkFout(f"'{raw}' mist 'https://' aan het begin (bedoel je 'https://{raw}'?)")
    if scheme not in ("http", "https"):
        raise LinkFout(f"'{scheme}:'-adressen zijn niet toegestaan; gebruik een https://-adres")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise LinkFout(f"'{raw}' is geen geldig webadres") from exc
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise LinkFout(
            f"'{raw}' bevat een gebruikersnaam of wachtwoord; zet die nooit in een webadres"
        )
    host = check_host(parts.hostname or "", raw)
    notes: list[str] = []
    if scheme == "http":
        notes.append(
            f"'{raw}' gebruikt http://; gebruik https:// (bedoel je "
            f"'https://{raw[len('http://'):]}'?)"
        )
    if port is not None and port not in (80, 443):
        notes.append(f"'{raw}' gebruikt poort {port}; controleer of dat klopt")
    return Website(url=raw, host=host, opmerkingen=tuple(notes))


def check_host(host: str, raw: str) -> str:
    """Return the host in ASCII form, or raise when it cannot be a public web host."""
    if not host:
        raise LinkFout(f"'{raw}' heeft geen domeinnaam")
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        raise LinkFout(f"'{raw}' gebruikt een IP-adres; gebruik de domeinnaam")
    if host.isascii():
        ascii_host = host.rstrip(".").lower()  # the label checks below are all it needs
    else:
        try:
            ascii_host = idna.encode(host.rstrip("."), uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise LinkFout(f"'{host}' is geen geldige domeinnaam") from exc
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise LinkFout(f"'{host}' is geen geldige domeinnaam")
    if not _TLD.match(labels[-1]):
        raise LinkFout(f"'{host}' eindigt niet op een geldige extensie zoals .nl of .com")
    return ascii_host


def parse_email(text: str) -> str:
    raw = str(text).strip()
    if raw.lower().startswith("mailto:"):
        raise LinkFout(f"schrijf het e-mailadres zonder 'mailto:' (bedoel je '{raw[7:]}'?)")
    try:
        result = email_validator.validate_email(raw, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        raise LinkFout(f"'{raw}' is geen geldig e-mailadres") from exc
    return result.normalized
