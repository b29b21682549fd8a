"""The one error the transpiler raises: a location in the user's file and a reason."""

from __future__ import annotations


class TranspileError(Exception):
    """A TypeScript/JSX file that cannot be turned into JavaScript.

    ``str(e)`` is one line, ``"<path>:<line>:<col>: <reason>"``, with 1-based
    line and column (the column counts characters, as editors do).
    """

    def __init__(self, path: str, line: int, column: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.reason = " ".join(reason.splitlines())
        super().__init__(f"{path}:{line}:{column}: {self.reason}")
