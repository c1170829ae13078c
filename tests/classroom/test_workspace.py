"""A workspace's pytest run ends at its timeout, or as soon as another thread stops it."""

from __future__ import annotations

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
