"""What earlier runs proved, per backend: what ``awslab list / progress / hint`` read.

The plugin merges each run's outcomes into pytest's cache
(``.pytest_cache/v/awslab/last-run``), one entry per backend, so that running
one topic does not forget the others, and a LocalStack run that skips
DynamoDB does not forget what moto proved a minute earlier. A reader sees the
best result across backends.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from harness.model.outcomes import TestOutcome, Verdict

#: The key in pytest's cache, and so the file below the project's root.
CACHE_KEY = "awslab/last-run"
LAST_RUN = Path(".pytest_cache/v") / CACHE_KEY

# Best first: across backends, the first of these that a test reached stands. A known
# gap outranks a failure or a skip elsewhere, as a claim's gap verdict does.
_TEST_ORDER = [
    TestOutcome.PASSED,
    TestOutcome.GAP,
    TestOutcome.FAILED,
    TestOutcome.ERROR,
    TestOutcome.SKIPPED,
    TestOutcome.NOT_RUN,
]


@dataclass
class LastRun:
    """``backend -> {"tests": {nodeid: outcome}, "claims": {claim id: verdict}}``."""

    backends: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: object) -> LastRun:
        if not isinstance(data, dict):
            return cls()
        if "backend" in data:  # written before outcomes were kept per backend
            data = {"backends": {data["backend"]: data}}
        backends = data.get("backends")
        if not isinstance(backends, dict):
            return cls()
        return cls(
            {
                name: {"tests": dict(run.get("tests", {})), "claims": dict(run.get("claims", {}))}
                for name, run in backends.items()
                if isinstance(run, dict)
            }
        )

    @classmethod
    def load(cls, root: Path) -> LastRun:
        """The runs recorded below ``root``; empty if there were none."""
        path = root / LAST_RUN
        try:
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls()

    def to_json(self) -> dict:
        return {"backends": self.backends}

    def merge(self, backend: str, tests: Mapping[str, str], claims: Mapping[str, str]) -> None:
        """Add one run's outcomes; a test or claim it did not run keeps its earlier result."""
        run = self.backends.setdefault(backend, {"tests": {}, "claims": {}})
        run["tests"].update(tests)
        run["claims"].update(claims)

    def test_outcome(self, nodeid: str) -> TestOutcome:
        """The best outcome ``nodeid`` had on any backend."""
        seen = [
            TestOutcome(run["tests"][nodeid])
            for run in self.backends.values()
            if nodeid in run["tests"]
        ]
        return min(seen, key=_TEST_ORDER.index, default=TestOutcome.NOT_RUN)

    def verdict(self, claim_id: str) -> Verdict:
        """The best verdict ``claim_id`` had on any backend."""
        seen = [
            Verdict(run["claims"][claim_id])
            for run in self.backends.values()
            if claim_id in run["claims"]
        ]
        return min(seen, key=lambda v: v.rank, default=Verdict.NOT_RUN)

    def describe(self) -> str:
        """Which backends the results come from, for a table's title."""
        return ", ".join(sorted(self.backends)) or "none yet"
