"""Remove comments and indentation from JavaScript, keeping every line break.

V8 keeps each script's source text in every isolate's heap, so the runtime JS
executed into the startup snapshot (engine/snapshot.py) costs its size once
per isolate. ``strip_js`` drops comments, the indentation of every line and
trailing whitespace, and nothing else: every line terminator stays (a block
comment spanning lines becomes just its line breaks), so every token keeps
its line number and stack traces into runtime code stay right (columns
shift). The text of string, template and regex literals is never touched: a
line that starts inside a multi-line template literal, or inside a string
continued with a backslash, keeps its indentation.

A comment is treated as the whitespace it stands for: one that separated two
tokens on the same line leaves a space (``a/**/b`` -> ``a b``), one that held
a line break leaves that line break (automatic semicolon insertion reads the
same). A space between two tokens on a line goes where the tokens cannot join
into one (``x = a + b`` -> ``x=a+b``; ``a + +b``, ``1 .x``, ``typeof x`` and a
word after a regex's flags keep theirs): the tokens, and the line of each, are
exactly those of the input. On the runtime JS this saves 7% beyond removing
comments and indentation (28% in all).

Source that tree-sitter does not parse cleanly (an ERROR or MISSING node), or
that holds an HTML-like comment (``<!--``, whose meaning depends on the
script goal), comes back unchanged. The snapshot cache key includes this
file's source, so any change here rebuilds the snapshot.
"""

from __future__ import annotations

import re
from functools import cache

from tree_sitter import Query, QueryCursor

from isolet.engine.transpile import _parser

# Line terminators a comment may contain; each is kept, in order (V8 counts
# \r\n, \n, \r, U+2028 and U+2029 each as one line end).
_LINE_BREAK_RE = re.compile(rb"\r\n|[\r\n]|\xe2\x80[\xa8\xa9]")
# Whitespace around a line break in code: dropped, the break kept.
_AROUND_BREAK_RE = re.compile(rb"[ \t\f\v]*(\r\n|[\r\n])[ \t\f\v]*")
_BLANK = b" \t\f\v"
# A run of blanks inside a line, with the bytes either side of it.
_INNER_BLANK_RE = re.compile(rb"([^ \t\f\v\r\n])[ \t\f\v]+(?=([^ \t\f\v\r\n]))")
# Bytes that may continue a word (identifier, keyword, number, regex flags);
# every non-ASCII byte counts, so a space next to one always stays.
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$\\") | frozenset(range(0x80, 0x100))
# Bytes of punctuators that can join into a longer one (`+ +`, `/ /`, `< !--`, `? .`).
_OPERATOR = frozenset(b"+-*/%=<>!&|^~?.:#@")
_DIGIT = frozenset(b"0123456789")
_DOT = ord(".")

_COMMENT, _LITERAL, _REGEX = 0, 1, 2

_QUERY = """
(comment) @comment
(html_comment) @html_comment
(string) @literal
(regex) @regex
(hash_bang_line) @literal
(template_string) @template
"""


def strip_js(source: str) -> str:
    """``source`` without comments, indentation or trailing whitespace, line breaks kept."""
    try:
        data = source.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: leave such a file alone
        return source
    spans = _spans(data)
    if spans is None:
        return source
    out: list[bytes] = []
    code = bytearray()  # the code text (comments replaced) since the last literal
    left = b""  # what precedes ``code``: nothing (start of file) or a literal's last byte
    pos = 0
    for start, end, kind in spans:
        code += data[pos:start]
        if kind == _COMMENT:
            breaks = _LINE_BREAK_RE.findall(data, start, end)
            code += b"".join(breaks) if breaks else b" "
        else:
            out.append(_tidy(bytes(code), left, data[start : start + 1]))
            out.append(data[start:end])
            code.clear()
            # a regex ends with its flags: a word after it must stay apart
            left = b"g" if kind == _REGEX else data[end - 1 : end]
        pos = end
    code += data[pos:]
    out.append(_tidy(bytes(code), left, b""))
    return b"".join(out).decode("utf-8")


def _tidy(code: bytes, left: bytes, right: bytes) -> bytes:
    """Drop the whitespace of a run of code text that no token needs.

    ``left`` and ``right`` are the bytes just before and after it (empty at
    the start and end of the file).
    """
    code = _AROUND_BREAK_RE.sub(rb"\1", code)
    if not left:
        code = code.lstrip(_BLANK)
    if not right:
        code = code.rstrip(_BLANK)
    text = _INNER_BLANK_RE.sub(_join, left + code + right)
    return text[len(left) : len(text) - len(right)]


def _join(m: re.Match[bytes]) -> bytes:
    """``x`` and a space, or ``x`` alone when ``x`` and ``y`` cannot join into one token."""
    x, y = m[1][0], m[2][0]
    if (
        (x in _WORD and y in _WORD)
        or (x in _OPERATOR and y in _OPERATOR)
        or (x in _DIGIT and y == _DOT)
        or (x == _DOT and y in _DIGIT)
    ):
        return m[1] + b" "
    return m[1]


def _spans(data: bytes) -> list[tuple[int, int, int]] | None:
    """Sorted, disjoint ``(start, end, kind)`` byte ranges: comments and literal text.

    A template literal contributes its text between substitutions; the
    substitutions are code, whose own comments and literals are listed
    separately. None when the source does not parse cleanly.
    """
    root = _parser.parse(data, False).root_node
    if root.has_error:
        return None
    captures = QueryCursor(_query()).captures(root)
    if captures.get("html_comment"):
        return None
    spans = [(n.start_byte, n.end_byte, _COMMENT) for n in captures.get("comment", [])]
    spans += [(n.start_byte, n.end_byte, _LITERAL) for n in captures.get("literal", [])]
    spans += [(n.start_byte, n.end_byte, _REGEX) for n in captures.get("regex", [])]
    for template in captures.get("template", []):
        start = template.start_byte
        for child in template.children:
            if child.type == "template_substitution":
                spans.append((start, child.start_byte, _LITERAL))
                start = child.end_byte
        spans.append((start, template.end_byte, _LITERAL))
    spans.sort()
    return spans


@cache
def _query() -> Query:
    return Query(_parser.language(False), _QUERY)
