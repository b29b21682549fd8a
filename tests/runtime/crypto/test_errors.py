"""Error classes and workerd's messages for misuse: usages, algorithms, key data, JWKs, parameters."""

from __future__ import annotations

import pytest

from tests.runtime.crypto.helpers import run

AES = 'const aes = await subtle.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt"]);\n'
HMAC = 'const mac = await subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);\n'
EC = 'const ec = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);\n'
ECDH = 'const dh = await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, false, ["deriveBits"]);\n'
PBKDF2 = 'const pw = await subtle.importKey("raw", utf8("pw"), "PBKDF2", false, ["deriveBits"]);\n'

CASES = [
    # -- usages and algorithms ------------------------------------------------------------------
    ("sign_with_a_verify_only_key", HMAC + 'subtle.sign("HMAC", mac, utf8("m"))',
     "InvalidAccessError", 'Requested key usage "sign" does not match any usage listed in this CryptoKey.'),
    ("decrypt_with_an_encrypt_only_key", AES + 'subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, aes, new Uint8Array(32))',
     "InvalidAccessError", 'Requested key usage "decrypt" does not match any usage listed in this CryptoKey.'),
    ("encrypt_with_another_algorithm_than_the_key", AES + 'subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, aes, utf8("m"))',
     "InvalidAccessError", 'Requested algorithm "AES-CBC" does not match this CryptoKey\'s algorithm "AES-GCM".'),
    ("import_with_a_usage_the_algorithm_lacks", 'subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["sign"])',
     "SyntaxError", 'Attempt to import secret AES-GCM key with invalid usage "sign".'),
    ("import_with_an_unknown_usage", 'subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-1" }, false, ["sing"])',
     "SyntaxError", 'Attempt to import secret HMAC key with invalid usage "sing".'),
    ("generate_with_a_usage_the_algorithm_lacks", 'subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["encrypt"])',
     "SyntaxError", 'Attempt to generate ECDSA key with invalid usage "encrypt".'),
    ("import_spki_with_a_private_usage", EC + 'subtle.importKey("spki", await subtle.exportKey("spki", ec.publicKey), { name: "ECDSA", namedCurve: "P-256" }, true, ["sign"])',
     "SyntaxError", 'Attempt to import public ECDSA key with invalid usage "sign".'),
    ("secret_key_without_usages", 'subtle.generateKey({ name: "AES-KW", length: 128 }, true, [])',
     "SyntaxError", "Secret/private CryptoKeys must have at least one usage."),
    ("key_pair_without_private_usages", 'subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["verify"])',
     "SyntaxError", "Attempt to generate asymmetric keys with no valid private key usages."),
    ("generate_unknown_algorithm", 'subtle.generateKey({ name: "AES-XTS", length: 128 }, true, ["encrypt"])',
     "NotSupportedError", 'Unrecognized key generation algorithm "AES-XTS" requested.'),
    ("generate_pbkdf2", 'subtle.generateKey("PBKDF2", false, ["deriveBits"])',
     "NotSupportedError", 'Unrecognized key generation algorithm "PBKDF2" requested.'),
    ("import_unknown_algorithm", 'subtle.importKey("raw", new Uint8Array(16), "AES-SIV", false, ["encrypt"])',
     "NotSupportedError", 'Unrecognized key import algorithm "AES-SIV" requested.'),
    ("import_unknown_format", 'subtle.importKey("pem", new Uint8Array(16), "AES-GCM", false, ["encrypt"])',
     "NotSupportedError", 'Unrecognized key import format "pem".'),
    ("unknown_curve", 'subtle.generateKey({ name: "ECDH", namedCurve: "P-192" }, true, ["deriveBits"])',
     "NotSupportedError", 'Unrecognized or unimplemented EC curve "P-192" requested.'),
    ("sign_with_an_unknown_hash", EC + 'subtle.sign({ name: "ECDSA", hash: "SHA-224" }, ec.privateKey, utf8("m"))',
     "NotSupportedError", "Unrecognized or unimplemented digest algorithm requested."),
    # -- export ---------------------------------------------------------------------------------
    ("export_non_extractable", HMAC + 'subtle.exportKey("raw", mac)',
     "InvalidAccessError", "Attempt to export non-extractable HMAC key."),
    ("export_aes_as_spki", AES + 'subtle.exportKey("spki", aes)',
     "NotSupportedError", 'AES-GCM key only supports exporting "raw" & "jwk", not "spki".'),
    ("export_public_key_as_pkcs8", EC + 'subtle.exportKey("pkcs8", ec.publicKey)',
     "InvalidAccessError", 'Asymmetric pkcs8 export requires private key (not "public").'),
    ("export_private_ec_key_raw", EC + 'subtle.exportKey("raw", ec.privateKey)',
     "InvalidAccessError", "Raw export of elliptic curve keys is only allowed for public keys."),
    ("wrap_non_extractable_key", HMAC + 'const kw = await subtle.generateKey({ name: "AES-KW", length: 128 }, false, ["wrapKey"]);\n'
     'subtle.wrapKey("raw", mac, kw, "AES-KW")',
     "InvalidAccessError", "Attempt to export non-extractable HMAC key."),
    # -- bad key data ---------------------------------------------------------------------------
    ("aes_key_of_wrong_length", 'subtle.importKey("raw", new Uint8Array(20), "AES-CBC", false, ["encrypt"])',
     "DataError", "Imported AES key length must be 128, 192, or 256 bits but provided 160."),
    ("garbage_spki", 'subtle.importKey("spki", new Uint8Array([48, 3, 1, 2, 3]), { name: "RSA-OAEP", hash: "SHA-256" }, false, ["encrypt"])',
     "DataError", "Invalid SPKI input."),
    ("garbage_pkcs8", 'subtle.importKey("pkcs8", new Uint8Array(64), "Ed25519", false, ["sign"])',
     "DataError", "Invalid PKCS8 input."),
    ("pkcs8_of_another_key_type", EC + 'subtle.importKey("pkcs8", await subtle.exportKey("pkcs8", ec.privateKey), { name: "RSA-PSS", hash: "SHA-256" }, false, ["sign"])',
     "DataError", "Input key is not a valid RSA-PSS key."),
    ("pkcs8_of_another_curve", EC + 'subtle.importKey("pkcs8", await subtle.exportKey("pkcs8", ec.privateKey), { name: "ECDSA", namedCurve: "P-384" }, false, ["sign"])',
     "DataError", '"algorithm.namedCurve" "P-384" does not match the curve specified by the input key (P-256).'),
    ("raw_ed25519_of_wrong_length", 'subtle.importKey("raw", new Uint8Array(31), "Ed25519", false, ["verify"])',
     "DataError", "Ed25519 raw keys must be exactly 32-bytes (provided 31)."),
    ("raw_ec_point_off_the_curve", 'subtle.importKey("raw", new Uint8Array(65).fill(4, 0, 1), { name: "ECDH", namedCurve: "P-256" }, false, [])',
     "DataError", "Failed to import raw EC key data"),
    ("raw_import_of_a_string", 'subtle.importKey("raw", "0123456789abcdef", "AES-GCM", false, ["encrypt"])',
     "TypeError", 'Import data provided for "raw", "pkcs8", or "spki" import formats must be a buffer source.'),
    ("raw_rsa_import", 'subtle.importKey("raw", new Uint8Array(16), { name: "RSA-OAEP", hash: "SHA-1" }, false, ["encrypt"])',
     "NotSupportedError", 'Unrecognized key import format "raw".'),
    # -- malformed JWK --------------------------------------------------------------------------
    ("jwk_that_is_a_buffer", 'subtle.importKey("jwk", new Uint8Array(16), "AES-GCM", false, ["encrypt"])',
     "TypeError", 'Import data provided for "jwk" import format must be a JsonWebKey.'),
    ("jwk_with_wrong_kty", 'subtle.importKey("jwk", { kty: "RSA", k: "AAAAAAAAAAAAAAAAAAAAAA" }, "AES-GCM", false, ["encrypt"])',
     "DataError", 'Symmetric "jwk" key import requires a JSON Web Key with Key Type parameter "kty" equal to "oct" (encountered "RSA").'),
    ("jwk_with_wrong_alg", 'subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", alg: "A256GCM" }, "AES-GCM", false, ["encrypt"])',
     "DataError", 'Symmetric "jwk" key contains invalid "alg" value "A256GCM", expected "A128GCM".'),
    ("jwk_ext_false_but_extractable", 'subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", ext: false }, "AES-GCM", true, ["encrypt"])',
     "DataError", 'JWK ext field for "AES-GCM" is set to false but extractable is true'),
    ("jwk_key_ops_missing_a_usage", 'subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", key_ops: ["encrypt"] }, "AES-GCM", false, ["encrypt", "decrypt"])',
     "DataError", 'All specified key usages must be present in the JSON Web Key\'s Key Operations parameter ("key_ops").'),
    ("jwk_ec_without_coordinates", 'subtle.importKey("jwk", { kty: "EC", crv: "P-256" }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"])',
     "DataError", 'Invalid or missing "x" field in JSON Web Key.'),
    ("jwk_okp_with_other_curve", 'subtle.importKey("jwk", { kty: "OKP", crv: "Ed448", x: "AA" }, "Ed25519", false, ["verify"])',
     "NotSupportedError", 'Only Ed25519 is supported but "Ed448" was requested.'),
    ("jwk_rsa_with_wrong_alg", 'const p = await subtle.generateKey({ name: "RSA-PSS", hash: "SHA-256", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, true, ["sign"]);'
     'const j = await subtle.exportKey("jwk", p.publicKey);\n'
     'subtle.importKey("jwk", j, { name: "RSA-PSS", hash: "SHA-384" }, false, ["verify"])',
     "DataError", 'JSON Web Key Algorithm parameter "alg" ("PS256") does not match requested algorithm.'),
    ("unwrap_corrupt_jwk", 'const kw = await subtle.importKey("raw", new Uint8Array(16), "AES-KW", false, ["wrapKey", "unwrapKey"]);'
     'const notJson = await subtle.importKey("raw", utf8("{not json!!!!!!!!!!!!!!!!!!!!!!!"), "AES-GCM", true, ["encrypt"]);'
     'const wrapped = await subtle.wrapKey("raw", notJson, kw, "AES-KW");\n'
     'subtle.unwrapKey("jwk", wrapped, kw, "AES-KW", "AES-GCM", false, ["encrypt"])',
     "DataError", 'Missing "kty" field or corrupt JSON unwrapping key?'),
    # -- parameters -----------------------------------------------------------------------------
    ("hmac_without_hash", 'subtle.importKey("raw", utf8("k"), "HMAC", false, ["sign"])',
     "TypeError", 'Missing field "hash" in "algorithm".'),
    ("aes_generate_of_odd_length", 'subtle.generateKey({ name: "AES-GCM", length: 100 }, true, ["encrypt"])',
     "OperationError", "Generated AES key length must be 128, 192, or 256 bits but requested 100."),
    ("aes_gcm_without_iv", AES + 'subtle.encrypt({ name: "AES-GCM" }, aes, utf8("m"))',
     "TypeError", 'Missing field "iv" in "algorithm".'),
    ("aes_gcm_bad_tag_length", AES + 'subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12), tagLength: 100 }, aes, utf8("m"))',
     "OperationError", "Invalid AES-GCM tag length 100."),
    ("aes_cbc_short_iv", 'const k = await subtle.importKey("raw", new Uint8Array(16), "AES-CBC", false, ["encrypt"]);\n'
     'subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(8) }, k, utf8("m"))',
     "OperationError", "AES-CBC IV must be 16 bytes long (provided 8 bytes)."),
    ("aes_ctr_zero_length_counter", 'const k = await subtle.importKey("raw", new Uint8Array(16), "AES-CTR", false, ["encrypt"]);\n'
     'subtle.encrypt({ name: "AES-CTR", counter: new Uint8Array(16), length: 0 }, k, utf8("m"))',
     "OperationError", "Invalid counter of 0 bits length provided."),
    ("aes_gcm_tampered_ciphertext", 'const k = await subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt", "decrypt"]);'
     'const iv = new Uint8Array(12); const c = new Uint8Array(await subtle.encrypt({ name: "AES-GCM", iv }, k, utf8("hello"))); c[0] ^= 1;\n'
     'subtle.decrypt({ name: "AES-GCM", iv }, k, c)',
     "OperationError", "Decryption failed. This could be due to a ciphertext authentication failure, bad padding, incorrect "
     "CryptoKey, or another algorithm-specific reason. Input length was 5, output length expected to be 5 for AES-GCM"),
    ("rsa_pss_without_salt_length", 'const p = await subtle.generateKey({ name: "RSA-PSS", hash: "SHA-256", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, false, ["sign"]);\n'
     'subtle.sign("RSA-PSS", p.privateKey, utf8("m"))',
     "TypeError", "Failed to provide salt for RSA-PSS key operation which requires a salt"),
    ("ecdsa_without_hash", EC + 'subtle.sign("ECDSA", ec.privateKey, utf8("m"))',
     "TypeError", 'Missing "hash" in AlgorithmIdentifier. (ECDSA requires that the hash algorithm be specified at call time '
     "rather than on the key. This differs from other WebCrypto algorithms for historical reasons.)"),
    ("pbkdf2_extractable", 'subtle.importKey("raw", utf8("pw"), "PBKDF2", true, ["deriveBits"])',
     "SyntaxError", "PBKDF2 key cannot be extractable."),
    ("pbkdf2_jwk_import", 'subtle.importKey("jwk", { kty: "oct", k: "AA" }, "PBKDF2", false, ["deriveBits"])',
     "NotSupportedError", 'PBKDF2 key must be imported in "raw" format (requested "jwk").'),
    ("pbkdf2_null_length", PBKDF2 + 'subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 1 }, pw, null)',
     "OperationError", "PBKDF2 cannot derive a key with null length."),
    ("pbkdf2_zero_iterations", PBKDF2 + 'subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 0 }, pw, 64)',
     "OperationError", "PBKDF2 requires a positive iteration count (requested 0)."),
    ("hkdf_length_not_a_multiple_of_8", 'const k = await subtle.importKey("raw", utf8("k"), "HKDF", false, ["deriveBits"]);\n'
     'subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: utf8(""), info: utf8("") }, k, 12)',
     "OperationError", "HKDF requires a derived key length that is a multiple of eight (requested 12)."),
    ("derive_key_into_unknown_algorithm", 'const k = await subtle.importKey("raw", utf8("k"), "HKDF", false, ["deriveKey"]);\n'
     'subtle.deriveKey({ name: "HKDF", hash: "SHA-256", salt: utf8(""), info: utf8("") }, k, { name: "ECDSA" }, false, ["sign"])',
     "NotSupportedError", 'Unrecognized derived key type "ECDSA" requested.'),
    ("ecdh_without_public", ECDH + 'subtle.deriveBits({ name: "ECDH" }, dh.privateKey, 256)',
     "TypeError", 'Missing field "public" in "derivedKeyParams".'),
    ("ecdh_with_private_as_public", ECDH + 'subtle.deriveBits({ name: "ECDH", public: dh.privateKey }, dh.privateKey, 256)',
     "InvalidAccessError", 'The provided key has type "private", not "public"'),
    ("ecdh_across_curves", ECDH + 'const other = await subtle.generateKey({ name: "ECDH", namedCurve: "P-384" }, false, ["deriveBits"]);\n'
     'subtle.deriveBits({ name: "ECDH", public: other.publicKey }, dh.privateKey, 256)',
     "InvalidAccessError", 'Private key for derivation is using curve "P-256" while public key is using "P-384".'),
    ("ecdh_too_many_bits", ECDH + 'subtle.deriveBits({ name: "ECDH", public: dh.publicKey }, dh.privateKey, 512)',
     "OperationError", "Derived key length (512 bits) is too long (should be at most 256 bits)."),
    ("aes_kw_of_short_data", 'const k = await subtle.importKey("raw", new Uint8Array(16), "AES-KW", false, ["unwrapKey"]);\n'
     'subtle.unwrapKey("raw", new Uint8Array(16), k, "AES-KW", "AES-GCM", false, ["encrypt"])',
     "OperationError", "Provided a wrapped key to unwrap this is 128 bits that is less than the minimal length of 192 bits."),
]


