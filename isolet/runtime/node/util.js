// node:util (named exports and a default object with the same members).
//
// Exports: format formatWithOptions inspect (+ inspect.custom / defaultOptions / colors /
// styles) stripVTControlCharacters promisify (+ promisify.custom) callbackify inherits
// deprecate debuglog debug isDeepStrictEqual types TextEncoder TextDecoder toUSVString
// styleText MIMEType MIMEParams parseArgs aborted log _extend isArray isBoolean isBuffer
// isDate isError isFunction isNull isNullOrUndefined isNumber isObject isPrimitive isRegExp
// isString isSymbol isUndefined getSystemErrorName getSystemErrorMap getSystemErrorMessage
// transferableAbortController transferableAbortSignal.
// Where workerd and Node differ, this follows workerd: deprecate returns the function as is,
// debuglog loggers are always enabled and print with console.log, styleText leaves the text unstyled unless
// `validateStream: false`, parseArgs / getSystemError* / transferableAbort* throw
// "node:util X is not implemented".
"use strict";

import {
  ERR_FALSY_VALUE_REJECTION,
  ERR_INVALID_ARG_TYPE,
  ERR_METHOD_NOT_IMPLEMENTED,
} from "isolet-internal:node/errors";
import {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateOneOf,
  validateString,
} from "isolet-internal:node/validators";
import { format, formatWithOptions, inspect, stripVTControlCharacters } from "isolet-internal:node/inspect";
import { isDeepStrictEqual as deepStrictEqual } from "isolet-internal:node/deep_equal";
import types from "node:util/types";

export { format, formatWithOptions, inspect, stripVTControlCharacters, types };

const kCustomPromisifiedSymbol = Symbol.for("nodejs.util.promisify.custom");
const kCustomPromisifyArgsSymbol = Symbol.for("nodejs.util.promisify.custom.args");

export function promisify(original) {
  validateFunction(original, "original");
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, "util.promisify.custom");
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

function callbackifyOnRejected(reason, cb) {
  if (!reason) reason = ERR_FALSY_VALUE_REJECTION(reason);
  return cb(reason);
}

export function callbackify(original) {
  validateFunction(original, "original");
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, "last argument");
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => queueMicrotask(() => cb(null, ret)),
      (rej) => queueMicrotask(() => callbackifyOnRejected(rej, cb)),
    );
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === "number") descriptors.length.value++;
  if (typeof descriptors.name.value === "string") descriptors.name.value += "Callbackified";
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

export function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw ERR_INVALID_ARG_TYPE("ctor", "Function", ctor);
  if (superCtor === undefined || superCtor === null) throw ERR_INVALID_ARG_TYPE("superCtor", "Function", superCtor);
  if (superCtor.prototype === undefined) throw ERR_INVALID_ARG_TYPE("superCtor.prototype", "Object", superCtor.prototype);
  Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function _extend(target, source) {
  if (source === null || typeof source !== "object") return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// workerd returns the function unchanged (no warning on call).
export function deprecate(fn) {
  return fn;
}

// As in workerd: always enabled; the first call builds the logger (and hands it to `cb`),
// which writes "SET: message\n" with console.log.
const debugImpls = { __proto__: null };
export function debuglog(set, cb) {
  let impl;
  const logger = (...args) => {
    if (impl === undefined) {
      const name = `${set}`.toUpperCase();
      impl = debugImpls[name] ??= (...a) => console.log(format("%s: %s\n", name, formatWithOptions({}, ...a)));
      if (typeof cb === "function") cb(impl);
    }
    return impl(...args);
  };
  Object.defineProperty(logger, "enabled", { get: () => true, configurable: true, enumerable: true });
  return logger;
}
export const debug = debuglog;

export function isDeepStrictEqual(a, b) {
  return deepStrictEqual(a, b);
}

export const TextEncoder = globalThis.TextEncoder;
export const TextDecoder = globalThis.TextDecoder;

export function toUSVString(input) {
  return `${input}`.toWellFormed();
}

function pad(n) {
  return `${n}`.padStart(2, "0");
}
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export function log(...args) {
  const d = new Date();
  const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(":");
  console.log("%s - %s", `${d.getDate()} ${months[d.getMonth()]} ${t}`, format(...args));
}

export function parseArgs() {
  throw new Error("node:util parseArgs is not implemented");
}
export function transferableAbortController() {
  throw new Error("node:util transferableAbortController is not implemented");
}
export function transferableAbortSignal() {
  throw new Error("node:util transferableAbortSignal is not implemented");
}
export function getSystemErrorMap() {
  throw new Error("node:util getSystemErrorMap is not implemented");
}
export function getSystemErrorName() {
  throw new Error("node:util getSystemErrorName is not implemented");
}
export function getSystemErrorMessage() {
  throw new Error("node:util getSystemErrorMessage is not implemented");
}
export function _errnoException() {
  throw ERR_METHOD_NOT_IMPLEMENTED("_errnoException");
}
export function _exceptionWithHostPort() {
  throw ERR_METHOD_NOT_IMPLEMENTED("_exceptionWithHostPort");
}

export async function aborted(signal, resource) {
  if (signal === undefined) throw ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal);
  validateAbortSignal(signal, "signal");
  if (resource === null || (typeof resource !== "object" && typeof resource !== "function")) {
    throw ERR_INVALID_ARG_TYPE("resource", "Object", resource);
  }
  if (signal.aborted) return undefined;
  return new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
}

