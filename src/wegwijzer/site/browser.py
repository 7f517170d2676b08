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
