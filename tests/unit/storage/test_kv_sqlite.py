"""SqliteKVStore on a real SQLite file in tmp_path, with a fake clock."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from isolet.storage.kv_sqlite import INLINE_MAX_BYTES, SqliteKVStore, _prefix_upper
from isolet.storage.sqlite import connect
from isolet.util.clock import FakeClock, FileClock, SystemClock, clock_from_env

run = asyncio.run


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1_000_000)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[SqliteKVStore]:
    s = SqliteKVStore(tmp_path / "ns", clock)
    yield s
    s.close()


def blobs(store: SqliteKVStore) -> list[str]:
    return sorted(p.name for p in store.blob_dir.iterdir())


def test_connection_uses_wal_full_sync_and_busy_timeout(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    finally:
        conn.close()


def test_small_values_are_inline_and_large_ones_are_blob_files(store: SqliteKVStore) -> None:
    async def go() -> tuple[bytes, bytes]:
        await store.put("small", b"x" * INLINE_MAX_BYTES, None, None)
        await store.put("large", b"y" * (INLINE_MAX_BYTES + 1), None, '{"m":1}')
        small = await store.get("small")
        large = await store.get("large")
        assert small is not None and large is not None
        assert large.metadata == '{"m":1}'
        return await small.value.read_all(), await large.value.read_all()

    small, large = run(go())
    assert small == b"x" * INLINE_MAX_BYTES
    assert large == b"y" * (INLINE_MAX_BYTES + 1)
    assert len(blobs(store)) == 1


def test_replacing_or_deleting_a_blob_value_removes_its_file(store: SqliteKVStore) -> None:
    big = b"z" * (INLINE_MAX_BYTES * 2)

    async def go() -> None:
        await store.put("k", big, None, None)
        first = blobs(store)
        await store.put("k", big, None, None)
        assert blobs(store) != first and len(blobs(store)) == 1
        await store.put("k", b"small now", None, None)
        assert blobs(store) == []
        await store.put("k", big, None, None)
        await store.delete("k")
        assert blobs(store) == []

    run(go())


def test_a_reader_keeps_its_value_when_the_key_is_replaced(store: SqliteKVStore) -> None:
    async def go() -> bytes:
        await store.put("k", b"a" * (INLINE_MAX_BYTES * 2), None, None)
        entry = await store.get("k")
        assert entry is not None
        await store.put("k", b"b" * (INLINE_MAX_BYTES * 2), None, None)
        return await entry.value.read_all()

    assert run(go()) == b"a" * (INLINE_MAX_BYTES * 2)


def test_streamed_writer_is_invisible_until_commit_and_abort_leaves_nothing(store: SqliteKVStore) -> None:
    async def go() -> None:
        w = store.open_writer()
        for _ in range(10):
            await w.write(b"c" * 20_000)
        assert await store.get("s") is None
        await w.commit("s", None, None)
        entry = await store.get("s")
        assert entry is not None and entry.value.size == 200_000
        chunks = [c async for c in entry.value.chunks(65536)]
        assert [len(c) for c in chunks] == [65536, 65536, 65536, 3392]
        aborted = store.open_writer()
        await aborted.write(b"nope")
        aborted.abort()
        small = store.open_writer()
        await small.write(b"tiny")
        await small.commit("tiny", None, None)
        tiny = await store.get("tiny")
        assert tiny is not None and await tiny.value.read_all() == b"tiny"

    run(go())
    assert len(blobs(store)) == 1  # no temporary files left behind


def test_list_orders_by_utf8_bytes_and_pages_after_a_key(store: SqliteKVStore) -> None:
    names = ["b", "a", "\U00010000", "\uffff", "ab", "a\x7f"]

    async def go() -> None:
        for n in names:
            await store.put(n, b"", None, None)
        page = await store.list(prefix="", limit=3, start_after="")
        assert [k.name for k in page.keys] == ["a", "ab", "a\x7f"]
        assert page.last_key == "a\x7f"
        rest = await store.list(prefix="", limit=10, start_after="a\x7f")
        assert [k.name for k in rest.keys] == ["b", "\uffff", "\U00010000"]
        assert rest.last_key is None
        pre = await store.list(prefix="a", limit=10, start_after="")
        assert [k.name for k in pre.keys] == ["a", "ab", "a\x7f"]

    run(go())


def test_prefix_upper_bound_covers_every_key_with_the_prefix() -> None:
    assert _prefix_upper("ab") == "ac"
    assert _prefix_upper("a\ud7ff") == "a\ue000"
    assert _prefix_upper("a\U0010ffff") == "b"
    assert _prefix_upper("") is None


def test_expired_entries_are_hidden_then_purged(store: SqliteKVStore, clock: FakeClock, tmp_path: Path) -> None:
    now = int(clock.now())

    async def go() -> None:
        await store.put("short", b"x" * (INLINE_MAX_BYTES + 1), now + 60, None)
        await store.put("long", b"v", now + 120, None)
        await store.put("forever", b"v", None, None)
        clock.advance(60)
        assert await store.get("short") is None
        assert [k.name for k in (await store.list(prefix="", limit=10, start_after="")).keys] == ["forever", "long"]
        clock.advance(60)
        assert await store.purge_expired() == 1

    run(go())
    db = sqlite3.connect(tmp_path / "ns" / "kv.sqlite")
    try:
        assert db.execute("SELECT key FROM entries ORDER BY key").fetchall() == [("forever",)]
    finally:
        db.close()
    assert blobs(store) == []


def test_concurrent_puts_all_commit(store: SqliteKVStore) -> None:
    async def go() -> int:
        await asyncio.gather(*(store.put(f"k{i:04d}", str(i).encode(), None, None) for i in range(500)))
        page = await store.list(prefix="k", limit=1000, start_after="")
        return len(page.keys)

    assert run(go()) == 500


def test_two_stores_on_one_directory_see_each_others_writes(tmp_path: Path) -> None:
    a = SqliteKVStore(tmp_path / "ns")
    b = SqliteKVStore(tmp_path / "ns")

    async def go() -> bytes:
        await a.put("k", b"from a", None, None)
        entry = await b.get("k")
        assert entry is not None
        return await entry.value.read_all()

    try:
        assert run(go()) == b"from a"
    finally:
        a.close()
        b.close()


def test_file_clock_reads_the_time_file_and_falls_back_to_real_time(tmp_path: Path) -> None:
    path = tmp_path / "now"
    path.write_text("12345.5\n")
    assert FileClock(path).now() == 12345.5
    assert isinstance(clock_from_env({"ISOLET_FAKE_TIME_FILE": str(path)}), FileClock)
    assert isinstance(clock_from_env({}), SystemClock)
    assert FileClock(tmp_path / "missing").now() > 1_600_000_000
