"""node:async_hooks: AsyncLocalStorage and AsyncResource keep their stores across awaits, promise chains, queueMicrotask, timers and scheduler.wait; every behaviour and error equals workerd's (recorded from workerd 1.20260426.1 with nodejs_compat)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import case_params, compared, js_prelude, run_results

PRELUDE = js_prelude(values="undefined", errors="text", finish="copy")

# Each run evaluates its cases in one isolate; each result is keyed by the call it made.
RUNS: dict[str, tuple[str, tuple[str, ...]]] = {}
EXPECTED: dict[str, dict[str, Any]] = {}

RUNS[""] = (
    PRELUDE
    + r"""import { AsyncLocalStorage, AsyncResource, createHook, executionAsyncId, executionAsyncResource, triggerAsyncId, asyncWrapProviders } from "node:async_hooks";
import * as named from "node:async_hooks";
import ah from "node:async_hooks";
const run = async () => {
const als = new AsyncLocalStorage();
const withDefault = new AsyncLocalStorage({ defaultValue: "D" });
await put("getStore:outsideRun", () => als.getStore());
await put("run:returnsCallbackResult", () => als.run(1, (a, b) => [als.getStore(), a, b], "x", "y"));
await put("run:nested", () => als.run(1, () => [als.getStore(), als.run(2, () => als.getStore()), als.getStore()]));
await put("run:restoresAfterThrow", () => { try { als.run(5, () => { throw new Error("boom"); }); } catch {} return als.getStore(); });
await put("run:acrossAwait", () => als.run(1, async () => { await null; await new Promise((r) => r()); return als.getStore(); }));
await put("run:acrossPromiseChain", () => als.run(2, () => Promise.resolve().then(() => 0).then(() => als.getStore())));
await put("run:queueMicrotask", () => new Promise((res) => als.run(3, () => queueMicrotask(() => res(als.getStore())))));
await put("run:setTimeout", () => new Promise((res) => als.run(4, () => setTimeout(() => res(als.getStore()), 1))));
await put("run:setTimeoutArgs", () => new Promise((res) => als.run(4, () => setTimeout((a) => res([a, als.getStore()]), 0, "arg"))));
await put("run:setInterval", () => new Promise((res) => als.run(5, () => { let n = 0; const id = setInterval(() => { if (++n === 2) { clearInterval(id); res([n, als.getStore()]); } }, 1); })));
await put("run:schedulerWait", () => als.run(6, async () => { await scheduler.wait(1); return als.getStore(); }));
await put("run:timerCallbackSeesSchedulingStoreNotFiringStore", () => new Promise((res) => { als.run("a", () => setTimeout(() => res(als.getStore()), 1)); als.run("b", () => {}); }));
await put("run:concurrentRunsKeepTheirStores", async () => {
  const task = (id, ms) => als.run(id, async () => { await scheduler.wait(ms); const a = als.getStore(); await null; await scheduler.wait(1); return [a, als.getStore()]; });
  return Promise.all([task("r1", 5), task("r2", 1), task("r3", 3)]);
});
await put("run:thenRegisteredOutside", async () => { const p = als.run(12, () => new Promise((r) => setTimeout(r, 1))); return p.then(() => als.getStore()); });
await put("run:eventTargetListenerRunsInDispatcherContext", () => { const et = new EventTarget(); let seen = "none"; als.run("reg", () => et.addEventListener("x", () => { seen = als.getStore(); })); als.run("disp", () => et.dispatchEvent(new Event("x"))); return seen; });
await put("run:undefinedStoreIsNotDefault", () => withDefault.run(undefined, () => withDefault.getStore()));
await put("run:nullStore", () => als.run(null, () => als.getStore()));
await put("run:nonFunction", () => als.run(1, 5));
await put("getStore:defaultValue", () => withDefault.getStore());
await put("exit:clearsStore", () => als.run(3, () => als.exit((a) => [als.getStore(), a], "arg")));
await put("exit:defaultNotRestored", () => withDefault.run(1, () => withDefault.exit(() => withDefault.getStore())));
await put("exit:nonFunction", () => als.exit(5));
await put("enterWith:notImplemented", () => als.enterWith(1));
await put("disable:notImplemented", () => als.disable());
await put("name", () => [als.name, new AsyncLocalStorage({ name: "x" }).name, new AsyncLocalStorage({ name: 5 }).name]);
await put("constructor:badOptions", () => new AsyncLocalStorage(5));
await put("bind:capturesStore", () => { const f = als.run(8, () => AsyncLocalStorage.bind(function (x) { return [this?.k ?? null, x, als.getStore()]; })); return f.call({ k: 1 }, 2); });
await put("bind:shape", () => { const f = AsyncLocalStorage.bind(function foo(a, b) {}); return [f.name, f.length]; });
await put("bind:nonFunction", () => AsyncLocalStorage.bind(5));
await put("snapshot:runsInCapturedStore", () => { const s = als.run(7, () => AsyncLocalStorage.snapshot()); return [s(() => als.getStore()), s((a) => a + als.getStore(), 1), als.getStore() ?? null]; });
await put("snapshot:nonFunction", () => AsyncLocalStorage.snapshot()(5));
await put("AsyncResource:runInAsyncScope", () => { const r = als.run(9, () => new AsyncResource("T")); return r.runInAsyncScope(function (a) { return [this?.k ?? null, a, als.getStore()]; }, { k: 2 }, 3); });
await put("AsyncResource:bind", () => { const r = als.run(9, () => new AsyncResource("T")); const b = r.bind(function () { return [this?.k ?? null, als.getStore()]; }); return [b.call({ k: 3 }), b.asyncResource === r, b.name, b.length]; });
await put("AsyncResource:bindThisArg", () => { const r = new AsyncResource("T"); const o = {}; return r.bind(function () { return this; }, o).call({}) === o; });
await put("AsyncResource:staticBind", () => { const f = als.run(10, () => AsyncResource.bind(function () { return [this?.k ?? null, als.getStore()]; }, "x", { k: 4 })); return [f(), typeof f.asyncResource]; });
await put("AsyncResource:ids", () => { const r = new AsyncResource("T"); return [r.asyncId(), r.triggerAsyncId(), r.emitDestroy() ?? null]; });
await put("AsyncResource:anyType", () => [String(new AsyncResource()), String(new AsyncResource(5))]);
await put("AsyncResource:triggerAsyncIdOption", () => new AsyncResource("x", { triggerAsyncId: 1 }));
await put("AsyncResource:nonFunction", () => new AsyncResource("x").runInAsyncScope(5));
await put("AsyncResource:bindNonFunction", () => new AsyncResource("x").bind(5));
await put("createHook:noop", () => { const h = createHook({ init() { throw new Error("never"); } }); return [h.enable() === h, h.disable() === h]; });
await put("executionAsyncId", () => [executionAsyncId(), triggerAsyncId(), Object.getPrototypeOf(executionAsyncResource())]);
await put("asyncWrapProviders", () => [Object.keys(asyncWrapProviders).length, asyncWrapProviders.PROMISE, asyncWrapProviders.NONE]);
await put("shape:prototype", () => [Object.getOwnPropertyNames(AsyncLocalStorage.prototype).sort(), Object.getOwnPropertyNames(AsyncResource.prototype).sort()]);
await put("shape:toStringTag", () => [String(new AsyncLocalStorage()), String(new AsyncResource("x"))]);
await put("shape:exports", () => [Object.keys(named).sort(), Object.keys(ah).sort(), ah.AsyncLocalStorage === AsyncLocalStorage]);
  return collected();
};
export default run();
""",
    ("nodejs_compat",),
)
EXPECTED[""] = {
    "getStore:outsideRun": "<undefined>",
    "run:returnsCallbackResult": [1, "x", "y"],
    "run:nested": [1, 2, 1],
    "run:restoresAfterThrow": "<undefined>",
    "run:acrossAwait": 1,
    "run:acrossPromiseChain": 2,
    "run:queueMicrotask": 3,
    "run:setTimeout": 4,
    "run:setTimeoutArgs": ["arg", 4],
    "run:setInterval": [2, 5],
    "run:schedulerWait": 6,
    "run:timerCallbackSeesSchedulingStoreNotFiringStore": "a",
    "run:concurrentRunsKeepTheirStores": [["r1", "r1"], ["r2", "r2"], ["r3", "r3"]],
    "run:thenRegisteredOutside": "<undefined>",
    "run:eventTargetListenerRunsInDispatcherContext": "disp",
    "run:undefinedStoreIsNotDefault": "<undefined>",
    "run:nullStore": None,
    "run:nonFunction": {
        "error": "TypeError: Failed to execute 'run' on 'AsyncLocalStorage': parameter 2 is not of type 'function'."
    },
    "getStore:defaultValue": "D",
    "exit:clearsStore": [None, "arg"],
    "exit:defaultNotRestored": "<undefined>",
    "exit:nonFunction": {
        "error": "TypeError: Failed to execute 'exit' on 'AsyncLocalStorage': parameter 1 is not of type 'function'."
    },
    "enterWith:notImplemented": {"error": "Error: asyncLocalStorage.enterWith() is not implemented"},
    "disable:notImplemented": {"error": "Error: asyncLocalStorage.disable() is not implemented"},
    "name": ["", "x", "5"],
    "constructor:badOptions": {
        "error": "TypeError: Failed to construct 'AsyncLocalStorage': constructor "
        "parameter 1 is not of type 'AsyncLocalStorageOptions'."
    },
    "bind:capturesStore": [None, 2, 8],
    "bind:shape": ["", 0],
    "bind:nonFunction": {
        "error": "TypeError: Failed to execute 'bind' on 'AsyncLocalStorage': parameter 1 is not of type 'Function'."
    },
    "snapshot:runsInCapturedStore": [7, 8, None],
    "snapshot:nonFunction": {"error": "TypeError: The first argument must be a function"},
    "AsyncResource:runInAsyncScope": [2, 3, 9],
    "AsyncResource:bind": [[None, 9], True, "", 0],
    "AsyncResource:bindThisArg": True,
    "AsyncResource:staticBind": [[4, 10], "object"],
    "AsyncResource:ids": [0, 0, None],
    "AsyncResource:anyType": ["[object AsyncResource]", "[object AsyncResource]"],
    "AsyncResource:triggerAsyncIdOption": {
        "error": "Error: The 'triggerAsyncId' field on 'Options' is not implemented."
    },
    "AsyncResource:nonFunction": {
        "error": "TypeError: Failed to execute 'runInAsyncScope' on 'AsyncResource': "
        "parameter 1 is not of type 'function'."
    },
    "AsyncResource:bindNonFunction": {
        "error": "TypeError: Failed to execute 'bind' on 'AsyncResource': parameter 1 is not of type 'Function'."
    },
    "createHook:noop": [True, True],
    "executionAsyncId": [0, 0, None],
    "asyncWrapProviders": [69, 0, 0],
    "shape:prototype": [
        ["constructor", "disable", "enterWith", "exit", "getStore", "name", "run"],
        ["asyncId", "bind", "constructor", "emitDestroy", "runInAsyncScope", "triggerAsyncId"],
    ],
    "shape:toStringTag": ["[object AsyncLocalStorage]", "[object AsyncResource]"],
    "shape:exports": [
        [
            "AsyncLocalStorage",
            "AsyncResource",
            "asyncWrapProviders",
            "createHook",
            "default",
            "executionAsyncId",
            "executionAsyncResource",
            "triggerAsyncId",
        ],
        [
            "AsyncLocalStorage",
            "AsyncResource",
            "asyncWrapProviders",
            "createHook",
            "executionAsyncId",
            "executionAsyncResource",
            "triggerAsyncId",
        ],
        True,
    ],
}

# Cases where isolet still differs from workerd, with the reason; they run as xfail.
KNOWN_DIFFERENCES: dict[str, str] = {}


CASES = case_params(EXPECTED, KNOWN_DIFFERENCES)
results = run_results(RUNS)


@pytest.mark.parametrize(("run", "behaviour"), CASES)
def test_async_hooks_matches_workerd(results: dict[str, dict[str, Any]], run: str, behaviour: str) -> None:
    observed, expected = compared(results, EXPECTED, run, behaviour)
    assert observed == expected
