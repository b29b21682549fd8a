"""The embedded KV engine: one SQLite database (WAL) plus blob files per namespace.

Layout, under ``<persist-to>/v3/kv/<namespace id>/`` (miniflare keeps one
directory per plugin under ``v3/`` too)::

    kv.sqlite           entries: key, inline value or blob id, size, expiration, metadata
    blobs/<blob id>     values larger than INLINE_MAX_BYTES, written tmp -> fsync -> rename

Small values live inline in SQLite: one row read, no file open. Large values
are files, so a 20 MiB value streams in and out in chunks and never sits in
one SQLite page chain. INLINE_MAX_BYTES comes from bench/workloads/kv (see
its README): below ~64 KiB an inline row is faster to read and write than a
file (the open + fsync + rename of a file costs more than copying the bytes).

Writes go through one writer thread per store that commits every queued
write in one transaction (group commit: one fsync for many puts); each write
runs in its own savepoint, so one failure does not fail the others. Reads run
on the caller's thread with their own connection. Replaced or deleted blob
files are removed after the commit that dropped their row; a reader that
already opened the file keeps reading it (POSIX unlink semantics).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import secrets
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isolet.storage.protocols import KVEntry, KVKey, KVListPage
from isolet.storage.sqlite import connect, fsync_dir
from isolet.util.clock import Clock, SystemClock

INLINE_MAX_BYTES = 64 * 1024
DB_NAME = "kv.sqlite"
BLOB_DIR = "blobs"
# Most writes queued together that one transaction commits.
GROUP_COMMIT_MAX = 256

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
  key TEXT PRIMARY KEY,
  value BLOB,
  blob_id TEXT,
  size INTEGER NOT NULL,
  expiration INTEGER,
  metadata TEXT
);
CREATE INDEX IF NOT EXISTS entries_expiration ON entries(expiration) WHERE expiration IS NOT NULL;
"""

_GET = "SELECT value, blob_id, size, expiration, metadata FROM entries WHERE key = ?"
_OLD_BLOB = "SELECT blob_id FROM entries WHERE key = ?"
_PUT = "INSERT OR REPLACE INTO entries (key, value, blob_id, size, expiration, metadata) VALUES (?, ?, ?, ?, ?, ?)"
_DELETE = "DELETE FROM entries WHERE key = ? RETURNING blob_id"
_DELETE_IF_EXPIRED = "DELETE FROM entries WHERE key = ? AND expiration <= ? RETURNING blob_id"
_PURGE = "DELETE FROM entries WHERE expiration <= ? RETURNING blob_id"
_LIST = (
    "SELECT key, expiration, metadata FROM entries"
    " WHERE key > :after AND key >= :prefix AND (:upper IS NULL OR key < :upper)"
    " AND substr(key, 1, length(:prefix)) = :prefix"
    " AND (expiration IS NULL OR expiration > :now)"
    " ORDER BY key LIMIT :limit"
)


class InlineValue:
    __slots__ = ("_data",)

    def __init__(self, data: bytes) -> None:
        self._data = data

    @property
    def size(self) -> int:
        return len(self._data)

    async def read_all(self) -> bytes:
        return self._data

    async def chunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        for i in range(0, len(self._data), chunk_size):
            yield self._data[i : i + chunk_size]

    def close(self) -> None:
        pass


class BlobValue:
    """A value file, opened when the entry was read (so a later replace cannot pull it away)."""

    __slots__ = ("_fd", "_size", "_offset")

    def __init__(self, fd: int, size: int) -> None:
        self._fd: int | None = fd
        self._size = size
        self._offset = 0

    @property
    def size(self) -> int:
        return self._size

    def read_chunk(self, chunk_size: int) -> bytes:
        if self._fd is None:
            return b""
        data = os.pread(self._fd, chunk_size, self._offset)
        self._offset += len(data)
        if not data:
            self.close()
        return data

    async def read_all(self) -> bytes:
        fd = self._fd
        if fd is None:
            return b""
        try:
            parts: list[bytes] = []
            offset = 0
            while True:
                data = os.pread(fd, max(self._size - offset, 1 << 16), offset)
                if not data:
                    break
                parts.append(data)
                offset += len(data)
            return b"".join(parts)
        finally:
            self.close()

    async def chunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        try:
            while True:
                data = self.read_chunk(chunk_size)
                if not data:
                    return
                yield data
        finally:
            self.close()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:
        self.close()


# A write job runs in the writer thread inside a savepoint and returns
# (result, blob ids that no row refers to any more).
WriteJob = Callable[[sqlite3.Connection], tuple[Any, list[str]]]


