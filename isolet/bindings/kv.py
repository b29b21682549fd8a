"""``KVNamespace``: the binding behind ``env.<NAME>`` for a ``kv_namespaces`` entry.

It validates requests as the platform does and reports failures with the
platform's words: argument problems workerd catches itself are ``TypeError``s
(``Key name cannot be empty.``); the ones the KV service rejects become
``Error("KV <METHOD> failed: <status> <reason>")``, which is how workerd turns
a failed KV response into an exception (api/kv.c++ ``checkForErrorStatus``),
with the reasons miniflare's KV service gives (``validator.worker.ts``).

The runtime ops (``runtime/ops/kv.py``) and the ``isolet kv`` CLI both use
this class, so a Worker and the CLI see the same rules and the same data.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isolet.bindings.limits import (
    KV_MAX_BULK_BYTES,
    KV_MAX_BULK_GET_KEYS,
    KV_MAX_KEY_BYTES,
    KV_MAX_LIST_KEYS,
    KV_MAX_METADATA_BYTES,
    KV_MAX_VALUE_BYTES,
    KV_MIN_CACHE_TTL_S,
    KV_MIN_EXPIRATION_TTL_S,
)
from isolet.errors import JSError
from isolet.storage.kv_sqlite import SqliteKVStore
from isolet.storage.protocols import KVEntry, KVStore, KVValue, KVValueWriter
from isolet.util.clock import Clock, SystemClock

KV_DIR = Path("v3") / "kv"


class KVError(JSError):
    """A KV request the service refused: ``Error("KV PUT failed: 413 Value length of ...")``."""

    def __init__(self, method: str, status: int, reason: str) -> None:
        self.method = method
        self.status = status
        self.reason = reason
        super().__init__("Error", f"KV {method} failed: {status} {reason}")


def validate_key(method: str, key: str) -> None:
    """workerd's checks before any KV request (api/kv.c++ ``validateKeyName``)."""
    if key == "":
        raise JSError("TypeError", "Key name cannot be empty.")
    if key == ".":
        raise JSError("TypeError", '"." is not allowed as a key name.')
    if key == "..":
        raise JSError("TypeError", '".." is not allowed as a key name.')
    _check_key_length(method, key)


def _check_key_length(method: str, key: str) -> None:
    size = len(key.encode("utf-8", "surrogatepass"))
    if size > KV_MAX_KEY_BYTES:
        raise KVError(method, 414, f"UTF-8 encoded length of {size} exceeds key length limit of {KV_MAX_KEY_BYTES}.")


def _validate_service_key(method: str, key: str) -> None:
    """The KV service's own key checks (reached by bulk gets, which workerd does not pre-check)."""
    if key == "":
        raise KVError(method, 400, "Key names must not be empty")
    if key in (".", ".."):
        raise KVError(method, 400, f'Illegal key name "{key}". Please use a different name.')
    _check_key_length(method, key)


def _validate_cache_ttl(method: str, cache_ttl: int | None) -> None:
    if cache_ttl is not None and cache_ttl < KV_MIN_CACHE_TTL_S:
        raise KVError(
            method, 400, f"Invalid cache_ttl of {cache_ttl}. Cache TTL must be at least {KV_MIN_CACHE_TTL_S}."
        )


