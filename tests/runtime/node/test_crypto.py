"""node:crypto: each case's result equals workerd's (1.20260426.1, nodejs_compat), which equals Node 20's except
where noted in the case names' expectations: workerd's digest list and error texts ("Digest method not
supported", "Invalid Pbkdf2 digest: x.", a TypeError from timingSafeEqual). Two expectations are not
workerd's: randomBytes over 64 KiB works as in Node (workerd throws QuotaExceededError), and the signing
API isolet lacks throws ERR_METHOD_NOT_IMPLEMENTED."""

from __future__ import annotations

from typing import Any

import pytest

from isolet.runtime.ops import node_crypto
from tests.runtime.node.cases import js_prelude, module_results, op_host

PRELUDE = js_prelude(values="raw", errors="thrown", finish="object")

# Every case runs in one isolate (one module); a case returns a JSON-able value, a thrown
# error comes back as {"thrown": [name, code, message]}.
CASES_JS = (
    PRELUDE
    + r"""import crypto from "node:crypto";
import * as named from "node:crypto";
import { Buffer } from "node:buffer";
import { Readable } from "node:stream";

const hex = (b) => Buffer.from(b.buffer ?? b, b.byteOffset ?? 0, b.byteLength).toString("hex");
const cb = (fn) => new Promise((resolve) => fn((e, v) => resolve(e ? ["error", e.message] : v)));
const text = (n) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join("");

const cases = {
  md5: () => crypto.createHash("md5").update("abc").digest("hex"),
  sha1: () => crypto.createHash("sha1").update("abc").digest("hex"),
  sha224: () => crypto.createHash("sha224").update("abc").digest("hex"),
  sha256: () => crypto.createHash("sha256").update("abc").digest("hex"),
  sha384: () => crypto.createHash("sha384").update("abc").digest("hex"),
  sha512: () => crypto.createHash("sha512").update("abc").digest("hex"),
  sha512_256: () => crypto.createHash("sha512-256").update("abc").digest("hex"),
  md5_sha1: () => crypto.createHash("md5-sha1").update("abc").digest("hex"),
  aliases_rsa_sha256_and_upper_case: () =>
    [crypto.createHash("RSA-SHA256").update("x").digest("hex"), crypto.createHash("SHA256").update("x").digest("hex")],
  sha256_at_block_boundaries: () => [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 2048, 2049, 5000]
    .map((n) => crypto.createHash("sha256").update(Buffer.from(text(n))).digest("hex")),
  hmac_sha256_key_and_message_lengths: () => [[0, 0], [3, 1], [64, 55], [65, 64], [100, 2048], [20, 3000]]
    .map(([k, n]) => crypto.createHmac("sha256", text(k)).update(text(n)).digest("hex")),
  empty_input: () => crypto.createHash("sha256").digest("hex"),
  update_chains_strings_buffers_typed_arrays_and_dataviews: () =>
    crypto.createHash("sha256").update("a").update(Buffer.from("b")).update(new Uint16Array([0x6463]))
      .update(new DataView(new Uint8Array([101, 102]).buffer)).digest("hex"),
  update_with_input_encodings: () =>
    crypto.createHash("sha1").update("616263", "hex").update("ZGVm", "base64").update("\u00e9", "latin1")
      .update("\u00e9", "utf8").digest("hex"),
  digest_output_encodings: () => {
    const d = (enc) => crypto.createHash("md5").update("abc").digest(enc);
    return [d("base64"), d("base64url"), d("latin1"), hex(d("buffer")), Buffer.isBuffer(d())];
  },
  unicode_string_is_utf8: () => crypto.createHash("sha256").update("h\u00e9llo \u{1F600}").digest("hex"),
  copy_forks_the_running_state: () => {
    const h = crypto.createHash("md5").update("a");
    const c = h.copy();
    c.update("b");
    return [h.digest("hex"), c.digest("hex")];
  },
  many_small_updates_equal_one_shot: () => {
    const h = crypto.createHash("sha256");
    const chunk = text(1024);
    for (let i = 0; i < 200; i++) h.update(chunk);
    return [h.digest("hex"), crypto.createHash("sha256").update(chunk.repeat(200)).digest("hex")];
  },
  large_single_update: () => crypto.createHash("sha512").update(Buffer.alloc(100000, 7)).digest("hex"),
  copy_after_large_input: () => {
    const h = crypto.createHash("sha1").update(Buffer.alloc(70000, 1));
    const c = h.copy().update("x");
    return [h.digest("hex"), c.digest("hex")];
  },
  input_mutated_after_update_is_not_seen: () => {
    const b = Buffer.from("abc");
    const h = crypto.createHash("sha1").update(b);
    b.fill(0);
    return h.digest("hex");
  },
  digest_twice_throws: () => err(() => { const h = crypto.createHash("sha1"); h.digest(); h.digest(); }),
  update_after_digest_throws: () => err(() => { const h = crypto.createHash("sha1"); h.digest(); h.update("x"); }),
  copy_after_digest_throws: () => err(() => { const h = crypto.createHash("sha1"); h.digest(); h.copy(); }),
  unknown_algorithm_throws: () => err(() => crypto.createHash("nope")),
  algorithm_must_be_a_string: () => err(() => crypto.createHash(5)),
  update_rejects_numbers: () => err(() => crypto.createHash("sha256").update(5)),
  output_length_must_match_a_fixed_digest: () => [
    crypto.createHash("sha256", { outputLength: 32 }).digest("hex").length,
    err(() => crypto.createHash("sha256", { outputLength: 16 }).digest()),
  ],
  hmac_with_string_key: () => crypto.createHmac("sha256", "key").update("The quick brown fox").digest("hex"),
  hmac_with_buffer_key_and_base64: () => crypto.createHmac("sha1", Buffer.from([1, 2, 3])).update("x").digest("base64"),
  hmac_with_secret_key_object: () =>
    crypto.createHmac("sha512", crypto.createSecretKey(Buffer.from("k"))).update("x").digest("hex"),
  hmac_long_key_many_updates: () => {
    const h = crypto.createHmac("sha384", text(300));
    for (let i = 0; i < 100; i++) h.update(text(1000));
    return h.digest("hex");
  },
  hmac_digest_twice_returns_empty: () => {
    const h = crypto.createHmac("sha256", "k");
    h.digest();
    return [h.digest("hex"), h.digest().length];
  },
  hmac_unknown_digest_throws: () => err(() => crypto.createHmac("nope", "k")),
  hmac_key_must_be_bytes: () => err(() => crypto.createHmac("sha256", 5)),
  hash_one_shot: () => [
    crypto.hash("sha1", "abc"),
    crypto.hash("sha1", "abc", "base64"),
    hex(crypto.hash("sha256", Buffer.from("abc"), "buffer")),
  ],
  hash_one_shot_unknown_algorithm: () => err(() => crypto.hash("nope", "abc")),
  get_hashes: () => crypto.getHashes(),
  random_bytes_sync: () => {
    const b = crypto.randomBytes(20);
    return [Buffer.isBuffer(b), b.length, crypto.randomBytes(70000).length];
  },
  random_bytes_callback: async () => {
    const b = await cb((done) => crypto.randomBytes(8, done));
    return [Buffer.isBuffer(b), b.length];
  },
  random_bytes_negative_size: () => err(() => crypto.randomBytes(-1)),
  random_fill_sync_fills_only_the_range: () => {
    const b = new Uint8Array(64);
    crypto.randomFillSync(b, 8, 16);
    return [b.subarray(0, 8).every((x) => x === 0), b.subarray(24).every((x) => x === 0), b.subarray(8, 24).some((x) => x !== 0)];
  },
  random_fill_callback: async () => {
    const b = await cb((done) => crypto.randomFill(new Uint32Array(4), done));
    return [b.constructor.name, b.length];
  },
  random_int_in_range: () => {
    const seen = new Set();
    for (let i = 0; i < 200; i++) seen.add(crypto.randomInt(5, 10));
    return [...seen].sort();
  },
  random_int_callback: async () => {
    const n = await cb((done) => crypto.randomInt(3, done));
    return n >= 0 && n < 3;
  },
  random_int_min_not_below_max: () => err(() => crypto.randomInt(10, 5)),
  random_uuid_v4: () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()),
  get_random_values: () => crypto.getRandomValues(new Uint8Array(4)).length,
  timing_safe_equal: () => [
    crypto.timingSafeEqual(Buffer.from("abc"), Buffer.from("abc")),
    crypto.timingSafeEqual(Buffer.from("abc"), Buffer.from("abd")),
  ],
  timing_safe_equal_length_mismatch: () => err(() => crypto.timingSafeEqual(Buffer.alloc(2), Buffer.alloc(3))),
  pbkdf2_sync: () => [
    crypto.pbkdf2Sync("password", "salt", 1000, 32, "sha256").toString("hex"),
    crypto.pbkdf2Sync(Buffer.from("pw"), "salt", 2, 20, "sha1").toString("hex"),
    crypto.pbkdf2Sync("pw", "salt", 1, 64, "sha512").toString("base64"),
  ],
  pbkdf2_callback: async () => (await cb((done) => crypto.pbkdf2("pw", "salt", 10, 16, "sha256", done))).toString("hex"),
  pbkdf2_unknown_digest: () => err(() => crypto.pbkdf2Sync("pw", "salt", 1, 32, "nope")),
  pbkdf2_zero_iterations: () => err(() => crypto.pbkdf2Sync("pw", "salt", 0, 32, "sha1")),
  scrypt_sync: () => [
    crypto.scryptSync("password", "salt", 16).toString("hex"),
    crypto.scryptSync("password", "salt", 32, { N: 1024, r: 4, p: 2 }).toString("hex"),
  ],
  scrypt_callback: async () => (await cb((done) => crypto.scrypt("pw", "salt", 8, { cost: 256 }, done))).toString("hex"),
  hkdf_sync_returns_an_array_buffer: () => {
    const r = crypto.hkdfSync("sha256", "key", "salt", "info", 42);
    return [r instanceof ArrayBuffer, hex(new Uint8Array(r))];
  },
  hkdf_callback: async () => hex(new Uint8Array(await cb((done) => crypto.hkdf("sha512", "k", "", "", 16, done)))),
  secret_key_object: () => {
    const k = crypto.createSecretKey(Buffer.from("abc"));
    return [k.type, k.symmetricKeySize, k.export().toString(), k.equals(crypto.createSecretKey("abc", "utf8"))];
  },
  aes_128_cbc_round_trip: () => {
    const key = Buffer.alloc(16, 1);
    const iv = Buffer.alloc(16, 2);
    const c = crypto.createCipheriv("aes-128-cbc", key, iv);
    const enc = Buffer.concat([c.update(Buffer.from("hello world, this is longer than a block")), c.final()]);
    const d = crypto.createDecipheriv("aes-128-cbc", key, iv);
    return [enc.toString("hex"), Buffer.concat([d.update(enc), d.final()]).toString()];
  },
  aes_256_gcm_with_tag_and_aad: () => {
    const key = Buffer.alloc(32, 3);
    const iv = Buffer.alloc(12, 4);
    const c = crypto.createCipheriv("aes-256-gcm", key, iv);
    c.setAAD(Buffer.from("header"));
    const enc = Buffer.concat([c.update(Buffer.from("secret message")), c.final()]);
    const tag = c.getAuthTag();
    const d = crypto.createDecipheriv("aes-256-gcm", key, iv);
    d.setAAD(Buffer.from("header"));
    d.setAuthTag(tag);
    const plain = Buffer.concat([d.update(enc), d.final()]).toString();
    const bad = crypto.createDecipheriv("aes-256-gcm", key, iv);
    bad.setAuthTag(Buffer.alloc(16));
    bad.update(enc);
    return [enc.toString("hex"), tag.toString("hex"), plain, err(() => bad.final())[2]];
  },
  aes_192_ctr: () => {
    const c = crypto.createCipheriv("aes-192-ctr", Buffer.alloc(24, 5), Buffer.alloc(16, 6));
    return Buffer.concat([c.update(Buffer.from("counter mode")), c.final()]).toString("hex");
  },
  cipher_invalid_key_length: () => err(() => crypto.createCipheriv("aes-128-cbc", Buffer.alloc(15), Buffer.alloc(16))),
  unimplemented_functions_say_so: () => err(() => crypto.createSign("sha256")),
  hash_is_a_transform_stream: () => new Promise((resolve) => {
    const h = crypto.createHash("sha1");
    h.on("readable", () => {
      const d = h.read();
      if (d) resolve([d.toString("hex"), typeof h.pipe]);
    });
    h.write("ab");
    h.end("c");
  }),
  hmac_is_a_transform_stream: () => new Promise((resolve) => {
    const h = crypto.createHmac("sha256", "k");
    h.on("data", (d) => resolve(d.toString("hex")));
    h.end("x");
  }),
  readable_piped_into_a_hash_with_set_encoding: () => new Promise((resolve) => {
    const h = crypto.createHash("sha1");
    h.setEncoding("hex");
    Readable.from(["a", "b", "c"]).pipe(h).on("finish", () => resolve(h.read()));
  }),
  cipher_is_a_transform_stream: () => new Promise((resolve) => {
    const c = crypto.createCipheriv("aes-128-cbc", Buffer.alloc(16, 1), Buffer.alloc(16, 2));
    const chunks = [];
    c.on("data", (d) => chunks.push(d));
    c.on("end", () => resolve(Buffer.concat(chunks).toString("hex")));
    c.write(Buffer.from("hello world, this is longer than a block"));
    c.end();
  }),
  webcrypto_is_the_global_crypto: () => [crypto.webcrypto === globalThis.crypto, crypto.subtle === globalThis.crypto.subtle],
  named_and_default_exports_agree: () => named.createHash === crypto.createHash && named.default === crypto,
};

export default runCases(cases);
"""
)

