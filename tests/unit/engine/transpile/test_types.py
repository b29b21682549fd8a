"""Type erasure: every TypeScript-only construct becomes spaces, so every remaining token keeps
its line and column; where ASI would read the blanked text differently, a `;` or a moved
parenthesis keeps the meaning (the hazards ts-blank-space documents)."""

from __future__ import annotations

import re

import pytest

from isolet.engine.transpile import transpile

# (construct, TypeScript in, JavaScript out): outputs checked by hand against esbuild's semantics.
CASES: list[tuple[str, str, str]] = [
    ("param_and_return_annotations",
     'function f(a: number, b?: string): void {}',
     'function f(a        , b         )       {}'),
    ("variable_annotation",
     'let x: Map<string, number[]> = new Map();',
     'let x                        = new Map();'),
    ("class_field_annotation",
     'class C { count: number = 0; }',
     'class C { count         = 0; }'),
    ("interface",
     'interface I { a: string }\nlet y = 1;',
     ';                        \nlet y = 1;'),
    ("type_alias",
     'type T = { a: 1 } | null;\nlet y = 1;',
     ';                        \nlet y = 1;'),
    ("generic_function",
     'function id<T extends object>(x: T): T { return x; }',
     'function id                  (x   )    { return x; }'),
    ("generic_call",
     'const m = make<string, number>(1);',
     'const m = make                (1);'),
    ("generic_new",
     'const m = new Map<string, number>();',
     'const m = new Map                ();'),
    ("generic_class",
     'class Box<T> extends Base<T> { }',
     'class Box    extends Base    { }'),
    ("as",
     'const n = (x as unknown as number) + 1;',
     'const n = (x                     ) + 1;'),
    ("as_const",
     'const xs = [1, 2] as const;',
     'const xs = [1, 2]         ;'),
    ("as_qualified_type",
     'const z = x satisfies a.b.C;\nlet y = v as ns.T',
     'const z = x                ;\nlet y = v ;      '),
    ("satisfies",
     'const c = { a: 1 } satisfies Config;',
     'const c = { a: 1 }                 ;'),
    ("non_null",
     'const v = map.get(k)!.value!;',
     'const v = map.get(k) .value ;'),
    ("import_type",
     'import type { A } from "./a";\nlet y = 1;',
     ';                            \nlet y = 1;'),
    ("export_type",
     'export type { A } from "./a";\nexport type B = 1;',
     ';                            \n;                 '),
    ("inline_type_specifiers",
     'import { type A, b } from "./a";\nexport { type A as C, b };\nb();',
     'import {         b } from "./a";\nexport {              b };\nb();'),
    ("declare",
     'declare const VERSION: string;\ndeclare function g(): void;\ndeclare global { interface Window {} }\ndeclare module "m" { }\nlet y = 1;',
     ';                             \n;                          \n;                                     \n;                     \nlet y = 1;'),
    ("declare_field",
     'class C { declare x: number; y = 1; }',
     'class C {                  ; y = 1; }'),
    ("abstract",
     'abstract class S { abstract run(): void; abstract n: number; go() {} }',
     '         class S {                     ;                   ; go() {} }'),
    ("modifiers",
     'class C { public a = 1; private readonly b = 2; protected static c = 3; override d() {} }',
     'class C {        a = 1;                  b = 2;           static c = 3;          d() {} }'),
    ("optional",
     'class C { a?: number; m?(): void {} }\nfunction f(x?: number) {}',
     'class C { a         ; m ()       {} }\nfunction f(x         ) {}'),
    ("this_param",
     'function f(this: Window, a: number) {}\nfunction g(this: Window) {}',
     'function f(              a        ) {}\nfunction g(            ) {}'),
    ("definite_assignment",
     'let x!: number;\nclass C { y!: string; }',
     'let x         ;\nclass C { y         ; }'),
    ("implements",
     'class C extends B implements I, J<number> { }',
     'class C extends B                         { }'),
    ("overloads",
     'function f(a: string): string;\nfunction f(a: number): number;\nfunction f(a: any) { return a; }\nclass C { m(): void; m(a?: number) {} }',
     ';                             \n;                             \nfunction f(a     ) { return a; }\nclass C {          ; m(a         ) {} }'),
    ("index_signature",
     'class C { [key: string]: unknown; a = 1; }',
     'class C {                       ; a = 1; }'),
    ("arrow_return_type",
     'const f = (a: number): string => String(a);',
     'const f = (a        )         => String(a);'),
    ("generic_arrow",
     'const f = <T>(x: T): T => x;',
     'const f =    (x   )    => x;'),
    ("type_assertion",
     'const n = <number>value;',
     'const n =         value;'),
    ("type_only_namespace",
     'namespace NS { export interface I {} export type T = 1; }\nlet y = 1;',
     ';                                                        \nlet y = 1;'),
    ("declare_enum",
     'declare enum E { A }\nconst enum_ = 1;',
     ';                   \nconst enum_ = 1;'),
    ("export_declare",
     'export declare function f(): void;\nexport interface I {}\nexport default interface J {}\nexport as namespace Lib;',
     ';                                 \n;                    \n;                            \n;                       '),
    ("export_of_local_types",
     'interface I {}\ntype T = 1;\nconst v = 1;\nexport { I, T, v };',
     ';             \n;          \nconst v = 1;\nexport {       v };'),
    ("imports_used_only_as_types",
     'import { A, b } from "./a";\nimport D from "./d";\nimport * as NS from "./ns";\nconst x: A = b;\nlet y: NS.T = D;',
     'import {    b } from "./a";\nimport D from "./d";\n;                          \nconst x    = b;\nlet y       = D;'),
    ("imports_all_types",
     'import { A } from "./a";\nimport E, { F } from "./e";\nlet x: A;\nlet y: F = E;',
     ';                       \nimport E        from "./e";\nlet x   ;\nlet y    = E;'),
    ("import_default_unused_named_used",
     'import D, { f } from "./d";\nf();\nlet t: D;',
     'import    { f } from "./d";\nf();\nlet t   ;'),
    ("side_effect_imports",
     'import "./polyfill";\nimport {} from "./empty";',
     'import "./polyfill";\n;                        '),
    ("accessor_types",
     'class C { get v(): number { return 1; } set v(x: number) {} }',
     'class C { get v()         { return 1; } set v(x        ) {} }'),
    ("catch_and_for_of",
     'try {} catch (e: unknown) {}\nfor (const k of keys as string[]) {}',
     'try {} catch (e         ) {}\nfor (const k of keys            ) {}'),
    ("type_predicate_and_asserts",
     'function isS(x: unknown): x is string { return true; }\nfunction ok(x: unknown): asserts x {}',
     'function isS(x         )              { return true; }\nfunction ok(x         )            {}'),
    ("destructured_param",
     'function f({ a, b }: Props = {}) {}',
     'function f({ a, b }        = {}) {}'),
    ("tagged_template_type_args",
     'const q = sql<Row>`select 1`;',
     'const q = sql<Row>`select 1`;'),
    ("instantiation_expression",
     'const g = f<string>;',
     'const g = f        ;'),
    ("hazard_as_before_paren",
     'foo as string\n(1);',
     'foo ;        \n(1);'),
    ("hazard_satisfies_before_bracket",
     'foo satisfies string\n[0].forEach(f);',
     'foo ;               \n[0].forEach(f);'),
    ("no_hazard_as_before_operator",
     'foo as any\n+ 1;',
     'foo       \n+ 1;'),
    ("hazard_export_default_satisfies",
     'export default { fetch() {} } satisfies ExportedHandler\n(globalThis as any).x = 1;',
     'export default { fetch() {} } ;                        \n(globalThis       ).x = 1;'),
    ("hazard_erased_statement_between",
     'let a = f\ntype T = 1\n(g)();',
     'let a = f\n;         \n(g)();'),
    ("hazard_modifier_after_field",
     'class C {\n  a = 1\n  private [k] = 2\n  b = 3\n  public *gen() {}\n}',
     'class C {\n  a = 1\n  ;       [k] = 2\n  b = 3\n  ;      *gen() {}\n}'),
    ("hazard_erased_member_after_field",
     "class C {\n  a = 1\n  declare b: number\n  ['m']() {}\n}",
     "class C {\n  a = 1\n  ;                \n  ['m']() {}\n}"),
    ("hazard_arrow_return_type_newline",
     'const f = (a: number\n): Promise<\n  number> => g(a);',
     'const f = (a        \n           \n        ) => g(a);'),
    ("hazard_generic_arrow_after_return",
     'function f() {\n  return <T,>\n    (v: T) => v;\n}',
     'function f() {\n  return (   \n     v   ) => v;\n}'),
    ("hazard_async_generic_arrow",
     'const f = async <T>\n(v: T) => v;',
     'const f = async (  \n v   ) => v;'),
    ("hazard_type_assertion_newline",
     'function f() {\n  return <any>\n    x;\n}',
     'function f() {\n  return (    \n    x);\n}'),
    ("hazard_type_assertion_object_body",
     'const f = () => <T>{ a: 1 };',
     'const f = () => (  { a: 1 });'),
    ("non_ascii_type_keeps_columns",
     'let s: "é😀" = "é"; let t = 1;',
     'let s        = "é"; let t = 1;'),
]


