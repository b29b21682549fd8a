// Serves worker.js with Miniflare's KV (persisted to argv[3]) on 127.0.0.1:argv[2].
import { createRequire } from "node:module";
import path from "node:path";
const require = createRequire(path.resolve(process.argv[4], "package.json"));
const { Miniflare } = require("miniflare");
const here = path.dirname(new URL(import.meta.url).pathname);
const mf = new Miniflare({
  modules: true,
  scriptPath: path.join(here, "worker.js"),
  compatibilityDate: "2025-01-01",
  kvNamespaces: { KV: "bench" },
  kvPersist: process.argv[3],
  host: "127.0.0.1",
  port: Number(process.argv[2]),
});
const url = await mf.ready;
console.log(`Ready on ${url}`);
process.on("SIGTERM", async () => { await mf.dispose(); process.exit(0); });
