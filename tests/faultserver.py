"""A small HTTP(S) server on loopback that misbehaves on request, for the link checker's tests
and benchmark. It speaks just enough HTTP/1.1 (keep-alive, HEAD, GET), on asyncio streams in a
background thread, so that every fault is exact: resets, hangs, slow answers, chosen codes.

Routes (the query string is ignored; a ``<name>`` keeps counters of different tests apart):

    /ok                          200
    /status/<code>               that code (404, 410, 500, ...)
    /slow/<seconds>              200 after a delay
    /hang                        reads the request and never answers
    /reset                       closes the connection with a TCP reset
    /close                       closes the connection without an answer
    /flaky/<n>/<name>            503 for the first n requests, then 200
    /ratelimit/<seconds>/<name>  429 with Retry-After: <seconds> the first time, then 200
    /busy/<seconds>              always 429 with Retry-After: <seconds>
    /nohead                      HEAD gives 405, GET 200
    /nohead501                   HEAD gives 501, GET 200
    /redirect/<code>/<path...>   <code> with Location: /<path...>
    /to/<host>/<port>/<path...>  302 to http://<host>:<port>/<path...> (another loopback host)
    /chain/<n>                   302 to /chain/<n-1>, ..., /chain/0 gives 200
    /loop/a, /loop/b             301 to each other
    /nolocation                  302 without a Location header

Only ever bound to loopback addresses (127.0.0.0/8); run as a script for the benchmark.
"""

from __future__ import annotations

import asyncio
import collections
import socket
import ssl
import struct
import threading
import time
from collections.abc import Iterable

REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    410: "Gone",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


