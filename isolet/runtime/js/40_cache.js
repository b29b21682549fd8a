// The Cache API surface: `caches.default`, `caches.open(name)` and the
// `Cache` class exist as on the platform, so code that feature-detects them
// loads. Storage behind them is not built yet: every operation rejects with
// an error naming the method, never silently returns "not cached".
"use strict";
((internals) => {
  const notYet = (method) =>
    Promise.reject(new Error(`${method} is not implemented in isolet yet (the Cache API has no storage behind it).`));

  class Cache {
    #name;
    constructor(name) { this.#name = name; }
    match(request, options) { return notYet("Cache.match()"); }
    put(request, response) { return notYet("Cache.put()"); }
    delete(request, options) { return notYet("Cache.delete()"); }
    add() { return Promise.reject(new TypeError("Cache.add() is not supported by Workers; use put().")); }
    addAll() { return Promise.reject(new TypeError("Cache.addAll() is not supported by Workers; use put().")); }
  }

  class CacheStorage {
    #default = new Cache("default");
    get default() { return this.#default; }
    async open(name) {
      if (typeof name !== "string") name = String(name);
      return new Cache(name);
    }
  }

  const caches = new CacheStorage();
  internals.exposeGlobal("Cache", Cache);
  internals.exposeGlobal("CacheStorage", CacheStorage);
  internals.exposeGlobal("caches", caches);
})(globalThis.__isolet_internals);
