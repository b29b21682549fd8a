"""Known-answer vectors: RFC 4231 HMAC, NIST GCM, SP 800-38A AES, RFC 3394 AES-KW, RFC 5869 HKDF, RFC 6070 PBKDF2, RFC 8032 Ed25519."""

from __future__ import annotations

import pytest

from tests.runtime.crypto.helpers import run

# RFC 4231 test cases 1, 2, 3, 6: (key hex, data hex, hash, expected HMAC hex).
HMAC_VECTORS = [
    ("0b" * 20, b"Hi There".hex(), "SHA-256", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    ("0b" * 20, b"Hi There".hex(), "SHA-512",
     "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
    (b"Jefe".hex(), b"what do ya want for nothing?".hex(), "SHA-256",
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    (b"Jefe".hex(), b"what do ya want for nothing?".hex(), "SHA-384",
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"),
    ("aa" * 20, "dd" * 50, "SHA-256", "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    ("aa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First".hex(), "SHA-256",
     "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
]


@pytest.mark.parametrize(("key", "data", "hash_name", "expected"), HMAC_VECTORS)
def test_hmac_sign_and_verify_match_rfc4231(key: str, data: str, hash_name: str, expected: str) -> None:
    assert run(f"""
      const k = await subtle.importKey("raw", unhex("{key}"), {{ name: "HMAC", hash: "{hash_name}" }}, false, ["sign", "verify"]);
      const sig = await subtle.sign("HMAC", k, unhex("{data}"));
      return [hex(sig), await subtle.verify("HMAC", k, sig, unhex("{data}")),
              await subtle.verify("HMAC", k, sig, unhex("{data}00"))];
    """) == [expected, True, False]


GCM_KEY = "feffe9928665731c6d6a8f9467308308"
GCM_IV = "cafebabefacedbaddecaf888"
GCM_PT = ("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
          "b16aedf5aa0de657ba637b391aafd255")
GCM_CT = ("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
          "1ba30b396a0aac973d58e091473f5985")


@pytest.mark.parametrize(("key", "iv", "pt", "aad", "expected"), [
    ("00" * 16, "00" * 12, "00" * 16, None, "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"),
    (GCM_KEY, GCM_IV, GCM_PT, None, GCM_CT + "4d5c2af327cd64a62cf35abd2ba6fab4"),
    (GCM_KEY, GCM_IV, GCM_PT[:120], "feedfacedeadbeeffeedfacedeadbeefabaddad2", GCM_CT[:120] + "5bc94fbc3221a5db94fae95ae7121a47"),
])
def test_aes_gcm_matches_nist_gcm_spec_vectors(key: str, iv: str, pt: str, aad: str | None, expected: str) -> None:
    extra = f', additionalData: unhex("{aad}")' if aad else ""
    assert run(f"""
      const k = await subtle.importKey("raw", unhex("{key}"), "AES-GCM", false, ["encrypt", "decrypt"]);
      const alg = {{ name: "AES-GCM", iv: unhex("{iv}"){extra} }};
      const ct = await subtle.encrypt(alg, k, unhex("{pt}"));
      return [hex(ct), hex(await subtle.decrypt(alg, k, ct))];
    """) == [expected, pt]


def test_aes_gcm_truncated_tag_is_a_prefix_of_the_full_tag() -> None:
    assert run(f"""
      const k = await subtle.importKey("raw", unhex("{GCM_KEY}"), "AES-GCM", false, ["encrypt", "decrypt"]);
      const alg = {{ name: "AES-GCM", iv: unhex("{GCM_IV}"), tagLength: 96 }};
      const ct = await subtle.encrypt(alg, k, unhex("{GCM_PT}"));
      return [hex(ct), hex(await subtle.decrypt(alg, k, ct))];
    """) == [GCM_CT + "4d5c2af327cd64a62cf35abd", GCM_PT]


def test_aes_cbc_matches_sp800_38a_first_block_then_pads() -> None:
    assert run("""
      const k = await subtle.importKey("raw", unhex("2b7e151628aed2a6abf7158809cf4f3c"), "AES-CBC", false, ["encrypt", "decrypt"]);
      const alg = { name: "AES-CBC", iv: unhex("000102030405060708090a0b0c0d0e0f") };
      const ct = await subtle.encrypt(alg, k, unhex("6bc1bee22e409f96e93d7e117393172a"));
      return [ct.byteLength, hex(ct).slice(0, 32), hex(await subtle.decrypt(alg, k, ct))];
    """) == [32, "7649abac8119b246cee98e9b12e9197d", "6bc1bee22e409f96e93d7e117393172a"]


def test_aes_ctr_matches_sp800_38a() -> None:
    assert run("""
      const k = await subtle.importKey("raw", unhex("2b7e151628aed2a6abf7158809cf4f3c"), "AES-CTR", false, ["encrypt"]);
      const ct = await subtle.encrypt({ name: "AES-CTR", counter: unhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), length: 64 },
        k, unhex("6bc1bee22e409f96e93d7e117393172a"));
      return hex(ct);
    """) == "874d6191b620e3261bef6864990db6ce"


def test_aes_ctr_counter_wraps_within_its_length_bits() -> None:
    # With length 8 the counter's last byte wraps from ff to 00 and the other 15 bytes stay put.
    assert run("""
      const k = await subtle.importKey("raw", unhex("2b7e151628aed2a6abf7158809cf4f3c"), "AES-CTR", false, ["encrypt"]);
      const zero = new Uint8Array(32);
      const wrapped = await subtle.encrypt({ name: "AES-CTR", counter: unhex("000102030405060708090a0b0c0d0eff"), length: 8 }, k, zero);
      const first = await subtle.encrypt({ name: "AES-CTR", counter: unhex("000102030405060708090a0b0c0d0eff"), length: 8 }, k, zero.subarray(0, 16));
      const second = await subtle.encrypt({ name: "AES-CTR", counter: unhex("000102030405060708090a0b0c0d0e00"), length: 8 }, k, zero.subarray(0, 16));
      return hex(wrapped) === hex(first) + hex(second);
    """) is True


def test_aes_kw_matches_rfc3394() -> None:
    assert run("""
      const kek = await subtle.importKey("raw", unhex("000102030405060708090a0b0c0d0e0f"), "AES-KW", false, ["wrapKey", "unwrapKey"]);
      const key = await subtle.importKey("raw", unhex("00112233445566778899aabbccddeeff"), "AES-GCM", true, ["encrypt"]);
      const wrapped = await subtle.wrapKey("raw", key, kek, "AES-KW");
      const back = await subtle.unwrapKey("raw", wrapped, kek, "AES-KW", "AES-GCM", true, ["encrypt"]);
      return [hex(wrapped), hex(await subtle.exportKey("raw", back))];
    """) == ["1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5", "00112233445566778899aabbccddeeff"]


@pytest.mark.parametrize(("salt", "info", "expected"), [
    ("000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9",
     "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
    ("", "", "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
])
def test_hkdf_matches_rfc5869(salt: str, info: str, expected: str) -> None:
    assert run(f"""
      const k = await subtle.importKey("raw", unhex("{"0b" * 22}"), "HKDF", false, ["deriveBits"]);
      return hex(await subtle.deriveBits({{ name: "HKDF", hash: "SHA-256", salt: unhex("{salt}"), info: unhex("{info}") }}, k, 42 * 8));
    """) == expected


@pytest.mark.parametrize(("password", "salt", "iterations", "length", "expected"), [
    ("password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
    ("password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
    ("password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1"),
    ("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25,
     "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"),
    ("pass\\u0000word", "sa\\u0000lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3"),
])
def test_pbkdf2_matches_rfc6070(password: str, salt: str, iterations: int, length: int, expected: str) -> None:
    assert run(f"""
      const k = await subtle.importKey("raw", utf8("{password}"), "PBKDF2", false, ["deriveBits"]);
      return hex(await subtle.deriveBits({{ name: "PBKDF2", hash: "SHA-1", salt: utf8("{salt}"), iterations: {iterations} }}, k, {length * 8}));
    """) == expected


def test_pbkdf2_above_workers_iteration_limit_is_not_supported() -> None:
    # RFC 6070's 16777216-iteration vector is over the platform's limit of 100000.
    assert run("""
      const k = await subtle.importKey("raw", utf8("password"), "PBKDF2", false, ["deriveBits"]);
      return caught(subtle.deriveBits({ name: "PBKDF2", hash: "SHA-1", salt: utf8("salt"), iterations: 16777216 }, k, 160));
    """) == ["DOMException", "NotSupportedError",
             "Pbkdf2 failed: iteration counts above 100000 are not supported (requested 16777216)."]


ED25519_VECTORS = [
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
]


@pytest.mark.parametrize(("secret", "public", "message", "signature"), ED25519_VECTORS)
def test_ed25519_signatures_match_rfc8032(secret: str, public: str, message: str, signature: str) -> None:
    assert run(f"""
      const b64 = (h) => btoa(String.fromCharCode(...unhex(h))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
      const priv = await subtle.importKey("jwk", {{ kty: "OKP", crv: "Ed25519", d: b64("{secret}"), x: b64("{public}") }},
        "Ed25519", false, ["sign"]);
      const pub = await subtle.importKey("raw", unhex("{public}"), "Ed25519", true, ["verify"]);
      const sig = await subtle.sign("Ed25519", priv, unhex("{message}"));
      return [hex(sig), await subtle.verify("Ed25519", pub, sig, unhex("{message}")),
              await subtle.verify({{ name: "Ed25519" }}, pub, sig, unhex("{message}ff"))];
    """) == [signature, True, False]
