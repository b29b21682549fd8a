"""fetch() against a real local HTTP server, from a booted isolate."""

from __future__ import annotations

import hashlib

import pytest

from tests.runtime.fetch.origin import COMPRESSIBLE, Origin, pattern_sha256
from tests.runtime.fetch.support import run


def js_error(js: str, flags: list[str] | None = None) -> tuple[str, str]:
    result = run(f"try {{ {js}; return null; }} catch (e) {{ return [e.name, e.message]; }}", flags)
    assert result is not None, "expected the snippet to throw"
    return result[0], result[1]


def test_get_returns_status_url_and_body(origin: Origin) -> None:
    got = run(f"""
      const r = await fetch('{origin.url}/echo?x=1#frag');
      return [r.status, r.statusText, r.ok, r.url, r.redirected, (await r.json()).query];
    """)
    assert got == [200, "OK", True, f"{origin.url}/echo?x=1", False, "x=1"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND"])
def test_every_method_reaches_the_origin(origin: Origin, method: str) -> None:
    body = "" if method in ("DELETE", "OPTIONS", "PROPFIND") else ", body: 'payload'"
    got = run(f"const r = await fetch('{origin.url}/echo', {{method: '{method}'{body}}}); return await r.json()")
    assert got["method"] == method
    if body:
        assert got["length"] == len("payload")


def test_request_headers_are_sent_with_host_from_the_url(origin: Origin) -> None:
    got = run(f"""
      const r = await fetch('{origin.url}/echo', {{headers: {{'X-Custom': 'v1', 'Host': 'evil.example'}}}});
      return (await r.json()).headers;
    """)
    assert ["Host", f"127.0.0.1:{origin.port}"] in got
    assert ["X-Custom", "v1"] in got
    assert all(v != "evil.example" for _, v in got)


def test_head_response_has_a_null_body(origin: Origin) -> None:
    assert run(
        f"const r = await fetch('{origin.url}/echo', {{method: 'HEAD'}}); return [r.status, r.body === null]"
    ) == [200, True]


def test_no_content_response_has_a_null_body(origin: Origin) -> None:
    assert run(f"const r = await fetch('{origin.url}/status?code=204'); return [r.status, r.body === null]") == [
        204,
        True,
    ]


def test_set_cookie_headers_stay_apart(origin: Origin) -> None:
    got = run(f"const r = await fetch('{origin.url}/cookies'); return r.headers.getSetCookie()")
    assert got == ["a=1; Path=/", "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT"]


def test_response_headers_are_immutable(origin: Origin) -> None:
    assert js_error(f"const r = await fetch('{origin.url}/echo'); r.headers.set('x', 'y')") == (
        "TypeError",
        "Can't modify immutable headers.",
    )


def test_status_text_from_the_origin_is_kept(origin: Origin) -> None:
    assert run(
        f"const r = await fetch('{origin.url}/status?code=299&reason=Fine'); return [r.status, r.statusText]"
    ) == [299, "Fine"]


@pytest.mark.parametrize(
    ("init", "content_type", "payload"),
    [
        ("new Uint8Array([1, 2, 3])", None, bytes([1, 2, 3])),
        ("new Uint8Array([1, 2, 3]).buffer", None, bytes([1, 2, 3])),
        ("new Blob(['blob!'], {type: 'text/x-blob'})", "text/x-blob", b"blob!"),
        ("new URLSearchParams({a: '1', b: 'x y'})", "application/x-www-form-urlencoded;charset=UTF-8", b"a=1&b=x+y"),
    ],
)
def test_buffer_bodies_are_sent_whole(origin: Origin, init: str, content_type: str | None, payload: bytes) -> None:
    got = run(f"const r = await fetch('{origin.url}/echo', {{method: 'POST', body: {init}}}); return await r.json()")
    assert got["sha256"] == hashlib.sha256(payload).hexdigest()
    headers = {k.lower(): v for k, v in got["headers"]}
    assert headers["content-length"] == str(len(payload))
    assert headers.get("content-type") == content_type


def test_form_data_body_is_multipart(origin: Origin) -> None:
    got = run(f"""
      const fd = new FormData(); fd.append('k', 'v');
      const r = await fetch('{origin.url}/echo', {{method: 'POST', body: fd}});
      return (await r.json()).headers;
    """)
    assert any(k == "Content-Type" and v.startswith("multipart/form-data; boundary=") for k, v in got)


def test_stream_body_is_sent_chunked(origin: Origin) -> None:
    got = run(f"""
      let i = 0;
      const body = new ReadableStream({{ pull(c) {{ if (i++ < 10) c.enqueue(new Uint8Array(1000).fill(i)); else c.close(); }} }});
      const r = await fetch('{origin.url}/echo', {{method: 'POST', body}});
      return await r.json();
    """)
    expected = b"".join(bytes([i]) * 1000 for i in range(1, 11))
    assert got["length"] == 10_000 and got["sha256"] == hashlib.sha256(expected).hexdigest()
    assert ["Transfer-Encoding", "chunked"] in got["headers"]


def test_upload_and_download_stream_at_the_same_time(origin: Origin) -> None:
    # The origin echoes each request chunk as a response chunk; the next chunk
    # is only produced after the echo of the previous one arrived, so neither
    # direction can be buffered whole.
    got = run(f"""
      let sent = 0, echoed = 0, wake = null;
      const body = new ReadableStream({{
        async pull(c) {{
          if (sent === 20) {{ c.close(); return; }}
          while (echoed < sent * 4096) await new Promise((r) => (wake = r));
          sent++; c.enqueue(new Uint8Array(4096).fill(sent));
        }},
      }});
      const r = await fetch('{origin.url}/pingpong', {{method: 'POST', body}});
      const reader = r.body.getReader();
      for (;;) {{
        const {{value, done}} = await reader.read();
        if (done) break;
        echoed += value.length;
        if (wake) {{ const w = wake; wake = null; w(); }}
      }}
      return [sent, echoed];
    """)
    assert got == [20, 20 * 4096]


def test_large_body_streams_in_several_chunks(origin: Origin) -> None:
    n = 8 * 1024 * 1024
    got = run(f"""
      const r = await fetch('{origin.url}/bytes?n={n}');
      const reader = r.body.getReader();
      let chunks = 0, total = 0;
      const digest = new Uint8Array(0);
      for (;;) {{ const {{value, done}} = await reader.read(); if (done) break; chunks++; total += value.length; }}
      return [chunks > 1, total];
    """)
    assert got == [True, n]


def test_large_body_bytes_are_intact(origin: Origin) -> None:
    n = 3 * 1024 * 1024 + 17
    got = run(f"""
      const b = await (await fetch('{origin.url}/bytes?n={n}')).bytes();
      return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join('');
    """)
    assert got == pattern_sha256(n)


def test_redirect_follow_reports_final_url(origin: Origin) -> None:
    got = run(f"""
      const r = await fetch('{origin.url}/redirect?status=301&to=/echo%3Fafter%3D1');
      return [r.status, r.redirected, r.url, (await r.json()).query];
    """)
    assert got == [200, True, f"{origin.url}/echo?after=1", "after=1"]


def test_redirect_manual_returns_the_redirect(origin: Origin) -> None:
    got = run(f"""
      const r = await fetch('{origin.url}/redirect?status=302&to=/echo', {{redirect: 'manual'}});
      return [r.status, r.headers.get('location'), r.redirected, await r.text()];
    """)
    assert got == [302, "/echo", False, "moved"]


def test_redirect_error_mode_is_a_type_error(origin: Origin) -> None:
    name, message = js_error(f"await fetch('{origin.url}/redirect?to=/echo', {{redirect: 'error'}})")
    assert name == "TypeError"
    assert message.startswith('Invalid redirect value, must be one of "follow" or "manual"')


def test_303_turns_post_into_get_without_body(origin: Origin) -> None:
    got = run(
        f"const r = await fetch('{origin.url}/redirect?status=303&to=/echo', {{method: 'POST', body: 'x'}}); return await r.json()"
    )
    assert [got["method"], got["length"]] == ["GET", 0]
    assert not any(k.lower() == "content-type" for k, _ in got["headers"])


def test_302_turns_post_into_get(origin: Origin) -> None:
    got = run(
        f"const r = await fetch('{origin.url}/redirect?status=302&to=/echo', {{method: 'POST', body: 'x'}}); return (await r.json()).method"
    )
    assert got == "GET"


def test_307_keeps_method_and_buffer_body(origin: Origin) -> None:
    got = run(
        f"const r = await fetch('{origin.url}/redirect?status=307&to=/echo', {{method: 'PUT', body: 'again'}}); return await r.json()"
    )
    assert [got["method"], got["length"]] == ["PUT", 5]


def test_307_with_a_stream_body_cannot_be_followed(origin: Origin) -> None:
    name, message = js_error(f"""
      const body = new ReadableStream({{ start(c) {{ c.enqueue(new Uint8Array([1])); c.close(); }} }});
      await fetch('{origin.url}/redirect?status=307&to=/echo', {{method: 'POST', body}})
    """)
    assert name == "TypeError" and message.startswith("A request with a one-time-use body")


def test_twenty_redirects_are_followed(origin: Origin) -> None:
    assert run(f"const r = await fetch('{origin.url}/chain?n=20'); return [r.status, await r.text()]") == [200, "end"]


def test_twenty_one_redirects_are_too_many(origin: Origin) -> None:
    assert js_error(f"await fetch('{origin.url}/chain?n=21')") == ("TypeError", "Too many redirects.")


def test_authorization_is_dropped_on_cross_origin_redirect(origin: Origin) -> None:
    other = f"http://localhost:{origin.port}/echo"
    got = run(f"""
      const r = await fetch('{origin.url}/redirect?to={other}', {{headers: {{Authorization: 'secret', 'X-Keep': '1'}}}});
      return (await r.json()).headers.map(([k]) => k.toLowerCase());
    """)
    assert "authorization" not in got and "x-keep" in got


def test_signal_aborted_before_fetch_rejects_with_its_reason(origin: Origin) -> None:
    got = run(f"""
      const c = new AbortController(); c.abort(new Error('nope'));
      try {{ await fetch('{origin.url}/echo', {{signal: c.signal}}); }} catch (e) {{ return e.message; }}
    """)
    assert got == "nope"


def test_abort_stops_a_pending_fetch(origin: Origin) -> None:
    got = run(f"""
      const c = new AbortController();
      const p = fetch('{origin.url}/hang', {{signal: c.signal}});
      setTimeout(() => c.abort(), 0);
      try {{ await p; }} catch (e) {{ return [e.name, e.message]; }}
    """)
    assert got == ["AbortError", "The operation was aborted"]


def test_abort_errors_the_response_body(origin: Origin) -> None:
    got = run(f"""
      const c = new AbortController();
      const r = await fetch('{origin.url}/hang-body', {{signal: c.signal}});
      const reader = r.body.getReader();
      const first = await reader.read();
      const next = reader.read();
      c.abort(new RangeError('stop'));
      try {{ await next; }} catch (e) {{ return [new TextDecoder().decode(first.value), e.name, e.message]; }}
    """)
    assert got == ["hello", "RangeError", "stop"]


def test_gzip_body_is_decoded(origin: Origin) -> None:
    got = run(f"const r = await fetch('{origin.url}/gzip'); return [r.headers.get('content-encoding'), await r.text()]")
    assert got == ["gzip", COMPRESSIBLE.decode()]


def test_brotli_body_is_decoded_with_brotli_content_encoding(origin: Origin) -> None:
    assert run(f"return await (await fetch('{origin.url}/br')).text()") == COMPRESSIBLE.decode()


def test_brotli_body_is_left_encoded_without_the_flag(origin: Origin) -> None:
    got = run(
        f"return (await (await fetch('{origin.url}/br')).bytes()).length", flags=["fetch_refuses_unknown_protocols"]
    )
    assert got < len(COMPRESSIBLE)


def test_deflate_is_not_decoded_as_in_workerd(origin: Origin) -> None:
    assert run(f"return (await (await fetch('{origin.url}/deflate')).bytes()).length") < len(COMPRESSIBLE)


def test_encode_response_body_manual_keeps_gzip(origin: Origin) -> None:
    got = run(f"""
      const r = await fetch('{origin.url}/gzip', {{encodeResponseBody: 'manual'}});
      const b = await r.bytes();
      return [b[0], b[1]];
    """)
    assert got == [0x1F, 0x8B]


@pytest.mark.parametrize("url", ["ftp://example.com/file", "ws://example.com/", "file:///etc/passwd"])
def test_unsupported_scheme_is_a_type_error(url: str) -> None:
    assert js_error(f"await fetch('{url}')") == ("TypeError", f"Fetch API cannot load: {url}")


def test_invalid_url_is_a_type_error() -> None:
    assert js_error("await fetch('not a url')") == ("TypeError", "Invalid URL: not a url")


def test_data_url_is_answered_without_network() -> None:
    got = run(
        "const r = await fetch('data:text/plain;base64,aGVsbG8='); return [r.status, r.headers.get('content-type'), await r.text()]"
    )
    assert got == [200, "text/plain", "hello"]


def test_connection_refused_is_a_type_error() -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    name, message = js_error(f"await fetch('http://127.0.0.1:{port}/')")
    assert name == "TypeError" and message.startswith("fetch failed")


def test_connections_to_one_origin_are_reused(origin: Origin) -> None:
    got = run(f"""
      const out = [];
      for (let i = 0; i < 10; i++) out.push(await (await fetch('{origin.url}/echo?i=' + i)).json());
      return out.length;
    """)
    assert got == 10
    assert origin.accepted == 1
    assert origin.requests == 10


def test_connection_close_response_gets_a_new_connection(origin: Origin) -> None:
    got = run(f"""
      const a = await (await fetch('{origin.url}/close')).text();
      const b = await (await fetch('{origin.url}/echo')).json();
      return [a, b.path];
    """)
    assert got == ["closing", "/echo"]
    assert origin.accepted == 2


def test_body_until_connection_close_is_read_whole(origin: Origin) -> None:
    assert run(f"return await (await fetch('{origin.url}/eof')).text()") == "until the end"


def test_fetch_accepts_a_request_and_init_override(origin: Origin) -> None:
    got = run(f"""
      const req = new Request('{origin.url}/echo', {{method: 'POST', body: 'abc', headers: {{'X-A': '1'}}}});
      const r = await fetch(req, {{headers: {{'X-B': '2'}}}});
      const j = await r.json();
      return [j.method, j.length, j.headers.map(([k]) => k), req.bodyUsed];
    """)
    method, length, names, used = got
    assert [method, length, used] == ["POST", 3, True]
    assert "X-B" in names and "X-A" not in names


def test_a_used_request_body_cannot_be_fetched(origin: Origin) -> None:
    name, _ = js_error(f"""
      const req = new Request('{origin.url}/echo', {{method: 'POST', body: 'abc'}});
      await req.text();
      await fetch(req)
    """)
    assert name == "TypeError"


def test_fetch_is_a_function_of_length_zero_as_in_workerd() -> None:
    assert run("return [typeof fetch, fetch.length, fetch.name]") == ["function", 0, "fetch"]


def test_legacy_date_sends_unknown_schemes_as_http(origin: Origin) -> None:
    got = run(f"const r = await fetch('foo://127.0.0.1:{origin.port}/echo'); return (await r.json()).path", flags=[])
    assert got == "/echo"
