"""Ops as they reach JS (engine/isolate.py bind_ops): both kinds, and the two kinds of error."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

from isolet.engine.isolate import Isolate
from isolet.errors import JSError
from isolet.observability.logs import LogRecord
from isolet.runtime.host import HostConfig, IsolateHost
from isolet.runtime.ops import OPS


def op_test_add(host: IsolateHost, a: int, b: int) -> int:
    return a + b


async def op_test_later(host: IsolateHost, value: str) -> str:
    await asyncio.sleep(0)
    return value.upper()


def op_test_user_error(host: IsolateHost) -> None:
    raise JSError("TypeError", "a user error")


def op_test_bug(host: IsolateHost) -> None:
    raise KeyError("a bug")


TEST_OPS: dict[str, Callable[..., Any]] = {
    **OPS,
    "op_test_add": op_test_add,
    "op_test_later": op_test_later,
    "op_test_user_error": op_test_user_error,
    "op_test_bug": op_test_bug,
}


def _run(source: str) -> tuple[Any, list[LogRecord]]:
    async def main() -> tuple[Any, list[LogRecord]]:
        logs: list[LogRecord] = []
        host = IsolateHost(HostConfig("ops"), asyncio.get_running_loop(), logs.append)
        isolate = Isolate(host, ops=TEST_OPS, boot=False)
        try:
            isolate.eval("globalThis.__t = globalThis.__isolet_internals; 0")  # boot removes the global
            isolate.boot()
            return await isolate.eval_async(source), logs
        finally:
            isolate.close()

    return asyncio.run(main())


def test_plain_and_async_ops_are_called_by_name_with_their_arguments() -> None:
    result, _ = _run("(async () => [__t.ops.op_test_add(2, 3), await __t.ops.op_test_later('x')])()")
    assert result == [5, "X"]


def test_a_user_error_keeps_its_class_and_message() -> None:
    result, logs = _run(
        "(() => { try { __t.ops.op_test_user_error(); } catch (e) { return [e.constructor.name, e.message]; } })()"
    )
    assert result == ["TypeError", "a user error"]
    assert not logs


def test_any_other_exception_reaches_js_as_an_internal_error_logged_under_its_reference() -> None:
    result, logs = _run("(() => { try { __t.ops.op_test_bug(); } catch (e) { return e.message; } })()")
    match = re.fullmatch(r"internal error; reference = ([0-9a-f]{12})", result)
    assert match is not None, result
    (record,) = logs
    assert record.level == "error"
    assert f"reference = {match[1]}" in record.message
    assert "KeyError: 'a bug'" in record.message


def test_warming_a_blank_isolate_runs_the_dispatch_path_without_a_single_op() -> None:
    called: list[str] = []

    def counting(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def op(*args: Any) -> Any:
            called.append(name)
            return fn(*args)

        return op

    ops = {name: counting(name, fn) for name, fn in OPS.items() if not asyncio.iscoroutinefunction(fn)}

    async def main() -> str:
        host = IsolateHost(HostConfig("blank"), asyncio.get_running_loop(), lambda record: None)
        isolate = Isolate(host, ops={**OPS, **ops}, boot=False)
        try:
            isolate.warm()
            return str(isolate.eval("typeof globalThis.__isolet_warm"))
        finally:
            isolate.close()

    # The stand-in request is answered inside the call (a whole reply), so
    # nothing reaches Python; the hook stays until boot removes it.
    assert asyncio.run(main()) == "function"
    assert called == []
