"""Concurrency inside one isolate, waitUntil, console output, and failing handlers."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.integration.server import DevProcess

Start = Callable[..., DevProcess]
Copy = Callable[[str], Path]


def test_a_waiting_request_does_not_block_others(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    results: list[str] = []
    waiter = threading.Thread(target=lambda: results.append(httpx.get(server.url + "/wait", timeout=30).text))
    waiter.start()
    # /wait can only finish after /release ran in the same isolate meanwhile.
    for _ in range(50):
        assert httpx.get(server.url + "/sleep?ms=10").text == "slept"
        if not waiter.is_alive():
            break
        httpx.get(server.url + "/release")
        waiter.join(0.1)
    waiter.join(10)
    assert results == ["released"]


def test_many_requests_in_flight_at_once(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    out: list[int] = []

    def one() -> None:
        out.append(httpx.get(server.url + "/sleep?ms=200", timeout=30).status_code)

    threads = [threading.Thread(target=one) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [200] * 20


def test_wait_until_work_continues_after_the_response(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    start = len(server.lines)
    r = httpx.get(server.url + "/wait-until")
    assert r.text == "responded"
    assert "waitUntil finished" not in "\n".join(server.lines[start:])
    server.wait_for("waitUntil finished", start=start)


def test_pass_through_on_exception_is_accepted(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    assert httpx.get(server.url + "/pass-through").text == "accepted"


def test_console_reaches_terminal_with_name_level_time_and_formatted_objects(
    dev_server: Start, worker_copy: Copy
) -> None:
    server = dev_server(worker_copy("lifecycle"))
    start = len(server.lines)
    httpx.get(server.url + "/console")
    line = server.wait_for(r"\[lifecycle\] log", start=start)
    assert re.match(r"^\d\d:\d\d:\d\d\.\d{3} \[lifecycle\] log ", line)
    assert "plain { a: 1, nested: { b: [ 1, 2, 3 ] } } [ 1, 'two' ] Map(1) { 'k' => 1 }" in line
    for level in ("info", "warn", "error", "debug"):
        server.wait_for(rf"\[lifecycle\] {level}\s+{level} line", start=start)


def test_thrown_error_gives_500_with_stack_in_log(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    start = len(server.lines)
    r = httpx.get(server.url + "/throw")
    assert r.status_code == 500
    server.wait_for("Error: boom from the handler", start=start)
    server.wait_for(r"at .*index\.js:\d+:\d+", start=start)
    assert httpx.get(server.url + "/sleep?ms=1").status_code == 200


def test_rejected_promise_gives_500_with_stack_in_log(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    start = len(server.lines)
    assert httpx.get(server.url + "/reject").status_code == 500
    server.wait_for("TypeError: rejected asynchronously", start=start)
    server.wait_for(r"index\.js:\d+:\d+", start=start)


def test_non_response_return_gives_500(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    start = len(server.lines)
    assert httpx.get(server.url + "/not-response").status_code == 500
    server.wait_for("did not resolve to 'Response'", start=start)


def test_handler_that_never_resolves_gives_500_and_server_keeps_serving(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    start = len(server.lines)
    r = httpx.get(server.url + "/never", timeout=30)
    assert r.status_code == 500
    assert "never generate a response" in r.text
    server.wait_for("never generate a response", start=start)
    assert httpx.get(server.url + "/sleep?ms=1").text == "slept"


def test_async_iteration_works_in_handlers(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    assert httpx.get(server.url + "/async-iter").text == "ab"


def test_unhandled_rejection_is_logged_and_request_still_succeeds(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("lifecycle"))
    start = len(server.lines)
    r = httpx.get(server.url + "/unhandled")
    assert r.status_code == 200 and r.text == "still fine"
    server.wait_for(r"Uncaught \(in promise\) Error: nobody listens", start=start)
    assert httpx.get(server.url + "/sleep?ms=1").text == "slept"
