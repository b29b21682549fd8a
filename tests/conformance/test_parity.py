"""Parity with workerd: each case's answer from ``isolet dev`` equals the one recorded from workerd.

Every area under ``parity/<area>/`` is a small Worker (``worker.js`` plus the
shared ``harness.js``) serving one case per path. ``expected.json`` holds
workerd's answers, recorded by ``scripts/record_parity.py``; ``expectations.json``
lists the cases isolet is known to answer differently, each with a one-line
reason (they run as strict xfails, so a fixed case must leave that list).

One ``isolet dev`` process serves each area; it is started when the area's
first case runs and stopped before the next area starts.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.integration.server import DevProcess

pytestmark = pytest.mark.conformance

PARITY = Path(__file__).parent / "parity"
HARNESS = PARITY / "harness.js"
COMPATIBILITY_DATE = "2026-04-26"
CASE_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Case:
    area: str
    name: str
    expected: dict[str, Any]
    xfail_reason: str | None

    @property
    def id(self) -> str:
        return f"{self.area}/{self.name}"


def _load_cases() -> list[Case]:
    cases: list[Case] = []
    for folder in sorted(p for p in PARITY.iterdir() if (p / "worker.js").exists()):
        names = (folder / "cases.txt").read_text().split()
        expected: dict[str, dict[str, Any]] = json.loads((folder / "expected.json").read_text())
        xfails_path = folder / "expectations.json"
        xfails: dict[str, str] = json.loads(xfails_path.read_text()) if xfails_path.exists() else {}
        for name in names:
            cases.append(Case(folder.name, name, expected[name], xfails.get(name)))
    return cases


CASES = _load_cases()


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case.xfail_reason, strict=True)] if case.xfail_reason else []
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


class AreaServers:
    """At most one running ``isolet dev``: the one for the area being tested."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.area = ""
        self.proc: DevProcess | None = None
        self.client = httpx.Client(timeout=CASE_TIMEOUT_S)

    def url_for(self, area: str) -> str:
        if area != self.area or self.proc is None:
            self.stop()
            self.proc = DevProcess(self._worker_copy(area)).start()
            self.area = area
        return self.proc.url

    def _worker_copy(self, area: str) -> Path:
        dst = self.root / area
        shutil.copytree(PARITY / area, dst)
        shutil.copyfile(HARNESS, dst / "harness.js")
        (dst / "wrangler.toml").write_text(
            f'name = "parity-{area.replace("_", "-")}"\n'
            'main = "worker.js"\n'
            f'compatibility_date = "{COMPATIBILITY_DATE}"\n'
        )
        return dst

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.stop()
            self.proc = None

    def close(self) -> None:
        self.stop()
        self.client.close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AreaServers]:
    pool = AreaServers(tmp_path_factory.mktemp("parity"))
    yield pool
    pool.close()


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def test_every_area_lists_exactly_its_recorded_cases() -> None:
    for folder in sorted(p for p in PARITY.iterdir() if (p / "worker.js").exists()):
        names = (folder / "cases.txt").read_text().split()
        expected = json.loads((folder / "expected.json").read_text())
        assert names == list(expected), folder.name
        xfails_path = folder / "expectations.json"
        if xfails_path.exists():
            assert set(json.loads(xfails_path.read_text())) <= set(names), folder.name


def test_suite_has_at_least_300_cases() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize("case", _params())
def test_parity(case: Case, servers: AreaServers) -> None:
    base = servers.url_for(case.area)
    resp = servers.client.get(f"{base.rstrip('/')}/{quote(case.name)}")
    actual = {"status": resp.status_code, "body": _parse(resp.text)}
    assert actual == case.expected
