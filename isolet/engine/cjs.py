"""CommonJS: tell module formats apart, find a file's requires and exports, wrap it as an ES module.

The format is decided as esbuild decides it for a bundle: ``.cjs``/``.cts``
is CommonJS, ``.mjs``/``.mts`` is ESM; otherwise a file with ``import`` or
``export`` statements is ESM, one that uses ``require(...)``, ``module`` or
``exports`` (and no ESM syntax) is CommonJS, and anything else is ESM.

A CommonJS file is never evaluated from a string at request time. The loader
turns it into a *factory module*, an ES module that V8 compiles with the rest
of the graph, served under the file's own URL. Its first line holds the
wrapper prefix, so the file's line numbers stay as they are in stack traces::

    <registry>.define(url, function (exports, require, module) {<source>
    });
    <registry>.link(url, {"./dep": ["cjs", "/.../dep.js", null, "file:///.../dep.js"], ...}, filename, dirname);
    import "file:///.../dep.js";

Every literal ``require("x")`` in the file is resolved when the file is
loaded (with the ``require`` condition) and imported statically, so its
factory is registered before anyone can call ``require``. The registry
(runtime/js/85_modules.js) runs a factory on first ``require``.

An ES module importing a CommonJS file gets a *facade* module instead: it runs
the factory and exports ``default`` (esbuild's interop: ``module.exports``, or
its ``default`` when ``__esModule`` is set and the importer is not a Node-mode
ESM file) and the names a static scan finds (Node's cjs-module-lexer rules).

The scan works on a *stripped* copy of the source: comments removed, regular
expressions and template literals replaced by ``0``, string literals replaced
by numbered placeholders whose decoded values are kept aside, so the patterns
below never match inside a string or a comment.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

# -- stripping ---------------------------------------------------------------------------------

_BULK = re.compile(r"[^\"'`/]+")
_BULK_IN_TEMPLATE = re.compile(r"[^\"'`/{}]+")
_STRING = {
    '"': re.compile(r'"(?:[^"\\\n\r]|\\[\s\S])*"?'),
    "'": re.compile(r"'(?:[^'\\\n\r]|\\[\s\S])*'?"),
}
_LINE_COMMENT = re.compile(r"//[^\n\r\u2028\u2029]*(?:\s*//[^\n\r\u2028\u2029]*)*")
_BLOCK_COMMENT = re.compile(r"/\*[\s\S]*?(?:\*/|\Z)")
_REGEX = re.compile(r"/(?:[^/\\\[\n\r]|\\.|\[(?:[^\]\\\n\r]|\\.)*\])+/[A-Za-z]*")
_TEMPLATE_TEXT = re.compile(r"(?:[^`\\$]|\\[\s\S]|\$(?!\{))*")
_TRAILING_WORD = re.compile(r"[\w$]+$")
# After these words a "/" starts a regular expression, not a division.
_EXPRESSION_KEYWORDS = frozenset(
    "return typeof instanceof in of new delete void throw case do else yield await".split()
)
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}

S = "\x01"  # marks a string placeholder: "\x01<index>"


def _unescape(match: re.Match[str]) -> str:
    esc = match.group(1)
    if esc[0] == "u" and len(esc) > 1:
        return chr(int(esc[2:-1] if esc[1] == "{" else esc[1:], 16))
    if esc[0] == "x" and len(esc) == 3:
        return chr(int(esc[1:], 16))
    if esc in ("\n", "\r", "\r\n", "\u2028", "\u2029"):
        return ""
    return _SIMPLE_ESCAPES.get(esc, esc)


def _decode(literal: str) -> str:
    body = literal[1:-1] if len(literal) >= 2 and literal[-1] == literal[0] else literal[1:]
    return _ESCAPE.sub(_unescape, body) if "\\" in body else body


def _regex_allowed(out: list[str]) -> bool:
    for chunk in reversed(out):
        text = chunk.rstrip()
        if text:
            break
    else:
        return True
    last = text[-1]
    if last in ")]\"":
        return False
    if last.isalnum() or last in "_$":
        word = _TRAILING_WORD.search(text)
        return word is not None and word.group() in _EXPRESSION_KEYWORDS
    return True


def strip(source: str) -> tuple[str, list[str]]:
    """The source without comments, regexes and template text; strings as ``"\\x01<n>"`` placeholders."""
    out: list[str] = []
    strings: list[str] = []
    depths: list[int] = []  # brace depth inside each open template ${ } expression
    i, n = 0, len(source)
    in_template_text = False
    while i < n:
        if in_template_text:
            m = _TEMPLATE_TEXT.match(source, i)
            i = m.end() if m else i
            if i >= n:
                break
            if source[i] == "`":
                i += 1
                in_template_text = False
                out.append(" 0 ")
            else:  # "${"
                i += 2
                depths.append(0)
                in_template_text = False
                out.append(" 0 (")
            continue
        m = (_BULK_IN_TEMPLATE if depths else _BULK).match(source, i)
        if m:
            out.append(m.group())
            i = m.end()
            if i >= n:
                break
        c = source[i]
        if c == '"' or c == "'":
            m = _STRING[c].match(source, i)
            assert m is not None
            strings.append(_decode(m.group()))
            out.append(f'"{S}{len(strings) - 1}"')
            i = m.end()
        elif c == "/":
            nxt = source[i + 1 : i + 2]
            if nxt == "/":
                m = _LINE_COMMENT.match(source, i)
                assert m is not None
                i = m.end()
                out.append(" ")
            elif nxt == "*":
                m = _BLOCK_COMMENT.match(source, i)
                assert m is not None
                i = m.end()
                out.append(" ")
            elif _regex_allowed(out) and (m := _REGEX.match(source, i)) is not None:
                out.append(" 0 ")
                i = m.end()
            else:
                out.append("/")
                i += 1
        elif c == "`":
            i += 1
            in_template_text = True
        elif c == "{":
            depths[-1] += 1
            out.append("{")
            i += 1
        else:  # "}"
            if depths[-1] == 0:
                depths.pop()
                out.append(") ")
                in_template_text = True
            else:
                depths[-1] -= 1
                out.append("}")
            i += 1
    return "".join(out), strings


# -- analysis ------------------------------------------------------------------------------------

_STR = rf'"{S}(\d+)"'


def _w(word: str) -> str:
    """``word`` not preceded by an identifier character or a dot (not a member, not part of a name).

    The check is a lookbehind after the word: a pattern that starts with a
    literal lets the regex engine skip ahead fast; one that starts with a
    lookbehind is tried at every position.
    """
    return rf"{word}(?<![\w$.]{word})"


# An identifier: a Unicode letter, "_" or "$", then word characters or "$". (The
# explicit \u0080-\uffff ranges this replaces cost 60 ms of re.compile at import.)
_ID = r"(?:[^\W\d]|\$)[\w$]*"
_EXPORTS = rf"(?:{_w('module')}\s*\.\s*exports|{_w('exports')})"
_ESM = re.compile(
    rf"{_w('import')}(?![\w$])\s*(?:[\w$*{{]|\"{S}|\.\s*meta(?![\w$]))|{_w('export')}(?![\w$])\s*[\w$*{{]"
)
_CJS = re.compile(
    rf"{_w('require')}\s*\(|{_w('module')}\s*\.\s*exports(?![\w$])|{_w('exports')}\s*(?:[.\[]|=(?!=))"
    rf"|defineProperty\s*\(\s*exports\s*,"
)
_REQUIRE = re.compile(rf"{_w('require')}\s*(?:\.\s*resolve\s*)?\(\s*{_STR}\s*[,)]")
_EXPORT_DOT = re.compile(rf"{_EXPORTS}\s*\.\s*({_ID})\s*=(?![=>])")
_EXPORT_BRACKET = re.compile(rf"{_EXPORTS}\s*\[\s*{_STR}\s*\]\s*=(?!=)")
_DEFINE = re.compile(rf"Object\s*\.\s*defineProperty\s*\(\s*{_EXPORTS}\s*,\s*{_STR}")
_MODULE_EXPORTS_OBJECT = re.compile(rf"{_w('module')}\s*\.\s*exports\s*=\s*\{{")
_MODULE_EXPORTS_REQUIRE = re.compile(rf"{_w('module')}\s*\.\s*exports\s*=\s*require\s*\(\s*{_STR}\s*\)")
_EXPORT_STAR = re.compile(rf"__export(?:Star)?\s*\)?\s*\(\s*require\s*\(\s*{_STR}\s*\)")
_ESBUILD_EXPORT = re.compile(rf"{_w('__export')}\s*\(\s*{_ID}\s*,\s*\{{")
_KEYS_FOREACH = re.compile(rf"Object\s*\.\s*keys\s*\(\s*({_ID})\s*\)\s*\.\s*forEach\s*\(")
_OBJECT_KEY = re.compile(
    rf"\s*(?:\.\.\.\s*require\s*\(\s*{_STR}\s*\)|\.\.\.|(?:(?:get|set|async)\s+)?(?:({_ID})|{_STR}))"
)
# ES module exports, for CommonJS files that re-export an ES module.
_ESM_DECL = re.compile(rf"{_w('export')}\s+(?:async\s+)?(?:function\s*\*?|class|const|let|var)\s*({_ID})")
_ESM_LIST = re.compile(rf"{_w('export')}\s*\{{([^}}]*)\}}(\s*from\s*{_STR})?")
_ESM_STAR = re.compile(rf"{_w('export')}\s*\*\s*(?:as\s+({_ID}|{_STR})\s*)?from\s*{_STR}")
_ESM_NAMED_IMPORT = re.compile(
    rf"(?:{_w('import')}\s*(?:{_ID}\s*,\s*)?|{_w('export')}\s*)\{{([^}}]*)\}}\s*from\s*{_STR}"
)
_ESM_NAMESPACE_IMPORT = re.compile(rf"{_w('import')}\s*(?:{_ID}\s*,\s*)?\*\s*as\s+({_ID})\s*from\s*{_STR}")
_ESM_DEFAULT = re.compile(rf"{_w('export')}\s+default(?![\w$])")
_ASSIGNED_TO = re.compile(rf"({_ID})\s*=\s*(?:[\w$.]+\s*\(\s*)?$")
_DECLARES_REQUIRE = re.compile(
    rf"(?:function\*?|class|const|let|var)\s+require(?![\w$])|{_w('import')}\s*require(?![\w$])"
    rf"|import\s*\*\s*as\s+require(?![\w$])|import\s*(?:{_ID}\s*,\s*)?\{{[^}}]*(?<![\w$])require\s*[,}}]"
)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What a static scan of one JavaScript file found."""

    esm: bool  # has import/export statements
    cjs: bool  # uses require(), module or exports
    requires: tuple[str, ...]  # literal require("x") specifiers, first-seen order
    exports: tuple[str, ...]  # CommonJS export names (cjs-module-lexer rules)
    reexports: tuple[str, ...]  # specifiers whose exports this file re-exports
    esm_exports: tuple[str, ...]  # ES export names (for ESM files)
    esm_star: tuple[str, ...]  # export * from "x" specifiers (for ESM files)
    # Names this ES module imports by name from each specifier (import {a} / export {a} from).
    esm_imports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    declares_require: bool = False  # a top-level require binding of its own

    def imported_names(self, specifier: str) -> tuple[str, ...]:
        for spec, names in self.esm_imports:
            if spec == specifier:
                return names
        return ()


