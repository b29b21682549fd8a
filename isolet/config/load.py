"""Find a wrangler configuration file and read it into a plain dict.

No validation happens here beyond "the file parses and its top level is a
table/object"; `validate.build_config` checks the values.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from isolet.errors import ConfigError

# wrangler's search order (workers-utils `findWranglerConfig`): each name is
# looked for in `cwd` and then every parent folder before the next name is
# tried, so a wrangler.json in a parent wins over a wrangler.toml in `cwd`.
CONFIG_FILE_NAMES: tuple[str, ...] = ("wrangler.json", "wrangler.jsonc", "wrangler.toml")


def find_config(cwd: Path) -> Path:
    """The config file wrangler would use when run in `cwd`; ConfigError if there is none."""
    start = cwd.resolve()
    for name in CONFIG_FILE_NAMES:
        for folder in (start, *start.parents):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    raise ConfigError(
        str(cwd), None, "no wrangler.json, wrangler.jsonc or wrangler.toml found here or in any parent folder"
    )


def load_raw(path: Path) -> dict[str, Any]:
    """Parse `path` by its suffix: `.toml`, or `.json`/`.jsonc` (both as JSONC, as wrangler does)."""
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json", ".jsonc"):
        raise ConfigError(file, None, "unsupported config file type; expected .toml, .json or .jsonc")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(file, None, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(file, None, f"cannot read file: {exc}") from None

    data: object
    if suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            # The message already ends with "(at line L, column C)".
            raise ConfigError(file, None, f"invalid TOML: {exc}") from None
    else:
        data = parse_jsonc(text, file=file)
    if not isinstance(data, dict):
        raise ConfigError(file, None, "the top level must be an object")
    return data


def parse_jsonc(text: str, *, file: str) -> object:
    """Parse JSON with `//` and `/* */` comments and trailing commas (what wrangler accepts)."""
    cleaned = strip_jsonc(text, file=file)
    try:
        return json.loads(cleaned)
    except json.JSONDecodeError as exc:
        raise ConfigError(file, None, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def strip_jsonc(text: str, *, file: str) -> str:
    """Return `text` as plain JSON, same length and line breaks.

    Comments become spaces (newlines inside block comments are kept) and a
    comma followed only by whitespace/comments and then `}` or `]` becomes a
    space, so line/column numbers reported by `json` still point into the
    original file. Text inside strings, including `//` and `/*`, is untouched.
    """
    out = list(text)
    n = len(text)
    i = 0
    pending_comma = -1  # index of the last comma not yet followed by a value
    while i < n:
        ch = text[i]
        if ch == '"':
            pending_comma = -1
            i += 1
            while i < n and text[i] != '"':
                if text[i] == "\\":
                    i += 1  # skip the escaped character, whatever it is
                elif text[i] == "\n":
                    break  # unterminated string: let the JSON parser report it
                i += 1
            i += 1
            continue
        if ch == "/" and i + 1 < n and text[i + 1] == "/":
            while i < n and text[i] != "\n":
                out[i] = " "
                i += 1
            continue
        if ch == "/" and i + 1 < n and text[i + 1] == "*":
            end = text.find("*/", i + 2)
            if end < 0:
                line = text.count("\n", 0, i) + 1
                column = i - (text.rfind("\n", 0, i) + 1) + 1
                raise ConfigError(file, None, f"invalid JSON at line {line}, column {column}: unterminated comment")
            for j in range(i, end + 2):
                if out[j] != "\n":
                    out[j] = " "
            i = end + 2
            continue
        if ch in " \t\r\n":
            i += 1
            continue
        if ch in "}]" and pending_comma >= 0:
            out[pending_comma] = " "
        pending_comma = i if ch == "," else -1
        i += 1
    return "".join(out)
