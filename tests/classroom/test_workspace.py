"""A workspace's pytest run ends at its timeout, or as soon as another thread stops it;
a process runs in the environment it is given."""

from __future__ import annotations

import sys
import threading
import time

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
