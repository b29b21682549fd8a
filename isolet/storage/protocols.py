"""What a storage engine must do for each binding kind (embedded or remote).

The bindings speak only these protocols, so a remote engine can replace the
embedded SQLite one without touching the bindings or the runtime.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol


class KVValue(Protocol):
    """A stored value: read whole, or in chunks (for ``get(key, "stream")``)."""

    @property
    def size(self) -> int: ...

    async def read_all(self) -> bytes: ...

    def chunks(self, chunk_size: int) -> AsyncIterator[bytes]: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class KVEntry:
    key: str
    value: KVValue
    expiration: int | None  # seconds since the epoch
    metadata: str | None  # JSON text, as the Worker's JSON.stringify produced it


@dataclass(frozen=True, slots=True)
class KVKey:
    name: str
    expiration: int | None
    metadata: str | None


@dataclass(frozen=True, slots=True)
class KVListPage:
    keys: list[KVKey]
    # The last key of this page when more keys follow, else None.
    last_key: str | None


class KVValueWriter(Protocol):
    """A value being streamed into storage; nothing is visible until ``commit``."""

    @property
    def size(self) -> int: ...

    async def write(self, chunk: bytes) -> None: ...

    async def commit(self, key: str, expiration: int | None, metadata: str | None) -> None: ...

    def abort(self) -> None: ...


class KVStore(Protocol):
    """One KV namespace's storage.

    Reads are strongly consistent here. ``cache_ttl`` is the Worker's
    ``cacheTtl``: an engine with several nodes may answer from a cached copy
    up to that many seconds old; the embedded engine ignores it.
    """

    async def get(self, key: str, *, cache_ttl: int | None = None) -> KVEntry | None: ...

    async def put(self, key: str, value: bytes, expiration: int | None, metadata: str | None) -> None: ...

    def open_writer(self) -> KVValueWriter: ...

    async def delete(self, key: str) -> None: ...

    async def list(self, *, prefix: str, limit: int, start_after: str) -> KVListPage: ...

    async def purge_expired(self) -> int: ...

    def close(self) -> None: ...
