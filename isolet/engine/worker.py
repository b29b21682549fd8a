"""A loaded Worker: an isolate, its modules, its dispatch loop and its limits.

``WorkerInstance.start()`` boots an isolate from the snapshot, evaluates the
Worker's modules and starts the JS dispatch loop. ``fetch()`` hands a request
to the loop and returns the response head (the body may still be streaming).
When the watchdog or the heap limit stops the isolate, every request in
flight fails with ``LimitExceeded`` and the instance is ``dead``; its owner
starts a fresh one for the next request.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydeno import JavaScriptError, RuntimeTerminated

from isolet.config.schema import ModuleRule
from isolet.engine.isolate import DEFAULT_HEAP_LIMIT_BYTES, Isolate
from isolet.engine.limits import WATCHDOG, LimitExceeded, Watched
from isolet.engine.modules import ModuleGraph, ModuleNotFound, detect_format
from isolet.engine.pool import pool_for
from isolet.observability.logs import LogSink
from isolet.runtime.context import IncomingRequest, RequestContext
from isolet.runtime.host import HostConfig, IsolateHost
from isolet.runtime.ops.url import request_url_record

ENTRY = "isolet-internal:entry"
# Top-level module code gets this much wall time before the load is abandoned.
LOAD_TIMEOUT_S = 10.0
# Requests reaching an idle isolate are dispatched by a synchronous call
# (runtime/host.py IsolateHost.dispatch_now); ISOLET_SYNC_DISPATCH=0 turns it
# off (A/B measurements, bench/README.md).
SYNC_DISPATCH = os.environ.get("ISOLET_SYNC_DISPATCH", "1") != "0"


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Everything needed to start one version of a Worker."""

    name: str
    main: Path
    compat_date: str = "2024-01-01"
    compat_flags: tuple[str, ...] = ()
    vars: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    cf: dict[str, Any] = field(default_factory=dict)
    cpu_ms: int = 30_000
    # Subrequests (fetch() calls, redirect hops) per request; None: the platform default (50).
    subrequests: int | None = None
    heap_limit: int = DEFAULT_HEAP_LIMIT_BYTES
    # kv_namespaces: (binding name, namespace id), stored under persist_to/v3/kv/<id>/.
    kv_namespaces: tuple[tuple[str, str], ...] = ()
    persist_to: Path = Path(".isolet/state")
    # wrangler's module `rules` from the config (Text/Data/CompiledWasm globs), before its defaults.
    rules: tuple[ModuleRule, ...] = ()


class WorkerLoadError(Exception):
    """The Worker's modules could not be loaded (syntax error, missing module, top-level throw)."""


_LOCATION = re.compile(r"at (file://\S+?):(\d+):(\d+)")


def describe_load_error(exc: BaseException) -> str:
    """One readable message, with ``path:line:column`` where V8 gave one."""
    if isinstance(exc, JavaScriptError):
        return exc.stack or f"{exc.name}: {exc.message}"
    text = str(exc)
    text = text.removeprefix("Module evaluation failed: ")
    text = re.sub(r"^Failed to load module '[^']*': ", "", text)
    text = text.replace("Uncaught ", "")
    # An error raised by the module resolver/loader (missing module, TypeScript error) keeps only its text.
    text = re.sub(
        r"^(?:Failed to call module loader|Module resolution failed for .+?): "
        r"(?:ModuleNotFound|ModuleLoadError|TranspileError): ",
        "",
        text,
    )
    m = _LOCATION.search(text)
    if m:
        path = Path(m.group(1).removeprefix("file://"))
        first = text.splitlines()[0]
        return f"{path}:{m.group(2)}:{m.group(3)}: {first}"
    return text


def _open_bindings(spec: WorkerSpec) -> dict[str, Any]:
    """The Python objects behind env.<NAME>, by binding name."""
    bindings: dict[str, Any] = {}
    if spec.kv_namespaces:
        from isolet.bindings.kv import open_namespace
        from isolet.util.clock import clock_from_env

        clock = clock_from_env()
        for binding, namespace_id in spec.kv_namespaces:
            bindings[binding] = open_namespace(spec.persist_to, namespace_id, clock)
    return bindings


