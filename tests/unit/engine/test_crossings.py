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


# Synchronous calls into JS are not ops; they are counted under this key.
SYNC_DISPATCH = "<synchronous dispatch>"


HELLO = WorkerSpec(name="hello", main=EXAMPLES / "hello" / "src" / "index.js", vars={"GREETING": "Hello"})


async def _serve(
    requests: int,
    sync: bool = True,
    spec: WorkerSpec = HELLO,
    body: bytes = b"Hello, World!\n",
    idle_between: bool = False,
) -> Counter[str]:
    calls: Counter[str] = Counter()
    logs: list[LogRecord] = []
    worker = WorkerInstance(spec, logs.append, ops=_counting(calls))
    await worker.start()
    for _ in range(3):  # warm up: first requests may take one-time paths
        await worker.fetch(IncomingRequest("GET", "http://x/", [], None, None, {})).done
    calls.clear()
    assert worker.host is not None
    if not sync:
        worker.host.dispatch_now = None  # the loop's path, as when ISOLET_SYNC_DISPATCH=0
    if idle_between:
        worker.host.idle_sleep_s = 0.001  # the JS loop ends after 1 ms without events
    sync_before = worker.host.sync_dispatches
    for _ in range(requests):
        # Let the isolate finish the previous request and wait for the next,
        # as it does between requests from the network (or, with
        # idle_between, until its JS loop has ended idle).
        for _ in range(10_000):
            if worker.host.loop_running is not idle_between and (idle_between or worker.host.parked):
                break
            await asyncio.sleep(0.001 if idle_between else 0)
        else:
            raise AssertionError("the isolate never reached the state wanted between requests")
        ctx = worker.fetch(IncomingRequest("GET", "http://x/", [("accept", "*/*")], None, None, {}))
        response = await ctx.response
        assert response.status == 200 and response.body == body
        await ctx.done
    calls[SYNC_DISPATCH] = worker.host.sync_dispatches - sync_before
    await worker.stop(grace=1)
    assert not logs, logs
    return calls


def test_a_hello_world_request_reaching_an_idle_isolate_costs_one_crossing() -> None:
    requests = 20
    calls = asyncio.run(_serve(requests))
    # Per request: the synchronous dispatch that hands it over, whose return
    # value carries the whole response; no op at all (+1 op_dispatch_next:
    # the loop's wait that was pending when the requests began).
    assert set(calls) <= {"op_dispatch_next", SYNC_DISPATCH}
    assert calls[SYNC_DISPATCH] == requests
    assert calls["op_dispatch_next"] <= 1


def test_requests_arriving_together_cost_one_crossing_in_all() -> None:
    async def burst() -> Counter[str]:
        calls: Counter[str] = Counter()
        worker = WorkerInstance(HELLO, lambda record: None, ops=_counting(calls))
        await worker.start()
        await worker.fetch(IncomingRequest("GET", "http://x/", [], None, None, {})).done
        assert worker.host is not None
        while not worker.host.parked:
            await asyncio.sleep(0)
        calls.clear()
        before = worker.host.sync_dispatches
        # Pushed in one event-loop iteration, as a busy server reads them.
        ctxs = [worker.fetch(IncomingRequest("GET", "http://x/", [], None, None, {})) for _ in range(8)]
        for ctx in ctxs:
            assert (await ctx.response).body == b"Hello, World!\n"
            await ctx.done
        calls[SYNC_DISPATCH] = worker.host.sync_dispatches - before
        await worker.stop(grace=1)
        return calls

    calls = asyncio.run(burst())
    # One synchronous call takes the whole batch and returns every reply.
    assert calls[SYNC_DISPATCH] == 1
    assert set(calls) <= {"op_dispatch_next", SYNC_DISPATCH}


def test_a_request_that_wakes_an_idle_isolate_is_dispatched_synchronously_too() -> None:
    requests = 5
    calls = asyncio.run(_serve(requests, idle_between=True))
    # The woken loop's first op_dispatch_next finds the request queued: it
    # parks and the request goes in by a synchronous call, as on an isolate
    # that never slept. (Returned by that op instead, it would be answered by
    # op_dispatch_respond, and under steady load every later request would
    # stay on that slower path: events are always queued when the loop asks.)
    assert calls[SYNC_DISPATCH] == requests
    assert calls["op_dispatch_respond"] == 0
    assert calls["op_dispatch_next"] <= 2 * requests + 1


def test_a_request_dispatched_by_the_loop_costs_two_crossings() -> None:
    requests = 20
    calls = asyncio.run(_serve(requests, sync=False))
    # Per request: its share of an op_dispatch_next batch and one
    # op_dispatch_respond carrying the whole response (+1: the loop's wait
    # that was pending when the requests began).
    assert set(calls) <= {"op_dispatch_next", "op_dispatch_respond", SYNC_DISPATCH}
    assert calls["op_dispatch_respond"] == requests
    assert calls[SYNC_DISPATCH] == 0
    assert requests <= calls["op_dispatch_next"] <= requests + 1


def test_parsing_the_request_url_costs_no_crossing(tmp_path: Path) -> None:
    main = tmp_path / "worker.js"
    main.write_text(
        "export default { fetch(request) {\n"
        "  const url = new URL(request.url);\n"
        "  return new Response(url.pathname + url.search);\n"
        "} };\n"
    )
    calls = asyncio.run(_serve(5, spec=WorkerSpec(name="url", main=main), body=b"/"))
    # The host parsed the URL before dispatch; the Worker's parse of that same
    # string takes the record it sent along, with no op_url_parse.
    assert set(calls) <= {"op_dispatch_next", SYNC_DISPATCH}
    assert calls[SYNC_DISPATCH] == 5
