"""Render page bodies from templates: every value is HTML-escaped (Jinja2 autoescape).

The templates in ``templates/`` receive data objects, never HTML. Links are built by the
filters below, which accept only the schemes the data model allows (https, http, tel,
mailto) and site-relative paths; anything else becomes an inert "#". As a second line of
defence, `sanitize` runs the rendered body through nh3 with an allow-list of the tags and
attributes the templates use, so that no script or event handler can survive even if a
template were to mark a value safe by mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import nh3
from babel.dates import format_date
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from wegwijzer.read.links import Website
from wegwijzer.read.models import ERKENNING_LABELS, Erkenning, Fase, Thema
from wegwijzer.read.phones import Telefoon
from wegwijzer.read.values import taal_naam

TEMPLATES = Path(__file__).parent / "templates"

_TEL = re.compile(r"^\+?[0-9]{2,15}$")
_SAFE_SCHEME = re.compile(r"^(https?://|mailto:|tel:)", re.IGNORECASE)
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")


def tel_href(telefoon: Telefoon) -> str:
    """The `tel:` link that dials `telefoon` from a Dutch phone ('#' if it is malformed)."""
    return f"tel:{telefoon.tel}" if _TEL.match(telefoon.tel) else "#"


def whatsapp_href(telefoon: Telefoon) -> str | None:
    """A wa.me link (WhatsApp wants the international number without '+')."""
    if telefoon.e164 and _TEL.match(telefoon.e164):
        return f"https://wa.me/{telefoon.e164.lstrip('+')}"
    return None


def safe_href(url: str | Website | None) -> str:
    """An external link target, or '#' when it is not https, http, mailto or tel."""
    text = str(url or "")
    if _SAFE_SCHEME.match(text) and not _SPACE_OR_CONTROL.search(text):
        return text
    return "#"


@lru_cache(maxsize=4096)
def datum(value: dt.date | None) -> str:
    """'1 juni 2026'."""
    return format_date(value, format="long", locale="nl") if value else ""


def paragraphs(text: str | None) -> Markup:
    """Plain text as escaped paragraphs (a blank line starts a new one)."""
    if not text:
        return Markup("")
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in parts)


def fase_label(fase: Fase) -> str:
    return fase.label


def thema_label(thema: Thema) -> str:
    return thema.label


def erkenning_label(erkenning: Erkenning | None) -> str:
    return ERKENNING_LABELS.get(erkenning, "") if erkenning else ""


def join_nl(items: list[str]) -> str:
    """'a, b en c'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        tel_href=tel_href,
        whatsapp_href=whatsapp_href,
        safe_href=safe_href,
        datum=datum,
        paragraphs=paragraphs,
        fase_label=fase_label,
        thema_label=thema_label,
        erkenning_label=erkenning_label,
        taal_naam=taal_naam,
        join_nl=join_nl,
    )
    return env


def render(template: str, page_url: str, **context: Any) -> str:
    """The HTML of `template` for the page at `page_url` ('ede/'), sanitised."""
    return sanitize(render_unsanitised(template, page_url, **context))


def render_unsanitised(template: str, page_url: str, **context: Any) -> str:
    """The HTML of `template` for the page at `page_url`, before `sanitize`.

    Templates write internal links as `url('sociale-kaart/')`, which leaves a marker; the
    markers become links relative to the page only here, at the end. So a part of a page
    (a card) is the same text on every page it is on, and can be made once and reused."""
    html = environment().get_template(template).render(url=site_link, pagina_url=page_url, **context)
    t = context.get("t")  # a page's texts (wegwijzer.site.talen.PaginaTeksten)
    if t is not None:
        html = t.afronden(html, context.get("nl_url", ""))
    return relative_links(html, page_url)


_LINK = re.compile("\x02([^\x02\x03]*)\x03")


def site_link(target: str) -> str:
    """A marker for a link to a site path ('sociale-kaart/', 'ede/#hulplijnen')."""
    return f"\x02{target}\x03"


def relative_links(html: str, page_url: str) -> str:
    """Every marker of `site_link` in `html` as a link relative to the page at `page_url`."""
    known: dict[str, str] = {}

    def relative(match: re.Match[str]) -> str:
        target = match.group(1)
        if target not in known:
            path, hash_, fragment = target.partition("#")
            link = get_relative_url(path or ".", page_url) if path or not hash_ else ""
            if (path.endswith("/") or not path) and link and not link.endswith("/"):
                link += "/"
            known[target] = link + hash_ + fragment
        return known[target]

    return _LINK.sub(relative, html)


# --- the second line of defence -------------------------------------------------------------

_TAGS = {
    "a", "abbr", "article", "aside", "b", "br", "caption", "code", "dd", "details", "div", "dl",
    "dt", "em", "footer", "form", "h1", "h2", "h3", "h4", "header", "input", "label", "li",
    "nav", "ol", "option", "p", "section", "select", "small", "span", "strong", "summary",
    "table", "tbody", "td", "th", "thead", "tr", "ul", "output", "button", "time",
}
_ATTRIBUTES = {
    "*": {"class", "id", "hidden", "role", "tabindex", "title", "lang", "dir"},
    "a": {"href", "hreflang", "download", "type"},
    "input": {"type", "name", "value", "autocomplete", "spellcheck", "inputmode", "placeholder"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "form": {"action", "method"},
    "button": {"type"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "time": {"datetime"},
    "details": {"open"},
}


def sanitize(html: str) -> str:
    """Keep only the markup the templates produce: no scripts, styles or event handlers."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"http", "https", "tel", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
