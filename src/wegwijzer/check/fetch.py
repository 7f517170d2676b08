"""The online link checker: fetch many addresses quickly, politely and safely.

- asynchronous (aiohttp), with a global and a per-host limit on simultaneous requests;
- a timeout per request and a time bound for the whole run (what is left is "not checked");
- retries with exponential backoff and jitter for what may pass (5xx, timeouts, resets);
- ``429`` honoured: ``Retry-After`` (seconds or a date) pauses the whole host, up to a bound;
- HEAD first, GET where the server rejects HEAD (and GET only, from then on, for that host);
- redirects followed by hand, so each step is seen: loops, too many steps, permanent
  (301/308: the editor should write the new address) and temporary ones (302/303/307);
- TLS, DNS and connection errors told apart;
- only ``http(s)`` to public addresses: a host name is checked after it is resolved, on the
  addresses actually connected to (so a name that resolves to a private address is refused
  too), unless ``allow_private`` is set (tests, intranets).

`check_urls` is the entry point; it returns one `Uitkomst` per address.
"""

from __future__ import annotations

import asyncio
import email.utils
import errno
import ipaddress
import random
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin, urlsplit

from wegwijzer import __version__
from wegwijzer.diagnostics import Ernst, WegwijzerFout

USER_AGENT = f"Mozilla/5.0 (compatible; wegwijzer-check/{__version__}; linkcontrole)"

REDIRECTS = {301: True, 308: True, 302: False, 303: False, 307: False}  # code -> permanent
RETRY_CODES = {500, 502, 503, 504, 520, 521, 522, 523, 524}
# HEAD answers that do not prove a page is missing: ask again with GET.
HEAD_REJECTED_MIN = 400

# Names that never resolve on the internet (RFC 2606, 6761, 6762, 8375): never asked of DNS.
_NEVER_PUBLIC = (".invalid", ".test", ".example")
_PRIVATE_NAMES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")


class Status(StrEnum):
    OK = "ok"
    VERHUISD = "verhuisd"  # permanent redirect, final page fine
    TIJDELIJK = "tijdelijk"  # temporary redirect, final page fine
    NIET_GEVONDEN = "niet-gevonden"  # 404
    VERWIJDERD = "verwijderd"  # 410
    GEWEIGERD = "geweigerd"  # other 4xx (401, 403, 451, ...)
    SERVERFOUT = "serverfout"  # 5xx, also after retries
    TIMEOUT = "timeout"
    VERBINDING_GEWEIGERD = "verbinding-geweigerd"  # connection refused
    VERBINDING_VERBROKEN = "verbinding-verbroken"  # reset, closed without an answer
    GEEN_VERBINDING = "geen-verbinding"  # network unreachable and the like
    DNS = "dns"  # the name does not resolve
    TLS = "tls"  # certificate or TLS handshake
    TE_VEEL_DOORVERWIJZINGEN = "te-veel-doorverwijzingen"
    DOORVERWIJSLUS = "doorverwijslus"
    TE_DRUK = "te-druk"  # 429, still after waiting as long as allowed
    GEBLOKKEERD = "geblokkeerd"  # private or non-http(s) address, refused
    NIET_GECONTROLEERD = "niet-gecontroleerd"  # the run's time bound was reached first
    ONBEKEND = "onbekend"  # any other protocol error


# How bad each status is for an editor: fout (exit 1), waarschuwing, opmerking; None when ok.
ERNST: dict[Status, Ernst | None] = {
    Status.OK: None,
    Status.TIJDELIJK: Ernst.OPMERKING,
    Status.VERHUISD: Ernst.WAARSCHUWING,
    Status.GEWEIGERD: Ernst.WAARSCHUWING,
    Status.TE_DRUK: Ernst.WAARSCHUWING,
    Status.NIET_GECONTROLEERD: Ernst.WAARSCHUWING,
}
# Failures that may pass when tried again a little later.
RETRY_STATUSES = {Status.TIMEOUT, Status.VERBINDING_VERBROKEN, Status.VERBINDING_GEWEIGERD}
# Results good enough to be taken from the cache instead of being checked again.
GOED = {Status.OK, Status.VERHUISD, Status.TIJDELIJK}


