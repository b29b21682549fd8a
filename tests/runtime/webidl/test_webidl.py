from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js


def test_domexception_has_name_message_and_legacy_code() -> None:
    assert run('const e = new DOMException("boom", "NotFoundError"); return [e.name, e.message, e.code]') == [
        "NotFoundError", "boom", 8]


def test_domexception_defaults_to_error_name_and_code_zero() -> None:
    assert run('const e = new DOMException(); return [e.name, e.message, e.code]') == ["Error", "", 0]


def test_domexception_second_argument_is_a_name_string_and_an_options_object_is_stringified() -> None:
    # workerd's DOMException(message, name) reads no {name, cause} options.
    assert run('const e = new DOMException("m", {name: "AbortError", cause: 7});'
               'return [e.name, e.cause === undefined, "cause" in e, e.code]') == [
        "[object Object]", True, False, 0]


def test_domexception_is_an_error_with_stack_naming_it() -> None:
    assert run('const e = new DOMException("m", "DataCloneError");'
               'return [e instanceof Error, e.stack.split("\\n")[0], String(e), DOMException.DATA_CLONE_ERR]') == [
        True, "DataCloneError: m", "DataCloneError: m", 25]


def test_domexception_global_is_not_an_own_key_of_global_this() -> None:
    assert run('return [Object.keys(globalThis).includes("DOMException"), Object.hasOwn(globalThis, "DOMException"),'
               '"DOMException" in globalThis]') == [False, False, True]


def test_thrown_domexception_surfaces_with_its_name() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('throw new DOMException("nope", "InvalidStateError")')
    assert exc.value.name == "InvalidStateError"
    assert exc.value.message == "nope"


def test_missing_argument_is_reported_as_parameter_type_like_workerd() -> None:
    js = "try { atob(); } catch (e) { return [e.name, e.message]; }"
    assert run(js) == ["TypeError", "Failed to execute 'atob' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'string'."]


def test_request_and_response_wrappers_support_new_only_and_subclassing() -> None:
    js = """
    class R extends Response { get tag() { return 'r'; } }
    const r = new R('x', { status: 201 });
    const errors = [];
    for (const C of [Request, Response]) { try { C('https://a/'); } catch (e) { errors.push(e.message); } }
    return [r instanceof Response, r.tag, r.status, await r.text(), Response.json({a: 1}) instanceof Response,
            new Request('https://a/') instanceof Request, Request.prototype.constructor === Request, errors];
    """
    assert run(js) == [True, "r", 201, "x", True, True, True, [
        "Failed to construct 'Request': Please use the 'new' operator, this object constructor cannot be called as a function.",
        "Failed to construct 'Response': Please use the 'new' operator, this object constructor cannot be called as a function.",
    ]]
