// util.inspect / util.format for the node: modules (import from "isolet-internal:node/inspect").
// Follows Node's (and workerd's, which ports it) output format: quoting, `[Object]` past depth,
// `<ref *1>` / `[Circular *1]`, class names and toStringTag prefixes, Map/Set/typed arrays,
// errors by their stack, getters, array grouping into columns, the compact=3 / breakLength=128
// line breaking, util.inspect.custom.
//
// API:
//   inspect(value, opts?)   opts: { depth=2, colors=false, compact=3, breakLength=80, sorted,
//                           showHidden, maxArrayLength=100, maxStringLength=10000, getters,
//                           numericSeparator, customInspect=true } (or the legacy
//                           (value, showHidden, depth, colors) form); inspect.custom,
//                           inspect.defaultOptions, inspect.colors, inspect.styles
//   format(fmt, ...args)   formatWithOptions(inspectOptions, fmt, ...args)
//   customInspectSymbol    Symbol.for("nodejs.util.inspect.custom")
//   stripVTControlCharacters(str)
// Best effort: a Promise prints as `Promise { <pending> }` (its state is not observable
// synchronously from JS); Proxies print as their target; Map/Set iterators print as objects.
"use strict";

export const customInspectSymbol = Symbol.for("nodejs.util.inspect.custom");

const inspectDefaultOptions = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
const sabByteLength =
  typeof SharedArrayBuffer === "function" ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, "byteLength").get : null;
const dvByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size").get;
const regexpGlobal = Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get;
const toStr = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const fnToString = Function.prototype.toString;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;

// Brand checks call a builtin that throws on the wrong receiver; the stack trace of that
// throw is skipped (stackTraceLimit 0), which keeps a failed check cheap.
function attempt(fn, v) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    fn.call(v);
    return true;
  } catch {
    return false;
  } finally {
    Error.stackTraceLimit = limit;
  }
}
const isObj = (v) => v !== null && (typeof v === "object" || typeof v === "function");
const isDate = (v) => isObj(v) && attempt(Date.prototype.getTime, v);
const isRegExp = (v) => isObj(v) && v !== RegExp.prototype && attempt(regexpGlobal, v);
const isMap = (v) => isObj(v) && attempt(mapSize, v);
const isSet = (v) => isObj(v) && attempt(setSize, v);
const isTypedArray = (v) => typedArrayTag.call(v) !== undefined;
const isArrayBuffer = (v) => isObj(v) && attempt(abByteLength, v);
const isSharedArrayBuffer = (v) => sabByteLength !== null && isObj(v) && attempt(sabByteLength, v);
const isDataView = (v) => isObj(v) && attempt(dvByteLength, v);
const isWeakMap = (v) =>
  isObj(v) &&
  attempt(function () {
    WeakMap.prototype.has.call(this, {});
  }, v);
const isWeakSet = (v) =>
  isObj(v) &&
  attempt(function () {
    WeakSet.prototype.has.call(this, {});
  }, v);
const isPromise = (v) => isObj(v) && (v instanceof Promise || toStr.call(v) === "[object Promise]");
const isError = (v) => isObj(v) && (v instanceof Error || toStr.call(v) === "[object Error]");
const isArgumentsObject = (v) => isObj(v) && toStr.call(v) === "[object Arguments]" && !(Symbol.toStringTag in v);
const isModuleNamespace = (v) => isObj(v) && Object.getPrototypeOf(v) === null && v[Symbol.toStringTag] === "Module" && Object.isSealed(v);
const isMapIterator = (v) => isObj(v) && toStr.call(v) === "[object Map Iterator]";
const isSetIterator = (v) => isObj(v) && toStr.call(v) === "[object Set Iterator]";

const BOXED_TAGS = new Set(["[object Number]", "[object String]", "[object Boolean]", "[object BigInt]", "[object Symbol]"]);
function boxedType(v, tag = toStr.call(v)) {
  if (!isObj(v) || typeof v === "function" || !BOXED_TAGS.has(tag)) return null;
  if (attempt(Number.prototype.valueOf, v)) return ["Number", Number.prototype.valueOf];
  if (attempt(String.prototype.valueOf, v)) return ["String", String.prototype.valueOf];
  if (attempt(Boolean.prototype.valueOf, v)) return ["Boolean", Boolean.prototype.valueOf];
  if (attempt(BigInt.prototype.valueOf, v)) return ["BigInt", BigInt.prototype.valueOf];
  if (attempt(Symbol.prototype.valueOf, v)) return ["Symbol", Symbol.prototype.valueOf];
  return null;
}

