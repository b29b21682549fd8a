// node:querystring — Node's legacy query-string codec with its exact escaping:
// escape() is encodeURIComponent (the same unreserved set) with Node's
// ERR_INVALID_URI for a lone surrogate; unescape() falls back to a byte-wise
// decoder that keeps malformed "%" sequences; parse() honours multi-character
// separators, maxKeys (default 1000; 0 means no limit) and a custom
// decodeURIComponent; stringify() drops values that are not strings, finite
// numbers, bigints or booleans.
import internals from "isolet-internal:internals";
import { Buffer } from "node:buffer";
import { ERR_INVALID_URI } from "isolet-internal:node/errors";

const DEFAULT_MAX_KEYS = 1000;
const utf8 = new TextDecoder();

function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

// The bytes of `s` with each valid %XX decoded, "+" as a space when
// `decodeSpaces`; any other character is taken as one byte, the low 8 bits of
// its code unit, as Node's Buffer-based decoder does.
function unescapeBytes(s, decodeSpaces) {
  s = String(s);
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 /* + */ && decodeSpaces) {
      out[n++] = 32;
      continue;
    }
    if (c === 37 /* % */ && i + 2 < s.length) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

export function unescapeBuffer(s, decodeSpaces) {
  const bytes = unescapeBytes(s, decodeSpaces);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return utf8.decode(unescapeBytes(s, decodeSpaces));
  }
}

export function escape(str) {
  if (typeof str !== "string") {
    if (typeof str === "object") str = String(str);
    else str += "";
  }
  try {
    return encodeURIComponent(str);
  } catch {
    throw ERR_INVALID_URI();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return `${v}`;
  if (typeof v === "bigint") return `${v}`;
  if (typeof v === "boolean") return v ? "true" : "false";
  return "";
}

// With the default escape: numbers below 1e21 need no escaping (their
// text has no reserved characters), larger ones carry a "+".
function encodeDefault(v) {
  if (typeof v === "string") return v.length ? escape(v) : "";
  if (typeof v === "number" && Number.isFinite(v)) return Math.abs(v) < 1e21 ? `${v}` : escape(`${v}`);
  if (typeof v === "bigint") return `${v}`;
  if (typeof v === "boolean") return v ? "true" : "false";
  return "";
}

export function stringify(obj, sep, eq, options) {
  sep ||= "&";
  eq ||= "=";
  const custom = options && typeof options.encodeURIComponent === "function" ? options.encodeURIComponent : null;
  const convert = custom === null ? encodeDefault : (v) => custom(stringifyPrimitive(v));
  if (obj === null || typeof obj !== "object") return "";
  let fields = "";
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = convert(k) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (let j = 0; j < v.length; j++) {
        if (j) fields += sep;
        fields += ks + convert(v[j]);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v);
    }
  }
  return fields;
}

function decodeWith(s, decoder, custom) {
  if (s.includes("+")) s = s.replaceAll("+", "%20");
  if (!custom && !s.includes("%")) return s;
  try {
    return decoder(s);
  } catch {
    return unescape(s, true);
  }
}

export function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== "string" || qs.length === 0) return obj;
  sep = sep ? String(sep) : "&";
  eq = eq ? String(eq) : "=";
  let pairs = options && typeof options.maxKeys === "number" ? options.maxKeys : DEFAULT_MAX_KEYS;
  if (!(pairs > 0)) pairs = Infinity;
  const custom = options && typeof options.decodeURIComponent === "function";
  const decoder = custom ? options.decodeURIComponent : unescape;
  let start = 0;
  while (start <= qs.length && pairs > 0) {
    let end = qs.indexOf(sep, start);
    if (end === -1) end = qs.length;
    const pair = qs.slice(start, end);
    start = end + sep.length;
    pairs--;
    if (pair.length === 0) {
      if (end === qs.length) break;
      continue;
    }
    const at = pair.indexOf(eq);
    const rawKey = at === -1 ? pair : pair.slice(0, at);
    const rawValue = at === -1 ? "" : pair.slice(at + eq.length);
    const key = decodeWith(rawKey, decoder, custom);
    const value = decodeWith(rawValue, decoder, custom);
    const prev = obj[key];
    if (prev === undefined) obj[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else obj[key] = [prev, value];
    if (end === qs.length) break;
  }
  return obj;
}

export const decode = parse;
export const encode = stringify;

const defaultExport = { decode, encode, escape, parse, stringify, unescape, unescapeBuffer };

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("querystring", defaultExport);

export default defaultExport;
