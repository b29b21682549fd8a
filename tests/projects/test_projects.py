"""Real Worker projects answer every request exactly as workerd does.

Five wrangler projects as people write them (``tests/projects/<name>/``):
a Hono app (routing, middleware, JSX, zod validation), an itty-router app, a
TypeScript Worker signing and verifying JWTs with ``jose``, a Worker using
CommonJS-only packages, and a ``nodejs_compat`` Worker (Buffer,
AsyncLocalStorage, node:crypto, events, util, path, zlib, stream). Their
dependencies come from the npm registry (``npm ci``, cached by lock file);
each project is served by a real ``isolet dev`` and every request of its
``requests.json`` must get the answer ``scripts/record_projects.py`` recorded
from ``wrangler dev`` (workerd) in ``expected.json``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from tests.projects.conftest import ProjectServers, ProjectStartError, tail
from tests.projects.support import (
    NAMES,
    PROJECTS,
    ProjectRequest,
    diff,
    load_expected,
    load_requests,
)

REQUESTS = [req for name in NAMES for req in load_requests(name)]
EXPECTED = {name: load_expected(name) for name in NAMES}


@pytest.mark.integration
@pytest.mark.parametrize("req", REQUESTS, ids=[r.id for r in REQUESTS])
def test_project_answers_as_workerd(req: ProjectRequest, projects: ProjectServers) -> None:
    try:
        server = projects.server_for(req.project)
    except ProjectStartError as e:
        start_error = str(e)
    else:
        start_error = ""
    if start_error:
        pytest.fail(start_error, pytrace=False)
    log_start = len(server.lines)
    try:
        actual = req.answer(projects.client, server.url)
    except httpx.HTTPError as e:
        send_error = f"{req.id}: {req.method} {req.path} failed: {e!r}"
    else:
        send_error = ""
    if send_error:
        pytest.fail(f"{send_error}\n{_log_since(server.lines, log_start)}", pytrace=False)
    expected = EXPECTED[req.project][req.name]
    if actual != expected:
        pytest.fail(
            f"{req.id}: {req.method} {req.path} answered differently from workerd\n"
            f"{diff(expected, actual)}\n{_log_since(server.lines, log_start)}",
            pytrace=False,
        )


def _log_since(lines: list[str], start: int) -> str:
    new = lines[start:]
    if not new:
        return "(isolet logged nothing for this request)"
    return "isolet log for this request:\n" + tail("\n".join(new))


def test_every_request_has_a_recorded_answer_of_the_compared_parts() -> None:
    for name in NAMES:
        expected = EXPECTED[name]
        requests = load_requests(name)
        assert [r.name for r in requests] == list(expected), name
        for req in requests:
            answers = expected[req.name] if req.concurrency else [expected[req.name]]
            assert len(answers) == max(req.concurrency, 1), req.id
            for answer in answers:
                _assert_answer_holds_compared_parts(req, answer)


def _assert_answer_holds_compared_parts(req: ProjectRequest, answer: dict[str, Any]) -> None:
    parts = {p for p in req.compare if not p.startswith("headers:")}
    headers = {p.removeprefix("headers:") for p in req.compare if p.startswith("headers:")}
    assert parts | ({"headers"} if headers else set()) == set(answer), req.id
    assert headers == set(answer.get("headers", {})), req.id


def test_projects_are_wrangler_projects_with_exact_dependency_versions() -> None:
    exact = re.compile(r"^\d+\.\d+\.\d+$")
    for name in NAMES:
        folder = PROJECTS / name
        package: dict[str, Any] = json.loads((folder / "package.json").read_text())
        lock: dict[str, Any] = json.loads((folder / "package-lock.json").read_text())
        wrangler = (folder / "wrangler.toml").read_text()
        main = re.search(r'^main = "([^"]+)"', wrangler, re.M)
        assert main is not None and (folder / main.group(1)).is_file(), name
        date = re.search(r'^compatibility_date = "(\d{4}-\d{2}-\d{2})"', wrangler, re.M)
        assert date is not None and date.group(1) <= "2026-04-26", name
        for dep, version in package.get("dependencies", {}).items():
            assert exact.match(version), f"{name}: {dep}@{version} is not an exact version"
            assert lock["packages"][f"node_modules/{dep}"]["version"] == version, f"{name}: lock file out of date"
        assert not (folder / "node_modules").exists(), f"{name}: node_modules must not be committed"
        if main.group(1).endswith((".ts", ".tsx")):
            assert (folder / "tsconfig.json").is_file(), name
