from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.integration.server import DevProcess

WORKERS = Path(__file__).parent / "workers"
EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture
def worker_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``tests/integration/workers/<name>`` (or ``examples/<name>``) into tmp_path, so tests may edit it."""

    def copy(name: str) -> Path:
        src = WORKERS / name if (WORKERS / name).exists() else EXAMPLES / name
        dst = tmp_path / name
        shutil.copytree(src, dst)
        return dst

    return copy


@pytest.fixture
def dev_server() -> Iterator[Callable[..., DevProcess]]:
    """Start ``isolet dev`` in a folder; every process started is stopped at teardown."""
    started: list[DevProcess] = []

    def start(cwd: Path, *args: str, env: dict[str, str] | None = None) -> DevProcess:
        proc = DevProcess(cwd, *args, env=env).start()
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)
