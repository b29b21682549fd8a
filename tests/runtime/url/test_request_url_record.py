"""The host's parse of each request URL (runtime/ops/url.py request_url_record)."""

from __future__ import annotations

from isolet.runtime.ops.url import op_url_parse, request_url_record


def test_the_request_url_record_is_the_record_op_url_parse_returns() -> None:
    url = "https://user:pw@example.com:8443/a/b?x=1&y=2#frag"
    assert request_url_record(url) == tuple(op_url_parse(None, url))  # type: ignore[arg-type]


def test_an_invalid_request_url_has_no_record() -> None:
    assert request_url_record("not a url") is None


def test_a_repeated_request_url_is_parsed_once() -> None:
    url = "http://localhost/cached-once"
    before = request_url_record.cache_info().misses
    first = request_url_record(url)
    second = request_url_record(url)
    assert first is second
    assert request_url_record.cache_info().misses == before + 1
