"""zlib and brotli behind ``node:zlib`` (runtime/node/zlib.js).

Modes are Node's numbers (DEFLATE 1, INFLATE 2, GZIP 3, GUNZIP 4, DEFLATERAW
5, INFLATERAW 6, UNZIP 7, BROTLI_DECODE 8, BROTLI_ENCODE 9). JS validates the
options (Node's ranges and messages) and passes them as a dict: ``level``,
``windowBits``, ``memLevel``, ``strategy``, ``dictionary`` for zlib;
``params`` ({BROTLI_PARAM_*: value}) for brotli.

``op_nodezlib_sync`` does a whole buffer in one crossing (``gzipSync``,
``gzip(buf, cb)``). A stream (``createGzip`` ...) keeps its engine in the
isolate's resource table under an int rid: ``op_nodezlib_write`` takes every
chunk written since the last call plus a flush flag and returns the output;
Z_FINISH (BROTLI_OPERATION_FINISH) frees the rid, and so does an error.

A zlib failure comes back as data, ``[message, code, errno]`` (Node's text:
"incorrect header check", "Z_DATA_ERROR", -3), so JS can throw it as workerd
does: a plain Error from the sync path, an Error with ``code``/``errno`` from
streams.

As in Node, a gunzip stream whose member ends with more input that does not
start with a zero byte reads it as the next member; other formats ignore
data after the end of the stream.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

import brotli  # type: ignore[import-untyped]

from isolet.errors import JSError
from isolet.runtime.host import IsolateHost

DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE = range(1, 10)
Z_FINISH = 4
BROTLI_OPERATION_FLUSH = 1
BROTLI_OPERATION_FINISH = 2
# BROTLI_PARAM_* numbers (Node's constants) -> the python brotli keyword.
BROTLI_PARAMS = {0: "mode", 1: "quality", 2: "lgwin", 3: "lgblock"}
BROTLI_DEFAULTS = {"mode": 0, "quality": 11, "lgwin": 22, "lgblock": 0}

ERROR_CODES = {
    2: "Z_NEED_DICT", 1: "Z_STREAM_END", -1: "Z_ERRNO", -2: "Z_STREAM_ERROR", -3: "Z_DATA_ERROR",
    -4: "Z_MEM_ERROR", -5: "Z_BUF_ERROR", -6: "Z_VERSION_ERROR",
}
UNEXPECTED_END = ["unexpected end of file", "Z_BUF_ERROR", -5]
# "Error -3 while decompressing data: incorrect header check"
_ZLIB_ERROR = re.compile(r"Error (-?\d+) while \w+(?: \w+)*?(?:: (.*))?$")

Failure = list[Any]  # [message, code, errno]


def _failure(e: zlib.error, zdict: bytes | None) -> Failure:
    m = _ZLIB_ERROR.match(str(e))
    if m is None:
        return [str(e), "Z_DATA_ERROR", -3]
    errno = int(m.group(1))
    message = m.group(2) or ""
    if errno == 2:  # Z_NEED_DICT: python reports it for a missing and a wrong dictionary alike
        return ["Bad dictionary" if zdict else "Missing dictionary", "Z_NEED_DICT", 2]
    if not message:
        message = "Zlib error"
    return [message, ERROR_CODES.get(errno, "Z_DATA_ERROR"), errno]


class _Deflate:
    __slots__ = ("c",)

    def __init__(self, mode: int, opts: dict[str, Any]) -> None:
        bits = int(opts.get("windowBits", 15))
        if mode == GZIP:
            bits += 16
        elif mode == DEFLATERAW:
            bits = -bits
        zdict = opts.get("dictionary")
        args: dict[str, Any] = {"zdict": bytes(zdict)} if isinstance(zdict, (bytes, bytearray)) and mode != GZIP else {}
        self.c = zlib.compressobj(int(opts.get("level", -1)), zlib.DEFLATED, bits, int(opts.get("memLevel", 8)),
                                  int(opts.get("strategy", 0)), **args)

    def process(self, chunks: list[bytes], flush: int) -> bytes | Failure:
        out = [self.c.compress(chunk) for chunk in chunks]
        if flush:
            out.append(self.c.flush(flush))
        return b"".join(out)


class _Inflate:
    __slots__ = ("bits", "d", "ended", "gzip", "multi", "zdict")

    def __init__(self, mode: int, opts: dict[str, Any]) -> None:
        bits = int(opts.get("windowBits", 15))
        if mode == GUNZIP:
            bits += 16
        elif mode == INFLATERAW:
            bits = -bits
        elif mode == UNZIP:
            bits += 32
        zdict = opts.get("dictionary")
        self.zdict = bytes(zdict) if isinstance(zdict, (bytes, bytearray)) else None
        self.bits = bits
        self.multi = mode in (GUNZIP, UNZIP)
        self.ended = False  # past the end of the (last) stream: input is ignored
        self.gzip: bool | None = None  # whether the current member is gzip (known from its first byte)
        self.d = self._new()

    def _new(self) -> Any:
        self.gzip = None
        if self.zdict is not None:
            return zlib.decompressobj(self.bits, zdict=self.zdict)
        return zlib.decompressobj(self.bits)

    def process(self, chunks: list[bytes], flush: int) -> bytes | Failure:
        out: list[bytes] = []
        try:
            for data in chunks:
                while data and not self.ended:
                    if self.d.eof:
                        # Node's gunzip: more input after a gzip member is another member
                        # unless it starts with a zero byte (padding), which ends the stream.
                        if self.multi and self.gzip and data[0] != 0:
                            self.d = self._new()
                        else:
                            self.ended = True
                            break
                    if self.gzip is None:
                        self.gzip = data[0] == 0x1F
                    out.append(self.d.decompress(data))
                    data = self.d.unused_data if self.d.eof else b""
        except zlib.error as e:
            return _failure(e, self.zdict)
        if flush == Z_FINISH and not self.d.eof:
            return UNEXPECTED_END
        return b"".join(out)


class _BrotliEncode:
    __slots__ = ("c",)

    def __init__(self, opts: dict[str, Any]) -> None:
        self.c = brotli.Compressor(**_brotli_args(opts))

    def process(self, chunks: list[bytes], flush: int) -> bytes | Failure:
        out = [self.c.process(chunk) for chunk in chunks]
        if flush == BROTLI_OPERATION_FINISH:
            out.append(self.c.finish())
        elif flush == BROTLI_OPERATION_FLUSH:
            out.append(self.c.flush())
        return b"".join(out)


class _BrotliDecode:
    __slots__ = ("d",)

    def __init__(self) -> None:
        self.d = brotli.Decompressor()

    def process(self, chunks: list[bytes], flush: int) -> bytes | Failure:
        out: list[bytes] = []
        try:
            for chunk in chunks:
                if chunk and not self.d.is_finished():
                    out.append(self.d.process(chunk))
        except brotli.error:
            # workerd's text (python's brotli does not tell which format error it was).
            return ["Compression failed", "ERR_BROTLI_DECOMPRESSION_FAILED", -1]
        if flush == BROTLI_OPERATION_FINISH and not self.d.is_finished():
            return ["Unexpected end of file", "Z_BUF_ERROR", -5]
        return b"".join(out)


def _brotli_args(opts: dict[str, Any]) -> dict[str, int]:
    args = dict(BROTLI_DEFAULTS)
    params = opts.get("params")
    if isinstance(params, dict):
        for key, value in params.items():
            name = BROTLI_PARAMS.get(int(key))
            if name is not None:
                args[name] = int(value)
    args["quality"] = min(max(args["quality"], 0), 11)
    args["lgwin"] = min(max(args["lgwin"], 10), 24)
    if args["lgblock"]:
        args["lgblock"] = min(max(args["lgblock"], 16), 24)
    if args["mode"] not in (0, 1, 2):
        raise JSError("Error", "Setting parameter failed")
    return args


Engine = _Deflate | _Inflate | _BrotliEncode | _BrotliDecode


def _engine(mode: int, opts: Any) -> Engine:
    options: dict[str, Any] = opts if isinstance(opts, dict) else {}
    if mode in (DEFLATE, GZIP, DEFLATERAW):
        try:
            return _Deflate(mode, options)
        except ValueError as e:
            raise JSError("Error", "Zlib error") from e
    if mode in (INFLATE, GUNZIP, INFLATERAW, UNZIP):
        try:
            return _Inflate(mode, options)
        except ValueError as e:
            raise JSError("Error", "Zlib error") from e
    if mode == BROTLI_ENCODE:
        return _BrotliEncode(options)
    if mode == BROTLI_DECODE:
        return _BrotliDecode()
    raise JSError("TypeError", f"Bad argument: mode {mode}")


def _finish_flag(mode: int) -> int:
    return BROTLI_OPERATION_FINISH if mode in (BROTLI_ENCODE, BROTLI_DECODE) else Z_FINISH


def op_nodezlib_sync(host: IsolateHost, mode: int, data: bytes, opts: Any) -> bytes | Failure:
    """Compress or decompress all of ``data``; the output, or ``[message, code, errno]``."""
    return _engine(mode, opts).process([data], _finish_flag(mode))


def op_nodezlib_open(host: IsolateHost, mode: int, opts: Any) -> int:
    """A streaming engine for ``mode``; returns its rid."""
    rid = next(host.resource_ids)
    host.resources[rid] = _engine(mode, opts)
    return rid


def op_nodezlib_write(host: IsolateHost, rid: int, chunks: list[bytes], flush: int) -> bytes | Failure:
    """Feed ``chunks`` then ``flush`` (a Z_* or BROTLI_OPERATION_* flag); the output or a failure.

    A finish or a failure frees the rid.
    """
    engine = host.resources.get(rid)
    if not isinstance(engine, (_Deflate, _Inflate, _BrotliEncode, _BrotliDecode)):
        raise JSError("Error", "zlib binding closed")
    result = engine.process(chunks, flush)
    finish = BROTLI_OPERATION_FINISH if isinstance(engine, (_BrotliEncode, _BrotliDecode)) else Z_FINISH
    if isinstance(result, list) or flush == finish:
        del host.resources[rid]
    return result


def op_nodezlib_close(host: IsolateHost, rid: int) -> None:
    """Free a stream's engine (destroy/close before the end); a no-op when already freed."""
    host.resources.pop(rid, None)


def op_nodezlib_crc32(host: IsolateHost, data: bytes, value: int) -> int:
    return zlib.crc32(data, value)
