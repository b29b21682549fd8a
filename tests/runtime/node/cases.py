"""What the node: module tests share: the JS that records named cases, and the pytest glue around it.

A test file keeps its cases (JS) and its expectations (``EXPECTED``, recorded from workerd); this
module supplies the rest.

JS. ``js_prelude(...)`` is prepended to a file's module source (imports may follow it: ES imports
are hoisted); ``PRELUDE`` is the one with the defaults, and a file recorded with other encodings
names its own (``PRELUDE = js_prelude(values=..., errors=..., finish=...)``). It declares, at
module scope:

- ``out``: the results, keyed by case name;
- ``put(name, fn)``: run ``fn`` now (awaiting it unless ``sync=True``) and record its value or error;
- ``T(name, fn)`` / ``C``: register a case to run later; ``runCases(cases = C)`` runs every
  registered case (or the ``cases`` object) in order with ``put`` and returns ``collected()``;
- ``collected()``: ``out`` in the form ``finish`` names;
- ``err(f)``: call ``f`` and return ``[name, code, message]`` of what it throws, or ``"no error"``.

The files were recorded with different encodings, so each detail is an option rather than one
rule (changing one would change recorded expectations):

- ``values``: how a returned value is stored -- ``"tagged"`` (Uint8Array as ``"hex:.."``, bigint as
  ``"5n"``, undefined as ``"<undefined>"``, NaN/Infinity as strings, -0 as ``"-0"``, through arrays),
  ``"undefined"`` (only undefined as ``"<undefined>"``), ``"plain"`` (``"undefined"`` plus objects
  copied recursively with a ``"<nullProto>": true`` entry for null-prototype ones), ``"null-proto"``
  (a null-prototype object gets ``nullProto: true``; undefined stays undefined) or ``"raw"``;
- ``errors``: how a thrown error is stored -- ``"list"`` (``{error: [name, code, message]}``),
  ``"thrown"`` (``{thrown: [name, code, message]}``), ``"text"`` (``{error: "Name: message"}``),
  ``"text+code"`` (plus ``code``) or ``"text+code+cause"`` (plus ``cause`` as a string or null);
- ``finish``: what ``collected()`` returns -- ``"text"`` (JSON text: the fixture parses it),
  ``"copy"`` (a JSON round trip: undefined members dropped) or ``"object"`` (``out`` itself);
- ``sync``: ``put`` calls ``fn`` without awaiting (the file calls it at top level, without ``await``).

Python. ``module_results`` / ``run_results`` make the module-scoped ``results`` fixture (one
module, or one module per run with its compat flags); ``named`` lists the cases of a group
(``"group: ..."`` names); ``case_params`` builds the ``(run, behaviour)`` parameters of a table of
runs, with an xfail for each known difference; ``compared`` gives the observed and the expected
results of one behaviour; ``op_host`` is a host for calling ops directly.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from typing import Any, Literal

import pytest
from _pytest.mark import ParameterSet

from isolet.runtime.host import HostConfig, IsolateHost
from tests.runtime.harness import run_module

Values = Literal["tagged", "undefined", "plain", "null-proto", "raw"]
Errors = Literal["list", "thrown", "text", "text+code", "text+code+cause"]
Finish = Literal["text", "copy", "object"]

_VALUES: dict[str, str] = {
    "tagged": """const enc = (v) => {
  if (v instanceof Uint8Array) return "hex:" + Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("");
  if (typeof v === "bigint") return `${v}n`;
  if (v === undefined) return "<undefined>";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "number" && Object.is(v, -0)) return "-0";
  if (Array.isArray(v)) return v.map(enc);
  return v;
};""",
    "undefined": 'const enc = (v) => (v === undefined ? "<undefined>" : v);',
    "plain": """const plain = (v) => v === null || typeof v !== "object" ? v : Array.isArray(v) ? v.map(plain) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]).concat(Object.getPrototypeOf(v) === null ? [["<nullProto>", true]] : []));
