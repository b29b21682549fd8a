// node:process — workerd's process object. With enable_nodejs_process_v2
// (implied by nodejs_compat from 2025-09-15) the default export is the full
// object: an EventEmitter with workerd's values (platform "linux", arch "x64",
// version "v22.19.0", title/argv "workerd", pid 1, cwd "/bundle"...); before
// that it is workerd's legacy object (env, exit, features,
// getBuiltinModule, nextTick, platform). The named exports are always the full
// set. process.env mirrors the Worker's string vars (JSON vars as JSON text)
// and secrets when nodejs_compat_populate_process_env is on (implied by
// nodejs_compat from 2025-04-01), and is empty otherwise.
//
// Differences from workerd: process.exit() throws an Error that fails the
// request instead of terminating the isolate's current execution;
// stdout/stderr are line-buffered writers into console.log/console.error, not
// node:stream Writables; getBuiltinModule() answers only for modules already
// loaded in this isolate (and undefined otherwise).
import internals from "isolet-internal:internals";
import { EventEmitter } from "node:events";
import {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_METHOD_NOT_IMPLEMENTED,
  ERR_OUT_OF_RANGE,
  makeNodeError,
} from "isolet-internal:node/errors";
import { validateObject, validateString } from "isolet-internal:node/validators";

const NODE_VERSION = "22.19.0"; // workerd 1.20260426.1's node-version.h

// ---- env ------------------------------------------------------------------

// Whether a var survives a JSON round trip unchanged (plain objects and
// arrays of JSON values, no cycles or aliases).
function isJsonValue(value, seen = new Set()) {
  switch (typeof value) {
    case "boolean":
    case "number":
    case "string":
      return true;
    case "object": {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      const proto = Object.getPrototypeOf(value);
      if (proto === Object.prototype) return Object.values(value).every((v) => isJsonValue(v, seen));
      if (proto === Array.prototype) return value.every((v) => isJsonValue(v, seen));
      return false;
    }
    default:
      return false;
  }
}

function initialEnv() {
  const env = {};
  if (!internals.compat("nodejs_compat_populate_process_env")) return env;
  const spec = internals.info.env ?? {};
  for (const source of [spec.vars ?? {}, spec.secrets ?? {}]) {
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === "string") env[key] = value;
      else if (isJsonValue(value)) env[key] = JSON.stringify(value);
    }
  }
  return env;
}

const symbolToString = () => new TypeError("Cannot convert a symbol value to a string");

export const env = new Proxy(initialEnv(), {
  set(target, prop, value) {
    if (typeof prop === "symbol" || typeof value === "symbol") throw symbolToString();
    return Reflect.set(target, prop, `${value}`);
  },
  defineProperty(target, prop, descriptor) {
    validateObject(descriptor, "descriptor");
    if (Reflect.has(descriptor, "get") || Reflect.has(descriptor, "set")) {
      throw ERR_INVALID_ARG_VALUE("descriptor", descriptor, "process.env value must not have getter/setter");
    }
    for (const field of ["configurable", "enumerable", "writable"]) {
      if (!descriptor[field]) {
        throw ERR_INVALID_ARG_VALUE(`descriptor.${field}`, descriptor, `process.env value must be ${field}`);
      }
    }
    if (!Reflect.has(descriptor, "value")) {
      throw ERR_INVALID_ARG_VALUE("descriptor.value", descriptor, "process.env value must be specified explicitly");
    }
    if (typeof prop === "symbol" || typeof descriptor.value === "symbol") throw symbolToString();
    return Reflect.defineProperty(target, prop, { ...descriptor, value: `${descriptor.value}` });
  },
});

// ---- the values workerd reports ---------------------------------------------

