from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.request.support import run


def test_headers_get_is_case_insensitive() -> None:
    assert run("const h = new Headers({'Content-Type': 'text/html'}); return [h.get('content-type'), h.get('CONTENT-TYPE'), h.has('Content-type')]") == ["text/html", "text/html", True]


def test_headers_get_missing_returns_null() -> None:
    assert run("return new Headers().get('x-missing')") is None


def test_headers_append_combines_with_comma_space() -> None:
    assert run("const h = new Headers(); h.append('Accept', 'a'); h.append('accept', 'b'); return h.get('accept')") == "a, b"


def test_headers_set_replaces_all_values() -> None:
    assert run("const h = new Headers([['a','1'],['a','2']]); h.set('A', '3'); return h.get('a')") == "3"


def test_headers_delete_removes_name() -> None:
    assert run("const h = new Headers({a: '1', b: '2'}); h.delete('A'); return [h.has('a'), h.has('b')]") == [False, True]


def test_headers_iterate_sorted_with_set_cookie_apart() -> None:
    js = """
    const h = new Headers();
    h.append('Zeta', '1'); h.append('Set-Cookie', 'a=1'); h.append('alpha', '2');
    h.append('set-cookie', 'b=2'); h.append('zeta', '3');
    return [...h];
    """
    assert run(js) == [["alpha", "2"], ["set-cookie", "a=1"], ["set-cookie", "b=2"], ["zeta", "1, 3"]]


def test_headers_keys_and_values_follow_sorted_order() -> None:
    js = "const h = new Headers({b: '2', a: '1'}); return [[...h.keys()], [...h.values()]]"
    assert run(js) == [["a", "b"], ["1", "2"]]


def test_headers_get_set_cookie_returns_each_value() -> None:
    js = "const h = new Headers(); h.append('Set-Cookie', 'a=1'); h.append('Set-Cookie', 'b=2, c'); return [h.getSetCookie(), h.get('set-cookie')]"
    assert run(js) == [["a=1", "b=2, c"], "a=1, b=2, c"]


def test_headers_get_set_cookie_empty_when_absent() -> None:
    assert run("return new Headers().getSetCookie()") == []


def test_headers_get_all_only_for_set_cookie() -> None:
    assert run("const h = new Headers([['set-cookie','x'],['set-cookie','y']]); return h.getAll('Set-Cookie')") == ["x", "y"]
    with pytest.raises(JavaScriptError) as e:
        run("new Headers().getAll('accept')")
    assert e.value.name == "TypeError"
    assert e.value.message == 'getAll() can only be used with the header name "Set-Cookie".'


def test_headers_invalid_name_is_type_error() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new Headers().append('bad name', 'x')")
    assert (e.value.name, e.value.message) == ("TypeError", "Invalid header name.")


def test_headers_invalid_name_on_get_is_type_error() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new Headers().get('a:b')")
    assert e.value.message == "Invalid header name."


def test_headers_value_with_newline_is_type_error() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new Headers().set('x', 'a\\nb')")
    assert (e.value.name, e.value.message) == ("TypeError", "Invalid header value.")


def test_headers_value_is_trimmed_of_http_whitespace() -> None:
    assert run("const h = new Headers(); h.set('x', ' \\t v a l \\r\\n'); return h.get('x')") == "v a l"


def test_headers_from_array_of_pairs() -> None:
    assert run("return [...new Headers([['B','2'],['a','1']])]") == [["a", "1"], ["b", "2"]]


def test_headers_from_pairs_rejects_wrong_length() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new Headers([['a','1','2']])")
    assert e.value.message == (
        "To initialize a Headers object from a sequence, each inner sequence must have exactly two elements.")


def test_headers_from_headers_copies_independently() -> None:
    js = "const a = new Headers({x: '1'}); const b = new Headers(a); b.set('x', '2'); return [a.get('x'), b.get('x')]"
    assert run(js) == ["1", "2"]


def test_headers_from_record_converts_values_to_strings() -> None:
    assert run("return new Headers({n: 42}).get('n')") == "42"


def test_headers_foreach_passes_value_key_and_object() -> None:
    js = "const h = new Headers({b: '2', a: '1'}); const out = []; h.forEach(function (v, k, o) { out.push([v, k, o === h, this.t]); }, {t: 'T'}); return out"
    assert run(js) == [["1", "a", True, "T"], ["2", "b", True, "T"]]


def test_headers_iteration_is_a_snapshot() -> None:
    js = "const h = new Headers({a: '1'}); const it = h.entries(); h.set('b', '2'); return [...it]"
    assert run(js) == [["a", "1"]]


def test_headers_to_string_tag() -> None:
    assert run("return Object.prototype.toString.call(new Headers())") == "[object Headers]"


def test_headers_incoming_request_headers_are_immutable() -> None:
    from tests.runtime.request.support import run_with_internals

    js = """
    const req = internals.fetch.requestFromWire({method: 'GET', url: 'https://a/', headers: [['x', '1']], body: null, streamed: false, cf: {}}, null);
    try { req.headers.set('x', '2'); } catch (e) { return [e.name, e.message, req.headers.get('x')]; }
    """
    assert run_with_internals(js) == ["TypeError", "Can't modify immutable headers.", "1"]


def test_headers_copied_from_immutable_are_mutable() -> None:
    js = "const r = Response.redirect('https://a/', 301); const h = new Headers(r.headers); h.set('x', '1'); return h.get('location')"
    assert run(js) == "https://a/"


def test_headers_not_callable_without_new() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("Headers()")
    assert e.value.name == "TypeError"


def test_headers_append_requires_two_arguments() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new Headers().append('a')")
    assert e.value.name == "TypeError"


def test_headers_accepts_empty_and_non_ascii_names_as_workerd() -> None:
    js = "const h = new Headers({'': 'e'}); h.set('Naïve', '1'); return [Array.from(h), h.get('NAÏVE')]"
    assert run(js) == [[["", "e"], ["naïve", "1"]], None]


def test_headers_from_null_or_string_is_type_error() -> None:
    msg = "Failed to construct 'Headers': constructor parameter 1 is not of type 'Headers or Sequence or object'."
    for init in ("null", "'a'"):
        with pytest.raises(JavaScriptError) as e:
            run(f"new Headers({init})")
        assert e.value.message == msg


def test_headers_missing_argument_names_the_parameter_type() -> None:
    with pytest.raises(JavaScriptError) as e:
        run("new Headers().append('a')")
    assert e.value.message == "Failed to execute 'append' on 'Headers': parameter 2 is not of type 'string'."


def test_headers_iterators_are_tagged_as_workerd() -> None:
    js = "const h = new Headers(); return [h.entries(), h.keys(), h.values()].map((i) => Object.prototype.toString.call(i))"
    assert run(js) == ["[object EntryIterator]", "[object KeyIterator]", "[object ValueIterator]"]


def test_headers_subclass_and_call_without_new() -> None:
    js = """
    class H extends Headers {}
    const h = new H({a: '1'});
    let err;
    try { Headers(); } catch (e) { err = e.message; }
    return [h instanceof Headers, h.get('a'), err];
    """
    assert run(js) == [True, "1", "Failed to construct 'Headers': Please use the 'new' operator, this object constructor cannot be called as a function."]


def test_headers_wire_pairs_leave_out_names_http_cannot_carry() -> None:
    from tests.runtime.request.support import run_with_internals

    js = "const h = new Headers({'': 'e', 'naïve': '1', 'X-A': '2'}); return internals.headers.toPairs(h)"
    assert run_with_internals(js) == [["X-A", "2"]]
