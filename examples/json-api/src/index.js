// A small JSON API over an in-memory store (per isolate; use KV or D1 for
// data that must persist).
import { Router, json } from "./router.js";

const todos = new Map();
let nextId = 1;

const router = new Router()
  .on("GET", "/", ({ env }) => json({ name: "json-api", version: env.API_VERSION }))
  .on("GET", "/todos", () => json([...todos.values()]))
  .on("POST", "/todos", async ({ request }) => {
    let body;
    try {
      body = await request.json();
    } catch {
      return json({ error: "body must be JSON" }, 400);
    }
    if (typeof body.title !== "string" || body.title.length === 0) {
      return json({ error: "title must be a non-empty string" }, 422);
    }
    const todo = { id: nextId++, title: body.title, done: false };
    todos.set(todo.id, todo);
    return json(todo, 201, { location: `/todos/${todo.id}` });
  })
  .on("GET", "/todos/:id", ({ params }) => {
    const todo = todos.get(Number(params.id));
    return todo ? json(todo) : json({ error: "no such todo" }, 404);
  })
  .on("PATCH", "/todos/:id", async ({ request, params }) => {
    const todo = todos.get(Number(params.id));
    if (!todo) return json({ error: "no such todo" }, 404);
    const patch = await request.json();
    if ("done" in patch) todo.done = Boolean(patch.done);
    if (typeof patch.title === "string") todo.title = patch.title;
    return json(todo);
  })
  .on("DELETE", "/todos/:id", ({ params }) =>
    todos.delete(Number(params.id)) ? new Response(null, { status: 204 }) : json({ error: "no such todo" }, 404));

export default {
  fetch(request, env, ctx) {
    return router.handle(request, env, ctx);
  },
};
