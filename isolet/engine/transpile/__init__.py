"""TypeScript and JSX without Node.js: a pure-Python, position-preserving transform.

    from isolet.engine.transpile import transpile_file, TranspileError
    js = transpile_file(Path("src/index.ts"), source)

Types are erased in place (blanked), so every remaining token keeps its line
and column and stack traces point into the original file. Enums, parameter
properties and JSX are rewritten keeping each construct on its own lines.
Syntax that would need a real compiler (namespaces with values, decorators,
``import x = require()``, ``export =``) raises TranspileError naming the
file, line and column.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from isolet.engine.transpile.errors import TranspileError
from isolet.engine.transpile.transform import Transform
from isolet.engine.transpile.tsconfig import ConfigError, FileOptions, JsxOptions, options_for

__all__ = ["TRANSPILED_SUFFIXES", "TranspileError", "transpile", "transpile_file"]

# suffix -> (is TypeScript, parse with the TSX grammar)
_KINDS: dict[str, tuple[bool, bool]] = {
    ".ts": (True, False),
    ".mts": (True, False),
    ".cts": (True, False),
    ".tsx": (True, True),
    ".jsx": (False, True),
}
TRANSPILED_SUFFIXES = frozenset(_KINDS)


def transpile(source: str, *, path: str = "<input>", typescript: bool = True, tsx: bool = False,
              jsx: JsxOptions | None = None, preserve_value_imports: bool = False) -> str:
    """Transform ``source`` with explicit options (JSX options default to the classic runtime)."""
    options = FileOptions(jsx or JsxOptions(), preserve_value_imports)
    return _run(source, path, typescript, tsx, lambda: options)


def transpile_file(path: Path, source: str) -> str:
    """JavaScript for a .ts/.tsx/.mts/.cts/.jsx file; JSX options come from the nearest tsconfig.json."""
    typescript, tsx = _KINDS.get(path.suffix.lower(), (True, False))

    def options() -> FileOptions:
        try:
            return options_for(path)
        except ConfigError as e:
            raise TranspileError(str(e.path), 1, 1, e.reason) from None

    return _run(source, str(path), typescript, tsx, options)


def _run(source: str, path: str, typescript: bool, tsx: bool, options: Callable[[], FileOptions]) -> str:
    transform = Transform(path, source.encode(), typescript=typescript, tsx=tsx, options=options)
    try:
        return transform.run()
    except RecursionError:
        raise TranspileError(path, 1, 1, "the file nests too deeply to transpile") from None
