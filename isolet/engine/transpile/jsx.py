"""JSX helpers: text cleanup, entity decoding, names and per-file pragmas (esbuild's rules).

The element transform itself lives in transform.py, next to the walk that
renders embedded expressions; this module holds the string-level rules.
"""

from __future__ import annotations

import html.entities
import json
import re
from dataclasses import replace

from isolet.engine.transpile.tsconfig import JsxOptions

# The HTML 4 named entities plus &apos; — the set JSX (and esbuild) decodes; HTML5-only names stay as text.
_ENTITIES: dict[str, str] = {name: chr(cp) for name, cp in html.entities.name2codepoint.items()}
_ENTITIES["apos"] = "'"
_ENTITY_RE = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*));")
_IDENTIFIER_RE = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")
_PRAGMA_RE = re.compile(r"@(jsxImportSource|jsxRuntime|jsxFrag|jsx)\s+([^\s*]+)")


def _entity(match: re.Match[str]) -> str:
    hex_digits, dec_digits, name = match.groups()
    if name is not None:
        return _ENTITIES.get(name, match.group(0))
    code = int(hex_digits, 16) if hex_digits is not None else int(dec_digits)
    return chr(code) if code <= 0x10FFFF else match.group(0)


def decode_entities(text: str) -> str:
    return _ENTITY_RE.sub(_entity, text) if "&" in text else text


def clean_text(raw: str) -> str | None:
    """A JSX text child as React sees it, or None when it vanishes.

    Text on one line is kept as is. Text spanning lines is split into lines;
    every line but the first loses leading spaces/tabs, every line but the last
    loses trailing ones, lines left empty are dropped, and the rest are joined
    with one space. Entities are decoded afterwards.
    """
    lines = re.split(r"\r\n|\r|\n", raw)
    if len(lines) == 1:
        return decode_entities(raw) if raw else None
    kept: list[str] = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if i > 0:
            line = line.lstrip(" \t")
        if i < last:
            line = line.rstrip(" \t")
        if line:
            kept.append(line)
    return decode_entities(" ".join(kept)) if kept else None


def js_string(value: str) -> str:
    """A JavaScript string literal for ``value`` (JSON's syntax is valid JS; non-ASCII is escaped)."""
    return json.dumps(value)


def property_key(name: str) -> str:
    return name if _IDENTIFIER_RE.match(name) else js_string(name)


def tag_is_string(name: str) -> bool:
    """``<div>`` and ``<my-elem>`` name strings; ``<Foo>``, ``<_x>``, ``<$y>`` name variables."""
    return "a" <= name[0] <= "z" or "-" in name


def apply_pragmas(options: JsxOptions, comments: list[str]) -> JsxOptions:
    """Per-file ``@jsx``, ``@jsxFrag``, ``@jsxRuntime`` and ``@jsxImportSource`` comments."""
    for comment in comments:
        body = comment[:-2] if comment.endswith("*/") else comment
        for name, value in _PRAGMA_RE.findall(body):
            if name == "jsx":
                options = replace(options, factory=value)
            elif name == "jsxFrag":
                options = replace(options, fragment=value)
            elif name == "jsxRuntime" and value in ("classic", "automatic"):
                options = replace(options, runtime="classic" if value == "classic" else "automatic")
            elif name == "jsxImportSource":
                options = replace(options, import_source=value)
    return options
