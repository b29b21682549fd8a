"""TypeScript constructs with runtime meaning: enums, parameter properties, and the ASI hazards
of erasure, checked for exact text and by running the output in a real isolate."""

from __future__ import annotations

import json

from isolet.engine.transpile import transpile
from tests.runtime.harness import run_js


def test_enum_becomes_iife_with_members_on_their_own_lines() -> None:
    source = 'enum Color {\n  Red,\n  Green = "g",\n  Blue = 4,\n  Mix = Red | Blue,\n}\nconst marker = Color.Red;'
    assert transpile(source) == (
        'var Color; (function (Color) {\n'
        '  Color[Color["Red"] = 0] = "Red"; \n'
        '  Color["Green"] = "g"; \n'
        '  Color[Color["Blue"] = 4] = "Blue"; \n'
        '  Color[Color["Mix"] = Color["Red"] | Color["Blue"]] = "Mix"; \n'
        '})(Color || (Color = {}));\n'
        'const marker = Color.Red;'
    )


def test_export_const_enum_becomes_export_var() -> None:
    assert transpile("export const enum Dir { Up = 1, Down }") == (
        'export var Dir; (function (Dir) { Dir[Dir["Up"] = 1] = "Up";  Dir[Dir["Down"] = 2] = "Down"; })'
        "(Dir || (Dir = {}));"
    )


# What esbuild 0.25.12's output of the same enum evaluates to (JSON.stringify(E)).
ESBUILD_ENUM = (
    '{"0":"A","5":"B","6":"C","10":"F","14":"G","16":"K","17":"L","A":0,"B":5,"C":6,"D":"x","F":10,'
    '"G":14,"H":"t","I":-3,"-3":"I","J":-2,"-2":"J","K":16,"L":17}'
)


def test_enum_values_match_esbuild() -> None:
    source = ('enum E { A, B = 5, C, D = "x", F = B << 1, G = C | F, H = `t`, I = -3, J, K = 0x10, L }\n'
              "return JSON.stringify(E);")
    assert json.loads(run_js(transpile(source))) == json.loads(ESBUILD_ENUM)


def test_parameter_properties_are_assigned_after_super_on_the_same_line() -> None:
    source = ("class A extends B {\n  constructor(public x: number, readonly y = 2) {\n"
              "    super();\n    go();\n  }\n}")
    assert transpile(source) == (
        "class A extends B {\n  constructor(       x        ,          y = 2) {\n"
        "    super(); this.x = x; this.y = y;\n    go();\n  }\n}"
    )


def test_parameter_properties_open_a_base_constructor() -> None:
    assert transpile("class P {\n  constructor(private a: string) {}\n}") == (
        "class P {\n  constructor(        a        ) { this.a = a;}\n}"
    )


def test_parameter_properties_run() -> None:
    source = """
class Base { constructor(public base: number) {} }
class Derived extends Base {
  extra = 1;
  constructor(private readonly x: number, public y?: string) {
    super(x * 2)
    this.z = this.x + 1;
  }
  z: number;
}
const d = new Derived(3, "s");
return [d.base, d.x, d.y, d.z, d.extra];
"""
    assert run_js(transpile(source)) == [6, 3, "s", 4, 1]


def test_erasure_hazards_keep_typescript_meaning_when_run() -> None:
    source = """
let calls = 0;
const foo = (..._: unknown[]) => { calls++; };
foo as any
(1);
foo satisfies unknown
[0];
function g() {
  return <T,>
    (v: T) => v;
}
const h = async <T>
(v: T) => v;
const k = (a: number
): number => a + 1;
function m() {
  return <any>
    42;
}
class C {
  a = 1
  private ["b"] = 2
}
return [calls, typeof g(), h.constructor.name, k(1), m(), new C().b];
"""
    assert run_js(transpile(source)) == [0, "function", "AsyncFunction", 2, 42, 2]
