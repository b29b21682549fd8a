"""engine/modules.py: the Worker's module graph — npm packages, CommonJS interop, node built-ins, rules.

The interop cases in fixtures/esbuild_interop.json were bundled by real esbuild
with wrangler's options and run by Node: for each case, its files written to a
folder, then ``esbuild main.mjs --bundle --format=esm
--conditions=workerd,worker,browser --outfile=out.mjs`` and ``node -e "import r
from './out.mjs'; console.log(JSON.stringify(await r))"``; the printed value is
the case's ``esbuild`` entry. Each case here runs the same files through
isolet's loader in a real isolate and must give the same value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from isolet.config.schema import ModuleRule
from isolet.engine.modules import ModuleGraph, ModuleLoadError, ModuleNotFound, compile_rules, glob_pattern
from tests.runtime.harness import run_module

FIXTURES = Path(__file__).parent / "fixtures"
INTEROP = json.loads((FIXTURES / "esbuild_interop.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("name", sorted(INTEROP))
def test_interop_matches_esbuild(name: str) -> None:
    case = INTEROP[name]
    files = dict(case["files"])
    main = files.pop("main.mjs")
    assert run_module(main, files=files) == case["esbuild"]


# -- CommonJS in the isolate ---------------------------------------------------------------------


def test_require_of_node_builtins_gives_their_default_export() -> None:
    files = {
        "lib.js": 'const path = require("path");\nconst p2 = require("node:path");\n'
        'module.exports = { joined: path.join("a", "b"), same: path === p2 };\n'
    }
    assert run_module('import d from "./lib.js"; export default d;', files=files) == {"joined": "a/b", "same": True}


def test_cjs_module_has_its_id_but_no_filename_globals_as_under_wrangler() -> None:
    files = {
        "sub/lib.js": "module.exports = [module.id, module.loaded, typeof __filename, typeof __dirname];\n"
    }
    module_id, loaded, filename, dirname = run_module('import d from "./sub/lib.js"; export default d;', files=files)
    assert module_id.endswith("/sub/lib.js") and loaded is False
    assert (filename, dirname) == ("undefined", "undefined")


def test_cjs_stack_traces_keep_the_file_line_numbers() -> None:
    files = {"lib.js": "// one\n// two\nexports.boom = () => { throw new Error('x'); };\n"}
    stack = run_module(
        'import { boom } from "./lib.js";\nlet s; try { boom(); } catch (e) { s = e.stack; }\nexport default s;',
        files=files,
    )
    assert "lib.js:3:" in stack


def test_require_resolve_returns_the_file_path() -> None:
    files = {"lib.js": 'module.exports = require.resolve("./dep");\n', "dep.js": "module.exports = 1;\n"}
    assert run_module('import d from "./lib.js"; export default d;', files=files).endswith("/dep.js")


def test_a_factory_that_throws_is_retried_on_next_require() -> None:
    files = {
        "flaky.js": "globalThis.tries = (globalThis.tries || 0) + 1;\n"
        "if (globalThis.tries === 1) throw new Error('first');\nmodule.exports = globalThis.tries;\n",
        "lib.js": "let first; try { require('./flaky.js'); } catch (e) { first = e.message; }\n"
        "module.exports = [first, require('./flaky.js'), require('./flaky.js')];\n",
    }
    assert run_module('import d from "./lib.js"; export default d;', files=files) == ["first", 2, 2]


def test_esm_and_cjs_packages_mix_through_node_modules() -> None:
    files = {
        "node_modules/esm-pkg/package.json": '{"name":"esm-pkg","type":"module","exports":"./index.js"}',
        "node_modules/esm-pkg/index.js": 'import cjs from "cjs-pkg";\nexport const viaEsm = cjs.value + 1;\n',
        "node_modules/cjs-pkg/package.json": '{"name":"cjs-pkg","main":"lib/index"}',
        "node_modules/cjs-pkg/lib/index.js": 'exports.value = require("./util").base;\n',
        "node_modules/cjs-pkg/lib/util.js": "exports.base = 41;\n",
    }
    assert run_module('import { viaEsm } from "esm-pkg"; export default viaEsm;', files=files) == 42


def test_browser_false_gives_an_empty_module() -> None:
    files = {
        "node_modules/p/package.json": '{"name":"p","main":"index.js","browser":{"fs":false}}',
        "node_modules/p/index.js": 'module.exports = Object.keys(require("fs")).length;\n',
    }
    assert run_module('import d from "p"; export default d;', files=files, compat_flags=()) == 0


def test_hash_imports_and_extensionless_relative_imports_load() -> None:
    files = {
        "package.json": '{"imports":{"#util":"./src/util.js"}}',
        "src/util.js": "export const u = 'util';\n",
        "src/helper.ts": "export const h: string = 'helper';\n",
    }
    source = 'import { u } from "#util"; import { h } from "./src/helper"; export default u + h;'
    assert run_module(source, files=files) == "utilhelper"


def test_json_import_has_named_exports_for_identifier_keys() -> None:
    files = {"data.json": '{"name": "x", "not-ident": 1, "n": [1]}'}
    assert run_module('import d, { name, n } from "./data.json"; export default [d["not-ident"], name, n];',
                      files=files) == [1, "x", [1]]


# -- resolution errors ----------------------------------------------------------------------------


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def referrer(root: Path, name: str = "src/index.js") -> str:
    return (root / name).as_uri()


def test_missing_package_error_names_specifier_importer_and_reason(tmp_path: Path) -> None:
    write(tmp_path, {"src/index.js": ""})
    with pytest.raises(ModuleNotFound) as e:
        ModuleGraph(tmp_path).resolve("left-pad", referrer(tmp_path))
    assert str(e.value) == (
        f'No such module "left-pad" imported from "{tmp_path / "src/index.js"}": '
        f'package "left-pad" is not installed (no node_modules/left-pad above {tmp_path / "src"})'
    )


def test_unexported_subpath_error_says_so(tmp_path: Path) -> None:
    write(tmp_path, {"node_modules/p/package.json": '{"exports": {".": "./i.js"}}', "node_modules/p/i.js": ""})
    with pytest.raises(ModuleNotFound, match='package subpath "./x" is not defined by "exports"'):
        ModuleGraph(tmp_path).resolve("p/x", referrer(tmp_path))


def test_node_builtin_without_nodejs_compat_says_to_add_the_flag(tmp_path: Path) -> None:
    graph = ModuleGraph(tmp_path)
    with pytest.raises(ModuleNotFound, match="add \"nodejs_compat\" to compatibility_flags"):
        graph.resolve("buffer", referrer(tmp_path))
    with pytest.raises(ModuleNotFound, match="need the nodejs_compat compatibility flag"):
        graph.resolve("node:buffer", referrer(tmp_path))


def node_dir(tmp_path: Path) -> Path:
    write(tmp_path, {"node/buffer.js": "export default {};", "node/stream_web.js": "export default {};"})
    return tmp_path / "node"


def test_bare_builtin_names_resolve_to_node_modules_with_nodejs_compat(tmp_path: Path) -> None:
    graph = ModuleGraph(tmp_path, frozenset({"nodejs_compat"}), node_dir=node_dir(tmp_path))
    assert graph.resolve("buffer", referrer(tmp_path)) == "node:buffer"
    assert graph.resolve("stream/web", referrer(tmp_path)) == "node:stream/web"
    assert graph.resolve("node:buffer", referrer(tmp_path)) == "node:buffer"


def test_builtin_name_with_a_trailing_slash_is_an_npm_package(tmp_path: Path) -> None:
    write(tmp_path, {"node_modules/buffer/index.js": "module.exports = 1;"})
    graph = ModuleGraph(tmp_path, frozenset({"nodejs_compat"}), node_dir=node_dir(tmp_path))
    assert graph.resolve("buffer/", referrer(tmp_path)).startswith((tmp_path / "node_modules/buffer").as_uri())


def test_missing_node_module_names_it(tmp_path: Path) -> None:
    graph = ModuleGraph(tmp_path, frozenset({"nodejs_compat"}), node_dir=node_dir(tmp_path))
    with pytest.raises(ModuleNotFound, match='isolet does not provide the Node.js built-in module "node:fs"'):
        graph.resolve("node:fs", referrer(tmp_path))
    with pytest.raises(ModuleNotFound, match='"fs" is a Node.js built-in module that isolet does not provide'):
        graph.resolve("fs", referrer(tmp_path))


def test_without_nodejs_compat_an_npm_polyfill_of_a_builtin_name_is_used(tmp_path: Path) -> None:
    write(tmp_path, {"node_modules/events/index.js": "module.exports = 1;"})
    url = ModuleGraph(tmp_path).resolve("events", referrer(tmp_path))
    assert url == (tmp_path / "node_modules/events/index.js").as_uri() + "?isolet-cjs=0"


def test_esm_importers_get_a_facade_and_require_gets_the_factory(tmp_path: Path) -> None:
    write(tmp_path, {"src/index.mjs": "", "src/lib.js": "exports.a = 1;", "src/user.js": 'require("./lib.js")'})
    graph = ModuleGraph(tmp_path)
    lib = (tmp_path / "src/lib.js").as_uri()
    assert graph.resolve("./lib.js", referrer(tmp_path, "src/index.mjs")) == lib + "?isolet-cjs-node=0"
    assert graph.resolve("./lib.js", referrer(tmp_path, "src/other.js")) == lib + "?isolet-cjs=0"
    factory = graph.load((tmp_path / "src/user.js").as_uri())
    assert f'import "{lib}";' in factory
    assert graph.resolve(lib, (tmp_path / "src/user.js").as_uri()) == lib


def test_typescript_errors_carry_path_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, {"src/bad.ts": "const a: number = 1;\nenum E { A }\nexport {};\n"})
    graph = ModuleGraph(tmp_path)
    try:
        graph.load((tmp_path / "src/bad.ts").as_uri())
    except ModuleLoadError as e:
        assert str(e).startswith(f"{tmp_path / 'src/bad.ts'}:")
    except ModuleNotFound as e:
        assert "TypeScript support is not available" in str(e)


def test_files_read_are_recorded_for_reload(tmp_path: Path) -> None:
    write(tmp_path, {"node_modules/p/package.json": '{"main": "m.js"}', "node_modules/p/m.js": "", "src/index.js": ""})
    graph = ModuleGraph(tmp_path)
    graph.load(graph.resolve("p", referrer(tmp_path)))
    assert set(graph.files) == {tmp_path / "node_modules/p/package.json", tmp_path / "node_modules/p/m.js"}


# -- rules --------------------------------------------------------------------------------------


def test_glob_matches_as_wranglers_glob_to_regexp() -> None:
    assert glob_pattern("**/*.txt").match("./a/b.txt")
    assert not glob_pattern("**/*.txt").match("b.txt")
    assert glob_pattern("**/*.wasm?module").match("./x.wasm?module")
    assert not glob_pattern("**/*.wasm?module").match("./x.wasmXmodule")


def test_config_rules_come_before_defaults(tmp_path: Path) -> None:
    write(tmp_path, {"src/a.md": "# hi", "src/b.txt": "plain"})
    graph = ModuleGraph(tmp_path, rules=(ModuleRule(type="Text", globs=("**/*.md",), fallthrough=True),))
    assert graph.load(graph.resolve("./a.md", referrer(tmp_path))) == 'export default "# hi";'
    assert graph.load(graph.resolve("./b.txt", referrer(tmp_path))) == 'export default "plain";'


def test_a_rule_shadowed_by_one_without_fallthrough_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, {"src/b.txt": "plain"})
    graph = ModuleGraph(tmp_path, rules=(ModuleRule(type="Text", globs=("**/*.md",)),))
    with pytest.raises(ModuleNotFound, match="was not marked as `fallthrough = true`"):
        graph.resolve("./b.txt", referrer(tmp_path))


def test_data_rule_and_wasm_module_suffix(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src/x.wasm").write_bytes(b"\0asm\1\0\0\0")
    (tmp_path / "src/blob.dat").write_bytes(b"\1\2")
    graph = ModuleGraph(tmp_path, rules=(ModuleRule(type="Data", globs=("**/*.dat",)),))
    wasm = graph.load(graph.resolve("./x.wasm?module", referrer(tmp_path)))
    assert 'from "isolet-internal:wasm"' in wasm
    assert "bytes.buffer" in graph.load(graph.resolve("./blob.dat", referrer(tmp_path)))


def test_compile_rules_marks_later_rules_of_a_completed_type() -> None:
    rules = compile_rules((ModuleRule(type="Data", globs=("**/*.a",)), ModuleRule(type="Data", globs=("**/*.b",))))
    flags: dict[str, Any] = {c.pattern.pattern: c.ignored for c in rules}
    assert flags[glob_pattern("**/*.a").pattern] is False
    assert flags[glob_pattern("**/*.b").pattern] is True
    assert flags[glob_pattern("**/*.bin").pattern] is True


def test_process_env_node_env_is_defined_as_wrangler_dev_does() -> None:
    files = {"lib.js": 'module.exports = process.env.NODE_ENV === "production" ? "prod" : process.env.NODE_ENV;\n'}
    assert run_module('import d from "./lib.js"; export default d;', files=files, compat_flags=()) == "development"


def test_node_env_define_keeps_columns_and_leaves_assignments(tmp_path: Path) -> None:
    write(tmp_path, {"src/a.js": "x(process.env.NODE_ENV, 1);\nprocess.env.NODE_ENV = 'x';\nmy.process.env.NODE_ENV;\n"})
    graph = ModuleGraph(tmp_path, node_env="production")
    text = graph.load((tmp_path / "src/a.js").as_uri())
    assert text.splitlines() == [
        'x("production"        , 1);',
        "process.env.NODE_ENV = 'x';",
        "my.process.env.NODE_ENV;",
    ]


def test_jsx_in_a_js_file_is_compiled_as_wrangler_does() -> None:
    pytest.importorskip("isolet.engine.transpile")
    files = {
        "view.js": "const h = (tag, props, ...children) => ({ tag, children });\n"
        "export const view = (name) => <p>hello {name}</p>;\n"
        "export const cmp = (a, b) => a < b;\n"
    }
    source = 'import { view, cmp } from "./view.js"; export default [view("x"), cmp(1, 2)];'
    files["tsconfig.json"] = '{"compilerOptions": {"jsx": "react", "jsxFactory": "h"}}'
    assert run_module(source, files=files) == [{"tag": "p", "children": ["hello ", "x"]}, True]


def test_comparisons_are_not_mistaken_for_jsx(tmp_path: Path) -> None:
    source = "export const f = (a, b) => a < b && b > a;\nconst s = '(<div>)';\n"
    write(tmp_path, {"src/a.js": source})
    assert ModuleGraph(tmp_path).load((tmp_path / "src/a.js").as_uri()) == source


def test_paths_with_spaces_load_and_require() -> None:
    files = {"dir with space/lib.js": 'module.exports = require("./dep b.js") + 1;\n', "dir with space/dep b.js": "module.exports = 41;\n"}
    assert run_module('import d from "./dir with space/lib.js"; export default d;', files=files) == 42


def test_requiring_a_node_builtin_isolet_lacks_throws_a_clear_error_when_called() -> None:
    files = {
        "lib.js": 'let e1, e2;\ntry { require("node:not-a-builtin-xyz"); } catch (e) { e1 = e.message; }\n'
        'try { require("child_process"); } catch (e) { e2 = e.message; }\nmodule.exports = [e1, e2];\n'
    }
    e1, e2 = run_module('import d from "./lib.js"; export default d;', files=files)
    assert 'isolet does not provide the Node.js built-in module "node:not-a-builtin-xyz"' in e1
    assert '"child_process" is a Node.js built-in module that isolet does not provide' in e2


def test_requiring_a_node_builtin_without_nodejs_compat_says_to_add_the_flag() -> None:
    files = {"lib.js": 'let m;\ntry { require("node:buffer"); } catch (e) { m = e.message; }\nmodule.exports = m;\n'}
    message = run_module('import d from "./lib.js"; export default d;', files=files, compat_flags=())
    assert "need the nodejs_compat compatibility flag" in message


def test_worker_code_cannot_take_the_runtime_registry() -> None:
    source = """
    let taken;
    try { taken = typeof globalThis.__isolet_builtin("internals"); } catch (e) { taken = e.message; }
    export default taken;
    """
    assert run_module(source, compat_flags=()) == 'No such module "internals".'


@pytest.mark.parametrize("specifier", ["isolet-internal:internals", "isolet-internal:cjs", "isolet-internal:wasm"])
def test_worker_code_cannot_import_the_loaders_internal_modules(tmp_path: Path, specifier: str) -> None:
    graph = ModuleGraph(tmp_path, frozenset({"nodejs_compat"}))
    with pytest.raises(ModuleNotFound, match="not a module Worker code can import"):
        graph.resolve(specifier, referrer(tmp_path))


def test_commonjs_and_wasm_still_load_without_the_registry_global(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"lib.cjs": "module.exports = { n: 41 };\n", "x.wasm": b"\0asm\1\0\0\0"}
    source = 'import lib from "./lib.cjs"; import m from "./x.wasm"; export default [lib.n + 1, m instanceof WebAssembly.Module];'
    assert run_module(source, compat_flags=(), files=files) == [42, True]


def test_the_tsconfig_that_shapes_a_typescript_module_is_watched_for_live_reload(tmp_path: Path) -> None:
    write(tmp_path, {"tsconfig.json": '{ "compilerOptions": { "jsx": "react-jsx" } }', "src/a.ts": "export const a: number = 1;\n"})
    graph = ModuleGraph(tmp_path / "src")
    graph.load(graph.resolve("./a.ts", referrer(tmp_path)))
    assert tmp_path / "tsconfig.json" in graph.files