export const platform = "linux";
export const arch = "x64";
export const version = `v${NODE_VERSION}`;
export const versions = Object.fromEntries([
  "node", "v8", "modules", "zlib", "brotli", "zstd", "ares", "napi", "llhttp", "nghttp2", "acorn", "ada",
  "simdutf", "nbytes", "ncrypto", "uvwasi", "uv", "openssl", "sqlite", "icu", "undici", "simdjson", "unicode",
  "cldr", "tz", "cjs_module_lexer", "amaro", "merve",
].map((name) => [name, name === "node" ? NODE_VERSION : ""]));
export const title = "workerd";
export const argv = ["workerd"];
export const argv0 = "workerd";
export const execArgv = [];
export const execPath = "";
export const pid = 1;
export const ppid = 0;
export const exitCode = undefined;
export const channel = null;
export const connected = false;
export const debugPort = 0;
export const noDeprecation = false;
export const traceDeprecation = false;
export const throwDeprecation = false;
export const sourceMapsEnabled = false;
export const allowedNodeEnvironmentFlags = new Set();
export const moduleLoadList = [];
export const _preload_modules = [];
export const domain = null;
export const _exiting = false;
export const release = { name: "node", lts: true, sourceUrl: "", headersUrl: "" };

export const features = Object.freeze({
  cached_builtins: true,
  debug: false,
  inspector: false,
  ipv6: true,
  openssl_is_boringssl: true,
  require_module: false,
  tls: true,
  tls_alpn: true,
  tls_ocsp: true,
  tls_sni: true,
  typescript: false,
  uv: true,
});

// Node's build configuration; workerd reports a representative, frozen one.
export const config = Object.freeze({
  target_defaults: Object.freeze({ default_configuration: "Release" }),
  variables: Object.freeze({
    host_arch: "x64",
    target_arch: "x64",
    node_byteorder: "little",
    node_module_version: 127,
    napi_build_version: "9",
    node_prefix: "/usr/local",
    node_shared: false,
    node_use_openssl: true,
    node_target_type: "executable",
    shlib_suffix: "so",
    v8_enable_i18n_support: 1,
    v8_enable_pointer_compression: 1,
    v8_enable_webassembly: 1,
    openssl_is_fips: false,
    icu_small: false,
    is_debug: 0,
  }),
});

// ---- behaviour ----------------------------------------------------------------

// workerd's nextTick is a microtask (it runs after promise reactions queued
// before it, unlike Node's tick queue).
export function nextTick(callback, ...args) {
  queueMicrotask(() => callback(...args));
}

let processObject = null;

export function emitWarning(warning, options = undefined, codeOrCtor = undefined, maybeCtor = undefined) {
  let name = "Warning";
  let detail;
  let code;
  let ctor;
  if (typeof options === "object" && options !== null && !Array.isArray(options)) {
    if (options.type) name = options.type;
    if (options.code) code = options.code;
    if (options.detail) detail = options.detail;
    ctor = options.ctor;
  } else if (typeof options === "string") {
    name = options;
    if (typeof codeOrCtor === "string") {
      code = codeOrCtor;
      if (typeof maybeCtor === "function") ctor = maybeCtor;
      else if (maybeCtor !== undefined) throw ERR_INVALID_ARG_TYPE("ctor", "function", maybeCtor);
    } else if (typeof codeOrCtor === "function") {
      ctor = codeOrCtor;
    } else if (codeOrCtor !== undefined) {
      throw ERR_INVALID_ARG_TYPE("ctor", "function", codeOrCtor);
    }
  } else if (typeof options === "function") {
    ctor = options;
  } else if (options !== undefined && options !== null) {
    throw ERR_INVALID_ARG_TYPE("options", "object", options);
  }
  let err;
  if (typeof warning === "string") {
    err = new (ctor || Error)(warning);
    err.name = name;
  } else if (warning instanceof Error) {
    err = warning;
    if (name && name !== "Warning") err.name = name;
  } else {
    throw ERR_INVALID_ARG_TYPE("warning", "string or Error", warning);
  }
  if (code) err.code = code;
  if (detail && typeof detail === "string") err.detail = detail;
  Error.captureStackTrace?.(err, ctor || emitWarning);
  queueMicrotask(() => processObject?.emit?.("warning", err));
}

