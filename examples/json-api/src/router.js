// A tiny router: routes are [method, pattern, handler]; ":name" segments
// become params. Written by hand to show a realistic Worker without npm.
export class Router {
  #routes = [];

  on(method, pattern, handler) {
    const names = [];
    const source = pattern.replace(/:([A-Za-z_]+)/g, (_, name) => {
      names.push(name);
      return "([^/]+)";
    });
    this.#routes.push({ method, regex: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  async handle(request, env, ctx) {
    const url = new URL(request.url);
    let allowed = [];
    for (const route of this.#routes) {
      const match = route.regex.exec(url.pathname);
      if (!match) continue;
      if (route.method !== request.method) {
        allowed.push(route.method);
        continue;
      }
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
      return route.handler({ request, env, ctx, url, params });
    }
    if (allowed.length) {
      return json({ error: "method not allowed" }, 405, { allow: allowed.join(", ") });
    }
    return json({ error: "not found", path: url.pathname }, 404);
  }
}

export function json(data, status = 200, headers = {}) {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", ...headers },
  });
}