const enc = (v) => (v === undefined ? "<undefined>" : plain(v));""",
    "null-proto": 'const enc = (v) => (v !== null && typeof v === "object" && !Array.isArray(v) && Object.getPrototypeOf(v) === null ? { nullProto: true, ...v } : v);',
    "raw": "const enc = (v) => v;",
}

_ERRORS: dict[str, str] = {
    "list": "const fail = (e) => ({ error: [e?.name, e?.code ?? null, e?.message] });",
    "thrown": "const fail = (e) => ({ thrown: [e.name, e.code ?? null, e.message] });",
    "text": "const fail = (e) => ({ error: `${e.name}: ${e.message}` });",
    "text+code": "const fail = (e) => ({ error: `${e.name}: ${e.message}`, code: e.code ?? null });",
    "text+code+cause": "const fail = (e) => ({ error: `${e.name}: ${e.message}`, code: e.code ?? null, cause: e.cause === undefined ? null : String(e.cause) });",
}

_FINISH: dict[str, str] = {
    "text": "const collected = () => JSON.stringify(out);",
    "copy": "const collected = () => JSON.parse(JSON.stringify(out));",
    "object": "const collected = () => out;",
}

_PUT = {
    False: "const put = async (key, fn) => { try { out[key] = enc(await fn()); } catch (e) { out[key] = fail(e); } };",
    True: "const put = (key, fn) => { try { out[key] = enc(fn()); } catch (e) { out[key] = fail(e); } };",
}

_COMMON = """const C = {};
const T = (name, fn) => { C[name] = fn; };
const runCases = async (cases = C) => {
  for (const [name, fn] of Object.entries(cases)) await put(name, fn);
  return collected();
};
const err = (f) => {
  try {
    f();
    return "no error";
  } catch (e) {
    return [e.name, e.code ?? null, e.message];
  }
};"""


def js_prelude(
    *, values: Values = "tagged", errors: Errors = "list", finish: Finish = "text", sync: bool = False
) -> str:
    """The case-recording JS to prepend to a test module's source (see the module docstring)."""
    parts = ["const out = {};", _VALUES[values], _ERRORS[errors], _FINISH[finish], _PUT[sync], _COMMON]
    return "\n".join(parts) + "\n"


PRELUDE = js_prelude()

# run name -> (module source, compat flags)
Runs = Mapping[str, tuple[str, tuple[str, ...]]]
Runner = Callable[[str, tuple[str, ...]], Any]


def _run_module(source: str, flags: tuple[str, ...]) -> Any:
    return run_module(source, compat_flags=flags)


def module_results(source: str, *, json_text: bool = False) -> Any:
    """A module-scoped ``results`` fixture: the dict ``source`` exports (JSON text when ``json_text``)."""

    @pytest.fixture(scope="module", name="results")
    def results() -> dict[str, Any]:
        value = run_module(source)
        out: dict[str, Any] = json.loads(value) if json_text else value
        assert isinstance(out, dict)
        return out

    return results


def run_results(runs: Runs, *, runner: Runner = _run_module) -> Any:
    """A module-scoped ``results`` fixture: run name -> the dict that run's module exports."""

    @pytest.fixture(scope="module", name="results")
    def results() -> dict[str, dict[str, Any]]:
        return {run: runner(source, flags) for run, (source, flags) in runs.items()}

    return results


def named(expected: Mapping[str, Any], group: str) -> list[str]:
    """The case names of ``group`` (names read ``"<group>: <what>"``)."""
    return [name for name in expected if name.startswith(f"{group}: ")]


def each_case(key: str) -> str:
    """Each case is its own behaviour."""
    return key


def by_api(key: str) -> str:
    """Cases are grouped by the API they call: the key up to its first "("."""
    return key.split("(", 1)[0]


def case_params(
    expected: Mapping[str, Mapping[str, Any]],
    known_differences: Mapping[str, str] | None = None,
    behaviour: Callable[[str], str] = each_case,
) -> list[ParameterSet]:
    """One ``(run, behaviour)`` parameter per behaviour of each run, id ``run:behaviour`` (or the
    behaviour alone for the run ``""``); a behaviour in ``known_differences`` is an xfail with that reason."""
    known = known_differences or {}
    return [
        pytest.param(
            run,
            name,
            id=f"{run}:{name}" if run else name,
            marks=[pytest.mark.xfail(reason=known[name], strict=False)] if name in known else [],
        )
        for run, cases in expected.items()
        for name in dict.fromkeys(behaviour(k) for k in cases)
    ]


def compared(
    results: Mapping[str, Mapping[str, Any]],
    expected: Mapping[str, Mapping[str, Any]],
    run: str,
    name: str,
    behaviour: Callable[[str], str] = each_case,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The observed and the expected results of the cases that make up one behaviour of a run."""
    keys = [k for k in expected[run] if behaviour(k) == name]
    return {k: results[run].get(k, "<missing>") for k in keys}, {k: expected[run][k] for k in keys}


def op_host() -> IsolateHost:
    """A host for calling ops directly; its loop is closed (the ops under test never touch it)."""
    loop = asyncio.new_event_loop()
    loop.close()
    return IsolateHost(HostConfig("test"), loop, lambda record: None)
