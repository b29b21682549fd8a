// node:zlib -- Node's zlib API as workerd's nodejs_compat gives it.
//
// The work is done by Python's zlib and brotli (ops/node_zlib.py). The
// *Sync functions and the callback forms make one crossing per call
// (op_nodezlib_sync). Streams (createGzip ...) are node:stream Transforms
// whose engine lives in Python under a rid: writes made in the same tick are
// batched into one crossing (op_nodezlib_write, chunks + flush flag), so a
// stream written and ended at once costs two crossings in all (open, write).
//
// Errors as workerd: the sync and callback forms throw/pass a plain Error
// with zlib's message ("incorrect header check"); streams and `info: true`
// give Node's Error with `code` ("Z_DATA_ERROR") and `errno` (-3). Option
// checks in the sync path are workerd's (plain RangeError, numbers coerced);
// stream constructors check as Node does (ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE).
// Output bytes: gzip/deflate use the system zlib; Node and workerd use
// Chromium's zlib, whose output can differ for inputs over a few hundred
// bytes (both decompress each other's output). Brotli output is identical.
import internals from "isolet-internal:internals";
import { Buffer } from "node:buffer";
import { makeNodeError, ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_OUT_OF_RANGE } from "isolet-internal:node/errors";

let Transform = null;
try {
  ({ Transform } = await import("node:stream"));
} catch {
  Transform = null; // node:stream not available: the stream classes throw when constructed
}

const ops = () => internals.ops;

// workerd's zlib.constants (recorded from workerd 1.20260426.1).
export const constants = {};
for (const [name, value] of Object.entries({
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0,
  Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
  ZLIB_VERNUM: 4897, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 134217728, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9,
  Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0,
  BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24,
  BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3,
  BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6,
  BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0,
  BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
  BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1,
  BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5,
  BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11,
  BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15,
  BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19,
  BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21,
  BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27,
  BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31, ZSTD_ENCODE: 10,
  ZSTD_DECODE: 11, ZSTD_COMPRESS: 10, ZSTD_DECOMPRESS: 11, ZSTD_e_continue: 0, ZSTD_e_flush: 1, ZSTD_e_end: 2,
  ZSTD_c_compressionLevel: 100, ZSTD_c_windowLog: 101, ZSTD_c_hashLog: 102, ZSTD_c_chainLog: 103,
  ZSTD_c_searchLog: 104, ZSTD_c_minMatch: 105, ZSTD_c_targetLength: 106, ZSTD_c_strategy: 107,
  ZSTD_c_enableLongDistanceMatching: 160, ZSTD_c_ldmHashLog: 161, ZSTD_c_ldmMinMatch: 162,
  ZSTD_c_ldmBucketSizeLog: 163, ZSTD_c_ldmHashRateLog: 164, ZSTD_c_contentSizeFlag: 200,
  ZSTD_c_checksumFlag: 201, ZSTD_c_dictIDFlag: 202, ZSTD_c_nbWorkers: 400, ZSTD_c_jobSize: 401,
  ZSTD_c_overlapLog: 402, ZSTD_d_windowLogMax: 100, ZSTD_fast: 1, ZSTD_dfast: 2, ZSTD_greedy: 3, ZSTD_lazy: 4,
  ZSTD_lazy2: 5, ZSTD_btlazy2: 6, ZSTD_btopt: 7, ZSTD_btultra: 8, ZSTD_btultra2: 9, ZSTD_CLEVEL_DEFAULT: 3,
  ZSTD_error_no_error: 0, ZSTD_error_GENERIC: 1, ZSTD_error_prefix_unknown: 10,
  ZSTD_error_version_unsupported: 12, ZSTD_error_frameParameter_unsupported: 14,
  ZSTD_error_frameParameter_windowTooLarge: 16, ZSTD_error_corruption_detected: 20,
  ZSTD_error_checksum_wrong: 22, ZSTD_error_literals_headerWrong: 24, ZSTD_error_dictionary_corrupted: 30,
  ZSTD_error_dictionary_wrong: 32, ZSTD_error_dictionaryCreation_failed: 34,
  ZSTD_error_parameter_unsupported: 40, ZSTD_error_parameter_combination_unsupported: 41,
  ZSTD_error_parameter_outOfBound: 42, ZSTD_error_tableLog_tooLarge: 44,
  ZSTD_error_maxSymbolValue_tooLarge: 46, ZSTD_error_maxSymbolValue_tooSmall: 48,
  ZSTD_error_stabilityCondition_notRespected: 50, ZSTD_error_stage_wrong: 60, ZSTD_error_init_missing: 62,
  ZSTD_error_memory_allocation: 64, ZSTD_error_workSpace_tooSmall: 66, ZSTD_error_dstSize_tooSmall: 70,
  ZSTD_error_srcSize_wrong: 72, ZSTD_error_dstBuffer_null: 74, ZSTD_error_noForwardProgress_destFull: 80,
  ZSTD_error_noForwardProgress_inputEmpty: 82,})) {
  Object.defineProperty(constants, name, { value, writable: false, enumerable: true, configurable: false });
}

