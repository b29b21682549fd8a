from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.request.support import run


def test_blob_concatenates_string_buffer_view_and_blob_parts() -> None:
    js = """
    const b = new Blob(['ab', new Uint8Array([99]).buffer, new Uint16Array([0x6564]), new Blob(['f'])]);
    return [b.size, await b.text()];
    """
    assert run(js) == [6, "abcdef"]


def test_blob_encodes_strings_as_utf8() -> None:
    assert run("const b = new Blob(['é€😀']); return [b.size, await b.text()]") == [9, "é€😀"]


def test_blob_empty_by_default() -> None:
    assert run("const b = new Blob(); return [b.size, b.type, await b.text()]") == [0, "", ""]


def test_blob_type_is_lowercased() -> None:
    assert run("return new Blob([], {type: 'Text/HTML'}).type") == "text/html"


def test_blob_type_with_control_character_becomes_empty() -> None:
    assert run("return new Blob([], {type: 'text/\\u0001x'}).type") == ""


def test_blob_copies_buffer_parts() -> None:
    js = "const u = new Uint8Array([1, 2]); const b = new Blob([u]); u[0] = 9; return [...await b.bytes()]"
    assert run(js) == [1, 2]


def test_blob_slice_with_negative_indexes() -> None:
    js = "const b = new Blob(['hello world']); return [await b.slice(-5).text(), await b.slice(0, -6).text(), await b.slice(-3, -1).text()]"
    assert run(js) == ["world", "hello", "rl"]


def test_blob_slice_clamps_and_sets_type() -> None:
    js = "const b = new Blob(['abc'], {type: 'a/b'}); const s = b.slice(2, 100, 'X/Y'); return [await s.text(), s.type, b.slice(2, 1).size, b.slice().type]"
    assert run(js) == ["c", "x/y", 0, ""]


def test_blob_array_buffer_returns_copy() -> None:
    js = "const b = new Blob(['ab']); const ab = await b.arrayBuffer(); new Uint8Array(ab)[0] = 0; return [ab instanceof ArrayBuffer, await b.text()]"
    assert run(js) == [True, "ab"]


def test_blob_bytes_returns_uint8array() -> None:
    assert run("const u = await new Blob(['hi']).bytes(); return [u instanceof Uint8Array, u]") == [True, b"hi"]


def test_blob_stream_yields_bytes() -> None:
    js = """
    const r = new Blob(['hey']).stream().getReader();
    const out = [];
    for (;;) { const {done, value} = await r.read(); if (done) break; out.push(...value); }
    return out;
    """
    assert run(js) == [104, 101, 121]


def test_blob_rejects_non_sequence_parts() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new Blob('abc')")
    assert e.value.name == "TypeError"


def test_blob_to_string_tag() -> None:
    assert run("return [String(new Blob()), String(new File([], 'f'))]") == ["[object Blob]", "[object File]"]


def test_file_has_name_type_and_last_modified() -> None:
    js = "const f = new File(['x'], 'a.txt', {type: 'text/plain', lastModified: 1234}); return [f.name, f.type, f.lastModified, f.size, f instanceof Blob]"
    assert run(js) == ["a.txt", "text/plain", 1234, 1, True]


def test_file_last_modified_defaults_to_now() -> None:
    assert run("const t = Date.now(); const f = new File([], 'n'); return f.lastModified >= t && f.lastModified <= Date.now()") is True


def test_file_requires_name() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new File(['x'])")
    assert e.value.name == "TypeError"


def test_blob_size_and_type_are_readonly_getters() -> None:
    js = "const b = new Blob(['x']); const d = Object.getOwnPropertyDescriptor(Blob.prototype, 'size'); return [typeof d.get, d.set === undefined, Object.keys(b).length]"
    assert run(js) == ["function", True, 0]


def test_blob_string_part_keeps_lone_surrogate_as_wtf8_bytes() -> None:
    assert run("return Array.from(new Uint8Array(await new Blob(['a\\uD800b']).arrayBuffer()))") == [97, 0xED, 0xA0, 0x80, 98]


def test_blob_endings_option_is_not_implemented_error() -> None:
    js = "try { new Blob(['a'], { endings: 'native' }); } catch (e) { return [e.constructor.name, e.message]; }"
    assert run(js) == ["Error", "The 'endings' field on 'Options' is not implemented."]


def test_body_blob_type_is_the_normalised_mime_type() -> None:
    js = """
    const types = ['Text/Plain;A=B', 'text/html ; Charset="UTF-8" ; x', 'nonsense', 'a/b, c/d;q=1', 'text/plain;charset=x, text/plain'];
    const out = [];
    for (const t of types) out.push((await new Response('x', { headers: { 'content-type': t } }).blob()).type);
    return out;
    """
    assert run(js) == ["text/plain;a=B", "text/html;charset=UTF-8", "", "c/d;q=1", "text/plain;charset=x"]