@pytest.mark.parametrize(("snippet", "name", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_misuse_rejects_with_workerds_error_class_and_message(snippet: str, name: str, message: str) -> None:
    # The snippet's last line is the call under test; the lines before it set up keys.
    body, _, last = snippet.rpartition("\n")
    result = run(f"{body}\nreturn caught(async () => {last.strip()});")
    klass = "TypeError" if name == "TypeError" else "DOMException"
    assert result == [klass, name, message]


def test_argument_errors_reject_instead_of_throwing() -> None:
    assert run("""
      let threw = false, p;
      try { p = subtle.digest(); } catch { threw = true; }
      return [threw, p instanceof Promise, await caught(p)];
    """) == [False, True, ["TypeError", "TypeError",
                           "Failed to execute 'digest' on 'SubtleCrypto': 2 arguments required, but only 0 present."]]


def test_verify_of_a_wrong_length_ecdsa_signature_is_false_not_an_error() -> None:
    assert run(EC + 'return subtle.verify({ name: "ECDSA", hash: "SHA-256" }, ec.publicKey, new Uint8Array(10), utf8("m"))') is False


def test_op_failures_do_not_leak_internal_errors_for_bad_jwk_base64() -> None:
    assert run('return caught(subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: "!!", y: "AA" }, { name: "ECDH", namedCurve: "P-256" }, false, []))')[1] == "DataError"
