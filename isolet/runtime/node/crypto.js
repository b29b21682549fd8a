// node:crypto -- Node's crypto API as workerd's nodejs_compat gives it.
//
// Hash/Hmac batch their input in JS: update() keeps (copies of) the chunks and
// digest() makes one crossing (op_nodecrypto_digest); SHA-256 and HMAC-SHA256
// of up to JS_SHA256_BYTES make none (internal/sha256.js). A hash that grows
// past FLUSH_BYTES moves to a running state in Python under a rid
// (op_nodecrypto_hash_*), freed at digest or when the object is collected.
// Randomness comes from the `crypto` global's pool (internals.crypto), key
// derivation and AES from ops/node_crypto.py. Where Node and workerd differ,
// this follows workerd (its digest list, its error texts: "Digest method not
// supported", "Invalid Pbkdf2 digest: x.", TypeError from timingSafeEqual).
//
// Hash, Hmac, Cipheriv and Decipheriv are Transform streams as in Node: their
// prototypes inherit from node:stream's Transform, whose state is created on
// first stream use (Node's LazyTransform), so a plain createHash().update()
// .digest() pays nothing for it. node:stream is imported dynamically: this
// module loads without it (the stream methods are then missing).
import internals from "isolet-internal:internals";
import { Buffer } from "node:buffer";
import {
  makeNodeError,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_METHOD_NOT_IMPLEMENTED,
  ERR_OUT_OF_RANGE,
} from "isolet-internal:node/errors";
import {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateString,
  validateUint32,
} from "isolet-internal:node/validators";
import { sha256, hmacSha256 } from "isolet-internal:node/sha256";

let Transform = null;
try {
  ({ Transform } = await import("node:stream"));
} catch {
  Transform = null; // node:stream not available: Hash/Hmac work without the stream interface
}

const ops = () => internals.ops;
const webcryptoObject = internals.crypto.cryptoObject;
const kMaxLength = 2 ** 31 - 1;
const FLUSH_BYTES = 64 * 1024;
// SHA-256 (and HMAC-SHA256) of at most this many bytes is computed in JS: below it the op
// crossing costs more than the hashing (measured; see internal/sha256.js).
const JS_SHA256_BYTES = 2048;

