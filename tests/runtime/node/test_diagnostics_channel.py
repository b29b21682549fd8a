"""node:diagnostics_channel: channels, subscribers, stores bound to AsyncLocalStorage, TracingChannel and the module shape equal workerd's (recorded from workerd 1.20260426.1 with nodejs_compat, where hasSubscribers is a method and traceCallback's default position finds no callback)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import case_params, compared, js_prelude, run_results

PRELUDE = js_prelude(values="undefined", errors="text+code", finish="copy")

# Each run evaluates its cases in one isolate; each result is keyed by the call it made.
RUNS: dict[str, tuple[str, tuple[str, ...]]] = {}
EXPECTED: dict[str, dict[str, Any]] = {}

RUNS[""] = (
    PRELUDE
    + r"""import dc from "node:diagnostics_channel";
import * as named from "node:diagnostics_channel";
import { AsyncLocalStorage } from "node:async_hooks";
const run = async () => {
await put("channel:sameObjectPerName", () => [dc.channel("a") === dc.channel("a"), dc.channel("a") === dc.channel("b"), dc.channel("a") instanceof dc.Channel]);
await put("channel:symbolName", () => { const s = Symbol("s"); return dc.channel(s) === dc.channel(s); });
await put("channel:numberNameIsItsString", () => [dc.channel(5) === dc.channel("5"), dc.channel(5) instanceof dc.Channel]);
await put("Channel:notConstructible", () => new dc.Channel("x"));
await put("hasSubscribers:isAMethod", () => typeof dc.channel("h").hasSubscribers);
await put("subscribe:publishCallsInOrder", () => { const ch = dc.channel("p"); const got = []; const a = (m, n) => got.push(["a", m, n]); const b = (m, n) => got.push(["b", m, n]); ch.subscribe(a); ch.subscribe(b); ch.subscribe(a); ch.publish({ x: 1 }); ch.unsubscribe(a); ch.publish(2); return got; });
await put("subscribe:hasSubscribers", () => { const ch = dc.channel("hs"); const f = () => {}; const r = [ch.hasSubscribers(), dc.hasSubscribers("hs")]; ch.subscribe(f); r.push(ch.hasSubscribers(), dc.hasSubscribers("hs")); ch.unsubscribe(f); r.push(ch.hasSubscribers()); return r; });
await put("hasSubscribers:unknownName", () => dc.hasSubscribers("never-made"));
await put("subscribe:byName", () => { const got = []; const f = (m) => got.push(m); dc.subscribe("byname", f); dc.channel("byname").publish("m1"); dc.unsubscribe("byname", f); dc.channel("byname").publish("m2"); return got; });
await put("unsubscribe:returnsNothing", () => { const ch = dc.channel("u"); const f = () => {}; ch.subscribe(f); return [ch.unsubscribe(f) ?? null, ch.unsubscribe(f) ?? null, dc.unsubscribe("u", f) ?? null]; });
await put("subscribe:nonFunction", () => dc.channel("x").subscribe(5));
await put("publish:subscriberThrows", () => { const ch = dc.channel("throws"); ch.subscribe(() => { throw new Error("sub"); }); ch.publish(1); return "ok"; });
await put("publish:noSubscribers", () => dc.channel("none").publish(1) ?? null);
await put("runStores:bindsStore", () => { const als = new AsyncLocalStorage(); const ch = dc.channel("rs"); ch.bindStore(als, (m) => ({ wrapped: m })); const seen = []; ch.subscribe((m) => seen.push(["sub", als.getStore() ?? null])); const r = ch.runStores("msg", function (a) { return [a, als.getStore(), this === globalThis]; }, undefined, "arg"); return [r, seen, als.getStore() ?? null]; });
await put("runStores:thisArg", () => { const ch = dc.channel("rs2"); const o = {}; return ch.runStores(1, function () { return this === o; }, o); });
await put("runStores:identityTransform", () => { const als = new AsyncLocalStorage(); const ch = dc.channel("rs3"); ch.bindStore(als); return ch.runStores(5, () => als.getStore()); });
await put("runStores:unbindStore", () => { const als = new AsyncLocalStorage(); const ch = dc.channel("rs4"); ch.bindStore(als); ch.unbindStore(als); return ch.runStores(5, () => als.getStore() ?? null); });
await put("runStores:acrossAwait", async () => { const als = new AsyncLocalStorage(); const ch = dc.channel("rs5"); ch.bindStore(als); return ch.runStores("s", async () => { await null; return als.getStore(); }); });
await put("bindStore:notAls", () => dc.channel("b").bindStore({}));
await put("runStores:nonFunction", () => dc.channel("b").runStores(1, 5));
await put("tracingChannel:channels", () => { const t = dc.tracingChannel("op"); return [t.start === dc.channel("tracing:op:start"), t.end === dc.channel("tracing:op:end"), t.asyncStart === dc.channel("tracing:op:asyncStart"), t.asyncEnd === dc.channel("tracing:op:asyncEnd"), t.error === dc.channel("tracing:op:error"), typeof t.hasSubscribers]; });
await put("tracingChannel:traceSync", () => { const t = dc.tracingChannel("ts"); const ev = []; const subs = { start: (c) => ev.push(["start", { ...c }]), end: (c) => ev.push(["end", { ...c }]), error: (c) => ev.push(["error", String(c.error)]) }; t.subscribe(subs); const r = t.traceSync((a, b) => a + b, { id: 1 }, undefined, 2, 3); let e; try { t.traceSync(() => { throw new Error("bad"); }, { id: 2 }); } catch (x) { e = x.message; } t.unsubscribe(subs); t.traceSync(() => 0, { id: 3 }); return [r, e, ev, t.hasSubscribers()]; });
await put("tracingChannel:tracePromise", async () => { const t = dc.tracingChannel("tp"); const ev = []; t.subscribe({ start: () => ev.push("start"), end: () => ev.push("end"), asyncStart: (c) => ev.push(["asyncStart", c.result ?? null]), asyncEnd: () => ev.push("asyncEnd"), error: (c) => ev.push(["error", c.error.message]) }); const r = await t.tracePromise(async (x) => x * 2, {}, undefined, 21); const e = await t.tracePromise(async () => { throw new Error("no"); }).catch((x) => x.message); return [r, e, ev]; });
await put("tracingChannel:traceCallbackDefaultPosition", () => { const t = dc.tracingChannel("tc"); return t.traceCallback((cb) => cb(null, 1), undefined, {}, undefined, () => {}); });
await put("tracingChannel:traceCallback", () => { const t = dc.tracingChannel("tc2"); const ev = []; t.subscribe({ asyncStart: (c) => ev.push(["asyncStart", c.result]), asyncEnd: () => ev.push("asyncEnd") }); let got; t.traceCallback((cb) => cb(null, 7), 0, {}, undefined, (err, v) => { got = [err, v]; }); return [got, ev]; });
await put("tracingChannel:fromObject", () => { const chs = { start: dc.channel("o1"), end: dc.channel("o2"), asyncStart: dc.channel("o3"), asyncEnd: dc.channel("o4"), error: dc.channel("o5") }; const t = dc.tracingChannel(chs); return [t.start === chs.start, t.error === chs.error]; });
await put("tracingChannel:badObject", () => dc.tracingChannel({ start: 1 }));
await put("TracingChannel:notConstructible", () => new named.TracingChannel());
await put("shape:exports", () => [Object.keys(named).sort(), Object.keys(dc).sort()]);
await put("shape:channelPrototype", () => Object.getOwnPropertyNames(dc.Channel.prototype).sort());
return collected();
};
export default run();
""",
    ("nodejs_compat",),
)
EXPECTED[""] = {
    "channel:sameObjectPerName": [True, False, True],
    "channel:symbolName": True,
    "channel:numberNameIsItsString": [True, True],
    "Channel:notConstructible": {"error": "TypeError: Illegal constructor", "code": None},
    "hasSubscribers:isAMethod": "function",
    "subscribe:publishCallsInOrder": [["a", {"x": 1}, "p"], ["b", {"x": 1}, "p"], ["b", 2, "p"]],
    "subscribe:hasSubscribers": [False, False, True, True, False],
    "hasSubscribers:unknownName": False,
    "subscribe:byName": ["m1"],
    "unsubscribe:returnsNothing": [None, None, None],
    "subscribe:nonFunction": {
        "error": "TypeError: Failed to execute 'subscribe' on 'Channel': parameter 1 is not of type 'function'.",
        "code": None,
    },
    "publish:subscriberThrows": {"error": "Error: sub", "code": None},
    "publish:noSubscribers": None,
    "runStores:bindsStore": [["arg", {"wrapped": "msg"}, True], [["sub", {"wrapped": "msg"}]], None],
    "runStores:thisArg": True,
    "runStores:identityTransform": 5,
    "runStores:unbindStore": None,
    "runStores:acrossAwait": "s",
    "bindStore:notAls": {
        "error": "TypeError: Failed to execute 'bindStore' on 'Channel': parameter 1 is not of "
        "type 'AsyncLocalStorage'.",
        "code": None,
    },
    "runStores:nonFunction": {
        "error": "TypeError: Failed to execute 'runStores' on 'Channel': parameter 2 is not of type 'function'.",
        "code": None,
    },
    "tracingChannel:channels": [True, True, True, True, True, "function"],
    "tracingChannel:traceSync": [
        5,
        "bad",
        [
            ["start", {"id": 1}],
            ["end", {"id": 1, "result": 5}],
            ["start", {"id": 2}],
            ["error", "Error: bad"],
            ["end", {"id": 2, "error": {}}],
        ],
        False,
    ],
    "tracingChannel:tracePromise": [
        42,
        "no",
        [
            "start",
            "end",
            ["asyncStart", 42],
            "asyncEnd",
            "start",
            "end",
            ["error", "no"],
            ["asyncStart", None],
            "asyncEnd",
        ],
    ],
    "tracingChannel:traceCallbackDefaultPosition": {
        "error": 'TypeError: The "callback" argument must be of type function. Received undefined',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "tracingChannel:traceCallback": [[None, 7], [["asyncStart", 7], "asyncEnd"]],
    "tracingChannel:fromObject": [True, True],
    "tracingChannel:badObject": {
        "error": 'TypeError: The "channels.start" property must be an instance of Channel. Received type number (1)',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "TracingChannel:notConstructible": {
        "error": "Error: Use diagnostic_channel.tracingChannels() to create TracingChannel",
        "code": None,
    },
    "shape:exports": [
        [
            "Channel",
            "TracingChannel",
            "channel",
            "default",
            "hasSubscribers",
            "subscribe",
            "tracingChannel",
            "unsubscribe",
        ],
        ["Channel", "channel", "hasSubscribers", "subscribe", "tracingChannel", "unsubscribe"],
    ],
    "shape:channelPrototype": [
        "bindStore",
        "constructor",
        "hasSubscribers",
        "publish",
        "runStores",
        "subscribe",
        "unbindStore",
        "unsubscribe",
    ],
}

# Cases where isolet still differs from workerd, with the reason; they run as xfail.
KNOWN_DIFFERENCES: dict[str, str] = {}


CASES = case_params(EXPECTED, KNOWN_DIFFERENCES)
results = run_results(RUNS)


@pytest.mark.parametrize(("run", "behaviour"), CASES)
def test_diagnostics_channel_matches_workerd(results: dict[str, dict[str, Any]], run: str, behaviour: str) -> None:
    observed, expected = compared(results, EXPECTED, run, behaviour)
    assert observed == expected
