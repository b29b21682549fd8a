"""The math behind ``node:crypto`` (runtime/node/crypto.js).

JS owns Node's surface: argument validation, encodings, the Hash/Hmac
objects, callbacks and Node's (workerd's) error classes and messages. These
ops compute with ``hashlib``, ``hmac`` and ``cryptography``; all are sync
(no I/O).

Hashing is batched: JS keeps the chunks a Hash/Hmac was updated with and
hands them over at ``digest()`` (``op_nodecrypto_digest``: one crossing per
hash). Only a hash that grows past JS's buffer limit, or that is copied,
gets a running state here, in the isolate's resource table under an int rid
(``op_nodecrypto_hash_open`` ... ``_digest``/``_drop``); JS frees it at
digest time or when the Hash object is garbage-collected.

A cipher (``createCipheriv``) keeps its ``cryptography`` context under a rid
from ``op_nodecrypto_cipher_open`` to ``op_nodecrypto_cipher_final``.

Digest names arrive canonical (JS maps Node's aliases): ``md5``, ``sha1``,
``sha224``, ``sha256``, ``sha384``, ``sha512``, ``sha512-256``, ``md5-sha1``.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from isolet.errors import JSError
from isolet.runtime.host import IsolateHost

# Canonical digest name (JS side) -> hashlib name.
DIGESTS: dict[str, str] = {
    "md5": "md5", "sha1": "sha1", "sha224": "sha224", "sha256": "sha256", "sha384": "sha384",
    "sha512": "sha512", "sha512-256": "sha512_256", "md5-sha1": "md5-sha1",
}
HKDF_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "md5": hashes.MD5, "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
    "sha384": hashes.SHA384, "sha512": hashes.SHA512, "sha512-256": hashes.SHA512_256,
}
SCRYPT_FAILED = "Scrypt failed"  # workerd's message for parameters OpenSSL refuses
INVALID_HKDF_LENGTH = "Invalid Hkdf key length"
AUTH_FAILED = "Authentication failed"  # workerd's text for a GCM tag that does not match


def _digest_name(name: str) -> str:
    try:
        return DIGESTS[name]
    except KeyError:
        raise JSError("Error", "Digest method not supported") from None


def _new_state(name: str, key: Any) -> Any:
    algorithm = _digest_name(name)
    if isinstance(key, (bytes, bytearray, memoryview)):
        return hmac.new(bytes(key), digestmod=algorithm)
    return hashlib.new(algorithm)


def _feed(state: Any, chunks: list[bytes]) -> None:
    for chunk in chunks:
        state.update(chunk)


# -- Hash / Hmac -----------------------------------------------------------------------------
def op_nodecrypto_digest(host: IsolateHost, name: str, key: Any, data: bytes | list[bytes]) -> bytes:
    """One-shot hash (``key`` not bytes) or HMAC (``key`` bytes) of ``data`` (bytes, or a list of chunks)."""
    algorithm = _digest_name(name)
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if isinstance(key, (bytes, bytearray, memoryview)):
        if not isinstance(data, list):
            return hmac.digest(bytes(key), data, algorithm)
        mac = hmac.new(bytes(key), digestmod=algorithm)
        _feed(mac, data)
        return mac.digest()
    if not isinstance(data, list):
        return hashlib.new(algorithm, data).digest()
    state = hashlib.new(algorithm)
    _feed(state, data)
    return state.digest()


def op_nodecrypto_hash_open(host: IsolateHost, name: str, key: Any, chunks: list[bytes]) -> int:
    """A running hash (or HMAC when ``key`` is bytes) fed with ``chunks``; returns its rid."""
    state = _new_state(name, key)
    _feed(state, chunks)
    rid = next(host.resource_ids)
    host.resources[rid] = state
    return rid


def _state(host: IsolateHost, rid: int) -> Any:
    state = host.resources.get(rid)
    if not isinstance(state, hmac.HMAC) and not hasattr(state, "hexdigest"):
        raise JSError("Error", "Digest already called")
    return state


def op_nodecrypto_hash_update(host: IsolateHost, rid: int, chunks: list[bytes]) -> None:
    _feed(_state(host, rid), chunks)


def op_nodecrypto_hash_copy(host: IsolateHost, rid: int, chunks: list[bytes]) -> int:
    """Feed ``chunks`` to hash ``rid``, then fork it: returns the copy's rid."""
    state = _state(host, rid)
    _feed(state, chunks)
    copy = next(host.resource_ids)
    host.resources[copy] = state.copy()
    return copy


def op_nodecrypto_hash_digest(host: IsolateHost, rid: int, chunks: list[bytes]) -> bytes:
    """Feed the last ``chunks`` and finish: returns the digest and frees the rid."""
    state = _state(host, rid)
    del host.resources[rid]
    _feed(state, chunks)
    result: bytes = state.digest()
    return result


def op_nodecrypto_hash_drop(host: IsolateHost, rid: int) -> None:
    """Free a hash that was garbage-collected before its digest; a no-op when already freed."""
    host.resources.pop(rid, None)


# -- key derivation ----------------------------------------------------------------------------
def op_nodecrypto_pbkdf2(host: IsolateHost, password: bytes, salt: bytes, iterations: int, keylen: int,
                         digest: str) -> bytes:
    algorithm = DIGESTS.get(digest)
    if algorithm is None or algorithm == "md5-sha1":
        raise JSError("TypeError", f"Invalid Pbkdf2 digest: {digest}.")
    if keylen == 0:
        return b""
    return hashlib.pbkdf2_hmac(algorithm, bytes(password), bytes(salt), iterations, keylen)


