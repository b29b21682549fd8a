// TextEncoderStream and TextDecoderStream (WHATWG Encoding, as workerd has them).
//
// Pure JS over 08_encoding.js: TextEncoderStream keeps a high surrogate that
// ends a chunk for the next one (a lone one at the end becomes U+FFFD);
// TextDecoderStream runs one TextDecoder in stream mode, so a multi-byte
// sequence split across chunks decodes whole. Neither makes a crossing of
// its own (large chunks go through the encoding ops, as TextEncoder's do).
//
// workerd quirks kept: TextDecoderStream's `fatal` defaults to true when an
// options object is given (false without one, or under pedantic_wpt); the
// readable side's high-water mark is 1 unless
// encoder_stream_spec_compliant_backpressure is on (then the spec's 0).
"use strict";
((internals) => {
  // TextDecoder is captured here, before user code can replace the global.
  const { TypeError, String, Object, Symbol, ArrayBuffer, Uint8Array, TextDecoder } = globalThis;
  const { isArrayBuffer } = internals.webidl;
  const { TransformStream } = internals.streams;

  const REPLACEMENT = [0xef, 0xbf, 0xbd];
  const NOT_BUFFER = "This TransformStream is being used as a byte stream, but received a value that is not a "
    + "BufferSource.";

  function readableStrategy() {
    return internals.compat("encoder_stream_spec_compliant_backpressure") ? undefined : { highWaterMark: 1 };
  }

  class TextEncoderStream extends TransformStream {
    constructor() {
      let pending = ""; // a high surrogate that ended the previous chunk
      super({
        transform(chunk, controller) {
          let s = pending + String(chunk);
          pending = "";
          if (s.length === 0) return;
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pending = s[s.length - 1];
            s = s.slice(0, -1);
            if (s.length === 0) return;
          }
          controller.enqueue(internals.encoding.utf8Encode(s));
        },
        flush(controller) {
          if (pending !== "") controller.enqueue(new Uint8Array(REPLACEMENT));
        },
      }, undefined, readableStrategy());
    }
    get encoding() { return "utf-8"; }
  }

  class TextDecoderStream extends TransformStream {
    #decoder;
    constructor(label = "utf-8", options = undefined) {
      let opts;
      if (options !== undefined) {
        if (options !== null && typeof options !== "object" && typeof options !== "function") {
          throw new TypeError("Failed to construct 'TextDecoderStream': The provided value is not of type 'object'.");
        }
        const fatal = options?.fatal;
        const ignoreBOM = options?.ignoreBOM;
        opts = {
          fatal: fatal === undefined ? !internals.compat("pedantic_wpt") : !!fatal,
          ignoreBOM: ignoreBOM === undefined ? false : !!ignoreBOM,
        };
      }
      const decoder = new TextDecoder(label, opts);
      super({
        transform(chunk, controller) {
          if (!ArrayBuffer.isView(chunk) && !isArrayBuffer(chunk)) throw new TypeError(NOT_BUFFER);
          const s = decoder.decode(chunk, { stream: true });
          if (s.length > 0) controller.enqueue(s);
        },
        flush(controller) {
          const s = decoder.decode();
          if (s.length > 0) controller.enqueue(s);
        },
      }, undefined, readableStrategy());
      this.#decoder = decoder;
    }
    get encoding() { return this.#decoder.encoding; }
    get fatal() { return this.#decoder.fatal; }
    get ignoreBOM() { return this.#decoder.ignoreBOM; }
  }

  for (const C of [TextEncoderStream, TextDecoderStream]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  }
  internals.exposeGlobal("TextEncoderStream", TextEncoderStream);
  internals.exposeGlobal("TextDecoderStream", TextDecoderStream);
})(globalThis.__isolet_internals);
