"""node:async_hooks in a real `isolet dev`: concurrent requests keep their own AsyncLocalStorage store.

The Worker (tests/integration/workers/node_als/) makes the two requests
interleave deterministically: /first parks on a promise that /second
resolves, so each request's awaits, timers and microtasks run while the
other request's store is active — without sleeps in the test.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from tests.integration.server import DevProcess

Start = Callable[..., DevProcess]
Copy = Callable[[str], Path]

STEPS = ["start", "await", "setTimeout", "timerCallback", "queueMicrotask", "scheduler.wait"]


async def _both(url: str) -> tuple[Any, Any]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        first = asyncio.create_task(client.get("/first"))
        second = asyncio.create_task(client.get("/second"))
        r1, r2 = await asyncio.gather(first, second)
    assert r1.status_code == 200, r1.text
    assert r2.status_code == 200, r2.text
    return r1.json(), r2.json()


def test_concurrent_requests_each_see_their_own_store(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("node_als"))
    first, second = asyncio.run(_both(server.url))
    assert first["before"] == [[step, "first"] for step in STEPS]
    assert first["afterRelease"] == "first"  # resumed from /second's context, still its own store
    assert first["after"] == [[step, "first"] for step in STEPS]
    assert second["before"] == [[step, "second"] for step in STEPS]
    assert second["after"] == [[step, "second"] for step in STEPS]


def test_a_request_starts_without_a_store(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("node_als"))
    asyncio.run(_both(server.url))
    assert httpx.get(server.url + "/store").json() == {"store": None}


def test_process_env_mirrors_vars_with_nodejs_compat(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("node_als"))
    data = httpx.get(server.url + "/env").json()
    assert data == {"env": {"GREETING": "hello", "LIMITS": '{"max":3}'}, "platform": "linux", "cwd": "/bundle"}
