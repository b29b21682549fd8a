// node:buffer, written in JS on the runtime's encoders (internals.encoding, V8's
// Uint8Array base64/hex builtins where the input is canonical).
//
// Exports (named and as the default object):
//   Buffer       a function whose prototype extends Uint8Array.prototype (Node's FastBuffer
//                scheme): Buffer.from / alloc / allocUnsafe / allocUnsafeSlow / byteLength /
//                compare / concat / isBuffer / isEncoding / copyBytesFrom / of / poolSize;
//                prototype: toString write fill indexOf lastIndexOf includes equals compare
//                copy slice (subarray via Uint8Array's, species Buffer) swap16/32/64 toJSON toLocaleString inspect, every
//                read/write(U)Int8..48 LE/BE, readUIntLE/BE + readIntLE/BE (variable width),
//                (Big)(U)Int64 LE/BE, Float/Double LE/BE (and the lower-case Uint aliases),
//                <enc>Slice / <enc>Write helpers, parent / offset.
//   SlowBuffer, Blob, File, atob, btoa, constants { MAX_LENGTH, MAX_STRING_LENGTH },
//   kMaxLength, kStringMaxLength, INSPECT_MAX_BYTES (50; fixed, as in workerd),
//   isUtf8, isAscii, transcode (utf8 / utf16le / latin1 / ascii both ways, latin1 and ascii
//   targets encoded as windows-1252 like workerd), resolveObjectURL.
// Encodings: utf8 utf-8 utf16le utf-16le ucs2 ucs-2 latin1 binary ascii base64 base64url hex
// (case-insensitive), with Node's lenient decoding: base64 accepts both alphabets, skips
// characters outside them and stops at the first "="; hex stops at the first invalid pair.
"use strict";

import internals from "isolet-internal:internals";
import {
  ERR_BUFFER_OUT_OF_BOUNDS,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_ARG_VALUE_RANGE,
  ERR_INVALID_BUFFER_SIZE,
  ERR_OUT_OF_RANGE,
  ERR_UNKNOWN_ENCODING,
} from "isolet-internal:node/errors";
import { validateInteger, validateNumber, validateString } from "isolet-internal:node/validators";
import { customInspectSymbol, inspect as utilInspect } from "isolet-internal:node/inspect";
import { encodingKey } from "isolet-internal:node/encodings";

const { utf8Encode, utf8Decode } = internals.encoding;

// workerd's limits (Node 20 has 2 ** 32 here).
export const kMaxLength = 2147483647;
export const kStringMaxLength = 2 ** 29 - 24;
export const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength };
export const INSPECT_MAX_BYTES = 50;

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
const sabByteLength =
  typeof SharedArrayBuffer === "function" ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, "byteLength").get : null;

function isUint8Array(v) {
  return typedArrayTag.call(v) === "Uint8Array";
}
function isAnyArrayBuffer(v) {
  if (v === null || typeof v !== "object") return false;
  try {
    abByteLength.call(v);
    return true;
  } catch {
    if (sabByteLength === null) return false;
    try {
      sabByteLength.call(v);
      return true;
    } catch {
      return false;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Buffer and FastBuffer

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

export function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === "number") {
    if (typeof encodingOrOffset === "string") throw ERR_INVALID_ARG_TYPE("string", "string", arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, "prototype", { value: FastBuffer.prototype, writable: false, enumerable: false, configurable: false });
Object.defineProperty(FastBuffer.prototype, "constructor", { value: Buffer, writable: true, enumerable: false, configurable: true });
Object.setPrototypeOf(Buffer, Uint8Array);
// Every Buffer is its own allocation, so poolSize is 0 as in workerd.
Object.defineProperty(Buffer, "poolSize", { value: 0, enumerable: true, writable: false, configurable: false });

function createBuffer(size) {
  if (size > kMaxLength) throw ERR_OUT_OF_RANGE("The given length is invalid", `0 to ${kMaxLength}`, size, true);
  return new FastBuffer(size);
}

// ---------------------------------------------------------------------------------------
// Encodings

function latin1FromBytes(bytes, start, end) {
  let out = "";
  const CHUNK = 0x2000;
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(i + CHUNK, end)));
  }
  return out;
}

function asciiSlice(buf, start, end) {
  let clean = true;
  for (let i = start; i < end; i++) {
    if (buf[i] > 0x7f) {
      clean = false;
      break;
    }
  }
  if (clean) return latin1FromBytes(buf, start, end);
  const copy = new Uint8Array(end - start);
  for (let i = start; i < end; i++) copy[i - start] = buf[i] & 0x7f;
  return latin1FromBytes(copy, 0, copy.length);
}

function ucs2Slice(buf, start, end) {
  const n = (end - start) >>> 1;
  let out = "";
  const CHUNK = 0x2000;
  const units = new Uint16Array(Math.min(n, CHUNK));
  for (let i = 0; i < n; i += CHUNK) {
    const m = Math.min(CHUNK, n - i);
    for (let j = 0; j < m; j++) {
      const p = start + 2 * (i + j);
      units[j] = buf[p] | (buf[p + 1] << 8);
    }
    out += String.fromCharCode.apply(null, m === units.length ? units : units.subarray(0, m));
  }
  return out;
}