export const {
  Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK, Z_OK, Z_STREAM_END, Z_NEED_DICT,
  Z_ERRNO, Z_STREAM_ERROR, Z_DATA_ERROR, Z_MEM_ERROR, Z_BUF_ERROR, Z_VERSION_ERROR, Z_NO_COMPRESSION,
  Z_BEST_SPEED, Z_BEST_COMPRESSION, Z_DEFAULT_COMPRESSION, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED,
  Z_DEFAULT_STRATEGY, ZLIB_VERNUM, DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS, Z_MIN_CHUNK,
  Z_MAX_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_DEFAULT_LEVEL, BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA, BROTLI_PARAM_MODE, BROTLI_MODE_GENERIC, BROTLI_MODE_TEXT, BROTLI_MODE_FONT,
  BROTLI_DEFAULT_MODE, BROTLI_PARAM_QUALITY, BROTLI_MIN_QUALITY, BROTLI_MAX_QUALITY, BROTLI_DEFAULT_QUALITY,
  BROTLI_PARAM_LGWIN, BROTLI_MIN_WINDOW_BITS, BROTLI_MAX_WINDOW_BITS, BROTLI_LARGE_MAX_WINDOW_BITS,
  BROTLI_DEFAULT_WINDOW, BROTLI_PARAM_LGBLOCK, BROTLI_MIN_INPUT_BLOCK_BITS, BROTLI_MAX_INPUT_BLOCK_BITS,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING, BROTLI_PARAM_SIZE_HINT, BROTLI_PARAM_LARGE_WINDOW,
  BROTLI_PARAM_NPOSTFIX, BROTLI_PARAM_NDIRECT, BROTLI_DECODER_RESULT_ERROR, BROTLI_DECODER_RESULT_SUCCESS,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION, BROTLI_DECODER_PARAM_LARGE_WINDOW,
  BROTLI_DECODER_NO_ERROR, BROTLI_DECODER_SUCCESS, BROTLI_DECODER_NEEDS_MORE_INPUT,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE,
  BROTLI_DECODER_ERROR_FORMAT_RESERVED, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME,
  BROTLI_DECODER_ERROR_FORMAT_CL_SPACE, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM,
  BROTLI_DECODER_ERROR_FORMAT_DICTIONARY, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_1, BROTLI_DECODER_ERROR_FORMAT_PADDING_2,
  BROTLI_DECODER_ERROR_FORMAT_DISTANCE, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET,
  BROTLI_DECODER_ERROR_INVALID_ARGUMENTS, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES,
  BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2,
  BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES, BROTLI_DECODER_ERROR_UNREACHABLE, ZSTD_ENCODE, ZSTD_DECODE,
  ZSTD_COMPRESS, ZSTD_DECOMPRESS, ZSTD_e_continue, ZSTD_e_flush, ZSTD_e_end, ZSTD_c_compressionLevel,
  ZSTD_c_windowLog, ZSTD_c_hashLog, ZSTD_c_chainLog, ZSTD_c_searchLog, ZSTD_c_minMatch, ZSTD_c_targetLength,
  ZSTD_c_strategy, ZSTD_c_enableLongDistanceMatching, ZSTD_c_ldmHashLog, ZSTD_c_ldmMinMatch,
  ZSTD_c_ldmBucketSizeLog, ZSTD_c_ldmHashRateLog, ZSTD_c_contentSizeFlag, ZSTD_c_checksumFlag,
  ZSTD_c_dictIDFlag, ZSTD_c_nbWorkers, ZSTD_c_jobSize, ZSTD_c_overlapLog, ZSTD_d_windowLogMax, ZSTD_fast,
  ZSTD_dfast, ZSTD_greedy, ZSTD_lazy, ZSTD_lazy2, ZSTD_btlazy2, ZSTD_btopt, ZSTD_btultra, ZSTD_btultra2,
  ZSTD_CLEVEL_DEFAULT, ZSTD_error_no_error, ZSTD_error_GENERIC, ZSTD_error_prefix_unknown,
  ZSTD_error_version_unsupported, ZSTD_error_frameParameter_unsupported,
  ZSTD_error_frameParameter_windowTooLarge, ZSTD_error_corruption_detected, ZSTD_error_checksum_wrong,
  ZSTD_error_literals_headerWrong, ZSTD_error_dictionary_corrupted, ZSTD_error_dictionary_wrong,
  ZSTD_error_dictionaryCreation_failed, ZSTD_error_parameter_unsupported,
  ZSTD_error_parameter_combination_unsupported, ZSTD_error_parameter_outOfBound, ZSTD_error_tableLog_tooLarge,
  ZSTD_error_maxSymbolValue_tooLarge, ZSTD_error_maxSymbolValue_tooSmall,
  ZSTD_error_stabilityCondition_notRespected, ZSTD_error_stage_wrong, ZSTD_error_init_missing,
  ZSTD_error_memory_allocation, ZSTD_error_workSpace_tooSmall, ZSTD_error_dstSize_tooSmall,
  ZSTD_error_srcSize_wrong, ZSTD_error_dstBuffer_null, ZSTD_error_noForwardProgress_destFull,
  ZSTD_error_noForwardProgress_inputEmpty,
} = constants;

