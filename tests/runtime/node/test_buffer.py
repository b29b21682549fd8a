"""node:buffer behaves as in workerd (nodejs_compat).

Expected values were recorded from workerd 1.20260426.1 with nodejs_compat (they agree with
Node 20 except where the case name says so: workerd's error wording, poolSize 0, kMaxLength
2**31-1, equal/compare argument names...); cases named "nodeonly: ..." cover Node APIs workerd
lacks and were recorded from Node 20. All cases run in one isolate (module fixture).
"""

# ruff: noqa: E501
from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import PRELUDE, module_results, named

CASES_JS = PRELUDE + r'''
import { Buffer } from "node:buffer";
import * as bufmod from "node:buffer";
import bufferDefault from "node:buffer";
import { inspect } from "node:util";
const B = Buffer;
const hex = (b) => b.toString("hex");
const B64 = ["YW Jj", "YW=Jj", "YWJj=", "YQ", "Y", "YW_-", "YW+/", "!!YWJj", "YWJjZA==YWJj", "YQ==YQ==", "  YQ", "Y\nQ",
  "YQ=", "YQ===", "=YQ", "_-_-", "YW.Jj", "YWJj\u00e9ZA"];
for (const s of B64) {
  T(`decode: base64 ${JSON.stringify(s)}`, () => hex(B.from(s, "base64")));
  T(`decode: base64url ${JSON.stringify(s)}`, () => hex(B.from(s, "base64url")));
  T(`byteLength: base64 ${JSON.stringify(s)}`, () => B.byteLength(s, "base64"));
}
for (const s of ["abz", "zab", "abc", "ABcd", "a", "0g12", "  ab", "a\u00e9"]) {
  T(`decode: hex ${JSON.stringify(s)}`, () => hex(B.from(s, "hex")));
  T(`byteLength: hex ${JSON.stringify(s)}`, () => B.byteLength(s, "hex"));
}
const mixed = "\u00e9\u20ac\ud83d\ude00\ud800x";
for (const e of ["ascii", "latin1", "binary", "utf8", "utf-8", "utf16le", "ucs2", "UCS-2", "UTF8", "Latin1"]) {
  T(`decode: mixed string as ${e}`, () => hex(B.from(mixed, e)));
  T(`byteLength: mixed string as ${e}`, () => B.byteLength(mixed, e));
}
const x = B.from([0xff, 0xfe, 0x41, 0x80, 0xc3, 0xa9, 0x00, 0xd8, 0x61]);
const units = (s) => Array.from(s, (c) => c.charCodeAt(0));
for (const e of ["utf8", "ascii", "latin1", "utf16le", "base64", "base64url", "hex"]) T(`encode: toString ${e}`, () => units(x.toString(e)));
T("encode: toString ranges", () => [x.toString("hex", 1, 3), x.toString("hex", -1, 100), x.toString("hex", 5, 2),
  x.toString(undefined, 2, 3), x.toString("hex", "1", "3"), x.toString("hex", 1.5, 3.9)]);
T("encode: utf8 toString keeps a BOM", () => units(B.from([0xef, 0xbb, 0xbf, 0x41]).toString()));
T("encode: toLocaleString is toString", () => B.from("hi").toLocaleString());
T("errors: toString with an unknown encoding", () => x.toString("foo"));
T("write: returns bytes written per encoding", () => {
  const b = B.alloc(5);
  return [b.write("a\u20acb"), b.write("\u20ac\u20ac", 1), b.write("abcd", 1, 2, "hex"), b.write("zz", 0, "hex"),
    b.write("abzz", 0, "hex"), b.write("xyz", "ucs2"), b.write("xyz", 1, "latin1"), hex(b)];
});
T("write: non-string is stringified", () => { const b = B.alloc(3); return [b.write(1), hex(b)]; });
T("write: base64", () => { const b = B.alloc(4); return [b.write("YWJjZA==", "base64"), hex(b)]; });
T("errors: write offset out of range", () => B.alloc(3).write("a", 10));
T("errors: write length out of range", () => B.alloc(3).write("a", 1, 10));
T("fill: values and encodings", () => [B.alloc(3).fill(""), B.alloc(3).fill(true), B.alloc(5).fill("ab\u20ac"), B.alloc(5).fill(257),
  B.alloc(5).fill(-1), B.alloc(5).fill(1.7), B.alloc(4, "YQ", "base64"), B.alloc(5).fill("a", 1, 3),
  B.alloc(5).fill(B.from([1, 2])), B.alloc(4).fill("\u00e9", "latin1"), B.alloc(4).fill("\u00e9"), B.alloc(4, "ab", "hex")].map(hex));
T("errors: fill with invalid hex", () => B.alloc(3).fill("zz", "hex"));
T("errors: alloc with odd-length hex fill", () => hex(B.alloc(4, "abc", "hex")));
T("errors: fill with an empty buffer", () => B.alloc(3).fill(B.alloc(0)));
T("errors: fill end out of range", () => B.alloc(3).fill(1, 0, 5));
T("errors: fill negative start", () => B.alloc(3).fill(1, -1));
T("errors: fill string start", () => B.alloc(3).fill(1, "1"));
T("errors: fill unknown encoding", () => B.alloc(3).fill("a", "nope"));
T("errors: readUInt8 past the end", () => B.alloc(2).readUInt8(5));
T("errors: Node error shape", () => {
  try { B.alloc(2).readUInt8(5); } catch (e) {
    return [e.name, e.code, String(e), Object.keys(e), e.stack.split("\n")[0], e instanceof RangeError];
  }
});
T("errors: type error shape", () => {
  try { B.alloc("x"); } catch (e) {
    return [e.name, e.code, String(e), Object.keys(e), e.stack.split("\n")[0], e instanceof TypeError, e.constructor === TypeError];
  }
});
T("errors: from a number", () => B.from(1));
T("errors: alloc a string size", () => B.alloc("x"));
T("errors: from a plain object", () => B.from({}));
T("errors: alloc negative size", () => B.alloc(-1));
T("errors: alloc NaN size", () => B.alloc(NaN));
T("errors: concat non-buffer element", () => B.concat([1]));
T("errors: concat non-array", () => B.concat(function foo() {}));
T("errors: byteLength of a number", () => B.byteLength(1.5));
T("errors: byteLength of null", () => B.byteLength(null));
T("errors: writeBigInt64LE out of range", () => B.alloc(9).writeBigInt64LE(2n ** 64n));
T("errors: writeBigUInt64LE negative", () => B.alloc(9).writeBigUInt64LE(-1n));
T("errors: writeUIntLE 6 bytes out of range", () => B.alloc(9).writeUIntLE(2 ** 50, 0, 6));
T("errors: writeIntLE 6 bytes out of range", () => B.alloc(9).writeIntLE(2 ** 50, 0, 6));
T("errors: writeInt32LE out of range", () => B.alloc(9).writeInt32LE(2 ** 50, 0));
T("errors: writeUInt8 out of range", () => B.alloc(2).writeUInt8(300));
T("errors: writeInt16BE out of range", () => B.alloc(2).writeInt16BE(-40000));
T("errors: writeUInt32BE past the end", () => B.alloc(2).writeUInt32BE(1));
T("errors: readUInt8 fractional offset", () => B.alloc(9).readUInt8(1.5));
T("errors: readUInt8 string offset", () => B.alloc(9).readUInt8("1"));
T("errors: readUIntLE width 7", () => B.alloc(9).readUIntLE(0, 7));
T("errors: readUIntLE without width", () => B.alloc(9).readUIntLE(0));
T("errors: readUIntLE without offset", () => B.alloc(9).readUIntLE());
T("errors: readInt32LE on an empty buffer", () => B.alloc(0).readInt32LE(0));
T("errors: readDoubleLE past the end", () => B.alloc(4).readDoubleLE(0));
T("errors: readBigInt64BE past the end", () => B.alloc(9).readBigInt64BE(2));
const nb = B.from([1, 2, 3, 4, 5, 6, 7, 0x88, 0xff, 0x80]);
T("numbers: integer reads", () => [nb.readUInt8(7), nb.readInt8(7), nb.readUInt16LE(0), nb.readUInt16BE(0), nb.readInt16LE(7),
  nb.readInt16BE(8), nb.readUInt32LE(4), nb.readUInt32BE(4), nb.readInt32LE(6), nb.readInt32BE(6), nb.readUint16LE(1), nb.readUint8(9)]);
T("numbers: variable-width reads", () => [nb.readUIntLE(1, 3), nb.readUIntBE(1, 5), nb.readIntLE(4, 6), nb.readIntBE(4, 6),
  nb.readUIntBE(4, 6), nb.readIntLE(9, 1), nb.readUintLE(0, 2)]);
T("numbers: readIntBE every width", () => [1, 2, 3, 4, 5, 6].map((w) => B.from([0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa]).readIntBE(0, w)));
T("numbers: float reads", () => [nb.readFloatLE(0), nb.readFloatBE(1), nb.readDoubleLE(0), nb.readDoubleBE(2)]);
T("numbers: bigint reads", () => [nb.readBigUInt64LE(0), nb.readBigUInt64BE(2), nb.readBigInt64LE(2), nb.readBigInt64BE(2), nb.readBigUint64LE(1)]);
T("numbers: writes return the next offset", () => {
  const b = B.alloc(40);
  const r = [b.writeUInt8(255, 0), b.writeInt8(-2, 1), b.writeUInt16LE(0xabcd, 2), b.writeInt16BE(-2, 4), b.writeUInt32LE(0xdeadbeef, 6),
    b.writeInt32BE(-5, 10), b.writeUIntLE(0x123456789a, 14, 5), b.writeIntBE(-123456789012, 19, 6), b.writeFloatLE(1.5, 25),
    b.writeDoubleBE(-0.1, 29), b.writeBigInt64LE(-3n, 0), b.writeUint16BE(1, 37), b.writeUInt8(1.9, 39), b.writeUInt8(NaN, 38)];
  return [r, hex(b)];
});
T("numbers: float writes of special values", () => {
  const b = B.alloc(8);
  b.writeFloatBE(NaN);
  const a = hex(b);
  b.writeDoubleLE(Infinity);
  return [a, hex(b), b.writeFloatLE("2"), hex(b)];
});
T("numbers: writeIntLE and writeUIntBE round trip", () => {
  const b = B.alloc(6);
  const out = [];
  for (const w of [1, 2, 3, 4, 5, 6]) {
    b.writeIntLE(-(2 ** (8 * w - 1)), 0, w);
    out.push(b.readIntLE(0, w));
    b.writeUIntBE(2 ** (8 * w) - 1, 0, w);
    out.push(b.readUIntBE(0, w));
  }
  return out;
});
T("numbers: bigint writes", () => {
  const b = B.alloc(16);
  b.writeBigUInt64BE(0x0102030405060708n, 0);
  b.writeBigInt64LE(-2n, 8);
  return [hex(b), b.readBigInt64LE(8), b.readBigUInt64BE(0)];
});
const cb = B.from("abcabc");
T("search: indexOf and lastIndexOf", () => [cb.indexOf(""), cb.indexOf("", 2), cb.indexOf("", 10), cb.lastIndexOf(""), cb.lastIndexOf("", 2),
  cb.indexOf(97 + 256), cb.indexOf("c", -1), cb.lastIndexOf("a", -3), cb.lastIndexOf("a", -100), cb.indexOf("a", 100),
  cb.lastIndexOf("c", 100), cb.indexOf(B.from("")), cb.indexOf("b", 1.5), cb.indexOf("b", "latin1"), cb.indexOf(-159),
  cb.indexOf("YmM=", "base64"), cb.lastIndexOf("bc"), cb.indexOf(B.from("ca")), cb.lastIndexOf(99, 4), cb.indexOf("b", null),
  cb.lastIndexOf("b", null), cb.lastIndexOf("b", undefined), cb.indexOf("6263", 0, "hex"), cb.indexOf(new Uint8Array([99, 97]))]);
T("search: includes", () => [cb.includes("bc"), cb.includes("bd"), cb.includes(99), cb.includes("a", 4)]);
T("errors: indexOf an object", () => cb.indexOf({}));
T("compare: equals and compare", () => [B.from("ab").equals(B.from("ab")), B.from("ab").equals(new Uint8Array([97])),
  B.compare(B.from("a"), B.from("b")), B.compare(B.from("b"), B.from("a")), B.compare(B.from("a"), B.from("a")),
  B.from("abc").compare(B.from("abd")), B.from("abc").compare(B.from("xbc"), 1, 3, 1, 3), B.from("abc").compare(B.from("ab"), 0, 2, 0, 2),
  B.from("abc").compare(B.from("a"), 1, 1, 0, 0), [B.from("b"), B.from("a"), B.from("ab")].sort(B.compare).map(String)]);
T("errors: equals a string", () => B.from("a").equals("a"));
T("errors: compare with a string", () => B.compare(B.from("a"), "a"));
T("errors: compare targetEnd out of range", () => B.from("abc").compare(B.from("a"), 0, 5));
T("compare: copy", () => {
  const a = B.from("hello");
  const t = B.alloc(6, ".");
  return [a.copy(t), a.copy(t, 4), a.copy(t, 1, 3), a.copy(t, 0, 2, 1), a.copy(t, 10), a.copy(t, "1", "1", "3"), hex(t)];
});
T("compare: copy within one buffer overlapping", () => { const a = B.from("abcdef"); a.copy(a, 2, 0, 4); return a.toString(); });
T("compare: copy with sourceStart past the end copies nothing", () => B.from("a").copy(B.alloc(1), 0, 5));
T("errors: copy negative targetStart", () => B.from("a").copy(B.alloc(1), -1));
T("slice: slice and subarray share memory", () => {
  const b = B.from("abcdef");
  const s = b.slice(1, -1);
  s[0] = 0x5a;
  return [b.toString(), s.toString(), b.slice(-2).toString(), b.slice(4, 2).length, b.subarray(2).toString(), B.isBuffer(b.subarray(1)),
    b.slice("1", "3").toString(), b.slice(NaN, 2).toString(), b.subarray(1, 100).length, B.isBuffer(b.slice(1))];
});
T("slice: swap16 swap32 swap64", () => [hex(B.from([1, 2, 3, 4, 5, 6, 7, 8]).swap16()), hex(B.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32()),
  hex(B.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64())]);
T("errors: swap16 on odd length", () => B.from([1, 2, 3]).swap16());
T("errors: swap64 on odd length", () => B.from([1, 2, 3]).swap64());
T("slice: toJSON", () => [JSON.stringify(B.from("ab")), JSON.stringify({ b: B.alloc(0) })]);
T("slice: map and filter keep Buffer", () => { const m = B.from([1, 2]).map((v) => v * 2); return [B.isBuffer(m), hex(m), B.isBuffer(B.from([1, 2]).filter(() => true))]; });
T("slice: iteration", () => [[...B.from("ab")], [...B.from("ab").entries()].length, Object.keys(B.from("ab"))]);
T("construct: from toJSON object", () => hex(B.from({ type: "Buffer", data: [1, 2, 300] })));
T("construct: from arrays and array-likes", () => [hex(B.from([1, 256, -1, "7", 1.5])), hex(B.from(new Uint16Array([0x1234, 5]))),
  hex(B.from(new Uint8Array([9, 8]).buffer, 1)), hex(B.from(new Uint8Array([9, 8, 7]).buffer, 1, 1)), hex(B.from(new String("hi"))),
  hex(B.from({ length: 2, 0: 5 })), hex(B.from({ [Symbol.toPrimitive]: () => "zz" }))]);
T("errors: from ArrayBuffer offset out of bounds", () => B.from(new ArrayBuffer(2), 3));
T("errors: from ArrayBuffer length out of bounds", () => B.from(new ArrayBuffer(2), 1, 5));
T("construct: from ArrayBuffer shares memory", () => { const ab = new ArrayBuffer(4); const b = B.from(ab); b[0] = 7; return new Uint8Array(ab)[0]; });
T("construct: concat", () => [hex(B.concat([B.from("ab"), new Uint8Array([1, 2])])), hex(B.concat([B.from("abc")], 2)),
  hex(B.concat([B.from("a")], 3)), hex(B.concat([])), B.isBuffer(B.concat([]))]);
T("construct: byteLength", () => [B.byteLength("h\u00e9llo"), B.byteLength("\ud83d\ude00"), B.byteLength("\ud800"), B.byteLength("abc", "nope"),
  B.byteLength(new Uint16Array(3)), B.byteLength(new ArrayBuffer(7)), B.byteLength("abc", "ucs2"), B.byteLength("", "hex"), B.byteLength(new DataView(new ArrayBuffer(5)))]);
T("construct: isEncoding", () => ["utf8", "UTF-8", "hex", "binary", "ucs-2", "utf16le", "base64url", "nope", "", null, 1, "latin-1", "utf-16be",
  "ascii"].map((e) => B.isEncoding(e)));
T("construct: isBuffer", () => [B.isBuffer(B.alloc(1)), B.isBuffer(new Uint8Array(1)), B.isBuffer(null), B.alloc(1) instanceof Uint8Array]);
T("construct: Buffer is a Uint8Array subclass", () => [typeof B, Object.getPrototypeOf(B) === Uint8Array,
  Object.getPrototypeOf(B.prototype) === Uint8Array.prototype, B.poolSize, B.name, B.length, B.from("a").constructor === B, B.from("a").constructor.name]);
T("construct: Buffer called as a function", () => [hex(B("ab")), hex(B(2)), hex(new B("ab", "hex"))]);
T("errors: Buffer(number, encoding)", () => B(2, "utf8"));
T("construct: alloc variants", () => [B.allocUnsafe(3).length, B.allocUnsafeSlow(2).length, B.alloc(0).length, hex(B.allocUnsafe(2)), hex(B.of(1, 2, 300))]);
T("construct: parent and offset", () => { const b = B.from("abcd").subarray(1); return [b.offset, b.parent instanceof ArrayBuffer]; });
T("construct: SlowBuffer", () => { const s = bufmod.SlowBuffer(3); return [s.length, B.isBuffer(s)]; });
T("construct: static and prototype names", () => [Object.getOwnPropertyNames(B).filter((n) => n !== "copyBytesFrom").sort().join(" "),
  Object.getOwnPropertyNames(B.prototype).sort().join(" ")]);
T("module: named exports", () => Object.keys(bufmod).sort());
T("module: constants", () => [bufmod.kMaxLength, bufmod.constants, bufmod.INSPECT_MAX_BYTES, bufmod.kStringMaxLength]);
T("module: default export", () => [typeof bufferDefault, bufferDefault.Buffer === B, Object.keys(bufferDefault).sort()]);
T("module: Blob File atob btoa", () => [typeof bufmod.Blob, bufmod.Blob === globalThis.Blob, typeof bufmod.File, bufmod.atob("aGk="), bufmod.btoa("hi")]);
T("module: isUtf8 and isAscii", () => [bufmod.isUtf8(B.from("\u00e9")), bufmod.isUtf8(B.from([0xff])), bufmod.isAscii(B.from("abc")),
  bufmod.isAscii(B.from("\u00e9")), bufmod.isUtf8(B.from([0xc3])), bufmod.isUtf8(B.alloc(0))]);
T("module: transcode", () => {
  const s = "a\u20ac\u4e2d\u00e9\ud83d\ude00\u0080\u009f\u0152";
  return [hex(bufmod.transcode(B.from(s), "utf8", "latin1")), hex(bufmod.transcode(B.from(s), "utf8", "ascii")),
    hex(bufmod.transcode(B.from(s), "utf8", "ucs2")), hex(bufmod.transcode(B.from("h\u00e9llo", "latin1"), "latin1", "utf8")),
    hex(bufmod.transcode(B.from("h\u00e9", "utf16le"), "ucs2", "utf8")), hex(bufmod.transcode(B.from([0xe9, 0xac]), "ascii", "utf8"))];
});
T("errors: transcode to hex", () => bufmod.transcode(B.from("a"), "utf8", "hex"));
T("inspect: Buffer inspection", () => [inspect(B.from("hi")), inspect(B.alloc(0)), inspect(B.alloc(60)), inspect({ b: B.from([1, 2]) }),
  inspect(Object.assign(B.from("a"), { extra: 1 })), inspect([B.alloc(51, 1)])]);
T("inspect: INSPECT_MAX_BYTES is settable", () => {
  bufferDefault.INSPECT_MAX_BYTES = 2;
  const out = [inspect(B.from("abcd")), bufmod.INSPECT_MAX_BYTES];
  bufferDefault.INSPECT_MAX_BYTES = 50;
  return out;
});
T("nodeonly: copyBytesFrom", () => [hex(B.copyBytesFrom(new Uint16Array([1, 2, 3]), 1)), hex(B.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1)),
  hex(B.copyBytesFrom(new Uint8Array([1, 2]), 5))]);
T("nodeonly: copyBytesFrom non typed array", () => B.copyBytesFrom([1]));
T("nodeonly: isUtf8 accepts an ArrayBuffer", () => [bufmod.isUtf8(new ArrayBuffer(1)), bufmod.isAscii(new Uint16Array([0x4141]))]);
T("nodeonly: isUtf8 rejects a string", () => bufmod.isUtf8("x"));
T("nodeonly: encoding slices and writes", () => { const b = B.from("hi\u20ac"); return [b.utf8Slice(0, 2), b.hexSlice(0, 2), b.latin1Slice(0, 2), b.base64Slice(0, 5),
  b.asciiSlice(0, 2), units(b.ucs2Slice(0, 4)), b.utf8Write("ZZ", 1), units(b.toString())]; });

export default runCases();
'''

