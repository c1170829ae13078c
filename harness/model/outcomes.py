"""The vocabulary of results: what one test run gave, and what a claim is judged.

One place for these words, so that the report, the page, the progress view,
the grader and the quiz cannot drift apart. Both enums are strings, so they
go into JSON as they read.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class TestOutcome(StrEnum):
    """What happened to one test in one run."""

    __test__ = False  # a vocabulary, not a test class for pytest to collect

    PASSED = "passed"
    FAILED = "failed"  # the test's own assertion said no
    ERROR = "error"  # a fixture or setup broke before the test could judge
    SKIPPED = "skipped"
    GAP = "gap"  # a strict expected failure: the emulator differs from AWS
    NOT_RUN = "not run"

    @property
    def done(self) -> bool:
        """Nothing left for a student to do: it passed, or no answer could pass here."""
        return self in (TestOutcome.PASSED, TestOutcome.GAP)


class Verdict(StrEnum):
    """What a claim is judged from its tests: on one backend, or across all that ran it."""

    VERIFIED = "verified"
    ERRATA = "errata"  # verified, and the notes are wrong
    GAP = "gap"
    FAILED = "failed"
    SKIPPED = "skipped"
    #: Across backends only: each backend that ran it marked it a gap or skipped it, so
    #: its assertions stand on the documentation alone.
    UNPROVEN = "unproven"
    NOT_RUN = "not run"

    @property
    def label(self) -> str:
        """The verdict as the claims page words it."""
        return _LABELS[self]

    @property
    def proven(self) -> bool:
        """A run showed the claim (as the notes say it, or as the errata corrects it)."""
        return self in (Verdict.VERIFIED, Verdict.ERRATA)

    @property
    def rank(self) -> int:
        """Best first: across backends, the verdict with the lowest rank stands."""
        return list(Verdict).index(self)


_LABELS = {
    Verdict.VERIFIED: "verified",
    Verdict.ERRATA: "errata confirmed",
    Verdict.GAP: "emulator gap",
    Verdict.FAILED: "failed",
    Verdict.SKIPPED: "not run (skipped)",
    Verdict.UNPROVEN: "unproven here",
    Verdict.NOT_RUN: "not run",
}

#: What one backend's run can say of a claim (``UNPROVEN`` and ``NOT_RUN`` need the others).
BACKEND_VERDICTS = (Verdict.VERIFIED, Verdict.ERRATA, Verdict.GAP, Verdict.FAILED, Verdict.SKIPPED)


def overall(verdicts: Iterable[Verdict]) -> Verdict:
    """A claim's verdict across the backends that ran it.

    A failure anywhere stands (a lab asserting AWS's behaviour failed where no gap
    excuses it); then a proof anywhere; a claim that every backend marked as a gap
    or skipped is unproven here.
    """
    seen = set(verdicts) - {Verdict.NOT_RUN}
    if not seen:
        return Verdict.NOT_RUN
    if Verdict.FAILED in seen:
        return Verdict.FAILED
    proofs = [v for v in (Verdict.ERRATA, Verdict.VERIFIED) if v in seen]
    return proofs[0] if proofs else Verdict.UNPROVEN
