// TextEncoder and TextDecoder (WHATWG Encoding), plus the UTF-8 helpers the
// body code uses.
//
// Exports `internals.encoding = { utf8Encode(str) -> Uint8Array,
// utf8Decode(u8, fatal = false) -> string (BOM stripped; throws TypeError
// when fatal and malformed), normalizeLabel(label) -> name | null }`.
//
// Where the work happens. Measured once (TextEncoder/TextDecoder in one
// isolate, ns per byte, JS path vs op path):
//   encode ASCII  1 KB 5.3 JS | 30 KB 2.8 JS | 33 KB+ 0.75 op
//   encode mixed  30 KB 6.7 JS | 33 KB+ 4.0-4.4 op
//   decode ASCII  ~6 JS (String.fromCharCode.apply) | ~6 op
//   decode mixed  ~7.5-7.9 JS | 4.2-7.5 op
// A crossing costs ~20 us, so below UTF8_OP_THRESHOLD (32 KiB) everything
// stays in JS (no crossing for ordinary bodies); above it the op is as fast
// or faster (encode up to 3x), so large inputs go to op_encoding_encode /
// op_encoding_decode. UTF-16 and the single-byte encodings are pure JS (the
// 128-char table of a single-byte encoding is fetched once per isolate via
// op_encoding_table); the CJK encodings go through op_encoding_decode.
"use strict";
((internals) => {
  const { TypeError, RangeError, Uint8Array, String, Map, Object, Symbol, Math } = globalThis;
  const { toUSVString, toDOMString, toBufferSource, checkArguments, bytesToLatin1 } = internals.webidl;

  const UTF8_OP_THRESHOLD = 32 * 1024;

  // WHATWG Encoding label table: name -> space-separated labels.
  const LABELS = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "ibm866": "866 cp866 csibm866 ibm866",
    "iso-8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso-8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso-8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso-8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso-8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso-8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso-8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual",
    "iso-8859-8-i": "csiso88598i iso-8859-8-i logical",
    "iso-8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso-8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso-8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso-8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso-8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "macintosh": "csmacintosh mac macintosh x-mac-roman",
    "windows-874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "windows-1250": "cp1250 windows-1250 x-cp1250",
    "windows-1251": "cp1251 windows-1251 x-cp1251",
    "windows-1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "windows-1253": "cp1253 windows-1253 x-cp1253",
    "windows-1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    "windows-1255": "cp1255 windows-1255 x-cp1255",
    "windows-1256": "cp1256 windows-1256 x-cp1256",
    "windows-1257": "cp1257 windows-1257 x-cp1257",
    "windows-1258": "cp1258 windows-1258 x-cp1258",
    "x-mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gbk": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    "gb18030": "gb18030",
    "big5": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc-jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso-2022-jp": "csiso2022jp iso-2022-jp",
    "shift_jis": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "euc-kr": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    "replacement": "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement",
    "utf-16be": "unicodefffe utf-16be",
    "utf-16le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "x-user-defined": "x-user-defined",
  };
  const labelToName = new Map();
  for (const name of Object.keys(LABELS)) {
    for (const label of LABELS[name].split(" ")) labelToName.set(label, name);
  }
  const SINGLE_BYTE = new Set([
    "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
    "iso-8859-8", "iso-8859-8-i", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15",
    "iso-8859-16", "koi8-r", "koi8-u", "macintosh", "windows-874", "windows-1250", "windows-1251",
    "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
    "windows-1258", "x-mac-cyrillic",
  ]);

  function normalizeLabel(label) {
    // Strip leading/trailing ASCII whitespace, ASCII-lowercase.
    const key = String(label).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "").replace(/[A-Z]+/g, (s) => s.toLowerCase());
    return labelToName.get(key) ?? null;
  }

  const decodeError = () => new TypeError("Failed to decode input.");

  // -- code units -> string ------------------------------------------------------------------
  const CHUNK = 0x2000;
  function unitsToString(units, n) {
    if (n <= CHUNK) return String.fromCharCode.apply(null, n === units.length ? units : units.subarray(0, n));
    let out = "";
    for (let i = 0; i < n; i += CHUNK) {
      out += String.fromCharCode.apply(null, units.subarray(i, Math.min(i + CHUNK, n)));
    }
    return out;
  }

  // -- UTF-8 -------------------------------------------------------------------------------
  function utf8EncodeJS(str) {
    const n = str.length;
    let i = 0;
    // ASCII prefix fast path.
    const out = new Uint8Array(n * 3);
    for (; i < n; i++) {
      const c = str.charCodeAt(i);
      if (c >= 0x80) break;
      out[i] = c;
    }
    if (i === n) return out.slice(0, n); // an exact-size buffer, as workerd returns
    let p = i;
    for (; i < n; i++) {
      let c = str.charCodeAt(i);
      if (c < 0x80) {
        out[p++] = c;
      } else if (c < 0x800) {
        out[p++] = 0xc0 | (c >> 6);
        out[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? str.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          i++;
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          out[p++] = 0xf0 | (c >> 18);
          out[p++] = 0x80 | ((c >> 12) & 0x3f);
          out[p++] = 0x80 | ((c >> 6) & 0x3f);
          out[p++] = 0x80 | (c & 0x3f);
        } else {
          out[p++] = 0xef; out[p++] = 0xbf; out[p++] = 0xbd; // U+FFFD
        }
      } else {
        out[p++] = 0xe0 | (c >> 12);
        out[p++] = 0x80 | ((c >> 6) & 0x3f);
        out[p++] = 0x80 | (c & 0x3f);
      }
    }
    return out.slice(0, p);
  }

  function utf8Encode(str) {
    str = typeof str === "string" ? str : toDOMString(str);
    if (str.length < UTF8_OP_THRESHOLD) return utf8EncodeJS(str);
    return internals.ops.op_encoding_encode(str.isWellFormed() ? str : str.toWellFormed());
  }

  // The WHATWG UTF-8 decoder as a resumable state machine (state kept between stream calls).
  class Utf8State {
    constructor() { this.reset(); }
    reset() { this.cp = 0; this.needed = 0; this.seen = 0; this.lower = 0x80; this.upper = 0xbf; }
    get pending() { return this.needed !== 0; }
  }
  const scratch = { units: new Uint16Array(0) };
  function unitsBuffer(n) {
    if (scratch.units.length < n) scratch.units = new Uint16Array(Math.max(n, 1024));
    return scratch.units;
  }

  function utf8DecodeJS(bytes, state, flush, fatal) {
    const n = bytes.length;
    let i = 0;
    // ASCII fast path when nothing is pending.
    if (state.needed === 0) {
      while (i < n && bytes[i] < 0x80) i++;
      if (i === n) return bytesToLatin1(bytes);
    }
    const units = unitsBuffer(n + 1);
    let u = 0;
    if (i > 0) {
      for (let k = 0; k < i; k++) units[k] = bytes[k];
      u = i;
    }
    let { cp, needed, seen, lower, upper } = state;
    while (i < n) {
      const b = bytes[i];
      if (needed === 0) {
        i++;
        if (b < 0x80) { units[u++] = b; continue; }
        if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
        else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) lower = 0xa0;
          if (b === 0xed) upper = 0x9f;
          needed = 2; cp = b & 0xf;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) lower = 0x90;
          if (b === 0xf4) upper = 0x8f;
          needed = 3; cp = b & 0x7;
        } else {
          if (fatal) { state.reset(); throw decodeError(); }
          units[u++] = 0xfffd;
        }
        continue;
      }
      if (b < lower || b > upper) {
        // Malformed: emit U+FFFD, reprocess this byte.
        cp = 0; needed = 0; seen = 0; lower = 0x80; upper = 0xbf;
        if (fatal) { state.reset(); throw decodeError(); }
        units[u++] = 0xfffd;
        continue;
      }
      i++;
      lower = 0x80; upper = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
      if (++seen === needed) {
        if (cp >= 0x10000) {
          cp -= 0x10000;
          units[u++] = 0xd800 + (cp >> 10);
          units[u++] = 0xdc00 + (cp & 0x3ff);
        } else {
          units[u++] = cp;
        }
        cp = 0; needed = 0; seen = 0;
      }
    }
    if (flush && needed !== 0) {
      cp = 0; needed = 0; seen = 0; lower = 0x80; upper = 0xbf;
      if (fatal) { state.reset(); throw decodeError(); }
      units[u++] = 0xfffd;
    }
    state.cp = cp; state.needed = needed; state.seen = seen; state.lower = lower; state.upper = upper;
    return unitsToString(units, u);
  }

  // keepBOM: decode without stripping a leading BOM (URL percent-decoding wants that).
  function utf8Decode(u8, fatal = false, keepBOM = false) {
    let s;
    if (u8.length >= UTF8_OP_THRESHOLD) {
      const r = internals.ops.op_encoding_decode("utf-8", u8, !!fatal, true, null);
      if (r === null) throw decodeError();
      s = r[0];
    } else {
      s = utf8DecodeJS(u8, new Utf8State(), true, fatal);
    }
    return !keepBOM && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  // -- UTF-16 ------------------------------------------------------------------------------
  class Utf16State {
    constructor() { this.reset(); }
    reset() { this.leadByte = -1; this.leadSurrogate = -1; }
  }
  function utf16Decode(bytes, state, flush, fatal, le) {
    const n = bytes.length;
    const units = unitsBuffer(n + 2);
    let u = 0;
    let { leadByte, leadSurrogate } = state;
    for (let i = 0; i < n; i++) {
      const b = bytes[i];
      if (leadByte === -1) { leadByte = b; continue; }
      let unit = le ? leadByte | (b << 8) : (leadByte << 8) | b;
      leadByte = -1;
      if (leadSurrogate !== -1) {
        const lead = leadSurrogate;
        leadSurrogate = -1;
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          units[u++] = lead;
          units[u++] = unit;
          continue;
        }
        if (fatal) { state.reset(); throw decodeError(); }
        units[u++] = 0xfffd;
        // fall through: process `unit` afresh
      }
      if (unit >= 0xd800 && unit <= 0xdbff) { leadSurrogate = unit; continue; }
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        if (fatal) { state.reset(); throw decodeError(); }
        unit = 0xfffd;
      }
      units[u++] = unit;
    }
    if (flush && (leadByte !== -1 || leadSurrogate !== -1)) {
      leadByte = -1; leadSurrogate = -1;
      if (fatal) { state.reset(); throw decodeError(); }
      units[u++] = 0xfffd;
    }
    state.leadByte = leadByte; state.leadSurrogate = leadSurrogate;
    return unitsToString(units, u);
  }

  // -- single-byte -------------------------------------------------------------------------
  const tables = new Map(); // name -> Uint16Array(128), 0xFFFD = unmapped
  function tableFor(name) {
    let t = tables.get(name);
    if (t === undefined) {
      const chars = internals.ops.op_encoding_table(name);
      t = new Uint16Array(128);
      for (let i = 0; i < 128; i++) t[i] = chars.charCodeAt(i);
      tables.set(name, t);
    }
    return t;
  }
  function singleByteDecode(bytes, name, fatal) {
    const n = bytes.length;
    const units = unitsBuffer(n);
    if (name === "x-user-defined") {
      for (let i = 0; i < n; i++) { const b = bytes[i]; units[i] = b < 0x80 ? b : 0xf780 + b - 0x80; }
      return unitsToString(units, n);
    }
    if (name === "windows-1252") {
      // Latin-1 fast path: only 0x80-0x9F differ from ISO-8859-1.
      let k = 0;
      while (k < n && (bytes[k] < 0x80 || bytes[k] > 0x9f)) k++;
      if (k === n) return bytesToLatin1(bytes);
    }
    const t = tableFor(name);
    for (let i = 0; i < n; i++) {
      const b = bytes[i];
      if (b < 0x80) { units[i] = b; continue; }
      const c = t[b - 0x80];
      if (c === 0xfffd && fatal) throw decodeError();
      units[i] = c;
    }
    return unitsToString(units, n);
  }

  // -- TextDecoder -------------------------------------------------------------------------
  const EMPTY = new Uint8Array(0);

  class TextDecoder {
    #encoding;
    #fatal;
    #ignoreBOM;
    #bomSeen = false;
    #state = null; // per-encoding streaming state
    constructor(label = "utf-8", options = undefined) {
      const name = normalizeLabel(toDOMString(label));
      if (name === null || name === "replacement") {
        throw new RangeError(`"${toDOMString(label)}" is not a valid encoding.`);
      }
      this.#encoding = name;
      this.#fatal = !!options?.fatal;
      this.#ignoreBOM = !!options?.ignoreBOM;
    }
    get encoding() { return this.#encoding; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }

    decode(input = undefined, options = undefined) {
      const bytes = input === undefined || input === null && arguments.length === 0
        ? EMPTY : toBufferSource(input, "Failed to execute 'decode' on 'TextDecoder'", 1, "Array");
      const stream = !!options?.stream;
      const flush = !stream;
      const name = this.#encoding;
      const fatal = this.#fatal;
      let out;
      try {
        if (name === "utf-8") {
          if (this.#state === null && flush && bytes.length >= UTF8_OP_THRESHOLD) {
            const r = internals.ops.op_encoding_decode("utf-8", bytes, fatal, true, null);
            if (r === null) throw decodeError();
            out = r[0];
          } else {
            this.#state ??= new Utf8State();
            out = utf8DecodeJS(bytes, this.#state, flush, fatal);
          }
        } else if (name === "utf-16le" || name === "utf-16be") {
          this.#state ??= new Utf16State();
          out = utf16Decode(bytes, this.#state, flush, fatal, name === "utf-16le");
        } else if (SINGLE_BYTE.has(name) || name === "x-user-defined") {
          out = singleByteDecode(bytes, name, fatal);
        } else {
          // CJK: the Python codec, with its state handed back and forth.
          const r = internals.ops.op_encoding_decode(name, bytes, fatal, flush, this.#state);
          if (r === null) { this.#state = null; throw decodeError(); }
          out = r[0];
          this.#state = r[1];
        }
      } catch (e) {
        this.#bomSeen = false;
        throw e;
      }
      if (!this.#ignoreBOM && !this.#bomSeen && (name === "utf-8" || name === "utf-16le" || name === "utf-16be")) {
        if (out.length > 0) {
          this.#bomSeen = true;
          if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
        }
      }
      if (flush) {
        this.#bomSeen = false;
        if (name !== "utf-8" && name !== "utf-16le" && name !== "utf-16be") this.#state = null;
      }
      return out;
    }
  }
  Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: "TextDecoder", configurable: true });

  // -- TextEncoder -------------------------------------------------------------------------
  class TextEncoder {
    get encoding() { return "utf-8"; }
    encode(input = "") {
      return utf8Encode(toUSVString(input));
    }
    encodeInto(source, destination) {
      checkArguments(arguments.length, ["JsString", "JsUint8Array"], "Failed to execute 'encodeInto' on 'TextEncoder'");
      const src = toUSVString(source);
      if (!(destination instanceof Uint8Array)) {
        throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'JsUint8Array'.");
      }
      const cap = destination.length;
      const n = src.length;
      let read = 0, written = 0;
      while (read < n) {
        const c = src.codePointAt(read);
        const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (written + size > cap) break;
        if (size === 1) {
          destination[written] = c;
        } else if (size === 2) {
          destination[written] = 0xc0 | (c >> 6);
          destination[written + 1] = 0x80 | (c & 0x3f);
        } else if (size === 3) {
          destination[written] = 0xe0 | (c >> 12);
          destination[written + 1] = 0x80 | ((c >> 6) & 0x3f);
          destination[written + 2] = 0x80 | (c & 0x3f);
        } else {
          destination[written] = 0xf0 | (c >> 18);
          destination[written + 1] = 0x80 | ((c >> 12) & 0x3f);
          destination[written + 2] = 0x80 | ((c >> 6) & 0x3f);
          destination[written + 3] = 0x80 | (c & 0x3f);
        }
        written += size;
        read += size === 4 ? 2 : 1;
      }
      return { read, written };
    }
  }
  Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: "TextEncoder", configurable: true });

  internals.encoding = { __proto__: null, utf8Encode, utf8Decode, normalizeLabel };
  internals.exposeGlobal("TextEncoder", TextEncoder);
  internals.exposeGlobal("TextDecoder", TextDecoder);
})(globalThis.__isolet_internals);