export const codes = Object.create(null);
for (const name of ["Z_OK", "Z_STREAM_END", "Z_NEED_DICT", "Z_ERRNO", "Z_STREAM_ERROR", "Z_DATA_ERROR",
  "Z_MEM_ERROR", "Z_BUF_ERROR", "Z_VERSION_ERROR"]) {
  codes[name] = constants[name];
  codes[constants[name]] = name;
}

// -- inputs and errors ------------------------------------------------------------------------
const isView = ArrayBuffer.isView;
const isAnyArrayBuffer = (v) =>
  v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer);
const bytesOf = (v) => (v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
const asBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
const { utf8Encode } = internals.encoding;

// workerd's message for an argument of the wrong type (its C++ binding's wording).
const bindingTypeError = (method, position, type) =>
  new TypeError(`Failed to execute '${method}' on 'ZlibUtil': parameter ${position} is not of type '${type}'.`);

function bindingInput(data, method) {
  if (typeof data === "string") return utf8Encode(data);
  if (isView(data)) return bytesOf(data);
  if (isAnyArrayBuffer(data)) return new Uint8Array(data);
  throw bindingTypeError(method, 1, "string or ArrayBuffer or ArrayBufferView");
}

// A failure from the ops ([message, code, errno]) as streams report it.
function streamError([message, code, errno]) {
  return makeNodeError(Error, code, message, { errno });
}

// -- options ----------------------------------------------------------------------------------
const ZLIB_MODES = new Set([DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP]);
const INFLATE_MODES = new Set([INFLATE, GUNZIP, INFLATERAW, UNZIP]);
const BROTLI_ENCODER_PARAMS = 9; // BROTLI_PARAM_MODE (0) .. BROTLI_PARAM_NDIRECT (8)
const BROTLI_DECODER_PARAMS = 2; // DISABLE_RING_BUFFER_REALLOCATION (0), LARGE_WINDOW (1)

// workerd's sync path: numbers coerced, a plain RangeError out of range.
function plainRange(opts, key, min, max, fallback) {
  const raw = opts[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (Number.isNaN(value)) return fallback;
  if (value < min || value > max) {
    throw new RangeError(`The value of "options.${key}" is out of range. It must be >= ${min} and <= ${max}. Received ${raw}`);
  }
  return value;
}

// Node's checks for the stream constructors.
function finiteNumber(value, name) {
  if (value === undefined || Number.isNaN(value)) return false;
  if (Number.isFinite(value)) return true;
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  throw ERR_OUT_OF_RANGE(name, "a finite number", value);
}
function nodeRange(opts, key, min, max, fallback) {
  const value = opts[key];
  if (!finiteNumber(value, `options.${key}`)) return fallback;
  if (value < min || value > max) throw ERR_OUT_OF_RANGE(`options.${key}`, `>= ${min} and <= ${max}`, value);
  return value;
}

// -> [options for the op, chunkSize]
function engineOptions(mode, options, strict, method) {
  if (options === undefined || options === null) options = {};
  else if (typeof options !== "object") {
    if (strict) throw ERR_INVALID_ARG_TYPE("options", "Object", options);
    throw bindingTypeError(method, 2, "Options");
  }
  let chunkSize = Z_DEFAULT_CHUNK;
  if (strict) {
    if (finiteNumber(options.chunkSize, "options.chunkSize")) {
      if (options.chunkSize < Z_MIN_CHUNK) throw ERR_OUT_OF_RANGE("options.chunkSize", `>= ${Z_MIN_CHUNK}`, options.chunkSize);
      chunkSize = options.chunkSize;
    }
  } else {
    chunkSize = plainRange(options, "chunkSize", Z_MIN_CHUNK, 134217728, Z_DEFAULT_CHUNK);
  }
  if (mode === BROTLI_ENCODE || mode === BROTLI_DECODE) {
    const params = {};
    if (options.params !== undefined && options.params !== null) {
      const limit = mode === BROTLI_ENCODE ? BROTLI_ENCODER_PARAMS : BROTLI_DECODER_PARAMS;
      for (const origKey of Object.keys(options.params)) {
        const key = +origKey;
        const value = options.params[origKey];
        if (Number.isNaN(key) || key < 0 || key >= (strict ? BROTLI_ENCODER_PARAMS : limit)) {
          if (strict) throw makeNodeError(RangeError, "ERR_BROTLI_INVALID_PARAM", `${origKey} is not a valid Brotli parameter`);
          throw new Error("Setting parameter failed");
        }
        if (strict && typeof value !== "number" && typeof value !== "boolean") {
          throw ERR_INVALID_ARG_TYPE("options.params[key]", "number", value);
        }
        params[key] = Number(value);
      }
    }
    return [{ params }, chunkSize];
  }
  const range = strict ? nodeRange : plainRange;
  let windowBits;
  if (options.windowBits === 0 && INFLATE_MODES.has(mode)) windowBits = 0;
  else windowBits = range(options, "windowBits", Z_MIN_WINDOWBITS + (strict && mode === GZIP ? 1 : 0), Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
  const level = range(options, "level", Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
  const memLevel = range(options, "memLevel", Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
  let strategy;
  if (strict) strategy = nodeRange(options, "strategy", Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
  else {
    strategy = options.strategy === undefined ? Z_DEFAULT_STRATEGY : Number(options.strategy);
    if (!(strategy >= Z_DEFAULT_STRATEGY && strategy <= Z_FIXED)) throw new Error("invalid strategy");
  }
  const result = { windowBits, level, memLevel, strategy };
  const dictionary = options.dictionary;
  if (dictionary !== undefined) {
    if (isView(dictionary)) result.dictionary = bytesOf(dictionary);
    else if (isAnyArrayBuffer(dictionary)) result.dictionary = new Uint8Array(dictionary);
    else if (strict) throw ERR_INVALID_ARG_TYPE("options.dictionary", ["Buffer", "TypedArray", "DataView", "ArrayBuffer"], dictionary);
  }
  return [result, chunkSize];
}

// -- one-shot (sync and callback) -------------------------------------------------------------
function runSync(mode, data, options, method) {
  const bytes = bindingInput(data, method);
  const [opts] = engineOptions(mode, options, false, method);
  return ops().op_nodezlib_sync(mode, bytes, opts);
}

function zlibSync(mode, method) {
  return function (data, options = {}) {
    if (options !== null && typeof options === "object" && options.info) return withInfo(mode, data, options);
    const out = runSync(mode, data, options, method);
    if (Array.isArray(out)) throw new Error(out[0]);
    return asBuffer(out);
  };
}

// `info: true`: the result and the engine, errors with code and errno (workerd's class path).
function withInfo(mode, data, options) {
  const engine = new CLASS_BY_MODE[mode](options);
  const bytes = typeof data === "string" ? utf8Encode(data) : bindingInput(data, "zlibSync");
  const [opts] = engineOptions(mode, options, true);
  const out = ops().op_nodezlib_sync(mode, bytes, opts);
  if (Array.isArray(out)) throw streamError(out);
  engine.bytesWritten = bytes.byteLength;
  return { buffer: asBuffer(out), engine };
}

function zlibCallback(mode, method) {
  return function (data, options, callback) {
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if (typeof callback !== "function") {
      throw ERR_INVALID_ARG_TYPE("callback", "Function", callback);
    }
    if (options !== null && typeof options === "object" && options.info) {
      let result;
      try {
        result = withInfo(mode, data, options);
      } catch (e) {
        queueMicrotask(() => callback(e));
        return;
      }
      queueMicrotask(() => callback(null, result));
      return;
    }
    const out = runSync(mode, data, options, method);
    queueMicrotask(() => {
      if (Array.isArray(out)) callback(new Error(out[0]));
      else callback(null, asBuffer(out));
    });
  };
}

export const deflateSync = zlibSync(DEFLATE, "zlibSync");
export const inflateSync = zlibSync(INFLATE, "zlibSync");
export const gzipSync = zlibSync(GZIP, "zlibSync");
export const gunzipSync = zlibSync(GUNZIP, "zlibSync");
export const deflateRawSync = zlibSync(DEFLATERAW, "zlibSync");
export const inflateRawSync = zlibSync(INFLATERAW, "zlibSync");
export const unzipSync = zlibSync(UNZIP, "zlibSync");
export const brotliCompressSync = zlibSync(BROTLI_ENCODE, "brotliCompressSync");
export const brotliDecompressSync = zlibSync(BROTLI_DECODE, "brotliDecompressSync");
export const deflate = zlibCallback(DEFLATE, "zlib");
export const inflate = zlibCallback(INFLATE, "zlib");
export const gzip = zlibCallback(GZIP, "zlib");
export const gunzip = zlibCallback(GUNZIP, "zlib");
export const deflateRaw = zlibCallback(DEFLATERAW, "zlib");
export const inflateRaw = zlibCallback(INFLATERAW, "zlib");
export const unzip = zlibCallback(UNZIP, "zlib");
export const brotliCompress = zlibCallback(BROTLI_ENCODE, "brotliCompress");
export const brotliDecompress = zlibCallback(BROTLI_DECODE, "brotliDecompress");

export function crc32(data, value = 0) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE("value", "number", value);
  if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE("value", "an integer", value);
  if (value < 0 || value > 4294967295) throw ERR_OUT_OF_RANGE("value", ">= 0 && < 4294967296", value);
  const bytes = bindingInput(data, "crc32");
  if (bytes.byteLength > JS_CRC32_BYTES) return ops().op_nodezlib_crc32(bytes, value);
  if (CRC_TABLE === null) CRC_TABLE = crcTable();
  let crc = ~value;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

// CRC-32 of small inputs in JS (a crossing costs more than the sum); larger ones in zlib.
const JS_CRC32_BYTES = 4096;
let CRC_TABLE = null;
function crcTable() {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

// -- streams ----------------------------------------------------------------------------------
const kState = Symbol("kZlibState");
const kFlushFlag = Symbol("kFlushFlag");
const BATCH_BYTES = 64 * 1024; // pending input that is processed at once instead of at the end of the tick

// An engine whose stream was dropped before its end is freed when the stream is collected.
const dropEngine = new FinalizationRegistry((rid) => {
  try {
    internals.ops.op_nodezlib_close(rid);
  } catch {
    // the isolate is going away
  }
});
const freeEngine = (z) => {
  if (z.rid > 0) {
    dropEngine.unregister(z);
    ops().op_nodezlib_close(z.rid);
  }
};

// Process the pending chunks plus `flag`; push the output. Returns an Error or null.
function runPending(stream, flag) {
  const z = stream[kState];
  const chunks = z.pending;
  z.pending = [];
  z.pendingBytes = 0;
  if (z.rid === -1) return null; // finished or destroyed
  if (chunks.length === 0 && flag === z.noFlush) return null;
  if (z.rid === 0) {
    z.rid = ops().op_nodezlib_open(z.mode, z.opts);
    dropEngine.register(stream, z.rid, z);
  }
  const out = ops().op_nodezlib_write(z.rid, chunks, flag);
  if (Array.isArray(out) || flag === z.finishFlag) {
    z.rid = -1; // the op freed it
    dropEngine.unregister(z);
    if (Array.isArray(out)) return streamError(out);
  }
  for (let off = 0; off < out.byteLength; off += z.chunkSize) {
    stream.push(asBuffer(out.subarray(off, Math.min(off + z.chunkSize, out.byteLength))));
  }
  return null;
}

function schedule(stream) {
  const z = stream[kState];
  if (z.scheduled) return;
  z.scheduled = true;
  queueMicrotask(() => {
    z.scheduled = false;
    if (z.pending.length === 0) return;
    let error;
    try {
      error = runPending(stream, z.noFlush);
    } catch (e) {
      error = e;
    }
    if (error) stream.destroy(error);
  });
}

function ZlibBase(mode, options) {
  if (Transform === null) throw ERR_METHOD_NOT_IMPLEMENTED(`zlib ${this.constructor.name} (node:stream is not available)`);
  const [opts, chunkSize] = engineOptions(mode, options, true);
  const brotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
  Transform.call(this, { autoDestroy: true, ...(options ?? {}) });
  this[kState] = {
    mode, opts, chunkSize, rid: 0, pending: [], pendingBytes: 0, scheduled: false,
    noFlush: brotli ? BROTLI_OPERATION_PROCESS : Z_NO_FLUSH,
    finishFlag: brotli ? BROTLI_OPERATION_FINISH : Z_FINISH,
  };
  this.bytesWritten = 0;
  this._finishFlushFlag = this[kState].finishFlag;
  this._defaultFullFlushFlag = brotli ? BROTLI_OPERATION_FLUSH : Z_FULL_FLUSH;
  this._defaultFlushFlag = this[kState].noFlush;
}

const zlibProto = {
  _transform(chunk, encoding, callback) {
    const z = this[kState];
    if (typeof chunk === "string") chunk = Buffer.from(chunk, encoding);
    const flag = chunk[kFlushFlag];
    const bytes = bytesOf(chunk);
    if (bytes.byteLength > 0) {
      z.pending.push(bytes);
      z.pendingBytes += bytes.byteLength;
      this.bytesWritten += bytes.byteLength;
    }
    if (flag !== undefined || z.pendingBytes >= BATCH_BYTES) {
      let error;
      try {
        error = runPending(this, flag ?? z.noFlush);
      } catch (e) {
        error = e;
      }
      callback(error ?? undefined);
      return;
    }
    if (z.pending.length > 0) schedule(this);
    callback();
  },
  _flush(callback) {
    let error;
    try {
      error = runPending(this, this[kState].finishFlag);
    } catch (e) {
      error = e;
    }
    callback(error ?? undefined);
  },
  _destroy(error, callback) {
    const z = this[kState];
    freeEngine(z);
    z.rid = -1;
    z.pending = [];
    callback(error);
  },
  flush(kind, callback) {
    if (typeof kind === "function" || (kind === undefined && !callback)) {
      callback = kind;
      kind = this._defaultFullFlushFlag;
    }
    if (this.writableFinished) {
      if (callback) queueMicrotask(callback);
    } else if (this.writableEnded) {
      if (callback) this.once("end", callback);
    } else {
      const marker = Buffer.alloc(0);
      marker[kFlushFlag] = kind;
      this.write(marker, "", callback);
    }
  },
  close(callback) {
    if (callback) this.once("close", callback);
    this.destroy();
  },
  reset() {
    const z = this[kState];
    freeEngine(z);
    z.rid = 0;
    z.pending = [];
    z.pendingBytes = 0;
  },
  params(level, strategy, callback) {
    throw ERR_METHOD_NOT_IMPLEMENTED("zlib.params");
  },
  get _closed() {
    return this.destroyed;
  },
};

function defineClass(name, mode) {
  const Ctor = {
    [name]: function (options) {
      if (!new.target) return new Ctor(options);
      ZlibBase.call(this, mode, options);
    },
  }[name];
  if (Transform !== null) {
    Object.setPrototypeOf(Ctor.prototype, Transform.prototype);
    Object.setPrototypeOf(Ctor, Transform);
  }
  Object.defineProperties(Ctor.prototype, Object.getOwnPropertyDescriptors(zlibProto));
  return Ctor;
}

export const Deflate = defineClass("Deflate", DEFLATE);
export const Inflate = defineClass("Inflate", INFLATE);
export const Gzip = defineClass("Gzip", GZIP);
export const Gunzip = defineClass("Gunzip", GUNZIP);
export const DeflateRaw = defineClass("DeflateRaw", DEFLATERAW);
export const InflateRaw = defineClass("InflateRaw", INFLATERAW);
export const Unzip = defineClass("Unzip", UNZIP);
export const BrotliCompress = defineClass("BrotliCompress", BROTLI_ENCODE);
export const BrotliDecompress = defineClass("BrotliDecompress", BROTLI_DECODE);
const CLASS_BY_MODE = {
  [DEFLATE]: Deflate, [INFLATE]: Inflate, [GZIP]: Gzip, [GUNZIP]: Gunzip, [DEFLATERAW]: DeflateRaw,
  [INFLATERAW]: InflateRaw, [UNZIP]: Unzip, [BROTLI_ENCODE]: BrotliCompress, [BROTLI_DECODE]: BrotliDecompress,
};

export const createDeflate = (options) => new Deflate(options);
export const createInflate = (options) => new Inflate(options);
export const createGzip = (options) => new Gzip(options);
export const createGunzip = (options) => new Gunzip(options);
export const createDeflateRaw = (options) => new DeflateRaw(options);
export const createInflateRaw = (options) => new InflateRaw(options);
export const createUnzip = (options) => new Unzip(options);
export const createBrotliCompress = (options) => new BrotliCompress(options);
export const createBrotliDecompress = (options) => new BrotliDecompress(options);

// zstd (workerd has it; Python 3.11's standard library does not).
const zstdMissing = (name) => {
  const fn = {
    [name]: function () {
      throw ERR_METHOD_NOT_IMPLEMENTED(`zlib.${name}`);
    },
  }[name];
  return fn;
};
export const ZstdCompress = zstdMissing("ZstdCompress");
export const ZstdDecompress = zstdMissing("ZstdDecompress");
export const createZstdCompress = zstdMissing("createZstdCompress");
export const createZstdDecompress = zstdMissing("createZstdDecompress");
export const zstdCompress = zstdMissing("zstdCompress");
export const zstdDecompress = zstdMissing("zstdDecompress");
export const zstdCompressSync = zstdMissing("zstdCompressSync");
export const zstdDecompressSync = zstdMissing("zstdDecompressSync");

const api = {
  constants, codes, crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  ZstdCompress, ZstdDecompress,
  createDeflate, createInflate, createGzip, createGunzip, createDeflateRaw, createInflateRaw, createUnzip,
  createBrotliCompress, createBrotliDecompress, createZstdCompress, createZstdDecompress,
  deflate, inflate, gzip, gunzip, deflateRaw, inflateRaw, unzip, brotliCompress, brotliDecompress,
  zstdCompress, zstdDecompress,
  deflateSync, inflateSync, gzipSync, gunzipSync, deflateRawSync, inflateRawSync, unzipSync,
  brotliCompressSync, brotliDecompressSync, zstdCompressSync, zstdDecompressSync,
};
// The constants are also members of the module object (as in workerd and Node).
for (const name of Object.keys(constants)) api[name] = constants[name];
export default api;
