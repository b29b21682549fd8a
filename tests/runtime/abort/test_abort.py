from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js


def test_new_controller_signal_is_not_aborted() -> None:
    assert run('const c = new AbortController();'
               'return [c.signal.aborted, c.signal.reason === undefined]') == [False, True]


def test_abort_without_reason_uses_abort_error() -> None:
    assert run('const c = new AbortController(); c.abort();'
               'const r = c.signal.reason;'
               'return [c.signal.aborted, r instanceof DOMException, r.name, r.message]') == [
        True, True, "AbortError", "The operation was aborted"]


def test_abort_keeps_given_reason() -> None:
    assert run('const c = new AbortController(); c.abort("why"); return c.signal.reason') == "why"


def test_abort_fires_onabort_and_listeners_once() -> None:
    assert run('const c = new AbortController(); const seen = [];'
               'c.signal.onabort = (e) => seen.push("on:" + e.type + ":" + e.isTrusted);'
               'c.signal.addEventListener("abort", () => seen.push("listener"));'
               'c.abort(); c.abort(); return seen') == ["on:abort:true", "listener"]


def test_throw_if_aborted_throws_reason() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('const c = new AbortController(); c.signal.throwIfAborted(); c.abort(new RangeError("r"));'
            'c.signal.throwIfAborted()')
    assert exc.value.name == "RangeError"
    assert exc.value.message == "r"


def test_static_abort_is_already_aborted() -> None:
    assert run('const s = AbortSignal.abort(); const t = AbortSignal.abort(5);'
               'return [s.aborted, s.reason.name, t.reason]') == [
        True, "AbortError", 5]


def test_signal_constructor_is_illegal() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('new AbortSignal()')
    assert exc.value.message == "Illegal constructor"


def test_any_follows_first_aborted_source() -> None:
    assert run('const a = new AbortController(), b = new AbortController();'
               'const s = AbortSignal.any([a.signal, b.signal]); const before = s.aborted;'
               'let fired = 0; s.addEventListener("abort", () => fired++);'
               'b.abort("b"); a.abort("a"); return [before, s.aborted, s.reason, fired]') == [False, True, "b", 1]


def test_any_of_already_aborted_signal_is_aborted_at_once() -> None:
    assert run('const s = AbortSignal.any([new AbortController().signal, AbortSignal.abort("x")]);'
               'return [s.aborted, s.reason]') == [True, "x"]


def test_any_of_nothing_never_aborts() -> None:
    assert run('const s = AbortSignal.any([]); return s.aborted') is False


def test_any_rejects_non_signals_naming_the_array_element() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('AbortSignal.any([AbortSignal.abort(), {}])')
    assert exc.value.name == "TypeError"
    assert exc.value.message == "Incorrect type for array element 1: the provided value is not of type 'AbortSignal'."


def test_any_requires_an_array() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('AbortSignal.any(new Set())')
    assert exc.value.message == "Failed to execute 'any' on 'AbortSignal': parameter 1 is not of type 'Array'."


def test_timeout_aborts_with_timeout_error_when_timers_exist() -> None:
    result = run('if (typeof setTimeout !== "function") return "no-timers";'
                 'const s = AbortSignal.timeout(1);'
                 'await new Promise((r) => s.addEventListener("abort", r));'
                 'return [s.reason.name, s.reason.message]')
    if result == "no-timers":
        pytest.skip("timers are not installed in this runtime yet")
    assert result == ["TimeoutError", "The operation was aborted due to timeout"]


def test_timeout_accepts_negative_delay_and_fires_like_zero() -> None:
    result = run('if (typeof setTimeout !== "function") return "no-timers";'
                 'const s = AbortSignal.timeout(-1); const before = s.aborted;'
                 'await new Promise((r) => s.addEventListener("abort", r));'
                 'return [before, s.reason.name]')
    if result == "no-timers":
        pytest.skip("timers are not installed in this runtime yet")
    assert result == [False, "TimeoutError"]
