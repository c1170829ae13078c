"""`awslab report --baseline`: the claims whose verdict changed since an earlier run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main


def write(path: Path, backend: str, outcomes: dict[str, str]) -> str:
    claims = [{"id": claim, "outcome": outcome} for claim, outcome in outcomes.items()]
    path.write_text(json.dumps({"backend": backend, "claims": claims}))
    return str(path)


def test_a_changed_verdict_fails_and_an_unchanged_run_passes(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("notes.md").write_text("#### sqs\n- a bullet\n")
    before = {"sqs.size": "errata", "sqs.delay": "gap", "sqs.fifo": "verified"}
    old = write(tmp_path / "old.json", "moto", before)
    same = write(tmp_path / "same.json", "moto", before)
    assert main(["report", same, "--baseline", old, "--notes", "notes.md"]) == 0
    assert "no verdict changed on moto" in capsys.readouterr().out

    after = {"sqs.size": "errata", "sqs.delay": "verified", "sqs.fifo": "failed", "sqs.new": "gap"}
    new = write(tmp_path / "new.json", "moto", after)
    assert main(["report", new, "--baseline", old, "--notes", "notes.md"]) == 1
    out = capsys.readouterr().out
    assert "moto: sqs.fifo: verified -> failed\n" in out
    assert "moto: sqs.delay: gap -> verified (good news: the emulator may now match AWS" in out
    assert "moto: sqs.new: not run -> gap" in out
    assert "sqs.size" not in out
    assert "3 verdicts changed on moto" in out


def test_reports_of_other_backends_than_the_baseline_are_refused(tmp_path: Path, capsys):
    (tmp_path / "notes.md").write_text("#### sqs\n")
    old = write(tmp_path / "old.json", "moto", {"sqs.a": "verified"})
    new = write(tmp_path / "new.json", "localstack", {"sqs.a": "verified"})
    code = main(["report", new, "--baseline", old, "--notes", str(tmp_path / "notes.md")])
    assert code != 0
    assert "share no backend" in capsys.readouterr().err


def test_shards_of_one_backend_merge_and_a_claim_run_twice_is_refused(tmp_path: Path):
    from harness.report import page

    first = Path(write(tmp_path / "a.json", "moto", {"sqs.a": "verified"}))
    second = Path(write(tmp_path / "b.json", "moto", {"s3.b": "gap"}))
    (merged,) = page.load([first, second])
    assert sorted(c["id"] for c in merged["claims"]) == ["s3.b", "sqs.a"]
    again = Path(write(tmp_path / "c.json", "moto", {"sqs.a": "failed"}))
    with pytest.raises(ValueError, match="both hold claim sqs.a"):
        page.load([first, again])
