"""A workspace's pytest run ends at its timeout, or as soon as another thread stops it;
a process runs in the environment it is given."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from harness.classroom import workspace


def test_a_stopped_run_ends_at_once(tmp_path):
    (tmp_path / "test_slow.py").write_text(
        "import time\n\ndef test_quick():\n    pass\n\ndef test_slow():\n    time.sleep(60)\n"
    )
    stop = threading.Event()
    threading.Timer(3, stop.set).start()
    started = time.monotonic()
    outcomes = workspace.run_pytest(tmp_path, ["test_slow.py"], ["-p", "no:awslab"], stop=stop)
    assert time.monotonic() - started < 30, "the run went on after it was stopped"
    assert outcomes == {}  # killed before pytest wrote its junit file: nothing to report


def test_a_process_runs_in_the_environment_it_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "changed-by-a-test-meanwhile")
    log = tmp_path / "out.log"
    command = [sys.executable, "-c", "import os; print(os.environ.get('AWS_PROFILE'))"]
    assert workspace.run_process(command, tmp_path, log, 30, env={"PATH": "/usr/bin"}) == 0
    assert log.read_text().strip() == "None", "the snapshot given, not this process's now"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to tell a zombie")
def test_a_stopped_process_takes_its_children_with_it(tmp_path):
    child = tmp_path / "child.pid"
    script = (
        "import subprocess, sys, time\n"
        "c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(child)!r}, 'w').write(str(c.pid))\n"
        "time.sleep(60)\n"
    )
    stop = threading.Event()
    threading.Timer(2, stop.set).start()
    command = [sys.executable, "-c", script]
    assert workspace.run_process(command, tmp_path, tmp_path / "log", 30, stop=stop) is None
    pid = int(child.read_text())
    deadline = time.monotonic() + 5  # a killed process is gone once the kernel has reaped it
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the child's own child was left running"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"  # a zombie is dead, waiting for its parent
    except FileNotFoundError:
        return False
