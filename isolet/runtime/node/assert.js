// node:assert as workerd has it (named exports; the default export is the `assert` function
// carrying every member, as in Node).
//
// Exports: AssertionError ok equal notEqual strictEqual notStrictEqual deepEqual notDeepEqual
// deepStrictEqual notDeepStrictEqual partialDeepStrictEqual throws doesNotThrow rejects
// doesNotReject match doesNotMatch fail ifError strict (the strict-mode assert function).
//
// workerd, not Node, is the reference where they differ:
//   * equal / notEqual / deepEqual / notDeepEqual are the strict comparisons (Object.is and
//     isDeepStrictEqual), so assert.equal(1, "1") throws;
//   * strictEqual's generated message is a line diff:
//       "Values are not strictly equal:\n\n\n[Diff] Actual / Expected\n\n\n-   1\n+   2\n";
//   * deepStrictEqual's generated message is Node's "Expected values to be strictly
//     deep-equal:" diff over single-line (compact) inspections, or "...\n\n1 !== 2\n" for
//     short primitives;
//   * match / doesNotMatch say `actual: "abc" expected to match: "/x/"`.
// AssertionError: name "AssertionError", code "ERR_ASSERTION", actual / expected / operator /
// generatedMessage, toString() "AssertionError [ERR_ASSERTION]: msg", stack header with the
// code. Its generated messages for operators given directly to `new AssertionError({...})`
// follow Node's (and workerd's) kReadableOperator table.
"use strict";

import {
  ERR_AMBIGUOUS_ARGUMENT,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_RETURN_VALUE,
  ERR_MISSING_ARGS,
} from "isolet-internal:node/errors";
import { inspect } from "isolet-internal:node/inspect";
import { isDeepStrictEqual } from "isolet-internal:node/deep_equal";

// ---------------------------------------------------------------------------------------
// AssertionError

const kReadableOperator = {
  deepStrictEqual: "Expected values to be strictly deep-equal:",
  strictEqual: "Expected values to be strictly equal:",
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: "Expected values to be loosely deep-equal:",
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: "Values have same structure but are not reference-equal:",
  notDeepEqualUnequal: "Expected values not to be loosely deep-equal:",
};

// Short primitives are shown as `a !== b` instead of a diff.
const kMaxShortLength = 12;

function copyError(source) {
  const target = Object.create(Object.getPrototypeOf(source));
  for (const key of Object.keys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (desc !== undefined) Object.defineProperty(target, key, desc);
  }
  Object.defineProperty(target, "message", { value: source.message });
  return target;
}

