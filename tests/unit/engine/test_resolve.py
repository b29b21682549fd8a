"""engine/resolve.py: Node's resolution algorithm with wrangler's esbuild conditions and probing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from isolet.engine.resolve import EMPTY, ResolveError, Resolver, split_package


def tree(root: Path, files: dict[str, Any]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return root


def resolve(root: Path, specifier: str, importer: str = "src", kind: str = "import") -> Path | str:
    return Resolver().resolve(specifier, root / importer, kind)  # type: ignore[arg-type]


# -- relative paths ------------------------------------------------------------------------------


def test_relative_path_with_extension_resolves_exactly(tmp_path: Path) -> None:
    tree(tmp_path, {"src/util.js": "", "src/util.js.ts": ""})
    assert resolve(tmp_path, "./util.js") == tmp_path / "src/util.js"


def test_relative_path_without_extension_probes_esbuild_extensions_in_order(tmp_path: Path) -> None:
    tree(tmp_path, {"src/a.ts": "", "src/a.js": "", "src/b.js": "", "src/b.json": "", "src/c.mjs": "", "src/d.cjs": ""})
    assert resolve(tmp_path, "./a") == tmp_path / "src/a.ts"
    assert resolve(tmp_path, "./b") == tmp_path / "src/b.js"
    assert resolve(tmp_path, "./c") == tmp_path / "src/c.mjs"
    assert resolve(tmp_path, "./d") == tmp_path / "src/d.cjs"


def test_js_extension_falls_back_to_the_typescript_file(tmp_path: Path) -> None:
    tree(tmp_path, {"src/a.ts": "", "src/b.tsx": "", "src/c.mts": ""})
    assert resolve(tmp_path, "./a.js") == tmp_path / "src/a.ts"
    assert resolve(tmp_path, "./b.js") == tmp_path / "src/b.tsx"
    assert resolve(tmp_path, "./c.mjs") == tmp_path / "src/c.mts"


def test_directory_resolves_to_its_index(tmp_path: Path) -> None:
    tree(tmp_path, {"src/lib/index.ts": "", "src/other/index.js": ""})
    assert resolve(tmp_path, "./lib") == tmp_path / "src/lib/index.ts"
    assert resolve(tmp_path, "./other/") == tmp_path / "src/other/index.js"
    assert resolve(tmp_path, "../src/lib") == tmp_path / "src/lib/index.ts"


def test_directory_with_package_json_uses_its_main(tmp_path: Path) -> None:
    tree(tmp_path, {"src/lib/package.json": {"main": "./dist/entry"}, "src/lib/dist/entry.js": ""})
    assert resolve(tmp_path, "./lib") == tmp_path / "src/lib/dist/entry.js"


def test_missing_relative_file_names_the_path(tmp_path: Path) -> None:
    tree(tmp_path, {"src/a.js": ""})
    with pytest.raises(ResolveError, match="src/nope does not exist"):
        resolve(tmp_path, "./nope")


# -- packages without exports ----------------------------------------------------------------------


def test_bare_specifier_walks_up_node_modules(tmp_path: Path) -> None:
    tree(tmp_path, {"node_modules/pkg/index.js": "", "src/deep/er/x.js": ""})
    assert resolve(tmp_path, "pkg", "src/deep/er") == tmp_path / "node_modules/pkg/index.js"


def test_nearest_node_modules_wins(tmp_path: Path) -> None:
    tree(tmp_path, {"node_modules/pkg/index.js": "", "src/node_modules/pkg/index.js": ""})
    assert resolve(tmp_path, "pkg") == tmp_path / "src/node_modules/pkg/index.js"


def test_main_fields_are_browser_then_module_then_main(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "node_modules/a/package.json": {"browser": "b.js", "module": "m.js", "main": "main.js"},
            "node_modules/a/b.js": "",
            "node_modules/a/m.js": "",
            "node_modules/a/main.js": "",
            "node_modules/c/package.json": {"module": "m.js", "main": "main.js"},
            "node_modules/c/m.js": "",
            "node_modules/c/main.js": "",
            "node_modules/d/package.json": {"main": "lib/main"},
            "node_modules/d/lib/main.js": "",
        },
    )
    assert resolve(tmp_path, "a") == tmp_path / "node_modules/a/b.js"
    assert resolve(tmp_path, "c") == tmp_path / "node_modules/c/m.js"
    assert resolve(tmp_path, "d") == tmp_path / "node_modules/d/lib/main.js"


def test_require_of_a_package_with_module_and_main_takes_main(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "node_modules/c/package.json": {"module": "m.js", "main": "main.js"},
            "node_modules/c/m.js": "",
            "node_modules/c/main.js": "",
        },
    )
    assert resolve(tmp_path, "c", kind="require") == tmp_path / "node_modules/c/main.js"
    assert resolve(tmp_path, "c", kind="import") == tmp_path / "node_modules/c/m.js"


def test_package_without_main_uses_index(tmp_path: Path) -> None:
    tree(tmp_path, {"node_modules/p/package.json": {"name": "p"}, "node_modules/p/index.json": "{}"})
    assert resolve(tmp_path, "p") == tmp_path / "node_modules/p/index.json"


def test_deep_import_without_exports_probes_extensions(tmp_path: Path) -> None:
    tree(tmp_path, {"node_modules/p/lib/x.js": "", "node_modules/p/lib/dir/index.js": ""})
    assert resolve(tmp_path, "p/lib/x") == tmp_path / "node_modules/p/lib/x.js"
    assert resolve(tmp_path, "p/lib/dir") == tmp_path / "node_modules/p/lib/dir/index.js"


def test_scoped_package(tmp_path: Path) -> None:
    tree(tmp_path, {"node_modules/@scope/pkg/package.json": {"main": "main.js"}, "node_modules/@scope/pkg/main.js": ""})
    assert resolve(tmp_path, "@scope/pkg") == tmp_path / "node_modules/@scope/pkg/main.js"


def test_missing_package_says_it_is_not_installed(tmp_path: Path) -> None:
    tree(tmp_path, {"src/x.js": ""})
    with pytest.raises(ResolveError, match='package "nope" is not installed'):
        resolve(tmp_path, "nope")


# -- exports ---------------------------------------------------------------------------------------


def pkg(tmp_path: Path, exports: Any, files: tuple[str, ...] = (), **extra: Any) -> None:
    tree(tmp_path, {"node_modules/p/package.json": {"name": "p", "exports": exports, **extra}})
    tree(tmp_path, {f"node_modules/p/{f}": "" for f in files})


def test_exports_string_is_the_main_entry(tmp_path: Path) -> None:
    pkg(tmp_path, "./dist/index.js", ("dist/index.js", "index.js"), main="index.js")
    assert resolve(tmp_path, "p") == tmp_path / "node_modules/p/dist/index.js"


def test_exports_blocks_subpaths_it_does_not_list(tmp_path: Path) -> None:
    pkg(tmp_path, {".": "./index.js"}, ("index.js", "secret.js"))
    with pytest.raises(ResolveError, match='package subpath "./secret.js" is not defined by "exports"'):
        resolve(tmp_path, "p/secret.js")


def test_exports_conditions_follow_the_package_order(tmp_path: Path) -> None:
    pkg(tmp_path, {"import": "./i.js", "workerd": "./w.js", "default": "./d.js"}, ("i.js", "w.js", "d.js"))
    assert resolve(tmp_path, "p") == tmp_path / "node_modules/p/i.js"
    assert resolve(tmp_path, "p", kind="require") == tmp_path / "node_modules/p/w.js"


def test_exports_match_only_wrangler_conditions(tmp_path: Path) -> None:
    pkg(
        tmp_path,
        {".": {"node": "./n.js", "module": "./m.js", "worker": "./wk.js", "default": "./d.js"}},
        ("n.js", "m.js", "wk.js", "d.js"),
    )
    assert resolve(tmp_path, "p") == tmp_path / "node_modules/p/wk.js"


def test_exports_nested_conditions_fall_through_to_the_next_key(tmp_path: Path) -> None:
    pkg(
        tmp_path,
        {".": {"browser": {"require": "./br.js"}, "import": {"types": "./t.d.ts", "default": "./i.mjs"}}},
        ("br.js", "i.mjs"),
    )
    assert resolve(tmp_path, "p") == tmp_path / "node_modules/p/i.mjs"
    assert resolve(tmp_path, "p", kind="require") == tmp_path / "node_modules/p/br.js"


def test_exports_require_condition_for_require_calls(tmp_path: Path) -> None:
    pkg(tmp_path, {".": {"require": "./c.cjs", "import": "./e.mjs"}}, ("c.cjs", "e.mjs"))
    assert resolve(tmp_path, "p", kind="require") == tmp_path / "node_modules/p/c.cjs"
    assert resolve(tmp_path, "p", kind="import") == tmp_path / "node_modules/p/e.mjs"


def test_exports_subpath_patterns_take_the_longest_prefix(tmp_path: Path) -> None:
    pkg(
        tmp_path,
        {"./*": "./dist/*.js", "./utils/*": "./dist/u/*.js", "./utils/*.css": None},
        ("dist/a.js", "dist/u/b.js", "dist/utils/c.css.js"),
    )
    assert resolve(tmp_path, "p/a") == tmp_path / "node_modules/p/dist/a.js"
    assert resolve(tmp_path, "p/utils/b") == tmp_path / "node_modules/p/dist/u/b.js"
    with pytest.raises(ResolveError, match="not defined"):
        resolve(tmp_path, "p/utils/c.css")


def test_exports_pattern_replaces_every_star(tmp_path: Path) -> None:
    pkg(tmp_path, {"./features/*": "./src/*/*.js"}, ("src/x/x.js",))
    assert resolve(tmp_path, "p/features/x") == tmp_path / "node_modules/p/src/x/x.js"


def test_exports_null_target_blocks_a_subpath(tmp_path: Path) -> None:
    pkg(tmp_path, {"./*": "./*.js", "./internal/*": None}, ("a.js", "internal/b.js"))
    assert resolve(tmp_path, "p/a") == tmp_path / "node_modules/p/a.js"
    with pytest.raises(ResolveError, match="not defined"):
        resolve(tmp_path, "p/internal/b")


def test_exports_array_falls_back_past_invalid_targets(tmp_path: Path) -> None:
    pkg(tmp_path, {".": ["not-relative", {"node": "./n.js"}, "./ok.js"]}, ("ok.js",))
    assert resolve(tmp_path, "p") == tmp_path / "node_modules/p/ok.js"


def test_exports_targets_are_not_probed(tmp_path: Path) -> None:
    pkg(tmp_path, {".": "./lib"}, ("lib.js",))
    with pytest.raises(ResolveError, match="does not exist"):
        resolve(tmp_path, "p")


def test_exports_without_a_matching_condition_is_not_exported(tmp_path: Path) -> None:
    pkg(tmp_path, {".": {"node": "./n.js"}}, ("n.js",))
    with pytest.raises(ResolveError, match='package subpath "." is not defined'):
        resolve(tmp_path, "p")


def test_exports_with_mixed_keys_is_an_error(tmp_path: Path) -> None:
    pkg(tmp_path, {".": "./a.js", "import": "./b.js"}, ("a.js",))
    with pytest.raises(ResolveError, match="mixes"):
        resolve(tmp_path, "p")


def test_exports_targets_may_not_leave_the_package(tmp_path: Path) -> None:
    pkg(tmp_path, {".": "./../outside.js"})
    tree(tmp_path, {"node_modules/outside.js": ""})
    with pytest.raises(ResolveError, match="invalid target"):
        resolve(tmp_path, "p")


def test_package_imports_itself_by_name(tmp_path: Path) -> None:
    tree(tmp_path, {"package.json": {"name": "me", "exports": {"./tool": "./src/tool.js"}}, "src/tool.js": ""})
    assert resolve(tmp_path, "me/tool") == tmp_path / "src/tool.js"


# -- imports (#name) -------------------------------------------------------------------------------


def test_hash_imports_resolve_through_the_nearest_package_json(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "package.json": {"imports": {"#db": {"workerd": "./src/db-worker.js", "default": "./src/db.js"},
                                         "#lib/*": "./src/lib/*.js", "#dep": "dep"}},
            "src/db-worker.js": "",
            "src/lib/a.js": "",
            "node_modules/dep/index.js": "",
        },
    )
    assert resolve(tmp_path, "#db") == tmp_path / "src/db-worker.js"
    assert resolve(tmp_path, "#lib/a") == tmp_path / "src/lib/a.js"
    assert resolve(tmp_path, "#dep") == tmp_path / "node_modules/dep/index.js"
    with pytest.raises(ResolveError, match='"#nope" is not defined by "imports"'):
        resolve(tmp_path, "#nope")


# -- browser field ---------------------------------------------------------------------------------


def test_browser_object_remaps_files_and_empties_modules(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "node_modules/p/package.json": {"main": "./node.js", "browser": {"./node.js": "./web.js", "fs": False}},
            "node_modules/p/node.js": "",
            "node_modules/p/web.js": "",
        },
    )
    assert resolve(tmp_path, "p") == tmp_path / "node_modules/p/web.js"
    assert Resolver().resolve("fs", tmp_path / "node_modules/p", "require") == EMPTY


# -- helpers and caching ---------------------------------------------------------------------------


def test_split_package_handles_scopes_and_subpaths() -> None:
    assert split_package("a") == ("a", ".")
    assert split_package("a/b/c.js") == ("a", "./b/c.js")
    assert split_package("@s/a/b") == ("@s/a", "./b")
    assert split_package("@s")[0] is None


def test_results_and_package_json_reads_are_cached(tmp_path: Path) -> None:
    tree(tmp_path, {"node_modules/p/package.json": {"main": "m.js"}, "node_modules/p/m.js": ""})
    resolver = Resolver()
    first = resolver.resolve("p", tmp_path / "src", "import")
    (tmp_path / "node_modules/p/m.js").unlink()
    assert resolver.resolve("p", tmp_path / "src", "import") == first
    assert tmp_path / "node_modules/p/package.json" in resolver.files


def test_node_mode_is_mjs_or_type_module(tmp_path: Path) -> None:
    tree(tmp_path, {"a/package.json": {"type": "module"}, "a/x.js": "", "b/x.js": "", "b/y.mjs": ""})
    resolver = Resolver()
    assert resolver.is_node_mode(tmp_path / "a/x.js")
    assert not resolver.is_node_mode(tmp_path / "b/x.js")
    assert resolver.is_node_mode(tmp_path / "b/y.mjs")


def test_symlinked_packages_resolve_to_real_paths_as_pnpm_lays_them_out(tmp_path: Path) -> None:
    store = tmp_path / "node_modules/.pnpm/a@1/node_modules"
    tree(store, {"a/index.js": "", "b/index.js": ""})
    (tmp_path / "node_modules/a").symlink_to(store / "a")
    resolver = Resolver()
    a = resolver.resolve("a", tmp_path / "src", "import")
    assert a == store / "a/index.js"
    assert resolver.resolve("b", Path(a).parent, "import") == store / "b/index.js"
