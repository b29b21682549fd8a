"""A booted isolate for testing runtime JS directly, without a Worker or server.

    async with js_runtime() as rt:
        assert await rt.run("return new URL('http://a/b').pathname") == "/b"

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
from isolet.observability.logs import LogRecord
from isolet.runtime.host import HostConfig, IsolateHost


class JSRuntime:
    def __init__(self, isolate: Isolate, logs: list[tuple[str, str]]) -> None:
        self.isolate = isolate
        self.logs = logs

    async def run(self, body: str) -> Any:
        return await self.isolate.eval_async(f"(async () => {{\n{body}\n}})()")


@asynccontextmanager
async def js_runtime(info: dict[str, Any] | None = None) -> AsyncIterator[JSRuntime]:
    logs: list[tuple[str, str]] = []

    def sink(record: LogRecord) -> None:
        logs.append((record.level, record.message))

    host = IsolateHost(HostConfig("test", info or {}), asyncio.get_running_loop(), sink)
    isolate = Isolate(host)
    try:
        yield JSRuntime(isolate, logs)
    finally:
        isolate.close()
