"""The claims report: per claim, what this run proved on this backend.

``ClaimsReport`` is fed pytest's test reports (in the xdist controller too:
the claim travels in ``report.user_properties``) and writes
``claims.json`` (the shape CI and tools read) and ``claims.md``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from harness.model.outcomes import BACKEND_VERDICTS, TestOutcome, Verdict, overall
from harness.report import page

CLAIM_PROPERTY = "awslab_claim"
GAP_PROPERTY = "awslab_gap"


@dataclass
class TestResult:
    nodeid: str
    outcome: TestOutcome = TestOutcome.PASSED
    reason: str | None = None


@dataclass
class ClaimResult:
    record: dict
    tests: list[TestResult] = field(default_factory=list)

    def outcome(self) -> tuple[Verdict, str | None]:
        """The claim's verdict from its tests, worst first, and why."""
        for outcome, verdict in (
            (TestOutcome.FAILED, Verdict.FAILED),
            (TestOutcome.GAP, Verdict.GAP),
        ):
            reasons = [t.reason for t in self.tests if t.outcome == outcome]
            if reasons:
                return verdict, reasons[0]
        if all(t.outcome == TestOutcome.SKIPPED for t in self.tests):
            return Verdict.SKIPPED, self.tests[0].reason
        return (Verdict.ERRATA if self.record["errata"] else Verdict.VERIFIED), None


def _properties(report) -> dict:
    return {name: value for name, value in report.user_properties}


def report_reason(report) -> str:
    """A report's one-line why: its crash message, or its skip reason."""
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return crash.message.splitlines()[0]
    if isinstance(report.longrepr, tuple):  # a skip: (file, line, message)
        return str(report.longrepr[2]).removeprefix("Skipped: ")
    return str(report.longrepr).strip().splitlines()[-1] if report.longrepr else "no reason given"


class ClaimsReport:
    def __init__(self, backend: str, notes: str) -> None:
        self.backend = backend
        self.notes = notes
        self.claims: dict[str, ClaimResult] = {}
        self._tests: dict[str, TestResult] = {}

    def add(self, report) -> None:
        """Take one phase's report (setup, call or teardown) of a test."""
        properties = _properties(report)
        record = properties.get(CLAIM_PROPERTY)
        if record is None:
            return
        test = self._tests.get(report.nodeid)
        if test is None:
            test = self._tests[report.nodeid] = TestResult(report.nodeid)
            claim = self.claims.setdefault(record["id"], ClaimResult(record))
            claim.tests.append(test)
        if test.outcome == TestOutcome.FAILED:
            return  # a failure is final; a later teardown does not undo it
        if report.failed:
            test.outcome, test.reason = TestOutcome.FAILED, report_reason(report)
            if "XPASS(strict)" in test.reason and properties.get(GAP_PROPERTY):
                test.reason = (
                    f"marked as an emulator gap on {self.backend} but passed: the emulator may "
                    "now match AWS; remove the emulator_gap marker"
                )
        elif hasattr(report, "wasxfail") and properties.get(GAP_PROPERTY):
            test.outcome, test.reason = TestOutcome.GAP, properties[GAP_PROPERTY]
        elif report.skipped:
            test.outcome, test.reason = (
                TestOutcome.SKIPPED,
                getattr(report, "wasxfail", None) or report_reason(report),
            )

    def as_dict(self) -> dict:
        claims = []
        for claim_id in sorted(self.claims):
            result = self.claims[claim_id]
            outcome, reason = result.outcome()
            claims.append(
                {
                    **{k: result.record[k] for k in _RECORD_KEYS},
                    "outcome": outcome,
                    "verdict": overall([outcome]),
                    "reason": reason,
                    "tests": sorted(t.nodeid for t in result.tests),
                }
            )
        return {"notes": self.notes, "backend": self.backend, "claims": claims}

    def test_outcomes(self) -> dict[str, TestOutcome]:
        """``nodeid -> passed | gap | failed | skipped`` for every claim-marked test."""
        return {nodeid: test.outcome for nodeid, test in self._tests.items()}

    def counts(self) -> Counter:
        return Counter(claim["outcome"] for claim in self.as_dict()["claims"])

    def summary(self) -> str:
        counts = self.counts()
        return ", ".join(f"{counts[v]} {v}" for v in BACKEND_VERDICTS)

    def write(
        self, directory: Path, notes_path: Path | None = None, labs: Path | None = None
    ) -> list[Path]:
        """claims.json and claims.md, and claims.html when the notes file is at hand
        (``labs``: the topics whose READMEs list the bullets no API shows)."""
        directory.mkdir(parents=True, exist_ok=True)
        data = self.as_dict()
        json_path = directory / "claims.json"
        json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        md_path = directory / "claims.md"
        md_path.write_text(_markdown(data), encoding="utf-8")
        written = [json_path, md_path]
        if notes_path is not None:
            written.append(page.write([data], notes_path, self.notes, directory, labs))
        return written


_RECORD_KEYS = (
    "id",
    "topic",
    "quote",
    "beyond_notes",
    "notes_line",
    "notes_section",
    "errata",
    "source",
)


def _markdown(data: dict) -> str:
    lines = [
        f"# Claims on {data['backend']}",
        "",
        f"From `{data['notes']}`.",
        "",
        "| claim | outcome | notes | quote | detail |",
        "|---|---|---|---|---|",
    ]
    for claim in data["claims"]:
        detail = claim["errata"] if claim["outcome"] == Verdict.ERRATA else claim["reason"] or ""
        where = f"line {claim['notes_line']}" if claim["notes_line"] else ""
        said = claim["quote"] or f"(beyond the notes) {claim['beyond_notes']}"
        cells = [claim["id"], claim["outcome"], where, said, detail]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
