"""The blank-isolate pool (engine/pool.py), and the idle stop and idle collection of a Worker's dispatch loop."""

from __future__ import annotations

import asyncio
from pathlib import Path

from isolet.engine import pool as pools
from isolet.engine.worker import WorkerInstance, WorkerSpec
from isolet.observability.logs import LogRecord
from isolet.runtime.context import IncomingRequest

EXAMPLES = Path(__file__).parents[3] / "examples"
HELLO = WorkerSpec(name="hello", main=EXAMPLES / "hello" / "src" / "index.js", vars={"GREETING": "Hello"})


async def _answer(worker: WorkerInstance) -> tuple[int, bytes]:
    ctx = worker.fetch(IncomingRequest("GET", "http://x/", [], None, None, {}))
    response = await asyncio.wait_for(ctx.response, 10)
    await ctx.done
    return response.status, response.body or b""


def test_a_worker_takes_a_blank_isolate_from_its_loops_pool_and_answers() -> None:
    async def main() -> tuple[int, int, tuple[int, bytes]]:
        loop = asyncio.get_running_loop()
        pool = pools.enable(loop, 1, fill=True)
        try:
            waiting = len(pool)
            logs: list[LogRecord] = []
            worker = WorkerInstance(HELLO, logs.append)
            await worker.start()
            answer = await _answer(worker)
            await worker.stop(grace=1)
            assert not logs, logs
            return waiting, pool.hits, answer
        finally:
            pools.disable(loop)

    waiting, hits, answer = asyncio.run(main())
    assert (waiting, hits) == (1, 1)
    assert answer == (200, b"Hello, World!\n")


def test_fill_waits_for_the_async_warm_up_and_a_claim_during_it_still_answers() -> None:
    async def main() -> tuple[int, int, int, tuple[int, bytes]]:
        loop = asyncio.get_running_loop()
        pool = pools.enable(loop, 2)
        try:
            pool.fill_now()
            started = pool.warming  # the round trips run in tasks of the loop
            worker = WorkerInstance(HELLO, lambda record: None)
            await worker.start()  # claims an isolate whose warm-up may still run
            answer = await _answer(worker)
            await worker.stop(grace=1)
            await pool.fill()
            return started, pool.warming, len(pool), answer
        finally:
            pools.disable(loop)

    started, left, waiting, answer = asyncio.run(main())
    assert started == 2 and left == 0 and waiting == 2
    assert answer == (200, b"Hello, World!\n")


def test_a_worker_with_another_heap_limit_makes_its_own_isolate() -> None:
    async def main() -> tuple[int, int, tuple[int, bytes]]:
        loop = asyncio.get_running_loop()
        pool = pools.enable(loop, 1, fill=True)
        try:
            spec = WorkerSpec(name="hello", main=HELLO.main, vars=HELLO.vars, heap_limit=64 * 1024 * 1024)
            worker = WorkerInstance(spec, lambda record: None)
            await worker.start()
            answer = await _answer(worker)
            await worker.stop(grace=1)
            return pool.hits, pool.misses, answer
        finally:
            pools.disable(loop)

    hits, misses, answer = asyncio.run(main())
    assert (hits, misses) == (0, 1)
    assert answer[0] == 200


def test_a_closed_pool_frees_its_isolates_and_hands_out_none() -> None:
    async def main() -> tuple[int, int, bool]:
        loop = asyncio.get_running_loop()
        pool = pools.enable(loop, 2, fill=True)
        filled = len(pool)
        pools.disable(loop)
        return filled, len(pool), pool.take(pool.heap_limit) is None

    assert asyncio.run(main()) == (2, 0, True)


def test_an_idle_isolate_ends_its_loop_and_the_next_request_starts_it_again() -> None:
    async def main() -> tuple[bool, tuple[int, bytes], tuple[int, bytes]]:
        worker = WorkerInstance(HELLO, lambda record: None)
        await worker.start()
        host = worker.host
        assert host is not None
        host.idle_sleep_s = 0.0  # the idle timeout, injected: stop as soon as nothing is in flight
        first = await _answer(worker)
        for _ in range(1_000):
            if not host.loop_running:
                break
            await asyncio.sleep(0.001)
        stopped = not host.loop_running
        second = await _answer(worker)
        await worker.stop(grace=1)
        return stopped, first, second

    stopped, first, second = asyncio.run(main())
    assert stopped
    assert first == second == (200, b"Hello, World!\n")


def test_an_isolate_that_goes_idle_is_collected_once_and_its_heap_shrinks() -> None:
    async def main() -> tuple[int, int, int, tuple[int, bytes]]:
        worker = WorkerInstance(HELLO, lambda record: None)
        await worker.start()
        host, isolate = worker.host, worker.isolate
        assert host is not None and isolate is not None
        first = await _answer(worker)
        used_before = isolate.runtime.get_stats().heap_used_bytes
        host.idle_sleep_s = 0.0  # the idle timeout, injected
        await _answer(worker)
        for _ in range(1_000):
            if not host.loop_running and worker.releases:
                break
            await asyncio.sleep(0.001)
        for _ in range(10):  # let the collection's own call finish
            await asyncio.sleep(0.01)
        used_after = isolate.runtime.get_stats().heap_used_bytes
        releases = worker.releases
        await worker.stop(grace=1)
        return releases, used_before, used_after, first

    releases, used_before, used_after, first = asyncio.run(main())
    assert first == (200, b"Hello, World!\n")
    assert releases == 1
    assert used_after < used_before


HOOKS = "[typeof gc, typeof globalThis.__isolet_gc, typeof globalThis.__isolet_warm].join()"


def test_worker_code_sees_no_gc_function_and_no_warm_hook() -> None:
    source = "export default { fetch() { return new Response(" + HOOKS + "); } };\n"

    async def main(tmp: Path) -> tuple[int, bytes]:
        entry = tmp / "worker.js"
        entry.write_text(source)
        worker = WorkerInstance(WorkerSpec(name="gc", main=entry), lambda record: None)
        await worker.start()
        answer = await _answer(worker)
        await worker.stop(grace=1)
        return answer

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        assert asyncio.run(main(Path(tmp))) == (200, b"undefined,undefined,undefined")


def test_a_warmed_pooled_isolate_serves_a_worker_that_sees_no_warm_hook(tmp_path: Path) -> None:
    entry = tmp_path / "worker.js"
    entry.write_text("export default { fetch() { return new Response(" + HOOKS + "); } };\n")

    async def main() -> tuple[int, tuple[int, bytes]]:
        loop = asyncio.get_running_loop()
        pool = pools.enable(loop, 1, fill=True)  # each isolate is warmed before it waits
        try:
            worker = WorkerInstance(WorkerSpec(name="warm", main=entry), lambda record: None)
            await worker.start()
            answer = await _answer(worker)
            await worker.stop(grace=1)
            return pool.hits, answer
        finally:
            pools.disable(loop)

    hits, answer = asyncio.run(main())
    assert hits == 1
    assert answer == (200, b"undefined,undefined,undefined")
