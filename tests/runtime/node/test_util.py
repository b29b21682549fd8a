"""node:util and node:util/types behave as in workerd (nodejs_compat).

Expected values were recorded from workerd 1.20260426.1 with nodejs_compat (they agree with
Node 20 except where the case name says so: workerd's error wording, poolSize 0, kMaxLength
symbol keys printed without brackets, deprecate / debuglog / styleText / parseArgs as
workerd has them). All cases run in one isolate (module fixture).
"""

# ruff: noqa: E501
from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import PRELUDE, module_results, named

CASES_JS = PRELUDE + r'''
import util, { inspect, format, promisify, callbackify, inherits, types, isDeepStrictEqual } from "node:util";
import * as utilNs from "node:util";
import typesMod, * as typesNs from "node:util/types";
import { Buffer } from "node:buffer";
const I = (v, o) => inspect(v, o);
class Foo { constructor() { this.a = 1; this.b = "x"; } }
class Bar extends Foo {}
class Empty {}
const circ = { name: "c" };
circ.self = circ;
circ.arr = [circ, { back: circ }];
const nested = { a: { b: { c: { d: { e: 1 } } } } };
const sym = Symbol("s");
const withStack = (e, stack) => { e.stack = stack; return e; };
T("inspect: primitives", () => [I(1), I(-0), I(1.5), I(NaN), I(Infinity), I(10n), I(true), I(undefined), I(null), I(sym), I("str"), I("it's"),
  I(`it's "q"`), I("a\nb\tc\u0001\u007f\\"), I("")]);
T("inspect: arrays", () => [I([]), I([1, 2, 3]), I([1, [2, [3, [4, [5]]]]]), I(new Array(3)), I([1, , 3]), I([undefined, null]),
  I(Object.assign([1], { extra: true }))]);
T("inspect: long numeric array is grouped in columns", () => I(Array.from({ length: 30 }, (_, i) => i)));
T("inspect: long string array is grouped in columns", () => I(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat((i % 5) + 1))));
T("inspect: more than 100 items", () => I(Array.from({ length: 120 }, (_, i) => i)));
T("inspect: objects", () => [I({}), I({ a: 1, b: "two", c: [3], d: { e: null } }), I({ "key with space": 1, valid_id: 2, "1abc": 3, [sym]: 4 }),
  I(Object.create(null)), I(Object.assign(Object.create(null), { x: 1 }))]);
T("inspect: depth", () => [I(nested), I(nested, { depth: 0 }), I(nested, { depth: Infinity }), I(nested, { depth: null }), I({ arr: [[[[1]]]] })]);
T("inspect: class instances", () => [I(new Foo()), I(new Bar()), I(new Empty()), I(Foo), I(Bar), I(class {}), I(Empty)]);
T("inspect: functions", () => [I(function foo() {}), I(() => {}), I(async function af() {}), I(function* gen() {}), I(async function* ag() {}),
  I(Object.assign(function withProps() {}, { p: 1 })), I(Math.max)]);
T("inspect: circular references", () => [I(circ), I((() => { const a = [1]; a.push(a); return a; })())]);
T("inspect: Map and Set", () => [I(new Map()), I(new Map([["a", 1], [{ k: 1 }, [2]]])), I(new Set()), I(new Set([1, "two", { three: 3 }])),
  I(new WeakMap()), I(new WeakSet())]);
T("inspect: Date and RegExp", () => [I(new Date(0)), I(new Date(NaN)), I(/ab+c/gi), I(Object.assign(/x/, { extra: 1 }))]);
T("inspect: errors print their stack", () => {
  class MyErr extends Error {}
  const coded = withStack(new Error("coded"), "Error: coded\n    at z (z.js:3:3)");
  coded.code = "E_X";
  const noStack = new Error("nostack");
  noStack.stack = undefined;
  return [I(withStack(new Error("boom"), "Error: boom\n    at foo (file.js:1:1)")), I(withStack(new TypeError("bad"), "TypeError: bad\n    at x (y.js:2:2)")),
    I(coded), I(noStack), I(withStack(new MyErr("mine"), "Error: mine\n    at q (q.js:1:1)")), I({ err: withStack(new Error("in"), "Error: in\n    at a (a.js:1:1)") }),
    I(withStack(new Error("x"), ""))];
});
T("inspect: error cause", () => I(withStack(new Error("outer", { cause: "inner" }), "Error: outer\n    at a (a.js:1:1)")));
T("inspect: symbol keys", () => I({ [Symbol("a")]: 1, [Symbol.iterator]: 2, normal: 3 }));
T("inspect: getters and setters", () => { const o = { get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} }; return [I(o), I(o, { getters: true })]; });
T("inspect: util.inspect.custom", () => {
  const o = { [inspect.custom](depth, opts, insp) { return `Custom<${depth},${typeof opts.stylize},${insp === inspect}>`; } };
  const p = { [inspect.custom]() { return { replaced: true }; } };
  const q = { [Symbol.for("nodejs.util.inspect.custom")]() { return "viaSymbolFor"; } };
  return [I(o), I({ nested: o }), I(p), I([o]), I(q), util.inspect.custom === Symbol.for("nodejs.util.inspect.custom")];
});
T("inspect: typed arrays and buffers", () => [I(new Uint8Array([1, 2, 3])), I(new Float64Array(2)), I(new BigInt64Array([1n])), I(new Uint8Array(0)),
  I(new ArrayBuffer(3)), I(new DataView(new ArrayBuffer(2))), I(Buffer.from("hi"))]);
T("inspect: boxed primitives", () => [I(new Number(3)), I(new String("abc")), I(new Boolean(false)), I(Object(Symbol("q"))), I(Object(5n))]);
T("inspect: toStringTag", () => [I({ [Symbol.toStringTag]: "Custom" }), I(new (class X { get [Symbol.toStringTag]() { return "T"; } })())]);
T("inspect: arguments object", () => I((function () { return arguments; })(1, "a")));
T("inspect: compact false", () => [I({ a: 1, b: [1, 2] }, { compact: false }), I([1, 2], { compact: false })]);
T("inspect: compact true", () => [I({ a: { b: { c: {} } } }, { compact: true }), I(nested, { compact: true, depth: 10 })]);
T("inspect: breakLength", () => [I({ a: "x".repeat(30), b: "y".repeat(30), c: "z".repeat(30) }), I({ a: 1, b: 2 }, { breakLength: 3 }),
  I({ aaaa: 1, bbbb: 2, cccc: 3 }, { breakLength: 20 }), I({ a: "x".repeat(30), b: "y".repeat(30), c: "z".repeat(30) }, { breakLength: Infinity })]);
T("inspect: sorted", () => [I({ b: 1, a: 2, c: 3 }, { sorted: true }), I(new Set([3, 1, 2]), { sorted: true })]);
T("inspect: showHidden", () => [I([1], { showHidden: true }), I(Object.defineProperty({}, "hid", { value: 1, enumerable: false }), { showHidden: true })]);
T("inspect: long strings", () => [I("x".repeat(200)), I({ s: "word ".repeat(40) }), I("a\n".repeat(3) + "b".repeat(130)), I("x".repeat(20000)).length]);
T("inspect: many keys", () => I(Object.fromEntries(Array.from({ length: 30 }, (_, i) => ["key" + i, i]))));
T("inspect: nested mixed structures", () => I({ users: [{ id: 1, name: "alice", tags: ["a", "b"] }, { id: 2, name: "bob", tags: [] }],
  meta: { total: 2, page: { n: 1, size: 10 } } }));
T("inspect: maxArrayLength and maxStringLength", () => [I([1, 2, 3], { maxArrayLength: 1 }), I(new Set([1, 2, 3]), { maxArrayLength: 0 }),
  I("abcdef", { maxStringLength: 2 })]);
T("inspect: numericSeparator", () => I([1234567, 1234.5678, -9876543210, 123456789n], { numericSeparator: true }));
T("inspect: colors", () => [I({ a: 1, s: "x", n: null, u: undefined, b: true, sy: Symbol("z") }, { colors: true }), I([new Date(0), /r/], { colors: true })]);
T("inspect: legacy positional arguments", () => [inspect({ a: { b: { c: {} } } }, false, 0), inspect("x", true)]);
T("inspect: defaultOptions", () => [util.inspect.defaultOptions.depth, util.inspect.defaultOptions.breakLength, util.inspect.defaultOptions.compact]);
T("format: placeholders", () => [format("%s:%s", "a", "b"), format("%d", "42"), format("%i", 3.9), format("%f", "1.5x"), format("%j", { a: 1 }),
  format("%o", [1]), format("%O", { a: 1 }), format("%c%s", "color: red", "x"), format("100%%"), format("%s", 1n), format("%d", 1n)]);
T("format: %s of objects", () => [format("%s", { a: { b: { c: 1 } } }), format("%s", [1, [2]]), format("%s", null), format("%s", undefined),
  format("%s", Symbol("s")), format("%s", -0), format("%s", new Error("E")).split("\n")[0], format("%s", { toString() { return "custom"; } }),
  format("%s", new Date(0)), format("%s", new Foo())]);
T("format: missing and extra arguments", () => [format("no args %s"), format("extra", 1, "two", { three: 3 }), format(1, 2), format("%s %s", "only"),
  format("%x", 1), format("%s", "a", "b"), format(), format("%%s %s", "x")]);
T("format: numbers", () => [format("%d", Symbol("s")), format("%i", "0x10"), format("%d", ""), format("%f", "abc"), format("%d", -0), format("%i", 42n)]);
T("format: %j of a circular object", () => format("%j", (() => { const c = {}; c.c = c; return c; })()));
T("format: formatWithOptions", () => [util.formatWithOptions({ colors: true }, "%O", 1), util.formatWithOptions({ compact: false }, { a: 1 })]);
T("errors: formatWithOptions with a non-object", () => util.formatWithOptions(1, "x"));
T("promisify: resolves with the callback value", async () => {
  const fn = (a, b, cb) => cb(null, a + b);
  return [await promisify(fn)(1, 2), promisify(fn).length, typeof promisify(fn)];
});
T("promisify: rejects with the callback error", async () => {
  const fn = (cb) => cb(new TypeError("nope"));
  try { await promisify(fn)(); return "resolved"; } catch (e) { return [e.name, e.message]; }
});
T("promisify: keeps this", async () => { const o = { v: 7, m(cb) { cb(null, this.v); } }; o.p = promisify(o.m); return await o.p(); });
T("promisify: custom symbol", async () => {
  const fn = () => {};
  const custom = () => Promise.resolve("custom");
  fn[promisify.custom] = custom;
  return [promisify(fn) === custom, await promisify(fn)(), promisify.custom === Symbol.for("nodejs.util.promisify.custom")];
});
T("promisify: copies properties", () => { const fn = Object.assign((cb) => cb(), { extra: 1 }); return promisify(fn).extra; });
T("errors: promisify a non-function", () => promisify(1));
T("callbackify: calls back with the result", () => new Promise((resolve) => {
  const f = callbackify(async (a) => a * 2);
  f(21, (err, v) => resolve([err, v, f.name, f.length]));
}));
T("callbackify: calls back with the rejection", () => new Promise((resolve) => {
  callbackify(async () => { throw new Error("bad"); })((err) => resolve(err.message));
}));
T("callbackify: wraps a falsy rejection", () => new Promise((resolve) => {
  callbackify(() => Promise.reject(null))((err) => resolve([err.code, err.message, err.reason]));
}));
T("errors: callbackify without a callback", () => callbackify(async () => 1)());
T("inherits: sets the prototype chain and super_", () => {
  function A() {}
  A.prototype.hi = () => "hi";
  function Bb() {}
  inherits(Bb, A);
  return [new Bb().hi(), Bb.super_ === A, new Bb() instanceof A];
});
T("errors: inherits with a missing superCtor prototype", () => inherits(function a() {}, Object.create(null)));
T("errors: inherits with null ctor", () => inherits(null, function a() {}));
T("deepEqual: isDeepStrictEqual", () => [isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), isDeepStrictEqual({ a: 1 }, { a: "1" }),
  isDeepStrictEqual([1, 2], [1, 2, 3]), isDeepStrictEqual(new Map([[1, { x: 1 }]]), new Map([[1, { x: 1 }]])),
  isDeepStrictEqual(new Set([{ a: 1 }, 2]), new Set([2, { a: 1 }])), isDeepStrictEqual(NaN, NaN), isDeepStrictEqual(0, -0),
  isDeepStrictEqual(new Date(1), new Date(1)), isDeepStrictEqual(/a/g, /a/i), isDeepStrictEqual(Object.create(null), {}),
  isDeepStrictEqual(new Uint8Array([1]), new Uint8Array([1])), isDeepStrictEqual(new Uint8Array([1]), new Int8Array([1])),
  isDeepStrictEqual(new Error("x"), new Error("x")), isDeepStrictEqual(new Error("x"), new TypeError("x")),
  isDeepStrictEqual({ [Symbol.for("k")]: 1 }, { [Symbol.for("k")]: 1 }), isDeepStrictEqual({ [Symbol.for("k")]: 1 }, {}),
  isDeepStrictEqual([1, , 3], [1, undefined, 3]), isDeepStrictEqual(new Number(1), new Number(1)), isDeepStrictEqual(new Number(1), new Number(2)),
  isDeepStrictEqual(new Map([[{ k: 1 }, 1]]), new Map([[{ k: 1 }, 1]])), isDeepStrictEqual(new Map([[{ k: 1 }, 1]]), new Map([[{ k: 1 }, 2]]))]);
T("deepEqual: cycles", () => { const a = { x: 1 }; a.self = a; const b = { x: 1 }; b.self = b; const c = { x: 2 }; c.self = c; return [isDeepStrictEqual(a, b), isDeepStrictEqual(a, c)]; });
T("types: brand checks", () => [types.isPromise(Promise.resolve()), types.isPromise({ then() {} }), types.isDate(new Date()), types.isDate({}),
  types.isRegExp(/a/), types.isRegExp({}), types.isMap(new Map()), types.isSet(new Set()), types.isWeakMap(new WeakMap()),
  types.isWeakSet(new WeakSet()), types.isArrayBuffer(new ArrayBuffer(1)), types.isAnyArrayBuffer(new ArrayBuffer(1)),
  types.isTypedArray(new Uint8Array()), types.isTypedArray(new DataView(new ArrayBuffer(1))), types.isUint8Array(Buffer.alloc(1)),
  types.isUint8Array(new Uint16Array()), types.isFloat64Array(new Float64Array()), types.isBigInt64Array(new BigInt64Array()),
  types.isDataView(new DataView(new ArrayBuffer(1))), types.isArrayBufferView(new DataView(new ArrayBuffer(1)))]);
T("types: functions and objects", () => [types.isAsyncFunction(async () => {}), types.isAsyncFunction(() => {}), types.isGeneratorFunction(function* () {}),
  types.isGeneratorFunction(() => {}), types.isGeneratorObject((function* () {})()), types.isBoxedPrimitive(Object(1)), types.isBoxedPrimitive(1),
  types.isNumberObject(new Number(1)), types.isStringObject(new String("")), types.isBooleanObject(new Boolean(true)), types.isSymbolObject(Object(Symbol())),
  types.isBigIntObject(Object(1n)), types.isNativeError(new TypeError()), types.isNativeError({ name: "Error", message: "" }),
  types.isArgumentsObject((function () { return arguments; })()), types.isMapIterator(new Map().keys()), types.isSetIterator(new Set().values()),
  types.isExternal({}), types.isProxy({}), types.isModuleNamespaceObject(typesNs), types.isSharedArrayBuffer(new ArrayBuffer(1))]);
T("types: node:util/types default and named exports agree", () => [typesMod === types || Object.keys(typesMod).every((k) => typesMod[k] === types[k]),
  Object.keys(typesNs).filter((k) => k !== "default").every((k) => typeof typesNs[k] === "function")]);
T("misc: TextEncoder and TextDecoder are the globals", () => [util.TextEncoder === globalThis.TextEncoder, utilNs.TextDecoder === globalThis.TextDecoder]);
T("misc: toUSVString", () => Array.from(util.toUSVString("a\ud800b"), (c) => c.charCodeAt(0)));
T("misc: stripVTControlCharacters", () => util.stripVTControlCharacters("\u001b[31mred\u001b[39m plain"));
T("misc: deprecate returns the function", () => { const f = () => 1; return [util.deprecate(f, "msg", "DEP0") === f, util.deprecate(f, "m")()]; });
T("misc: debuglog is a disabled logger", () => { const d = util.debuglog("test"); return [typeof d, d.enabled, d("x %s", 1), util.debug === util.debuglog]; });
T("misc: styleText", () => [util.styleText("red", "x"), util.styleText(["bold", "red"], "x", { validateStream: false }), util.styleText("none", "y")]);
T("errors: styleText with an unknown format", () => util.styleText("nope", "x"));
T("misc: legacy type checks", () => [util.isArray([]), util.isBoolean(false), util.isBuffer(Buffer.alloc(1)), util.isBuffer(new Uint8Array(1)),
  util.isDate(new Date()), util.isError(new Error()), util.isFunction(() => {}), util.isNull(null), util.isNullOrUndefined(undefined),
  util.isNumber(1), util.isObject({}), util.isObject(null), util.isPrimitive("x"), util.isPrimitive({}), util.isRegExp(/a/), util.isString(""),
  util.isSymbol(Symbol()), util.isUndefined(undefined)]);
T("misc: _extend", () => util._extend({ a: 1 }, { b: 2 }));
T("misc: MIMEType", () => { const m = new util.MIMEType("Text/HTML; Charset=UTF-8; q=\"a b\""); return [m.type, m.subtype, m.essence, m.params.get("charset"),
  m.params.get("q"), String(m), [...m.params.keys()]]; });
T("nodeonly: aborted resolves on abort (workerd forbids it at global scope)", async () => { const ac = new AbortController(); const p = util.aborted(ac.signal, {}); ac.abort(); return [await p]; });
T("errors: parseArgs is not implemented", () => util.parseArgs());
T("errors: getSystemErrorName is not implemented", () => util.getSystemErrorName(-1));
T("module: named exports", () => Object.keys(utilNs).filter((k) => !["getCallSite", "getCallSites", "parseEnv", "_errnoException", "_exceptionWithHostPort"].includes(k)).sort());
T("module: default export members", () => [typeof util, util.inspect === inspect, util.types === types, util.promisify === promisify]);

export default runCases();
'''