def analyze(source: str) -> Analysis:
    code, strings = strip(source)
    esm = _ESM.search(code) is not None
    cjs = _CJS.search(code) is not None
    requires = tuple(dict.fromkeys(strings[int(m.group(1))] for m in _REQUIRE.finditer(code)))
    names: dict[str, None] = {}
    reexports: dict[str, None] = {}
    esm_names: dict[str, None] = {}
    esm_star: dict[str, None] = {}
    imported: dict[str, dict[str, None]] = {}
    if esm:
        for m in _ESM_DECL.finditer(code):
            esm_names[m.group(1)] = None
        for m in _ESM_LIST.finditer(code):
            for item in m.group(1).split(","):
                parts = item.split()
                if not parts:
                    continue
                name = parts[-1]
                if name.startswith(f'"{S}'):
                    name = strings[int(name[2:-1])]
                esm_names[name] = None
        if _ESM_DEFAULT.search(code):
            esm_names["default"] = None
        for m in _ESM_NAMED_IMPORT.finditer(code):
            spec = strings[int(m.group(2))]
            for item in m.group(1).split(","):
                parts = item.split()
                if parts:
                    first = parts[0]
                    imported.setdefault(spec, {})[
                        strings[int(first[2:-1])] if first.startswith(f'"{S}') else first
                    ] = None
        # import * as ns from "x": the names read as ns.<name> count as imported by name.
        for m in _ESM_NAMESPACE_IMPORT.finditer(code):
            spec, alias = strings[int(m.group(2))], re.escape(m.group(1))
            for member in re.finditer(rf"{alias}(?<![\w$.]{alias})\s*\.\s*({_ID})", code):
                imported.setdefault(spec, {})[member.group(1)] = None
        for m in _ESM_STAR.finditer(code):
            if m.group(1):
                alias = m.group(1)
                esm_names[strings[int(alias[2:-1])] if alias.startswith('"') else alias] = None
            else:
                esm_star[strings[int(m.group(3))]] = None
    if cjs:
        for m in _EXPORT_DOT.finditer(code):
            names[m.group(1)] = None
        for pattern in (_EXPORT_BRACKET, _DEFINE):
            for m in pattern.finditer(code):
                names[strings[int(m.group(1))]] = None
        for pattern in (_MODULE_EXPORTS_OBJECT, _ESBUILD_EXPORT):
            for m in pattern.finditer(code):
                _object_keys(code, m.end(), strings, names, reexports)
        for pattern in (_MODULE_EXPORTS_REQUIRE, _EXPORT_STAR):
            for m in pattern.finditer(code):
                reexports[strings[int(m.group(1))]] = None
        # Babel: var _x = require("x") (maybe wrapped in an interop helper), then
        # Object.keys(_x).forEach(... exports[key] = _x[key] ...).
        spread = {m.group(1) for m in _KEYS_FOREACH.finditer(code)}
        if spread:
            for m in _REQUIRE.finditer(code):
                assigned = _ASSIGNED_TO.search(code, max(0, m.start() - 120), m.start())
                if assigned is not None and assigned.group(1) in spread:
                    reexports[strings[int(m.group(1))]] = None
    return Analysis(
        esm=esm,
        cjs=cjs,
        requires=requires,
        exports=tuple(names),
        reexports=tuple(reexports),
        esm_exports=tuple(esm_names),
        esm_star=tuple(esm_star),
        esm_imports=tuple((spec, tuple(names)) for spec, names in imported.items()),
        declares_require=_DECLARES_REQUIRE.search(code) is not None,
    )


