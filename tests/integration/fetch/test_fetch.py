"""A Worker served by ``isolet dev`` fetching from a real local HTTP server."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.integration.server import DevProcess
from tests.runtime.fetch.origin import PATTERN, Origin, pattern_sha256

Copy = Callable[[str], Path]
Start = Callable[..., DevProcess]
MIB = 1024 * 1024


@pytest.fixture
def origin() -> Iterator[Origin]:
    server = Origin().start()
    yield server
    server.stop()


@pytest.fixture
def worker(worker_copy: Copy, dev_server: Start, origin: Origin) -> DevProcess:
    return dev_server(worker_copy("fetch"), "--var", f"ORIGIN:{origin.url}")


def test_proxied_get_returns_the_origin_response(worker: DevProcess) -> None:
    r = httpx.get(f"{worker.url}/proxy?path=/cookies")
    assert r.status_code == 200
    assert r.headers.get_list("set-cookie") == ["a=1; Path=/", "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT"]


def test_fifty_mib_download_streams_through(worker: DevProcess) -> None:
    n = 50 * MIB
    h = hashlib.sha256()
    total = 0
    with httpx.stream("GET", f"{worker.url}/proxy?path=/bytes%3Fn%3D{n}", timeout=60) as r:
        assert r.status_code == 200
        for chunk in r.iter_bytes():
            h.update(chunk)
            total += len(chunk)
    assert total == n
    assert h.hexdigest() == pattern_sha256(n)


def test_fifty_mib_upload_streams_through(worker: DevProcess) -> None:
    n = 50 * MIB

    def body() -> Iterator[bytes]:
        for _ in range(n // len(PATTERN)):
            yield PATTERN

    r = httpx.post(f"{worker.url}/proxy?path=/echo", content=body(), timeout=60)
    got = r.json()
    assert got["length"] == n
    assert got["sha256"] == pattern_sha256(n)


def test_fifty_mib_generated_upload_from_the_worker(worker: DevProcess) -> None:
    n = 50 * MIB
    got = httpx.get(f"{worker.url}/upload?n={n}", timeout=60).json()
    assert got["length"] == n
    assert got["sha256"] == pattern_sha256(n)


def test_fifty_subrequests_are_allowed(worker: DevProcess) -> None:
    assert httpx.get(f"{worker.url}/many?n=50", timeout=30).text == "50"


def test_the_fifty_first_subrequest_fails(worker: DevProcess) -> None:
    assert httpx.get(f"{worker.url}/many?n=51", timeout=30).text == "50 Error: Too many subrequests."


def test_subrequests_are_counted_per_request(worker: DevProcess) -> None:
    for _ in range(3):
        assert httpx.get(f"{worker.url}/many?n=40", timeout=30).text == "40"


def test_configured_subrequest_limit_applies(worker_copy: Copy, dev_server: Start, origin: Origin) -> None:
    root = worker_copy("fetch")
    with (root / "wrangler.toml").open("a") as f:
        f.write("\n[limits]\nsubrequests = 3\n")
    proc = dev_server(root, "--var", f"ORIGIN:{origin.url}")
    assert httpx.get(f"{proc.url}/many?n=5").text == "3 Error: Too many subrequests."
    # Each redirect hop is a subrequest: 3 hops fit, 4 do not.
    assert httpx.get(f"{proc.url}/chain?n=2").text == "end"
    assert httpx.get(f"{proc.url}/chain?n=3").text == "Error: Too many subrequests."


def test_subrequests_are_charged_to_the_request_that_made_them(
    worker_copy: Copy, dev_server: Start, origin: Origin
) -> None:
    # A second request in flight that made no subrequests does not lend its
    # share: the request making them hits the limit at its own third fetch.
    root = worker_copy("fetch")
    with (root / "wrangler.toml").open("a") as f:
        f.write("\n[limits]\nsubrequests = 3\n")
    proc = dev_server(root, "--var", f"ORIGIN:{origin.url}")
    with httpx.Client(timeout=30) as held, httpx.Client(timeout=30) as other:
        with ThreadPoolExecutor(1) as pool:
            holding = pool.submit(held.get, f"{proc.url}/hold")
            for _ in range(1000):  # until /hold is in flight
                if other.get(f"{proc.url}/holding").text == "true":
                    break
            answer = other.get(f"{proc.url}/many?n=5").text
            other.get(f"{proc.url}/release")
            assert holding.result().text == "released"
    assert answer == "3 Error: Too many subrequests."


def test_connections_are_reused_across_requests(worker: DevProcess, origin: Origin) -> None:
    with httpx.Client() as client:
        for i in range(10):
            assert client.get(f"{worker.url}/proxy?path=/echo%3Fi%3D{i}").json()["query"] == f"i={i}"
    assert origin.requests == 10
    assert origin.accepted == 1


def test_unsupported_scheme_error_reaches_the_worker(worker: DevProcess) -> None:
    r = httpx.get(f"{worker.url}/error", params={"url": "ftp://example.com/x"})
    assert r.text == "TypeError: Fetch API cannot load: ftp://example.com/x"


def test_redirect_loop_error_reaches_the_worker(worker: DevProcess) -> None:
    assert httpx.get(f"{worker.url}/chain?n=25").text == "TypeError: Too many redirects."


def test_proxied_post_keeps_method_and_headers(worker: DevProcess) -> None:
    r = httpx.put(f"{worker.url}/proxy?path=/echo", content=b"abc", headers={"X-Test": "yes"})
    got = r.json()
    assert got["method"] == "PUT" and got["length"] == 3
    assert ["x-test", "yes"] in [[k.lower(), v] for k, v in got["headers"]]
