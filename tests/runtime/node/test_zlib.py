"""node:zlib: each case's result equals workerd's (1.20260426.1, nodejs_compat). workerd differs from Node 20 in
its sync-path errors (a plain Error with zlib's message, no code; option errors without code) and its
constants (zstd); streams carry Node's code and errno. Compressed bytes are compared only where the system
zlib and Chromium's zlib (Node, workerd) agree (small inputs) and for brotli; larger inputs are checked by
round trip and by reading bytes Node wrote."""

from __future__ import annotations

import zlib
from typing import Any

import pytest

from isolet.runtime.ops import node_zlib
from tests.runtime.node.cases import js_prelude, module_results, op_host

PRELUDE = js_prelude(values="raw", errors="thrown", finish="object")

# Every case runs in one isolate (one module); a case returns a JSON-able value, a thrown
# error comes back as {"thrown": [name, code, message]}.
CASES_JS = (
    PRELUDE
    + r"""import zlib from "node:zlib";
import * as named from "node:zlib";
import { Buffer } from "node:buffer";
import { Readable, Writable, pipeline } from "node:stream";

const b64 = (b) => Buffer.from(b).toString("base64");
const text = (n) => Array.from({ length: n }, (_, i) => String(i * 7 % 1000)).join(",").slice(0, n);
const TEXT = text(64 * 1024);
const promisify = (fn) => (...args) => new Promise((resolve, reject) => fn(...args, (e, v) => (e ? reject(e) : resolve(v))));
const cb = (fn) => new Promise((resolve) => fn((e, v) => resolve(e ? ["error", e.name, e.code ?? null, e.message] : b64(v))));
const collect = (stream, input) => new Promise((resolve) => {
  const chunks = [];
  stream.on("data", (d) => chunks.push(d));
  stream.on("error", (e) => resolve(["error", e.name, e.code ?? null, e.errno ?? null, e.message]));
  stream.on("end", () => resolve(Buffer.concat(chunks)));
  for (const piece of input) stream.write(piece);
  stream.end();
});
// Node 20's zlib.gzipSync(text(1000)) (Chromium's zlib; the system zlib writes other, equally valid bytes).
const NODE_GZIP_1000 = "H4sIAAAAAAAAAx3T2w1EUQhC0Yb2xxHFR/+NTe40YIILHkMUCrSkKVGHm07mMcMWF9wSz0SIiCPURCZRj6ghXEQH0UuMiRWxR1yjlygeikEqlIFyURlZyIe60STah3bQFfmCfEuGSYnUkdlkJelHesgucoKcJdfkibyjXlORlB6lobKoCqqWsqkW1UdNU5vUPeoGv8IROBbLOIXzcDV24n64B0/hDbyLz/QT/Y6OppV0PjqHrqIdtJdu0yN6jt6m73vxY94wUYyC0TJppsTUMW7mo/hbDLPFXDC37DMbYuNYNZvJ1mNrWBfbwfayY3bF7rHX3EsuHhfDqbgMLpcrcxbn47q5SW4ft8NdESxhJD6IphI//IVkglnWnLgjXhORhB6hIbKICqK+EyZaRB8xTWwS94gb9L4qBopFMkqhPFSNnKgf6kFTaL/OLjqTT+Q7MppUkvnIHLKKdJBesk2OyDlym7yk3qPeUFGUgtJS3wq+GdRRbqqTmkfNUFvUBXWLn3EIx2E1zsT1cA124Q7ci8d4hffwNf2SjkfH0Co6g86ly7RF++huepLeR+/QV8wL5i0TZiRGx2QzlYwf42E+is9illkzJ+aOfT9I6GlF6AMAAA==";

const cases = {
  gzip_small_input_bytes_equal_node: () => b64(zlib.gzipSync("hello world")),
  gzip_header_is_unix_with_zero_mtime: () => [...zlib.gzipSync("x").subarray(0, 10)],
  gzip_empty_input: () => b64(zlib.gzipSync(Buffer.alloc(0))),
  deflate_small_input_bytes_equal_node: () => [b64(zlib.deflateSync("hello hello hello")), b64(zlib.deflateSync("abc", { level: 9 })), b64(zlib.deflateSync("abc", { level: 1 }))],
  deflate_raw_small_input_bytes_equal_node: () => b64(zlib.deflateRawSync("hello world")),
  deflate_with_strategy_and_window_bits: () => [b64(zlib.deflateSync("hello hello hello", { strategy: zlib.constants.Z_HUFFMAN_ONLY })), b64(zlib.deflateSync("hello", { windowBits: 9, memLevel: 1 }))],
  deflate_with_dictionary: () => b64(zlib.deflateSync("hello dict", { dictionary: Buffer.from("hello") })),
  inflate_with_dictionary: () => zlib.inflateSync(zlib.deflateSync("hello dict", { dictionary: Buffer.from("hello") }), { dictionary: Buffer.from("hello") }).toString(),
  inflate_without_the_dictionary: () => err(() => zlib.inflateSync(zlib.deflateSync("hello dict", { dictionary: Buffer.from("hello") }))),
  input_types_string_arraybuffer_dataview: () => [b64(zlib.gzipSync("abc")), b64(zlib.gzipSync(new Uint8Array([97, 98, 99]).buffer)), b64(zlib.gzipSync(new DataView(new Uint8Array([97, 98, 99]).buffer)))],
  round_trips_64k: () => [
    zlib.gunzipSync(zlib.gzipSync(TEXT)).toString() === TEXT,
    zlib.inflateSync(zlib.deflateSync(TEXT)).toString() === TEXT,
    zlib.inflateRawSync(zlib.deflateRawSync(TEXT)).toString() === TEXT,
    zlib.unzipSync(zlib.gzipSync(TEXT)).toString() === TEXT,
    zlib.unzipSync(zlib.deflateSync(TEXT)).toString() === TEXT,
    zlib.brotliDecompressSync(zlib.brotliCompressSync(TEXT)).toString() === TEXT,
  ],
  reads_node_gzip_output: () => zlib.gunzipSync(Buffer.from(NODE_GZIP_1000, "base64")).toString() === text(1000),
  gunzip_reads_concatenated_members: () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync("abc"), zlib.gzipSync("def")])).toString(),
  gunzip_ignores_trailing_zero_bytes: () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync("abc"), Buffer.alloc(3)])).toString(),
  gunzip_trailing_garbage_is_a_header_error: () => err(() => zlib.gunzipSync(Buffer.concat([zlib.gzipSync("abc"), Buffer.from("junk")]))),
  inflate_ignores_trailing_data: () => zlib.inflateSync(Buffer.concat([zlib.deflateSync("abc"), Buffer.from("junk")])).toString(),
  corrupt_input_incorrect_header_check: () => [err(() => zlib.gunzipSync(Buffer.from("hello"))), err(() => zlib.inflateSync(Buffer.from("xx")))],
  truncated_input_unexpected_end_of_file: () => [err(() => zlib.gunzipSync(zlib.gzipSync(TEXT).subarray(0, 50))), err(() => zlib.inflateSync(Buffer.alloc(0)))],
  invalid_block_type: () => err(() => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff]))),
  level_out_of_range: () => err(() => zlib.gzipSync("x", { level: 42 })),
  mem_level_out_of_range: () => err(() => zlib.deflateSync("x", { memLevel: 10 })),
  chunk_size_out_of_range: () => err(() => zlib.deflateSync("x", { chunkSize: 10 })),
  data_must_be_bytes_or_string: () => err(() => zlib.gzipSync(5)),
  brotli_bytes_equal_node: () => [b64(zlib.brotliCompressSync("hello hello hello hello")), b64(zlib.brotliCompressSync(text(3000)))],
  brotli_params_quality_and_mode: () => b64(zlib.brotliCompressSync("hello hello hello hello", { params: { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: 23 } })),
  brotli_truncated_input: () => err(() => zlib.brotliDecompressSync(zlib.brotliCompressSync(TEXT).subarray(0, 20))),
  crc32: () => [zlib.crc32("hello"), zlib.crc32(Buffer.from("world"), 5), zlib.crc32("h\u00e9llo"), zlib.crc32(new Uint8Array(0))],
  crc32_small_and_large_inputs: () => [1, 100, 4096, 4097, 70000].map((n) => zlib.crc32(text(n), 12345)),
  crc32_value_out_of_range: () => err(() => zlib.crc32("x", -1)),
  callback_forms: async () => [
    await cb((done) => zlib.gzip("hello world", done)),
    await cb((done) => zlib.deflate("abc", { level: 1 }, done)),
    await cb((done) => zlib.brotliCompress("abc", done)),
  ],
  callback_gets_the_error: async () => cb((done) => zlib.gunzip(Buffer.from("xx"), done)),
  callback_is_required: () => err(() => zlib.gzip("x")),
  promisified_use: async () => {
    const gz = await promisify(zlib.gzip)("hello");
    return (await promisify(zlib.gunzip)(gz)).toString();
  },
  info_option_returns_buffer_and_engine: () => {
    const r = zlib.gzipSync("hi", { info: true });
    return [Object.keys(r).sort(), b64(r.buffer), r.engine.constructor.name];
  },
  stream_gzip_equals_gzip_sync: async () => b64(await collect(zlib.createGzip(), ["hello ", Buffer.from("world")])),
  stream_deflate_raw_level_9: async () => b64(await collect(zlib.createDeflateRaw({ level: 9 }), ["hello ", "world"])),
  stream_round_trip_64k: async () => {
    const gz = await collect(zlib.createGzip(), [TEXT.slice(0, 30000), TEXT.slice(30000)]);
    const plain = await collect(zlib.createGunzip(), [gz.subarray(0, 100), gz.subarray(100)]);
    return plain.toString() === TEXT;
  },
  stream_output_is_split_by_chunk_size: async () => new Promise((resolve) => {
    const g = zlib.createGunzip({ chunkSize: 1024 });
    const sizes = [];
    g.on("data", (d) => sizes.push(d.length));
    g.on("end", () => resolve(sizes));
    g.end(zlib.gzipSync(Buffer.alloc(5000, 97)));
  }),
  stream_error_has_code_and_errno: async () => collect(zlib.createGunzip(), [Buffer.from("xxxxxxxxxxxx")]),
  stream_truncated_input: async () => collect(zlib.createGunzip(), [zlib.gzipSync("hello world").subarray(0, 12)]),
  stream_events_in_order: async () => new Promise((resolve) => {
    const g = zlib.createGzip();
    const events = [];
    g.on("data", (d) => events.push("data"));
    g.on("end", () => events.push("end"));
    g.on("finish", () => events.push("finish"));
    // ("finish" and "end" are compared as a set: their order follows node:stream's scheduling.)
    g.on("close", () => { events.push("close"); resolve([events.filter((e) => e !== "data").sort().join(","), events.at(-1), g.bytesWritten]); });
    g.write("a");
    g.end("b");
  }),
  stream_flush_emits_a_sync_point: async () => new Promise((resolve) => {
    const g = zlib.createDeflate();
    const chunks = [];
    g.on("data", (d) => chunks.push(d.toString("hex")));
    g.write("hello");
    g.flush(() => resolve(chunks.join("")));
  }),
  stream_brotli_round_trip: async () => {
    const br = await collect(zlib.createBrotliCompress(), ["hello ", "brotli"]);
    return [b64(br), (await collect(zlib.createBrotliDecompress(), [br])).toString()];
  },
  pipeline_through_gzip_and_gunzip: () => new Promise((resolve) => {
    const chunks = [];
    const sink = new Writable({ write(c, e, done) { chunks.push(c); done(); } });
    pipeline(Readable.from([Buffer.from("hello "), Buffer.from("world")]), zlib.createGzip(), zlib.createGunzip(), sink,
      (e) => resolve(e ? String(e) : Buffer.concat(chunks).toString()));
  }),
  stream_option_checks: () => [
    err(() => zlib.createGzip({ level: 42 })),
    err(() => zlib.createGzip({ level: "3" })),
    err(() => zlib.createGzip({ windowBits: 8 })),
    err(() => zlib.createDeflate({ chunkSize: 10 })),
    err(() => zlib.createBrotliCompress({ params: { 999: 1 } })),
  ],
  constants_table: () => [Object.keys(zlib.constants).length, zlib.constants.Z_DATA_ERROR, zlib.constants.BROTLI_PARAM_QUALITY, zlib.Z_BEST_COMPRESSION, zlib.codes.Z_BUF_ERROR, zlib.codes["-3"]],
  named_and_default_exports_agree: () => named.gzipSync === zlib.gzipSync && named.constants === zlib.constants && named.Z_OK === 0,
};

export default runCases(cases);
"""
)

