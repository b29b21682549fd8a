import { WorkerEntrypoint } from "cloudflare:workers";

export default class extends WorkerEntrypoint {
  async fetch(request) {
    return new Response(`class ${this.env.WHO} ${typeof this.ctx.waitUntil}`);
  }
}
