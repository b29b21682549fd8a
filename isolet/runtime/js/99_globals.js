// The remaining globals of the Workers global scope: self, navigator,
// performance. Runs last, after every API file has registered itself.
"use strict";
((internals) => {
  internals.exposeGlobal("self", globalThis);

  // performance.now() counts from the isolate's start; like workerd it
  // advances only with I/O (we do not expose a high-resolution timer), so
  // it reads Date.now() relative to timeOrigin.
  const performance = {
    timeOrigin: 0,
    now() { return Date.now() - this.timeOrigin; },
    toJSON() { return { timeOrigin: this.timeOrigin }; },
  };
  internals.clock = { now: () => Date.now() };

  const navigator = {
    userAgent: "Cloudflare-Workers",
    hardwareConcurrency: 1,
    language: "en",
    languages: ["en"],
  };

  internals.bootHooks.push(() => {
    performance.timeOrigin = Date.now();
    internals.exposeGlobal("performance", performance);
    // global_navigator (2022-03-21): the navigator global exists.
    if (internals.compat("global_navigator")) internals.exposeGlobal("navigator", navigator);
  });
})(globalThis.__isolet_internals);
