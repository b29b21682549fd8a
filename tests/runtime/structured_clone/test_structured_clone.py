from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js


def test_primitives_clone_to_themselves() -> None:
    assert run('return [structuredClone(1), structuredClone("s"), structuredClone(null), structuredClone(true),'
               'structuredClone(10n) === 10n, structuredClone(undefined) === undefined,'
               'Object.is(structuredClone(-0), -0)]') == [
        1, "s", None, True, True, True, True]


def test_plain_object_is_deep_copied() -> None:
    assert run('const o = {a: {b: [1, 2]}}; const c = structuredClone(o); c.a.b.push(3);'
               'return [o.a.b.length, c.a.b.length, c !== o]') == [2, 3, True]


def test_cycles_are_preserved() -> None:
    assert run('const o = {name: "o"}; o.self = o; o.list = [o]; const c = structuredClone(o);'
               'return [c.self === c, c.list[0] === c, c !== o]') == [True, True, True]


def test_shared_references_stay_shared() -> None:
    assert run('const s = {x: 1}; const c = structuredClone({a: s, b: s});'
               'return [c.a === c.b, c.a !== s]') == [True, True]


def test_date_regexp_and_wrappers() -> None:
    assert run('const c = structuredClone([new Date(42), /ab+/gi, Object(false), Object(3), Object("s")]);'
               'return [c[0].getTime(), c[1].source, c[1].flags, typeof c[2], c[2].valueOf(), c[3].valueOf(),'
               'c[4].valueOf()]') == [
        42, "ab+", "gi", "object", False, 3, "s"]


def test_map_and_set_with_object_keys() -> None:
    assert run('const k = {}; const m = new Map([[k, 1]]); const c = structuredClone({m, s: new Set([k]), k});'
               'return [c.m.get(c.k), c.s.has(c.k), c.m.size]') == [1, True, 1]


def test_typed_arrays_share_their_cloned_buffer() -> None:
    assert run('const b = new ArrayBuffer(8);'
               'const c = structuredClone({x: new Uint8Array(b, 2, 4), y: new DataView(b), b});'
               'c.x[0] = 9;'
               'return [c.x.buffer === c.b, c.y.getUint8(2), c.x.byteOffset, c.x.length, new Uint8Array(b)[2]]') == [
        True, 9, 2, 4, 0]


def test_errors_keep_type_message_and_stack() -> None:
    assert run('const e = new RangeError("bad"); const c = structuredClone(e);'
               'return [c instanceof RangeError, c.name, c.message, c.stack === e.stack, c !== e]') == [
        True, "RangeError", "bad", True, True]


def test_class_instances_clone_as_plain_objects() -> None:
    assert run('class P { constructor() { this.x = 1; } } const c = structuredClone(new P());'
               'return [c instanceof P, Object.getPrototypeOf(c) === Object.prototype, c.x]') == [False, True, 1]


def test_sparse_array_keeps_length_and_holes() -> None:
    assert run('const a = [1, , 3]; a.length = 5; const c = structuredClone(a);'
               'return [c.length, 1 in c, c[2]]') == [5, False, 3]


def test_transfer_detaches_source_buffer() -> None:
    assert run('const b = new Uint8Array([1, 2, 3]).buffer; const c = structuredClone(b, {transfer: [b]});'
               'return [b.byteLength, c.byteLength, new Uint8Array(c)[2]]') == [0, 3, 3]


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("() => 1", "() => 1 could not be cloned."),
        ('Symbol("s")', "Symbol(s) could not be cloned."),
        ("new WeakMap()", "#<WeakMap> could not be cloned."),
        ("Promise.resolve()", "#<Promise> could not be cloned."),
        ("{f() {}}", "f() {} could not be cloned."),
    ],
)
def test_non_cloneable_values_throw_data_clone_error(expr: str, message: str) -> None:
    with pytest.raises(JavaScriptError) as exc:
        run(f"structuredClone({expr})")
    assert exc.value.name == "DataCloneError"
    assert exc.value.message == message


def test_structured_clone_requires_an_argument() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("structuredClone()")
    assert exc.value.name == "TypeError"


def test_missing_argument_fails_jsvalue_conversion_like_workerd() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("structuredClone()")
    assert exc.value.message == (
        "Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'JsValue'.")


def test_error_with_unknown_name_clones_as_error_keeping_the_name() -> None:
    assert run('const e = new Error("m"); e.name = "CustomError"; const c = structuredClone(e);'
               'return [c.name, c.constructor.name, c.message, c instanceof Error]') == [
        "CustomError", "Error", "m", True]


def test_error_named_as_a_known_type_clones_as_that_type() -> None:
    assert run('const e = new Error("m"); e.name = "TypeError"; const c = structuredClone(e);'
               'return [c instanceof TypeError, c.name]') == [True, "TypeError"]


def test_error_keeps_extra_own_properties_cloned() -> None:
    assert run('const e = new Error("m"); e.code = 42; e.info = {a: [1]}; const c = structuredClone(e);'
               'return [c.code, c.info.a[0], c.info !== e.info, "cause" in c]') == [42, 1, True, False]


def test_error_with_non_string_message_is_a_data_clone_error() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('const e = new Error("m"); e.message = 5; structuredClone(e)')
    assert exc.value.name == "DataCloneError"
    assert exc.value.message == "Deserialization failed: error message is not a string"


def test_proxy_is_a_data_clone_error() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("structuredClone({inner: new Proxy({}, {})})")
    assert exc.value.name == "DataCloneError"
    assert exc.value.message == "#<Object> could not be cloned."


def test_blob_is_a_data_clone_error_like_workerd() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('structuredClone(new Blob(["x"]))')
    assert exc.value.name == "DataCloneError"
    assert exc.value.message == 'Could not serialize object of type "Blob". This type does not support serialization.'


def test_transfer_must_be_an_array() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("structuredClone(1, {transfer: new Set()})")
    assert exc.value.message == (
        "Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided value is not of type 'Array'.")


def test_transfer_of_a_non_buffer_is_a_type_error() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("structuredClone(1, {transfer: [{}]})")
    assert exc.value.name == "TypeError"
    assert exc.value.message == "Object is not transferable"


def test_transfer_accepts_duplicates_and_views() -> None:
    assert run('const b = new Uint8Array([5, 6]).buffer; const v = new Uint8Array(b);'
               'const c = structuredClone({b, v}, {transfer: [b, v, b]});'
               'return [b.byteLength, c.b.byteLength, c.v.buffer === c.b, c.v[1]]') == [0, 2, True, 6]
