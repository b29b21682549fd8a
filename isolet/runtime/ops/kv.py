"""Ops behind ``env.<KV>`` (``runtime/js/50_kv.js``): one op per method, plus stream pieces.

Each op names its binding; ``host.bindings[name]`` is the
:class:`~isolet.bindings.kv.KVNamespace`. Values cross as bytes. A value
read as a stream and larger than ``STREAM_INLINE_MAX_BYTES`` crosses in
``READ_CHUNK_BYTES`` pieces (``op_kv_read``); a ReadableStream put crosses
in batches into an open blob file (``op_kv_put_open`` / ``_write`` /
``_commit``), so neither is ever whole in Python.

JS ``null``/``undefined`` arrive as pydeno's undefined sentinel, so optional
arguments are read with ``isinstance`` checks.
"""

from __future__ import annotations

from typing import Any

from isolet.bindings.kv import KVNamespace
from isolet.runtime.host import IsolateHost
from isolet.storage.kv_sqlite import InlineValue

STREAM_INLINE_MAX_BYTES = 256 * 1024
READ_CHUNK_BYTES = 256 * 1024
# pydeno refuses op arguments and results beyond ~10 MiB: bigger values cross in chunks.
RETURN_INLINE_MAX_BYTES = 4 * 1024 * 1024


def _ns(host: IsolateHost, name: str) -> KVNamespace:
    ns = host.bindings[name]
    assert isinstance(ns, KVNamespace)
    return ns


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


async def op_kv_get(host: IsolateHost, name: str, key: str, cache_ttl: Any, stream: bool) -> list[Any] | None:
    """``[bytes | None, reader rid | None, metadata JSON | None, size]``, or None for a missing key.

    The value comes whole unless it is to be a stream (and not tiny) or too
    big for one crossing; then JS reads it through ``op_kv_read``.
    """
    ns = _ns(host, name)
    entry = await ns.get(key, cache_ttl=_int(cache_ttl))
    if entry is None:
        return None
    size = entry.value.size
    limit = STREAM_INLINE_MAX_BYTES if stream is True else RETURN_INLINE_MAX_BYTES
    if size > limit:
        return [None, ns.add_reader(entry.value, READ_CHUNK_BYTES), entry.metadata, size]
    return [await entry.value.read_all(), None, entry.metadata, size]


async def op_kv_read(host: IsolateHost, name: str, rid: int) -> bytes | None:
    """The next chunk of a value being read as a stream; None at its end."""
    ns = _ns(host, name)
    chunks = ns.readers.get(rid)
    if chunks is None:
        return None
    try:
        return await anext(chunks)
    except StopAsyncIteration:
        ns.close_reader(rid)
        return None


def op_kv_read_close(host: IsolateHost, name: str, rid: int) -> None:
    _ns(host, name).close_reader(rid)


async def op_kv_get_bulk(host: IsolateHost, name: str, keys: list[str], type_: Any, cache_ttl: Any) -> list[list[Any]]:
    """``[[bytes | reader rid | None, metadata JSON | None], ...]`` in key order.

    Values past the first RETURN_INLINE_MAX_BYTES of the answer come as reader rids.
    """
    ns = _ns(host, name)
    rows = await ns.get_bulk(list(keys), type=_str(type_), cache_ttl=_int(cache_ttl))
    out: list[list[Any]] = []
    total = 0
    for value, metadata in rows:
        if value is not None:
            total += len(value)
            if total > RETURN_INLINE_MAX_BYTES:
                out.append([ns.add_reader(InlineValue(value), READ_CHUNK_BYTES), metadata])
                continue
        out.append([value, metadata])
    return out


async def op_kv_put(
    host: IsolateHost, name: str, key: str, value: bytes, expiration: Any, expiration_ttl: Any, metadata: Any
) -> None:
    await _ns(host, name).put(
        key, bytes(value), expiration=_int(expiration), expiration_ttl=_int(expiration_ttl), metadata=_str(metadata)
    )


def op_kv_put_open(
    host: IsolateHost, name: str, key: str, expiration: Any, expiration_ttl: Any, metadata: Any, size: Any
) -> int:
    """Validate a streamed put and open its blob file; returns the writer's rid.

    ``size`` is the value's length when JS knows it (a big ArrayBuffer sent in
    pieces), so an oversized value fails before any byte crosses.
    """
    ns = _ns(host, name)
    known = _int(size)
    stream = ns.begin_put(
        key,
        expiration=_int(expiration),
        expiration_ttl=_int(expiration_ttl),
        metadata=_str(metadata),
        size=known,
    )
    return ns.add_writer(stream)


async def op_kv_put_write(host: IsolateHost, name: str, rid: int, chunk: bytes) -> None:
    await _ns(host, name).writers[rid].write(bytes(chunk))


async def op_kv_put_commit(host: IsolateHost, name: str, rid: int) -> None:
    stream = _ns(host, name).writers.pop(rid)
    await stream.commit()


def op_kv_put_abort(host: IsolateHost, name: str, rid: int) -> None:
    stream = _ns(host, name).writers.pop(rid, None)
    if stream is not None:
        stream.abort()


async def op_kv_delete(host: IsolateHost, name: str, key: str) -> None:
    await _ns(host, name).delete(key)


async def op_kv_list(host: IsolateHost, name: str, prefix: Any, limit: Any, cursor: Any) -> list[Any]:
    """``[[[name, expiration | None, metadata JSON | None], ...], cursor | None]``."""
    page = await _ns(host, name).list(prefix=_str(prefix), limit=_int(limit), cursor=_str(cursor) or None)
    rows = [[k["name"], k.get("expiration"), k.get("metadata")] for k in page["keys"]]
    return [rows, page.get("cursor")]
