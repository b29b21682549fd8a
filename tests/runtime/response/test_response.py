from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.request.support import run, run_with_internals


def js_error(js: str) -> tuple[str, str]:
    with pytest.raises(JavaScriptError) as e:
        run(js)
    return e.value.name, e.value.message


def test_response_defaults() -> None:
    js = "const r = new Response(); return [r.status, r.statusText, r.ok, r.redirected, r.url, r.type, r.body, r.bodyUsed, r.webSocket, r.cf === undefined]"
    assert run(js) == [200, "OK", True, False, "", "default", None, False, None, True]


def test_response_status_text_defaults_by_status() -> None:
    assert run("return [404, 299, 418, 599].map(s => new Response(null, {status: s}).statusText)") == [
        "Not Found", "Successful", "I'm a teapot", "Server Error"]


def test_response_status_out_of_range_is_range_error() -> None:
    for status in (199, 600, 0):
        assert js_error(f"new Response(null, {{status: {status}}})") == (
            "RangeError", "Responses may only be constructed with status codes in the range 200 to 599, inclusive.")


def test_response_status_text_with_control_character_is_type_error() -> None:
    assert js_error("new Response(null, {statusText: 'a\\r\\nb'})") == ("TypeError", "Invalid statusText")


def test_response_custom_status_text() -> None:
    assert run("return new Response(null, {status: 201, statusText: 'Made'}).statusText") == "Made"


def test_response_null_body_status_with_body_is_type_error() -> None:
    for status in (204, 205, 304):
        assert js_error(f"new Response('x', {{status: {status}}})") == (
            "TypeError", "Response with null body status (101, 204, 205, or 304) cannot have a body.")


def test_response_null_body_status_with_empty_body_becomes_null() -> None:
    assert run("const r = new Response('', {status: 204}); return [r.body, r.status, r.headers.has('content-type')]") == [None, 204, False]


def test_response_null_body_status_with_stream_is_type_error() -> None:
    js = "new Response(new ReadableStream(), {status: 304})"
    assert js_error(js)[0] == "TypeError"


def test_response_ok_is_false_outside_2xx() -> None:
    assert run("return [new Response(null, {status: 300}).ok, new Response(null, {status: 500}).ok]") == [False, False]


def test_response_text_body_and_content_type() -> None:
    js = "const r = new Response('héllo'); return [r.headers.get('content-type'), await r.text()]"
    assert run(js) == ["text/plain;charset=UTF-8", "héllo"]


def test_response_array_buffer_of_string_body_is_utf8() -> None:
    assert run("return [...new Uint8Array(await new Response('é').arrayBuffer())]") == [0xC3, 0xA9]


def test_response_bytes_returns_copy_of_source() -> None:
    js = "const src = new Uint8Array([1, 2]); const r = new Response(src); src[0] = 7; const u = await r.bytes(); return [u instanceof Uint8Array, [...u]]"
    assert run(js) == [True, [1, 2]]


def test_response_array_buffer_view_body() -> None:
    assert run("return await new Response(new Uint8Array([0, 104, 105, 0]).subarray(1, 3)).text()") == "hi"


def test_response_url_search_params_body() -> None:
    js = "const r = new Response(new URLSearchParams({a: '1 2', b: 'é'})); return [r.headers.get('content-type'), await r.text()]"
    assert run(js) == ["application/x-www-form-urlencoded;charset=UTF-8", "a=1+2&b=%C3%A9"]


def test_response_text_decodes_invalid_utf8_with_replacement() -> None:
    assert run("return await new Response(new Uint8Array([0x61, 0xff, 0x62])).text()") == "a\ufffdb"


def test_response_text_strips_bom() -> None:
    assert run("return await new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text()") == "a"


def test_response_json_body() -> None:
    assert run("return await new Response('[1, {\"a\": null}]').json()") == [1, {"a": None}]


def test_response_json_invalid_rejects_with_syntax_error() -> None:
    assert js_error("await new Response('{').json()")[0] == "SyntaxError"


def test_response_blob_has_content_type() -> None:
    js = "const b = await new Response('x', {headers: {'Content-Type': 'text/html'}}).blob(); return [b.type, b.size]"
    assert run(js) == ["text/html", 1]


