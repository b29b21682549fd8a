"""Fixtures for the real-project tests: one ``isolet dev`` per project, dependencies from npm.

``projects`` (session scope) keeps at most one ``isolet dev`` running: the one
for the project under test. Starting a project installs its dependencies
(``support.install``: ``npm ci`` once per lock file, cached), copies the
project to a temporary folder with its ``node_modules`` and starts
``isolet dev`` there with ``tests/integration/server.py``'s ``DevProcess``.

Time to first response (process start to the first 200 answer) and the
``npm ci`` time are measured for information only and printed in the test
summary; nothing asserts on them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.integration.server import DevProcess
from tests.projects.support import (
    REQUEST_TIMEOUT_S,
    NpmInstallError,
    NpmMissingError,
    install,
    load_expected,
    load_requests,
    project_copy,
)

LOG_TAIL_LINES = 60


@dataclass
class Timing:
    npm_ci_s: float | None = None
    ready_s: float | None = None
    first_response_s: float | None = None
    note: str = ""

    def describe(self) -> str:
        npm = "cached" if self.npm_ci_s is None else f"{self.npm_ci_s:.2f} s"
        ready = "-" if self.ready_s is None else f"{self.ready_s:.2f} s"
        first = "-" if self.first_response_s is None else f"{self.first_response_s:.2f} s"
        text = f"npm ci {npm}; isolet dev ready after {ready}; first 200 after {first}"
        return f"{text} ({self.note})" if self.note else text


TIMINGS: dict[str, Timing] = {}


class ProjectStartError(Exception):
    pass


class ProjectServers:
    """At most one running ``isolet dev``: the one for the project being tested."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.name = ""
        self.proc: DevProcess | None = None
        self.failures: dict[str, str] = {}
        self.client = httpx.Client(timeout=REQUEST_TIMEOUT_S)

    def server_for(self, name: str) -> DevProcess:
        """The running ``isolet dev`` for project ``name`` (started now if another one runs)."""
        if name in self.failures:
            raise ProjectStartError(
                f"project {name} could not be started (whole message in its first failed test):\n"
                + tail(self.failures[name], 6)
            )
        if name != self.name or self.proc is None:
            self.stop()
            try:
                self.proc = self._start(name)
            except NpmMissingError as e:
                pytest.skip(str(e))
            except AssertionError as e:  # DevProcess: no "Ready on" line; the message holds the log
                self.failures[name] = f"isolet dev did not start for project {name}:\n{tail(str(e))}"
                raise ProjectStartError(self.failures[name]) from None
            except NpmInstallError as e:
                self.failures[name] = str(e)
                raise ProjectStartError(self.failures[name]) from None
            self.name = name
        return self.proc

    def _start(self, name: str) -> DevProcess:
        installed = install(name)
        timing = TIMINGS.setdefault(name, Timing())
        timing.npm_ci_s = installed.npm_ci_s
        cwd = self.root / name
        if not cwd.exists():  # a project visited again (tests reordered) reuses its copy
            project_copy(name, cwd, installed.node_modules)
        started = time.monotonic()
        proc = DevProcess(cwd)
        try:
            proc.start()
        except BaseException:
            proc.stop()
            raise
        timing.ready_s = time.monotonic() - started
        self._first_response(name, proc, started, timing)
        return proc

    def _first_response(self, name: str, proc: DevProcess, started: float, timing: Timing) -> None:
        """Send the project's first request that workerd answered 200 and note when isolet answered."""
        expected = load_expected(name)
        for req in load_requests(name):
            answer = expected.get(req.name)
            if isinstance(answer, dict) and answer.get("status") == 200 and req.method == "GET":
                try:
                    status = req.send(self.client, proc.url).status_code
                except httpx.HTTPError as e:
                    timing.note = f"first request failed: {e!r}"
                    return
                if status == 200:
                    timing.first_response_s = time.monotonic() - started
                else:
                    timing.note = f"{req.id} answered {status}"
                return

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.stop()
            self.proc = None
            self.name = ""

    def close(self) -> None:
        self.stop()
        self.client.close()


def tail(text: str, lines: int = LOG_TAIL_LINES) -> str:
    kept = text.splitlines()
    if len(kept) <= lines:
        return text
    return "\n".join([f"... ({len(kept) - lines} earlier lines)", *kept[-lines:]])


@pytest.fixture(scope="session")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProjectServers]:
    pool = ProjectServers(tmp_path_factory.mktemp("projects"))
    yield pool
    pool.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TIMINGS:
        return
    terminalreporter.section("real projects: time to first response (information, not asserted)")
    for name, timing in TIMINGS.items():
        terminalreporter.write_line(f"{name:>11}: {timing.describe()}")