EXPECTED: dict[str, Any] = {'inspect: primitives': ['1',
                         '-0',
                         '1.5',
                         'NaN',
                         'Infinity',
                         '10n',
                         'true',
                         'undefined',
                         'null',
                         'Symbol(s)',
                         "'str'",
                         '"it\'s"',
                         '`it\'s "q"`',
                         "'a\\nb\\tc\\x01\\x7F\\\\'",
                         "''"],
 'inspect: arrays': ['[]',
                     '[ 1, 2, 3 ]',
                     '[ 1, [ 2, [ 3, [Array] ] ] ]',
                     '[ <3 empty items> ]',
                     '[ 1, <1 empty item>, 3 ]',
                     '[ undefined, null ]',
                     '[ 1, extra: true ]'],
 'inspect: long numeric array is grouped in columns': '[\n'
                                                      '   0,  1,  2,  3,  4,  5,  6,  7,  8,\n'
                                                      '   9, 10, 11, 12, 13, 14, 15, 16, 17,\n'
                                                      '  18, 19, 20, 21, 22, 23, 24, 25, 26,\n'
                                                      '  27, 28, 29\n'
                                                      ']',
 'inspect: long string array is grouped in columns': '[\n'
                                                     "  'a',     'bb',    'ccc',   'dddd',\n"
                                                     "  'eeeee', 'f',     'gg',    'hhh',\n"
                                                     "  'iiii',  'jjjjj', 'k',     'll',\n"
                                                     "  'mmm',   'nnnn',  'ooooo', 'p',\n"
                                                     "  'qq',    'rrr',   'ssss',  'ttttt',\n"
                                                     "  'u',     'vv',    'www',   'xxxx',\n"
                                                     "  'yyyyy', 'z'\n"
                                                     ']',
 'inspect: more than 100 items': '[\n'
                                 '   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n'
                                 '  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n'
                                 '  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n'
                                 '  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n'
                                 '  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n'
                                 '  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n'
                                 '  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n'
                                 '  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n'
                                 '  96, 97, 98, 99,\n'
                                 '  ... 20 more items\n'
                                 ']',
 'inspect: objects': ['{}',
                      "{ a: 1, b: 'two', c: [ 3 ], d: { e: null } }",
                      "{ 'key with space': 1, valid_id: 2, '1abc': 3, Symbol(s): 4 }",
                      '[Object: null prototype] {}',
                      '[Object: null prototype] { x: 1 }'],
 'inspect: depth': ['{ a: { b: { c: [Object] } } }',
                    '{ a: [Object] }',
                    '{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  }\n}',
                    '{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  }\n}',
                    '{ arr: [ [ [Array] ] ] }'],
 'inspect: class instances': ["Foo { a: 1, b: 'x' }",
                              "Bar { a: 1, b: 'x' }",
                              'Empty {}',
                              '[class Foo]',
                              '[class Bar extends Foo]',
                              '[class (anonymous)]',
                              '[class Empty]'],
 'inspect: functions': ['[Function: foo]',
                        '[Function (anonymous)]',
                        '[AsyncFunction: af]',
                        '[GeneratorFunction: gen]',
                        '[AsyncGeneratorFunction: ag]',
                        '[Function: withProps] { p: 1 }',
                        '[Function: max]'],
 'inspect: circular references': ['<ref *1> {\n'
                                  "  name: 'c',\n"
                                  '  self: [Circular *1],\n'
                                  '  arr: [ [Circular *1], { back: [Circular *1] } ]\n'
                                  '}',
                                  '<ref *1> [ 1, [Circular *1] ]'],
 'inspect: Map and Set': ['Map(0) {}',
                          "Map(2) { 'a' => 1, { k: 1 } => [ 2 ] }",
                          'Set(0) {}',
                          "Set(3) { 1, 'two', { three: 3 } }",
                          'WeakMap { <items unknown> }',
                          'WeakSet { <items unknown> }'],
 'inspect: Date and RegExp': ['1970-01-01T00:00:00.000Z', 'Invalid Date', '/ab+c/gi', '/x/ { extra: 1 }'],
 'inspect: errors print their stack': ['Error: boom\n    at foo (file.js:1:1)',
                                       'TypeError: bad\n    at x (y.js:2:2)',
                                       "Error: coded\n    at z (z.js:3:3) {\n  code: 'E_X'\n}",
                                       '[Error: nostack]',
                                       'MyErr [Error]: mine\n    at q (q.js:1:1)',
                                       '{\n  err: Error: in\n      at a (a.js:1:1)\n}',
                                       '[Error: x]'],
 'inspect: error cause': "Error: outer\n    at a (a.js:1:1) {\n  [cause]: 'inner'\n}",
 'inspect: symbol keys': '{ normal: 3, Symbol(a): 1, Symbol(Symbol.iterator): 2 }',
 'inspect: getters and setters': ['{ g: [Getter], s: [Setter], gs: [Getter/Setter] }',
                                  '{ g: [Getter: 1], s: [Setter], gs: [Getter/Setter: 2] }'],
 'inspect: util.inspect.custom': ['Custom<2,function,true>',
                                  '{ nested: Custom<1,function,true> }',
                                  '{ replaced: true }',
                                  '[ Custom<1,function,true> ]',
                                  'viaSymbolFor',
                                  True],
 'inspect: typed arrays and buffers': ['Uint8Array(3) [ 1, 2, 3 ]',
                                       'Float64Array(2) [ 0, 0 ]',
                                       'BigInt64Array(1) [ 1n ]',
                                       'Uint8Array(0) []',
                                       'ArrayBuffer { [Uint8Contents]: <00 00 00>, byteLength: 3 }',
                                       'DataView {\n'
                                       '  byteLength: 2,\n'
                                       '  byteOffset: 0,\n'
                                       '  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }\n'
                                       '}',
                                       '<Buffer 68 69>'],
 'inspect: boxed primitives': ['[Number: 3]',
                               "[String: 'abc']",
                               '[Boolean: false]',
                               '[Symbol: Symbol(q)]',
                               '[BigInt: 5n]'],
 'inspect: toStringTag': ["{ Symbol(Symbol.toStringTag): 'Custom' }", 'X [T] {}'],
 'inspect: arguments object': "[Arguments] { '0': 1, '1': 'a' }",
 'inspect: compact false': ['{\n  a: 1,\n  b: [\n    1,\n    2\n  ]\n}', '[\n  1,\n  2\n]'],
 'inspect: compact true': ['{ a: { b: { c: {} } } }', '{ a: { b: { c: { d: { e: 1 } } } } }'],
 'inspect: breakLength': ['{\n'
                          "  a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n"
                          "  b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy',\n"
                          "  c: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'\n"
                          '}',
                          '{\n  a: 1,\n  b: 2\n}',
                          '{\n  aaaa: 1,\n  bbbb: 2,\n  cccc: 3\n}',
                          "{ a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy', c: "
                          "'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }"],
 'inspect: sorted': ['{ a: 2, b: 1, c: 3 }', 'Set(3) { 1, 2, 3 }'],
 'inspect: showHidden': ['[ 1, [length]: 1 ]', '{ [hid]: 1 }'],
 'inspect: long strings': ["'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
                           '{\n'
                           "  s: 'word word word word word word word word word word word word word word word "
                           'word word word word word word word word word word word word word word word word '
                           "word word word word word word word word word '\n"
                           '}',
                           "'a\\n' +\n"
                           "  'a\\n' +\n"
                           "  'a\\n' +\n"
                           '  '
                           "'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'",
                           10027],
 'inspect: many keys': '{\n'
                       '  key0: 0,\n'
                       '  key1: 1,\n'
                       '  key2: 2,\n'
                       '  key3: 3,\n'
                       '  key4: 4,\n'
                       '  key5: 5,\n'
                       '  key6: 6,\n'
                       '  key7: 7,\n'
                       '  key8: 8,\n'
                       '  key9: 9,\n'
                       '  key10: 10,\n'
                       '  key11: 11,\n'
                       '  key12: 12,\n'
                       '  key13: 13,\n'
                       '  key14: 14,\n'
                       '  key15: 15,\n'
                       '  key16: 16,\n'
                       '  key17: 17,\n'
                       '  key18: 18,\n'
                       '  key19: 19,\n'
                       '  key20: 20,\n'
                       '  key21: 21,\n'
                       '  key22: 22,\n'
                       '  key23: 23,\n'
                       '  key24: 24,\n'
                       '  key25: 25,\n'
                       '  key26: 26,\n'
                       '  key27: 27,\n'
                       '  key28: 28,\n'
                       '  key29: 29\n'
                       '}',
 'inspect: nested mixed structures': '{\n'
                                     '  users: [\n'
                                     "    { id: 1, name: 'alice', tags: [Array] },\n"
                                     "    { id: 2, name: 'bob', tags: [] }\n"
                                     '  ],\n'
                                     '  meta: { total: 2, page: { n: 1, size: 10 } }\n'
                                     '}',
 'inspect: maxArrayLength and maxStringLength': ['[ 1, ... 2 more items ]',
                                                 'Set(3) { ... 3 more items }',
                                                 "'ab'... 4 more characters"],
 'inspect: numericSeparator': '[ 1_234_567, 1_234.567_8, -9_876_543_210, 123_456_789n ]',
 'inspect: colors': ["{ a: \x1b[33m1\x1b[39m, s: \x1b[32m'x'\x1b[39m, n: \x1b[1mnull\x1b[22m, u: "
                     '\x1b[90mundefined\x1b[39m, b: \x1b[33mtrue\x1b[39m, sy: \x1b[32mSymbol(z)\x1b[39m }',
                     '[ \x1b[35m1970-01-01T00:00:00.000Z\x1b[39m, \x1b[31m/r/\x1b[39m ]'],
 'inspect: legacy positional arguments': ['{ a: [Object] }', "'x'"],
 'inspect: defaultOptions': [2, 80, 3],
 'format: placeholders': ['a:b',
                          '42',
                          '3',
                          '1.5',
                          '{"a":1}',
                          '[ 1, [length]: 1 ]',
                          '{ a: 1 }',
                          'x',
                          '100%%',
                          '1n',
                          '1n'],
 'format: %s of objects': ['{ a: [Object] }',
                           '[ 1, [Array] ]',
                           'null',
                           'undefined',
                           'Symbol(s)',
                           '-0',
                           'Error: E',
                           'custom',
                           '1970-01-01T00:00:00.000Z',
                           "Foo { a: 1, b: 'x' }"],
 'format: missing and extra arguments': ['no args %s',
                                         'extra 1 two { three: 3 }',
                                         '1 2',
                                         'only %s',
                                         '%x 1',
                                         'a b',
                                         '',
                                         '%s x'],
 'format: numbers': ['NaN', '16', '0', 'NaN', '-0', '42n'],
 'format: %j of a circular object': '[Circular]',
 'format: formatWithOptions': ['\x1b[33m1\x1b[39m', '{\n  a: 1\n}'],
 'errors: formatWithOptions with a non-object': {'error': ['TypeError',
                                                           'ERR_INVALID_ARG_TYPE',
                                                           'The "inspectOptions" argument must be of type '
                                                           'object. Received type number (1)']},
 'promisify: resolves with the callback value': [3, 3, 'function'],
 'promisify: rejects with the callback error': ['TypeError', 'nope'],
 'promisify: keeps this': 7,
 'promisify: custom symbol': [True, 'custom', True],
 'promisify: copies properties': 1,
 'errors: promisify a non-function': {'error': ['TypeError',
                                                'ERR_INVALID_ARG_TYPE',
                                                'The "original" argument must be of type function. Received '
                                                'type number (1)']},
 'callbackify: calls back with the result': [None, 42, 'Callbackified', 2],
 'callbackify: calls back with the rejection': 'bad',
 'callbackify: wraps a falsy rejection': ['ERR_FALSY_VALUE_REJECTION',
                                          'Promise was rejected with falsy value',
                                          None],
 'errors: callbackify without a callback': {'error': ['TypeError',
                                                      'ERR_INVALID_ARG_TYPE',
                                                      'The last argument must be of type function. Received '
                                                      'undefined']},
 'inherits: sets the prototype chain and super_': ['hi', True, True],
 'errors: inherits with a missing superCtor prototype': {'error': ['TypeError',
                                                                   'ERR_INVALID_ARG_TYPE',
                                                                   'The "superCtor.prototype" property must '
                                                                   'be of type object. Received undefined']},
 'errors: inherits with null ctor': {'error': ['TypeError',
                                               'ERR_INVALID_ARG_TYPE',
                                               'The "ctor" argument must be of type function. Received '
                                               'null']},
 'deepEqual: isDeepStrictEqual': [True,
                                  False,
                                  False,
                                  True,
                                  True,
                                  True,
                                  False,
                                  True,
                                  False,
                                  False,
                                  True,
                                  False,
                                  True,
                                  False,
                                  True,
                                  False,
                                  False,
                                  True,
                                  False,
                                  True,
                                  False],
 'deepEqual: cycles': [True, False],
 'types: brand checks': [True,
                         False,
                         True,
                         False,
                         True,
                         False,
                         True,
                         True,
                         True,
                         True,
                         True,
                         True,
                         True,
                         False,
                         True,
                         False,
                         True,
                         True,
                         True,
                         True],
 'types: functions and objects': [True,
                                  False,
                                  True,
                                  False,
                                  True,
                                  True,
                                  False,
                                  True,
                                  True,
                                  True,
                                  True,
                                  True,
                                  True,
                                  False,
                                  True,
                                  True,
                                  True,
                                  False,
                                  False,
                                  True,
                                  False],
 'types: node:util/types default and named exports agree': [True, True],
 'misc: TextEncoder and TextDecoder are the globals': [True, True],
 'misc: toUSVString': [97, 65533, 98],
 'misc: stripVTControlCharacters': 'red plain',
 'misc: deprecate returns the function': [True, 1],
 'misc: debuglog is a disabled logger': ['function', True, '<undefined>', True],
 'misc: styleText': ['x', '\x1b[1m\x1b[31mx\x1b[39m\x1b[22m', 'y'],
 'errors: styleText with an unknown format': {'error': ['TypeError',
                                                        'ERR_INVALID_ARG_VALUE',
                                                        "The argument 'format' must be one of: 'reset', "
                                                        "'bold', 'dim', 'italic', 'underline', 'blink', "
                                                        "'inverse', 'hidden', 'strikethrough', "
                                                        "'doubleunderline', 'black', 'red', 'green', "
                                                        "'yellow', 'blue', 'magenta', 'cyan', 'white', "
                                                        "'bgBlack', 'bgRed', 'bgGreen', 'bgYellow', "
                                                        "'bgBlue', 'bgMagenta', 'bgCyan', 'bgWhite', "
                                                        "'framed', 'overlined', 'gray', 'redBright', "
                                                        "'greenBright', 'yellowBright', 'blueBright', "
                                                        "'magentaBright', 'cyanBright', 'whiteBright', "
                                                        "'bgGray', 'bgRedBright', 'bgGreenBright', "
                                                        "'bgYellowBright', 'bgBlueBright', "
                                                        "'bgMagentaBright', 'bgCyanBright', 'bgWhiteBright'. "
                                                        "Received 'nope'"]},
 'misc: legacy type checks': [True,
                              True,
                              True,
                              False,
                              True,
                              True,
                              True,
                              True,
                              True,
                              True,
                              True,
                              False,
                              True,
                              False,
                              True,
                              True,
                              True,
                              True],
 'misc: _extend': {'a': 1, 'b': 2},
 'misc: MIMEType': ['text',
                    'html',
                    'text/html',
                    'UTF-8',
                    'a b',
                    'text/html;charset=UTF-8;q="a b"',
                    ['charset', 'q']],
 'nodeonly: aborted resolves on abort (workerd forbids it at global scope)': [{}],
 'errors: parseArgs is not implemented': {'error': ['Error', None, 'node:util parseArgs is not implemented']},
 'errors: getSystemErrorName is not implemented': {'error': ['Error',
                                                             None,
                                                             'node:util getSystemErrorName is not '
                                                             'implemented']},
 'module: named exports': ['MIMEParams',
                           'MIMEType',
                           'TextDecoder',
                           'TextEncoder',
                           '_extend',
                           'aborted',
                           'callbackify',
                           'debug',
                           'debuglog',
                           'default',
                           'deprecate',
                           'format',
                           'formatWithOptions',
                           'getSystemErrorMap',
                           'getSystemErrorMessage',
                           'getSystemErrorName',
                           'inherits',
                           'inspect',
                           'isArray',
                           'isBoolean',
                           'isBuffer',
                           'isDate',
                           'isDeepStrictEqual',
                           'isError',
                           'isFunction',
                           'isNull',
                           'isNullOrUndefined',
                           'isNumber',
                           'isObject',
                           'isPrimitive',
                           'isRegExp',
                           'isString',
                           'isSymbol',
                           'isUndefined',
                           'log',
                           'parseArgs',
                           'promisify',
                           'stripVTControlCharacters',
                           'styleText',
                           'toUSVString',
                           'transferableAbortController',
                           'transferableAbortSignal',
                           'types'],
 'module: default export members': ['object', True, True, True]}


results = module_results(CASES_JS, json_text=True)


@pytest.mark.parametrize("case", named(EXPECTED, "inspect"))
def test_inspect_matches_workerd_output(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "format"))
def test_format_placeholders(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "promisify"))
def test_promisify(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "callbackify"))
def test_callbackify(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "inherits"))
def test_inherits_links_prototypes(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "deepEqual"))
def test_is_deep_strict_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "types"))
def test_util_types_brand_checks(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "misc"))
def test_misc_helpers(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "module"))
def test_module_exports(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "nodeonly"))
def test_cases_workerd_cannot_run_at_global_scope_follow_node(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "errors"))
def test_errors_have_workerd_codes_and_messages(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]