// ---------------------------------------------------------------------------------------
// Colors

const colors = {
  __proto__: null,
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
};
// Non-enumerable aliases, as Node defines them.
for (const [alias, target] of [
  ["grey", "gray"],
  ["blackBright", "gray"],
  ["bgGrey", "bgGray"],
  ["bgBlackBright", "bgGray"],
  ["faint", "dim"],
  ["crossedout", "strikethrough"],
  ["strikeThrough", "strikethrough"],
  ["crossedOut", "strikethrough"],
  ["conceal", "hidden"],
  ["swapColors", "inverse"],
  ["swapcolors", "inverse"],
  ["doubleUnderline", "doubleunderline"],
]) {
  Object.defineProperty(colors, alias, {
    get() {
      return this[target];
    },
    set(value) {
      this[target] = value;
    },
    configurable: true,
    enumerable: false,
  });
}

const styles = {
  __proto__: null,
  special: "cyan",
  number: "yellow",
  bigint: "yellow",
  boolean: "yellow",
  undefined: "grey",
  null: "bold",
  string: "green",
  symbol: "green",
  date: "magenta",
  regexp: "red",
  module: "underline",
};

function stylizeWithColor(str, styleType) {
  const style = styles[styleType];
  if (style !== undefined) {
    const color = colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

// eslint-disable-next-line no-control-regex
const ansi = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

export function stripVTControlCharacters(str) {
  return str.replace(ansi, "");
}

function removeColors(str) {
  return str.replace(ansi, "");
}

// ---------------------------------------------------------------------------------------
// Strings

const meta = [];
for (let i = 0; i < 0x20; i++) meta.push(`\\x${i.toString(16).toUpperCase().padStart(2, "0")}`);
meta[8] = "\\b";
meta[9] = "\\t";
meta[10] = "\\n";
meta[12] = "\\f";
meta[13] = "\\r";

// eslint-disable-next-line no-control-regex
const strEscapeSequencesRegExp = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex
const strEscapeSequencesReplacer = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(ch, quote) {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return meta[c];
  if (ch === "\\") return "\\\\";
  if (ch === quote) return `\\${quote}`;
  if (ch === "'") return "'";
  return `\\x${c.toString(16).toUpperCase().padStart(2, "0")}`;
}

function strEscape(str) {
  let singleQuote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) singleQuote = '"';
    else if (!str.includes("`") && !str.includes("${")) singleQuote = "`";
  }
  if (str.length < 5000 && !strEscapeSequencesRegExp.test(str)) return `${singleQuote}${str}${singleQuote}`;
  const out = str.replace(strEscapeSequencesReplacer, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdfff) return `\\u${c.toString(16).toUpperCase()}`;
    if (c >= 0x7f && c <= 0x9f) return `\\x${c.toString(16).toUpperCase()}`;
    return escapeChar(ch, singleQuote);
  });
  return `${singleQuote}${out}${singleQuote}`;
}

const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

// ---------------------------------------------------------------------------------------
// Primitives

function addNumericSeparator(integerString) {
  let result = "";
  let i = integerString.length;
  const start = integerString.startsWith("-") ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = `_${integerString.slice(i - 3, i)}${result}`;
  return i === integerString.length ? integerString : `${integerString.slice(0, i)}${result}`;
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (Object.is(number, -0)) return fn("-0", "number");
    return fn(`${number}`, "number");
  }
  const integer = Math.trunc(number);
  const string = String(integer);
  if (integer === number) {
    if (!Number.isFinite(number) || string.includes("e")) return fn(string, "number");
    return fn(`${addNumericSeparator(string)}`, "number");
  }
  if (Number.isNaN(number)) return fn(string, "number");
  const frac = String(number).slice(string.length + 1);
  return fn(`${addNumericSeparator(string)}.${frac.replace(/(\d{3})(?=\d)/g, "$1_")}`, "number");
}

function formatBigInt(fn, bigint, numericSeparator) {
  const string = String(bigint);
  if (!numericSeparator) return fn(`${string}n`, "bigint");
  return fn(`${addNumericSeparator(string)}n`, "bigint");
}

