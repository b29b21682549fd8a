from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import js_runtime


def run(js: str) -> Any:
    async def main() -> Any:
        async with js_runtime() as rt:
            return await rt.run(js)

    return asyncio.run(main())


def test_domexception_has_name_message_and_legacy_code() -> None:
    assert run('const e = new DOMException("boom", "NotFoundError"); return [e.name, e.message, e.code]') == [
        "NotFoundError", "boom", 8]


def test_domexception_defaults_to_error_name_and_code_zero() -> None:
    assert run('const e = new DOMException(); return [e.name, e.message, e.code]') == ["Error", "", 0]


def test_domexception_accepts_options_with_cause() -> None:
    assert run('const e = new DOMException("m", {name: "AbortError", cause: 7}); return [e.name, e.cause, e.code]') == [
        "AbortError", 7, 20]


def test_domexception_is_an_error_with_stack_naming_it() -> None:
    assert run('const e = new DOMException("m", "DataCloneError");'
               'return [e instanceof Error, e.stack.split("\\n")[0], String(e), DOMException.DATA_CLONE_ERR]') == [
        True, "DataCloneError: m", "DataCloneError: m", 25]


def test_domexception_global_is_not_enumerable() -> None:
    assert run('return Object.keys(globalThis).includes("DOMException")') is False


def test_thrown_domexception_surfaces_with_its_name() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('throw new DOMException("nope", "InvalidStateError")')
    assert exc.value.name == "InvalidStateError"
    assert exc.value.message == "nope"