EXPECTED: dict[str, Any] = {
    "gzip_small_input_bytes_equal_node": "H4sIAAAAAAAAA8tIzcnJVyjPL8pJAQCFEUoNCwAAAA==",
    "gzip_header_is_unix_with_zero_mtime": [31, 139, 8, 0, 0, 0, 0, 0, 0, 3],
    "gzip_empty_input": "H4sIAAAAAAAAAwMAAAAAAAAAAAA=",
    "deflate_small_input_bytes_equal_node": ["eJzLSM3JyVfIQJAAOi4GfQ==", "eNpLTEoGAAJNASc=", "eAFLTEoGAAJNASc="],
    "deflate_raw_small_input_bytes_equal_node": "y0jNyclXKM8vykkBAA==",
    "deflate_with_strategy_and_window_bits": ["eAHLSM3JyVfISM3JyVfISM3JyQcAOi4GfQ==", "GJXLSM3JyQcABiwCFQ=="],
    "deflate_with_dictionary": "eLsGLAIVywARCimZySUAFToD2Q==",
    "inflate_with_dictionary": "hello dict",
    "inflate_without_the_dictionary": ["Error", None, "Missing dictionary"],
    "input_types_string_arraybuffer_dataview": [
        "H4sIAAAAAAAAA0tMSgYAwkEkNQMAAAA=",
        "H4sIAAAAAAAAA0tMSgYAwkEkNQMAAAA=",
        "H4sIAAAAAAAAA0tMSgYAwkEkNQMAAAA=",
    ],
    "round_trips_64k": [True, True, True, True, True, True],
    "reads_node_gzip_output": True,
    "gunzip_reads_concatenated_members": "abcdef",
    "gunzip_ignores_trailing_zero_bytes": "abc",
    "gunzip_trailing_garbage_is_a_header_error": ["Error", None, "incorrect header check"],
    "inflate_ignores_trailing_data": "abc",
    "corrupt_input_incorrect_header_check": [
        ["Error", None, "incorrect header check"],
        ["Error", None, "incorrect header check"],
    ],
    "truncated_input_unexpected_end_of_file": [
        ["Error", None, "unexpected end of file"],
        ["Error", None, "unexpected end of file"],
    ],
    "invalid_block_type": ["Error", None, "invalid block type"],
    "level_out_of_range": [
        "RangeError",
        None,
        'The value of "options.level" is out of range. It must be >= -1 and <= 9. Received 42',
    ],
    "mem_level_out_of_range": [
        "RangeError",
        None,
        'The value of "options.memLevel" is out of range. It must be >= 1 and <= 9. Received 10',
    ],
    "chunk_size_out_of_range": [
        "RangeError",
        None,
        'The value of "options.chunkSize" is out of range. It must be >= 64 and <= 134217728. Received 10',
    ],
    "data_must_be_bytes_or_string": [
        "TypeError",
        None,
        "Failed to execute 'zlibSync' on 'ZlibUtil': parameter 1 is not of type 'string or ArrayBuffer or "
        "ArrayBufferView'.",
    ],
    "brotli_bytes_equal_node": [
        "GxYA+I2Ubt5EVYaWbCBvIU8c4Dg=",
        "G7cL+B0JNg59XUjKRe5g8xiVIDcYm5sSRDjm+ewgokoS9AKAcgMtGIlPw+LIulbomT39Ay7wAD9ooAsc4IVp2IR9cBf+wH/IIAoZyEU1dmI/9MU5OB938Ao/8BfThCQ84iUd0qcectEEzdI2XdI9+ks5lM8YZrGCtdzNTvbjubyH9/MNf3GCs4IWpvCJrvSR/uKRKdmQXbmWT/knuQ7H4TuOU7kO1+vcbtLNc3vdHXff/biUIhSrbFWqnvZVH/XXGd3SC73Vb01qnuEaj/GbxrrMYV6btk3bZ3ftj/23jEd5hud6te/0/byvn+Pn+x1/5T/8r09DrTAoDC23QM5ZqW/j5QMYYIECtNANTvCDubAH9sMNfEECsohGJvKhLvbB/ujBKdzAXbzGT/yHuYRD+MQhFXVQL7lpkubRXrpD9+mHUoxgLLNZyXrcl33Yn2d4iy/4lr85yXmCKzzCLxrpEod4ZVo2ZZ/clT/yXzIO5RiO69Su0/Vzvm6Om+923JX7cL8urUjFU17VUX3tUZdO6Kxu66Xe07+ao/mGMZYpTGvd5jQ/m2t7bL/d2JclLOvRnun5vK7v4/t7j5/yG37XX/tP/8/nYn1hsQl0bKG8G5XG1jcgAAtsUIIe9AUf8IcZ2IILuIVvSEIe4iIP8qMGu9CBXpzGTdyHd/EP/scMoYhBXFJTJ/UjX5pD82mHruiDfinNSMZjXtZhfe5hF0/wLG/zJd/jv5zD+YIRlihEK93iFD+ZK3tkv9zIlyQk69CO6ficruvj+juPm3Ibbtddu0/3z+UqjuIrR1Xaob3q1kmdp3v1jt7XH00ZwrDGNqXpWV/zMX+bsS27sFv7tqTleVzP4/m9xnd5h/f6ab/p9/m7/o//7zNUAByaSM8jkrjVNth5AxLwgBd0QB96wAUTMAvbcAn34C/kQD5ikIUK1GI3OtEP5+Ie3I83+IUJzBKamMRHutSH+pOHpmiDdumaPukf5TIO4zOHVdzBvezmSZ7He/kO3+cfTglCsMIWpehJX/ERf5mRLbmQW/mWpOQ5XMfj+J3GdTmH87ppt+n2ubvuj/vvMopShnJVrZ3aT311js7XHb3SD/3VtCENz3hNx/Stx1w2YbO2bZd2z/5ajuV7jGd5hdf6bu/0fn6u3+P3+xv/5RM+ywXC45AovNIO7tRGez+AA/jAARV0QC+4YRLmwV64A/fhB1KIQCyyUYl62Bd90B9ncAsv8Ba/MYl5hEs8xE8a6iIHeWmaNmkf3aU/9J8yjGIGc1nNndyPfXkOz+cdvuIP/uW0IAVPeEVH9KVHXDIhs7Itl3JP/kqO5DuMYzmF07pu53R+bq7b4/a7G/flEi6raGUqn+pqH+2vHp3SDd3Va/3Uf5prOIZvHFNZh/Wa2yZtnu21O3bffizlER7r2V7p9Xxf7+P9/Yzf8hf+1n/7pM+TgiC41Aw+saN7HZPFL6CAAVxQQyf0A1+YA/NhB67gA34hjUjEQ17UQX3sQRdO4Cxu4yXew7+Yg/mEIRYpSEvd5CQ/mkt7aD/d0BclKMtoTA==",
    ],
    "brotli_params_quality_and_mode": "GxYAACRAahBl6vCcPg==",
    "brotli_truncated_input": ["Error", None, "Unexpected end of file"],
    "crc32": [907060870, 4070022707, 2654700086, 0],
    "crc32_small_and_large_inputs": [2883475225, 396864488, 943888215, 367855022, 471291495],
    "crc32_value_out_of_range": [
        "RangeError",
        "ERR_OUT_OF_RANGE",
        'The value of "value" is out of range. It must be >= 0 && < 4294967296. Received -1',
    ],
    "callback_forms": ["H4sIAAAAAAAAA8tIzcnJVyjPL8pJAQCFEUoNCwAAAA==", "eAFLTEoGAAJNASc=", "CwGAYWJjAw=="],
    "callback_gets_the_error": ["error", "Error", None, "incorrect header check"],
    "callback_is_required": [
        "TypeError",
        "ERR_INVALID_ARG_TYPE",
        'The "callback" argument must be of type function. Received undefined',
    ],
    "promisified_use": "hello",
    "info_option_returns_buffer_and_engine": [["buffer", "engine"], "H4sIAAAAAAAAA8vIBACsKpPYAgAAAA==", "Gzip"],
    "stream_gzip_equals_gzip_sync": "H4sIAAAAAAAAA8tIzcnJVyjPL8pJAQCFEUoNCwAAAA==",
    "stream_deflate_raw_level_9": "y0jNyclXKM8vykkBAA==",
    "stream_round_trip_64k": True,
    "stream_output_is_split_by_chunk_size": [1024, 1024, 1024, 1024, 904],
    "stream_error_has_code_and_errno": ["error", "Error", "Z_DATA_ERROR", -3, "incorrect header check"],
    "stream_truncated_input": ["error", "Error", "Z_BUF_ERROR", -5, "unexpected end of file"],
    "stream_events_in_order": ["close,end,finish", "close", 2],
    "stream_flush_emits_a_sync_point": "789cca48cdc9c907000000ffff",
    "stream_brotli_round_trip": ["iwWAaGVsbG8gYnJvdGxpAw==", "hello brotli"],
    "pipeline_through_gzip_and_gunzip": "hello world",
    "stream_option_checks": [
        [
            "RangeError",
            "ERR_OUT_OF_RANGE",
            'The value of "options.level" is out of range. It must be >= -1 and <= 9. Received 42',
        ],
        [
            "TypeError",
            "ERR_INVALID_ARG_TYPE",
            "The \"options.level\" property must be of type number. Received type string ('3')",
        ],
        [
            "RangeError",
            "ERR_OUT_OF_RANGE",
            'The value of "options.windowBits" is out of range. It must be >= 9 and <= 15. Received 8',
        ],
        [
            "RangeError",
            "ERR_OUT_OF_RANGE",
            'The value of "options.chunkSize" is out of range. It must be >= 64. Received 10',
        ],
        ["RangeError", "ERR_BROTLI_INVALID_PARAM", "999 is not a valid Brotli parameter"],
    ],
    "constants_table": [172, -3, 1, 9, -5, "Z_DATA_ERROR"],
    "named_and_default_exports_agree": True,
}


