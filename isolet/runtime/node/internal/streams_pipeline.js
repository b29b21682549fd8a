// node:stream pipeline, compose, Duplex.from and the promise API
// (import from "isolet-internal:node/streams_pipeline").
"use strict";

import {
  AbortError,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_RETURN_VALUE,
  ERR_MISSING_ARGS,
  ERR_STREAM_DESTROYED,
  ERR_STREAM_PREMATURE_CLOSE,
} from "isolet-internal:node/errors";
import { validateAbortSignal, validateFunction } from "isolet-internal:node/validators";
import { Readable, from } from "isolet-internal:node/streams_readable";
import { Duplex, PassThrough } from "isolet-internal:node/streams_duplex";
import {
  duplexOf,
  newStreamReadableFromReadableStream,
  newStreamWritableFromWritableStream,
} from "isolet-internal:node/streams_adapters";
import {
  aggregateTwoErrors,
  destroyer as destroyStream,
  eos,
  isDuplexNodeStream,
  isIterable,
  isNodeStream,
  isReadable,
  isReadableFinished,
  isReadableNodeStream,
  isReadableStream,
  isTransformStream,
  isWebStream,
  isWritable,
  isWritableNodeStream,
  isWritableStream,
  nextTick,
  nop,
  once,
} from "isolet-internal:node/streams_util";

function popCallback(streams) {
  validateFunction(streams[streams.length - 1], "streams[stream.length - 1]");
  return streams.pop();
}

function makeAsyncIterable(val) {
  if (isIterable(val)) return val;
  if (isReadableNodeStream(val)) return fromReadable(val);
  throw ERR_INVALID_ARG_TYPE("val", ["Readable", "Iterable", "AsyncIterable"], val);
}

async function* fromReadable(val) {
  yield* Readable.prototype[Symbol.asyncIterator].call(val);
}

export function pipeline(...streams) {
  return pipelineImpl(streams, once(popCallback(streams)));
}

// The stream-side cleanup for one member of a pipeline.
function streamDestroyer(stream, reading, writing) {
  let finished = false;
  stream.on("close", () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return {
    destroy(err) {
      if (finished) return;
      finished = true;
      destroyStream(stream, err || ERR_STREAM_DESTROYED("pipe"));
    },
    cleanup,
  };
}

async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;
  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const callback = onresolve;
      onresolve = null;
      callback();
    }
  };
  const wait = () =>
    new Promise((resolve, reject) => {
      if (error) {
        reject(error);
      } else {
        onresolve = () => {
          if (error) reject(error);
          else resolve();
        };
      }
    });
  writable.on("drain", resume);
  const cleanup = eos(writable, { readable: false }, resume);
  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err ? aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off("drain", resume);
  }
}

async function pumpToWeb(readable, writable, finish, { end }) {
  if (isTransformStream(writable)) writable = writable.writable;
  const writer = writable.getWriter();
  try {
    for await (const chunk of readable) {
      await writer.ready;
      writer.write(chunk).catch(nop);
    }
    await writer.ready;
    if (end) await writer.close();
    finish();
  } catch (err) {
    try {
      await writer.abort(err);
      finish(err);
    } catch (err2) {
      finish(err2);
    }
  }
}

