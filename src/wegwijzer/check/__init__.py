"""`wegwijzer check`: links and phone numbers, live, with reports an editor can act on.

Modules, one job each:

- `urls`: every web address of the data, with the YAML places and gemeenten using it;
- `fetch`: the asynchronous online checker (limits, retries, redirects, address policy);
- `cache`: the result cache on disk (``<root>/.wegwijzer-cache/links.json``);
- `site`: offline checks of the built site (internal links, anchors, tel:, mailto:, flyers);
- `numbers`: the phone numbers of the data, and numbers found in text;
- `freshness`: entries not verified for more than 12 months;
- `berichten`: the Dutch messages; `report`: terminal, Markdown, HTML and JSON;
- `command`: the command-line arguments; `runner`: puts it together (`run_check`).

The names below are imported on first use, so that `wegwijzer.check.command` (which the main
parser imports for every command) stays cheap.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "Instellingen": "wegwijzer.check.fetch",
    "Status": "wegwijzer.check.fetch",
    "Uitkomst": "wegwijzer.check.fetch",
    "check_urls": "wegwijzer.check.fetch",
    "CheckResultaat": "wegwijzer.check.runner",
    "Opties": "wegwijzer.check.runner",
    "run_check": "wegwijzer.check.runner",
}

__all__ = [
    "CheckResultaat",
    "Instellingen",
    "Opties",
    "Status",
    "Uitkomst",
    "check_urls",
    "run_check",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'wegwijzer.check' has no attribute {name!r}")
