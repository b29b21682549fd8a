"""JSX/TSX: our output and esbuild's (recorded in esbuild_jsx.py) evaluate, with stand-in runtime
functions, to the same element trees; plus layout, imports, options and pragmas."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from isolet.engine.transpile import TranspileError, transpile, transpile_file
from isolet.engine.transpile.tsconfig import JsxOptions, clear_cache
from tests.runtime.harness import run_js
from tests.unit.engine.transpile.esbuild_jsx import AUTOMATIC, CLASSIC

HONO = JsxOptions(runtime="automatic", import_source="hono/jsx")

# Stand-ins for the runtime: each call becomes a plain record of what it was called with.
PRELUDE = """
const name = (t) => typeof t === "string" ? t : (t && t.name) || String(t);
const jsx = (t, p, k) => ({ f: "jsx", t: name(t), p, k });
const jsxs = (t, p, k) => ({ f: "jsxs", t: name(t), p, k });
const createElement = (t, p, ...c) => ({ f: "ce", t: name(t), p, c });
const Fragment = function Fragment() {};
const React = { createElement, Fragment };
const __jsx = jsx, __jsxs = jsxs, __createElement = createElement, __Fragment = Fragment;
function Foo() {} Foo.Bar = function Bar() {}; Foo.Bar.Baz = function Baz() {};
function Comp() {} function A() {}
const p = { x: 1 }, rest = { y: 2 }, a = { a: 1 }, b = { b: 2 }, items = [1, 2], xs = ["q", "r"];
const x = "X", y = "Y", two = 2, k = "kk", cond = true;
"""


def _without_imports(js: str) -> str:
    return "\n".join(line for line in js.split("\n") if not line.startswith("import "))


@cache
def _evaluate(mode: str) -> tuple[list[str], list[str]]:
    cases = AUTOMATIC if mode == "automatic" else CLASSIC
    options = HONO if mode == "automatic" else JsxOptions()
    ours = [transpile(f"const out = {src};", path="case.tsx", tsx=True, jsx=options) for src, _ in cases]
    theirs = [expected for _, expected in cases]
    blocks = [f"(() => {{\n{_without_imports(js)}\nreturn JSON.stringify(out);\n}})()" for js in ours + theirs]
    results: list[str] = run_js(PRELUDE + "return [" + ",\n".join(blocks) + "];")
    return results[: len(cases)], results[len(cases):]


@pytest.mark.parametrize("index", range(len(AUTOMATIC)), ids=[c[0][:40] for c in AUTOMATIC])
def test_automatic_runtime_builds_the_same_tree_as_esbuild(index: int) -> None:
    ours, theirs = _evaluate("automatic")
    assert json.loads(ours[index]) == json.loads(theirs[index])


@pytest.mark.parametrize("index", range(len(CLASSIC)), ids=[c[0][:40] for c in CLASSIC])
def test_classic_runtime_builds_the_same_tree_as_esbuild(index: int) -> None:
    ours, theirs = _evaluate("classic")
    assert json.loads(ours[index]) == json.loads(theirs[index])


@pytest.mark.parametrize(("source", "_"), AUTOMATIC, ids=[c[0][:40] for c in AUTOMATIC])
def test_output_keeps_the_line_count(source: str, _: str) -> None:
    out = transpile(f"const out = {source};\nconst marker = 1;", tsx=True, jsx=HONO)
    assert out.split("\n").index("const marker = 1;") == source.count("\n") + 1


def test_automatic_import_is_appended_so_line_one_is_unchanged() -> None:
    out = transpile("const a = <><b>{x}</b><i/></>;", tsx=True, jsx=HONO)
    assert out == (
        'const a = __jsxs(__Fragment, { children: [__jsx("b", { children: x }), __jsx("i", {})] });\n'
        'import { Fragment as __Fragment, jsx as __jsx, jsxs as __jsxs } from "hono/jsx/jsx-runtime";\n'
    )


def test_key_after_spread_falls_back_to_create_element_from_the_import_source() -> None:
    out = transpile('const a = <div {...p} key="k" />;', tsx=True, jsx=HONO)
    assert out == ('const a = __createElement("div", { ...p, key: "k" });\n'
                   'import { createElement as __createElement } from "hono/jsx";\n')


def test_each_child_stays_on_its_original_line_and_column() -> None:
    source = "const a = (\n  <ul>\n    <li>{first}</li>\n    {items.map((i) => <li>{i}</li>)}\n  </ul>\n);\nlet marker;"
    out = transpile(source, tsx=True, jsx=HONO)
    lines = out.split("\n")
    assert lines[2].index('__jsx("li"') == source.split("\n")[2].index("<li>")
    assert lines[3].index("items.map") == source.split("\n")[3].index("items.map")
    assert lines[6] == "let marker;"


def test_classic_runtime_keeps_the_react_import_used_only_by_jsx() -> None:
    source = 'import React from "react";\nimport type { FC } from "react";\nconst A: FC = () => <div/>;'
    assert transpile(source, tsx=True) == (
        'import React from "react";\n;                               \nconst A     = () => React.createElement("div", null);'
    )


def test_pragmas_choose_factory_and_fragment() -> None:
    source = '/** @jsx h */\n/** @jsxFrag Frag */\nimport { h, Frag } from "preact";\nconst a = <><div a="1">x</div></>;'
    assert transpile(source, tsx=True).split("\n")[3] == 'const a = h(Frag, null, h("div", { a: "1" }, "x"));'


def test_pragmas_choose_automatic_runtime_and_import_source() -> None:
    source = "/** @jsxRuntime automatic */\n/** @jsxImportSource hono/jsx */\nconst a = <div/>;"
    out = transpile(source, tsx=True)
    assert out.endswith('const a = __jsx("div", {});\nimport { jsx as __jsx } from "hono/jsx/jsx-runtime";\n')


def test_import_source_pragma_alone_keeps_classic_runtime_as_esbuild_does() -> None:
    out = transpile("/** @jsxImportSource hono/jsx */\nconst a = <div/>;", tsx=True)
    assert out.endswith('const a = React.createElement("div", null);')


def test_development_runtime_passes_source_positions() -> None:
    out = transpile('const a = <div key="k">{x}</div>;', path="src/a.tsx", tsx=True,
                    jsx=JsxOptions(runtime="automatic", development=True))
    assert out == (
        'const a = __jsxDEV("div", { children: x }, "k", false, '
        '{ fileName: "src/a.tsx", lineNumber: 1, columnNumber: 11 }, this);\n'
        'import { jsxDEV as __jsxDEV } from "react/jsx-dev-runtime";\n'
    )


def test_key_without_value_is_refused_in_automatic_runtime() -> None:
    with pytest.raises(TranspileError) as info:
        transpile("const a =\n  <div key />;", path="a.tsx", tsx=True, jsx=HONO)
    assert str(info.value) == 'a.tsx:2:8: Please provide an explicit value for "key"'


def test_generic_arrow_with_trailing_comma_in_tsx() -> None:
    assert transpile("const id = <T,>(x: T) => x;", tsx=True) == "const id =     (x   ) => x;"


def test_types_inside_jsx_expressions_are_erased() -> None:
    out = transpile("const a = <A f={(e: Event) => go(e as any)} />;", tsx=True, jsx=HONO)
    assert out.startswith("const a = __jsx(A, { f: (e       ) => go(e       ) });")


def test_jsx_file_keeps_imports_that_only_jsx_uses(tmp_path: Path) -> None:
    clear_cache()
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"jsx": "react-jsx", "jsxImportSource": "hono/jsx"}}')
    source = 'import { Layout } from "./layout";\nexport default () => <Layout><p>hi</p></Layout>;\n'
    out = transpile_file(tmp_path / "page.jsx", source)
    assert out == (
        'import { Layout } from "./layout";\n'
        'export default () => __jsx(Layout, { children: __jsx("p", { children: "hi" }) });\n'
        'import { jsx as __jsx } from "hono/jsx/jsx-runtime";\n'
    )
    assert re.search(r"^import \{ Layout \}", transpile_file(tmp_path / "page.tsx", source))


# A Hono app as its template writes it (tsconfig: jsx react-jsx, jsxImportSource hono/jsx). Run under
# Node against hono 4 and zod 3, this output and esbuild's answered three requests identically.
HONO_APP = """import { Hono, Context, MiddlewareHandler } from 'hono'
import type { FC, PropsWithChildren } from 'hono/jsx'
import { z } from 'zod'

