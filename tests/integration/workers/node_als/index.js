// Two requests interleave on one isolate, each inside its own
// AsyncLocalStorage.run(): "first" parks until "second" arrives and releases
// it, so their awaits, timers and microtasks are interleaved without sleeps.
import { AsyncLocalStorage } from "node:async_hooks";
import process from "node:process";

const als = new AsyncLocalStorage();
let releaseFirst = null;
const firstParked = new Promise((resolve) => { globalThis.__parked = resolve; });

async function trace(id) {
  const seen = [["start", als.getStore()]];
  await null;
  seen.push(["await", als.getStore()]);
  await new Promise((resolve) => setTimeout(resolve, 1));
  seen.push(["setTimeout", als.getStore()]);
  seen.push(["timerCallback", await new Promise((resolve) => setTimeout(() => resolve(als.getStore()), 1))]);
  seen.push(["queueMicrotask", await new Promise((resolve) => queueMicrotask(() => resolve(als.getStore())))]);
  await scheduler.wait(1);
  seen.push(["scheduler.wait", als.getStore()]);
  return { id, seen };
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/first") {
      return Response.json(await als.run("first", async () => {
        const before = await trace("first");
        // Parked until /second releases us; the release runs in /second's context.
        await new Promise((resolve) => { releaseFirst = resolve; globalThis.__parked(); });
        const after = await trace("first");
        return { before: before.seen, afterRelease: als.getStore(), after: after.seen };
      }));
    }
    if (url.pathname === "/second") {
      return Response.json(await als.run("second", async () => {
        await firstParked;
        const before = await trace("second");
        releaseFirst();
        const after = await trace("second");
        return { before: before.seen, after: after.seen };
      }));
    }
    if (url.pathname === "/store") {
      // A request that never entered a store sees none, whatever ran before.
      await null;
      return Response.json({ store: als.getStore() ?? null });
    }
    if (url.pathname === "/env") {
      return Response.json({ env: { ...process.env }, platform: process.platform, cwd: process.cwd() });
    }
    return new Response("not found", { status: 404 });
  },
};
