// The `crypto` global: getRandomValues() and randomUUID() (workerd
// api/crypto/crypto.c++). `crypto.subtle` is attached later by 30_crypto.js
// through `internals.crypto.cryptoObject`.
//
// Random bytes come from os.urandom via op_random_bytes, pooled POOL_SIZE at a
// time so typical calls (a UUID, a 16-byte nonce) cross no boundary.
//
// Exports `internals.crypto = { Crypto, cryptoObject, randomBytes(n) -> Uint8Array }`.
"use strict";
((internals) => {
  const { TypeError, Uint8Array, Object, Symbol, ArrayBuffer } = globalThis;
  const DOMException = internals.DOMException;

  const POOL_SIZE = 4096;
  const MAX_BYTES = 65536;
  let pool = null; // filled on first use (never in the snapshot)
  let poolPos = 0;

  // Fill `target` (a Uint8Array) with random bytes.
  function fillRandom(target) {
    const n = target.length;
    if (n > POOL_SIZE / 2) {
      target.set(internals.ops.op_random_bytes(n));
      return;
    }
    if (pool === null || poolPos + n > pool.length) {
      pool = internals.ops.op_random_bytes(POOL_SIZE);
      poolPos = 0;
    }
    target.set(pool.subarray(poolPos, poolPos + n));
    pool.fill(0, poolPos, poolPos + n); // hand out each byte once
    poolPos += n;
  }

  function randomBytes(n) {
    const out = new Uint8Array(n);
    for (let off = 0; off < n; off += MAX_BYTES) fillRandom(out.subarray(off, Math.min(off + MAX_BYTES, n)));
    return out;
  }

  const INTEGER_TYPES = new Set([
    "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
    "Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array",
  ]);
  const typedArrayTag = Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Uint8Array).prototype, Symbol.toStringTag).get;

  const kConstruct = Symbol("isolet.Crypto.construct");
  const HEX = [];
  for (let i = 0; i < 256; i++) HEX.push((i < 16 ? "0" : "") + i.toString(16));

  // workerd's message for a method called on something that is not its object.
  const ILLEGAL_INVOCATION = "Illegal invocation: function called with incorrect `this` reference. " +
    "See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.";

  class Crypto {
    #brand = true;
    static isCrypto(value) { return value !== null && typeof value === "object" && #brand in value; }
    constructor(key = undefined) {
      if (key !== kConstruct) throw new TypeError("Illegal constructor");
    }
    getRandomValues(array) {
      if (!isCrypto(this)) throw new TypeError(ILLEGAL_INVOCATION);
      // workerd reports a missing argument like any other non-view one.
      if (!ArrayBuffer.isView(array)) {
        throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'JsArrayBufferView'.");
      }
      const tag = typedArrayTag.call(array);
      if (!INTEGER_TYPES.has(tag)) {
        throw new DOMException(
          "ArrayBufferView argument to getRandomValues() must be an integer-typed view.", "TypeMismatchError");
      }
      if (array.byteLength > MAX_BYTES) {
        throw new DOMException(
          `getRandomValues() only accepts buffers of size <= 64K but provided ${array.byteLength} bytes.`,
          "QuotaExceededError");
      }
      fillRandom(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      return array;
    }
    randomUUID() {
      if (!isCrypto(this)) throw new TypeError(ILLEGAL_INVOCATION);
      const b = new Uint8Array(16);
      fillRandom(b);
      b[6] = (b[6] & 0x0f) | 0x40; // version 4
      b[8] = (b[8] & 0x3f) | 0x80; // variant 10
      return HEX[b[0]] + HEX[b[1]] + HEX[b[2]] + HEX[b[3]] + "-" + HEX[b[4]] + HEX[b[5]] + "-" +
        HEX[b[6]] + HEX[b[7]] + "-" + HEX[b[8]] + HEX[b[9]] + "-" + HEX[b[10]] + HEX[b[11]] +
        HEX[b[12]] + HEX[b[13]] + HEX[b[14]] + HEX[b[15]];
    }
  }
  const isCrypto = Crypto.isCrypto;
  delete Crypto.isCrypto;
  Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: "Crypto", configurable: true });

  const cryptoObject = new Crypto(kConstruct);
  internals.crypto = { __proto__: null, Crypto, cryptoObject, randomBytes };
  internals.exposeGlobal("Crypto", Crypto);
  internals.exposeGlobal("crypto", cryptoObject);
})(globalThis.__isolet_internals);
