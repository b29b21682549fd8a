"""tree-sitter languages and parsers, created once (per thread: a Parser is not thread-safe)."""

from __future__ import annotations

import threading
from functools import cache

import tree_sitter_typescript
from tree_sitter import Language, Parser, Tree

_local = threading.local()


@cache
def language(tsx: bool) -> Language:
    return Language(tree_sitter_typescript.language_tsx() if tsx else tree_sitter_typescript.language_typescript())


def parse(source: bytes, tsx: bool) -> Tree:
    parsers: dict[bool, Parser] | None = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    parser = parsers.get(tsx)
    if parser is None:
        parser = parsers[tsx] = Parser(language(tsx))
    return parser.parse(source)