function inspectValue(val) {
  return inspect(val, {
    compact: true,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

// Pushes the last `identical` equal lines before a diverging one (collapsed past five).
function flushIdentical(state, lines, i) {
  if (state.identical > 2) {
    if (state.identical > 3) {
      if (state.identical > 4) {
        if (state.identical === 5) {
          state.res += `\n  ${lines[i - 3]}`;
          state.printedLines++;
        } else {
          state.res += "\n...";
          state.skipped = true;
        }
      }
      state.res += `\n  ${lines[i - 2]}`;
      state.printedLines++;
    }
    state.res += `\n  ${lines[i - 1]}`;
    state.printedLines++;
  }
  state.identical = 0;
}

function createErrDiff(actual, expected, operator) {
  let other = "";
  let end = "";
  let skippedTail = false;
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split("\n");
  const expectedLines = inspectValue(expected).split("\n");
  let i = 0;
  let indicator = "";

  if (
    operator === "strictEqual" &&
    ((typeof actual === "object" && actual !== null && typeof expected === "object" && expected !== null) ||
      (typeof actual === "function" && typeof expected === "function"))
  ) {
    operator = "strictEqualObject";
  }

  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const actualRaw = actualLines[0];
    const expectedRaw = expectedLines[0];
    const inputLength = actualRaw.length + expectedRaw.length;
    if (inputLength <= kMaxShortLength) {
      if (
        (typeof actual !== "object" || actual === null) &&
        (typeof expected !== "object" || expected === null) &&
        (actual !== 0 || expected !== 0)
      ) {
        return `${kReadableOperator[operator]}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== "strictEqualObject" && inputLength < 80) {
      while (actualRaw[i] === expectedRaw[i]) i++;
      if (i > 2) {
        indicator = `\n  ${" ".repeat(i)}^`;
        i = 0;
      }
    }
  }

  // Drop the identical trailing lines (keeping up to three of them as context).
  let a = actualLines[actualLines.length - 1];
  let b = expectedLines[expectedLines.length - 1];
  while (a === b) {
    if (i++ < 3) end = `\n  ${a}${end}`;
    else other = a;
    actualLines.pop();
    expectedLines.pop();
    if (actualLines.length === 0 || expectedLines.length === 0) break;
    a = actualLines[actualLines.length - 1];
    b = expectedLines[expectedLines.length - 1];
  }

  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    const lines = actualInspected.split("\n");
    if (lines.length > 50) {
      lines[46] = "...";
      while (lines.length > 47) lines.pop();
    }
    return `${kReadableOperator.notIdentical}\n\n${lines.join("\n")}\n`;
  }

  if (i >= 5) {
    end = `\n...${end}`;
    skippedTail = true;
  }
  if (other !== "") {
    end = `\n  ${other}${end}`;
    other = "";
  }

  const state = { res: "", identical: 0, printedLines: 0, skipped: skippedTail };
  const msg = `${kReadableOperator[operator]}\n+ actual - expected`;
  const skippedMsg = " ... Lines skipped";

  let lines = actualLines;
  let plusMinus = "+";
  let maxLength = expectedLines.length;
  if (actualLines.length < maxLines) {
    lines = expectedLines;
    plusMinus = "-";
    maxLength = actualLines.length;
  }

  for (i = 0; i < maxLines; i++) {
    if (maxLength < i + 1) {
      // Only one side has lines left.
      flushIdentical(state, lines, i);
      if (lines === actualLines) state.res += `\n${plusMinus} ${lines[i]}`;
      else other += `\n${plusMinus} ${lines[i]}`;
      state.printedLines++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      let divergingLines = actualLine !== expectedLine && (!actualLine.endsWith(",") || actualLine.slice(0, -1) !== expectedLine);
      if (divergingLines && expectedLine.endsWith(",") && expectedLine.slice(0, -1) === actualLine) {
        divergingLines = false;
        actualLine += ",";
      }
      if (divergingLines) {
        flushIdentical(state, actualLines, i);
        state.res += `\n+ ${actualLine}`;
        other += `\n- ${expectedLine}`;
        state.printedLines += 2;
      } else {
        state.res += other;
        other = "";
        state.identical++;
        if (state.identical <= 2) {
          state.res += `\n  ${actualLine}`;
          state.printedLines++;
        }
      }
    }
    if (state.printedLines > 50 && i < maxLines - 2) {
      return `${msg}${skippedMsg}\n${state.res}\n...${other}\n...`;
    }
  }
  return `${msg}${state.skipped ? skippedMsg : ""}\n${state.res}${other}${end}${indicator}`;
}

export class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== "object" || options === null) throw ERR_INVALID_ARG_TYPE("options", "Object", options);
    const { message, operator, stackStartFn, details, stackStartFunction } = options;
    let { actual, expected } = options;
    let text;
    if (message != null) {
      text = String(message);
    } else {
      if (actual instanceof Error && expected instanceof Error && "stack" in actual && "stack" in expected) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      if (operator === "deepStrictEqual" || operator === "strictEqual") {
        text = createErrDiff(actual, expected, operator);
      } else if (operator === "notDeepStrictEqual" || operator === "notStrictEqual") {
        let base = kReadableOperator[operator];
        const res = inspectValue(actual).split("\n");
        if (operator === "notStrictEqual" && ((typeof actual === "object" && actual !== null) || typeof actual === "function")) {
          base = kReadableOperator.notStrictEqualObject;
        }
        if (res.length > 50) {
          res[46] = "...";
          while (res.length > 47) res.pop();
        }
        if (res.length === 1) text = `${base}${res[0].length > 5 ? "\n\n" : " "}${res[0]}`;
        else text = `${base}\n\n${res.join("\n")}\n`;
      } else {
        let res = inspectValue(actual);
        let other = inspectValue(expected);
        const knownOperator = kReadableOperator[operator ?? ""];
        if (operator === "notDeepEqual" && res === other) {
          res = `${knownOperator}\n\n${res}`;
          if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
          text = res;
        } else {
          if (res.length > 512) res = `${res.slice(0, 509)}...`;
          if (other.length > 512) other = `${other.slice(0, 509)}...`;
          if (operator === "deepEqual") {
            res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
          } else {
            const newOp = kReadableOperator[`${operator}Unequal`];
            if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
            else other = ` ${operator} ${other}`;
          }
          text = `${res}${other}`;
        }
      }
    }
    super(text);
    this.generatedMessage = !message;
    Object.defineProperty(this, "name", {
      value: "AssertionError [ERR_ASSERTION]",
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = "ERR_ASSERTION";
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    if (typeof Error.captureStackTrace === "function") Error.captureStackTrace(this, stackStartFn || stackStartFunction || AssertionError);
    void this.stack;
    this.name = "AssertionError";
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](recurseTimes, ctx) {
    const tmpActual = this.actual;
    const tmpExpected = this.expected;
    for (const name of ["actual", "expected"]) {
      if (typeof this[name] === "string") {
        const lines = this[name].split("\n");
        if (lines.length > 10) {
          lines.length = 10;
          this[name] = `${lines.join("\n")}\n...`;
        } else if (this[name].length > 512) {
          this[name] = `${this[name].slice(512)}...`;
        }
      }
    }
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = tmpActual;
    this.expected = tmpExpected;
    return result;
  }
}

function createAssertionError(options) {
  const error = new AssertionError(options);
  if (options.generatedMessage) error.generatedMessage = true;
  return error;
}

// ---------------------------------------------------------------------------------------
// The line diff of strictEqual's message: "[Diff] Actual / Expected" then each line with
// "-   " (actual only), "+   " (expected only) or "    " (both).

function lineDiff(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  // Longest common subsequence table over the differing middle.
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  for (let k = 0; k < start; k++) out.push(["common", a[k]]);
  let i = 0;
  let j = 0;
  let removed = [];
  let added = [];
  const flush = () => {
    for (const v of removed) out.push(["removed", v]);
    for (const v of added) out.push(["added", v]);
    removed = [];
    added = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      flush();
      out.push(["common", midA[i]]);
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      removed.push(midA[i++]);
    } else {
      added.push(midB[j++]);
    }
  }
  flush();
  for (let k = endA; k < a.length; k++) out.push(["common", a[k]]);
  return out;
}

function escapeForDiff(str) {
  return str
    .replaceAll("\b", "\\b")
    .replaceAll("\f", "\\f")
    .replaceAll("\t", "\\t")
    .replaceAll("\v", "\\v")
    .replace(/\r\n|\r|\n/g, (s) => (s === "\r" ? "\\r" : s === "\n" ? "\\n\n" : "\\r\\n\r\n"));
}

function stringLines(str) {
  const parts = str.split(/(\n|\r\n)/);
  if (!parts[parts.length - 1]) parts.pop();
  const tokens = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2) tokens[tokens.length - 1] += parts[i];
    else tokens.push(parts[i]);
  }
  return tokens;
}

const SIGNS = { added: "+   ", removed: "-   ", common: "    " };

function strictEqualDiffMessage(actual, expected, actualString, expectedString) {
  const stringDiff = typeof actual === "string" && typeof expected === "string";
  const result = stringDiff
    ? lineDiff(stringLines(`${escapeForDiff(actual)}\n`), stringLines(`${escapeForDiff(expected)}\n`))
    : lineDiff(actualString.split("\n"), expectedString.split("\n"));
  const lines = result.map(([type, value]) => `${SIGNS[type]}${value}`);
  const messages = ["", "", "[Diff] Actual / Expected", "", "", ...(stringDiff ? [lines.join("")] : lines), ""];
  return `Values are not strictly equal:\n${messages.join("\n")}`;
}

// ---------------------------------------------------------------------------------------
// Assertions

function innerOk(args, actual, message) {
  if (args === 0) throw new AssertionError({ message: "No value argument passed to `assert.ok()`" });
  if (!actual) {
    throw new AssertionError({ message, actual, expected: true, operator: "==", stackStartFn: ok });
  }
}

export function ok(actual, message) {
  innerOk(arguments.length, actual, message);
}

function assert(actual, message) {
  innerOk(arguments.length, actual, message);
}

export function strict(actual, message) {
  innerOk(arguments.length, actual, message);
}

// workerd stringifies an Error given as the message ("TypeError: boom") instead of throwing it.
function raise(message, fields) {
  throw new AssertionError({ message, ...fields });
}

export function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  if (Object.is(actual, expected)) return;
  if (message) {
    message = `${message}`;
  } else {
    const actualString = inspect(actual);
    const expectedString = inspect(expected);
    if (actualString === expectedString) {
      const withOffset = actualString
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n");
      message = `Values have the same structure but are not reference-equal:\n\n${withOffset}\n`;
    } else {
      try {
        message = strictEqualDiffMessage(actual, expected, actualString, expectedString);
      } catch {
        message = "\n$[Cannot display] + \n\n";
      }
    }
  }
  throw new AssertionError({ message, actual, expected, operator: "strictEqual", stackStartFn: strictEqual });
}

export function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  if (!Object.is(actual, expected)) return;
  raise(message ? `${message}` : "Expected actual to be strictly unequal to expected", {
    actual,
    expected,
    operator: "notStrictEqual",
    stackStartFn: notStrictEqual,
  });
}

export function equal(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  return strictEqual(actual, expected, message);
}

export function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  return notStrictEqual(actual, expected, message);
}

export function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  if (isDeepStrictEqual(actual, expected)) return;
  throw new AssertionError({
    message: message ? `${message}` : undefined,
    actual,
    expected,
    operator: "deepStrictEqual",
    stackStartFn: deepStrictEqual,
  });
}

export function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  if (!isDeepStrictEqual(actual, expected)) return;
  raise(message ? `${message}` : "Expected actual to not be deeply strictly equal to expected", {
    actual,
    expected,
    operator: "notDeepStrictEqual",
    stackStartFn: notDeepStrictEqual,
  });
}

export function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  return deepStrictEqual(actual, expected, message);
}

export function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  return notDeepStrictEqual(actual, expected, message);
}

function isPartialDeepStrictEqual(actual, expected, memo) {
  if (expected === null || typeof expected !== "object") return Object.is(actual, expected);
  if (actual === null || typeof actual !== "object") return false;
  memo ??= new Map();
  if (memo.has(actual)) {
    const seen = memo.get(actual);
    if (seen.has(expected)) return true;
    seen.add(expected);
  } else {
    memo.set(actual, new Set([expected]));
  }
  try {
    if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
    if (expected instanceof RegExp) {
      return (
        actual instanceof RegExp &&
        actual.source === expected.source &&
        actual.flags === expected.flags &&
        actual.lastIndex === expected.lastIndex
      );
    }
    if (expected instanceof Error) {
      return actual instanceof Error && actual.name === expected.name && actual.message === expected.message;
    }
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual)) return false;
      for (let i = 0; i < expected.length; i++) {
        if (i in expected && (!(i in actual) || !isPartialDeepStrictEqual(actual[i], expected[i], memo))) return false;
      }
      return true;
    }
    if (expected instanceof Set) {
      if (!(actual instanceof Set)) return false;
      for (const e of expected) {
        let found = false;
        for (const a of actual) {
          if (isDeepStrictEqual(e, a)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    }
    if (expected instanceof Map) {
      if (!(actual instanceof Map)) return false;
      for (const [ek, ev] of expected) {
        let found = false;
        for (const [ak, av] of actual) {
          if (isDeepStrictEqual(ek, ak)) {
            if (!isPartialDeepStrictEqual(av, ev, memo)) return false;
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    }
    if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return false;
    for (const key of Object.keys(expected)) {
      if (!(key in actual) || !isPartialDeepStrictEqual(actual[key], expected[key], memo)) return false;
    }
    for (const s of Object.getOwnPropertySymbols(expected)) {
      if (Object.prototype.propertyIsEnumerable.call(expected, s)) {
        if (!(s in actual) || !isPartialDeepStrictEqual(actual[s], expected[s], memo)) return false;
      }
    }
    return true;
  } finally {
    const seen = memo.get(actual);
    if (seen) {
      seen.delete(expected);
      if (seen.size === 0) memo.delete(actual);
    }
  }
}

export function partialDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "expected");
  if (isPartialDeepStrictEqual(actual, expected)) return;
  raise(message ? `${message}` : "Expected actual to be partially deeply strictly equal to expected", {
    actual,
    expected,
    operator: "partialDeepStrictEqual",
  });
}

export function fail(message) {
  if (message instanceof Error) throw message;
  throw createAssertionError({
    message: message ?? "Failed",
    operator: "fail",
    generatedMessage: message == null,
    stackStartFn: fail,
  });
}

export function match(actual, regexp, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("actual", "regexp");
  if (!(regexp instanceof RegExp)) throw ERR_INVALID_ARG_TYPE("regexp", "RegExp", regexp);
  if (!regexp.test(actual)) {
    raise(message ? `${message}` : `actual: "${actual}" expected to match: "${regexp}"`, {
      actual,
      expected: regexp,
      operator: "match",
      stackStartFn: match,
    });
  }
}

export function doesNotMatch(string, regexp, message) {
  if (arguments.length < 2) throw ERR_MISSING_ARGS("string", "regexp");
  if (!(regexp instanceof RegExp)) throw ERR_INVALID_ARG_TYPE("regexp", "RegExp", regexp);
  if (typeof string !== "string") {
    if (message instanceof Error) throw message;
    raise(message || `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`, {
      actual: string,
      expected: regexp,
      operator: "doesNotMatch",
    });
  }
  if (regexp.test(string)) {
    raise(message ? `${message}` : `actual: "${string}" expected to not match: "${regexp}"`, {
      actual: string,
      expected: regexp,
      operator: "doesNotMatch",
      stackStartFn: doesNotMatch,
    });
  }
}

export function ifError(err) {
  if (err === null || err === undefined) return;
  let message = "ifError got unwanted exception: ";
  if (typeof err === "object" && typeof err.message === "string") {
    if (err.message.length === 0 && err.constructor) message += err.constructor.name;
    else message += err.message;
  } else {
    message += inspect(err);
  }
  const newErr = new AssertionError({ actual: err, expected: null, operator: "ifError", message, stackStartFn: ifError });
  const origStack = err.stack;
  if (typeof origStack === "string") {
    const origFrames = origStack.split("\n");
    origFrames.shift();
    let ownFrames = newErr.stack.split("\n");
    for (const frame of origFrames) {
      const pos = ownFrames.indexOf(frame);
      if (pos !== -1) {
        ownFrames = ownFrames.slice(0, pos);
        break;
      }
    }
    newErr.stack = `${ownFrames.join("\n")}\n${origFrames.join("\n")}`;
  }
  throw newErr;
}

function validateThrownError(e, error, message, operatorName, validationFunctionName) {
  if (typeof error === "string") {
    if (message != null) throw ERR_INVALID_ARG_TYPE("error", ["Object", "Error", "Function", "RegExp"], error);
    if (typeof e === "object" && e !== null) {
      if (e.message === error) {
        throw ERR_AMBIGUOUS_ARGUMENT("error/message", `The error message "${e.message}" is identical to the message.`);
      }
    } else if (e === error) {
      throw ERR_AMBIGUOUS_ARGUMENT("error/message", `The error "${e}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  }
  if (typeof error === "function" && error.prototype !== undefined && (error === Error || error.prototype instanceof Error)) {
    if (e instanceof error) return true;
    throw createAssertionError({
      message: `The error is expected to be an instance of "${error.name}". Received "${e?.constructor?.name}"\n\nError message:\n\n${e?.message}`,
      actual: e,
      expected: error,
      operator: operatorName,
      generatedMessage: true,
    });
  }
  if (typeof error === "function") {
    const received = error(e);
    if (received === true) return true;
    throw createAssertionError({
      message: `The ${validationFunctionName ? `"${validationFunctionName}" validation` : "validation"} function is expected to return "true". Received ${inspect(received)}\n\nCaught error:\n\n${e}`,
      actual: e,
      expected: error,
      operator: operatorName,
      generatedMessage: true,
    });
  }
  if (error instanceof RegExp) {
    if (error.test(String(e))) return true;
    throw createAssertionError({
      message: `The input did not match the regular expression ${error.toString()}. Input:\n\n'${String(e)}'\n`,
      actual: e,
      expected: error,
      operator: operatorName,
      generatedMessage: true,
    });
  }
  if (typeof error === "object" && error !== null) {
    const keys = Object.keys(error);
    if (error instanceof Error) keys.push("name", "message");
    for (const k of keys) {
      const fail = (text) =>
        createAssertionError({
          message: message || text,
          actual: e,
          expected: error,
          operator: operatorName,
          generatedMessage: message == null,
        });
      if (e == null) throw fail("object is expected to thrown, but got null");
      if (typeof e === "string") throw fail(`object is expected to thrown, but got string: ${e}`);
      if (typeof e === "number") throw fail(`object is expected to thrown, but got number: ${e}`);
      if (!(k in e)) throw fail(`A key in the expected object is missing: ${k}`);
      const actual = e[k];
      const expected = error[k];
      if (typeof actual === "string" && expected instanceof RegExp) match(actual, expected);
      else deepStrictEqual(actual, expected);
    }
    return true;
  }
  if (error === undefined) return true;
  throw createAssertionError({ message: `Invalid expectation: ${error}`, operator: operatorName, generatedMessage: true });
}

function checkErrorArg(error, message) {
  if (
    typeof error === "object" &&
    error !== null &&
    Object.getPrototypeOf(error) === Object.prototype &&
    Object.keys(error).length === 0
  ) {
    throw ERR_INVALID_ARG_VALUE("error", error, "may not be an empty object");
  }
  const allowed =
    error instanceof RegExp || typeof error === "function" || error instanceof Error || typeof error === "object" ||
    (typeof message !== "string" && (error === undefined || typeof error === "string"));
  if (!allowed) throw ERR_INVALID_ARG_TYPE("error", ["Function", "Error", "RegExp", "Object"], error);
}

function missingException(kind, error, message) {
  if (message) {
    let msg = `Missing expected ${kind}: ${message}`;
    if (typeof error === "function" && error?.name) msg = `Missing expected ${kind} (${error.name}): ${message}`;
    return new AssertionError({ message: msg, operator: "throws", actual: undefined, expected: error });
  }
  if (typeof error === "string") {
    return new AssertionError({ message: `Missing expected ${kind}: ${error}`, operator: "throws", actual: undefined, expected: undefined });
  }
  if (typeof error === "function" && error?.prototype !== undefined) {
    return new AssertionError({ message: `Missing expected ${kind} (${error.name}).`, operator: "throws", actual: undefined, expected: error });
  }
  return new AssertionError({ message: `Missing expected ${kind}.`, operator: "throws", actual: undefined, expected: error });
}

export function throws(fn, error, message) {
  if (typeof fn !== "function") throw ERR_INVALID_ARG_TYPE("fn", "function", fn);
  checkErrorArg(error, message);
  try {
    fn();
  } catch (e) {
    if (validateThrownError(e, error, message, "throws")) return;
  }
  throw missingException("exception", error, message);
}

function gotUnwantedException(e, expected, message, operatorName) {
  if (typeof expected === "string") {
    throw new AssertionError({ message: `Got unwanted exception: ${expected}\nActual message: "${e?.message}"`, operator: operatorName });
  }
  if (typeof expected === "function" && expected.prototype !== undefined) {
    if (e instanceof expected) {
      let msg = `Got unwanted exception: ${e.constructor?.name}`;
      if (message) msg += ` ${String(message)}`;
      throw new AssertionError({ message: msg, operator: operatorName });
    }
    if (expected.prototype instanceof Error) throw e;
    if (expected(e) === true) {
      let msg = `Got unwanted rejection.\nActual message: "${e?.message}"`;
      if (message) msg += ` ${String(message)}`;
      throw new AssertionError({ message: msg, operator: operatorName });
    }
    throw e;
  }
  if (message) {
    throw new AssertionError({
      message: `Got unwanted exception: ${message}\nActual message: "${e ? e.message : String(e)}"`,
      operator: operatorName,
    });
  }
  throw new AssertionError({ message: `Got unwanted exception.\nActual message: "${e ? e.message : String(e)}"`, operator: operatorName });
}

export function doesNotThrow(fn, expected, message) {
  if (typeof fn !== "function") throw ERR_INVALID_ARG_TYPE("fn", "function", fn);
  if (!(expected instanceof RegExp) && typeof expected !== "function" && typeof expected !== "string" && expected !== undefined) {
    throw ERR_INVALID_ARG_TYPE("expected", ["Function", "RegExp"], fn);
  }
  try {
    fn();
  } catch (e) {
    gotUnwantedException(e, expected, message, "doesNotThrow");
  }
}

function isValidThenable(p) {
  if (!p) return false;
  if (p instanceof Promise) return true;
  return typeof p.then === "function";
}

// [promise, null] for a usable promise, else [null, rejection with the argument error].
function promiseOf(asyncFn) {
  if (typeof asyncFn === "function") {
    let value;
    try {
      value = asyncFn();
    } catch (err) {
      return [null, Promise.reject(err)];
    }
    if (!isValidThenable(value)) return [null, Promise.reject(ERR_INVALID_RETURN_VALUE("instance of Promise", "promiseFn", value))];
    return [value, null];
  }
  if (!isValidThenable(asyncFn)) return [null, Promise.reject(ERR_INVALID_ARG_TYPE("promiseFn", ["function", "Promise"], asyncFn))];
  return [asyncFn, null];
}

export function rejects(asyncFn, error, message) {
  const [promise, failure] = promiseOf(asyncFn);
  if (failure !== null) return failure;
  function onFulfilled() {
    let text = "Missing expected rejection";
    if (typeof error === "string") text += `: ${error}`;
    else if (typeof error === "function" && error.prototype !== undefined) text += ` (${error.name}).`;
    else text += ".";
    return Promise.reject(createAssertionError({ message: text, operator: "rejects", generatedMessage: true }));
  }
  function onRejected(e) {
    validateThrownError(e, error, message, "rejects", "validate");
  }
  return promise.then(onFulfilled, onRejected);
}

export function doesNotReject(asyncFn, error, message) {
  const [promise, failure] = promiseOf(asyncFn);
  if (failure !== null) return failure;
  return promise.then(
    () => {},
    (e) => gotUnwantedException(e, error, message, "doesNotReject"),
  );
}

const members = {
  AssertionError,
  deepEqual,
  deepStrictEqual,
  doesNotMatch,
  doesNotReject,
  doesNotThrow,
  equal,
  fail,
  ifError,
  match,
  notDeepEqual,
  notDeepStrictEqual,
  notEqual,
  notStrictEqual,
  ok,
  partialDeepStrictEqual,
  rejects,
  strict,
  strictEqual,
  throws,
};

Object.assign(strict, members, {
  deepEqual: deepStrictEqual,
  equal: strictEqual,
  notDeepEqual: notDeepStrictEqual,
  notEqual: notStrictEqual,
});

export default Object.assign(assert, members);
