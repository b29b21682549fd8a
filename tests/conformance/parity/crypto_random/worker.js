// crypto.getRandomValues / crypto.randomUUID: shapes and errors only (never the random values).
import { serve } from "./harness.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const cases = {
  "get-random-values-returns-same-array": () => { const a = new Uint8Array(8); return crypto.getRandomValues(a) === a; },
  "get-random-values-types": () => [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array].map((T) => { try { return [T.name, crypto.getRandomValues(new T(2)).length]; } catch (e) { return [T.name, e.name]; } }),
  "get-random-values-float32": () => crypto.getRandomValues(new Float32Array(2)),
  "get-random-values-float64": () => crypto.getRandomValues(new Float64Array(2)),
  "get-random-values-data-view": () => crypto.getRandomValues(new DataView(new ArrayBuffer(4))),
  "get-random-values-array-buffer": () => crypto.getRandomValues(new ArrayBuffer(4)),
  "get-random-values-plain-array": () => crypto.getRandomValues([1, 2]),
  "get-random-values-65536-ok": () => crypto.getRandomValues(new Uint8Array(65536)).length,
  "get-random-values-65537-quota": () => crypto.getRandomValues(new Uint8Array(65537)),
  "get-random-values-quota-counts-bytes": () => crypto.getRandomValues(new Uint32Array(16385)),
  "get-random-values-empty": () => crypto.getRandomValues(new Uint8Array(0)).length,
  "get-random-values-no-argument": () => crypto.getRandomValues(),
  "get-random-values-fills-subarray-only": () => { const a = new Uint8Array(64); crypto.getRandomValues(a.subarray(0, 32)); return a.subarray(32).every((b) => b === 0); },
  "get-random-values-unbound": () => { const f = crypto.getRandomValues; return f(new Uint8Array(1)).length; },
  "random-uuid-format": () => UUID_V4.test(crypto.randomUUID()),
  "random-uuid-unique": () => crypto.randomUUID() !== crypto.randomUUID(),
  "random-uuid-length": () => crypto.randomUUID().length,
  "crypto-shape": () => [typeof crypto, Object.prototype.toString.call(crypto), crypto instanceof Crypto, typeof crypto.subtle],
  "crypto-constructor-illegal": () => new Crypto(),
};

export default serve(cases);
