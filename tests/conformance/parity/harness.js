// Shared by every parity Worker (copied next to each worker.js when it runs).
// GET /<case> runs one case and answers with JSON:
//   { ok: true, value }            the case returned `value` (see `show`)
//   { error: name, message }       the case threw or rejected
// GET /__cases lists the case names in order. A case may also return a
// Response, which is served as is.

// A JSON-safe, deterministic description of a value.
export function show(v) {
  if (v === undefined) return { $: "undefined" };
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") {
    if (Number.isNaN(v)) return { $: "NaN" };
    if (!Number.isFinite(v)) return { $: String(v) };
    if (Object.is(v, -0)) return { $: "-0" };
    return v;
  }
  if (typeof v === "bigint") return { $: "bigint", value: String(v) };
  if (typeof v === "function") return { $: "function", name: v.name };
  if (typeof v === "symbol") return { $: "symbol", value: String(v) };
  if (v instanceof ArrayBuffer) return { $: "ArrayBuffer", bytes: Array.from(new Uint8Array(v)) };
  if (ArrayBuffer.isView(v)) {
    return { $: v.constructor.name, bytes: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (v instanceof Error) return { $: "Error", name: v.name, message: v.message };
  if (v instanceof Map) return { $: "Map", entries: Array.from(v, ([k, x]) => [show(k), show(x)]) };
  if (v instanceof Set) return { $: "Set", values: Array.from(v, show) };
  if (Array.isArray(v)) return Array.from(v, show);
  const out = {};
  for (const k of Object.keys(v)) out[k] = show(v[k]);
  return out;
}

// The error a case threw, as the platform names it.
export function errorOf(e) {
  if (e !== null && typeof e === "object") return { error: String(e.name), message: String(e.message) };
  return { error: typeof e, message: String(e) };
}

// Run `fn`, expecting it to throw or reject; answers errorOf(e), or { noError: value }.
export async function caught(fn) {
  try {
    return { noError: show(await fn()) };
  } catch (e) {
    return errorOf(e);
  }
}

// Bytes as lowercase hex.
export function hex(buf) {
  const u8 = buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return Array.from(u8, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Read a ReadableStream to the end; returns the chunks it produced.
export async function readAll(stream) {
  const reader = stream.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

function json(obj, status = 200) {
  return new Response(JSON.stringify(obj), { status, headers: { "content-type": "application/json" } });
}

export function serve(cases) {
  return {
    async fetch(request, env, ctx) {
      const path = request.url.replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/\?.*$/, "");
      const name = decodeURIComponent(path.slice(1));
      if (name === "__cases") return json(Object.keys(cases));
      if (!Object.prototype.hasOwnProperty.call(cases, name)) return json({ unknownCase: name }, 404);
      let value;
      try {
        value = await cases[name](request, env, ctx);
      } catch (e) {
        return json(errorOf(e));
      }
      if (value instanceof Response) return value;
      return json({ ok: true, value: show(value) });
    },
  };
}
