"""node:assert and node:assert/strict behave as in workerd (nodejs_compat).

Expected values were recorded from workerd 1.20260426.1 with nodejs_compat . workerd's assert
differs from Node 20's and wins: equal / deepEqual are the strict comparisons, strictEqual's
message is a "[Diff] Actual / Expected" line diff, deepStrictEqual's diff is over single-line
inspections, match says `actual: "abc" expected to match: "/x/"`, and node:assert/strict
is node:assert itself. All cases run in one isolate (module fixture).
"""

# ruff: noqa: E501
from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import PRELUDE, module_results, named

CASES_JS = PRELUDE + r'''
import assert, { AssertionError, strictEqual, deepStrictEqual } from "node:assert";
import * as assertNs from "node:assert";
import strictAssert, * as strictNs from "node:assert/strict";
const cap = (f) => {
  try {
    f();
    return "no throw";
  } catch (e) {
    return { name: e.name, code: e.code ?? null, message: e.message, generatedMessage: e.generatedMessage ?? null, operator: e.operator ?? null,
      str: String(e), keys: Object.keys(e), ctor: e.constructor.name, stack0: (e.stack || "").split("\n")[0], isAssertion: e instanceof AssertionError };
  }
};
const capAsync = async (f) => {
  try {
    await f();
    return "no throw";
  } catch (e) {
    return { name: e.name, code: e.code ?? null, message: e.message, operator: e.operator ?? null };
  }
};
T("strictEqual: passes on Object.is equality", () => [cap(() => assert.strictEqual(1, 1)), cap(() => assert.strictEqual(NaN, NaN)), cap(() => strictEqual("a", "a"))]);
T("strictEqual: numbers differ", () => cap(() => assert.strictEqual(1, 2)));
T("strictEqual: zero and negative zero differ", () => cap(() => assert.strictEqual(0, -0)));
T("strictEqual: strings differ", () => cap(() => assert.strictEqual("hello world", "hello there")));
T("strictEqual: multiline strings differ", () => cap(() => assert.strictEqual("a\nb\nc", "a\nx\nc")));
T("strictEqual: same-looking objects are not reference-equal", () => cap(() => assert.strictEqual({ a: 1 }, { a: 1 })));
T("strictEqual: objects differ", () => cap(() => assert.strictEqual({ a: 1 }, { a: 2 })));
T("strictEqual: undefined and null", () => cap(() => assert.strictEqual(undefined, null)));
T("strictEqual: custom message", () => cap(() => assert.strictEqual(1, 2, "custom")));
T("strictEqual: Error as message is stringified", () => cap(() => assert.strictEqual(1, 2, new TypeError("boom"))));
T("strictEqual: missing arguments", () => cap(() => assert.strictEqual(1)));
T("equal: is strict as in workerd", () => [cap(() => assert.equal(1, "1")), cap(() => assert.equal(1, 1))]);
T("equal: numbers differ", () => cap(() => assert.equal(1, 2)));
T("notEqual: equal values", () => cap(() => assert.notEqual(1, 1)));
T("notStrictEqual: equal values", () => [cap(() => assert.notStrictEqual(1, 1)), cap(() => assert.notStrictEqual(1, 2))]);
T("deepStrictEqual: passes on equal structures", () => [cap(() => deepStrictEqual({ a: [1, { b: new Map([[1, new Set([2])]]) }] }, { a: [1, { b: new Map([[1, new Set([2])]]) }] })),
  cap(() => deepStrictEqual(new Date(5), new Date(5))), cap(() => deepStrictEqual(/a/g, /a/g)), cap(() => deepStrictEqual(new Uint8Array([1]), new Uint8Array([1])))]);
T("deepStrictEqual: values differ", () => cap(() => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] })));
T("deepStrictEqual: primitives differ", () => cap(() => assert.deepStrictEqual(1, 2)));
T("deepStrictEqual: long objects differ", () => cap(() => assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: [1, 2, 3], e: "x" }, { a: 1, b: 2, c: 4, d: [1, 2, 3], e: "y" })));
T("deepStrictEqual: arrays differ", () => cap(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 9])));
T("deepStrictEqual: prototypes differ", () => cap(() => assert.deepStrictEqual(Object.create(null), {})));
T("deepStrictEqual: identical-looking symbols", () => cap(() => assert.deepStrictEqual({ a: Symbol("s") }, { a: Symbol("s") })));
T("deepStrictEqual: Map and Set contents", () => [cap(() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]]))).message,
  cap(() => assert.deepStrictEqual(new Set([1]), new Set([2]))).message]);
T("deepStrictEqual: many lines", () => cap(() => assert.deepStrictEqual({ list: Array.from({ length: 40 }, (_, i) => ({ id: i, name: `item${i}` })) },
  { list: Array.from({ length: 40 }, (_, i) => ({ id: i, name: i === 20 ? "changed" : `item${i}` })) })).message);
T("deepEqual: is strict as in workerd", () => [cap(() => assert.deepEqual({ a: 1 }, { a: "1" })), cap(() => assert.deepEqual({ a: [1] }, { a: [1] }))]);
T("notDeepStrictEqual: equal values", () => [cap(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 })), cap(() => assert.notDeepStrictEqual({ a: 1 }, { a: 2 }))]);
T("notDeepEqual: equal values", () => cap(() => assert.notDeepEqual({ a: 1 }, { a: 1 })));
T("partialDeepStrictEqual: subsets pass", () => [cap(() => assert.partialDeepStrictEqual({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })),
  cap(() => assert.partialDeepStrictEqual([1, 2, 3], [1, 2])), cap(() => assert.partialDeepStrictEqual({ a: 1 }, { a: 2 }))]);
T("ok: falsy values", () => [cap(() => assert.ok(false)), cap(() => assert(null)), cap(() => assert.ok(0, "zero")), cap(() => assert.ok(1))]);
T("ok: no argument", () => cap(() => assert()));
T("fail: default and custom", () => [cap(() => assert.fail()), cap(() => assert.fail("boom")), cap(() => assert.fail(new RangeError("r")))]);
T("throws: missing exception", () => [cap(() => assert.throws(() => {})), cap(() => assert.throws(() => {}, TypeError)),
  cap(() => assert.throws(() => {}, TypeError, "want")), cap(() => assert.throws(() => {}, "just message"))]);
T("throws: class validation", () => [cap(() => assert.throws(() => { throw new TypeError("t"); }, TypeError)),
  cap(() => assert.throws(() => { throw new RangeError("r"); }, TypeError))]);
T("throws: regexp validation", () => [cap(() => assert.throws(() => { throw new Error("abc"); }, /abc/)),
  cap(() => assert.throws(() => { throw new Error("abc"); }, /xyz/))]);
T("throws: object validation", () => [cap(() => assert.throws(() => { throw new TypeError("abc"); }, { name: "TypeError", message: /ab/ })),
  cap(() => assert.throws(() => { throw new Error("abc"); }, { message: "xyz" })), cap(() => assert.throws(() => { throw new Error("abc"); }, { code: "X" })),
  cap(() => assert.throws(() => { throw null; }, { message: "x" })), cap(() => assert.throws(() => { throw new Error("m"); }, new Error("m")))]);
T("throws: function validation", () => [cap(() => assert.throws(() => { throw new Error("abc"); }, (e) => e.message === "abc")),
  cap(() => assert.throws(() => { throw new Error("abc"); }, () => false))]);
T("throws: argument errors", () => [cap(() => assert.throws(1)), cap(() => assert.throws(() => { throw new Error("x"); }, {})),
  cap(() => assert.throws(() => {}, 5)), cap(() => assert.throws(() => { throw new Error("same"); }, "same"))]);
T("doesNotThrow: unwanted exceptions", () => [cap(() => assert.doesNotThrow(() => { throw new Error("abc"); })),
  cap(() => assert.doesNotThrow(() => { throw new Error("abc"); }, "nope")), cap(() => assert.doesNotThrow(() => { throw new TypeError("abc"); }, TypeError)),
  cap(() => assert.doesNotThrow(() => { throw new TypeError("abc"); }, RangeError)), cap(() => assert.doesNotThrow(() => 1))]);
T("match: regexp checks", () => [cap(() => assert.match("abc", /b/)), cap(() => assert.match("abc", /x/)), cap(() => assert.match(1, /x/)),
  cap(() => assert.match("abc", "b"))]);
T("doesNotMatch: regexp checks", () => [cap(() => assert.doesNotMatch("abc", /x/)), cap(() => assert.doesNotMatch("abc", /b/)), cap(() => assert.doesNotMatch(1, /x/))]);
T("ifError: values", () => [cap(() => assert.ifError(null)), cap(() => assert.ifError(undefined)), cap(() => assert.ifError(new Error("e1"))), cap(() => assert.ifError("x")),
  cap(() => assert.ifError(new TypeError("")))]);
T("rejects: promises and functions", async () => [await capAsync(() => assert.rejects(Promise.resolve(1))),
  await capAsync(() => assert.rejects(Promise.reject(new TypeError("x")), TypeError)), await capAsync(() => assert.rejects(async () => { throw new Error("e"); }, /e/)),
  await capAsync(() => assert.rejects(Promise.reject(new Error("e")), RangeError)), await capAsync(() => assert.rejects(() => 1)),
  await capAsync(() => assert.rejects(1)), await capAsync(() => assert.rejects(Promise.resolve(), TypeError))]);
T("doesNotReject: promises", async () => [await capAsync(() => assert.doesNotReject(Promise.reject(new Error("x")))),
  await capAsync(() => assert.doesNotReject(Promise.resolve(1))), await capAsync(() => assert.doesNotReject(async () => { throw new Error("y"); }, "msg"))]);
T("AssertionError: generated messages by operator", () => [new AssertionError({ actual: 1, expected: 2, operator: "strictEqual" }).message,
  new AssertionError({ actual: { a: 1 }, expected: { a: 2 }, operator: "deepStrictEqual" }).message,
  new AssertionError({ actual: 1, expected: 1, operator: "notStrictEqual" }).message,
  new AssertionError({ actual: { a: 1 }, expected: { a: 1 }, operator: "notDeepStrictEqual" }).message,
  new AssertionError({ actual: 1, expected: 2, operator: "deepEqual" }).message, new AssertionError({ actual: 1, expected: 2, operator: "==" }).message,
  new AssertionError({ actual: { a: 1 }, expected: { a: 1 }, operator: "strictEqual" }).message]);
T("AssertionError: shape", () => { const e = new AssertionError({ message: "m", actual: 1, expected: 2, operator: "op" });
  return [e.message, e.name, e.code, e.generatedMessage, e.actual, e.expected, e.operator, String(e), Object.keys(e), e instanceof Error]; });
T("AssertionError: bad options", () => cap(() => new AssertionError(1)));
T("module: named exports", () => Object.keys(assertNs).sort());
T("module: default export members", () => [typeof assert, Object.keys(assert).sort(), assert.strict === assertNs.strict, assert.AssertionError === AssertionError]);
T("module: assert.strict", () => [typeof assert.strict, assert.strict.strict === assert.strict, assert.strict.equal === assert.strictEqual,
  assert.strict.deepEqual === assert.deepStrictEqual, cap(() => assert.strict(false)).message]);
T("module: node:assert/strict", () => [strictAssert === assert.strict, strictNs.equal === assert.strictEqual, Object.keys(strictNs).sort(),
  cap(() => strictNs.deepEqual({ a: 1 }, { a: "1" })).operator]);

export default runCases();
'''

