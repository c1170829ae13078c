"""The launcher against a real LocalStack: skipped, with the reason, when none is running.

Start one with `awslab localstack up --no-docker` (CI does, before the LocalStack labs).
"""

from __future__ import annotations

import pytest

from harness.launcher import doctor
from harness.launcher import localstack as launcher

current = launcher.status()
pytestmark = pytest.mark.skipif(
    not current.running,
    reason=f"LocalStack is not running at {current.endpoint_url}: start it with "
    "`awslab localstack up --no-docker` to run these tests",
)


def test_status_names_the_version_and_every_service():
    lines = launcher.status().lines()
    assert lines[0].startswith("LocalStack ") and ": running at " in lines[0]
    assert any(line.strip().startswith("sqs: ") for line in lines[1:])


def test_up_is_idempotent_when_localstack_runs():
    before = launcher.status()
    said: list[str] = []
    after = launcher.up(echo=said.append)
    assert after.running and after.pid == before.pid
    version, url = before.health.version, before.endpoint_url
    assert said == [f"LocalStack {version} is already running at {url}"]


def test_a_service_left_out_says_why_on_the_doctor_line():
    lines: list[str] = []
    doctor.report(lines.append)
    for service, why in launcher.status().left_out.items():
        (line,) = [line for line in lines if line.startswith(f"--    {service}: ")]
        assert line.endswith(why)
