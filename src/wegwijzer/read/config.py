"""Project settings read from mkdocs.yml (the one configuration file an editor sees)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

from wegwijzer.diagnostics import WegwijzerFout
from wegwijzer.read.links import LinkFout, parse_website

MKDOCS_YML = "mkdocs.yml"
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost")


@dataclass(frozen=True)
class Config:
    site_url: str  # always ends with "/"
    site_name: str

    @property
    def is_placeholder(self) -> bool:
        host = self.site_url.split("/")[2]
        return any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)

    def gemeente_url(self, slug: str) -> str:
        """The short URL printed and encoded on the flyer's QR code."""
        return f"{self.site_url}{slug}/"


class _IgnoreTags(SafeConstructor):
    """mkdocs.yml may hold tags such as !!python/name:...; they do not matter here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(root: Path) -> Config:
    path = root / MKDOCS_YML
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _IgnoreTags
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig")) or {}
    except FileNotFoundError:
        raise WegwijzerFout(f"{path}: bestand ontbreekt (hierin staat onder meer site_url)") from None
    except (OSError, YAMLError) as exc:
        raise WegwijzerFout(f"{path}: kan het bestand niet lezen ({exc})") from None
    url = str(data.get("site_url") or "").strip()
    if not url:
        raise WegwijzerFout(f"{path}: 'site_url' ontbreekt; de QR-codes op de flyers wijzen daarheen")
    try:
        website = parse_website(url)
    except LinkFout as exc:
        raise WegwijzerFout(f"{path}: site_url: {exc}") from None
    if not website.url.startswith("https://"):
        raise WegwijzerFout(f"{path}: site_url moet met https:// beginnen")
    site_url = website.url if website.url.endswith("/") else website.url + "/"
    return Config(site_url=site_url, site_name=str(data.get("site_name") or "Wegwijzer"))
