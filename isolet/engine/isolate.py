"""An isolate: one pydeno ``Runtime`` started from the runtime snapshot.

This module and its siblings are the only code that imports pydeno. An
``Isolate`` boots the runtime JS (binding every op in ``OPS`` to its
``IsolateHost``), loads a Worker's modules, runs the long-lived JS dispatch
loop, and can be terminated from any thread. After a termination or a heap
limit breach pydeno raises ``RuntimeTerminated`` on every call: the isolate
is dead and its owner replaces it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from pydeno import JavaScriptError, Runtime, RuntimeConfig, RuntimeTerminated, undefined

from isolet.engine.snapshot import build_snapshot
from isolet.runtime.host import IsolateHost
from isolet.runtime.ops import OPS

DEFAULT_HEAP_LIMIT_BYTES = 128 * 1024 * 1024

__all__ = ["Isolate", "JavaScriptError", "RuntimeTerminated", "undefined", "bind_ops"]


def bind_ops(host: IsolateHost, ops: Mapping[str, Callable[..., Any]] | None = None) -> dict[str, Any]:
    """Every op with ``host`` bound as its first argument, keeping async-ness."""
    bound: dict[str, Any] = {}
    for name, fn in (ops or OPS).items():
        if inspect.iscoroutinefunction(fn):
            bound[name] = _bind_async(fn, host)
        else:
            bound[name] = functools.partial(fn, host)
    return bound


def _bind_async(fn: Callable[..., Any], host: IsolateHost) -> Callable[..., Any]:
    async def op(*args: Any) -> Any:
        return await fn(host, *args)

    op.__name__ = fn.__name__
    return op


class Isolate:
    """A booted V8 isolate bound to ``host``. Must be used from the asyncio thread."""

    def __init__(
        self,
        host: IsolateHost,
        *,
        heap_limit: int = DEFAULT_HEAP_LIMIT_BYTES,
        ops: Mapping[str, Callable[..., Any]] | None = None,
    ) -> None:
        self.host = host
        self.runtime = Runtime(RuntimeConfig(snapshot=build_snapshot(), max_heap_size=heap_limit))
        self.termination = self.runtime.termination_handle()
        self.runtime.bind_object("__isolet_ops", bind_ops(host, ops))
        boot = self.runtime.eval(
            "(info) => { __isolet_boot(globalThis.__isolet_ops, info); delete globalThis.__isolet_ops; }"
        )
        boot(host.config.info)

    def eval(self, source: str) -> Any:
        return self.runtime.eval(source)

    async def eval_async(self, source: str) -> Any:
        return await self.runtime.eval_async(source)

    def terminate(self) -> None:
        """Stop whatever JS runs now; safe from any thread."""
        self.termination.terminate()

    def close(self) -> None:
        if not self.runtime.is_closed():
            self.runtime.close()
