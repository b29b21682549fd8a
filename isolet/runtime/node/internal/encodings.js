// Node's encoding names, shared by node:buffer and node:string_decoder.
//
//   encodingKey(enc)        the canonical key (utf8 ucs2 latin1 ascii base64 base64url hex), "utf8"
//                           for undefined/null/"", undefined for an unknown name; case-insensitive
//   normalizeEncoding(enc)  Node's normalized name (utf8 utf16le latin1 ascii base64 base64url hex)
"use strict";

const KEYS = {
  __proto__: null,
  utf8: "utf8",
  "utf-8": "utf8",
  ucs2: "ucs2",
  "ucs-2": "ucs2",
  utf16le: "ucs2",
  "utf-16le": "ucs2",
  latin1: "latin1",
  binary: "latin1",
  ascii: "ascii",
  base64: "base64",
  base64url: "base64url",
  hex: "hex",
};

export function encodingKey(enc) {
  if (enc === undefined || enc === null || enc === "") return "utf8";
  const s = `${enc}`;
  return KEYS[s] ?? KEYS[s.toLowerCase()];
}

export function normalizeEncoding(enc) {
  const key = encodingKey(enc);
  return key === "ucs2" ? "utf16le" : key;
}
