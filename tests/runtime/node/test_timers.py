"""node:timers and node:timers/promises: Timeout/Immediate objects, clearing, AbortSignal and option validation, and the module shapes equal workerd's (recorded from workerd 1.20260426.1 with nodejs_compat). Timers use 1-10 ms delays only to order callbacks, never to measure time."""

from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import case_params, compared, js_prelude, run_results

PRELUDE = js_prelude(values="undefined", errors="text+code+cause", finish="copy")

# Each run evaluates its cases in one isolate; each result is keyed by the call it made.
RUNS: dict[str, tuple[str, tuple[str, ...]]] = {}
EXPECTED: dict[str, dict[str, Any]] = {}

RUNS[""] = (
    PRELUDE
    + r"""import * as timers from "node:timers";
import timersDefault from "node:timers";
import * as tp from "node:timers/promises";
import tpDefault from "node:timers/promises";
const run = async () => {
await put("setTimeout:returnsTimeout", () => { const t = timers.setTimeout(() => {}, 10); const r = [typeof t, t.constructor.name, t instanceof timers.Timeout, typeof +t, t.hasRef(), t.unref() === t, t.hasRef(), t.ref().hasRef()]; timers.clearTimeout(t); return r; });
await put("setTimeout:fires", () => new Promise((res) => timers.setTimeout((a, b) => res([a, b]), 1, "a", "b")));
await put("setTimeout:nonFunction", () => timers.setTimeout(5));
await put("clearTimeout:timeout", () => new Promise((res) => { let fired = false; const t = timers.setTimeout(() => { fired = true; }, 1); timers.clearTimeout(t); timers.setTimeout(() => res(fired), 5); }));
await put("clearTimeout:numericId", () => new Promise((res) => { let fired = false; const t = timers.setTimeout(() => { fired = true; }, 1); timers.clearTimeout(+t); timers.setTimeout(() => res(fired), 5); }));
await put("timeout:close", () => new Promise((res) => { let fired = false; const t = timers.setTimeout(() => { fired = true; }, 1); const r = t.close() === t; timers.setTimeout(() => res([r, fired]), 5); }));
await put("timeout:refresh", () => new Promise((res) => { let n = 0; const t = timers.setTimeout(() => { n++; }, 1); t.refresh(); timers.setTimeout(() => res(n), 10); }));
await put("setInterval:repeats", () => new Promise((res) => { let n = 0; const t = timers.setInterval(() => { if (++n === 3) { timers.clearInterval(t); res([n, t.constructor.name]); } }, 1); }));
await put("setInterval:nonFunction", () => timers.setInterval("x"));
await put("setImmediate:returnsImmediate", () => new Promise((res) => { const i = timers.setImmediate((a) => res([a, Object.prototype.toString.call(i), i.hasRef(), i.unref() === i, i.hasRef(), typeof i.ref]), "arg"); }));
await put("clearImmediate", () => new Promise((res) => { let fired = false; const i = timers.setImmediate(() => { fired = true; }); timers.clearImmediate(i); timers.setTimeout(() => res(fired), 5); }));
await put("enroll:throws", () => timers.enroll({}, 1));
await put("active:refreshes", () => new Promise((res) => { let n = 0; const t = timers.setTimeout(() => { n++; }, 1); timers.active(t); timers.setTimeout(() => res(n), 10); }));
await put("unenroll:clears", () => new Promise((res) => { let n = 0; const t = timers.setTimeout(() => { n++; }, 1); timers.unenroll(t); timers.setTimeout(() => res(n), 10); }));
await put("promises:isTimersPromises", () => [timers.promises.setTimeout === tp.setTimeout, timersDefault.promises === timers.promises || timersDefault.promises.setTimeout === tp.setTimeout]);
await put("promises:setTimeout", () => tp.setTimeout(1, "v"));
await put("promises:setTimeoutNoValue", () => tp.setTimeout(1));
await put("promises:setImmediate", () => tp.setImmediate("i"));
await put("promises:setInterval", async () => { const got = []; for await (const v of tp.setInterval(1, "iv")) { got.push(v); if (got.length === 3) break; } return got; });
await put("promises:abortBefore", () => tp.setTimeout(1000, null, { signal: AbortSignal.abort("why") }));
await put("promises:abortDuring", () => { const ac = new AbortController(); const p = tp.setTimeout(1000, null, { signal: ac.signal }); ac.abort(); return p; });
await put("promises:abortImmediate", () => { const ac = new AbortController(); const p = tp.setImmediate("x", { signal: ac.signal }); ac.abort("r"); return p; });
await put("promises:abortInterval", async () => { const ac = new AbortController(); const got = []; for await (const v of tp.setInterval(1, 1, { signal: ac.signal })) { got.push(v); if (got.length === 2) ac.abort(); } return got; });
await put("promises:badSignal", () => tp.setTimeout(1, null, { signal: 1 }));
await put("promises:badRef", () => tp.setTimeout(1, null, { ref: 1 }));
await put("promises:refIgnored", () => tp.setTimeout(1, "r", { ref: false }));
await put("promises:badOptions", () => tp.setTimeout(1, null, 5));
await put("promises:badDelay", () => tp.setTimeout("1"));
await put("promises:scheduler", async () => [typeof tp.scheduler.wait, typeof tp.scheduler.yield, await tp.scheduler.wait(1) ?? null, await tp.scheduler.yield() ?? null]);
await put("promises:schedulerInvalidThis", () => tp.scheduler.yield.call({}));
await put("shape:timers", () => [Object.keys(timers).sort(), Object.keys(timersDefault).sort()]);
await put("shape:promises", () => [Object.keys(tp).sort(), Object.keys(tpDefault).sort()]);
await put("shape:timeoutPrototype", () => Object.getOwnPropertyNames(timers.Timeout.prototype).sort());
return collected();
};
export default run();
""",
    ("nodejs_compat",),
)
EXPECTED[""] = {
    "setTimeout:returnsTimeout": ["object", "Timeout", True, "number", True, True, False, True],
    "setTimeout:fires": ["a", "b"],
    "setTimeout:nonFunction": {
        "error": 'TypeError: The "callback" argument must be of type function. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
        "cause": None,
    },
    "clearTimeout:timeout": False,
    "clearTimeout:numericId": False,
    "timeout:close": [True, False],
    "timeout:refresh": 1,
    "setInterval:repeats": [3, "Timeout"],
    "setInterval:nonFunction": {
        "error": "TypeError: The \"callback\" argument must be of type function. Received type string ('x')",
        "code": "ERR_INVALID_ARG_TYPE",
        "cause": None,
    },
    "setImmediate:returnsImmediate": ["arg", "[object Immediate]", False, False, False, "function"],
    "clearImmediate": False,
    "enroll:throws": {"error": "Error: Not implemented. Please use setTimeout() instead.", "code": None, "cause": None},
    "active:refreshes": 1,
    "unenroll:clears": 0,
    "promises:isTimersPromises": [True, True],
    "promises:setTimeout": "v",
    "promises:setTimeoutNoValue": "<undefined>",
    "promises:setImmediate": "i",
    "promises:setInterval": ["iv", "iv", "iv"],
    "promises:abortBefore": {"error": "AbortError: The operation was aborted", "code": "ABORT_ERR", "cause": "why"},
    "promises:abortDuring": {
        "error": "AbortError: The operation was aborted",
        "code": "ABORT_ERR",
        "cause": "AbortError: The operation was aborted",
    },
    "promises:abortImmediate": {"error": "AbortError: The operation was aborted", "code": "ABORT_ERR", "cause": "r"},
    "promises:abortInterval": {
        "error": "AbortError: The operation was aborted",
        "code": "ABORT_ERR",
        "cause": "AbortError: The operation was aborted",
    },
    "promises:badSignal": {
        "error": 'TypeError: The "options.signal" property must be an instance of '
        "AbortSignal. Received type number (1)",
        "code": "ERR_INVALID_ARG_TYPE",
        "cause": None,
    },
    "promises:badRef": {
        "error": 'TypeError: The "options.ref" property must be of type boolean. Received type number (1)',
        "code": "ERR_INVALID_ARG_TYPE",
        "cause": None,
    },
    "promises:refIgnored": "r",
    "promises:badOptions": {
        "error": 'TypeError: The "options" argument must be of type object. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
        "cause": None,
    },
    "promises:badDelay": {
        "error": "TypeError: The \"delay\" argument must be of type number. Received type string ('1')",
        "code": "ERR_INVALID_ARG_TYPE",
        "cause": None,
    },
    "promises:scheduler": ["function", "function", None, None],
    "promises:schedulerInvalidThis": {
        "error": 'TypeError: Value of "this" must be of type Scheduler',
        "code": "ERR_INVALID_THIS",
        "cause": None,
    },
    "shape:timers": [
        [
            "Timeout",
            "active",
            "clearImmediate",
            "clearInterval",
            "clearTimeout",
            "default",
            "enroll",
            "promises",
            "setImmediate",
            "setInterval",
            "setTimeout",
            "unenroll",
        ],
        [
            "active",
            "clearImmediate",
            "clearInterval",
            "clearTimeout",
            "enroll",
            "promises",
            "setImmediate",
            "setInterval",
            "setTimeout",
            "unenroll",
        ],
    ],
    "shape:promises": [
        ["default", "scheduler", "setImmediate", "setInterval", "setTimeout"],
        ["scheduler", "setImmediate", "setInterval", "setTimeout"],
    ],
    "shape:timeoutPrototype": ["close", "constructor", "hasRef", "ref", "refresh", "unref"],
}

# Cases where isolet still differs from workerd, with the reason; they run as xfail.
KNOWN_DIFFERENCES: dict[str, str] = {}


CASES = case_params(EXPECTED, KNOWN_DIFFERENCES)
results = run_results(RUNS)


@pytest.mark.parametrize(("run", "behaviour"), CASES)
def test_timers_matches_workerd(results: dict[str, dict[str, Any]], run: str, behaviour: str) -> None:
    observed, expected = compared(results, EXPECTED, run, behaviour)
    assert observed == expected
