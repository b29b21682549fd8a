from __future__ import annotations

import json

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js


def test_text_encoder_encodes_utf8() -> None:
    assert run('const e = new TextEncoder(); return [e.encoding, Array.from(e.encode("a€😀"))]') == [
        "utf-8", [97, 226, 130, 172, 240, 159, 152, 128]]


def test_text_encoder_replaces_lone_surrogates() -> None:
    assert run('return Array.from(new TextEncoder().encode("\\ud800x"))') == [0xEF, 0xBF, 0xBD, 0x78]


def test_text_encoder_default_input_is_empty() -> None:
    assert run("return new TextEncoder().encode().length") == 0


def test_encode_into_stops_before_a_char_that_does_not_fit() -> None:
    assert run('const d = new Uint8Array(5); const r = new TextEncoder().encodeInto("a€😀", d);'
               'return [r.read, r.written, Array.from(d)]') == [2, 4, [97, 226, 130, 172, 0]]


def test_decoder_decodes_utf8_by_default() -> None:
    assert run('const d = new TextDecoder(); return [d.encoding, d.fatal, d.ignoreBOM,'
               'd.decode(new Uint8Array([104, 195, 169]))]') == ["utf-8", False, False, "hé"]


def test_decoder_stream_joins_multibyte_char_split_across_calls() -> None:
    assert run('const d = new TextDecoder(); const b = new TextEncoder().encode("x😀y");'
               'return [d.decode(b.subarray(0, 3), {stream: true}), d.decode(b.subarray(3), {stream: true}),'
               'd.decode()]') == [
        "x", "😀y", ""]


def test_decoder_flushes_incomplete_sequence_as_replacement() -> None:
    assert run('const d = new TextDecoder(); d.decode(new Uint8Array([0xe2, 0x82]), {stream: true});'
               'return d.decode()') == "\ufffd"


def test_decoder_replaces_malformed_bytes() -> None:
    assert run('return new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0xf0, 0x80, 0x80,'
               '0x62]))') == "a\ufffd\ufffd\ufffd\ufffdb"


@pytest.mark.parametrize("data", [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]])
def test_fatal_decoder_throws_type_error(data: list[int]) -> None:
    with pytest.raises(JavaScriptError) as exc:
        run(f'new TextDecoder("utf-8", {{fatal: true}}).decode(new Uint8Array({json.dumps(data)}))')
    assert exc.value.name == "TypeError"
    assert exc.value.message == "Failed to decode input."


def test_decoder_strips_bom_once_per_stream() -> None:
    assert run('const d = new TextDecoder(); const b = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);'
               'return [d.decode(b), d.decode(b), d.decode(new Uint8Array([0xef]),'
               '{stream: true}) + d.decode(new Uint8Array([0xbb, 0xbf, 0xef, 0xbb, 0xbf]))]') == [
        "a", "a", "\ufeff"]


def test_decoder_ignore_bom_keeps_it() -> None:
    assert run('return new TextDecoder("utf-8", {ignoreBOM: true}).decode(new Uint8Array([0xef, 0xbb, 0xbf,'
               '0x61]))') == "\ufeffa"


def test_decoder_accepts_array_buffer_and_data_view() -> None:
    assert run('const b = new Uint8Array([0, 104, 105, 0]); const d = new TextDecoder();'
               'return [d.decode(b.buffer), d.decode(new DataView(b.buffer, 1, 2))]') == ["\x00hi\x00", "hi"]


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("utf8", "utf-8"),
        (" UTF-8 ", "utf-8"),
        ("latin1", "windows-1252"),
        ("ascii", "windows-1252"),
        ("iso-8859-1", "windows-1252"),
        ("utf-16", "utf-16le"),
        ("unicodefffe", "utf-16be"),
        ("sjis", "shift_jis"),
        ("koi8", "koi8-r"),
        ("x-user-defined", "x-user-defined"),
    ],
)
def test_decoder_normalises_labels(label: str, name: str) -> None:
    assert run(f"return new TextDecoder({json.dumps(label)}).encoding") == name


@pytest.mark.parametrize("label", ["nope", "replacement", "iso-2022-kr"])
def test_unknown_or_replacement_label_is_range_error(label: str) -> None:
    with pytest.raises(JavaScriptError) as exc:
        run(f"new TextDecoder({json.dumps(label)})")
    assert exc.value.name == "RangeError"
    assert exc.value.message == f'"{label}" is not a valid encoding.'


def test_windows_1252_maps_c1_range() -> None:
    assert run('return new TextDecoder("latin1").decode(new Uint8Array([0x80, 0x9f, 0xe9, 0x81, 0x41]))') == "€Ÿé\x81A"


def test_single_byte_legacy_encoding_decodes() -> None:
    assert run('return new TextDecoder("koi8-r").decode(new Uint8Array([0xc1, 0xc2]))') == "аб"


def test_fatal_single_byte_decoder_rejects_unmapped_byte() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('new TextDecoder("iso-8859-3", {fatal: true}).decode(new Uint8Array([0xa5]))')
    assert exc.value.message == "Failed to decode input."


def test_utf16le_decodes_surrogate_pairs_and_strips_bom() -> None:
    assert run('return new TextDecoder("utf-16le").decode(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x3d, 0xd8, 0,'
               '0xde]))') == "a😀"


def test_utf16be_stream_split_in_code_unit() -> None:
    assert run('const d = new TextDecoder("utf-16be"); return d.decode(new Uint8Array([0, 0x61, 0]), {stream: true})'
               '+ d.decode(new Uint8Array([0x62]))') == "ab"


def test_utf16_lone_surrogate_is_replaced() -> None:
    assert run('return new TextDecoder("utf-16le").decode(new Uint8Array([0x00, 0xd8, 0x61, 0x00]))') == "\ufffda"


def test_shift_jis_stream_across_calls() -> None:
    assert run('const d = new TextDecoder("shift_jis"); return d.decode(new Uint8Array([0x82]), {stream: true})'
               '+ d.decode(new Uint8Array([0xa0]))') == "あ"


def test_x_user_defined_maps_high_bytes_to_private_use() -> None:
    assert run('return new TextDecoder("x-user-defined").decode(new Uint8Array([0x41, 0x80, 0xff]))') == "A\uf780\uf7ff"


def test_large_round_trip_goes_through_op_path() -> None:
    assert run('const s = "héllo wörld €😀 ".repeat(20000); const b = new TextEncoder().encode(s);'
               'return [new TextDecoder().decode(b) === s, b.length]') == [True, 20000 * 22]


def test_large_fatal_decode_rejects_malformed() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('const b = new Uint8Array(100000).fill(0x61); b[5000] = 0xff;'
            'new TextDecoder("utf-8", {fatal: true}).decode(b)')
    assert exc.value.message == "Failed to decode input."


def test_encode_returns_an_exact_size_buffer() -> None:
    js = "return ['abc', 'é', 'x'.repeat(5000)].map((s) => { const u = new TextEncoder().encode(s); return u.buffer.byteLength === u.byteLength; })"
    assert run(js) == [True, True, True]
