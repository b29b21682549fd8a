"""TextEncoderStream / TextDecoderStream in a real isolate."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import js_runtime

# Write chunks to a transform stream and collect what its readable side yields.
HELPERS = """
const collect = async (stream, chunks) => {
  const w = stream.writable.getWriter();
  const reading = (async () => { const out = []; for await (const c of stream.readable) out.push(c); return out; })();
  try { for (const c of chunks) await w.write(c); await w.close(); }
  catch (e) { reading.catch(() => {}); throw e; }
  return reading;
};
const bytes = (...b) => new Uint8Array(b);
"""


def run(js: str, info: dict[str, Any] | None = None) -> Any:
    async def main() -> Any:
        async with js_runtime(info) as rt:
            return await rt.run(HELPERS + js)

    return asyncio.run(main())


def js_error(js: str, info: dict[str, Any] | None = None) -> JavaScriptError:
    with pytest.raises(JavaScriptError) as exc:
        run(js, info)
    return exc.value


def test_encoder_stream_encodes_each_chunk_as_utf8() -> None:
    assert run("const out = await collect(new TextEncoderStream(), ['a', 'é', '€😀']);"
               "return out.map((c) => [c.constructor.name, Array.from(c)])") == [
        ["Uint8Array", [97]], ["Uint8Array", [0xC3, 0xA9]], ["Uint8Array", [0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80]]]


def test_encoder_stream_joins_a_surrogate_pair_split_across_chunks() -> None:
    assert run("const out = await collect(new TextEncoderStream(), ['x\\ud83d', '\\ude00y']);"
               "return out.map((c) => Array.from(c))") == [[0x78], [0xF0, 0x9F, 0x98, 0x80, 0x79]]


def test_encoder_stream_replaces_lone_surrogates() -> None:
    assert run("const out = await collect(new TextEncoderStream(), ['\\ude00a', '\\ud83d', 'b', '\\ud83d']);"
               "return out.map((c) => Array.from(c))") == [
        [0xEF, 0xBF, 0xBD, 0x61], [0xEF, 0xBF, 0xBD, 0x62], [0xEF, 0xBF, 0xBD]]


def test_encoder_stream_skips_empty_chunks_and_stringifies_others() -> None:
    assert run("const out = await collect(new TextEncoderStream(), ['', 12, null]);"
               "return out.map((c) => new TextDecoder().decode(c))") == ["12", "null"]


def test_encoder_stream_shape() -> None:
    assert run("const s = new TextEncoderStream(); return [s.encoding, s instanceof TransformStream,"
               "Object.prototype.toString.call(s)]") == ["utf-8", True, "[object TextEncoderStream]"]


def test_decoder_stream_joins_multibyte_sequences_split_across_chunks() -> None:
    # "a€😀" = 61 | e2 82 ac | f0 9f 98 80, cut inside both multi-byte characters.
    assert run("return collect(new TextDecoderStream(), [bytes(0x61, 0xe2), bytes(0x82), bytes(0xac, 0xf0, 0x9f),"
               "bytes(0x98), bytes(0x80, 0x21)])") == ["a", "€", "😀!"]


def test_decoder_stream_decodes_one_byte_chunks_of_a_long_text() -> None:
    text = "héllo wörld ✓ 😀 " * 20
    assert run(f"const b = new TextEncoder().encode({text!r}); const chunks = [];"
               "for (let i = 0; i < b.length; i++) chunks.push(b.subarray(i, i + 1));"
               "return (await collect(new TextDecoderStream(), chunks)).join('')") == text


def test_decoder_stream_flushes_an_incomplete_sequence_as_replacement() -> None:
    assert run("return collect(new TextDecoderStream(), [bytes(0x61, 0xf0, 0x9f)])") == ["a", "\ufffd"]


def test_decoder_stream_fatal_errors_on_malformed_input() -> None:
    err = js_error("return await collect(new TextDecoderStream('utf-8', {fatal: true}), [bytes(0x61, 0xff)])")
    assert err.name == "TypeError"
    assert err.message == "Failed to decode input."


def test_decoder_stream_fatal_errors_on_truncated_input_at_close() -> None:
    err = js_error("return await collect(new TextDecoderStream('utf-8', {fatal: true}), [bytes(0x61, 0xe2, 0x82)])")
    assert err.message == "Failed to decode input."


def test_decoder_stream_fatal_defaults_as_in_workerd() -> None:
    # workerd: fatal defaults to true when an options object is given, unless pedantic_wpt.
    assert run("return [new TextDecoderStream().fatal, new TextDecoderStream('utf-8', {}).fatal,"
               "new TextDecoderStream('utf-8', {fatal: false}).fatal]") == [False, True, False]
    assert run("return new TextDecoderStream('utf-8', {}).fatal", {"compatFlags": ["pedantic_wpt"]}) is False


def test_decoder_stream_strips_the_bom_once_even_split() -> None:
    assert run("return collect(new TextDecoderStream(), [bytes(0xef, 0xbb), bytes(0xbf, 0x61, 0xef, 0xbb, 0xbf)])") == [
        "a\ufeff"]


def test_decoder_stream_ignore_bom_keeps_it() -> None:
    assert run("const s = new TextDecoderStream('utf-8', {ignoreBOM: true});"
               "return [s.ignoreBOM, ...(await collect(s, [bytes(0xef, 0xbb, 0xbf, 0x61)]))]") == [True, "\ufeffa"]


def test_decoder_stream_decodes_utf16le_split_across_chunks() -> None:
    assert run("const s = new TextDecoderStream('utf-16le');"
               "return [s.encoding, (await collect(s, [bytes(0x61), bytes(0x00, 0x3d), bytes(0xd8, 0x00, 0xde)])).join('')]"
               ) == ["utf-16le", "a😀"]


def test_decoder_stream_rejects_non_buffer_chunks() -> None:
    err = js_error("return await collect(new TextDecoderStream(), ['text'])")
    assert err.name == "TypeError"
    assert err.message == ("This TransformStream is being used as a byte stream, but received a value that is not a "
                           "BufferSource.")


def test_decoder_stream_rejects_unknown_labels() -> None:
    err = js_error("new TextDecoderStream('nope')")
    assert err.name == "RangeError"


def test_decoder_stream_accepts_array_buffers_and_other_views() -> None:
    assert run("return collect(new TextDecoderStream(), [bytes(0x68, 0x69).buffer, new DataView(bytes(0x21).buffer)])"
               ) == ["hi", "!"]


def test_text_streams_compose_with_pipe_through() -> None:
    assert run("""
      const src = new ReadableStream({ start(c) { c.enqueue('gr\\u00fc\\u00df '); c.enqueue('\\ud83d'); c.enqueue('\\ude00'); c.close(); } });
      const out = src.pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream());
      let s = ''; for await (const c of out) s += c; return s;
    """) == "grüß 😀"


@pytest.mark.parametrize(("flags", "desired"), [([], 1), (["encoder_stream_spec_compliant_backpressure"], 0)])
def test_readable_high_water_mark_follows_the_compat_flag(flags: list[str], desired: int) -> None:
    # With HWM 1 the first write goes through before anyone reads; with the spec's 0 it waits for a read.
    assert run("""
      const s = new TextEncoderStream(); const w = s.writable.getWriter();
      let done = false; w.write('a').then(() => { done = true; });
      for (let i = 0; i < 20; i++) await null;
      return done ? 1 : 0;
    """, {"compatFlags": flags}) == desired
