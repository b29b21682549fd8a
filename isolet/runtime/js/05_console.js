// console: formats arguments in JS (Node's util.inspect conventions, which
// workerd and wrangler print too) and sends one line per call to
// op_console_write(level, text).
"use strict";
((internals) => {
  const MAX_DEPTH = 2;
  const MAX_ITEMS = 100;

  const errorToString = (e) => {
    const stack = e.stack;
    if (typeof stack === "string" && stack.length > 0) return stack;
    return `${e.name ?? "Error"}: ${e.message ?? ""}`;
  };

  const quote = (s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
  const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const keyText = (k) => (typeof k === "symbol" ? `[${k.toString()}]` : IDENT.test(k) ? k : quote(k));

  function className(obj) {
    const proto = Object.getPrototypeOf(obj);
    if (proto === null) return "[Object: null prototype]";
    const ctor = proto.constructor;
    return typeof ctor === "function" && typeof ctor.name === "string" ? ctor.name : "Object";
  }

  function wrap(prefix, items, open, close) {
    if (items.length === 0) return `${prefix}${open}${close}`;
    const oneLine = `${prefix}${open} ${items.join(", ")} ${close}`;
    if (oneLine.length <= 72 && !items.some((i) => i.includes("\n"))) return oneLine;
    const body = items.map((i) => "  " + i.replace(/\n/g, "\n  ")).join(",\n");
    return `${prefix}${open}\n${body}\n${close}`;
  }

  function inspect(value, depth = 0, seen = []) {
    switch (typeof value) {
      case "string": return depth === 0 ? value : quote(value);
      case "number": return Object.is(value, -0) ? "-0" : String(value);
      case "bigint": return `${value}n`;
      case "boolean": case "undefined": return String(value);
      case "symbol": return value.toString();
      case "function": {
        const isClass = Function.prototype.toString.call(value).startsWith("class");
        const name = value.name ? `: ${value.name}` : " (anonymous)";
        return `[${isClass ? "class" : "Function"}${name}]`;
      }
    }
    if (value === null) return "null";
    if (seen.includes(value)) return "[Circular]";
    if (value instanceof Error) return depth === 0 ? errorToString(value) : `[${errorToString(value)}]`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (value instanceof Promise) return "Promise { <unknown> }";
    if (value instanceof WeakMap) return "WeakMap { <items unknown> }";
    if (value instanceof WeakSet) return "WeakSet { <items unknown> }";
    if (depth > MAX_DEPTH) return Array.isArray(value) ? "[Array]" : `[${className(value)}]`;
    const next = [...seen, value];
    const sub = (v) => inspect(v, depth + 1, next);
    const cap = (items, total) => (total > MAX_ITEMS ? [...items, `... ${total - MAX_ITEMS} more items`] : items);
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map(sub);
      const prefix = className(value) === "Array" ? "" : `${className(value)}(${value.length}) `;
      return wrap(prefix, cap(items, value.length), "[", "]");
    }
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const items = Array.from(value.subarray(0, MAX_ITEMS), (v) => inspect(v, depth + 1, next));
      return wrap(`${className(value)}(${value.length}) `, cap(items, value.length), "[", "]");
    }
    if (value instanceof ArrayBuffer) {
      const bytes = Array.from(new Uint8Array(value, 0, Math.min(50, value.byteLength)),
        (b) => b.toString(16).padStart(2, "0"));
      return `ArrayBuffer { [Uint8Contents]: <${bytes.join(" ")}${value.byteLength > 50 ? " ..." : ""}>, byteLength: ${value.byteLength} }`;
    }
    if (value instanceof Map) {
      const items = [];
      for (const [k, v] of value) { if (items.length >= MAX_ITEMS) break; items.push(`${sub(k)} => ${sub(v)}`); }
      return wrap(`Map(${value.size}) `, cap(items, value.size), "{", "}");
    }
    if (value instanceof Set) {
      const items = [];
      for (const v of value) { if (items.length >= MAX_ITEMS) break; items.push(sub(v)); }
      return wrap(`Set(${value.size}) `, cap(items, value.size), "{", "}");
    }
    for (const Boxed of [String, Number, Boolean]) {
      if (value instanceof Boxed) return `[${Boxed.name}: ${inspect(value.valueOf(), 1)}]`;
    }
    const keys = Reflect.ownKeys(value).filter((k) => Object.prototype.propertyIsEnumerable.call(value, k));
    const items = keys.slice(0, MAX_ITEMS).map((k) => {
      const desc = Object.getOwnPropertyDescriptor(value, k);
      const shown = desc.get || desc.set ? `[${desc.get ? "Getter" : ""}${desc.get && desc.set ? "/" : ""}${desc.set ? "Setter" : ""}]` : sub(desc.value);
      return `${keyText(k)}: ${shown}`;
    });
    const name = className(value);
    const tag = value[Symbol.toStringTag];
    const prefix = name === "Object" && tag === undefined ? "" : `${name}${tag && tag !== name ? ` [${tag}]` : ""} `;
    return wrap(prefix, cap(items, keys.length), "{", "}");
  }

  // printf-style substitutions of the first argument (Console Standard §2.2.1).
  function format(args) {
    if (args.length === 0) return "";
    let rest = args;
    let head = "";
    if (typeof args[0] === "string" && args[0].includes("%")) {
      let i = 1;
      head = args[0].replace(/%([sdifjoOc%])/g, (m, c) => {
        if (c === "%") return "%";
        if (i >= args.length) return m;
        const a = args[i++];
        switch (c) {
          case "s": return typeof a === "string" ? a : inspect(a, 1);
          case "d": case "i": {
            if (typeof a === "bigint") return `${a}n`;
            const n = Number(a);
            return String(c === "i" ? Math.trunc(n) : n);
          }
          case "f": return String(parseFloat(a));
          case "j": try { return JSON.stringify(a); } catch { return "[Circular]"; }
          case "c": return "";
          default: return inspect(a, 1);
        }
      });
      rest = args.slice(i);
      return [head, ...rest.map((a) => inspect(a))].join(" ");
    }
    return rest.map((a) => inspect(a)).join(" ");
  }

  let groupIndent = "";
  const counts = new Map();
  const timers = new Map();
  const now = () => internals.clock?.now() ?? Date.now();

  const write = (level, text) => {
    const out = groupIndent ? text.split("\n").map((l) => groupIndent + l).join("\n") : text;
    internals.ops.op_console_write(level, out);
  };

  function table(data, columns) {
    if (data === null || typeof data !== "object") return write("log", format([data]));
    const rowKeys = Object.keys(data);
    const cols = [];
    let hasValues = false;
    for (const r of rowKeys) {
      const row = data[r];
      if (row !== null && typeof row === "object") {
        for (const c of Object.keys(row)) if (!cols.includes(c)) cols.push(c);
      } else hasValues = true;
    }
    const shown = columns ?? cols;
    const header = ["(index)", ...shown, ...(hasValues ? ["Values"] : [])];
    const rows = rowKeys.map((r) => {
      const row = data[r];
      const isObj = row !== null && typeof row === "object";
      return [r, ...shown.map((c) => (isObj && c in row ? inspect(row[c], 1) : "")),
        ...(hasValues ? [isObj ? "" : inspect(row, 1)] : [])];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)) + 2);
    const line = (l, m, r) => l + widths.map((w) => "─".repeat(w)).join(m) + r;
    const cells = (r) => "│" + r.map((c, i) => {
      const pad = widths[i] - c.length;
      return " ".repeat(Math.floor(pad / 2)) + c + " ".repeat(Math.ceil(pad / 2));
    }).join("│") + "│";
    write("log", [line("┌", "┬", "┐"), cells(header), line("├", "┼", "┤"), ...rows.map(cells), line("└", "┴", "┘")].join("\n"));
  }

  const console = {
    log: (...a) => write("log", format(a)),
    info: (...a) => write("info", format(a)),
    warn: (...a) => write("warn", format(a)),
    error: (...a) => write("error", format(a)),
    debug: (...a) => write("debug", format(a)),
    trace: (...a) => {
      const stack = (new Error().stack ?? "").split("\n").slice(2).join("\n");
      write("trace", `Trace${a.length ? ": " + format(a) : ""}\n${stack}`);
    },
    dir: (obj) => write("log", inspect(obj, 1 - 1)),
    dirxml: (...a) => write("log", format(a)),
    assert: (cond, ...a) => { if (!cond) write("error", `Assertion failed${a.length ? ": " + format(a) : ""}`); },
    count: (label = "default") => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      write("info", `${label}: ${n}`);
    },
    countReset: (label = "default") => { counts.delete(label); },
    group: (...a) => { if (a.length) write("log", format(a)); groupIndent += "  "; },
    groupCollapsed: (...a) => { if (a.length) write("log", format(a)); groupIndent += "  "; },
    groupEnd: () => { groupIndent = groupIndent.slice(2); },
    table,
    time: (label = "default") => {
      if (timers.has(label)) return write("warn", `Label '${label}' already exists for console.time()`);
      timers.set(label, now());
    },
    timeLog: (label = "default", ...a) => {
      if (!timers.has(label)) return write("warn", `No such label '${label}' for console.timeLog()`);
      write("info", `${label}: ${(now() - timers.get(label)).toFixed(3)}ms${a.length ? " " + format(a) : ""}`);
    },
    timeEnd: (label = "default") => {
      if (!timers.has(label)) return write("warn", `No such label '${label}' for console.timeEnd()`);
      write("info", `${label}: ${(now() - timers.get(label)).toFixed(3)}ms`);
      timers.delete(label);
    },
    clear: () => {},
  };

  internals.console = { inspect, format };
  // pydeno installs its own console when a runtime starts, after the snapshot
  // was taken, so ours goes in at boot.
  internals.bootHooks.push(() => internals.exposeGlobal("console", console));
})(globalThis.__isolet_internals);
