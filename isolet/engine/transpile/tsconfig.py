"""JSX options from the nearest tsconfig.json / jsconfig.json, as esbuild reads them.

The file is JSONC (comments, trailing commas). ``extends`` is followed for a
relative or absolute path and for a package name under node_modules. Lookups
are cached per directory; a config file is re-read when its mtime changes.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

CONFIG_NAMES = ("tsconfig.json", "jsconfig.json")
MAX_EXTENDS_DEPTH = 16


@dataclass(frozen=True)
class JsxOptions:
    runtime: Literal["classic", "automatic"] = "classic"
    development: bool = False
    factory: str = "React.createElement"
    fragment: str = "React.Fragment"
    import_source: str = "react"


@dataclass(frozen=True)
class FileOptions:
    """What a source file's tsconfig says that changes the output."""

    jsx: JsxOptions = JsxOptions()
    # `verbatimModuleSyntax` / `preserveValueImports`: unused imports stay (only `type` ones go).
    preserve_value_imports: bool = False


class ConfigError(Exception):
    """A tsconfig that cannot be read; carries the file for the message."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _scan(text: str, on_char: Callable[[str, int, list[str]], int]) -> str:
    """Copy ``text``, passing every character outside a string literal to ``on_char``,
    which appends what it wants and returns the index to continue from."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        else:
            i = on_char(text, i, out)
    return "".join(out)


def _drop_comment(text: str, i: int, out: list[str]) -> int:
    if text.startswith("//", i):
        j = text.find("\n", i)
        return len(text) if j < 0 else j
    if text.startswith("/*", i):
        j = text.find("*/", i + 2)
        out.append(" ")
        return len(text) if j < 0 else j + 2
    out.append(text[i])
    return i + 1


def _drop_trailing_comma(text: str, i: int, out: list[str]) -> int:
    if text[i] == ",":
        j = i + 1
        while j < len(text) and text[j] in " \t\r\n":
            j += 1
        if j < len(text) and text[j] in "}]":
            return i + 1
    out.append(text[i])
    return i + 1


def strip_jsonc(text: str) -> str:
    """JSONC -> JSON: drop // and /* */ comments and trailing commas, leaving strings alone."""
    return _scan(_scan(text, _drop_comment), _drop_trailing_comma)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ConfigError(path, f"cannot read: {e.strerror}") from None
    try:
        data = json.loads(strip_jsonc(text))
    except json.JSONDecodeError as e:
        raise ConfigError(path, f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if not isinstance(data, dict):
        raise ConfigError(path, "the top level is not an object")
    return data


def _resolve_extends(base: Path, spec: str) -> Path | None:
    if spec.startswith((".", "/")):
        candidate = (base.parent / spec).resolve()
        for p in (candidate, candidate.with_name(candidate.name + ".json")):
            if p.is_file():
                return p
        return None
    for directory in (base.parent, *base.parent.parents):
        root = directory / "node_modules" / spec
        for p in (root, root.with_name(root.name + ".json"), root / "tsconfig.json"):
            if p.is_file():
                return p
    return None


def _compiler_options(path: Path, depth: int = 0) -> dict[str, Any]:
    data = _read_json(path)
    merged: dict[str, Any] = {}
    extends = data.get("extends")
    specs = [extends] if isinstance(extends, str) else extends if isinstance(extends, list) else []
    if depth < MAX_EXTENDS_DEPTH:
        for spec in specs:
            if isinstance(spec, str):
                parent = _resolve_extends(path, spec)
                if parent is not None:
                    merged.update(_compiler_options(parent, depth + 1))
    options = data.get("compilerOptions")
    if isinstance(options, dict):
        merged.update(options)
    return merged


def options_from_compiler_options(options: dict[str, Any]) -> FileOptions:
    preserve = options.get("verbatimModuleSyntax") is True or options.get("preserveValueImports") is True
    return FileOptions(_jsx_options(options), preserve)


def _jsx_options(options: dict[str, Any]) -> JsxOptions:
    jsx = str(options.get("jsx", "")).lower()
    result = JsxOptions()
    if jsx in ("react-jsx", "react-jsxdev"):
        result = replace(result, runtime="automatic", development=jsx == "react-jsxdev")
    factory, fragment, source = (options.get(k) for k in ("jsxFactory", "jsxFragmentFactory", "jsxImportSource"))
    if isinstance(factory, str) and factory:
        result = replace(result, factory=factory)
    if isinstance(fragment, str) and fragment:
        result = replace(result, fragment=fragment)
    if isinstance(source, str) and source:
        result = replace(result, import_source=source)
    return result


_lock = threading.Lock()
_config_for_dir: dict[Path, Path | None] = {}
_options_for_config: dict[Path, tuple[int, FileOptions]] = {}


def _find_config(directory: Path) -> Path | None:
    found = _config_for_dir.get(directory, False)
    if found is not False:
        return found  # type: ignore[return-value]
    result: Path | None = None
    for name in CONFIG_NAMES:
        if (directory / name).is_file():
            result = directory / name
            break
    else:
        if directory.parent != directory:
            result = _find_config(directory.parent)
    _config_for_dir[directory] = result
    return result


def config_path_for(path: Path) -> Path | None:
    """The tsconfig.json / jsconfig.json that governs a source file, if any (for live reload to watch)."""
    with _lock:
        return _find_config(path.resolve().parent)


def jsx_options_for(path: Path) -> JsxOptions:
    """The JSX options for a source file, from its nearest tsconfig.json / jsconfig.json."""
    return options_for(path).jsx


def options_for(path: Path) -> FileOptions:
    """The options for a source file, from its nearest tsconfig.json / jsconfig.json."""
    with _lock:
        config = _find_config(path.resolve().parent)
        if config is None:
            return FileOptions()
        try:
            mtime = config.stat().st_mtime_ns
        except OSError:
            return FileOptions()
        cached = _options_for_config.get(config)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        options = options_from_compiler_options(_compiler_options(config))
        _options_for_config[config] = (mtime, options)
        return options


def clear_cache() -> None:
    """Forget which directories have a config: a new tsconfig.json closer to a file is then found."""
    with _lock:
        _config_for_dir.clear()
        _options_for_config.clear()
