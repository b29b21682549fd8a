// A Worker that drives env.CACHE / env.OTHER for the KV integration tests.
//
// POST /call  {binding, method, args}  runs env[binding][method](...args) and
// answers with the result described as JSON (so tests see exact JS types):
//   args: {"$bytes": base64} -> Uint8Array, {"$zeros": n} -> Uint8Array(n), {"$buffer": base64} -> ArrayBuffer,
//         {"$stream": [chunk strings]} -> ReadableStream, {"$undefined": true}, {"$rawStream": [values]} -> ReadableStream of those values
//   result: {"ok": <described value>} or {"error": {"name", "message"}}
// GET /stream-put?key=K&size=N&chunk=C  puts a generated N-byte stream (byte i = i % 251)
// GET /stream-get?key=K                  answers with get(K, "stream") as the body
// GET /fill?prefix=P&n=N                 puts N keys P00000.. (values "0".."N-1")
// GET /get?key=K                          answers with get(K) as text (404 when null)
// GET /put?key=K&value=V                  puts V
const b64 = {
  decode(s) { const bin = atob(s); const u = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i); return u; },
  encode(u8) { let s = ""; for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000)); return btoa(s); },
};

function decodeArg(a) {
  if (a === null || typeof a !== "object") return a;
  if (Array.isArray(a)) return a.map(decodeArg);
  if ("$bytes" in a) return b64.decode(a.$bytes);
  if ("$buffer" in a) return b64.decode(a.$buffer).buffer;
  if ("$undefined" in a) return undefined;
  if ("$zeros" in a) return new Uint8Array(a.$zeros);
  if ("$rawStream" in a) {
    const chunks = [...a.$rawStream];
    return new ReadableStream({ pull(c) { if (chunks.length) c.enqueue(chunks.shift()); else c.close(); } });
  }
  if ("$stream" in a) {
    const chunks = a.$stream.map((c) => new TextEncoder().encode(c));
    return new ReadableStream({ pull(c) { if (chunks.length) c.enqueue(chunks.shift()); else c.close(); } });
  }
  const out = {};
  for (const [k, v] of Object.entries(a)) out[k] = decodeArg(v);
  return out;
}

async function describe(v) {
  if (v === null) return { type: "null" };
  if (v === undefined) return { type: "undefined" };
  if (typeof v === "string") return { type: "string", value: v };
  if (v instanceof ArrayBuffer) return { type: "ArrayBuffer", base64: b64.encode(new Uint8Array(v)) };
  if (v instanceof ReadableStream) return { type: "ReadableStream", text: await new Response(v).text() };
  if (v instanceof Map) {
    const entries = [];
    for (const [k, x] of v) entries.push([k, await describe(x)]);
    return { type: "Map", entries };
  }
  if (Array.isArray(v)) return { type: "Array", items: await Promise.all(v.map(describe)) };
  if (typeof v === "object") {
    const props = {};
    for (const [k, x] of Object.entries(v)) props[k] = await describe(x);
    return { type: "object", keys: Object.keys(v), props };
  }
  return { type: typeof v, value: v };
}

function generated(size, chunk) {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= size) { c.close(); return; }
      const n = Math.min(chunk, size - sent);
      const u = new Uint8Array(n);
      for (let i = 0; i < n; i++) u[i] = (sent + i) % 251;
      sent += n;
      c.enqueue(u);
    },
  });
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const q = url.searchParams;
    try {
      switch (url.pathname) {
        case "/call": {
          const { binding, method, args } = await request.json();
          const ns = env[binding];
          try {
            const result = await ns[method](...args.map(decodeArg));
            return Response.json({ ok: await describe(result) });
          } catch (e) {
            return Response.json({ error: { name: e.name, message: e.message, ctor: e.constructor.name } });
          }
        }
        case "/env": {
          const ns = env.CACHE;
          return Response.json({
            keys: Object.keys(env).sort(),
            tag: Object.prototype.toString.call(ns),
            ctor: ns.constructor.name,
            methods: ["get", "getWithMetadata", "put", "delete", "list"].map((m) => typeof ns[m]),
          });
        }
        case "/stream-put": {
          const size = Number(q.get("size"));
          const chunk = Number(q.get("chunk") ?? 65536);
          try {
            await env[q.get("binding") ?? "CACHE"].put(q.get("key"), generated(size, chunk));
          } catch (e) {
            return Response.json({ error: { name: e.name, message: e.message } });
          }
          return Response.json({ ok: true });
        }
        case "/fill": {
          // n keys <prefix><index padded to 5 digits>, written 500 at a time.
          const n = Number(q.get("n"));
          const prefix = q.get("prefix");
          for (let i = 0; i < n; i += 500) {
            const batch = [];
            for (let j = i; j < Math.min(n, i + 500); j++) batch.push(env.CACHE.put(prefix + String(j).padStart(5, "0"), String(j)));
            await Promise.all(batch);
          }
          return new Response("ok");
        }
        case "/stream-get": {
          const s = await env.CACHE.get(q.get("key"), "stream");
          if (s === null) return new Response("null", { status: 404 });
          return new Response(s);
        }
        case "/get": {
          const v = await env.CACHE.get(q.get("key"));
          if (v === null) return new Response("null", { status: 404 });
          return new Response(v);
        }
        case "/put": {
          await env.CACHE.put(q.get("key"), q.get("value"));
          return new Response("ok");
        }
        case "/put-body": {
          await env.CACHE.put(q.get("key"), request.body);
          return new Response("ok");
        }
      }
      return new Response("not found", { status: 404 });
    } catch (e) {
      return new Response(String(e && e.stack || e), { status: 500 });
    }
  },
};
