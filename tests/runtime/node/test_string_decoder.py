"""node:string_decoder behaves as in workerd (nodejs_compat).

Expected values were recorded from workerd 1.20260426.1 with nodejs_compat (they agree with
Node 20 except for the wording of the write() type error). Strings are compared as UTF-16
code unit lists so lone surrogates survive the trip to Python. All cases run in one isolate (module fixture).
"""

# ruff: noqa: E501
from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import PRELUDE, module_results, named

CASES_JS = PRELUDE + r'''
import { StringDecoder } from "node:string_decoder";
import sd from "node:string_decoder";
import * as sdNs from "node:string_decoder";
import { Buffer } from "node:buffer";
const units = (s) => Array.from(s, (c) => c.charCodeAt(0));
const feed = (enc, chunks, endChunk) => {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => units(d.write(Buffer.from(c))));
  out.push(units(endChunk === undefined ? d.end() : d.end(Buffer.from(endChunk))));
  return out;
};
const euro = [0xe2, 0x82, 0xac];
const smile = [0xf0, 0x9f, 0x98, 0x80];
T("utf8: whole characters pass through", () => feed("utf8", [[0x61, ...euro, 0x62]]));
T("utf8: a 3-byte character split over three writes", () => feed("utf8", [[0x61, 0xe2], [0x82], [0xac, 0x62]]));
T("utf8: a 4-byte character written byte by byte", () => feed("utf8", smile.map((b) => [b])));
T("utf8: incomplete character at end becomes U+FFFD", () => feed("utf8", [[0x61, 0xe2, 0x82]]));
T("utf8: invalid bytes become U+FFFD", () => feed("utf8", [[0xff, 0x61, 0xc3], [0x28]]));
T("utf8: lead byte followed by ascii", () => feed("utf8", [[0xe2], [0x61]]));
T("utf8: end with the rest of a character", () => feed("utf8", [[0xe2]], [0x82, 0xac]));
T("utf8: a BOM is kept", () => feed("utf8", [[0xef, 0xbb, 0xbf, 0x41]]));
T("utf8: many chunks of multibyte text", () => {
  const bytes = Buffer.from("h\u00e9llo w\u00f6rld \u20ac \ud83d\ude00 \u4e2d\u6587");
  const d = new StringDecoder("utf8");
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) out += d.write(bytes.subarray(i, i + 3));
  return out + d.end() === bytes.toString();
});
T("utf16le: a code unit split over writes", () => feed("utf16le", [[0x61], [0x00, 0x62], [0x00]]));
T("utf16le: a surrogate pair split over writes", () => feed("utf16le", [[0x3d, 0xd8], [0x00, 0xde]]));
T("utf16le: a lone lead surrogate at end", () => feed("ucs2", [[0x61, 0x00, 0x3d, 0xd8]]));
T("utf16le: an odd byte at end is dropped", () => feed("utf16le", [[0x61, 0x00, 0x62]]));
T("base64: remainder bytes wait for a full group", () => feed("base64", [[0x61], [0x62, 0x63, 0x64], [0x65]]));
T("base64url: groups and remainder", () => feed("base64url", [[0xff, 0xfe], [0xfd, 0xfc]]));
T("stateless: hex latin1 ascii decode each chunk", () => [feed("hex", [[0xab], [0xcd]]), feed("latin1", [[0xe9], [0x41]]), feed("ascii", [[0xe9, 0x41]])]);
T("encoding: names are normalized", () => ["utf8", "UTF-8", "ucs2", "utf-16le", "binary", "latin1", "base64", "hex", undefined, "ascii", "base64url"].map((e) => new StringDecoder(e).encoding));
T("errors: unknown encoding", () => new StringDecoder("nope"));
T("errors: write a number", () => new StringDecoder().write(1));
T("write: a string is returned as is", () => new StringDecoder().write("abc"));
T("write: typed arrays and DataView", () => { const d = new StringDecoder(); return [d.write(new Uint8Array([0x68, 0x69])), d.write(new DataView(new Uint8Array([0x21]).buffer))]; });
T("state: lastNeed and lastTotal", () => {
  const d = new StringDecoder("utf8");
  d.write(Buffer.from([0xe2]));
  const a = [d.lastNeed, d.lastTotal, d.lastChar[0]];
  d.write(Buffer.from([0x82]));
  a.push(d.lastNeed, d.lastTotal);
  d.write(Buffer.from([0xac]));
  a.push(d.lastNeed);
  return a;
});
T("state: end resets the decoder", () => { const d = new StringDecoder(); d.write(Buffer.from([0xe2])); return [units(d.end()), d.write(Buffer.from("ok"))]; });
T("module: exports", () => [sd.StringDecoder === StringDecoder, Object.keys(sdNs).sort()]);
T("write: legacy text(buf, offset)", () => new StringDecoder().text(Buffer.from("hello"), 2));

export default runCases();
'''

