"""node:events: EventEmitter listener bookkeeping, 'newListener'/'removeListener' events, unhandled 'error', errorMonitor, captureRejections, the static once/on/getEventListeners/setMaxListeners helpers and the module's export shape equal workerd's (recorded from workerd 1.20260426.1 with nodejs_compat; Node 20 agrees except where noted: workerd's listenerCount ignores a listener argument and its ERR_OUT_OF_RANGE texts say 'a non-negative number')."""

from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import js_prelude, module_results

PRELUDE = js_prelude(values="undefined", errors="text+code", finish="object")

# Every case runs in one isolate; each result is keyed by the behaviour it checks.
# Errors come back as {"error": "Name: message", "code": ...}, undefined as "<undefined>".
CASES_JS = (
    PRELUDE
    + r"""import EventEmitter, { once, on, errorMonitor, getEventListeners, getMaxListeners, setMaxListeners, defaultMaxListeners, listenerCount, EventEmitterAsyncResource, captureRejectionSymbol, addAbortListener, usingDomains } from "node:events";
import * as named from "node:events";
async function main() {
const tick = () => new Promise((r) => setTimeout(r, 0));
await put("listenerOrder:prependAndOnce", () => { const log = []; const e = new EventEmitter(); const f = () => log.push("f"); e.on("x", f); e.prependListener("x", () => log.push("p")); e.once("x", () => log.push("o")); e.prependOnceListener("x", () => log.push("po")); e.emit("x"); e.emit("x"); return log; });
await put("newListenerAndRemoveListenerEvents", () => { const log = []; const e = new EventEmitter(); e.on("newListener", (n, l) => log.push(`new:${String(n)}:${l.name}`)); e.on("removeListener", (n, l) => log.push(`rm:${String(n)}:${l.name}`)); function f() {} function g() {} e.on("x", f); e.once("x", g); e.emit("x"); e.off("x", f); e.off("x", f); return log; });
await put("newListenerFiresBeforeAdding", () => { const e = new EventEmitter(); let countInside; e.on("newListener", (n) => { if (n === "x") countInside = e.listenerCount("x"); }); e.on("x", () => {}); return [countInside, e.listenerCount("x")]; });
await put("emitCopiesListenersBeforeCalling", () => { const log = []; const e = new EventEmitter(); const b = () => log.push("b"); e.on("x", () => { log.push("a"); e.off("x", b); e.on("x", () => log.push("c")); }); e.on("x", b); e.emit("x"); e.emit("x"); return log; });
await put("emitReturnsWhetherListenersRan", () => { const e = new EventEmitter(); e.on("x", () => {}); return [e.emit("x"), e.emit("y")]; });
await put("emitPassesArgsAndThis", () => { const e = new EventEmitter(); let got; e.on("x", function (...a) { got = [a, this === e]; }); e.emit("x", 1, "two", null); return got; });
await put("eventNamesIncludesSymbols", () => { const e = new EventEmitter(); e.on("a", () => {}); e.on(Symbol("s"), () => {}); return e.eventNames().map(String); });
await put("listenersUnwrapOnceRawListenersDoNot", () => { const e = new EventEmitter(); const f = () => 1; e.once("y", f); const raw = e.rawListeners("y"); return [raw.length, raw[0] === f, raw[0].listener === f, e.listeners("y")[0] === f]; });
await put("rawOnceWrapperRemovesItself", () => { const e = new EventEmitter(); let n = 0; e.once("y", () => n++); e.rawListeners("y")[0](); e.emit("y"); return [n, e.listenerCount("y")]; });
await put("listenerCountWithListenerArg", () => { const e = new EventEmitter(); const f = () => {}; e.on("x", f); e.on("x", f); e.once("x", f); e.on("x", () => {}); return [e.listenerCount("x"), e.listenerCount("x", f), e.listenerCount("nope")]; });
await put("removeListenerRemovesLastMatch", () => { const log = []; const e = new EventEmitter(); const f = () => log.push("f"); e.on("x", f); e.on("x", () => log.push("g")); e.on("x", f); e.removeListener("x", f); e.emit("x"); return log; });
await put("removeAllListenersEmitsLifoPerType", () => { const log = []; const e = new EventEmitter(); e.on("a", function a1() {}); e.on("a", function a2() {}); e.on("b", function b1() {}); e.on("removeListener", (n, l) => log.push(`${String(n)}:${l.name}`)); e.removeAllListeners(); return [log, e.eventNames()]; });
await put("removeAllListenersOfOneType", () => { const e = new EventEmitter(); e.on("a", () => {}); e.on("a", () => {}); e.on("b", () => {}); e.removeAllListeners("a"); return e.eventNames(); });
await put("unhandledErrorRethrowsError", () => new EventEmitter().emit("error", new TypeError("t")));
await put("unhandledErrorWrapsString", () => { try { new EventEmitter().emit("error", "boom"); } catch (e) { return [e.code, e.name, e.message, e.context]; } });
await put("unhandledErrorWrapsNumber", () => { try { new EventEmitter().emit("error", 42); } catch (e) { return [e.code, e.message, e.context]; } });
await put("unhandledErrorWithoutArgument", () => { try { new EventEmitter().emit("error"); } catch (e) { return [e.code, e.message]; } });
await put("errorMonitorSeesErrorFirst", () => { const log = []; const e = new EventEmitter(); e.on(errorMonitor, (er) => log.push("monitor:" + er.message)); try { e.emit("error", new Error("z")); } catch (er) { log.push("thrown:" + er.message); } e.on("error", (er) => log.push("handled:" + er.message)); e.emit("error", new Error("y")); return log; });
await put("errorMonitorIsSymbol", () => [typeof errorMonitor, String(errorMonitor), EventEmitter.errorMonitor === errorMonitor]);
await put("onRejectsNonFunctionListener", () => new EventEmitter().on("x", 5));
await put("onceRejectsNonFunctionListener", () => new EventEmitter().once("x", "nope"));
await put("setMaxListenersRejectsNegative", () => new EventEmitter().setMaxListeners(-1));
await put("maxListeners", () => [new EventEmitter().getMaxListeners(), new EventEmitter().setMaxListeners(3).getMaxListeners(), defaultMaxListeners, EventEmitter.defaultMaxListeners, getMaxListeners(new EventEmitter().setMaxListeners(4))]);
await put("setMaxListenersOnTargets", () => { const a = new EventEmitter(); const b = new EventEmitter(); setMaxListeners(7, a, b); return [a.getMaxListeners(), b.getMaxListeners()]; });
await put("defaultMaxListenersRejectsNegative", () => { EventEmitter.defaultMaxListeners = -1; });
await put("staticListenerCount", () => { const e = new EventEmitter(); e.on("x", () => {}); e.on("x", () => {}); return [listenerCount(e, "x"), EventEmitter.listenerCount(e, "x")]; });
await put("getEventListeners", () => { const e = new EventEmitter(); const f = () => {}; e.on("x", f); return [getEventListeners(e, "x")[0] === f, getEventListeners(new EventTarget(), "x").length]; });
await put("getEventListenersRejectsOther", () => getEventListeners({}, "x"));
await put("defaultExportCarriesStatics", () => [typeof EventEmitter, EventEmitter.EventEmitter === EventEmitter, EventEmitter.once === once, EventEmitter.on === on, EventEmitter.getEventListeners === getEventListeners, EventEmitter.captureRejectionSymbol === Symbol.for("nodejs.rejection"), EventEmitter.usingDomains, usingDomains, typeof EventEmitter.init, typeof EventEmitter.addAbortListener]);
await put("namedExports", () => ["EventEmitter", "once", "on", "errorMonitor", "captureRejectionSymbol", "getEventListeners", "setMaxListeners", "listenerCount", "EventEmitterAsyncResource", "defaultMaxListeners", "addAbortListener", "usingDomains", "captureRejections"].filter((k) => !(k in named)));
await put("classSubclass", () => { class Sub extends EventEmitter {} const s = new Sub(); let v; s.on("q", (x) => { v = x; }); s.emit("q", 5); return [v, s instanceof EventEmitter]; });
await put("legacyInheritsWithCall", () => { function Old() { EventEmitter.call(this); } Object.setPrototypeOf(Old.prototype, EventEmitter.prototype); const o = new Old(); let v; o.on("q", function (x) { v = [x, this === o]; }); o.emit("q", 6); return [v, o._eventsCount, typeof o._events]; });
await put("callWithoutNewInitsFields", () => { const o = {}; EventEmitter.call(o); return [o._eventsCount, o._maxListeners ?? null, Object.getPrototypeOf(o._events)]; });
await put("once:resolvesArgs", async () => { const e = new EventEmitter(); const p = once(e, "go"); e.emit("go", 1, 2); return [await p, e.eventNames()]; });
await put("once:rejectsOnError", async () => { const e = new EventEmitter(); const p = once(e, "go"); e.emit("error", new Error("bad")); try { await p; } catch (er) { return [er.message, e.eventNames()]; } });
await put("once:errorEventItself", async () => { const e = new EventEmitter(); const p = once(e, "error"); e.emit("error", new Error("E")); return (await p)[0].message; });
await put("once:abortSignal", async () => { const e = new EventEmitter(); const ac = new AbortController(); const p = once(e, "never", { signal: ac.signal }); ac.abort(); try { await p; } catch (er) { return [er.name, er.code, er.message, e.eventNames()]; } });
await put("once:alreadyAbortedSignal", async () => { try { await once(new EventEmitter(), "x", { signal: AbortSignal.abort() }); } catch (er) { return [er.name, er.code]; } });
await put("once:badSignal", async () => once(new EventEmitter(), "x", { signal: 5 }));
await put("once:eventTarget", async () => { const et = new EventTarget(); const p = once(et, "ping"); et.dispatchEvent(new Event("ping")); const [ev] = await p; return ev.type; });
await put("on:iteratesEvents", async () => { const e = new EventEmitter(); queueMicrotask(() => { e.emit("d", 1); e.emit("d", 2, "b"); e.emit("d", 3); }); const got = []; for await (const args of on(e, "d")) { got.push(args); if (args[0] === 3) break; } return [got, e.listenerCount("d"), e.listenerCount("error")]; });
await put("on:throwsEmittedError", async () => { const e = new EventEmitter(); queueMicrotask(() => { e.emit("d", 1); e.emit("error", new Error("iterr")); }); const got = []; try { for await (const [v] of on(e, "d")) got.push(v); } catch (er) { got.push(er.message); } return got; });
await put("on:abortSignal", async () => { const e = new EventEmitter(); const ac = new AbortController(); queueMicrotask(() => { e.emit("d", 1); ac.abort(); }); const got = []; try { for await (const [v] of on(e, "d", { signal: ac.signal })) got.push(v); } catch (er) { got.push(er.name); } return got; });
await put("captureRejections:emitsError", async () => { const log = []; const e = new EventEmitter({ captureRejections: true }); e.on("error", (er) => log.push("error:" + er.message)); e.on("ev", async () => { throw new Error("async-fail"); }); e.emit("ev"); log.push("sync"); await tick(); return log; });
await put("captureRejections:symbolHandler", async () => { const log = []; const e = new EventEmitter({ captureRejections: true }); e[captureRejectionSymbol] = (er, ev, ...args) => log.push(`${er.message}:${ev}:${args.join(",")}`); e.on("ev", async () => { throw new Error("s"); }); e.emit("ev", 7, 8); await tick(); return log; });
await put("captureRejections:badOption", () => new EventEmitter({ captureRejections: "yes" }));
await put("captureRejections:offByDefault", () => [EventEmitter.captureRejections, named.captureRejections]);
await put("asyncResource", () => { const r = new EventEmitterAsyncResource({ name: "X" }); let v; r.on("a", (x) => { v = x; }); r.emit("a", 1); return [r instanceof EventEmitter, v, typeof r.asyncResource]; });
await put("addAbortListener", async () => { const ac = new AbortController(); const log = []; const d = addAbortListener(ac.signal, () => log.push("aborted")); ac.abort(); const pre = addAbortListener(AbortSignal.abort(), () => log.push("pre")); log.push("sync"); await tick(); return [log, typeof d[Symbol.dispose], typeof pre]; });
return collected();
}
export default main();
"""
)

