"""One ``isolet dev`` serving the KV test Worker per module, with a clock the tests move.

The server reads the time from ``ISOLET_FAKE_TIME_FILE`` (a test hook, see
isolet/util/clock.py), so expiry tests advance time instead of sleeping.
Tests namespace their keys by test name, so they can share the server.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.server import DevProcess

WORKER = Path(__file__).parents[1] / "workers" / "kv"
START_TIME = 1_800_000_000


class TimeFile:
    def __init__(self, path: Path, now: int) -> None:
        self.path = path
        self.set(now)

    def now(self) -> int:
        return int(self.path.read_text())

    def set(self, now: int) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(str(now))
        tmp.replace(self.path)

    def advance(self, seconds: int) -> None:
        self.set(self.now() + seconds)


class KV:
    """Calls ``env[binding][method](...args)`` in the Worker; returns its described result."""

    def __init__(self, server: DevProcess) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.url, timeout=120)

    def call(self, method: str, *args: Any, binding: str = "CACHE") -> dict[str, Any]:
        r = self.http.post("/call", json={"binding": binding, "method": method, "args": list(args)})
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()
        return data

    def ok(self, method: str, *args: Any, binding: str = "CACHE") -> Any:
        data = self.call(method, *args, binding=binding)
        assert "ok" in data, data
        return data["ok"]

    def error(self, method: str, *args: Any, binding: str = "CACHE") -> tuple[str, str]:
        data = self.call(method, *args, binding=binding)
        assert "error" in data, data
        return data["error"]["name"], data["error"]["message"]

    def text(self, key: str, binding: str = "CACHE") -> str | None:
        v = self.ok("get", key, binding=binding)
        return None if v["type"] == "null" else str(v["value"])


def plain(described: dict[str, Any]) -> Any:
    """A described JS value as plain Python (objects -> dict, Map -> list of pairs)."""
    t = described["type"]
    if t in ("null", "undefined"):
        return None
    if t == "ArrayBuffer":
        return base64.b64decode(described["base64"])
    if t == "ReadableStream":
        return described["text"]
    if t == "Map":
        return [(k, plain(v)) for k, v in described["entries"]]
    if t == "Array":
        return [plain(v) for v in described["items"]]
    if t == "object":
        return {k: plain(v) for k, v in described["props"].items()}
    return described.get("value")


@pytest.fixture(scope="module")
def kv_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("kv")
    shutil.copytree(WORKER, home / "worker")
    return home


@pytest.fixture(scope="module")
def clock(kv_home: Path) -> TimeFile:
    return TimeFile(kv_home / "now", START_TIME)


@pytest.fixture(scope="module")
def server(kv_home: Path, clock: TimeFile) -> Iterator[DevProcess]:
    proc = DevProcess(
        kv_home / "worker", "--persist-to", str(kv_home / "state"), env={"ISOLET_FAKE_TIME_FILE": str(clock.path)}
    ).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def kv(server: DevProcess) -> Iterator[KV]:
    client = KV(server)
    yield client
    client.http.close()


@pytest.fixture
def key(request: pytest.FixtureRequest) -> str:
    """A key prefix unique to the test."""
    return request.node.name + ":"