const HEX_CHARS = "0123456789abcdef";
function hexSlice(buf, start, end) {
  const view = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
  if (typeof view.toHex === "function") return Uint8Array.prototype.toHex.call(view);
  let out = "";
  for (let i = 0; i < view.length; i++) out += HEX_CHARS[view[i] >> 4] + HEX_CHARS[view[i] & 15];
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
function base64Slice(buf, start, end, url = false) {
  const view = new Uint8Array(buf.buffer, buf.byteOffset + start, end - start);
  if (typeof view.toBase64 === "function") {
    return url ? view.toBase64({ alphabet: "base64url", omitPadding: true }) : view.toBase64();
  }
  const table = url ? B64URL : B64;
  let out = "";
  let i = 0;
  for (; i + 2 < view.length; i += 3) {
    const n = (view[i] << 16) | (view[i + 1] << 8) | view[i + 2];
    out += table[n >> 18] + table[(n >> 12) & 63] + table[(n >> 6) & 63] + table[n & 63];
  }
  const rest = view.length - i;
  if (rest === 1) {
    const n = view[i] << 16;
    out += table[n >> 18] + table[(n >> 12) & 63] + (url ? "" : "==");
  } else if (rest === 2) {
    const n = (view[i] << 16) | (view[i + 1] << 8);
    out += table[n >> 18] + table[(n >> 12) & 63] + table[(n >> 6) & 63] + (url ? "" : "=");
  }
  return out;
}

// Sextet value of each char code in either alphabet; -1 for anything else.
const B64_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  B64_VALUES[B64.charCodeAt(i)] = i;
  B64_VALUES[B64URL.charCodeAt(i)] = i;
}

function base64Decode(str) {
  // V8's decoder (whitespace skipped, padding optional) agrees with Node's lenient rules on
  // every input it accepts; anything else (mixed alphabets, stray characters, data after "=")
  // takes the loop below.
  if (typeof Uint8Array.fromBase64 === "function" && str.length > 64) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return Uint8Array.fromBase64(str);
    } catch {
      try {
        return Uint8Array.fromBase64(str, { alphabet: "base64url" });
      } catch {
        // fall through
      }
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
  const n = str.length;
  const out = new Uint8Array(((n + 3) >>> 2) * 3);
  let p = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x3d) break; // '='
    const v = c < 128 ? B64_VALUES[c] : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[p++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, p);
}

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3d) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3d) bytes--;
  return (bytes * 3) >>> 2;
}

const HEX_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUES["0123456789abcdef".charCodeAt(i)] = i;
  HEX_VALUES["0123456789ABCDEF".charCodeAt(i)] = i;
}
const ALL_HEX = /^[0-9a-fA-F]*$/;
function hexDecode(str) {
  if (typeof Uint8Array.fromHex === "function" && str.length % 2 === 0 && ALL_HEX.test(str)) return Uint8Array.fromHex(str);
  const n = str.length >>> 1;
  const out = new Uint8Array(n);
  let i = 0;
  for (; i < n; i++) {
    const a = str.charCodeAt(2 * i);
    const b = str.charCodeAt(2 * i + 1);
    const hi = a < 128 ? HEX_VALUES[a] : -1;
    const lo = b < 128 ? HEX_VALUES[b] : -1;
    if (hi < 0 || lo < 0) break;
    out[i] = (hi << 4) | lo;
  }
  return i === n ? out : out.subarray(0, i);
}

function latin1Encode(str) {
  const out = new Uint8Array(str.length);
  for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i);
  return out;
}

function ucs2Encode(str) {
  const out = new Uint8Array(str.length * 2);
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    out[2 * i] = c;
    out[2 * i + 1] = c >>> 8;
  }
  return out;
}

function utf8ByteLength(str) {
  const n = str.length;
  let len = n;
  for (let i = 0; i < n; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      len += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        len += 2; // 4 bytes for 2 units
        i++;
      } else {
        len += 2;
      }
    } else {
      len += 2;
    }
  }
  return len;
}

// Copies `bytes` into buf[offset, offset+max); `whole` is the unit size that must not be split.
function writeBytes(buf, bytes, offset, max) {
  const n = Math.min(bytes.length, max);
  if (n <= 0) return 0;
  buf.set(n === bytes.length ? bytes : bytes.subarray(0, n), offset);
  return n;
}

function utf8Write(buf, str, offset, max) {
  const bytes = utf8Encode(str);
  let n = Math.min(bytes.length, max);
  if (n < bytes.length) {
    // Never write part of a character.
    while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--;
  }
  return writeBytes(buf, bytes.subarray(0, n), offset, n);
}