@pytest.mark.parametrize(("construct", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_construct_is_erased_in_place(construct: str, source: str, expected: str) -> None:
    assert transpile(source) == expected


def _utf16_positions(text: str) -> list[tuple[int, int]]:
    """(line, UTF-16 column) of every character, as V8 reports positions."""
    out, line, col = [], 0, 0
    for c in text:
        out.append((line, col))
        if c == "\n":
            line, col = line + 1, 0
        else:
            col += 2 if ord(c) > 0xFFFF else 1
    return out


def _tokens(text: str) -> list[tuple[str, tuple[int, int]]]:
    positions = _utf16_positions(text)
    return [(m.group(), positions[m.start()]) for m in re.finditer(r"[A-Za-z_$][\w$]*|\d+|\"[^\"]*\"", text)]


WORKER = '''import type { ExecutionContext } from "@cloudflare/workers-types";
import { Router, type Handler } from "./router";

interface Env { KV: KVNamespace; SECRET: string }
type Reply = Promise<Response>;

export class Counter<T extends number = number> implements DurableObject {
  private count: T = 0 as T;
  constructor(private readonly state: DurableObjectState, env: Env) {}
  async fetch(request: Request): Reply {
    const url = new URL(request.url) as URL;
    const n = Number(url.searchParams.get("n")!) satisfies number;
    return new Response(String(this.count + n));
  }
}

const router = new Router<Env>();
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Reply {
    const handler: Handler | undefined = router.match(request);
    return handler ? handler(request, env) : new Response("no", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
'''


def test_every_remaining_token_keeps_its_line_and_column() -> None:
    out = transpile(WORKER)
    assert out.count("\n") == WORKER.count("\n")
    source_tokens = {pos: tok for tok, pos in _tokens(WORKER)}
    inserted_at = (8, WORKER.split("\n")[8].index("{") + 1)  # the parameter-property assignment
    for token, pos in _tokens(out):
        if pos[0] == inserted_at[0] and pos[1] >= inserted_at[1]:
            continue
        assert source_tokens.get(pos) == token, (token, pos)
    assert "this.state = state;" in out.split("\n")[8]
    assert "implements" not in out and "satisfies" not in out and "Handler" not in out.split("\n")[1]


def test_marker_after_erased_generics_keeps_position() -> None:
    source = "const m = new Map<string, Array<number>>(); const marker = 1;"
    out = transpile(source)
    assert out.index("marker") == source.index("marker")


def test_marker_after_non_ascii_type_keeps_utf16_column() -> None:
    source = 'let s: "é😀" = 1; let marker = 2;'
    out = transpile(source)
    assert _utf16_positions(out)[out.index("marker")] == _utf16_positions(source)[source.index("marker")]


def test_syntax_tree_sitter_lacks_is_tolerated_inside_erased_text() -> None:
    # TypeScript 5 syntax tree-sitter 0.23 does not parse; it is all erased anyway.
    source = 'export type * from "./types";\nexport type * as T from "./t";\ninterface I<in out T> {}\nlet x = 1;'
    assert transpile(source) == (
        ';                            \n;                             \n;                       \nlet x = 1;'
    )


def test_modern_syntax_passes_through() -> None:
    source = ('import data from "./x.json" with { type: "json" };\n'
              "class C { static { init(data); } #p = 1; accessor a = 1; }\n"
              "const f = <const T,>(v: T) => v?.k!;")
    assert transpile(source) == (
        'import data from "./x.json" with { type: "json" };\n'
        "class C { static { init(data); } #p = 1; accessor a = 1; }\n"
        "const f =           (v   ) => v?.k ;"
    )
