"""Build the runtime-API startup snapshot from ``runtime/js/*.js``.

Every isolate starts from this snapshot, so the Workers API is parsed and
initialised once per process instead of once per isolate (measured: 7.2 ms
for a new isolate from a snapshot vs 10.4 ms bare, before any API code).
The snapshot is keyed by the hash of the JS sources and the pydeno version,
cached in memory and on disk (``$XDG_CACHE_HOME/isolet``, default
``~/.cache/isolet``; ``ISOLET_SNAPSHOT_CACHE=0`` turns the disk cache off):
building it costs ~0.25 s (stripping included), reading it back ~1 ms.

The files are executed with their comments and indentation removed
(engine/transpile/strip.py, every line break kept so stack traces keep their
line numbers): V8 keeps each script's source in every isolate's heap, and the
stripped runtime is ~28% smaller. The stripper's own source is part of the
cache key, and it (with tree-sitter) is imported only when a snapshot is built.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from pydeno import SnapshotBuilder

from isolet.engine import flags


@dataclass(frozen=True, slots=True)
class RuntimeSource:
    """The runtime's JS files in load order (name, source)."""

    files: tuple[tuple[str, str], ...]

    @property
    def digest(self) -> str:
        h = hashlib.sha256(version("pydeno").encode())
        h.update(_STRIPPER.read_bytes())
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


# Read, not imported: importing it loads tree-sitter, needed only to build.
_STRIPPER = Path(__file__).parent / "transpile" / "strip.py"

_lock = threading.Lock()
_cache: dict[str, bytes] = {}
# The installed runtime's snapshot, once known: the runtime JS does not change
# while a process runs, and reading + hashing the ~30 files and pydeno's
# metadata cost ~2 ms of every new isolate (measured, bench/inproc.py).
_default: bytes | None = None


def build_snapshot(source: RuntimeSource | None = None) -> bytes:
    """The snapshot bytes for ``source`` (default: the installed runtime JS)."""
    global _default
    if source is None:
        if _default is None:
            _default = _build(runtime_source())
        return _default
    return _build(source)


def _build(src: RuntimeSource) -> bytes:
    key = src.digest
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        cache_file = _cache_dir() / f"snapshot-{key}.bin" if _disk_cache_enabled() else None
        snap = _read(cache_file)
        if snap is None:
            from isolet.engine.transpile.strip import strip_js

            flags.apply()  # the builder starts V8: its flags must be set first
            builder = SnapshotBuilder()
            for name, text in src.files:
                builder.execute_script(f"isolet-internal:{name}", strip_js(text))
            snap = builder.build()
            _write(cache_file, snap)
        _cache[key] = snap
        return snap


def _disk_cache_enabled() -> bool:
    return os.environ.get("ISOLET_SNAPSHOT_CACHE", "1") != "0"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "isolet"


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path | None, data: bytes) -> None:
    """Write atomically (temp file + rename), so a concurrent reader never sees half a file."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".snapshot-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # the cache is an optimisation; the in-memory copy still serves
