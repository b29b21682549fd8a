// node:string_decoder: StringDecoder keeps the bytes of a character split across write()
// calls until the rest arrives (utf8, utf16le / ucs2, base64, base64url); other encodings
// (latin1, ascii, hex) decode each chunk as is.
//
// Exports (named and default): StringDecoder
//   new StringDecoder(encoding = "utf8")   ERR_UNKNOWN_ENCODING for an unknown name
//   .encoding (normalized: utf8 utf16le latin1 ascii base64 base64url hex)
//   .write(buf) -> string     buf: Buffer / TypedArray / DataView (a string is returned as is)
//   .end(buf?) -> string      flushes: an incomplete utf8 sequence becomes U+FFFD, a held
//                             utf16 lead surrogate is returned as is, base64 remainder encoded
//   .text(buf, offset)        legacy: write(buf.subarray(offset))
//   .lastChar / .lastNeed / .lastTotal   the held bytes, as Node exposes them
"use strict";

import { Buffer } from "node:buffer";
import { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING } from "isolet-internal:node/errors";
import { normalizeEncoding } from "isolet-internal:node/encodings";

function toBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  throw ERR_INVALID_ARG_TYPE("buf", ["string", "Buffer", "TypedArray", "DataView"], buf);
}

// Bytes a UTF-8 lead byte announces (0 for a continuation or invalid byte).
function utf8Need(byte) {
  if (byte <= 0x7f) return 1;
  if (byte >> 5 === 0x06) return 2;
  if (byte >> 4 === 0x0e) return 3;
  if (byte >> 3 === 0x1e) return 4;
  return 0;
}

const kPending = Symbol("pending");
const kDecoder = Symbol("decoder");

export class StringDecoder {
  constructor(encoding) {
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = normalized;
    this[kPending] = new Uint8Array(0);
    this[kDecoder] = normalized === "utf8" ? new TextDecoder("utf-8", { ignoreBOM: true }) : null;
  }

  get lastChar() {
    const out = Buffer.alloc(4);
    out.set(this[kPending].subarray(0, 4));
    return out;
  }

  get lastNeed() {
    const p = this[kPending];
    if (p.length === 0) return 0;
    switch (this.encoding) {
      case "utf8": {
        const need = utf8Need(p[0]);
        return need > p.length ? need - p.length : 0;
      }
      case "utf16le":
        return p.length % 2 === 1 ? 1 : 2;
      case "base64":
      case "base64url":
        return 3 - p.length;
      default:
        return 0;
    }
  }

  get lastTotal() {
    const p = this[kPending];
    if (p.length === 0) return 0;
    return p.length + this.lastNeed;
  }

  write(buf) {
    if (typeof buf === "string") return buf;
    return this.#decode(toBytes(buf), false);
  }

  end(buf) {
    let out = "";
    if (buf !== undefined && buf !== null) {
      if (typeof buf === "string") out = buf;
      else out = this.#decode(toBytes(buf), false);
    }
    return out + this.#decode(new Uint8Array(0), true);
  }

  text(buf, offset) {
    const bytes = toBytes(buf);
    return this.write(bytes.subarray(offset));
  }

  #decode(bytes, flush) {
    switch (this.encoding) {
      case "utf8": {
        const out = this[kDecoder].decode(bytes, { stream: !flush });
        this[kPending] = flush ? new Uint8Array(0) : utf8Tail(this[kPending], bytes);
        return out;
      }
      case "utf16le":
        return this.#utf16(bytes, flush);
      case "base64":
      case "base64url":
        return this.#base64(bytes, flush);
      default:
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(this.encoding);
    }
  }

  #utf16(bytes, flush) {
    const all = concat(this[kPending], bytes);
    let end = all.length - (all.length % 2);
    if (flush) {
      this[kPending] = new Uint8Array(0);
      return Buffer.from(all.buffer, all.byteOffset, end).toString("utf16le");
    }
    // Hold a trailing lead surrogate until its pair arrives.
    if (end >= 2) {
      const last = all[end - 2] | (all[end - 1] << 8);
      if (last >= 0xd800 && last <= 0xdbff) end -= 2;
    }
    this[kPending] = all.slice(end);
    return Buffer.from(all.buffer, all.byteOffset, end).toString("utf16le");
  }

  #base64(bytes, flush) {
    const all = concat(this[kPending], bytes);
    const end = flush ? all.length : all.length - (all.length % 3);
    this[kPending] = all.slice(end);
    return Buffer.from(all.buffer, all.byteOffset, end).toString(this.encoding);
  }
}

function concat(a, b) {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// The bytes of an incomplete UTF-8 sequence at the end of (held + chunk), for lastChar/lastNeed.
function utf8Tail(held, chunk) {
  const all = concat(held, chunk);
  const n = all.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = all[n - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation: keep looking for the lead
    const need = utf8Need(byte);
    return need > back ? all.slice(n - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

export default { StringDecoder };
