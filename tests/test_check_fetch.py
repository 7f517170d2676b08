"""The online link checker against a misbehaving server on 127.0.0.1 (tests/faultserver.py).

Every address gets its own host name (``<name>.test``, resolved to 127.0.0.1 by the checker's
`resolve` setting), so that what the checker learns about one host (HEAD rejected, 429) does
not leak into the next test. No test asks a real name server: `system_lookup` is replaced.
"""

from __future__ import annotations

import asyncio
import ssl
import time

import pytest
from faultserver import FaultServer, self_signed_context

from wegwijzer.check import fetch
from wegwijzer.check.fetch import Checker, Instellingen, Status, check_urls, is_public, weigering

pytestmark = pytest.mark.usefixtures("no_real_dns")


@pytest.fixture(scope="module")
def server():
    with FaultServer() as s:
        yield s


@pytest.fixture(scope="module")
def tls_server():
    context = self_signed_context()
    with FaultServer(tls=context) as s:
        s.ca = context.ca  # type: ignore[attr-defined]
        yield s


class Hosts:
    """Give every address a host name of its own, all resolved to 127.0.0.1."""

    def __init__(self, server: FaultServer) -> None:
        self.server = server
        self.resolve: dict[str, str] = {}

    def url(self, path: str, name: str | None = None) -> str:
        name = name or f"h{len(self.resolve)}.test"
        self.resolve[name] = "127.0.0.1"
        return self.server.url(path, host=name)

    def settings(self, **changes) -> Instellingen:
        base = dict(
            allow_private=True,
            resolve=dict(self.resolve),
            timeout=1.0,
            wacht_basis=0.05,
            max_wacht=3.0,
            seed=7,
        )
        base.update(changes)
        return Instellingen(**base)


CASES = {
    "ok": ("/ok", Status.OK),
    "slow": ("/slow/0.3", Status.OK),
    "404": ("/status/404", Status.NIET_GEVONDEN),
    "410": ("/status/410", Status.VERWIJDERD),
    "403": ("/status/403", Status.GEWEIGERD),
    "500": ("/status/500", Status.SERVERFOUT),
    "hang": ("/hang", Status.TIMEOUT),
    "reset": ("/reset", Status.VERBINDING_VERBROKEN),
    "close": ("/close", Status.VERBINDING_VERBROKEN),
    "301": ("/redirect/301/ok", Status.VERHUISD),
    "308": ("/redirect/308/ok", Status.VERHUISD),
    "302": ("/redirect/302/ok", Status.TIJDELIJK),
    "307": ("/redirect/307/ok", Status.TIJDELIJK),
    "chain": ("/chain/3", Status.TIJDELIJK),
    "long-chain": ("/chain/15", Status.TE_VEEL_DOORVERWIJZINGEN),
    "loop": ("/loop/a", Status.DOORVERWIJSLUS),
    "moved-to-404": ("/redirect/301/status/404", Status.NIET_GEVONDEN),
}


def test_each_fault_is_told_apart(server: FaultServer, tls_server: FaultServer) -> None:
    hosts = Hosts(server)
    urls = {key: hosts.url(path, f"{key}.test") for key, (path, _) in CASES.items()}
    expected = {urls[key]: status for key, (_, status) in CASES.items()}
    tls_url = tls_server.url("/ok", host="tls.test")
    expected[tls_url] = Status.TLS
    expected["http://bestaat-niet.test/"] = Status.DNS
    expected["http://poort-dicht.test:9/"] = Status.VERBINDING_GEWEIGERD
    settings = hosts.settings(pogingen=2)
    settings.resolve.update({"tls.test": "127.0.0.1", "poort-dicht.test": "127.0.0.1"})

    results = check_urls(expected, settings)
    assert {url: results[url].status for url in expected} == expected

    moved = results[urls["301"]]
    assert moved.nieuw_adres == server.url("/ok", host="301.test")
    assert [s.code for s in moved.stappen] == [301]
    chain = results[urls["chain"]]
    assert len(chain.stappen) == 3 and chain.nieuw_adres is None
    assert chain.eind_url == server.url("/chain/0", host="chain.test")
    assert results[urls["moved-to-404"]].nieuw_adres is None  # nothing to suggest: it is broken
    assert results[urls["500"]].pogingen == 2 and results[urls["404"]].pogingen == 1
    assert "certificate" in results[tls_url].detail
    assert "/loop/b" in results[urls["loop"]].detail


def test_tls_with_a_trusted_certificate_is_fine(tls_server: FaultServer) -> None:
    context = ssl.create_default_context()
    tls_server.ca.configure_trust(context)  # type: ignore[attr-defined]
    hosts = Hosts(tls_server)
    url = hosts.url("/ok", "tls.test")
    result = check_urls([url], hosts.settings(ssl_context=context))[url]
    assert result.status is Status.OK


