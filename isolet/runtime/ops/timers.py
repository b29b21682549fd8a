"""Timers: ``setTimeout``/``setInterval`` wait on the asyncio loop.

JS gives each timer an id and awaits ``op_timers_sleep``; ``clearTimeout``
calls ``op_timers_cancel`` so a cancelled timer stops counting as pending
work at once (the dispatch loop's hang detection depends on that).
"""

from __future__ import annotations

import asyncio

from isolet.runtime.host import IsolateHost


async def op_timers_sleep(host: IsolateHost, timer_id: int, ms: float) -> bool:
    """Resolve True after ``ms`` milliseconds, or False if cancelled first."""
    fut: asyncio.Future[bool] = host.loop.create_future()
    handle = host.loop.call_later(max(0.0, ms) / 1000.0, _fire, fut, True)
    host.timers[timer_id] = (handle, fut)
    try:
        return await fut
    finally:
        host.timers.pop(timer_id, None)


def op_timers_cancel(host: IsolateHost, timer_id: int) -> None:
    host.loop.call_soon_threadsafe(_cancel, host, timer_id)


def _cancel(host: IsolateHost, timer_id: int) -> None:
    entry = host.timers.pop(timer_id, None)
    if entry is not None:
        handle, fut = entry
        handle.cancel()
        _fire(fut, False)


def _fire(fut: asyncio.Future[bool], value: bool) -> None:
    if not fut.done():
        fut.set_result(value)