results = module_results(CASES_JS)


def test_every_case_has_an_expected_result(results: dict[str, Any]) -> None:
    assert sorted(results) == sorted(EXPECTED)


@pytest.mark.parametrize("case", list(EXPECTED))
def test_node_zlib_case(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


def test_stream_engine_is_freed_at_finish_and_on_failure() -> None:
    host = op_host()
    rid = node_zlib.op_nodezlib_open(host, node_zlib.GZIP, {})
    head = node_zlib.op_nodezlib_write(host, rid, [b"hello"], 0)
    rest = node_zlib.op_nodezlib_write(host, rid, [], node_zlib.Z_FINISH)
    assert isinstance(head, bytes) and isinstance(rest, bytes) and zlib.decompress(head + rest, 31) == b"hello"
    bad = node_zlib.op_nodezlib_open(host, node_zlib.GUNZIP, {})
    assert node_zlib.op_nodezlib_write(host, bad, [b"not gzip"], 0) == ["incorrect header check", "Z_DATA_ERROR", -3]
    assert host.resources == {}


def test_gunzip_member_split_across_writes() -> None:
    host = op_host()
    data = zlib.compress(b"abc", wbits=31) + zlib.compress(b"def", wbits=31)
    rid = node_zlib.op_nodezlib_open(host, node_zlib.GUNZIP, {})
    out = [node_zlib.op_nodezlib_write(host, rid, [data[i : i + 1]], 0) for i in range(len(data))]
    out.append(node_zlib.op_nodezlib_write(host, rid, [], node_zlib.Z_FINISH))
    assert b"".join(x for x in out if isinstance(x, bytes)) == b"abcdef"
