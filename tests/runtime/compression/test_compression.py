"""CompressionStream / DecompressionStream in a real isolate, checked against Python's zlib and gzip."""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib
from typing import Any

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import js_runtime

STRICT = {"compatFlags": ["strict_compression_checks"]}
WBITS = {"gzip": 31, "deflate": 15, "deflate-raw": -15}

# JS helpers: run bytes through a (de)compression stream, chunk by chunk.
HELPERS = """
const pump = async (stream, chunks) => {
  const w = stream.writable.getWriter();
  const reading = (async () => {
    const out = []; let n = 0;
    for await (const c of stream.readable) { out.push(c); n += c.byteLength; }
    const all = new Uint8Array(n); let o = 0;
    for (const c of out) { all.set(c, o); o += c.byteLength; }
    return all;
  })();
  try {
    for (const c of chunks) await w.write(c);
    await w.close();
  } catch (e) {
    reading.catch(() => {});
    throw e;
  }
  return reading;
};
const hex = (s) => new Uint8Array(s.match(/../g)?.map((b) => parseInt(b, 16)) ?? []);
"""


def run(js: str, info: dict[str, Any] | None = None) -> Any:
    async def main() -> Any:
        async with js_runtime(info) as rt:
            return await rt.run(HELPERS + js)

    return asyncio.run(main())


def run_with_resources(js: str, info: dict[str, Any] | None = None) -> tuple[Any, int]:
    """The result and how many native resources the host still holds afterwards."""

    async def main() -> tuple[Any, int]:
        async with js_runtime(info) as rt:
            result = await rt.run(HELPERS + js)
            return result, len(rt.isolate.host.resources)

    return asyncio.run(main())


def js_error(js: str, info: dict[str, Any] | None = None) -> JavaScriptError:
    with pytest.raises(JavaScriptError) as exc:
        run(js, info)
    return exc.value


TEXT = ("The quick brown fox jumps over the lazy dog. " * 50 + "ünïcødé ✓").encode()


@pytest.mark.parametrize("fmt", ["gzip", "deflate", "deflate-raw"])
def test_compressed_output_decompresses_with_python_zlib(fmt: str) -> None:
    out = run(f"return pump(new CompressionStream({fmt!r}), [hex({TEXT[:500].hex()!r}), hex({TEXT[500:].hex()!r})])")
    assert isinstance(out, bytes)
    assert len(out) < len(TEXT)
    assert zlib.decompress(out, WBITS[fmt]) == TEXT


def test_gzip_output_is_a_gzip_member_python_gzip_reads() -> None:
    out = run(f"return pump(new CompressionStream('gzip'), [hex({TEXT.hex()!r})])")
    assert out[:2] == b"\x1f\x8b"
    assert gzip.decompress(out) == TEXT


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        ("gzip", gzip.compress(TEXT)),
        ("deflate", zlib.compress(TEXT)),
        ("deflate-raw", zlib.compress(TEXT, wbits=-15)),
    ],
)
def test_python_compressed_input_decompresses(fmt: str, data: bytes) -> None:
    assert run(f"return pump(new DecompressionStream({fmt!r}), [hex({data.hex()!r})])", STRICT) == TEXT


def test_decompression_accepts_input_split_into_one_byte_chunks() -> None:
    data = gzip.compress(TEXT)
    out = run(f"const b = hex({data.hex()!r}); const chunks = [];"
              "for (let i = 0; i < b.length; i++) chunks.push(b.subarray(i, i + 1));"
              "return pump(new DecompressionStream('gzip'), chunks)", STRICT)
    assert out == TEXT


def test_round_trip_through_both_streams_with_pipe_through() -> None:
    assert run(f"""
      const src = new ReadableStream({{ start(c) {{ c.enqueue(hex({TEXT.hex()!r})); c.close(); }} }});
      const out = src.pipeThrough(new CompressionStream('deflate')).pipeThrough(new DecompressionStream('deflate'));
      return new Uint8Array(await new Response(out).arrayBuffer());
    """) == TEXT