type Bindings = { GREETING: string }
interface Post { id: number; title: string; tags?: string[] }

enum Role { Admin = 'admin', User = 'user' }

const posts: Post[] = [
  { id: 1, title: 'Hello & welcome', tags: ['a', 'b'] },
  { id: 2, title: 'Second <post>' },
]

const Layout: FC<PropsWithChildren<{ title: string }>> = ({ title, children }) => (
  <html>
    <head><title>{title}</title></head>
    <body>
      <h1 class="title">{title} &mdash; site</h1>
      {children}
    </body>
  </html>
)

const PostItem = ({ post }: { post: Post }) => (
  <li key={post.id} data-id={post.id}>
    {post.title}
    {post.tags?.length ? <small> ({post.tags.join(', ')})</small> : null}
  </li>
)

class Counter {
  constructor(private readonly start: number, public step = 1) {}
  next(n: number): number { return this.start + n * this.step }
}

const timing: MiddlewareHandler = async (c: Context, next) => {
  await next()
  c.header('x-counter', String(new Counter(10, 2).next(3)!))
}

const app = new Hono<{ Bindings: Bindings }>()
app.use('*', timing)

app.get('/', (c) => {
  return c.html(
    <Layout title="Posts">
      <ul>
        {posts.map((p) => <PostItem post={p} />)}
      </ul>
      <>
        <p>Role: {Role.Admin}</p>
        <input type="checkbox" checked disabled={false} />
      </>
    </Layout>
  )
})

const schema = z.object({ name: z.string().min(1) })
app.post('/echo', async (c) => {
  const body = schema.safeParse(await c.req.json()) satisfies z.SafeParseReturnType<unknown, unknown>
  if (!body.success) return c.json({ error: body.error.issues[0]!.message }, 400)
  return c.json({ hello: body.data.name as string })
})

export default app
"""


def test_hono_style_app_keeps_lines_and_drops_type_only_imports() -> None:
    out = transpile(HONO_APP, path="src/index.tsx", tsx=True, jsx=HONO)
    lines = out.split("\n")
    assert lines[:3] == ["import { Hono,                            } from 'hono'",
                         ";" + " " * 52, "import { z } from 'zod'"]
    assert lines[7].startswith('var Role; (function (Role) { Role["Admin"] = \'admin\';')
    assert lines[HONO_APP.count("\n") - 1] == "export default app"
    assert lines[-2] == 'import { Fragment as __Fragment, jsx as __jsx, jsxs as __jsxs } from "hono/jsx/jsx-runtime";'
    assert "satisfies" not in out and "Context" not in out and "!." not in out
