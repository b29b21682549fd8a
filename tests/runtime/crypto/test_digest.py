"""crypto.subtle.digest, crypto.DigestStream and crypto.subtle.timingSafeEqual."""

from __future__ import annotations

import hashlib

import pytest

from tests.runtime.crypto.helpers import run


@pytest.mark.parametrize(("name", "py"), [("SHA-1", "sha1"), ("SHA-256", "sha256"), ("SHA-384", "sha384"),
                                          ("SHA-512", "sha512"), ("MD5", "md5")])
def test_digest_matches_hashlib_for_every_workerd_algorithm(name: str, py: str) -> None:
    assert run(f'return hex(await subtle.digest("{name}", utf8("abc")))') == hashlib.new(py, b"abc").hexdigest()


def test_digest_names_are_case_insensitive_and_accept_dictionaries_and_views() -> None:
    expected = hashlib.sha256(b"bc").hexdigest()
    assert run("""
      const view = new DataView(utf8("abcd").buffer, 1, 2);
      return [hex(await subtle.digest("sha-256", utf8("bc"))), hex(await subtle.digest({ name: "Sha-256" }, view))];
    """) == [expected, expected]


def test_digest_of_unknown_algorithm_rejects_with_not_supported_error() -> None:
    assert run('return caught(subtle.digest("SHA-3", utf8("abc")))') == [
        "DOMException", "NotSupportedError", "Unrecognized or unimplemented digest algorithm requested."]


def test_digest_of_a_non_buffer_rejects_with_type_error() -> None:
    assert run('return caught(subtle.digest("SHA-256", "abc"))') == [
        "TypeError", "TypeError", "Failed to execute 'digest' on 'SubtleCrypto': parameter 2 is not of type 'Array'."]


def test_digest_stream_hashes_strings_and_buffers_across_many_writes() -> None:
    data = b"".join(bytes([i % 251]) * 1000 for i in range(200)) + b"tail"
    assert run("""
      const s = new crypto.DigestStream("SHA-256");
      const w = s.getWriter();
      for (let i = 0; i < 200; i++) await w.write(new Uint8Array(1000).fill(i % 251));
      await w.write("tail");
      await w.close();
      return [hex(await s.digest), s.bytesWritten, s instanceof WritableStream];
    """) == [hashlib.sha256(data).hexdigest(), len(data), True]


def test_digest_stream_supports_crc32_and_md5() -> None:
    import zlib
    assert run("""
      const out = [];
      for (const alg of ["crc32", "MD5"]) {
        const s = new crypto.DigestStream(alg);
        const w = s.getWriter(); await w.write(utf8("hello")); await w.close();
        out.push(hex(await s.digest));
      }
      return out;
    """) == [zlib.crc32(b"hello").to_bytes(4, "big").hex(), hashlib.md5(b"hello").hexdigest()]


def test_digest_stream_abort_rejects_the_digest_with_the_reason() -> None:
    assert run("""
      const s = new crypto.DigestStream("SHA-1");
      const w = s.getWriter(); await w.write(utf8("x"));
      await w.abort(new Error("stop"));
      return caught(s.digest);
    """) == ["Error", "Error", "stop"]


def test_digest_stream_rejects_non_byte_chunks() -> None:
    assert run("""
      const s = new crypto.DigestStream("SHA-256");
      return caught(s.getWriter().write(42));
    """) == ["TypeError", "TypeError",
             "DigestStream is a byte stream but received an object of non-ArrayBuffer/ArrayBufferView/string type on its writable side."]


def test_digest_stream_with_unknown_algorithm_throws_not_supported() -> None:
    assert run('return caught(() => new crypto.DigestStream("SHA-3"))') == [
        "DOMException", "NotSupportedError", "Unrecognized or unimplemented digest algorithm requested."]


def test_timing_safe_equal_compares_equal_length_buffers() -> None:
    assert run("""
      return [subtle.timingSafeEqual(utf8("abc"), utf8("abc")), subtle.timingSafeEqual(utf8("abc").slice().buffer, utf8("abd")),
              await caught(() => subtle.timingSafeEqual(utf8("a"), utf8("ab")))];
    """) == [True, False, ["TypeError", "TypeError", "Input buffers must have the same byte length."]]


def test_subtle_is_a_subtle_crypto_and_crypto_key_cannot_be_constructed() -> None:
    assert run("""
      return [crypto.subtle instanceof SubtleCrypto, crypto.subtle === crypto.subtle,
              (await caught(() => new CryptoKey()))[0], (await caught(() => new SubtleCrypto()))[0],
              Object.keys(globalThis).includes("CryptoKey")];
    """) == [True, True, "TypeError", "TypeError", False]
