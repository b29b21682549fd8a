"""``isolet dev``: serve one Worker from its config, with live reload.

``DevSession`` owns the current ``WorkerInstance``. A poller watches every
file the Worker loaded plus the config and ``.dev.vars``; on a change it loads
the new version in a fresh isolate and swaps it in only if it loaded, so a
syntax error leaves the last good version serving. The replaced isolate
finishes its in-flight requests before it closes. When a limit stops the
isolate, the next request starts a fresh one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from isolet.config.schema import WorkerConfig
from isolet.engine.worker import WorkerInstance, WorkerLoadError, WorkerSpec
from isolet.errors import ConfigError
from isolet.observability.logs import LogRecord, LogSink
from isolet.server.cf import build_cf

RELOAD_POLL_S = 0.2


def spec_from_config(
    config: WorkerConfig, *, heap_limit: int | None = None, persist_to: Path | None = None
) -> WorkerSpec:
    extra: dict[str, Any] = {} if heap_limit is None else {"heap_limit": heap_limit}
    if persist_to is not None:
        extra["persist_to"] = persist_to
    return WorkerSpec(
        name=config.name,
        main=config.main,
        compat_date=config.compatibility_date,
        compat_flags=tuple(sorted(config.features.enabled_names)),
        vars=dict(config.vars),
        secrets=dict(config.secrets),
        cf=build_cf(config.dev.cf),
        cpu_ms=config.limits.cpu_ms,
        subrequests=config.limits.subrequests,
        kv_namespaces=tuple((kv.binding, kv.id or kv.binding) for kv in config.kv_namespaces),
        rules=config.rules,
        **extra,
    )


class DevSession:
    def __init__(
        self,
        load_config: Callable[[], WorkerConfig],
        log: LogSink,
        *,
        heap_limit: int | None = None,
        persist_to: Path | None = None,
    ) -> None:
        self._load_config = load_config
        self._log = log
        self._heap_limit = heap_limit
        self._persist_to = persist_to
        self.config = load_config()
        self.spec = spec_from_config(self.config, heap_limit=heap_limit, persist_to=persist_to)
        self.current: WorkerInstance | None = None
        self._start_lock = asyncio.Lock()
        self._watch_task: asyncio.Task[None] | None = None
        self._retiring: set[asyncio.Task[None]] = set()

    def _system(self, message: str, level: str = "system") -> None:
        self._log(LogRecord(self.spec.name, level, message))

    async def start(self) -> None:
        self.current = await self._new_instance(self.spec)
        self._watch_task = asyncio.get_running_loop().create_task(self._watch())

    async def _new_instance(self, spec: WorkerSpec) -> WorkerInstance:
        instance = WorkerInstance(spec, self._log)
        await instance.start()
        return instance

    def ready(self) -> WorkerInstance | None:
        """The serving instance when it is alive (the request hot path: no await)."""
        current = self.current
        return current if current is not None and not current.dead else None

    async def instance(self) -> WorkerInstance:
        """The serving instance; a fresh one if a limit stopped the last."""
        current = self.current
        if current is not None and not current.dead:
            return current
        async with self._start_lock:
            if self.current is None or self.current.dead:
                self.current = await self._new_instance(self.spec)
            return self.current

    def _watched_files(self) -> dict[Path, float]:
        files: dict[Path, float] = {}
        if self.current is not None:
            files.update(self.current.files)
        config_path = self.config.config_path
        for path in (config_path, config_path.parent / ".dev.vars"):
            files[path] = _mtime(path)
        return files

    async def _watch(self) -> None:
        seen = self._watched_files()
        while True:
            await asyncio.sleep(RELOAD_POLL_S)
            changed = [p for p, m in seen.items() if _mtime(p) != m]
            if not changed:
                continue
            seen = {p: _mtime(p) for p in seen}
            await self.reload(changed)
            seen = self._watched_files()

    async def reload(self, changed: list[Path]) -> None:
        names = ", ".join(os.path.relpath(p) for p in changed)
        from isolet.engine.transpile.tsconfig import clear_cache  # loads the parser: only when reloading

        clear_cache()  # a tsconfig.json may have appeared nearer a source file
        try:
            config = self._load_config()
            spec = spec_from_config(config, heap_limit=self._heap_limit, persist_to=self._persist_to)
            fresh = await self._new_instance(spec)
        except (ConfigError, WorkerLoadError) as e:
            self._system(f"reload failed ({names} changed); still serving the previous version:\n{e}", "error")
            return
        old = self.current
        self.config, self.spec, self.current = config, spec, fresh
        self._system(f"reloaded ({names} changed)")
        if old is not None:
            task = asyncio.get_running_loop().create_task(old.stop())
            self._retiring.add(task)
            task.add_done_callback(self._retiring.discard)

    async def close(self) -> None:
        if self._watch_task is not None:
            self._watch_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch_task
        if self.current is not None:
            await self.current.stop(grace=1.0)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0
