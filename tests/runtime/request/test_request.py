from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.request.support import run, run_with_internals


def js_error(js: str) -> tuple[str, str]:
    with pytest.raises(JavaScriptError) as e:
        run(js)
    return e.value.name, e.value.message


def test_request_defaults() -> None:
    js = "const r = new Request('https://example.com/a?b'); return [r.method, r.url, r.redirect, r.integrity, r.keepalive, r.fetcher, r.body, r.bodyUsed, r.cf === undefined, r.cache === undefined]"
    assert run(js) == ["GET", "https://example.com/a?b", "follow", "", False, None, None, False, True, True]


def test_request_relative_url_is_type_error() -> None:
    assert js_error("new Request('/path')") == ("TypeError", "Invalid URL: /path")


def test_request_url_is_normalized_by_parser() -> None:
    assert run("return new Request('HTTPS://Example.COM').url") == "https://example.com/"


def test_request_method_normalizes_standard_methods() -> None:
    assert run("return ['get', 'post', 'Put', 'delete', 'head', 'options'].map(m => new Request('https://a/', {method: m}).method)") == [
        "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"]


def test_request_method_keeps_exact_extension_method() -> None:
    assert run("return new Request('https://a/', {method: 'PATCH'}).method") == "PATCH"


def test_request_lowercase_patch_is_invalid_method() -> None:
    assert js_error("new Request('https://a/', {method: 'patch'})") == ("TypeError", "Invalid HTTP method string: patch")


def test_request_unknown_method_is_type_error() -> None:
    assert js_error("new Request('https://a/', {method: 'FROB'})") == ("TypeError", "Invalid HTTP method string: FROB")


def test_request_get_with_body_is_type_error() -> None:
    assert js_error("new Request('https://a/', {body: 'x'})") == (
        "TypeError", "Request with a GET or HEAD method cannot have a body.")


def test_request_head_with_body_is_type_error() -> None:
    assert js_error("new Request('https://a/', {method: 'HEAD', body: new Uint8Array(1)})")[0] == "TypeError"


def test_request_get_with_null_body_is_allowed() -> None:
    assert run("return new Request('https://a/', {body: null}).body") is None


def test_request_string_body_sets_text_content_type() -> None:
    js = "const r = new Request('https://a/', {method: 'POST', body: 'hi'}); return [r.headers.get('content-type'), await r.text()]"
    assert run(js) == ["text/plain;charset=UTF-8", "hi"]


def test_request_explicit_content_type_wins() -> None:
    js = "const r = new Request('https://a/', {method: 'POST', body: 'x', headers: {'Content-Type': 'a/b'}}); return r.headers.get('content-type')"
    assert run(js) == "a/b"


def test_request_bytes_body_has_no_content_type() -> None:
    js = "const r = new Request('https://a/', {method: 'POST', body: new Uint8Array([1, 2])}); return [r.headers.has('content-type'), [...new Uint8Array(await r.arrayBuffer())]]"
    assert run(js) == [False, [1, 2]]


def test_request_blob_body_uses_blob_type() -> None:
    js = "const r = new Request('https://a/', {method: 'PUT', body: new Blob(['z'], {type: 'image/png'})}); return [r.headers.get('content-type'), await r.text()]"
    assert run(js) == ["image/png", "z"]


def test_request_body_used_after_text() -> None:
    js = "const r = new Request('https://a/', {method: 'POST', body: 'x'}); await r.text(); return r.bodyUsed"
    assert run(js) is True


def test_request_second_read_rejects() -> None:
    js = "const r = new Request('https://a/', {method: 'POST', body: 'x'}); await r.text(); await r.text()"
    assert js_error(js) == (
        "TypeError",
        "Body has already been used. It can only be used once. Use tee() first if you need to read it twice.")


def test_request_json_parses_body() -> None:
    assert run("return await new Request('https://a/', {method: 'POST', body: '{\"a\": [1]}'}).json()") == {"a": [1]}


def test_request_redirect_option() -> None:
    assert run("return new Request('https://a/', {redirect: 'MANUAL'}).redirect") == "manual"


def test_request_invalid_redirect_is_type_error() -> None:
    name, message = js_error("new Request('https://a/', {redirect: 'error'})")
    assert name == "TypeError" and message.startswith('Invalid redirect value, must be one of "follow" or "manual"')


def test_request_integrity_must_be_empty() -> None:
    name, message = js_error("new Request('https://a/', {integrity: 'sha256-x'})")
    assert message.startswith("Subrequest integrity checking is not implemented.")


def test_request_cf_is_copied() -> None:
    js = "const cf = {cacheTtl: 5}; const r = new Request('https://a/', {cf}); cf.cacheTtl = 9; return [r.cf.cacheTtl, r.cf === r.cf]"
    assert run(js) == [5, True]


def test_request_encode_response_body_rejects_unknown_value() -> None:
    assert js_error("new Request('https://a/', {encodeResponseBody: 'x'})") == (
        "TypeError", "encodeResponseBody: unexpected value: x")


def test_request_from_request_copies_fields() -> None:
    js = """
    const a = new Request('https://a/x', {method: 'PUT', headers: {k: 'v'}, redirect: 'manual', body: 'b'});
    const b = new Request(a);
    return [b.url, b.method, b.headers.get('k'), b.redirect, await b.text(), a.bodyUsed, b.headers === a.headers];
    """
    assert run(js) == ["https://a/x", "PUT", "v", "manual", "b", True, False]


def test_request_from_request_with_init_overrides() -> None:
    js = "const a = new Request('https://a/x', {method: 'POST', body: 'old'}); const b = new Request(a, {method: 'PATCH', body: 'new'}); return [b.method, await b.text(), a.bodyUsed]"
    assert run(js) == ["PATCH", "new", False]