def test_empty_input_compresses_to_an_empty_gzip_member() -> None:
    out = run("return pump(new CompressionStream('gzip'), [])")
    assert gzip.decompress(out) == b""


def test_chunks_may_be_array_buffers_and_any_view() -> None:
    out = run("return pump(new CompressionStream('deflate'), [new Uint8Array([104, 105]).buffer,"
              "new DataView(new Uint8Array([33]).buffer), new Uint16Array([0x6968]), new Uint8Array(0)])")
    assert zlib.decompress(out) == b"hi!hi"


def test_string_chunks_write_nothing_as_in_workerd() -> None:
    out = run("return pump(new CompressionStream('gzip'), ['not bytes'])")
    assert gzip.decompress(out) == b""
    assert out == bytes([31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0])


def test_non_buffer_chunk_is_a_type_error() -> None:
    err = js_error("return pump(new CompressionStream('gzip'), [{}])")
    assert err.name == "TypeError"
    assert err.message == ("This TransformStream is being used as a byte stream, but received an object of "
                           "non-ArrayBuffer/ArrayBufferView type on its writable side.")


@pytest.mark.parametrize("ctor", ["CompressionStream", "DecompressionStream"])
@pytest.mark.parametrize("fmt", ["brotli", "GZIP", "", None])
def test_unknown_format_is_a_type_error(ctor: str, fmt: str | None) -> None:
    err = js_error(f"new {ctor}({json.dumps(fmt)})")
    assert err.name == "TypeError"
    assert err.message == "The compression format must be either 'deflate', 'deflate-raw' or 'gzip'."


@pytest.mark.parametrize("ctor", ["CompressionStream", "DecompressionStream"])
def test_missing_format_is_a_webidl_type_error(ctor: str) -> None:
    err = js_error(f"new {ctor}()")
    assert err.name == "TypeError"
    assert err.message == f"Failed to construct '{ctor}': constructor parameter 1 is not of type 'string'."


def test_streams_are_transform_streams() -> None:
    assert run("const c = new CompressionStream('gzip'), d = new DecompressionStream('deflate-raw');"
               "return [c instanceof TransformStream, d instanceof TransformStream,"
               "Object.prototype.toString.call(c), Object.prototype.toString.call(d),"
               "c.readable instanceof ReadableStream, c.writable instanceof WritableStream]") == [
        True, True, "[object CompressionStream]", "[object DecompressionStream]", True, True]


@pytest.mark.parametrize("fmt", ["gzip", "deflate", "deflate-raw"])
def test_corrupt_input_is_a_type_error(fmt: str) -> None:
    bad = b"\x1f\x8b\x08\x00garbage that is not deflate data" if fmt == "gzip" else b"\xff\xff\xff\xffnot deflate"
    err = js_error(f"return await pump(new DecompressionStream({fmt!r}), [hex({bad.hex()!r})])", STRICT)
    assert err.name == "TypeError"
    assert err.message == "Decompression failed."


def test_corrupt_input_errors_the_readable_side_too() -> None:
    assert run("""
      const d = new DecompressionStream('deflate');
      const w = d.writable.getWriter(); const r = d.readable.getReader();
      const wrote = w.write(new Uint8Array([1, 2, 3, 4, 5])).then(() => 'ok', (e) => e.message);
      const read = r.read().then(() => 'ok', (e) => e.constructor.name + ': ' + e.message);
      return [await wrote, await read];
    """, STRICT) == ["Decompression failed.", "TypeError: Decompression failed."]


def test_trailing_data_after_the_end_is_a_type_error_when_strict() -> None:
    data = zlib.compress(TEXT) + b"extra"
    err = js_error(f"return await pump(new DecompressionStream('deflate'), [hex({data.hex()!r})])", STRICT)
    assert err.name == "TypeError"
    assert err.message == "Trailing bytes after end of compressed data"