function isTTYStream(stream) {
  return stream != null && typeof stream === "object" && "isTTY" in stream && !!stream.isTTY && typeof stream.getColorDepth === "function";
}
const stdoutPlaceholder = Object.create(null);
export function styleText(format, text, { validateStream = true, stream = stdoutPlaceholder } = {}) {
  validateString(text, "text");
  if (validateStream !== true) validateBoolean(validateStream, "options.validateStream");
  let skipColorize = false;
  if (validateStream) {
    const isStream =
      stream === stdoutPlaceholder ||
      (stream !== null && typeof stream === "object" && (typeof stream.getReader === "function" || typeof stream.getWriter === "function" || typeof stream.pipe === "function"));
    if (!isStream) throw ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream);
    skipColorize = isTTYStream(stream) ? stream.getColorDepth() > 2 : true;
  }
  const formatArray = Array.isArray(format) ? format : [format];
  let left = "";
  let right = "";
  for (const key of formatArray) {
    if (key === "none") continue;
    const codes = typeof key === "string" ? inspect.colors[key] : undefined;
    if (codes == null) validateOneOf(key, "format", Object.keys(inspect.colors));
    if (skipColorize) continue;
    left += `\u001b[${codes[0]}m`;
    right = `\u001b[${codes[1]}m${right}`;
  }
  return skipColorize ? text : `${left}${text}${right}`;
}

// -- Legacy type checks ------------------------------------------------------------------
export function isArray(val) {
  return Array.isArray(val);
}
export function isBoolean(arg) {
  return typeof arg === "boolean";
}
export function isBuffer(arg) {
  return arg instanceof Uint8Array && typeof arg.readUInt8 === "function" && typeof arg.constructor?.isBuffer === "function";
}
export function isDate(arg) {
  return types.isDate(arg);
}
export function isError(e) {
  return types.isNativeError(e) || e instanceof Error;
}
export function isFunction(arg) {
  return typeof arg === "function";
}
export function isNull(arg) {
  return arg === null;
}
export function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}
export function isNumber(arg) {
  return typeof arg === "number";
}
export function isObject(arg) {
  return arg !== null && typeof arg === "object";
}
export function isPrimitive(arg) {
  return arg === null || (typeof arg !== "object" && typeof arg !== "function");
}
export function isRegExp(arg) {
  return types.isRegExp(arg);
}
export function isString(arg) {
  return typeof arg === "string";
}
export function isSymbol(arg) {
  return typeof arg === "symbol";
}
export function isUndefined(arg) {
  return arg === undefined;
}

// -- MIMEType ----------------------------------------------------------------------------
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const QUOTED_OK = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

function mimeError(message) {
  const err = new TypeError(message);
  err.code = "ERR_INVALID_MIME_SYNTAX";
  return err;
}