function formatPrimitive(fn, value, ctx) {
  if (typeof value === "string") {
    let trailer = "";
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
    }
    if (ctx.compact !== true && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return (
        value
          .split(/(?<=\n)/)
          .map((line) => fn(strEscape(line), "string"))
          .join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer
      );
    }
    return fn(strEscape(value), "string") + trailer;
  }
  if (typeof value === "number") return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === "bigint") return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === "boolean") return fn(`${value}`, "boolean");
  if (typeof value === "undefined") return fn("undefined", "undefined");
  return fn(Symbol.prototype.toString.call(value), "symbol");
}

// ---------------------------------------------------------------------------------------
// inspect

function getUserOptions(ctx) {
  const ret = { stylize: ctx.stylize };
  for (const key of Object.keys(inspectDefaultOptions)) ret[key] = ctx[key];
  if (ctx.userOptions !== undefined) Object.assign(ret, ctx.userOptions);
  return ret;
}

export function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === "boolean") {
      ctx.showHidden = opts;
    } else if (opts) {
      for (const key of Object.keys(opts)) {
        if (hasOwn.call(inspectDefaultOptions, key) || key === "stylize") ctx[key] = opts[key];
        else if (ctx.userOptions === undefined) ctx.userOptions = { [key]: opts[key] };
        else ctx.userOptions[key] = opts[key];
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}
inspect.custom = customInspectSymbol;
Object.defineProperty(inspect, "defaultOptions", {
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    if (options === null || typeof options !== "object") throw new TypeError('The "options" argument must be of type object');
    Object.assign(inspectDefaultOptions, options);
  },
});
inspect.colors = colors;
inspect.styles = styles;

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(ctx.stylize, value, ctx);
  if (value === null) return ctx.stylize("null", "null");

  if (ctx.customInspect) {
    let maybeCustom;
    try {
      maybeCustom = value[customInspectSymbol];
    } catch {
      maybeCustom = undefined;
    }
    if (typeof maybeCustom === "function" && maybeCustom !== inspect && !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const ret = maybeCustom.call(value, depth, getUserOptions(ctx), inspect);
      if (ret !== value) {
        if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, "special");
  }
  try {
    return formatRaw(ctx, value, recurseTimes, typedArray);
  } catch (err) {
    // Every operation on a revoked Proxy throws; workerd prints it as "<Revoked Proxy>".
    if (err instanceof TypeError && /revoked/.test(err.message)) return ctx.stylize("<Revoked Proxy>", "special");
    throw err;
  }
}

function getConstructorName(obj, ctx, recurseTimes) {
  let firstProto;
  const tmp = obj;
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, "constructor");
    if (descriptor !== undefined && typeof descriptor.value === "function" && descriptor.value.name !== "") {
      let isInstance = false;
      try {
        isInstance = tmp instanceof descriptor.value;
      } catch {
        isInstance = false;
      }
      if (isInstance) return String(descriptor.value.name);
    }
    obj = Object.getPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;
  const res = toStr.call(tmp).slice(8, -1);
  if (recurseTimes > ctx.depth && ctx.depth !== null) return `${res} <Complex prototype>`;
  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1);
  if (protoConstr === null) {
    return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
  }
  return `${res} <${protoConstr}>`;
}

