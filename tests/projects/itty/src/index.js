import { AutoRouter, StatusError, cors, error, html, json, status, text, withContent } from "itty-router";

const { preflight, corsify } = cors({ origin: "https://example.com", allowMethods: "GET, POST, DELETE" });

const todos = [
  { id: 1, title: "write the router", done: true },
  { id: 2, title: "run it on isolet", done: false },
];

// A before-handler that rejects requests without an API key for /private routes.
const withKey = (request) => {
  if (request.headers.get("x-api-key") !== "letmein") {
    return error(401, { error: "missing or wrong x-api-key" });
  }
};

const router = AutoRouter({
  before: [preflight],
  finally: [corsify],
  catch: (err) => (err instanceof StatusError ? error(err) : error(500, { error: "internal", message: err.message })),
});

router
  .get("/", () => "itty says hello")
  .get("/todos", ({ query }) => {
    const done = query.done;
    return done === undefined ? todos : todos.filter((t) => String(t.done) === done);
  })
  .get("/todos/:id", ({ id }) => todos.find((t) => t.id === Number(id)) ?? error(404, `todo ${id} not found`))
  .post("/todos", withContent, ({ content }) => {
    if (!content || typeof content.title !== "string") {
      throw new StatusError(400, "title is required");
    }
    return json({ id: todos.length + 1, title: content.title, done: false }, { status: 201 });
  })
  .delete("/todos/:id", withKey, () => status(204))
  .get("/search", ({ query }) => ({ q: query.q ?? null, tags: [query.tag ?? []].flat() }))
  .get("/files/:path+", ({ params }) => text(`file: ${params.path}`))
  .get("/page/:slug", ({ slug }) => html(`<!doctype html><h1>${slug}</h1>`))
  .get("/teapot", () => {
    throw new StatusError(418, "I'm a teapot");
  })
  .get("/crash", () => {
    throw new Error("something broke");
  });

export default router;