def ernst(status: Status) -> Ernst | None:
    return ERNST.get(status, Ernst.FOUT)


@dataclass(frozen=True)
class Stap:
    """One redirect: the address asked for, the code it gave and where it sent us."""

    url: str
    code: int
    naar: str


@dataclass
class Uitkomst:
    url: str
    status: Status
    code: int | None = None  # last HTTP status code seen
    eind_url: str | None = None  # where the redirects ended
    stappen: list[Stap] = field(default_factory=list)
    nieuw_adres: str | None = None  # the address to write instead (after permanent redirects)
    detail: str = ""  # the technical reason (exception text, certificate error, ...)
    pogingen: int = 0  # attempts made (1 = no retry)
    methode: str = ""  # HEAD or GET: what gave the final answer
    duur: float = 0.0  # seconds spent, waiting included
    gecontroleerd_op: float = 0.0  # time.time() of the check
    uit_cache: bool = False

    @property
    def ernst(self) -> Ernst | None:
        return ernst(self.status)

    @property
    def goed(self) -> bool:
        return self.status in GOED

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "status": str(self.status),
            "code": self.code,
            "eind_url": self.eind_url,
            "stappen": [{"url": s.url, "code": s.code, "naar": s.naar} for s in self.stappen],
            "nieuw_adres": self.nieuw_adres,
            "detail": self.detail,
            "pogingen": self.pogingen,
            "methode": self.methode,
            "duur": round(self.duur, 3),
            "gecontroleerd_op": self.gecontroleerd_op,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Uitkomst:
        return cls(
            url=data["url"],
            status=Status(data["status"]),
            code=data.get("code"),
            eind_url=data.get("eind_url"),
            stappen=[Stap(s["url"], int(s["code"]), s["naar"]) for s in data.get("stappen", [])],
            nieuw_adres=data.get("nieuw_adres"),
            detail=data.get("detail", ""),
            pogingen=int(data.get("pogingen", 0)),
            methode=data.get("methode", ""),
            duur=float(data.get("duur", 0.0)),
            gecontroleerd_op=float(data.get("gecontroleerd_op", 0.0)),
        )


@dataclass
class Instellingen:
    gelijktijdig: int = 128  # requests in flight at once, in all
    per_host: int = 8  # requests in flight at once, per host (name and port)
    timeout: float = 10.0  # seconds for one request, connecting included
    pogingen: int = 3  # attempts for failures that may pass (5xx, timeout, reset, 429)
    wacht_basis: float = 0.5  # backoff: basis * 2**(attempt-1), plus jitter up to basis
    max_wacht: float = 10.0  # the longest wait between attempts, Retry-After included
    max_doorverwijzingen: int = 10
    max_tijd: float | None = None  # seconds for the whole run
    allow_private: bool = False
    resolve: dict[str, str] = field(default_factory=dict)  # host -> IP address (as curl --resolve)
    seed: int | None = None  # for the jitter: fixed in tests
    user_agent: str = USER_AGENT
    ssl_context: ssl.SSLContext | None = None  # None: the system's trusted certificates


# --- the address policy -------------------------------------------------------------------


class GeblokkeerdAdres(WegwijzerFout, OSError):
    """Raised by the resolver for a name that resolves to a non-public address."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} wijst naar {address}")
        self.host = host
        self.address = address


def is_public(address: str) -> bool:
    """True for an address on the public internet (not loopback, private, link-local, ...)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        for embedded in (ip.ipv4_mapped, ip.sixtofour, ip.teredo and ip.teredo[1]):
            if embedded is not None and embedded:
                return is_public(str(embedded))
    return bool(ip.is_global) and not ip.is_multicast and not ip.is_reserved


