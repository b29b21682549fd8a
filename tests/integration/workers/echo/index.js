// Reports back everything the Worker sees of a request.
async function digest(stream) {
  let bytes = 0;
  let sum = 0;
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) sum += chunk[i];
    sum %= 65521;
  }
  return { bytes, sum };
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/stream-in") {
      return Response.json(await digest(request.body));
    }
    if (url.pathname === "/stream-out") {
      const total = Number(url.searchParams.get("mb")) * 1024 * 1024;
      const chunk = new Uint8Array(64 * 1024).fill(120);
      let sent = 0;
      const body = new ReadableStream({
        pull(controller) {
          if (sent >= total) return controller.close();
          controller.enqueue(chunk.slice());
          sent += chunk.byteLength;
        },
      });
      return new Response(body, { headers: { "content-type": "application/octet-stream" } });
    }
    if (url.pathname === "/cookies") {
      const headers = new Headers();
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      headers.append("x-multi", "one");
      headers.append("x-multi", "two");
      return new Response("cookies", { status: 201, statusText: "Made", headers });
    }
    const body = request.body === null ? null : await request.text();
    return Response.json({
      method: request.method,
      url: request.url,
      headers: [...request.headers],
      setCookie: request.headers.getSetCookie(),
      body,
      cf: request.cf,
    });
  },
};
