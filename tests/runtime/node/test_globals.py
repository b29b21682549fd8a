"""isolet-internal:node/globals installs workerd's nodejs_compat globals.

Buffer/process/global as own properties and setImmediate/clearImmediate on
the global scope's prototype with nodejs_compat_v2; node:timers' versions of
the four timer globals with enable_nodejs_global_timers; nothing with
nodejs_compat alone. Expectations recorded from workerd 1.20260426.1 with
nodejs_compat at each compatibility date (the flags are the features that
date enables, as config/compat.py computes them).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.harness import run_module
from tests.runtime.node.cases import case_params, js_prelude, run_results

PRELUDE = js_prelude(values="undefined", errors="text", finish="copy")

CASES_JS = (
    PRELUDE
    + r"""const run = async () => {
const d = (o, n) => { const x = Object.getOwnPropertyDescriptor(o, n); return x ? { value: typeof x.value, enumerable: x.enumerable, configurable: x.configurable, writable: x.writable ?? null } : null; };
const proto = Object.getPrototypeOf(globalThis);
for (const n of ["Buffer", "process", "global", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval"]) {
  await put(`descriptor:${n}`, () => ({ own: d(globalThis, n), proto: d(proto, n) }));
}
await put("global:isGlobalThis", () => globalThis.global === globalThis);
await put("Buffer:isNodeBuffer", async () => globalThis.Buffer === (await import("node:buffer")).Buffer);
await put("process:isNodeProcess", async () => globalThis.process === (await import("node:process")).default);
await put("setTimeout:returns", () => { const t = setTimeout(() => {}, 0); clearTimeout(t); return Object.prototype.toString.call(t); });
await put("setTimeout:isNodeTimers", async () => globalThis.setTimeout === (await import("node:timers")).setTimeout);
await put("setImmediate:shape", () => [setImmediate.name, setImmediate.length, clearImmediate.length]);
await put("setImmediate:runs", () => new Promise((res) => { const i = setImmediate((a) => res([a, Object.prototype.toString.call(i)]), "x"); }));
await put("assignable", () => { const b = globalThis.Buffer; globalThis.Buffer = 5; const r = globalThis.Buffer; globalThis.Buffer = b; return r; });
await put("enumerable", () => ["Buffer", "process", "global", "setImmediate"].map((n) => Object.keys(globalThis).includes(n)));
return collected();
};
export default run();
"""
)

GLOBALS = "isolet-internal:node/globals"

# compatibility date -> the enabled features it implies with nodejs_compat
FLAGS: dict[str, tuple[str, ...]] = {
    "2024-06-01": ("nodejs_compat",),
    "2025-06-01": ("nodejs_compat", "nodejs_compat_v2", "nodejs_compat_populate_process_env"),
    "2026-04-01": (
        "nodejs_compat",
        "nodejs_compat_v2",
        "enable_nodejs_process_v2",
        "nodejs_compat_populate_process_env",
        "enable_nodejs_global_timers",
    ),
}

EXPECTED: dict[str, dict[str, Any]] = {
    "2026-04-01": {
        "descriptor:Buffer": {
            "own": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
            "proto": None,
        },
        "descriptor:process": {
            "own": {"value": "object", "enumerable": True, "configurable": True, "writable": True},
            "proto": None,
        },
        "descriptor:global": {
            "own": {"value": "object", "enumerable": True, "configurable": True, "writable": True},
            "proto": None,
        },
        "descriptor:setImmediate": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearImmediate": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:setTimeout": {
            "own": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearTimeout": {
            "own": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:setInterval": {
            "own": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearInterval": {
            "own": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "global:isGlobalThis": True,
        "Buffer:isNodeBuffer": True,
        "process:isNodeProcess": True,
        "setTimeout:returns": "[object Object]",
        "setTimeout:isNodeTimers": True,
        "setImmediate:shape": ["setImmediate", 0, 0],
        "setImmediate:runs": ["x", "[object Immediate]"],
        "assignable": 5,
        "enumerable": [True, True, True, False],
    },
    "2025-06-01": {
        "descriptor:Buffer": {
            "own": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
            "proto": None,
        },
        "descriptor:process": {
            "own": {"value": "object", "enumerable": True, "configurable": True, "writable": True},
            "proto": None,
        },
        "descriptor:global": {
            "own": {"value": "object", "enumerable": True, "configurable": True, "writable": True},
            "proto": None,
        },
        "descriptor:setImmediate": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearImmediate": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:setTimeout": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearTimeout": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:setInterval": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearInterval": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "global:isGlobalThis": True,
        "Buffer:isNodeBuffer": True,
        "process:isNodeProcess": True,
        "setTimeout:returns": "[object Number]",
        "setTimeout:isNodeTimers": False,
        "setImmediate:shape": ["setImmediate", 0, 0],
        "setImmediate:runs": ["x", "[object Immediate]"],
        "assignable": 5,
        "enumerable": [True, True, True, False],
    },
    "2024-06-01": {
        "descriptor:Buffer": {"own": None, "proto": None},
        "descriptor:process": {"own": None, "proto": None},
        "descriptor:global": {"own": None, "proto": None},
        "descriptor:setImmediate": {"own": None, "proto": None},
        "descriptor:clearImmediate": {"own": None, "proto": None},
        "descriptor:setTimeout": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearTimeout": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:setInterval": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "descriptor:clearInterval": {
            "own": None,
            "proto": {"value": "function", "enumerable": True, "configurable": True, "writable": True},
        },
        "global:isGlobalThis": False,
        "Buffer:isNodeBuffer": False,
        "process:isNodeProcess": False,
        "setTimeout:returns": "[object Number]",
        "setTimeout:isNodeTimers": False,
        "setImmediate:shape": {"error": "ReferenceError: setImmediate is not defined"},
        "setImmediate:runs": {"error": "ReferenceError: setImmediate is not defined"},
        "assignable": 5,
        "enumerable": [True, False, False, False],
    },
}


def _run_with_globals(source: str, flags: tuple[str, ...]) -> Any:
    """Evaluate ``source`` as a Worker module after the globals module, as the Worker entry does."""
    return run_module(source, compat_flags=flags, entry_imports=(GLOBALS,))


results = run_results({date: (CASES_JS, flags) for date, flags in FLAGS.items()}, runner=_run_with_globals)
CASES = case_params(EXPECTED)


@pytest.mark.parametrize(("date", "key"), CASES)
def test_globals_match_workerd(results: dict[str, dict[str, Any]], date: str, key: str) -> None:
    assert results[date].get(key, "<missing>") == EXPECTED[date][key]
