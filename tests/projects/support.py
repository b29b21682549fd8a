"""Real Worker projects: npm install cache, project copies, request replay and comparison.

Shared by the tests (``tests/projects/test_projects.py``) and the recorder
(``scripts/record_projects.py``), so both send exactly the same requests and
read answers the same way.

Each project folder ``tests/projects/<name>/`` is a wrangler project as people
write it (``package.json``, ``package-lock.json``, ``wrangler.toml``,
``src/``), plus:

``requests.json``
    ``[{"name", "method", "path", "headers"?, "body"? | "json"?, "compare"?}]``.
    ``compare`` lists what must equal workerd's answer: ``"status"``,
    ``"body"`` (parsed as JSON when the content type says JSON, else text) and
    ``"headers:<name>"``; it defaults to ``DEFAULT_COMPARE``. Parts that vary
    between runs (timings, random values) are left out of ``compare`` and a
    ``"note"`` says why. ``"concurrency": N`` sends N copies of the request at
    once, copy i with the header ``x-copy: i``; its answer is the list of the
    N answers in copy order.
``expected.json``
    ``{"recorded_with": str, "answers": {name: {"status", "headers", "body"}}}``
    holding only the compared parts, written by ``scripts/record_projects.py``.

``node_modules`` is never committed: ``install(name)`` runs ``npm ci`` once per
lock file into a cache (``~/.cache/isolet/projects/<name>-<lock sha>/``, or
``$ISOLET_PROJECTS_CACHE``) and ``project_copy`` hard-links it into a
temporary copy of the project.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

PROJECTS = Path(__file__).resolve().parent
NAMES = ("hono", "itty", "jose", "cjs", "nodecompat")
DEFAULT_COMPARE = ("status", "headers:content-type", "body")
NPM_TIMEOUT_S = 600.0
REQUEST_TIMEOUT_S = 30.0
# Sent with every request, so that isolet and workerd see the same request head.
CLIENT_HEADERS = {"user-agent": "isolet-projects/1", "accept-encoding": "identity"}
# Files of a project that are test data, not part of the Worker project.
NOT_PROJECT_FILES = ("requests.json", "expected.json", "node_modules", ".wrangler", ".isolet")


class NpmMissingError(RuntimeError):
    """No ``npm`` on PATH: the projects' dependencies cannot be installed."""


class NpmInstallError(RuntimeError):
    """``npm ci`` failed (registry unreachable, lock file out of date, ...)."""


def cache_root() -> Path:
    override = os.environ.get("ISOLET_PROJECTS_CACHE")
    if override:
        return Path(override).expanduser()
    return Path.home() / ".cache" / "isolet" / "projects"


