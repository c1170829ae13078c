"""The claims report of a lab run: fed by every test report, written at the end.

Also merges the run's outcomes into pytest's cache (``harness.report.last_run``),
which ``awslab list / progress / hint`` read, and prints the one-line summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.plugin.lab_run import LabRun
from harness.report.last_run import CACHE_KEY, LastRun


class ReportCollector:
    """Feeds every test report to the claims report and writes it at the end.

    A plugin object of its own (like pytest's junitxml), registered only in a
    lab run, because in the xdist controller only reports arrive, never items.
    """

    def __init__(self, config: pytest.Config, run: LabRun) -> None:
        self.config = config
        self.run = run
        self.report = run.report
        self.written: list[Path] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.report.add(report)

    def pytest_sessionfinish(self) -> None:
        if hasattr(self.config, "workerinput"):
            return  # the xdist controller writes, from every worker's reports
        directory = self.config.getoption("claims_report")
        if directory:
            notes = self.run.notes
            self.written = self.report.write(
                Path(directory), notes.path if notes else None, self.config.rootpath / "labs"
            )
        cache = getattr(self.config, "cache", None)
        if cache is not None and self.report.claims:
            # What `awslab list / progress / hint` read: merged, so that running
            # one topic does not forget the others.
            last = LastRun.from_json(cache.get(CACHE_KEY, None))
            last.merge(
                self.report.backend,
                self.report.test_outcomes(),
                {c["id"]: c["outcome"] for c in self.report.as_dict()["claims"]},
            )
            cache.set(CACHE_KEY, last.to_json())

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.report.claims:
            return
        line = f"awslab claims on {self.report.backend}: {self.report.summary()}"
        if self.written:
            line += f"; report in {self.written[0].parent}/"
        terminalreporter.write_sep("-", line)
