// Node streams <-> web streams (Readable.fromWeb/toWeb, Writable.fromWeb/toWeb,
// Duplex.fromWeb/toWeb); import from "isolet-internal:node/streams_adapters".
"use strict";

import { Buffer } from "node:buffer";
import { AbortError, ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE } from "isolet-internal:node/errors";
import { validateObject } from "isolet-internal:node/validators";
import { Readable } from "isolet-internal:node/streams_readable";
import { Writable } from "isolet-internal:node/streams_writable";
import { Duplex } from "isolet-internal:node/streams_duplex";
import {
  destroyer,
  eos,
  isDestroyed,
  isReadableNodeStream,
  isReadableStream,
  isWritableEnded,
  isWritableNodeStream,
  isWritableStream,
  kWebClosed,
  nextTick,
} from "isolet-internal:node/streams_util";

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function toAbortError(error) {
  return error?.code === "ERR_STREAM_PREMATURE_CLOSE" ? new AbortError(undefined, { cause: error }) : error;
}

function strategyFor(stream, objectMode, highWaterMark, strategy) {
  if (strategy) return strategy;
  if (objectMode) return new CountQueuingStrategy({ highWaterMark });
  return { highWaterMark, size: (chunk) => chunk.byteLength };
}

export function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (!isReadableNodeStream(streamReadable)) {
    throw ERR_INVALID_ARG_TYPE("streamReadable", "stream.Readable", streamReadable);
  }
  validateObject(options, "options");
  const ended = deferred();
  ended.promise.catch(() => {});
  if (isDestroyed(streamReadable) || !streamReadable.readable) {
    const readable = new ReadableStream();
    readable.cancel();
    ended.resolve();
    readable[kWebClosed] = ended.promise;
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const strategy = strategyFor(streamReadable, objectMode, streamReadable.readableHighWaterMark, options.strategy);
  let controller;
  function onData(chunk) {
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  const cleanup = eos(streamReadable, (error) => {
    error = toAbortError(error);
    cleanup();
    streamReadable.on("error", () => {}); // already reported to the web side
    if (error) {
      ended.reject(error);
      return controller.error(error);
    }
    ended.resolve();
    controller.close();
  });
  streamReadable.on("data", onData);
  const readable = new ReadableStream(
    {
      start(c) {
        controller = c;
      },
      pull() {
        streamReadable.resume();
      },
      cancel(reason) {
        destroyer(streamReadable, reason);
      },
    },
    strategy,
  );
  readable[kWebClosed] = ended.promise;
  return readable;
}

export function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw ERR_INVALID_ARG_TYPE("readableStream", "ReadableStream", readableStream);
  }
  validateObject(options, "options");
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw ERR_INVALID_ARG_TYPE("options.encoding", "string", encoding);
  }
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then(
        (chunk) => {
          if (chunk.done) readable.push(null);
          else readable.push(chunk.value);
        },
        (error) => destroyer(readable, error),
      );
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          nextTick(() => {
            throw err;
          });
        }
      }
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });
  reader.closed.then(
    () => {
      closed = true;
    },
    (error) => {
      closed = true;
      destroyer(readable, error);
    },
  );
  return readable;
}

export function newWritableStreamFromStreamWritable(streamWritable) {
  if (typeof streamWritable?._writableState !== "object" || !isWritableNodeStream(streamWritable)) {
    throw ERR_INVALID_ARG_TYPE("streamWritable", "stream.Writable", streamWritable);
  }
  const ended = deferred();
  ended.promise.catch(() => {});
  if (isDestroyed(streamWritable) || !streamWritable.writable) {
    const writable = new WritableStream();
    writable.close();
    ended.resolve();
    writable[kWebClosed] = ended.promise;
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode
    ? new CountQueuingStrategy({ highWaterMark })
    : { highWaterMark, size: (chunk) => chunk.byteLength };
  let controller;
  let backpressure;
  let closed;
  function onDrain() {
    if (backpressure !== undefined) backpressure.resolve();
  }
  const cleanup = eos(streamWritable, (error) => {
    error = toAbortError(error);
    cleanup();
    streamWritable.on("error", () => {});
    if (error != null) {
      ended.reject(error);
      if (backpressure !== undefined) backpressure.reject(error);
      if (controller !== undefined) controller.error(error);
      else if (closed !== undefined) closed.reject(error);
      return;
    }
    ended.resolve();
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller?.error(new AbortError());
    controller = undefined;
  });
  streamWritable.on("drain", onDrain);
  const writable = new WritableStream(
    {
      start(c) {
        controller = c;
      },
      write(chunk) {
        if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
          backpressure = deferred();
          return backpressure.promise.finally(() => {
            backpressure = undefined;
          });
        }
      },
      abort(reason) {
        destroyer(streamWritable, reason);
      },
      close() {
        if (closed === undefined && !isWritableEnded(streamWritable)) {
          closed = deferred();
          streamWritable.end();
          return closed.promise;
        }
        controller = undefined;
        return Promise.resolve();
      },
    },
    strategy,
  );
  writable[kWebClosed] = ended.promise;
  return writable;
}

