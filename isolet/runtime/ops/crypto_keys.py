"""Asymmetric key material for ``crypto.subtle``: generate, import, export.

Keys never live in Python between calls. A private key crosses as PKCS#8 DER,
a public key as SPKI DER; 30_crypto.js keeps those bytes in the CryptoKey's
private slot and hands them back to each op. Secret keys (AES, HMAC, PBKDF2,
HKDF) are plain bytes that JS handles itself, so nothing here sees them.

Algorithm and curve names arrive canonical (JS normalises them).
"""

from __future__ import annotations

import base64
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa, x25519

from isolet.errors import JSError
from isolet.runtime.host import IsolateHost

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey
PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey | x25519.X25519PublicKey

RSA_NAMES = frozenset({"RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP"})
EC_NAMES = frozenset({"ECDSA", "ECDH"})
ED25519_NAMES = frozenset({"Ed25519", "NODE-ED25519"})
CURVES: dict[str, type[ec.EllipticCurve]] = {"P-256": ec.SECP256R1, "P-384": ec.SECP384R1, "P-521": ec.SECP521R1}
CURVE_BYTES = {"P-256": 32, "P-384": 48, "P-521": 66}
RSA_MIN_BITS = 1024  # the smallest modulus `cryptography` will generate


def data_error(message: str) -> JSError:
    return JSError("DOMException:DataError", message)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(value: object, field: str) -> bytes:
    if not isinstance(value, str):
        raise data_error(f'Invalid or missing "{field}" field in JSON Web Key.')
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except ValueError as e:
        raise data_error(f'Invalid base64url in "{field}" field of JSON Web Key.') from e


