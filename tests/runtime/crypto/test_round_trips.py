"""generateKey -> exportKey -> importKey -> use, for every algorithm and every format it allows."""

from __future__ import annotations

import pytest

from tests.runtime.crypto.helpers import run

ROUND_TRIP = """
const sameExport = async (fmt, a, b) => {
  const x = await subtle.exportKey(fmt, a), y = await subtle.exportKey(fmt, b);
  return fmt === "jwk" ? JSON.stringify(x) === JSON.stringify(y) : hex(x) === hex(y);
};
const reimport = async (fmt, key, alg) => subtle.importKey(fmt, await subtle.exportKey(fmt, key), alg, true, key.usages);
"""

SECRET = [
    ({"name": "AES-GCM", "length": 256}, ["encrypt", "decrypt"], {"name": "AES-GCM", "iv": "IV12"}),
    ({"name": "AES-CBC", "length": 128}, ["encrypt", "decrypt"], {"name": "AES-CBC", "iv": "IV16"}),
    ({"name": "AES-CTR", "length": 192}, ["encrypt", "decrypt"], {"name": "AES-CTR", "counter": "IV16", "length": 64}),
    ({"name": "AES-KW", "length": 128}, ["wrapKey", "unwrapKey"], {"name": "AES-KW"}),
    ({"name": "HMAC", "hash": "SHA-384"}, ["sign", "verify"], {"name": "HMAC"}),
]


def _js_alg(alg: dict[str, object]) -> str:
    parts = []
    for k, v in alg.items():
        if v == "IV12":
            parts.append(f"{k}: new Uint8Array(12).fill(7)")
        elif v == "IV16":
            parts.append(f"{k}: new Uint8Array(16).fill(7)")
        else:
            parts.append(f"{k}: {v!r}" if isinstance(v, str) else f"{k}: {v}")
    return "{ " + ", ".join(parts).replace("'", '"') + " }"


@pytest.mark.parametrize("fmt", ["raw", "jwk"])
@pytest.mark.parametrize(("gen", "usages", "op"), SECRET, ids=[s[0]["name"] for s in SECRET])
def test_secret_keys_survive_export_and_import(gen: dict[str, object], usages: list[str], op: dict[str, object],
                                               fmt: str) -> None:
    name = gen["name"]
    import_alg = _js_alg({"name": name, "hash": gen["hash"]} if name == "HMAC" else {"name": name})
    if name == "HMAC":
        use = "const s = await subtle.sign(OP, k, utf8('m')); return [await subtle.verify(OP, k2, s, utf8('m')), same, k2.algorithm];"
    elif name == "AES-KW":
        use = """const inner = await subtle.generateKey({ name: "AES-GCM", length: 128 }, true, ["encrypt"]);
                 const w = await subtle.wrapKey("raw", inner, k, OP);
                 const back = await subtle.unwrapKey("raw", w, k2, OP, "AES-GCM", true, ["encrypt"]);
                 return [await sameExport("raw", inner, back), same, k2.algorithm];"""
    else:
        use = "const c = await subtle.encrypt(OP, k, utf8('hello')); return [new TextDecoder().decode(await subtle.decrypt(OP, k2, c)) === 'hello', same, k2.algorithm];"
    result = run(ROUND_TRIP + f"""
      const OP = {_js_alg(op)};
      const k = await subtle.generateKey({_js_alg(gen)}, true, {usages!r});
      const k2 = await reimport("{fmt}", k, {import_alg});
      const same = await sameExport("{fmt}", k, k2);
      {use}
    """.replace("'", '"'))
    assert result[:2] == [True, True]
    assert result[2]["name"] == name
    assert result[2]["length"] == gen.get("length", 1024)


