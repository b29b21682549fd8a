"""``isolet dev`` serves a Worker: examples, request/response fidelity, formats, modules, env."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.integration.server import DevProcess

Start = Callable[..., DevProcess]
Copy = Callable[[str], Path]


def test_hello_example_answers(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("hello"))
    r = httpx.get(server.url + "/")
    assert r.status_code == 200
    assert r.text == "Hello, World!\n"
    assert r.headers["content-type"] == "text/plain;charset=UTF-8"
    assert r.headers["content-length"] == "14"


def test_json_api_example_routes_requests(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("json-api"))
    with httpx.Client(base_url=server.url) as client:
        assert client.get("/").json() == {"name": "json-api", "version": "1"}
        created = client.post("/todos", json={"title": "write tests"})
        assert created.status_code == 201
        assert created.headers["location"] == "/todos/1"
        assert client.patch("/todos/1", json={"done": True}).json() == {"id": 1, "title": "write tests", "done": True}
        assert client.get("/todos").json() == [{"id": 1, "title": "write tests", "done": True}]
        assert client.post("/todos", content=b"{not json").status_code == 400
        assert client.post("/todos", json={"title": ""}).status_code == 422
        assert client.put("/todos/1").status_code == 405
        assert client.delete("/todos/1").status_code == 204
        assert client.get("/todos/1").status_code == 404
        assert client.get("/nope").json() == {"error": "not found", "path": "/nope"}


def test_request_reaches_worker_with_method_url_headers_and_body(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("echo"))
    r = httpx.post(
        server.url + "/path/x?q=1&q=2",
        content=b"payload",
        headers=[("X-Repeat", "a"), ("X-Repeat", "b"), ("Cookie", "c=1")],
    )
    data = r.json()
    assert data["method"] == "POST"
    assert data["url"] == server.url + "/path/x?q=1&q=2"
    assert ["x-repeat", "a, b"] in data["headers"]
    assert data["body"] == "payload"


def test_every_method_is_passed_through(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("echo"))
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND"):
        r = httpx.request(method, server.url + "/m")
        assert r.json()["method"] == method


def test_head_response_has_no_body(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("hello"))
    r = httpx.head(server.url + "/")
    assert r.status_code == 200
    assert r.content == b""


def test_response_status_and_repeated_headers_kept_apart(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("echo"))
    r = httpx.get(server.url + "/cookies")
    assert r.status_code == 201
    assert r.reason_phrase == "Made"
    assert r.headers.get_list("set-cookie") == ["a=1; Path=/", "b=2; Path=/"]
    assert r.headers["x-multi"] == "one, two"


def test_request_cf_has_wrangler_defaults_with_config_overrides(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("echo"))
    cf = httpx.get(server.url + "/").json()["cf"]
    assert cf["colo"] == "AMS" and cf["country"] == "NL"  # from [dev] cf in wrangler.toml
    assert cf["city"] == "Austin" and cf["asn"] == 395747
    assert cf["httpProtocol"] == "HTTP/1.1" and cf["tlsVersion"] == "TLSv1.3"


def test_request_body_larger_than_the_heap_limit_streams_into_the_worker(dev_server: Start, worker_copy: Copy) -> None:
    # 64 MiB through an isolate whose whole heap may hold 32 MiB: only possible
    # if the body is never buffered whole.
    server = dev_server(worker_copy("echo"), "--memory-limit-mb", "32")
    chunk = bytes(range(256)) * 256  # 64 KiB
    count = 64 * 16  # 64 MiB

    def body():  # type: ignore[no-untyped-def]
        for _ in range(count):
            yield chunk

    expected_sum = sum(chunk) * count % 65521
    r = httpx.post(server.url + "/stream-in", content=body(), timeout=120)
    assert r.json() == {"bytes": len(chunk) * count, "sum": expected_sum}


def test_response_body_streams_out_with_flat_memory(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("echo"))
    assert server.proc is not None
    rss_before = _rss_kib(server.proc.pid)
    total = 0
    peak = rss_before
    with httpx.stream("GET", server.url + "/stream-out?mb=1024", timeout=300) as r:
        assert r.headers.get("content-length") is None
        for i, chunk in enumerate(r.iter_raw()):
            total += len(chunk)
            if i % 256 == 0:
                peak = max(peak, _rss_kib(server.proc.pid))
    assert total == 1024 * 1024 * 1024
    # 1 GiB went through; the server grew by far less than that.
    assert peak - rss_before < 200 * 1024, f"RSS grew by {(peak - rss_before) // 1024} MiB"


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_service_worker_format_with_vars_as_globals(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("service-worker"))
    r = httpx.post(server.url + "/sw")
    assert r.text == "hi from a global POST /sw"


def test_worker_entrypoint_class_default_export(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("entrypoint"))
    assert httpx.get(server.url + "/").text == "class entrypoint function"


def test_modules_json_text_and_import_meta_url(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("modules")
    server = dev_server(root)
    data = httpx.get(server.url + "/").json()
    src = (root / "src").resolve()
    assert data == {
        "greet": "hello from modules",
        "config": {"feature": True, "limit": 3},
        "typed": {"typed": "yes"},
        "template": "<h1>{{title}}</h1>\n",
        "notes": "line one\nline two\n",
        "metaUrl": (src / "index.js").as_uri(),
        "libMetaUrl": (src / "lib" / "greet.js").as_uri(),
        "entrypointType": "function",
    }


def test_env_has_vars_dev_vars_secrets_and_cli_vars(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("env"), "--var", "FROM_CLI:cli:value", "--var", "PLAIN:overridden")
    data = httpx.get(server.url + "/").json()
    assert data["env"] == {
        "PLAIN": "overridden",
        "JSONVAR": {"nested": [1, 2]},
        "SECRET_TOKEN": "s3cr3t",
        "FROM_CLI": "cli:value",
    }


def test_env_section_overrides_top_level(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("env"), "--env", "staging")
    data = httpx.get(server.url + "/").json()
    # vars are not inherited by an environment (wrangler's rule); .dev.vars still applies.
    assert data["env"] == {"PLAIN": "staging", "SECRET_TOKEN": "s3cr3t"}


def test_compatibility_date_decides_global_navigator(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("env")
    server = dev_server(root)
    assert httpx.get(server.url + "/").json()["navigator"] == "Cloudflare-Workers"
    server.stop()
    toml = (root / "wrangler.toml").read_text().replace("2025-01-01", "2022-01-01")
    (root / "wrangler.toml").write_text(toml)
    old = dev_server(root)
    assert httpx.get(old.url + "/").json()["navigator"] is None
    flagged = toml.replace('main = "index.js"', 'main = "index.js"\ncompatibility_flags = ["global_navigator"]')
    (root / "wrangler.toml").write_text(flagged)
    server3 = dev_server(root)
    assert httpx.get(server3.url + "/").json()["navigator"] == "Cloudflare-Workers"


def test_malformed_http_gets_400_and_server_keeps_serving(dev_server: Start, worker_copy: Copy) -> None:
    import socket

    server = dev_server(worker_copy("hello"))
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"GARBAGE / HTTP/9.9\r\nno-colon-header\r\n\r\n")
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 400")
    assert httpx.get(server.url + "/").status_code == 200


def test_json_response_is_parseable(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("echo"))
    assert json.loads(httpx.get(server.url + "/").content)["method"] == "GET"


def test_wasm_and_data_modules_load_as_compiled_module_and_array_buffer(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("wasm"))
    assert httpx.get(server.url + "/").json() == {
        "isModule": True,
        "sum": 42,
        "data": [1, 2, 3, 250],
        "dataIsBuffer": True,
    }


def _raw(server: DevProcess, data: bytes, expect_responses: int) -> bytes:
    import socket

    host, port = server.url.removeprefix("http://").split(":")
    out = b""
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(data)
        while out.count(b"HTTP/1.1 ") < expect_responses or not out.endswith(b"\n"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            out += chunk
    return out


def test_pipelined_requests_are_answered_in_order(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("echo"))
    reply = _raw(
        server,
        b"GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n",
        expect_responses=2,
    )
    assert reply.count(b"HTTP/1.1 200") == 2
    assert reply.index(b"/first") < reply.index(b"/second")


def test_expect_100_continue_gets_an_interim_response_then_the_answer(dev_server: Start, worker_copy: Copy) -> None:
    import socket

    server = dev_server(worker_copy("echo"))
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        interim = sock.recv(4096)
        assert interim.startswith(b"HTTP/1.1 100")
        sock.sendall(b"hello")
        final = b""
        while b'"body":"hello"' not in final:
            chunk = sock.recv(65536)
            assert chunk, final
            final += chunk
    assert b"HTTP/1.1 200" in final
