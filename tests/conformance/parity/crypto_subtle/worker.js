// crypto.subtle, deterministic operations only: digest, HMAC, key import/export,
// fixed-IV AES, PBKDF2/HKDF, Ed25519 signatures, DigestStream, timingSafeEqual.
import { serve, hex } from "./harness.js";

const enc = (s) => new TextEncoder().encode(s);
const subtle = () => crypto.subtle;
const digestHex = async (alg, s) => hex(await subtle().digest(alg, enc(s)));
const hmacKey = (usages = ["sign", "verify"], hash = "SHA-256", extractable = true) =>
  subtle().importKey("raw", enc("secret key"), { name: "HMAC", hash }, extractable, usages);
const keyShape = (k) => ({ type: k.type, extractable: k.extractable, algorithm: k.algorithm, usages: k.usages });
const ED_PKCS8 = "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const fromHex = (h) => new Uint8Array(h.match(/../g).map((b) => parseInt(b, 16)));

const cases = {
  "digest-sha1": () => digestHex("SHA-1", "abc"),
  "digest-sha256": () => digestHex("SHA-256", "abc"),
  "digest-sha384": () => digestHex("SHA-384", "abc"),
  "digest-sha512": () => digestHex("SHA-512", "abc"),
  "digest-md5": () => digestHex("MD5", "abc"),
  "digest-empty-input": () => digestHex("SHA-256", ""),
  "digest-algorithm-object": async () => hex(await subtle().digest({ name: "sha-256" }, enc("abc"))),
  "digest-lowercase-name": () => digestHex("sha-1", "abc"),
  "digest-unknown-algorithm": () => subtle().digest("SHA-999", enc("x")),
  "digest-string-data": () => subtle().digest("SHA-256", "abc"),
  "digest-array-buffer-input": async () => hex(await subtle().digest("SHA-256", enc("abc").buffer)),
  "digest-returns-array-buffer": async () => Object.prototype.toString.call(await subtle().digest("SHA-256", enc(""))),
  "hmac-import-key-shape": async () => keyShape(await hmacKey()),
  "hmac-sign-sha256": async () => hex(await subtle().sign("HMAC", await hmacKey(), enc("message"))),
  "hmac-sign-sha512": async () => hex(await subtle().sign("HMAC", await hmacKey(["sign"], "SHA-512"), enc("message"))),
  "hmac-verify-true": async () => { const k = await hmacKey(); const sig = await subtle().sign("HMAC", k, enc("m")); return subtle().verify("HMAC", k, sig, enc("m")); },
  "hmac-verify-false": async () => { const k = await hmacKey(); return subtle().verify("HMAC", k, new Uint8Array(32), enc("m")); },
  "hmac-sign-without-usage": async () => subtle().sign("HMAC", await hmacKey(["verify"]), enc("m")),
  "hmac-export-raw": async () => hex(await subtle().exportKey("raw", await hmacKey())),
  "hmac-export-jwk": async () => JSON.parse(JSON.stringify(await subtle().exportKey("jwk", await hmacKey()))),
  "hmac-export-non-extractable": async () => subtle().exportKey("raw", await hmacKey(["sign"], "SHA-256", false)),
  "hmac-import-jwk": async () => { const k = await subtle().importKey("jwk", { kty: "oct", k: "c2VjcmV0IGtleQ", alg: "HS256" }, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]); return [keyShape(k), hex(await subtle().sign("HMAC", k, enc("message")))]; },
  "hmac-import-jwk-alg-mismatch": async () => subtle().importKey("jwk", { kty: "oct", k: "c2VjcmV0IGtleQ", alg: "HS512" }, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]),
  "hmac-import-empty-usages": async () => subtle().importKey("raw", enc("k"), { name: "HMAC", hash: "SHA-256" }, true, []),
  "hmac-import-bad-usage": async () => subtle().importKey("raw", enc("k"), { name: "HMAC", hash: "SHA-256" }, true, ["encrypt"]),
  "hmac-import-missing-hash": async () => subtle().importKey("raw", enc("k"), { name: "HMAC" }, true, ["sign"]),
  "hmac-import-empty-key": async () => subtle().importKey("raw", new Uint8Array(0), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]),
  "import-unknown-format": async () => subtle().importKey("pem", enc("k"), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]),
  "import-unknown-algorithm": async () => subtle().importKey("raw", enc("k"), { name: "NOPE" }, true, ["sign"]),
  "aes-gcm-fixed-iv-encrypt": async () => { const k = await subtle().importKey("raw", new Uint8Array(16).fill(1), "AES-GCM", false, ["encrypt"]); return hex(await subtle().encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, k, enc("plain text"))); },
  "aes-gcm-decrypt-tampered": async () => { const k = await subtle().importKey("raw", new Uint8Array(16).fill(1), "AES-GCM", false, ["encrypt", "decrypt"]); const ct = new Uint8Array(await subtle().encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, k, enc("x"))); ct[0] ^= 1; return subtle().decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, k, ct); },
  "aes-cbc-fixed-iv-encrypt": async () => { const k = await subtle().importKey("raw", new Uint8Array(32).fill(2), "AES-CBC", true, ["encrypt"]); return hex(await subtle().encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, k, enc("sixteen byte msg!"))); },
  "aes-import-bad-length": async () => subtle().importKey("raw", new Uint8Array(15), "AES-GCM", false, ["encrypt"]),
  "aes-key-used-for-hmac-sign": async () => { const k = await subtle().importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt"]); return subtle().sign("HMAC", k, enc("m")); },
  "aes-export-jwk": async () => JSON.parse(JSON.stringify(await subtle().exportKey("jwk", await subtle().importKey("raw", new Uint8Array(16).fill(3), "AES-CTR", true, ["encrypt"])))),
  "pbkdf2-derive-bits": async () => { const k = await subtle().importKey("raw", enc("password"), "PBKDF2", false, ["deriveBits"]); return hex(await subtle().deriveBits({ name: "PBKDF2", salt: enc("salt"), iterations: 1000, hash: "SHA-256" }, k, 256)); },
  "hkdf-derive-bits": async () => { const k = await subtle().importKey("raw", enc("input key"), "HKDF", false, ["deriveBits"]); return hex(await subtle().deriveBits({ name: "HKDF", salt: enc("salt"), info: enc("info"), hash: "SHA-256" }, k, 128)); },
  "ed25519-sign-deterministic": async () => { const k = await subtle().importKey("pkcs8", fromHex(ED_PKCS8), { name: "Ed25519" }, false, ["sign"]); return hex(await subtle().sign("Ed25519", k, new Uint8Array(0))); },
  "timing-safe-equal": () => [crypto.subtle.timingSafeEqual(enc("abc"), enc("abc")), crypto.subtle.timingSafeEqual(enc("abc"), enc("abd"))],
  "timing-safe-equal-length-mismatch": () => crypto.subtle.timingSafeEqual(enc("a"), enc("ab")),
  "digest-stream": async () => { const s = new crypto.DigestStream("SHA-256"); const w = s.getWriter(); await w.write(enc("a")); await w.write(enc("bc")); await w.close(); return hex(await s.digest); },
  "crypto-key-class": async () => { const k = await hmacKey(); return [k instanceof CryptoKey, Object.prototype.toString.call(k), Object.prototype.toString.call(crypto.subtle)]; },
};

export default serve(cases);
