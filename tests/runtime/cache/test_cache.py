from __future__ import annotations

from tests.runtime.harness import run_js

run = run_js


def test_caches_default_and_open_exist() -> None:
    assert run("""
      const c = await caches.open("x");
      return [caches.default instanceof Cache, c instanceof Cache, caches instanceof CacheStorage];
    """) == [True, True, True]


def test_cache_operations_reject_naming_the_missing_method() -> None:
    assert run("""
      const out = [];
      for (const op of ["match", "put", "delete"]) {
        try { await caches.default[op](new Request("https://x/"), new Response("")); }
        catch (e) { out.push(e.message.split(" ")[0]); }
      }
      return out;
    """) == ["Cache.match()", "Cache.put()", "Cache.delete()"]
