"""Inline (SQLite row) vs blob file for KV values of several sizes: put and get latency, one process.

.venv/bin/python bench/workloads/kv/inline_threshold.py
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import isolet.storage.kv_sqlite as kv_sqlite

CACHE = Path(__file__).resolve().parents[2] / ".cache"
N = 200


async def run(size: int, inline: bool) -> tuple[float, float]:
    kv_sqlite.INLINE_MAX_BYTES = 10**9 if inline else 0
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as d:
        store = kv_sqlite.SqliteKVStore(Path(d))
        data = b"x" * size
        t = time.perf_counter()
        for i in range(N):
            await store.put(f"k{i}", data, None, None)
        put = (time.perf_counter() - t) / N * 1e6
        t = time.perf_counter()
        for _ in range(5):
            for i in range(N):
                entry = await store.get(f"k{i}")
                assert entry is not None
                await entry.value.read_all()
        get = (time.perf_counter() - t) / (5 * N) * 1e6
        store.close()
    return put, get


async def main() -> None:
    for size in (1024, 16384, 65536, 262144, 1048576):
        a = await run(size, True)
        b = await run(size, False)
        print(f"{size:>8} B  inline put {a[0]:7.0f} us get {a[1]:6.0f} us | file put {b[0]:7.0f} us get {b[1]:6.0f} us")


if __name__ == "__main__":
    asyncio.run(main())