export class MIMEParams {
  #map = new Map();
  delete(name) {
    this.#map.delete(name);
  }
  get(name) {
    return this.#map.has(name) ? this.#map.get(name) : null;
  }
  has(name) {
    return this.#map.has(name);
  }
  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    if (!TOKEN.test(name)) throw mimeError(`The MIME syntax for a parameter name in "${name}" is invalid at 0`);
    if (!QUOTED_OK.test(value)) throw mimeError(`The MIME syntax for a parameter value in "${value}" is invalid at 0`);
    this.#map.set(name, value);
  }
  *entries() {
    yield* this.#map.entries();
  }
  *keys() {
    yield* this.#map.keys();
  }
  *values() {
    yield* this.#map.values();
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  toString() {
    const parts = [];
    for (const [k, v] of this.#map) {
      const needsQuote = v.length === 0 || !TOKEN.test(v);
      parts.push(`${k}=${needsQuote ? `"${v.replace(/["\\]/g, "\\$&")}"` : v}`);
    }
    return parts.join(";");
  }
  toJSON() {
    return this.toString();
  }
  _parse(str) {
    // Parameters after the essence, per the WHATWG MIME sniffing parser.
    let i = 0;
    while (i < str.length) {
      i++; // the ';'
      while (i < str.length && /[\t\n\r ]/.test(str[i])) i++;
      let name = "";
      while (i < str.length && str[i] !== ";" && str[i] !== "=") name += str[i++];
      name = name.toLowerCase();
      if (i >= str.length) break;
      if (str[i] === ";") continue;
      i++; // '='
      let value = "";
      if (str[i] === '"') {
        i++;
        while (i < str.length) {
          const ch = str[i++];
          if (ch === '"') break;
          if (ch === "\\" && i < str.length) value += str[i++];
          else value += ch;
        }
        while (i < str.length && str[i] !== ";") i++;
      } else {
        while (i < str.length && str[i] !== ";") value += str[i++];
        value = value.replace(/[\t\n\r ]+$/, "");
        if (value === "") continue;
      }
      if (name !== "" && TOKEN.test(name) && QUOTED_OK.test(value) && !this.#map.has(name)) this.#map.set(name, value);
    }
  }
  [Symbol.for("nodejs.util.inspect.custom")](depth, options) {
    return `MIMEParams ${inspect(Object.fromEntries(this.#map), options)}`;
  }
}

export class MIMEType {
  #type;
  #subtype;
  #params;
  constructor(string) {
    string = `${string}`.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
    const slash = string.indexOf("/");
    const type = slash === -1 ? "" : string.slice(0, slash);
    if (!TOKEN.test(type)) throw mimeError(`The MIME syntax for a type in "${string}" is invalid at ${type.length === 0 ? 0 : type.search(/[^!#$%&'*+\-.^_`|~0-9A-Za-z]/)}`);
    const semi = string.indexOf(";", slash);
    const subtype = (semi === -1 ? string.slice(slash + 1) : string.slice(slash + 1, semi)).replace(/[\t\n\r ]+$/, "");
    if (!TOKEN.test(subtype)) throw mimeError(`The MIME syntax for a subtype in "${string}" is invalid at ${slash + 1}`);
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    this.#params = new MIMEParams();
    if (semi !== -1) this.#params._parse(string.slice(semi));
  }
  get type() {
    return this.#type;
  }
  set type(v) {
    v = `${v}`;
    if (!TOKEN.test(v)) throw mimeError(`The MIME syntax for a type in "${v}" is invalid at 0`);
    this.#type = v.toLowerCase();
  }
  get subtype() {
    return this.#subtype;
  }
  set subtype(v) {
    v = `${v}`;
    if (!TOKEN.test(v)) throw mimeError(`The MIME syntax for a subtype in "${v}" is invalid at 0`);
    this.#subtype = v.toLowerCase();
  }
  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }
  get params() {
    return this.#params;
  }
  toString() {
    const p = this.#params.toString();
    return `${this.essence}${p ? `;${p}` : ""}`;
  }
  toJSON() {
    return this.toString();
  }
}

export function parseEnv(content) {
  validateString(content, "content");
  const out = {};
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const q = value[0];
    if ((q === '"' || q === "'" || q === "`") && value.lastIndexOf(q) > 0) {
      value = value.slice(1, value.lastIndexOf(q));
      if (q === '"') value = value.replace(/\\n/g, "\n");
    } else {
      value = value.replace(/\s+#.*$/, "").trim();
    }
    out[m[1]] = value;
  }
  return out;
}

export default {
  types,
  callbackify,
  promisify,
  inspect,
  format,
  formatWithOptions,
  stripVTControlCharacters,
  inherits,
  MIMEParams,
  MIMEType,
  toUSVString,
  log,
  aborted,
  debuglog,
  debug,
  deprecate,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  isDeepStrictEqual,
  isArray,
  isBoolean,
  isBuffer,
  isDate,
  isError,
  isFunction,
  isNull,
  isNullOrUndefined,
  isNumber,
  isObject,
  isPrimitive,
  isRegExp,
  isString,
  isSymbol,
  isUndefined,
  parseArgs,
  parseEnv,
  styleText,
  transferableAbortController,
  transferableAbortSignal,
  TextDecoder,
  TextEncoder,
  _extend,
  _errnoException,
  _exceptionWithHostPort,
};
