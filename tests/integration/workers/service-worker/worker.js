addEventListener("fetch", (event) => {
  event.waitUntil(Promise.resolve());
  event.respondWith(handle(event.request));
});

async function handle(request) {
  return new Response(`${GREETING} ${request.method} ${new URL(request.url).pathname}`);
}
