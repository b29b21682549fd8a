"""IsolateHost: what a request event carries into JS."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from isolet.runtime.context import IncomingRequest
from isolet.runtime.host import HostConfig, IsolateHost, wire_batch


def _event(cf: dict[str, Any], default_cf: dict[str, Any]) -> dict[str, Any]:
    async def main() -> dict[str, Any]:
        host = IsolateHost(HostConfig("w", {"cf": default_cf}), asyncio.get_running_loop(), lambda record: None)
        host.start_request(IncomingRequest("GET", "http://x/", [], None, None, cf))
        batch = await host.next_events(probe=True)
        assert batch is not None and len(batch) == 1
        return batch[0]

    return asyncio.run(main())


def test_a_request_with_the_workers_own_default_cf_leaves_it_out_of_the_event() -> None:
    default = {"colo": "DFW"}
    # JS makes request.cf from the default given at boot (23_request.js).
    assert "cf" not in _event(default, default)


def test_a_request_with_another_cf_carries_it() -> None:
    # Equal but not the same object: a reload's new config, say.
    assert _event({"colo": "DFW"}, {"colo": "DFW"})["cf"] == {"colo": "DFW"}


def test_a_batch_crosses_as_json_with_its_bytes_beside_it() -> None:
    body = {"type": "fetch", "id": 1, "body": b"hi", "headers": [["a", "\u00e9"]]}
    binary = {"type": "ws", "id": 2, "kind": "binary", "data": b"\x00\x01"}
    text = {"type": "ws", "id": 2, "kind": "text", "data": "x"}
    batch = [body, binary, text]
    wire_text, blobs = wire_batch(batch)
    assert json.loads(wire_text) == [
        {"type": "fetch", "id": 1, "body": 0, "headers": [["a", "\u00e9"]]},
        {"type": "ws", "id": 2, "kind": "binary", "data": 1},
        text,
    ]
    assert blobs == [b"hi", b"\x00\x01"]
    assert batch[0]["body"] == b"hi" and batch[1]["data"] == b"\x00\x01"  # the queued events are left alone


def test_a_batch_without_bytes_is_its_json_alone() -> None:
    batch = [{"type": "fetch", "id": 1, "body": None}]
    assert wire_batch(batch) == ['[{"type":"fetch","id":1,"body":null}]', []]
