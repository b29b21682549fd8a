"""Globals of 99_globals.js and 07_timers.js: class tags, code generation ban, timer argument errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

ADD_WASM = (Path(__file__).parents[2] / "integration" / "workers" / "wasm" / "add.wasm").read_bytes()
ADD_WASM_JS = f"new Uint8Array([{', '.join(str(b) for b in ADD_WASM)}])"
CODEGEN = "Code generation from strings disallowed for this context"


def run(js: str, *, expose_internals: bool = False) -> Any:
    return run_js(js, info={"compatFlags": ["global_navigator"]}, expose_internals=expose_internals)


def error_of(js: str) -> tuple[str, str]:
    with pytest.raises(JavaScriptError) as exc:
        run(js)
    return str(exc.value.name), str(exc.value.message)


def test_global_navigator_and_performance_carry_workerd_class_tags() -> None:
    assert run("const tag = (o) => Object.prototype.toString.call(o);"
               "return [tag(globalThis), tag(navigator), tag(performance), navigator.userAgent,"
               "typeof performance.timeOrigin, performance.now() >= 0]") == [
        "[object ServiceWorkerGlobalScope]", "[object Navigator]", "[object Performance]", "Cloudflare-Workers",
        "number", True]


@pytest.mark.parametrize("source", [
    'eval("1 + 1")',
    'new Function("return 1")',
    'Function("return 1")',
    '(function () {}).constructor("return 1")',
    'Object.getPrototypeOf(async function () {}).constructor("return 1")',
    'Object.getPrototypeOf(function* () {}).constructor("yield 1")',
    'Object.getPrototypeOf(async function* () {}).constructor("yield 1")',
])
def test_code_generation_from_strings_is_an_eval_error(source: str) -> None:
    assert error_of(source) == ("EvalError", CODEGEN)


def test_functions_stay_instances_of_function_after_the_ban() -> None:
    assert run("const af = async () => {}; function* g() {}"
               "return [(() => {}) instanceof Function, af instanceof Function, g instanceof Function,"
               "Object.getPrototypeOf(af).constructor.name, Function.name, Function.length]") == [
        True, True, True, "AsyncFunction", "Function", 1]


def test_compiling_wasm_from_bytes_is_a_compile_error() -> None:
    assert error_of(f"new WebAssembly.Module({ADD_WASM_JS})") == (
        "CompileError", "WebAssembly.Module(): Wasm code generation disallowed by embedder")
    assert error_of(f"await WebAssembly.instantiate({ADD_WASM_JS})") == (
        "CompileError", "WebAssembly.instantiate(): Wasm code generation disallowed by embedder")
    assert error_of(f"await WebAssembly.compile({ADD_WASM_JS})") == (
        "CompileError", "WebAssembly.compile(): Wasm code generation disallowed by embedder")


def test_a_module_compiled_by_the_loader_still_instantiates() -> None:
    assert run(f"const m = __test_internals.compileWasm({ADD_WASM_JS});"
               "const instance = await WebAssembly.instantiate(m, {});"
               "return [m instanceof WebAssembly.Module, instance.exports.add(2, 3),"
               "new WebAssembly.Instance(m).exports.add(1, 1), WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])),"
               "WebAssembly.Module.exports(m).map((e) => e.name)]",
               expose_internals=True) == [True, 5, 2, True, ["add"]]


@pytest.mark.parametrize("call", ["setTimeout()", 'setTimeout("1 + 1", 0)', "setInterval({}, 0)"])
def test_timer_without_a_callback_names_the_global_scope(call: str) -> None:
    name = call.split("(")[0]
    assert error_of(call) == (
        "TypeError", f"Failed to execute '{name}' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.")


def test_queue_microtask_checks_its_callback_and_still_queues() -> None:
    assert error_of('queueMicrotask("nope")') == (
        "TypeError",
        "Failed to execute 'queueMicrotask' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.")
    assert run("const out = []; queueMicrotask(() => out.push(1)); out.push(0); await null; return out") == [0, 1]