def test_request_from_used_request_is_type_error() -> None:
    js = "const a = new Request('https://a/', {method: 'POST', body: 'x'}); await a.text(); new Request(a)"
    assert js_error(js) == ("TypeError", "Cannot reconstruct a Request with a used body.")


def test_request_clone_shares_body_content() -> None:
    js = "const a = new Request('https://a/', {method: 'POST', body: 'x', headers: {h: '1'}}); const b = a.clone(); b.headers.set('h', '2'); return [await a.text(), await b.text(), a.headers.get('h')]"
    assert run(js) == ["x", "x", "1"]


def test_request_clone_after_use_is_type_error() -> None:
    js = "const a = new Request('https://a/', {method: 'POST', body: 'x'}); await a.text(); a.clone()"
    assert js_error(js)[0] == "TypeError"


def test_request_stream_body_is_read() -> None:
    js = """
    const s = new ReadableStream({start(c) { c.enqueue(new Uint8Array([104])); c.enqueue(new Uint8Array([105])); c.close(); }});
    const r = new Request('https://a/', {method: 'POST', body: s});
    return [r.body === s, await r.text(), r.bodyUsed];
    """
    assert run(js) == [True, "hi", True]


def test_request_clone_tees_stream_body() -> None:
    js = """
    const s = new ReadableStream({start(c) { c.enqueue(new Uint8Array([65, 66])); c.close(); }});
    const a = new Request('https://a/', {method: 'POST', body: s});
    const b = a.clone();
    return [await a.text(), await b.text()];
    """
    assert run(js) == ["AB", "AB"]


def test_request_body_getter_streams_string_body() -> None:
    js = """
    const r = new Request('https://a/', {method: 'POST', body: 'ok'});
    const reader = r.body.getReader(); const chunks = [];
    for (;;) { const {done, value} = await reader.read(); if (done) break; chunks.push(...value); }
    return [chunks, r.body === r.body];
    """
    assert run(js) == [[111, 107], True]


def test_request_body_after_text_is_used() -> None:
    js = "const r = new Request('https://a/', {method: 'POST', body: 'ok'}); await r.text(); return [r.body !== null, r.bodyUsed]"
    assert run(js) == [True, True]


def test_request_signal_defaults_to_never_aborted() -> None:
    assert run("const s = new Request('https://a/').signal; return s === null || s.aborted === false") is True


def test_request_signal_from_init() -> None:
    js = "const c = new AbortController(); const r = new Request('https://a/', {signal: c.signal}); c.abort(); return [r.signal === c.signal, r.signal.aborted]"
    assert run(js) == [True, True]


def test_request_body_methods_are_on_prototype() -> None:
    js = "return ['text', 'json', 'arrayBuffer', 'bytes', 'blob', 'formData', 'body', 'bodyUsed'].every(k => k in Request.prototype)"
    assert run(js) is True


def test_request_blob_uses_content_type() -> None:
    js = "const b = await new Request('https://a/', {method: 'POST', body: 'x', headers: {'content-type': 'text/x'}}).blob(); return [b.type, await b.text()]"
    assert run(js) == ["text/x", "x"]


def test_request_from_wire_with_whole_body() -> None:
    js = """
    const req = internals.fetch.requestFromWire({method: 'POST', url: 'https://a/b', headers: [['X-A', '1'], ['x-a', '2'], ['Set-Cookie', 'c=1'], ['set-cookie', 'd=2']], body: new Uint8Array([104, 105]), streamed: false, cf: {colo: 'X'}}, null);
    return [req.method, req.url, req.headers.get('x-a'), req.headers.getSetCookie(), await req.text(), req.cf.colo, internals.fetch.isRequest(req)];
    """
    assert run_with_internals(js) == ["POST", "https://a/b", "1, 2", ["c=1", "d=2"], "hi", "X", True]


def test_request_from_wire_without_cf_reads_the_workers_default_each_request_its_own_copy() -> None:
    js = """
    internals.info.cf = {colo: 'DFW', tlsClientAuth: {certPresented: '0'}};
    const wire = {method: 'GET', url: 'https://a/', headers: [], body: null, streamed: false};
    const a = internals.fetch.requestFromWire(wire, null);
    const b = internals.fetch.requestFromWire(wire, null);
    const c = a.clone();
    const first = a.cf;
    first.colo = 'changed';
    first.tlsClientAuth.certPresented = '1';
    return [a.cf === first, a.cf.colo, b.cf.colo, b.cf.tlsClientAuth.certPresented, c.cf.colo,
            new Request(b).cf.colo, internals.info.cf.colo];
    """
    assert run_with_internals(js) == [True, "changed", "DFW", "0", "DFW", "DFW", "DFW"]


def test_request_from_wire_get_has_null_body() -> None:
    js = "const req = internals.fetch.requestFromWire({method: 'GET', url: 'https://a/', headers: [], body: new Uint8Array(3), streamed: false, cf: {}}, null); return req.body"
    assert run_with_internals(js) is None


def test_request_from_wire_streamed_body_pulls_chunks() -> None:
    js = """
    const chunks = [new Uint8Array([97]), new Uint8Array([98, 99])];
    let calls = 0;
    const read = async () => { calls++; return chunks.length ? chunks.shift() : null; };
    const req = internals.fetch.requestFromWire({method: 'PUT', url: 'https://a/', headers: [], body: null, streamed: true, cf: {}}, read);
    const before = calls;
    return [before, await req.text(), calls];
    """
    assert run_with_internals(js) == [0, "abc", 3]


def test_request_is_request_rejects_other_objects() -> None:
    assert run_with_internals("return [internals.fetch.isRequest({}), internals.fetch.isRequest(new Response())]") == [False, False]