def lock_hash(name: str) -> str:
    """The first 16 hex digits of the SHA-256 of the project's package-lock.json."""
    return hashlib.sha256((PROJECTS / name / "package-lock.json").read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class Install:
    node_modules: Path
    # Seconds ``npm ci`` took, or None when the cache already held this lock file's install.
    npm_ci_s: float | None


def install(name: str) -> Install:
    """``npm ci`` the project's lock file into the cache (once per lock file) and return where it is."""
    final = cache_root() / f"{name}-{lock_hash(name)}"
    if (final / "node_modules").is_dir():
        return Install(final / "node_modules", None)
    npm = shutil.which("npm")
    if npm is None:
        raise NpmMissingError(
            "npm is not on PATH: the real-project tests install each project's dependencies "
            "from the npm registry with `npm ci` (install Node.js/npm to run them)"
        )
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.with_name(f"{final.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for file in ("package.json", "package-lock.json"):
        shutil.copyfile(PROJECTS / name / file, staging / file)
    started = time.monotonic()
    result = subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=staging,
        capture_output=True,
        text=True,
        timeout=NPM_TIMEOUT_S,
        stdin=subprocess.DEVNULL,
    )
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise NpmInstallError(f"`npm ci` failed for project {name} (exit {result.returncode}):\n{result.stderr}")
    (staging / "node_modules").mkdir(exist_ok=True)  # a project without dependencies gets none
    try:
        staging.rename(final)
    except OSError:  # another process finished the same install first
        shutil.rmtree(staging, ignore_errors=True)
    return Install(final / "node_modules", elapsed)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(src, dst)


def project_copy(name: str, dest: Path, node_modules: Path) -> Path:
    """Copy project ``name`` to ``dest`` (without test data) and hard-link ``node_modules`` into it."""
    shutil.copytree(PROJECTS / name, dest, ignore=shutil.ignore_patterns(*NOT_PROJECT_FILES))
    shutil.copytree(node_modules, dest / "node_modules", symlinks=True, copy_function=_link_or_copy)
    return dest


@dataclass(frozen=True)
class ProjectRequest:
    project: str
    name: str
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    json_body: Any = None
    compare: tuple[str, ...] = DEFAULT_COMPARE
    concurrency: int = 0

    @property
    def id(self) -> str:
        return f"{self.project}/{self.name}"

    def answer(self, client: httpx.Client, base_url: str) -> Any:
        """Send the request (or its concurrent copies) and return the compared parts of the answer(s)."""
        if self.concurrency <= 0:
            return observe(self.send(client, base_url), self.compare)
        with ThreadPoolExecutor(self.concurrency) as pool:
            copies = [pool.submit(self.send, client, base_url, {"x-copy": str(i)}) for i in range(self.concurrency)]
            return [observe(copy.result(), self.compare) for copy in copies]

    def send(self, client: httpx.Client, base_url: str, extra_headers: dict[str, str] | None = None) -> httpx.Response:
        headers = dict(CLIENT_HEADERS)
        content: bytes | None = None
        if self.json_body is not None:
            headers["content-type"] = "application/json"
            content = json.dumps(self.json_body).encode()
        elif self.body is not None:
            content = self.body.encode()
        headers.update(self.headers)
        headers.update(extra_headers or {})
        return client.request(self.method, base_url.rstrip("/") + self.path, headers=headers, content=content)


def load_requests(name: str) -> list[ProjectRequest]:
    raw: list[dict[str, Any]] = json.loads((PROJECTS / name / "requests.json").read_text())
    requests = [
        ProjectRequest(
            project=name,
            name=item["name"],
            method=item.get("method", "GET"),
            path=item["path"],
            headers=item.get("headers", {}),
            body=item.get("body"),
            json_body=item.get("json"),
            compare=tuple(item.get("compare", DEFAULT_COMPARE)),
            concurrency=item.get("concurrency", 0),
        )
        for item in raw
    ]
    names = [r.name for r in requests]
    if len(set(names)) != len(names):
        raise ValueError(f"{name}/requests.json: request names must be unique")
    return requests


def load_expected(name: str) -> dict[str, Any]:
    path = PROJECTS / name / "expected.json"
    if not path.exists():
        return {}
    answers: dict[str, Any] = json.loads(path.read_text())["answers"]
    return answers


def _body(resp: httpx.Response) -> Any:
    if "json" in resp.headers.get("content-type", ""):
        try:
            return resp.json()
        except ValueError:
            pass
    return resp.text


def observe(resp: httpx.Response, compare: tuple[str, ...]) -> dict[str, Any]:
    """The parts of ``resp`` that ``compare`` names, in expected.json's shape."""
    answer: dict[str, Any] = {}
    headers: dict[str, str | list[str] | None] = {}
    for part in compare:
        if part == "status":
            answer["status"] = resp.status_code
        elif part == "body":
            answer["body"] = _body(resp)
        elif part.startswith("headers:"):
            header = part.removeprefix("headers:").lower()
            values = resp.headers.get_list(header)
            headers[header] = None if not values else values[0] if len(values) == 1 else values
        else:
            raise ValueError(f"unknown compare item {part!r} (use status, body or headers:<name>)")
    if headers:
        answer["headers"] = headers
    return answer


def diff(expected: Any, actual: Any) -> str:
    """A unified diff of two answers, as pretty-printed JSON."""
    a = json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False).splitlines()
    b = json.dumps(actual, indent=2, sort_keys=True, ensure_ascii=False).splitlines()
    return "\n".join(difflib.unified_diff(a, b, "workerd (expected.json)", "isolet", lineterm=""))
