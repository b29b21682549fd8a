"""Errors that isolet reports to the person running it.

`IsoletError` is the base of every error that is the user's to fix (a bad
config file, a bad flag). The CLI catches it, prints `str(error)` and exits
with status 2; anything else is a bug in isolet and gets a traceback.
"""

from __future__ import annotations


class IsoletError(Exception):
    """Base class for errors whose message is meant for the user, on one line."""


class ConfigError(IsoletError):
    """A configuration file (or a flag that overrides one) is wrong.

    `file` is the path as the user should see it, `key` the dotted key inside
    the file (`env.staging.vars`, `kv_namespaces[0].binding`) or None when the
    problem is the file as a whole, `reason` what is wrong, without a trailing
    period so that callers can compose it.
    """

    file: str
    key: str | None
    reason: str

    def __init__(self, file: str, key: str | None, reason: str) -> None:
        super().__init__(file, key, reason)
        self.file = file
        self.key = key
        self.reason = reason

    def __str__(self) -> str:
        # One line, always: the CLI prints it as is, and multi-line reasons
        # (e.g. from a parser) would break log greps.
        reason = " ".join(self.reason.split())
        if self.key is None:
            return f"{self.file}: {reason}"
        return f"{self.file}: {self.key}: {reason}"


class JSError(IsoletError):
    """A user-facing error an op raises: it reaches JS as ``js_class`` with ``message``.

    ``js_class`` is a JS error class name (``"TypeError"``, ``"RangeError"``)
    or ``"DOMException:<name>"`` (``"DOMException:NotFoundError"``). It crosses
    the boundary as the text ``jsg.<js_class>: <message>`` (workerd's
    convention), which the runtime JS turns back into that class. Any other
    exception from an op becomes "internal error; reference = <id>".
    """

    PREFIX = "jsg."

    def __init__(self, js_class: str, message: str) -> None:
        self.js_class = js_class
        self.message = message
        super().__init__(f"{self.PREFIX}{js_class}: {message}")
