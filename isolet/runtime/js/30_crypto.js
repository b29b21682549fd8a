// `crypto.subtle` (SubtleCrypto, CryptoKey), `crypto.DigestStream` and
// `crypto.subtle.timingSafeEqual` (workerd api/crypto/*.c++).
//
// JS owns the WebIDL surface: algorithm normalisation, usage sets, the
// CryptoKey object, JWK shape and the error classes and messages (workerd's
// wording). Python ops (runtime/ops/crypto.py, crypto_keys.py) do the math and
// stay stateless: a CryptoKey keeps its material in a private slot (the raw
// secret, PKCS#8 DER for private keys, SPKI DER for public keys) and hands it
// to each op. Each method makes one op call, except wrapKey/unwrapKey and
// deriveKey (export/import + encrypt/derive).
//
// Attaches `subtle` and `DigestStream` to `internals.crypto.cryptoObject`;
// exposes the `SubtleCrypto` and `CryptoKey` globals.
"use strict";
((internals) => {
  const { TypeError, Uint8Array, ArrayBuffer, Object, Symbol, Promise, JSON, Set, FinalizationRegistry } = globalThis;
  const { requiredArguments, toDOMString, toBufferSource, isArrayBuffer } = internals.webidl;
  const DOMException = internals.DOMException;
  const { encode: b64encode, decode: b64decode } = internals.base64;
  const { utf8Encode, utf8Decode } = internals.encoding;
  const { randomBytes, cryptoObject } = internals.crypto;
  const ops = () => internals.ops;

  const domError = (name) => (message) => new DOMException(message, name);
  const notSupported = domError("NotSupportedError");
  const syntaxError = domError("SyntaxError");
  const invalidAccess = domError("InvalidAccessError");
  const dataError = domError("DataError");
  const operationError = domError("OperationError");

  // -- names ----------------------------------------------------------------------------------
  // Algorithm names match case-insensitively and normalise to these spellings.
  const ALGORITHMS = [
    "AES-CTR", "AES-CBC", "AES-GCM", "AES-KW", "HMAC", "PBKDF2", "HKDF",
    "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP", "ECDSA", "ECDH", "NODE-ED25519", "Ed25519", "X25519",
  ];
  const DIGESTS = ["SHA-1", "SHA-256", "SHA-384", "SHA-512", "MD5"];
  const CURVES = ["P-256", "P-384", "P-521"];
  const lookupIn = (list) => {
    const map = new Map(list.map((n) => [n.toUpperCase(), n]));
    return (name) => map.get(String(name).toUpperCase());
  };
  const lookupAlgorithm = lookupIn(ALGORITHMS);
  const lookupDigest = lookupIn(DIGESTS);
  const HASH_BLOCK_BITS = { "SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024, MD5: 512 };

  const USAGES = ["encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"];
  const AES_USAGES = ["encrypt", "decrypt", "wrapKey", "unwrapKey"];
  const KDF_USAGES = ["deriveKey", "deriveBits"];
  // name -> {secret} or {public, private} usage masks.
  const MASKS = {
    __proto__: null,
    "AES-CTR": { secret: AES_USAGES }, "AES-CBC": { secret: AES_USAGES }, "AES-GCM": { secret: AES_USAGES },
    "AES-KW": { secret: ["wrapKey", "unwrapKey"] },
    HMAC: { secret: ["sign", "verify"] },
    PBKDF2: { secret: KDF_USAGES }, HKDF: { secret: KDF_USAGES },
    "RSASSA-PKCS1-v1_5": { public: ["verify"], private: ["sign"] },
    "RSA-PSS": { public: ["verify"], private: ["sign"] },
    "RSA-OAEP": { public: ["encrypt", "wrapKey"], private: ["decrypt", "unwrapKey"] },
    ECDSA: { public: ["verify"], private: ["sign"] },
    ECDH: { public: [], private: KDF_USAGES },
    Ed25519: { public: ["verify"], private: ["sign"] },
    "NODE-ED25519": { public: ["verify"], private: ["sign"] },
    X25519: { public: [], private: KDF_USAGES },
  };
  const isRsa = (n) => n === "RSASSA-PKCS1-v1_5" || n === "RSA-PSS" || n === "RSA-OAEP";
  const isEc = (n) => n === "ECDSA" || n === "ECDH";
  const isOkp = (n) => n === "Ed25519" || n === "NODE-ED25519" || n === "X25519";
  const isAes = (n) => n !== undefined && n.startsWith("AES-");

  // -- argument conversion --------------------------------------------------------------------
  // AlgorithmIdentifier: a string or a dictionary with a `name`.
  function normalizeAlgorithm(alg, what = "algorithm") {
    if (typeof alg === "string") return { name: alg };
    if (alg === null || (typeof alg !== "object" && typeof alg !== "function")) {
      throw new TypeError(`Failed to convert ${what}: the value is neither a string nor an object.`);
    }
    if (alg.name === undefined) throw new TypeError(`Missing field "name" in "${what}".`);
    return { __proto__: alg, name: toDOMString(alg.name) };
  }
  function hashName(hash, what = "algorithm") {
    if (hash === undefined) throw new TypeError(`Missing field "hash" in "${what}".`);
    const name = typeof hash === "string" ? hash : normalizeAlgorithm(hash, "hash").name;
    const canonical = lookupDigest(name);
    if (canonical === undefined) throw notSupported("Unrecognized or unimplemented digest algorithm requested.");
    return canonical;
  }
  function bytesOf(v, member) {
    if (v === undefined) throw new TypeError(`Missing field "${member}" in "algorithm".`);
    return toBufferSource(v, `Failed to read the '${member}' property from 'algorithm'`).slice();
  }
  function toUsages(v) {
    if (v === null || typeof v !== "object" || typeof v[Symbol.iterator] !== "function") {
      throw new TypeError("Failed to convert keyUsages: the value is not a sequence.");
    }
    return Array.from(v, toDOMString);
  }
  // Validate usages against the mask; `ctx` is workerd's wording ("generate", "import secret", ...).
  function validateUsages(name, ctx, usages, mask) {
    for (const u of usages) {
      if (!mask.includes(u)) throw syntaxError(`Attempt to ${ctx} ${name} key with invalid usage "${u}".`);
    }
    return USAGES.filter((u) => usages.includes(u)); // canonical order, no duplicates
  }
  const bufferOf = (u8) =>
    (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer);
  // Run a method body so that every error becomes a rejection, as JSG does for promise methods.
  function promised(fn) {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e);
    }
  }

  // -- CryptoKey ------------------------------------------------------------------------------
  const kConstruct = Symbol("isolet.CryptoKey.construct");
  let recordOf;

  class CryptoKey {
    // { name, type, extractable, algorithm, usages, data: Uint8Array, hash?, namedCurve? }
    #r;
    constructor(key = undefined, record = undefined) {
      if (key !== kConstruct) throw new TypeError("Illegal constructor");
      this.#r = record;
    }
    get type() { return this.#r.type; }
    get extractable() { return this.#r.extractable; }
    get algorithm() { return this.#r.algorithm; }
    get usages() { return this.#r.usages.slice(); }
    static {
      recordOf = (k) => (k !== null && typeof k === "object" && #r in k ? k.#r : undefined);
    }
  }
  Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: "CryptoKey", configurable: true });

  // The public `algorithm` object of a key.
  function keyAlgorithm(name, facts) {
    const alg = { name };
    if (isAes(name)) alg.length = facts.length;
    if (name === "HMAC") { alg.length = facts.length; alg.hash = { name: facts.hash }; }
    if (isRsa(name)) {
      alg.modulusLength = facts.modulusLength;
      alg.publicExponent = new Uint8Array(facts.publicExponent);
      alg.hash = { name: facts.hash };
    }
    if (isEc(name)) alg.namedCurve = facts.namedCurve;
    if (name === "NODE-ED25519") alg.namedCurve = "NODE-ED25519";
    return alg;
  }

  function newKey(name, type, extractable, usages, data, facts) {
    return new CryptoKey(kConstruct, {
      name, type, extractable, usages, data,
      hash: facts.hash, namedCurve: facts.namedCurve,
      algorithm: keyAlgorithm(name, facts),
    });
  }

  // What an op sees of a key.
  function opKey(r) {
    const k = { name: r.name, type: r.type, data: r.data };
    if (r.hash !== undefined) k.hash = r.hash;
    if (r.namedCurve !== undefined) k.namedCurve = r.namedCurve;
    return k;
  }

  function requireKey(key, method, param) {
    const r = recordOf(key);
    if (r === undefined) {
      throw new TypeError(`Failed to execute '${method}' on 'SubtleCrypto': parameter ${param} is not of type 'CryptoKey'.`);
    }
    return r;
  }

  // workerd validateOperation().
  function validateOperation(r, requestedName, usage) {
    if (String(requestedName).toUpperCase() !== r.name.toUpperCase()) {
      throw invalidAccess(`Requested algorithm "${requestedName}" does not match this CryptoKey's algorithm "${r.name}".`);
    }
    if (!r.usages.includes(usage)) {
      throw invalidAccess(`Requested key usage "${usage}" does not match any usage listed in this CryptoKey.`);
    }
  }

  // -- per-operation parameters ---------------------------------------------------------------
  const GCM_TAG_LENGTHS = [32, 64, 96, 104, 112, 120, 128];
  function cipherParams(name, alg) {
    if (name === "AES-GCM") {
      const iv = bytesOf(alg.iv, "iv");
      if (iv.length === 0) throw operationError("AES-GCM IV must not be empty.");
      const tagLength = alg.tagLength === undefined ? 128 : Number(alg.tagLength);
      if (!GCM_TAG_LENGTHS.includes(tagLength)) throw operationError(`Invalid AES-GCM tag length ${tagLength}.`);
      const p = { iv, tagLength };
      if (alg.additionalData !== undefined) p.additionalData = bytesOf(alg.additionalData, "additionalData");
      return p;
    }
    if (name === "AES-CBC") {
      const iv = bytesOf(alg.iv, "iv");
      if (iv.length !== 16) throw operationError(`AES-CBC IV must be 16 bytes long (provided ${iv.length} bytes).`);
      return { iv };
    }
    if (name === "AES-CTR") {
      if (alg.counter === undefined) throw new TypeError('Missing "counter" member in "algorithm".');
      const counter = bytesOf(alg.counter, "counter");
      if (counter.length !== 16) throw operationError(`Counter must have length of 16 bytes (provided ${counter.length}).`);
      if (alg.length === undefined) throw new TypeError('Missing "length" member in "algorithm".');
      const length = Number(alg.length);
      if (!(length > 0 && length <= 128)) throw operationError(`Invalid counter of ${length} bits length provided.`);
      return { counter, length };
    }
    if (name === "RSA-OAEP") {
      return alg.label === undefined ? {} : { label: bytesOf(alg.label, "label") };
    }
    return {};
  }

  function encryptWith(r, alg, data, op) {
    const name = r.name;
    if (!isAes(name) && name !== "RSA-OAEP") {
      throw notSupported(`The ${op} operation is not implemented for "${name}".`);
    }
    const params = cipherParams(name, alg);
    const fn = op === "encrypt" ? ops().op_crypto_encrypt : ops().op_crypto_decrypt;
    return fn(opKey(r), params, data);
  }

  function signParams(r, alg, op) {
    const name = r.name;
    if (name === "HMAC" || name === "RSASSA-PKCS1-v1_5" || name === "Ed25519" || name === "NODE-ED25519") return {};
    if (name === "RSA-PSS") {
      if (alg.saltLength === undefined) {
        throw new TypeError("Failed to provide salt for RSA-PSS key operation which requires a salt");
      }
      const saltLength = Number(alg.saltLength);
      if (!(saltLength >= 0)) throw dataError(`SaltLength for RSA-PSS must be non-negative (provided ${saltLength}).`);
      return { saltLength };
    }
    if (name === "ECDSA") {
      if (alg.hash === undefined) {
        throw new TypeError('Missing "hash" in AlgorithmIdentifier. (ECDSA requires that the hash algorithm be ' +
          "specified at call time rather than on the key. This differs from other WebCrypto algorithms for " +
          "historical reasons.)");
      }
      return { hash: hashName(alg.hash) };
    }
    throw notSupported(`The ${op} operation is not implemented for "${name}".`);
  }

  function deriveBitsWith(r, alg, length) {
    const name = r.name;
    if (name === "PBKDF2" || name === "HKDF") {
      const hash = hashName(alg.hash);
      const salt = bytesOf(alg.salt, "salt");
      const params = { hash, salt };
      if (name === "PBKDF2") {
        if (alg.iterations === undefined) throw new TypeError('Missing field "iterations" in "algorithm".');
        params.iterations = Number(alg.iterations);
      } else {
        params.info = bytesOf(alg.info, "info");
      }
      if (length === null) throw operationError(`${name} cannot derive a key with null length.`);
      if (length % 8 !== 0) {
        throw operationError(`${name} requires a derived key length that is a multiple of eight (requested ${length}).`);
      }
      if (name === "PBKDF2" && !(params.iterations > 0)) {
        throw operationError(`PBKDF2 requires a positive iteration count (requested ${params.iterations}).`);
      }
      if (length === 0) return new Uint8Array(0);
      return ops().op_crypto_derive_bits(opKey(r), params, length);
    }
    if (name === "ECDH" || name === "X25519") {
      if (r.type !== "private") {
        throw invalidAccess(`The deriveBits operation is only valid for a private key, not "${r.type}".`);
      }
      if (alg.public === undefined) throw new TypeError('Missing field "public" in "derivedKeyParams".');
      const pub = recordOf(alg.public);
      if (pub === undefined) throw new TypeError('"public" in "derivedKeyParams" is not a CryptoKey.');
      if (pub.type !== "public") {
        throw invalidAccess(`The provided key has type "${pub.type}", not "public"`);
      }
      if (pub.name !== name) {
        throw invalidAccess(`Private key for derivation is using "${name}" while public key is using "${pub.name}".`);
      }
      if (pub.namedCurve !== r.namedCurve) {
        throw invalidAccess(`Private key for derivation is using curve "${r.namedCurve}" while public key is using "${pub.namedCurve}".`);
      }
      return ops().op_crypto_derive_bits(opKey(r), { public: pub.data }, length === null ? -1 : length);
    }
    throw notSupported(`The deriveKey and deriveBits operations are not implemented for "${name}".`);
  }

  // workerd getKeyLength() for deriveKey.
  function derivedKeyLength(alg) {
    const name = lookupAlgorithm(alg.name);
    if (!isAes(name) && name !== "HMAC" && name !== "HKDF" && name !== "PBKDF2") {
      throw notSupported(`Unrecognized derived key type "${alg.name}" requested.`);
    }
    if (isAes(name)) {
      if (alg.length === undefined) throw new TypeError('Missing field "length" in "derivedKeyParams".');
      const length = Number(alg.length);
      if (length !== 128 && length !== 192 && length !== 256) {
        throw operationError(`Derived AES key must be 128, 192, or 256 bits in length but provided ${length}.`);
      }
      return length;
    }
    if (name === "HMAC") {
      if (alg.length !== undefined) {
        const length = Number(alg.length);
        if (length > 0) return length;
        throw new TypeError("HMAC key length must be a non-zero unsigned long integer.");
      }
      return HASH_BLOCK_BITS[hashName(alg.hash, "derivedKeyParams")];
    }
    return null;
  }

  // -- generateKey ----------------------------------------------------------------------------
  function generateKey(alg, extractable, usages) {
    const name = lookupAlgorithm(alg.name);
    if (name === undefined || name === "PBKDF2" || name === "HKDF") {
      throw notSupported(`Unrecognized key generation algorithm "${alg.name}" requested.`);
    }
    const mask = MASKS[name];
    if (isAes(name) || name === "HMAC") {
      const facts = {};
      if (name === "HMAC") {
        facts.hash = hashName(alg.hash);
        facts.length = alg.length === undefined ? HASH_BLOCK_BITS[facts.hash] : Number(alg.length);
        if (!(facts.length > 0)) {
          throw operationError(`HMAC key length must be a non-zero unsigned long integer (requested ${facts.length}).`);
        }
      } else {
        if (alg.length === undefined) throw new TypeError('Missing field "length" in "algorithm".');
        facts.length = Number(alg.length);
        if (facts.length !== 128 && facts.length !== 192 && facts.length !== 256) {
          throw operationError(`Generated AES key length must be 128, 192, or 256 bits but requested ${facts.length}.`);
        }
      }
      const valid = validateUsages(name, "generate", usages, mask.secret);
      if (valid.length === 0) throw syntaxError("Secret/private CryptoKeys must have at least one usage.");
      const data = randomBytes(Math.ceil(facts.length / 8));
      if (facts.length % 8) data[data.length - 1] &= (0xff << (8 - (facts.length % 8))) & 0xff;
      return newKey(name, "secret", extractable, valid, data, facts);
    }
    const facts = {};
    const params = {};
    if (isRsa(name)) {
      facts.hash = hashName(alg.hash);
      if (alg.modulusLength === undefined) throw new TypeError('Missing field "modulusLength" in "algorithm".');
      if (alg.publicExponent === undefined) throw new TypeError('Missing field "publicExponent" in "algorithm".');
      params.modulusLength = Number(alg.modulusLength);
      params.publicExponent = bytesOf(alg.publicExponent, "publicExponent");
      facts.modulusLength = params.modulusLength;
      facts.publicExponent = params.publicExponent;
    } else if (isEc(name)) {
      facts.namedCurve = curveOf(alg);
      params.namedCurve = facts.namedCurve;
    } else if (name === "NODE-ED25519") {
      nodeEd25519Curve(alg);
    }
    const valid = validateUsages(name, "generate", usages, [...mask.public, ...mask.private]);
    const privateUsages = valid.filter((u) => mask.private.includes(u));
    const publicUsages = valid.filter((u) => mask.public.includes(u));
    if (privateUsages.length === 0) {
      throw syntaxError("Attempt to generate asymmetric keys with no valid private key usages.");
    }
    const pair = ops().op_crypto_generate_key_pair(name, params);
    return {
      publicKey: newKey(name, "public", true, publicUsages, pair.public, facts),
      privateKey: newKey(name, "private", extractable, privateUsages, pair.private, facts),
    };
  }

  function curveOf(alg) {
    if (alg.namedCurve === undefined) throw new TypeError('Missing field "namedCurve" in "algorithm".');
    const curve = toDOMString(alg.namedCurve);
    if (!CURVES.includes(curve)) throw notSupported(`Unrecognized or unimplemented EC curve "${curve}" requested.`);
    return curve;
  }
  function nodeEd25519Curve(alg) {
    if (alg.namedCurve === undefined) throw new TypeError('Missing field "namedCurve" in "algorithm".');
    if (alg.namedCurve !== "NODE-ED25519") throw notSupported(`EDDSA curve "${alg.namedCurve}" isn't supported.`);
  }

  // -- importKey ------------------------------------------------------------------------------
  const AES_JWK_SUFFIX = { "AES-CTR": "CTR", "AES-CBC": "CBC", "AES-GCM": "GCM", "AES-KW": "KW" };
  const HMAC_JWK_ALG = { "SHA-1": "HS1", "SHA-256": "HS256", "SHA-384": "HS384", "SHA-512": "HS512" };
  const RSA_JWK_PREFIX = { "RSASSA-PKCS1-v1_5": "RS", "RSA-PSS": "PS" };
  function rsaJwkAlg(name, hash) {
    if (!hash.startsWith("SHA")) throw notSupported(`JWK export not supported for hash algorithm "${hash}".`);
    if (name === "RSA-OAEP") return hash === "SHA-1" ? "RSA-OAEP" : `RSA-OAEP-${hash.slice(4)}`;
    return RSA_JWK_PREFIX[name] + hash.slice(4);
  }
  const EC_JWK_ALG = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" };

  function checkJwkOps(jwk, usages, extractable) {
    if (jwk.key_ops !== undefined) {
      if (!Array.isArray(jwk.key_ops)) throw dataError('JSON Web Key "key_ops" must be an array.');
      if (new Set(jwk.key_ops).size !== jwk.key_ops.length) {
        throw dataError("A JSON Web Key's Key Operations parameter (\"key_ops\") must not contain duplicates.");
      }
      for (const u of usages) {
        if (!jwk.key_ops.includes(u)) {
          throw dataError("All specified key usages must be present in the JSON Web Key's Key Operations " +
            'parameter ("key_ops").');
        }
      }
    }
    if (jwk.ext === false && extractable) {
      throw dataError("Cannot create an extractable CryptoKey from an unextractable JSON Web Key.");
    }
  }

  function importSecret(name, format, keyData, alg, extractable, usages) {
    const facts = {};
    let data;
    if (name === "PBKDF2" || name === "HKDF") {
      if (extractable) throw syntaxError(`${name} key cannot be extractable.`);
      if (format !== "raw") {
        throw notSupported(`${name} key must be imported in "raw" format (requested "${format}")` +
          (name === "PBKDF2" ? "." : ""));
      }
      data = keyData;
    } else if (format === "raw") {
      data = keyData;
    } else if (format === "jwk") {
      const jwk = keyData;
      if (jwk.kty !== "oct") {
        throw dataError(name === "HMAC"
          ? `HMAC "jwk" key import requires a JSON Web Key with Key Type parameter ("kty") equal to "oct" (encountered "${jwk.kty}").`
          : `Symmetric "jwk" key import requires a JSON Web Key with Key Type parameter "kty" equal to "oct" (encountered "${jwk.kty}").`);
      }
      data = typeof jwk.k === "string" ? b64decode(jwk.k, true) : null;
      if (data === null) throw dataError('Invalid or missing "k" field in JSON Web Key.');
      if (jwk.use !== undefined && jwk.use !== (name === "HMAC" ? "sig" : "enc")) {
        throw dataError(`Symmetric "jwk" key must have a "use" of "${name === "HMAC" ? "sig" : "enc"}", not "${jwk.use}".`);
      }
      checkJwkOps(jwk, usages, extractable);
      if (jwk.alg !== undefined) {
        if (name === "HMAC") {
          const expected = HMAC_JWK_ALG[hashName(alg.hash)];
          if (jwk.alg !== expected) {
            throw dataError(`HMAC "jwk" key import specifies "alg" that is incompatible with the hash name (encountered "${jwk.alg}", expected "${expected}").`);
          }
        } else {
          const expected = `A${data.length * 8}${AES_JWK_SUFFIX[name]}`;
          if (jwk.alg !== expected) {
            throw dataError(`Symmetric "jwk" key contains invalid "alg" value "${jwk.alg}", expected "${expected}".`);
          }
        }
      }
    } else {
      throw notSupported(`Unrecognized key import format "${format}".`);
    }
    if (isAes(name)) {
      if (data.length !== 16 && data.length !== 24 && data.length !== 32) {
        throw dataError(`Imported AES key length must be 128, 192, or 256 bits but provided ${data.length * 8}.`);
      }
      facts.length = data.length * 8;
    } else if (name === "HMAC") {
      facts.hash = hashName(alg.hash);
      const bits = data.length * 8;
      facts.length = bits;
      if (alg.length !== undefined) {
        const length = Number(alg.length);
        if (!(length > bits - 8 && length <= bits) || length === 0) {
          throw dataError(`Imported HMAC key length (${length}) must be a non-zero value up to 7 bits less than, ` +
            `and no greater than, the bit length of the raw key data (${bits}).`);
        }
        facts.length = length;
      }
      if (bits === 0) throw dataError("Imported HMAC key length (0) must be a non-zero value up to 7 bits less than, and no greater than, the bit length of the raw key data (0).");
    }
    const valid = validateUsages(name, "import secret", usages, MASKS[name].secret);
    return newKey(name, "secret", extractable, valid, data, facts);
  }

  function importAsymmetric(name, format, keyData, alg, extractable, usages) {
    const facts = {};
    let curve = "";
    if (isRsa(name)) facts.hash = hashName(alg.hash);
    if (isEc(name)) curve = curveOf(alg);
    if (name === "NODE-ED25519") nodeEd25519Curve(alg);
    if (format === "raw" && isRsa(name)) throw notSupported(`Unrecognized key import format "${format}".`);
    if (format === "jwk") {
      const jwk = keyData;
      if (jwk.alg !== undefined) {
        if (isRsa(name) && jwk.alg !== rsaJwkAlg(name, facts.hash)) {
          throw dataError(`JSON Web Key Algorithm parameter "alg" ("${jwk.alg}") does not match requested algorithm.`);
        }
        if (name === "ECDSA" && jwk.alg !== EC_JWK_ALG[curve]) {
          throw dataError(`JSON Web Key Algorithm parameter "alg" ("${jwk.alg}") does not match requested curve.`);
        }
        if ((name === "Ed25519" || name === "NODE-ED25519") && jwk.alg !== "EdDSA") {
          throw dataError(`JSON Web Key Algorithm parameter "alg" ("${jwk.alg}") does not match requested Ed25519 curve.`);
        }
      }
      checkJwkOps(jwk, usages, extractable);
      keyData = jwkMaterial(jwk);
    }
    const out = ops().op_crypto_import_key(name, format, keyData, curve);
    const type = out.type;
    if (format === "spki" && type !== "public") throw dataError("SPKI import requires a public key.");
    if (format === "pkcs8" && type !== "private") throw dataError("PKCS8 import requires a private key.");
    if (out.namedCurve !== undefined) facts.namedCurve = out.namedCurve;
    if (out.modulusLength !== undefined) {
      facts.modulusLength = out.modulusLength;
      facts.publicExponent = out.publicExponent;
    }
    const valid = validateUsages(name, type === "public" ? "import public" : "import private", usages, MASKS[name][type]);
    return newKey(name, type, extractable, valid, out.der, facts);
  }

  // The string members of a JWK, as a plain dict for the op.
  const JWK_MATERIAL = ["kty", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi"];
  function jwkMaterial(jwk) {
    const out = {};
    for (const m of JWK_MATERIAL) {
      if (jwk[m] !== undefined) {
        if (typeof jwk[m] !== "string") throw dataError(`Invalid "${m}" field in JSON Web Key.`);
        out[m] = jwk[m];
      }
    }
    if (jwk.oth !== undefined) out.oth = "present";
    return out;
  }

  function importKeySync(format, keyData, alg, extractable, usages) {
    if (format === "raw" || format === "pkcs8" || format === "spki") {
      if (!isArrayBuffer(keyData) && !ArrayBuffer.isView(keyData)) {
        throw new TypeError('Import data provided for "raw", "pkcs8", or "spki" import formats must be a buffer source.');
      }
      keyData = toBufferSource(keyData).slice();
    } else if (format === "jwk") {
      if (keyData === null || typeof keyData !== "object" || isArrayBuffer(keyData) || ArrayBuffer.isView(keyData)) {
        throw new TypeError('Import data provided for "jwk" import format must be a JsonWebKey.');
      }
      if (keyData.kty === undefined) throw new TypeError('Missing field "kty" in "keyData".');
      if (keyData.ext === false && extractable) {
        throw dataError(`JWK ext field for "${alg.name}" is set to false but extractable is true`);
      }
    } else {
      throw notSupported(`Unrecognized key import format "${format}".`);
    }
    const name = lookupAlgorithm(alg.name);
    if (name === undefined) throw notSupported(`Unrecognized key import algorithm "${alg.name}" requested.`);
    const key = MASKS[name].secret
      ? importSecret(name, format, keyData, alg, extractable, usages)
      : importAsymmetric(name, format, keyData, alg, extractable, usages);
    const r = recordOf(key);
    if (r.usages.length === 0 && r.type !== "public") {
      throw syntaxError("Secret/private CryptoKeys must have at least one usage.");
    }
    return key;
  }

  // -- exportKey ------------------------------------------------------------------------------
  function exportKeySync(format, r) {
    if (!r.extractable) throw invalidAccess(`Attempt to export non-extractable ${r.name} key.`);
    const name = r.name;
    if (r.type === "secret") {
      if (name === "PBKDF2" || name === "HKDF") throw notSupported(`Unrecognized or unsupported export of "${name}" requested.`);
      if (format !== "raw" && format !== "jwk") {
        throw notSupported(name === "HMAC"
          ? `Unimplemented key export format "${format}".`
          : `${name} key only supports exporting "raw" & "jwk", not "${format}".`);
      }
      if (format === "raw") return bufferOf(r.data.slice());
      const jwk = { kty: "oct", k: b64encode(r.data, true) };
      if (name === "HMAC") {
        if (!r.hash.startsWith("SHA-")) throw notSupported(`Unimplemented JWK key export format for key algorithm "${r.hash}".`);
        jwk.alg = HMAC_JWK_ALG[r.hash];
      } else {
        jwk.alg = `A${r.data.length * 8}${AES_JWK_SUFFIX[name]}`;
      }
      jwk.key_ops = r.usages.slice();
      jwk.ext = true;
      return jwk;
    }
    if (format === "pkcs8") {
      if (r.type !== "private") throw invalidAccess(`Asymmetric pkcs8 export requires private key (not "${r.type}").`);
      return bufferOf(r.data.slice());
    }
    if (format === "spki") {
      if (r.type !== "public") throw invalidAccess(`Asymmetric spki export requires public key (not "${r.type}").`);
      return bufferOf(r.data.slice());
    }
    if (format === "raw") {
      if (isRsa(name)) throw invalidAccess(`Cannot export "${name}" in "raw" format.`);
      if (r.type !== "public") {
        throw invalidAccess(isEc(name)
          ? "Raw export of elliptic curve keys is only allowed for public keys."
          : `Raw export of ${name} keys is only allowed for public keys.`);
      }
      return bufferOf(ops().op_crypto_export_key("raw", r.type, r.data));
    }
    if (format === "jwk") {
      const jwk = ops().op_crypto_export_key("jwk", r.type, r.data);
      if (isRsa(name)) jwk.alg = rsaJwkAlg(name, r.hash);
      if (name === "ECDSA") jwk.alg = EC_JWK_ALG[r.namedCurve];
      if (name === "Ed25519" || name === "NODE-ED25519") jwk.alg = "EdDSA";
      jwk.key_ops = r.usages.slice();
      jwk.ext = true;
      return jwk;
    }
    throw invalidAccess(`Cannot export "${name}" in "${format}" format.`);
  }

  // -- SubtleCrypto ---------------------------------------------------------------------------
  const kSubtle = Symbol("isolet.SubtleCrypto.construct");
  const P = "Failed to execute '%s' on 'SubtleCrypto'";
  const prefix = (m) => P.replace("%s", m);
  // workerd takes these data parameters as kj::Array<const kj::byte>, and its
  // conversion error names that type 'Array'.
  const BYTES = "Array";

  class SubtleCrypto {
    constructor(key = undefined) {
      if (key !== kSubtle) throw new TypeError("Illegal constructor");
    }

    digest(algorithm, data) {
      return promised(() => {
        requiredArguments(arguments.length, 2, prefix("digest"));
        const alg = normalizeAlgorithm(algorithm);
        const name = lookupDigest(alg.name);
        if (name === undefined) throw notSupported("Unrecognized or unimplemented digest algorithm requested.");
        return bufferOf(ops().op_crypto_digest(name, toBufferSource(data, prefix("digest"), 2, BYTES)));
      });
    }

    generateKey(algorithm, extractable, keyUsages) {
      return promised(() => {
        requiredArguments(arguments.length, 3, prefix("generateKey"));
        return generateKey(normalizeAlgorithm(algorithm), !!extractable, toUsages(keyUsages));
      });
    }

    importKey(format, keyData, algorithm, extractable, keyUsages) {
      return promised(() => {
        requiredArguments(arguments.length, 5, prefix("importKey"));
        return importKeySync(toDOMString(format), keyData, normalizeAlgorithm(algorithm), !!extractable,
          toUsages(keyUsages));
      });
    }

    exportKey(format, key) {
      return promised(() => {
        requiredArguments(arguments.length, 2, prefix("exportKey"));
        return exportKeySync(toDOMString(format), requireKey(key, "exportKey", 2));
      });
    }

    encrypt(algorithm, key, data) {
      return promised(() => {
        requiredArguments(arguments.length, 3, prefix("encrypt"));
        const alg = normalizeAlgorithm(algorithm);
        const r = requireKey(key, "encrypt", 2);
        const bytes = toBufferSource(data, prefix("encrypt"), 3, BYTES);
        validateOperation(r, alg.name, "encrypt");
        return bufferOf(encryptWith(r, alg, bytes, "encrypt"));
      });
    }

    decrypt(algorithm, key, data) {
      return promised(() => {
        requiredArguments(arguments.length, 3, prefix("decrypt"));
        const alg = normalizeAlgorithm(algorithm);
        const r = requireKey(key, "decrypt", 2);
        const bytes = toBufferSource(data, prefix("decrypt"), 3, BYTES);
        validateOperation(r, alg.name, "decrypt");
        return bufferOf(encryptWith(r, alg, bytes, "decrypt"));
      });
    }

    sign(algorithm, key, data) {
      return promised(() => {
        requiredArguments(arguments.length, 3, prefix("sign"));
        const alg = normalizeAlgorithm(algorithm);
        const r = requireKey(key, "sign", 2);
        const bytes = toBufferSource(data, prefix("sign"), 3, BYTES);
        validateOperation(r, alg.name, "sign");
        if (r.type === "public") throw invalidAccess("Asymmetric signing requires a private key.");
        return bufferOf(ops().op_crypto_sign(opKey(r), signParams(r, alg, "sign"), bytes));
      });
    }

    verify(algorithm, key, signature, data) {
      return promised(() => {
        requiredArguments(arguments.length, 4, prefix("verify"));
        const alg = normalizeAlgorithm(algorithm);
        const r = requireKey(key, "verify", 2);
        const sig = toBufferSource(signature, prefix("verify"), 3, BYTES);
        const bytes = toBufferSource(data, prefix("verify"), 4, BYTES);
        validateOperation(r, alg.name, "verify");
        if (r.type === "private") throw invalidAccess("Asymmetric verification requires a public key.");
        return ops().op_crypto_verify(opKey(r), signParams(r, alg, "verify"), sig, bytes);
      });
    }

    deriveBits(algorithm, baseKey, length = null) {
      return promised(() => {
        requiredArguments(arguments.length, 2, prefix("deriveBits"));
        const alg = normalizeAlgorithm(algorithm);
        const r = requireKey(baseKey, "deriveBits", 2);
        let bits = null;
        if (length !== null && length !== undefined) {
          bits = Number(length);
          if (!(bits >= 0) || !Number.isInteger(bits)) {
            throw new TypeError("deriveBits length must be an unsigned long integer.");
          }
        }
        validateOperation(r, alg.name, "deriveBits");
        return bufferOf(deriveBitsWith(r, alg, bits));
      });
    }

    deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
      return promised(() => {
        requiredArguments(arguments.length, 5, prefix("deriveKey"));
        const alg = normalizeAlgorithm(algorithm);
        const r = requireKey(baseKey, "deriveKey", 2);
        const derivedAlg = normalizeAlgorithm(derivedKeyAlgorithm, "derivedKeyParams");
        const usages = toUsages(keyUsages);
        validateOperation(r, alg.name, "deriveKey");
        const length = derivedKeyLength(derivedAlg);
        const secret = deriveBitsWith(r, alg, length);
        return importKeySync("raw", secret, derivedAlg, !!extractable, usages);
      });
    }

    wrapKey(format, key, wrappingKey, wrapAlgorithm) {
      return promised(() => {
        requiredArguments(arguments.length, 4, prefix("wrapKey"));
        const fmt = toDOMString(format);
        const r = requireKey(key, "wrapKey", 2);
        const w = requireKey(wrappingKey, "wrapKey", 3);
        const alg = normalizeAlgorithm(wrapAlgorithm);
        validateOperation(w, alg.name, "wrapKey");
        if (!r.extractable) throw invalidAccess(`Attempt to export non-extractable ${r.name} key.`);
        const exported = exportKeySync(fmt, r);
        const bytes = fmt === "jwk" ? utf8Encode(JSON.stringify(exported)) : new Uint8Array(exported);
        return bufferOf(encryptWith(w, alg, bytes, "encrypt"));
      });
    }

    unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
      return promised(() => {
        requiredArguments(arguments.length, 7, prefix("unwrapKey"));
        const fmt = toDOMString(format);
        const wrapped = toBufferSource(wrappedKey, prefix("unwrapKey"), 2, BYTES);
        const u = requireKey(unwrappingKey, "unwrapKey", 3);
        const alg = normalizeAlgorithm(unwrapAlgorithm);
        const keyAlg = normalizeAlgorithm(unwrappedKeyAlgorithm, "unwrappedKeyAlgorithm");
        const usages = toUsages(keyUsages);
        validateOperation(u, alg.name, "unwrapKey");
        const bytes = encryptWith(u, alg, wrapped, "decrypt");
        let data = bytes;
        if (fmt === "jwk") {
          try {
            data = JSON.parse(utf8Decode(bytes));
          } catch {
            data = null;
          }
          if (data === null || typeof data !== "object" || typeof data.kty !== "string") {
            throw dataError('Missing "kty" field or corrupt JSON unwrapping key?');
          }
        }
        return importKeySync(fmt, data, keyAlg, !!extractable, usages);
      });
    }

    // workerd extension: constant-time comparison of two equal-length buffers.
    timingSafeEqual(a, b) {
      requiredArguments(arguments.length, 2, prefix("timingSafeEqual"));
      const x = toBufferSource(a, prefix("timingSafeEqual"), 1);
      const y = toBufferSource(b, prefix("timingSafeEqual"), 2);
      if (x.byteLength !== y.byteLength) throw new TypeError("Input buffers must have the same byte length.");
      return ops().op_crypto_timing_safe_equal(x, y);
    }
  }
  Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: "SubtleCrypto", configurable: true });

  // -- DigestStream ---------------------------------------------------------------------------
  // Writes are batched in JS and handed to the op FLUSH_BYTES at a time; the
  // running hash lives in Python under a handle until close/abort (or GC).
  const FLUSH_BYTES = 64 * 1024;
  const dropHandle = new FinalizationRegistry((handle) => {
    try { internals.ops.op_crypto_digest_stream_drop(handle); } catch { /* isolate going away */ }
  });
  const { WritableStream } = internals.streams;

  class DigestStream extends WritableStream {
    #digest;
    #bytesWritten = 0;
    constructor(algorithm) {
      requiredArguments(arguments.length, 1, "Failed to construct 'DigestStream'");
      const alg = normalizeAlgorithm(algorithm);
      const name = alg.name === "crc32" ? "crc32" : lookupDigest(alg.name);
      if (name === undefined) {
        throw notSupported(alg.name === "crc32c" || alg.name === "crc64nvme"
          ? `DigestStream algorithm "${alg.name}" is not supported by isolet yet.`
          : "Unrecognized or unimplemented digest algorithm requested.");
      }
      let handle = null;
      let pending = [];
      let pendingBytes = 0;
      let resolve, reject;
      const digest = new Promise((res, rej) => { resolve = res; reject = rej; });
      digest.catch(() => {});
      const open = () => {
        if (handle === null) {
          handle = ops().op_crypto_digest_stream_open(name);
          dropHandle.register(self, handle, token);
        }
        return handle;
      };
      const token = {};
      let self = null;
      super({
        write: (chunk) => {
          let bytes;
          if (typeof chunk === "string") bytes = utf8Encode(chunk);
          else if (isArrayBuffer(chunk) || ArrayBuffer.isView(chunk)) bytes = toBufferSource(chunk).slice();
          else {
            throw new TypeError("DigestStream is a byte stream but received an object of " +
              "non-ArrayBuffer/ArrayBufferView/string type on its writable side.");
          }
          if (bytes.length === 0) return;
          pending.push(bytes);
          pendingBytes += bytes.length;
          this.#bytesWritten += bytes.length;
          if (pendingBytes >= FLUSH_BYTES) {
            ops().op_crypto_digest_stream_write(open(), pending);
            pending = [];
            pendingBytes = 0;
          }
        },
        close: () => {
          const h = open();
          dropHandle.unregister(token);
          handle = -1;
          const out = ops().op_crypto_digest_stream_close(h, pending);
          pending = [];
          resolve(bufferOf(out));
        },
        abort: (reason) => {
          if (handle !== null && handle !== -1) {
            dropHandle.unregister(token);
            ops().op_crypto_digest_stream_drop(handle);
          }
          handle = -1;
          pending = [];
          reject(reason);
        },
      });
      self = this;
      this.#digest = digest;
    }
    get digest() { return this.#digest; }
    get bytesWritten() { return this.#bytesWritten; }
  }
  Object.defineProperty(DigestStream.prototype, Symbol.toStringTag, { value: "DigestStream", configurable: true });

  const subtle = new SubtleCrypto(kSubtle);
  Object.defineProperty(Object.getPrototypeOf(cryptoObject), "subtle", {
    get() { return subtle; }, enumerable: true, configurable: true,
  });
  Object.defineProperty(Object.getPrototypeOf(cryptoObject), "DigestStream", {
    value: DigestStream, writable: true, enumerable: false, configurable: true,
  });
  internals.crypto.subtle = subtle;
  internals.crypto.CryptoKey = CryptoKey;
  internals.exposeGlobal("SubtleCrypto", SubtleCrypto);
  internals.exposeGlobal("CryptoKey", CryptoKey);
})(globalThis.__isolet_internals);
