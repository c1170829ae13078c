"""What changed between two runs of the claims: the drift a course's CI watches for.

AWS changes a limit, an emulator release fixes a gap or breaks a claim: the
verdicts of a run against new releases differ from those of a baseline run.
``awslab report --baseline OLD.json NEW.json...`` lists every claim whose
verdict changed, per backend, and fails when any did, so that someone looks:
a regression is investigated, and a gap that now passes is good news whose
``emulator_gap`` marker is then removed on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from harness.model.outcomes import Verdict

#: Verdicts that a claim moving to them from a gap or a failure is good news.
GOOD = {Verdict.VERIFIED, Verdict.ERRATA}


@dataclass(frozen=True)
class Change:
    backend: str
    claim: str
    before: str
    after: str

    @property
    def good_news(self) -> bool:
        return self.after in GOOD and self.before in (Verdict.GAP, Verdict.FAILED)

    def line(self) -> str:
        text = f"{self.backend}: {self.claim}: {self.before} -> {self.after}"
        if self.good_news:
            return f"{text} (good news: the emulator may now match AWS; remove its emulator_gap)"
        return text


def changes(baseline: list[dict], reports: list[dict]) -> list[Change]:
    """Each claim whose verdict differs between ``baseline`` and ``reports`` (claims.json
    contents), on a backend both ran. A claim new to the run, or gone from it, is a
    change too: "not run" on the side that lacks it."""
    before = {r["backend"]: _verdicts(r) for r in baseline}
    found = []
    for report in reports:
        old = before.get(report["backend"])
        if old is None:
            continue  # a backend the baseline never ran: nothing to compare with
        new = _verdicts(report)
        for claim in sorted(old.keys() | new.keys()):
            was, now = old.get(claim, Verdict.NOT_RUN), new.get(claim, Verdict.NOT_RUN)
            if was != now:
                found.append(Change(report["backend"], claim, was, now))
    return found


def _verdicts(report: dict) -> dict[str, str]:
    return {claim["id"]: claim["outcome"] for claim in report["claims"]}
