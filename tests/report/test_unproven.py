"""Across backends: a claim no emulator here observed is "unproven here", listed first."""

from __future__ import annotations

import re
from pathlib import Path

from harness.model.notes import Notes
from harness.model.outcomes import Verdict, overall
from harness.report import page

NOTES = "#### sqs\n- retention: 4 - 14 days\n- delay up to 15 minutes\n"


def record(claim_id: str, outcome: str, **fields) -> dict:
    base = {"id": claim_id, "quote": None, "beyond_notes": None, "errata": None, "source": None,
            "notes_line": None, "outcome": outcome, "reason": None}  # fmt: skip
    return {**base, **fields}


def test_a_claim_is_judged_across_the_backends_that_ran_it():
    V = Verdict
    assert overall([V.GAP, V.SKIPPED]) == V.UNPROVEN
    assert overall([V.GAP, V.VERIFIED]) == V.VERIFIED
    assert overall([V.ERRATA, V.GAP]) == V.ERRATA
    assert overall([V.VERIFIED, V.FAILED]) == V.FAILED, "a failure is never hidden by a proof"
    assert overall([V.GAP, V.NOT_RUN]) == V.UNPROVEN
    assert overall([V.NOT_RUN]) == V.NOT_RUN
    assert overall([]) == V.NOT_RUN


def test_the_page_lists_unproven_claims_first_with_their_source(tmp_path: Path):
    notes_path = tmp_path / "notes.md"
    notes_path.write_text(NOTES)
    docs = "https://docs.aws.amazon.com/sqs"
    moto = {"backend": "moto", "claims": [
        record("sqs.retention", "gap", quote="retention: 4 - 14 days", notes_line=2, source=docs),
        record("sqs.delay", "gap", quote="delay up to 15 minutes", notes_line=3),
        record("sqs.dlq-redrive", "verified", beyond_notes="a redrive moves messages back",
               source=docs),
    ]}  # fmt: skip
    localstack = {"backend": "localstack", "claims": [
        record("sqs.retention", "skipped", quote="retention: 4 - 14 days", notes_line=2,
               source=docs),
        record("sqs.delay", "verified", quote="delay up to 15 minutes", notes_line=3),
    ]}  # fmt: skip
    html = page.render([moto, localstack], Notes(notes_path), "notes.md")

    unproven = html[html.index('id="unproven"') : html.index("<h2>Summary</h2>")]
    assert 'data-claim="sqs.retention"' in unproven, "a gap on moto and skipped on LocalStack"
    assert docs in unproven
    assert "sqs.delay" not in unproven, "LocalStack observed it"
    assert html.index('id="unproven"') < html.index('id="summary"'), "listed first"
    beyond = html[html.index('id="beyond"') : html.index("<h2>The notes</h2>")]
    assert 'data-claim="sqs.dlq-redrive"' in beyond
    across = dict(re.findall(r'data-backend="all" data-outcome="([^"]+)">(\d+)<', html))
    assert across["unproven"] == "1" and across["verified"] == "2"