class FaultServer:
    """Serve the routes above on one or more loopback addresses, plain or with TLS."""

    def __init__(
        self,
        hosts: Iterable[str] = ("127.0.0.1",),
        *,
        tls: ssl.SSLContext | None = None,
        latency: float = 0.0,
        headers: dict[str, str] | None = None,
        port: int = 0,
    ) -> None:
        self.hosts = list(hosts)
        for host in self.hosts:
            if not host.startswith("127."):
                raise ValueError("the fault server only listens on loopback (127.0.0.0/8)")
        self.tls = tls
        self.latency = latency
        self.headers = dict(headers or {})  # sent with every answer
        self.port = port
        self.hits: collections.Counter[tuple[str, str]] = collections.Counter()
        self.log: list[tuple[float, str, str]] = []
        self._counters: collections.Counter[str] = collections.Counter()
        # requests being answered at once, per Host header and in all (for the limit tests)
        self.inflight: collections.Counter[str] = collections.Counter()
        self.max_inflight: collections.Counter[str] = collections.Counter()
        self.inflight_all = 0
        self.max_inflight_all = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._servers: list[asyncio.AbstractServer] = []
        self._writers: set[asyncio.StreamWriter] = set()
        self._lock = threading.Lock()

    # -- life cycle --

    def start(self) -> FaultServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        port = self.port
        for host in self.hosts:
            server = await asyncio.start_server(
                self._serve, host, port, ssl=self.tls, reuse_address=True, backlog=1024
            )
            port = server.sockets[0].getsockname()[1]  # the same port on every address
            self._servers.append(server)
        self.port = port

    def stop(self) -> None:
        async def _stop() -> None:
            for server in self._servers:
                server.close()
            for writer in list(self._writers):
                writer.transport.abort()
            current = asyncio.current_task()
            tasks = [t for t in asyncio.all_tasks() if t is not current]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(_stop(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop.close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str, host: str | None = None) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{host or self.hosts[0]}:{self.port}{path}"

    def count(self, path: str, method: str | None = None) -> int:
        with self._lock:
            return sum(n for (m, p), n in self.hits.items() if p == path and method in (None, m))

    def reset_counts(self) -> None:
        with self._lock:
            self.hits.clear()
            self.log.clear()
            self._counters.clear()
            self.max_inflight.clear()
            self.max_inflight_all = 0

    # -- HTTP --

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                except ssl.SSLError:
                    return
                lines = head.decode("latin-1").split("\r\n")
                try:
                    method, target, _version = lines[0].split(" ", 2)
                except ValueError:
                    return
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        key, value = line.split(":", 1)
                        headers[key.strip().lower()] = value.strip()
                length = int(headers.get("content-length") or 0)
                if length:
                    await reader.readexactly(length)
                path = target.split("?", 1)[0]
                host = headers.get("host", "")
                with self._lock:
                    self.hits[(method, path)] += 1
                    self.log.append((time.monotonic(), method, path))
                    self.inflight[host] += 1
                    self.inflight_all += 1
                    self.max_inflight[host] = max(self.max_inflight[host], self.inflight[host])
                    self.max_inflight_all = max(self.max_inflight_all, self.inflight_all)
                try:
                    if self.latency:
                        await asyncio.sleep(self.latency)
                    keep = await self._respond(method, path, writer)
                finally:
                    with self._lock:
                        self.inflight[host] -= 1
                        self.inflight_all -= 1
                if not keep or headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, ssl.SSLError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            if not writer.transport.is_closing():
                try:
                    writer.close()
                except Exception:  # noqa: BLE001
                    pass

    def _next(self, key: str) -> int:
        with self._lock:
            self._counters[key] += 1
            return self._counters[key]

    async def _respond(self, method: str, path: str, writer: asyncio.StreamWriter) -> bool:
        parts = [p for p in path.split("/") if p]
        route = parts[0] if parts else ""
        extra: dict[str, str] = {}
        code = 200
        if route == "ok":
            code = 200
        elif route == "status" and len(parts) >= 2:
            code = int(parts[1])
        elif route == "slow" and len(parts) >= 2:
            await asyncio.sleep(float(parts[1]))
        elif route == "hang":
            await asyncio.sleep(3600)
            return False
        elif route == "reset":
            sock = writer.transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            return False
        elif route == "close":
            writer.transport.abort()
            return False
        elif route == "flaky" and len(parts) >= 3:
            code = 503 if self._next(path) <= int(parts[1]) else 200
        elif route == "ratelimit" and len(parts) >= 3:
            if self._next(path) == 1:
                code, extra["Retry-After"] = 429, parts[1]
        elif route == "busy" and len(parts) >= 2:
            code, extra["Retry-After"] = 429, parts[1]
        elif route == "nohead":
            code = 405 if method == "HEAD" else 200
            if method == "HEAD":
                extra["Allow"] = "GET"
        elif route == "nohead501":
            code = 501 if method == "HEAD" else 200
        elif route == "redirect" and len(parts) >= 2:
            code = int(parts[1])
            extra["Location"] = "/" + "/".join(parts[2:])
        elif route == "to" and len(parts) >= 3:
            code = 302
            extra["Location"] = f"http://{parts[1]}:{parts[2]}/" + "/".join(parts[3:])
        elif route == "chain" and len(parts) >= 2:
            left = int(parts[1])
            if left > 0:
                code, extra["Location"] = 302, f"/chain/{left - 1}"
        elif route == "loop" and len(parts) >= 2:
            code, extra["Location"] = 301, "/loop/b" if parts[1] == "a" else "/loop/a"
        elif route == "nolocation":
            code = 302
        else:
            code = 404
        body = f"{code} {REASONS.get(code, '')}\n".encode()
        head = [f"HTTP/1.1 {code} {REASONS.get(code, 'Status')}"]
        head += [f"{k}: {v}" for k, v in {**self.headers, **extra}.items()]
        head += ["Content-Type: text/plain", f"Content-Length: {len(body)}", "", ""]
        writer.write("\r\n".join(head).encode("latin-1") + (b"" if method == "HEAD" else body))
        await writer.drain()
        return True


def self_signed_context(hostname: str = "tls.test") -> ssl.SSLContext:
    """A server context with a throwaway certificate made now, by an untrusted test CA."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert(hostname, "127.0.0.1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    context.ca = ca  # type: ignore[attr-defined]  # so a test can choose to trust it
    return context


def main() -> None:
    """Serve on loopback until stdin closes (the benchmark runs this as a child process)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=1, help="listen on 127.0.0.1..127.0.0.N")
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--header", action="append", default=[], metavar="NAME:VALUE", help="send with every answer"
    )
    args = parser.parse_args()
    hosts = [f"127.0.0.{i}" for i in range(1, args.hosts + 1)]
    headers = dict(h.split(":", 1) for h in args.header)
    with FaultServer(hosts, latency=args.latency, headers=headers, port=args.port) as server:
        print(server.port, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
