from __future__ import annotations

import json

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

ATOB_MESSAGE = (
    "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric ASCII, "
    "and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)"
)


run = run_js


@pytest.mark.parametrize(
    ("encoded", "decoded"),
    [
        ("YWJj", "abc"),
        ("YW Jj\n", "abc"),
        ("YQ", "a"),
        ("YQ==", "a"),
        ("YQ=\n=", "a"),
        ("YR==", "a"),
        ("YWJ", "ab"),
        ("", ""),
        (" \t\f\r\n", ""),
        ("//79", "\xff\xfe\xfd"),
    ],
)
def test_atob_decodes_forgiving_base64(encoded: str, decoded: str) -> None:
    assert run(f"return atob({json.dumps(encoded)})") == decoded


@pytest.mark.parametrize("bad", ["Y", "YQ=", "YQ===", "YQ==YQ==", "ab=c", "_-==", "Y\u00e9Q=", "YQ\u000b=="])
def test_atob_rejects_malformed_input(bad: str) -> None:
    with pytest.raises(JavaScriptError) as exc:
        run(f"return atob({json.dumps(bad)})")
    assert exc.value.name == "InvalidCharacterError"
    assert exc.value.message == ATOB_MESSAGE


def test_btoa_encodes_latin1() -> None:
    assert run('return [btoa(""), btoa("abc"), btoa("\\xff\\xfe")]') == ["", "YWJj", "//4="]


def test_btoa_rejects_chars_above_ff() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('btoa("€")')
    assert exc.value.name == "InvalidCharacterError"
    assert exc.value.message == "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range."


def test_atob_btoa_round_trip_all_bytes() -> None:
    assert run('let s = ""; for (let i = 0; i < 256; i++) s += String.fromCharCode(i);'
               'return atob(btoa(s)) === s') is True


def test_atob_requires_an_argument() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run("atob()")
    assert exc.value.name == "TypeError"
