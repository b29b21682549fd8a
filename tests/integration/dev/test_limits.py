"""CPU and memory limits: the request over a limit gets a 503, the next one is served."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx

from tests.integration.server import DevProcess

Start = Callable[..., DevProcess]
Copy = Callable[[str], Path]


def test_busy_loop_over_cpu_limit_gets_503_and_isolate_is_replaced(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("limits"))
    start = len(server.lines)
    r = httpx.get(server.url + "/busy", timeout=30)
    assert r.status_code == 503
    assert "Worker exceeded CPU time limit" in r.text
    server.wait_for("exceeded CPU time limit", start=start)
    assert httpx.get(server.url + "/").text == "ok"


def test_waiting_on_a_timer_does_not_count_as_cpu(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("limits"))
    r = httpx.get(server.url + "/wait", timeout=30)
    assert r.status_code == 200
    assert r.text == "waited"


def test_allocation_over_heap_limit_gets_503_and_next_request_is_served(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("limits")
    # A higher CPU limit, so the heap limit is what stops the allocation loop.
    toml = (root / "wrangler.toml").read_text().replace("cpu_ms = 100", "cpu_ms = 30000")
    (root / "wrangler.toml").write_text(toml)
    server = dev_server(root, "--memory-limit-mb", "32")
    start = len(server.lines)
    r = httpx.get(server.url + "/alloc", timeout=60)
    assert r.status_code == 503
    assert "exceeded memory limit" in r.text
    server.wait_for("exceeded memory limit", start=start)
    assert httpx.get(server.url + "/").text == "ok"
