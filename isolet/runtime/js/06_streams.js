// WHATWG Streams (https://streams.spec.whatwg.org/) plus the Workers-only
// IdentityTransformStream and FixedLengthStream (workerd api/streams/).
//
// Every public object holds one `#i` slot pointing at an internal record; the
// abstract operations below work on records only, named after the spec's.
// Records are never reachable from user code. Scheduling uses promise jobs
// only (there are no timers in a bare isolate).
//
// Exports `internals.streams = { isReadableStream, isWritableStream,
// isDisturbed, isLocked, knownLength, readAllBytes, readableFromChunks,
// createReadable, ReadableStream, WritableStream, TransformStream }`.
"use strict";
((internals) => {
  const {
    Promise, TypeError, RangeError, Error, Symbol, Object, Function, Number, Math,
    ArrayBuffer, Uint8Array, DataView, Reflect, Array,
  } = globalThis;
  const uncurry = (fn) => Function.prototype.call.bind(fn);
  const getterOf = (proto, name) => uncurry(Object.getOwnPropertyDescriptor(proto, name).get);
  const ReflectApply = Reflect.apply;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const MathMin = Math.min;
  const NumberIsNaN = Number.isNaN;
  const NumberIsInteger = Number.isInteger;
  const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
  const SymbolAsyncIterator = Symbol.asyncIterator;
  const SymbolIterator = Symbol.iterator;
  const SymbolToStringTag = Symbol.toStringTag;

  const queueMicrotask = globalThis.queueMicrotask;
  const PromiseThen = uncurry(Promise.prototype.then);
  const PromiseResolve = Promise.resolve.bind(Promise);
  const PromiseReject = Promise.reject.bind(Promise);
  const PromiseAll = Promise.all.bind(Promise);

  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const taTag = getterOf(TypedArrayPrototype, SymbolToStringTag);
  const taBuffer = getterOf(TypedArrayPrototype, "buffer");
  const taByteOffset = getterOf(TypedArrayPrototype, "byteOffset");
  const taByteLength = getterOf(TypedArrayPrototype, "byteLength");
  const taLength = getterOf(TypedArrayPrototype, "length");
  const taSet = uncurry(TypedArrayPrototype.set);
  const dvBuffer = getterOf(DataView.prototype, "buffer");
  const dvByteOffset = getterOf(DataView.prototype, "byteOffset");
  const dvByteLength = getterOf(DataView.prototype, "byteLength");
  const abByteLength = getterOf(ArrayBuffer.prototype, "byteLength");
  const abDetachedGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached");
  const abDetached = abDetachedGetter ? uncurry(abDetachedGetter.get) : (b) => abByteLength(b) === 0 && false;
  const abTransferFn = ArrayBuffer.prototype.transfer;
  const abSlice = uncurry(ArrayBuffer.prototype.slice);
  const ArrayBufferIsView = ArrayBuffer.isView;
  const isArrayBuffer = (x) => {
    try { abByteLength(x); return true; } catch { return false; }
  };

  // Typed array name -> [constructor, element size].
  const VIEW_TYPES = { __proto__: null };
  for (const name of ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
    "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array",
    "BigUint64Array"]) {
    const ctor = globalThis[name];
    if (ctor !== undefined) VIEW_TYPES[name] = [ctor, ctor.BYTES_PER_ELEMENT];
  }
  const isTypedArray = (v) => taTag(v) !== undefined;
  const viewBuffer = (v) => (isTypedArray(v) ? taBuffer(v) : dvBuffer(v));
  const viewByteOffset = (v) => (isTypedArray(v) ? taByteOffset(v) : dvByteOffset(v));
  const viewByteLength = (v) => (isTypedArray(v) ? taByteLength(v) : dvByteLength(v));
  const constructView = (ctor, buffer, byteOffset, length) => (ctor === DataView
    ? new DataView(buffer, byteOffset, length) : new ctor(buffer, byteOffset, length));

  function TransferArrayBuffer(buffer) {
    if (abTransferFn === undefined) return buffer;
    return ReflectApply(abTransferFn, buffer, []);
  }
  const IsDetachedBuffer = (buffer) => abDetached(buffer);
  function CopyDataBlockBytes(dest, destOffset, src, srcOffset, n) {
    taSet(new Uint8Array(dest, destOffset, n), new Uint8Array(src, srcOffset, n));
  }
  function CloneAsUint8Array(view) {
    const buffer = abSlice(viewBuffer(view), viewByteOffset(view), viewByteOffset(view) + viewByteLength(view));
    return new Uint8Array(buffer);
  }

  // ---------------------------------------------------------------- promises

  const noop = () => {};
  const resolvedPromise = (v) => PromiseResolve(v);
  const rejectedPromise = (e) => PromiseReject(e);
  const setHandled = (p) => { PromiseThen(p, undefined, noop); };
  const transformPromise = (p, onFulfilled, onRejected) => PromiseThen(p, onFulfilled, onRejected);
  const uponPromise = (p, onFulfilled, onRejected) => {
    setHandled(PromiseThen(p, onFulfilled, onRejected));
  };
  const uponFulfillment = (p, f) => uponPromise(p, f, undefined);
  const uponRejection = (p, r) => uponPromise(p, undefined, r);

  // A promise with its resolving functions and a settled state, so the
  // "if promise is pending" checks of the spec can be made.
  class Deferred {
    constructor() {
      this.state = "pending";
      this.res = undefined;
      this.rej = undefined;
      this.promise = new Promise((res, rej) => { this.res = res; this.rej = rej; });
    }
    resolve(v) { if (this.state === "pending") { this.state = "fulfilled"; this.res(v); } }
    reject(e) { if (this.state === "pending") { this.state = "rejected"; this.rej(e); } }
  }
  const resolvedDeferred = (v) => { const d = new Deferred(); d.resolve(v); return d; };
  const rejectedDeferred = (e) => { const d = new Deferred(); d.reject(e); setHandled(d.promise); return d; };

  function promiseCall(fn, thisArg, args) {
    try {
      return resolvedPromise(ReflectApply(fn, thisArg, args));
    } catch (e) {
      return rejectedPromise(e);
    }
  }

  // ---------------------------------------------------------------- queues

  // FIFO with O(1) shift, used for queues, read requests and pull-intos.
  class Queue {
    constructor() { this.a = []; this.h = 0; }
    get length() { return this.a.length - this.h; }
    push(v) { this.a[this.a.length] = v; }
    peek() { return this.a[this.h]; }
    shift() {
      const a = this.a;
      const v = a[this.h];
      a[this.h++] = undefined;
      if (this.h === a.length) { a.length = 0; this.h = 0; } else if (this.h > 1024 && this.h * 2 > a.length) {
        const b = [];
        for (let i = this.h; i < a.length; i++) b[b.length] = a[i];
        this.a = b; this.h = 0;
      }
      return v;
    }
    at(i) { return this.a[this.h + i]; }
  }

  const IsNonNegativeNumber = (v) => typeof v === "number" && !NumberIsNaN(v) && v >= 0;

  function ResetQueue(container) {
    container.queue = new Queue();
    container.queueTotalSize = 0;
  }
  function EnqueueValueWithSize(container, value, size) {
    if (!IsNonNegativeNumber(size)) throw new RangeError("The chunk size must be a non-negative number.");
    if (size === Infinity) throw new RangeError("The chunk size must be finite.");
    container.queue.push({ value, size });
    container.queueTotalSize += size;
  }
  function DequeueValue(container) {
    const pair = container.queue.shift();
    container.queueTotalSize -= pair.size;
    if (container.queueTotalSize < 0) container.queueTotalSize = 0;
    return pair.value;
  }
  const PeekQueueValue = (container) => container.queue.peek().value;

  // ---------------------------------------------------------------- WebIDL-ish conversions

  const isObject = (x) => x !== null && (typeof x === "object" || typeof x === "function");
  const toNumber = (x) => +x;
  function toBoolean(x) { return !!x; }
  function toCallback(x, what) {
    if (x === undefined) return undefined;
    if (typeof x !== "function") throw new TypeError(`${what} must be a function.`);
    return x;
  }
  function toDictionary(x, what) {
    if (x === undefined || x === null) return {};
    if (!isObject(x)) throw new TypeError(`${what} must be an object.`);
    return x;
  }
  function toEnforcedUnsignedLongLong(x, what) {
    let n = toNumber(x);
    if (!Number.isFinite(n)) throw new TypeError(`${what} must be a finite number.`);
    n = Math.trunc(n);
    if (n < 0 || n > MAX_SAFE_INTEGER) throw new TypeError(`${what} is out of range.`);
    return n;
  }
  function convertQueuingStrategy(strategy) {
    const dict = toDictionary(strategy, "The queuing strategy");
    const hwm = dict.highWaterMark;
    const highWaterMark = hwm === undefined ? undefined : toNumber(hwm);
    const size = toCallback(dict.size, "The queuing strategy's size");
    return { highWaterMark, size };
  }
  function ExtractHighWaterMark(strategy, defaultHWM) {
    if (strategy.highWaterMark === undefined) return defaultHWM;
    const hwm = strategy.highWaterMark;
    if (NumberIsNaN(hwm) || hwm < 0) throw new RangeError("The highWaterMark must be a non-negative number.");
    return hwm;
  }
  function ExtractSizeAlgorithm(strategy) {
    const size = strategy.size;
    if (size === undefined) return () => 1;
    return (chunk) => ReflectApply(size, undefined, [chunk]);
  }

  const kInternal = Symbol("isolet.streams.internal");
  const lockedReadableError = () => new TypeError("This ReadableStream is currently locked to a reader.");
  const lockedWritableError = () => new TypeError("This WritableStream is currently locked to a writer.");
  const releasedReaderError = () => new TypeError("This ReadableStream reader has been released.");
  const releasedWriterError = () => new TypeError("This WritableStream writer has been released.");

  // Abort signals for WritableStreamDefaultController.signal: the runtime's
  // AbortSignal when 03_abort.js is loaded, else a minimal stand-in.
  const abortApi = internals.abort;
  class StreamAbortSignal {
    constructor() { this.aborted = false; this.reason = undefined; this.listeners = []; }
    addEventListener(type, fn) { if (type === "abort") this.listeners[this.listeners.length] = fn; }
    removeEventListener(type, fn) {
      if (type === "abort") this.listeners = this.listeners.filter((f) => f !== fn);
    }
    throwIfAborted() { if (this.aborted) throw this.reason; }
  }
  function newAbortSignal() {
    return abortApi !== undefined ? abortApi.newSignal() : new StreamAbortSignal();
  }
  function signalAbort(signal, reason) {
    if (abortApi !== undefined) { abortApi.signalAbort(signal, reason); return; }
    if (signal.aborted) return;
    if (reason === undefined) { reason = new Error("The operation was aborted"); reason.name = "AbortError"; }
    signal.aborted = true;
    signal.reason = reason;
    for (const fn of signal.listeners) { try { fn(); } catch { /* listener errors are ignored */ } }
    signal.listeners = [];
  }
  // Follow a user-supplied signal (duck-typed). Returns an unsubscribe.
  function followSignal(signal, fn) {
    if (abortApi !== undefined && signal instanceof abortApi.AbortSignal) return abortApi.onAbort(signal, fn);
    const listener = () => fn();
    signal.addEventListener("abort", listener);
    return () => {
      if (typeof signal.removeEventListener === "function") signal.removeEventListener("abort", listener);
    };
  }
  function isAbortSignalLike(x) {
    return isObject(x) && "aborted" in x && typeof x.addEventListener === "function";
  }

  // ================================================================ ReadableStream records

  class ReadableStreamRecord {
    constructor(pub) {
      this.pub = pub;
      this.state = "readable";
      this.reader = undefined;
      this.storedError = undefined;
      this.disturbed = false;
      this.controller = undefined;
      this.knownLength = undefined; // FixedLengthStream's expected length, for Content-Length
    }
  }

  let rsRecordOf; let newReadableStreamPub;
  let rdrRecordOf; let newDefaultReaderPub;
  let byobRdrRecordOf; let newBYOBReaderPub;
  let rsdcRecordOf; let newRSDCPub;
  let rbscRecordOf; let newRBSCPub;
  let byobReqRecordOf; let newBYOBRequestPub;
  let wsRecordOf; let newWritableStreamPub;
  let wsWriterRecordOf; let newWriterPub;
  let wsdcRecordOf; let newWSDCPub;
  let tsRecordOf;
  let tsdcRecordOf; let newTSDCPub;

  function requireRecord(getter, x, what) {
    const r = getter(x);
    if (r === undefined) throw new TypeError(`Illegal invocation: not a ${what}.`);
    return r;
  }

  // ---------------------------------------------------------------- ReadableStream abstract ops

  function AcquireReadableStreamDefaultReader(stream) {
    const reader = new DefaultReaderRecord();
    SetUpReadableStreamDefaultReader(reader, stream);
    return reader;
  }
  function AcquireReadableStreamBYOBReader(stream) {
    const reader = new BYOBReaderRecord();
    SetUpReadableStreamBYOBReader(reader, stream);
    return reader;
  }

  function CreateReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 1,
    sizeAlgorithm = () => 1) {
    const stream = rsRecordOf(newReadableStreamPub());
    const controller = new RSDCRecord();
    SetUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
      highWaterMark, sizeAlgorithm);
    return stream;
  }
  function CreateReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 0,
    autoAllocateChunkSize = undefined) {
    const stream = rsRecordOf(newReadableStreamPub());
    const controller = new RBSCRecord();
    SetUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
      highWaterMark, autoAllocateChunkSize);
    return stream;
  }

  const IsReadableStreamLocked = (stream) => stream.reader !== undefined;

  function ReadableStreamCancel(stream, reason) {
    stream.disturbed = true;
    if (stream.state === "closed") return resolvedPromise(undefined);
    if (stream.state === "errored") return rejectedPromise(stream.storedError);
    ReadableStreamClose(stream);
    const reader = stream.reader;
    if (reader !== undefined && reader.byob) {
      const readIntoRequests = reader.readIntoRequests;
      reader.readIntoRequests = new Queue();
      while (readIntoRequests.length > 0) readIntoRequests.shift().closeSteps(undefined);
    }
    const sourceCancelPromise = stream.controller.cancelSteps(reason);
    return transformPromise(sourceCancelPromise, noop);
  }

  function ReadableStreamClose(stream) {
    stream.state = "closed";
    const reader = stream.reader;
    if (reader === undefined) return;
    reader.closed.resolve(undefined);
    if (!reader.byob) {
      const readRequests = reader.readRequests;
      reader.readRequests = new Queue();
      while (readRequests.length > 0) readRequests.shift().closeSteps();
    }
  }

  function ReadableStreamError(stream, e) {
    stream.state = "errored";
    stream.storedError = e;
    const reader = stream.reader;
    if (reader === undefined) return;
    reader.closed.reject(e);
    setHandled(reader.closed.promise);
    if (reader.byob) ReadableStreamBYOBReaderErrorReadIntoRequests(reader, e);
    else ReadableStreamDefaultReaderErrorReadRequests(reader, e);
  }

  function ReadableStreamAddReadRequest(stream, readRequest) { stream.reader.readRequests.push(readRequest); }
  function ReadableStreamAddReadIntoRequest(stream, req) { stream.reader.readIntoRequests.push(req); }

  function ReadableStreamFulfillReadRequest(stream, chunk, done) {
    const readRequest = stream.reader.readRequests.shift();
    if (done) readRequest.closeSteps(); else readRequest.chunkSteps(chunk);
  }
  function ReadableStreamFulfillReadIntoRequest(stream, chunk, done) {
    const req = stream.reader.readIntoRequests.shift();
    if (done) req.closeSteps(chunk); else req.chunkSteps(chunk);
  }
  const ReadableStreamGetNumReadRequests = (stream) => stream.reader.readRequests.length;
  const ReadableStreamGetNumReadIntoRequests = (stream) => stream.reader.readIntoRequests.length;
  const ReadableStreamHasDefaultReader = (stream) => stream.reader !== undefined && !stream.reader.byob;
  const ReadableStreamHasBYOBReader = (stream) => stream.reader !== undefined && stream.reader.byob;

  // ---------------------------------------------------------------- readers

  class DefaultReaderRecord {
    constructor() {
      this.pub = undefined;
      this.byob = false;
      this.stream = undefined;
      this.closed = undefined;
      this.readRequests = new Queue();
    }
  }
  class BYOBReaderRecord {
    constructor() {
      this.pub = undefined;
      this.byob = true;
      this.stream = undefined;
      this.closed = undefined;
      this.readIntoRequests = new Queue();
    }
  }

  function ReadableStreamReaderGenericInitialize(reader, stream) {
    reader.stream = stream;
    stream.reader = reader;
    if (stream.state === "readable") reader.closed = new Deferred();
    else if (stream.state === "closed") reader.closed = resolvedDeferred(undefined);
    else reader.closed = rejectedDeferred(stream.storedError);
  }
  function ReadableStreamReaderGenericRelease(reader) {
    const stream = reader.stream;
    if (stream.state === "readable") reader.closed.reject(releasedReaderError());
    else reader.closed = rejectedDeferred(releasedReaderError());
    setHandled(reader.closed.promise);
    stream.controller.releaseSteps();
    stream.reader = undefined;
    reader.stream = undefined;
  }
  const ReadableStreamReaderGenericCancel = (reader, reason) => ReadableStreamCancel(reader.stream, reason);

  function SetUpReadableStreamDefaultReader(reader, stream) {
    if (IsReadableStreamLocked(stream)) throw lockedReadableError();
    ReadableStreamReaderGenericInitialize(reader, stream);
    reader.readRequests = new Queue();
  }
  function SetUpReadableStreamBYOBReader(reader, stream) {
    // As workerd, any stream takes a BYOB reader; reads check for a byte stream.
    if (IsReadableStreamLocked(stream)) throw lockedReadableError();
    ReadableStreamReaderGenericInitialize(reader, stream);
    reader.readIntoRequests = new Queue();
  }

  function ReadableStreamDefaultReaderRead(reader, readRequest) {
    const stream = reader.stream;
    stream.disturbed = true;
    if (stream.state === "closed") readRequest.closeSteps();
    else if (stream.state === "errored") readRequest.errorSteps(stream.storedError);
    else stream.controller.pullSteps(readRequest);
  }
  function ReadableStreamDefaultReaderRelease(reader) {
    ReadableStreamReaderGenericRelease(reader);
    ReadableStreamDefaultReaderErrorReadRequests(reader, releasedReaderError());
  }
  function ReadableStreamDefaultReaderErrorReadRequests(reader, e) {
    const readRequests = reader.readRequests;
    reader.readRequests = new Queue();
    while (readRequests.length > 0) readRequests.shift().errorSteps(e);
  }

  function ReadableStreamBYOBReaderRead(reader, view, min, readIntoRequest) {
    const stream = reader.stream;
    stream.disturbed = true;
    if (stream.state === "errored") readIntoRequest.errorSteps(stream.storedError);
    else if (!(stream.controller instanceof RBSCRecord)) {
      readIntoRequest.errorSteps(new TypeError("This ReadableStream does not support BYOB reads; it is not a byte stream."));
    } else ReadableByteStreamControllerPullInto(stream.controller, view, min, readIntoRequest);
  }
  function ReadableStreamBYOBReaderRelease(reader) {
    ReadableStreamReaderGenericRelease(reader);
    ReadableStreamBYOBReaderErrorReadIntoRequests(reader, releasedReaderError());
  }
  function ReadableStreamBYOBReaderErrorReadIntoRequests(reader, e) {
    const reqs = reader.readIntoRequests;
    reader.readIntoRequests = new Queue();
    while (reqs.length > 0) reqs.shift().errorSteps(e);
  }

  class PromiseReadRequest {
    constructor(d) { this.d = d; }
    chunkSteps(chunk) { this.d.resolve({ value: chunk, done: false }); }
    closeSteps(chunk) { this.d.resolve({ value: chunk, done: true }); }
    errorSteps(e) { this.d.reject(e); }
  }

  // ---------------------------------------------------------------- ReadableStreamDefaultController

  class RSDCRecord {
    constructor() {
      this.pub = undefined;
      this.stream = undefined;
      this.queue = undefined;
      this.queueTotalSize = 0;
      this.started = false;
      this.closeRequested = false;
      this.pullAgain = false;
      this.pulling = false;
      this.strategySizeAlgorithm = undefined;
      this.strategyHWM = 0;
      this.pullAlgorithm = undefined;
      this.cancelAlgorithm = undefined;
    }
    cancelSteps(reason) {
      ResetQueue(this);
      const result = this.cancelAlgorithm(reason);
      ReadableStreamDefaultControllerClearAlgorithms(this);
      return result;
    }
    pullSteps(readRequest) {
      const stream = this.stream;
      if (this.queue.length > 0) {
        const chunk = DequeueValue(this);
        if (this.closeRequested && this.queue.length === 0) {
          ReadableStreamDefaultControllerClearAlgorithms(this);
          ReadableStreamClose(stream);
        } else {
          ReadableStreamDefaultControllerCallPullIfNeeded(this);
        }
        readRequest.chunkSteps(chunk);
      } else {
        ReadableStreamAddReadRequest(stream, readRequest);
        ReadableStreamDefaultControllerCallPullIfNeeded(this);
      }
    }
    releaseSteps() {}
  }

  function ReadableStreamDefaultControllerCallPullIfNeeded(controller) {
    if (!ReadableStreamDefaultControllerShouldCallPull(controller)) return;
    if (controller.pulling) { controller.pullAgain = true; return; }
    controller.pulling = true;
    const pullPromise = controller.pullAlgorithm();
    uponPromise(pullPromise, () => {
      controller.pulling = false;
      if (controller.pullAgain) {
        controller.pullAgain = false;
        ReadableStreamDefaultControllerCallPullIfNeeded(controller);
      }
    }, (e) => { ReadableStreamDefaultControllerError(controller, e); });
  }
  function ReadableStreamDefaultControllerShouldCallPull(controller) {
    const stream = controller.stream;
    if (!ReadableStreamDefaultControllerCanCloseOrEnqueue(controller)) return false;
    if (!controller.started) return false;
    if (IsReadableStreamLocked(stream) && ReadableStreamGetNumReadRequests(stream) > 0) return true;
    return ReadableStreamDefaultControllerGetDesiredSize(controller) > 0;
  }
  function ReadableStreamDefaultControllerClearAlgorithms(controller) {
    controller.pullAlgorithm = undefined;
    controller.cancelAlgorithm = undefined;
    controller.strategySizeAlgorithm = undefined;
  }
  function ReadableStreamDefaultControllerClose(controller) {
    if (!ReadableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
    controller.closeRequested = true;
    if (controller.queue.length === 0) {
      ReadableStreamDefaultControllerClearAlgorithms(controller);
      ReadableStreamClose(controller.stream);
    }
  }
  function ReadableStreamDefaultControllerEnqueue(controller, chunk) {
    if (!ReadableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
    const stream = controller.stream;
    if (IsReadableStreamLocked(stream) && ReadableStreamGetNumReadRequests(stream) > 0) {
      ReadableStreamFulfillReadRequest(stream, chunk, false);
    } else {
      let chunkSize;
      try {
        chunkSize = controller.strategySizeAlgorithm(chunk);
      } catch (e) {
        ReadableStreamDefaultControllerError(controller, e);
        throw e;
      }
      try {
        EnqueueValueWithSize(controller, chunk, chunkSize);
      } catch (e) {
        ReadableStreamDefaultControllerError(controller, e);
        throw e;
      }
    }
    ReadableStreamDefaultControllerCallPullIfNeeded(controller);
  }
  function ReadableStreamDefaultControllerError(controller, e) {
    const stream = controller.stream;
    if (stream.state !== "readable") return;
    ResetQueue(controller);
    ReadableStreamDefaultControllerClearAlgorithms(controller);
    ReadableStreamError(stream, e);
  }
  function ReadableStreamDefaultControllerGetDesiredSize(controller) {
    const state = controller.stream.state;
    if (state === "errored") return null;
    if (state === "closed") return 0;
    return controller.strategyHWM - controller.queueTotalSize;
  }
  const ReadableStreamDefaultControllerHasBackpressure = (c) => !ReadableStreamDefaultControllerShouldCallPull(c);
  const ReadableStreamDefaultControllerCanCloseOrEnqueue = (c) => !c.closeRequested && c.stream.state === "readable";

  function SetUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, sizeAlgorithm) {
    controller.stream = stream;
    ResetQueue(controller);
    controller.started = false;
    controller.closeRequested = false;
    controller.pullAgain = false;
    controller.pulling = false;
    controller.strategySizeAlgorithm = sizeAlgorithm;
    controller.strategyHWM = highWaterMark;
    controller.pullAlgorithm = pullAlgorithm;
    controller.cancelAlgorithm = cancelAlgorithm;
    controller.pub = newRSDCPub(controller);
    stream.controller = controller;
    const startResult = startAlgorithm(controller.pub);
    uponPromise(resolvedPromise(startResult), () => {
      controller.started = true;
      ReadableStreamDefaultControllerCallPullIfNeeded(controller);
    }, (r) => { ReadableStreamDefaultControllerError(controller, r); });
  }

  function sourceAlgorithms(source, dict) {
    const { start, pull, cancel } = dict;
    return {
      start: start === undefined ? noop : (c) => ReflectApply(start, source, [c]),
      pull: pull === undefined ? () => resolvedPromise(undefined) : (c) => promiseCall(pull, source, [c]),
      cancel: cancel === undefined ? () => resolvedPromise(undefined) : (r) => promiseCall(cancel, source, [r]),
    };
  }

  function SetUpReadableStreamDefaultControllerFromUnderlyingSource(stream, source, dict, hwm, sizeAlgorithm) {
    const controller = new RSDCRecord();
    const algs = sourceAlgorithms(source, dict);
    SetUpReadableStreamDefaultController(stream, controller, algs.start, () => algs.pull(controller.pub),
      algs.cancel, hwm, sizeAlgorithm);
  }

  // ---------------------------------------------------------------- ReadableByteStreamController

  class RBSCRecord {
    constructor() {
      this.pub = undefined;
      this.stream = undefined;
      this.queue = undefined;
      this.queueTotalSize = 0;
      this.started = false;
      this.closeRequested = false;
      this.pullAgain = false;
      this.pulling = false;
      this.strategyHWM = 0;
      this.pullAlgorithm = undefined;
      this.cancelAlgorithm = undefined;
      this.autoAllocateChunkSize = undefined;
      this.byobRequest = null; // record
      this.pendingPullIntos = new Queue();
    }
    cancelSteps(reason) {
      ReadableByteStreamControllerClearPendingPullIntos(this);
      ResetQueue(this);
      const result = this.cancelAlgorithm(reason);
      ReadableByteStreamControllerClearAlgorithms(this);
      return result;
    }
    pullSteps(readRequest) {
      const stream = this.stream;
      if (this.queueTotalSize > 0) {
        ReadableByteStreamControllerFillReadRequestFromQueue(this, readRequest);
        return;
      }
      const autoAllocateChunkSize = this.autoAllocateChunkSize;
      if (autoAllocateChunkSize !== undefined) {
        let buffer;
        try {
          buffer = new ArrayBuffer(autoAllocateChunkSize);
        } catch (e) {
          readRequest.errorSteps(e);
          return;
        }
        this.pendingPullIntos.push({
          buffer, bufferByteLength: autoAllocateChunkSize, byteOffset: 0, byteLength: autoAllocateChunkSize,
          bytesFilled: 0, minimumFill: 1, elementSize: 1, viewConstructor: Uint8Array, readerType: "default",
        });
      }
      ReadableStreamAddReadRequest(stream, readRequest);
      ReadableByteStreamControllerCallPullIfNeeded(this);
    }
    releaseSteps() {
      if (this.pendingPullIntos.length > 0) {
        const first = this.pendingPullIntos.peek();
        first.readerType = "none";
        this.pendingPullIntos = new Queue();
        this.pendingPullIntos.push(first);
      }
    }
  }

  class BYOBRequestRecord {
    constructor(controller, view) { this.controller = controller; this.view = view; this.pub = undefined; }
  }

  function ReadableByteStreamControllerCallPullIfNeeded(controller) {
    if (!ReadableByteStreamControllerShouldCallPull(controller)) return;
    if (controller.pulling) { controller.pullAgain = true; return; }
    controller.pulling = true;
    const pullPromise = controller.pullAlgorithm();
    uponPromise(pullPromise, () => {
      controller.pulling = false;
      if (controller.pullAgain) {
        controller.pullAgain = false;
        ReadableByteStreamControllerCallPullIfNeeded(controller);
      }
    }, (e) => { ReadableByteStreamControllerError(controller, e); });
  }
  function ReadableByteStreamControllerShouldCallPull(controller) {
    const stream = controller.stream;
    if (stream.state !== "readable") return false;
    if (controller.closeRequested) return false;
    if (!controller.started) return false;
    if (ReadableStreamHasDefaultReader(stream) && ReadableStreamGetNumReadRequests(stream) > 0) return true;
    if (ReadableStreamHasBYOBReader(stream) && ReadableStreamGetNumReadIntoRequests(stream) > 0) return true;
    return ReadableByteStreamControllerGetDesiredSize(controller) > 0;
  }
  function ReadableByteStreamControllerClearAlgorithms(controller) {
    controller.pullAlgorithm = undefined;
    controller.cancelAlgorithm = undefined;
  }
  function ReadableByteStreamControllerClearPendingPullIntos(controller) {
    ReadableByteStreamControllerInvalidateBYOBRequest(controller);
    controller.pendingPullIntos = new Queue();
  }
  function ReadableByteStreamControllerClose(controller) {
    const stream = controller.stream;
    if (controller.closeRequested || stream.state !== "readable") return;
    if (controller.queueTotalSize > 0) { controller.closeRequested = true; return; }
    if (controller.pendingPullIntos.length > 0) {
      const first = controller.pendingPullIntos.peek();
      if (first.bytesFilled % first.elementSize !== 0) {
        const e = new TypeError("Insufficient bytes to fill elements in the given buffer.");
        ReadableByteStreamControllerError(controller, e);
        throw e;
      }
    }
    ReadableByteStreamControllerClearAlgorithms(controller);
    ReadableStreamClose(stream);
  }
  function ReadableByteStreamControllerCommitPullIntoDescriptor(stream, pullIntoDescriptor) {
    let done = false;
    if (stream.state === "closed") done = true;
    const filledView = ReadableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor);
    if (pullIntoDescriptor.readerType === "default") ReadableStreamFulfillReadRequest(stream, filledView, done);
    else ReadableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
  function ReadableByteStreamControllerConvertPullIntoDescriptor(d) {
    const buffer = TransferArrayBuffer(d.buffer);
    return constructView(d.viewConstructor, buffer, d.byteOffset,
      d.viewConstructor === DataView ? d.bytesFilled : d.bytesFilled / d.elementSize);
  }
  function ReadableByteStreamControllerEnqueue(controller, chunk) {
    const stream = controller.stream;
    if (controller.closeRequested || stream.state !== "readable") return;
    const buffer = viewBuffer(chunk);
    const byteOffset = viewByteOffset(chunk);
    const byteLength = viewByteLength(chunk);
    if (IsDetachedBuffer(buffer)) throw new TypeError("The chunk's buffer is detached.");
    const transferredBuffer = TransferArrayBuffer(buffer);
    if (controller.pendingPullIntos.length > 0) {
      const first = controller.pendingPullIntos.peek();
      if (IsDetachedBuffer(first.buffer)) throw new TypeError("The BYOB request's buffer has been detached.");
      ReadableByteStreamControllerInvalidateBYOBRequest(controller);
      first.buffer = TransferArrayBuffer(first.buffer);
      if (first.readerType === "none") ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, first);
    }
    if (ReadableStreamHasDefaultReader(stream)) {
      ReadableByteStreamControllerProcessReadRequestsUsingQueue(controller);
      if (ReadableStreamGetNumReadRequests(stream) === 0) {
        ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
      } else {
        if (controller.pendingPullIntos.length > 0) ReadableByteStreamControllerShiftPendingPullInto(controller);
        const transferredView = new Uint8Array(transferredBuffer, byteOffset, byteLength);
        ReadableStreamFulfillReadRequest(stream, transferredView, false);
      }
    } else if (ReadableStreamHasBYOBReader(stream)) {
      ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
      const filled = ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
      for (let i = 0; i < filled.length; i++) ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filled[i]);
    } else {
      ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    }
    ReadableByteStreamControllerCallPullIfNeeded(controller);
  }
  function ReadableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
    controller.queue.push({ buffer, byteOffset, byteLength });
    controller.queueTotalSize += byteLength;
  }
  function ReadableByteStreamControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
    let clone;
    try {
      clone = abSlice(buffer, byteOffset, byteOffset + byteLength);
    } catch (e) {
      ReadableByteStreamControllerError(controller, e);
      throw e;
    }
    ReadableByteStreamControllerEnqueueChunkToQueue(controller, clone, 0, byteLength);
  }
  function ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, d) {
    if (d.bytesFilled > 0) {
      ReadableByteStreamControllerEnqueueClonedChunkToQueue(controller, d.buffer, d.byteOffset, d.bytesFilled);
    }
    ReadableByteStreamControllerShiftPendingPullInto(controller);
  }
  function ReadableByteStreamControllerError(controller, e) {
    const stream = controller.stream;
    if (stream.state !== "readable") return;
    ReadableByteStreamControllerClearPendingPullIntos(controller);
    ResetQueue(controller);
    ReadableByteStreamControllerClearAlgorithms(controller);
    ReadableStreamError(stream, e);
  }
  function ReadableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, d) {
    const maxBytesToCopy = MathMin(controller.queueTotalSize, d.byteLength - d.bytesFilled);
    const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
    let totalBytesToCopyRemaining = maxBytesToCopy;
    let ready = false;
    const remainderBytes = maxBytesFilled % d.elementSize;
    const maxAlignedBytes = maxBytesFilled - remainderBytes;
    if (maxAlignedBytes >= d.minimumFill) {
      totalBytesToCopyRemaining = maxAlignedBytes - d.bytesFilled;
      ready = true;
    }
    const queue = controller.queue;
    while (totalBytesToCopyRemaining > 0) {
      const head = queue.peek();
      const bytesToCopy = MathMin(totalBytesToCopyRemaining, head.byteLength);
      const destStart = d.byteOffset + d.bytesFilled;
      CopyDataBlockBytes(d.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
      if (head.byteLength === bytesToCopy) queue.shift();
      else { head.byteOffset += bytesToCopy; head.byteLength -= bytesToCopy; }
      controller.queueTotalSize -= bytesToCopy;
      d.bytesFilled += bytesToCopy;
      totalBytesToCopyRemaining -= bytesToCopy;
    }
    return ready;
  }
  function ReadableByteStreamControllerFillReadRequestFromQueue(controller, readRequest) {
    const entry = controller.queue.shift();
    controller.queueTotalSize -= entry.byteLength;
    ReadableByteStreamControllerHandleQueueDrain(controller);
    readRequest.chunkSteps(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
  }
  function ReadableByteStreamControllerGetBYOBRequest(controller) {
    if (controller.byobRequest === null && controller.pendingPullIntos.length > 0) {
      const first = controller.pendingPullIntos.peek();
      const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
        first.byteLength - first.bytesFilled);
      const req = new BYOBRequestRecord(controller, view);
      req.pub = newBYOBRequestPub(req);
      controller.byobRequest = req;
    }
    return controller.byobRequest === null ? null : controller.byobRequest.pub;
  }
  function ReadableByteStreamControllerGetDesiredSize(controller) {
    const state = controller.stream.state;
    if (state === "errored") return null;
    if (state === "closed") return 0;
    return controller.strategyHWM - controller.queueTotalSize;
  }
  function ReadableByteStreamControllerHandleQueueDrain(controller) {
    if (controller.queueTotalSize === 0 && controller.closeRequested) {
      ReadableByteStreamControllerClearAlgorithms(controller);
      ReadableStreamClose(controller.stream);
    } else {
      ReadableByteStreamControllerCallPullIfNeeded(controller);
    }
  }
  function ReadableByteStreamControllerInvalidateBYOBRequest(controller) {
    if (controller.byobRequest === null) return;
    controller.byobRequest.controller = undefined;
    controller.byobRequest.view = null;
    controller.byobRequest = null;
  }
  function ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller) {
    const filled = [];
    while (controller.pendingPullIntos.length > 0) {
      if (controller.queueTotalSize === 0) break;
      const d = controller.pendingPullIntos.peek();
      if (ReadableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, d)) {
        ReadableByteStreamControllerShiftPendingPullInto(controller);
        filled[filled.length] = d;
      }
    }
    return filled;
  }
  function ReadableByteStreamControllerProcessReadRequestsUsingQueue(controller) {
    const reader = controller.stream.reader;
    while (reader.readRequests.length > 0) {
      if (controller.queueTotalSize === 0) return;
      ReadableByteStreamControllerFillReadRequestFromQueue(controller, reader.readRequests.shift());
    }
  }
  function ReadableByteStreamControllerPullInto(controller, view, min, readIntoRequest) {
    const stream = controller.stream;
    let elementSize = 1;
    let ctor = DataView;
    const tag = taTag(view);
    if (tag !== undefined) { ctor = VIEW_TYPES[tag][0]; elementSize = VIEW_TYPES[tag][1]; }
    const minimumFill = min * elementSize;
    const byteOffset = viewByteOffset(view);
    const byteLength = viewByteLength(view);
    let buffer;
    try {
      buffer = TransferArrayBuffer(viewBuffer(view));
    } catch (e) {
      readIntoRequest.errorSteps(e);
      return;
    }
    const d = {
      buffer, bufferByteLength: abByteLength(buffer), byteOffset, byteLength, bytesFilled: 0, minimumFill,
      elementSize, viewConstructor: ctor, readerType: "byob",
    };
    if (controller.pendingPullIntos.length > 0) {
      controller.pendingPullIntos.push(d);
      ReadableStreamAddReadIntoRequest(stream, readIntoRequest);
      return;
    }
    if (stream.state === "closed") {
      readIntoRequest.closeSteps(constructView(ctor, d.buffer, d.byteOffset, 0));
      return;
    }
    if (controller.queueTotalSize > 0) {
      if (ReadableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, d)) {
        const filledView = ReadableByteStreamControllerConvertPullIntoDescriptor(d);
        ReadableByteStreamControllerHandleQueueDrain(controller);
        readIntoRequest.chunkSteps(filledView);
        return;
      }
      if (controller.closeRequested) {
        const e = new TypeError("Insufficient bytes to fill elements in the given buffer.");
        ReadableByteStreamControllerError(controller, e);
        readIntoRequest.errorSteps(e);
        return;
      }
    }
    controller.pendingPullIntos.push(d);
    ReadableStreamAddReadIntoRequest(stream, readIntoRequest);
    ReadableByteStreamControllerCallPullIfNeeded(controller);
  }
  function ReadableByteStreamControllerRespond(controller, bytesWritten) {
    const first = controller.pendingPullIntos.peek();
    const state = controller.stream.state;
    if (state === "closed") {
      if (bytesWritten !== 0) {
        throw new TypeError("bytesWritten must be 0 when calling respond() on a closed stream.");
      }
    } else {
      if (bytesWritten === 0) {
        throw new TypeError("bytesWritten must be greater than 0 when calling respond() on a readable stream.");
      }
      if (first.bytesFilled + bytesWritten > first.byteLength) {
        throw new RangeError("bytesWritten out of range.");
      }
    }
    first.buffer = TransferArrayBuffer(first.buffer);
    ReadableByteStreamControllerRespondInternal(controller, bytesWritten);
  }
  function ReadableByteStreamControllerRespondInClosedState(controller, first) {
    if (first.readerType === "none") ReadableByteStreamControllerShiftPendingPullInto(controller);
    const stream = controller.stream;
    if (ReadableStreamHasBYOBReader(stream)) {
      const filled = [];
      while (filled.length < ReadableStreamGetNumReadIntoRequests(stream)) {
        filled[filled.length] = ReadableByteStreamControllerShiftPendingPullInto(controller);
      }
      for (let i = 0; i < filled.length; i++) ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filled[i]);
    }
  }
  function ReadableByteStreamControllerRespondInReadableState(controller, bytesWritten, d) {
    d.bytesFilled += bytesWritten;
    const stream = controller.stream;
    if (d.readerType === "none") {
      ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, d);
      const filled = ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
      for (let i = 0; i < filled.length; i++) ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filled[i]);
      return;
    }
    if (d.bytesFilled < d.minimumFill) return;
    ReadableByteStreamControllerShiftPendingPullInto(controller);
    const remainderSize = d.bytesFilled % d.elementSize;
    if (remainderSize > 0) {
      const end = d.byteOffset + d.bytesFilled;
      ReadableByteStreamControllerEnqueueClonedChunkToQueue(controller, d.buffer, end - remainderSize, remainderSize);
    }
    d.bytesFilled -= remainderSize;
    const filled = ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    ReadableByteStreamControllerCommitPullIntoDescriptor(stream, d);
    for (let i = 0; i < filled.length; i++) ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filled[i]);
  }
  function ReadableByteStreamControllerRespondInternal(controller, bytesWritten) {
    const first = controller.pendingPullIntos.peek();
    ReadableByteStreamControllerInvalidateBYOBRequest(controller);
    if (controller.stream.state === "closed") ReadableByteStreamControllerRespondInClosedState(controller, first);
    else ReadableByteStreamControllerRespondInReadableState(controller, bytesWritten, first);
    ReadableByteStreamControllerCallPullIfNeeded(controller);
  }
  function ReadableByteStreamControllerRespondWithNewView(controller, view) {
    const first = controller.pendingPullIntos.peek();
    const state = controller.stream.state;
    const byteLength = viewByteLength(view);
    if (state === "closed") {
      if (byteLength !== 0) throw new TypeError("The view's length must be 0 when calling respondWithNewView() on a closed stream.");
    } else if (byteLength === 0) {
      throw new TypeError("The view's length must be greater than 0 when calling respondWithNewView() on a readable stream.");
    }
    const buffer = viewBuffer(view);
    if (first.byteOffset + first.bytesFilled !== viewByteOffset(view)) {
      throw new RangeError("The region specified by view does not match byobRequest.");
    }
    if (first.bufferByteLength !== abByteLength(buffer)) {
      throw new RangeError("The buffer of view has different capacity than byobRequest.");
    }
    if (first.bytesFilled + byteLength > first.byteLength) {
      throw new RangeError("The region specified by view is larger than byobRequest.");
    }
    first.buffer = TransferArrayBuffer(buffer);
    ReadableByteStreamControllerRespondInternal(controller, byteLength);
  }
  function ReadableByteStreamControllerShiftPendingPullInto(controller) {
    return controller.pendingPullIntos.shift();
  }

  function SetUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, autoAllocateChunkSize) {
    controller.stream = stream;
    controller.pullAgain = false;
    controller.pulling = false;
    controller.byobRequest = null;
    ResetQueue(controller);
    controller.closeRequested = false;
    controller.started = false;
    controller.strategyHWM = highWaterMark;
    controller.pullAlgorithm = pullAlgorithm;
    controller.cancelAlgorithm = cancelAlgorithm;
    controller.autoAllocateChunkSize = autoAllocateChunkSize;
    controller.pendingPullIntos = new Queue();
    controller.pub = newRBSCPub(controller);
    stream.controller = controller;
    const startResult = startAlgorithm(controller.pub);
    uponPromise(resolvedPromise(startResult), () => {
      controller.started = true;
      ReadableByteStreamControllerCallPullIfNeeded(controller);
    }, (r) => { ReadableByteStreamControllerError(controller, r); });
  }

  // ---------------------------------------------------------------- readable controllers, generically
  // (TransformStream drives either kind: IdentityTransformStream's readable is a byte stream.)

  const isByteController = (c) => c instanceof RBSCRecord;
  function rcCanCloseOrEnqueue(c) { return !c.closeRequested && c.stream.state === "readable"; }
  function rcEnqueue(c, chunk) {
    if (isByteController(c)) ReadableByteStreamControllerEnqueue(c, chunk);
    else ReadableStreamDefaultControllerEnqueue(c, chunk);
  }
  function rcClose(c) {
    if (!isByteController(c)) { ReadableStreamDefaultControllerClose(c); return; }
    ReadableByteStreamControllerClose(c);
    if (c.stream.state === "closed" && c.pendingPullIntos.length > 0) ReadableByteStreamControllerRespond(c, 0);
  }
  function rcError(c, e) {
    if (isByteController(c)) ReadableByteStreamControllerError(c, e);
    else ReadableStreamDefaultControllerError(c, e);
  }
  function rcHasBackpressure(c) {
    return isByteController(c) ? !ReadableByteStreamControllerShouldCallPull(c)
      : ReadableStreamDefaultControllerHasBackpressure(c);
  }
  function rcDesiredSize(c) {
    return isByteController(c) ? ReadableByteStreamControllerGetDesiredSize(c)
      : ReadableStreamDefaultControllerGetDesiredSize(c);
  }

  // ---------------------------------------------------------------- tee

  function ReadableStreamTee(stream, cloneForBranch2) {
    if (stream.controller instanceof RBSCRecord) return ReadableByteStreamTee(stream);
    return ReadableStreamDefaultTee(stream, cloneForBranch2);
  }

  function ReadableStreamDefaultTee(stream, cloneForBranch2) {
    const reader = AcquireReadableStreamDefaultReader(stream);
    let reading = false;
    let readAgain = false;
    let canceled1 = false;
    let canceled2 = false;
    let reason1;
    let reason2;
    let branch1;
    let branch2;
    const cancelPromise = new Deferred();
    const pullAlgorithm = () => {
      if (reading) { readAgain = true; return resolvedPromise(undefined); }
      reading = true;
      ReadableStreamDefaultReaderRead(reader, {
        chunkSteps(chunk) {
          queueMicrotask(() => {
            readAgain = false;
            const chunk1 = chunk;
            const chunk2 = chunk;
            if (!canceled1) ReadableStreamDefaultControllerEnqueue(branch1.controller, chunk1);
            if (!canceled2) ReadableStreamDefaultControllerEnqueue(branch2.controller, chunk2);
            reading = false;
            if (readAgain) pullAlgorithm();
          });
        },
        closeSteps() {
          reading = false;
          if (!canceled1) ReadableStreamDefaultControllerClose(branch1.controller);
          if (!canceled2) ReadableStreamDefaultControllerClose(branch2.controller);
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        errorSteps() { reading = false; },
      });
      return resolvedPromise(undefined);
    };
    const cancel1Algorithm = (reason) => {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelPromise.resolve(ReadableStreamCancel(stream, [reason1, reason2]));
      return cancelPromise.promise;
    };
    const cancel2Algorithm = (reason) => {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelPromise.resolve(ReadableStreamCancel(stream, [reason1, reason2]));
      return cancelPromise.promise;
    };
    branch1 = CreateReadableStream(noop, pullAlgorithm, cancel1Algorithm);
    branch2 = CreateReadableStream(noop, pullAlgorithm, cancel2Algorithm);
    uponRejection(reader.closed.promise, (r) => {
      ReadableStreamDefaultControllerError(branch1.controller, r);
      ReadableStreamDefaultControllerError(branch2.controller, r);
      if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
    });
    void cloneForBranch2;
    return [branch1, branch2];
  }

  // Byte tee: reads the source with a default reader and copies each chunk for
  // the second branch; both branches are byte streams, so BYOB reads work on
  // them (the spec's zero-copy BYOB path into the source is not taken).
  function ReadableByteStreamTee(stream) {
    const reader = AcquireReadableStreamDefaultReader(stream);
    let reading = false;
    let readAgain = false;
    let canceled1 = false;
    let canceled2 = false;
    let reason1;
    let reason2;
    let branch1;
    let branch2;
    const cancelPromise = new Deferred();
    const pullAlgorithm = () => {
      if (reading) { readAgain = true; return resolvedPromise(undefined); }
      reading = true;
      ReadableStreamDefaultReaderRead(reader, {
        chunkSteps(chunk) {
          queueMicrotask(() => {
            readAgain = false;
            let chunk1 = chunk;
            let chunk2 = chunk;
            if (!canceled1 && !canceled2) {
              try {
                chunk2 = CloneAsUint8Array(chunk);
              } catch (e) {
                ReadableByteStreamControllerError(branch1.controller, e);
                ReadableByteStreamControllerError(branch2.controller, e);
                cancelPromise.resolve(ReadableStreamCancel(stream, e));
                return;
              }
            }
            if (!canceled1) ReadableByteStreamControllerEnqueue(branch1.controller, chunk1);
            if (!canceled2) ReadableByteStreamControllerEnqueue(branch2.controller, chunk2);
            chunk1 = undefined;
            reading = false;
            if (readAgain) pullAlgorithm();
          });
        },
        closeSteps() {
          reading = false;
          if (!canceled1) rcClose(branch1.controller);
          if (!canceled2) rcClose(branch2.controller);
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        errorSteps() { reading = false; },
      });
      return resolvedPromise(undefined);
    };
    const cancel1Algorithm = (reason) => {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelPromise.resolve(ReadableStreamCancel(stream, [reason1, reason2]));
      return cancelPromise.promise;
    };
    const cancel2Algorithm = (reason) => {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelPromise.resolve(ReadableStreamCancel(stream, [reason1, reason2]));
      return cancelPromise.promise;
    };
    branch1 = CreateReadableByteStream(noop, pullAlgorithm, cancel1Algorithm);
    branch2 = CreateReadableByteStream(noop, pullAlgorithm, cancel2Algorithm);
    uponRejection(reader.closed.promise, (r) => {
      ReadableByteStreamControllerError(branch1.controller, r);
      ReadableByteStreamControllerError(branch2.controller, r);
      if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
    });
    return [branch1, branch2];
  }

  // ---------------------------------------------------------------- ReadableStream.from

  // workerd's jsg AsyncGenerator conversion: a string iterates as a String
  // object; an object's Symbol.asyncIterator (or, when that is null or
  // undefined, Symbol.iterator) must be a function returning an object.
  function GetAsyncIteratorRecord(obj) {
    const notGenerator = () => new TypeError(
      "Failed to execute 'from' on 'ReadableStream': parameter 1 is not of type 'AsyncGenerator'.");
    if (typeof obj === "string") obj = Object(obj);
    if (!isObject(obj)) throw notGenerator();
    let method = obj[SymbolAsyncIterator];
    let sync = false;
    if (method === undefined || method === null) {
      method = obj[SymbolIterator];
      sync = true;
    }
    if (typeof method !== "function") throw notGenerator();
    const iterator = ReflectApply(method, obj, []);
    if (!isObject(iterator)) throw notGenerator();
    return { iterator, nextMethod: iterator.next, sync };
  }

  function ReadableStreamFromIterable(asyncIterable) {
    const record = GetAsyncIteratorRecord(asyncIterable);
    let stream;
    const pullAlgorithm = () => {
      let nextResult;
      try {
        nextResult = ReflectApply(record.nextMethod, record.iterator, []);
        if (!isObject(nextResult)) throw new TypeError("The iterator result is not an object.");
      } catch (e) {
        return rejectedPromise(e);
      }
      let nextPromise;
      if (record.sync) {
        // CreateAsyncFromSyncIterator: await the value, not the result.
        let done;
        let value;
        try { done = !!nextResult.done; value = nextResult.value; } catch (e) { return rejectedPromise(e); }
        nextPromise = transformPromise(resolvedPromise(value), (v) => ({ done, value: v }));
      } else {
        nextPromise = resolvedPromise(nextResult);
      }
      return transformPromise(nextPromise, (iterResult) => {
        if (!isObject(iterResult)) throw new TypeError("The iterator result is not an object.");
        if (iterResult.done) ReadableStreamDefaultControllerClose(stream.controller);
        else ReadableStreamDefaultControllerEnqueue(stream.controller, iterResult.value);
      });
    };
    const cancelAlgorithm = (reason) => {
      const iterator = record.iterator;
      let returnMethod;
      try { returnMethod = iterator.return; } catch (e) { return rejectedPromise(e); }
      if (returnMethod === undefined || returnMethod === null) return resolvedPromise(undefined);
      let returnResult;
      try { returnResult = ReflectApply(returnMethod, iterator, [reason]); } catch (e) { return rejectedPromise(e); }
      return transformPromise(resolvedPromise(returnResult), (r) => {
        if (!isObject(r)) throw new TypeError("The iterator's return() result is not an object.");
      });
    };
    stream = CreateReadableStream(noop, pullAlgorithm, cancelAlgorithm, 0);
    return stream;
  }

  // ---------------------------------------------------------------- pipeTo

  function ReadableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
    const reader = AcquireReadableStreamDefaultReader(source);
    const writer = AcquireWritableStreamDefaultWriter(dest);
    source.disturbed = true;
    let shuttingDown = false;
    let currentWrite = resolvedPromise(undefined);
    const promise = new Deferred();
    let unfollow;
    const readerClosed = reader.closed.promise;
    const writerClosed = writer.closed.promise;

    const waitForWritesToFinish = () => {
      const oldCurrentWrite = currentWrite;
      return transformPromise(currentWrite,
        () => (oldCurrentWrite !== currentWrite ? waitForWritesToFinish() : undefined));
    };
    const finalize = (isError, error) => {
      WritableStreamDefaultWriterRelease(writer);
      ReadableStreamDefaultReaderRelease(reader);
      if (unfollow !== undefined) unfollow();
      if (isError) promise.reject(error); else promise.resolve(undefined);
    };
    const shutdownWithAction = (action, originalIsError, originalError) => {
      if (shuttingDown) return;
      shuttingDown = true;
      const doTheRest = () => {
        uponPromise(action(), () => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
      };
      if (dest.state === "writable" && !WritableStreamCloseQueuedOrInFlight(dest)) {
        uponFulfillment(waitForWritesToFinish(), doTheRest);
      } else {
        doTheRest();
      }
    };
    const shutdown = (isError, error) => {
      if (shuttingDown) return;
      shuttingDown = true;
      if (dest.state === "writable" && !WritableStreamCloseQueuedOrInFlight(dest)) {
        uponFulfillment(waitForWritesToFinish(), () => finalize(isError, error));
      } else {
        finalize(isError, error);
      }
    };

    if (signal !== undefined) {
      const abortAlgorithm = () => {
        const error = signal.reason;
        const actions = [];
        if (!preventAbort) {
          actions[actions.length] = () => (dest.state === "writable"
            ? WritableStreamAbort(dest, error) : resolvedPromise(undefined));
        }
        if (!preventCancel) {
          actions[actions.length] = () => (source.state === "readable"
            ? ReadableStreamCancel(source, error) : resolvedPromise(undefined));
        }
        shutdownWithAction(() => PromiseAll(actions.map((a) => a())), true, error);
      };
      if (signal.aborted) {
        abortAlgorithm();
        return promise.promise;
      }
      unfollow = followSignal(signal, abortAlgorithm);
    }

    const pipeStep = () => {
      if (shuttingDown) return resolvedPromise(true);
      return transformPromise(writer.ready.promise, () => {
        const d = new Deferred();
        ReadableStreamDefaultReaderRead(reader, {
          chunkSteps(chunk) {
            currentWrite = transformPromise(WritableStreamDefaultWriterWrite(writer, chunk), undefined, noop);
            d.resolve(false);
          },
          closeSteps() { d.resolve(true); },
          errorSteps(e) { d.reject(e); },
        });
        return d.promise;
      });
    };
    const pipeLoop = () => new Promise((resolveLoop, rejectLoop) => {
      const next = (done) => {
        if (done) resolveLoop(undefined);
        else PromiseThen(pipeStep(), next, rejectLoop);
      };
      next(false);
    });

    // Errors must be propagated forward.
    if (source.state === "errored") {
      const e = source.storedError;
      if (!preventAbort) shutdownWithAction(() => WritableStreamAbort(dest, e), true, e);
      else shutdown(true, e);
    } else {
      uponRejection(readerClosed, (e) => {
        if (!preventAbort) shutdownWithAction(() => WritableStreamAbort(dest, e), true, e);
        else shutdown(true, e);
      });
    }
    // Errors must be propagated backward.
    if (dest.state === "errored") {
      const e = dest.storedError;
      if (!preventCancel) shutdownWithAction(() => ReadableStreamCancel(source, e), true, e);
      else shutdown(true, e);
    } else {
      uponRejection(writerClosed, (e) => {
        if (!preventCancel) shutdownWithAction(() => ReadableStreamCancel(source, e), true, e);
        else shutdown(true, e);
      });
    }
    // Closing must be propagated forward.
    if (source.state === "closed") {
      if (!preventClose) shutdownWithAction(() => WritableStreamDefaultWriterCloseWithErrorPropagation(writer));
      else shutdown();
    } else {
      uponFulfillment(readerClosed, () => {
        if (!preventClose) shutdownWithAction(() => WritableStreamDefaultWriterCloseWithErrorPropagation(writer));
        else shutdown();
      });
    }
    // Closing must be propagated backward.
    if (WritableStreamCloseQueuedOrInFlight(dest) || dest.state === "closed") {
      const destClosed = new TypeError("The destination WritableStream closed before all data could be piped to it.");
      if (!preventCancel) shutdownWithAction(() => ReadableStreamCancel(source, destClosed), true, destClosed);
      else shutdown(true, destClosed);
    }
    setHandled(pipeLoop());
    return promise.promise;
  }

  function convertPipeOptions(options) {
    const dict = toDictionary(options, "The pipe options");
    const preventAbort = toBoolean(dict.preventAbort);
    const preventCancel = toBoolean(dict.preventCancel);
    const preventClose = toBoolean(dict.preventClose);
    const signal = dict.signal;
    if (signal !== undefined && !isAbortSignalLike(signal)) {
      throw new TypeError("The pipe options' signal must be an AbortSignal.");
    }
    return { preventAbort, preventCancel, preventClose, signal };
  }

  // ---------------------------------------------------------------- async iteration

  const AsyncIteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf(async function* () {}.prototype));
  let asyncIterRecordOf;

  class ReadableStreamAsyncIterator {
    #i;
    constructor(token, record) {
      if (token !== kInternal) throw new TypeError("Illegal constructor.");
      this.#i = record;
    }
    static { asyncIterRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined); }
    next() {
      const it = asyncIterRecordOf(this);
      if (it === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      const nextSteps = () => {
        if (it.isFinished) return resolvedPromise({ value: undefined, done: true });
        const nextPromise = asyncIteratorGetNext(it);
        return transformPromise(nextPromise, (next) => {
          it.ongoingPromise = undefined;
          if (next === kEndOfIteration) { it.isFinished = true; return { value: undefined, done: true }; }
          return { value: next, done: false };
        }, (reason) => {
          it.ongoingPromise = undefined;
          it.isFinished = true;
          throw reason;
        });
      };
      it.ongoingPromise = it.ongoingPromise !== undefined
        ? transformPromise(it.ongoingPromise, nextSteps, nextSteps) : nextSteps();
      return it.ongoingPromise;
    }
    return(value = undefined) {
      const it = asyncIterRecordOf(this);
      if (it === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      const returnSteps = () => {
        if (it.isFinished) return resolvedPromise({ value, done: true });
        it.isFinished = true;
        return asyncIteratorReturn(it, value);
      };
      it.ongoingPromise = it.ongoingPromise !== undefined
        ? transformPromise(it.ongoingPromise, returnSteps, returnSteps) : returnSteps();
      return transformPromise(it.ongoingPromise, () => ({ value, done: true }));
    }
  }
  delete ReadableStreamAsyncIterator.prototype.constructor;
  ObjectSetPrototypeOf(ReadableStreamAsyncIterator.prototype, AsyncIteratorPrototype);
  ObjectDefineProperty(ReadableStreamAsyncIterator.prototype, SymbolToStringTag,
    { value: "ReadableStream AsyncIterator", configurable: true });

  const kEndOfIteration = Symbol("end of iteration");
  function asyncIteratorGetNext(it) {
    const reader = it.reader;
    if (reader.stream === undefined) return rejectedPromise(releasedReaderError());
    const d = new Deferred();
    ReadableStreamDefaultReaderRead(reader, {
      chunkSteps(chunk) { d.resolve(chunk); },
      closeSteps() { ReadableStreamDefaultReaderRelease(reader); d.resolve(kEndOfIteration); },
      errorSteps(e) { ReadableStreamDefaultReaderRelease(reader); d.reject(e); },
    });
    return d.promise;
  }
  function asyncIteratorReturn(it, arg) {
    const reader = it.reader;
    if (reader.stream === undefined) return resolvedPromise(undefined);
    if (!it.preventCancel) {
      const result = ReadableStreamReaderGenericCancel(reader, arg);
      ReadableStreamDefaultReaderRelease(reader);
      return result;
    }
    ReadableStreamDefaultReaderRelease(reader);
    return resolvedPromise(undefined);
  }

  // ================================================================ public readable classes

  class ReadableStream {
    #i;
    constructor(underlyingSource = undefined, strategy = undefined) {
      if (underlyingSource === kInternal) {
        this.#i = new ReadableStreamRecord(this);
        return;
      }
      if (underlyingSource === null) underlyingSource = undefined;
      if (underlyingSource !== undefined && !isObject(underlyingSource)) {
        throw new TypeError("The underlying source must be an object.");
      }
      const src = underlyingSource === undefined ? {} : underlyingSource;
      // Dictionary members in lexicographic order, as WebIDL reads them.
      const autoAllocateChunkSizeRaw = src.autoAllocateChunkSize;
      const autoAllocateChunkSize = autoAllocateChunkSizeRaw === undefined ? undefined
        : toEnforcedUnsignedLongLong(autoAllocateChunkSizeRaw, "autoAllocateChunkSize");
      const cancel = toCallback(src.cancel, "The underlying source's cancel");
      const pull = toCallback(src.pull, "The underlying source's pull");
      const start = toCallback(src.start, "The underlying source's start");
      const typeRaw = src.type;
      let type;
      if (typeRaw !== undefined) {
        type = `${typeRaw}`;
        if (type !== "bytes" && type !== "") throw new TypeError(`"${type}" is not a valid type of ReadableStream.`);
      }
      const strat = convertQueuingStrategy(strategy);
      const stream = new ReadableStreamRecord(this);
      this.#i = stream;
      const dict = { start, pull, cancel };
      if (type === "bytes") {
        if (strat.size !== undefined) {
          throw new RangeError("The strategy for a byte stream cannot have a size function.");
        }
        const hwm = ExtractHighWaterMark(strat, 0);
        if (autoAllocateChunkSize === 0) throw new TypeError("autoAllocateChunkSize must be greater than 0.");
        const controller = new RBSCRecord();
        const algs = sourceAlgorithms(src, dict);
        SetUpReadableByteStreamController(stream, controller, algs.start, () => algs.pull(controller.pub),
          algs.cancel, hwm, autoAllocateChunkSize);
      } else {
        const sizeAlgorithm = ExtractSizeAlgorithm(strat);
        const hwm = ExtractHighWaterMark(strat, 1);
        SetUpReadableStreamDefaultControllerFromUnderlyingSource(stream, src, dict, hwm, sizeAlgorithm);
      }
    }
    static {
      rsRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newReadableStreamPub = () => new ReadableStream(kInternal);
    }

    static from(asyncIterable) {
      return ReadableStreamFromIterable(asyncIterable).pub;
    }

    get locked() {
      return IsReadableStreamLocked(requireRecord(rsRecordOf, this, "ReadableStream"));
    }

    cancel(reason = undefined) {
      const stream = rsRecordOf(this);
      if (stream === undefined) return rejectedPromise(new TypeError("Illegal invocation: not a ReadableStream."));
      if (IsReadableStreamLocked(stream)) return rejectedPromise(lockedReadableError());
      return ReadableStreamCancel(stream, reason);
    }

    getReader(options = undefined) {
      const stream = requireRecord(rsRecordOf, this, "ReadableStream");
      const dict = toDictionary(options, "The getReader() options");
      const modeRaw = dict.mode;
      if (modeRaw === undefined) return newDefaultReaderPub(stream);
      const mode = `${modeRaw}`;
      if (mode !== "byob") throw new TypeError("mode must be undefined or 'byob' in call to getReader().");
      return newBYOBReaderPub(stream);
    }

    pipeThrough(transform, options = undefined) {
      const stream = requireRecord(rsRecordOf, this, "ReadableStream");
      if (!isObject(transform)) throw new TypeError("pipeThrough() requires a { readable, writable } pair.");
      const readable = transform.readable;
      const readableRecord = rsRecordOf(readable);
      if (readableRecord === undefined) throw new TypeError("The transform's readable must be a ReadableStream.");
      const writableRecord = wsRecordOf(transform.writable);
      if (writableRecord === undefined) throw new TypeError("The transform's writable must be a WritableStream.");
      const opts = convertPipeOptions(options);
      if (IsReadableStreamLocked(stream)) throw lockedReadableError();
      if (IsWritableStreamLocked(writableRecord)) throw lockedWritableError();
      const promise = ReadableStreamPipeTo(stream, writableRecord, opts.preventClose, opts.preventAbort,
        opts.preventCancel, opts.signal);
      setHandled(promise);
      return readable;
    }

    pipeTo(destination, options = undefined) {
      const stream = rsRecordOf(this);
      if (stream === undefined) return rejectedPromise(new TypeError("Illegal invocation: not a ReadableStream."));
      const dest = wsRecordOf(destination);
      if (dest === undefined) return rejectedPromise(new TypeError("pipeTo() requires a WritableStream."));
      let opts;
      try { opts = convertPipeOptions(options); } catch (e) { return rejectedPromise(e); }
      if (IsReadableStreamLocked(stream)) return rejectedPromise(lockedReadableError());
      if (IsWritableStreamLocked(dest)) return rejectedPromise(lockedWritableError());
      return ReadableStreamPipeTo(stream, dest, opts.preventClose, opts.preventAbort, opts.preventCancel,
        opts.signal);
    }

    tee() {
      const stream = requireRecord(rsRecordOf, this, "ReadableStream");
      if (IsReadableStreamLocked(stream)) throw lockedReadableError();
      const [b1, b2] = ReadableStreamTee(stream, false);
      return [b1.pub, b2.pub];
    }

    values(options = undefined) {
      const stream = requireRecord(rsRecordOf, this, "ReadableStream");
      const dict = toDictionary(options, "The values() options");
      const preventCancel = toBoolean(dict.preventCancel);
      const reader = AcquireReadableStreamDefaultReader(stream);
      return new ReadableStreamAsyncIterator(kInternal,
        { reader, preventCancel, ongoingPromise: undefined, isFinished: false });
    }
  }
  ObjectDefineProperty(ReadableStream.prototype, SymbolAsyncIterator,
    { value: ReadableStream.prototype.values, writable: true, configurable: true });

  class ReadableStreamDefaultReader {
    #i;
    constructor(stream) {
      let record;
      if (stream === kInternal) {
        record = arguments[1];
      } else {
        const s = rsRecordOf(stream);
        if (s === undefined) throw new TypeError("ReadableStreamDefaultReader requires a ReadableStream.");
        record = new DefaultReaderRecord();
        SetUpReadableStreamDefaultReader(record, s);
      }
      record.pub = this;
      this.#i = record;
    }
    static {
      rdrRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newDefaultReaderPub = (stream) => new ReadableStreamDefaultReader(kInternal, AcquireReadableStreamDefaultReader(stream));
    }
    get closed() {
      const r = rdrRecordOf(this);
      if (r === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      return r.closed.promise;
    }
    cancel(reason = undefined) {
      const r = rdrRecordOf(this);
      if (r === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      if (r.stream === undefined) return rejectedPromise(releasedReaderError());
      return ReadableStreamReaderGenericCancel(r, reason);
    }
    read() {
      const r = rdrRecordOf(this);
      if (r === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      if (r.stream === undefined) return rejectedPromise(releasedReaderError());
      const d = new Deferred();
      ReadableStreamDefaultReaderRead(r, new PromiseReadRequest(d));
      return d.promise;
    }
    releaseLock() {
      const r = requireRecord(rdrRecordOf, this, "ReadableStreamDefaultReader");
      if (r.stream === undefined) return;
      ReadableStreamDefaultReaderRelease(r);
    }
  }

  class ReadableStreamBYOBReader {
    #i;
    constructor(stream) {
      let record;
      if (stream === kInternal) {
        record = arguments[1];
      } else {
        const s = rsRecordOf(stream);
        if (s === undefined) throw new TypeError("ReadableStreamBYOBReader requires a ReadableStream.");
        record = new BYOBReaderRecord();
        SetUpReadableStreamBYOBReader(record, s);
      }
      record.pub = this;
      this.#i = record;
    }
    static {
      byobRdrRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newBYOBReaderPub = (stream) => new ReadableStreamBYOBReader(kInternal, AcquireReadableStreamBYOBReader(stream));
    }
    get closed() {
      const r = byobRdrRecordOf(this);
      if (r === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      return r.closed.promise;
    }
    cancel(reason = undefined) {
      const r = byobRdrRecordOf(this);
      if (r === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      if (r.stream === undefined) return rejectedPromise(releasedReaderError());
      return ReadableStreamReaderGenericCancel(r, reason);
    }
    read(view, options = undefined) {
      const r = byobRdrRecordOf(this);
      if (r === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      if (!ArrayBufferIsView(view)) return rejectedPromise(new TypeError("read() requires an ArrayBufferView."));
      let min;
      try {
        const dict = toDictionary(options, "The read() options");
        min = dict.min === undefined ? 1 : toEnforcedUnsignedLongLong(dict.min, "min");
      } catch (e) {
        return rejectedPromise(e);
      }
      const buffer = viewBuffer(view);
      if (viewByteLength(view) === 0) return rejectedPromise(new TypeError("The view's byteLength must be greater than 0."));
      let bufferByteLength;
      try { bufferByteLength = abByteLength(buffer); } catch (e) { return rejectedPromise(e); }
      if (bufferByteLength === 0) {
        return rejectedPromise(new TypeError(IsDetachedBuffer(buffer) ? "The view's buffer has been detached."
          : "The view's buffer byteLength must be greater than 0."));
      }
      if (min === 0) return rejectedPromise(new TypeError("options.min must be greater than 0."));
      if (isTypedArray(view)) {
        if (min > taLength(view)) return rejectedPromise(new RangeError("options.min must be at most the view's length."));
      } else if (min > viewByteLength(view)) {
        return rejectedPromise(new RangeError("options.min must be at most the view's byteLength."));
      }
      if (r.stream === undefined) return rejectedPromise(releasedReaderError());
      const d = new Deferred();
      ReadableStreamBYOBReaderRead(r, view, min, new PromiseReadRequest(d));
      return d.promise;
    }
    releaseLock() {
      const r = requireRecord(byobRdrRecordOf, this, "ReadableStreamBYOBReader");
      if (r.stream === undefined) return;
      ReadableStreamBYOBReaderRelease(r);
    }
  }

  class ReadableStreamDefaultController {
    #i;
    constructor(token, record) {
      if (token !== kInternal) throw new TypeError("Illegal constructor.");
      this.#i = record;
    }
    static {
      rsdcRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newRSDCPub = (record) => new ReadableStreamDefaultController(kInternal, record);
    }
    get desiredSize() {
      return ReadableStreamDefaultControllerGetDesiredSize(requireRecord(rsdcRecordOf, this, "ReadableStreamDefaultController"));
    }
    close() {
      const c = requireRecord(rsdcRecordOf, this, "ReadableStreamDefaultController");
      if (!ReadableStreamDefaultControllerCanCloseOrEnqueue(c)) {
        throw new TypeError("This ReadableStream is closed.");
      }
      ReadableStreamDefaultControllerClose(c);
    }
    enqueue(chunk = undefined) {
      const c = requireRecord(rsdcRecordOf, this, "ReadableStreamDefaultController");
      if (!ReadableStreamDefaultControllerCanCloseOrEnqueue(c)) throw new TypeError("Unable to enqueue");
      ReadableStreamDefaultControllerEnqueue(c, chunk);
    }
    error(e = undefined) {
      ReadableStreamDefaultControllerError(requireRecord(rsdcRecordOf, this, "ReadableStreamDefaultController"), e);
    }
  }

  class ReadableByteStreamController {
    #i;
    constructor(token, record) {
      if (token !== kInternal) throw new TypeError("Illegal constructor.");
      this.#i = record;
    }
    static {
      rbscRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newRBSCPub = (record) => new ReadableByteStreamController(kInternal, record);
    }
    get byobRequest() {
      return ReadableByteStreamControllerGetBYOBRequest(requireRecord(rbscRecordOf, this, "ReadableByteStreamController"));
    }
    get desiredSize() {
      return ReadableByteStreamControllerGetDesiredSize(requireRecord(rbscRecordOf, this, "ReadableByteStreamController"));
    }
    close() {
      const c = requireRecord(rbscRecordOf, this, "ReadableByteStreamController");
      if (c.closeRequested || c.stream.state !== "readable") throw new TypeError("This ReadableStream is closed.");
      ReadableByteStreamControllerClose(c);
    }
    // As workerd: a BufferSource (an ArrayBuffer enqueues as a Uint8Array over it).
    enqueue(chunk = undefined) {
      const c = requireRecord(rbscRecordOf, this, "ReadableByteStreamController");
      if (isArrayBuffer(chunk)) {
        chunk = new Uint8Array(chunk);
      } else if (!ArrayBufferIsView(chunk)) {
        throw new TypeError("Failed to execute 'enqueue' on 'ReadableByteStreamController': " +
          "parameter 1 is not of type 'BufferSource'.");
      }
      if (viewByteLength(chunk) === 0 || abByteLength(viewBuffer(chunk)) === 0) {
        throw new TypeError("Cannot enqueue a zero-length ArrayBuffer.");
      }
      if (c.closeRequested || c.stream.state !== "readable") {
        throw new TypeError("This ReadableByteStreamController is closed.");
      }
      ReadableByteStreamControllerEnqueue(c, chunk);
    }
    error(e = undefined) {
      ReadableByteStreamControllerError(requireRecord(rbscRecordOf, this, "ReadableByteStreamController"), e);
    }
  }

  class ReadableStreamBYOBRequest {
    #i;
    constructor(token, record) {
      if (token !== kInternal) throw new TypeError("Illegal constructor.");
      this.#i = record;
    }
    static {
      byobReqRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newBYOBRequestPub = (record) => new ReadableStreamBYOBRequest(kInternal, record);
    }
    get view() { return requireRecord(byobReqRecordOf, this, "ReadableStreamBYOBRequest").view; }
    respond(bytesWritten) {
      const r = requireRecord(byobReqRecordOf, this, "ReadableStreamBYOBRequest");
      const n = toEnforcedUnsignedLongLong(bytesWritten, "bytesWritten");
      if (r.controller === undefined) throw new TypeError("This BYOB request has been invalidated.");
      if (IsDetachedBuffer(taBuffer(r.view))) throw new TypeError("The BYOB request's buffer has been detached.");
      ReadableByteStreamControllerRespond(r.controller, n);
    }
    respondWithNewView(view) {
      const r = requireRecord(byobReqRecordOf, this, "ReadableStreamBYOBRequest");
      if (!ArrayBufferIsView(view)) throw new TypeError("respondWithNewView() requires an ArrayBufferView.");
      if (r.controller === undefined) throw new TypeError("This BYOB request has been invalidated.");
      if (IsDetachedBuffer(viewBuffer(view))) throw new TypeError("The view's buffer has been detached.");
      ReadableByteStreamControllerRespondWithNewView(r.controller, view);
    }
  }

  // ================================================================ WritableStream

  const kCloseSentinel = Symbol("close sentinel");

  class WritableStreamRecord {
    constructor(pub) {
      this.pub = pub;
      this.state = "writable";
      this.storedError = undefined;
      this.writer = undefined;
      this.controller = undefined;
      this.inFlightWriteRequest = undefined;
      this.closeRequest = undefined;
      this.inFlightCloseRequest = undefined;
      this.pendingAbortRequest = undefined;
      this.writeRequests = new Queue();
      this.backpressure = false;
      // Optional (chunk) => void that throws for a chunk this sink can never
      // take; the write then rejects at once and the stream is unchanged
      // (workerd's byte transforms check a chunk's type when it is written).
      this.chunkCheck = undefined;
    }
  }
  class WriterRecord {
    constructor() { this.pub = undefined; this.stream = undefined; this.ready = undefined; this.closed = undefined; }
  }
  class WSDCRecord {
    constructor() {
      this.pub = undefined;
      this.stream = undefined;
      this.queue = undefined;
      this.queueTotalSize = 0;
      this.signal = undefined;
      this.started = false;
      this.strategySizeAlgorithm = undefined;
      this.strategyHWM = 1;
      this.writeAlgorithm = undefined;
      this.closeAlgorithm = undefined;
      this.abortAlgorithm = undefined;
    }
    abortSteps(reason) {
      const result = this.abortAlgorithm(reason);
      WritableStreamDefaultControllerClearAlgorithms(this);
      return result;
    }
    errorSteps() { ResetQueue(this); }
  }

  function AcquireWritableStreamDefaultWriter(stream) {
    const writer = new WriterRecord();
    SetUpWritableStreamDefaultWriter(writer, stream);
    return writer;
  }
  function CreateWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark = 1,
    sizeAlgorithm = () => 1) {
    const stream = wsRecordOf(newWritableStreamPub());
    const controller = new WSDCRecord();
    SetUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
      abortAlgorithm, highWaterMark, sizeAlgorithm);
    return stream;
  }
  const IsWritableStreamLocked = (stream) => stream.writer !== undefined;

  function WritableStreamAbort(stream, reason) {
    if (stream.state === "closed" || stream.state === "errored") return resolvedPromise(undefined);
    signalAbort(stream.controller.signal, reason);
    const state = stream.state;
    if (state === "closed" || state === "errored") return resolvedPromise(undefined);
    if (stream.pendingAbortRequest !== undefined) return stream.pendingAbortRequest.promise.promise;
    let wasAlreadyErroring = false;
    if (state === "erroring") { wasAlreadyErroring = true; reason = undefined; }
    const promise = new Deferred();
    stream.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
    if (!wasAlreadyErroring) WritableStreamStartErroring(stream, reason);
    return promise.promise;
  }
  function WritableStreamClose(stream) {
    const state = stream.state;
    if (state === "closed" || state === "errored") {
      return rejectedPromise(new TypeError("This WritableStream has been closed."));
    }
    const promise = new Deferred();
    stream.closeRequest = promise;
    const writer = stream.writer;
    if (writer !== undefined && stream.backpressure && state === "writable") writer.ready.resolve(undefined);
    WritableStreamDefaultControllerClose(stream.controller);
    return promise.promise;
  }
  function WritableStreamAddWriteRequest(stream) {
    const d = new Deferred();
    stream.writeRequests.push(d);
    return d.promise;
  }
  function WritableStreamDealWithRejection(stream, error) {
    if (stream.state === "writable") { WritableStreamStartErroring(stream, error); return; }
    WritableStreamFinishErroring(stream);
  }
  function WritableStreamStartErroring(stream, reason) {
    const controller = stream.controller;
    stream.state = "erroring";
    stream.storedError = reason;
    const writer = stream.writer;
    if (writer !== undefined) WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
    if (!WritableStreamHasOperationMarkedInFlight(stream) && controller.started) WritableStreamFinishErroring(stream);
  }
  function WritableStreamFinishErroring(stream) {
    stream.state = "errored";
    stream.controller.errorSteps();
    const storedError = stream.storedError;
    const writeRequests = stream.writeRequests;
    stream.writeRequests = new Queue();
    while (writeRequests.length > 0) writeRequests.shift().reject(storedError);
    if (stream.pendingAbortRequest === undefined) {
      WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
      return;
    }
    const abortRequest = stream.pendingAbortRequest;
    stream.pendingAbortRequest = undefined;
    if (abortRequest.wasAlreadyErroring) {
      abortRequest.promise.reject(storedError);
      WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
      return;
    }
    const promise = stream.controller.abortSteps(abortRequest.reason);
    uponPromise(promise, () => {
      abortRequest.promise.resolve(undefined);
      WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    }, (reason) => {
      abortRequest.promise.reject(reason);
      WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    });
  }
  function WritableStreamFinishInFlightWrite(stream) {
    stream.inFlightWriteRequest.resolve(undefined);
    stream.inFlightWriteRequest = undefined;
  }
  function WritableStreamFinishInFlightWriteWithError(stream, error) {
    stream.inFlightWriteRequest.reject(error);
    stream.inFlightWriteRequest = undefined;
    WritableStreamDealWithRejection(stream, error);
  }
  function WritableStreamFinishInFlightClose(stream) {
    stream.inFlightCloseRequest.resolve(undefined);
    stream.inFlightCloseRequest = undefined;
    if (stream.state === "erroring") {
      stream.storedError = undefined;
      if (stream.pendingAbortRequest !== undefined) {
        stream.pendingAbortRequest.promise.resolve(undefined);
        stream.pendingAbortRequest = undefined;
      }
    }
    stream.state = "closed";
    const writer = stream.writer;
    if (writer !== undefined) writer.closed.resolve(undefined);
  }
  function WritableStreamFinishInFlightCloseWithError(stream, error) {
    stream.inFlightCloseRequest.reject(error);
    stream.inFlightCloseRequest = undefined;
    if (stream.pendingAbortRequest !== undefined) {
      stream.pendingAbortRequest.promise.reject(error);
      stream.pendingAbortRequest = undefined;
    }
    WritableStreamDealWithRejection(stream, error);
  }
  const WritableStreamCloseQueuedOrInFlight = (stream) => stream.closeRequest !== undefined
    || stream.inFlightCloseRequest !== undefined;
  const WritableStreamHasOperationMarkedInFlight = (stream) => stream.inFlightWriteRequest !== undefined
    || stream.inFlightCloseRequest !== undefined;
  function WritableStreamMarkCloseRequestInFlight(stream) {
    stream.inFlightCloseRequest = stream.closeRequest;
    stream.closeRequest = undefined;
  }
  function WritableStreamMarkFirstWriteRequestInFlight(stream) {
    stream.inFlightWriteRequest = stream.writeRequests.shift();
  }
  function WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
    if (stream.closeRequest !== undefined) {
      stream.closeRequest.reject(stream.storedError);
      stream.closeRequest = undefined;
    }
    const writer = stream.writer;
    if (writer !== undefined) {
      writer.closed.reject(stream.storedError);
      setHandled(writer.closed.promise);
    }
  }
  function WritableStreamUpdateBackpressure(stream, backpressure) {
    const writer = stream.writer;
    if (writer !== undefined && backpressure !== stream.backpressure) {
      if (backpressure) writer.ready = new Deferred();
      else writer.ready.resolve(undefined);
    }
    stream.backpressure = backpressure;
  }

  function SetUpWritableStreamDefaultWriter(writer, stream) {
    if (IsWritableStreamLocked(stream)) throw lockedWritableError();
    writer.stream = stream;
    stream.writer = writer;
    const state = stream.state;
    if (state === "writable") {
      writer.ready = !WritableStreamCloseQueuedOrInFlight(stream) && stream.backpressure
        ? new Deferred() : resolvedDeferred(undefined);
      writer.closed = new Deferred();
    } else if (state === "erroring") {
      writer.ready = rejectedDeferred(stream.storedError);
      writer.closed = new Deferred();
    } else if (state === "closed") {
      writer.ready = resolvedDeferred(undefined);
      writer.closed = resolvedDeferred(undefined);
    } else {
      writer.ready = rejectedDeferred(stream.storedError);
      writer.closed = rejectedDeferred(stream.storedError);
    }
  }
  function WritableStreamDefaultWriterCloseWithErrorPropagation(writer) {
    const stream = writer.stream;
    const state = stream.state;
    if (WritableStreamCloseQueuedOrInFlight(stream) || state === "closed") return resolvedPromise(undefined);
    if (state === "errored") return rejectedPromise(stream.storedError);
    return WritableStreamClose(stream);
  }
  function WritableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
    if (writer.closed.state === "pending") writer.closed.reject(error);
    else writer.closed = rejectedDeferred(error);
    setHandled(writer.closed.promise);
  }
  function WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
    if (writer.ready.state === "pending") writer.ready.reject(error);
    else writer.ready = rejectedDeferred(error);
    setHandled(writer.ready.promise);
  }
  function WritableStreamDefaultWriterGetDesiredSize(writer) {
    const stream = writer.stream;
    const state = stream.state;
    if (state === "errored" || state === "erroring") return null;
    if (state === "closed") return 0;
    return WritableStreamDefaultControllerGetDesiredSize(stream.controller);
  }
  function WritableStreamDefaultWriterRelease(writer) {
    const stream = writer.stream;
    const releasedError = releasedWriterError();
    WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
    WritableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
    stream.writer = undefined;
    writer.stream = undefined;
  }
  function WritableStreamDefaultWriterWrite(writer, chunk) {
    const stream = writer.stream;
    const controller = stream.controller;
    const chunkSize = WritableStreamDefaultControllerGetChunkSize(controller, chunk);
    if (stream !== writer.stream) return rejectedPromise(releasedWriterError());
    const state = stream.state;
    if (state === "errored") return rejectedPromise(stream.storedError);
    if (WritableStreamCloseQueuedOrInFlight(stream) || state === "closed") {
      return rejectedPromise(new TypeError("This WritableStream has been closed."));
    }
    if (state === "erroring") return rejectedPromise(stream.storedError);
    if (stream.chunkCheck !== undefined) {
      try {
        stream.chunkCheck(chunk);
      } catch (e) {
        return rejectedPromise(e);
      }
    }
    const promise = WritableStreamAddWriteRequest(stream);
    WritableStreamDefaultControllerWrite(controller, chunk, chunkSize);
    return promise;
  }

  function SetUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
    abortAlgorithm, highWaterMark, sizeAlgorithm) {
    controller.stream = stream;
    stream.controller = controller;
    ResetQueue(controller);
    controller.signal = newAbortSignal();
    controller.started = false;
    controller.strategySizeAlgorithm = sizeAlgorithm;
    controller.strategyHWM = highWaterMark;
    controller.writeAlgorithm = writeAlgorithm;
    controller.closeAlgorithm = closeAlgorithm;
    controller.abortAlgorithm = abortAlgorithm;
    controller.pub = newWSDCPub(controller);
    WritableStreamUpdateBackpressure(stream, WritableStreamDefaultControllerGetBackpressure(controller));
    const startResult = startAlgorithm(controller.pub);
    uponPromise(resolvedPromise(startResult), () => {
      controller.started = true;
      WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    }, (r) => {
      controller.started = true;
      WritableStreamDealWithRejection(stream, r);
    });
  }
  function WritableStreamDefaultControllerClearAlgorithms(controller) {
    controller.writeAlgorithm = undefined;
    controller.closeAlgorithm = undefined;
    controller.abortAlgorithm = undefined;
    controller.strategySizeAlgorithm = undefined;
  }
  function WritableStreamDefaultControllerClose(controller) {
    EnqueueValueWithSize(controller, kCloseSentinel, 0);
    WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }
  function WritableStreamDefaultControllerGetChunkSize(controller, chunk) {
    if (controller.strategySizeAlgorithm === undefined) return 1;
    try {
      return controller.strategySizeAlgorithm(chunk);
    } catch (e) {
      WritableStreamDefaultControllerErrorIfNeeded(controller, e);
      return 1;
    }
  }
  const WritableStreamDefaultControllerGetDesiredSize = (c) => c.strategyHWM - c.queueTotalSize;
  function WritableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
    try {
      EnqueueValueWithSize(controller, chunk, chunkSize);
    } catch (e) {
      WritableStreamDefaultControllerErrorIfNeeded(controller, e);
      return;
    }
    const stream = controller.stream;
    if (!WritableStreamCloseQueuedOrInFlight(stream) && stream.state === "writable") {
      WritableStreamUpdateBackpressure(stream, WritableStreamDefaultControllerGetBackpressure(controller));
    }
    WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }
  function WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
    const stream = controller.stream;
    if (!controller.started) return;
    if (stream.inFlightWriteRequest !== undefined) return;
    const state = stream.state;
    if (state === "erroring") { WritableStreamFinishErroring(stream); return; }
    if (state !== "writable") return;
    if (controller.queue.length === 0) return;
    const value = PeekQueueValue(controller);
    if (value === kCloseSentinel) WritableStreamDefaultControllerProcessClose(controller);
    else WritableStreamDefaultControllerProcessWrite(controller, value);
  }
  function WritableStreamDefaultControllerErrorIfNeeded(controller, error) {
    if (controller.stream.state === "writable") WritableStreamDefaultControllerError(controller, error);
  }
  function WritableStreamDefaultControllerProcessClose(controller) {
    const stream = controller.stream;
    WritableStreamMarkCloseRequestInFlight(stream);
    DequeueValue(controller);
    const sinkClosePromise = controller.closeAlgorithm();
    WritableStreamDefaultControllerClearAlgorithms(controller);
    uponPromise(sinkClosePromise, () => { WritableStreamFinishInFlightClose(stream); },
      (reason) => { WritableStreamFinishInFlightCloseWithError(stream, reason); });
  }
  function WritableStreamDefaultControllerProcessWrite(controller, chunk) {
    const stream = controller.stream;
    WritableStreamMarkFirstWriteRequestInFlight(stream);
    const sinkWritePromise = controller.writeAlgorithm(chunk);
    uponPromise(sinkWritePromise, () => {
      WritableStreamFinishInFlightWrite(stream);
      const state = stream.state;
      DequeueValue(controller);
      if (!WritableStreamCloseQueuedOrInFlight(stream) && state === "writable") {
        WritableStreamUpdateBackpressure(stream, WritableStreamDefaultControllerGetBackpressure(controller));
      }
      WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    }, (reason) => {
      if (stream.state === "writable") WritableStreamDefaultControllerClearAlgorithms(controller);
      WritableStreamFinishInFlightWriteWithError(stream, reason);
    });
  }
  const WritableStreamDefaultControllerGetBackpressure = (c) => WritableStreamDefaultControllerGetDesiredSize(c) <= 0;
  function WritableStreamDefaultControllerError(controller, error) {
    const stream = controller.stream;
    WritableStreamDefaultControllerClearAlgorithms(controller);
    WritableStreamStartErroring(stream, error);
  }

  class WritableStream {
    #i;
    constructor(underlyingSink = undefined, strategy = undefined) {
      if (underlyingSink === kInternal) {
        this.#i = new WritableStreamRecord(this);
        return;
      }
      if (underlyingSink === null) underlyingSink = undefined;
      if (underlyingSink !== undefined && !isObject(underlyingSink)) {
        throw new TypeError("The underlying sink must be an object.");
      }
      const sink = underlyingSink === undefined ? {} : underlyingSink;
      const abort = toCallback(sink.abort, "The underlying sink's abort");
      const close = toCallback(sink.close, "The underlying sink's close");
      const start = toCallback(sink.start, "The underlying sink's start");
      const type = sink.type;
      const write = toCallback(sink.write, "The underlying sink's write");
      const strat = convertQueuingStrategy(strategy);
      if (type !== undefined) throw new RangeError("Invalid type is specified for the underlying sink.");
      const stream = new WritableStreamRecord(this);
      this.#i = stream;
      const sizeAlgorithm = ExtractSizeAlgorithm(strat);
      const hwm = ExtractHighWaterMark(strat, 1);
      const controller = new WSDCRecord();
      SetUpWritableStreamDefaultController(stream, controller,
        start === undefined ? noop : (c) => ReflectApply(start, sink, [c]),
        write === undefined ? () => resolvedPromise(undefined) : (chunk) => promiseCall(write, sink, [chunk, controller.pub]),
        close === undefined ? () => resolvedPromise(undefined) : () => promiseCall(close, sink, []),
        abort === undefined ? () => resolvedPromise(undefined) : (reason) => promiseCall(abort, sink, [reason]),
        hwm, sizeAlgorithm);
    }
    static {
      wsRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newWritableStreamPub = () => new WritableStream(kInternal);
    }
    get locked() { return IsWritableStreamLocked(requireRecord(wsRecordOf, this, "WritableStream")); }
    abort(reason = undefined) {
      const stream = wsRecordOf(this);
      if (stream === undefined) return rejectedPromise(new TypeError("Illegal invocation: not a WritableStream."));
      if (IsWritableStreamLocked(stream)) return rejectedPromise(lockedWritableError());
      return WritableStreamAbort(stream, reason);
    }
    close() {
      const stream = wsRecordOf(this);
      if (stream === undefined) return rejectedPromise(new TypeError("Illegal invocation: not a WritableStream."));
      if (IsWritableStreamLocked(stream)) return rejectedPromise(lockedWritableError());
      if (WritableStreamCloseQueuedOrInFlight(stream)) {
        return rejectedPromise(new TypeError("This WritableStream is already closing."));
      }
      return WritableStreamClose(stream);
    }
    getWriter() {
      return newWriterPub(requireRecord(wsRecordOf, this, "WritableStream"));
    }
  }

  class WritableStreamDefaultWriter {
    #i;
    constructor(stream) {
      let record;
      if (stream === kInternal) {
        record = arguments[1];
      } else {
        const s = wsRecordOf(stream);
        if (s === undefined) throw new TypeError("WritableStreamDefaultWriter requires a WritableStream.");
        record = AcquireWritableStreamDefaultWriter(s);
      }
      record.pub = this;
      this.#i = record;
    }
    static {
      wsWriterRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newWriterPub = (stream) => new WritableStreamDefaultWriter(kInternal, AcquireWritableStreamDefaultWriter(stream));
    }
    get closed() {
      const w = wsWriterRecordOf(this);
      if (w === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      return w.closed.promise;
    }
    get desiredSize() {
      const w = requireRecord(wsWriterRecordOf, this, "WritableStreamDefaultWriter");
      if (w.stream === undefined) throw releasedWriterError();
      return WritableStreamDefaultWriterGetDesiredSize(w);
    }
    get ready() {
      const w = wsWriterRecordOf(this);
      if (w === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      return w.ready.promise;
    }
    abort(reason = undefined) {
      const w = wsWriterRecordOf(this);
      if (w === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      if (w.stream === undefined) return rejectedPromise(releasedWriterError());
      return WritableStreamAbort(w.stream, reason);
    }
    close() {
      const w = wsWriterRecordOf(this);
      if (w === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      const stream = w.stream;
      if (stream === undefined) return rejectedPromise(releasedWriterError());
      if (WritableStreamCloseQueuedOrInFlight(stream)) {
        return rejectedPromise(new TypeError("This WritableStream is already closing."));
      }
      return WritableStreamClose(stream);
    }
    releaseLock() {
      const w = requireRecord(wsWriterRecordOf, this, "WritableStreamDefaultWriter");
      if (w.stream === undefined) return;
      WritableStreamDefaultWriterRelease(w);
    }
    write(chunk = undefined) {
      const w = wsWriterRecordOf(this);
      if (w === undefined) return rejectedPromise(new TypeError("Illegal invocation."));
      if (w.stream === undefined) return rejectedPromise(releasedWriterError());
      return WritableStreamDefaultWriterWrite(w, chunk);
    }
  }

  class WritableStreamDefaultController {
    #i;
    constructor(token, record) {
      if (token !== kInternal) throw new TypeError("Illegal constructor.");
      this.#i = record;
    }
    static {
      wsdcRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newWSDCPub = (record) => new WritableStreamDefaultController(kInternal, record);
    }
    get signal() { return requireRecord(wsdcRecordOf, this, "WritableStreamDefaultController").signal; }
    error(e = undefined) {
      const c = requireRecord(wsdcRecordOf, this, "WritableStreamDefaultController");
      if (c.stream.state !== "writable") return;
      WritableStreamDefaultControllerError(c, e);
    }
  }

  // ================================================================ TransformStream

  class TransformStreamRecord {
    constructor(pub) {
      this.pub = pub;
      this.backpressure = undefined;
      this.backpressureChangePromise = undefined;
      this.controller = undefined;
      this.readable = undefined;
      this.writable = undefined;
    }
  }
  class TSDCRecord {
    constructor() {
      this.pub = undefined;
      this.stream = undefined;
      this.transformAlgorithm = undefined;
      this.flushAlgorithm = undefined;
      this.cancelAlgorithm = undefined;
      this.finishPromise = undefined;
      // When set, close() succeeds even if flush errored the readable side
      // (workerd's FixedLengthStream reports a short body on the readable only).
      this.closeIgnoresReadableError = false;
    }
  }

  // `byteReadable` makes the readable side a byte stream (IdentityTransformStream).
  function InitializeTransformStream(stream, startPromise, writableHWM, writableSizeAlgorithm, readableHWM,
    readableSizeAlgorithm, byteReadable = false) {
    const startAlgorithm = () => startPromise;
    stream.writable = CreateWritableStream(startAlgorithm,
      (chunk) => TransformStreamDefaultSinkWriteAlgorithm(stream, chunk),
      () => TransformStreamDefaultSinkCloseAlgorithm(stream),
      (reason) => TransformStreamDefaultSinkAbortAlgorithm(stream, reason),
      writableHWM, writableSizeAlgorithm);
    const pullAlgorithm = () => TransformStreamDefaultSourcePullAlgorithm(stream);
    const cancelAlgorithm = (reason) => TransformStreamDefaultSourceCancelAlgorithm(stream, reason);
    stream.readable = byteReadable
      ? CreateReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, readableHWM)
      : CreateReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, readableHWM, readableSizeAlgorithm);
    stream.backpressure = undefined;
    stream.backpressureChangePromise = undefined;
    TransformStreamSetBackpressure(stream, true);
    stream.controller = undefined;
  }
  function TransformStreamError(stream, e) {
    rcError(stream.readable.controller, e);
    TransformStreamErrorWritableAndUnblockWrite(stream, e);
  }
  function TransformStreamErrorWritableAndUnblockWrite(stream, e) {
    TransformStreamDefaultControllerClearAlgorithms(stream.controller);
    WritableStreamDefaultControllerErrorIfNeeded(stream.writable.controller, e);
    TransformStreamUnblockWrite(stream);
  }
  function TransformStreamSetBackpressure(stream, backpressure) {
    if (stream.backpressureChangePromise !== undefined) stream.backpressureChangePromise.resolve(undefined);
    stream.backpressureChangePromise = new Deferred();
    stream.backpressure = backpressure;
  }
  function TransformStreamUnblockWrite(stream) {
    if (stream.backpressure) TransformStreamSetBackpressure(stream, false);
  }

  function SetUpTransformStreamDefaultController(stream, controller, transformAlgorithm, flushAlgorithm,
    cancelAlgorithm) {
    controller.stream = stream;
    stream.controller = controller;
    controller.transformAlgorithm = transformAlgorithm;
    controller.flushAlgorithm = flushAlgorithm;
    controller.cancelAlgorithm = cancelAlgorithm;
    controller.pub = newTSDCPub(controller);
  }
  function TransformStreamDefaultControllerClearAlgorithms(controller) {
    controller.transformAlgorithm = undefined;
    controller.flushAlgorithm = undefined;
    controller.cancelAlgorithm = undefined;
  }
  function TransformStreamDefaultControllerEnqueue(controller, chunk) {
    const stream = controller.stream;
    const readableController = stream.readable.controller;
    if (!rcCanCloseOrEnqueue(readableController)) {
      throw new TypeError("The readable side of this TransformStream is closed or errored; chunks cannot be enqueued.");
    }
    try {
      rcEnqueue(readableController, chunk);
    } catch (e) {
      TransformStreamErrorWritableAndUnblockWrite(stream, e);
      throw stream.readable.storedError;
    }
    const backpressure = rcHasBackpressure(readableController);
    if (backpressure !== stream.backpressure && backpressure) TransformStreamSetBackpressure(stream, true);
  }
  function TransformStreamDefaultControllerError(controller, e) { TransformStreamError(controller.stream, e); }
  function TransformStreamDefaultControllerPerformTransform(controller, chunk) {
    const transformPromise_ = controller.transformAlgorithm(chunk);
    return transformPromise(transformPromise_, undefined, (r) => {
      TransformStreamError(controller.stream, r);
      throw r;
    });
  }
  function TransformStreamDefaultControllerTerminate(controller) {
    const stream = controller.stream;
    rcClose(stream.readable.controller);
    TransformStreamErrorWritableAndUnblockWrite(stream, new TypeError("The TransformStream has been terminated."));
  }
  function TransformStreamDefaultSinkWriteAlgorithm(stream, chunk) {
    const controller = stream.controller;
    if (stream.backpressure) {
      return transformPromise(stream.backpressureChangePromise.promise, () => {
        const writable = stream.writable;
        if (writable.state === "erroring") throw writable.storedError;
        return TransformStreamDefaultControllerPerformTransform(controller, chunk);
      });
    }
    return TransformStreamDefaultControllerPerformTransform(controller, chunk);
  }
  function TransformStreamDefaultSinkAbortAlgorithm(stream, reason) {
    const controller = stream.controller;
    if (controller.finishPromise !== undefined) return controller.finishPromise.promise;
    const readable = stream.readable;
    controller.finishPromise = new Deferred();
    const cancelPromise = controller.cancelAlgorithm(reason);
    TransformStreamDefaultControllerClearAlgorithms(controller);
    uponPromise(cancelPromise, () => {
      if (readable.state === "errored") controller.finishPromise.reject(readable.storedError);
      else {
        rcError(readable.controller, reason);
        controller.finishPromise.resolve(undefined);
      }
    }, (r) => {
      rcError(readable.controller, r);
      controller.finishPromise.reject(r);
    });
    return controller.finishPromise.promise;
  }
  function TransformStreamDefaultSinkCloseAlgorithm(stream) {
    const controller = stream.controller;
    if (controller.finishPromise !== undefined) return controller.finishPromise.promise;
    const readable = stream.readable;
    controller.finishPromise = new Deferred();
    const flushPromise = controller.flushAlgorithm();
    TransformStreamDefaultControllerClearAlgorithms(controller);
    uponPromise(flushPromise, () => {
      if (readable.state === "errored") {
        if (controller.closeIgnoresReadableError) controller.finishPromise.resolve(undefined);
        else controller.finishPromise.reject(readable.storedError);
      } else {
        try {
          rcClose(readable.controller);
        } catch (e) {
          controller.finishPromise.reject(e);
          return;
        }
        controller.finishPromise.resolve(undefined);
      }
    }, (r) => {
      rcError(readable.controller, r);
      controller.finishPromise.reject(r);
    });
    return controller.finishPromise.promise;
  }
  function TransformStreamDefaultSourcePullAlgorithm(stream) {
    TransformStreamSetBackpressure(stream, false);
    return stream.backpressureChangePromise.promise;
  }
  function TransformStreamDefaultSourceCancelAlgorithm(stream, reason) {
    const controller = stream.controller;
    if (controller.finishPromise !== undefined) return controller.finishPromise.promise;
    const writable = stream.writable;
    controller.finishPromise = new Deferred();
    const cancelPromise = controller.cancelAlgorithm(reason);
    TransformStreamDefaultControllerClearAlgorithms(controller);
    uponPromise(cancelPromise, () => {
      if (writable.state === "errored") controller.finishPromise.reject(writable.storedError);
      else {
        WritableStreamDefaultControllerErrorIfNeeded(writable.controller, reason);
        TransformStreamUnblockWrite(stream);
        controller.finishPromise.resolve(undefined);
      }
    }, (r) => {
      WritableStreamDefaultControllerErrorIfNeeded(writable.controller, r);
      TransformStreamUnblockWrite(stream);
      controller.finishPromise.reject(r);
    });
    return controller.finishPromise.promise;
  }

  class TransformStream {
    #i;
    constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
      const stream = new TransformStreamRecord(this);
      if (transformer === kInternal) {
        this.#i = stream;
        writableStrategy(stream); // an internal setup function
        return;
      }
      if (transformer === null) transformer = undefined;
      if (transformer !== undefined && !isObject(transformer)) throw new TypeError("The transformer must be an object.");
      const t = transformer === undefined ? {} : transformer;
      const cancel = toCallback(t.cancel, "The transformer's cancel");
      const flush = toCallback(t.flush, "The transformer's flush");
      const readableType = t.readableType;
      const start = toCallback(t.start, "The transformer's start");
      const transform = toCallback(t.transform, "The transformer's transform");
      const writableType = t.writableType;
      const wStrat = convertQueuingStrategy(writableStrategy);
      const rStrat = convertQueuingStrategy(readableStrategy);
      if (readableType !== undefined) throw new RangeError("Invalid readableType specified.");
      if (writableType !== undefined) throw new RangeError("Invalid writableType specified.");
      const readableHWM = ExtractHighWaterMark(rStrat, 0);
      const readableSizeAlgorithm = ExtractSizeAlgorithm(rStrat);
      const writableHWM = ExtractHighWaterMark(wStrat, 1);
      const writableSizeAlgorithm = ExtractSizeAlgorithm(wStrat);
      this.#i = stream;
      const startPromise = new Deferred();
      InitializeTransformStream(stream, startPromise.promise, writableHWM, writableSizeAlgorithm, readableHWM,
        readableSizeAlgorithm);
      const controller = new TSDCRecord();
      let transformAlgorithm = (chunk) => {
        try {
          TransformStreamDefaultControllerEnqueue(controller, chunk);
          return resolvedPromise(undefined);
        } catch (e) {
          return rejectedPromise(e);
        }
      };
      if (transform !== undefined) transformAlgorithm = (chunk) => promiseCall(transform, t, [chunk, controller.pub]);
      const flushAlgorithm = flush === undefined ? () => resolvedPromise(undefined)
        : () => promiseCall(flush, t, [controller.pub]);
      const cancelAlgorithm = cancel === undefined ? () => resolvedPromise(undefined)
        : (reason) => promiseCall(cancel, t, [reason]);
      SetUpTransformStreamDefaultController(stream, controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm);
      if (start !== undefined) startPromise.resolve(ReflectApply(start, t, [controller.pub]));
      else startPromise.resolve(undefined);
    }
    static { tsRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined); }
    get readable() { return requireRecord(tsRecordOf, this, "TransformStream").readable.pub; }
    get writable() { return requireRecord(tsRecordOf, this, "TransformStream").writable.pub; }
  }

  class TransformStreamDefaultController {
    #i;
    constructor(token, record) {
      if (token !== kInternal) throw new TypeError("Illegal constructor.");
      this.#i = record;
    }
    static {
      tsdcRecordOf = (x) => (isObject(x) && #i in x ? x.#i : undefined);
      newTSDCPub = (record) => new TransformStreamDefaultController(kInternal, record);
    }
    get desiredSize() {
      const c = requireRecord(tsdcRecordOf, this, "TransformStreamDefaultController");
      return rcDesiredSize(c.stream.readable.controller);
    }
    enqueue(chunk = undefined) {
      TransformStreamDefaultControllerEnqueue(requireRecord(tsdcRecordOf, this, "TransformStreamDefaultController"), chunk);
    }
    error(reason = undefined) {
      TransformStreamDefaultControllerError(requireRecord(tsdcRecordOf, this, "TransformStreamDefaultController"), reason);
    }
    terminate() {
      TransformStreamDefaultControllerTerminate(requireRecord(tsdcRecordOf, this, "TransformStreamDefaultController"));
    }
  }

  // ---------------------------------------------------------------- Workers byte transforms

  // A BufferSource chunk's type check, with workerd's wording.
  function checkWrittenChunk(chunk) {
    if (ArrayBufferIsView(chunk) || isArrayBuffer(chunk)) return;
    if (typeof chunk === "string") {
      throw new TypeError("This TransformStream is being used as a byte stream, but received a string on its "
        + "writable side. If you wish to write a string, you'll probably want to explicitly UTF-8-encode it "
        + "with TextEncoder.");
    }
    throw new TypeError("This TransformStream is being used as a byte stream, but received an object of "
      + "non-ArrayBuffer/ArrayBufferView type on its writable side.");
  }

  // A copy of a BufferSource chunk as a Uint8Array.
  function bytesOfWrittenChunk(chunk) {
    checkWrittenChunk(chunk);
    if (ArrayBufferIsView(chunk)) {
      const n = viewByteLength(chunk);
      const out = new Uint8Array(n);
      if (n > 0) taSet(out, new Uint8Array(viewBuffer(chunk), viewByteOffset(chunk), n));
      return out;
    }
    return new Uint8Array(abSlice(chunk, 0));
  }

  // A byte transform (workerd's IdentityTransformStream family). `onChunk(bytes)`
  // and `onFlush()` return an error to report or undefined. As in workerd, such
  // an error errors the stream but the write() or close() that caused it still
  // succeeds: the error shows on the readable side (and on later writes).
  function setUpByteTransform(stream, readableHWM, onChunk, onFlush) {
    const startPromise = resolvedPromise(undefined);
    InitializeTransformStream(stream, startPromise, 1, () => 1, readableHWM, undefined, true);
    stream.writable.chunkCheck = checkWrittenChunk;
    const controller = new TSDCRecord();
    controller.closeIgnoresReadableError = true;
    const transformAlgorithm = (chunk) => {
      try {
        const bytes = bytesOfWrittenChunk(chunk);
        const error = onChunk(bytes);
        if (error !== undefined) TransformStreamError(stream, error);
        else if (bytes.byteLength > 0) TransformStreamDefaultControllerEnqueue(controller, bytes);
        return resolvedPromise(undefined);
      } catch (e) {
        return rejectedPromise(e);
      }
    };
    const flushAlgorithm = () => {
      try {
        const error = onFlush();
        if (error !== undefined) rcError(stream.readable.controller, error);
        return resolvedPromise(undefined);
      } catch (e) {
        return rejectedPromise(e);
      }
    };
    SetUpTransformStreamDefaultController(stream, controller, transformAlgorithm, flushAlgorithm,
      () => resolvedPromise(undefined));
  }

  function readableHWMOption(options) {
    const dict = toDictionary(options, "The options");
    return dict.highWaterMark === undefined ? 0 : ExtractHighWaterMark({ highWaterMark: toNumber(dict.highWaterMark) }, 0);
  }

  class IdentityTransformStream extends TransformStream {
    constructor(options = undefined) {
      const hwm = readableHWMOption(options);
      super(kInternal, (stream) => setUpByteTransform(stream, hwm, noop, noop));
    }
  }

  class FixedLengthStream extends TransformStream {
    constructor(expectedLength, options = undefined) {
      let expected;
      if (typeof expectedLength === "bigint") expected = Number(expectedLength);
      else expected = toNumber(expectedLength);
      if (!NumberIsInteger(expected) || expected < 0 || expected > MAX_SAFE_INTEGER) {
        throw new TypeError("FixedLengthStream requires a non-negative integer expected length.");
      }
      const hwm = readableHWMOption(options);
      let written = 0;
      super(kInternal, (stream) => {
        setUpByteTransform(stream, hwm, (bytes) => {
          written += bytes.byteLength;
          if (written > expected) return new TypeError("Attempt to write too many bytes through a FixedLengthStream.");
          return undefined;
        }, () => {
          if (written < expected) return new TypeError("FixedLengthStream did not see all expected bytes before close().");
          return undefined;
        });
        stream.readable.knownLength = expected;
      });
    }
  }

  // ================================================================ queuing strategies

  const byteLengthSize = {
    size(chunk) { return chunk.byteLength; },
  }.size;
  const countSize = {
    size() { return 1; },
  }.size;
  ObjectDefineProperty(byteLengthSize, "name", { value: "size" });
  ObjectDefineProperty(countSize, "name", { value: "size" });

  function strategyInit(init, who) {
    if (!isObject(init)) throw new TypeError(`${who} requires an object with a highWaterMark.`);
    const hwm = init.highWaterMark;
    if (hwm === undefined) throw new TypeError(`${who} requires a highWaterMark.`);
    return toNumber(hwm);
  }

  let bsHWM; let csHWM;
  class ByteLengthQueuingStrategy {
    #hwm;
    constructor(init) { this.#hwm = strategyInit(init, "ByteLengthQueuingStrategy"); }
    static { bsHWM = (x) => (isObject(x) && #hwm in x ? x.#hwm : undefined); }
    get highWaterMark() {
      if (bsHWM(this) === undefined) throw new TypeError("Illegal invocation.");
      return bsHWM(this);
    }
    get size() {
      if (bsHWM(this) === undefined) throw new TypeError("Illegal invocation.");
      return byteLengthSize;
    }
  }
  class CountQueuingStrategy {
    #hwm;
    constructor(init) { this.#hwm = strategyInit(init, "CountQueuingStrategy"); }
    static { csHWM = (x) => (isObject(x) && #hwm in x ? x.#hwm : undefined); }
    get highWaterMark() {
      if (csHWM(this) === undefined) throw new TypeError("Illegal invocation.");
      return csHWM(this);
    }
    get size() {
      if (csHWM(this) === undefined) throw new TypeError("Illegal invocation.");
      return countSize;
    }
  }

  // ================================================================ toStringTags, globals

  const classes = {
    ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamBYOBRequest,
    ReadableStreamDefaultController, ReadableByteStreamController, WritableStream, WritableStreamDefaultWriter,
    WritableStreamDefaultController, TransformStream, TransformStreamDefaultController, ByteLengthQueuingStrategy,
    CountQueuingStrategy, IdentityTransformStream, FixedLengthStream,
  };
  for (const name of Object.keys(classes)) {
    ObjectDefineProperty(classes[name].prototype, SymbolToStringTag, { value: name, configurable: true });
    internals.exposeGlobal(name, classes[name]);
  }

  // ================================================================ helpers for sibling files

  // A Uint8Array view of a body chunk, or undefined if it is not bytes.
  function chunkBytes(chunk) {
    if (ArrayBufferIsView(chunk)) {
      return taTag(chunk) === "Uint8Array" ? chunk
        : new Uint8Array(viewBuffer(chunk), viewByteOffset(chunk), viewByteLength(chunk));
    }
    if (isArrayBuffer(chunk)) return new Uint8Array(chunk);
    return undefined;
  }

  // Read `stream` to its end and concatenate its chunks. Rejects with a
  // TypeError (and cancels the stream) on a chunk that is not bytes.
  function readAllBytes(pub) {
    const stream = rsRecordOf(pub);
    if (stream === undefined) return rejectedPromise(new TypeError("readAllBytes() requires a ReadableStream."));
    if (IsReadableStreamLocked(stream)) return rejectedPromise(lockedReadableError());
    const reader = AcquireReadableStreamDefaultReader(stream);
    const byteSource = stream.controller instanceof RBSCRecord;
    return new Promise((resolve, reject) => {
      const chunks = [];
      let total = 0;
      let inRead = false;
      let again = false;
      const req = {
        chunkSteps(chunk) {
          const bytes = chunkBytes(chunk);
          if (bytes === undefined) {
            const e = new TypeError("This ReadableStream did not return bytes.");
            setHandled(ReadableStreamReaderGenericCancel(reader, e));
            ReadableStreamDefaultReaderRelease(reader);
            reject(e);
            return;
          }
          chunks[chunks.length] = bytes;
          total += taByteLength(bytes);
          if (inRead) again = true; else loop();
        },
        closeSteps() {
          ReadableStreamDefaultReaderRelease(reader);
          if (chunks.length === 1 && byteSource) { resolve(chunks[0]); return; }
          const out = new Uint8Array(total);
          let offset = 0;
          for (let i = 0; i < chunks.length; i++) {
            taSet(out, chunks[i], offset);
            offset += taByteLength(chunks[i]);
          }
          resolve(out);
        },
        errorSteps(e) {
          ReadableStreamDefaultReaderRelease(reader);
          reject(e);
        },
      };
      const loop = () => {
        do {
          again = false;
          inRead = true;
          ReadableStreamDefaultReaderRead(reader, req);
          inRead = false;
        } while (again);
      };
      loop();
    });
  }

  // A byte stream over `chunks` (an iterable of Uint8Array, consumed now).
  // Chunks are copied unless `transfer` is true, in which case their buffers
  // are detached.
  function readableFromChunks(chunks, { transfer = false } = {}) {
    const list = [];
    for (const c of chunks) {
      const bytes = chunkBytes(c);
      if (bytes === undefined) throw new TypeError("readableFromChunks() requires Uint8Array chunks.");
      if (taByteLength(bytes) > 0) list[list.length] = transfer ? bytes : bytesOfWrittenChunk(bytes);
    }
    let i = 0;
    const stream = CreateReadableByteStream(noop, () => {
      const c = stream.controller;
      if (i < list.length) {
        const chunk = list[i];
        list[i++] = undefined;
        ReadableByteStreamControllerEnqueue(c, chunk);
      }
      if (i >= list.length) rcClose(c);
      return resolvedPromise(undefined);
    }, () => { list.length = 0; return resolvedPromise(undefined); }, 0);
    return stream.pub;
  }

  // A stream driven by internal callbacks: pull(controller) and cancel(reason)
  // may return promises; controller is the public controller object.
  function createReadable({ start, pull, cancel, highWaterMark, type } = {}) {
    const startAlg = start === undefined ? noop : (c) => start(c);
    const pullAlg = pull === undefined ? () => resolvedPromise(undefined) : (c) => {
      try { return resolvedPromise(pull(c)); } catch (e) { return rejectedPromise(e); }
    };
    const cancelAlg = cancel === undefined ? () => resolvedPromise(undefined) : (r) => {
      try { return resolvedPromise(cancel(r)); } catch (e) { return rejectedPromise(e); }
    };
    let stream;
    if (type === "bytes") {
      stream = CreateReadableByteStream(startAlg, () => pullAlg(stream.controller.pub), cancelAlg, highWaterMark ?? 0);
    } else {
      stream = CreateReadableStream(startAlg, () => pullAlg(stream.controller.pub), cancelAlg, highWaterMark ?? 1);
    }
    return stream.pub;
  }

  internals.streams = {
    __proto__: null,
    ReadableStream, WritableStream, TransformStream,
    isReadableStream: (x) => rsRecordOf(x) !== undefined,
    isWritableStream: (x) => wsRecordOf(x) !== undefined,
    isDisturbed: (x) => { const s = rsRecordOf(x); return s !== undefined && s.disturbed; },
    isLocked: (x) => { const s = rsRecordOf(x); return s !== undefined && IsReadableStreamLocked(s); },
    isErrored: (x) => { const s = rsRecordOf(x); return s !== undefined && s.state === "errored"; },
    knownLength: (x) => { const s = rsRecordOf(x); return s === undefined ? undefined : s.knownLength; },
    readAllBytes,
    readableFromChunks,
    createReadable,
  };
})(globalThis.__isolet_internals);
