from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.request.support import run


def test_formdata_append_and_get_all_keep_order() -> None:
    js = "const f = new FormData(); f.append('a', '1'); f.append('b', '2'); f.append('a', '3'); return [f.get('a'), f.getAll('a'), [...f.keys()]]"
    assert run(js) == ["1", ["1", "3"], ["a", "b", "a"]]


def test_formdata_get_missing_returns_null() -> None:
    assert run("return new FormData().get('x')") is None


def test_formdata_set_replaces_first_and_removes_rest() -> None:
    js = "const f = new FormData(); f.append('a', '1'); f.append('b', '2'); f.append('a', '3'); f.set('a', '9'); return [...f]"
    assert run(js) == [["a", "9"], ["b", "2"]]


def test_formdata_delete_and_has() -> None:
    js = "const f = new FormData(); f.append('a', '1'); f.append('a', '2'); f.delete('a'); return [f.has('a'), [...f].length]"
    assert run(js) == [False, 0]


def test_formdata_values_are_converted_to_strings() -> None:
    assert run("const f = new FormData(); f.append('n', 5); return f.get('n')") == "5"


def test_formdata_blob_becomes_file_named_by_filename() -> None:
    js = "const f = new FormData(); f.append('up', new Blob(['abc'], {type: 'text/x'}), 'a.txt'); const v = f.get('up'); return [v instanceof File, v.name, v.type, await v.text()]"
    assert run(js) == [True, "a.txt", "text/x", "abc"]


def test_formdata_blob_without_filename_is_named_by_entry_name() -> None:
    assert run("const f = new FormData(); f.append('up', new Blob(['x'])); return f.get('up').name") == "up"


def test_formdata_file_keeps_its_name_without_filename() -> None:
    assert run("const f = new FormData(); f.append('up', new File(['x'], 'orig.bin')); return f.get('up').name") == "orig.bin"


def test_formdata_entries_and_foreach() -> None:
    js = "const f = new FormData(); f.append('a', '1'); f.append('b', '2'); const out = []; f.forEach((v, k) => out.push(k + '=' + v)); return [out, [...f.entries()], [...f.values()]]"
    assert run(js) == [["a=1", "b=2"], [["a", "1"], ["b", "2"]], ["1", "2"]]


def test_formdata_append_requires_two_arguments() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new FormData().append('a')")
    assert e.value.name == "TypeError"


def test_formdata_round_trips_through_multipart_body() -> None:
    js = """
    const f = new FormData();
    f.append('text', 'héllo "q"');
    f.append('file', new File([new Uint8Array([0, 255, 13, 10, 1])], 'b.bin', {type: 'application/x-bin'}));
    const r = new Response(f);
    const parsed = await r.formData();
    const file = parsed.get('file');
    return [parsed.get('text'), file.name, file.type, [...await file.bytes()]];
    """
    assert run(js) == ['héllo "q"', "b.bin", "application/x-bin", [0, 255, 13, 10, 1]]


def test_formdata_body_sets_multipart_content_type_with_boundary() -> None:
    js = """
    const f = new FormData(); f.append('a', '1');
    const r = new Request('https://x/', {method: 'POST', body: f});
    const ct = r.headers.get('content-type');
    const boundary = ct.split('boundary=')[1];
    const text = await r.text();
    return [ct.startsWith('multipart/form-data; boundary='), boundary.length, text === `--${boundary}\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--${boundary}--`];
    """
    assert run(js) == [True, 32, True]


def test_formdata_multipart_file_without_type_is_octet_stream() -> None:
    js = "const f = new FormData(); f.append('f', new Blob(['x']), 'n'); return (await new Response(f).text()).includes('Content-Type: application/octet-stream')"
    assert run(js) is True


def test_formdata_parses_multipart_with_lf_only_line_endings() -> None:
    js = """
    const body = '--B\\nContent-Disposition: form-data; name="a"\\n\\nv1\\n--B\\nContent-Disposition: form-data; name="f"; filename="x.txt"\\nContent-Type: text/plain\\n\\nfile\\n--B--';
    const fd = await new Response(body, {headers: {'content-type': 'multipart/form-data; boundary=B'}}).formData();
    const f = fd.get('f');
    return [fd.get('a'), f.name, f.type, await f.text()];
    """
    assert run(js) == ["v1", "x.txt", "text/plain", "file"]


def test_formdata_parses_urlencoded_body() -> None:
    js = "const fd = await new Response('a=1&b=x+y&c=%C3%A9&a=2&&d', {headers: {'content-type': 'application/x-www-form-urlencoded'}}).formData(); return [...fd]"
    assert run(js) == [["a", "1"], ["b", "x y"], ["c", "é"], ["a", "2"], ["d", ""]]


def test_formdata_parse_without_boundary_is_type_error() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("await new Response('x', {headers: {'content-type': 'multipart/form-data'}}).formData()")
    assert e.value.name == "TypeError"
    assert e.value.message.startswith("No boundary string in Content-Type header.")


def test_formdata_parse_unrecognized_content_type_is_type_error() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("await new Response('x').formData()")
    assert e.value.message.startswith("Unrecognized Content-Type header value. FormData can only parse")


def test_formdata_parse_requires_content_type() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("await new Response(new Uint8Array([1])).formData()")
    assert e.value.message == "Parsing a Body as FormData requires a Content-Type header."


def test_formdata_parse_truncated_multipart_is_type_error() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("""await new Response('--B\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\nv', {headers: {'content-type': 'multipart/form-data; boundary=B'}}).formData()""")
    assert e.value.message == "No subsequent boundary string after multipart message."


def test_formdata_name_ending_with_backslash_cannot_be_serialized() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("const f = new FormData(); f.append('a\\\\', '1'); new Response(f)")
    assert e.value.message == "Name or filename can't end with backslash"


def test_formdata_multipart_escapes_quote_and_newline_in_names() -> None:
    js = "const f = new FormData(); f.append('a\"b\\nc', '1'); return (await new Response(f).text()).includes('name=\"a%22b%0Ac\"')"
    assert run(js) is True


def test_formdata_ignores_filename_for_string_values_and_constructor_argument() -> None:
    assert run("const f = new FormData('ignored'); f.append('a', 'v', 'n.txt'); return Array.from(f)") == [["a", "v"]]


def test_formdata_lone_surrogate_becomes_three_replacement_characters() -> None:
    assert run("const f = new FormData(); f.append('a\\uD800', 'v'); return f.get('a\\uFFFD\\uFFFD\\uFFFD')") == "v"


def test_formdata_missing_value_names_the_parameter_type() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new FormData().append('a')")
    assert e.value.message == "Failed to execute 'append' on 'FormData': parameter 2 is not of type 'File or Blob or string'."