def _skip_balanced(code: str, i: int) -> int:
    """Index just past the expression starting at ``i``: up to a "," or closing bracket at depth 0."""
    depth = 0
    n = len(code)
    while i < n:
        c = code[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return i
            depth -= 1
        elif c == "," and depth == 0:
            return i
        i += 1
    return i


def _object_keys(code: str, i: int, strings: list[str], names: dict[str, None], reexports: dict[str, None]) -> None:
    """Collect the keys of the object literal whose "{" ends just before ``i``."""
    n = len(code)
    while i < n:
        m = _OBJECT_KEY.match(code, i)
        if m is None:
            return
        if m.group(1) is not None:
            reexports[strings[int(m.group(1))]] = None
            i = m.end()
        elif m.group(0).strip() == "...":
            i = _skip_balanced(code, m.end())
        else:
            name = m.group(2) if m.group(2) is not None else strings[int(m.group(3))]
            names[name] = None
            i = m.end()
            rest = code[i : i + 1] if i < n else ""
            while rest.isspace():
                i += 1
                rest = code[i : i + 1]
            if rest == "(":  # method: name(...) { ... }
                i = _skip_balanced(code, i)
            elif rest == ":":
                i = _skip_balanced(code, i + 1)
            elif rest not in (",", "}"):
                return
        while i < n and code[i].isspace():
            i += 1
        if i >= n or code[i] != ",":
            return
        i += 1


_CJS_WORD = re.compile(rf"(?:{_w('require')}|{_w('module')}|{_w('exports')})(?![\w$])")


def quick_format(suffix: str, source: str) -> str | None:
    """The format when it is clear without a scan: by extension, or ESM when no CommonJS word appears."""
    if suffix in (".cjs", ".cts"):
        return "cjs"
    if suffix in (".mjs", ".mts") or _CJS_WORD.search(source) is None:
        return "esm"
    return None


def detect_format(suffix: str, analysis: Analysis) -> str:
    """``"cjs"`` or ``"esm"`` for a JavaScript file, as esbuild decides."""
    if suffix in (".cjs", ".cts"):
        return "cjs"
    if suffix in (".mjs", ".mts"):
        return "esm"
    return "cjs" if analysis.cjs and not analysis.esm else "esm"


# -- code generation ------------------------------------------------------------------------------

# The require() registry (runtime/js/85_modules.js) as generated code names it,
# and the import that binds it (the loader lets only generated code import it).
REGISTRY = "__isolet_cjs"
_REGISTRY_IMPORT = 'import __isolet_cjs from "isolet-internal:cjs";'
# A dependency record for require(): (kind, url, path). Kinds: "cjs" (a factory
# module's URL), "esm" (the namespace, seen as esbuild's __toCommonJS),
# "default" (the namespace's default export: JSON, Text, Data, Wasm, node:
# built-ins), "empty" ({}: a browser-field false), "missing" (unresolved: the
# call throws the path slot's message, or esbuild's "Dynamic require" error).
Dep = tuple[str, str, str]


def _deps_js(deps: dict[str, Dep]) -> tuple[str, str]:
    """The require() table of a module (a JS object literal) and the imports it needs."""
    records: list[str] = []
    imports: list[str] = []
    for i, (specifier, (kind, dep_url, path)) in enumerate(deps.items()):
        binding = "null"
        if kind in ("esm", "default"):
            binding = f"$d{i}"
            imports.append(f"import * as {binding} from {json.dumps(dep_url)};")
        elif kind == "cjs":
            imports.append(f"import {json.dumps(dep_url)};")
        record = f"[{json.dumps(kind)}, {json.dumps(path)}, {binding}, {json.dumps(dep_url)}]"
        records.append(f"{json.dumps(specifier)}: {record}")
    imports.append(_REGISTRY_IMPORT)
    return "{ __proto__: null, " + ", ".join(records) + " }", "\n".join(imports)


def _no_hashbang(source: str) -> str:
    return "//" + source[2:] if source.startswith("#!") else source


def factory_module(url: str, filename: str, dirname: str, source: str, deps: dict[str, Dep]) -> str:
    """The ES module that registers ``source`` (CommonJS) as a factory under ``url``."""
    table, imports = _deps_js(deps)
    # The function is the call's last argument: V8 then names it "<anonymous>"
    # in stack traces (it infers a name from a following object literal).
    # No __filename/__dirname: esbuild leaves them free (undefined in workerd), and
    # packages test `typeof __dirname` to choose their browser code path.
    head = f"{REGISTRY}.define({json.dumps(url)}, function (exports, require, module) {{"
    tail = (
        "\n});\n"
        f"{REGISTRY}.link({json.dumps(url)}, {table}, {json.dumps(filename)}, {json.dumps(dirname)});\n"
        + imports
        + "\n"
    )
    return head + _no_hashbang(source) + tail


def esm_with_require(source: str, deps: dict[str, Dep]) -> str:
    """An ES module that calls require("x") with literals gets a ``require`` (esbuild bundles those calls)."""
    table, imports = _deps_js(deps)
    return f"const require = {REGISTRY}.makeRequire({table});" + _no_hashbang(source) + "\n" + imports + "\n"


def facade_module(factory_url: str, names: tuple[str, ...] | list[str], node_mode: bool) -> str:
    """The ES module an ES import of a CommonJS file gets: its exports in esbuild's interop."""
    lines = [
        _REGISTRY_IMPORT,
        f"import {json.dumps(factory_url)};",
        f"const m = {REGISTRY}.require({json.dumps(factory_url)});",
        "const d = " + ("m;" if node_mode else "m != null && m.__esModule ? m.default : m;"),
        "export { d as default };",
    ]
    for i, name in enumerate(names):
        if name in ("default", "__esModule"):
            continue
        lines.append(f"const n{i} = m == null ? undefined : m[{json.dumps(name)}];")
        lines.append(f"export {{ n{i} as {json.dumps(name)} }};")
    return "\n".join(lines) + "\n"
