// node:stream -- Node's streams (Readable, Writable, Duplex, Transform,
// PassThrough, pipeline, finished, ...). The default export is the legacy
// `Stream` constructor carrying every member, as `require("stream")` is in Node.
import { Buffer } from "node:buffer";
import { Stream } from "isolet-internal:node/streams_legacy";
import { Readable } from "isolet-internal:node/streams_readable";
import { Writable } from "isolet-internal:node/streams_writable";
import { Duplex, PassThrough, Transform } from "isolet-internal:node/streams_duplex";
import {
  newReadableStreamFromStreamReadable,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
  newStreamReadableFromReadableStream,
  newStreamWritableFromWritableStream,
  newWritableStreamFromStreamWritable,
} from "isolet-internal:node/streams_adapters";
import {
  compose,
  duplexFrom,
  finishedPromise,
  pipeline,
  pipelinePromise,
} from "isolet-internal:node/streams_pipeline";
import {
  addAbortSignal,
  destroyer,
  eos,
  getDefaultHighWaterMark,
  isDestroyed,
  isDisturbed,
  isErrored,
  isReadable,
  isWritable,
  setDefaultHighWaterMark,
} from "isolet-internal:node/streams_util";

Readable.fromWeb = (readableStream, options) => newStreamReadableFromReadableStream(readableStream, options);
Readable.toWeb = (streamReadable, options) => newReadableStreamFromStreamReadable(streamReadable, options);
Writable.fromWeb = (writableStream, options) => newStreamWritableFromWritableStream(writableStream, options);
Writable.toWeb = (streamWritable) => newWritableStreamFromStreamWritable(streamWritable);
Duplex.fromWeb = (pair, options) => newStreamDuplexFromReadableWritablePair(pair, options);
Duplex.toWeb = (duplex) => newReadableWritablePairFromDuplex(duplex);
Duplex.from = (body) => duplexFrom(body);
Object.defineProperty(Readable.prototype, "compose", {
  value(stream, options) {
    const composed = compose(this, stream);
    if (options?.signal) addAbortSignal(options.signal, composed);
    return composed;
  },
  writable: true,
  configurable: true,
});

const finished = eos;
const destroy = destroyer;
Object.defineProperty(finished, Symbol.for("nodejs.util.promisify.custom"), {
  value: finishedPromise,
  configurable: true,
});
Object.defineProperty(pipeline, Symbol.for("nodejs.util.promisify.custom"), {
  value: pipelinePromise,
  configurable: true,
});
const promises = { pipeline: pipelinePromise, finished: finishedPromise };

export function duplexPair(options) {
  const side0 = new Duplex({ ...options, objectMode: options?.objectMode });
  const side1 = new Duplex({ ...options, objectMode: options?.objectMode });
  const link = (self, other) => {
    self._write = (chunk, encoding, callback) => {
      if (other.push(chunk)) callback();
      else other._pendingWrite = callback;
    };
    self._final = (callback) => {
      other.push(null);
      callback();
    };
    self._read = () => {
      const cb = self._pendingWrite;
      if (cb) {
        self._pendingWrite = null;
        cb();
      }
    };
  };
  link(side0, side1);
  link(side1, side0);
  return [side0, side1];
}

const _isArrayBufferView = ArrayBuffer.isView;
const _isUint8Array = (value) => value instanceof Uint8Array;
const _uint8ArrayToBuffer = (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

export {
  Stream,
  Readable,
  Writable,
  Duplex,
  Transform,
  PassThrough,
  pipeline,
  finished,
  destroy,
  compose,
  addAbortSignal,
  promises,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
  isDestroyed,
  isDisturbed,
  isErrored,
  isReadable,
  isWritable,
  _isArrayBufferView,
  _isUint8Array,
  _uint8ArrayToBuffer,
};

Object.assign(Stream, {
  Stream,
  Readable,
  Writable,
  Duplex,
  Transform,
  PassThrough,
  pipeline,
  finished,
  destroy,
  compose,
  addAbortSignal,
  promises,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
  isDestroyed,
  isDisturbed,
  isErrored,
  isReadable,
  isWritable,
  duplexPair,
  _isArrayBufferView,
  _isUint8Array,
  _uint8ArrayToBuffer,
});

export default Stream;