function getPrefix(constructor, tag, fallback, size = "") {
  if (constructor === null) {
    if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function getKeys(value, showHidden) {
  let keys;
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) {
    keys = Object.getOwnPropertyNames(value);
    if (symbols.length !== 0) keys.push(...symbols);
  } else {
    try {
      keys = Object.keys(value);
    } catch {
      keys = [];
    }
    for (const s of symbols) if (propertyIsEnumerable.call(value, s)) keys.push(s);
  }
  return keys;
}

function getOwnNonIndexProperties(value, showHidden) {
  const names = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  const out = [];
  for (const k of names) {
    if (/^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1) continue;
    if (showHidden && k === "length" && Array.isArray(value)) {
      out.push(k);
      continue;
    }
    out.push(k);
  }
  for (const s of Object.getOwnPropertySymbols(value)) {
    if (showHidden || propertyIsEnumerable.call(value, s)) out.push(s);
  }
  return out;
}

function getCtxName(constructor, tag, fallback) {
  return getPrefix(constructor, tag, fallback);
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  const constructor = getConstructorName(value, ctx, recurseTimes);
  let tag;
  try {
    tag = value[Symbol.toStringTag];
  } catch {
    tag = undefined;
  }
  if (typeof tag !== "string" || (tag !== "" && (ctx.showHidden ? hasOwn : propertyIsEnumerable).call(value, Symbol.toStringTag))) {
    tag = "";
  }
  // The brand checks below throw on a miss, which is slow; Object.prototype.toString names
  // the candidate kind first (a subclass keeps its parent's tag), so only one check runs.
  const kindTag = toStr.call(value);
  let base = "";
  let formatter = getEmptyFormatArray;
  let braces;
  let noIterator = true;
  let i = 0;
  let extrasType = kObjectType;

  // A plain object (Object.prototype as prototype) is none of the builtin kinds below.
  const plain = Object.getPrototypeOf(value) === Object.prototype;
  if (plain) {
    noIterator = true;
  } else if (Array.isArray(value)) {
    noIterator = false;
    const prefix = constructor !== "Array" || tag !== "" ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
    keys = getOwnNonIndexProperties(value, ctx.showHidden);
    braces = [`${prefix}[`, "]"];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = kArrayExtrasType;
    formatter = formatArray;
  } else if (kindTag === "[object Set]" && isSet(value)) {
    noIterator = false;
    const size = setSize.call(value);
    const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
    keys = getKeys(value, ctx.showHidden);
    formatter = formatSet;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
  } else if (kindTag === "[object Map]" && isMap(value)) {
    noIterator = false;
    const size = mapSize.call(value);
    const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
    keys = getKeys(value, ctx.showHidden);
    formatter = formatMap;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
  } else if (isTypedArray(value)) {
    noIterator = false;
    keys = getOwnNonIndexProperties(value, ctx.showHidden);
    const fallback = constructor === null ? typedArrayTag.call(value) : "";
    const size = value.length;
    const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
    braces = [`${prefix}[`, "]"];
    if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
    formatter = formatTypedArray;
    extrasType = kArrayExtrasType;
  } else if (isMapIterator(value) || isSetIterator(value)) {
    noIterator = true;
  }

  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ["{", "}"];
    let boxed = null;
    if (plain && constructor === "Object") {
      if (isArgumentsObject(value)) braces[0] = "[Arguments] {";
      else if (tag !== "") braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (constructor === "Object" && !isError(value) && (boxed = boxedType(value, kindTag)) === null) {
      if (isArgumentsObject(value)) {
        braces[0] = "[Arguments] {";
      } else if (tag !== "") {
        braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
      }
      if (keys.length === 0 && formatter === getEmptyFormatArray) return `${braces[0]}}`;
    } else if (typeof value === "function") {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0) return ctx.stylize(base, "special");
    } else if (kindTag === "[object RegExp]" && isRegExp(value)) {
      base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, "RegExp");
      if (prefix !== "RegExp ") base = `${prefix}${base}`;
      if (keys.length === 0 || (recurseTimes > ctx.depth && ctx.depth !== null)) return ctx.stylize(base, "regexp");
    } else if (kindTag === "[object Date]" && isDate(value)) {
      const t = Date.prototype.getTime.call(value);
      base = Number.isNaN(t) ? "Invalid Date" : Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tag, "Date");
      if (prefix !== "Date ") base = `${prefix}${base}`;
      if (keys.length === 0) return ctx.stylize(base, "date");
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0) return base;
    } else if (
      (kindTag === "[object ArrayBuffer]" && isArrayBuffer(value)) ||
      (kindTag === "[object SharedArrayBuffer]" && isSharedArrayBuffer(value))
    ) {
      const arrayType = kindTag === "[object ArrayBuffer]" ? "ArrayBuffer" : "SharedArrayBuffer";
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0) {
        return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift("byteLength");
    } else if (kindTag === "[object DataView]" && isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
      keys.unshift("byteLength", "byteOffset", "buffer");
    } else if (isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
      formatter = formatPromise;
    } else if (kindTag === "[object WeakSet]" && isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
      formatter = formatWeakCollection;
    } else if (kindTag === "[object WeakMap]" && isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
      formatter = formatWeakCollection;
    } else if (isModuleNamespace(value)) {
      braces[0] = `${getPrefix(constructor, tag, "Module")}{`;
    } else if (boxed !== null || (typeof value === "object" && (boxed = boxedType(value, kindTag)) !== null)) {
      const [type, valueOf] = boxed;
      if (type === "String") keys.splice(0, value.length);
      base = `[${type}`;
      if (type !== constructor) {
        if (constructor === null) base += " (null prototype)";
        else base += ` (${constructor})`;
      }
      base += `: ${formatPrimitive(stylizeNoColor, valueOf.call(value), ctx)}]`;
      if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
      if (keys.length === 0) return base;
      base = ctx.stylize(base, type.toLowerCase());
    } else {
      if (keys.length === 0) return `${getCtxName(constructor, tag, "Object")}{}`;
      braces[0] = `${getCtxName(constructor, tag, "Object")}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let constructorName = getCtxName(constructor, tag, "Object").slice(0, -1);
    if (constructor !== null) constructorName = `[${constructorName}]`;
    return ctx.stylize(constructorName, "special");
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
  } finally {
    ctx.seen.pop();
  }

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, "special");
      if (ctx.compact !== true) base = base === "" ? reference : `${reference} ${base}`;
      else braces[0] = `${reference} ${braces[0]}`;
    }
  }

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(comparator);
    } else if (keys.length > 1) {
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...sorted);
    }
  }

  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function getFunctionBase(value, constructor, tag) {
  let stringified = "";
  try {
    stringified = fnToString.call(value);
  } catch {
    stringified = "";
  }
  if (stringified.startsWith("class") && stringified.endsWith("}")) {
    const slice = stringified.slice(5, -1);
    const bracketIndex = slice.indexOf("{");
    if (bracketIndex !== -1 && (!slice.slice(0, bracketIndex).includes("(") || /^\s*(?:extends\s+[\s\S]*)?$/.test(slice.slice(0, bracketIndex)))) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = "Function";
  if (value instanceof GeneratorFunction || value instanceof AsyncGeneratorFunction) type = `Generator${type}`;
  if (value instanceof AsyncFunction || value instanceof AsyncGeneratorFunction) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += " (null prototype)";
  if (value.name === "") base += " (anonymous)";
  else base += `: ${typeof value.name === "string" ? value.name : formatValue({ ...DEFAULT_CTX_FOR_NAME }, value.name, 0)}`;
  base += "]";
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  return base;
}
const DEFAULT_CTX_FOR_NAME = { ...inspectDefaultOptions, seen: [], indentationLvl: 0, currentDepth: 0, stylize: stylizeNoColor, budget: {} };

function getClassBase(value, constructor, tag) {
  const hasName = hasOwn.call(value, "name");
  const name = (hasName && value.name) || "(anonymous)";
  let base = `class ${name}`;
  if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = Object.getPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += " extends [null prototype]";
  }
  return `[${base}]`;
}

function getStackString(error) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    stack = undefined;
  }
  if (stack) return String(stack);
  return Error.prototype.toString.call(error);
}

function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (
    constructor === null ||
    (name.endsWith("Error") && stack.startsWith(name) && (stack.length === len || stack[len] === ":" || stack[len] === "\n"))
  ) {
    let fallback = "Error";
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || "";
      len = fallback.length;
      fallback = fallback || "Error";
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        if (len === 0) stack = `${prefix}: ${stack}`;
        else stack = `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : "Error";
  let stack = getStackString(err);
  if (!ctx.showHidden && keys.length !== 0) {
    for (const key of ["name", "message", "stack"]) {
      const index = keys.indexOf(key);
      if (index !== -1 && stack.includes(err[key])) keys.splice(index, 1);
    }
  }
  if ("cause" in err && (keys.length === 0 || !keys.includes("cause"))) keys.push("cause");
  if (Array.isArray(err.errors) && (keys.length === 0 || !keys.includes("errors"))) keys.push("errors");
  stack = improveStack(stack, constructor, name, tag);
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const stackStart = stack.indexOf("\n    at", pos);
  if (stackStart === -1) stack = `[${stack}]`;
  if (ctx.indentationLvl !== 0) {
    const indentation = " ".repeat(ctx.indentationLvl);
    stack = stack.replaceAll("\n", `\n${indentation}`);
  }
  return stack;
}

