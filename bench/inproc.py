"""isolet's in-process start-up and density figures, for bench/run.py (or by hand).

    .venv/bin/python bench/inproc.py cold --samples 20 [--pool] [--worker bench/workloads/hello]
    .venv/bin/python bench/inproc.py density --n 100 [--worker bench/workloads/hello]

cold: time from "a request for a Worker that is not loaded" to its response, in
process, with no HTTP: ``WorkerInstance.start()`` (isolate from the snapshot,
boot, module evaluation, dispatch loop) plus the first request. With ``--pool``
a blank isolate is waiting (engine/pool.py, filled before each sample, outside
the timing), so the sample is boot + modules + first request. Prints JSON.

Both run on one CPU, as each `isolet dev` process does (cli/dev.py;
``--no-pin-cpu`` turns that off).

density: loads the same Worker N times (N isolates, each answers one request,
then sits idle) and reports (RSS after - RSS before) / N. Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from isolet.engine import pool as isolate_pool  # noqa: E402
from isolet.engine.worker import WorkerInstance, WorkerSpec  # noqa: E402
from isolet.observability.logs import LogRecord  # noqa: E402
from isolet.runtime.context import IncomingRequest  # noqa: E402
from isolet.runtime.host import IDLE_SLEEP_S  # noqa: E402


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _spec(worker_dir: Path) -> WorkerSpec:
    return WorkerSpec(name=worker_dir.name, main=(worker_dir / "worker.js").resolve(), compat_date="2025-01-01")


def _request() -> IncomingRequest:
    return IncomingRequest("GET", "http://localhost/", [("accept", "*/*")], None, None, {})


def _log(record: LogRecord) -> None:
    if record.level == "error":
        print(f"worker error: {record.message}", file=sys.stderr)


async def _first_response(spec: WorkerSpec) -> tuple[WorkerInstance, float, float]:
    t0 = time.perf_counter()
    worker = WorkerInstance(spec, _log)
    await worker.start()
    t1 = time.perf_counter()
    ctx = worker.fetch(_request())
    response = await ctx.response
    t2 = time.perf_counter()
    if response.status != 200:
        raise RuntimeError(f"status {response.status}")
    return worker, (t1 - t0) * 1e3, (t2 - t0) * 1e3


async def cold(worker_dir: Path, samples: int, use_pool: bool) -> dict[str, Any]:
    spec = _spec(worker_dir)
    loop = asyncio.get_running_loop()
    pool = isolate_pool.enable(loop, 1, fill=True) if use_pool else None
    for _ in range(3):  # the process's first isolates pay one-time costs (imports, snapshot read)
        w, _, _ = await _first_response(spec)
        await w.stop(0)
    starts, firsts = [], []
    for _ in range(samples):
        if pool is not None:
            await pool.fill()  # created and warmed, outside the timing
        gc.collect()
        w, started, first = await _first_response(spec)
        starts.append(started)
        firsts.append(first)
        await w.stop(0)
    if pool is not None:
        isolate_pool.disable(loop)
    return {
        "pool": use_pool,
        "samples": samples,
        "first_response_ms": firsts,
        "p50_ms": statistics.median(firsts),
        "start_p50_ms": statistics.median(starts),
    }


async def density(worker_dir: Path, n: int) -> dict[str, Any]:
    spec = _spec(worker_dir)
    w, _, _ = await _first_response(spec)  # imports, snapshot, first-isolate costs: not counted
    await w.stop(0)
    gc.collect()
    await asyncio.sleep(0.2)
    before = rss_mib()
    workers = []
    t0 = time.perf_counter()
    for _ in range(n):
        w, _, _ = await _first_response(spec)
        workers.append(w)
    load_s = time.perf_counter() - t0
    gc.collect()
    # Idle: each isolate's dispatch loop ends after IDLE_SLEEP_S without events,
    # and a full collection gives its free heap pages back then.
    await asyncio.sleep(IDLE_SLEEP_S + 0.5)
    after = rss_mib()
    heap = [w.isolate.runtime.get_stats() for w in workers[:20] if w.isolate is not None]
    for w in workers:
        await w.stop(0)
    return {
        "n": n,
        "rss_before_mib": before,
        "rss_after_mib": after,
        "per_isolate_mib": (after - before) / n,
        "load_s": load_s,
        "v8_heap_total_mib": statistics.median(s.heap_total_bytes for s in heap) / 2**20 if heap else None,
        "v8_heap_used_mib": statistics.median(s.heap_used_bytes for s in heap) / 2**20 if heap else None,
        "v8_physical_mib": statistics.median(s.physical_total_bytes for s in heap) / 2**20 if heap else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("cold", "density"))
    ap.add_argument("--worker", type=Path, default=ROOT / "bench/workloads/hello")
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--pool", action="store_true")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--no-pin-cpu", action="store_true", help="run on every CPU (default: one, as `isolet dev` does)")
    args = ap.parse_args()
    if not args.no_pin_cpu and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.mode == "cold":
        out = asyncio.run(cold(args.worker, args.samples, args.pool))
    else:
        out = asyncio.run(density(args.worker, args.n))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
