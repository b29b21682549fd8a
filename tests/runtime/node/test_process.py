"""node:process: values, errors and behaviour equal workerd's (recorded from workerd 1.20260426.1 with nodejs_compat: the full object at compatibility date 2026-04-01, the legacy object at 2025-01-01). process.env population from the Worker's vars is covered by tests/integration/test_node_als.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import case_params, compared, js_prelude, run_results

PRELUDE = js_prelude(values="undefined", errors="text+code", finish="copy")

# Each run evaluates its cases in one isolate; each result is keyed by the call it made.
RUNS: dict[str, tuple[str, tuple[str, ...]]] = {}
EXPECTED: dict[str, dict[str, Any]] = {}

RUNS["v2"] = (
    PRELUDE
    + r"""import process from "node:process";
import * as named from "node:process";
import { EventEmitter } from "node:events";
const run = async () => {
await put("values", () => ({ platform: process.platform, arch: process.arch, version: process.version, versions: process.versions, title: process.title, argv: process.argv, argv0: process.argv0, execArgv: process.execArgv, execPath: process.execPath, pid: process.pid, ppid: process.ppid, release: process.release, exitCode: process.exitCode ?? null, debugPort: process.debugPort, connected: process.connected, channel: process.channel, features: process.features, configArch: process.config.variables.host_arch, frozen: [Object.isFrozen(process.features), Object.isFrozen(process.config)] }));
await put("cwd", () => process.cwd());
await put("chdir:absolute", () => { process.chdir("/tmp"); const c = process.cwd(); process.chdir("/bundle"); return c; });
await put("chdir:relative", () => { process.chdir(".."); const c = process.cwd(); process.chdir("/bundle"); return c; });
await put("chdir:missing", () => process.chdir("/nope"));
await put("chdir:nonString", () => process.chdir(5));
await put("hrtime:shape", () => { const t = process.hrtime(); const d = process.hrtime(t); return [t.length, Number.isInteger(t[0]), Number.isInteger(t[1]), d[0] >= 0, d[1] >= 0, typeof process.hrtime.bigint()]; });
await put("hrtime:nonArray", () => process.hrtime(5));
await put("hrtime:wrongLength", () => process.hrtime([1]));
await put("uptime", () => process.uptime());
await put("memoryUsage", () => process.memoryUsage());
await put("resourceUsage", () => [process.resourceUsage().maxRSS, process.constrainedMemory(), process.availableMemory()]);
await put("umask", () => [process.umask(), process.umask(0o22), process.umask("777")]);
await put("umask:badString", () => process.umask("8"));
await put("umask:badType", () => process.umask({}));
await put("notImplemented:kill", () => process.kill(1));
await put("notImplemented:cpuUsage", () => process.cpuUsage());
await put("notImplemented:binding", () => process.binding("x"));
await put("notImplemented:permission", () => process.permission.has("fs"));
await put("notImplemented:writeReport", () => process.report.writeReport());
await put("report:getReport", () => process.report.getReport());
await put("ids", () => [process.getuid(), process.getgid(), process.geteuid(), process.getegid(), process.getgroups(), process.setuid(0) ?? null]);
await put("ids:setuid", () => process.setuid(5));
await put("emitWarning:event", () => new Promise((res) => { process.once("warning", (w) => res([w.name, w.message, w.code ?? null, w.detail ?? null, w instanceof Error])); process.emitWarning("msg", { type: "CustomWarning", code: "C1", detail: "d" }); }));
await put("emitWarning:typeAndCode", () => new Promise((res) => { process.once("warning", (w) => res([w.name, w.message, w.code ?? null])); process.emitWarning("m2", "DeprecationWarning", "DEP0001"); }));
await put("emitWarning:error", () => new Promise((res) => { process.once("warning", (w) => res([w.name, w.message])); process.emitWarning(new TypeError("t")); }));
await put("emitWarning:badWarning", () => process.emitWarning(5));
await put("emitWarning:badCtor", () => process.emitWarning("x", "T", 5));
await put("nextTick:args", () => new Promise((res) => process.nextTick((a, b) => res([a, b]), 1, 2)));
await put("nextTick:isAMicrotask", () => new Promise((res) => { const o = []; Promise.resolve().then(() => o.push("promise")); process.nextTick(() => o.push("tick")); setTimeout(() => res(o), 1); }));
await put("env:coercesToString", () => { process.env.X = 5; process.env.Y = true; const r = [process.env.X, process.env.Y]; delete process.env.X; delete process.env.Y; return [...r, "X" in process.env]; });
await put("env:getterRejected", () => Object.defineProperty(process.env, "Z", { get() { return 1; } }));
await put("env:nonConfigurableRejected", () => Object.defineProperty(process.env, "Z", { value: 1, writable: true, enumerable: true }));
await put("env:defineCoerces", () => { Object.defineProperty(process.env, "Z", { value: 7, writable: true, enumerable: true, configurable: true }); const v = process.env.Z; delete process.env.Z; return v; });
await put("env:symbolRejected", () => { process.env[Symbol("s")] = 1; });
await put("stdio", () => [process.stdout.fd, process.stderr.fd, process.stdin.fd, typeof process.stdout.write, process.stdout.writable, process.stdout.readable, process.stdout._type, process.stdout._isStdio, process.stdout.write("hello\n")]);
await put("getBuiltinModule:process", () => process.getBuiltinModule("node:process") === process);
await put("getBuiltinModule:loadedModule", async () => { const p = (await import("node:path")).default; return [process.getBuiltinModule("node:path") === p, process.getBuiltinModule("path") === p]; });
await put("getBuiltinModule:unknown", () => process.getBuiltinModule("nope") ?? null);
await put("eventEmitter", () => [Object.getPrototypeOf(process) === EventEmitter.prototype, typeof process.on, process.listenerCount("warning"), Object.prototype.toString.call(process)]);
await put("exit:isAFunction", () => [typeof process.exit, typeof process.abort]);
await put("sourceMaps", () => process.getSourceMapsSupport());
await put("shape:defaultKeys", () => Object.keys(process).sort());
await put("shape:namedKeys", () => Object.keys(named).sort());
await put("shape:defaultIsNamedDefault", () => named.default === process && named.env === process.env && named.nextTick === process.nextTick);
return collected();
};
export default run();
""",
    ("nodejs_compat", "nodejs_compat_v2", "enable_nodejs_process_v2", "nodejs_compat_populate_process_env"),
)
EXPECTED["v2"] = {
    "values": {
        "platform": "linux",
        "arch": "x64",
        "version": "v22.19.0",
        "versions": {
            "node": "22.19.0",
            "v8": "",
            "modules": "",
            "zlib": "",
            "brotli": "",
            "zstd": "",
            "ares": "",
            "napi": "",
            "llhttp": "",
            "nghttp2": "",
            "acorn": "",
            "ada": "",
            "simdutf": "",
            "nbytes": "",
            "ncrypto": "",
            "uvwasi": "",
            "uv": "",
            "openssl": "",
            "sqlite": "",
            "icu": "",
            "undici": "",
            "simdjson": "",
            "unicode": "",
            "cldr": "",
            "tz": "",
            "cjs_module_lexer": "",
            "amaro": "",
            "merve": "",
        },
        "title": "workerd",
        "argv": ["workerd"],
        "argv0": "workerd",
        "execArgv": [],
        "execPath": "",
        "pid": 1,
        "ppid": 0,
        "release": {"name": "node", "lts": True, "sourceUrl": "", "headersUrl": ""},
        "exitCode": None,
        "debugPort": 0,
        "connected": False,
        "channel": None,
        "features": {
            "cached_builtins": True,
            "debug": False,
            "inspector": False,
            "ipv6": True,
            "openssl_is_boringssl": True,
            "require_module": False,
            "tls": True,
            "tls_alpn": True,
            "tls_ocsp": True,
            "tls_sni": True,
            "typescript": False,
            "uv": True,
        },
        "configArch": "x64",
        "frozen": [True, True],
    },
    "cwd": "/bundle",
    "chdir:absolute": "/tmp",
    "chdir:relative": "/",
    "chdir:missing": {"error": "Error: no such file or directory, chdir 'nope'", "code": "ENOENT"},
    "chdir:nonString": {
        "error": 'TypeError: The "directory" argument must be of type string. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "hrtime:shape": [2, True, True, True, True, "bigint"],
    "hrtime:nonArray": {
        "error": 'TypeError: The "time" argument must be tuple of integers. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "hrtime:wrongLength": {
        "error": 'RangeError: The value of "time" is out of range. It must be 2. Received [ 1 ]',
        "code": "ERR_OUT_OF_RANGE",
    },
    "uptime": 0,
    "memoryUsage": {"rss": 0, "heapTotal": 0, "heapUsed": 0, "external": 0, "arrayBuffers": 0},
    "resourceUsage": [0, 0, 0],
    "umask": [18, 18, 18],
    "umask:badString": {
        "error": "TypeError: The argument 'mask' must be a 32-bit unsigned integer or an octal string. Received '8'",
        "code": "ERR_INVALID_ARG_VALUE",
    },
    "umask:badType": {
        "error": 'TypeError: The "mask" argument must be of type number. Received an instance of Object',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "notImplemented:kill": {
        "error": "Error: The process.kill method is not implemented",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "notImplemented:cpuUsage": {
        "error": "Error: The process.cpuUsage method is not implemented",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "notImplemented:binding": {
        "error": "Error: The process.binding method is not implemented",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "notImplemented:permission": {
        "error": "Error: The process.permission.has method is not implemented",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "notImplemented:writeReport": {
        "error": "Error: The process.report.writeReport method is not implemented",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "report:getReport": {},
    "ids": [0, 0, 0, 0, [0], None],
    "ids:setuid": {"error": "Error: operation not permitted", "code": "EPERM"},
    "emitWarning:event": ["CustomWarning", "msg", "C1", "d", True],
    "emitWarning:typeAndCode": ["DeprecationWarning", "m2", "DEP0001"],
    "emitWarning:error": ["TypeError", "t"],
    "emitWarning:badWarning": {
        "error": 'TypeError: The "warning" argument must be an string or Error. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "emitWarning:badCtor": {
        "error": 'TypeError: The "ctor" argument must be of type function. Received type number (5)',
        "code": "ERR_INVALID_ARG_TYPE",
    },
    "nextTick:args": [1, 2],
    "nextTick:isAMicrotask": ["promise", "tick"],
    "env:coercesToString": ["5", "true", False],
    "env:getterRejected": {
        "error": "TypeError: The argument 'descriptor' process.env value must not have "
        "getter/setter. Received { get: [Function: get] }",
        "code": "ERR_INVALID_ARG_VALUE",
    },
    "env:nonConfigurableRejected": {
        "error": "TypeError: The property 'descriptor.configurable' process.env "
        "value must be configurable. Received { value: 1, writable: true, "
        "enumerable: true }",
        "code": "ERR_INVALID_ARG_VALUE",
    },
    "env:defineCoerces": "7",
    "env:symbolRejected": {"error": "TypeError: Cannot convert a symbol value to a string", "code": None},
    "stdio": [1, 2, 0, "function", True, False, "fs", True, True],
    "getBuiltinModule:process": True,
    "getBuiltinModule:loadedModule": [True, True],
    "getBuiltinModule:unknown": None,
    "eventEmitter": [True, "function", 0, "[object process]"],
    "exit:isAFunction": ["function", "function"],
    "sourceMaps": {"enabled": False, "nodeModules": False, "generatedCode": False},
    "shape:defaultKeys": [
        "_channel",
        "_debugEnd",
        "_debugProcess",
        "_disconnect",
        "_events",
        "_eventsCount",
        "_exiting",
        "_fatalException",
        "_getActiveHandles",
        "_getActiveRequests",
        "_handleQueue",
        "_kill",
        "_linkedBinding",
        "_maxListeners",
        "_pendingMessage",
        "_preload_modules",
        "_rawDebug",
        "_send",
        "_startProfilerIdleNotifier",
        "_stopProfilerIdleNotifier",
        "_tickCallback",
        "abort",
        "allowedNodeEnvironmentFlags",
        "arch",
        "argv",
        "argv0",
        "assert",
        "availableMemory",
        "binding",
        "channel",
        "chdir",
        "config",
        "connected",
        "constrainedMemory",
        "cpuUsage",
        "cwd",
        "debugPort",
        "dlopen",
        "domain",
        "emitWarning",
        "env",
        "execArgv",
        "execPath",
        "execve",
        "exit",
        "exitCode",
        "features",
        "finalization",
        "getActiveResourcesInfo",
        "getBuiltinModule",
        "getSourceMapsSupport",
        "getegid",
        "geteuid",
        "getgid",
        "getgroups",
        "getuid",
        "hasUncaughtExceptionCaptureCallback",
        "hrtime",
        "initgroups",
        "kill",
        "loadEnvFile",
        "memoryUsage",
        "moduleLoadList",
        "nextTick",
        "noDeprecation",
        "openStdin",
        "permission",
        "pid",
        "platform",
        "ppid",
        "reallyExit",
        "ref",
        "release",
        "report",
        "resourceUsage",
        "send",
        "setSourceMapsEnabled",
        "setUncaughtExceptionCaptureCallback",
        "setegid",
        "seteuid",
        "setgid",
        "setgroups",
        "setuid",
        "sourceMapsEnabled",
        "stderr",
        "stdin",
        "stdout",
        "threadCpuUsage",
        "throwDeprecation",
        "title",
        "traceDeprecation",
        "umask",
        "unref",
        "uptime",
        "version",
        "versions",
    ],
    "shape:namedKeys": [
        "_channel",
        "_debugEnd",
        "_debugProcess",
        "_disconnect",
        "_events",
        "_eventsCount",
        "_exiting",
        "_fatalException",
        "_getActiveHandles",
        "_getActiveRequests",
        "_handleQueue",
        "_kill",
        "_linkedBinding",
        "_maxListeners",
        "_pendingMessage",
        "_preload_modules",
        "_rawDebug",
        "_send",
        "_startProfilerIdleNotifier",
        "_stopProfilerIdleNotifier",
        "_tickCallback",
        "abort",
        "allowedNodeEnvironmentFlags",
        "arch",
        "argv",
        "argv0",
        "assert",
        "availableMemory",
        "binding",
        "channel",
        "chdir",
        "config",
        "connected",
        "constrainedMemory",
        "cpuUsage",
        "cwd",
        "debugPort",
        "default",
        "dlopen",
        "domain",
        "emitWarning",
        "env",
        "execArgv",
        "execPath",
        "execve",
        "exit",
        "exitCode",
        "features",
        "finalization",
        "getActiveResourcesInfo",
        "getBuiltinModule",
        "getSourceMapsSupport",
        "getegid",
        "geteuid",
        "getgid",
        "getgroups",
        "getuid",
        "hasUncaughtExceptionCaptureCallback",
        "hrtime",
        "initgroups",
        "kill",
        "loadEnvFile",
        "memoryUsage",
        "moduleLoadList",
        "nextTick",
        "noDeprecation",
        "openStdin",
        "permission",
        "pid",
        "platform",
        "ppid",
        "reallyExit",
        "ref",
        "release",
        "report",
        "resourceUsage",
        "send",
        "setSourceMapsEnabled",
        "setUncaughtExceptionCaptureCallback",
        "setegid",
        "seteuid",
        "setgid",
        "setgroups",
        "setuid",
        "sourceMapsEnabled",
        "stderr",
        "stdin",
        "stdout",
        "threadCpuUsage",
        "throwDeprecation",
        "title",
        "traceDeprecation",
        "umask",
        "unref",
        "uptime",
        "version",
        "versions",
    ],
    "shape:defaultIsNamedDefault": True,
}

RUNS["legacy"] = (
    PRELUDE
    + r"""import process from "node:process";
