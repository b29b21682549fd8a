// CommonJS modules: the registry behind require().
//
// The loader (isolet/engine/cjs.py) serves each CommonJS file as an ES
// module that calls `internals.cjs.define(url, factory)` and
// `internals.cjs.link(url, deps, filename, dirname)` when evaluated; every
// literal require("x") of the file was resolved at load time and its target
// imported statically, so by the time any code runs, every factory it can
// require is registered. The factory gets (exports, require, module), as
// esbuild's wrapper does: no __filename/__dirname (module.id is the path). `require` runs a
// factory once, on first use, and caches its `module` (a cycle sees the
// partial `module.exports`, as in Node); a factory that throws is dropped from
// the cache. ES modules required from CommonJS come back as esbuild's
// __toCommonJS view of their namespace (`__esModule: true` plus the exports);
// JSON, Text, Data, Wasm and node: built-ins as their default export.
"use strict";
((internals) => {
  const factories = new Map(); // url -> { fn, deps, filename, dirname }
  const modules = new Map(); // url -> module record
  const esmViews = new WeakMap(); // namespace -> CommonJS view

  function define(url, fn) {
    factories.set(url, { fn, deps: null, filename: "", dirname: "" });
  }

  function link(url, deps, filename, dirname) {
    const factory = factories.get(url);
    factory.deps = deps;
    factory.filename = filename;
    factory.dirname = dirname;
  }

  function esmView(ns) {
    let view = esmViews.get(ns);
    if (view === undefined) {
      view = {};
      Object.defineProperty(view, "__esModule", { value: true });
      for (const key of Object.keys(ns)) {
        Object.defineProperty(view, key, { get: () => ns[key], enumerable: true });
      }
      esmViews.set(ns, view);
    }
    return view;
  }

  function dynamicRequire(id) {
    return new Error(`Dynamic require of "${id}" is not supported`);
  }

  function makeRequire(deps) {
    function require(id) {
      const dep = typeof id === "string" && Object.hasOwn(deps, id) ? deps[id] : undefined;
      if (dep === undefined) throw dynamicRequire(id);
      const [kind, , ns, url] = dep;
      switch (kind) {
        case "cjs": return load(url);
        case "esm": return esmView(ns);
        case "default": return ns.default;
        case "empty": return {};
        // "missing": a Node built-in isolet lacks (dep[1] says so), else esbuild's error.
        default: throw dep[1] ? new Error(dep[1]) : dynamicRequire(id);
      }
    }
    require.resolve = function resolve(id) {
      const dep = typeof id === "string" && Object.hasOwn(deps, id) ? deps[id] : undefined;
      if (dep === undefined || dep[0] === "missing") {
        const err = new Error(`Cannot find module '${id}'`);
        err.code = "MODULE_NOT_FOUND";
        throw err;
      }
      return dep[1];
    };
    return require;
  }

  function load(url) {
    const cached = modules.get(url);
    if (cached !== undefined) return cached.exports;
    const factory = factories.get(url);
    if (factory === undefined) throw new Error(`Cannot find module '${url}'`);
    const require = makeRequire(factory.deps);
    const module = {
      id: factory.filename,
      path: factory.dirname,
      filename: factory.filename,
      exports: {},
      loaded: false,
      children: [],
      paths: [],
      require,
    };
    modules.set(url, module);
    try {
      factory.fn.call(module.exports, module.exports, require, module);
    } catch (e) {
      modules.delete(url);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  // makeRequire: the `require` of an ES module that calls require("x") with
  // literals (esbuild bundles those calls; the loader imports the targets).
  internals.cjs = { __proto__: null, define, link, require: load, makeRequire };
})(globalThis.__isolet_internals);