export function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw ERR_INVALID_ARG_TYPE("writableStream", "WritableStream", writableStream);
  }
  validateObject(options, "options");
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroyer(writable, err);
        }
      }
      writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk)))).then(() => done(), done);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === "string" && decodeStrings && !objectMode) chunk = Buffer.from(chunk, encoding);
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroyer(writable, err);
        }
      }
      writer.ready.then(() => writer.write(chunk)).then(() => done(), done);
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          nextTick(() => {
            throw err;
          });
        }
      }
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          nextTick(() => destroyer(writable, err));
        }
      }
      if (!closed) writer.close().then(() => done(), done);
    },
  });
  writer.closed.then(
    () => {
      closed = true;
      if (!isWritableEnded(writable)) destroyer(writable, ERR_STREAM_PREMATURE_CLOSE());
    },
    (error) => {
      closed = true;
      destroyer(writable, error);
    },
  );
  return writable;
}

export function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, "pair");
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw ERR_INVALID_ARG_TYPE("pair.readable", "ReadableStream", readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw ERR_INVALID_ARG_TYPE("pair.writable", "WritableStream", writableStream);
  }
  const readable = newStreamReadableFromReadableStream(readableStream, options);
  const writable = newStreamWritableFromWritableStream(writableStream, options);
  return duplexOf(readable, writable, options);
}

export function newReadableWritablePairFromDuplex(duplex) {
  if (!isReadableNodeStream(duplex) || !isWritableNodeStream(duplex)) {
    throw ERR_INVALID_ARG_TYPE("duplex", "stream.Duplex", duplex);
  }
  return {
    readable: newReadableStreamFromStreamReadable(duplex),
    writable: newWritableStreamFromStreamWritable(duplex),
  };
}

// A Duplex whose writable side writes into `writable` and whose readable side
// reads `readable` (either may be null). Used by Duplex.from and compose.
export function duplexOf(readable, writable, options = {}) {
  let onfinish = null;
  let ondrain = null;
  let onreadable = null;
  const d = new Duplex({
    objectMode: !!(readable?.readableObjectMode || writable?.writableObjectMode),
    ...(options.objectMode !== undefined ? { objectMode: options.objectMode } : {}),
    highWaterMark: options.highWaterMark,
    encoding: options.encoding,
    writable: !!writable,
    readable: !!readable,
  });
  if (writable) {
    eos(writable, (err) => {
      if (err) destroyer(readable, err);
      const cb = onfinish;
      onfinish = null;
      if (cb) cb(err);
      else if (err) d.destroy(err);
    });
    d._write = function (chunk, encoding, callback) {
      if (writable.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function (callback) {
      writable.end();
      onfinish = callback;
    };
    writable.on("drain", () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });
    writable.on("finish", () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }
  if (readable) {
    eos(readable, (err) => {
      if (err) destroyer(writable, err);
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
      if (err) d.destroy(err);
      else if (!d.readableEnded) d.push(null);
    });
    readable.on("readable", () => {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });
    readable.on("end", () => d.push(null));
    d._read = function () {
      while (true) {
        const buf = readable.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }
  d._destroy = function (err, callback) {
    onreadable = null;
    ondrain = null;
    onfinish = null;
    destroyer(writable, err);
    destroyer(readable, err);
    callback(err);
  };
  return d;
}