const run = async () => {
await put("legacy:defaultKeys", () => Object.keys(process).sort());
await put("legacy:isPlainObject", () => [Object.getPrototypeOf(process) === Object.prototype, Object.prototype.toString.call(process)]);
await put("legacy:values", () => [process.platform, process.features.uv, typeof process.nextTick, typeof process.exit, typeof process.getBuiltinModule]);
await put("legacy:envEmptyWithoutPopulateFlag", () => ({ ...process.env }));
await put("legacy:nextTick", () => new Promise((res) => process.nextTick((a) => res(a), "x")));
return collected();
};
export default run();
""",
    ("nodejs_compat", "nodejs_compat_v2"),
)
EXPECTED["legacy"] = {
    "legacy:defaultKeys": ["env", "exit", "features", "getBuiltinModule", "nextTick", "platform"],
    "legacy:isPlainObject": [True, "[object Object]"],
    "legacy:values": ["linux", True, "function", "function", "function"],
    "legacy:envEmptyWithoutPopulateFlag": {},
    "legacy:nextTick": "x",
}

# Cases where isolet still differs from workerd, with the reason; they run as xfail.
KNOWN_DIFFERENCES: dict[str, str] = {}


CASES = case_params(EXPECTED, KNOWN_DIFFERENCES)
results = run_results(RUNS)


@pytest.mark.parametrize(("run", "behaviour"), CASES)
def test_process_matches_workerd(results: dict[str, dict[str, Any]], run: str, behaviour: str) -> None:
    observed, expected = compared(results, EXPECTED, run, behaviour)
    assert observed == expected
