"""The claims page, looked at in a real headless browser (Debian's Chromium).

It must render, and the verdicts a reader counts on the page must be the
ones in the JSON it was made from, for every backend merged into it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from harness.cli import main
from harness.report import page as notes_page

NOTES = """\
#### aws integration and messaging
- sqs:
  - by default 30 seconds
  - retention: 4 - 14 days
  - delay a message up to 15 mins
"""
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The flags the closed network here needs: no background calls home.
HEADLESS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


def claim(claim_id: str, quote: str, outcome: str, errata: str | None = None) -> dict:
    return {"id": claim_id, "topic": "sqs", "quote": quote, "notes_line": None,
            "notes_section": None, "errata": errata, "source": "https://docs" if errata else None,
            "outcome": outcome, "reason": None, "tests": []}  # fmt: skip


REPORTS = {
    "moto": [
        claim("sqs.visibility", "by default 30 seconds", "verified"),
        claim("sqs.retention", "retention: 4 - 14 days", "errata", errata="60 s to 14 days"),
        claim("sqs.delay", "delay a message up to 15 mins", "gap"),
    ],
    "localstack": [
        claim("sqs.visibility", "by default 30 seconds", "skipped"),
        claim("sqs.retention", "retention: 4 - 14 days", "errata", errata="60 s to 14 days"),
        claim("sqs.delay", "delay a message up to 15 mins", "verified"),
    ],
    # A backend that runs one topic only, as DynamoDB Local does: the rest is "not run".
    "dynamodb-local": [
        claim("sqs.delay", "delay a message up to 15 mins", "gap"),
    ],
}


class Verdicts(HTMLParser):
    """Collects the summary cells and the per-claim verdict badges of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.summary: dict[tuple[str, str], int] = {}
        self.badges: Counter[tuple[str, str]] = Counter()
        self._cell: tuple[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = (attributes.get("data-backend"), attributes.get("data-outcome"))
        if tag == "td" and None not in key:
            self._cell = key
        elif tag == "span" and None not in key:
            self.badges[key] += 1

    def handle_data(self, data):
        if self._cell and data.strip():
            self.summary[self._cell] = int(data)
            self._cell = None


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_the_page_renders_and_its_counts_match_the_json(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("notes.md").write_text(NOTES)
    paths = []
    for backend, claims in REPORTS.items():
        path = tmp_path / f"{backend}.json"
        path.write_text(json.dumps({"notes": "notes.md", "backend": backend, "claims": claims}))
        paths.append(str(path))
    assert main(["report", *paths, "--notes", "notes.md", "--out", "site"]) == 0

    page = (tmp_path / "site" / "claims.html").as_uri()
    dom = subprocess.run(
        [CHROMIUM, *HEADLESS, "--dump-dom", page],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    verdicts = Verdicts()
    verdicts.feed(dom)
    for backend, claims in REPORTS.items():
        expected = Counter(c["outcome"] for c in claims)
        for outcome in ("verified", "errata", "gap", "failed", "skipped"):
            assert verdicts.summary[(backend, outcome)] == expected[outcome], (backend, outcome)
            assert verdicts.badges[(backend, outcome)] == expected[outcome], (backend, outcome)
    assert "errata: 60 s to 14 days" in dom

    screenshot = tmp_path / "page.png"
    subprocess.run(
        [CHROMIUM, *HEADLESS, "--window-size=1000,800", f"--screenshot={screenshot}", page],
        capture_output=True, timeout=60, check=True,
    )  # fmt: skip
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 10_000, "a blank page compresses to almost nothing"

    parity = (tmp_path / "site" / "parity.md").read_text()
    assert "| claim | moto | localstack | dynamodb-local | agree |" in parity
    assert "| sqs.delay | gap | verified | gap | no |" in parity
    assert "| sqs.retention | errata | errata | not run | yes |" in parity


def test_parity_compares_only_the_backends_that_ran_a_claim():
    reports = [{"backend": backend, "claims": claims} for backend, claims in REPORTS.items()]
    reports[1]["claims"] = reports[1]["claims"][1:]  # LocalStack did not run sqs.visibility
    lines = notes_page.parity_markdown(reports).splitlines()
    assert lines[0] == "| claim | moto | localstack | dynamodb-local | agree |"
    assert lines[2:] == [
        "| sqs.delay | gap | verified | gap | no |",
        "| sqs.retention | errata | errata | not run | yes |",
        "| sqs.visibility | verified | not run | not run | - |",
    ]


def test_report_refuses_what_is_not_a_claims_report(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("notes.md").write_text(NOTES)
    Path("junk.json").write_text('{"hello": 1}')
    assert main(["report", "junk.json", "--notes", "notes.md"]) == 2
    assert "not a claims report" in capsys.readouterr().err
