"""The shape of exported JSON Web Keys: kty, alg, key_ops, ext and the key members."""

from __future__ import annotations

import pytest

from tests.runtime.crypto.helpers import run


@pytest.mark.parametrize(("gen", "alg"), [
    ('{ name: "AES-GCM", length: 128 }', "A128GCM"),
    ('{ name: "AES-CBC", length: 192 }', "A192CBC"),
    ('{ name: "AES-CTR", length: 256 }', "A256CTR"),
    ('{ name: "AES-KW", length: 256 }', "A256KW"),
    ('{ name: "HMAC", hash: "SHA-1" }', "HS1"),
    ('{ name: "HMAC", hash: "SHA-512" }', "HS512"),
])
def test_secret_jwk_has_oct_kty_alg_usages_and_ext(gen: str, alg: str) -> None:
    usages = '["wrapKey", "unwrapKey"]' if "KW" in gen else '["sign", "verify"]' if "HMAC" in gen else '["decrypt", "encrypt"]'
    jwk = run(f"""
      const k = await subtle.generateKey({gen}, true, {usages});
      const jwk = await subtle.exportKey("jwk", k);
      return [Object.keys(jwk), jwk, hex(b64u(jwk.k)) === hex(await subtle.exportKey("raw", k))];
    """)
    keys, body, same = jwk
    assert keys == ["kty", "k", "alg", "key_ops", "ext"]
    assert body["kty"] == "oct" and body["alg"] == alg and body["ext"] is True and same is True
    assert "=" not in body["k"] and "+" not in body["k"] and "/" not in body["k"]
    assert body["key_ops"] == {"A": ["encrypt", "decrypt"], "H": ["sign", "verify"]}.get(alg[0] if "KW" not in alg else "",
                                                                                        ["wrapKey", "unwrapKey"])


def test_rsa_jwk_alg_follows_algorithm_and_hash() -> None:
    assert run("""
      const out = [];
      for (const [name, hash, usages] of [["RSASSA-PKCS1-v1_5", "SHA-256", ["sign"]], ["RSA-PSS", "SHA-512", ["sign"]],
                                          ["RSA-OAEP", "SHA-1", ["decrypt"]], ["RSA-OAEP", "SHA-384", ["decrypt"]]]) {
        const { privateKey, publicKey } = await subtle.generateKey({ name, hash, modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, true, usages);
        const priv = await subtle.exportKey("jwk", privateKey), pub = await subtle.exportKey("jwk", publicKey);
        out.push([priv.alg, Object.keys(priv).sort().join(","), Object.keys(pub).sort().join(","), pub.e]);
      }
      return out;
    """) == [
        ["RS256", "alg,d,dp,dq,e,ext,key_ops,kty,n,p,q,qi", "alg,e,ext,key_ops,kty,n", "AQAB"],
        ["PS512", "alg,d,dp,dq,e,ext,key_ops,kty,n,p,q,qi", "alg,e,ext,key_ops,kty,n", "AQAB"],
        ["RSA-OAEP", "alg,d,dp,dq,e,ext,key_ops,kty,n,p,q,qi", "alg,e,ext,key_ops,kty,n", "AQAB"],
        ["RSA-OAEP-384", "alg,d,dp,dq,e,ext,key_ops,kty,n,p,q,qi", "alg,e,ext,key_ops,kty,n", "AQAB"],
    ]


def test_ec_jwk_has_fixed_size_coordinates_and_curve() -> None:
    assert run("""
      const out = [];
      for (const [crv, size] of [["P-256", 32], ["P-384", 48], ["P-521", 66]]) {
        const { privateKey } = await subtle.generateKey({ name: "ECDSA", namedCurve: crv }, true, ["sign", "verify"]);
        const jwk = await subtle.exportKey("jwk", privateKey);
        out.push([jwk.kty, jwk.crv, jwk.alg, b64u(jwk.x).length === size && b64u(jwk.y).length === size && b64u(jwk.d).length === size,
                  jwk.key_ops, jwk.ext]);
      }
      const { publicKey } = await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
      const pub = await subtle.exportKey("jwk", publicKey);
      out.push([pub.kty, pub.crv, "alg" in pub, "d" in pub, pub.key_ops, pub.ext]);
      return out;
    """) == [
        ["EC", "P-256", "ES256", True, ["sign"], True],
        ["EC", "P-384", "ES384", True, ["sign"], True],
        ["EC", "P-521", "ES512", True, ["sign"], True],
        ["EC", "P-256", False, False, [], True],
    ]


def test_okp_jwk_for_ed25519_and_x25519() -> None:
    assert run("""
      const ed = await subtle.generateKey("Ed25519", true, ["sign", "verify"]);
      const x = await subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
      const a = await subtle.exportKey("jwk", ed.privateKey), b = await subtle.exportKey("jwk", x.publicKey);
      return [a.kty, a.crv, a.alg, b64u(a.d).length, b64u(a.x).length, a.x === (await subtle.exportKey("jwk", ed.publicKey)).x,
              b.kty, b.crv, "alg" in b, "d" in b];
    """) == ["OKP", "Ed25519", "EdDSA", 32, 32, True, "OKP", "X25519", False, False]


def test_wrap_key_in_jwk_format_wraps_the_json_text() -> None:
    assert run("""
      const kek = await subtle.importKey("raw", new Uint8Array(32), "AES-GCM", false, ["wrapKey", "unwrapKey", "decrypt"]);
      const key = await subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
      const iv = new Uint8Array(12);
      const wrapped = await subtle.wrapKey("jwk", key, kek, { name: "AES-GCM", iv });
      const json = JSON.parse(new TextDecoder().decode(await subtle.decrypt({ name: "AES-GCM", iv }, kek, wrapped)));
      const back = await subtle.unwrapKey("jwk", wrapped, kek, { name: "AES-GCM", iv }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return [back.algorithm.name, back.algorithm.hash.name, back.extractable, back.usages, json.kty, json.alg, json.key_ops];
    """) == ["HMAC", "SHA-256", False, ["sign"], "oct", "HS256", ["sign"]]


def test_key_algorithm_usages_and_type_are_exposed_on_crypto_key() -> None:
    assert run("""
      const k = await subtle.importKey("raw", new Uint8Array(16), { name: "aes-gcm" }, false, ["decrypt", "encrypt", "encrypt"]);
      return [k.type, k.extractable, k.algorithm, k.usages, String(k), k instanceof CryptoKey];
    """) == ["secret", False, {"name": "AES-GCM", "length": 128}, ["encrypt", "decrypt"], "[object CryptoKey]", True]
