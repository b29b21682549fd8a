// Outbound fetch() from a Worker; ORIGIN (a --var) is the test's HTTP server.
const describe = (e) => `${e.name}: ${e.message}`;

// /hold waits until a later request calls /release (two requests in flight at once).
let release = null;

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const q = url.searchParams;
    switch (url.pathname) {
      case "/proxy": {
        // Streams both ways: the client's body goes up, the origin's comes back.
        const init = { method: request.method, headers: request.headers };
        if (request.method !== "GET" && request.method !== "HEAD") init.body = request.body;
        return fetch(env.ORIGIN + q.get("path"), init);
      }
      case "/hold": {
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 30_000); // pending, so the wait is not a hang
          release = () => { clearTimeout(timer); resolve(); };
        });
        return new Response("released");
      }
      case "/holding":
        return new Response(String(release !== null));
      case "/release": {
        release();
        release = null;
        return new Response("ok");
      }
      case "/many": {
        const n = Number(q.get("n"));
        let ok = 0;
        try {
          for (let i = 0; i < n; i++) {
            await (await fetch(`${env.ORIGIN}/echo?i=${i}`)).arrayBuffer();
            ok++;
          }
        } catch (e) {
          return new Response(`${ok} ${describe(e)}`);
        }
        return new Response(`${ok}`);
      }
      case "/chain": {
        try {
          const r = await fetch(`${env.ORIGIN}/chain?n=${q.get("n")}`);
          return new Response(await r.text());
        } catch (e) {
          return new Response(describe(e));
        }
      }
      case "/upload": {
        // A generated body of n bytes, produced lazily as the origin takes it.
        let left = Number(q.get("n"));
        const chunk = new Uint8Array(65536);
        for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
        const body = new ReadableStream({
          pull(c) {
            if (left <= 0) { c.close(); return; }
            const n = Math.min(left, chunk.length);
            c.enqueue(chunk.slice(0, n));
            left -= n;
          },
        });
        const r = await fetch(`${env.ORIGIN}/echo`, { method: "POST", body });
        return new Response(await r.text(), { headers: { "content-type": "application/json" } });
      }
      case "/error": {
        try {
          await fetch(q.get("url"));
          return new Response("no error");
        } catch (e) {
          return new Response(describe(e));
        }
      }
    }
    return new Response("not found", { status: 404 });
  },
};