const encodingOps = {
  utf8: {
    encoding: "utf8",
    byteLength: utf8ByteLength,
    encode: (s) => utf8Encode(s),
    write: utf8Write,
    slice: (buf, start, end) => utf8Decode(start === 0 && end === buf.length ? buf : buf.subarray(start, end), false, true),
  },
  ucs2: {
    encoding: "utf16le",
    byteLength: (s) => s.length * 2,
    encode: ucs2Encode,
    write: (buf, s, offset, max) => writeBytes(buf, ucs2Encode(s.length * 2 > max ? s.slice(0, max >>> 1) : s), offset, max & ~1),
    slice: ucs2Slice,
  },
  latin1: {
    encoding: "latin1",
    byteLength: (s) => s.length,
    encode: latin1Encode,
    write: (buf, s, offset, max) => writeBytes(buf, latin1Encode(s.length > max ? s.slice(0, max) : s), offset, max),
    slice: latin1FromBytes,
  },
  ascii: {
    encoding: "ascii",
    byteLength: (s) => s.length,
    encode: latin1Encode,
    write: (buf, s, offset, max) => writeBytes(buf, latin1Encode(s.length > max ? s.slice(0, max) : s), offset, max),
    slice: asciiSlice,
  },
  base64: {
    encoding: "base64",
    byteLength: (s) => base64ByteLength(s, s.length),
    encode: base64Decode,
    write: (buf, s, offset, max) => writeBytes(buf, base64Decode(s), offset, max),
    slice: (buf, start, end) => base64Slice(buf, start, end, false),
  },
  base64url: {
    encoding: "base64url",
    byteLength: (s) => base64ByteLength(s, s.length),
    encode: base64Decode,
    write: (buf, s, offset, max) => writeBytes(buf, base64Decode(s), offset, max),
    slice: (buf, start, end) => base64Slice(buf, start, end, true),
  },
  hex: {
    encoding: "hex",
    byteLength: (s) => s.length >>> 1,
    encode: hexDecode,
    write: (buf, s, offset, max) => writeBytes(buf, hexDecode(s.length > 2 * max ? s.slice(0, 2 * max) : s), offset, max),
    slice: hexSlice,
  },
};

function getEncodingOps(enc) {
  const key = encodingKey(enc);
  return key === undefined ? undefined : encodingOps[key];
}

// ---------------------------------------------------------------------------------------
// Static methods

function validateOffset(value, name, min = 0, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE(name, "an integer", value);
  if (value < min || value > max) throw ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== "string" || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  const bytes = ops.encode(string);
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw ERR_BUFFER_OUT_OF_BOUNDS("offset");
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw ERR_BUFFER_OUT_OF_BOUNDS("length");
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  const b = new FastBuffer(obj.length);
  if (isUint8Array(obj)) {
    b.set(obj);
  } else {
    for (let i = 0; i < obj.length; i++) b[i] = obj[i];
  }
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== "number") return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === "Buffer" && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === "string") return fromString(value, encodingOrOffset);
  if (typeof value === "object" && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = typeof value.valueOf === "function" ? value.valueOf() : undefined;
    if (valueOf != null && valueOf !== value && (typeof valueOf === "string" || typeof valueOf === "object")) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === "function") {
      const primitive = value[Symbol.toPrimitive]("string");
      if (typeof primitive === "string") return fromString(primitive, encodingOrOffset);
    }
  }
  throw ERR_INVALID_ARG_TYPE(
    "first argument",
    ["string", "Buffer", "TypedArray", "ArrayBuffer", "SharedArrayBuffer", "Array", "Array-like Object"],
    value,
  );
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (typedArrayTag.call(view) === undefined) throw ERR_INVALID_ARG_TYPE("view", ["TypedArray"], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, "offset", 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, "length", 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const out = createBuffer(bytes.length);
  out.set(bytes);
  return out;
};