def test_pbkdf2_and_hkdf_keys_import_raw_and_derive_aes_keys() -> None:
    assert run("""
      const out = [];
      for (const [name, params] of [["PBKDF2", { iterations: 1000 }], ["HKDF", { info: utf8("i") }]]) {
        const base = await subtle.importKey("raw", utf8("secret"), name, false, ["deriveKey", "deriveBits"]);
        const alg = { name, hash: "SHA-256", salt: utf8("salt"), ...params };
        const key = await subtle.deriveKey(alg, base, { name: "AES-GCM", length: 128 }, true, ["encrypt"]);
        const bits = await subtle.deriveBits(alg, base, 128);
        out.push([base.type, base.extractable, base.algorithm.name, key.algorithm.length,
                  hex(await subtle.exportKey("raw", key)) === hex(bits)]);
      }
      return out;
    """) == [["secret", False, "PBKDF2", 128, True], ["secret", False, "HKDF", 128, True]]


def test_hmac_derived_key_defaults_to_the_hash_block_size() -> None:
    assert run("""
      const base = await subtle.importKey("raw", utf8("pw"), "PBKDF2", false, ["deriveKey"]);
      const k = await subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 10 }, base,
        { name: "HMAC", hash: "SHA-512" }, true, ["sign"]);
      return [k.algorithm.length, k.algorithm.hash.name, (await subtle.exportKey("raw", k)).byteLength];
    """) == [1024, "SHA-512", 128]


SIGNERS = [
    ({"name": "RSASSA-PKCS1-v1_5", "modulusLength": 1024, "publicExponent": "E", "hash": "SHA-256"}, {"name": "RSASSA-PKCS1-v1_5"}),
    ({"name": "RSA-PSS", "modulusLength": 1024, "publicExponent": "E", "hash": "SHA-384"}, {"name": "RSA-PSS", "saltLength": 32}),
    ({"name": "ECDSA", "namedCurve": "P-256"}, {"name": "ECDSA", "hash": "SHA-256"}),
    ({"name": "ECDSA", "namedCurve": "P-384"}, {"name": "ECDSA", "hash": "SHA-384"}),
    ({"name": "ECDSA", "namedCurve": "P-521"}, {"name": "ECDSA", "hash": "SHA-512"}),
    ({"name": "Ed25519"}, {"name": "Ed25519"}),
    ({"name": "NODE-ED25519", "namedCurve": "NODE-ED25519"}, {"name": "NODE-ED25519"}),
]
FORMATS = {"RSA": ["spki", "pkcs8", "jwk"], "EC": ["raw", "spki", "pkcs8", "jwk"]}


def _gen_js(gen: dict[str, object]) -> str:
    return _js_alg({k: v for k, v in gen.items() if v != "E"}).replace(
        " }", ", publicExponent: new Uint8Array([1, 0, 1]) }" if "publicExponent" in gen else " }")


def _import_js(gen: dict[str, object]) -> str:
    return _js_alg({k: v for k, v in gen.items() if k in ("name", "namedCurve", "hash")})


@pytest.mark.parametrize(("gen", "op"), SIGNERS, ids=[f"{g['name']}-{g.get('namedCurve', '')}" for g, _ in SIGNERS])
def test_signing_keys_survive_every_format(gen: dict[str, object], op: dict[str, object]) -> None:
    formats = FORMATS["RSA" if str(gen["name"]).startswith("RS") else "EC"]
    result = run(ROUND_TRIP + f"""
      const OP = {_js_alg(op)};
      const ALG = {_import_js(gen)};
      const {{ publicKey, privateKey }} = await subtle.generateKey({_gen_js(gen)}, true, ["sign", "verify"]);
      const out = {{}};
      for (const fmt of {formats!r}) {{
        const pub = fmt === "pkcs8" ? publicKey : await reimport(fmt, publicKey, ALG);
        const priv = fmt === "raw" || fmt === "spki" ? privateKey : await reimport(fmt, privateKey, ALG);
        const sig = await subtle.sign(OP, priv, utf8("message"));
        out[fmt] = [await subtle.verify(OP, pub, sig, utf8("message")), await subtle.verify(OP, pub, sig, utf8("massage")),
                    await sameExport(fmt === "pkcs8" ? "pkcs8" : fmt === "jwk" ? "jwk" : fmt, fmt === "pkcs8" ? privateKey : publicKey,
                                     fmt === "pkcs8" ? priv : pub),
                    pub.type, priv.type, pub.usages, priv.usages];
      }}
      return [out, publicKey.algorithm];
    """.replace("'", '"'))
    out, algorithm = result
    for fmt in formats:
        assert out[fmt] == [True, False, True, "public", "private", ["verify"], ["sign"]], fmt
    assert algorithm["name"] == gen["name"]
    if "modulusLength" in gen:
        assert algorithm["modulusLength"] == 1024 and algorithm["hash"] == {"name": gen["hash"]}
        assert bytes(algorithm["publicExponent"]) == b"\x01\x00\x01"


