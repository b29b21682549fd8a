"""An isolate: one pydeno ``Runtime`` started from the runtime snapshot.

This module and its siblings are the only code that imports pydeno. An
``Isolate`` boots the runtime JS (binding every op in ``OPS`` to its
``IsolateHost``), loads a Worker's modules, runs the long-lived JS dispatch
loop, and can be terminated from any thread. After a termination or a heap
limit breach pydeno raises ``RuntimeTerminated`` on every call: the isolate
is dead and its owner replaces it.
"""

from __future__ import annotations

import inspect
import traceback
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from pydeno import JavaScriptError, Runtime, RuntimeConfig, RuntimeTerminated, undefined

from isolet.engine import flags
from isolet.engine.snapshot import build_snapshot
from isolet.errors import JSError
from isolet.runtime.host import IsolateHost
from isolet.runtime.ops import OPS

DEFAULT_HEAP_LIMIT_BYTES = 128 * 1024 * 1024
# The most one crossing (an op's arguments or result) may carry. pydeno's
# default is 10 MiB, and going over it ends the isolate's dispatch loop rather
# than raising in JS; ops move big data in pieces well below this, and the
# dispatch batch is capped (runtime/host.py MAX_BATCH_BODY_BYTES).
MAX_CROSSING_BYTES = 64 * 1024 * 1024

__all__ = ["Isolate", "JavaScriptError", "RuntimeTerminated", "undefined", "bind_ops"]


def bind_ops(host: IsolateHost, ops: Mapping[str, Callable[..., Any]] | None = None) -> dict[str, Any]:
    """The ops as two pydeno bindings with ``host`` as their first argument:
    ``call(name, *args)`` for the plain ones, ``callAsync(name, *args)`` for
    the ``async def`` ones, and ``names`` ({name: is_async}), from which boot
    (00_internals.js) makes one function per op.

    Two bindings, not one per op: binding is part of every isolate's
    creation, and with two instead of 76 a new isolate's cold start went from
    14.3 to 13.2 ms p50 (bench/inproc.py cold, interleaved). A fresh runtime
    also holds about 4 KiB per binding (100 runtimes with 0, 76 and 300 bound
    ops: 4.34, 4.63 and 5.42 MiB each), though RSS per idle isolate after its
    idle collection stayed at 4.2 MiB. The lookup by name costs well under a
    microsecond of a crossing that costs several.

    The two kinds of error stay apart here: a ``JSError`` passes through
    (JS rebuilds its class from the message); anything else is logged with its
    traceback under a fresh reference id and reaches JS only as
    "internal error; reference = <id>".
    """
    table = dict(ops or OPS)
    is_async = {name: inspect.iscoroutinefunction(fn) for name, fn in table.items()}

    def call(name: str, *args: Any) -> Any:
        try:
            return table[name](host, *args)
        except JSError:
            raise
        except Exception as e:
            raise _internal(host, name, e) from None

    async def call_async(name: str, *args: Any) -> Any:
        try:
            return await table[name](host, *args)
        except JSError:
            raise
        except Exception as e:
            raise _internal(host, name, e) from None

    return {"call": call, "callAsync": call_async, "names": is_async}


def _internal(host: IsolateHost, name: str, exc: BaseException) -> RuntimeError:
    ref = uuid.uuid4().hex[:12]
    trace = "".join(traceback.format_exception(exc))
    host.log("error", f"internal error in {name}; reference = {ref}\n{trace}")
    return RuntimeError(f"internal error; reference = {ref}")


class Isolate:
    """A booted V8 isolate bound to ``host``. Must be used from the asyncio thread."""

    def __init__(
        self,
        host: IsolateHost,
        *,
        heap_limit: int = DEFAULT_HEAP_LIMIT_BYTES,
        ops: Mapping[str, Callable[..., Any]] | None = None,
        boot: bool = True,
    ) -> None:
        flags.apply()  # before the first isolate or snapshot of the process
        self.host = host
        self.heap_limit = heap_limit
        config = RuntimeConfig(
            # Always the one runtime snapshot: V8 shares its read-only heap
            # between a process's isolates, and an isolate made from another
            # snapshot while one from the first is alive crashes the process
            # (pydeno's runtime thread, SIGSEGV or a failed V8 CHECK).
            snapshot=build_snapshot(),
            max_heap_size=heap_limit,
            max_serialization_bytes=MAX_CROSSING_BYTES,
        )
        self._runtime: Runtime | None = Runtime(config)
        self.termination = self.runtime.termination_handle()
        self.runtime.bind_object("__isolet_ops", bind_ops(host, ops))
        self.booted = False
        if boot:
            self.boot()

    def boot(self) -> None:
        """Run the runtime's boot hooks with ``host.config.info`` (compat flags, env, ...).

        Split from construction so a pool (engine/pool.py) can create and bind
        blank isolates ahead of need and boot one when a Worker claims it.
        """
        if self.booted:
            raise RuntimeError("the isolate is already booted")
        self.booted = True
        self.runtime.eval(
            "(() => { const boot = globalThis.__isolet_boot, ops = globalThis.__isolet_ops;"
            " delete globalThis.__isolet_ops; return (info) => boot(ops, info); })()"
        )(self.host.config.info)

    def warm(self) -> None:
        """Run the request path once in this not yet booted isolate, so V8 has compiled it
        before a Worker's first request (runtime/js/90_dispatch.js ``__isolet_warm``)."""
        if self.booted:
            raise RuntimeError("only a blank isolate is warmed")
        self.runtime.eval("globalThis.__isolet_warm()")

    async def warm_async(self) -> None:
        """Make one async op round trip in this not yet booted isolate.

        A fresh runtime's first async call with an async op took 0.87 ms,
        later ones 0.24-0.30 ms (pydeno sets up its asyncio bridge on first
        use): the Worker's dispatch loop starts with exactly such a call, so
        a pooled isolate pays that before a Worker claims it. The op is a
        zero-delay timer of the blank host.
        """
        if self.booted:
            raise RuntimeError("only a blank isolate is warmed")
        await self.runtime.eval_async("globalThis.__isolet_ops.callAsync('op_timers_sleep', -1, 0)")

    def take_global(self, name: str) -> Any:
        """Read and delete ``globalThis[name]`` (an engine hook the runtime JS left there)."""
        return self.runtime.eval(
            f"(() => {{ const v = globalThis[{name!r}]; delete globalThis[{name!r}]; return v; }})()"
        )

    def eval(self, source: str) -> Any:
        return self.runtime.eval(source)

    async def eval_async(self, source: str) -> Any:
        return await self.runtime.eval_async(source)

    def terminate(self) -> None:
        """Stop whatever JS runs now; safe from any thread."""
        self.termination.terminate()

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            raise RuntimeError("the isolate is closed")
        return self._runtime

    def close(self) -> None:
        """Close and drop the runtime now, on this thread.

        pydeno's Runtime must be freed on the thread that made it; left to the
        garbage collector it could be freed on whichever thread runs the
        collection (the watchdog's, say), which pydeno refuses.
        """
        runtime, self._runtime = self._runtime, None
        if runtime is not None and not runtime.is_closed():
            runtime.close()
