"""``console.*`` output: JS formats the arguments, Python routes the line."""

from __future__ import annotations

from isolet.runtime.host import IsolateHost

_LEVELS = frozenset({"log", "info", "warn", "error", "debug", "trace"})


def op_console_write(host: IsolateHost, level: str, text: str) -> None:
    host.log(level if level in _LEVELS else "log", text)
