"""The Python side of one isolate: event queue, requests in flight, timers, CPU meter.

The engine creates one ``IsolateHost`` per isolate and binds every op to it.
Ops run on two threads: ``async def`` ops on the asyncio loop, plain ops on
the isolate's own thread. State touched from both goes through
``loop.call_soon_threadsafe``; the CPU meter fields are plain ints written by
one thread and read by the watchdog, which tolerates a stale read.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from isolet.observability.logs import LogRecord, LogSink
from isolet.runtime.context import IncomingRequest, OutgoingResponse, RequestContext

MAX_BATCH_BODY_BYTES = 8 * 1024 * 1024
# A synchronous dispatch (see IsolateHost.dispatch_now) holds the asyncio
# thread while JS runs. Measured (bench/ab.py, hello and cpu workloads, c=1
# to 64) it wins even for CPU-heavy handlers, and any tighter budget than
# this one only lost throughput (scheduling noise tripped it); a call past
# it (a runaway slice, say) turns the path off for SYNC_BACKOFF_S.
SYNC_BUDGET_S = 0.05
SYNC_BACKOFF_S = 1.0
# After this long without events, op_dispatch_next returns an empty batch and
# a JS loop with nothing in flight ends (90_dispatch.js): a pending call makes
# pydeno's runtime thread poll, ~0.8% of a core per idle isolate (measured,
# 100 idle isolates used 84% of a core). The next event starts it again.
IDLE_SLEEP_S = 1.0


# The event fields that may hold bytes: a fetch event's inline body, a
# WebSocket event's binary message.
BYTES_FIELDS = ("body", "data")


def _json_default(value: Any) -> Any:
    # TOML dates and times, possible only in a [dev] cf override.
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"an event value of type {type(value).__name__} cannot cross into JS")


_json = json.JSONEncoder(separators=(",", ":"), check_circular=False, default=_json_default).encode


def wire_batch(batch: list[dict[str, Any]]) -> list[Any]:
    """A batch of events as it crosses into JS: ``[json text, blobs]``.

    A bytes field becomes the index of its value in ``blobs``; JS puts it
    back (90_dispatch.js ``fromWire``). One JSON string crosses cheaper than
    the objects it holds: pydeno converts each key and value on its own, and
    a request event took 14 us of conversion against 8 us for encoding,
    crossing and JSON.parse together (one call, pinned CPU).
    """
    blobs: list[Any] = []
    out = batch
    for i, event in enumerate(batch):
        for key in BYTES_FIELDS:
            value = event.get(key)
            if isinstance(value, (bytes, bytearray, memoryview)):
                if out is batch:
                    out = list(batch)  # the queued events stay as they are
                event = out[i] = {**event, key: len(blobs)}
                blobs.append(value)
    return [_json(out), blobs]


@dataclass(slots=True)
class CpuMeter:
    """CPU time of the isolate thread, read at each crossing.

    ``slice_start_ns`` is the thread CPU clock when JS last got control back;
    the watchdog compares it with the clock now to catch a slice that runs
    too long. Slices that end in an op carrying a request id are added to
    that request's total.
    """

    clock_id: int | None = None
    slice_start_ns: int = 0

    def now(self) -> int:
        if self.clock_id is None:
            return 0
        return time.clock_gettime_ns(self.clock_id)


@dataclass(slots=True)
class HostConfig:
    worker_name: str
    # Facts handed to JS at boot: compat flags, cf defaults, etc.
    info: dict[str, Any] = field(default_factory=dict)


class IsolateHost:
    """Per-isolate state shared by every op bound into that isolate."""

    def __init__(self, config: HostConfig, loop: asyncio.AbstractEventLoop, log: LogSink) -> None:
        self.config = config
        self.loop = loop
        self._log = log
        self._events: deque[dict[str, Any]] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._ids = itertools.count(1)
        self.requests: dict[int, RequestContext] = {}
        self.timers: dict[int, tuple[asyncio.TimerHandle, asyncio.Future[bool]]] = {}
        self.cpu = CpuMeter()
        # Native objects JS holds by int rid (zlib streams, ...): ops create and free them.
        self.resources: dict[int, Any] = {}
        self.resource_ids = itertools.count(1)
        self.closed = False
        self._woken = False
        # Run once when the isolate goes away (asyncio thread): ops that hold
        # native resources per isolate (connection pools...) register here.
        self.close_hooks: list[Callable[[], None]] = []
        # Binding objects behind env.<NAME> (e.g. bindings.kv.KVNamespace), by binding name.
        self.bindings: dict[str, Any] = {}
        # Synchronous dispatch: JS's dispatchNow(batch) (90_dispatch.js), set by
        # the engine once the loop runs. While a call is in progress, results
        # that would go through call_soon_threadsafe are collected in
        # ``_deferred`` and run by the asyncio thread when the call returns.
        self.dispatch_now: Callable[[str, list[Any]], Any] | None = None
        # Parses a request URL as op_url_parse does (runtime/ops/url.py
        # request_url_record, set by the engine): the record rides in the fetch
        # event, so the Worker's `new URL(request.url)` makes no op call. A
        # sync op inside a synchronous dispatch costs a GIL hand-off between
        # threads (see 90_dispatch.js `replies`).
        self.parse_url: Callable[[str], Sequence[Any] | None] | None = None
        self._flush_pending = False
        self._sync_off_until = 0.0
        self._deferred: list[tuple[Callable[..., None], tuple[Any, ...]]] | None = None
        self._deferred_lock = threading.Lock()
        self.sync_dispatches = 0
        # Idle sleep: the engine sets ``resume`` (start the JS loop again) and
        # clears ``loop_running`` when the loop ended because it was idle.
        self.loop_running = True
        self.resume: Callable[[], None] | None = None
        self.idle_sleep_s: float | None = IDLE_SLEEP_S

    def adopt(self, config: HostConfig, log: LogSink) -> None:
        """Take on the Worker that claimed this (pooled, not yet booted) isolate."""
        self.config = config
        self._log = log

    # -- logging (any thread) ------------------------------------------------
    def log(self, level: str, message: str, request_id: int | None = None) -> None:
        self._log(LogRecord(self.config.worker_name, level, message, request_id=request_id))

    # -- events in (asyncio thread) -------------------------------------------
    def push_event(self, event: dict[str, Any]) -> None:
        self._events.append(event)
        if not self.loop_running and self.resume is not None and not self.closed:
            self.loop_running = True
            self.resume()  # the loop's first op_dispatch_next takes the event
            return
        if self._waiter is not None and not self._waiter.done():
            if self._sync_ready():
                # The JS loop is parked: hand it everything that arrives in this
                # loop iteration with one synchronous call at its end.
                self._schedule_flush()
            else:
                self._waiter.set_result(None)

    def _sync_ready(self) -> bool:
        """Whether queued events go in by a synchronous call (not backed off after a slow one)."""
        return self.dispatch_now is not None and self.loop.time() >= self._sync_off_until

    def _schedule_flush(self) -> None:
        if not self._flush_pending:
            self._flush_pending = True
            self.loop.call_soon(self._flush)

    @property
    def parked(self) -> bool:
        """Whether the JS loop waits in op_dispatch_next, so the next event may be dispatched synchronously."""
        return self._waiter is not None and not self._waiter.done()

    def has_events(self) -> bool:
        return bool(self._events)

    def _flush(self) -> None:
        """Dispatch queued events synchronously if the JS loop is still parked (asyncio thread)."""
        self._flush_pending = False
        if not self._events:
            return
        waiter = self._waiter
        if waiter is None or waiter.done() or self.closed or self.dispatch_now is None:
            if waiter is not None and not waiter.done():
                waiter.set_result(None)
            return
        batch = self._take_batch()
        with self._deferred_lock:
            self._deferred = []
        t0 = time.perf_counter()
        try:
            replies = self.dispatch_now(*wire_batch(batch))
        except BaseException as e:
            self._run_deferred()
            if "terminat" in str(e).lower() or type(e).__name__ == "RuntimeTerminated":
                return  # the isolate is dead; the loop's end fails the requests in flight
            # Anything else: stop using this path and give the batch to the loop.
            self.dispatch_now = None
            self.log("error", f"internal error: synchronous dispatch failed, using the loop: {e!r}")
            self._events.extendleft(reversed(batch))
            if not waiter.done():
                waiter.set_result(None)
            return
        if isinstance(replies, list):
            self.deliver(replies)
        self._run_deferred()
        self.sync_dispatches += 1
        if time.perf_counter() - t0 > SYNC_BUDGET_S:
            self._sync_off_until = self.loop.time() + SYNC_BACKOFF_S
        if self._events and not waiter.done():
            # Left over by the batch's body cap: another call, unless backed off.
            if self._sync_ready():
                self._schedule_flush()
            else:
                waiter.set_result(None)

    def _run_deferred(self) -> None:
        with self._deferred_lock:
            deferred, self._deferred = self._deferred, None
        for fn, args in deferred or ():
            fn(*args)

    def call_soon(self, fn: Callable[..., None], *args: Any) -> None:
        """Run ``fn(*args)`` on the asyncio thread (from the isolate thread)."""
        with self._deferred_lock:
            if self._deferred is not None:
                self._deferred.append((fn, args))
                return
        self.loop.call_soon_threadsafe(fn, *args)

    async def next_events(self, probe: bool) -> list[dict[str, Any]] | None:
        """The next batch of events for the JS loop; None tells it to stop.

        With ``probe`` set the call returns at once (possibly with no events):
        JS uses it to let its pending microtasks drain before it decides that
        a request can never be answered.
        """
        # Events already queued are handed over by a synchronous call too: the
        # loop parks and a flush is scheduled. Returned from here instead, they
        # would keep a busy isolate on this (async) path for good, since events
        # are always queued by the time the loop asks again: hello at c=64
        # went from 6.6k req/s at c=16 to 4.7-5.5k (one process, pinned).
        if not self.closed and not probe and not self._woken and (not self._events or self._sync_ready()):
            self._waiter = waiter = self.loop.create_future()
            if self._events:
                self._schedule_flush()
            timer = None
            if self.idle_sleep_s is not None and self.resume is not None:
                timer = self.loop.call_later(self.idle_sleep_s, _set_result, waiter, None)
            await waiter
            self._waiter = None
            if timer is not None:
                timer.cancel()
        self._woken = False
        if self.closed and not self._events:
            return None
        return self._take_batch()  # anything left is returned by the next call, at once

    def _take_batch(self) -> list[dict[str, Any]]:
        # Inline request bodies ride in the batch: cap their total so one
        # crossing stays far below the engine's limit; the rest wait one batch.
        batch: list[dict[str, Any]] = []
        size = 0
        while self._events:
            body = self._events[0].get("body")
            n = len(body) if isinstance(body, bytes) else 0
            if batch and size + n > MAX_BATCH_BODY_BYTES:
                break
            batch.append(self._events.popleft())
            size += n
        return batch

    def wake(self) -> None:
        """Make the JS loop's pending op_dispatch_next return (asyncio thread)."""
        self._woken = True
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def start_request(self, request: IncomingRequest) -> RequestContext:
        rid = next(self._ids)
        ctx = RequestContext(
            id=rid, request=request, response=self.loop.create_future(), done=self.loop.create_future()
        )
        self.requests[rid] = ctx
        event: dict[str, Any] = {
            "type": "fetch",
            "id": rid,
            "method": request.method,
            "url": request.url,
            "headers": request.headers,  # (name, value) pairs: JSON arrays (wire_batch)
            "body": request.body,
            "streamed": request.body_stream is not None,
        }
        if request.cf is not self.config.info.get("cf"):
            # Left out when it is the Worker's own default (the same object,
            # given at boot): JS makes it on first read (23_request.js), which
            # saves converting ~45 values per request (25-40 us).
            event["cf"] = request.cf
        if self.parse_url is not None:
            event["urlRecord"] = self.parse_url(request.url)  # a shared tuple: JSON makes it an array
        self.push_event(event)
        return ctx

    # -- results out (isolate thread -> asyncio) ------------------------------
    def resolve_response(self, rid: int, response: OutgoingResponse, *, finished: bool = False) -> None:
        """Hand the response head to the server; ``finished`` also ends the request.

        One ``call_soon_threadsafe`` either way: each one wakes the event loop
        through its self-pipe, a system call on the hot path.
        """
        ctx = self.requests.pop(rid, None) if finished else self.requests.get(rid)
        if ctx is None:
            return
        if finished:
            self.call_soon(_set_both, ctx.response, response, ctx.done)
        else:
            self.call_soon(_set_result, ctx.response, response)

    def respond(
        self, rid: int, status: int, status_text: str, headers: list[list[str]], body: Any, *, finished: bool
    ) -> None:
        """A response whose body is all in ``body`` (bytes or None)."""
        response = OutgoingResponse(
            status=status,
            status_text=status_text,
            headers=[(k, v) for k, v in headers],
            body=bytes(body) if isinstance(body, (bytes, bytearray, memoryview)) else None,
        )
        self.resolve_response(rid, response, finished=finished)

    def deliver(self, replies: list[list[Any]]) -> None:
        """Finished requests returned by a synchronous dispatch (90_dispatch.js ``replies``).

        Called right after the call, in the window where ``call_soon`` still
        defers, so they follow the ops made during the call. The call's CPU
        slice is charged to the first reply's request, as its op would have
        been; every one of them is finished, so no limit check reads it again.
        """
        if replies:
            self.mark_slice(replies[0][0])  # one clock read: a system call (~6% of this thread at c=64)
        for rid, status, status_text, headers, body in replies:
            self.respond(rid, status, status_text, headers, body, finished=True)

    def finish(self, rid: int) -> None:
        ctx = self.requests.pop(rid, None)
        if ctx is not None:
            self.call_soon(_set_result, ctx.done, None)

    def fail_all(self, error: BaseException) -> None:
        """The isolate died: every request in flight gets ``error`` (asyncio thread)."""
        self.closed = True
        self.dispatch_now = None  # a JsFunction: dropped here, on the thread that owns the runtime
        self.resume = None
        for ctx in list(self.requests.values()):
            if not ctx.response.done():
                ctx.response.set_exception(error)
            elif ctx.channel is not None:
                ctx.channel.close(error)
            if not ctx.done.done():
                ctx.done.set_result(None)
        self.requests.clear()
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def stop(self) -> None:
        """Ask the JS loop to return after the current batch (asyncio thread)."""
        self.closed = True
        self.dispatch_now = None
        self.resume = None
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def run_close_hooks(self) -> None:
        hooks, self.close_hooks = self.close_hooks, []
        for hook in hooks:
            try:
                hook()
            except Exception as e:  # one failing hook must not keep the others from running
                self.log("error", f"internal error while closing the isolate: {e!r}")

    # -- CPU meter ------------------------------------------------------------
    def mark_slice(self, rid: int | None) -> None:
        """Close the current JS slice (called at a crossing); charge it to ``rid``."""
        now = self.cpu.now()
        if rid is not None:
            ctx = self.requests.get(rid)
            if ctx is not None:
                ctx.cpu_ns += now - self.cpu.slice_start_ns
        self.cpu.slice_start_ns = now


def _set_both(response: asyncio.Future[Any], value: Any, done: asyncio.Future[None]) -> None:
    _set_result(response, value)
    _set_result(done, None)


def _set_result(fut: asyncio.Future[Any], value: Any) -> None:
    if not fut.done():
        fut.set_result(value)