def op_nodecrypto_scrypt(host: IsolateHost, password: bytes, salt: bytes, n: int, r: int, p: int, maxmem: int,
                         keylen: int) -> bytes:
    if keylen == 0:
        return b""
    # OpenSSL's own check (N a power of two > 1, 128*r*(N+2) + 128*r*p bytes within maxmem), as
    # workerd reports it: one message for every refused parameter set.
    if n < 2 or n & (n - 1) or 128 * r * (n + p + 2) > maxmem:
        raise JSError("Error", SCRYPT_FAILED)
    try:
        # hashlib counts memory its own way: give it headroom over the check above.
        limit = min(maxmem + 1024 * 1024, 2**31 - 1)
        return hashlib.scrypt(bytes(password), salt=bytes(salt), n=n, r=r, p=p, maxmem=limit, dklen=keylen)
    except (ValueError, MemoryError) as e:
        raise JSError("Error", SCRYPT_FAILED) from e


def op_nodecrypto_hkdf(host: IsolateHost, digest: str, ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    algorithm = HKDF_HASHES.get(digest)
    if algorithm is None:
        raise JSError("TypeError", f"Invalid Hkdf digest: {digest}")
    if length > 255 * algorithm().digest_size:
        raise JSError("RangeError", INVALID_HKDF_LENGTH)
    if length == 0:
        return b""
    return HKDF(algorithm(), length, bytes(salt), bytes(info)).derive(bytes(ikm))


# -- ciphers -----------------------------------------------------------------------------------
class _Cipher:
    """One AES cipher context (CBC pads per PKCS#7 unless turned off, as OpenSSL does)."""

    __slots__ = ("block", "count", "ctx", "decrypt", "gcm", "padding", "tail", "tag")

    def __init__(self, mode: str, key: bytes, iv: bytes, decrypt: bool) -> None:
        self.decrypt = decrypt
        self.gcm = mode == "gcm"
        self.block = mode in ("cbc", "ecb")
        self.padding = True
        self.tail = b""  # CBC/ECB decryption holds back the last block until final (padding)
        self.tag: bytes | None = None
        self.count = 0  # bytes fed, for the encryption padding
        algorithm = algorithms.AES(key)
        m: Any
        if mode == "cbc":
            m = modes.CBC(iv)
        elif mode == "ecb":
            m = modes.ECB()
        elif mode == "ctr":
            m = modes.CTR(iv)
        elif mode == "ofb":
            m = modes.OFB(iv)
        else:
            m = modes.GCM(iv, min_tag_length=4) if decrypt else modes.GCM(iv)
        cipher = Cipher(algorithm, m)
        self.ctx: Any = cipher.decryptor() if decrypt else cipher.encryptor()

    def update(self, data: bytes) -> bytes:
        self.count += len(data)
        out: bytes = self.ctx.update(data)
        if self.block and self.decrypt and self.padding:
            out = self.tail + out
            keep = 16 if len(out) >= 16 else len(out)
            self.tail = out[len(out) - keep:]
            out = out[: len(out) - keep]
        return out


def _cipher(host: IsolateHost, rid: int) -> _Cipher:
    c = host.resources.get(rid)
    if not isinstance(c, _Cipher):
        raise JSError("Error", "Unsupported state")
    return c


def op_nodecrypto_cipher_open(host: IsolateHost, mode: str, key: bytes, iv: bytes, decrypt: bool) -> int:
    """An AES context (``mode``: cbc, ecb, ctr, ofb, gcm); JS has checked key and iv sizes."""
    rid = next(host.resource_ids)
    host.resources[rid] = _Cipher(mode, bytes(key), bytes(iv), bool(decrypt))
    return rid


def op_nodecrypto_cipher_set(host: IsolateHost, rid: int, what: str, value: Any) -> None:
    """Before the data: ``aad`` (GCM), ``tag`` (GCM decryption) or ``padding`` (CBC/ECB)."""
    c = _cipher(host, rid)
    if what == "aad":
        c.ctx.authenticate_additional_data(bytes(value))
    elif what == "tag":
        c.tag = bytes(value)
    elif what == "padding":
        c.padding = bool(value)


def op_nodecrypto_cipher_update(host: IsolateHost, rid: int, data: bytes) -> bytes:
    return _cipher(host, rid).update(bytes(data))


def op_nodecrypto_cipher_final(host: IsolateHost, rid: int) -> list[bytes]:
    """Finish and free the rid: ``[last output, auth tag (GCM encryption) or b""]``."""
    c = _cipher(host, rid)
    del host.resources[rid]
    if c.gcm:
        if c.decrypt:
            if c.tag is None:
                raise JSError("Error", AUTH_FAILED)
            try:
                return [c.ctx.finalize_with_tag(c.tag), b""]
            except InvalidTag as e:
                raise JSError("Error", AUTH_FAILED) from e
        out: bytes = c.ctx.finalize()
        return [out, c.ctx.tag]
    if not c.block:
        return [c.ctx.finalize(), b""]
    if not c.padding:
        try:
            return [c.ctx.finalize(), b""]
        except ValueError as e:
            raise JSError("Error", "wrong final block length") from e
    if c.decrypt:
        try:
            last = c.tail + c.ctx.finalize()
        except ValueError as e:
            raise JSError("Error", "wrong final block length") from e
        if len(last) != 16:
            raise JSError("Error", "wrong final block length")
        pad = last[-1]
        if not 1 <= pad <= 16 or last[-pad:] != bytes([pad]) * pad:
            raise JSError("Error", "bad decrypt")
        return [last[:-pad], b""]
    pad = 16 - c.count % 16
    return [c.ctx.update(bytes([pad]) * pad) + c.ctx.finalize(), b""]


def op_nodecrypto_cipher_drop(host: IsolateHost, rid: int) -> None:
    host.resources.pop(rid, None)
