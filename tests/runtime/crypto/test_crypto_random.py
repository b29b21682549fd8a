"""crypto.getRandomValues / randomUUID (12_crypto_random.js)."""

from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js


def test_get_random_values_fills_and_returns_the_same_array() -> None:
    assert run('const a = new Uint32Array(8); const r = crypto.getRandomValues(a);'
               'return [r === a, a.some((x) => x !== 0)]') == [True, True]


def test_random_uuid_is_version_4() -> None:
    assert run('const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;'
               'const ids = new Set(); for (let i = 0; i < 500; i++) { const u = crypto.randomUUID();'
               'if (!re.test(u)) return u; ids.add(u); } return ids.size') == 500


def test_float_array_is_type_mismatch() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("crypto.getRandomValues(new Float64Array(2))")
    assert exc.value.name == "TypeMismatchError"


def test_more_than_64k_is_quota_exceeded() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("crypto.getRandomValues(new Uint8Array(65537))")
    assert exc.value.name == "QuotaExceededError"
    assert exc.value.message == "getRandomValues() only accepts buffers of size <= 64K but provided 65537 bytes."


def test_exactly_64k_is_allowed() -> None:
    assert run("return crypto.getRandomValues(new BigUint64Array(8192)).length") == 8192


def test_crypto_is_an_own_enumerable_global_like_workerd_and_constructor_is_illegal() -> None:
    # workerd's crypto is a JSG_LAZY_INSTANCE_PROPERTY (own, enumerable); the
    # Crypto class lives on ServiceWorkerGlobalScope.prototype.
    assert run('let illegal = false; try { new Crypto() } catch (e) { illegal = e instanceof TypeError }'
               'return [Object.keys(globalThis).includes("crypto"), Object.keys(globalThis).includes("Crypto"),'
               'crypto instanceof Crypto, illegal]') == [True, False, True, True]


def test_get_random_values_of_a_non_view_names_js_array_buffer_view() -> None:
    for arg in ("new ArrayBuffer(4)", "[1, 2]", ""):
        with pytest.raises(JavaScriptError) as exc:
            run(f"crypto.getRandomValues({arg})")
        assert exc.value.name == "TypeError"
        assert exc.value.message == (
            "Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'JsArrayBufferView'.")


def test_unbound_crypto_methods_are_illegal_invocations() -> None:
    for method, arg in (("getRandomValues", "new Uint8Array(1)"), ("randomUUID", "")):
        with pytest.raises(JavaScriptError) as exc:
            run(f"const f = crypto.{method}; f({arg})")
        assert exc.value.name == "TypeError"
        assert str(exc.value.message).startswith("Illegal invocation: function called with incorrect `this` reference.")