EXPECTED: dict[str, Any] = {
    "md5": "900150983cd24fb0d6963f7d28e17f72",
    "sha1": "a9993e364706816aba3e25717850c26c9cd0d89d",
    "sha224": "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
    "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "sha384": "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
    "sha512": "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    "sha512_256": "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
    "md5_sha1": "900150983cd24fb0d6963f7d28e17f72a9993e364706816aba3e25717850c26c9cd0d89d",
    "aliases_rsa_sha256_and_upper_case": [
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
    ],
    "sha256_at_block_boundaries": [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
        "7cda990214cc40c5e59b2a5f09f1c34da7ea4a7d44479d36b150ea7c04aa009a",
        "642b572edefc37c5664b4b95a7a83bdc5617dc06b241bfac5c8094b10fec734e",
        "125d5830922e3666b5891332b54f12d328861b7ec30fec51a03fa27bbe549642",
        "15c32cfa73534b3c34a1244e4331e3757b34daf267f6a7322d471c849e3a5c65",
        "ddd761939cd192b02ac5b652b6f4763b0351e0c40a325432c318b0aab6c4afc5",
        "a1913d07c18ff09efb38be9e5317b92e7a4cf103f6fb7448257c30c7cab59462",
        "f9fe9011baded2c49c901e5d4d74f66a00f057070e9e9d641b566eeea45f3be3",
        "fc49b6d718953707a8cb0ca90a5b9bd2703d166a18db96de7f288056ff6f62da",
        "4256460c8769ec1a1d2a8e3edeeda0d3cc4fbc30b3c0f6a2b53da3ef9f60ea5e",
        "7a886b379cc7676937a7a4f5b26b8829111eddb2736378fe57d8c2cf2338f921",
        "f378122bba2ba3001c63e691931d87e8a6f175a3a66f681f5e68d5af905c318e",
        "40fc20d658050aadcc044194e402dcd5522c5cc04c65eb52e5cc79a9f1b76ee4",
    ],
    "hmac_sha256_key_and_message_lengths": [
        "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
        "306f5471e3f7f1c6554760f74fe2f2244dc2aabae65341f96791242a621032e3",
        "da5e1330f3f009941d3fcf51f11b7990743a17333cdbfded50422da1519b6649",
        "f0a6db148a68b47c527746fbe909ddb7e1e19f2ce8130453292b71683ebd537a",
        "4d7e5441957d8c1546249e78e4d1fdd05bd341f7efedc7fc8e201793c5e842ad",
        "7d30fd948a3d978aae04b0e0761011bb3a882f96f023d08c25349c26f0ed6bf4",
    ],
    "empty_input": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "update_chains_strings_buffers_typed_arrays_and_dataviews": "bef57ec7f53a6d40beb640a780a639c83bc29ac8a9816f1fc6c5c6dcd93c4721",
    "update_with_input_encodings": "79a87069e90eeb9849f74812553671e1410e6f18",
    "digest_output_encodings": [
        "kAFQmDzST7DWlj99KOF/cg==",
        "kAFQmDzST7DWlj99KOF_cg",
        "\x90\x01P\x98<ÒO°Ö\x96?}(á\x7fr",
        "900150983cd24fb0d6963f7d28e17f72",
        True,
    ],
    "unicode_string_is_utf8": "a53c56966616f0ec3ed9db7ea07a6034430149528bbaba8966c284f9373669c2",
    "copy_forks_the_running_state": ["0cc175b9c0f1b6a831c399e269772661", "187ef4436122d1cc2f40dc2b92f0eba0"],
    "many_small_updates_equal_one_shot": [
        "d7c2d25a73d4cef3a268f7725c8ace637f86d01596b0505e3902a6f5c1d2c35e",
        "d7c2d25a73d4cef3a268f7725c8ace637f86d01596b0505e3902a6f5c1d2c35e",
    ],
    "large_single_update": "39411cfb546a32f86be9df86c2cb09a89d38170544400ef037a24a4c550d6b20bee8ed0a4d17baab71cfe9b30d3102ee9b6170a7e3c81d1953bdd1265582b7ac",
    "copy_after_large_input": ["cef25178edcdb92f85dfea2d9c4fe65fb7c75cbd", "23273351f3fc8f38697d6f8787fef53e2fedd09e"],
    "input_mutated_after_update_is_not_seen": "a9993e364706816aba3e25717850c26c9cd0d89d",
    "digest_twice_throws": ["Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called"],
    "update_after_digest_throws": ["Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called"],
    "copy_after_digest_throws": ["Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called"],
    "unknown_algorithm_throws": ["Error", None, "Digest method not supported"],
    "algorithm_must_be_a_string": [
        "TypeError",
        "ERR_INVALID_ARG_TYPE",
        'The "algorithm" argument must be of type string. Received type number (5)',
    ],
    "update_rejects_numbers": [
        "TypeError",
        "ERR_INVALID_ARG_TYPE",
        'The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. '
        "Received type number (5)",
    ],
    "output_length_must_match_a_fixed_digest": [64, ["Error", None, "invalid digest size"]],
    "hmac_with_string_key": "203d1e5cedd2d18f8c5a3beff0bd9c1ebcb97097dfcb288c46b00c9227fde2c0",
    "hmac_with_buffer_key_and_base64": "zbT3zdZi2gz8wERmiFZkMXZQsWI=",
    "hmac_with_secret_key_object": "38fbcb094b99f9a73d862d0cb2b01f9882259c562fbae7f3e39fe05ebf1dcb7a67580d8ca23dd2a0de710c3563d988018ae1424e5b2d2de34dd4f4ede3c7fc4c",
    "hmac_long_key_many_updates": "aa52c2c0a84bc2333c2ba6be9c9c48ef2bb05d8e9140161482c849d6b38cc57b6b16f76a39377ffc13cc65bfca1c6fce",
    "hmac_digest_twice_returns_empty": ["", 0],
    "hmac_unknown_digest_throws": ["Error", None, "Digest method not supported"],
    "hmac_key_must_be_bytes": [
        "TypeError",
        "ERR_INVALID_ARG_TYPE",
        'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ArrayBufferView, '
        "KeyObject, or CryptoKey. Received type number (5)",
    ],
    "hash_one_shot": [
        "a9993e364706816aba3e25717850c26c9cd0d89d",
        "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    ],
    "hash_one_shot_unknown_algorithm": ["Error", None, "Digest method not supported"],
    "get_hashes": [
        "md4",
        "md5",
        "sha1",
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "md5-sha1",
        "RSA-MD5",
        "RSA-SHA1",
        "RSA-SHA224",
        "RSA-SHA256",
        "RSA-SHA384",
        "RSA-SHA512",
        "DSA-SHA",
        "DSA-SHA1",
        "ecdsa-with-SHA1",
    ],
    "random_bytes_sync": [True, 20, 70000],
    "random_bytes_callback": [True, 8],
    "random_bytes_negative_size": [
        "RangeError",
        "ERR_OUT_OF_RANGE",
        'The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received -1',
    ],
    "random_fill_sync_fills_only_the_range": [True, True, True],
    "random_fill_callback": ["Uint32Array", 4],
    "random_int_in_range": [5, 6, 7, 8, 9],
    "random_int_callback": True,
    "random_int_min_not_below_max": [
        "RangeError",
        "ERR_OUT_OF_RANGE",
        'The value of "min" is out of range. It must be min < max. Received 10',
    ],
    "random_uuid_v4": True,
    "get_random_values": 4,
    "timing_safe_equal": [True, False],
    "timing_safe_equal_length_mismatch": ["TypeError", None, "Input buffers must have the same byte length."],
    "pbkdf2_sync": [
        "632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3",
        "133a0b823b029801576d5a38793387e88064dd5f",
        "m7zfTwsD41jZpvMRqVwp+N8d+sMItbRzS7KlL3Ev0/M4CmSDAavUeWu8hzw8GMLX7lzmiBjR7rYxpZupII6zpQ==",
    ],
    "pbkdf2_callback": "72aecd14244887c316e24019c7e020b5",
    "pbkdf2_unknown_digest": ["TypeError", None, "Invalid Pbkdf2 digest: nope."],
    "pbkdf2_zero_iterations": [
        "RangeError",
        "ERR_OUT_OF_RANGE",
        'The value of "iterations" is out of range. It must be >= 1 && <= 2147483647. Received 0',
    ],
    "scrypt_sync": [
        "745731af4484f323968969eda289aeee",
        "45530a84dc7fc12ea2336d560183df2b3b531d571f86cee20cf0763c427fcffa",
    ],
    "scrypt_callback": "4c367f271c389fd3",
    "hkdf_sync_returns_an_array_buffer": [
        True,
        "9ca0d662557439e3b83365f2da4626d35da195c6d9d1779f09838cf9e408966ece99106e2585ace6f083",
    ],
    "hkdf_callback": "ce60ef584b8b0861f0c101a92d935b7f",
    "secret_key_object": ["secret", 3, "abc", True],
    "aes_128_cbc_round_trip": [
        "71db388103a663f908aa2453634abde5d9906e721b2329ff73c01d1bd8b5db58534c2fbbab52383b36299fc0eda69252",
        "hello world, this is longer than a block",
    ],
    "aes_256_gcm_with_tag_and_aad": [
        "334270bfc8ea2773fc67f33f1631",
        "71c1755e96f443de1a9d3b4dec25f6b7",
        "secret message",
        "Authentication failed",
    ],
    "aes_192_ctr": "ae45ee787c42643581526da3",
    "cipher_invalid_key_length": ["Error", None, "Invalid key length"],
    "unimplemented_functions_say_so": [
        "Error",
        "ERR_METHOD_NOT_IMPLEMENTED",
        "The crypto.createSign method is not implemented",
    ],
    "hash_is_a_transform_stream": ["a9993e364706816aba3e25717850c26c9cd0d89d", "function"],
    "hmac_is_a_transform_stream": "c38edc8815c8489f64738978f44008f8596345545f0baa68ef6fcf5c53e57189",
    "readable_piped_into_a_hash_with_set_encoding": "a9993e364706816aba3e25717850c26c9cd0d89d",
    "cipher_is_a_transform_stream": "71db388103a663f908aa2453634abde5d9906e721b2329ff73c01d1bd8b5db58534c2fbbab52383b36299fc0eda69252",
    "webcrypto_is_the_global_crypto": [True, True],
    "named_and_default_exports_agree": True,
}


results = module_results(CASES_JS)


def test_every_case_has_an_expected_result(results: dict[str, Any]) -> None:
    assert sorted(results) == sorted(EXPECTED)


@pytest.mark.parametrize("case", list(EXPECTED))
def test_node_crypto_case(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


def test_running_hash_state_is_freed_at_digest() -> None:
    host = op_host()
    rid = node_crypto.op_nodecrypto_hash_open(host, "sha256", None, [b"ab"])
    copy = node_crypto.op_nodecrypto_hash_copy(host, rid, [b"c"])
    assert node_crypto.op_nodecrypto_hash_digest(host, rid, []) == node_crypto.op_nodecrypto_digest(
        host, "sha256", None, b"abc"
    )
    node_crypto.op_nodecrypto_hash_drop(host, copy)
    assert host.resources == {}


def test_cipher_state_is_freed_at_final() -> None:
    host = op_host()
    rid = node_crypto.op_nodecrypto_cipher_open(host, "cbc", bytes(16), bytes(16), False)
    node_crypto.op_nodecrypto_cipher_update(host, rid, b"x" * 20)
    out, tag = node_crypto.op_nodecrypto_cipher_final(host, rid)
    assert (len(out), tag) == (16, b"")
    assert host.resources == {}
