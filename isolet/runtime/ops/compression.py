"""zlib streams behind CompressionStream / DecompressionStream (13_compression_streams.js).

A stream is a zlib compress or decompress object kept in the isolate's
resource table under an int rid. JS makes one crossing per written chunk
(``op_compression_write``) and one at the end (``op_compression_finish``);
the rid is freed on finish, on error and on cancel/abort
(``op_compression_close``).

Parameters and error texts are workerd's (api/streams/compression.c++):
window bits 15 (+16 for gzip, negated for raw deflate), memLevel 8, the
default level and strategy. With ``strict`` (the ``strict_compression_checks``
compat flag) data after the end of the compressed stream, and a stream
closed before its end, are TypeErrors; without it both are ignored.
"""

from __future__ import annotations

import zlib
from typing import Any

from isolet.errors import JSError
from isolet.runtime.host import IsolateHost

# Format -> zlib window bits, as workerd's getWindowBits().
WINDOW_BITS: dict[str, int] = {"gzip": 15 + 16, "deflate": 15, "deflate-raw": -15}

FORMAT_ERROR = "The compression format must be either 'deflate', 'deflate-raw' or 'gzip'."
COMPRESS_ERROR = "Compression failed."
DECOMPRESS_ERROR = "Decompression failed."
TRAILING_ERROR = "Trailing bytes after end of compressed data"
INCOMPLETE_ERROR = "Called close() on a decompression stream with incomplete data"


class _Stream:
    """One zlib stream and its mode."""

    __slots__ = ("compressor", "decompressor", "strict")

    def __init__(self, fmt: str, decompress: bool, strict: bool) -> None:
        bits = WINDOW_BITS[fmt]
        self.strict = strict
        self.compressor: Any = None
        self.decompressor: Any = None
        if decompress:
            self.decompressor = zlib.decompressobj(bits)
        else:
            self.compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, bits, 8)

    def write(self, data: bytes) -> bytes:
        if self.compressor is not None:
            try:
                out: bytes = self.compressor.compress(data)
            except zlib.error as e:
                raise JSError("TypeError", COMPRESS_ERROR) from e
            return out
        d = self.decompressor
        if d.eof:
            # Everything after the end of the compressed data is trailing.
            if self.strict and data:
                raise JSError("TypeError", TRAILING_ERROR)
            return b""
        try:
            out = d.decompress(data)
        except zlib.error as e:
            raise JSError("TypeError", DECOMPRESS_ERROR) from e
        if self.strict and d.eof and d.unused_data:
            raise JSError("TypeError", TRAILING_ERROR)
        return out

    def finish(self) -> bytes:
        if self.compressor is not None:
            try:
                out: bytes = self.compressor.flush(zlib.Z_FINISH)
            except zlib.error as e:
                raise JSError("TypeError", COMPRESS_ERROR) from e
            return out
        d = self.decompressor
        if not d.eof and self.strict:
            raise JSError("TypeError", INCOMPLETE_ERROR)
        try:
            rest: bytes = d.flush()
        except zlib.error as e:
            raise JSError("TypeError", DECOMPRESS_ERROR) from e
        return rest


def _stream(host: IsolateHost, rid: int) -> _Stream:
    stream = host.resources.get(rid)
    if not isinstance(stream, _Stream):
        raise JSError("TypeError", "The compression stream is closed.")
    return stream


def op_compression_create(host: IsolateHost, fmt: str, decompress: bool, strict: bool) -> int:
    """A new zlib stream for ``fmt``; returns its rid."""
    if fmt not in WINDOW_BITS:
        raise JSError("TypeError", FORMAT_ERROR)
    rid = next(host.resource_ids)
    host.resources[rid] = _Stream(fmt, bool(decompress), bool(strict))
    return rid


def op_compression_write(host: IsolateHost, rid: int, chunk: bytes) -> bytes:
    """Feed one chunk; returns the output it produced (maybe empty). An error frees the rid."""
    stream = _stream(host, rid)
    try:
        return stream.write(bytes(chunk))
    except JSError:
        host.resources.pop(rid, None)
        raise


def op_compression_finish(host: IsolateHost, rid: int) -> bytes:
    """End the stream: returns the remaining output and frees the rid."""
    stream = _stream(host, rid)
    try:
        return stream.finish()
    finally:
        host.resources.pop(rid, None)


def op_compression_close(host: IsolateHost, rid: int) -> None:
    """Free the rid without finishing (cancel/abort); a no-op when already freed."""
    host.resources.pop(rid, None)
