"""MessageChannel / MessagePort, as workerd's api/messagechannel.c++."""

from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js

# Resolves once `port` has received `n` message events (or the other type).
COLLECT = """
const collect = (port, n, type = "message") => new Promise((resolve) => {
  const got = [];
  port.addEventListener(type, (e) => { got.push(e); if (got.length === n) resolve(got); });
});
"""


def test_channel_has_two_entangled_ports_as_own_readonly_properties() -> None:
    assert run("""
      const ch = new MessageChannel();
      const d = Object.getOwnPropertyDescriptor(ch, "port1");
      return [ch.port1 instanceof MessagePort, ch.port2 instanceof MessagePort, ch.port1 !== ch.port2,
              ch.port1 instanceof EventTarget, d.writable, d.enumerable,
              Object.prototype.toString.call(ch), Object.prototype.toString.call(ch.port1)];
    """) == [True, True, True, True, False, True, "[object MessageChannel]", "[object MessagePort]"]


def test_message_port_cannot_be_constructed_and_channel_needs_new() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("new MessagePort()")
    assert (exc.value.name, exc.value.message) == ("TypeError", "Illegal constructor")
    with pytest.raises(JavaScriptError) as exc:
        run("MessageChannel()")
    assert exc.value.message == ("Failed to construct 'MessageChannel': Please use the 'new' operator, "
                                 "this object constructor cannot be called as a function.")


def test_post_message_delivers_a_structured_clone_as_a_message_event_later() -> None:
    assert run(COLLECT + """
      const { port1, port2 } = new MessageChannel();
      const got = collect(port2, 1);
      const value = { a: [1, 2], d: new Date(0) };
      port1.postMessage(value);
      let syncSeen = false;
      port2.addEventListener("message", () => { syncSeen = true; });
      const afterPost = syncSeen;
      const [e] = await got;
      return [afterPost, e instanceof MessageEvent, e.type, e.isTrusted, e.data.a, e.data.d instanceof Date,
              e.data !== value, e.target === port2];
    """) == [False, True, "message", True, [1, 2], True, True, True]


def test_messages_buffer_until_start_and_arrive_in_order_both_ways() -> None:
    assert run(COLLECT + """
      const { port1, port2 } = new MessageChannel();
      port1.postMessage("a"); port1.postMessage("b"); port2.postMessage("back");
      const got2 = collect(port2, 2), got1 = collect(port1, 1);
      return [(await got2).map((e) => e.data), (await got1).map((e) => e.data)];
    """) == [["a", "b"], ["back"]]


def test_onmessage_starts_the_port_and_reads_back() -> None:
    assert run("""
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(1);
      const data = await new Promise((resolve) => { port2.onmessage = (e) => resolve(e.data); });
      const handler = port2.onmessage;
      port2.onmessage = "not a function";
      return [data, typeof handler, port2.onmessage];
    """) == [1, "function", None]


def test_without_any_handler_left_messages_buffer_again_until_start() -> None:
    assert run(COLLECT + """
      const { port1, port2 } = new MessageChannel();
      const first = (e) => {};
      port2.addEventListener("message", first);
      port2.removeEventListener("message", first);
      port1.postMessage("kept");
      await new Promise((r) => setTimeout(r, 0));
      const got = collect(port2, 1);
      return (await got).map((e) => e.data);
    """) == ["kept"]


def test_close_fires_close_on_both_ports_and_drops_later_messages() -> None:
    assert run(COLLECT + """
      const { port1, port2 } = new MessageChannel();
      const events = [];
      port1.addEventListener("close", (e) => events.push(["port1", e.type]));
      port2.addEventListener("close", (e) => events.push(["port2", e.type]));
      port2.addEventListener("message", (e) => events.push(["message", e.data]));
      port1.close();
      port1.close();
      port1.postMessage("dropped");
      port2.postMessage("dropped too");
      await new Promise((r) => setTimeout(r, 0));
      return events;
    """) == [["port2", "close"], ["port1", "close"]]


def test_uncloneable_message_throws_data_clone_error_even_with_a_closed_peer() -> None:
    assert run("""
      const { port1 } = new MessageChannel();
      port1.close();
      try { port1.postMessage(() => 1); } catch (e) { return [e instanceof DOMException, e.name]; }
      return "no error";
    """) == [True, "DataCloneError"]


def test_transfer_lists_are_refused_but_empty_ones_accepted() -> None:
    assert run("""
      const { port1 } = new MessageChannel();
      port1.postMessage("ok", []);
      port1.postMessage("ok", { transfer: [] });
      const errs = [];
      for (const opt of [[new ArrayBuffer(1)], { transfer: [new ArrayBuffer(1)] }]) {
        try { port1.postMessage("x", opt); } catch (e) { errs.push([e.constructor.name, e.message]); }
      }
      return errs;
    """) == [["Error", "Transfer list is not supported"]] * 2


def test_a_throwing_listener_does_not_stop_delivery() -> None:
    assert run(COLLECT + """
      const { port1, port2 } = new MessageChannel();
      port2.addEventListener("message", () => { throw new Error("listener failed"); });
      const got = collect(port2, 2);
      port1.postMessage(1); port1.postMessage(2);
      return (await got).map((e) => e.data);
    """) == [1, 2]


def test_message_channel_globals_live_on_the_global_scope_prototype() -> None:
    assert run("""
      return [typeof MessageChannel, typeof MessagePort, Object.hasOwn(globalThis, "MessageChannel"),
              "MessagePort" in globalThis];
    """) == ["function", "function", False, True]
