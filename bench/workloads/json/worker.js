// json: a typical small API handler. Parses the URL and its query string,
// reads 3 request headers, builds a 20-field object and JSON.stringify()s it.
// Exercises URL/URLSearchParams, Headers lookups, object allocation and JSON.
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const q = url.searchParams;
    const accept = request.headers.get("accept");
    const userAgent = request.headers.get("user-agent");
    const requestId = request.headers.get("x-request-id");
    const id = Number(q.get("id") ?? "0");
    const body = {
      ok: true,
      method: request.method,
      protocol: url.protocol,
      host: url.host,
      path: url.pathname,
      query: url.search,
      id,
      idSquared: id * id,
      name: q.get("name") ?? "anonymous",
      tags: q.getAll("tag"),
      accept,
      userAgent,
      requestId,
      segments: url.pathname.split("/").filter(Boolean),
      params: Object.fromEntries(q),
      nested: { a: 1, b: [1, 2, 3], c: { d: "e" } },
      flag: id % 2 === 0,
      ratio: id / 7,
      version: "2025-01-01",
      status: "ready",
    };
    return new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json" },
    });
  },
};
