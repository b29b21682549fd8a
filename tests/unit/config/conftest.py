"""Fixtures for config tests: a project folder with a real entry module."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

WriteConfig = Callable[..., Path]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with src/index.js, the usual `main`."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "index.js").write_text("export default { fetch() { return new Response('ok') } }\n")
    return tmp_path


@pytest.fixture
def write_config(project: Path) -> WriteConfig:
    """Write `text` as `name` in the project folder and return its path."""

    def write(text: str, name: str = "wrangler.toml") -> Path:
        path = project / name
        path.write_text(text)
        return path

    return write