def test_trailing_data_in_a_later_chunk_is_a_type_error_when_strict() -> None:
    data = gzip.compress(TEXT)
    err = js_error(f"return await pump(new DecompressionStream('gzip'), [hex({data.hex()!r}), hex('00')])", STRICT)
    assert err.message == "Trailing bytes after end of compressed data"


def test_truncated_input_is_a_type_error_at_close_when_strict() -> None:
    data = gzip.compress(TEXT)[:-10]
    err = js_error(f"return await pump(new DecompressionStream('gzip'), [hex({data.hex()!r})])", STRICT)
    assert err.name == "TypeError"
    assert err.message == "Called close() on a decompression stream with incomplete data"


def test_without_strict_checks_trailing_data_is_ignored_and_truncation_allowed() -> None:
    whole = zlib.compress(TEXT) + b"extra"
    cut = zlib.compress(TEXT)[:-4]  # the adler32 trailer is missing
    assert run(f"return [await pump(new DecompressionStream('deflate'), [hex({whole.hex()!r})]),"
               f"await pump(new DecompressionStream('deflate'), [hex({cut.hex()!r})])]") == [TEXT, TEXT]


def test_resources_are_freed_after_close_error_and_cancel() -> None:
    result, left = run_with_resources(f"""
      await pump(new CompressionStream('gzip'), [hex('0102')]);
      await pump(new DecompressionStream('gzip'), [hex('00112233')]).catch(() => {{}});
      // A pending read lets the transform run (no backpressure), so the zlib stream exists.
      const c = new CompressionStream('deflate');
      const w = c.writable.getWriter();
      const pending = c.readable.getReader().read().catch(() => {{}});
      await w.write(new Uint8Array([1, 2, 3]));
      await w.abort(new Error('stop'));
      await pending;
      const d = new DecompressionStream('gzip');
      const dw = d.writable.getWriter();
      const dr = d.readable.getReader();
      const read = dr.read().catch(() => {{}});
      await dw.write(hex({gzip.compress(b'abc')[:5].hex()!r}));
      await dr.cancel('no');
      await read;
      return 'done';
    """, STRICT)
    assert result == "done"
    assert left == 0


def test_twenty_mib_stream_through_compression_in_chunks() -> None:
    # 20 MiB generated chunk by chunk (64 KiB each), compressed and decompressed
    # as streams; only sizes, chunk counts and a checksum come back.
    result, left = run_with_resources("""
      const CHUNK = 64 * 1024, TOTAL = 20 * 1024 * 1024;
      let made = 0, seed = 1;
      const src = new ReadableStream({
        pull(c) {
          if (made >= TOTAL) { c.close(); return; }
          const b = new Uint8Array(CHUNK);
          for (let i = 0; i < CHUNK; i++) { seed = (seed * 1103515245 + 12345) >>> 0; b[i] = 97 + ((seed >>> 16) % 8); }
          made += CHUNK;
          c.enqueue(b);
        },
      });
      let compressedChunks = 0, compressedBytes = 0;
      const count = new TransformStream({ transform(chunk, c) { compressedChunks++; compressedBytes += chunk.byteLength; c.enqueue(chunk); } });
      const out = src.pipeThrough(new CompressionStream('gzip')).pipeThrough(count).pipeThrough(new DecompressionStream('gzip'));
      let n = 0, sum = 0, outChunks = 0;
      for await (const c of out) { outChunks++; n += c.byteLength; for (let i = 0; i < c.length; i += 4096) sum = (sum + c[i]) | 0; }
      return { n, sum, compressedChunks, compressedBytes, outChunks };
    """, STRICT)
    assert result["n"] == 20 * 1024 * 1024
    assert result["compressedChunks"] > 1
    assert result["outChunks"] > 1
    assert 0 < result["compressedBytes"] < 20 * 1024 * 1024
    assert left == 0
