from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js


def test_event_has_type_flags_and_zero_timestamp() -> None:
    assert run('const e = new Event("x", {bubbles: true, cancelable: true});'
               'return [e.type, e.bubbles, e.cancelable, e.composed, e.timeStamp, e.isTrusted, e.eventPhase]') == [
        "x", True, True, False, 0, False, 0]


def test_event_phase_constants() -> None:
    assert run('return [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE,'
               'new Event("a").AT_TARGET]') == [
        0, 1, 2, 3, 2]


def test_event_without_type_fails_string_conversion_like_workerd() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('new Event()')
    assert exc.value.message == "Failed to construct 'Event': constructor parameter 1 is not of type 'string'."


def test_event_target_is_undefined_before_dispatch_and_kept_after() -> None:
    assert run('const t = new EventTarget(); const e = new Event("x");'
               'const before = [e.target === undefined, e.currentTarget === undefined];'
               't.dispatchEvent(e); return [...before, e.target === t, e.currentTarget === t, e.eventPhase]') == [
        True, True, True, True, 0]


def test_dispatch_calls_listeners_in_order_with_target_as_this() -> None:
    assert run('const t = new EventTarget(); const seen = [];'
               't.addEventListener("x", function (e) { seen.push(["a", this === t, e.target === t, e.eventPhase]) });'
               't.addEventListener("x", () => seen.push(["b"]));'
               't.dispatchEvent(new Event("x")); return seen') == [["a", True, True, 2], ["b"]]


def test_dispatch_returns_false_when_any_event_is_prevented_like_workerd() -> None:
    assert run('const t = new EventTarget(); let prevented;'
               't.addEventListener("x", (e) => { e.preventDefault(); prevented = e.defaultPrevented; });'
               'return [t.dispatchEvent(new Event("x", {cancelable: true})),'
               't.dispatchEvent(new Event("x")), prevented]') == [False, False, False]


def test_redispatch_clears_an_earlier_prevent_default() -> None:
    assert run('const t = new EventTarget(); const e = new Event("x"); e.preventDefault();'
               'return t.dispatchEvent(e)') is True


def test_prevent_default_is_ignored_for_non_cancelable_event() -> None:
    assert run('const e = new Event("x"); e.preventDefault(); return e.defaultPrevented') is False


def test_same_listener_is_added_once() -> None:
    assert run('const t = new EventTarget(); let n = 0; const f = () => n++;'
               't.addEventListener("x", f); t.addEventListener("x", f); t.dispatchEvent(new Event("x")); return n') == 1


def test_once_listener_runs_once() -> None:
    assert run('const t = new EventTarget(); let n = 0; t.addEventListener("x", () => n++, {once: true});'
               't.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("x")); return n') == 1


def test_remove_event_listener_stops_calls() -> None:
    assert run('const t = new EventTarget(); let n = 0; const f = () => n++; t.addEventListener("x", f);'
               't.removeEventListener("x", f); t.dispatchEvent(new Event("x")); return n') == 0


def test_handle_event_object_is_called_with_itself_as_this() -> None:
    assert run('const t = new EventTarget(); const o = { n: 0, handleEvent(e) { this.n++; } };'
               't.addEventListener("x", o); t.dispatchEvent(new Event("x")); return o.n') == 1


def test_stop_immediate_propagation_skips_later_listeners() -> None:
    assert run('const t = new EventTarget(); const seen = [];'
               't.addEventListener("x", (e) => { seen.push(1); e.stopImmediatePropagation(); });'
               't.addEventListener("x", () => seen.push(2)); t.dispatchEvent(new Event("x")); return seen') == [1]


def test_signal_removes_listener_on_abort() -> None:
    assert run('const t = new EventTarget(); const c = new AbortController(); let n = 0;'
               't.addEventListener("x", () => n++, {signal: c.signal}); t.dispatchEvent(new Event("x"));'
               'c.abort(); t.dispatchEvent(new Event("x")); return n') == 1


def test_already_aborted_signal_adds_nothing() -> None:
    assert run('const t = new EventTarget(); let n = 0;'
               't.addEventListener("x", () => n++, {signal: AbortSignal.abort()});'
               't.dispatchEvent(new Event("x")); return n') == 0


def test_capture_true_is_rejected_like_workerd() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('new EventTarget().addEventListener("x", () => {}, true)')
    assert exc.value.message == "addEventListener(): useCapture must be false."


def test_listener_removed_during_dispatch_is_not_called() -> None:
    assert run('const t = new EventTarget(); const seen = []; const g = () => seen.push("g");'
               't.addEventListener("x", () => { seen.push("f"); t.removeEventListener("x", g); });'
               't.addEventListener("x", g); t.dispatchEvent(new Event("x")); return seen') == ["f"]


def test_throwing_listener_does_not_stop_dispatch_and_is_rethrown_async() -> None:
    assert run('const t = new EventTarget(); const seen = [];'
               't.addEventListener("x", () => { throw new Error("boom"); });'
               't.addEventListener("x", () => seen.push("second"));'
               'const r = t.dispatchEvent(new Event("x")); return [r, seen]') == [True, ["second"]]


def test_composed_path_is_target_only_while_dispatching() -> None:
    assert run('const t = new EventTarget(); let p; const e = new Event("x");'
               't.addEventListener("x", (ev) => { p = ev.composedPath().length; });'
               't.dispatchEvent(e); return [p, e.composedPath().length, e.eventPhase]') == [1, 0, 0]


def test_custom_event_carries_detail_defaulting_to_undefined() -> None:
    assert run('const e = new CustomEvent("x", {detail: {a: 1}});'
               'return [e.detail.a, e instanceof Event, new CustomEvent("y").detail === undefined,'
               'new CustomEvent("z", {detail: null}).detail]') == [1, True, True, None]


def test_dispatch_event_rejects_non_events() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('new EventTarget().dispatchEvent({type: "x"})')
    assert exc.value.name == "TypeError"


def test_listener_returning_true_cancels_like_workerd() -> None:
    assert run('const t = new EventTarget(); t.addEventListener("x", () => true);'
               'return t.dispatchEvent(new Event("x", {cancelable: true}))') is False
