"""Look at the built site in a real browser: a local static server and Debian's Chromium.

Used by the browser tests and by `scripts/bench_site.py`. The server answers on 127.0.0.1
only and compresses text with gzip, as a real host would, so that what the browser
transfers is what a phone would transfer. Playwright is imported late: it is a test tool,
not needed to build the site.
"""

from __future__ import annotations

import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
_COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class _Counting:
    """A write-through wrapper that counts the bytes a response puts on the wire."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text, counting what each response sends, silently."""

    transfers: list[tuple[str, int]]  # set per server (see `serve`)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle_one_request(self) -> None:
        counter = _Counting(self.wfile)
        self.wfile = counter  # type: ignore[assignment]
        try:
            super().handle_one_request()
        finally:
            self.wfile = counter.raw
            if counter.count and getattr(self, "path", None):
                self.transfers.append((urlsplit(self.path).path, counter.count))

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the stdlib redirects to the folder with "/"
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in _COMPRESS and wants_gzip):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


@dataclass
class Server:
    url: str  # base URL, ending in "/"
    transfers: list[tuple[str, int]]  # (path, bytes sent incl. headers), in order


@contextmanager
def serve(folder: Path) -> Iterator[Server]:
    """Serve `folder` on 127.0.0.1 (a free port) while the block runs."""
    transfers: list[tuple[str, int]] = []
    handler_class = type("Handler", (_Handler,), {"transfers": transfers})
    handler = partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}/", transfers)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Gewicht:
    """What loading one page transferred (gzip), per request, headers included."""

    url: str
    requests: list[tuple[str, int]] = field(default_factory=list)

    @property
    def totaal(self) -> int:
        return sum(size for _, size in self.requests)


def page_weight(browser: Any, server: Server, path: str, viewport: dict[str, int] = PHONE) -> Gewicht:
    """Load a page as a phone does on a first visit (empty cache) and add up every transfer
    the browser caused until the network is idle: the page, CSS, JS, workers, icons."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    server.transfers.clear()
    page.goto(server.url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    result = Gewicht(path, list(server.transfers))
    context.close()
    return result


@dataclass
class Zoekopdracht:
    """What the first search on a page transferred (gzip, headers included) and found."""

    requests: list[tuple[str, int]]
    resultaten: int  # the number the status announces
    status: str  # the text of the live region
    titels: list[str]  # the shown results' titles, in order
    links: list[str]  # their addresses (path and anchor)
    extern: list[str]  # requests to any other host (must stay empty)

    @property
    def totaal(self) -> int:
        return sum(size for _, size in self.requests)


def zoek(page: Any, query: str, gemeente: str | None = None) -> None:
    """Search with the site's search panel (opened if needed) and wait for the announcement."""
    if page.locator("[data-ww-zoekpaneel]").is_hidden():
        page.locator("[data-ww-zoekknop]").click()
    if gemeente is not None:
        select = page.locator("[data-ww-zoekgemeente]")
        if gemeente and not select.locator(f"option[value='{gemeente}']").count():
            page.wait_for_function(
                "g => [...document.querySelectorAll('[data-ww-zoekgemeente] option')].some(o => o.value === g)",
                arg=gemeente,
            )
        select.select_option(gemeente)
    page.locator("#ww-zoekveld").fill(query)
    page.locator("#ww-zoekveld").press("Enter")
    page.wait_for_selector("[data-ww-zoekstatus][data-ww-klaar]", state="attached")
    page.wait_for_load_state("networkidle")


def eerste_zoekopdracht(
    browser: Any, server: Server, path: str, query: str, gemeente: str | None = None,
    viewport: dict[str, int] = PHONE,
) -> Zoekopdracht:
    """Load `path` with an empty cache, then search once (in `gemeente`: "" is all gemeenten,
    None leaves the page's choice); count only what the search caused."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    extern: list[str] = []
    page.on("request", lambda r: extern.append(r.url) if not r.url.startswith((server.url, "data:")) else None)
    page.goto(server.url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    server.transfers.clear()
    zoek(page, query, gemeente)
    status = page.locator("[data-ww-zoekstatus]").inner_text()
    titels = page.locator(".ww-zoekresultaat__titel").all_inner_texts()
    links = page.eval_on_selector_all(
        ".ww-zoekresultaat a", "as => as.map(a => new URL(a.href).pathname + new URL(a.href).hash)"
    )
    aantal = page.locator("[data-ww-zoekstatus]").get_attribute("data-ww-aantal") or "0"
    result = Zoekopdracht(list(server.transfers), int(aantal), status, titels, links, extern)
    context.close()
    return result
