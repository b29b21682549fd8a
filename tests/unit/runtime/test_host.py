"""IsolateHost: what a request event carries into JS."""

from __future__ import annotations

import asyncio
from typing import Any

from isolet.runtime.context import IncomingRequest
from isolet.runtime.host import HostConfig, IsolateHost


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