def test_server_errors_are_retried_then_pass(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/flaky/2/retry-pass")
    result = check_urls([url], hosts.settings(pogingen=3))[url]
    assert result.status is Status.OK
    assert result.pogingen == 2
    # first pass: HEAD 503, then GET 503; second pass goes straight to GET
    assert server.count("/flaky/2/retry-pass", "HEAD") == 1
    assert server.count("/flaky/2/retry-pass", "GET") == 2


def test_server_errors_give_up_after_the_attempts(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/flaky/10/retry-fail")
    result = check_urls([url], hosts.settings(pogingen=3))[url]
    assert result.status is Status.SERVERFOUT and result.code == 503
    assert result.pogingen == 3
    assert server.count("/flaky/10/retry-fail", "GET") == 3


def test_client_errors_are_not_retried(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/status/404")
    before = server.count("/status/404")
    result = check_urls([url], hosts.settings(pogingen=3))[url]
    assert result.status is Status.NIET_GEVONDEN and result.pogingen == 1
    assert server.count("/status/404") - before == 2  # HEAD, then GET to be sure


def test_backoff_is_exponential_with_bounded_jitter_and_deterministic() -> None:
    settings = Instellingen(wacht_basis=0.5, max_wacht=100, seed=3)
    first, second = Checker(settings), Checker(settings)
    delays = [first._backoff(n) for n in (1, 2, 3, 4)]
    again = [second._backoff(n) for n in (1, 2, 3, 4)]
    assert delays == again
    for n, delay in enumerate(delays, start=1):
        assert 0.5 * 2 ** (n - 1) <= delay <= 0.5 * 2 ** (n - 1) + 0.5
    capped = Checker(Instellingen(wacht_basis=0.5, max_wacht=1.0, seed=3))._backoff(6)
    assert capped == 1.0


def test_retry_waits_follow_the_backoff(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/flaky/5/backoff")
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    checker = Checker(hosts.settings(pogingen=4, wacht_basis=2.0, max_wacht=60), sleep=sleep)
    started = time.monotonic()
    result = asyncio.run(checker.run([url]))[url]
    assert result.status is Status.SERVERFOUT and result.pogingen == 4
    assert len(slept) == 3
    twin = Checker(hosts.settings(wacht_basis=2.0, max_wacht=60))  # same seed, same jitter
    expected = [twin._backoff(n) for n in (1, 2, 3)]
    assert slept == expected
    assert time.monotonic() - started < 5  # the waits went through the injected sleep


def test_429_is_honoured_with_retry_after(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/ratelimit/1/honoured")
    started = time.monotonic()
    result = check_urls([url], hosts.settings())[url]
    assert result.status is Status.OK and result.pogingen == 2
    times = [t for t, _m, p in server.log if p == "/ratelimit/1/honoured"]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.9  # waited as the server asked
    assert time.monotonic() - started < 8


def test_429_with_a_wait_beyond_the_bound_gives_up_at_once(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/busy/120")
    started = time.monotonic()
    result = check_urls([url], hosts.settings(max_wacht=2.0))[url]
    assert result.status is Status.TE_DRUK and result.code == 429
    assert "Retry-After 120" in result.detail
    assert time.monotonic() - started < 2


def test_head_rejected_falls_back_to_get_and_is_remembered_per_host(server: FaultServer) -> None:
    hosts = Hosts(server)
    first = hosts.url("/nohead", "nohead.test")
    second = hosts.url("/nohead501", "nohead.test")
    before = (server.count("/nohead", "HEAD"), server.count("/nohead501", "HEAD"))
    checker = Checker(hosts.settings(gelijktijdig=1))
    results = asyncio.run(checker.run([first, second]))
    assert results[first].status is Status.OK and results[first].methode == "GET"
    assert results[second].status is Status.OK and results[second].methode == "GET"
    assert server.count("/nohead", "HEAD") - before[0] == 1
    assert server.count("/nohead501", "HEAD") - before[1] == 0  # host known to reject HEAD

    other = Hosts(server)
    url = other.url("/nohead501", "nohead501.test")
    result = check_urls([url], other.settings())[url]
    assert result.status is Status.OK and result.methode == "GET"


def test_ok_pages_are_asked_with_head_only(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/slow/0.01")
    before = server.count("/slow/0.01", "GET")
    result = check_urls([url], hosts.settings())[url]
    assert result.status is Status.OK and result.methode == "HEAD"
    assert server.count("/slow/0.01", "GET") == before


def test_the_run_stays_inside_its_time_bound(server: FaultServer) -> None:
    hosts = Hosts(server)
    hanging = [hosts.url(f"/hang?{i}", "hang.test") for i in range(12)]
    fine = [hosts.url(f"/ok?{i}", "fine.test") for i in range(5)]
    settings = hosts.settings(timeout=30.0, max_tijd=2.0, pogingen=3, per_host=4)
    started = time.monotonic()
    results = check_urls(fine + hanging, settings)
    elapsed = time.monotonic() - started
    assert elapsed < 4.0
    assert {results[u].status for u in fine} == {Status.OK}
    assert {results[u].status for u in hanging} == {Status.NIET_GECONTROLEERD}
    assert all("tijd op" in results[u].detail for u in hanging)


def test_timeouts_are_retried_within_the_bound(server: FaultServer) -> None:
    hosts = Hosts(server)
    url = hosts.url("/hang")
    started = time.monotonic()
    result = check_urls([url], hosts.settings(timeout=0.3, pogingen=2))[url]
    assert result.status is Status.TIMEOUT and result.pogingen == 2
    assert time.monotonic() - started < 3


def test_limits_per_host_and_in_all() -> None:
    with FaultServer() as server:  # a fresh server: no hanging requests of other tests
        _check_limits(server)


def _check_limits(server: FaultServer) -> None:
    hosts = Hosts(server)
    a = [hosts.url(f"/slow/0.15?{i}", "a.test") for i in range(12)]
    b = [hosts.url(f"/slow/0.15?{i}", "b.test") for i in range(12)]
    results = check_urls(a + b, hosts.settings(per_host=3, gelijktijdig=5))
    assert {r.status for r in results.values()} == {Status.OK}
    host_a = f"a.test:{server.port}"
    host_b = f"b.test:{server.port}"
    assert 2 <= server.max_inflight[host_a] <= 3
    assert 2 <= server.max_inflight[host_b] <= 3
    assert 4 <= server.max_inflight_all <= 5


# --- the address policy -------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:0a00:0001::1", "ff02::1",
    ],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "145.97.39.155", "2001:4860:4860::8888"])
def test_public_addresses(address: str) -> None:
    assert is_public(address)  # pure function: nothing is sent anywhere


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://ftp.example.nl/",
        "gopher://x.nl/",
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost/",
        "http://printer.local/",
        "http://intranet.lan/",
    ],
)
def test_refused_without_allow_private(url: str) -> None:
    assert weigering(url, allow_private=False)
    results = check_urls([url], Instellingen(timeout=0.5))
    assert results[url].status is Status.GEBLOKKEERD


def test_a_name_resolving_to_a_private_address_is_refused(server: FaultServer) -> None:
    url = server.url("/ok", host="rebind.test")
    before = server.count("/ok")
    settings = Instellingen(resolve={"rebind.test": "127.0.0.1"}, timeout=1.0)
    result = check_urls([url], settings)[url]
    assert result.status is Status.GEBLOKKEERD
    assert "127.0.0.1" in result.detail
    assert server.count("/ok") == before  # never connected


def test_a_redirect_to_a_private_address_is_refused(
    server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend 127.0.0.1 is public, so the first hop is allowed; 127.0.0.2 stays private.
    original = fetch.is_public
    monkeypatch.setattr(fetch, "is_public", lambda a: a == "127.0.0.1" or original(a))
    url = server.url(f"/to/127.0.0.2/{server.port}/ok", host="public.test")
    settings = Instellingen(resolve={"public.test": "127.0.0.1"}, timeout=1.0)
    result = check_urls([url], settings)[url]
    assert result.status is Status.GEBLOKKEERD
    assert "127.0.0.2" in result.detail
    assert len(result.stappen) == 1

    via_name = server.url(f"/to/inside.test/{server.port}/ok", host="public.test")
    settings.resolve["inside.test"] = "127.0.0.2"
    result = check_urls([via_name], settings)[via_name]
    assert result.status is Status.GEBLOKKEERD and "127.0.0.2" in result.detail


def test_reserved_names_never_reach_a_name_server(no_real_dns: list[str]) -> None:
    urls = ["http://x.invalid/", "http://y.test/", "http://z.example/", "http://2130706433/"]
    results = check_urls(urls, Instellingen(allow_private=True, timeout=0.5))
    assert {r.status for r in results.values()} <= {Status.DNS, Status.GEBLOKKEERD}
    assert no_real_dns == []


def test_retry_after_parsing() -> None:
    assert fetch._retry_after("3") == 3.0
    assert fetch._retry_after(None) is None
    assert fetch._retry_after("onzin") is None
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    assert 25 <= fetch._retry_after(future) <= 31