def _int_b64(n: int, size: int = 0) -> str:
    return b64url(n.to_bytes(max(size, (n.bit_length() + 7) // 8 or 1), "big"))


def _b64_int(value: object, field: str) -> int:
    return int.from_bytes(unb64url(value, field), "big")


# -- DER <-> key objects ------------------------------------------------------------------------
def load_private(der: bytes) -> PrivateKey:
    key = serialization.load_der_private_key(der, None, unsafe_skip_rsa_key_validation=True)
    assert isinstance(key, PrivateKey)
    return key


def load_public(der: bytes) -> PublicKey:
    key = serialization.load_der_public_key(der)
    assert isinstance(key, PublicKey)
    return key


def private_der(key: PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def public_der(key: PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _curve_name(curve: ec.EllipticCurve) -> str | None:
    for name, cls in CURVES.items():
        if isinstance(curve, cls):
            return name
    return None


def _check_kind(name: str, key: PrivateKey | PublicKey, named_curve: str) -> dict[str, Any]:
    """The key must be of the algorithm's family; returns the facts JS puts on `key.algorithm`."""
    if name in RSA_NAMES and isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        numbers = key.public_key().public_numbers() if isinstance(key, rsa.RSAPrivateKey) else key.public_numbers()
        e = numbers.e
        return {"modulusLength": numbers.n.bit_length(), "publicExponent": e.to_bytes((e.bit_length() + 7) // 8, "big")}
    if name in EC_NAMES and isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        curve = _curve_name(key.curve)
        if curve != named_curve:
            raise data_error(f'"algorithm.namedCurve" "{named_curve}" does not match the curve specified by the '
                             f"input key ({curve or key.curve.name}).")
        return {"namedCurve": curve}
    if name in ED25519_NAMES and isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return {}
    if name == "X25519" and isinstance(key, x25519.X25519PrivateKey | x25519.X25519PublicKey):
        return {}
    raise data_error(f"Input key is not a valid {name} key.")


# -- generate -----------------------------------------------------------------------------------
def op_crypto_generate_key_pair(host: IsolateHost, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """A new key pair: ``{"private": pkcs8, "public": spki}``."""
    private: PrivateKey
    if name in RSA_NAMES:
        bits = params["modulusLength"]
        exponent = int.from_bytes(params["publicExponent"], "big")
        if exponent not in (3, 65537):
            raise JSError("DOMException:OperationError",
                          "The \"publicExponent\" must be either 3 or 65537, but got a different value.")
        if bits < RSA_MIN_BITS or bits % 8:
            raise JSError("DOMException:OperationError",
                          f"The modulus length must be a multiple of 8 and at least {RSA_MIN_BITS}, but is {bits}.")
        private = rsa.generate_private_key(exponent, bits)
    elif name in EC_NAMES:
        private = ec.generate_private_key(CURVES[params["namedCurve"]]())
    elif name in ED25519_NAMES:
        private = ed25519.Ed25519PrivateKey.generate()
    elif name == "X25519":
        private = x25519.X25519PrivateKey.generate()
    else:
        raise ValueError(f"op_crypto_generate_key_pair: {name}")
    return {"private": private_der(private), "public": public_der(private.public_key())}


# -- import -------------------------------------------------------------------------------------
def op_crypto_import_key(host: IsolateHost, name: str, fmt: str, data: Any, named_curve: str) -> dict[str, Any]:
    """Parse key material into ``{"type", "der", ...algorithm facts}`` or raise DataError."""
    key: object
    if fmt == "spki":
        try:
            key = serialization.load_der_public_key(bytes(data))
        except (ValueError, UnsupportedAlgorithm) as e:
            raise data_error("Invalid SPKI input.") from e
    elif fmt == "pkcs8":
        try:
            key = serialization.load_der_private_key(bytes(data), None)
        except (ValueError, TypeError, UnsupportedAlgorithm) as e:
            raise data_error("Invalid PKCS8 input.") from e
    elif fmt == "raw":
        key = _import_raw(name, bytes(data), named_curve)
    elif fmt == "jwk":
        key = _import_jwk(name, data, named_curve)
    else:
        raise JSError("DOMException:NotSupportedError", f'Unrecognized key import format "{fmt}".')
    if not isinstance(key, PrivateKey | PublicKey):
        raise data_error(f"Input key is not a valid {name} key.")
    facts = _check_kind(name, key, named_curve)
    if isinstance(key, PrivateKey):
        return {"type": "private", "der": private_der(key), **facts}
    return {"type": "public", "der": public_der(key), **facts}


def _import_raw(name: str, raw: bytes, named_curve: str) -> PublicKey:
    if name in EC_NAMES:
        try:
            return ec.EllipticCurvePublicKey.from_encoded_point(CURVES[named_curve](), raw)
        except ValueError as e:
            raise data_error("Failed to import raw EC key data") from e
    if name in ED25519_NAMES or name == "X25519":
        if len(raw) != 32:
            raise data_error(f"{name} raw keys must be exactly 32-bytes (provided {len(raw)}).")
        if name == "X25519":
            return x25519.X25519PublicKey.from_public_bytes(raw)
        return ed25519.Ed25519PublicKey.from_public_bytes(raw)
    raise JSError("DOMException:NotSupportedError", 'Unrecognized key import format "raw".')


def _import_jwk(name: str, jwk: dict[str, Any], named_curve: str) -> PrivateKey | PublicKey:
    kty = jwk.get("kty")
    if name in RSA_NAMES:
        if kty != "RSA":
            raise data_error('RSA "jwk" key import requires a JSON Web Key with Key Type parameter '
                             f'"kty" equal to "RSA" (encountered "{kty}").')
        public = rsa.RSAPublicNumbers(_b64_int(jwk.get("e"), "e"), _b64_int(jwk.get("n"), "n"))
        if "d" not in jwk:
            try:
                return public.public_key()
            except ValueError as e:
                raise data_error("Invalid RSA public key in JSON Web Key.") from e
        if "oth" in jwk:
            raise JSError("DOMException:NotSupportedError", "Multi-prime private keys not supported.")
        d = _b64_int(jwk.get("d"), "d")
        try:
            if "p" in jwk:
                p, q = _b64_int(jwk.get("p"), "p"), _b64_int(jwk.get("q"), "q")
                dp, dq = _b64_int(jwk.get("dp"), "dp"), _b64_int(jwk.get("dq"), "dq")
                qi = _b64_int(jwk.get("qi"), "qi")
            else:
                p, q = rsa.rsa_recover_prime_factors(public.n, public.e, d)
                dp, dq, qi = rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q)
            return rsa.RSAPrivateNumbers(p, q, d, dp, dq, qi, public).private_key()
        except ValueError as e:
            raise data_error("Invalid RSA private key in JSON Web Key.") from e
    if name in EC_NAMES:
        if kty != "EC":
            raise data_error('Elliptic curve "jwk" key import requires a JSON Web Key with Key Type parameter '
                             f'"kty" ("{kty}") equal to "EC".')
        crv = jwk.get("crv")
        if crv != named_curve:
            raise data_error(f'JSON Web Key "crv" ("{crv}") does not match the requested curve ("{named_curve}").')
        curve = CURVES[named_curve]()
        pub = ec.EllipticCurvePublicNumbers(_b64_int(jwk.get("x"), "x"), _b64_int(jwk.get("y"), "y"), curve)
        try:
            if "d" in jwk:
                return ec.EllipticCurvePrivateNumbers(_b64_int(jwk.get("d"), "d"), pub).private_key()
            return pub.public_key()
        except ValueError as e:
            raise data_error("Invalid EC key in JSON Web Key") from e
    curve_name = "X25519" if name == "X25519" else "Ed25519"
    if kty != "OKP":
        raise data_error(f'{curve_name} "jwk" key imports requires a JSON Web Key with Key Type parameter '
                         f'"kty" ("{kty}") equal to "OKP".')
    crv = jwk.get("crv")
    if crv is None:
        raise data_error(f'Missing field "crv" for {curve_name} key.')
    if crv != curve_name:
        raise JSError("DOMException:NotSupportedError", f'Only {curve_name} is supported but "{crv}" was requested.')
    x = unb64url(jwk.get("x"), "x")
    if len(x) != 32:
        raise data_error(f"Invalid length {len(x)} for public key")
    if "d" not in jwk:
        if name == "X25519":
            return x25519.X25519PublicKey.from_public_bytes(x)
        return ed25519.Ed25519PublicKey.from_public_bytes(x)
    seed = unb64url(jwk.get("d"), "d")
    if len(seed) != 32:
        raise data_error(f"Invalid length {len(seed)} for private key")
    private: PrivateKey
    if name == "X25519":
        private = x25519.X25519PrivateKey.from_private_bytes(seed)
        derived = private.public_key().public_bytes_raw()
    else:
        private = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
        derived = private.public_key().public_bytes_raw()
    if derived != x:
        raise data_error("The JSON Web Key's public key (\"x\") does not match its private key (\"d\").")
    return private


# -- export -------------------------------------------------------------------------------------
def op_crypto_export_key(host: IsolateHost, fmt: str, key_type: str, der: bytes) -> Any:
    """``raw`` (public EC point or 32 raw bytes) or the key-material members of a JWK."""
    key = load_private(der) if key_type == "private" else load_public(der)
    if fmt == "raw":
        if isinstance(key, ec.EllipticCurvePublicKey):
            return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        if isinstance(key, ed25519.Ed25519PublicKey | x25519.X25519PublicKey):
            return key.public_bytes_raw()
        raise ValueError("op_crypto_export_key: raw export of this key")
    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        pub = key.public_key().public_numbers() if isinstance(key, rsa.RSAPrivateKey) else key.public_numbers()
        jwk: dict[str, Any] = {"kty": "RSA", "n": _int_b64(pub.n), "e": _int_b64(pub.e)}
        if isinstance(key, rsa.RSAPrivateKey):
            priv = key.private_numbers()
            jwk.update(d=_int_b64(priv.d), p=_int_b64(priv.p), q=_int_b64(priv.q), dp=_int_b64(priv.dmp1),
                       dq=_int_b64(priv.dmq1), qi=_int_b64(priv.iqmp))
        return jwk
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        curve = _curve_name(key.curve)
        assert curve is not None
        size = CURVE_BYTES[curve]
        public_ec = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
        point = public_ec.public_numbers()
        jwk = {"kty": "EC", "crv": curve, "x": _int_b64(point.x, size), "y": _int_b64(point.y, size)}
        if isinstance(key, ec.EllipticCurvePrivateKey):
            jwk["d"] = _int_b64(key.private_numbers().private_value, size)
        return jwk
    crv = "X25519" if isinstance(key, x25519.X25519PrivateKey | x25519.X25519PublicKey) else "Ed25519"
    public = key.public_key() if isinstance(key, ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey) else key
    assert isinstance(public, ed25519.Ed25519PublicKey | x25519.X25519PublicKey)
    jwk = {"kty": "OKP", "crv": crv, "x": b64url(public.public_bytes_raw())}
    if isinstance(key, ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey):
        jwk["d"] = b64url(key.private_bytes_raw())
    return jwk
