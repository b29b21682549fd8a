"""A booted isolate for testing runtime JS directly, without a Worker or server.

    async with js_runtime() as rt:
        assert await rt.run("return new URL('http://a/b').pathname") == "/b"

With ``expose_internals=True`` the runtime's private registry stays
reachable as ``globalThis.__test_internals`` (boot normally deletes it), for
tests of the contracts between runtime files.

``run`` wraps the snippet in an async function, so ``await`` and ``return``
work; a thrown error surfaces as ``pydeno.JavaScriptError`` (``.name``,
``.message``). Console output is collected in ``rt.logs`` as (level, text).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from isolet.engine.isolate import Isolate
from isolet.engine.snapshot import RuntimeSource, build_snapshot, runtime_source
from isolet.observability.logs import LogRecord
from isolet.runtime.host import HostConfig, IsolateHost


class JSRuntime:
    def __init__(self, isolate: Isolate, logs: list[tuple[str, str]]) -> None:
        self.isolate = isolate
        self.logs = logs

    async def run(self, body: str) -> Any:
        return await self.isolate.eval_async(f"(async () => {{\n{body}\n}})()")


_KEEP_INTERNALS = (
    "99_zz_test_keep_internals.js",
    'Object.defineProperty(globalThis, "__test_internals", '
    "{ value: globalThis.__isolet_internals, enumerable: false });",
)


@asynccontextmanager
async def js_runtime(
    info: dict[str, Any] | None = None, *, expose_internals: bool = False
) -> AsyncIterator[JSRuntime]:
    logs: list[tuple[str, str]] = []

    def sink(record: LogRecord) -> None:
        logs.append((record.level, record.message))

    snapshot = None
    if expose_internals:
        snapshot = build_snapshot(RuntimeSource(runtime_source().files + (_KEEP_INTERNALS,)))
    host = IsolateHost(HostConfig("test", info or {}), asyncio.get_running_loop(), sink)
    isolate = Isolate(host, snapshot=snapshot)
    try:
        yield JSRuntime(isolate, logs)
    finally:
        isolate.close()


# A never-settling promise fails the test instead of hanging the run.
RUN_TIMEOUT_S = 10.0


def run_js(js: str, *, info: dict[str, Any] | None = None, expose_internals: bool = False) -> Any:
    """Run ``js`` (an async function body) in a fresh booted isolate and return its result."""

    async def main() -> Any:
        async with js_runtime(info, expose_internals=expose_internals) as rt:
            return await asyncio.wait_for(rt.run(js), RUN_TIMEOUT_S)

    return asyncio.run(main())
