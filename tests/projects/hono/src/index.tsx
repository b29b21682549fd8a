import { Hono } from "hono";
import type { MiddlewareHandler } from "hono";
import { basicAuth } from "hono/basic-auth";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import { zValidator } from "@hono/zod-validator";
import { z } from "zod";
import { BookStore, SEED, type NewBook } from "./books";
import { BookCount, BookList, Greeting, Layout } from "./components";

type Env = {
  Bindings: { GREETING: string };
  Variables: { requestPath: string };
};

const store = new BookStore(SEED);

// Middleware: stamps every response; measures time but only reports it in a header.
const stamp = (name: string): MiddlewareHandler<Env> => async (c, next) => {
  const started = Date.now();
  c.set("requestPath", c.req.path);
  await next();
  c.header("x-handled-by", name);
  c.header("x-response-time", `${Date.now() - started}ms`);
};

const bookSchema = z.object({
  title: z.string().min(1),
  author: z.string().min(1),
  year: z.number().int().min(1450).max(2100),
  tags: z.array(z.string()).default([]),
});

const searchSchema = z.object({
  tag: z.string().min(1),
  limit: z.coerce.number().int().positive().max(10).optional(),
});

const app = new Hono<Env>();

app.use("*", stamp("isolet-projects"));
app.use("/api/*", cors({ origin: "https://example.com", allowMethods: ["GET", "POST"], maxAge: 600 }));
app.use("/static/*", etag());
app.use("/admin/*", basicAuth({ username: "admin", password: "s3cret" }));

app.get("/", (c) => c.text(`${c.env.GREETING}, Hono!`));

const api = new Hono<Env>();
api.get("/books", (c) => c.json(store.all()));
api.get("/books/:id{[0-9]+}", (c) => {
  const book = store.find(Number(c.req.param("id")));
  if (!book) {
    return c.json({ error: `no book ${c.req.param("id")}` }, 404);
  }
  return c.json(book);
});
api.post("/books", zValidator("json", bookSchema), (c) => {
  const body = c.req.valid("json") as NewBook;
  return c.json({ created: store.preview(body), path: c.get("requestPath") }, 201);
});
api.get("/search", zValidator("query", searchSchema), (c) => {
  const { tag, limit } = c.req.valid("query");
  const found = store.byTag(tag);
  return c.json({ tag, count: found.length, titles: found.slice(0, limit ?? found.length).map((b) => b.title) });
});
app.route("/api", api);

app.on(["PUT", "DELETE"], "/items/:id", (c) => c.json({ method: c.req.method, id: c.req.param("id") }));

app.get("/static/about.txt", (c) => c.text("isolet runs Hono unmodified.\n"));

app.get("/admin/stats", (c) => c.json({ books: store.all().length, user: "admin" }));

app.get("/hello/:name", (c) => {
  const name = c.req.param("name");
  return c.html(
    <Layout title={`Hello ${name}`}>
      <Greeting name={name} excited={c.req.query("excited") !== undefined} />
    </Layout>,
  );
});

app.get("/books", (c) =>
  c.html(
    <Layout title="Books">
      <BookList books={store.all()} />
      <BookCount load={async () => store.all().length} />
    </Layout>,
  ),
);

app.get("/teapot", () => {
  throw new HTTPException(418, { message: "I'm a teapot" });
});

app.get("/boom", () => {
  throw new Error("kaboom");
});

app.notFound((c) => c.json({ error: "Not Found", path: c.req.path }, 404));

app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return err.getResponse();
  }
  return c.json({ error: err.message }, 500);
});

export default app;