function getEmptyFormatArray() {
  return [];
}

function formatArrayBuffer(ctx, value) {
  let buffer;
  try {
    buffer = new Uint8Array(value);
  } catch {
    return [ctx.stylize("(detached)", "special")];
  }
  const n = Math.min(ctx.maxArrayLength, buffer.length);
  let str = "";
  for (let i = 0; i < n; i++) str += (i ? " " : "") + buffer[i].toString(16).padStart(2, "0");
  const remaining = buffer.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
  return [`${ctx.stylize("[Uint8Contents]", "special")}: <${str}>`];
}

function formatArray(ctx, value, recurseTimes) {
  const valLen = value.length;
  const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
  const remaining = valLen - len;
  const output = [];
  let holes = 0;
  const flushHoles = () => {
    if (holes > 0) {
      output.push(ctx.stylize(`<${holes} empty item${holes > 1 ? "s" : ""}>`, "undefined"));
      holes = 0;
    }
  };
  for (let i = 0; i < len; i++) {
    if (!hasOwn.call(value, i)) {
      holes++;
      continue;
    }
    flushHoles();
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
  }
  flushHoles();
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  return output;
}

function formatTypedArray(ctx, value, recurseTimes) {
  const length = value.length;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = new Array(maxLength);
  const elementFormatter = typeof value[0] === "bigint" || (length === 0 && /Big/.test(typedArrayTag.call(value))) ? formatBigInt : formatNumber;
  for (let i = 0; i < maxLength; ++i) output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
  if (remaining > 0) output[maxLength] = `... ${remaining} more item${remaining > 1 ? "s" : ""}`;
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"]) {
      const str = formatValue(ctx, value[key], recurseTimes, true);
      output.push(`[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  const length = setSize.call(value);
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of Set.prototype.values.call(value)) {
    if (i >= maxLength) break;
    output.push(formatValue(ctx, v, recurseTimes));
    i++;
  }
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const length = mapSize.call(value);
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const [k, v] of Map.prototype.entries.call(value)) {
    if (i >= maxLength) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatPromise(ctx) {
  return [ctx.stylize("<pending>", "special")];
}

function formatWeakCollection(ctx) {
  return [ctx.stylize("<items unknown>", "special")];
}

function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  let name;
  let str;
  let extra = " ";
  try {
    desc = desc || Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  } catch {
    desc = { value: undefined, enumerable: true };
  }
  if (desc.value !== undefined) {
    const diff = ctx.compact !== true || type !== kObjectType ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < removeColors(str).length) extra = `\n${" ".repeat(ctx.indentationLvl)}`;
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
    const s = ctx.stylize;
    const sp = "special";
    if (
      ctx.getters &&
      (ctx.getters === true || (ctx.getters === "get" && desc.set === undefined) || (ctx.getters === "set" && desc.set !== undefined))
    ) {
      try {
        const tmp = desc.get.call(original);
        ctx.indentationLvl += 2;
        if (tmp === null) str = `${s(`[${label}:`, sp)} ${s("null", "null")}${s("]", sp)}`;
        else if (typeof tmp === "object") str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        else str = `${s(`[${label}:`, sp)} ${formatPrimitive(s, tmp, ctx)}${s("]", sp)}`;
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `${s(`[${label}:`, sp)} <Inspection threw (${err && err.message})>${s("]", sp)}`;
      }
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize("[Setter]", "special");
  } else {
    str = ctx.stylize("undefined", "undefined");
  }
  if (type === kArrayType) return str;
  if (typeof key === "symbol") {
    // workerd prints symbol keys without the brackets Node puts around them.
    name = ctx.stylize(Symbol.prototype.toString.call(key), "symbol");
  } else if (key === "__proto__") {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${String(key).replace(strEscapeSequencesReplacer, (ch) => escapeChar(ch, ""))}]`;
  } else if (keyStrRegExp.test(key)) {
    name = ctx.stylize(key, "name");
  } else {
    name = ctx.stylize(strEscape(String(key)), "string");
  }
  return `${name}:${extra}${str}`;
}

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += ctx.colors ? removeColors(output[i]).length : output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === "" || !base.includes("\n");
}