export function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw ERR_MISSING_ARGS("streams");

  const ac = new AbortController();
  const signal = ac.signal;
  const outerSignal = opts?.signal;
  const lastStreamCleanup = [];
  validateAbortSignal(outerSignal, "options.signal");

  function abort() {
    finishImpl(new AbortError(undefined, { cause: outerSignal?.reason }));
  }
  outerSignal?.addEventListener("abort", abort, { once: true });

  let error;
  let value;
  const destroys = [];
  let finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }

  function finishImpl(err, final) {
    if (err && (!error || error.code === "ERR_STREAM_PREMATURE_CLOSE")) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    outerSignal?.removeEventListener("abort", abort);
    ac.abort();
    if (final) {
      if (!error) for (const fn of lastStreamCleanup) fn();
      nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || opts?.end !== false;
    const isLastStream = i === streams.length - 1;

    if (isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = streamDestroyer(stream, reading, writing);
        destroys.push(destroy);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }
      // Errors after a member finished must still fail the pipeline.
      function onError(err) {
        if (err && err.name !== "AbortError" && err.code !== "ERR_STREAM_PREMATURE_CLOSE") finish(err);
      }
      stream.on("error", onError);
      if (isReadable(stream) && isLastStream) lastStreamCleanup.push(() => stream.removeListener("error", onError));
    }

    if (i === 0) {
      if (typeof stream === "function") {
        ret = stream({ signal });
        if (!isIterable(ret)) throw ERR_INVALID_RETURN_VALUE("Iterable, AsyncIterable or Stream", "source", ret);
      } else if (isIterable(stream) || isReadableNodeStream(stream) || isTransformStream(stream)) {
        ret = stream;
      } else {
        ret = Duplex.from(stream);
      }
    } else if (typeof stream === "function") {
      ret = isTransformStream(ret) ? makeAsyncIterable(ret?.readable) : makeAsyncIterable(ret);
      ret = stream(ret, { signal });
      if (reading) {
        if (!isIterable(ret, true)) throw ERR_INVALID_RETURN_VALUE("AsyncIterable", `transform[${i - 1}]`, ret);
      } else {
        const pt = new PassThrough({ objectMode: true });
        const then = ret?.then;
        if (typeof then === "function") {
          finishCount++;
          then.call(
            ret,
            (val) => {
              value = val;
              if (val != null) pt.write(val);
              if (end) pt.end();
              nextTick(finish);
            },
            (err) => {
              pt.destroy(err);
              nextTick(finish, err);
            },
          );
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else if (isReadableStream(ret) || isTransformStream(ret)) {
          finishCount++;
          pumpToNode(ret.readable || ret, pt, finish, { end });
        } else {
          throw ERR_INVALID_RETURN_VALUE("AsyncIterable or Promise", "destination", ret);
        }
        ret = pt;
        const { destroy, cleanup } = streamDestroyer(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, { end });
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isTransformStream(ret) || isReadableStream(ret)) {
        finishCount++;
        pumpToNode(ret.readable || ret, stream, finish, { end });
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw ERR_INVALID_ARG_TYPE(
          "val",
          ["Readable", "Iterable", "AsyncIterable", "ReadableStream", "TransformStream"],
          ret,
        );
      }
      ret = stream;
    } else if (isWebStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount++;
        pumpToWeb(makeAsyncIterable(ret), stream, finish, { end });
      } else if (isReadableStream(ret) || isIterable(ret)) {
        finishCount++;
        pumpToWeb(ret, stream, finish, { end });
      } else if (isTransformStream(ret)) {
        finishCount++;
        pumpToWeb(ret.readable, stream, finish, { end });
      } else {
        throw ERR_INVALID_ARG_TYPE(
          "val",
          ["Readable", "Iterable", "AsyncIterable", "ReadableStream", "TransformStream"],
          ret,
        );
      }
      ret = stream;
    } else {
      ret = Duplex.from(stream);
    }
  }

  if (signal?.aborted || outerSignal?.aborted) nextTick(abort);
  return ret;
}

function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on("close", () => {
    if (!ended) finish(ERR_STREAM_PREMATURE_CLOSE());
  });
  src.pipe(dst, { end: false });
  if (end) {
    function endFn() {
      ended = true;
      dst.end();
    }
    if (isReadableFinished(src)) nextTick(endFn);
    else src.once("end", endFn);
    eos(src, { readable: true, writable: false }, (err) => {
      const rState = src._readableState;
      if (err && err.code === "ERR_STREAM_PREMATURE_CLOSE" && rState?.ended && !rState.errored && !rState.errorEmitted) {
        // The source ended but closed before 'end' was seen: wait for it.
        src.once("end", finish).once("error", finish);
      } else {
        finish(err);
      }
    });
  } else {
    finish();
  }
  return eos(dst, { readable: false, writable: true }, finish);
}

// ---- Duplex.from ---------------------------------------------------------------

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Run an async generator function as a Duplex: writes feed its argument.
function fromAsyncGen(fn) {
  let { promise, resolve } = deferred();
  const ac = new AbortController();
  const signal = ac.signal;
  const value = fn(
    (async function* () {
      while (true) {
        const current = promise;
        promise = null;
        const { chunk, done, cb } = await current;
        nextTick(cb);
        if (done) return;
        if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
        ({ promise, resolve } = deferred());
        yield chunk;
      }
    })(),
    { signal },
  );
  return {
    value,
    write(chunk, encoding, cb) {
      const r = resolve;
      resolve = null;
      r({ chunk, done: false, cb });
    },
    final(cb) {
      const r = resolve;
      resolve = null;
      r({ done: true, cb });
    },
    destroy(err, cb) {
      ac.abort();
      cb(err);
    },
  };
}