// -- errors -----------------------------------------------------------------------------------
const nodeError = (Base, code, message) => makeNodeError(Base, code, message);
const ERR_CRYPTO_HASH_FINALIZED = () => nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
const ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE = (type, expected) =>
  nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${type}, expected ${expected}.`);
const ERR_CRYPTO_INVALID_KEYLEN = () => new Error("Invalid key length"); // workerd: no code
const ERR_CRYPTO_INVALID_IV = () => nodeError(TypeError, "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector");
const ERR_CRYPTO_UNKNOWN_CIPHER = () => nodeError(TypeError, "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
const ERR_CRYPTO_INVALID_STATE = (name) =>
  nodeError(Error, "ERR_CRYPTO_INVALID_STATE", `Invalid state for operation ${name}`);
const digestNotSupported = () => new Error("Digest method not supported");

// -- bytes ------------------------------------------------------------------------------------
const isView = ArrayBuffer.isView;
const isAnyArrayBuffer = (v) =>
  v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer);
const bytesOf = (v) => (v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
const asBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
const copyBytes = (u8) => new Uint8Array(u8); // a copy (Buffer#slice would be a view)
const { utf8Encode } = internals.encoding;

function encodeString(s, encoding) {
  if (encoding === undefined || encoding === "utf8" || encoding === "utf-8" || encoding === "buffer") {
    return utf8Encode(s);
  }
  return bytesOf(Buffer.from(s, encoding));
}

// Node's getArrayBufferOrView: strings (in `encoding`), ArrayBuffers and views, as a Uint8Array.
function toBytes(value, name, encoding = undefined, types = ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"]) {
  if (typeof value === "string") return encodeString(value, encoding);
  if (isView(value)) return bytesOf(value);
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  throw ERR_INVALID_ARG_TYPE(name, types, value);
}

const HEX = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? "0" : "") + i.toString(16));
function encodeOutput(u8, encoding) {
  if (encoding === undefined || encoding === "buffer") return asBuffer(u8);
  if (encoding === "hex") {
    let s = "";
    for (let i = 0; i < u8.length; i++) s += HEX[u8[i]];
    return s;
  }
  return asBuffer(u8).toString(encoding);
}

// -- digests ----------------------------------------------------------------------------------
// Names as BoringSSL's EVP_get_digestbyname (workerd) accepts them: case-sensitive, short and
// long OpenSSL names. Values are the canonical names the ops take.
const DIGESTS = {
  __proto__: null,
  md5: "md5", MD5: "md5", "RSA-MD5": "md5", md5WithRSAEncryption: "md5",
  sha1: "sha1", SHA1: "sha1", "RSA-SHA1": "sha1", sha1WithRSAEncryption: "sha1",
  "DSA-SHA": "sha1", "DSA-SHA1": "sha1", dsaWithSHA1: "sha1", "ecdsa-with-SHA1": "sha1",
  sha224: "sha224", SHA224: "sha224", "RSA-SHA224": "sha224", sha224WithRSAEncryption: "sha224",
  sha256: "sha256", SHA256: "sha256", "RSA-SHA256": "sha256", sha256WithRSAEncryption: "sha256",
  sha384: "sha384", SHA384: "sha384", "RSA-SHA384": "sha384", sha384WithRSAEncryption: "sha384",
  sha512: "sha512", SHA512: "sha512", "RSA-SHA512": "sha512", sha512WithRSAEncryption: "sha512",
  "sha512-256": "sha512-256", "SHA512-256": "sha512-256",
  "md5-sha1": "md5-sha1", "MD5-SHA1": "md5-sha1",
};
const DIGEST_SIZES = {
  md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64, "sha512-256": 32, "md5-sha1": 36,
};
const lookupDigest = (name) => (typeof name === "string" ? DIGESTS[name] : undefined);

const HASHES = [
  "md4", "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "md5-sha1", "RSA-MD5",
  "RSA-SHA1", "RSA-SHA224", "RSA-SHA256", "RSA-SHA384", "RSA-SHA512", "DSA-SHA",
  "DSA-SHA1", "ecdsa-with-SHA1",
];
export function getHashes() {
  return HASHES.slice();
}

// -- Hash / Hmac ------------------------------------------------------------------------------
const kState = Symbol("kState");
const kOptions = Symbol("kOptions");
const dropHash = new FinalizationRegistry((rid) => {
  try {
    internals.ops.op_nodecrypto_hash_drop(rid);
  } catch {
    // the isolate is going away
  }
});

// The running state behind a Hash/Hmac: pending chunks (owned copies), or a Python rid.
function newState(name, key) {
  return { name, key, chunks: [], bytes: 0, rid: 0, finalized: false, token: null };
}

function feed(owner, state, bytes, owned) {
  if (bytes.byteLength >= FLUSH_BYTES) {
    // Large input crosses now, without a copy in JS.
    spill(owner, state);
    ops().op_nodecrypto_hash_update(state.rid, [bytes]);
    return;
  }
  state.chunks.push(owned ? bytes : copyBytes(bytes));
  state.bytes += bytes.byteLength;
  if (state.bytes >= FLUSH_BYTES) spill(owner, state);
}

// Move the pending chunks into a Python hash state (created on first need).
function spill(owner, state) {
  if (state.rid === 0) {
    state.rid = ops().op_nodecrypto_hash_open(state.name, state.key, state.chunks);
    state.token = {};
    dropHash.register(owner, state.rid, state.token);
  } else if (state.chunks.length > 0) {
    ops().op_nodecrypto_hash_update(state.rid, state.chunks);
  }
  state.chunks = [];
  state.bytes = 0;
}

function finish(state) {
  state.finalized = true;
  const chunks = state.chunks;
  state.chunks = [];
  if (state.rid === 0 && state.name === "sha256" && state.bytes <= JS_SHA256_BYTES) {
    return state.key === undefined ? sha256(chunks, state.bytes) : hmacSha256(state.key, chunks, state.bytes);
  }
  if (state.rid === 0) {
    // One chunk crosses as itself (cheaper than a one-element list).
    return ops().op_nodecrypto_digest(state.name, state.key, chunks.length === 1 ? chunks[0] : chunks);
  }
  dropHash.unregister(state.token);
  const rid = state.rid;
  state.rid = -1;
  return ops().op_nodecrypto_hash_digest(rid, chunks);
}

function update(data, encoding) {
  const state = this[kState];
  if (state.finalized) throw ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === "string") {
    feed(this, state, encodeString(data, encoding), true);
  } else if (isView(data)) {
    feed(this, state, bytesOf(data), false);
  } else {
    throw ERR_INVALID_ARG_TYPE("data", ["string", "Buffer", "TypedArray", "DataView"], data);
  }
  return this;
}

// Node's LazyTransform: the stream state exists once a stream member is first touched.
function lazyStream(proto) {
  if (Transform === null) return;
  Object.setPrototypeOf(proto, Transform.prototype);
  for (const name of ["_readableState", "_writableState"]) {
    Object.defineProperty(proto, name, {
      get() {
        Transform.call(this, this[kOptions]);
        if (this._writableState) this._writableState.decodeStrings = false;
        return this[name];
      },
      set(value) {
        Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
      },
      configurable: true,
      enumerable: true,
    });
  }
}

function streamTransform(chunk, encoding, callback) {
  try {
    this.update(chunk, encoding === "buffer" ? undefined : encoding);
  } catch (e) {
    callback(e);
    return;
  }
  callback();
}

export function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const xofLen = typeof options === "object" && options !== null ? options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, "options.outputLength");
  let state;
  if (algorithm !== null && typeof algorithm === "object" && algorithm[kState] !== undefined) {
    state = algorithm[kState]; // copy(): the forked state
  } else {
    validateString(algorithm, "algorithm");
    const name = lookupDigest(algorithm);
    if (name === undefined) throw digestNotSupported();
    state = newState(name, undefined);
  }
  if (xofLen !== undefined && xofLen !== DIGEST_SIZES[state.name]) throw new Error("invalid digest size");
  this[kState] = state;
  this[kOptions] = options;
}
lazyStream(Hash.prototype);
if (Transform !== null) Object.setPrototypeOf(Hash, Transform);

Hash.prototype.update = update;
Hash.prototype.copy = function copy(options) {
  const state = this[kState];
  if (state.finalized) throw ERR_CRYPTO_HASH_FINALIZED();
  const fork = newState(state.name, state.key);
  if (state.rid === 0) {
    fork.chunks = state.chunks.slice(); // chunks are owned copies: share them
    fork.bytes = state.bytes;
  } else {
    fork.rid = ops().op_nodecrypto_hash_copy(state.rid, state.chunks);
    state.chunks = [];
    state.bytes = 0;
  }
  const copied = new Hash({ [kState]: fork }, options);
  if (fork.rid !== 0) {
    fork.token = {};
    dropHash.register(copied, fork.rid, fork.token);
  }
  return copied;
};
Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state.finalized) throw ERR_CRYPTO_HASH_FINALIZED();
  return encodeOutput(finish(state), outputEncoding);
};
Hash.prototype._transform = streamTransform;
Hash.prototype._flush = function _flush(callback) {
  this.push(asBuffer(finish(this[kState])));
  callback();
};

export function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

export function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, "hmac");
  const encoding = options !== null && typeof options === "object" ? options.encoding : undefined;
  let keyBytes;
  if (key instanceof KeyObject) {
    if (key.type !== "secret") throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, "secret");
    keyBytes = key[kKeyData];
  } else if (internals.crypto.CryptoKey !== undefined && key instanceof internals.crypto.CryptoKey) {
    throw ERR_METHOD_NOT_IMPLEMENTED("createHmac with a CryptoKey (use a KeyObject or the raw key)");
  } else if (typeof key !== "string" && !isView(key) && !isAnyArrayBuffer(key)) {
    throw ERR_INVALID_ARG_TYPE("key", ["ArrayBuffer", "Buffer", "ArrayBufferView", "string", "KeyObject", "CryptoKey"], key);
  } else {
    keyBytes = copyBytes(toBytes(key, "key", encoding));
  }
  const name = lookupDigest(hmac);
  if (name === undefined) throw digestNotSupported();
  this[kState] = newState(name, keyBytes);
  this[kOptions] = options;
}
lazyStream(Hmac.prototype);
if (Transform !== null) Object.setPrototypeOf(Hmac, Transform);

Hmac.prototype.update = update;
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state.finalized) return outputEncoding === undefined || outputEncoding === "buffer" ? Buffer.alloc(0) : "";
  return encodeOutput(finish(state), outputEncoding);
};
Hmac.prototype._transform = streamTransform;
Hmac.prototype._flush = Hash.prototype._flush;

export function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// Node 21+ one-shot: crypto.hash(algorithm, data, outputEncoding = "hex").
export function hash(algorithm, data, outputEncoding = "hex") {
  validateString(algorithm, "algorithm");
  validateString(outputEncoding, "outputEncoding");
  let bytes;
  if (typeof data === "string") bytes = utf8Encode(data);
  else if (isView(data)) bytes = bytesOf(data);
  else throw ERR_INVALID_ARG_TYPE("data", ["string", "Buffer", "TypedArray", "DataView"], data);
  const name = lookupDigest(algorithm);
  if (name === undefined) throw digestNotSupported();
  if (name === "sha256" && bytes.byteLength <= JS_SHA256_BYTES) return encodeOutput(sha256([bytes], bytes.byteLength), outputEncoding);
  return encodeOutput(ops().op_nodecrypto_digest(name, undefined, bytes), outputEncoding);
}

// -- random -----------------------------------------------------------------------------------
const randomFillBytes = (u8) => {
  if (u8.byteLength > 0) u8.set(internals.crypto.randomBytes(u8.byteLength));
};

export function randomBytes(size, callback) {
  validateInteger(size, "size", 0, kMaxLength);
  if (callback !== undefined) validateFunction(callback, "callback");
  const buf = asBuffer(internals.crypto.randomBytes(size));
  if (callback === undefined) return buf;
  queueMicrotask(() => callback(null, buf));
  return undefined;
}
export const pseudoRandomBytes = randomBytes;

function checkFillTarget(buffer) {
  if (!isAnyArrayBuffer(buffer) && !isView(buffer)) {
    throw ERR_INVALID_ARG_TYPE("buffer", ["TypedArray", "DataView", "ArrayBuffer", "SharedArrayBuffer"], buffer);
  }
  return isView(buffer) ? bytesOf(buffer) : new Uint8Array(buffer);
}

export function randomFillSync(buffer, offset = undefined, size = undefined) {
  const bytes = checkFillTarget(buffer);
  const max = bytes.byteLength;
  if (offset !== undefined) validateInteger(offset, "offset", 0, kMaxLength);
  else offset = 0;
  if (size !== undefined) validateInteger(size, "size", 0, max - offset);
  else size = max - offset;
  randomFillBytes(bytes.subarray(offset, offset + size));
  return buffer;
}

export function randomFill(buffer, offset, size, callback) {
  const bytes = checkFillTarget(buffer);
  const max = bytes.byteLength;
  let start = 0;
  let count = max;
  if (typeof callback === "function") {
    validateInteger(offset, "offset", 0, max);
    validateInteger(size, "size", 0, max - offset);
    start = offset;
    count = size;
  } else if (typeof size === "function") {
    validateInteger(offset, "offset", 0, max);
    start = offset;
    count = max - offset;
    callback = size;
  } else if (typeof offset === "function") {
    callback = offset;
  }
  validateFunction(callback, "callback");
  randomFillBytes(bytes.subarray(start, start + count));
  queueMicrotask(() => callback(null, buffer));
}

const RAND_MAX = 0xffff_ffff_ffff; // 48 bits: six random bytes per draw
function randomIntBetween(min, max) {
  const range = max - min;
  if (!(range <= RAND_MAX)) throw ERR_OUT_OF_RANGE(`max${max ? "" : " - min"}`, `<= ${RAND_MAX}`, range);
  const limit = RAND_MAX - (RAND_MAX % range); // draws at or above it would bias the modulo
  for (;;) {
    const b = internals.crypto.randomBytes(6);
    const x = ((b[0] * 256 + b[1]) * 256 + b[2]) * 2 ** 24 + ((b[3] << 16) | (b[4] << 8) | b[5]);
    if (x < limit) return (x % range) + min;
  }
}

export function randomInt(min, max, callback) {
  let lo;
  let hi;
  if (typeof callback === "function") {
    validateInteger(min, "min");
    validateInteger(max, "max");
    lo = min;
    hi = max;
  } else if (typeof max === "function") {
    validateInteger(min, "max");
    lo = 0;
    hi = min;
    callback = max;
  } else if (arguments.length >= 2) {
    validateInteger(min, "min");
    validateInteger(max, "max");
    lo = min;
    hi = max;
  } else {
    validateInteger(min, "max");
    lo = 0;
    hi = min;
  }
  if (lo >= hi) throw ERR_OUT_OF_RANGE("min", "min < max", lo);
  if (typeof callback !== "function") return randomIntBetween(lo, hi);
  let n;
  try {
    n = randomIntBetween(lo, hi);
  } catch (e) {
    queueMicrotask(() => callback(e));
    return undefined;
  }
  queueMicrotask(() => callback(null, n));
  return undefined;
}

export function randomUUID(options) {
  if (options !== undefined) {
    validateObject(options, "options");
    if (options.disableEntropyCache !== undefined) {
      validateBoolean(options.disableEntropyCache, "options.disableEntropyCache");
    }
  }
  return webcryptoObject.randomUUID();
}

export const getRandomValues = (array) => webcryptoObject.getRandomValues(array);
export const webcrypto = webcryptoObject;
export const subtle = webcryptoObject.subtle;

// workerd: subtle.timingSafeEqual (TypeError for unequal lengths or non-buffers).
export function timingSafeEqual(a, b) {
  return webcryptoObject.subtle.timingSafeEqual(a, b);
}

// -- key derivation ---------------------------------------------------------------------------
function pbkdf2Check(password, salt, iterations, keylen, digest) {
  validateString(digest, "digest");
  const pw = toBytes(password, "password");
  const s = toBytes(salt, "salt");
  validateInt32(iterations, "iterations", 1);
  validateInt32(keylen, "keylen", 0);
  const name = lookupDigest(digest);
  if (name === undefined) throw new TypeError(`Invalid Pbkdf2 digest: ${digest}.`);
  return [pw, s, iterations, keylen, name];
}

export function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return asBuffer(ops().op_nodecrypto_pbkdf2(...pbkdf2Check(password, salt, iterations, keylen, digest)));
}

// The callback forms compute now (the ops are synchronous) and call back from a microtask.
function callLater(callback, compute) {
  let result;
  try {
    result = compute();
  } catch (e) {
    queueMicrotask(() => callback(e));
    return;
  }
  queueMicrotask(() => callback(null, result));
}

export function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === "function") validateString(undefined, "digest");
  validateFunction(callback, "callback");
  const args = pbkdf2Check(password, salt, iterations, keylen, digest);
  callLater(callback, () => asBuffer(ops().op_nodecrypto_pbkdf2(...args)));
}

const SCRYPT_DEFAULTS = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
function scryptCheck(password, salt, keylen, options) {
  const pw = toBytes(password, "password");
  const s = toBytes(salt, "salt");
  validateInteger(keylen, "keylen", 0, kMaxLength);
  let { N, r, p, maxmem } = SCRYPT_DEFAULTS;
  if (options !== undefined && options !== null) {
    const pick = (main, alias) => {
      let value;
      if (options[main] !== undefined) {
        value = options[main];
        validateUint32(value, main);
      }
      if (options[alias] !== undefined) {
        if (value !== undefined) throw ERR_INVALID_ARG_VALUE(alias, options[alias]);
        value = options[alias];
        validateUint32(value, alias);
      }
      return value;
    };
    N = pick("N", "cost") ?? N;
    r = pick("r", "blockSize") ?? r;
    p = pick("p", "parallelization") ?? p;
    if (options.maxmem !== undefined) {
      validateInteger(options.maxmem, "maxmem", 0);
      maxmem = options.maxmem;
    }
    N ||= SCRYPT_DEFAULTS.N;
    r ||= SCRYPT_DEFAULTS.r;
    p ||= SCRYPT_DEFAULTS.p;
    maxmem ||= SCRYPT_DEFAULTS.maxmem;
  }
  return [pw, s, N, r, p, maxmem, keylen];
}

export function scryptSync(password, salt, keylen, options) {
  return asBuffer(ops().op_nodecrypto_scrypt(...scryptCheck(password, salt, keylen, options)));
}

export function scrypt(password, salt, keylen, options, callback) {
  if (callback === undefined) {
    callback = options;
    options = undefined;
  }
  const args = scryptCheck(password, salt, keylen, options);
  validateFunction(callback, "callback");
  callLater(callback, () => asBuffer(ops().op_nodecrypto_scrypt(...args)));
}

function hkdfCheck(digest, key, salt, info, length) {
  if (key instanceof KeyObject) key = key[kKeyData];
  validateString(digest, "digest");
  const ikm = toBytes(key, "ikm", undefined, ["string", "SecretKeyObject", "ArrayBuffer", "TypedArray", "DataView", "Buffer"]);
  const s = toBytes(salt, "salt");
  const i = toBytes(info, "info");
  validateInteger(length, "length", 0, kMaxLength);
  if (i.byteLength > 1024) throw ERR_OUT_OF_RANGE("info", "must not contain more than 1024 bytes", i.byteLength);
  const name = lookupDigest(digest);
  if (name === undefined || name === "md5-sha1") throw new TypeError(`Invalid Hkdf digest: ${digest}`);
  return [name, ikm, s, i, length];
}

const toArrayBuffer = (u8) =>
  u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer;

export function hkdfSync(digest, key, salt, info, length) {
  return toArrayBuffer(ops().op_nodecrypto_hkdf(...hkdfCheck(digest, key, salt, info, length)));
}

export function hkdf(digest, key, salt, info, length, callback) {
  const args = hkdfCheck(digest, key, salt, info, length);
  validateFunction(callback, "callback");
  callLater(callback, () => toArrayBuffer(ops().op_nodecrypto_hkdf(...args)));
}

// -- KeyObject (secret keys) ------------------------------------------------------------------
const kKeyData = Symbol("kKeyData");
const kKeyType = Symbol("kKeyType");
const kKeyConstruct = Symbol("kKeyConstruct");

export class KeyObject {
  constructor(type, data) {
    if (type !== kKeyConstruct) throw ERR_METHOD_NOT_IMPLEMENTED("KeyObject constructor");
    this[kKeyType] = "secret";
    this[kKeyData] = data;
  }
  static from(key) {
    throw ERR_METHOD_NOT_IMPLEMENTED("KeyObject.from");
  }
  get type() {
    return this[kKeyType];
  }
  equals(other) {
    if (!(other instanceof KeyObject)) throw ERR_INVALID_ARG_TYPE("otherKeyObject", "KeyObject", other);
    if (other.type !== this.type) return false;
    const a = this[kKeyData];
    const b = other[kKeyData];
    return a.byteLength === b.byteLength && webcryptoObject.subtle.timingSafeEqual(a, b);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: "KeyObject", configurable: true });

export class SecretKeyObject extends KeyObject {
  get symmetricKeySize() {
    return this[kKeyData].byteLength;
  }
  export(options) {
    if (options !== undefined) {
      validateObject(options, "options");
      if (options.format === "jwk") {
        return { kty: "oct", ext: true, k: Buffer.from(this[kKeyData]).toString("base64url") };
      }
      if (options.format !== undefined && options.format !== "buffer") {
        throw ERR_INVALID_ARG_VALUE("options.format", options.format, "must be one of: undefined, 'buffer', 'jwk'");
      }
    }
    return Buffer.from(this[kKeyData]);
  }
}
export class PublicKeyObject extends KeyObject {}
export class PrivateKeyObject extends KeyObject {}

export function createSecretKey(key, encoding) {
  const bytes = copyBytes(toBytes(key, "key", encoding, ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"]));
  return new SecretKeyObject(kKeyConstruct, bytes);
}

// -- ciphers (AES) ----------------------------------------------------------------------------
// name -> [mode, key bytes, iv bytes (0: none; -1: any length, GCM)]
const CIPHERS = { __proto__: null };
for (const bits of [128, 192, 256]) {
  for (const [mode, iv] of [["cbc", 16], ["ecb", 0], ["ctr", 16], ["ofb", 16], ["gcm", -1]]) {
    CIPHERS[`aes-${bits}-${mode}`] = [mode, bits / 8, iv];
  }
}
const dropCipher = new FinalizationRegistry((rid) => {
  try {
    internals.ops.op_nodecrypto_cipher_drop(rid);
  } catch {
    // the isolate is going away
  }
});
const kCipher = Symbol("kCipher");

function Cipher(decrypt, cipher, key, iv, options) {
  validateString(cipher, "cipher");
  const spec = CIPHERS[cipher.toLowerCase()];
  if (spec === undefined) throw ERR_CRYPTO_UNKNOWN_CIPHER();
  const [mode, keyLength, ivLength] = spec;
  const encoding = options !== null && typeof options === "object" ? options.encoding : undefined;
  const k = key instanceof KeyObject ? key[kKeyData] : toBytes(key, "key", encoding);
  if (k.byteLength !== keyLength) throw ERR_CRYPTO_INVALID_KEYLEN();
  let v = new Uint8Array(0);
  if (iv !== null && iv !== undefined) v = toBytes(iv, "iv", encoding);
  else if (ivLength !== 0) throw ERR_INVALID_ARG_TYPE("iv", ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"], iv);
  if (ivLength === -1 ? v.byteLength === 0 : v.byteLength !== ivLength) throw ERR_CRYPTO_INVALID_IV();
  if (mode === "gcm" && options?.authTagLength !== undefined) validateUint32(options.authTagLength, "options.authTagLength");
  const rid = ops().op_nodecrypto_cipher_open(mode, k, v, decrypt);
  this[kCipher] = { rid, mode, decrypt, done: false, tag: null, tagLength: options?.authTagLength ?? 16, decoder: null };
  this[kOptions] = options;
  dropCipher.register(this, rid, this[kCipher]);
}

const cipherProto = {
  update(data, inputEncoding, outputEncoding) {
    const c = this[kCipher];
    if (c.done) throw ERR_CRYPTO_INVALID_STATE("update");
    let bytes;
    if (typeof data === "string") bytes = encodeString(data, inputEncoding);
    else if (isView(data)) bytes = bytesOf(data);
    else throw ERR_INVALID_ARG_TYPE("data", ["string", "Buffer", "TypedArray", "DataView"], data);
    return encodeOutput(ops().op_nodecrypto_cipher_update(c.rid, bytes), outputEncoding);
  },
  final(outputEncoding) {
    const c = this[kCipher];
    if (c.done) throw ERR_CRYPTO_INVALID_STATE("final");
    c.done = true;
    dropCipher.unregister(c);
    const [out, tag] = ops().op_nodecrypto_cipher_final(c.rid);
    if (c.mode === "gcm" && !c.decrypt) c.tag = tag.subarray(0, c.tagLength);
    return encodeOutput(out, outputEncoding);
  },
  setAutoPadding(autoPadding = true) {
    const c = this[kCipher];
    if (c.done) throw ERR_CRYPTO_INVALID_STATE("setAutoPadding");
    ops().op_nodecrypto_cipher_set(c.rid, "padding", !!autoPadding);
    return this;
  },
  setAAD(buffer, options) {
    const c = this[kCipher];
    if (c.done || c.mode !== "gcm") throw ERR_CRYPTO_INVALID_STATE("setAAD");
    ops().op_nodecrypto_cipher_set(c.rid, "aad", toBytes(buffer, "buffer"));
    return this;
  },
  _transform(chunk, encoding, callback) {
    try {
      this.push(this.update(chunk, encoding === "buffer" ? undefined : encoding));
    } catch (e) {
      callback(e);
      return;
    }
    callback();
  },
  _flush(callback) {
    try {
      this.push(this.final());
    } catch (e) {
      callback(e);
      return;
    }
    callback();
  },
};

export function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  Cipher.call(this, false, cipher, key, iv, options);
}
Object.assign(Cipheriv.prototype, cipherProto);
Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const c = this[kCipher];
  if (c.mode !== "gcm" || c.tag === null) throw ERR_CRYPTO_INVALID_STATE("getAuthTag");
  return asBuffer(c.tag);
};
lazyStream(Cipheriv.prototype);

export function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  Cipher.call(this, true, cipher, key, iv, options);
}
Object.assign(Decipheriv.prototype, cipherProto);
Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const c = this[kCipher];
  if (c.done || c.mode !== "gcm" || c.tag !== null) throw ERR_CRYPTO_INVALID_STATE("setAuthTag");
  const tag = toBytes(tagbuf, "buffer", encoding);
  if (tag.byteLength < 4 || tag.byteLength > 16) {
    throw nodeError(TypeError, "ERR_CRYPTO_INVALID_AUTH_TAG", `Invalid authentication tag length: ${tag.byteLength}`);
  }
  c.tag = tag;
  ops().op_nodecrypto_cipher_set(c.rid, "tag", tag);
  return this;
};
lazyStream(Decipheriv.prototype);

export function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}
export function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

export function getCiphers() {
  return Object.keys(CIPHERS);
}

export function getCurves() {
  return ["secp224r1", "prime256v1", "secp384r1", "secp521r1"];
}

// -- not implemented (a clear error naming the function) --------------------------------------
const notImplemented = (name) => {
  const fn = function () {
    throw ERR_METHOD_NOT_IMPLEMENTED(name);
  };
  Object.defineProperty(fn, "name", { value: name });
  return fn;
};
export const createCipher = notImplemented("crypto.createCipher");
export const createDecipher = notImplemented("crypto.createDecipher");
export const createSign = notImplemented("crypto.createSign");
export const createVerify = notImplemented("crypto.createVerify");
export const sign = notImplemented("crypto.sign");
export const verify = notImplemented("crypto.verify");
export const createPublicKey = notImplemented("crypto.createPublicKey");
export const createPrivateKey = notImplemented("crypto.createPrivateKey");
export const generateKey = notImplemented("crypto.generateKey");
export const generateKeySync = notImplemented("crypto.generateKeySync");
export const generateKeyPair = notImplemented("crypto.generateKeyPair");
export const generateKeyPairSync = notImplemented("crypto.generateKeyPairSync");
export const publicEncrypt = notImplemented("crypto.publicEncrypt");
export const publicDecrypt = notImplemented("crypto.publicDecrypt");
export const privateEncrypt = notImplemented("crypto.privateEncrypt");
export const privateDecrypt = notImplemented("crypto.privateDecrypt");
export const createDiffieHellman = notImplemented("crypto.createDiffieHellman");
export const createDiffieHellmanGroup = notImplemented("crypto.createDiffieHellmanGroup");
export const getDiffieHellman = notImplemented("crypto.getDiffieHellman");
export const diffieHellman = notImplemented("crypto.diffieHellman");
export const createECDH = notImplemented("crypto.createECDH");
export const generatePrime = notImplemented("crypto.generatePrime");
export const generatePrimeSync = notImplemented("crypto.generatePrimeSync");
export const checkPrime = notImplemented("crypto.checkPrime");
export const checkPrimeSync = notImplemented("crypto.checkPrimeSync");
export const getCipherInfo = notImplemented("crypto.getCipherInfo");
export const setEngine = notImplemented("setEngine");
export const setFips = notImplemented("setFips");
export const Sign = notImplemented("crypto.Sign");
export const Verify = notImplemented("crypto.Verify");
export const DiffieHellman = notImplemented("crypto.DiffieHellman");
export const DiffieHellmanGroup = notImplemented("crypto.DiffieHellmanGroup");
export const ECDH = notImplemented("crypto.ECDH");
export const Certificate = notImplemented("crypto.Certificate");
export const X509Certificate = notImplemented("crypto.X509Certificate");

export const fips = true; // workerd: always FIPS mode
export function getFips() {
  return fips;
}
export function secureHeapUsed() {
  return { total: 0, used: 0, utilization: 0, min: 0 };
}

// workerd's constants: non-enumerable, read-only, on a null-prototype object.
export const constants = Object.create(null);
for (const [name, value] of Object.entries({
  OPENSSL_VERSION_NUMBER: 0, SSL_OP_ALL: 2147485776, SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TLSv1: 67108864, SSL_OP_NO_TLSv1_1: 268435456, SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912, SSL_OP_NO_COMPRESSION: 131072, SSL_OP_NO_TICKET: 16384,
  DH_CHECK_P_NOT_SAFE_PRIME: 2, DH_CHECK_P_NOT_PRIME: 1, DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8, RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2, POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
})) {
  Object.defineProperty(constants, name, { value, writable: false, configurable: false, enumerable: false });
}

export default {
  Hash, Hmac, KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject, Cipheriv, Decipheriv,
  Sign, Verify, DiffieHellman, DiffieHellmanGroup, ECDH, Certificate, X509Certificate,
  createHash, createHmac, hash, getHashes, getCiphers, getCurves,
  randomBytes, pseudoRandomBytes, randomFillSync, randomFill, randomInt, randomUUID, getRandomValues,
  timingSafeEqual, pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync, createSecretKey,
  createCipheriv, createDecipheriv, createCipher, createDecipher, createSign, createVerify, sign, verify,
  createPublicKey, createPrivateKey, generateKey, generateKeySync, generateKeyPair, generateKeyPairSync,
  publicEncrypt, publicDecrypt, privateEncrypt, privateDecrypt, createDiffieHellman,
  createDiffieHellmanGroup, getDiffieHellman, diffieHellman, createECDH, generatePrime, generatePrimeSync,
  checkPrime, checkPrimeSync, getCipherInfo, setEngine, setFips, getFips, fips, secureHeapUsed,
  webcrypto, subtle, constants,
};
