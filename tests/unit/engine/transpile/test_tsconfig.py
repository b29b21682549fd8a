"""JSX options come from the nearest tsconfig.json/jsconfig.json (JSONC, `extends`), cached per directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from isolet.engine.transpile import transpile_file
from isolet.engine.transpile.tsconfig import JsxOptions, clear_cache, jsx_options_for, strip_jsonc


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def test_jsonc_comments_and_trailing_commas_are_accepted() -> None:
    text = '{\n  // line\n  "a": "x // not a comment", /* block */\n  "b": [1, 2,],\n}'
    assert strip_jsonc(text).replace(" ", "").replace("\n", "") == '{"a":"x//notacomment","b":[1,2]}'


def test_nearest_config_walking_up_gives_automatic_runtime(tmp_path: Path) -> None:
    (tmp_path / "tsconfig.json").write_text(
        '{ // Hono\n "compilerOptions": { "jsx": "react-jsx", "jsxImportSource": "hono/jsx", },\n}')
    (tmp_path / "src" / "pages").mkdir(parents=True)
    assert jsx_options_for(tmp_path / "src" / "pages" / "a.tsx") == JsxOptions(
        runtime="automatic", import_source="hono/jsx")
    out = transpile_file(tmp_path / "src" / "pages" / "a.tsx", "export const A = () => <p>hi</p>;\n")
    assert out.endswith('import { jsx as __jsx } from "hono/jsx/jsx-runtime";\n')


def test_no_config_means_classic_react() -> None:
    assert jsx_options_for(Path("/no/such/dir/a.tsx")) == JsxOptions()


def test_extends_relative_file_is_followed_and_overridden(tmp_path: Path) -> None:
    (tmp_path / "base.json").write_text('{"compilerOptions": {"jsx": "react", "jsxFactory": "h", "jsxFragmentFactory": "F"}}')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "tsconfig.json").write_text('{"extends": "../base", "compilerOptions": {"jsxFactory": "preact.h"}}')
    assert jsx_options_for(tmp_path / "app" / "x.tsx") == JsxOptions(factory="preact.h", fragment="F")


def test_extends_package_under_node_modules_is_followed(tmp_path: Path) -> None:
    package = tmp_path / "node_modules" / "@acme" / "tsconfig"
    package.mkdir(parents=True)
    (package / "tsconfig.json").write_text('{"compilerOptions": {"jsx": "react-jsxdev"}}')
    (tmp_path / "tsconfig.json").write_text('{"extends": "@acme/tsconfig"}')
    assert jsx_options_for(tmp_path / "a.tsx") == JsxOptions(runtime="automatic", development=True)


def test_jsconfig_is_used_when_there_is_no_tsconfig(tmp_path: Path) -> None:
    (tmp_path / "jsconfig.json").write_text('{"compilerOptions": {"jsx": "react-jsx"}}')
    assert jsx_options_for(tmp_path / "a.jsx").runtime == "automatic"


def test_edited_config_is_read_again(tmp_path: Path) -> None:
    config = tmp_path / "tsconfig.json"
    config.write_text('{"compilerOptions": {"jsx": "react"}}')
    assert jsx_options_for(tmp_path / "a.tsx").runtime == "classic"
    config.write_text('{"compilerOptions": {"jsx": "react-jsx"}}')
    stat = config.stat()
    os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert jsx_options_for(tmp_path / "a.tsx").runtime == "automatic"


def test_preserve_falls_back_to_classic_calls(tmp_path: Path) -> None:
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"jsx": "preserve"}}')
    assert transpile_file(tmp_path / "a.tsx", "let a = <b/>;") == 'let a = React.createElement("b", null);'


def test_mts_and_cts_are_typescript(tmp_path: Path) -> None:
    assert transpile_file(tmp_path / "a.mts", "let a = <number>b;") == "let a =         b;"
    assert transpile_file(tmp_path / "a.cts", "let a: number = 1;") == "let a         = 1;"


def test_line_comment_pragma_is_honoured(tmp_path: Path) -> None:
    source = "// @jsx h\nimport { h } from 'preact';\nlet a = <b/>;"
    assert transpile_file(tmp_path / "a.tsx", source) == "// @jsx h\nimport { h } from 'preact';\nlet a = h(\"b\", null);"


def test_parsers_are_created_once_per_thread_and_threads_can_transpile_together(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from isolet.engine.transpile import _parser

    transpile_file(tmp_path / "a.ts", "let a: number = 1;")
    first = _parser._local.parsers[False]
    transpile_file(tmp_path / "b.ts", "let b: number = 2;")
    assert _parser._local.parsers[False] is first
    with ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda i: transpile_file(tmp_path / f"{i}.ts", f"let v{i}: T = {i};"), range(32)))
    assert outs == [f"let v{i}    = {i};" for i in range(32)]


def test_verbatim_module_syntax_keeps_unused_value_imports(tmp_path: Path) -> None:
    source = 'import { a, type B } from "./a";\nimport { type C } from "./c";\nlet x: B;'
    assert transpile_file(tmp_path / "x.ts", source) == ';                               \n;                            \nlet x   ;'
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "tsconfig.json").write_text('{"compilerOptions": {"verbatimModuleSyntax": true}}')
    assert transpile_file(tmp_path / "app" / "y.ts", source) == (
        'import { a,        } from "./a";\nimport {        } from "./c";\nlet x   ;'
    )