def encode_cursor(last_key: str) -> str:
    return base64.urlsafe_b64encode(last_key.encode("utf-8", "surrogatepass")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The key a cursor starts after; an unreadable cursor starts at the beginning, as miniflare's does."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""


def value_too_large(size: int) -> KVError:
    return KVError("PUT", 413, f"Value length of {size} exceeds limit of {KV_MAX_VALUE_BYTES}.")


@dataclass(frozen=True, slots=True)
class PutOptions:
    expiration: int | None  # absolute, seconds since the epoch
    metadata: str | None  # JSON text


class KVPutStream:
    """A value streamed in by ``put(key, readableStream)``.

    Bytes beyond the value limit are counted but not written, so the error
    names the stream's full length, as the platform's does.
    """

    def __init__(self, key: str, options: PutOptions, writer: KVValueWriter) -> None:
        self.key = key
        self.options = options
        self._writer = writer
        self.size = 0

    async def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size <= KV_MAX_VALUE_BYTES:
            await self._writer.write(chunk)

    async def commit(self) -> None:
        if self.size > KV_MAX_VALUE_BYTES:
            self._writer.abort()
            raise value_too_large(self.size)
        await self._writer.commit(self.key, self.options.expiration, self.options.metadata)

    def abort(self) -> None:
        self._writer.abort()


class KVNamespace:
    """One namespace, as ``env.NAME`` sees it (methods are the snake_case of the JS ones)."""

    def __init__(self, store: KVStore, clock: Clock | None = None, *, namespace_id: str = "") -> None:
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.namespace_id = namespace_id
        # Values being streamed in or out, by resource id (see runtime/ops/kv.py).
        self._ids = itertools.count(1)
        self.readers: dict[int, AsyncIterator[bytes]] = {}
        self.reader_values: dict[int, KVValue] = {}
        self.writers: dict[int, KVPutStream] = {}

    # -- get ----------------------------------------------------------------------
    async def get(self, key: str, *, cache_ttl: int | None = None) -> KVEntry | None:
        validate_key("GET", key)
        _validate_cache_ttl("GET", cache_ttl)
        return await self.store.get(key, cache_ttl=cache_ttl)

    async def get_bulk(
        self, keys: list[str], *, type: str | None = None, cache_ttl: int | None = None
    ) -> list[tuple[bytes | None, str | None]]:
        """Values (and metadata) of up to 100 keys, in order; None for a missing key."""
        if type is not None and type not in ("text", "json"):
            raise KVError("GET_BULK", 400, f'"{type}" is not a valid type. Use "json" or "text"')
        if len(keys) > KV_MAX_BULK_GET_KEYS:
            raise KVError("GET_BULK", 400, f"You can request a maximum of {KV_MAX_BULK_GET_KEYS} keys")
        if len(keys) < 1:
            raise KVError("GET_BULK", 400, "You must request a minimum of 1 key")
        out: list[tuple[bytes | None, str | None]] = []
        total = 0
        for key in keys:
            _validate_service_key("GET_BULK", key)
            _validate_cache_ttl("GET_BULK", cache_ttl)
            entry = await self.store.get(key, cache_ttl=cache_ttl)
            if entry is None:
                out.append((None, None))
                continue
            data = await entry.value.read_all()
            total += len(data)
            out.append((data, entry.metadata))
        if total > KV_MAX_BULK_BYTES:
            raise KVError(
                "GET_BULK", 413, f"Total size of request exceeds the limit of {KV_MAX_BULK_BYTES // 1024 // 1024}MB"
            )
        return out

    # -- put ----------------------------------------------------------------------
    def put_options(
        self, key: str, *, expiration: int | None, expiration_ttl: int | None, metadata: str | None
    ) -> PutOptions:
        """Check a put's key and options (miniflare ``validatePutOptions``); the absolute expiration."""
        validate_key("PUT", key)
        now = int(self.clock.now())
        absolute: int | None = None
        if expiration_ttl is not None:
            if expiration_ttl <= 0:
                raise KVError(
                    "PUT", 400, f"Invalid expiration_ttl of {expiration_ttl}. Please specify integer greater than 0."
                )
            if expiration_ttl < KV_MIN_EXPIRATION_TTL_S:
                raise KVError(
                    "PUT",
                    400,
                    f"Invalid expiration_ttl of {expiration_ttl}. "
                    f"Expiration TTL must be at least {KV_MIN_EXPIRATION_TTL_S}.",
                )
            absolute = now + expiration_ttl
        elif expiration is not None:
            if expiration <= now:
                raise KVError(
                    "PUT",
                    400,
                    f"Invalid expiration of {expiration}. "
                    "Please specify integer greater than the current number of seconds since the UNIX epoch.",
                )
            if expiration < now + KV_MIN_EXPIRATION_TTL_S:
                raise KVError(
                    "PUT",
                    400,
                    f"Invalid expiration of {expiration}. "
                    f"Expiration times must be at least {KV_MIN_EXPIRATION_TTL_S} seconds in the future.",
                )
            absolute = expiration
        if metadata is not None:
            size = len(metadata.encode("utf-8", "surrogatepass"))
            if size > KV_MAX_METADATA_BYTES:
                raise KVError("PUT", 413, f"Metadata length of {size} exceeds limit of {KV_MAX_METADATA_BYTES}.")
        return PutOptions(absolute, metadata)

    async def put(
        self,
        key: str,
        value: bytes,
        *,
        expiration: int | None = None,
        expiration_ttl: int | None = None,
        metadata: str | None = None,
    ) -> None:
        options = self.put_options(key, expiration=expiration, expiration_ttl=expiration_ttl, metadata=metadata)
        if len(value) > KV_MAX_VALUE_BYTES:
            raise value_too_large(len(value))
        await self.store.put(key, value, options.expiration, options.metadata)

    def begin_put(
        self,
        key: str,
        *,
        expiration: int | None = None,
        expiration_ttl: int | None = None,
        metadata: str | None = None,
        size: int | None = None,
    ) -> KVPutStream:
        """Start a streamed put; ``size``, when known, is checked against the limit before any byte is sent."""
        options = self.put_options(key, expiration=expiration, expiration_ttl=expiration_ttl, metadata=metadata)
        if size is not None and size > KV_MAX_VALUE_BYTES:
            raise value_too_large(size)
        return KVPutStream(key, options, self.store.open_writer())

    # -- delete / list --------------------------------------------------------------
    async def delete(self, key: str) -> None:
        validate_key("DELETE", key)
        await self.store.delete(key)

    async def list(
        self, *, prefix: str | None = None, limit: int | None = None, cursor: str | None = None
    ) -> dict[str, Any]:
        """``{keys: [{name, expiration?, metadata?(JSON text)}], list_complete, cursor?}``.

        As in workerd, a limit of 0 or less is not sent, so it means the default (1000).
        """
        count = KV_MAX_LIST_KEYS
        if limit is not None and limit > 0:
            if limit > KV_MAX_LIST_KEYS:
                raise KVError(
                    "GET",
                    400,
                    f"Invalid key_count_limit of {limit}. Please specify an integer less than {KV_MAX_LIST_KEYS}.",
                )
            count = limit
        if prefix is not None:
            _check_key_length("GET", prefix)
        start_after = decode_cursor(cursor) if cursor else ""
        page = await self.store.list(prefix=prefix or "", limit=count, start_after=start_after)
        keys: list[dict[str, Any]] = []
        for k in page.keys:
            item: dict[str, Any] = {"name": k.name}
            if k.expiration is not None:
                item["expiration"] = k.expiration
            if k.metadata is not None:
                item["metadata"] = k.metadata
            keys.append(item)
        result: dict[str, Any] = {"keys": keys, "list_complete": page.last_key is None}
        if page.last_key is not None:
            result["cursor"] = encode_cursor(page.last_key)
        return result

    # -- streamed values (resource ids used by the ops) ---------------------------------
    def add_reader(self, value: KVValue, chunk_size: int) -> int:
        rid = next(self._ids)
        self.readers[rid] = value.chunks(chunk_size)
        self.reader_values[rid] = value
        return rid

    def close_reader(self, rid: int) -> None:
        self.readers.pop(rid, None)
        value = self.reader_values.pop(rid, None)
        if value is not None:
            value.close()

    def add_writer(self, stream: KVPutStream) -> int:
        rid = next(self._ids)
        self.writers[rid] = stream
        return rid


# -- opening namespaces ----------------------------------------------------------------
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]+$")
_STORES: dict[Path, SqliteKVStore] = {}


def namespace_dir(persist_to: Path, namespace_id: str) -> Path:
    """``<persist-to>/v3/kv/<namespace id>/`` (ids that are not plain names are percent-encoded)."""
    from urllib.parse import quote

    name = (
        namespace_id
        if _SAFE_ID.match(namespace_id) and namespace_id not in (".", "..")
        else quote(namespace_id, safe="").replace(".", "%2E")
    )
    return persist_to / KV_DIR / name


def open_namespace(persist_to: Path, namespace_id: str, clock: Clock | None = None) -> KVNamespace:
    """The binding for one namespace; stores are opened once per process and shared (live reload reuses them)."""
    root = namespace_dir(persist_to, namespace_id).resolve()
    store = _STORES.get(root)
    if store is None:
        store = SqliteKVStore(root, clock)
        _STORES[root] = store
    return KVNamespace(store, store.clock, namespace_id=namespace_id)


def close_all() -> None:
    for store in _STORES.values():
        store.close()
    _STORES.clear()