export function duplexFrom(body, name = "body") {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return duplexOf(body, null);
  if (isWritableNodeStream(body)) return duplexOf(null, body);
  if (isNodeStream(body)) return duplexOf(null, null);
  if (isReadableStream(body)) return duplexOf(newStreamReadableFromReadableStream(body), null);
  if (isWritableStream(body)) return duplexOf(null, newStreamWritableFromWritableStream(body));
  if (typeof body === "function") {
    const { value, write, final, destroy } = fromAsyncGen(body);
    if (isIterable(value)) return from(Duplex, value, { objectMode: true, write, final, destroy });
    const then = value?.then;
    if (typeof then === "function") {
      let d;
      const promise = then.call(
        value,
        (val) => {
          if (val != null) throw ERR_INVALID_RETURN_VALUE("nully", "body", val);
        },
        (err) => destroyStream(d, err),
      );
      d = new Duplex({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await promise;
              nextTick(cb, null);
            } catch (err) {
              nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }
    throw ERR_INVALID_RETURN_VALUE("Iterable, AsyncIterable or AsyncFunction", name, value);
  }
  if (typeof Blob !== "undefined" && body instanceof Blob) return duplexFrom(body.stream(), name);
  if (isIterable(body)) return from(Duplex, body, { objectMode: true, writable: false });
  if (isReadableStream(body?.readable) && isWritableStream(body?.writable)) {
    return duplexOf(newStreamReadableFromReadableStream(body.readable), newStreamWritableFromWritableStream(body.writable));
  }
  if (typeof body?.writable === "object" || typeof body?.readable === "object") {
    const readable = body?.readable ? (isReadableNodeStream(body.readable) ? body.readable : duplexFrom(body.readable)) : null;
    const writable = body?.writable ? (isWritableNodeStream(body.writable) ? body.writable : duplexFrom(body.writable)) : null;
    return duplexOf(readable, writable);
  }
  const then = body?.then;
  if (typeof then === "function") {
    let d;
    then.call(
      body,
      (val) => {
        if (val != null) d.push(val);
        d.push(null);
      },
      (err) => destroyStream(d, err),
    );
    d = new Duplex({ objectMode: true, writable: false, read() {} });
    return d;
  }
  throw ERR_INVALID_ARG_TYPE(
    name,
    ["Blob", "ReadableStream", "WritableStream", "Stream", "Iterable", "AsyncIterable", "Function", "{ readable, writable } pair", "Promise"],
    body,
  );
}

// ---- compose (best effort) ---------------------------------------------------------

export function compose(...streams) {
  if (streams.length === 0) throw ERR_MISSING_ARGS("streams");
  if (streams.length === 1) return duplexFrom(streams[0], "streams[0]");
  streams = streams.map((s, idx) => (isNodeStream(s) ? s : duplexFrom(s, `streams[${idx}]`)));
  for (let n = 0; n < streams.length; ++n) {
    if (n < streams.length - 1 && !isReadableNodeStream(streams[n])) {
      throw ERR_INVALID_ARG_VALUE(`streams[${n}]`, streams[n], "must be readable");
    }
    if (n > 0 && !isWritableNodeStream(streams[n])) {
      throw ERR_INVALID_ARG_VALUE(`streams[${n}]`, streams[n], "must be writable");
    }
  }
  const head = streams[0];
  const tail = streams[streams.length - 1];
  let d;
  pipeline(streams, (err) => {
    if (err) d.destroy(err);
  });
  d = duplexOf(isReadable(tail) ? tail : null, isWritable(head) ? head : null, { objectMode: true });
  return d;
}

// ---- promises ------------------------------------------------------------------------

export function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    let end;
    const lastArg = streams[streams.length - 1];
    if (lastArg && typeof lastArg === "object" && !isNodeStream(lastArg) && !isIterable(lastArg) && !isWebStream(lastArg)) {
      const options = streams.pop();
      signal = options.signal;
      end = options.end;
    }
    pipelineImpl(
      streams,
      (err, value) => {
        if (err) reject(err);
        else resolve(value);
      },
      { signal, end },
    );
  });
}

export function finishedPromise(stream, opts) {
  let autoCleanup = false;
  if (opts?.cleanup) autoCleanup = true;
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}