@dataclass(slots=True)
class _Pending:
    job: WriteJob
    loop: asyncio.AbstractEventLoop | None
    future: asyncio.Future[Any] | None


class _Writer(threading.Thread):
    """Serialises writes onto one connection and commits them in groups."""

    def __init__(self, db_path: Path, blob_dir: Path) -> None:
        super().__init__(name=f"kv-writer:{db_path.parent.name}", daemon=True)
        self._db_path = db_path
        self._blob_dir = blob_dir
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            conn = connect(self._db_path, check_same_thread=True)
        except BaseException as e:  # reported to submitters
            self._error = e
            self._ready.set()
            return
        self._ready.set()
        try:
            while True:
                first = self._queue.get()
                if first is None:
                    return
                batch = [first]
                stop = False
                while len(batch) < GROUP_COMMIT_MAX:
                    try:
                        nxt = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if nxt is None:
                        stop = True
                        break
                    batch.append(nxt)
                self._commit(conn, batch)
                if stop:
                    return
        finally:
            conn.close()

    def _commit(self, conn: sqlite3.Connection, batch: list[_Pending]) -> None:
        results: list[tuple[bool, Any]] = []
        garbage: list[str] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            for item in batch:
                conn.execute("SAVEPOINT job")
                try:
                    result, dropped = item.job(conn)
                except Exception as e:
                    conn.execute("ROLLBACK TO job")
                    conn.execute("RELEASE job")
                    results.append((False, e))
                    continue
                conn.execute("RELEASE job")
                garbage.extend(dropped)
                results.append((True, result))
            conn.execute("COMMIT")
        except Exception as e:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            results = [(False, e)] * len(batch)
            garbage = []
        # Files of dropped rows go before the writes are acknowledged, so a
        # caller that saw its put resolve sees the old file gone too.
        for blob_id in garbage:
            with contextlib.suppress(OSError):
                (self._blob_dir / blob_id).unlink()
        for item, (ok, value) in zip(batch, results, strict=True):
            if item.future is None or item.loop is None:
                continue
            item.loop.call_soon_threadsafe(_settle, item.future, ok, value)

    def submit(self, job: WriteJob, *, wait: bool = True) -> asyncio.Future[Any] | None:
        self._ready.wait()
        if self._error is not None:
            raise self._error
        if not wait:
            self._queue.put(_Pending(job, None, None))
            return None
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[Any] = loop.create_future()
        self._queue.put(_Pending(job, loop, fut))
        return fut

    def stop(self) -> None:
        self._queue.put(None)
        self.join(10)


def _settle(fut: asyncio.Future[Any], ok: bool, value: Any) -> None:
    if fut.done():
        return
    if ok:
        fut.set_result(value)
    else:
        fut.set_exception(value)


def _write_blob_file(blob_dir: Path, blob_id: str, data: bytes) -> None:
    tmp = blob_dir / f".tmp-{blob_id}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.rename(tmp, blob_dir / blob_id)
    fsync_dir(blob_dir)


def _prefix_upper(prefix: str) -> str | None:
    """The smallest string greater than every string starting with ``prefix`` (None: no bound)."""
    while prefix:
        last = ord(prefix[-1])
        if last < 0x10FFFF:
            nxt = last + 1
            if 0xD800 <= nxt <= 0xDFFF:
                nxt = 0xE000
            return prefix[:-1] + chr(nxt)
        prefix = prefix[:-1]
    return None


class SqliteKVWriter:
    """A value streamed into a temporary blob file; visible once ``commit`` returns."""

    def __init__(self, store: SqliteKVStore) -> None:
        self._store = store
        self._blob_id = secrets.token_hex(16)
        self._tmp = store.blob_dir / f".tmp-{self._blob_id}"
        self._fd: int | None = os.open(self._tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        self._size = 0

    @property
    def size(self) -> int:
        return self._size

    async def write(self, chunk: bytes) -> None:
        if self._fd is None:
            raise RuntimeError("write after commit or abort")
        view = memoryview(chunk)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]
        self._size += len(chunk)

    async def commit(self, key: str, expiration: int | None, metadata: str | None) -> None:
        fd = self._fd
        if fd is None:
            raise RuntimeError("commit after commit or abort")
        self._fd = None
        store = self._store
        if self._size <= INLINE_MAX_BYTES:
            data = os.pread(fd, self._size, 0) if self._size else b""
            os.close(fd)
            os.unlink(self._tmp)
            await store.put(key, data, expiration, metadata)
            return
        blob_id, tmp, blob_dir = self._blob_id, self._tmp, store.blob_dir

        def finish() -> None:
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.rename(tmp, blob_dir / blob_id)
            fsync_dir(blob_dir)

        try:
            await asyncio.to_thread(finish)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        await store._put_row(key, None, blob_id, self._size, expiration, metadata)

    def abort(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)