// Aborts the request that called it (workerd also terminates the running
// JavaScript; here the thrown error fails the request unless caught).
export function exit(code) {
  throw new Error(`The Node.js process.exit(${code}) API was called. Canceling the request.`);
}

export function abort() {
  exit(1);
}

export function reallyExit(code) {
  exit(code || 0);
}

// Built-in modules loaded in this isolate, by name without "node:", whose
// default export getBuiltinModule() can return synchronously. node: modules
// may add themselves: `internals.nodeBuiltins.set("x", defaultExport)`.
internals.nodeBuiltins ??= new Map();
const builtins = internals.nodeBuiltins;
builtins.set("events", EventEmitter);

export function getBuiltinModule(id) {
  validateString(id, "id");
  const name = id.startsWith("node:") ? id.slice(5) : id;
  return builtins.get(name);
}

// The working directory of workerd's virtual file system.
const DIRECTORIES = new Set(["/", "/bundle", "/tmp", "/dev"]);
let cwdPath = "/bundle";

function systemError(code, message, syscall, path) {
  return makeNodeError(Error, code, `${message}, ${syscall} '${path}'`, { syscall, path, errno: code === "ENOENT" ? -2 : -1 });
}

export function cwd() {
  return cwdPath;
}

export function chdir(directory) {
  validateString(directory, "directory");
  if (directory.length === 0) throw systemError("ENOENT", "no such file or directory", "chdir", directory);
  const parts = directory.startsWith("/") ? [] : cwdPath.split("/").filter(Boolean);
  for (const part of directory.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  const resolved = `/${parts.join("/")}`;
  if (!DIRECTORIES.has(resolved)) throw systemError("ENOENT", "no such file or directory", "chdir", parts.join("/"));
  cwdPath = resolved;
}

export function umask(mask) {
  if (mask !== undefined) {
    if (typeof mask === "string") {
      if (!/^[0-7]+$/.test(mask)) {
        throw ERR_INVALID_ARG_VALUE("mask", mask, "must be a 32-bit unsigned integer or an octal string");
      }
      mask = parseInt(mask, 8);
    } else if (typeof mask !== "number") {
      throw ERR_INVALID_ARG_TYPE("mask", "number", mask);
    }
    if (mask < 0 || mask > 0xffffffff || !Number.isInteger(mask)) {
      throw ERR_INVALID_ARG_VALUE("mask", mask, "must be a 32-bit unsigned integer or an octal string");
    }
  }
  return 18; // Node's default umask, 0o022
}

// Wall-clock based, as in workerd (Date.now() at millisecond precision).
export const hrtime = Object.assign(
  function hrtime(time) {
    if (time !== undefined) {
      if (!Array.isArray(time)) throw ERR_INVALID_ARG_TYPE("time", "tuple of integers", time);
      if (time.length !== 2) throw ERR_OUT_OF_RANGE("time", "2", time);
    }
    const nanoTime = BigInt(Date.now()) * 1_000_000n;
    const nanosPart = nanoTime % 1_000_000_000n;
    let seconds = Number((nanoTime - nanosPart) / 1_000_000_000n);
    let nanos = Number(nanosPart);
    if (time) {
      seconds -= time[0];
      nanos -= time[1];
      if (nanos < 0) {
        seconds -= 1;
        nanos += 1e9;
      }
    }
    return [seconds, nanos];
  },
  { bigint: () => BigInt(Date.now()) * 1_000_000n },
);

export function uptime() {
  return 0;
}

export function memoryUsage() {
  return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
}

export function resourceUsage() {
  return Object.fromEntries([
    "userCPUTime", "systemCPUTime", "maxRSS", "sharedMemorySize", "unsharedDataSize", "unsharedStackSize",
    "minorPageFault", "majorPageFault", "swappedOut", "fsRead", "fsWrite", "ipcSent", "ipcReceived",
    "signalsCount", "voluntaryContextSwitches", "involuntaryContextSwitches",
  ].map((k) => [k, 0]));
}

export function constrainedMemory() {
  return 0;
}

export function availableMemory() {
  return 0;
}

export function getSourceMapsSupport() {
  return { enabled: false, nodeModules: false, generatedCode: false };
}

export function setSourceMapsEnabled(_enabled, _options) {}
export function ref() {}
export function unref() {}
export function _tickCallback() {}
export function _debugProcess(_pid) {}
export function _debugEnd() {}
export function _startProfilerIdleNotifier() {}
export function _stopProfilerIdleNotifier() {}
export function _getActiveRequests() {
  return [];
}
export function _getActiveHandles() {
  return [];
}
export function _fatalException(_err) {
  return false;
}
export function send(_message, _sendHandle) {
  return false;
}
export function _rawDebug(...args) {
  console.log(...args);
}

const notImplemented = (name) => () => {
  throw ERR_METHOD_NOT_IMPLEMENTED(name);
};
export const kill = notImplemented("process.kill");
export const _kill = notImplemented("process._kill");
export const binding = notImplemented("process.binding");
export const _linkedBinding = notImplemented("process._linkedBinding");
export const dlopen = notImplemented("process.dlopen");
export const cpuUsage = notImplemented("process.cpuUsage");
export const threadCpuUsage = notImplemented("process.threadCpuUsage");
export const getActiveResourcesInfo = notImplemented("process.getActiveResourcesInfo");
export const setUncaughtExceptionCaptureCallback = notImplemented("process.setUncaughtExceptionCaptureCallback");
export const hasUncaughtExceptionCaptureCallback = notImplemented("process.hasUncaughtExceptionCaptureCallback");
export const execve = notImplemented("process.execve");

export function loadEnvFile(path = ".env") {
  throw systemError("ENOENT", "no such file or directory", "readAll", String(path));
}

export const permission = { has: notImplemented("process.permission.has") };
export const finalization = {
  register: notImplemented("process.finalization.register"),
  registerBeforeExit: notImplemented("process.finalization.registerBeforeExit"),
  unregister: notImplemented("process.finalization.unregister"),
};
export const report = {
  compact: false,
  directory: "",
  filename: "",
  getReport: () => ({}),
  reportOnFatalError: false,
  reportOnSignal: false,
  reportOnUncaughtException: false,
  excludeNetwork: false,
  excludeEnv: false,
  signal: "SIGUSR2",
  writeReport: notImplemented("process.report.writeReport"),
};

// Only user and group 0 exist.
const eperm = (syscall) => makeNodeError(Error, "EPERM", "operation not permitted", { syscall, errno: -1 });
export const getuid = () => 0;
export const geteuid = () => 0;
export const getgid = () => 0;
export const getegid = () => 0;
export const getgroups = () => [0];
export function setuid(id) {
  if (id !== 0) throw eperm("setuid");
}
export function seteuid(id) {
  if (id !== 0) throw eperm("seteuid");
}
export function setgid(id) {
  if (id !== 0) throw eperm("setgid");
}
export function setegid(id) {
  if (id !== 0) throw eperm("setegid");
}
export function setgroups(_groups) {
  throw eperm("setgroups");
}
export function initgroups(_user, _extraGroup) {
  throw eperm("initgroups");
}

// ---- stdio ---------------------------------------------------------------------

// A writer that logs each complete line to the console (stdout: log,
// stderr: error); a partial line waits for its newline.
class StdioWriter extends EventEmitter {
  #log;
  #pending = "";

  constructor(fd, log) {
    super();
    this.fd = fd;
    this.#log = log;
    this.readable = false;
    this.writable = true;
    this._type = "fs";
    this._isStdio = true;
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === "function") callback = encoding;
    const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
    const lines = (this.#pending + text).split("\n");
    this.#pending = lines.pop();
    for (const line of lines) this.#log(line);
    if (typeof callback === "function") queueMicrotask(() => callback(null));
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === "function") [callback, chunk] = [chunk, undefined];
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (this.#pending) this.#log(this.#pending);
    this.#pending = "";
    if (typeof callback === "function") queueMicrotask(callback);
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() {
    return this;
  }
}

export const stdout = new StdioWriter(1, (line) => console.log(line));
export const stderr = new StdioWriter(2, (line) => console.error(line));

// As `node worker.js < /dev/null`: a stream that is already at its end.
class Stdin extends EventEmitter {
  constructor() {
    super();
    this.fd = 0;
    this.readable = true;
  }

  read() {
    return null;
  }

  setEncoding() {
    return this;
  }

  pause() {
    return this;
  }

  resume() {
    queueMicrotask(() => this.emit("end"));
    return this;
  }
}

export const stdin = new Stdin();

export function openStdin() {
  return stdin;
}

export const _disconnect = undefined;
export const _handleQueue = undefined;
export const _pendingMessage = undefined;
export const _channel = undefined;
export const _send = undefined;

export const assert = internals.compat("remove_nodejs_compat_eol_v23") ? undefined : (value, message) => {
  if (!value) throw new Error(message ?? "assertion error");
};

// ---- the process object ----------------------------------------------------------

const fullProcess = {
  assert, version, versions, title, argv, argv0, execArgv, arch, platform, config, pid, ppid,
  getegid, getgid, getgroups, geteuid, getuid, setegid, setgid, setgroups, seteuid, setuid, initgroups,
  setSourceMapsEnabled, getSourceMapsSupport, nextTick, emitWarning, env, exit, abort, getBuiltinModule,
  features, allowedNodeEnvironmentFlags, kill, ref, unref, chdir, cwd, umask, hrtime, uptime, loadEnvFile,
  exitCode, channel, connected, binding, debugPort, dlopen, finalization, getActiveResourcesInfo,
  setUncaughtExceptionCaptureCallback, hasUncaughtExceptionCaptureCallback, memoryUsage, noDeprecation,
  permission, release, report, resourceUsage, send, traceDeprecation, throwDeprecation, sourceMapsEnabled,
  stdin, stdout, stderr, threadCpuUsage, cpuUsage, execPath, constrainedMemory, availableMemory, execve,
  openStdin, _rawDebug, moduleLoadList, _linkedBinding, domain, _exiting, _getActiveRequests,
  _getActiveHandles, reallyExit, _kill, _fatalException, _tickCallback, _debugProcess, _debugEnd,
  _startProfilerIdleNotifier, _stopProfilerIdleNotifier, _preload_modules, _disconnect, _handleQueue,
  _pendingMessage, _channel, _send,
};

let process;
if (internals.compat("enable_nodejs_process_v2")) {
  process = Object.setPrototypeOf(fullProcess, EventEmitter.prototype);
  EventEmitter.call(process);
  Object.defineProperty(process, Symbol.toStringTag, { value: "process", configurable: true });
  // Node's unhandledRejection / rejectionHandled events, from the global
  // scope's events, wired on first listener.
  const wired = new Set();
  process.on("newListener", (name) => {
    const source = { unhandledRejection: "unhandledrejection", rejectionHandled: "rejectionhandled" }[name];
    if (source === undefined || wired.has(name) || typeof globalThis.addEventListener !== "function") return;
    wired.add(name);
    globalThis.addEventListener(source, (event) => {
      if (name === "unhandledRejection") process.emit(name, event.reason, event.promise);
      else process.emit(name, event.promise);
    });
  });
} else {
  process = { nextTick, env, exit, getBuiltinModule, platform, features };
}
processObject = process;
builtins.set("process", process);

export const _events = process._events;
export const _eventsCount = process._eventsCount;
export const _maxListeners = process._maxListeners;

export default process;
