"""The math behind ``crypto.subtle`` and ``crypto.DigestStream`` (30_crypto.js).

JS owns the WebIDL surface: algorithm normalisation, usages, the CryptoKey
object and most error checks. These ops only compute, with `cryptography`
and `hashlib`. Every op is sync (no I/O) and stateless except the digest
streams, whose running hash objects live in a per-isolate table that dies
with the isolate (and which JS closes, aborts or lets the GC release).

A key crosses as a dict ``{"name", "type", "data", "hash"?, "namedCurve"?}``:
``data`` is the raw secret, PKCS#8 DER (private) or SPKI DER (public).
All names arrive canonical ("SHA-256", "AES-GCM", "P-384").
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import weakref
import zlib
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, keywrap
from cryptography.hazmat.primitives import padding as sympadding
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa, x25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from isolet.errors import JSError
from isolet.runtime.host import IsolateHost
from isolet.runtime.ops.crypto_keys import CURVE_BYTES, load_private, load_public

HASHLIB_NAMES = {"SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512", "MD5": "md5"}
HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "SHA-1": hashes.SHA1, "SHA-256": hashes.SHA256, "SHA-384": hashes.SHA384, "SHA-512": hashes.SHA512,
    "MD5": hashes.MD5,
}
PBKDF2_MAX_ITERATIONS = 100_000  # Workers' limit (workerd checkPbkdfLimits; Cloudflare docs "Web Crypto")
AES_BLOCK = 16


def operation_error(message: str) -> JSError:
    return JSError("DOMException:OperationError", message)


def _hash(name: str) -> hashes.HashAlgorithm:
    return HASHES[name]()


# -- digest -------------------------------------------------------------------------------------
def op_crypto_digest(host: IsolateHost, name: str, data: bytes) -> bytes:
    """``crypto.subtle.digest``: SHA-1/256/384/512 or MD5 of ``data``."""
    return hashlib.new(HASHLIB_NAMES[name], data).digest()


class _Crc32:
    """zlib's CRC-32 behind hashlib's update/digest shape (DigestStream "crc32")."""

    def __init__(self) -> None:
        self.value = 0

    def update(self, data: bytes) -> None:
        self.value = zlib.crc32(data, self.value)

    def digest(self) -> bytes:
        return self.value.to_bytes(4, "big")


_streams: weakref.WeakKeyDictionary[IsolateHost, dict[int, Any]] = weakref.WeakKeyDictionary()
_stream_ids = itertools.count(1)


def op_crypto_digest_stream_open(host: IsolateHost, name: str) -> int:
    """Start a running digest for a DigestStream; returns its handle."""
    handle = next(_stream_ids)
    _streams.setdefault(host, {})[handle] = _Crc32() if name == "crc32" else hashlib.new(HASHLIB_NAMES[name])
    return handle


def op_crypto_digest_stream_write(host: IsolateHost, handle: int, chunks: list[bytes]) -> None:
    state = _streams[host][handle]
    for chunk in chunks:
        state.update(chunk)


def op_crypto_digest_stream_close(host: IsolateHost, handle: int, chunks: list[bytes]) -> bytes:
    state = _streams[host].pop(handle)
    for chunk in chunks:
        state.update(chunk)
    result: bytes = state.digest()
    return result


def op_crypto_digest_stream_drop(host: IsolateHost, handle: int) -> None:
    """Forget a stream that was aborted or garbage-collected before closing."""
    _streams.get(host, {}).pop(handle, None)


def op_crypto_timing_safe_equal(host: IsolateHost, a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


# -- sign / verify ------------------------------------------------------------------------------
def _rsa_padding(key: dict[str, Any], params: dict[str, Any]) -> padding.AsymmetricPadding:
    if key["name"] == "RSA-PSS":
        return padding.PSS(mgf=padding.MGF1(_hash(key["hash"])), salt_length=params["saltLength"])
    return padding.PKCS1v15()


def op_crypto_sign(host: IsolateHost, key: dict[str, Any], params: dict[str, Any], data: bytes) -> bytes:
    """Sign ``data``: HMAC (secret), RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA (raw r||s), Ed25519."""
    name = key["name"]
    if name == "HMAC":
        return hmac.digest(key["data"], data, HASHLIB_NAMES[key["hash"]])
    private = load_private(key["data"])
    if isinstance(private, rsa.RSAPrivateKey):
        try:
            return private.sign(data, _rsa_padding(key, params), _hash(key["hash"]))
        except ValueError as e:
            raise operation_error("key too small for signing with given digest and salt length") from e
    if isinstance(private, ec.EllipticCurvePrivateKey):
        r, s = decode_dss_signature(private.sign(data, ec.ECDSA(_hash(params["hash"]))))
        size = CURVE_BYTES[key["namedCurve"]]
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    if isinstance(private, ed25519.Ed25519PrivateKey):
        return private.sign(data)
    raise ValueError(f"op_crypto_sign: {name}")


def op_crypto_verify(host: IsolateHost, key: dict[str, Any], params: dict[str, Any], signature: bytes,
                     data: bytes) -> bool:
    name = key["name"]
    if name == "HMAC":
        return hmac.compare_digest(hmac.digest(key["data"], data, HASHLIB_NAMES[key["hash"]]), signature)
    public = load_public(key["data"])
    try:
        if isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, _rsa_padding(key, params), _hash(key["hash"]))
        elif isinstance(public, ec.EllipticCurvePublicKey):
            size = CURVE_BYTES[key["namedCurve"]]
            if len(signature) != 2 * size:
                return False
            der = encode_dss_signature(int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big"))
            public.verify(der, data, ec.ECDSA(_hash(params["hash"])))
        elif isinstance(public, ed25519.Ed25519PublicKey):
            if len(signature) != 64:
                raise operation_error(f"Invalid {name} signature length {len(signature)}")
            public.verify(signature, data)
        else:
            raise ValueError(f"op_crypto_verify: {name}")
    except InvalidSignature:
        return False
    return True


# -- encrypt / decrypt --------------------------------------------------------------------------
def _decryption_failed(name: str, length: int) -> JSError:
    return operation_error(
        "Decryption failed. This could be due to a ciphertext authentication failure, bad padding, incorrect "
        f"CryptoKey, or another algorithm-specific reason. Input length was {length}, output length expected to "
        f"be {length} for {name}")


def _gcm_check_iv(iv: bytes) -> None:
    if not 8 <= len(iv) <= 128:
        # `cryptography`'s GCM takes 8..128-byte nonces; WebCrypto allows any non-empty one.
        raise operation_error(f"AES-GCM IV of {len(iv)} bytes is not supported (8 to 128 bytes are).")


def _ctr(key: bytes, counter: bytes, length: int, data: bytes) -> bytes:
    """AES-CTR where only the rightmost ``length`` bits of the counter block count (and wrap)."""
    blocks = -(-len(data) // AES_BLOCK)
    if blocks > 1 << length:
        raise operation_error("Counter block values will repeat")
    whole = int.from_bytes(counter, "big")
    mask = (1 << length) - 1
    low = whole & mask
    until_wrap = (1 << length) - low
    if blocks <= until_wrap or length == 128:
        enc = Cipher(algorithms.AES(key), modes.CTR(counter)).encryptor()
        return enc.update(data) + enc.finalize()
    split = until_wrap * AES_BLOCK
    first = Cipher(algorithms.AES(key), modes.CTR(counter)).encryptor()
    wrapped = (whole & ~mask).to_bytes(16, "big")
    second = Cipher(algorithms.AES(key), modes.CTR(wrapped)).encryptor()
    return first.update(data[:split]) + first.finalize() + second.update(data[split:]) + second.finalize()


def op_crypto_encrypt(host: IsolateHost, key: dict[str, Any], params: dict[str, Any], data: bytes) -> bytes:
    """AES-GCM/CBC/CTR/KW with a secret key, RSA-OAEP with a public key."""
    name = key["name"]
    if name == "AES-GCM":
        iv = params["iv"]
        _gcm_check_iv(iv)
        gcm = Cipher(algorithms.AES(key["data"]), modes.GCM(iv)).encryptor()
        if params.get("additionalData"):
            gcm.authenticate_additional_data(params["additionalData"])
        out = gcm.update(data) + gcm.finalize()
        return out + gcm.tag[: params["tagLength"] // 8]
    if name == "AES-CBC":
        padder = sympadding.PKCS7(128).padder()
        enc = Cipher(algorithms.AES(key["data"]), modes.CBC(params["iv"])).encryptor()
        return enc.update(padder.update(data) + padder.finalize()) + enc.finalize()
    if name == "AES-CTR":
        return _ctr(key["data"], params["counter"], params["length"], data)
    if name == "AES-KW":
        if len(data) % 8:
            raise operation_error("Unwrapped key bit length must be a multiple of 64 bits but unwrapped key has a "
                                  f"length of {len(data) * 8} bits.")
        if len(data) < 16:
            raise operation_error(f"Unwrapped key has length {len(data)} bytes but it should be greater than or "
                                  "equal to 16 and less than or equal to 18446744073709551607")
        return keywrap.aes_key_wrap(key["data"], data)
    if name == "RSA-OAEP":
        public = load_public(key["data"])
        assert isinstance(public, rsa.RSAPublicKey)
        try:
            return public.encrypt(data, _oaep(key, params))
        except ValueError as e:
            raise operation_error("RSA-OAEP failed encrypt/decrypt") from e
    raise ValueError(f"op_crypto_encrypt: {name}")


def _oaep(key: dict[str, Any], params: dict[str, Any]) -> padding.OAEP:
    label = params.get("label") or None
    return padding.OAEP(mgf=padding.MGF1(_hash(key["hash"])), algorithm=_hash(key["hash"]), label=label)


def op_crypto_decrypt(host: IsolateHost, key: dict[str, Any], params: dict[str, Any], data: bytes) -> bytes:
    name = key["name"]
    if name == "AES-GCM":
        iv = params["iv"]
        _gcm_check_iv(iv)
        tag_bytes = params["tagLength"] // 8
        if len(data) < tag_bytes:
            raise operation_error(f"Ciphertext length of {len(data) * 8} bits must be greater than or equal to the "
                                  f"size of the AES-GCM tag length of {params['tagLength']} bits.")
        body, tag = data[: len(data) - tag_bytes], data[len(data) - tag_bytes:]
        gcm = Cipher(algorithms.AES(key["data"]), modes.GCM(iv, tag, min_tag_length=min(tag_bytes, 16))).decryptor()
        if params.get("additionalData"):
            gcm.authenticate_additional_data(params["additionalData"])
        try:
            return gcm.update(body) + gcm.finalize()
        except InvalidTag as e:
            # workerd counts the input without its tag.
            raise _decryption_failed(name, len(body)) from e
    if name == "AES-CBC":
        if len(data) % AES_BLOCK or not data:
            raise _decryption_failed(name, len(data))
        dec = Cipher(algorithms.AES(key["data"]), modes.CBC(params["iv"])).decryptor()
        padded = dec.update(data) + dec.finalize()
        unpadder = sympadding.PKCS7(128).unpadder()
        try:
            return unpadder.update(padded) + unpadder.finalize()
        except ValueError as e:
            raise _decryption_failed(name, len(data)) from e
    if name == "AES-CTR":
        return _ctr(key["data"], params["counter"], params["length"], data)
    if name == "AES-KW":
        if len(data) % 8:
            raise operation_error(f"Provided a wrapped key to unwrap that is {len(data) * 8} bits which isn't a "
                                  "multiple of 64 bits.")
        if len(data) < 24:
            raise operation_error(f"Provided a wrapped key to unwrap this is {len(data) * 8} bits that is less than "
                                  "the minimal length of 192 bits.")
        try:
            return keywrap.aes_key_unwrap(key["data"], data)
        except keywrap.InvalidUnwrap as e:
            raise operation_error("AES-KW key unwrapping failed") from e
    if name == "RSA-OAEP":
        private = load_private(key["data"])
        assert isinstance(private, rsa.RSAPrivateKey)
        try:
            return private.decrypt(data, _oaep(key, params))
        except ValueError as e:
            raise operation_error("RSA-OAEP failed encrypt/decrypt") from e
    raise ValueError(f"op_crypto_decrypt: {name}")


# -- deriveBits ---------------------------------------------------------------------------------
def _truncate_bits(secret: bytes, length: int) -> bytes:
    out = bytearray(secret[: -(-length // 8)])
    if length % 8:
        out[-1] &= (0xFF << (8 - length % 8)) & 0xFF
    return bytes(out)


def op_crypto_derive_bits(host: IsolateHost, key: dict[str, Any], params: dict[str, Any], length: int) -> bytes:
    """PBKDF2, HKDF (``length`` > 0, a multiple of 8) or ECDH / X25519 (``length`` -1 means all bits)."""
    name = key["name"]
    if name == "PBKDF2":
        iterations = params["iterations"]
        if iterations > PBKDF2_MAX_ITERATIONS:
            raise JSError("DOMException:NotSupportedError",
                          f"Pbkdf2 failed: iteration counts above {PBKDF2_MAX_ITERATIONS} are not supported "
                          f"(requested {iterations}).")
        return hashlib.pbkdf2_hmac(HASHLIB_NAMES[params["hash"]], key["data"], params["salt"], iterations, length // 8)
    if name == "HKDF":
        try:
            return HKDF(_hash(params["hash"]), length // 8, params["salt"], params["info"]).derive(key["data"])
        except ValueError as e:
            raise operation_error("HKDF deriveBits failed.") from e
    private = load_private(key["data"])
    public = load_public(params["public"])
    if isinstance(private, ec.EllipticCurvePrivateKey) and isinstance(public, ec.EllipticCurvePublicKey):
        secret = private.exchange(ec.ECDH(), public)
    elif isinstance(private, x25519.X25519PrivateKey) and isinstance(public, x25519.X25519PublicKey):
        try:
            secret = private.exchange(public)
        except ValueError as e:
            raise operation_error("Detected small order secure curve points, aborting EDDH derivation") from e
    else:
        raise ValueError(f"op_crypto_derive_bits: {name}")
    if length < 0:
        return secret
    if length > len(secret) * 8:
        raise operation_error(f"Derived key length ({length} bits) is too long (should be at most "
                              f"{len(secret) * 8} bits).")
    return _truncate_bits(secret, length)