EXPECTED: dict[str, Any] = {'utf8: whole characters pass through': [[97, 8364, 98], []],
 'utf8: a 3-byte character split over three writes': [[97], [], [8364, 98], []],
 'utf8: a 4-byte character written byte by byte': [[], [], [], [55357], []],
 'utf8: incomplete character at end becomes U+FFFD': [[97], [65533]],
 'utf8: invalid bytes become U+FFFD': [[65533, 97], [65533, 40], []],
 'utf8: lead byte followed by ascii': [[], [65533, 97], []],
 'utf8: end with the rest of a character': [[], [8364]],
 'utf8: a BOM is kept': [[65279, 65], []],
 'utf8: many chunks of multibyte text': True,
 'utf16le: a code unit split over writes': [[], [97], [98], []],
 'utf16le: a surrogate pair split over writes': [[], [55357], []],
 'utf16le: a lone lead surrogate at end': [[97], [55357]],
 'utf16le: an odd byte at end is dropped': [[97], []],
 'base64: remainder bytes wait for a full group': [[], [89, 87, 74, 106], [], [90, 71, 85, 61]],
 'base64url: groups and remainder': [[], [95, 95, 55, 57], [95, 65]],
 'stateless: hex latin1 ascii decode each chunk': [[[97, 98], [99, 100], []],
                                                   [[233], [65], []],
                                                   [[105, 65], []]],
 'encoding: names are normalized': ['utf8',
                                    'utf8',
                                    'utf16le',
                                    'utf16le',
                                    'latin1',
                                    'latin1',
                                    'base64',
                                    'hex',
                                    'utf8',
                                    'ascii',
                                    'base64url'],
 'errors: unknown encoding': {'error': ['TypeError', 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: nope']},
 'errors: write a number': {'error': ['TypeError',
                                      'ERR_INVALID_ARG_TYPE',
                                      'The "buf" argument must be of type string or an instance of Buffer, '
                                      'TypedArray, or DataView. Received type number (1)']},
 'write: a string is returned as is': 'abc',
 'write: typed arrays and DataView': ['hi', '!'],
 'state: lastNeed and lastTotal': [2, 3, 226, 1, 3, 0],
 'state: end resets the decoder': [[65533], 'ok'],
 'module: exports': [True, ['StringDecoder', 'default']],
 'write: legacy text(buf, offset)': 'llo'}


results = module_results(CASES_JS, json_text=True)


@pytest.mark.parametrize("case", named(EXPECTED, "utf8"))
def test_utf8_holds_split_characters(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "utf16le"))
def test_utf16le_holds_split_units_and_surrogates(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "base64"))
def test_base64_encodes_whole_groups(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "base64url"))
def test_base64url_encodes_whole_groups(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "stateless"))
def test_single_byte_encodings_are_stateless(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "encoding"))
def test_encoding_names(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "write"))
def test_write_inputs(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "state"))
def test_decoder_state(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "module"))
def test_module_exports(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "errors"))
def test_errors_have_workerd_codes_and_messages(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]
