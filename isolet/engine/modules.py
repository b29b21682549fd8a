"""Resolve and load a Worker's modules for V8, as ``wrangler dev`` would bundle them.

Specifiers resolve as wrangler's esbuild bundle resolves them (engine/resolve.py:
relative paths with extension probing, bare specifiers from ``node_modules``
through ``exports``/``module``/``main``, ``#imports``); ``cloudflare:*`` names
are builtin modules served from the runtime; with nodejs_compat, ``node:x``
and the bare names of the Node built-ins isolet has (``buffer``, ``events``...)
are the runtime's node modules, as wrangler's nodejs_compat plugin aliases them.

The loader turns each file into module source:

- by the config's module ``rules`` first, then wrangler's defaults (``**/*.txt``
  and ``**/*.html`` Text, ``**/*.bin`` Data, ``**/*.wasm`` and
  ``**/*.wasm?module`` CompiledWasm), matched against the specifier as written,
  as wrangler's module collector does: Text is a default-exported string, Data
  an ArrayBuffer, CompiledWasm a ``WebAssembly.Module``;
- ``.json`` as a default-exported value plus its top-level keys as named exports (esbuild);
- ``.ts .tsx .mts .cts .jsx`` through the TypeScript transpiler first;
- ``process.env.NODE_ENV`` in JavaScript replaced by ``"development"`` (or
  isolet's own NODE_ENV), as wrangler dev's esbuild ``define`` does;
- JavaScript as an ES module, or, when it is CommonJS, as a factory module plus
  an ESM facade for importers (engine/cjs.py); an ES module that calls
  ``require("x")`` gets a ``require`` for its literal targets (esbuild bundles them).

Every file read is recorded so live reload can watch it.
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlparse

from isolet.config.schema import ModuleRule
from isolet.engine import cjs
from isolet.engine.resolve import EMPTY, Kind, ResolveError, Resolver

# The node: modules (isolet/runtime/node/<name>.js, "/" in a name as "_") are
# ES modules read from the package when first imported, so a Worker without
# nodejs_compat pays nothing for them. They reach the runtime's registry by
# importing INTERNALS, which only node: and isolet-internal: modules may import.
NODE_DIR = Path(__file__).parent.parent / "runtime" / "node"
INTERNALS = "isolet-internal:internals"
# What the loader's own generated code needs, each a module that exports one
# thing: the require() registry (CommonJS wrappers) and the Wasm compiler
# (.wasm modules; Worker code cannot compile Wasm from bytes). Importable only
# by modules whose source the loader generated or wrapped (ModuleGraph._wrapped).
LOADER_MODULES = {
    "isolet-internal:cjs": "internals.cjs",
    "isolet-internal:wasm": "internals.compileWasm",
}
_INTERNAL_PREFIX = "isolet-internal:node/"  # private helpers: runtime/node/internal/<x>.js
NODE_FLAGS = frozenset({"nodejs_compat", "nodejs_compat_v2"})

BUILTIN_MODULES = {
    "cloudflare:workers": ("WorkerEntrypoint", "DurableObject", "WorkflowEntrypoint", "RpcTarget", "env"),
}

# Node's built-in module names (node:module builtinModules, Node 20), for the
# error that says a bare import is a Node built-in.
NODE_BUILTINS = frozenset(
    "assert assert/strict async_hooks buffer child_process cluster console constants crypto dgram "
    "diagnostics_channel dns dns/promises domain events fs fs/promises http http2 https inspector "
    "inspector/promises module net os path path/posix path/win32 perf_hooks process punycode querystring "
    "readline readline/promises repl stream stream/consumers stream/promises stream/web string_decoder "
    "sys timers timers/promises tls trace_events tty url util util/types v8 vm wasi worker_threads zlib".split()
)

RuleType = Literal["ESModule", "CommonJS", "CompiledWasm", "Text", "Data"]
# wrangler's DEFAULT_MODULE_RULES (deployment-bundle/rules.ts), applied after the config's.
DEFAULT_RULES = (
    ModuleRule(type="Text", globs=("**/*.txt", "**/*.html")),
    ModuleRule(type="Data", globs=("**/*.bin",)),
    ModuleRule(type="CompiledWasm", globs=("**/*.wasm", "**/*.wasm?module")),
)
# Not in wrangler's defaults (esbuild would refuse them), but loaded as Text
# by isolet since its first version.
_LEGACY_TEXT = (".sql",)
_TS_EXTENSIONS = (".ts", ".tsx", ".mts", ".cts", ".jsx")
_JS_EXTENSIONS = (".js", ".mjs", ".cjs", *_TS_EXTENSIONS)
# V8 parses a module imported "with { type: 'json' }" as JSON, but one imported
# without the attribute as JavaScript; wrangler accepts both. We serve every
# .json file as JavaScript, so the attribute is removed from import statements.
_JSON_ATTRIBUTE = re.compile(
    r"""(?:with(?<![\w$]with)|assert(?<![\w$]assert))\s*\{\s*type\s*:\s*(['"])json\1\s*\}"""
)
_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")
# Facade URLs: the ESM view of a CommonJS file, for a non-Node-mode / Node-mode importer.
# The query is followed by "=<n>": extra names (see ModuleGraph._facade_names).
_FACADE = "?isolet-cjs"
_FACADE_NODE = "?isolet-cjs-node"
_FACADE_QUERY = re.compile(r"^\?isolet-cjs(-node)?=(\d+)$")
_EMPTY_ESM = "export default {};\n"


class ModuleNotFound(Exception):
    def __init__(self, specifier: str, referrer: str, reason: str) -> None:
        super().__init__(f'No such module "{specifier}" imported from "{referrer}": {reason}')


class ModuleLoadError(Exception):
    """A module exists but cannot be turned into module source (TypeScript error, bad rule...)."""


@dataclass(slots=True)
class _Source:
    text: str
    format: str  # "esm" | "cjs"
    _analysis: cjs.Analysis | None = None

    @property
    def analysis(self) -> cjs.Analysis:
        if self._analysis is None:
            self._analysis = cjs.analyze(self.text)
        return self._analysis


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    type: RuleType
    pattern: re.Pattern[str]
    rule: ModuleRule
    ignored: bool  # removed by wrangler: an earlier rule of its type had no fallthrough


def compile_rules(rules: tuple[ModuleRule, ...]) -> tuple[_CompiledRule, ...]:
    """wrangler's parseRules: config rules then defaults; a type's rules after its first
    non-fallthrough rule are ignored (importing a file they match is an error)."""
    done: set[str] = set()
    out: list[_CompiledRule] = []
    for rule in (*rules, *DEFAULT_RULES):
        ignored = rule.type in done
        if not ignored and not rule.fallthrough:
            done.add(rule.type)
        out += [_CompiledRule(rule.type, glob_pattern(g), rule, ignored) for g in rule.globs]
    return tuple(out)


def glob_pattern(glob: str) -> re.Pattern[str]:
    """glob-to-regexp without options, as wrangler uses it: ``*`` runs match anything (``/`` too)."""
    out = []
    i = 0
    while i < len(glob):
        if glob[i] == "*":
            while i < len(glob) and glob[i] == "*":
                i += 1
            out.append(".*")
            continue
        out.append(re.escape(glob[i]))
        i += 1
    return re.compile("^" + "".join(out) + "$")


@dataclass(slots=True)
class ModuleGraph:
    """Resolver and loader for one Worker; remembers every file it read."""

    root: Path
    # Enabled compatibility features (config/compat.py names); nodejs_compat opens node:.
    compat_flags: frozenset[str] = frozenset()
    files: dict[Path, float] = field(default_factory=dict)
    rules: tuple[ModuleRule, ...] = ()
    node_dir: Path = NODE_DIR
    # What `process.env.NODE_ENV` is replaced with (wrangler dev's define): the
    # NODE_ENV of isolet's environment, else "development". None: look it up.
    node_env: str | None = None
    _resolver: Resolver = field(init=False)
    _node_files: dict[str, Path | None] = field(default_factory=dict)
    _compiled_rules: tuple[_CompiledRule, ...] = ()
    _resolved: dict[tuple[str, str], str] = field(default_factory=dict)
    _sources: dict[Path, _Source] = field(default_factory=dict)
    _rule_types: dict[str, RuleType] = field(default_factory=dict)
    # URLs whose source the loader generated or wrapped (CommonJS factories,
    # ESM files given a require(), asset modules): they may import the loader's
    # internal modules and the file:// URLs the generated code names.
    _wrapped: set[str] = field(default_factory=set)
    _names: dict[Path, tuple[str, ...]] = field(default_factory=dict)
    _facade_names: dict[tuple[str, ...], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._compiled_rules = compile_rules(self.rules)
        self._resolver = Resolver(self.files)
        if self.node_env is None:
            self.node_env = os.environ.get("NODE_ENV") or "development"

    @property
    def node_compat(self) -> bool:
        return bool(self.compat_flags & NODE_FLAGS)

    # -- resolution ---------------------------------------------------------------------------

    def resolve(self, specifier: str, referrer: str) -> str:
        key = (specifier, referrer)
        hit = self._resolved.get(key)
        if hit is None:
            hit = self._resolve(specifier, referrer)
            self._resolved[key] = hit
        return hit

    def _resolve(self, specifier: str, referrer: str) -> str:
        if specifier in BUILTIN_MODULES:
            return specifier
        if specifier.startswith("isolet-internal:"):
            runtime = referrer.startswith(("node:", "isolet-internal:"))
            if (runtime and (specifier == INTERNALS or self._node_file(specifier) is not None)) or (
                specifier in LOADER_MODULES and (runtime or self._is_wrapped(referrer))
            ):
                return specifier
            raise ModuleNotFound(specifier, _display(referrer), "not a module Worker code can import")
        if specifier.startswith("file://") and self._is_wrapped(referrer):
            return specifier  # a generated import (of a require() target, or a facade's factory)
        builtin = self._builtin(specifier, referrer)
        if builtin is not None:
            return builtin
        importer = _path_of(referrer) if referrer.startswith("file://") else self.root / "(entry)"
        if specifier.startswith("file://"):
            return self._import_url(_path_of(specifier), importer, specifier)
        rule = self._rule(specifier, referrer)
        if rule is not None:
            return self._rule_url(specifier, importer, rule, referrer)
        try:
            target = self._resolver.resolve(specifier, importer.parent, "import")
        except ResolveError as e:
            raise ModuleNotFound(specifier, _display(referrer), self._reason(specifier, e)) from None
        if target == EMPTY:
            return EMPTY
        assert isinstance(target, Path)
        return self._import_url(target, importer, specifier)

    def _builtin(self, specifier: str, referrer: str) -> str | None:
        """``node:x`` for node: specifiers and (with nodejs_compat) bare names of isolet's node modules."""
        if specifier.startswith("node:"):
            if not self.node_compat:
                raise ModuleNotFound(
                    specifier, _display(referrer), "node: modules need the nodejs_compat compatibility flag"
                )
            if self._node_file(specifier) is None:
                raise ModuleNotFound(
                    specifier,
                    _display(referrer),
                    f'isolet does not provide the Node.js built-in module "{specifier}"',
                )
            return specifier
        if (
            self.node_compat
            and not specifier.startswith((".", "/", "#"))
            and ":" not in specifier
            and self._node_file("node:" + specifier) is not None
        ):
            return "node:" + specifier
        return None

    def _reason(self, specifier: str, error: ResolveError) -> str:
        reason = str(error)
        name = specifier.split("/", 1)[0] if not specifier.startswith("@") else specifier
        if specifier in NODE_BUILTINS or name in NODE_BUILTINS:
            if self.node_compat:
                reason += f'; "{specifier}" is a Node.js built-in module that isolet does not provide'
            else:
                reason += (
                    f'; "{specifier}" is a Node.js built-in module: add "nodejs_compat" to '
                    "compatibility_flags to use it"
                )
        return reason

    def _import_url(self, target: Path, importer: Path, specifier: str) -> str:
        """The URL an ES import of ``target`` gets: the file's, or a CommonJS facade's.

        esbuild serves any named import of a CommonJS module (``undefined`` when
        absent); an ES module can only export names it knows when it is linked.
        So the facade exports the names the scan finds plus the names this
        importer asks for, and importers asking for other names get their own
        facade (all of them share the one module instance in the registry).
        """
        url = target.as_uri()
        if self._rule_types.get(url) is not None or self._format(target) != "cjs":
            return url
        extra: tuple[str, ...] = ()
        if importer.name.endswith(_JS_EXTENSIONS) and importer in self._sources:
            known = set(self._export_names(target, set()))
            wanted = self._sources[importer].analysis.imported_names(specifier)
            extra = tuple(sorted(n for n in wanted if n not in known))
        index = self._facade_names.setdefault(extra, len(self._facade_names))
        return f"{url}{_FACADE_NODE if self._resolver.is_node_mode(importer) else _FACADE}={index}"

    @property
    def _facade_extras(self) -> list[tuple[str, ...]]:
        return list(self._facade_names)

    def _rule(self, specifier: str, referrer: str) -> _CompiledRule | None:
        for compiled in self._compiled_rules:
            if compiled.pattern.match(specifier):
                if compiled.ignored:
                    rule = compiled.rule
                    raise ModuleNotFound(
                        specifier,
                        _display(referrer),
                        f"it matched a module rule in your configuration ({_rule_json(rule)}), but was "
                        "ignored because a previous rule with the same type was not marked as "
                        "`fallthrough = true`.",
                    )
                if compiled.type in ("ESModule", "CommonJS"):
                    # wrangler's bundler decides JavaScript formats itself; these
                    # rules only matter to find_additional_modules.
                    continue
                return compiled
        return None

    def _rule_url(self, specifier: str, importer: Path, rule: _CompiledRule, referrer: str) -> str:
        spec = specifier.removesuffix("?module")
        try:
            target = self._resolver.resolve(spec, importer.parent, "import")
        except ResolveError as e:
            raise ModuleNotFound(specifier, _display(referrer), str(e)) from None
        if target == EMPTY:
            return EMPTY
        assert isinstance(target, Path)
        url = target.as_uri()
        self._rule_types[url] = rule.type
        return url

    # -- loading ------------------------------------------------------------------------------

    def _is_wrapped(self, url: str) -> bool:
        """Whether the loader generated ``url``'s source or wrapped it (a CommonJS factory, a facade...)."""
        return url in self._wrapped or _FACADE in url

    def entry_imports(self) -> str:
        """The imports the entry module puts before the Worker's main module.

        The runtime registry goes first: its module takes the registry from
        ``__isolet_builtin`` once, before any Worker code runs, and the
        builtin refuses it afterwards (90_dispatch.js). With nodejs_compat,
        the Node globals (Buffer, process...) follow, so they exist when the
        Worker's top-level code runs: imports evaluate in order.
        """
        node = 'import "isolet-internal:node/globals";\n' if self.node_compat else ""
        return f'import "{INTERNALS}";\n{node}'

    def load(self, url: str) -> str:
        if url == INTERNALS:
            return 'export default globalThis.__isolet_builtin("internals");'
        if url in LOADER_MODULES:
            return f'import internals from "{INTERNALS}";\nexport default {LOADER_MODULES[url]};\n'
        if url == EMPTY:
            return _EMPTY_ESM
        node = self._node_file(url)
        if node is not None:
            return node.read_text(encoding="utf-8")
        if url in BUILTIN_MODULES:
            names = BUILTIN_MODULES[url]
            lines = [f"const m = globalThis.__isolet_builtin({json.dumps(url)});"]
            lines += [f"export const {n} = m.{n};" for n in names]
            return "\n".join(lines)
        base, query = url, ""
        if "?" in url:
            base, query = url.split("?", 1)
            query = "?" + query
        path = _path_of(base)
        facade = _FACADE_QUERY.match(query)
        if facade is not None:
            extra = self._facade_extras[int(facade.group(2))]
            exported = (*self._export_names(path, set()), *extra)
            return cjs.facade_module(base, exported, node_mode=facade.group(1) is not None)
        rule_type = self._rule_types.get(url)
        if rule_type is not None or not path.name.endswith((*_JS_EXTENSIONS, ".json")):
            data = self._read_bytes(path)
            self._wrapped.add(url)
            return _asset_module(path, data, rule_type)
        if path.name.endswith(".json"):
            return _json_module(self._read_bytes(path).decode("utf-8"))
        source = self._source(path)
        if source.format == "cjs":
            self._wrapped.add(url)
            deps = self._require_deps(path, source.analysis.requires)
            return cjs.factory_module(url, str(path), str(path.parent), source.text, deps)
        text = _JSON_ATTRIBUTE.sub("", source.text) if "json" in source.text else source.text
        if "require" in text:
            analysis = source.analysis
            if analysis.requires and not analysis.declares_require:
                self._wrapped.add(url)
                return cjs.esm_with_require(text, self._require_deps(path, analysis.requires))
        return text

    def _watch_tsconfig(self, path: Path) -> None:
        """Record the tsconfig.json that shaped ``path``'s output, so editing it reloads the Worker."""
        from isolet.engine.transpile.tsconfig import config_path_for

        config = config_path_for(path)
        if config is not None and config not in self.files:
            self.files[config] = config.stat().st_mtime

    def _read_bytes(self, path: Path) -> bytes:
        try:
            data = path.read_bytes()
            self.files[path] = path.stat().st_mtime
        except OSError as e:
            raise ModuleNotFound(str(path), "", e.strerror or str(e)) from e
        return data

    def _source(self, path: Path) -> _Source:
        """A JavaScript file's text (transpiled from TypeScript/JSX if need be), format and scan."""
        hit = self._sources.get(path)
        if hit is not None:
            return hit
        text = self._read_bytes(path).decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        if path.suffix in _TS_EXTENSIONS:
            text = _transpile(path, text)
            self._watch_tsconfig(path)
        elif path.suffix == ".js" and _JSX_HINT.search(text) and _JSX_HINT.search(cjs.strip(text)[0]):
            text = _jsx_in_js(path, text)
            self._watch_tsconfig(path)
        if "NODE_ENV" in text:
            text = _define_node_env(text, self.node_env or "development")
        fmt = cjs.quick_format(path.suffix, text)
        if fmt is not None:
            source = _Source(text, fmt)
        else:
            analysis = cjs.analyze(text)
            source = _Source(text, cjs.detect_format(path.suffix, analysis), analysis)
        self._sources[path] = source
        return source

    def _format(self, path: Path) -> str:
        if not path.name.endswith(_JS_EXTENSIONS):
            return "asset"
        return self._source(path).format

    def _require_deps(self, path: Path, requires: tuple[str, ...]) -> dict[str, cjs.Dep]:
        """How each literal require() of ``path`` is served (see cjs.Dep)."""
        deps: dict[str, cjs.Dep] = {}
        for specifier in requires:
            deps[specifier] = self._require_dep(specifier, path)
        return deps

    def _require_dep(self, specifier: str, importer: Path) -> cjs.Dep:
        """How ``require(specifier)`` from ``importer`` is served. A target that cannot
        be found is "missing" (the call throws; esbuild leaves such requires to run
        time when they sit in a try block), with a message for Node built-ins."""
        if specifier in BUILTIN_MODULES:
            return ("esm", specifier, specifier)
        referrer = importer.as_uri()
        try:
            builtin = self._builtin(specifier, referrer)
            rule = self._rule(specifier, referrer)
        except ModuleNotFound as e:
            return ("missing", "", str(e))
        if builtin is not None:
            return ("default", builtin, builtin)
        try:
            target = self._resolver.resolve(
                specifier.removesuffix("?module") if rule else specifier, importer.parent, "require"
            )
        except ResolveError as e:
            reason = self._reason(specifier, e)
            if reason == str(e):  # not a Node built-in: esbuild's run-time error
                return ("missing", "", "")
            return ("missing", "", str(ModuleNotFound(specifier, str(importer), reason)))
        if target == EMPTY:
            return ("empty", "", "")
        assert isinstance(target, Path)
        url = target.as_uri()
        if rule is not None:
            self._rule_types[url] = rule.type
            return ("default", url, str(target))
        if target.name.endswith(".json") or not target.name.endswith(_JS_EXTENSIONS):
            return ("default", url, str(target))
        return ("cjs" if self._format(target) == "cjs" else "esm", url, str(target))

    def _export_names(self, path: Path, seen: set[Path]) -> tuple[str, ...]:
        """The names an ES import of CommonJS ``path`` offers (its scan, plus what it re-exports)."""
        hit = self._names.get(path)
        if hit is not None:
            return hit
        if path in seen:
            return ()
        seen.add(path)
        source = self._source(path)
        analysis = source.analysis
        kind: Kind = "require"
        specs: tuple[str, ...] = analysis.reexports
        names = dict.fromkeys(analysis.exports)
        if source.format == "esm":
            names = dict.fromkeys(analysis.esm_exports)
            specs, kind = analysis.esm_star, "import"
        for specifier in specs:
            try:
                target = self._resolver.resolve(specifier, path.parent, kind)
            except ResolveError:
                continue
            if isinstance(target, Path) and target.name.endswith(_JS_EXTENSIONS):
                for name in self._export_names(target, seen):
                    if name != "default":
                        names[name] = None
        result = tuple(names)
        self._names[path] = result
        return result

    def _node_file(self, specifier: str) -> Path | None:
        if specifier not in self._node_files:
            self._node_files[specifier] = _node_file(specifier, self.node_dir)
        return self._node_files[specifier]


def _transpile(path: Path, text: str) -> str:
    # Imported on first use: a Worker without TypeScript or JSX never loads the parser.
    from isolet.engine.transpile import TranspileError, transpile_file

    try:
        return str(transpile_file(path, text))
    except TranspileError as e:
        raise ModuleLoadError(str(e)) from None


_NODE_ENV = re.compile(r"process(?<![\w$.]process)\.env\.NODE_ENV(?![\w$])(?!\s*=(?!=))")


def _define_node_env(text: str, value: str) -> str:
    """wrangler's ``define``: ``process.env.NODE_ENV`` becomes a string literal, padded
    with spaces to the same length so columns stay as they were."""
    literal = json.dumps(value)
    literal += " " * max(0, len("process.env.NODE_ENV") - len(literal))
    return _NODE_ENV.sub(literal, text)


# JSX in a .js file (wrangler gives .js files esbuild's "jsx" loader): a "<"
# that starts an element where an expression starts. Checked on the raw text,
# then on the stripped code (no strings or comments).
_JSX_HINT = re.compile(r"(?:return|[(=,?:&|]|=>)\s*<(?:[A-Za-z][\w.:-]*(?:\s+[\w{]|\s*/?>)|>)")


def _jsx_in_js(path: Path, text: str) -> str:
    """``text`` with its JSX compiled, or unchanged when it does not parse as JSX."""
    from isolet.engine.transpile import transpile
    from isolet.engine.transpile.tsconfig import jsx_options_for

    try:
        return str(transpile(text, path=str(path), typescript=False, tsx=True, jsx=jsx_options_for(path)))
    except Exception:  # TranspileError: a false alarm of the hint: V8 reports real syntax errors
        return text


def _path_of(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def _display(referrer: str) -> str:
    if referrer.startswith("file://"):
        return str(_path_of(referrer.split("?", 1)[0]))
    return referrer


def _rule_json(rule: ModuleRule) -> str:
    data: dict[str, object] = {"type": rule.type, "globs": list(rule.globs)}
    if rule.fallthrough:
        data["fallthrough"] = True
    return json.dumps(data, separators=(",", ":"))


def _asset_module(path: Path, data: bytes, rule_type: str | None) -> str:
    if rule_type == "Text" or (rule_type is None and path.name.endswith(_LEGACY_TEXT)):
        return f"export default {json.dumps(data.decode('utf-8'))};"
    if rule_type == "Data":
        return _bytes_module(data, "bytes.buffer")
    if rule_type == "CompiledWasm":
        return 'import compileWasm from "isolet-internal:wasm";\n' + _bytes_module(data, "compileWasm(bytes)")
    raise ModuleLoadError(f'{path}: No loader is configured for "{path.suffix}" files')


def _json_module(text: str) -> str:
    try:
        value = json.loads(text)
    except ValueError as e:
        raise ModuleLoadError(f"invalid JSON: {e}") from None
    lines = [f"const d = {text.strip()};", "export default d;"]
    if isinstance(value, dict):
        for i, key in enumerate(value):
            if _IDENTIFIER.match(key) and key != "default":
                lines.append(f"const k{i} = d[{json.dumps(key)}]; export {{ k{i} as {key} }};")
    return "\n".join(lines) + "\n"


def _node_file(specifier: str, node_dir: Path = NODE_DIR) -> Path | None:
    """The file behind a ``node:`` or ``isolet-internal:node/`` specifier, if isolet has it."""
    if specifier.startswith("node:"):
        path = node_dir / (specifier[5:].replace("/", "_") + ".js")
    elif specifier.startswith(_INTERNAL_PREFIX):
        path = node_dir / "internal" / (specifier[len(_INTERNAL_PREFIX) :] + ".js")
    else:
        return None
    name = path.name[:-3]
    if not name or not name.replace("_", "").replace("-", "").isalnum() or not path.is_file():
        return None
    return path


def _bytes_module(data: bytes, expr: str) -> str:
    b64 = base64.b64encode(data).decode("ascii")
    return (
        f'const s = atob("{b64}");\n'
        "const bytes = new Uint8Array(s.length);\n"
        "for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);\n"
        f"export default {expr};"
    )


_EXPORT = re.compile(r"^\s*export\s", re.MULTILINE)


def detect_format(main_source: str) -> str:
    """``modules`` when the entry has an ``export`` statement, else ``service-worker``.

    wrangler decides the same way (from esbuild's list of exports).
    """
    return "modules" if _EXPORT.search(main_source) else "service-worker"
