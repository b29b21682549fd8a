from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.runtime.fetch.origin import Origin


@pytest.fixture
def origin() -> Iterator[Origin]:
    server = Origin().start()
    yield server
    server.stop()
