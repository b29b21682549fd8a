"""KVNamespace validation, with the platform's messages, on a real store."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from isolet.bindings import limits
from isolet.bindings.kv import KVError, KVNamespace, decode_cursor, encode_cursor, namespace_dir, open_namespace
from isolet.errors import JSError
from isolet.storage.kv_sqlite import SqliteKVStore
from isolet.util.clock import FakeClock

run = asyncio.run


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(2_000_000)


@pytest.fixture
def ns(tmp_path: Path, clock: FakeClock) -> Iterator[KVNamespace]:
    store = SqliteKVStore(tmp_path / "ns", clock)
    yield KVNamespace(store, clock)
    store.close()


def error(awaitable: Coroutine[Any, Any, Any]) -> tuple[str, str]:
    with pytest.raises(JSError) as info:
        run(awaitable)
    return info.value.js_class, info.value.message


def test_limits_are_the_platforms() -> None:
    assert limits.KV_MAX_KEY_BYTES == 512
    assert limits.KV_MAX_VALUE_BYTES == 25 * 1024 * 1024
    assert limits.KV_MAX_METADATA_BYTES == 1024
    assert limits.KV_MIN_EXPIRATION_TTL_S == 60
    assert limits.KV_MAX_LIST_KEYS == 1000
    assert limits.KV_MAX_BULK_GET_KEYS == 100


def test_key_errors_match_workerd(ns: KVNamespace) -> None:
    assert error(ns.get("")) == ("TypeError", "Key name cannot be empty.")
    assert error(ns.delete(".")) == ("TypeError", '"." is not allowed as a key name.')
    assert error(ns.put("..", b"")) == ("TypeError", '".." is not allowed as a key name.')
    assert error(ns.put("€" * 171, b"")) == (
        "Error",
        "KV PUT failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.",
    )


def test_put_option_errors_match_miniflare(ns: KVNamespace, clock: FakeClock) -> None:
    now = int(clock.now())
    assert error(ns.put("k", b"", expiration_ttl=-5)) == (
        "Error",
        "KV PUT failed: 400 Invalid expiration_ttl of -5. Please specify integer greater than 0.",
    )
    assert error(ns.put("k", b"", expiration=now + 1))[1].endswith(
        "Expiration times must be at least 60 seconds in the future."
    )
    assert error(ns.put("k", b"", metadata='"' + "x" * 1023 + '"')) == (
        "Error",
        "KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.",
    )
    # expirationTtl wins over expiration, as in miniflare.
    run(ns.put("k", b"v", expiration=1, expiration_ttl=100))
    page = run(ns.list())
    assert page["keys"] == [{"name": "k", "expiration": now + 100}]


def test_streamed_put_over_the_limit_reports_the_full_length(ns: KVNamespace) -> None:
    async def go() -> None:
        stream = ns.begin_put("k")
        for _ in range(26):
            await stream.write(b"\0" * (1024 * 1024))
        await stream.write(b"\0")
        await stream.commit()

    with pytest.raises(KVError) as info:
        run(go())
    assert info.value.message == "KV PUT failed: 413 Value length of 27262977 exceeds limit of 26214400."
    with pytest.raises(KVError):
        ns.begin_put("k", size=limits.KV_MAX_VALUE_BYTES + 1)
    assert run(ns.get("k")) is None


def test_list_limit_rules(ns: KVNamespace) -> None:
    async def go() -> list[int]:
        for i in range(5):
            await ns.put(f"k{i}", b"")
        sizes = []
        for limit in (None, 0, -3, 2):
            sizes.append(len((await ns.list(limit=limit))["keys"]))
        return sizes

    assert run(go()) == [5, 5, 5, 2]
    assert error(ns.list(limit=1001))[1] == (
        "KV GET failed: 400 Invalid key_count_limit of 1001. Please specify an integer less than 1000."
    )


def test_cursor_round_trips_any_key_and_bad_cursors_start_over() -> None:
    for key in ("plain", "ünï/cødé", "\U0001f600", "x" * 512):
        assert decode_cursor(encode_cursor(key)) == key
    assert decode_cursor("!!!not base64") == ""


def test_bulk_get_errors_and_results(ns: KVNamespace) -> None:
    run(ns.put("a", b"1", metadata='{"m":true}'))
    assert run(ns.get_bulk(["a", "b"])) == [(b"1", '{"m":true}'), (None, None)]
    assert error(ns.get_bulk(["a"], type="stream"))[1] == (
        'KV GET_BULK failed: 400 "stream" is not a valid type. Use "json" or "text"'
    )
    assert error(ns.get_bulk(["."]))[1] == 'KV GET_BULK failed: 400 Illegal key name ".". Please use a different name.'
    assert error(ns.get_bulk(["a"], cache_ttl=5))[1] == (
        "KV GET_BULK failed: 400 Invalid cache_ttl of 5. Cache TTL must be at least 30."
    )


def test_namespace_dirs_follow_the_documented_layout(tmp_path: Path) -> None:
    assert namespace_dir(tmp_path, "abc123") == tmp_path / "v3" / "kv" / "abc123"
    assert namespace_dir(tmp_path, "a/b") == tmp_path / "v3" / "kv" / "a%2Fb"
    assert namespace_dir(tmp_path, "..") == tmp_path / "v3" / "kv" / "%2E%2E"
    first = open_namespace(tmp_path, "shared")
    second = open_namespace(tmp_path, "shared")
    assert first.store is second.store
