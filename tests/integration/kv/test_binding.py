"""env.CACHE through a Worker served by ``isolet dev``: every method, option, type and limit."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from tests.integration.kv.conftest import KV, TimeFile, plain

MiB = 1024 * 1024


def b64(data: bytes) -> dict[str, str]:
    return {"$bytes": base64.b64encode(data).decode()}


# -- the binding object -------------------------------------------------------------------
def test_env_has_one_kv_namespace_per_config_entry(kv: KV) -> None:
    data = kv.http.get("/env").json()
    assert data == {
        "keys": ["CACHE", "OTHER"],
        "tag": "[object KvNamespace]",
        "ctor": "KvNamespace",
        "methods": ["function"] * 5,
    }


def test_namespaces_are_separate(kv: KV, key: str) -> None:
    kv.ok("put", key, "in cache")
    assert kv.text(key, binding="OTHER") is None
    kv.ok("put", key, "in other", binding="OTHER")
    assert kv.text(key) == "in cache"
    assert kv.text(key, binding="OTHER") == "in other"


# -- get ----------------------------------------------------------------------------------
def test_get_returns_null_for_missing_key_in_every_type(kv: KV, key: str) -> None:
    for t in ("text", "json", "arrayBuffer", "stream", "bogus"):
        assert kv.ok("get", key + "missing", t) == {"type": "null"}
        assert kv.ok("get", key + "missing", {"type": t}) == {"type": "null"}


def test_get_decodes_text_json_arraybuffer_and_stream(kv: KV, key: str) -> None:
    kv.ok("put", key, '{"a": [1, "é"]}')
    assert kv.ok("get", key) == {"type": "string", "value": '{"a": [1, "é"]}'}
    assert kv.ok("get", key, "text") == {"type": "string", "value": '{"a": [1, "é"]}'}
    assert plain(kv.ok("get", key, "json")) == {"a": [1, "é"]}
    assert plain(kv.ok("get", key, {"type": "json"})) == {"a": [1, "é"]}
    assert plain(kv.ok("get", key, "arrayBuffer")) == '{"a": [1, "é"]}'.encode()
    assert kv.ok("get", key, "stream") == {"type": "ReadableStream", "text": '{"a": [1, "é"]}'}
    assert plain(kv.ok("get", key, {"type": "arrayBuffer", "cacheTtl": 60})) == '{"a": [1, "é"]}'.encode()


def test_get_with_unknown_type_of_existing_key_throws_type_error(kv: KV, key: str) -> None:
    kv.ok("put", key, "v")
    assert kv.error("get", key, "blob") == (
        "TypeError",
        'Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".',
    )


def test_get_json_of_non_json_value_throws_syntax_error(kv: KV, key: str) -> None:
    kv.ok("put", key, "not json")
    name, _ = kv.error("get", key, "json")
    assert name == "SyntaxError"


def test_get_keeps_a_leading_byte_order_mark(kv: KV, key: str) -> None:
    kv.ok("put", key, b64(b"\xef\xbb\xbfhi"))
    assert kv.ok("get", key) == {"type": "string", "value": "\ufeffhi"}


def test_cache_ttl_below_minimum_is_rejected(kv: KV, key: str) -> None:
    assert kv.error("get", key, {"cacheTtl": 29}) == (
        "Error",
        "KV GET failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.",
    )
    assert kv.ok("get", key, {"cacheTtl": 30}) == {"type": "null"}


def test_get_with_metadata_returns_value_metadata_and_cache_status(kv: KV, key: str) -> None:
    kv.ok("put", key + "m", "v", {"metadata": {"tag": [1, 2], "s": "x"}})
    kv.ok("put", key + "plain", "w")
    assert plain(kv.ok("getWithMetadata", key + "m")) == {
        "value": "v",
        "metadata": {"tag": [1, 2], "s": "x"},
        "cacheStatus": None,
    }
    assert kv.ok("getWithMetadata", key + "m")["keys"] == ["value", "metadata", "cacheStatus"]
    assert plain(kv.ok("getWithMetadata", key + "plain", "arrayBuffer")) == {
        "value": b"w",
        "metadata": None,
        "cacheStatus": None,
    }
    assert plain(kv.ok("getWithMetadata", key + "none")) == {"value": None, "metadata": None, "cacheStatus": None}


# -- bulk get -----------------------------------------------------------------------------
def test_get_of_many_keys_returns_a_map_in_request_order(kv: KV, key: str) -> None:
    kv.ok("put", key + "b", '"B"')
    kv.ok("put", key + "a", '{"x": 1}', {"metadata": {"m": 1}})
    names = [key + "b", key + "missing", key + "a"]
    assert plain(kv.ok("get", names)) == [(key + "b", '"B"'), (key + "missing", None), (key + "a", '{"x": 1}')]
    assert plain(kv.ok("get", names, "json")) == [(key + "b", "B"), (key + "missing", None), (key + "a", {"x": 1})]
    assert plain(kv.ok("getWithMetadata", names, {"type": "json"})) == [
        (key + "b", {"value": "B", "metadata": None}),
        (key + "missing", None),
        (key + "a", {"value": {"x": 1}, "metadata": {"m": 1}}),
    ]


def test_bulk_get_limits_and_types(kv: KV, key: str) -> None:
    keys = [f"{key}{i}" for i in range(101)]
    assert kv.error("get", keys) == ("Error", "KV GET_BULK failed: 400 You can request a maximum of 100 keys")
    assert plain(kv.ok("get", keys[:100]))[0] == (keys[0], None)
    assert kv.error("get", []) == ("Error", "KV GET_BULK failed: 400 You must request a minimum of 1 key")
    assert kv.error("get", [key], "arrayBuffer") == (
        "Error",
        'KV GET_BULK failed: 400 "arrayBuffer" is not a valid type. Use "json" or "text"',
    )
    assert kv.error("get", [""]) == ("Error", "KV GET_BULK failed: 400 Key names must not be empty")
    kv.ok("put", key + "nj", "not json")
    assert kv.error("get", [key + "nj"], "json") == (
        "Error",
        "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value",
    )


# -- put ----------------------------------------------------------------------------------
def test_put_accepts_string_arraybuffer_view_and_stream(kv: KV, key: str) -> None:
    assert kv.ok("put", key + "s", "text ✓") == {"type": "undefined"}
    kv.ok("put", key + "ab", {"$buffer": base64.b64encode(b"\x00\x01\xff").decode()})
    kv.ok("put", key + "u8", b64(b"\x02\x03"))
    kv.ok("put", key + "st", {"$stream": ["chunk one, ", "chunk two"]})
    assert kv.text(key + "s") == "text ✓"
    assert plain(kv.ok("get", key + "ab", "arrayBuffer")) == b"\x00\x01\xff"
    assert plain(kv.ok("get", key + "u8", "arrayBuffer")) == b"\x02\x03"
    assert kv.text(key + "st") == "chunk one, chunk two"


def test_put_coerces_primitives_to_strings(kv: KV, key: str) -> None:
    kv.ok("put", key + "n", 42)
    kv.ok("put", key + "b", True)
    kv.ok("put", key + "null", None)
    assert [kv.text(key + s) for s in ("n", "b", "null")] == ["42", "true", "null"]


def test_put_rejects_other_objects_with_type_error(kv: KV, key: str) -> None:
    message = "KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values."
    assert kv.error("put", key, {"a": 1}) == ("TypeError", message)
    assert kv.error("put", key, [1, 2]) == ("TypeError", message)
    assert kv.text(key) is None


def test_put_overwrites_and_an_empty_value_is_kept(kv: KV, key: str) -> None:
    kv.ok("put", key, "one")
    kv.ok("put", key, "two", {"metadata": {"v": 2}})
    kv.ok("put", key, "three")
    assert plain(kv.ok("getWithMetadata", key)) == {"value": "three", "metadata": None, "cacheStatus": None}
    kv.ok("put", key, "")
    assert kv.ok("get", key) == {"type": "string", "value": ""}


def test_value_limit_is_25_mib(kv: KV, key: str) -> None:
    assert kv.ok("put", key + "max", {"$zeros": 25 * MiB}) == {"type": "undefined"}
    assert kv.error("put", key + "over", {"$zeros": 25 * MiB + 1}) == (
        "Error",
        "KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.",
    )
    r = kv.http.get("/stream-put", params={"key": key + "over-stream", "size": 25 * MiB + 1, "chunk": 1 << 20})
    assert r.json() == {
        "error": {"name": "Error", "message": "KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400."}
    }
    assert kv.text(key + "over") is None
    assert kv.text(key + "over-stream") is None


def test_metadata_limit_is_1024_bytes_of_json(kv: KV, key: str) -> None:
    fits = "x" * (1024 - 2)  # JSON adds the two quotes
    kv.ok("put", key, "v", {"metadata": fits})
    assert plain(kv.ok("getWithMetadata", key))["metadata"] == fits
    assert kv.error("put", key, "v", {"metadata": fits + "é"}) == (
        "Error",
        "KV PUT failed: 413 Metadata length of 1026 exceeds limit of 1024.",
    )


# -- expiration ----------------------------------------------------------------------------
def test_expiration_ttl_must_be_positive_and_at_least_60(kv: KV, key: str) -> None:
    assert kv.error("put", key, "v", {"expirationTtl": 0}) == (
        "Error",
        "KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0.",
    )
    assert kv.error("put", key, "v", {"expirationTtl": 59}) == (
        "Error",
        "KV PUT failed: 400 Invalid expiration_ttl of 59. Expiration TTL must be at least 60.",
    )
    assert kv.error("put", key, "v", {"expirationTtl": "1e10"}) == (
        "TypeError",
        "Value out of range. Must be between -2147483648 and 2147483647 (inclusive).",
    )


def test_expiration_must_be_at_least_60_seconds_ahead(kv: KV, key: str, clock: TimeFile) -> None:
    now = clock.now()
    assert kv.error("put", key, "v", {"expiration": now}) == (
        "Error",
        f"KV PUT failed: 400 Invalid expiration of {now}. Please specify integer greater than the current number "
        "of seconds since the UNIX epoch.",
    )
    assert kv.error("put", key, "v", {"expiration": now + 59}) == (
        "Error",
        f"KV PUT failed: 400 Invalid expiration of {now + 59}. Expiration times must be at least 60 seconds in the "
        "future.",
    )
    kv.ok("put", key, "v", {"expiration": now + 60})
    assert plain(kv.ok("list", {"prefix": key}))["keys"] == [{"name": key, "expiration": now + 60}]


def test_expired_keys_are_not_returned_and_are_purged(kv: KV, key: str, clock: TimeFile, kv_home: Any) -> None:
    import sqlite3

    now = clock.now()
    kv.ok("put", key + "ttl", "v", {"expirationTtl": 60, "metadata": {"a": 1}})
    kv.ok("put", key + "at", "v", {"expiration": now + 120})
    kv.ok("put", key + "kept", "v")
    assert plain(kv.ok("list", {"prefix": key}))["keys"] == [
        {"name": key + "at", "expiration": now + 120},
        {"name": key + "kept"},
        {"name": key + "ttl", "expiration": now + 60, "metadata": {"a": 1}},
    ]
    clock.advance(60)
    assert kv.text(key + "ttl") is None
    assert plain(kv.ok("getWithMetadata", key + "ttl")) == {"value": None, "metadata": None, "cacheStatus": None}
    assert kv.text(key + "at") == "v"
    clock.advance(60)
    assert plain(kv.ok("get", [key + "at", key + "kept"])) == [(key + "at", None), (key + "kept", "v")]
    assert [k["name"] for k in plain(kv.ok("list", {"prefix": key}))["keys"]] == [key + "kept"]
    # The purge the list() queued is committed before any later write: after one, the rows are gone.
    kv.ok("put", key + "after", "v")
    db = sqlite3.connect(kv_home / "state" / "v3" / "kv" / "cache-namespace-id" / "kv.sqlite")
    try:
        rows = db.execute("SELECT key FROM entries WHERE key LIKE ? ORDER BY key", (key + "%",)).fetchall()
    finally:
        db.close()
    assert rows == [(key + "after",), (key + "kept",)]


# -- delete -------------------------------------------------------------------------------
def test_delete_removes_a_key_and_ignores_a_missing_one(kv: KV, key: str) -> None:
    kv.ok("put", key, "v")
    assert kv.ok("delete", key) == {"type": "undefined"}
    assert kv.text(key) is None
    assert kv.ok("delete", key) == {"type": "undefined"}


# -- key validation -------------------------------------------------------------------------
def test_key_names_are_validated_like_workerd(kv: KV, key: str) -> None:
    for method, extra in (("get", []), ("getWithMetadata", []), ("put", ["v"]), ("delete", [])):
        assert kv.error(method, "", *extra) == ("TypeError", "Key name cannot be empty.")
        assert kv.error(method, ".", *extra) == ("TypeError", '"." is not allowed as a key name.')
        assert kv.error(method, "..", *extra) == ("TypeError", '".." is not allowed as a key name.')
        upper = {"getWithMetadata": "GET"}.get(method, method.upper())
        assert kv.error(method, "é" * 256 + "x", *extra) == (
            "Error",
            f"KV {upper} failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.",
        )
    longest = "k" * 512
    kv.ok("put", longest, "v")
    assert kv.text(longest) == "v"
    kv.ok("put", 12345, "numeric key")
    assert kv.text("12345") == "numeric key"


# -- list ---------------------------------------------------------------------------------
def test_list_is_in_utf8_byte_order_with_prefix_and_limit(kv: KV, key: str) -> None:
    # UTF-16 order would put U+10000 before U+FFFF; UTF-8 byte order puts it after.
    names = [key + s for s in ("b", "a", "\U00010000", "\uffff", "A", "a/b", "é")]
    for n in names:
        kv.ok("put", n, "v")
    listed = plain(kv.ok("list", {"prefix": key}))
    assert [k["name"] for k in listed["keys"]] == sorted(names, key=lambda s: s.encode())
    assert listed["list_complete"] is True
    assert "cursor" not in listed
    assert listed["cacheStatus"] is None
    assert kv.ok("list", {"prefix": key})["keys"] == ["keys", "list_complete", "cacheStatus"]
    page = plain(kv.ok("list", {"prefix": key, "limit": 2}))
    assert [k["name"] for k in page["keys"]] == [key + "A", key + "a"]
    assert page["list_complete"] is False
    assert isinstance(page["cursor"], str)
    rest = plain(kv.ok("list", {"prefix": key, "cursor": page["cursor"]}))
    assert [k["name"] for k in rest["keys"]] == sorted(names, key=lambda s: s.encode())[2:]
    assert [k["name"] for k in plain(kv.ok("list", {"prefix": key + "a"}))["keys"]] == [key + "a", key + "a/b"]


def test_list_limits(kv: KV, key: str) -> None:
    assert kv.error("list", {"limit": 1001}) == (
        "Error",
        "KV GET failed: 400 Invalid key_count_limit of 1001. Please specify an integer less than 1000.",
    )
    assert kv.error("list", {"prefix": "p" * 513}) == (
        "Error",
        "KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.",
    )
    kv.ok("put", key + "1", "v")
    # workerd does not send a limit <= 0, so it means the default of 1000.
    assert len(plain(kv.ok("list", {"prefix": key, "limit": 0}))["keys"]) == 1
    assert plain(kv.ok("list", {"prefix": key, "limit": 1000}))["list_complete"] is True


def test_list_pages_through_5000_keys_with_a_cursor(kv: KV, key: str) -> None:
    assert kv.http.get("/fill", params={"prefix": key, "n": 5000}).text == "ok"
    for limit in (None, 333):
        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            options: dict[str, Any] = {"prefix": key}
            if limit is not None:
                options["limit"] = limit
            if cursor is not None:
                options["cursor"] = cursor
            page = plain(kv.ok("list", options))
            pages += 1
            assert len(page["keys"]) <= (limit or 1000)
            seen.extend(k["name"] for k in page["keys"])
            if page["list_complete"]:
                assert "cursor" not in page
                break
            cursor = page["cursor"]
        assert seen == [f"{key}{i:05d}" for i in range(5000)]
        assert pages == (5 if limit is None else 16)


# -- streams ----------------------------------------------------------------------------------
def _expected(size: int) -> bytes:
    return bytes(i % 251 for i in range(251)) * (size // 251) + bytes(i % 251 for i in range(size % 251))


def test_a_20_mib_stream_goes_in_and_out_in_chunks(kv: KV, key: str) -> None:
    size = 20 * MiB
    r = kv.http.get("/stream-put", params={"key": key, "size": size, "chunk": 16384})
    assert r.json() == {"ok": True}
    digest = hashlib.sha256()
    total = 0
    with kv.http.stream("GET", "/stream-get", params={"key": key}) as resp:
        assert resp.status_code == 200
        for chunk in resp.iter_bytes():
            digest.update(chunk)
            total += len(chunk)
    assert total == size
    assert digest.hexdigest() == hashlib.sha256(_expected(size)).hexdigest()


def test_a_request_body_streams_into_put(kv: KV, key: str) -> None:
    size = 20 * MiB
    data = _expected(size)

    def body() -> Any:
        for i in range(0, size, 1 << 20):
            yield data[i : i + (1 << 20)]

    r = kv.http.post("/put-body", params={"key": key}, content=body())
    assert r.text == "ok"
    got = kv.http.get("/stream-get", params={"key": key})
    assert hashlib.sha256(got.content).digest() == hashlib.sha256(data).digest()


def test_put_of_a_stream_of_non_bytes_throws_type_error(kv: KV, key: str) -> None:
    assert kv.error("put", key, {"$rawStream": ["a string chunk"]}) == (
        "TypeError",
        "This ReadableStream did not return bytes.",
    )
    assert kv.text(key) is None
