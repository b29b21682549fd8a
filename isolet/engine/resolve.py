"""Resolve a Worker's import specifiers to files, as wrangler's esbuild bundle does.

wrangler bundles with esbuild (platform ``browser``) and the conditions
``workerd``, ``worker``, ``browser``; esbuild adds ``default`` and ``import``
(for ``import``) or ``require`` (for ``require()``). So here:

- bare specifiers are looked up in ``node_modules`` directories walking up from
  the importing file (Node's algorithm), skipping ``node_modules/node_modules``;
- a package with ``exports`` resolves only through it (subpath maps, nested
  conditional objects tried in the package's own key order, ``*`` patterns,
  ``null`` blocking, arrays as fallbacks), with exact targets (no extension
  probing), as in Node and esbuild;
- without ``exports``: the main fields ``browser`` (string form), ``module``,
  ``main`` in that order; for a ``require()`` of a package with both ``module``
  and ``main``, ``main`` (esbuild does so when the main fields are its defaults);
- files resolve exactly, then with esbuild's extensions (``.tsx .ts .jsx .js
  .json``, then ``.mjs .cjs``), then TypeScript's ``.js`` -> ``.ts`` rewrite,
  then as a directory (its package.json main fields, then ``index.*``);
- ``#name`` specifiers resolve through the nearest package.json ``imports``;
  a package may import itself by name through its ``exports``;
- the ``browser`` field's object form remaps files of its package (``false``:
  an empty module) and bare imports made from inside it;
- results are real paths (symlinks resolved), so pnpm's linked packages find
  their own dependencies and load once.

Reads of package.json files, file-system checks and results are cached per
``Resolver`` (one per ModuleGraph, i.e. per load of a Worker).
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Kind = Literal["import", "require"]

BUILD_CONDITIONS = ("workerd", "worker", "browser")
CONDITIONS: dict[str, frozenset[str]] = {
    "import": frozenset((*BUILD_CONDITIONS, "import", "default")),
    "require": frozenset((*BUILD_CONDITIONS, "require", "default")),
}
# esbuild's default resolveExtensions (minus .css), then Node's module extensions.
EXTENSIONS = (".tsx", ".ts", ".jsx", ".js", ".json", ".mjs", ".cjs")
_TS_REWRITES = {".js": (".ts", ".tsx"), ".jsx": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",)}
# What the browser field maps a module to when its value is false.
EMPTY = "isolet-empty:"

_MISSING = object()  # a conditional object with no matching condition (Node's "undefined")


class ResolveError(Exception):
    """The specifier names nothing; ``str()`` is the reason."""


@dataclass(frozen=True, slots=True)
class PackageJson:
    dir: Path
    name: str | None
    type: str | None
    main: str | None
    module: str | None
    browser: str | dict[str, Any] | None
    exports: Any  # _MISSING when absent
    imports: Any  # _MISSING when absent


Target = Path | str  # a file, or EMPTY


class Resolver:
    def __init__(self, files: dict[Path, float] | None = None) -> None:
        self._modes: dict[str, int] = {}
        self._packages: dict[Path, PackageJson | None] = {}
        self._scopes: dict[Path, PackageJson | None] = {}
        self._results: dict[tuple[str, Path, Kind], Target] = {}
        self._real_dirs: dict[Path, Path] = {}
        # package.json files read -> mtime, for live reload.
        self.files: dict[Path, float] = {} if files is None else files

    # -- public ---------------------------------------------------------------------------------

    def resolve(self, specifier: str, importer_dir: Path, kind: Kind = "import") -> Target:
        key = (specifier, importer_dir, kind)
        hit = self._results.get(key)
        if hit is not None:
            return hit
        result = self._resolve(specifier, importer_dir, kind)
        if isinstance(result, Path):
            # Symlinks resolved, as Node and esbuild do (pnpm's node_modules
            # links into .pnpm/; a package finds its own dependencies there).
            result = self._real(result)
        self._results[key] = result
        return result

    def scope(self, directory: Path) -> PackageJson | None:
        """The nearest package.json at or above ``directory``."""
        hit = self._scopes.get(directory, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[return-value]
        pkg = self.package(directory)
        if pkg is None and directory.name != "node_modules" and directory.parent != directory:
            pkg = self.scope(directory.parent)
        self._scopes[directory] = pkg
        return pkg

    def is_node_mode(self, path: Path) -> bool:
        """Whether esbuild treats ``path`` as a Node ES module (``.mjs``/``.mts`` or ``"type": "module"``)."""
        if path.suffix in (".mjs", ".mts"):
            return True
        if path.suffix in (".cjs", ".cts"):
            return False
        pkg = self.scope(path.parent)
        return pkg is not None and pkg.type == "module"

    def package(self, directory: Path) -> PackageJson | None:
        hit = self._packages.get(directory, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[return-value]
        file = directory / "package.json"
        pkg: PackageJson | None = None
        if self._is_file(file):
            try:
                self.files[file] = file.stat().st_mtime
                data = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise ResolveError(f"cannot read {file}: {e}") from e
            if isinstance(data, dict):
                browser = data.get("browser")
                pkg = PackageJson(
                    dir=directory,
                    name=_str(data.get("name")),
                    type=_str(data.get("type")),
                    main=_str(data.get("main")),
                    module=_str(data.get("module")),
                    browser=browser if isinstance(browser, (str, dict)) else None,
                    exports=data.get("exports", _MISSING),
                    imports=data.get("imports", _MISSING),
                )
        self._packages[directory] = pkg
        return pkg

    # -- the algorithm --------------------------------------------------------------------------

    def _resolve(self, specifier: str, importer_dir: Path, kind: Kind) -> Target:
        if specifier.startswith(("./", "../", "/")) or specifier in (".", ".."):
            path = Path(os.path.normpath(importer_dir / specifier))
            found = self._file_or_dir(path, kind)
            if found is None:
                raise ResolveError(f"{path} does not exist")
            return self._browser_file(found)
        if specifier.startswith("#"):
            return self._package_imports(specifier, importer_dir, kind)
        return self._bare(specifier, importer_dir, kind)

    def _bare(self, specifier: str, importer_dir: Path, kind: Kind) -> Target:
        name, subpath = split_package(specifier)
        if name is None:
            raise ResolveError(f'"{specifier}" is not a valid package name')
        scope = self.scope(importer_dir)
        if scope is not None and isinstance(scope.browser, dict):
            mapped = _browser_lookup(scope.browser, (specifier,))
            if mapped is False:
                return EMPTY
            if isinstance(mapped, str) and mapped != specifier:
                return self.resolve(mapped if not mapped.startswith(".") else str(scope.dir / mapped), scope.dir, kind)
        # A package may import itself by name through its exports.
        if scope is not None and scope.name == name and scope.exports is not _MISSING:
            return self._exports(scope, subpath, specifier, kind)
        directory = importer_dir
        while True:
            if directory.name != "node_modules":
                pkg_dir = directory / "node_modules" / name
                if self._is_dir(pkg_dir):
                    pkg = self.package(pkg_dir)
                    if pkg is not None and pkg.exports is not _MISSING:
                        return self._exports(pkg, subpath, specifier, kind)
                    target = pkg_dir if subpath == "." else pkg_dir / subpath[2:]
                    found = self._file_or_dir(target, kind)
                    if found is not None:
                        return self._browser_file(found)
            if directory.parent == directory:
                break
            directory = directory.parent
        raise ResolveError(f'package "{name}" is not installed (no node_modules/{name} above {importer_dir})')

    def _exports(self, pkg: PackageJson, subpath: str, specifier: str, kind: Kind) -> Target:
        exports = pkg.exports
        if isinstance(exports, dict):
            dotted = [k.startswith(".") for k in exports]
            if any(dotted) and not all(dotted):
                raise ResolveError(
                    f'{pkg.dir / "package.json"}: "exports" mixes subpath keys (".") with condition keys'
                )
            if not any(dotted):
                exports = {".": exports}
        else:
            exports = {".": exports}
        result = self._match(subpath, exports, pkg, kind, imports=False)
        if result is None:
            raise ResolveError(
                f'package subpath "{subpath}" is not defined by "exports" in {pkg.dir / "package.json"}'
            )
        if result != EMPTY and not self._is_file(Path(result)):
            raise ResolveError(f'{result} (from "exports" of {pkg.dir / "package.json"}) does not exist')
        return result

    def _package_imports(self, specifier: str, importer_dir: Path, kind: Kind) -> Target:
        if specifier in ("#", "#/") or specifier.startswith("#/"):
            raise ResolveError(f'"{specifier}" is not a valid internal imports specifier')
        scope = self.scope(importer_dir)
        if scope is None or not isinstance(scope.imports, dict):
            raise ResolveError(f'"{specifier}" needs an "imports" field in the package.json above {importer_dir}')
        result = self._match(specifier, scope.imports, scope, kind, imports=True)
        if result is None:
            raise ResolveError(f'"{specifier}" is not defined by "imports" in {scope.dir / "package.json"}')
        if result != EMPTY and not self._is_file(Path(result)):
            raise ResolveError(f'{result} (from "imports" of {scope.dir / "package.json"}) does not exist')
        return result

    def _match(
        self, key: str, mapping: dict[str, Any], pkg: PackageJson, kind: Kind, *, imports: bool
    ) -> Target | None:
        if key in mapping and "*" not in key:
            return _found(self._target(mapping[key], None, pkg, kind, imports))
        best: str | None = None
        best_match = ""
        for candidate in mapping:
            star = candidate.find("*")
            if star < 0 or candidate.find("*", star + 1) >= 0:
                continue
            prefix, suffix = candidate[:star], candidate[star + 1 :]
            if (
                key.startswith(prefix)
                and key != prefix
                and key.endswith(suffix)
                and len(key) >= len(candidate)
                and (best is None or _pattern_better(candidate, best))
            ):
                best = candidate
                best_match = key[len(prefix) : len(key) - len(suffix)]
        if best is None:
            return None
        return _found(self._target(mapping[best], best_match, pkg, kind, imports))

    def _target(self, target: Any, match: str | None, pkg: PackageJson, kind: Kind, imports: bool) -> Any:
        """Node's PACKAGE_TARGET_RESOLVE: a Target, None (null: blocked) or _MISSING (no condition matched)."""
        if isinstance(target, str):
            if not target.startswith("./"):
                if imports and not target.startswith(("../", "/")) and ":" not in target:
                    spec = target if match is None else target.replace("*", match)
                    return self.resolve(spec, pkg.dir, kind)
                raise ResolveError(f'invalid target "{target}" in {pkg.dir / "package.json"}')
            if _bad_segments(target[2:]) or (match is not None and _bad_segments(match)):
                raise ResolveError(f'invalid target "{target}" in {pkg.dir / "package.json"}')
            rel = target[2:] if match is None else target[2:].replace("*", match)
            return self._browser_file(pkg.dir / rel)
        if isinstance(target, list):
            last_error: ResolveError | None = None
            for item in target:
                try:
                    result = self._target(item, match, pkg, kind, imports)
                except ResolveError as e:
                    last_error = e
                    continue
                if result is _MISSING:
                    continue
                return result
            if last_error is not None:
                raise last_error
            return None
        if isinstance(target, dict):
            conditions = CONDITIONS[kind]
            for condition, value in target.items():
                if condition in conditions:
                    result = self._target(value, match, pkg, kind, imports)
                    if result is _MISSING:
                        continue
                    return result
            return _MISSING
        if target is None:
            return None
        raise ResolveError(f"invalid target {target!r} in {pkg.dir / 'package.json'}")

    def _file_or_dir(self, path: Path, kind: Kind) -> Path | None:
        found = self._file(path)
        if found is not None:
            return found
        if self._is_dir(path):
            return self._directory(path, kind)
        return None

    def _file(self, path: Path) -> Path | None:
        if self._is_file(path):
            return path
        text = str(path)
        for ext in EXTENSIONS:
            candidate = Path(text + ext)
            if self._is_file(candidate):
                return candidate
        for ext, replacements in _TS_REWRITES.items():
            if text.endswith(ext):
                stem = text[: -len(ext)]
                for replacement in replacements:
                    candidate = Path(stem + replacement)
                    if self._is_file(candidate):
                        return candidate
        return None

    def _directory(self, path: Path, kind: Kind) -> Path | None:
        pkg = self.package(path)
        if pkg is not None:
            fields: list[str] = []
            if isinstance(pkg.browser, str):
                fields.append(pkg.browser)
            if pkg.module is not None and not (kind == "require" and pkg.main is not None):
                fields.append(pkg.module)
            if pkg.main is not None:
                fields.append(pkg.main)
            for field in fields:
                target = Path(os.path.normpath(path / field))
                found = self._file(target)
                if found is None and self._is_dir(target):
                    found = self._index(target)
                if found is not None:
                    return found
        return self._index(path)

    def _index(self, path: Path) -> Path | None:
        for ext in EXTENSIONS:
            candidate = path / ("index" + ext)
            if self._is_file(candidate):
                return candidate
        return None

    def _browser_file(self, path: Path) -> Target:
        """``path`` after its package's ``browser`` object map."""
        pkg = self.scope(path.parent)
        if pkg is None or not isinstance(pkg.browser, dict):
            return path
        rel = "./" + path.relative_to(pkg.dir).as_posix() if path.is_relative_to(pkg.dir) else None
        if rel is None:
            return path
        keys = [rel]
        for ext in EXTENSIONS:
            if rel.endswith(ext):
                keys.append(rel[: -len(ext)])
        if rel.endswith("/index.js"):
            keys.append(rel[: -len("/index.js")])
        mapped = _browser_lookup(pkg.browser, keys)
        if mapped is False:
            return EMPTY
        if isinstance(mapped, str):
            found = self._file_or_dir(Path(os.path.normpath(pkg.dir / mapped)), "import")
            if found is not None:
                return found
        return path

    # -- file system, cached ----------------------------------------------------------------------

    def _real(self, path: Path) -> Path:
        """``path`` with symlinks resolved; directories' real paths are cached."""
        parent = path.parent
        real_dir = self._real_dirs.get(parent)
        if real_dir is None:
            real_dir = Path(os.path.realpath(parent))
            self._real_dirs[parent] = real_dir
        real = real_dir / path.name
        return Path(os.path.realpath(real)) if os.path.islink(real) else real

    def _mode(self, path: Path) -> int:
        key = str(path)
        mode = self._modes.get(key)
        if mode is None:
            try:
                mode = os.stat(key).st_mode
            except OSError:
                mode = 0
            self._modes[key] = mode
        return mode

    def _is_file(self, path: Path) -> bool:
        return stat.S_ISREG(self._mode(path))

    def _is_dir(self, path: Path) -> bool:
        return stat.S_ISDIR(self._mode(path))