# Recorded from workerd 1.20260426.1 (nodejs_compat) by running CASES_JS there.
EXPECTED: dict[str, Any] = {
    "listenerOrder:prependAndOnce": ["po", "p", "f", "o", "p", "f"],
    "newListenerAndRemoveListenerEvents": [
        "new:removeListener:",
        "new:x:f",
        "new:x:g",
        "rm:x:bound onceWrapper",
        "rm:x:f",
    ],
    "newListenerFiresBeforeAdding": [0, 1],
    "emitCopiesListenersBeforeCalling": ["a", "b", "a", "c"],
    "emitReturnsWhetherListenersRan": [True, False],
    "emitPassesArgsAndThis": [[1, "two", None], True],
    "eventNamesIncludesSymbols": ["a", "Symbol(s)"],
    "listenersUnwrapOnceRawListenersDoNot": [1, False, True, True],
    "rawOnceWrapperRemovesItself": [1, 0],
    "listenerCountWithListenerArg": [4, 4, 0],
    "removeListenerRemovesLastMatch": ["f", "g"],
    "removeAllListenersEmitsLifoPerType": [["a:a2", "a:a1", "b:b1"], []],
    "removeAllListenersOfOneType": ["b"],
    "unhandledErrorRethrowsError": {"error": "TypeError: t", "code": None},
    "unhandledErrorWrapsString": ["ERR_UNHANDLED_ERROR", "Error", "Unhandled error. ('boom')", "boom"],
    "unhandledErrorWrapsNumber": ["ERR_UNHANDLED_ERROR", "Unhandled error. (42)", 42],
    "unhandledErrorWithoutArgument": ["ERR_UNHANDLED_ERROR", "Unhandled error. (undefined)"],
    "errorMonitorSeesErrorFirst": ["monitor:z", "thrown:z", "monitor:y", "handled:y"],
    "errorMonitorIsSymbol": ["symbol", "Symbol(events.errorMonitor)", True],
    "onRejectsNonFunctionListener": {
        "error": 'TypeError: The "listener" argument must be of type function. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "onceRejectsNonFunctionListener": {
        "error": "TypeError: The \"listener\" argument must be of type function. Received type string ('nope')",
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "setMaxListenersRejectsNegative": {
        "error": 'RangeError: The value of "n" is out of range. It must be a non-negative number. Received -1',
        "code": "ERR_OUT_OF_RANGE",
    },
    "maxListeners": [10, 3, 10, 10, 4],
    "setMaxListenersOnTargets": [7, 7],
    "defaultMaxListenersRejectsNegative": {
        "error": 'RangeError: The value of "defaultMaxListeners" is out of range. It must be a non-negative number. Received -1',
        "code": "ERR_OUT_OF_RANGE",
    },
    "staticListenerCount": [2, 2],
    "getEventListeners": [True, 0],
    "getEventListenersRejectsOther": {
        "error": 'TypeError: The "emitter" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "defaultExportCarriesStatics": ["function", True, True, True, True, True, False, False, "function", "function"],
    "namedExports": [],
    "classSubclass": [5, True],
    "legacyInheritsWithCall": [[6, True], 1, "object"],
    "callWithoutNewInitsFields": [0, None, None],
    "once:resolvesArgs": [[1, 2], []],
    "once:rejectsOnError": ["bad", []],
    "once:errorEventItself": "E",
    "once:abortSignal": ["AbortError", "ABORT_ERR", "The operation was aborted", []],
    "once:alreadyAbortedSignal": ["AbortError", "ABORT_ERR"],
    "once:badSignal": {
        "error": 'TypeError: The "options.signal" property must be an instance of AbortSignal. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "once:eventTarget": "ping",
    "on:iteratesEvents": [[[1], [2, "b"], [3]], 0, 0],
    "on:throwsEmittedError": [1, "iterr"],
    "on:abortSignal": [1, "AbortError"],
    "captureRejections:emitsError": ["sync", "error:async-fail"],
    "captureRejections:symbolHandler": ["s:ev:7,8"],
    "captureRejections:badOption": {
        "error": "TypeError: The \"options.captureRejections\" property must be of type boolean. Received type string ('yes')",
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "captureRejections:offByDefault": [False, False],
    "asyncResource": [True, 1, "object"],
    "addAbortListener": [["aborted", "sync", "pre"], "function", "object"],
}


results = module_results(CASES_JS)


@pytest.mark.parametrize("case", list(EXPECTED))
def test_events_behaves_as_in_workerd(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


def test_every_case_has_an_expectation(results: dict[str, Any]) -> None:
    assert sorted(results) == sorted(EXPECTED)
