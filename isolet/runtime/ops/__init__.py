"""The op registry: every host function the runtime JS may call.

An op is a plain function ``op_<area>_<verb>(host, *args)`` taking and
returning plain values (None, bool, int, float, str, bytes, list, dict).
``host`` is the isolate's :class:`~isolet.runtime.host.IsolateHost`; the
engine binds it when the isolate starts. ``async def`` ops run on the
asyncio loop; plain ops run on the isolate's thread and must hand anything
for asyncio over with ``loop.call_soon_threadsafe``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

Op = Callable[..., Any]


def _collect() -> dict[str, Op]:
    """Every ``op_*`` function of every module in this package (one module per area)."""
    ops: dict[str, Op] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name in dir(module):
            if name.startswith("op_"):
                if name in ops:
                    raise RuntimeError(f"op {name} registered twice")
                ops[name] = getattr(module, name)
    return ops


OPS: dict[str, Op] = _collect()