EXPECTED: dict[str, Any] = {'strictEqual: passes on Object.is equality': ['no throw', 'no throw', 'no throw'],
 'strictEqual: numbers differ': {'name': 'AssertionError',
                                 'code': 'ERR_ASSERTION',
                                 'message': 'Values are not strictly equal:\n'
                                            '\n'
                                            '\n'
                                            '[Diff] Actual / Expected\n'
                                            '\n'
                                            '\n'
                                            '-   1\n'
                                            '+   2\n',
                                 'generatedMessage': False,
                                 'operator': 'strictEqual',
                                 'str': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:\n'
                                        '\n'
                                        '\n'
                                        '[Diff] Actual / Expected\n'
                                        '\n'
                                        '\n'
                                        '-   1\n'
                                        '+   2\n',
                                 'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                 'ctor': 'AssertionError',
                                 'stack0': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:',
                                 'isAssertion': True},
 'strictEqual: zero and negative zero differ': {'name': 'AssertionError',
                                                'code': 'ERR_ASSERTION',
                                                'message': 'Values are not strictly equal:\n'
                                                           '\n'
                                                           '\n'
                                                           '[Diff] Actual / Expected\n'
                                                           '\n'
                                                           '\n'
                                                           '-   0\n'
                                                           '+   -0\n',
                                                'generatedMessage': False,
                                                'operator': 'strictEqual',
                                                'str': 'AssertionError [ERR_ASSERTION]: Values are not '
                                                       'strictly equal:\n'
                                                       '\n'
                                                       '\n'
                                                       '[Diff] Actual / Expected\n'
                                                       '\n'
                                                       '\n'
                                                       '-   0\n'
                                                       '+   -0\n',
                                                'keys': ['generatedMessage',
                                                         'code',
                                                         'actual',
                                                         'expected',
                                                         'operator'],
                                                'ctor': 'AssertionError',
                                                'stack0': 'AssertionError [ERR_ASSERTION]: Values are not '
                                                          'strictly equal:',
                                                'isAssertion': True},
 'strictEqual: strings differ': {'name': 'AssertionError',
                                 'code': 'ERR_ASSERTION',
                                 'message': 'Values are not strictly equal:\n'
                                            '\n'
                                            '\n'
                                            '[Diff] Actual / Expected\n'
                                            '\n'
                                            '\n'
                                            '-   hello world\n'
                                            '+   hello there\n'
                                            '\n',
                                 'generatedMessage': False,
                                 'operator': 'strictEqual',
                                 'str': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:\n'
                                        '\n'
                                        '\n'
                                        '[Diff] Actual / Expected\n'
                                        '\n'
                                        '\n'
                                        '-   hello world\n'
                                        '+   hello there\n'
                                        '\n',
                                 'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                 'ctor': 'AssertionError',
                                 'stack0': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:',
                                 'isAssertion': True},
 'strictEqual: multiline strings differ': {'name': 'AssertionError',
                                           'code': 'ERR_ASSERTION',
                                           'message': 'Values are not strictly equal:\n'
                                                      '\n'
                                                      '\n'
                                                      '[Diff] Actual / Expected\n'
                                                      '\n'
                                                      '\n'
                                                      '    a\\n\n'
                                                      '-   b\\n\n'
                                                      '+   x\\n\n'
                                                      '    c\n'
                                                      '\n',
                                           'generatedMessage': False,
                                           'operator': 'strictEqual',
                                           'str': 'AssertionError [ERR_ASSERTION]: Values are not strictly '
                                                  'equal:\n'
                                                  '\n'
                                                  '\n'
                                                  '[Diff] Actual / Expected\n'
                                                  '\n'
                                                  '\n'
                                                  '    a\\n\n'
                                                  '-   b\\n\n'
                                                  '+   x\\n\n'
                                                  '    c\n'
                                                  '\n',
                                           'keys': ['generatedMessage',
                                                    'code',
                                                    'actual',
                                                    'expected',
                                                    'operator'],
                                           'ctor': 'AssertionError',
                                           'stack0': 'AssertionError [ERR_ASSERTION]: Values are not '
                                                     'strictly equal:',
                                           'isAssertion': True},
 'strictEqual: same-looking objects are not reference-equal': {'name': 'AssertionError',
                                                               'code': 'ERR_ASSERTION',
                                                               'message': 'Values have the same structure '
                                                                          'but are not reference-equal:\n'
                                                                          '\n'
                                                                          '    { a: 1 }\n',
                                                               'generatedMessage': False,
                                                               'operator': 'strictEqual',
                                                               'str': 'AssertionError [ERR_ASSERTION]: '
                                                                      'Values have the same structure but '
                                                                      'are not reference-equal:\n'
                                                                      '\n'
                                                                      '    { a: 1 }\n',
                                                               'keys': ['generatedMessage',
                                                                        'code',
                                                                        'actual',
                                                                        'expected',
                                                                        'operator'],
                                                               'ctor': 'AssertionError',
                                                               'stack0': 'AssertionError [ERR_ASSERTION]: '
                                                                         'Values have the same structure but '
                                                                         'are not reference-equal:',
                                                               'isAssertion': True},
 'strictEqual: objects differ': {'name': 'AssertionError',
                                 'code': 'ERR_ASSERTION',
                                 'message': 'Values are not strictly equal:\n'
                                            '\n'
                                            '\n'
                                            '[Diff] Actual / Expected\n'
                                            '\n'
                                            '\n'
                                            '-   { a: 1 }\n'
                                            '+   { a: 2 }\n',
                                 'generatedMessage': False,
                                 'operator': 'strictEqual',
                                 'str': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:\n'
                                        '\n'
                                        '\n'
                                        '[Diff] Actual / Expected\n'
                                        '\n'
                                        '\n'
                                        '-   { a: 1 }\n'
                                        '+   { a: 2 }\n',
                                 'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                 'ctor': 'AssertionError',
                                 'stack0': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:',
                                 'isAssertion': True},
 'strictEqual: undefined and null': {'name': 'AssertionError',
                                     'code': 'ERR_ASSERTION',
                                     'message': 'Values are not strictly equal:\n'
                                                '\n'
                                                '\n'
                                                '[Diff] Actual / Expected\n'
                                                '\n'
                                                '\n'
                                                '-   undefined\n'
                                                '+   null\n',
                                     'generatedMessage': False,
                                     'operator': 'strictEqual',
                                     'str': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:\n'
                                            '\n'
                                            '\n'
                                            '[Diff] Actual / Expected\n'
                                            '\n'
                                            '\n'
                                            '-   undefined\n'
                                            '+   null\n',
                                     'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                     'ctor': 'AssertionError',
                                     'stack0': 'AssertionError [ERR_ASSERTION]: Values are not strictly '
                                               'equal:',
                                     'isAssertion': True},
 'strictEqual: custom message': {'name': 'AssertionError',
                                 'code': 'ERR_ASSERTION',
                                 'message': 'custom',
                                 'generatedMessage': False,
                                 'operator': 'strictEqual',
                                 'str': 'AssertionError [ERR_ASSERTION]: custom',
                                 'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                 'ctor': 'AssertionError',
                                 'stack0': 'AssertionError [ERR_ASSERTION]: custom',
                                 'isAssertion': True},
 'strictEqual: Error as message is stringified': {'name': 'AssertionError',
                                                  'code': 'ERR_ASSERTION',
                                                  'message': 'TypeError: boom',
                                                  'generatedMessage': False,
                                                  'operator': 'strictEqual',
                                                  'str': 'AssertionError [ERR_ASSERTION]: TypeError: boom',
                                                  'keys': ['generatedMessage',
                                                           'code',
                                                           'actual',
                                                           'expected',
                                                           'operator'],
                                                  'ctor': 'AssertionError',
                                                  'stack0': 'AssertionError [ERR_ASSERTION]: TypeError: boom',
                                                  'isAssertion': True},
 'strictEqual: missing arguments': {'name': 'TypeError',
                                    'code': 'ERR_MISSING_ARGS',
                                    'message': 'The "actual" and "expected" arguments must be specified',
                                    'generatedMessage': None,
                                    'operator': None,
                                    'str': 'TypeError [ERR_MISSING_ARGS]: The "actual" and "expected" '
                                           'arguments must be specified',
                                    'keys': ['code', 'name', 'toString'],
                                    'ctor': 'TypeError',
                                    'stack0': 'TypeError: The "actual" and "expected" arguments must be '
                                              'specified',
                                    'isAssertion': False},
 'equal: is strict as in workerd': [{'name': 'AssertionError',
                                     'code': 'ERR_ASSERTION',
                                     'message': 'Values are not strictly equal:\n'
                                                '\n'
                                                '\n'
                                                '[Diff] Actual / Expected\n'
                                                '\n'
                                                '\n'
                                                '-   1\n'
                                                "+   '1'\n",
                                     'generatedMessage': False,
                                     'operator': 'strictEqual',
                                     'str': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:\n'
                                            '\n'
                                            '\n'
                                            '[Diff] Actual / Expected\n'
                                            '\n'
                                            '\n'
                                            '-   1\n'
                                            "+   '1'\n",
                                     'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                     'ctor': 'AssertionError',
                                     'stack0': 'AssertionError [ERR_ASSERTION]: Values are not strictly '
                                               'equal:',
                                     'isAssertion': True},
                                    'no throw'],
 'equal: numbers differ': {'name': 'AssertionError',
                           'code': 'ERR_ASSERTION',
                           'message': 'Values are not strictly equal:\n'
                                      '\n'
                                      '\n'
                                      '[Diff] Actual / Expected\n'
                                      '\n'
                                      '\n'
                                      '-   1\n'
                                      '+   2\n',
                           'generatedMessage': False,
                           'operator': 'strictEqual',
                           'str': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:\n'
                                  '\n'
                                  '\n'
                                  '[Diff] Actual / Expected\n'
                                  '\n'
                                  '\n'
                                  '-   1\n'
                                  '+   2\n',
                           'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                           'ctor': 'AssertionError',
                           'stack0': 'AssertionError [ERR_ASSERTION]: Values are not strictly equal:',
                           'isAssertion': True},
 'notEqual: equal values': {'name': 'AssertionError',
                            'code': 'ERR_ASSERTION',
                            'message': 'Expected actual to be strictly unequal to expected',
                            'generatedMessage': False,
                            'operator': 'notStrictEqual',
                            'str': 'AssertionError [ERR_ASSERTION]: Expected actual to be strictly unequal '
                                   'to expected',
                            'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                            'ctor': 'AssertionError',
                            'stack0': 'AssertionError [ERR_ASSERTION]: Expected actual to be strictly '
                                      'unequal to expected',
                            'isAssertion': True},
 'notStrictEqual: equal values': [{'name': 'AssertionError',
                                   'code': 'ERR_ASSERTION',
                                   'message': 'Expected actual to be strictly unequal to expected',
                                   'generatedMessage': False,
                                   'operator': 'notStrictEqual',
                                   'str': 'AssertionError [ERR_ASSERTION]: Expected actual to be strictly '
                                          'unequal to expected',
                                   'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                   'ctor': 'AssertionError',
                                   'stack0': 'AssertionError [ERR_ASSERTION]: Expected actual to be strictly '
                                             'unequal to expected',
                                   'isAssertion': True},
                                  'no throw'],
 'deepStrictEqual: passes on equal structures': ['no throw', 'no throw', 'no throw', 'no throw'],
 'deepStrictEqual: values differ': {'name': 'AssertionError',
                                    'code': 'ERR_ASSERTION',
                                    'message': 'Expected values to be strictly deep-equal:\n'
                                               '+ actual - expected\n'
                                               '\n'
                                               '+ { a: 1, b: [ 1, 2 ] }\n'
                                               '- { a: 1, b: [ 1, 3 ] }\n'
                                               '                  ^',
                                    'generatedMessage': True,
                                    'operator': 'deepStrictEqual',
                                    'str': 'AssertionError [ERR_ASSERTION]: Expected values to be strictly '
                                           'deep-equal:\n'
                                           '+ actual - expected\n'
                                           '\n'
                                           '+ { a: 1, b: [ 1, 2 ] }\n'
                                           '- { a: 1, b: [ 1, 3 ] }\n'
                                           '                  ^',
                                    'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                    'ctor': 'AssertionError',
                                    'stack0': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                              'strictly deep-equal:',
                                    'isAssertion': True},
 'deepStrictEqual: primitives differ': {'name': 'AssertionError',
                                        'code': 'ERR_ASSERTION',
                                        'message': 'Expected values to be strictly deep-equal:\n\n1 !== 2\n',
                                        'generatedMessage': True,
                                        'operator': 'deepStrictEqual',
                                        'str': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                               'strictly deep-equal:\n'
                                               '\n'
                                               '1 !== 2\n',
                                        'keys': ['generatedMessage',
                                                 'code',
                                                 'actual',
                                                 'expected',
                                                 'operator'],
                                        'ctor': 'AssertionError',
                                        'stack0': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                                  'strictly deep-equal:',
                                        'isAssertion': True},
 'deepStrictEqual: long objects differ': {'name': 'AssertionError',
                                          'code': 'ERR_ASSERTION',
                                          'message': 'Expected values to be strictly deep-equal:\n'
                                                     '+ actual - expected\n'
                                                     '\n'
                                                     "+ { a: 1, b: 2, c: 3, d: [ 1, 2, 3 ], e: 'x' }\n"
                                                     "- { a: 1, b: 2, c: 4, d: [ 1, 2, 3 ], e: 'y' }",
                                          'generatedMessage': True,
                                          'operator': 'deepStrictEqual',
                                          'str': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                                 'strictly deep-equal:\n'
                                                 '+ actual - expected\n'
                                                 '\n'
                                                 "+ { a: 1, b: 2, c: 3, d: [ 1, 2, 3 ], e: 'x' }\n"
                                                 "- { a: 1, b: 2, c: 4, d: [ 1, 2, 3 ], e: 'y' }",
                                          'keys': ['generatedMessage',
                                                   'code',
                                                   'actual',
                                                   'expected',
                                                   'operator'],
                                          'ctor': 'AssertionError',
                                          'stack0': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                                    'strictly deep-equal:',
                                          'isAssertion': True},
 'deepStrictEqual: arrays differ': {'name': 'AssertionError',
                                    'code': 'ERR_ASSERTION',
                                    'message': 'Expected values to be strictly deep-equal:\n'
                                               '+ actual - expected\n'
                                               '\n'
                                               '+ [ 1, 2, 3, 4, 5, 6, 7, 8 ]\n'
                                               '- [ 1, 2, 3, 4, 5, 6, 7, 9 ]\n'
                                               '                         ^',
                                    'generatedMessage': True,
                                    'operator': 'deepStrictEqual',
                                    'str': 'AssertionError [ERR_ASSERTION]: Expected values to be strictly '
                                           'deep-equal:\n'
                                           '+ actual - expected\n'
                                           '\n'
                                           '+ [ 1, 2, 3, 4, 5, 6, 7, 8 ]\n'
                                           '- [ 1, 2, 3, 4, 5, 6, 7, 9 ]\n'
                                           '                         ^',
                                    'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                    'ctor': 'AssertionError',
                                    'stack0': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                              'strictly deep-equal:',
                                    'isAssertion': True},
 'deepStrictEqual: prototypes differ': {'name': 'AssertionError',
                                        'code': 'ERR_ASSERTION',
                                        'message': 'Expected values to be strictly deep-equal:\n'
                                                   '+ actual - expected\n'
                                                   '\n'
                                                   '+ [Object: null prototype] {}\n'
                                                   '- {}',
                                        'generatedMessage': True,
                                        'operator': 'deepStrictEqual',
                                        'str': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                               'strictly deep-equal:\n'
                                               '+ actual - expected\n'
                                               '\n'
                                               '+ [Object: null prototype] {}\n'
                                               '- {}',
                                        'keys': ['generatedMessage',
                                                 'code',
                                                 'actual',
                                                 'expected',
                                                 'operator'],
                                        'ctor': 'AssertionError',
                                        'stack0': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                                  'strictly deep-equal:',
                                        'isAssertion': True},
 'deepStrictEqual: identical-looking symbols': {'name': 'AssertionError',
                                                'code': 'ERR_ASSERTION',
                                                'message': 'Values have same structure but are not '
                                                           'reference-equal:\n'
                                                           '\n'
                                                           '{ a: Symbol(s) }\n',
                                                'generatedMessage': True,
                                                'operator': 'deepStrictEqual',
                                                'str': 'AssertionError [ERR_ASSERTION]: Values have same '
                                                       'structure but are not reference-equal:\n'
                                                       '\n'
                                                       '{ a: Symbol(s) }\n',
                                                'keys': ['generatedMessage',
                                                         'code',
                                                         'actual',
                                                         'expected',
                                                         'operator'],
                                                'ctor': 'AssertionError',
                                                'stack0': 'AssertionError [ERR_ASSERTION]: Values have same '
                                                          'structure but are not reference-equal:',
                                                'isAssertion': True},
 'deepStrictEqual: Map and Set contents': ['Expected values to be strictly deep-equal:\n'
                                           '+ actual - expected\n'
                                           '\n'
                                           '+ Map(1) { 1 => 2 }\n'
                                           '- Map(1) { 1 => 3 }\n'
                                           '                ^',
                                           'Expected values to be strictly deep-equal:\n'
                                           '+ actual - expected\n'
                                           '\n'
                                           '+ Set(1) { 1 }\n'
                                           '- Set(1) { 2 }\n'
                                           '           ^'],
 'deepStrictEqual: many lines': 'Expected values to be strictly deep-equal:\n'
                                '+ actual - expected ... Lines skipped\n'
                                '\n'
                                '  { list:\n'
                                "     [ { id: 0, name: 'item0' },\n"
                                '...\n'
                                "       { id: 18, name: 'item18' },\n"
                                "       { id: 19, name: 'item19' },\n"
                                "+      { id: 20, name: 'item20' },\n"
                                "-      { id: 20, name: 'changed' },\n"
                                "       { id: 21, name: 'item21' },\n"
                                '...\n'
                                "       { id: 37, name: 'item37' },\n"
                                "       { id: 38, name: 'item38' },\n"
                                "       { id: 39, name: 'item39' } ] }",
 'deepEqual: is strict as in workerd': [{'name': 'AssertionError',
                                         'code': 'ERR_ASSERTION',
                                         'message': 'Expected values to be strictly deep-equal:\n'
                                                    '+ actual - expected\n'
                                                    '\n'
                                                    '+ { a: 1 }\n'
                                                    "- { a: '1' }\n"
                                                    '       ^',
                                         'generatedMessage': True,
                                         'operator': 'deepStrictEqual',
                                         'str': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                                'strictly deep-equal:\n'
                                                '+ actual - expected\n'
                                                '\n'
                                                '+ { a: 1 }\n'
                                                "- { a: '1' }\n"
                                                '       ^',
                                         'keys': ['generatedMessage',
                                                  'code',
                                                  'actual',
                                                  'expected',
                                                  'operator'],
                                         'ctor': 'AssertionError',
                                         'stack0': 'AssertionError [ERR_ASSERTION]: Expected values to be '
                                                   'strictly deep-equal:',
                                         'isAssertion': True},
                                        'no throw'],
 'notDeepStrictEqual: equal values': [{'name': 'AssertionError',
                                       'code': 'ERR_ASSERTION',
                                       'message': 'Expected actual to not be deeply strictly equal to '
                                                  'expected',
                                       'generatedMessage': False,
                                       'operator': 'notDeepStrictEqual',
                                       'str': 'AssertionError [ERR_ASSERTION]: Expected actual to not be '
                                              'deeply strictly equal to expected',
                                       'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                       'ctor': 'AssertionError',
                                       'stack0': 'AssertionError [ERR_ASSERTION]: Expected actual to not be '
                                                 'deeply strictly equal to expected',
                                       'isAssertion': True},
                                      'no throw'],
 'notDeepEqual: equal values': {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'Expected actual to not be deeply strictly equal to expected',
                                'generatedMessage': False,
                                'operator': 'notDeepStrictEqual',
                                'str': 'AssertionError [ERR_ASSERTION]: Expected actual to not be deeply '
                                       'strictly equal to expected',
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: Expected actual to not be deeply '
                                          'strictly equal to expected',
                                'isAssertion': True},
 'partialDeepStrictEqual: subsets pass': ['no throw',
                                          'no throw',
                                          {'name': 'AssertionError',
                                           'code': 'ERR_ASSERTION',
                                           'message': 'Expected actual to be partially deeply strictly equal '
                                                      'to expected',
                                           'generatedMessage': False,
                                           'operator': 'partialDeepStrictEqual',
                                           'str': 'AssertionError [ERR_ASSERTION]: Expected actual to be '
                                                  'partially deeply strictly equal to expected',
                                           'keys': ['generatedMessage',
                                                    'code',
                                                    'actual',
                                                    'expected',
                                                    'operator'],
                                           'ctor': 'AssertionError',
                                           'stack0': 'AssertionError [ERR_ASSERTION]: Expected actual to be '
                                                     'partially deeply strictly equal to expected',
                                           'isAssertion': True}],
 'ok: falsy values': [{'name': 'AssertionError',
                       'code': 'ERR_ASSERTION',
                       'message': 'false == true',
                       'generatedMessage': True,
                       'operator': '==',
                       'str': 'AssertionError [ERR_ASSERTION]: false == true',
                       'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                       'ctor': 'AssertionError',
                       'stack0': 'AssertionError [ERR_ASSERTION]: false == true',
                       'isAssertion': True},
                      {'name': 'AssertionError',
                       'code': 'ERR_ASSERTION',
                       'message': 'null == true',
                       'generatedMessage': True,
                       'operator': '==',
                       'str': 'AssertionError [ERR_ASSERTION]: null == true',
                       'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                       'ctor': 'AssertionError',
                       'stack0': 'AssertionError [ERR_ASSERTION]: null == true',
                       'isAssertion': True},
                      {'name': 'AssertionError',
                       'code': 'ERR_ASSERTION',
                       'message': 'zero',
                       'generatedMessage': False,
                       'operator': '==',
                       'str': 'AssertionError [ERR_ASSERTION]: zero',
                       'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                       'ctor': 'AssertionError',
                       'stack0': 'AssertionError [ERR_ASSERTION]: zero',
                       'isAssertion': True},
                      'no throw'],
 'ok: no argument': {'name': 'AssertionError',
                     'code': 'ERR_ASSERTION',
                     'message': 'No value argument passed to `assert.ok()`',
                     'generatedMessage': False,
                     'operator': None,
                     'str': 'AssertionError [ERR_ASSERTION]: No value argument passed to `assert.ok()`',
                     'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                     'ctor': 'AssertionError',
                     'stack0': 'AssertionError [ERR_ASSERTION]: No value argument passed to `assert.ok()`',
                     'isAssertion': True},
 'fail: default and custom': [{'name': 'AssertionError',
                               'code': 'ERR_ASSERTION',
                               'message': 'Failed',
                               'generatedMessage': True,
                               'operator': 'fail',
                               'str': 'AssertionError [ERR_ASSERTION]: Failed',
                               'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                               'ctor': 'AssertionError',
                               'stack0': 'AssertionError [ERR_ASSERTION]: Failed',
                               'isAssertion': True},
                              {'name': 'AssertionError',
                               'code': 'ERR_ASSERTION',
                               'message': 'boom',
                               'generatedMessage': False,
                               'operator': 'fail',
                               'str': 'AssertionError [ERR_ASSERTION]: boom',
                               'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                               'ctor': 'AssertionError',
                               'stack0': 'AssertionError [ERR_ASSERTION]: boom',
                               'isAssertion': True},
                              {'name': 'RangeError',
                               'code': None,
                               'message': 'r',
                               'generatedMessage': None,
                               'operator': None,
                               'str': 'RangeError: r',
                               'keys': [],
                               'ctor': 'RangeError',
                               'stack0': 'RangeError: r',
                               'isAssertion': False}],
 'throws: missing exception': [{'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'Missing expected exception.',
                                'generatedMessage': False,
                                'operator': 'throws',
                                'str': 'AssertionError [ERR_ASSERTION]: Missing expected exception.',
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: Missing expected exception.',
                                'isAssertion': True},
                               {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'Missing expected exception (TypeError).',
                                'generatedMessage': False,
                                'operator': 'throws',
                                'str': 'AssertionError [ERR_ASSERTION]: Missing expected exception '
                                       '(TypeError).',
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: Missing expected exception '
                                          '(TypeError).',
                                'isAssertion': True},
                               {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'Missing expected exception (TypeError): want',
                                'generatedMessage': False,
                                'operator': 'throws',
                                'str': 'AssertionError [ERR_ASSERTION]: Missing expected exception '
                                       '(TypeError): want',
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: Missing expected exception '
                                          '(TypeError): want',
                                'isAssertion': True},
                               {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'Missing expected exception: just message',
                                'generatedMessage': False,
                                'operator': 'throws',
                                'str': 'AssertionError [ERR_ASSERTION]: Missing expected exception: just '
                                       'message',
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: Missing expected exception: just '
                                          'message',
                                'isAssertion': True}],
 'throws: class validation': ['no throw',
                              {'name': 'AssertionError',
                               'code': 'ERR_ASSERTION',
                               'message': 'The error is expected to be an instance of "TypeError". Received '
                                          '"RangeError"\n'
                                          '\n'
                                          'Error message:\n'
                                          '\n'
                                          'r',
                               'generatedMessage': True,
                               'operator': 'throws',
                               'str': 'AssertionError [ERR_ASSERTION]: The error is expected to be an '
                                      'instance of "TypeError". Received "RangeError"\n'
                                      '\n'
                                      'Error message:\n'
                                      '\n'
                                      'r',
                               'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                               'ctor': 'AssertionError',
                               'stack0': 'AssertionError [ERR_ASSERTION]: The error is expected to be an '
                                         'instance of "TypeError". Received "RangeError"',
                               'isAssertion': True}],
 'throws: regexp validation': ['no throw',
                               {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'The input did not match the regular expression /xyz/. Input:\n'
                                           '\n'
                                           "'Error: abc'\n",
                                'generatedMessage': True,
                                'operator': 'throws',
                                'str': 'AssertionError [ERR_ASSERTION]: The input did not match the regular '
                                       'expression /xyz/. Input:\n'
                                       '\n'
                                       "'Error: abc'\n",
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: The input did not match the '
                                          'regular expression /xyz/. Input:',
                                'isAssertion': True}],
 'throws: object validation': ['no throw',
                               {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': "Expected values to be strictly deep-equal:\n\n'abc' !== 'xyz'\n",
                                'generatedMessage': True,
                                'operator': 'deepStrictEqual',
                                'str': 'AssertionError [ERR_ASSERTION]: Expected values to be strictly '
                                       'deep-equal:\n'
                                       '\n'
                                       "'abc' !== 'xyz'\n",
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: Expected values to be strictly '
                                          'deep-equal:',
                                'isAssertion': True},
                               {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'A key in the expected object is missing: code',
                                'generatedMessage': True,
                                'operator': 'throws',
                                'str': 'AssertionError [ERR_ASSERTION]: A key in the expected object is '
                                       'missing: code',
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: A key in the expected object is '
                                          'missing: code',
                                'isAssertion': True},
                               {'name': 'AssertionError',
                                'code': 'ERR_ASSERTION',
                                'message': 'object is expected to thrown, but got null',
                                'generatedMessage': True,
                                'operator': 'throws',
                                'str': 'AssertionError [ERR_ASSERTION]: object is expected to thrown, but '
                                       'got null',
                                'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                'ctor': 'AssertionError',
                                'stack0': 'AssertionError [ERR_ASSERTION]: object is expected to thrown, but '
                                          'got null',
                                'isAssertion': True},
                               'no throw'],
 'throws: function validation': ['no throw',
                                 {'name': 'AssertionError',
                                  'code': 'ERR_ASSERTION',
                                  'message': 'The validation function is expected to return "true". Received '
                                             'false\n'
                                             '\n'
                                             'Caught error:\n'
                                             '\n'
                                             'Error: abc',
                                  'generatedMessage': True,
                                  'operator': 'throws',
                                  'str': 'AssertionError [ERR_ASSERTION]: The validation function is '
                                         'expected to return "true". Received false\n'
                                         '\n'
                                         'Caught error:\n'
                                         '\n'
                                         'Error: abc',
                                  'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                  'ctor': 'AssertionError',
                                  'stack0': 'AssertionError [ERR_ASSERTION]: The validation function is '
                                            'expected to return "true". Received false',
                                  'isAssertion': True}],
 'throws: argument errors': [{'name': 'TypeError',
                              'code': 'ERR_INVALID_ARG_TYPE',
                              'message': 'The "fn" argument must be of type function. Received type number '
                                         '(1)',
                              'generatedMessage': None,
                              'operator': None,
                              'str': 'TypeError [ERR_INVALID_ARG_TYPE]: The "fn" argument must be of type '
                                     'function. Received type number (1)',
                              'keys': ['code', 'name', 'toString'],
                              'ctor': 'TypeError',
                              'stack0': 'TypeError: The "fn" argument must be of type function. Received '
                                        'type number (1)',
                              'isAssertion': False},
                             {'name': 'TypeError',
                              'code': 'ERR_INVALID_ARG_VALUE',
                              'message': "The argument 'error' may not be an empty object. Received {}",
                              'generatedMessage': None,
                              'operator': None,
                              'str': "TypeError [ERR_INVALID_ARG_VALUE]: The argument 'error' may not be an "
                                     'empty object. Received {}',
                              'keys': ['code', 'name', 'toString'],
                              'ctor': 'TypeError',
                              'stack0': "TypeError: The argument 'error' may not be an empty object. "
                                        'Received {}',
                              'isAssertion': False},
                             {'name': 'TypeError',
                              'code': 'ERR_INVALID_ARG_TYPE',
                              'message': 'The "error" argument must be of type function or an instance of '
                                         'Error, RegExp, or Object. Received type number (5)',
                              'generatedMessage': None,
                              'operator': None,
                              'str': 'TypeError [ERR_INVALID_ARG_TYPE]: The "error" argument must be of type '
                                     'function or an instance of Error, RegExp, or Object. Received type '
                                     'number (5)',
                              'keys': ['code', 'name', 'toString'],
                              'ctor': 'TypeError',
                              'stack0': 'TypeError: The "error" argument must be of type function or an '
                                        'instance of Error, RegExp, or Object. Received type number (5)',
                              'isAssertion': False},
                             {'name': 'TypeError',
                              'code': 'ERR_AMBIGUOUS_ARGUMENT',
                              'message': 'The "error/message" argument is ambiguous. The error message '
                                         '"same" is identical to the message.',
                              'generatedMessage': None,
                              'operator': None,
                              'str': 'TypeError [ERR_AMBIGUOUS_ARGUMENT]: The "error/message" argument is '
                                     'ambiguous. The error message "same" is identical to the message.',
                              'keys': ['code', 'name', 'toString'],
                              'ctor': 'TypeError',
                              'stack0': 'TypeError: The "error/message" argument is ambiguous. The error '
                                        'message "same" is identical to the message.',
                              'isAssertion': False}],
 'doesNotThrow: unwanted exceptions': [{'name': 'AssertionError',
                                        'code': 'ERR_ASSERTION',
                                        'message': 'Got unwanted exception.\nActual message: "abc"',
                                        'generatedMessage': False,
                                        'operator': 'doesNotThrow',
                                        'str': 'AssertionError [ERR_ASSERTION]: Got unwanted exception.\n'
                                               'Actual message: "abc"',
                                        'keys': ['generatedMessage',
                                                 'code',
                                                 'actual',
                                                 'expected',
                                                 'operator'],
                                        'ctor': 'AssertionError',
                                        'stack0': 'AssertionError [ERR_ASSERTION]: Got unwanted exception.',
                                        'isAssertion': True},
                                       {'name': 'AssertionError',
                                        'code': 'ERR_ASSERTION',
                                        'message': 'Got unwanted exception: nope\nActual message: "abc"',
                                        'generatedMessage': False,
                                        'operator': 'doesNotThrow',
                                        'str': 'AssertionError [ERR_ASSERTION]: Got unwanted exception: '
                                               'nope\n'
                                               'Actual message: "abc"',
                                        'keys': ['generatedMessage',
                                                 'code',
                                                 'actual',
                                                 'expected',
                                                 'operator'],
                                        'ctor': 'AssertionError',
                                        'stack0': 'AssertionError [ERR_ASSERTION]: Got unwanted exception: '
                                                  'nope',
                                        'isAssertion': True},
                                       {'name': 'AssertionError',
                                        'code': 'ERR_ASSERTION',
                                        'message': 'Got unwanted exception: TypeError',
                                        'generatedMessage': False,
                                        'operator': 'doesNotThrow',
                                        'str': 'AssertionError [ERR_ASSERTION]: Got unwanted exception: '
                                               'TypeError',
                                        'keys': ['generatedMessage',
                                                 'code',
                                                 'actual',
                                                 'expected',
                                                 'operator'],
                                        'ctor': 'AssertionError',
                                        'stack0': 'AssertionError [ERR_ASSERTION]: Got unwanted exception: '
                                                  'TypeError',
                                        'isAssertion': True},
                                       {'name': 'TypeError',
                                        'code': None,
                                        'message': 'abc',
                                        'generatedMessage': None,
                                        'operator': None,
                                        'str': 'TypeError: abc',
                                        'keys': [],
                                        'ctor': 'TypeError',
                                        'stack0': 'TypeError: abc',
                                        'isAssertion': False},
                                       'no throw'],
 'match: regexp checks': ['no throw',
                          {'name': 'AssertionError',
                           'code': 'ERR_ASSERTION',
                           'message': 'actual: "abc" expected to match: "/x/"',
                           'generatedMessage': False,
                           'operator': 'match',
                           'str': 'AssertionError [ERR_ASSERTION]: actual: "abc" expected to match: "/x/"',
                           'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                           'ctor': 'AssertionError',
                           'stack0': 'AssertionError [ERR_ASSERTION]: actual: "abc" expected to match: "/x/"',
                           'isAssertion': True},
                          {'name': 'AssertionError',
                           'code': 'ERR_ASSERTION',
                           'message': 'actual: "1" expected to match: "/x/"',
                           'generatedMessage': False,
                           'operator': 'match',
                           'str': 'AssertionError [ERR_ASSERTION]: actual: "1" expected to match: "/x/"',
                           'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                           'ctor': 'AssertionError',
                           'stack0': 'AssertionError [ERR_ASSERTION]: actual: "1" expected to match: "/x/"',
                           'isAssertion': True},
                          {'name': 'TypeError',
                           'code': 'ERR_INVALID_ARG_TYPE',
                           'message': 'The "regexp" argument must be an instance of RegExp. Received type '
                                      "string ('b')",
                           'generatedMessage': None,
                           'operator': None,
                           'str': 'TypeError [ERR_INVALID_ARG_TYPE]: The "regexp" argument must be an '
                                  "instance of RegExp. Received type string ('b')",
                           'keys': ['code', 'name', 'toString'],
                           'ctor': 'TypeError',
                           'stack0': 'TypeError: The "regexp" argument must be an instance of RegExp. '
                                     "Received type string ('b')",
                           'isAssertion': False}],
 'doesNotMatch: regexp checks': ['no throw',
                                 {'name': 'AssertionError',
                                  'code': 'ERR_ASSERTION',
                                  'message': 'actual: "abc" expected to not match: "/b/"',
                                  'generatedMessage': False,
                                  'operator': 'doesNotMatch',
                                  'str': 'AssertionError [ERR_ASSERTION]: actual: "abc" expected to not '
                                         'match: "/b/"',
                                  'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                  'ctor': 'AssertionError',
                                  'stack0': 'AssertionError [ERR_ASSERTION]: actual: "abc" expected to not '
                                            'match: "/b/"',
                                  'isAssertion': True},
                                 {'name': 'AssertionError',
                                  'code': 'ERR_ASSERTION',
                                  'message': 'The "string" argument must be of type string. Received type '
                                             'number (1)',
                                  'generatedMessage': False,
                                  'operator': 'doesNotMatch',
                                  'str': 'AssertionError [ERR_ASSERTION]: The "string" argument must be of '
                                         'type string. Received type number (1)',
                                  'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                                  'ctor': 'AssertionError',
                                  'stack0': 'AssertionError [ERR_ASSERTION]: The "string" argument must be '
                                            'of type string. Received type number (1)',
                                  'isAssertion': True}],
 'ifError: values': ['no throw',
                     'no throw',
                     {'name': 'AssertionError',
                      'code': 'ERR_ASSERTION',
                      'message': 'ifError got unwanted exception: e1',
                      'generatedMessage': False,
                      'operator': 'ifError',
                      'str': 'AssertionError [ERR_ASSERTION]: ifError got unwanted exception: e1',
                      'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                      'ctor': 'AssertionError',
                      'stack0': 'AssertionError [ERR_ASSERTION]: ifError got unwanted exception: e1',
                      'isAssertion': True},
                     {'name': 'AssertionError',
                      'code': 'ERR_ASSERTION',
                      'message': "ifError got unwanted exception: 'x'",
                      'generatedMessage': False,
                      'operator': 'ifError',
                      'str': "AssertionError [ERR_ASSERTION]: ifError got unwanted exception: 'x'",
                      'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                      'ctor': 'AssertionError',
                      'stack0': "AssertionError [ERR_ASSERTION]: ifError got unwanted exception: 'x'",
                      'isAssertion': True},
                     {'name': 'AssertionError',
                      'code': 'ERR_ASSERTION',
                      'message': 'ifError got unwanted exception: TypeError',
                      'generatedMessage': False,
                      'operator': 'ifError',
                      'str': 'AssertionError [ERR_ASSERTION]: ifError got unwanted exception: TypeError',
                      'keys': ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                      'ctor': 'AssertionError',
                      'stack0': 'AssertionError [ERR_ASSERTION]: ifError got unwanted exception: TypeError',
                      'isAssertion': True}],
 'rejects: promises and functions': [{'name': 'AssertionError',
                                      'code': 'ERR_ASSERTION',
                                      'message': 'Missing expected rejection.',
                                      'operator': 'rejects'},
                                     'no throw',
                                     'no throw',
                                     {'name': 'AssertionError',
                                      'code': 'ERR_ASSERTION',
                                      'message': 'The error is expected to be an instance of "RangeError". '
                                                 'Received "Error"\n'
                                                 '\n'
                                                 'Error message:\n'
                                                 '\n'
                                                 'e',
                                      'operator': 'rejects'},
                                     {'name': 'TypeError',
                                      'code': 'ERR_INVALID_RETURN_VALUE',
                                      'message': 'Expected instance of Promise to be returned from the '
                                                 '"promiseFn" function but got type number (1).',
                                      'operator': None},
                                     {'name': 'TypeError',
                                      'code': 'ERR_INVALID_ARG_TYPE',
                                      'message': 'The "promiseFn" argument must be of type function or an '
                                                 'instance of Promise. Received type number (1)',
                                      'operator': None},
                                     {'name': 'AssertionError',
                                      'code': 'ERR_ASSERTION',
                                      'message': 'Missing expected rejection (TypeError).',
                                      'operator': 'rejects'}],
 'doesNotReject: promises': [{'name': 'AssertionError',
                              'code': 'ERR_ASSERTION',
                              'message': 'Got unwanted exception.\nActual message: "x"',
                              'operator': 'doesNotReject'},
                             'no throw',
                             {'name': 'AssertionError',
                              'code': 'ERR_ASSERTION',
                              'message': 'Got unwanted exception: msg\nActual message: "y"',
                              'operator': 'doesNotReject'}],
 'AssertionError: generated messages by operator': ['Expected values to be strictly equal:\n\n1 !== 2\n',
                                                    'Expected values to be strictly deep-equal:\n'
                                                    '+ actual - expected\n'
                                                    '\n'
                                                    '+ { a: 1 }\n'
                                                    '- { a: 2 }\n'
                                                    '       ^',
                                                    'Expected "actual" to be strictly unequal to: 1',
                                                    'Expected "actual" not to be strictly deep-equal to:\n'
                                                    '\n'
                                                    '{ a: 1 }',
                                                    'Expected values to be loosely deep-equal:\n'
                                                    '\n'
                                                    '1\n'
                                                    '\n'
                                                    'should loosely deep-equal\n'
                                                    '\n'
                                                    '2',
                                                    '1 == 2',
                                                    'Values have same structure but are not '
                                                    'reference-equal:\n'
                                                    '\n'
                                                    '{ a: 1 }\n'],
 'AssertionError: shape': ['m',
                           'AssertionError',
                           'ERR_ASSERTION',
                           False,
                           1,
                           2,
                           'op',
                           'AssertionError [ERR_ASSERTION]: m',
                           ['generatedMessage', 'code', 'actual', 'expected', 'operator'],
                           True],
 'AssertionError: bad options': {'name': 'TypeError',
                                 'code': 'ERR_INVALID_ARG_TYPE',
                                 'message': 'The "options" argument must be of type object. Received type '
                                            'number (1)',
                                 'generatedMessage': None,
                                 'operator': None,
                                 'str': 'TypeError [ERR_INVALID_ARG_TYPE]: The "options" argument must be of '
                                        'type object. Received type number (1)',
                                 'keys': ['code', 'name', 'toString'],
                                 'ctor': 'TypeError',
                                 'stack0': 'TypeError: The "options" argument must be of type object. '
                                           'Received type number (1)',
                                 'isAssertion': False},
 'module: named exports': ['AssertionError',
                           'deepEqual',
                           'deepStrictEqual',
                           'default',
                           'doesNotMatch',
                           'doesNotReject',
                           'doesNotThrow',
                           'equal',
                           'fail',
                           'ifError',
                           'match',
                           'notDeepEqual',
                           'notDeepStrictEqual',
                           'notEqual',
                           'notStrictEqual',
                           'ok',
                           'partialDeepStrictEqual',
                           'rejects',
                           'strict',
                           'strictEqual',
                           'throws'],
 'module: default export members': ['function',
                                    ['AssertionError',
                                     'deepEqual',
                                     'deepStrictEqual',
                                     'doesNotMatch',
                                     'doesNotReject',
                                     'doesNotThrow',
                                     'equal',
                                     'fail',
                                     'ifError',
                                     'match',
                                     'notDeepEqual',
                                     'notDeepStrictEqual',
                                     'notEqual',
                                     'notStrictEqual',
                                     'ok',
                                     'partialDeepStrictEqual',
                                     'rejects',
                                     'strict',
                                     'strictEqual',
                                     'throws'],
                                    True,
                                    True],
 'module: assert.strict': ['function', True, True, True, 'false == true'],
 'module: node:assert/strict': [False,
                                False,
                                ['AssertionError',
                                 'deepEqual',
                                 'deepStrictEqual',
                                 'default',
                                 'doesNotMatch',
                                 'doesNotReject',
                                 'doesNotThrow',
                                 'equal',
                                 'fail',
                                 'ifError',
                                 'match',
                                 'notDeepEqual',
                                 'notDeepStrictEqual',
                                 'notEqual',
                                 'notStrictEqual',
                                 'ok',
                                 'partialDeepStrictEqual',
                                 'rejects',
                                 'strict',
                                 'strictEqual',
                                 'throws'],
                                'deepStrictEqual']}


results = module_results(CASES_JS, json_text=True)


@pytest.mark.parametrize("case", named(EXPECTED, "strictEqual"))
def test_strict_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "equal"))
def test_equal_is_strict_like_workerd(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "notEqual"))
def test_not_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "notStrictEqual"))
def test_not_strict_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "deepStrictEqual"))
def test_deep_strict_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "deepEqual"))
def test_deep_equal_is_strict_like_workerd(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "notDeepStrictEqual"))
def test_not_deep_strict_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "notDeepEqual"))
def test_not_deep_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "partialDeepStrictEqual"))
def test_partial_deep_strict_equal(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "ok"))
def test_ok_and_assert(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "fail"))
def test_fail(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "throws"))
def test_throws_validates_the_error(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "doesNotThrow"))
def test_does_not_throw(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "match"))
def test_match(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "doesNotMatch"))
def test_does_not_match(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "ifError"))
def test_if_error(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "rejects"))
def test_rejects(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "doesNotReject"))
def test_does_not_reject(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "AssertionError"))
def test_assertion_error(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "module"))
def test_module_exports(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]