function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let i = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen = new Array(outputLength);
  for (; i < outputLength; i++) {
    const len = ctx.colors ? removeColors(output[i]).length : output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp = [];
    const maxLineLength = [];
    for (let c = 0; c < columns; c++) {
      let lineLength = 0;
      for (let j = c; j < output.length; j += columns) {
        if (dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let k = 0; k < output.length; k++) {
        if (typeof value[k] !== "number" && typeof value[k] !== "bigint") {
          padStart = false;
          break;
        }
      }
    }
    for (let k = 0; k < outputLength; k += columns) {
      const max = Math.min(k + columns, outputLength);
      let str = "";
      let j = k;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j];
        str += padStart ? `${output[j]}, `.padStart(padding, " ") : `${output[j]}, `.padEnd(padding, " ");
      }
      if (padStart) {
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j] - separatorSpace;
        str += output[j].padStart(padding, " ");
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    output = tmp;
  }
  return output;
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === "number" && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joinedOutput = output.join(", ");
          if (!joinedOutput.includes("\n")) {
            return `${base ? `${base} ` : ""}${braces[0]} ${joinedOutput}` + ` ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ""} ${output.join(", ")} ` + braces[1];
  }
  const indentation = " ".repeat(ctx.indentationLvl);
  const ln = base === "" && braces[0].length === 1 ? " " : `${base ? ` ${base}` : ""}\n${indentation}  `;
  return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