def weigering(url: str, allow_private: bool) -> str | None:
    """Why this address may not be fetched (Dutch), or None. Names are checked after resolving."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return "geen geldig webadres"
    if parts.scheme not in ("http", "https"):
        return f"'{parts.scheme or url}:'-adressen worden niet opgehaald; alleen http(s)"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "geen domeinnaam"
    if allow_private:
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if host == "localhost" or host.endswith(_PRIVATE_NAMES):
            return f"'{host}' is een intern adres"
        return None
    if not is_public(host):
        return f"'{host}' is een intern of privé-adres"
    return None


SystemLookup = Callable[[str, int, int], Any]


async def _system_lookup(host: str, port: int, family: int) -> list[tuple[Any, ...]]:
    loop = asyncio.get_running_loop()
    return await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, family=family)


# Replaced in tests, so that no test can ever ask a real name server.
system_lookup: SystemLookup = _system_lookup


def _resolver_class() -> type:
    from aiohttp.abc import AbstractResolver

    class Resolver(AbstractResolver):
        """Resolve host names, apply `--resolve` overrides, refuse non-public addresses."""

        def __init__(self, settings: Instellingen) -> None:
            self.allow_private = settings.allow_private
            self.overrides = {k.lower().rstrip("."): v for k, v in settings.resolve.items()}

        async def resolve(
            self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
        ) -> list[dict[str, Any]]:
            name = host.lower().rstrip(".")
            if name in self.overrides:
                addresses = [self.overrides[name]]
            elif name == "localhost" or name.endswith(".localhost"):
                addresses = ["127.0.0.1"]
            elif name.endswith(_NEVER_PUBLIC) or "." not in name:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            else:
                infos = await system_lookup(host, port, family)
                addresses = [info[4][0] for info in infos]
            if not addresses:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            if not self.allow_private:
                for address in addresses:
                    if not is_public(address):
                        raise GeblokkeerdAdres(host, address)
            return [
                {
                    "hostname": host,
                    "host": address,
                    "port": port,
                    "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                    "proto": 0,
                    "flags": socket.AI_NUMERICHOST,
                }
                for address in dict.fromkeys(addresses)
            ]

        async def close(self) -> None:
            return None

    return Resolver


# --- the checker --------------------------------------------------------------------------


class _Antwoord(WegwijzerFout):
    """Internal: a finished classification raised out of the request code."""

    def __init__(self, status: Status, detail: str = "", code: int | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.code = code
        self.via_get = False


@dataclass
class _Poging:
    """The result of one pass over an address and its redirects."""

    status: Status
    code: int | None = None
    eind_url: str | None = None
    stappen: list[Stap] = field(default_factory=list)
    detail: str = ""
    methode: str = ""
    retry_after: float | None = None
    opnieuw: bool = False  # may pass when tried again


class Checker:
    def __init__(
        self,
        settings: Instellingen,
        voortgang: Callable[[Uitkomst], None] | None = None,
        sleep: Callable[[float], Any] = asyncio.sleep,
        get_first: Iterable[str] = (),
    ) -> None:
        self.settings = settings
        self.voortgang = voortgang
        self._sleep = sleep
        self._random = random.Random(settings.seed)
        self._global = asyncio.Semaphore(max(1, settings.gelijktijdig))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._pause: dict[str, float] = {}  # host -> loop time before which it is not asked
        self._no_head: set[str] = set()  # hosts that reject HEAD
        # addresses whose HEAD gave an error (now or in the cache): GET only
        self._get_urls: set[str] = set(get_first)
        self._deadline: float | None = None
        self._session: Any = None
        self.requests = 0  # requests sent, for tests and the summary

    # -- public --

    async def run(self, urls: Iterable[str]) -> dict[str, Uitkomst]:
        import aiohttp

        urls = list(dict.fromkeys(urls))
        loop = asyncio.get_running_loop()
        start = loop.time()
        if self.settings.max_tijd is not None:
            self._deadline = start + self.settings.max_tijd
        connector = aiohttp.TCPConnector(
            limit=max(1, self.settings.gelijktijdig),
            limit_per_host=0,
            ttl_dns_cache=300,
            resolver=_resolver_class()(self.settings),
            ssl=self.settings.ssl_context if self.settings.ssl_context is not None else True,
        )
        results: dict[str, Uitkomst] = {}
        async with aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": self.settings.user_agent, "Accept": "*/*"},
            trust_env=False,
            auto_decompress=False,
            cookie_jar=aiohttp.DummyCookieJar(),
        ) as session:
            self._session = session
            tasks = {asyncio.ensure_future(self._check(url)): url for url in urls}
            timeout = None if self._deadline is None else max(0.0, self._deadline - loop.time())
            done, pending = await asyncio.wait(tasks, timeout=timeout) if tasks else (set(), set())
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
            for task, url in tasks.items():
                if task in done and not task.cancelled() and task.exception() is None:
                    results[url] = task.result()
                else:
                    error = None if task.cancelled() or task not in done else task.exception()
                    results[url] = Uitkomst(
                        url,
                        Status.NIET_GECONTROLEERD if error is None else Status.ONBEKEND,
                        detail=(
                            f"tijd op (--max-tijd {self.settings.max_tijd:g} s)"
                            if error is None
                            else f"{type(error).__name__}: {error}"
                        ),
                        gecontroleerd_op=time.time(),
                    )
                    if self.voortgang and error is None:
                        self.voortgang(results[url])
        return {url: results[url] for url in urls}

    # -- one address, with retries --

    async def _check(self, url: str) -> Uitkomst:
        loop = asyncio.get_running_loop()
        start = loop.time()
        attempt = 0
        while True:
            attempt += 1
            result = await self._pass(url)
            if not result.opnieuw or attempt >= self.settings.pogingen:
                break
            if result.retry_after is not None:
                delay = result.retry_after
                if delay > self.settings.max_wacht:
                    result.detail = (
                        f"Retry-After {delay:g} s is langer dan de grens van "
                        f"{self.settings.max_wacht:g} s"
                    )
                    break
            else:
                delay = self._backoff(attempt)
            if self._deadline is not None and loop.time() + delay >= self._deadline:
                break
            await self._sleep(delay)
        outcome = Uitkomst(
            url=url,
            status=result.status,
            code=result.code,
            eind_url=result.eind_url,
            stappen=result.stappen,
            nieuw_adres=_new_address(result.stappen) if result.status is Status.OK else None,
            detail=result.detail,
            pogingen=attempt,
            methode=result.methode,
            duur=loop.time() - start,
            gecontroleerd_op=time.time(),
        )
        if outcome.status is Status.OK and outcome.stappen:
            permanent = outcome.nieuw_adres is not None
            outcome.status = Status.VERHUISD if permanent else Status.TIJDELIJK
        if self.voortgang:
            self.voortgang(outcome)
        return outcome

    def _backoff(self, attempt: int) -> float:
        base = self.settings.wacht_basis
        delay = base * (2 ** (attempt - 1)) + self._random.uniform(0, base)
        return min(delay, self.settings.max_wacht)

    # -- one pass: follow redirects --

    async def _pass(self, url: str) -> _Poging:
        steps: list[Stap] = []
        seen = {url}
        current = url
        method = ""
        while True:
            reason = weigering(current, self.settings.allow_private)
            if reason:
                return _Poging(Status.GEBLOKKEERD, eind_url=current, stappen=steps, detail=reason)
            try:
                code, location, retry_after, method = await self._status(current)
            except _Antwoord as answer:
                return _Poging(
                    answer.status,
                    code=answer.code,
                    eind_url=current,
                    stappen=steps,
                    detail=answer.detail,
                    methode=method,
                    opnieuw=answer.status in RETRY_STATUSES
                    or answer.detail.startswith("tijdelijk"),
                )
            if code in REDIRECTS and location:
                target = urljoin(current, location)
                steps.append(Stap(current, code, target))
                if target in seen:
                    chain = " → ".join([s.url for s in steps] + [target])
                    return _Poging(
                        Status.DOORVERWIJSLUS, code, current, steps, detail=chain, methode=method
                    )
                if len(steps) > self.settings.max_doorverwijzingen:
                    return _Poging(
                        Status.TE_VEEL_DOORVERWIJZINGEN, code, current, steps, methode=method
                    )
                seen.add(target)
                current = target
                continue
            return self._classify(code, current, steps, retry_after, method)

    def _classify(
        self, code: int, url: str, steps: list[Stap], retry_after: float | None, method: str
    ) -> _Poging:
        result = _Poging(Status.OK, code, url, steps, methode=method)
        if 200 <= code < 300 or code == 304:
            return result
        if code == 404:
            result.status = Status.NIET_GEVONDEN
        elif code == 410:
            result.status = Status.VERWIJDERD
        elif code == 429:
            result.status = Status.TE_DRUK
            result.opnieuw = True
            result.retry_after = retry_after
        elif code >= 500:
            result.status = Status.SERVERFOUT
            result.opnieuw = code in RETRY_CODES
        elif code >= 400:
            result.status = Status.GEWEIGERD
        elif code in REDIRECTS:  # a redirect without a Location header
            result.status = Status.ONBEKEND
            result.detail = f"doorverwijzing {code} zonder nieuw adres (Location ontbreekt)"
        else:
            result.status = Status.ONBEKEND
            result.detail = f"onverwachte statuscode {code}"
        return result

    # -- one request (HEAD, then GET if HEAD is rejected) --

    async def _status(self, url: str) -> tuple[int, str | None, float | None, str]:
        """Status, Location, Retry-After and method of one address (no redirects followed)."""
        host = _host_key(url)
        try:
            code, location, retry_after, method = await self._request("HEAD", url, host)
        except _Antwoord as answer:
            if answer.status is not Status.VERBINDING_VERBROKEN or answer.via_get:
                raise
            code, method = None, "HEAD"  # some servers drop the connection on HEAD: ask with GET
        if method == "GET" or (code is not None and (code < HEAD_REJECTED_MIN or code == 429)):
            return code, location, retry_after, method
        self._get_urls.add(url)  # when tried again: straight to GET
        if code in (405, 501):  # "method not allowed / implemented": the host rejects HEAD
            self._no_head.add(host)
        code_get, location, retry_after, _ = await self._request("GET", url, host)
        if code is None or code_get < 400:
            self._no_head.add(host)
        return code_get, location, retry_after, "GET"

    async def _request(
        self, method: str, url: str, host: str
    ) -> tuple[int, str | None, float | None, str]:
        """One request, inside the limits. HEAD becomes GET for a host or address known to
        reject HEAD (decided when the request may go, so waiting requests learn too)."""
        import aiohttp

        semaphore = self._hosts.setdefault(host, asyncio.Semaphore(max(1, self.settings.per_host)))
        loop = asyncio.get_running_loop()
        async with semaphore:
            pause = self._pause.get(host, 0.0) - loop.time()
            if pause > 0:
                await self._sleep(pause)
            async with self._global:
                if method == "HEAD" and (host in self._no_head or url in self._get_urls):
                    method = "GET"
                timeout = self.settings.timeout
                if self._deadline is not None:
                    left = self._deadline - loop.time()
                    if left <= 0:
                        raise _Antwoord(Status.NIET_GECONTROLEERD, "tijd op")
                    timeout = min(timeout, left)
                self.requests += 1
                try:
                    async with self._session.request(
                        method,
                        url,
                        allow_redirects=False,
                        timeout=aiohttp.ClientTimeout(total=timeout),
                    ) as response:
                        code = response.status
                        location = response.headers.get("Location")
                        retry_after = _retry_after(response.headers.get("Retry-After"))
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # every failure is classified
                    if self._deadline is not None and loop.time() >= self._deadline - 0.01:
                        raise _Antwoord(Status.NIET_GECONTROLEERD, "tijd op") from exc
                    answer = _classify_exception(exc, self.settings.timeout)
                    answer.via_get = method == "GET"  # then there is no GET left to try
                    raise answer from exc
        if code == 429:
            wait = retry_after if retry_after is not None else self._backoff(1)
            wait = min(wait, self.settings.max_wacht)
            self._pause[host] = max(self._pause.get(host, 0.0), loop.time() + wait)
        return code, location, retry_after, method


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return (
        f"{(parts.hostname or '').lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    )


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _new_address(steps: list[Stap]) -> str | None:
    """The address after the leading permanent redirects: what the editor should write."""
    new = None
    for step in steps:
        if not REDIRECTS.get(step.code, False):
            break
        new = step.naar
    return new


def _classify_exception(exc: BaseException, timeout: float) -> _Antwoord:
    import aiohttp

    if isinstance(exc, (aiohttp.ClientConnectorCertificateError,)):
        cert_error = getattr(exc, "certificate_error", None)
        detail = getattr(cert_error, "verify_message", None) or str(cert_error or exc)
        return _Antwoord(Status.TLS, str(detail))
    if isinstance(exc, (aiohttp.ClientSSLError, ssl.SSLError)):
        return _Antwoord(Status.TLS, _short(exc))
    if isinstance(exc, aiohttp.ClientConnectorDNSError) or isinstance(
        getattr(exc, "os_error", None), (socket.gaierror, GeblokkeerdAdres)
    ):
        cause = getattr(exc, "os_error", None) or exc.__cause__
        if isinstance(cause, GeblokkeerdAdres):
            return _Antwoord(
                Status.GEBLOKKEERD, f"'{cause.host}' wijst naar het interne adres {cause.address}"
            )
        if isinstance(cause, socket.gaierror) and cause.errno in (
            socket.EAI_AGAIN,
            getattr(socket, "EAI_SYSTEM", -11),
        ):
            return _Antwoord(Status.DNS, f"tijdelijk: {cause.strerror or cause}")
        return _Antwoord(Status.DNS, _short(cause or exc))
    if isinstance(exc, (asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
        return _Antwoord(Status.TIMEOUT, f"geen antwoord binnen {timeout:g} s")
    if isinstance(exc, aiohttp.ClientConnectorError):
        cause = exc.os_error
        if isinstance(cause, ConnectionRefusedError) or cause.errno == errno.ECONNREFUSED:
            return _Antwoord(Status.VERBINDING_GEWEIGERD, _short(cause))
        if isinstance(cause, ConnectionResetError):
            return _Antwoord(Status.VERBINDING_VERBROKEN, _short(cause))
        return _Antwoord(Status.GEEN_VERBINDING, _short(cause))
    if isinstance(
        exc,
        (
            aiohttp.ServerDisconnectedError,
            aiohttp.ClientPayloadError,
            ConnectionResetError,
            aiohttp.ClientOSError,
        ),
    ):
        return _Antwoord(Status.VERBINDING_VERBROKEN, _short(exc))
    if isinstance(exc, (aiohttp.InvalidURL, ValueError)):
        return _Antwoord(Status.GEBLOKKEERD, f"geen geldig webadres ({_short(exc)})")
    return _Antwoord(Status.ONBEKEND, _short(exc))


def _short(exc: BaseException | None) -> str:
    if exc is None:
        return ""
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def check_urls(
    urls: Iterable[str],
    settings: Instellingen | None = None,
    voortgang: Callable[[Uitkomst], None] | None = None,
) -> dict[str, Uitkomst]:
    """Check every address (see the module doc); blocking, runs its own event loop."""
    checker = Checker(settings or Instellingen(), voortgang)
    return asyncio.run(checker.run(urls))
