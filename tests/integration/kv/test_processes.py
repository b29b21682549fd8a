"""KV state across processes: crash durability, two servers on one persist dir, the CLI."""

from __future__ import annotations

import json
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.integration.kv.conftest import WORKER
from tests.integration.server import DevProcess, run_cli

Start = Callable[..., DevProcess]
MiB = 1024 * 1024


def _worker(tmp_path: Path) -> Path:
    dst = tmp_path / "worker"
    shutil.copytree(WORKER, dst)
    return dst


def _call(server: DevProcess, method: str, *args: object, binding: str = "CACHE") -> dict[str, object]:
    r = httpx.post(server.url + "/call", json={"binding": binding, "method": method, "args": list(args)}, timeout=60)
    data: dict[str, object] = r.json()
    return data


def test_a_resolved_put_survives_kill_9(dev_server: Start, tmp_path: Path) -> None:
    worker = _worker(tmp_path)
    state = tmp_path / "state"
    first = dev_server(worker, "--persist-to", str(state))
    assert httpx.get(first.url + "/put", params={"key": "small", "value": "kept"}).text == "ok"
    r = httpx.get(first.url + "/stream-put", params={"key": "large", "size": 3 * MiB, "chunk": 65536}, timeout=60)
    assert r.json() == {"ok": True}
    assert first.proc is not None
    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait(10)
    second = dev_server(worker, "--persist-to", str(state))
    assert httpx.get(second.url + "/get", params={"key": "small"}).text == "kept"
    large = httpx.get(second.url + "/stream-get", params={"key": "large"}, timeout=60).content
    assert len(large) == 3 * MiB
    assert large[:251] == bytes(range(251))


def test_two_processes_sharing_a_persist_dir_see_each_others_writes(dev_server: Start, tmp_path: Path) -> None:
    worker = _worker(tmp_path)
    state = tmp_path / "state"
    a = dev_server(worker, "--persist-to", str(state))
    b = dev_server(worker, "--persist-to", str(state))
    assert httpx.get(a.url + "/put", params={"key": "from-a", "value": "A"}).text == "ok"
    assert httpx.get(b.url + "/get", params={"key": "from-a"}).text == "A"
    assert httpx.get(b.url + "/put", params={"key": "from-a", "value": "B"}).text == "ok"
    assert httpx.get(a.url + "/get", params={"key": "from-a"}).text == "B"
    assert _call(b, "delete", "from-a") == {"ok": {"type": "undefined"}}
    assert httpx.get(a.url + "/get", params={"key": "from-a"}).status_code == 404
    # Concurrent writers in both processes: every write lands.
    assert httpx.get(a.url + "/fill", params={"prefix": "a-", "n": 600}, timeout=60).text == "ok"
    assert httpx.get(b.url + "/fill", params={"prefix": "b-", "n": 600}, timeout=60).text == "ok"
    listed = _call(a, "list", {"limit": 1000})
    assert listed["ok"]["props"]["list_complete"] == {"type": "boolean", "value": False}  # type: ignore[index]


def test_cli_round_trips_with_a_running_worker(dev_server: Start, tmp_path: Path) -> None:
    worker = _worker(tmp_path)
    state = ["--persist-to", str(tmp_path / "state")]
    server = dev_server(worker, *state)

    def cli(*args: str) -> str:
        result = run_cli(worker, "kv", *args, *state)
        assert result.returncode == 0, result.stderr
        return result.stdout

    out = cli(
        "key", "put", "greeting", "hello from cli", "--binding", "CACHE", "--metadata", '{"by": "cli"}', "--ttl", "3600"
    )
    assert out == (
        'Writing the value "hello from cli" to key "greeting" on namespace binding: "CACHE" '
        '(id: "cache-namespace-id") with metadata "{"by": "cli"}".\n'
    )
    described = _call(server, "getWithMetadata", "greeting")["ok"]
    assert described["props"]["value"] == {"type": "string", "value": "hello from cli"}  # type: ignore[index]
    assert described["props"]["metadata"]["props"]["by"] == {"type": "string", "value": "cli"}  # type: ignore[index]

    assert httpx.get(server.url + "/put", params={"key": "from-worker", "value": "w ✓"}).text == "ok"
    assert cli("key", "get", "from-worker", "--binding", "CACHE") == "w ✓"
    assert cli("key", "get", "from-worker", "--binding", "CACHE", "--text") == "w ✓\n"
    assert cli("key", "get", "nope", "--binding", "CACHE") == "Value not found\n"

    listed = json.loads(cli("key", "list", "--binding", "CACHE"))
    assert [k["name"] for k in listed] == ["from-worker", "greeting"]
    assert listed[1]["metadata"] == {"by": "cli"}
    assert isinstance(listed[1]["expiration"], int)
    assert "expiration" not in listed[0]

    blob = tmp_path / "value.bin"
    blob.write_bytes(bytes(range(256)) * 4096)
    cli("key", "put", "file", "--path", str(blob), "--binding", "CACHE")
    got = httpx.get(server.url + "/stream-get", params={"key": "file"}).content
    assert got == blob.read_bytes()

    bulk = tmp_path / "bulk.json"
    bulk.write_text(
        json.dumps(
            [
                {"key": "b1", "value": "one"},
                {"key": "b2", "value": "dHdv", "base64": True, "metadata": {"n": 2}},
                {"key": "b3", "value": "three", "expiration_ttl": 600},
            ]
        )
    )
    assert cli("bulk", "put", str(bulk), "--binding", "CACHE") == "Success!\n"
    assert httpx.get(server.url + "/get", params={"key": "b2"}).text == "two"
    assert json.loads(cli("key", "list", "--binding", "CACHE", "--prefix", "b")) == [
        {"name": "b1"},
        {"name": "b2", "metadata": {"n": 2}},
        {"name": "b3", "expiration": listed_expiration(cli)},
    ]

    deletions = tmp_path / "delete.json"
    deletions.write_text(json.dumps(["b1", {"name": "b2"}]))
    assert cli("bulk", "delete", str(deletions), "--binding", "CACHE", "--force") == "Success!\n"
    assert httpx.get(server.url + "/get", params={"key": "b1"}).status_code == 404
    assert cli("key", "delete", "greeting", "--binding", "CACHE") == (
        'Deleting the key "greeting" on namespace binding: "CACHE" (id: "cache-namespace-id").\n'
    )
    assert httpx.get(server.url + "/get", params={"key": "greeting"}).status_code == 404

    namespaces = json.loads(cli("namespace", "list"))
    assert namespaces == [{"id": "cache-namespace-id", "title": "CACHE"}, {"id": "OTHER", "title": "OTHER"}]


def listed_expiration(cli: Callable[..., str]) -> int:
    keys = json.loads(cli("key", "list", "--binding", "CACHE", "--prefix", "b3"))
    value: int = keys[0]["expiration"]
    return value


def test_cli_reports_platform_errors_and_unknown_bindings(tmp_path: Path) -> None:
    worker = _worker(tmp_path)
    r = run_cli(worker, "kv", "key", "put", "k", "v", "--binding", "NOPE", "--persist-to", str(tmp_path / "s"))
    assert r.returncode == 1
    assert 'No KV namespace with binding "NOPE" was found' in r.stderr
    r = run_cli(
        worker, "kv", "key", "put", "k", "v", "--binding", "CACHE", "--ttl", "10", "--persist-to", str(tmp_path / "s")
    )
    assert r.returncode == 1
    assert r.stderr == "error: KV PUT failed: 400 Invalid expiration_ttl of 10. Expiration TTL must be at least 60.\n"
