// Workers KV: the KvNamespace class behind `env.<NAME>` for a kv_namespaces entry.
//
// Exports `internals.kv = { namespace(bindingName) -> KvNamespace, KvNamespace }`.
//
// JS owns the argument conversions (workerd's JSG rules: keys are coerced to
// strings, integer options go through ToNumber and truncate) and the shaping
// of results (text/json/arrayBuffer/stream, Map for bulk gets, list pages).
// Python (runtime/ops/kv.py -> bindings/kv.py) owns validation against the
// service limits and the storage. One method call is one async op, except
// put() of a ReadableStream (open, one write per ~256 KiB, commit) and
// get(..., "stream") of a large value (one read per chunk).
"use strict";
((internals) => {
  const {
    TypeError, Error, Map, Uint8Array, ArrayBuffer, JSON, Number, Math, Array, String, Object, Symbol,
  } = globalThis;
  const ArrayIsArray = Array.isArray;
  const JSONParse = JSON.parse;
  const JSONStringify = JSON.stringify;
  const NumberIsFinite = Number.isFinite;
  const MathTrunc = Math.trunc;

  const MAX_KEY_BYTES = 512; // workerd api/kv.c++ kMaxKeyLength
  const WRITE_BATCH_BYTES = 256 * 1024; // a streamed put sends chunks to Python in batches this big
  // pydeno refuses op arguments beyond ~10 MiB: bigger values are sent in pieces this big.
  const PUT_PIECE_BYTES = 4 * 1024 * 1024;
  const TYPES = ["text", "json", "arrayBuffer", "stream"];
  const UNKNOWN_TYPE = 'Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".';
  const BAD_VALUE = "KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values.";

  // JSG's kj::String conversion: anything but a Symbol becomes a string;
  // lone surrogates become U+FFFD on the way to UTF-8.
  function toStr(v) {
    return internals.webidl.toUSVString(v);
  }

  // JSG's `int` conversion: ToNumber, non-finite -> 0, range-checked, truncated.
  function toInt(v) {
    const n = Number(v);
    if (!NumberIsFinite(n)) return 0;
    if (n > 2147483647 || n < -2147483648) {
      throw new TypeError("Value out of range. Must be between -2147483648 and 2147483647 (inclusive).");
    }
    return MathTrunc(n) || 0;
  }
  const optInt = (v) => (v === undefined ? null : toInt(v));
  const optStr = (v) => (v === undefined || v === null ? null : toStr(v));

  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }

  // workerd's validateKeyName, run before any request is made.
  function validateKey(method, key) {
    if (key === "") throw new TypeError("Key name cannot be empty.");
    if (key === ".") throw new TypeError('"." is not allowed as a key name.');
    if (key === "..") throw new TypeError('".." is not allowed as a key name.');
    if (key.length * 3 > MAX_KEY_BYTES) {
      const size = utf8Length(key);
      if (size > MAX_KEY_BYTES) {
        throw new Error(`KV ${method} failed: 414 UTF-8 encoded length of ${size} exceeds key length limit of ${MAX_KEY_BYTES}.`);
      }
    }
  }

  // get()'s second argument: a type string or { type, cacheTtl }.
  function getOptions(options) {
    if (options === undefined || options === null) return { type: null, cacheTtl: null };
    if (typeof options === "object" || typeof options === "function") {
      const type = options.type;
      const cacheTtl = options.cacheTtl;
      return { type: type === undefined ? null : toStr(type), cacheTtl: optInt(cacheTtl) };
    }
    return { type: toStr(options), cacheTtl: null };
  }

  const utf8Decode = (bytes) => internals.encoding.utf8Decode(bytes, false, true);

  function exactArrayBuffer(u8) {
    if (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength) return u8.buffer;
    return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
  }

  function parseMetadata(text) {
    return text === null || text === undefined ? null : JSONParse(text);
  }

  function readableFromRid(binding, rid) {
    const ops = internals.ops;
    return internals.streams.createReadable({
      type: "bytes",
      async pull(controller) {
        const chunk = await ops.op_kv_read(binding, rid);
        if (chunk === null || chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
      cancel() {
        ops.op_kv_read_close(binding, rid);
      },
    });
  }

  // The value of a found key in the requested type (workerd checks the type
  // only once the value is there, so a missing key with a bad type is null).
  function decodeValue(binding, type, bytes, rid) {
    switch (type ?? "text") {
      case "text":
        return utf8Decode(bytes);
      case "json":
        return JSONParse(utf8Decode(bytes));
      case "arrayBuffer":
        return exactArrayBuffer(bytes);
      case "stream":
        if (rid !== null && rid !== undefined) return readableFromRid(binding, rid);
        return internals.streams.readableFromChunks([bytes], { transfer: true });
      default:
        if (rid !== null && rid !== undefined) internals.ops.op_kv_read_close(binding, rid);
        throw new TypeError(UNKNOWN_TYPE);
    }
  }

  // Every chunk of a value Python hands out by reader rid, as one Uint8Array.
  async function readAll(binding, rid) {
    const ops = internals.ops;
    const chunks = [];
    let total = 0;
    for (;;) {
      const chunk = await ops.op_kv_read(binding, rid);
      if (chunk === null || chunk === undefined) break;
      chunks[chunks.length] = chunk;
      total += chunk.byteLength;
    }
    return chunks.length === 0 ? new Uint8Array(0) : concat(chunks, total);
  }

  async function getOne(binding, key, options, withMetadata) {
    key = toStr(key);
    const { type, cacheTtl } = getOptions(options);
    validateKey("GET", key);
    const r = await internals.ops.op_kv_get(binding, key, cacheTtl, type === "stream");
    if (r === null || r === undefined) {
      return withMetadata ? { value: null, metadata: null, cacheStatus: null } : null;
    }
    let [bytes, rid, metadata] = r;
    if (type !== "stream" && rid !== null && rid !== undefined && TYPES.includes(type ?? "text")) {
      bytes = await readAll(binding, rid);
      rid = null;
    }
    const value = decodeValue(binding, type, bytes, rid);
    if (!withMetadata) return value;
    return { value, metadata: parseMetadata(metadata), cacheStatus: null };
  }

  async function getBulk(binding, keys, options, withMetadata) {
    const names = [];
    for (let i = 0; i < keys.length; i++) names[i] = toStr(keys[i]);
    const { type, cacheTtl } = getOptions(options);
    const rows = await internals.ops.op_kv_get_bulk(binding, names, type, cacheTtl);
    const map = new Map();
    for (let i = 0; i < names.length; i++) {
      let [bytes, metadata] = rows[i];
      if (typeof bytes === "number") bytes = await readAll(binding, bytes);
      let value = null;
      if (bytes !== null && bytes !== undefined) {
        const text = utf8Decode(bytes);
        if (type === "json") {
          try {
            value = JSONParse(text);
          } catch {
            throw new Error("KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value");
          }
        } else {
          value = text;
        }
        if (withMetadata) value = { value, metadata: parseMetadata(metadata) };
      }
      map.set(names[i], value);
    }
    return map;
  }

  function concat(chunks, total) {
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) { out.set(c, offset); offset += c.byteLength; }
    return out;
  }

  // Streams `stream` into storage: the op writes each batch to an open blob
  // file; nothing is visible until the commit resolves.
  async function putStream(binding, key, stream, expiration, expirationTtl, metadata) {
    const ops = internals.ops;
    const reader = stream.getReader();
    const rid = ops.op_kv_put_open(binding, key, expiration, expirationTtl, metadata,
      internals.streams.knownLength(stream) ?? null);
    let pending = [];
    let pendingBytes = 0;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        let bytes;
        if (value instanceof Uint8Array) bytes = value;
        else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
        else throw new TypeError("This ReadableStream did not return bytes.");
        if (bytes.byteLength === 0) continue;
        pending[pending.length] = bytes;
        pendingBytes += bytes.byteLength;
        if (pendingBytes >= WRITE_BATCH_BYTES) {
          const batch = concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
          await ops.op_kv_put_write(binding, rid, batch);
        }
      }
      if (pendingBytes > 0) await ops.op_kv_put_write(binding, rid, concat(pending, pendingBytes));
      pending = [];
    } catch (e) {
      ops.op_kv_put_abort(binding, rid);
      try { reader.releaseLock(); } catch { /* already released */ }
      try { stream.cancel(e).catch(() => {}); } catch { /* locked or closed */ }
      throw e;
    }
    await ops.op_kv_put_commit(binding, rid);
  }

  // A value too big for one crossing, sent in pieces into an open blob file.
  async function putPieces(binding, key, bytes, expiration, expirationTtl, metadata) {
    const ops = internals.ops;
    const rid = ops.op_kv_put_open(binding, key, expiration, expirationTtl, metadata, bytes.byteLength);
    try {
      for (let offset = 0; offset < bytes.byteLength; offset += PUT_PIECE_BYTES) {
        await ops.op_kv_put_write(binding, rid, bytes.subarray(offset, offset + PUT_PIECE_BYTES));
      }
    } catch (e) {
      ops.op_kv_put_abort(binding, rid);
      throw e;
    }
    await ops.op_kv_put_commit(binding, rid);
  }

  class KvNamespace {
    #binding;
    constructor(token, binding) {
      if (token !== kConstruct) throw new TypeError("Illegal constructor");
      this.#binding = binding;
    }

    get(key, options) {
      const binding = this.#binding;
      if (ArrayIsArray(key)) return getBulk(binding, key, options, false);
      return getOne(binding, key, options, false);
    }

    getWithMetadata(key, options) {
      const binding = this.#binding;
      if (ArrayIsArray(key)) return getBulk(binding, key, options, true);
      return getOne(binding, key, options, true);
    }

    async put(key, value, options) {
      const binding = this.#binding;
      key = toStr(key);
      let expiration = null;
      let expirationTtl = null;
      let metadata = null;
      if (options !== undefined && options !== null) {
        if (typeof options !== "object" && typeof options !== "function") {
          throw new TypeError("Failed to execute 'put' on 'KvNamespace': parameter 3 is not of type 'KvPutOptions'.");
        }
        expiration = optInt(options.expiration);
        expirationTtl = optInt(options.expirationTtl);
        const meta = options.metadata;
        if (meta !== undefined && meta !== null) {
          const json = JSONStringify(meta);
          metadata = json === undefined ? null : json;
        }
      }
      validateKey("PUT", key);
      let bytes;
      if (typeof value === "string") {
        bytes = internals.encoding.utf8Encode(value);
      } else if (value !== null && (typeof value === "object" || typeof value === "function")) {
        if (value instanceof Uint8Array) bytes = value;
        else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        else if (internals.webidl.isArrayBuffer(value)) bytes = new Uint8Array(value);
        else if (internals.streams.isReadableStream(value)) {
          return putStream(binding, key, value, expiration, expirationTtl, metadata);
        } else {
          throw new TypeError(BAD_VALUE);
        }
      } else {
        bytes = internals.encoding.utf8Encode(toStr(value));
      }
      if (bytes.byteLength > PUT_PIECE_BYTES) {
        return putPieces(binding, key, bytes, expiration, expirationTtl, metadata);
      }
      await internals.ops.op_kv_put(binding, key, bytes, expiration, expirationTtl, metadata);
    }

    async delete(key) {
      key = toStr(key);
      validateKey("DELETE", key);
      await internals.ops.op_kv_delete(this.#binding, key);
    }

    async list(options) {
      let limit = null;
      let prefix = null;
      let cursor = null;
      if (options !== undefined && options !== null) {
        if (typeof options !== "object" && typeof options !== "function") {
          throw new TypeError("Failed to execute 'list' on 'KvNamespace': parameter 1 is not of type 'KvListOptions'.");
        }
        limit = optInt(options.limit);
        prefix = optStr(options.prefix);
        cursor = optStr(options.cursor);
      }
      const [rows, next] = await internals.ops.op_kv_list(this.#binding, prefix, limit, cursor);
      const keys = [];
      for (let i = 0; i < rows.length; i++) {
        const [name, expiration, metadata] = rows[i];
        const key = { name };
        if (expiration !== null && expiration !== undefined) key.expiration = expiration;
        if (metadata !== null && metadata !== undefined) key.metadata = JSONParse(metadata);
        keys[i] = key;
      }
      if (next === null || next === undefined) return { keys, list_complete: true, cacheStatus: null };
      return { keys, list_complete: false, cursor: next, cacheStatus: null };
    }
  }
  Object.defineProperty(KvNamespace.prototype, Symbol.toStringTag, { value: "KvNamespace", configurable: true });
  const kConstruct = Symbol("KvNamespace");

  internals.kv = {
    __proto__: null,
    KvNamespace,
    namespace: (binding) => new KvNamespace(kConstruct, binding),
  };
})(globalThis.__isolet_internals);
