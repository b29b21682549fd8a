import { greet } from "./lib/greet.js";
import config from "./config.json";
import typed from "./typed.json" with { type: "json" };
import template from "./page.html";
import notes from "./notes.txt";
import { WorkerEntrypoint } from "cloudflare:workers";

export default {
  async fetch(request) {
    return Response.json({
      greet: greet("modules"),
      config,
      typed,
      template,
      notes,
      metaUrl: import.meta.url,
      libMetaUrl: (await import("./lib/greet.js")).metaUrl,
      entrypointType: typeof WorkerEntrypoint,
    });
  },
};