EXPECTED: dict[str, Any] = {'decode: base64 "YW Jj"': '616263',
 'decode: base64url "YW Jj"': '616263',
 'byteLength: base64 "YW Jj"': 3,
 'decode: base64 "YW=Jj"': '61',
 'decode: base64url "YW=Jj"': '61',
 'byteLength: base64 "YW=Jj"': 3,
 'decode: base64 "YWJj="': '616263',
 'decode: base64url "YWJj="': '616263',
 'byteLength: base64 "YWJj="': 3,
 'decode: base64 "YQ"': '61',
 'decode: base64url "YQ"': '61',
 'byteLength: base64 "YQ"': 1,
 'decode: base64 "Y"': '',
 'decode: base64url "Y"': '',
 'byteLength: base64 "Y"': 0,
 'decode: base64 "YW_-"': '616ffe',
 'decode: base64url "YW_-"': '616ffe',
 'byteLength: base64 "YW_-"': 3,
 'decode: base64 "YW+/"': '616fbf',
 'decode: base64url "YW+/"': '616fbf',
 'byteLength: base64 "YW+/"': 3,
 'decode: base64 "!!YWJj"': '616263',
 'decode: base64url "!!YWJj"': '616263',
 'byteLength: base64 "!!YWJj"': 4,
 'decode: base64 "YWJjZA==YWJj"': '61626364',
 'decode: base64url "YWJjZA==YWJj"': '61626364',
 'byteLength: base64 "YWJjZA==YWJj"': 9,
 'decode: base64 "YQ==YQ=="': '61',
 'decode: base64url "YQ==YQ=="': '61',
 'byteLength: base64 "YQ==YQ=="': 4,
 'decode: base64 "  YQ"': '61',
 'decode: base64url "  YQ"': '61',
 'byteLength: base64 "  YQ"': 3,
 'decode: base64 "Y\\nQ"': '61',
 'decode: base64url "Y\\nQ"': '61',
 'byteLength: base64 "Y\\nQ"': 2,
 'decode: base64 "YQ="': '61',
 'decode: base64url "YQ="': '61',
 'byteLength: base64 "YQ="': 1,
 'decode: base64 "YQ==="': '61',
 'decode: base64url "YQ==="': '61',
 'byteLength: base64 "YQ==="': 2,
 'decode: base64 "=YQ"': '',
 'decode: base64url "=YQ"': '',
 'byteLength: base64 "=YQ"': 2,
 'decode: base64 "_-_-"': 'ffeffe',
 'decode: base64url "_-_-"': 'ffeffe',
 'byteLength: base64 "_-_-"': 3,
 'decode: base64 "YW.Jj"': '616263',
 'decode: base64url "YW.Jj"': '616263',
 'byteLength: base64 "YW.Jj"': 3,
 'decode: base64 "YWJjéZA"': '61626364',
 'decode: base64url "YWJjéZA"': '61626364',
 'byteLength: base64 "YWJjéZA"': 5,
 'decode: hex "abz"': 'ab',
 'byteLength: hex "abz"': 1,
 'decode: hex "zab"': '',
 'byteLength: hex "zab"': 1,
 'decode: hex "abc"': 'ab',
 'byteLength: hex "abc"': 1,
 'decode: hex "ABcd"': 'abcd',
 'byteLength: hex "ABcd"': 2,
 'decode: hex "a"': '',
 'byteLength: hex "a"': 0,
 'decode: hex "0g12"': '',
 'byteLength: hex "0g12"': 2,
 'decode: hex "  ab"': '',
 'byteLength: hex "  ab"': 2,
 'decode: hex "aé"': '',
 'byteLength: hex "aé"': 1,
 'decode: mixed string as ascii': 'e9ac3d000078',
 'byteLength: mixed string as ascii': 6,
 'decode: mixed string as latin1': 'e9ac3d000078',
 'byteLength: mixed string as latin1': 6,
 'decode: mixed string as binary': 'e9ac3d000078',
 'byteLength: mixed string as binary': 6,
 'decode: mixed string as utf8': 'c3a9e282acf09f9880efbfbd78',
 'byteLength: mixed string as utf8': 13,
 'decode: mixed string as utf-8': 'c3a9e282acf09f9880efbfbd78',
 'byteLength: mixed string as utf-8': 13,
 'decode: mixed string as utf16le': 'e900ac203dd800de00d87800',
 'byteLength: mixed string as utf16le': 12,
 'decode: mixed string as ucs2': 'e900ac203dd800de00d87800',
 'byteLength: mixed string as ucs2': 12,
 'decode: mixed string as UCS-2': 'e900ac203dd800de00d87800',
 'byteLength: mixed string as UCS-2': 12,
 'decode: mixed string as UTF8': 'c3a9e282acf09f9880efbfbd78',
 'byteLength: mixed string as UTF8': 13,
 'decode: mixed string as Latin1': 'e9ac3d000078',
 'byteLength: mixed string as Latin1': 6,
 'encode: toString utf8': [65533, 65533, 65, 65533, 233, 0, 65533, 97],
 'encode: toString ascii': [127, 126, 65, 0, 67, 41, 0, 88, 97],
 'encode: toString latin1': [255, 254, 65, 128, 195, 169, 0, 216, 97],
 'encode: toString utf16le': [65279, 32833, 43459, 55296],
 'encode: toString base64': [47, 47, 53, 66, 103, 77, 79, 112, 65, 78, 104, 104],
 'encode: toString base64url': [95, 95, 53, 66, 103, 77, 79, 112, 65, 78, 104, 104],
 'encode: toString hex': [102, 102, 102, 101, 52, 49, 56, 48, 99, 51, 97, 57, 48, 48, 100, 56, 54, 49],
 'encode: toString ranges': ['fe41', 'fffe4180c3a900d861', '', 'A', 'fe41', 'fe41'],
 'encode: utf8 toString keeps a BOM': [65279, 65],
 'encode: toLocaleString is toString': 'hi',
 'errors: toString with an unknown encoding': {'error': ['TypeError',
                                                         'ERR_UNKNOWN_ENCODING',
                                                         'Unknown encoding: foo']},
 'write: returns bytes written per encoding': [5, 3, 2, 0, 1, 4, 3, '7878797a62'],
 'write: non-string is stringified': [1, '310000'],
 'write: base64': [4, '61626364'],
 'errors: write offset out of range': {'error': ['RangeError',
                                                 'ERR_OUT_OF_RANGE',
                                                 'The value of "offset" is out of range. It must be >= 0 && '
                                                 '<= 3. Received 10']},
 'errors: write length out of range': {'error': ['RangeError',
                                                 'ERR_OUT_OF_RANGE',
                                                 'The value of "length" is out of range. It must be >= 0 && '
                                                 '<= 3. Received 10']},
 'fill: values and encodings': ['000000',
                                '010101',
                                '6162e282ac',
                                '0101010101',
                                'ffffffffff',
                                '0101010101',
                                '61616161',
                                '0061610000',
                                '0102010201',
                                'e9e9e9e9',
                                'c3a9c3a9',
                                'abababab'],
 'errors: fill with invalid hex': {'error': ['TypeError', None, 'The text is not valid hex']},
 'errors: alloc with odd-length hex fill': {'error': ['TypeError', None, 'The text is not valid hex']},
 'errors: fill with an empty buffer': {'error': ['TypeError',
                                                 'ERR_INVALID_ARG_VALUE',
                                                 "The argument 'value' is invalid. Received 'zero-length'"]},
 'errors: fill end out of range': {'error': ['RangeError',
                                             'ERR_OUT_OF_RANGE',
                                             'The value of "end" is out of range. It must be 0 to 3. '
                                             'Received 5']},
 'errors: fill negative start': {'error': ['RangeError',
                                           'ERR_OUT_OF_RANGE',
                                           'The value of "start" is out of range. It must be 0 to end. '
                                           'Received -1']},
 'errors: fill string start': {'error': ['TypeError',
                                         'ERR_INVALID_ARG_TYPE',
                                         'The "start" argument must be of type number. Received type string '
                                         "('1')"]},
 'errors: fill unknown encoding': {'error': ['TypeError', 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: nope']},
 'errors: readUInt8 past the end': {'error': ['RangeError',
                                              'ERR_OUT_OF_RANGE',
                                              'The value of "offset" is out of range. It must be >= 0 && <= '
                                              '2. Received 5']},
 'errors: Node error shape': ['RangeError',
                              'ERR_OUT_OF_RANGE',
                              'RangeError: The value of "offset" is out of range. It must be >= 0 && <= 2. '
                              'Received 5',
                              ['code', 'name'],
                              'RangeError [ERR_OUT_OF_RANGE]: The value of "offset" is out of range. It must '
                              'be >= 0 && <= 2. Received 5',
                              True],
 'errors: type error shape': ['TypeError',
                              'ERR_INVALID_ARG_TYPE',
                              'TypeError [ERR_INVALID_ARG_TYPE]: The "size" argument must be of type number. '
                              "Received type string ('x')",
                              ['code', 'name', 'toString'],
                              'TypeError: The "size" argument must be of type number. Received type string '
                              "('x')",
                              True,
                              True],
 'errors: from a number': {'error': ['TypeError',
                                     'ERR_INVALID_ARG_TYPE',
                                     'The first argument must be of type string or an instance of Buffer, '
                                     'TypedArray, ArrayBuffer, SharedArrayBuffer, or Array or an Array-like '
                                     'Object. Received type number (1)']},
 'errors: alloc a string size': {'error': ['TypeError',
                                           'ERR_INVALID_ARG_TYPE',
                                           'The "size" argument must be of type number. Received type string '
                                           "('x')"]},
 'errors: from a plain object': {'error': ['TypeError',
                                           'ERR_INVALID_ARG_TYPE',
                                           'The first argument must be of type string or an instance of '
                                           'Buffer, TypedArray, ArrayBuffer, SharedArrayBuffer, or Array or '
                                           'an Array-like Object. Received an instance of Object']},
 'errors: alloc negative size': {'error': ['RangeError', None, 'Invalid typed array length: -1']},
 'errors: alloc NaN size': {'error': ['RangeError',
                                      'ERR_INVALID_ARG_VALUE',
                                      "The argument 'size' is invalid. Received NaN"]},
 'errors: concat non-buffer element': {'error': ['TypeError',
                                                 'ERR_INVALID_ARG_TYPE',
                                                 'The "list" argument must be an (Buffer|Uint8Array)[]. '
                                                 'Received type number (1)']},
 'errors: concat non-array': {'error': ['TypeError',
                                        'ERR_INVALID_ARG_TYPE',
                                        'The "list" argument must be an (Buffer|Uint8Array)[]. Received '
                                        'function foo']},
 'errors: byteLength of a number': {'error': ['TypeError',
                                              'ERR_INVALID_ARG_TYPE',
                                              'The "string" argument must be of type string or an instance '
                                              'of Buffer or ArrayBuffer. Received type number (1.5)']},
 'errors: byteLength of null': {'error': ['TypeError',
                                          'ERR_INVALID_ARG_TYPE',
                                          'The "string" argument must be of type string or an instance of '
                                          'Buffer or ArrayBuffer. Received null']},
 'errors: writeBigInt64LE out of range': {'error': ['RangeError',
                                                    'ERR_OUT_OF_RANGE',
                                                    'The value of "value" is out of range. It must be >= '
                                                    '-(2n ** 63n) and < 2 ** 63n. Received '
                                                    '18_446_744_073_709_551_616n']},
 'errors: writeBigUInt64LE negative': {'error': ['RangeError',
                                                 'ERR_OUT_OF_RANGE',
                                                 'The value of "value" is out of range. It must be >= 0n and '
                                                 '< 2n ** 64n. Received -1n']},
 'errors: writeUIntLE 6 bytes out of range': {'error': ['RangeError',
                                                        'ERR_OUT_OF_RANGE',
                                                        'The value of "value" is out of range. It must be >= '
                                                        '0 and < 2 ** 48. Received 1_125_899_906_842_624']},
 'errors: writeIntLE 6 bytes out of range': {'error': ['RangeError',
                                                       'ERR_OUT_OF_RANGE',
                                                       'The value of "value" is out of range. It must be >= '
                                                       '-(2 ** 47) and < 2 ** 47. Received '
                                                       '1_125_899_906_842_624']},
 'errors: writeInt32LE out of range': {'error': ['RangeError',
                                                 'ERR_OUT_OF_RANGE',
                                                 'The value of "value" is out of range. It must be >= '
                                                 '-2147483648 and <= 2147483647. Received '
                                                 '1_125_899_906_842_624']},
 'errors: writeUInt8 out of range': {'error': ['RangeError',
                                               'ERR_OUT_OF_RANGE',
                                               'The value of "value" is out of range. It must be >= 0 and <= '
                                               '255. Received 300']},
 'errors: writeInt16BE out of range': {'error': ['RangeError',
                                                 'ERR_OUT_OF_RANGE',
                                                 'The value of "value" is out of range. It must be >= -32768 '
                                                 'and <= 32767. Received -40000']},
 'errors: writeUInt32BE past the end': {'error': ['RangeError',
                                                  'ERR_BUFFER_OUT_OF_BOUNDS',
                                                  'Attempt to access memory outside buffer bounds']},
 'errors: readUInt8 fractional offset': {'error': ['RangeError',
                                                   'ERR_OUT_OF_RANGE',
                                                   'The value of "offset" is out of range. It must be an '
                                                   'integer. Received 1.5']},
 'errors: readUInt8 string offset': {'error': ['TypeError',
                                               'ERR_INVALID_ARG_TYPE',
                                               'The "offset" argument must be of type number. Received type '
                                               "string ('1')"]},
 'errors: readUIntLE width 7': {'error': ['RangeError',
                                          'ERR_OUT_OF_RANGE',
                                          'The value of "byteLength" is out of range. It must be >= 1 and <= '
                                          '6. Received 7']},
 'errors: readUIntLE without width': {'error': ['RangeError',
                                                'ERR_OUT_OF_RANGE',
                                                'The value of "byteLength" is out of range. It must be an '
                                                'integer. Received undefined']},
 'errors: readUIntLE without offset': {'error': ['TypeError',
                                                 'ERR_INVALID_ARG_TYPE',
                                                 'The "offset" argument must be of type number. Received '
                                                 'undefined']},
 'errors: readInt32LE on an empty buffer': {'error': ['RangeError',
                                                      'ERR_BUFFER_OUT_OF_BOUNDS',
                                                      'Attempt to access memory outside buffer bounds']},
 'errors: readDoubleLE past the end': {'error': ['RangeError',
                                                 'ERR_BUFFER_OUT_OF_BOUNDS',
                                                 'Attempt to access memory outside buffer bounds']},
 'errors: readBigInt64BE past the end': {'error': ['RangeError',
                                                   'ERR_OUT_OF_RANGE',
                                                   'The value of "offset" is out of range. It must be >= 0 '
                                                   'and <= 1. Received 2']},
 'numbers: integer reads': [136,
                            -120,
                            513,
                            258,
                            -120,
                            -128,
                            2282161669,
                            84281224,
                            -2130737145,
                            126418816,
                            770,
                            128],
 'numbers: variable-width reads': [262914,
                                   8640529670,
                                   -139639989533179,
                                   5523454361472,
                                   5523454361472,
                                   -128,
                                   513],
 'numbers: readIntBE every width': [-1, -2, -259, -66052, -16909061, -4328719366],
 'numbers: float reads': [1.539989614439558e-36,
                          9.625513546253311e-38,
                          -5.447603722011605e-270,
                          3.91823198248889e-294],
 'numbers: bigint reads': ['9801809732607083009n',
                           '217304205474987904n',
                           '-9151446354046417917n',
                           '217304205474987904n',
                           '18412974798939620098n'],
 'numbers: writes return the next offset': [[1, 2, 4, 6, 10, 14, 19, 25, 29, 37, 8, 39, 40, 39],
                                            'fdffffffffffffffaddefffffffb9a78563412ffe34166e5ec0000c03fbfb999999999999a000001'],
 'numbers: float writes of special values': ['7fc0000000000000', '000000000000f07f', 4, '000000400000f07f'],
 'numbers: writeIntLE and writeUIntBE round trip': [-128,
                                                    255,
                                                    -32768,
                                                    65535,
                                                    -8388608,
                                                    16777215,
                                                    -2147483648,
                                                    4294967295,
                                                    -549755813888,
                                                    1099511627775,
                                                    -140737488355328,
                                                    281474976710655],
 'numbers: bigint writes': ['0102030405060708feffffffffffffff', '-2n', '72623859790382856n'],
 'search: indexOf and lastIndexOf': [0,
                                     2,
                                     6,
                                     6,
                                     2,
                                     0,
                                     5,
                                     3,
                                     -1,
                                     -1,
                                     5,
                                     0,
                                     1,
                                     1,
                                     0,
                                     1,
                                     4,
                                     2,
                                     2,
                                     1,
                                     -1,
                                     4,
                                     1,
                                     2],
 'search: includes': [True, False, True, False],
 'errors: indexOf an object': {'error': ['TypeError',
                                         'ERR_INVALID_ARG_TYPE',
                                         'The "value" argument must be one of type number or string or an '
                                         'instance of Buffer or Uint8Array. Received an instance of Object']},
 'compare: equals and compare': [True, False, -1, 1, 0, -1, 0, 0, 0, ['a', 'ab', 'b']],
 'errors: equals a string': {'error': ['TypeError',
                                       'ERR_INVALID_ARG_TYPE',
                                       'The "b" argument must be an instance of Buffer or Uint8Array. '
                                       "Received type string ('string')"]},
 'errors: compare with a string': {'error': ['TypeError',
                                             'ERR_INVALID_ARG_TYPE',
                                             'The "b" argument must be an instance of Buffer or Uint8Array. '
                                             "Received type string ('string')"]},
 'errors: compare targetEnd out of range': {'error': ['RangeError',
                                                      'ERR_OUT_OF_RANGE',
                                                      'The value of "targetEnd" is out of range. It must be '
                                                      '>= 0 && <= 1. Received 5']},
 'compare: copy': [5, 2, 2, 0, 0, 2, '68656c6c6865'],
 'compare: copy within one buffer overlapping': 'ababcd',
 'compare: copy with sourceStart past the end copies nothing': 0,
 'errors: copy negative targetStart': {'error': ['RangeError',
                                                 'ERR_OUT_OF_RANGE',
                                                 'The value of "targetStart" is out of range. It must be >= '
                                                 '0. Received -1']},
 'slice: slice and subarray share memory': ['aZcdef', 'Zcde', 'ef', 0, 'cdef', True, 'Zc', 'aZ', 5, True],
 'slice: swap16 swap32 swap64': ['0201040306050807', '0403020108070605', '0807060504030201'],
 'errors: swap16 on odd length': {'error': ['RangeError',
                                            'ERR_INVALID_BUFFER_SIZE',
                                            'Buffer size must be a multiple of 16-bits']},
 'errors: swap64 on odd length': {'error': ['RangeError',
                                            'ERR_INVALID_BUFFER_SIZE',
                                            'Buffer size must be a multiple of 64-bits']},
 'slice: toJSON': ['{"type":"Buffer","data":[97,98]}', '{"b":{"type":"Buffer","data":[]}}'],
 'slice: map and filter keep Buffer': [True, '0204', True],
 'slice: iteration': [[97, 98], 2, ['0', '1']],
 'construct: from toJSON object': '01022c',
 'construct: from arrays and array-likes': ['0100ff0701', '3405', '08', '08', '6869', '0500', '7a7a'],
 'errors: from ArrayBuffer offset out of bounds': {'error': ['RangeError',
                                                             'ERR_BUFFER_OUT_OF_BOUNDS',
                                                             '"offset" is outside of buffer bounds']},
 'errors: from ArrayBuffer length out of bounds': {'error': ['RangeError',
                                                             'ERR_BUFFER_OUT_OF_BOUNDS',
                                                             '"length" is outside of buffer bounds']},
 'construct: from ArrayBuffer shares memory': 7,
 'construct: concat': ['61620102', '6162', '610000', '', True],
 'construct: byteLength': [6, 4, 3, 3, 6, 7, 6, 0, 5],
 'construct: isEncoding': [True,
                           True,
                           True,
                           True,
                           True,
                           True,
                           True,
                           False,
                           False,
                           False,
                           False,
                           False,
                           False,
                           True],
 'construct: isBuffer': [True, False, False, True],
 'construct: Buffer is a Uint8Array subclass': ['function', True, True, 0, 'Buffer', 3, True, 'Buffer'],
 'construct: Buffer called as a function': ['6162', '0000', 'ab'],
 'errors: Buffer(number, encoding)': {'error': ['TypeError',
                                                'ERR_INVALID_ARG_TYPE',
                                                'The "string" argument must be of type string. Received type '
                                                'number (2)']},
 'construct: alloc variants': [3, 2, 0, '0000', '01022c'],
 'construct: parent and offset': [1, True],
 'construct: SlowBuffer': [3, True],
 'construct: static and prototype names': ['alloc allocUnsafe allocUnsafeSlow byteLength compare concat from '
                                           'isBuffer isEncoding length name of poolSize prototype',
                                           'asciiSlice asciiWrite base64Slice base64Write base64urlSlice '
                                           'base64urlWrite compare constructor copy equals fill hexSlice '
                                           'hexWrite includes indexOf inspect lastIndexOf latin1Slice '
                                           'latin1Write offset parent readBigInt64BE readBigInt64LE '
                                           'readBigUInt64BE readBigUInt64LE readBigUint64BE readBigUint64LE '
                                           'readDoubleBE readDoubleLE readFloatBE readFloatLE readInt16BE '
                                           'readInt16LE readInt32BE readInt32LE readInt8 readIntBE readIntLE '
                                           'readUInt16BE readUInt16LE readUInt32BE readUInt32LE readUInt8 '
                                           'readUIntBE readUIntLE readUint16BE readUint16LE readUint32BE '
                                           'readUint32LE readUint8 readUintBE readUintLE slice swap16 swap32 '
                                           'swap64 toJSON toLocaleString toString ucs2Slice ucs2Write '
                                           'utf8Slice utf8Write write writeBigInt64BE writeBigInt64LE '
                                           'writeBigUInt64BE writeBigUInt64LE writeBigUint64BE '
                                           'writeBigUint64LE writeDoubleBE writeDoubleLE writeFloatBE '
                                           'writeFloatLE writeInt16BE writeInt16LE writeInt32BE writeInt32LE '
                                           'writeInt8 writeIntBE writeIntLE writeUInt16BE writeUInt16LE '
                                           'writeUInt32BE writeUInt32LE writeUInt8 writeUIntBE writeUIntLE '
                                           'writeUint16BE writeUint16LE writeUint32BE writeUint32LE '
                                           'writeUint8 writeUintBE writeUintLE'],
 'module: named exports': ['Blob',
                           'Buffer',
                           'File',
                           'INSPECT_MAX_BYTES',
                           'SlowBuffer',
                           'atob',
                           'btoa',
                           'constants',
                           'default',
                           'isAscii',
                           'isUtf8',
                           'kMaxLength',
                           'kStringMaxLength',
                           'resolveObjectURL',
                           'transcode'],
 'module: constants': [2147483647, {'MAX_LENGTH': 2147483647, 'MAX_STRING_LENGTH': 536870888}, 50, 536870888],
 'module: default export': ['object',
                            True,
                            ['Blob',
                             'Buffer',
                             'File',
                             'INSPECT_MAX_BYTES',
                             'SlowBuffer',
                             'atob',
                             'btoa',
                             'constants',
                             'isAscii',
                             'isUtf8',
                             'kMaxLength',
                             'kStringMaxLength',
                             'resolveObjectURL',
                             'transcode']],
 'module: Blob File atob btoa': ['function', True, 'function', 'hi', 'aGk='],
 'module: isUtf8 and isAscii': [True, False, True, False, False, True],
 'module: transcode': ['61803fe93f3f3f8c',
                       '61803fe93f3f3f8c',
                       '6100ac202d4ee9003dd800de80009f005201',
                       '68c3a96c6c6f',
                       '68c3a9',
                       'c3a9c2ac'],
 'errors: transcode to hex': {'error': ['Error',
                                        None,
                                        'Unable to transcode buffer due to unsupported encoding']},
 'inspect: Buffer inspection': ['<Buffer 68 69>',
                                '<Buffer >',
                                '<Buffer 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 '
                                '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 '
                                '00 00 00 ... 10 more bytes>',
                                '{ b: <Buffer 01 02> }',
                                '<Buffer 61, extra: 1>',
                                '[\n'
                                '  <Buffer 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 '
                                '01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 '
                                '01 01 01 ... 1 more byte>\n'
                                ']'],
 'inspect: INSPECT_MAX_BYTES is settable': ['<Buffer 61 62 63 64>', 50],
 'nodeonly: copyBytesFrom': ['02000300', '0200', ''],
 'nodeonly: copyBytesFrom non typed array': {'error': ['TypeError',
                                                       'ERR_INVALID_ARG_TYPE',
                                                       'The "view" argument must be an instance of '
                                                       'TypedArray. Received an instance of Array']},
 'nodeonly: isUtf8 accepts an ArrayBuffer': [True, True],
 'nodeonly: isUtf8 rejects a string': {'error': ['TypeError',
                                                 'ERR_INVALID_ARG_TYPE',
                                                 'The "input" argument must be an instance of ArrayBuffer, '
                                                 "Buffer, or TypedArray. Received type string ('x')"]},
 'nodeonly: encoding slices and writes': ['hi',
                                          '6869',
                                          'hi',
                                          'aGnigqw=',
                                          'hi',
                                          [26984, 33506],
                                          2,
                                          [104, 90, 90, 65533, 65533]]}


results = module_results(CASES_JS, json_text=True)


@pytest.mark.parametrize("case", named(EXPECTED, "decode"))
def test_strings_decode_to_bytes_with_lenient_rules(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "byteLength"))
def test_byte_length_per_encoding(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "encode"))
def test_bytes_encode_to_strings(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "write"))
def test_write_copies_whole_characters_only(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "fill"))
def test_fill_repeats_the_value(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "numbers"))
def test_numbers_read_and_write_in_both_byte_orders(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "search"))
def test_search_finds_bytes_strings_and_numbers(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "compare"))
def test_compare_equals_and_copy(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "slice"))
def test_slices_views_and_swaps(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "construct"))
def test_construction_and_static_helpers(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "module"))
def test_module_exports(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "inspect"))
def test_inspect_prints_hex_bytes(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "errors"))
def test_errors_have_workerd_codes_and_messages(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]


@pytest.mark.parametrize("case", named(EXPECTED, "nodeonly"))
def test_node_apis_missing_from_workerd_follow_node(results: dict[str, Any], case: str) -> None:
    assert results[case] == EXPECTED[case]
