// Request lifecycle cases: concurrency inside one isolate, waitUntil,
// console output, and every way a handler can fail.
let release;
let gate = new Promise((resolve) => { release = resolve; });

const routes = {
  // Waits until /release is requested: only possible if requests interleave.
  // The long timer keeps I/O pending, as on the platform a request waiting
  // only on another request's promise "will never generate a response".
  "/wait": async () => {
    let timer;
    const fallback = new Promise((r) => { timer = setTimeout(() => r("timed out"), 20000); });
    const result = await Promise.race([gate.then(() => "released"), fallback]);
    clearTimeout(timer);
    return new Response(result);
  },
  "/release": () => {
    release();
    gate = new Promise((resolve) => { release = resolve; });
    return new Response("ok");
  },
  "/sleep": async (url) => {
    await new Promise((r) => setTimeout(r, Number(url.searchParams.get("ms") ?? 100)));
    return new Response("slept");
  },
  "/wait-until": (url, ctx) => {
    ctx.waitUntil(new Promise((r) => setTimeout(r, 150)).then(() => console.log("waitUntil finished")));
    return new Response("responded");
  },
  "/pass-through": (url, ctx) => {
    ctx.passThroughOnException();
    return new Response("accepted");
  },
  "/console": () => {
    console.log("plain", { a: 1, nested: { b: [1, 2, 3] } }, [1, "two"], new Map([["k", 1]]));
    console.info("info line");
    console.warn("warn line");
    console.error("error line");
    console.debug("debug line");
    return new Response("logged");
  },
  "/throw": () => {
    throw new Error("boom from the handler");
  },
  "/reject": async () => {
    await null;
    throw new TypeError("rejected asynchronously");
  },
  "/not-response": () => "a string, not a Response",
  "/unhandled": async () => {
    Promise.reject(new Error("nobody listens"));
    await new Promise((r) => setTimeout(r, 5));
    return new Response("still fine");
  },
  "/never": () => new Promise(() => {}),
  "/async-iter": async () => {
    let out = "";
    for await (const x of (async function* () { yield "a"; yield "b"; })()) out += x;
    return new Response(out);
  },
};

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const route = routes[url.pathname];
    if (!route) return new Response("not found", { status: 404 });
    return route(url, ctx);
  },
};
