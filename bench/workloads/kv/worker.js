// KV benchmark Worker: one KV operation per request.
//   GET /get   -> env.KV.get("bench-key")           (a 100-byte value, seeded by /seed)
//   GET /put   -> env.KV.put("put-<n % 1000>", 100 bytes)
//   GET /seed  -> writes bench-key
const VALUE = "v".repeat(100);
let n = 0;
export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    if (path === "/get") {
      const v = await env.KV.get("bench-key");
      return new Response(v === null ? "missing" : "ok", { status: v === null ? 500 : 200 });
    }
    if (path === "/put") {
      await env.KV.put(`put-${n++ % 1000}`, VALUE);
      return new Response("ok");
    }
    if (path === "/seed") {
      await env.KV.put("bench-key", VALUE);
      return new Response("ok");
    }
    return new Response("not found", { status: 404 });
  },
};