def split_package(specifier: str) -> tuple[str | None, str]:
    """``("@scope/name", "./sub/path")`` from ``"@scope/name/sub/path"``; name None when invalid."""
    parts = specifier.split("/")
    if specifier.startswith("@"):
        if len(parts) < 2 or not parts[1]:
            return None, "."
        name, rest = "/".join(parts[:2]), parts[2:]
    else:
        name, rest = parts[0], parts[1:]
    if not name or name.startswith(".") or "\\" in name or "%" in name:
        return None, "."
    return name, "./" + "/".join(rest) if rest else "."


def _pattern_better(a: str, b: str) -> bool:
    """Node's PATTERN_KEY_COMPARE: whether key ``a`` wins over ``b``."""
    pa, pb = a.index("*"), b.index("*")
    if pa != pb:
        return pa > pb
    return len(a) > len(b)


def _bad_segments(path: str) -> bool:
    return any(seg in ("", ".", "..") or seg.lower() == "node_modules" for seg in path.split("/") if seg != "")


def _browser_lookup(browser: dict[str, Any], keys: tuple[str, ...] | list[str]) -> str | bool | None:
    for key in keys:
        for variant in (key, key[2:] if key.startswith("./") else "./" + key):
            if variant in browser:
                value = browser[variant]
                if value is False:
                    return False
                if isinstance(value, str):
                    return value
    return None


def _found(result: Any) -> Target | None:
    return result if isinstance(result, (Path, str)) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