def test_response_body_used_after_array_buffer() -> None:
    js = "const r = new Response('x'); await r.arrayBuffer(); return [r.bodyUsed, await r.text().catch(e => e.message)]"
    assert run(js) == [True, "Body has already been used. It can only be used once. Use tee() first if you need to read it twice."]


def test_response_null_body_reads_empty() -> None:
    js = "const r = new Response(null); return [await r.text(), (await r.arrayBuffer()).byteLength, r.bodyUsed]"
    assert run(js) == ["", 0, False]


def test_response_stream_body_is_read() -> None:
    js = """
    const s = new ReadableStream({start(c) { c.enqueue(new TextEncoder().encode('str')); c.enqueue(new Uint8Array([101, 97, 109])); c.close(); }});
    return await new Response(s).text();
    """
    assert run(js) == "stream"


def test_response_disturbed_stream_cannot_be_body() -> None:
    js = """
    const s = new ReadableStream({start(c) { c.enqueue(new Uint8Array([1])); c.close(); }});
    const reader = s.getReader(); await reader.read(); reader.releaseLock();
    new Response(s);
    """
    assert js_error(js) == ("TypeError", "This ReadableStream is disturbed (has already been read from), and cannot be used as a body.")


def test_response_json_static_sets_content_type() -> None:
    js = "const r = Response.json({a: 1}, {status: 201}); return [r.status, r.headers.get('content-type'), await r.json()]"
    assert run(js) == [201, "application/json", {"a": 1}]


def test_response_json_static_keeps_given_content_type() -> None:
    assert run("return Response.json(1, {headers: {'content-type': 'application/x'}}).headers.get('content-type')") == "application/x"


def test_response_redirect_sets_location_and_status() -> None:
    js = "const r = Response.redirect('https://example.com/x', 301); return [r.status, r.statusText, r.headers.get('location'), r.body]"
    assert run(js) == [301, "Moved Permanently", "https://example.com/x", None]


def test_response_redirect_defaults_to_302() -> None:
    assert run("return Response.redirect('https://a/').status") == 302


def test_response_redirect_invalid_status_is_range_error() -> None:
    assert js_error("Response.redirect('https://a/', 200)") == (
        "RangeError", "200 is not a redirect status code. It must be one of: 301, 302, 303, 307, or 308.")


def test_response_redirect_headers_are_immutable() -> None:
    assert js_error("Response.redirect('https://a/').headers.set('x', '1')") == ("TypeError", "Can't modify immutable headers.")


def test_response_redirect_relative_url_is_type_error() -> None:
    assert js_error("Response.redirect('/x')") == ("TypeError", "Unable to parse URL: /x")


def test_response_error_is_type_error_status_zero() -> None:
    js = "const r = Response.error(); return [r.status, r.type, r.statusText, r.ok, r.body]"
    assert run(js) == [0, "error", "", False, None]


def test_response_clone_duplicates_body_and_headers() -> None:
    js = "const a = new Response('x', {status: 202, headers: {k: 'v'}}); const b = a.clone(); b.headers.set('k', 'w'); return [b.status, await a.text(), await b.text(), a.headers.get('k')]"
    assert run(js) == [202, "x", "x", "v"]


def test_response_clone_tees_stream_body() -> None:
    js = """
    const s = new ReadableStream({start(c) { c.enqueue(new Uint8Array([120])); c.close(); }});
    const a = new Response(s); const b = a.clone();
    return [await b.text(), await a.text()];
    """
    assert run(js) == ["x", "x"]


def test_response_clone_of_used_body_is_type_error() -> None:
    assert js_error("const r = new Response('x'); await r.text(); r.clone()")[0] == "TypeError"


def test_response_from_response_init_copies_status_and_headers() -> None:
    js = "const a = new Response('a', {status: 404, headers: {k: 'v'}}); const b = new Response('b', a); return [b.status, b.statusText, b.headers.get('k'), await b.text()]"
    assert run(js) == [404, "Not Found", "v", "b"]


def test_response_encode_body_rejects_unknown_value() -> None:
    assert js_error("new Response('x', {encodeBody: 'gzip'})") == ("TypeError", "encodeBody: unexpected value: gzip")


def test_response_cf_is_kept() -> None:
    assert run("return new Response(null, {cf: {a: 1}}).cf") == {"a": 1}


def test_response_to_string_tag() -> None:
    assert run("return String(new Response())") == "[object Response]"