def _ignore_result(task: asyncio.Task[Any]) -> None:
    """Retrieve a finished task's outcome, which nobody waits for (a stopped isolate fails it)."""
    if not task.cancelled():
        task.exception()


def _claim_isolate(
    loop: asyncio.AbstractEventLoop,
    config: HostConfig,
    log: LogSink,
    heap_limit: int,
    ops: Mapping[str, Callable[..., Any]] | None,
) -> Isolate:
    """A booted isolate for this Worker: a blank one from the loop's pool if there is one, else new."""
    pool = pool_for(loop) if ops is None else None
    isolate = pool.take(heap_limit) if pool is not None else None
    if isolate is None:
        return Isolate(IsolateHost(config, loop, log), heap_limit=heap_limit, ops=ops)
    isolate.host.adopt(config, log)
    isolate.boot()
    return isolate


class WorkerInstance:
    def __init__(self, spec: WorkerSpec, log: LogSink, *, ops: Mapping[str, Callable[..., Any]] | None = None) -> None:
        self.spec = spec
        self._ops = ops
        self._log = log
        self.host: IsolateHost | None = None
        self.isolate: Isolate | None = None
        self.graph = ModuleGraph(spec.main.parent, frozenset(spec.compat_flags), rules=spec.rules)
        self._loop_task: asyncio.Task[Any] | None = None
        self.dead = False
        self.death: LimitExceeded | None = None
        self._kill_reason: str | None = None
        self._resume_fn: Any = None
        self._release_fn: Any = None
        self.releases = 0  # idle collections made (tests, bench)

    @property
    def files(self) -> dict[Path, float]:
        return self.graph.files

    async def start(self) -> None:
        spec = self.spec
        try:
            source = spec.main.read_text(encoding="utf-8")
        except OSError as e:
            raise WorkerLoadError(f"{spec.main}: cannot read the Worker's main module: {e.strerror}") from e
        fmt = detect_format(source)
        info = {
            "format": fmt,
            "workerName": spec.name,
            "compatDate": spec.compat_date,
            "compatFlags": list(spec.compat_flags),
            "env": {"vars": spec.vars, "secrets": spec.secrets, "kv": [b for b, _ in spec.kv_namespaces]},
            "cf": spec.cf,
            "subrequests": spec.subrequests,
        }
        loop = asyncio.get_running_loop()
        isolate = _claim_isolate(loop, HostConfig(spec.name, info), self._log, spec.heap_limit, self._ops)
        host = isolate.host
        host.bindings.update(_open_bindings(spec))
        host.parse_url = request_url_record
        dispatch_now = isolate.take_global("__isolet_dispatch")  # before any Worker code runs
        if SYNC_DISPATCH and callable(dispatch_now):
            host.dispatch_now = dispatch_now
        self._resume_fn = isolate.take_global("__isolet_resume")
        self._release_fn = isolate.take_global("__isolet_release")
        self.host, self.isolate = host, isolate
        main_url = spec.main.resolve().as_uri()
        entry_source = (
            self.graph.entry_imports() + f"import * as worker from {main_url!r};\n"
            "const start = globalThis.__isolet_start;\n"
            "globalThis.__isolet_run = () => start(worker);\n"
        )

        def resolve(specifier: str, referrer: str) -> str:
            if specifier == ENTRY:
                return ENTRY
            return self.graph.resolve(specifier, referrer)

        def load(url: str) -> str:
            return entry_source if url == ENTRY else self.graph.load(url)

        isolate.runtime.set_module_resolver(resolve)
        isolate.runtime.set_module_loader(load)
        try:
            await isolate.runtime.eval_module_async(ENTRY, timeout=LOAD_TIMEOUT_S)
        except (JavaScriptError, RuntimeError, ModuleNotFound) as e:
            self._release_handles()
            isolate.close()
            self.dead = True
            raise WorkerLoadError(describe_load_error(e)) from e
        # Started through eval_async rather than a JsFunction handle: handles
        # are numbered per runtime and a dying runtime's teardown can drop a
        # fresh runtime's handle of the same number.
        run = "(() => { const r = globalThis.__isolet_run; delete globalThis.__isolet_run; return r(); })()"
        self._loop_task = loop.create_task(isolate.runtime.eval_async(run))
        self._loop_task.add_done_callback(self._on_loop_end)
        if callable(self._resume_fn):
            host.resume = self._resume
        WATCHDOG.watch(id(self), Watched(host, spec.cpu_ms * 1_000_000, self._kill))

    def _resume(self) -> None:
        """Start the JS loop again after it ended idle (host.push_event, asyncio thread)."""
        assert self._resume_fn is not None
        self._loop_task = asyncio.get_running_loop().create_task(self._resume_fn.call_async())
        self._loop_task.add_done_callback(self._on_loop_end)

    def _release_memory(self) -> None:
        """A full, compacting GC of the idle isolate, so its free heap pages go back to the system.

        Started once the JS loop has ended idle, so nothing else runs in the
        isolate then; a request arriving meanwhile is queued behind it by
        pydeno. It is an async call because V8 hands the freed pages back in
        a task of its own that runs only while the runtime's event loop is
        polled: made by a synchronous call, the collection left the V8
        physical heap at 2.8 MiB and RSS unchanged (bench/inproc.py density,
        100 isolates: 5.07 MiB per isolate, against 4.50 with the async call).
        """
        assert self._release_fn is not None
        task = asyncio.get_running_loop().create_task(self._release_fn.call_async())
        task.add_done_callback(_ignore_result)
        self.releases += 1

    def _kill(self, reason: str) -> None:
        """Called by the watchdog thread."""
        self._kill_reason = reason
        if self.isolate is not None:
            self.isolate.terminate()

    def _on_loop_end(self, task: asyncio.Task[Any]) -> None:
        host = self.host
        if (
            host is not None
            and not host.closed
            and not task.cancelled()
            and task.exception() is None
            and task.result() == "idle"
        ):
            host.loop_running = False  # idle: nothing runs until the next event
            if host.has_events():
                host.loop_running = True
                self._resume()
            elif callable(self._release_fn):
                self._release_memory()
            return
        WATCHDOG.unwatch(id(self))
        self.dead = True
        assert self.host is not None
        if task.cancelled():
            self.host.fail_all(RuntimeError("the isolate was stopped"))
            return
        exc = task.exception()
        if exc is None:
            self.host.fail_all(RuntimeError("the isolate was stopped"))
            return
        if isinstance(exc, RuntimeTerminated):
            kind = "memory" if "heap" in str(exc).lower() else (self._kill_reason or "cpu")
            self.death = LimitExceeded(kind)
            self.host.log("error", f"{self.death} The isolate was stopped and will be replaced.")
            self.host.fail_all(self.death)
        else:
            self.host.log("error", f"internal error: the dispatch loop ended: {exc!r}")
            self.host.fail_all(exc)
        self.host.run_close_hooks()
        self._release_handles()
        if self.isolate is not None:
            self.isolate.close()

    def _release_handles(self) -> None:
        """Drop the JsFunction handles now, on this (the runtime's) thread, before the runtime closes."""
        self._resume_fn = None
        self._release_fn = None
        if self.host is not None:
            self.host.dispatch_now = None
            self.host.resume = None

    def fetch(self, request: IncomingRequest) -> RequestContext:
        assert self.host is not None
        return self.host.start_request(request)

    async def stop(self, grace: float = 30.0) -> None:
        """Let requests in flight finish (up to ``grace`` seconds), then close the isolate."""
        host = self.host
        if host is None:
            return
        deadline = asyncio.get_running_loop().time() + grace
        while host.requests and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        WATCHDOG.unwatch(id(self))
        host.stop()
        if self._loop_task is not None:
            # The loop returns once it sees the stop; if it is wedged, closing
            # the runtime below ends it anyway.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(self._loop_task), 1.0)
        host.run_close_hooks()
        self._release_handles()
        if self.isolate is not None:
            self.isolate.close()
        self.dead = True