class SqliteKVStore:
    """``KVStore`` on SQLite + blob files; safe to share between processes."""

    def __init__(self, root: Path, clock: Clock | None = None) -> None:
        self.root = root
        self.clock: Clock = clock or SystemClock()
        self.blob_dir = root / BLOB_DIR
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        db_path = root / DB_NAME
        self._reader = connect(db_path, check_same_thread=False)
        self._reader.executescript(_SCHEMA)
        self._writer = _Writer(db_path, self.blob_dir)
        self._writer.start()
        self._closed = False

    def _now(self) -> int:
        return int(self.clock.now())

    # -- reads ------------------------------------------------------------------
    async def get(self, key: str, *, cache_ttl: int | None = None) -> KVEntry | None:
        for _ in range(3):
            row = self._reader.execute(_GET, (key,)).fetchone()
            if row is None:
                return None
            value, blob_id, size, expiration, metadata = row
            if expiration is not None and expiration <= self._now():
                self._writer.submit(_delete_if_expired(key, self._now()), wait=False)
                return None
            if blob_id is None:
                return KVEntry(key, InlineValue(bytes(value)), expiration, metadata)
            try:
                fd = os.open(self.blob_dir / blob_id, os.O_RDONLY)
            except FileNotFoundError:
                continue  # replaced between the SELECT and the open: read the new row
            return KVEntry(key, BlobValue(fd, size), expiration, metadata)
        return None

    async def list(self, *, prefix: str, limit: int, start_after: str) -> KVListPage:
        now = self._now()
        rows = self._reader.execute(
            _LIST,
            {"after": start_after, "prefix": prefix, "upper": _prefix_upper(prefix), "now": now, "limit": limit + 1},
        ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        keys = [KVKey(name, expiration, metadata) for name, expiration, metadata in rows]
        self._writer.submit(_purge(now), wait=False)
        return KVListPage(keys, keys[-1].name if more and keys else None)

    # -- writes -----------------------------------------------------------------
    async def put(self, key: str, value: bytes, expiration: int | None, metadata: str | None) -> None:
        if len(value) <= INLINE_MAX_BYTES:
            await self._put_row(key, bytes(value), None, len(value), expiration, metadata)
            return
        blob_id = secrets.token_hex(16)
        await asyncio.to_thread(_write_blob_file, self.blob_dir, blob_id, value)
        await self._put_row(key, None, blob_id, len(value), expiration, metadata)

    async def _put_row(
        self,
        key: str,
        value: bytes | None,
        blob_id: str | None,
        size: int,
        expiration: int | None,
        metadata: str | None,
    ) -> None:
        def job(conn: sqlite3.Connection) -> tuple[None, list[str]]:
            old = conn.execute(_OLD_BLOB, (key,)).fetchone()
            conn.execute(_PUT, (key, value, blob_id, size, expiration, metadata))
            return None, [old[0]] if old is not None and old[0] is not None else []

        fut = self._writer.submit(job)
        assert fut is not None
        try:
            await fut
        except BaseException:
            if blob_id is not None:
                with contextlib.suppress(OSError):
                    (self.blob_dir / blob_id).unlink()
            raise

    def open_writer(self) -> SqliteKVWriter:
        return SqliteKVWriter(self)

    async def delete(self, key: str) -> None:
        def job(conn: sqlite3.Connection) -> tuple[None, list[str]]:
            return None, [r[0] for r in conn.execute(_DELETE, (key,)) if r[0] is not None]

        fut = self._writer.submit(job)
        assert fut is not None
        await fut

    async def purge_expired(self) -> int:
        fut = self._writer.submit(_purge(self._now()))
        assert fut is not None
        result: int = await fut
        return result

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._writer.stop()
        self._reader.close()


def _delete_if_expired(key: str, now: int) -> WriteJob:
    def job(conn: sqlite3.Connection) -> tuple[None, list[str]]:
        return None, [r[0] for r in conn.execute(_DELETE_IF_EXPIRED, (key, now)) if r[0] is not None]

    return job


def _purge(now: int) -> WriteJob:
    def job(conn: sqlite3.Connection) -> tuple[int, list[str]]:
        rows = conn.execute(_PURGE, (now,)).fetchall()
        return len(rows), [r[0] for r in rows if r[0] is not None]

    return job
