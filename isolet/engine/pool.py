"""Blank isolates made ahead of need, so a Worker's cold start only evaluates its modules.

A blank isolate is a pydeno ``Runtime`` started from the runtime snapshot with
every op bound to a fresh ``IsolateHost``, but not booted: booting needs the
Worker's facts (compat flags, env), which ``WorkerInstance.start()`` supplies
when it claims one. Creating the runtime is most of a new isolate's cost
(7-9 ms of ~11 ms on the 2-core dev machine, bench/inproc.py), so taking it
out of the request path is what brings a cold start near the module
evaluation itself.

pydeno runtimes belong to the thread that made them, and their methods must
be called there: a pool is tied to one asyncio loop (its thread) and is
filled from that loop's callbacks, one isolate per callback so a refill never
holds the loop for more than one creation (~8 ms), and not at once: a refill
started right after a take would run while the claiming Worker evaluates its
modules and delay exactly the cold start the pool is for (measured: 15 ms
instead of 2 ms), so it waits ``REFILL_DELAY_S``. ``close()`` frees the
isolates still waiting, on that thread.

A blank isolate is also warmed before it waits (``Isolate.warm``): a
request runs through the synchronous dispatch path to a stand-in Worker, so
V8 has compiled that path when the Worker's first request comes. V8
compiles each function on its first call and the snapshot keeps no compiled
code: the first request in a fresh isolate took 2.6 ms against 0.14 ms
later; pooled cold start p50 4.92 -> 4.03-4.21 ms (bench/inproc.py cold
--pool, one CPU). Then, in a task of the loop, one async op round trip
(``Isolate.warm_async``), which the Worker's dispatch loop would otherwise
pay at its start (0.87 ms for a fresh runtime's first, 0.24-0.30 later);
``fill()`` waits for it, ``fill_now()`` does not.

The pool is off unless enabled: ``enable(loop, size)``, or
``ISOLET_ISOLATE_POOL=<size>`` in the environment, read the first time a
Worker starts on a loop. ``isolet dev`` serves one Worker and leaves it off
(each waiting isolate holds ~5 MiB and a thread); a server that starts
Workers on demand is what it is for.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from collections import deque

from isolet.engine.isolate import DEFAULT_HEAP_LIMIT_BYTES, Isolate
from isolet.observability.logs import LogRecord
from isolet.runtime.host import HostConfig, IsolateHost


def _discard(record: LogRecord) -> None:
    """Log sink of a blank isolate: nothing runs in it before a Worker claims it."""


REFILL_DELAY_S = 0.1


class IsolatePool:
    """Up to ``size`` booted-from-snapshot, unclaimed isolates for one asyncio loop."""

    def __init__(
        self, loop: asyncio.AbstractEventLoop, size: int = 1, *, heap_limit: int = DEFAULT_HEAP_LIMIT_BYTES
    ) -> None:
        self.loop = loop
        self.size = size
        self.heap_limit = heap_limit
        self._idle: deque[Isolate] = deque()
        self._warming: set[asyncio.Task[None]] = set()
        self._fill_pending = False
        self.closed = False
        self.created = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._idle)

    @property
    def warming(self) -> int:
        """How many waiting isolates are still making their async warm-up round trip."""
        return len(self._warming)

    def take(self, heap_limit: int) -> Isolate | None:
        """An unclaimed isolate with that heap limit, or None (the caller makes its own).

        Schedules a refill either way. Call on the loop's thread.
        """
        isolate = None
        if not self.closed and heap_limit == self.heap_limit and self._idle:
            isolate = self._idle.popleft()
            self.hits += 1
        else:
            self.misses += 1
        self.schedule_fill()
        return isolate

    def fill_now(self) -> None:
        """Create isolates until the pool is full (blocks the loop ~8 ms per isolate).

        Their async warm-up is left running in tasks of the loop (``fill()`` waits for it).
        """
        while not self.closed and len(self._idle) < self.size:
            self._add_one()

    async def fill(self) -> None:
        """``fill_now()``, then wait until every waiting isolate is warmed."""
        self.fill_now()
        if self._warming:
            await asyncio.wait(set(self._warming))

    def schedule_fill(self) -> None:
        if self._fill_pending or self.closed or len(self._idle) >= self.size:
            return
        self._fill_pending = True
        self.loop.call_later(REFILL_DELAY_S, self._fill_step)

    def _fill_step(self) -> None:
        self._fill_pending = False
        if self.closed or len(self._idle) >= self.size:
            return
        self._add_one()
        self.schedule_fill()

    def _add_one(self) -> None:
        host = IsolateHost(HostConfig(""), self.loop, _discard)
        isolate = Isolate(host, heap_limit=self.heap_limit, boot=False)
        isolate.warm()
        self._idle.append(isolate)
        self.created += 1
        # A Worker may claim it before this ends: its own first async call
        # then waits behind the warm-up (pydeno runs async calls one at a time).
        task = self.loop.create_task(isolate.warm_async())
        self._warming.add(task)
        task.add_done_callback(self._warmed)

    def _warmed(self, task: asyncio.Task[None]) -> None:
        self._warming.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved: an isolate closed while warming fails it, harmlessly

    def close(self) -> None:
        """Free every unclaimed isolate (on the loop's thread); the pool hands out no more."""
        self.closed = True
        while self._idle:
            self._idle.popleft().close()


_pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, IsolatePool] = weakref.WeakKeyDictionary()


def enable(loop: asyncio.AbstractEventLoop, size: int = 1, *, fill: bool = False) -> IsolatePool:
    """The loop's pool, made with ``size`` if it has none; ``fill`` fills it at once."""
    pool = _pools.get(loop)
    if pool is None or pool.closed:
        pool = _pools[loop] = IsolatePool(loop, size)
    if fill:
        pool.fill_now()
    else:
        pool.schedule_fill()
    return pool


def pool_for(loop: asyncio.AbstractEventLoop) -> IsolatePool | None:
    """The loop's pool if one is enabled (or ``ISOLET_ISOLATE_POOL`` asks for one)."""
    pool = _pools.get(loop)
    if pool is not None:
        return None if pool.closed else pool
    size = _env_size()
    if size > 0:
        return enable(loop, size)
    return None


def disable(loop: asyncio.AbstractEventLoop) -> None:
    """Close and forget the loop's pool (call on the loop's thread)."""
    pool = _pools.pop(loop, None)
    if pool is not None:
        pool.close()


def _env_size() -> int:
    try:
        return max(0, int(os.environ.get("ISOLET_ISOLATE_POOL", "0")))
    except ValueError:
        return 0
