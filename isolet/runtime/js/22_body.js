// The Body mixin shared by Request and Response (Fetch Standard "body
// mixin", as workerd has it: api/http.c++ Body), body extraction, and the
// multipart/form-data and application/x-www-form-urlencoded formats.
//
// Fast path: a body given as a string or bytes (or a Blob, FormData or
// URLSearchParams, which become bytes) is kept as that string/bytes. No
// ReadableStream is created unless `.body` is read, and text()/arrayBuffer()
// and the wire conversion take the string/bytes directly.
//
// Streams come from internals.streams (06_streams.js), resolved at call time;
// until it exists the global ReadableStream's public API is used.
//
// internals.body: BodyInner (one body's state), extract(), installMixin(),
// stream helpers, and the form-data codecs.
"use strict";
((internals) => {
  const kBodyUsed =
    "Body has already been used. It can only be used once. Use tee() first if you need to read it twice.";
  const kDisturbed =
    "This ReadableStream is disturbed (has already been read from), and cannot be used as a body.";

  const TEXT_PLAIN = "text/plain;charset=UTF-8";
  const FORM_URLENCODED = "application/x-www-form-urlencoded;charset=UTF-8";

  const blobApi = () => internals.blob;

  // ---- streams (resolved at call time) --------------------------------------
  // Streams this file has read, for isDisturbed() without 06_streams.js.
  const readByUs = new WeakSet();

  function isReadableStream(x) {
    const s = internals.streams;
    if (s !== undefined) return s.isReadableStream(x);
    const RS = globalThis.ReadableStream;
    return typeof RS === "function" && x instanceof RS;
  }

  function isDisturbed(stream) {
    const s = internals.streams;
    if (s !== undefined) return s.isDisturbed(stream);
    return readByUs.has(stream);
  }

  function isLocked(stream) {
    return stream.locked === true;
  }

  async function readAllBytes(stream) {
    const s = internals.streams;
    if (s !== undefined) return s.readAllBytes(stream);
    readByUs.add(stream);
    const reader = stream.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
        throw new TypeError("This ReadableStream did not return bytes.");
      }
      const u8 = value instanceof Uint8Array ? value
        : ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
        : new Uint8Array(value);
      chunks.push(u8);
      total += u8.length;
    }
    if (chunks.length === 0) return new Uint8Array(0);
    if (chunks.length === 1) return chunks[0].slice();
    return blobApi().concat(chunks, total);
  }

  function readableFromChunks(chunks) {
    const s = internals.streams;
    if (s !== undefined) return s.readableFromChunks(chunks);
    const list = Array.from(chunks);
    return new globalThis.ReadableStream({
      start(c) {
        for (const chunk of list) c.enqueue(chunk);
        c.close();
      },
    });
  }

  function readableFromBytes(bytes) {
    // Each reader gets its own copy, so the source stays immutable.
    return readableFromChunks(bytes.length === 0 ? [] : [bytes.slice()]);
  }

  function createReadable(source) {
    const s = internals.streams;
    if (s !== undefined) return s.createReadable(source);
    const underlying = {};
    if (source.pull) underlying.pull = source.pull;
    if (source.cancel) underlying.cancel = source.cancel;
    return new globalThis.ReadableStream(underlying);
  }

  // Two branches over one stream: its own tee() when it has one, else a
  // small pull-based tee over a reader.
  function tee(stream) {
    if (typeof stream.tee === "function") return stream.tee();
    readByUs.add(stream);
    const reader = stream.getReader();
    const queues = [[], []];
    let done = false;
    let pending = null;
    const readOnce = () => {
      if (pending === null) {
        pending = reader.read().then((r) => {
          pending = null;
          if (r.done) done = true;
          else {
            queues[0].push(r.value);
            queues[1].push(r.value);
          }
        });
      }
      return pending;
    };
    const branch = (i) => createReadable({
      async pull(c) {
        while (queues[i].length === 0 && !done) await readOnce();
        if (queues[i].length > 0) c.enqueue(queues[i].shift());
        else c.close();
      },
    });
    return [branch(0), branch(1)];
  }

  // ---- MIME ------------------------------------------------------------------
  // workerd's MimeType::extract + toString (util/mimetype.c++), which Body.blob() applies to the
  // Content-Type: type, subtype and parameter names lower-cased, values kept, "" if unparsable.
  const MIME_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const MIME_VALUE_BAD = /[\x00-\x08\x0a-\x1f\x7f]/;
  const WS_START = /^[\t\n\r ]+/;
  const WS_END = /[\t\n\r ]+$/;
  const UPPER = /[A-Z]/g;
  const asciiLower = (x) => x.replace(UPPER, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

  function mimeTryParse(input) {
    input = input.replace(WS_START, "");
    const slash = input.indexOf("/");
    if (slash === -1) return null;
    const type = input.slice(0, slash);
    if (!MIME_TOKEN.test(type)) return null;
    input = input.slice(slash + 1);
    const semi = input.indexOf(";");
    const subtype = (semi === -1 ? input : input.slice(0, semi)).replace(WS_END, "");
    if (!MIME_TOKEN.test(subtype)) return null;
    input = semi === -1 ? "" : input.slice(semi + 1);
    const params = new Map();
    const add = (name, value) => {
      const key = asciiLower(name);
      if (!MIME_VALUE_BAD.test(value) && !params.has(key)) params.set(key, value);
    };
    while (input.length > 0) {
      input = input.replace(WS_START, "");
      const d = input.search(/[;=]/);
      if (d === -1) break;
      if (input[d] === ";") { input = input.slice(d + 1); continue; }
      const name = input.slice(0, d);
      input = input.slice(d + 1);
      if (!MIME_TOKEN.test(name)) {
        const p = input.indexOf(";");
        if (p === -1) break;
        input = input.slice(p + 1);
        continue;
      }
      if (input === "") break;
      if (input[0] === "\"") {
        let i = 1;
        let value = "";
        while (i < input.length) {
          const c = input[i++];
          if (c === "\"") break;
          if (c === "\\") {
            if (i >= input.length) { value += "\\"; break; }
            value += input[i++];
          } else {
            value += c;
          }
        }
        input = input.slice(i);
        add(name, value);
      } else {
        const p = input.indexOf(";");
        const value = (p === -1 ? input : input.slice(0, p)).replace(WS_END, "");
        if (value !== "") add(name, value);
        if (p === -1) break;
        input = input.slice(p);
      }
      const p = input.indexOf(";");
      if (p === -1) break;
      input = input.slice(p + 1);
    }
    return { type: asciiLower(type), subtype: asciiLower(subtype), params };
  }

  function mimeToString(m) {
    let out = `${m.type}/${m.subtype}`;
    for (const [key, value] of m.params) {
      out += key === "boundary" ? "; " : ";"; // workerd's space before boundary only
      out += key + "=";
      if (value === "") out += "\"\"";
      else if (MIME_TOKEN.test(value)) out += value;
      else out += "\"" + value.replace(/["\\]/g, "\\$&") + "\"";
    }
    return out;
  }

  // The Content-Type a Body.blob() gets: extract a MIME type from the (combined) header value.
  function blobTypeOf(value) {
    if (value === null) return "";
    let mime = null;
    const take = (part) => {
      const parsed = mimeTryParse(part);
      if (parsed === null || (parsed.type === "*" && parsed.subtype === "*")) return;
      if (mime !== null && mime.type === parsed.type && mime.subtype === parsed.subtype &&
          !parsed.params.has("charset") && mime.params.has("charset")) {
        parsed.params.set("charset", mime.params.get("charset"));
      }
      mime = parsed;
    };
    let start = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (c === "\"" && (i === 0 || value[i - 1] !== "\\")) {
        while (++i < value.length && (value[i] !== "\"" || value[i - 1] === "\\"));
      } else if (c === "," && (i === 0 || value[i - 1] !== "\\")) {
        take(value.slice(start, i));
        start = i + 1;
      }
    }
    if (start < value.length) take(value.slice(start));
    return mime === null ? "" : mimeToString(mime);
  }

  // {essence, params: Map} or null.
  function parseMime(value) {
    const parts = splitParams(value);
    const essence = parts[0].trim().toLowerCase();
    if (!/^[^\s/]+\/[^\s/]+$/.test(essence)) return null;
    const params = new Map();
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i];
      const eq = p.indexOf("=");
      if (eq === -1) continue;
      const key = p.slice(0, eq).trim().toLowerCase();
      let val = p.slice(eq + 1).trim();
      if (val.startsWith("\"")) val = unquote(val);
      if (key !== "" && !params.has(key)) params.set(key, val);
    }
    return { essence, params };
  }

  // Split on ';' outside quoted strings.
  function splitParams(value) {
    const out = [];
    let cur = "";
    let quoted = false;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (quoted) {
        cur += c;
        if (c === "\\" && i + 1 < value.length) cur += value[++i];
        else if (c === "\"") quoted = false;
      } else if (c === "\"") {
        quoted = true;
        cur += c;
      } else if (c === ";") {
        out.push(cur);
        cur = "";
      } else {
        cur += c;
      }
    }
    out.push(cur);
    return out;
  }

  function unquote(val) {
    let out = "";
    for (let i = 1; i < val.length; i++) {
      const c = val[i];
      if (c === "\\" && i + 1 < val.length) out += val[++i];
      else if (c === "\"") break;
      else out += c;
    }
    return out;
  }

  // ---- application/x-www-form-urlencoded --------------------------------------
  function percentDecodeBytes(bytes) {
    const out = new Uint8Array(bytes.length);
    let n = 0;
    const hex = (b) => (b >= 0x30 && b <= 0x39 ? b - 0x30
      : b >= 0x41 && b <= 0x46 ? b - 0x37
      : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x25 && i + 2 < bytes.length) {
        const h = hex(bytes[i + 1]);
        const l = hex(bytes[i + 2]);
        if (h >= 0 && l >= 0) {
          out[n++] = (h << 4) | l;
          i += 2;
          continue;
        }
      }
      out[n++] = b === 0x2b ? 0x20 : b;
    }
    return out.subarray(0, n);
  }

  // [[name, value], ...] from urlencoded bytes ('+' is a space).
  function parseUrlEncoded(bytes) {
    const { utf8Decode } = blobApi();
    const out = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x26) continue;
      const seq = bytes.subarray(start, i);
      start = i + 1;
      if (seq.length === 0) continue;
      let eq = seq.indexOf(0x3d);
      if (eq === -1) eq = seq.length;
      out.push([
        utf8Decode(percentDecodeBytes(seq.subarray(0, eq))),
        utf8Decode(percentDecodeBytes(seq.subarray(Math.min(eq + 1, seq.length)))),
      ]);
    }
    return out;
  }

  // ---- multipart/form-data -----------------------------------------------------
  function latin1(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    }
    return s;
  }

  function latin1Bytes(str) {
    const out = new Uint8Array(str.length);
    for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i);
    return out;
  }

  // Chrome's Content-Disposition escaping, as workerd does it.
  function escapeQuotes(value) {
    if (value.endsWith("\\")) throw new TypeError("Name or filename can't end with backslash");
    return value.replace(/["\n\\]/g, (c) => (c === "\"" ? "%22" : c === "\n" ? "%0A" : "\\\\"));
  }

  function randomBoundary() {
    const bytes = new Uint8Array(16);
    const c = globalThis.crypto;
    if (c !== undefined && typeof c.getRandomValues === "function") c.getRandomValues(bytes);
    else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
    let hex = "";
    for (const b of bytes) hex += (b < 16 ? "0" : "") + b.toString(16);
    return hex;
  }

  function serializeFormData(fd, boundary) {
    if (boundary.length === 0 || boundary.length > 70) {
      throw new TypeError("Length of multipart/form-data boundary string must be in the range [1, 70].");
    }
    const { utf8Encode, isBlob, bytesOf, concat } = blobApi();
    const chunks = [];
    let head = "";
    for (const [name, value] of internals.formData.listOf(fd)) {
      head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuotes(name)}`;
      if (isBlob(value)) {
        head += `"; filename="${escapeQuotes(value.name)}"\r\nContent-Type: ` +
          `${value.type === "" ? "application/octet-stream" : value.type}\r\n\r\n`;
        chunks.push(utf8Encode(head));
        chunks.push(bytesOf(value));
        head = "\r\n";
      } else {
        head += `"\r\n\r\n${value}\r\n`;
      }
    }
    head += `--${boundary}--`;
    chunks.push(utf8Encode(head));
    return concat(chunks);
  }

  function parseContentDisposition(value) {
    const parts = splitParams(value);
    const kind = parts[0].trim().toLowerCase();
    if (kind !== "form-data") {
      throw new TypeError(
        "Content-Disposition header for FormData part must have the value \"form-data\", " +
        `possibly followed by parameters. Got: "${parts[0].trim()}"`);
    }
    let name = null;
    let filename = null;
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i];
      const eq = p.indexOf("=");
      if (eq === -1) continue;
      const key = p.slice(0, eq).trim().toLowerCase();
      let val = p.slice(eq + 1).trim();
      if (val.startsWith("\"")) val = unquote(val);
      if (key === "name") name = val;
      else if (key === "filename") filename = val;
    }
    return { name, filename };
  }

  // Fills `fd` from a multipart body (workerd's parseFormDataImpl, on bytes).
  function parseMultipart(fd, bytes, boundary) {
    const { utf8Decode, fileFromBytes } = blobApi();
    const raw = latin1(bytes);
    const delimiter = `\n--${boundary}`;
    let pos = raw.indexOf(delimiter.slice(1));
    if (pos === -1) throw new TypeError("No initial boundary string (or you have a truncated message).");
    pos += delimiter.length - 1;
    for (;;) {
      if (raw.startsWith("\n", pos)) pos += 1;
      else if (raw.startsWith("\r\n", pos)) pos += 2;
      else if (raw.startsWith("--", pos)) return;
      else throw new TypeError("Boundary string was not succeeded by CRLF, LF, or '--'.");

      const term = /\r?\n\r?\n/g;
      term.lastIndex = pos;
      const m = term.exec(raw);
      if (m === null) throw new TypeError("No multipart message header termination found.");
      const headerText = utf8Decode(latin1Bytes(raw.slice(pos, m.index)));
      pos = m.index + m[0].length;

      let disposition = null;
      let type = null;
      for (const line of headerText.split(/\r?\n/)) {
        if (line === "") continue;
        const colon = line.indexOf(":");
        if (colon <= 0) throw new TypeError("FormData part had invalid headers.");
        const hname = line.slice(0, colon).trim().toLowerCase();
        const hvalue = line.slice(colon + 1).trim();
        if (hname === "content-disposition") disposition = hvalue;
        else if (hname === "content-type") type = hvalue;
      }
      if (disposition === null) {
        throw new TypeError("No valid Content-Disposition header found in FormData part.");
      }
      const { name, filename } = parseContentDisposition(disposition);
      if (name === null) {
        throw new TypeError("Content-Disposition header in FormData part is missing a name.");
      }

      const end = raw.indexOf(delimiter, pos);
      if (end === -1) throw new TypeError("No subsequent boundary string after multipart message.");
      let msgEnd = end;
      if (msgEnd > pos && raw.charCodeAt(msgEnd - 1) === 0x0d) msgEnd -= 1;
      const message = bytes.subarray(pos, msgEnd);
      pos = end + delimiter.length;

      const list = internals.formData.listOf(fd);
      if (filename !== null) {
        list.push([name, fileFromBytes(message.slice(), filename, type ?? "", Date.now())]);
      } else {
        list.push([name, utf8Decode(message)]);
      }
    }
  }

  // A FormData parsed from `bytes` as `contentType` says (Body.formData()).
  function parseFormData(bytes, contentType) {
    const fd = new internals.formData.FormData();
    const mime = parseMime(contentType);
    if (mime !== null && mime.essence === "multipart/form-data") {
      const boundary = mime.params.get("boundary");
      if (boundary === undefined) {
        throw new TypeError(
          "No boundary string in Content-Type header. The multipart/form-data MIME " +
          "type requires a boundary parameter, e.g. 'Content-Type: multipart/form-data; " +
          "boundary=\"abcd\"'. See RFC 7578, section 4.");
      }
      parseMultipart(fd, bytes, boundary);
      return fd;
    }
    if (mime !== null && mime.essence === "application/x-www-form-urlencoded") {
      const charset = mime.params.get("charset");
      if (charset !== undefined && charset.toLowerCase() !== "utf-8" && charset.toLowerCase() !== "utf8") {
        throw new TypeError("Non-utf-8 application/x-www-form-urlencoded body.");
      }
      const list = internals.formData.listOf(fd);
      for (const pair of parseUrlEncoded(bytes)) list.push(pair);
      return fd;
    }
    throw new TypeError(
      "Unrecognized Content-Type header value. FormData can only parse the following MIME " +
      "types: multipart/form-data, application/x-www-form-urlencoded");
  }

  // ---- one body's state ----------------------------------------------------------
  class BodyInner {
    // Exactly one source: a string, bytes, or a stream. A buffer-backed body
    // (string/bytes) may also get a stream once `.body` is read.
    text = null;
    bytes = null;
    stream = null;
    // Consumed without a stream (fast path), or given away.
    used = false;

    static fromText(text) {
      const b = new BodyInner();
      b.text = text;
      return b;
    }

    static fromBytes(bytes) {
      const b = new BodyInner();
      b.bytes = bytes;
      return b;
    }

    static fromStream(stream) {
      const b = new BodyInner();
      b.stream = stream;
      return b;
    }

    get bufferBacked() {
      return this.text !== null || this.bytes !== null;
    }

    #ensureBytes() {
      if (this.bytes === null) this.bytes = blobApi().utf8Encode(this.text);
      return this.bytes;
    }

    isUsed() {
      return this.used || (this.stream !== null && isDisturbed(this.stream));
    }

    // The body's ReadableStream (Body.body), created on first use.
    getStream() {
      if (this.stream === null) {
        if (this.used) {
          // Consumed through the fast path: hand out a disturbed, closed stream.
          const s = readableFromChunks([]);
          readByUs.add(s);
          this.stream = s;
          // Cancelling disturbs the stream without locking it.
          const noop = () => {};
          if (typeof s.cancel === "function") s.cancel().then(noop, noop);
          else s.getReader().read().then(noop, noop);
        } else {
          this.stream = readableFromBytes(this.#ensureBytes());
        }
      }
      return this.stream;
    }

    // The whole body as bytes without reading a stream, or null when it is
    // only a stream (or its stream has been touched).
    knownBytes() {
      if (!this.bufferBacked) return null;
      if (this.stream !== null && (isDisturbed(this.stream) || isLocked(this.stream))) return null;
      return this.#ensureBytes();
    }

    #checkUnused() {
      if (this.isUsed()) throw new TypeError(kBodyUsed);
      if (this.stream !== null && isLocked(this.stream)) {
        throw new TypeError("This ReadableStream is currently locked to a reader.");
      }
    }

    // Consume as bytes; the result may be shared with the source (callers copy).
    async consumeBytes() {
      this.#checkUnused();
      if (this.stream === null || this.knownBytes() !== null) {
        this.used = true;
        return { bytes: this.#ensureBytes(), shared: true };
      }
      const stream = this.stream;
      this.used = true;
      return { bytes: await readAllBytes(stream), shared: false };
    }

    async consumeText() {
      this.#checkUnused();
      if (this.text !== null && (this.stream === null || this.knownBytes() !== null)) {
        this.used = true;
        return this.text;
      }
      const { bytes } = await this.consumeBytes();
      return blobApi().utf8Decode(bytes);
    }

    // A second body with the same content (Body.clone()); tees a stream.
    clone() {
      // workerd tees the used (locked) stream, so the error is ReadableStream's, verbatim.
      if (this.isUsed()) throw new TypeError("This ReadableStream is currently locked to a reader,");
      if (this.bufferBacked && this.knownBytes() !== null) {
        const c = new BodyInner();
        c.text = this.text;
        c.bytes = this.bytes;
        return c;
      }
      const [a, b] = tee(this.stream);
      this.stream = a;
      return BodyInner.fromStream(b);
    }

    // Move the content to a new body, leaving this one used (new Request(request)).
    take() {
      const c = new BodyInner();
      c.text = this.text;
      c.bytes = this.bytes;
      c.stream = this.stream;
      this.used = true;
      this.text = null;
      this.bytes = null;
      this.stream = null;
      return c;
    }
  }

  function isURLSearchParams(x) {
    const USP = internals.url?.URLSearchParams ?? globalThis.URLSearchParams;
    return typeof USP === "function" && x instanceof USP;
  }

  // Body extraction: {inner, contentType} for a BodyInit (null/undefined -> null).
  function extract(init) {
    if (init === null || init === undefined) return null;
    if (typeof init === "string") return { inner: BodyInner.fromText(init), contentType: TEXT_PLAIN };
    const blob = blobApi();
    if (typeof init === "object" || typeof init === "function") {
      if (blob.isBlob(init)) {
        return { inner: BodyInner.fromBytes(blob.bytesOf(init)), contentType: init.type === "" ? null : init.type };
      }
      const copy = blob.bufferSourceCopy(init);
      if (copy !== null) return { inner: BodyInner.fromBytes(copy), contentType: null };
      if (internals.formData.isFormData(init)) {
        const boundary = randomBoundary();
        return {
          inner: BodyInner.fromBytes(serializeFormData(init, boundary)),
          contentType: `multipart/form-data; boundary=${boundary}`,
        };
      }
      if (isURLSearchParams(init)) {
        return { inner: BodyInner.fromText(String(init)), contentType: FORM_URLENCODED };
      }
      if (isReadableStream(init)) {
        if (isDisturbed(init)) throw new TypeError(kDisturbed);
        return { inner: BodyInner.fromStream(init), contentType: null };
      }
    }
    return { inner: BodyInner.fromText(String(init)), contentType: TEXT_PLAIN };
  }

  // Body mixin on `proto`. `slots(x)` returns {inner, headers} for a branded
  // object (inner null for a null body) or undefined.
  function installMixin(proto, slots) {
    const get = (self) => {
      const s = slots(self);
      if (s === undefined) throw new TypeError("Illegal invocation");
      return s;
    };
    const nullBytes = new Uint8Array(0);
    async function consumeBytes(self) {
      const { inner } = get(self);
      if (inner === null) return { bytes: nullBytes, shared: false };
      return inner.consumeBytes();
    }
    async function consumeText(self) {
      const { inner } = get(self);
      if (inner === null) return "";
      return inner.consumeText();
    }
    const methods = {
      get body() {
        const { inner } = get(this);
        return inner === null ? null : inner.getStream();
      },
      get bodyUsed() {
        const { inner } = get(this);
        return inner !== null && inner.isUsed();
      },
      async arrayBuffer() {
        const { bytes, shared } = await consumeBytes(this);
        if (!shared && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
          return bytes.buffer;
        }
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      },
      async bytes() {
        const { bytes, shared } = await consumeBytes(this);
        return shared ? bytes.slice() : bytes;
      },
      async text() {
        return consumeText(this);
      },
      async json() {
        return JSON.parse(await consumeText(this));
      },
      async blob() {
        const { headers } = get(this);
        const { bytes, shared } = await consumeBytes(this);
        const type = blobTypeOf(internals.headers.getRaw(headers, "content-type"));
        return blobApi().fromBytes(bytes, type);
      },
      async formData() {
        const { inner, headers } = get(this);
        if (inner !== null && inner.isUsed()) throw new TypeError(kBodyUsed);
        const contentType = internals.headers.getRaw(headers, "content-type");
        if (contentType === null) {
          throw new TypeError("Parsing a Body as FormData requires a Content-Type header.");
        }
        const { bytes } = await consumeBytes(this);
        return parseFormData(bytes, contentType);
      },
    };
    for (const key of Object.getOwnPropertyNames(methods)) {
      const desc = Object.getOwnPropertyDescriptor(methods, key);
      desc.enumerable = true;
      Object.defineProperty(proto, key, desc);
    }
  }

  // Sets the extracted Content-Type unless the headers already have one.
  function applyContentType(headers, contentType) {
    if (contentType !== null && internals.headers.getRaw(headers, "content-type") === null) {
      internals.headers.setRaw(headers, "Content-Type", contentType);
    }
  }

  internals.body = {
    BodyInner,
    extract,
    installMixin,
    applyContentType,
    kBodyUsed,
    // stream helpers
    isReadableStream,
    isDisturbed,
    readAllBytes,
    readableFromBytes,
    readableFromChunks,
    createReadable,
    tee,
    // formats
    parseMime,
    parseFormData,
    serializeFormData,
    parseUrlEncoded,
    randomBoundary,
  };
})(globalThis.__isolet_internals);