@pytest.mark.parametrize("fmt", ["spki", "pkcs8", "jwk"])
def test_rsa_oaep_keys_survive_every_format(fmt: str) -> None:
    assert run(ROUND_TRIP + f"""
      const ALG = {{ name: "RSA-OAEP", hash: "SHA-256" }};
      const {{ publicKey, privateKey }} = await subtle.generateKey({{ ...ALG, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }},
        true, ["encrypt", "decrypt", "wrapKey", "unwrapKey"]);
      const pub = "{fmt}" === "pkcs8" ? publicKey : await reimport("{fmt}", publicKey, ALG);
      const priv = "{fmt}" === "spki" ? privateKey : await reimport("{fmt}", privateKey, ALG);
      const label = {{ name: "RSA-OAEP", label: utf8("L") }};
      const ct = await subtle.encrypt(label, pub, utf8("secret"));
      return [new TextDecoder().decode(await subtle.decrypt(label, priv, ct)), pub.usages, priv.usages,
              (await caught(subtle.decrypt("RSA-OAEP", priv, ct)))?.[1]];
    """) == ["secret", ["encrypt", "wrapKey"], ["decrypt", "unwrapKey"], "OperationError"]


AGREEMENT = [("ECDH", "P-256", 256), ("ECDH", "P-384", 384), ("ECDH", "P-521", 528), ("X25519", None, 256)]


@pytest.mark.parametrize(("name", "curve", "bits"), AGREEMENT, ids=[f"{n}-{c}" for n, c, _ in AGREEMENT])
def test_key_agreement_keys_survive_every_format_and_agree(name: str, curve: str | None, bits: int) -> None:
    alg = f'{{ name: "{name}"' + (f', namedCurve: "{curve}" }}' if curve else " }")
    assert run(ROUND_TRIP + f"""
      const ALG = {alg};
      const a = await subtle.generateKey(ALG, true, ["deriveBits", "deriveKey"]);
      const b = await subtle.generateKey(ALG, true, ["deriveBits"]);
      const expected = hex(await subtle.deriveBits({{ name: "{name}", public: b.publicKey }}, a.privateKey, null));
      const out = [];
      for (const fmt of ["raw", "spki", "pkcs8", "jwk"]) {{
        const pub = fmt === "pkcs8" ? b.publicKey : await reimport(fmt, b.publicKey, ALG);
        const priv = fmt === "raw" || fmt === "spki" ? a.privateKey : await reimport(fmt, a.privateKey, ALG);
        const other = hex(await subtle.deriveBits({{ name: "{name}", public: a.publicKey }}, b.privateKey, null));
        out.push(hex(await subtle.deriveBits({{ name: "{name}", public: pub }}, priv, null)) === expected && other === expected);
      }}
      const short = await subtle.deriveBits({{ name: "{name}", public: b.publicKey }}, a.privateKey, 12);
      const aes = await subtle.deriveKey({{ name: "{name}", public: b.publicKey }}, a.privateKey, {{ name: "AES-GCM", length: 128 }}, true, ["encrypt"]);
      return [out, expected.length * 4, hex(short) === expected.slice(0, 3) + "0",
              hex(await subtle.exportKey("raw", aes)) === expected.slice(0, 32), a.publicKey.usages, a.privateKey.usages];
    """) == [[True, True, True, True], bits, True, True, [], ["deriveKey", "deriveBits"]]
