// hello: the smallest possible Worker. Measures the fixed per-request cost of
// the runtime (HTTP parsing, dispatch into the isolate, Response plumbing).
export default {
  async fetch(request, env, ctx) {
    return new Response("Hello, World!\n", {
      headers: { "content-type": "text/plain" },
    });
  },
};
