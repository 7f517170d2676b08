"""Project settings read from mkdocs.yml (the one configuration file an editor sees)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from urllib.parse import urlsplit

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

    def gemeente_url(self, slug: str, taal: str = "nl") -> str:
        """The short URL printed and encoded on the flyer's QR code: the gemeentepagina in
        the flyer's language (``/<slug>/`` in Dutch, ``/<slug>/<taal>/`` otherwise)."""
        return f"{self.site_url}{slug}/" if taal == "nl" else f"{self.site_url}{slug}/{taal}/"


def _loader() -> type:
    """MkDocs' own YAML loader (so `!ENV`, and `INHERIT` through `yaml_load`, work as they do for
    `mkdocs build`), on PyYAML's safe loader: reading the settings never runs code. Tags that
    only MkDocs itself needs (`!!python/name:...` for Markdown extensions, `!relative`) are
    read as empty here."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    loader = get_yaml_loader(yaml.SafeLoader)
    loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    loader.add_constructor("!relative", lambda *_: None)
    return loader


def read_settings(root: Path) -> dict:
    """mkdocs.yml as MkDocs reads it: `!ENV` resolved, `INHERIT` merged."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    path = root / MKDOCS_YML
    try:
        with open(path, "rb") as handle:
            data = yaml_load(handle, _loader())
    except FileNotFoundError:
        raise WegwijzerFout(f"{path}: bestand ontbreekt (hierin staat onder meer site_url)") from None
    except (OSError, ConfigurationError) as exc:
        raise WegwijzerFout(f"{path}: kan het bestand niet lezen ({exc})") from None
    if not isinstance(data, dict):
        raise WegwijzerFout(f"{path}: het bestand moet bestaan uit instellingen zoals 'site_url:'")
    return data


def read_config(root: Path) -> Config:
    path = root / MKDOCS_YML
    data = read_settings(root)
    url = str(data.get("site_url") or "").strip()
    if not url:
        raise WegwijzerFout(f"{path}: 'site_url' ontbreekt; de QR-codes op de flyers wijzen daarheen")
    return Config(site_url=check_site_url(url, path), site_name=str(data.get("site_name") or "Wegwijzer"))


def check_site_url(url: str, path: Path | str = MKDOCS_YML) -> str:
    """The published address, strictly: every flyer prints and encodes `site_url` + gemeente,
    so it must be the address of a folder of the site: https, a host, a path of plain folder
    names ending in '/'; no file name (index.html), no '//', '.' or '..', query or fragment.
    Returns it with its final '/'."""
    try:
        website = parse_website(url)
    except LinkFout as exc:
        raise WegwijzerFout(f"{path}: site_url: {exc}") from None
    if not website.url.startswith("https://"):
        raise WegwijzerFout(f"{path}: site_url moet met https:// beginnen")
    parts = urlsplit(url)
    fout = None
    if parts.query or parts.fragment or "?" in url or "#" in url:
        fout = "heeft een '?' of '#'; het adres van de site heeft die niet"
    elif "//" in parts.path:
        fout = "heeft '//' in het pad; schrijf elke map met één '/'"
    elif any(segment in (".", "..") for segment in parts.path.split("/")):
        fout = "heeft '.' of '..' in het pad; schrijf het pad zoals het in de adresbalk staat"
    elif "." in parts.path.rstrip("/").rsplit("/", 1)[-1] or "%" in parts.path or "\\" in url:
        fout = (
            "eindigt op een bestandsnaam (zoals index.html) of heeft vreemde tekens; "
            "site_url is het adres van de map van de site, eindigend op '/'"
        )
    if fout:
        raise WegwijzerFout(
            f"{path}: site_url '{url}' {fout}. Dit adres komt op elke flyer en in elke QR-code"
        )
    return website.url if website.url.endswith("/") else website.url + "/"
