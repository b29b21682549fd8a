// Blob and File (File API, as workerd has them: api/blob.c++).
//
// A Blob holds an immutable Uint8Array; slice() shares it. Types are
// lower-cased, and a type with a character below U+0020 or above U+007E
// becomes "" (workerd's normalizeType).
//
// internals.blob: brand check, zero-copy access to the bytes, and the UTF-8
// helpers the fetch files share (they use internals.encoding once it exists,
// resolved at call time, and a small JS codec until then).
"use strict";
((internals) => {
  // ---- UTF-8 ----------------------------------------------------------------
  // wtf8: a lone surrogate becomes its 3-byte generalized UTF-8 form (ED A0 80 for U+D800), as
  // workerd writes string parts; otherwise U+FFFD.
  function utf8EncodeJs(str, wtf8 = false) {
    const out = new Uint8Array(str.length * 3);
    let n = 0;
    for (let i = 0; i < str.length; i++) {
      let c = str.charCodeAt(i);
      if (c < 0x80) {
        out[n++] = c;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        } else if (!wtf8) {
          c = 0xfffd;
        }
      } else if (c >= 0xd800 && c <= 0xdfff && !wtf8) {
        c = 0xfffd;
      }
      if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      } else {
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      }
    }
    return out.slice(0, n);
  }

  function utf8DecodeJs(u8) {
    let out = "";
    let buf = [];
    const flush = () => {
      out += String.fromCharCode.apply(null, buf);
      buf = [];
    };
    const len = u8.length;
    for (let i = 0; i < len;) {
      const b = u8[i];
      let cp = 0xfffd;
      let need = 0;
      let lower = 0x80;
      let upper = 0xbf;
      if (b < 0x80) {
        cp = b;
      } else if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        cp = b & 0x0f;
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        cp = b & 0x07;
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
      }
      i++;
      if (b >= 0x80 && need === 0) {
        cp = 0xfffd;
      } else {
        let k = 0;
        for (; k < need; k++) {
          const c = u8[i];
          if (i >= len || c < lower || c > upper) break;
          lower = 0x80;
          upper = 0xbf;
          cp = (cp << 6) | (c & 0x3f);
          i++;
        }
        if (k < need) cp = 0xfffd;
      }
      if (cp > 0xffff) {
        cp -= 0x10000;
        buf.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
      } else {
        buf.push(cp);
      }
      if (buf.length > 8192) flush();
    }
    flush();
    return out;
  }

  function utf8Encode(str) {
    const enc = internals.encoding;
    if (enc !== undefined && typeof enc.utf8Encode === "function") return enc.utf8Encode(str);
    return utf8EncodeJs(str);
  }

  // A Blob string part's bytes: UTF-8, lone surrogates as WTF-8 (workerd's behaviour).
  function partBytes(str) {
    return str.isWellFormed() ? utf8Encode(str) : utf8EncodeJs(str, true);
  }

  // UTF-8 decode with a leading BOM dropped (the Encoding Standard's "UTF-8 decode").
  function utf8Decode(u8) {
    if (u8.length >= 3 && u8[0] === 0xef && u8[1] === 0xbb && u8[2] === 0xbf) u8 = u8.subarray(3);
    const enc = internals.encoding;
    if (enc !== undefined && typeof enc.utf8Decode === "function") return enc.utf8Decode(u8, false);
    return utf8DecodeJs(u8);
  }

  // A copy of the bytes of an ArrayBuffer or a view, or null for anything else.
  function bufferSourceCopy(x) {
    if (x instanceof ArrayBuffer || (typeof SharedArrayBuffer === "function" && x instanceof SharedArrayBuffer)) {
      return new Uint8Array(x.slice(0));
    }
    if (ArrayBuffer.isView(x)) {
      return new Uint8Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
    }
    return null;
  }

  function concat(chunks, total) {
    if (chunks.length === 1) return chunks[0];
    if (total === undefined) {
      total = 0;
      for (const c of chunks) total += c.length;
    }
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }

  function normalizeType(type) {
    type = String(type);
    for (let i = 0; i < type.length; i++) {
      const c = type.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) return "";
    }
    return type.toLowerCase();
  }

  const kToken = Symbol("internal");
  const EMPTY = new Uint8Array(0);

  let bytesOf;

  class Blob {
    #bytes;
    #type;

    constructor(parts = undefined, options = undefined) {
      if (parts === kToken) {
        // Internal construction: options is [bytes, type].
        this.#bytes = options[0];
        this.#type = options[1];
        return;
      }
      this.#type = "";
      if (options !== undefined && options !== null) {
        if (typeof options !== "object" && typeof options !== "function") {
          throw new TypeError(
            "Failed to construct 'Blob': constructor parameter 2 is not of type 'BlobPropertyBag'.");
        }
        if (options.endings !== undefined) {
          throw new Error("The 'endings' field on 'Options' is not implemented.");
        }
        if (options.type !== undefined) this.#type = normalizeType(options.type);
      }
      if (parts === undefined || parts === null) {
        this.#bytes = EMPTY;
        return;
      }
      if (typeof parts !== "object" || typeof parts[Symbol.iterator] !== "function") {
        throw new TypeError(
          "Failed to construct 'Blob': constructor parameter 1 is not of type 'Array'.");
      }
      const chunks = [];
      let total = 0;
      for (const part of parts) {
        let bytes;
        if (part !== null && typeof part === "object" && #bytes in part) {
          bytes = part.#bytes;
        } else {
          bytes = bufferSourceCopy(part);
          if (bytes === null) bytes = partBytes(String(part));
        }
        if (bytes.length > 0) {
          chunks.push(bytes);
          total += bytes.length;
        }
      }
      // Parts are copies or other Blobs' immutable bytes, so one part can be kept as is.
      this.#bytes = chunks.length === 0 ? EMPTY : concat(chunks, total);
    }

    get size() {
      return this.#bytes.length;
    }

    get type() {
      return this.#type;
    }

    slice(start = undefined, end = undefined, contentType = undefined) {
      const size = this.#bytes.length;
      const rel = (x, dflt) => {
        if (x === undefined) return dflt;
        x = Math.trunc(Number(x)) || 0;
        return x < 0 ? Math.max(size + x, 0) : Math.min(x, size);
      };
      const from = rel(start, 0);
      const to = rel(end, size);
      const type = contentType === undefined ? "" : normalizeType(contentType);
      const bytes = to > from ? this.#bytes.subarray(from, to) : EMPTY;
      return new Blob(kToken, [bytes, type]);
    }

    async arrayBuffer() {
      const b = this.#bytes;
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
    }

    async bytes() {
      return this.#bytes.slice();
    }

    async text() {
      return utf8Decode(this.#bytes);
    }

    stream() {
      return internals.body.readableFromBytes(this.#bytes);
    }

    get [Symbol.toStringTag]() {
      return "Blob";
    }

    static {
      bytesOf = (b) => b.#bytes;
    }
  }

  function isBlob(x) {
    if (x === null || typeof x !== "object") return false;
    try {
      bytesOf(x);
      return true;
    } catch {
      return false;
    }
  }

  class File extends Blob {
    #name;
    #lastModified;

    constructor(bits, name, options = undefined) {
      if (bits === kToken) {
        // Internal construction: name is [bytes, type, name, lastModified].
        super(kToken, name);
        this.#name = name[2];
        this.#lastModified = name[3];
        return;
      }
      if (arguments.length < 2) {
        throw new TypeError("Failed to construct 'File': constructor parameter 2 is not of type 'string'.");
      }
      super(bits, options);
      this.#name = String(name);
      let lastModified = Date.now();
      if (options !== undefined && options !== null && options.lastModified !== undefined) {
        lastModified = Math.trunc(Number(options.lastModified)) || 0;
      }
      this.#lastModified = lastModified;
    }

    get name() {
      return this.#name;
    }

    get lastModified() {
      return this.#lastModified;
    }

    get [Symbol.toStringTag]() {
      return "File";
    }

    static isFile(x) {
      return x !== null && typeof x === "object" && #name in x;
    }
  }
  const isFile = File.isFile;
  delete File.isFile;

  internals.blob = {
    Blob,
    File,
    isBlob,
    isFile,
    // The Blob's bytes, not copied: callers must not write to them.
    bytesOf,
    // A Blob over `bytes` (taken, not copied).
    fromBytes(bytes, type = "") {
      return new Blob(kToken, [bytes, type]);
    },
    // A File over `bytes` (taken, not copied).
    fileFromBytes(bytes, name, type = "", lastModified = Date.now()) {
      return new File(kToken, [bytes, type, name, lastModified]);
    },
    normalizeType,
    utf8Encode,
    utf8Decode,
    bufferSourceCopy,
    concat,
  };
  internals.exposeGlobal("Blob", Blob);
  internals.exposeGlobal("File", File);
})(globalThis.__isolet_internals);