// ---------------------------------------------------------------------------------------
// format

function hasBuiltInToString(value) {
  let toString;
  try {
    toString = value.toString;
  } catch {
    return true;
  }
  if (typeof toString !== "function") return true;
  if (hasOwn.call(value, "toString")) return false;
  let pointer = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (pointer !== null && !hasOwn.call(pointer, "toString"));
  if (pointer === null) return true;
  const descriptor = Object.getOwnPropertyDescriptor(pointer, "constructor");
  return descriptor !== undefined && typeof descriptor.value === "function" && BUILTIN_NAMES.has(descriptor.value.name);
}
const BUILTIN_NAMES = new Set(
  Object.getOwnPropertyNames(globalThis).filter((e) => /^[A-Z][a-zA-Z0-9]+$/.test(e) && typeof globalThis[e] === "function"),
);
for (const name of ["Object", "Error", "Array", "Date", "RegExp", "Function", "Number", "String", "Boolean", "Symbol", "BigInt", "Map", "Set", "Promise"]) {
  BUILTIN_NAMES.add(name);
}

function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) return "[Circular]";
    throw err;
  }
}

export function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== "object") {
    throw makeArgTypeError("inspectOptions", inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

// Built lazily from errors.js would cycle at load; the message matches ERR_INVALID_ARG_TYPE.
function makeArgTypeError(name, value) {
  let received;
  if (value == null) received = `${value}`;
  else if (typeof value === "function") received = `function ${value.name}`;
  else received = `type ${typeof value} (${inspect(value)})`;
  const err = new TypeError(`The "${name}" argument must be of type object. Received ${received}`);
  err.code = "ERR_INVALID_ARG_TYPE";
  return err;
}

export function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = "";
  let join = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) === 37) {
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: {
              const tempArg = args[++a];
              if (typeof tempArg === "number") tempStr = formatNumber(stylizeNoColor, tempArg, false);
              else if (typeof tempArg === "bigint") tempStr = formatBigInt(stylizeNoColor, tempArg, false);
              else if (typeof tempArg !== "object" || tempArg === null || !hasBuiltInToString(tempArg)) tempStr = String(tempArg);
              else tempStr = inspect(tempArg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
              break;
            }
            case 106:
              tempStr = tryStringify(args[++a]);
              break;
            case 100: {
              const tempNum = args[++a];
              if (typeof tempNum === "bigint") tempStr = formatBigInt(stylizeNoColor, tempNum, false);
              else if (typeof tempNum === "symbol") tempStr = "NaN";
              else tempStr = formatNumber(stylizeNoColor, Number(tempNum), false);
              break;
            }
            case 79:
              tempStr = inspect(args[++a], inspectOptions);
              break;
            case 111:
              tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
              break;
            case 105: {
              const tempInteger = args[++a];
              if (typeof tempInteger === "bigint") tempStr = formatBigInt(stylizeNoColor, tempInteger, false);
              else if (typeof tempInteger === "symbol") tempStr = "NaN";
              else tempStr = formatNumber(stylizeNoColor, Number.parseInt(tempInteger), false);
              break;
            }
            case 102: {
              const tempFloat = args[++a];
              if (typeof tempFloat === "symbol") tempStr = "NaN";
              else tempStr = formatNumber(stylizeNoColor, Number.parseFloat(tempFloat), false);
              break;
            }
            case 99:
              a += 1;
              tempStr = "";
              break;
            case 37:
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      join = " ";
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== "string" ? inspect(value, inspectOptions) : value;
    join = " ";
    a++;
  }
  return str;
}
