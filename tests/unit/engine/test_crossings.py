"""Pins how many JS/Python crossings one request costs, so the request path cannot silently grow."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from isolet.engine.worker import WorkerInstance, WorkerSpec
from isolet.observability.logs import LogRecord
from isolet.runtime.context import IncomingRequest
from isolet.runtime.ops import OPS

EXAMPLES = Path(__file__).parents[3] / "examples"


def _counting(calls: Counter[str]) -> dict[str, Callable[..., Any]]:
    wrapped: dict[str, Callable[..., Any]] = {}
    for name, fn in OPS.items():
        if asyncio.iscoroutinefunction(fn):

            async def op_async(*args: Any, _fn: Any = fn, _name: str = name) -> Any:
                calls[_name] += 1
                return await _fn(*args)

            wrapped[name] = op_async
        else:

            def op_sync(*args: Any, _fn: Any = fn, _name: str = name) -> Any:
                calls[_name] += 1
                return _fn(*args)

            wrapped[name] = op_sync
    return wrapped


async def _serve(requests: int) -> Counter[str]:
    calls: Counter[str] = Counter()
    logs: list[LogRecord] = []
    spec = WorkerSpec(name="hello", main=EXAMPLES / "hello" / "src" / "index.js", vars={"GREETING": "Hello"})
    worker = WorkerInstance(spec, logs.append, ops=_counting(calls))
    await worker.start()
    for _ in range(3):  # warm up: first requests may take one-time paths
        await worker.fetch(IncomingRequest("GET", "http://x/", [], None, None, {})).done
    calls.clear()
    for _ in range(requests):
        ctx = worker.fetch(IncomingRequest("GET", "http://x/", [("accept", "*/*")], None, None, {}))
        response = await ctx.response
        assert response.status == 200 and response.body == b"Hello, World!\n"
        await ctx.done
    await worker.stop(grace=1)
    assert not logs, logs
    return calls


def test_hello_world_request_costs_two_crossings() -> None:
    requests = 20
    calls = asyncio.run(_serve(requests))
    # Per request: one op_dispatch_next that delivers it (its result is the
    # crossing back into JS) and one op_dispatch_respond carrying the whole
    # response; nothing else. (+1: the loop's final wait, started while the
    # last request was answered.)
    assert set(calls) == {"op_dispatch_next", "op_dispatch_respond"}
    assert calls["op_dispatch_respond"] == requests
    assert calls["op_dispatch_next"] <= requests + 1