Buffer.of = function of(...items) {
  const b = createBuffer(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

function allocSize(size) {
  validateNumber(size, "size");
  if (Number.isNaN(size)) throw ERR_INVALID_ARG_VALUE_RANGE("size", size);
  if (size >= kMaxLength) throw ERR_OUT_OF_RANGE("size", `0 to ${kMaxLength}`, size);
  return createBuffer(size);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  const buf = allocSize(size);
  if (fill !== undefined) {
    if (encoding !== undefined) validateString(encoding, "encoding");
    return _fill(buf, fill, encoding);
  }
  return buf;
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  return allocSize(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  return allocSize(size);
};

export function SlowBuffer(size) {
  return Buffer.allocUnsafeSlow(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

// workerd words the type error with the argument's typeof as the received value.
Buffer.compare = function compare(a, b) {
  if (!isUint8Array(a)) throw ERR_INVALID_ARG_TYPE("a", ["Buffer", "Uint8Array"], typeof a);
  if (!isUint8Array(b)) throw ERR_INVALID_ARG_TYPE("b", ["Buffer", "Uint8Array"], typeof b);
  if (a === b) return 0;
  return compareBytes(a, 0, a.length, b, 0, b.length);
};

function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < n; i++) {
    const x = a[aStart + i];
    const y = b[bStart + i];
    if (x !== y) return x < y ? -1 : 1;
  }
  const la = aEnd - aStart;
  const lb = bEnd - bStart;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === "string" && encoding.length !== 0 && encodingKey(encoding) !== undefined;
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw ERR_INVALID_ARG_TYPE("list", "(Buffer|Uint8Array)[]", list);
  if (list.length === 0) return createBuffer(0);
  for (let i = 0; i < list.length; i++) {
    if (!isUint8Array(list[i])) throw ERR_INVALID_ARG_TYPE("list", "(Buffer|Uint8Array)[]", list[i]);
  }
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) length += list[i].length;
  }
  validateOffset(length, "length");
  const buffer = createBuffer(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== "string") {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw ERR_INVALID_ARG_TYPE("string", ["string", "Buffer", "ArrayBuffer"], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (!encoding) return utf8ByteLength(string);
  const ops = getEncodingOps(encoding);
  return ops === undefined ? utf8ByteLength(string) : ops.byteLength(string);
};

// ---------------------------------------------------------------------------------------
// Prototype: strings, search, compare, copy

const proto = Buffer.prototype;

function defineMethods(target, methods) {
  for (const name of Reflect.ownKeys(methods)) {
    Object.defineProperty(target, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
}

Object.defineProperty(proto, "parent", {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(proto, "offset", {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) sourceEnd = sourceStart + target.length - targetStart;
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (sourceStart !== 0 || sourceEnd < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  }
  target.set(source, targetStart);
  return nb;
}

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === "string") {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = Math.trunc(+byteOffset);
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : buffer.length;
  let needle;
  if (typeof val === "number") {
    needle = new Uint8Array([(val >>> 0) & 255]);
  } else if (typeof val === "string") {
    const ops = encoding === undefined ? encodingOps.utf8 : getEncodingOps(encoding);
    if (ops === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    needle = ops.encode(val);
  } else if (isUint8Array(val)) {
    needle = val;
  } else {
    throw ERR_INVALID_ARG_TYPE("value", ["number", "string", "Buffer", "Uint8Array"], val);
  }
  return searchBytes(buffer, needle, byteOffset, dir);
}

function searchBytes(hay, needle, offset, forward) {
  const n = hay.length;
  const m = needle.length;
  if (offset < 0) offset += n;
  if (m === 0) {
    // An empty needle is found at the (clamped) offset.
    if (offset < 0) return forward ? 0 : -1;
    return Math.min(offset, n);
  }
  if (forward) {
    if (offset < 0) offset = 0;
    if (offset > n - m) return -1;
    const first = needle[0];
    for (let i = offset; i <= n - m; i++) {
      if (hay[i] !== first) {
        i = hay.indexOf(first, i + 1);
        if (i === -1 || i > n - m) return -1;
      }
      let j = 1;
      while (j < m && hay[i + j] === needle[j]) j++;
      if (j === m) return i;
    }
    return -1;
  }
  if (offset < 0) return -1;
  let i = Math.min(offset, n - m);
  for (; i >= 0; i--) {
    let j = 0;
    while (j < m && hay[i + j] === needle[j]) j++;
    if (j === m) return i;
  }
  return -1;
}

function _fill(buf, val, start, end, encoding) {
  let ops;
  if (typeof val === "string") {
    if (typeof start === "string") {
      encoding = start;
      start = 0;
      end = buf.length;
    } else if (typeof end === "string") {
      encoding = end;
      end = buf.length;
    }
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw ERR_UNKNOWN_ENCODING(`${encoding}`);
  }
  if (start !== undefined) validateNumber(start, "start");
  if (end !== undefined) validateNumber(end, "end");
  if (end < 0 || end > buf.length) throw ERR_OUT_OF_RANGE("end", `0 to ${buf.length}`, end);
  if (start < 0 || buf.length < start || buf.length < end) throw ERR_OUT_OF_RANGE("start", "0 to end", start);
  if (end <= start) return buf;
  start = start >>> 0;
  end = end === undefined ? buf.length : end >>> 0;
  let bytes;
  if (typeof val === "string") {
    if (val.length === 0) {
      Uint8Array.prototype.fill.call(buf, 0, start, end);
      return buf;
    }
    bytes = ops.encode(val);
    if (ops.encoding === "hex" && bytes.length * 2 !== val.length) throw new TypeError("The text is not valid hex");
    if (bytes.length === 0) {
      Uint8Array.prototype.fill.call(buf, 0, start, end);
      return buf;
    }
  } else if (ArrayBuffer.isView(val)) {
    if (val.byteLength === 0) throw ERR_INVALID_ARG_VALUE("value", "zero-length");
    bytes = new Uint8Array(val.buffer, val.byteOffset, val.byteLength);
  } else {
    if (typeof val === "number") val = val & 255;
    else if (typeof val === "boolean") val = Number(val);
    val ??= 0;
    Uint8Array.prototype.fill.call(buf, val, start, end);
    return buf;
  }
  const len = end - start;
  if (bytes.length >= len) {
    buf.set(bytes.subarray(0, len), start);
    return buf;
  }
  buf.set(bytes, start);
  // Double the filled prefix until the range is full.
  let filled = bytes.length;
  while (filled < len) {
    const n = Math.min(filled, len - filled);
    buf.copyWithin(start + filled, start, start + n);
    filled += n;
  }
  return buf;
}

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

defineMethods(proto, {
  toString(encoding, start, end) {
    if (arguments.length === 0) return encodingOps.utf8.slice(this, 0, this.length);
    const len = this.length;
    if (start <= 0) start = 0;
    else if (start >= len) return "";
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > len) end = len;
    else end = Math.trunc(end) || 0;
    if (end <= start) return "";
    if (encoding === undefined) return encodingOps.utf8.slice(this, start, end);
    const ops = getEncodingOps(encoding);
    if (ops === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    return ops.slice(this, start, end);
  },
  equals(otherBuffer) {
    if (!isUint8Array(otherBuffer)) throw ERR_INVALID_ARG_TYPE("b", ["Buffer", "Uint8Array"], typeof otherBuffer);
    if (this === otherBuffer) return true;
    if (this.byteLength !== otherBuffer.byteLength) return false;
    return compareBytes(this, 0, this.length, otherBuffer, 0, otherBuffer.length) === 0;
  },
  compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw ERR_INVALID_ARG_TYPE("target", ["Buffer", "Uint8Array"], target);
    if (arguments.length === 1) return compareBytes(this, 0, this.length, target, 0, target.length);
    if (targetStart === undefined) targetStart = 0;
    else validateOffset(targetStart, "targetStart");
    if (targetEnd === undefined) targetEnd = target.length;
    else validateOffset(targetEnd, "targetEnd", 0, target.length);
    if (sourceStart === undefined) sourceStart = 0;
    else validateOffset(sourceStart, "sourceStart");
    if (sourceEnd === undefined) sourceEnd = this.length;
    else validateOffset(sourceEnd, "sourceEnd", 0, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    return compareBytes(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
  },
  copy(target, targetStart, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw ERR_INVALID_ARG_TYPE("target", ["Buffer", "Uint8Array"], target);
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw ERR_OUT_OF_RANGE("targetStart", ">= 0", targetStart);
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0) throw ERR_OUT_OF_RANGE("sourceStart", ">= 0", sourceStart);
    if (sourceStart >= 2 ** 32) throw ERR_OUT_OF_RANGE("sourceStart", `< ${2 ** 32}`, sourceStart);
    sourceEnd ??= this.length;
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw ERR_OUT_OF_RANGE("sourceEnd", ">= 0", sourceEnd);
    if (sourceEnd >= 2 ** 32) throw ERR_OUT_OF_RANGE("sourceEnd", `< ${2 ** 32}`, sourceEnd);
    if (targetStart >= target.length) return 0;
    if (sourceEnd > 0 && sourceEnd < sourceStart) sourceEnd = sourceStart;
    if (sourceEnd === sourceStart) return 0;
    if (target.length === 0 || this.length === 0) return 0;
    if (sourceEnd > this.length) sourceEnd = this.length;
    if (target.length - targetStart < sourceEnd - sourceStart) sourceEnd = target.length - targetStart + sourceStart;
    const len = sourceEnd - sourceStart;
    if (len <= 0) return 0;
    if (this === target) this.copyWithin(targetStart, sourceStart, sourceEnd);
    else target.set(this.subarray(sourceStart, sourceEnd), targetStart);
    return len;
  },
  slice(start, end) {
    const srcLength = this.length;
    start = adjustOffset(start, srcLength);
    end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
    const newLength = end > start ? end - start : 0;
    return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
  },
  write(string, offset, length, encoding) {
    string = `${string}`;
    if (offset === undefined) return utf8Write(this, string, 0, this.length);
    if (length === undefined && typeof offset === "string") {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, "offset", 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === "string") {
        encoding = length;
        length = remaining;
      } else {
        validateOffset(length, "length", 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    if (!encoding || encoding === "utf8") return utf8Write(this, string, offset, length);
    const ops = getEncodingOps(encoding);
    if (ops === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    return ops.write(this, string, offset, length);
  },
  fill(value, offset, end, encoding) {
    return _fill(this, value, offset, end, encoding);
  },
  indexOf(val, byteOffset, encoding) {
    return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
  },
  lastIndexOf(val, byteOffset, encoding) {
    return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
  },
  includes(val, byteOffset, encoding) {
    return this.indexOf(val, byteOffset, encoding) !== -1;
  },
  toJSON() {
    if (this.length > 0) {
      const data = new Array(this.length);
      for (let i = 0; i < this.length; ++i) data[i] = this[i];
      return { type: "Buffer", data };
    }
    return { type: "Buffer", data: [] };
  },
  swap16() {
    const len = this.length;
    if (len % 2 !== 0) throw ERR_INVALID_BUFFER_SIZE("16-bits");
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  },
  swap32() {
    const len = this.length;
    if (len % 4 !== 0) throw ERR_INVALID_BUFFER_SIZE("32-bits");
    for (let i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this;
  },
  swap64() {
    const len = this.length;
    if (len % 8 !== 0) throw ERR_INVALID_BUFFER_SIZE("64-bits");
    for (let i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this;
  },
  [customInspectSymbol](recurseTimes, ctx) {
    const max = INSPECT_MAX_BYTES;
    const actualMax = Math.min(max, this.length);
    const remaining = this.length - max;
    let str = hexSlice(this, 0, actualMax).replace(/(.{2})/g, "$1 ").trim();
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    if (ctx) {
      const extras = [];
      for (const key of Object.keys(this)) {
        if (/^\d+$/.test(key)) continue;
        extras.push(`${key}: ${utilInspect(this[key], { ...ctx, breakLength: Infinity, compact: true })}`);
      }
      if (extras.length > 0) str += (str ? ", " : "") + extras.join(", ");
    }
    return `<${this.constructor.name} ${str}>`;
  },
});
proto.toLocaleString = proto.toString;
proto.inspect = proto[customInspectSymbol];

// <encoding>Slice(start, end) / <encoding>Write(string, offset, length), as Node's prototype has.
for (const [prefix, key] of [
  ["ascii", "ascii"],
  ["base64", "base64"],
  ["base64url", "base64url"],
  ["latin1", "latin1"],
  ["hex", "hex"],
  ["ucs2", "ucs2"],
  ["utf8", "utf8"],
]) {
  const ops = encodingOps[key];
  defineMethods(proto, {
    [`${prefix}Slice`](start = 0, end = this.length) {
      if (start < 0 || end > this.length || start > end) throw ERR_OUT_OF_RANGE("index", `>= 0 && <= ${this.length}`, start < 0 ? start : end);
      return ops.slice(this, start, end);
    },
    [`${prefix}Write`](string, offset = 0, length = this.length - offset) {
      if (offset > this.length) throw ERR_BUFFER_OUT_OF_BOUNDS("offset");
      return ops.write(this, string, offset, Math.min(length, this.length - offset));
    },
  });
}

// ---------------------------------------------------------------------------------------
// Numbers

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) throw ERR_OUT_OF_RANGE(type || "offset", "an integer", value);
  if (length < 0) throw ERR_BUFFER_OUT_OF_BOUNDS();
  throw ERR_OUT_OF_RANGE(type || "offset", `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength) {
  validateOffset(offset, "offset", 0, buf.length);
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) boundsError(offset, buf.length - (byteLength + 1));
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === "bigint" ? "n" : "";
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      } else {
        // workerd's wording ("< 2 ** 63n"; Node says "< 2n ** 63n").
        range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and < 2 ** ${(byteLength + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw ERR_OUT_OF_RANGE("value", range, value);
  }
  checkBounds(buf, offset, byteLength);
}

// Reads `width` (1..6) bytes as an unsigned integer; `le` picks the byte order.
function readUnsigned(buf, offset, width, le) {
  validateOffset(offset, "offset", 0, buf.length);
  const first = buf[offset];
  const last = buf[offset + width - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - width);
  let val = 0;
  let mul = 1;
  if (le) {
    for (let i = 0; i < width; i++, mul *= 256) val += buf[offset + i] * mul;
  } else {
    for (let i = width - 1; i >= 0; i--, mul *= 256) val += buf[offset + i] * mul;
  }
  return val;
}

function readSigned(buf, offset, width, le) {
  const val = readUnsigned(buf, offset, width, le);
  const limit = 2 ** (8 * width - 1);
  return val >= limit ? val - 2 * limit : val;
}

function writeUnsigned(buf, value, offset, width, le, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, width - 1);
  // Two's complement bytes; Math.floor keeps negative values right past 32 bits.
  let v = value;
  for (let i = 0; i < width; i++) {
    const byte = ((v % 256) + 256) % 256;
    buf[le ? offset + i : offset + width - 1 - i] = byte;
    v = Math.floor(v / 256);
  }
  return offset + width;
}

function widthCheck(byteLength) {
  if (byteLength === 1 || byteLength === 2 || byteLength === 3 || byteLength === 4 || byteLength === 5 || byteLength === 6) return;
  boundsError(byteLength, 6, "byteLength");
}

const numberMethods = {
  readUInt8(offset = 0) {
    return readUnsigned(this, offset, 1, true);
  },
  readInt8(offset = 0) {
    return readSigned(this, offset, 1, true);
  },
  readUInt16LE(offset = 0) {
    return readUnsigned(this, offset, 2, true);
  },
  readUInt16BE(offset = 0) {
    return readUnsigned(this, offset, 2, false);
  },
  readInt16LE(offset = 0) {
    return readSigned(this, offset, 2, true);
  },
  readInt16BE(offset = 0) {
    return readSigned(this, offset, 2, false);
  },
  readUInt32LE(offset = 0) {
    return readUnsigned(this, offset, 4, true);
  },
  readUInt32BE(offset = 0) {
    return readUnsigned(this, offset, 4, false);
  },
  readInt32LE(offset = 0) {
    return readSigned(this, offset, 4, true);
  },
  readInt32BE(offset = 0) {
    return readSigned(this, offset, 4, false);
  },
  readUIntLE(offset, byteLength) {
    if (offset === undefined) throw ERR_INVALID_ARG_TYPE("offset", "number", offset);
    widthCheck(byteLength);
    return readUnsigned(this, offset, byteLength, true);
  },
  readUIntBE(offset, byteLength) {
    if (offset === undefined) throw ERR_INVALID_ARG_TYPE("offset", "number", offset);
    widthCheck(byteLength);
    return readUnsigned(this, offset, byteLength, false);
  },
  readIntLE(offset, byteLength) {
    if (offset === undefined) throw ERR_INVALID_ARG_TYPE("offset", "number", offset);
    widthCheck(byteLength);
    return readSigned(this, offset, byteLength, true);
  },
  readIntBE(offset, byteLength) {
    if (offset === undefined) throw ERR_INVALID_ARG_TYPE("offset", "number", offset);
    widthCheck(byteLength);
    return readSigned(this, offset, byteLength, false);
  },
  writeUInt8(value, offset = 0) {
    return writeUnsigned(this, value, offset, 1, true, 0, 0xff);
  },
  writeInt8(value, offset = 0) {
    return writeUnsigned(this, value, offset, 1, true, -0x80, 0x7f);
  },
  writeUInt16LE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 2, true, 0, 0xffff);
  },
  writeUInt16BE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 2, false, 0, 0xffff);
  },
  writeInt16LE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 2, true, -0x8000, 0x7fff);
  },
  writeInt16BE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 2, false, -0x8000, 0x7fff);
  },
  writeUInt32LE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 4, true, 0, 0xffffffff);
  },
  writeUInt32BE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 4, false, 0, 0xffffffff);
  },
  writeInt32LE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 4, true, -0x80000000, 0x7fffffff);
  },
  writeInt32BE(value, offset = 0) {
    return writeUnsigned(this, value, offset, 4, false, -0x80000000, 0x7fffffff);
  },
  writeUIntLE(value, offset, byteLength) {
    widthCheck(byteLength);
    return writeUnsigned(this, value, offset, byteLength, true, 0, 2 ** (8 * byteLength) - 1);
  },
  writeUIntBE(value, offset, byteLength) {
    widthCheck(byteLength);
    return writeUnsigned(this, value, offset, byteLength, false, 0, 2 ** (8 * byteLength) - 1);
  },
  writeIntLE(value, offset, byteLength) {
    widthCheck(byteLength);
    return writeUnsigned(this, value, offset, byteLength, true, -(2 ** (8 * byteLength - 1)), 2 ** (8 * byteLength - 1) - 1);
  },
  writeIntBE(value, offset, byteLength) {
    widthCheck(byteLength);
    return writeUnsigned(this, value, offset, byteLength, false, -(2 ** (8 * byteLength - 1)), 2 ** (8 * byteLength - 1) - 1);
  },
  readBigUInt64LE(offset = 0) {
    return readBig(this, offset, true, false);
  },
  readBigUInt64BE(offset = 0) {
    return readBig(this, offset, false, false);
  },
  readBigInt64LE(offset = 0) {
    return readBig(this, offset, true, true);
  },
  readBigInt64BE(offset = 0) {
    return readBig(this, offset, false, true);
  },
  writeBigUInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, true, 0n, 0xffffffffffffffffn);
  },
  writeBigUInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, false, 0n, 0xffffffffffffffffn);
  },
  writeBigInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, true, -(2n ** 63n), 2n ** 63n - 1n);
  },
  writeBigInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, false, -(2n ** 63n), 2n ** 63n - 1n);
  },
  readFloatLE(offset = 0) {
    return readFloat(this, offset, 4, true);
  },
  readFloatBE(offset = 0) {
    return readFloat(this, offset, 4, false);
  },
  readDoubleLE(offset = 0) {
    return readFloat(this, offset, 8, true);
  },
  readDoubleBE(offset = 0) {
    return readFloat(this, offset, 8, false);
  },
  writeFloatLE(value, offset = 0) {
    return writeFloat(this, value, offset, 4, true);
  },
  writeFloatBE(value, offset = 0) {
    return writeFloat(this, value, offset, 4, false);
  },
  writeDoubleLE(value, offset = 0) {
    return writeFloat(this, value, offset, 8, true);
  },
  writeDoubleBE(value, offset = 0) {
    return writeFloat(this, value, offset, 8, false);
  },
};

function readBig(buf, offset, le, signed) {
  validateOffset(offset, "offset", 0, buf.length);
  const first = buf[offset];
  const last = buf[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 8);
  const lo = readUnsigned(buf, le ? offset : offset + 4, 4, le);
  const hi = readUnsigned(buf, le ? offset + 4 : offset, 4, le);
  const v = (BigInt(hi) << 32n) + BigInt(lo);
  return signed ? BigInt.asIntN(64, v) : v;
}

function writeBig(buf, value, offset, le, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  const u = BigInt.asUintN(64, value);
  const lo = Number(u & 0xffffffffn);
  const hi = Number(u >> 32n);
  for (let i = 0; i < 4; i++) {
    const a = (lo >>> (8 * i)) & 0xff;
    const b = (hi >>> (8 * i)) & 0xff;
    if (le) {
      buf[offset + i] = a;
      buf[offset + 4 + i] = b;
    } else {
      buf[offset + 7 - i] = a;
      buf[offset + 3 - i] = b;
    }
  }
  return offset + 8;
}

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const f32 = new Float32Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const hostLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloat(buf, offset, width, le) {
  validateOffset(offset, "offset", 0, buf.length);
  const first = buf[offset];
  const last = buf[offset + width - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - width);
  const bytes = width === 4 ? f32Bytes : f64Bytes;
  const same = le === hostLE;
  for (let i = 0; i < width; i++) bytes[same ? i : width - 1 - i] = buf[offset + i];
  return width === 4 ? f32[0] : f64[0];
}

function writeFloat(buf, value, offset, width, le) {
  value = +value;
  checkBounds(buf, offset, width - 1);
  const bytes = width === 4 ? f32Bytes : f64Bytes;
  if (width === 4) f32[0] = value;
  else f64[0] = value;
  const same = le === hostLE;
  for (let i = 0; i < width; i++) buf[offset + i] = bytes[same ? i : width - 1 - i];
  return offset + width;
}

defineMethods(proto, numberMethods);
// Node's lower-case "Uint" aliases (readUint8, writeBigUint64LE, ...).
for (const name of Object.keys(numberMethods)) {
  if (name.includes("UInt")) defineMethods(proto, { [name.replace("UInt", "Uint")]: numberMethods[name] });
}

// ---------------------------------------------------------------------------------------
// Module functions

export function isUtf8(input) {
  if (ArrayBuffer.isView(input)) {
    input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  } else if (isAnyArrayBuffer(input)) {
    input = new Uint8Array(input);
  } else {
    throw ERR_INVALID_ARG_TYPE("input", ["ArrayBuffer", "Buffer", "TypedArray"], input);
  }
  try {
    utf8Decode(input, true, true);
    return true;
  } catch {
    return false;
  }
}

export function isAscii(input) {
  if (ArrayBuffer.isView(input)) {
    input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  } else if (isAnyArrayBuffer(input)) {
    input = new Uint8Array(input);
  } else {
    throw ERR_INVALID_ARG_TYPE("input", ["ArrayBuffer", "Buffer", "TypedArray"], input);
  }
  for (let i = 0; i < input.length; i++) if (input[i] > 0x7f) return false;
  return true;
}

const TRANSCODABLE = new Set(["utf8", "ucs2", "latin1", "ascii"]);
// workerd encodes to latin1 / ascii as windows-1252 does: U+00A0..U+00FF and ASCII map to
// themselves, the 1252 punctuation (euro sign, curly quotes...) to 0x80..0x9F, anything else
// (C1 controls included) to "?".
const CP1252 = new Map(
  [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
    0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
  ]
    .map((cp, i) => [cp, 0x80 + i])
    .filter(([cp]) => cp !== 0),
);

export function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) throw ERR_INVALID_ARG_TYPE("source", ["Buffer", "Uint8Array"], source);
  if (source.length === 0) return Buffer.alloc(0);
  const from = encodingKey(fromEncoding);
  const to = encodingKey(toEncoding);
  if (!TRANSCODABLE.has(from) || !TRANSCODABLE.has(to)) {
    throw new Error("Unable to transcode buffer due to unsupported encoding");
  }
  // Bytes in latin1 / ascii are read as ISO-8859-1.
  const text = encodingOps[from === "ascii" ? "latin1" : from].slice(source, 0, source.length);
  if (to === "latin1" || to === "ascii") {
    const bytes = [];
    for (const ch of text) {
      const c = ch.codePointAt(0);
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) bytes.push(c);
      else bytes.push(CP1252.get(c) ?? 0x3f);
    }
    return Buffer.from(bytes);
  }
  return fromString(text, to === "ucs2" ? "utf16le" : "utf8");
}

export function resolveObjectURL() {
  return undefined;
}

export const Blob = globalThis.Blob;
export const File = globalThis.File;
export const atob = globalThis.atob;
export const btoa = globalThis.btoa;

const buffer = {
  Buffer,
  SlowBuffer,
  Blob,
  File,
  atob,
  btoa,
  constants,
  kMaxLength,
  kStringMaxLength,
  isUtf8,
  isAscii,
  transcode,
  resolveObjectURL,
  // A plain value as in workerd: assigning it does not change what inspect prints.
  INSPECT_MAX_BYTES,
};
export default buffer;
