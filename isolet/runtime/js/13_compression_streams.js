// CompressionStream and DecompressionStream ("gzip", "deflate", "deflate-raw").
//
// Both are TransformStreams (workerd: JSG_INHERIT(TransformStream)) whose
// zlib stream lives in Python (ops/compression.py) under an int rid. One
// crossing per written chunk (op_compression_write returns what zlib
// produced for it), one at close (op_compression_finish); the rid is freed
// there, on an error, and on cancel/abort (op_compression_close).
//
// Chunks are BufferSources; empty chunks and strings write nothing (workerd,
// recorded: a string chunk leaves the output an empty gzip member). Error texts are
// workerd's. Decompression is strict (trailing data and a truncated stream
// are TypeErrors) under the strict_compression_checks compat flag.
"use strict";
((internals) => {
  const { TypeError, Uint8Array, ArrayBuffer, Object, Symbol } = globalThis;
  const { toDOMString, isArrayBuffer } = internals.webidl;
  const { TransformStream } = internals.streams;

  const FORMATS = ["gzip", "deflate", "deflate-raw"];
  const FORMAT_ERROR = "The compression format must be either 'deflate', 'deflate-raw' or 'gzip'.";
  const CHUNK_ERROR = "This TransformStream is being used as a byte stream, but received an object of "
    + "non-ArrayBuffer/ArrayBufferView type on its writable side.";

  // A written chunk as a Uint8Array (a view, not a copy: the op copies it).
  const EMPTY = new Uint8Array(0);
  function chunkBytes(chunk) {
    if (chunk instanceof Uint8Array) return chunk;
    if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (isArrayBuffer(chunk)) return new Uint8Array(chunk);
    if (typeof chunk === "string") return EMPTY; // workerd writes nothing for a string chunk
    throw new TypeError(CHUNK_ERROR);
  }

  function transformer(format, decompress) {
    const ops = internals.ops;
    const strict = decompress && internals.compat("strict_compression_checks");
    let rid = 0; // created lazily on the first chunk or at close
    const open = () => {
      if (rid === 0) rid = ops.op_compression_create(format, decompress, strict);
      return rid;
    };
    const release = () => {
      if (rid !== 0) {
        const r = rid;
        rid = -1;
        if (r > 0) ops.op_compression_close(r);
      }
    };
    return {
      transform(chunk, controller) {
        let bytes;
        try {
          bytes = chunkBytes(chunk);
        } catch (e) {
          release(); // the stream errors: free the zlib state now
          throw e;
        }
        if (bytes.byteLength === 0) return;
        let out;
        try {
          out = ops.op_compression_write(open(), bytes);
        } catch (e) {
          rid = -1; // the op freed it
          throw e;
        }
        if (out.byteLength > 0) controller.enqueue(out);
      },
      flush(controller) {
        const r = open();
        rid = -1;
        const out = ops.op_compression_finish(r);
        if (out.byteLength > 0) controller.enqueue(out);
      },
      cancel() { release(); },
    };
  }

  function checkFormat(format, ctor) {
    if (format === undefined) {
      throw new TypeError(`Failed to construct '${ctor}': constructor parameter 1 is not of type 'string'.`);
    }
    const f = toDOMString(format);
    if (!FORMATS.includes(f)) throw new TypeError(FORMAT_ERROR);
    return f;
  }

  class CompressionStream extends TransformStream {
    constructor(format) {
      super(transformer(checkFormat(format, "CompressionStream"), false));
    }
  }
  class DecompressionStream extends TransformStream {
    constructor(format) {
      super(transformer(checkFormat(format, "DecompressionStream"), true));
    }
  }
  for (const C of [CompressionStream, DecompressionStream]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  }

  internals.exposeGlobal("CompressionStream", CompressionStream);
  internals.exposeGlobal("DecompressionStream", DecompressionStream);
})(globalThis.__isolet_internals);
