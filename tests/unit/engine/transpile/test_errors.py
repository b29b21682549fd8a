"""Syntax that erasure cannot handle is refused with one line naming file:line:col and the construct."""

from __future__ import annotations

from pathlib import Path

import pytest

from isolet.engine.transpile import TranspileError, transpile_file

REFUSALS = [
    ("let a = 1;\n\nnamespace NS { export const x = 1; }",
     "src/a.ts:3:1: TypeScript 'namespace' with runtime values is not supported; use an ES module"),
    ("module M { export function f() {} }",
     "src/a.ts:1:1: TypeScript 'module' with runtime values is not supported; use an ES module"),
    ("@dec\nclass A {}",
     "src/a.ts:1:1: decorators are not supported ('@dec'); compile the Worker with a bundler or remove the decorator"),
    ("class A {\n  @log method() {}\n}",
     "src/a.ts:2:3: decorators are not supported ('@log'); compile the Worker with a bundler or remove the decorator"),
    ("class A { constructor(@inject x) {} }",
     "src/a.ts:1:23: decorators are not supported ('@inject'); compile the Worker with a bundler or remove the "
     "decorator"),
    ("import fs = require('fs');",
     "src/a.ts:1:1: TypeScript 'import X = require(...)' is not supported; use an ES import"),
    ("export = foo;", "src/a.ts:1:1: TypeScript 'export =' is not supported; use 'export default'"),
    ("import A = B.C;", "src/a.ts:1:1: TypeScript 'import X = Y' is not supported; use an ES import"),
]


@pytest.mark.parametrize(("source", "message"), REFUSALS, ids=[m.split(": ", 1)[1][:40] for _, m in REFUSALS])
def test_construct_is_refused_with_location(source: str, message: str) -> None:
    with pytest.raises(TranspileError) as info:
        transpile_file(Path("src/a.ts"), source)
    assert str(info.value) == message


def test_syntax_error_names_location_and_offending_text() -> None:
    with pytest.raises(TranspileError) as info:
        transpile_file(Path("src/a.ts"), "const ok = 1;\nlet s = 'é'; let = = 2;")
    assert str(info.value) == "src/a.ts:2:20: syntax error: unexpected '='"
    assert (info.value.path, info.value.line, info.value.column) == ("src/a.ts", 2, 20)


def test_missing_token_is_named() -> None:
    with pytest.raises(TranspileError) as info:
        transpile_file(Path("src/a.ts"), "let x = (1 + 2;")
    assert str(info.value) == "src/a.ts:1:15: syntax error: expected ')'"


def test_unclosed_jsx_is_a_syntax_error() -> None:
    with pytest.raises(TranspileError) as info:
        transpile_file(Path("src/a.tsx"), "export const a = <div>;\n")
    assert str(info.value).startswith("src/a.tsx:1:")
    assert "syntax error" in str(info.value)


def test_invalid_tsconfig_is_reported_against_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"jsx": }')
    with pytest.raises(TranspileError) as info:
        transpile_file(tmp_path / "a.tsx", "export const a = <div/>;")
    assert str(info.value).startswith(f"{tmp_path / 'tsconfig.json'}:1:1: invalid JSON at line 1")
