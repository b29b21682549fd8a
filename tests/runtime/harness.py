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
import tempfile
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from isolet.engine.isolate import Isolate
from isolet.engine.modules import INTERNALS, ModuleGraph
from isolet.observability.logs import LogRecord
from isolet.runtime.host import HostConfig, IsolateHost


class JSRuntime:
    def __init__(self, isolate: Isolate, logs: list[tuple[str, str]]) -> None:
        self.isolate = isolate
        self.logs = logs

    async def run(self, body: str) -> Any:
        return await self.isolate.eval_async(f"(async () => {{\n{body}\n}})()")


# Run before boot (which deletes __isolet_internals), in an isolate from the
# one runtime snapshot. Not a second snapshot with this script in it: V8
# shares its read-only heap between the isolates of a process, and an
# isolate made from another snapshot while one from the first was still
# alive crashed the run (a SIGSEGV, or a failed V8 CHECK, in pydeno's
# runtime thread as it created the isolate; 6 of about 22 full runs on
# 2026-11-27, none of 4 since).
_KEEP_INTERNALS = (
    'Object.defineProperty(globalThis, "__test_internals", '
    "{ value: globalThis.__isolet_internals, enumerable: false }); void 0;"
)


@asynccontextmanager
async def js_runtime(
    info: dict[str, Any] | None = None, *, expose_internals: bool = False
) -> AsyncIterator[JSRuntime]:
    logs: list[tuple[str, str]] = []

    def sink(record: LogRecord) -> None:
        logs.append((record.level, record.message))

    host = IsolateHost(HostConfig("test", info or {}), asyncio.get_running_loop(), sink)
    isolate = Isolate(host, boot=False)
    if expose_internals:
        isolate.eval(_KEEP_INTERNALS)
    isolate.boot()
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


# An isolet-internal: name, so the loader lets it import the runtime's modules as a Worker's entry does.
_ENTRY = "isolet-internal:test-entry"


def run_module(
    source: str,
    *,
    compat_flags: tuple[str, ...] = ("nodejs_compat",),
    files: Mapping[str, str | bytes] | None = None,
    entry_imports: tuple[str, ...] = (),
) -> Any:
    """Evaluate ``source`` as the ES module ``main.mjs`` and return its awaited default export.

    The module is loaded by the real loader (engine/modules.py), so ``node:``
    imports, relative imports of ``files`` (written beside ``main.mjs``) and
    the compat flags behave as in a Worker:

        run_module('import { Buffer } from "node:buffer"; export default Buffer.from("hi").toString("hex");')

    ``entry_imports`` (internal specifiers such as ``"isolet-internal:node/globals"``)
    are imported by the entry before ``main.mjs``, as the Worker entry does.
    """

    async def main(root: Path) -> Any:
        (root / "main.mjs").write_text(source, encoding="utf-8")
        for name, content in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        graph = ModuleGraph(root, frozenset(compat_flags))
        main_url = (root / "main.mjs").as_uri()
        entry = "".join(f"import {spec!r};\n" for spec in (INTERNALS, *entry_imports))
        entry += f"import result from {main_url!r};\nglobalThis.__test_result = await result;\n"
        info = {"format": "modules", "compatFlags": list(compat_flags), "env": {}}
        host = IsolateHost(HostConfig("test", info), asyncio.get_running_loop(), lambda record: None)
        isolate = Isolate(host)
        try:
            runtime = isolate.runtime

            runtime.set_module_resolver(lambda spec, ref: _ENTRY if spec == _ENTRY else graph.resolve(spec, ref))
            runtime.set_module_loader(lambda url: entry if url == _ENTRY else graph.load(url))
            await asyncio.wait_for(runtime.eval_module_async(_ENTRY), RUN_TIMEOUT_S)
            return await isolate.eval_async("globalThis.__test_result")
        finally:
            isolate.close()

    with tempfile.TemporaryDirectory() as tmp:
        return asyncio.run(main(Path(tmp)))
