"""engine/cjs.py: stripping, format detection, the export lexer and the generated wrappers."""

from __future__ import annotations

import pytest

from isolet.engine.cjs import analyze, detect_format, facade_module, factory_module, strip

# -- stripping -------------------------------------------------------------------------------------


def test_strip_drops_comments_and_replaces_strings_with_placeholders() -> None:
    code, strings = strip('a = "x"; // require("no")\n/* module.exports */ b = \'y\\n\';')
    assert "require" not in code and "module" not in code
    assert strings == ["x", "y\n"]


def test_strip_tells_regex_from_division() -> None:
    code, strings = strip('x = a / b / c; y = /"[/]/g.test(s); return /\'/;')
    assert strings == []
    assert code.count("/") == 2


def test_strip_keeps_code_inside_template_expressions() -> None:
    code, strings = strip('t = `a ${ f({ k: "v" }) } b ${`nested ${require("x")}`} "not a string"`; z = 1')
    assert strings == ["v", "x"]
    assert 'require("\x011")' in code
    assert "z = 1" in code


def test_strip_decodes_escapes() -> None:
    _, strings = strip(r'"\x41\u0042\u{43}\'\\"')
    assert strings == ["ABC'\\"]


# -- format detection ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("module.exports = 1;", "cjs"),
        ("exports.a = 1;", "cjs"),
        ("const x = require('x');", "cjs"),
        ('Object.defineProperty(exports, "__esModule", { value: true });', "cjs"),
        ("export default 1;", "esm"),
        ("import x from 'x'; module.exports = x;", "esm"),
        ("import 'side-effect';", "esm"),
        ("console.log(import.meta.url);", "esm"),
        ("globalThis.x = 1;", "esm"),
        ("const s = 'module.exports = 1'; // exports.x = 2", "esm"),
        ("obj.import(1); obj.export = 2; x = { import: 1 }", "esm"),
        ("const m = await import('./x.js'); module.exports = m;", "cjs"),
    ],
)
def test_format_is_decided_as_esbuild_does(source: str, fmt: str) -> None:
    assert detect_format(".js", analyze(source)) == fmt


def test_extension_decides_before_syntax() -> None:
    assert detect_format(".cjs", analyze("export default 1")) == "cjs"
    assert detect_format(".mjs", analyze("module.exports = 1")) == "esm"


# -- requires and exports --------------------------------------------------------------------------


def test_literal_requires_are_listed_once_in_order() -> None:
    a = analyze('const a = require("a"), b = require(\'./b\');\nrequire("a"); x.require("no"); require(name);')
    assert a.requires == ("a", "./b")


def test_lexer_finds_assigned_and_defined_exports() -> None:
    a = analyze(
        """
        exports.a = 1; module.exports.b = 2; exports["c-d"] = 3;
        Object.defineProperty(exports, "e", { enumerable: true, get: function () { return e; } });
        exports.f = exports.g = void 0;
        if (exports.h === 1) {}
        """
    )
    assert set(a.exports) == {"a", "b", "c-d", "e", "f", "g"}


def test_lexer_reads_module_exports_object_literal() -> None:
    a = analyze(
        """
        module.exports = { a, b: 1, 'c': f(1, 2), d() { return 1 }, get e() { return 2 }, ...require("./more"), f };
        """
    )
    assert a.exports == ("a", "b", "c", "d", "e", "f")
    assert a.reexports == ("./more",)


def test_lexer_follows_reexports() -> None:
    a = analyze(
        """
        module.exports = require("./impl");
        __exportStar(require("./star"), exports);
        (0, tslib_1.__exportStar)(require("./tslib"), exports);
        __export(require("./old"));
        var _x = _interopRequireWildcard(require("./babel"));
        Object.keys(_x).forEach(function (key) { exports[key] = _x[key]; });
        """
    )
    assert set(a.reexports) == {"./impl", "./star", "./tslib", "./old", "./babel"}


def test_lexer_reads_esbuild_cjs_output() -> None:
    a = analyze(
        """
        var src_exports = {};
        __export(src_exports, { Hono: () => Hono, default: () => src_default });
        module.exports = __toCommonJS(src_exports);
        0 && (module.exports = { Hono, extra });
        """
    )
    assert set(a.exports) == {"Hono", "default", "extra"}


def test_esm_export_names_are_scanned_for_reexports_of_esm() -> None:
    a = analyze('export const a = 1; export function b() {} export { c, d as e }; export * from "./f"; export default 1;')
    assert set(a.esm_exports) == {"a", "b", "c", "e", "default"}
    assert a.esm_star == ("./f",)


# -- wrappers --------------------------------------------------------------------------------------


def test_factory_keeps_the_source_on_its_own_lines() -> None:
    source = "#!/usr/bin/env node\nconst a = 1;\nthrow new Error('line 3');\n"
    module = factory_module("file:///x.js", "/x.js", "/", source, {"./y": ("cjs", "file:///y.js", "/y.js")})
    lines = module.split("\n")
    assert lines[0].endswith("{///usr/bin/env node")  # the hashbang became a comment
    assert lines[1] == "const a = 1;"
    assert lines[2] == "throw new Error('line 3');"
    assert 'import "file:///y.js";' in module


def test_facade_interop_default_depends_on_node_mode() -> None:
    assert "m.__esModule ? m.default : m" in facade_module("file:///x.js", ("a",), node_mode=False)
    node = facade_module("file:///x.js", ("a", "default", "__esModule"), node_mode=True)
    assert "const d = m;" in node
    assert 'as "a"' in node and 'as "default"' not in node and '"__esModule" }' not in node


def test_named_imports_per_specifier_are_collected() -> None:
    a = analyze('import d, { a, b as c } from "x";\nexport { e, "f g" as h } from "x";\nimport { z } from "y";')
    assert a.imported_names("x") == ("a", "b", "e", "f g")
    assert a.imported_names("y") == ("z",)


@pytest.mark.parametrize(
    "source",
    [
        "import { createRequire } from 'module'; const require = createRequire(import.meta.url); require('x');",
        "function require(x) { return x; } export default require('y');",
        "import { require } from './r.js'; require('z');",
    ],
)
def test_an_esm_file_with_its_own_require_is_left_alone(source: str) -> None:
    assert analyze(source).declares_require


def test_an_esm_file_calling_require_gets_one() -> None:
    from isolet.engine.cjs import esm_with_require

    a = analyze('export const x = require("./dep.js");')
    assert not a.declares_require and a.requires == ("./dep.js",)
    module = esm_with_require('export const x = require("./dep.js");\n', {"./dep.js": ("cjs", "file:///dep.js", "/dep.js")})
    assert module.split("\n")[0].startswith("const require = ")
    assert module.split("\n")[0].endswith('export const x = require("./dep.js");')


def test_namespace_member_reads_count_as_named_imports() -> None:
    a = analyze('import * as ns from "x";\nns.a(); ns . b; other.ns.c; nsx.d;')
    assert a.imported_names("x") == ("a", "b")