def test_response_to_wire_string_body_is_bytes_without_stream() -> None:
    js = """
    const r = new Response('hé', {status: 201, headers: [['X-A', '1'], ['x-a', '2'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]});
    const w = internals.fetch.responseToWire(r);
    return [w.status, w.statusText, w.headers, w.body, w.stream, w.webSocket, r.bodyUsed];
    """
    assert run_with_internals(js) == [
        201, "Created",
        [["X-A", "1"], ["X-A", "2"], ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"], ["Content-Type", "text/plain;charset=UTF-8"]],
        "hé".encode(), None, None, True]


def test_response_to_wire_null_body() -> None:
    js = "const w = internals.fetch.responseToWire(new Response(null, {status: 204})); return [w.body, w.stream]"
    assert run_with_internals(js) == [None, None]


def test_response_to_wire_blob_and_form_bodies_are_bytes() -> None:
    js = """
    const a = internals.fetch.responseToWire(new Response(new Blob(['b'])));
    const f = new FormData(); f.append('k', 'v');
    const b = internals.fetch.responseToWire(new Response(f));
    return [a.body, a.stream, b.body !== null, b.stream];
    """
    assert run_with_internals(js) == [b"b", None, True, None]


def test_response_to_wire_does_not_create_stream_for_bytes() -> None:
    js = """
    const r = new Response(new Uint8Array([1]));
    const w = internals.fetch.responseToWire(r);
    return [w.body, w.stream];
    """
    assert run_with_internals(js) == [b"\x01", None]


def test_response_to_wire_after_body_access_still_sends_bytes() -> None:
    js = "const r = new Response('ok'); r.body; const w = internals.fetch.responseToWire(r); return [w.body, w.stream]"
    assert run_with_internals(js) == [b"ok", None]


def test_response_to_wire_stream_body_hands_over_stream() -> None:
    js = """
    const s = new ReadableStream({start(c) { c.enqueue(new Uint8Array([1])); c.close(); }});
    const w = internals.fetch.responseToWire(new Response(s));
    return [w.body, w.stream === s];
    """
    assert run_with_internals(js) == [None, True]


def test_response_to_wire_rejects_non_response() -> None:
    js = "try { internals.fetch.responseToWire({status: 200}); } catch (e) { return [e.name, e.message]; }"
    assert run_with_internals(js) == ["TypeError", "Incorrect type for Promise: the Promise did not resolve to 'Response'."]


def test_response_to_wire_rejects_used_body() -> None:
    js = "const r = new Response('x'); await r.text(); try { internals.fetch.responseToWire(r); } catch (e) { return e.message; }"
    assert run_with_internals(js).startswith("Body has already been used.")


def test_response_is_response_brand_check() -> None:
    js = "return [internals.fetch.isResponse(new Response()), internals.fetch.isResponse(Object.create(Response.prototype))]"
    assert run_with_internals(js) == [True, False]


def test_response_getter_on_non_response_is_type_error() -> None:
    assert js_error("await Object.create(Response.prototype).text()") == ("TypeError", "Illegal invocation")
    assert js_error("Object.getOwnPropertyDescriptor(Response.prototype, 'status').get.call({})")[0] == "TypeError"


def test_response_buffered_body_reads_without_creating_a_stream() -> None:
    js = """
    const saved = internals.streams;
    const fail = () => { throw new Error('stream created'); };
    internals.streams = {...saved, readableFromChunks: fail, createReadable: fail};
    try {
      const a = await new Response('x').text();
      const b = (await new Response(new Uint8Array(2)).arrayBuffer()).byteLength;
      const c = await new Request('https://a/', {method: 'POST', body: 'y'}).clone().text();
      const w = internals.fetch.responseToWire(new Response('z'));
      return [a, b, c, w.body];
    } finally {
      internals.streams = saved;
    }
    """
    assert run_with_internals(js) == ["x", 2, "y", b"z"]


def test_response_json_of_undefined_serialises_as_undefined_text() -> None:
    assert run("return await Response.json(undefined).text()") == "undefined"


def test_response_clone_of_used_body_names_the_locked_stream() -> None:
    js = "const r = new Response('x'); await r.text(); try { r.clone(); } catch (e) { return e.message; }"
    assert run(js) == "This ReadableStream is currently locked to a reader,"
