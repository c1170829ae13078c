"""The claims report: claims.json's shape and each outcome, alone and under xdist."""

from __future__ import annotations

import json

import pytest

# The quotes come from the sample notes that the `lab` fixture writes.
LABS = """
import pytest

VISIBILITY = "by default 30 seconds, then after that, it becomes visible again"
RETENTION = "retention: 4 - 14 days"

@pytest.mark.claim("sqs.verified", quote=VISIBILITY)
def test_verified():
    pass

@pytest.mark.claim("sqs.errata", quote=RETENTION, errata="60 s to 14 days", source="https://docs")
def test_errata():
    pass

@pytest.mark.claim("sqs.gap", quote=RETENTION)
@pytest.mark.emulator_gap("moto", reason="moto accepts anything")
def test_gap():
    assert False

@pytest.mark.claim("sqs.failed", quote=VISIBILITY)
def test_failed():
    assert 1 == 2, "one is not two"

@pytest.mark.claim("sqs.skipped", quote=VISIBILITY)
def test_skipped():
    pytest.skip("needs Docker")

@pytest.mark.claim("sqs.two-tests", quote=VISIBILITY)
def test_two_tests_a():
    pass

@pytest.mark.claim("sqs.two-tests", quote=VISIBILITY)
def test_two_tests_b():
    assert False, "the second test of a claim fails"

def test_not_a_claim():
    pass
"""


def claims_by_id(lab: pytest.Pytester, *args: str) -> dict:
    lab.makepyfile(test_sample_claims=LABS)
    lab.runpytest("--claims-report", "out", "-p", "no:randomly", *args)
    report = json.loads((lab.path / "out" / "claims.json").read_text())
    assert report["notes"] == "notes/aws-dev-associate.md"
    assert report["backend"] == "moto"
    assert (lab.path / "out" / "claims.md").exists()
    return {claim["id"]: claim for claim in report["claims"]}


def test_each_outcome_and_the_shape_of_a_claim(lab: pytest.Pytester):
    claims = claims_by_id(lab)
    assert {k: c["outcome"] for k, c in claims.items()} == {
        "sqs.verified": "verified",
        "sqs.errata": "errata",
        "sqs.gap": "gap",
        "sqs.failed": "failed",
        "sqs.skipped": "skipped",
        "sqs.two-tests": "failed",
    }
    assert {k: c["verdict"] for k, c in claims.items()}["sqs.gap"] == "unproven", (
        "a gap on the one backend that ran: nothing here observed it"
    )
    assert claims["sqs.verified"] == {
        "id": "sqs.verified",
        "topic": "sqs",
        "quote": "by default 30 seconds, then after that, it becomes visible again",
        "beyond_notes": None,
        "notes_line": 4,
        "notes_section": "aws integration and messaging > sqs > message visibility timeout",
        "errata": None,
        "source": None,
        "outcome": "verified",
        "verdict": "verified",
        "reason": None,
        "tests": ["test_sample_claims.py::test_verified"],
    }
    assert claims["sqs.errata"]["source"] == "https://docs"
    assert claims["sqs.gap"]["reason"] == "moto accepts anything"
    assert "one is not two" in claims["sqs.failed"]["reason"]
    assert claims["sqs.skipped"]["reason"] == "needs Docker"
    assert claims["sqs.two-tests"]["tests"] == [
        "test_sample_claims.py::test_two_tests_a",
        "test_sample_claims.py::test_two_tests_b",
    ]


def test_a_fixed_emulator_turns_its_gap_into_a_failure(lab: pytest.Pytester):
    lab.makepyfile(
        """
        import pytest

        @pytest.mark.claim("sqs.fixed", quote="retention: 4 - 14 days")
        @pytest.mark.emulator_gap("moto", reason="moto used to differ")
        def test_now_passes():
            pass
        """
    )
    lab.runpytest("--claims-report", "out")
    claim = json.loads((lab.path / "out" / "claims.json").read_text())["claims"][0]
    assert claim["outcome"] == "failed"
    assert "remove the emulator_gap marker" in claim["reason"]


def test_the_report_is_the_same_under_xdist(lab: pytest.Pytester):
    alone = claims_by_id(lab)
    parallel = claims_by_id(lab, "-n", "2")
    assert parallel == alone


def test_the_terminal_summary_counts_the_claims(lab: pytest.Pytester):
    lab.makepyfile(test_sample_claims=LABS)
    result = lab.runpytest("--claims-report", "out", "-p", "no:randomly")
    result.stdout.fnmatch_lines(
        [
            "*awslab claims on moto: 1 verified, 1 errata, 1 gap, 2 failed, 1 skipped;"
            " report in out/*"
        ]
    )
