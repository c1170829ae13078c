"""One sitting: ask each question, read the answer, explain it (unless it is an exam), record.

Answers come from the terminal, a file or standard input, one per line. An
answer the question cannot read (``1`` to a choose-2 question) is not
scored: the sitting says what form it expects and takes the next line as the
retry, so a typo never costs a point, and a file of answers stays in step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from harness.quiz.answers import Unreadable, is_right
from harness.quiz.questions import Question
from harness.quiz.scores import Scores

EXAM_MINUTES = 130


def lines_of(answers: Iterable[str]) -> Iterator[str]:
    """Answers, one per line, without their line ends."""
    for line in answers:
        yield line.rstrip("\n")


@dataclass
class Attempt:
    """One sitting: asks, checks, explains (unless it is an exam), and records."""

    questions: list[Question]
    claims: dict[str, dict]
    scores: Scores
    say: Callable[[str], None]
    exam: bool = False
    results: list[dict] = field(default_factory=list)

    def run(self, answers: Iterator[str]) -> dict:
        started = time.monotonic()
        deadline = started + EXAM_MINUTES * 60 if self.exam else None
        for number, question in enumerate(self.questions, start=1):
            if deadline and time.monotonic() > deadline:
                self.say(f"time is up after {EXAM_MINUTES} minutes")
                break
            self.ask(number, question)
            judged = self.judge(question, answers)
            if judged is None:
                self.say("no more answers: the attempt ends here")
                break
            given, right = judged
            self.scores.record(question, right)
            self.results.append({"question": question.id, "topic": question.topic, "right": right})
            if not self.exam:
                self.say(
                    ("right" if right else "wrong") + (" (no answer)" if not given.strip() else "")
                )
                self.explain(question)
        attempt = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "mode": "exam" if self.exam else "quiz",
            "seconds": round(time.monotonic() - started, 1),
            "results": self.results,
        }
        if self.results:  # an attempt that answered nothing is no attempt
            self.scores.attempts.append(attempt)
        score = sum(r["right"] for r in self.results)
        self.say(f"\nscore: {score}/{len(self.results)}")
        return attempt

    def ask(self, number: int, question: Question) -> None:
        self.say(f"\n[{number}/{len(self.questions)}] {question.stem}")
        for letter, choice in zip(question.letters, question.choices, strict=True):
            self.say(f"  {letter}) {choice}")
        if len(question.answer) > 1:
            self.say(f"  (choose {len(question.answer)})")

    def judge(self, question: Question, answers: Iterator[str]) -> tuple[str, bool] | None:
        """The first readable answer and whether it is right; None once answers run out.

        Each unreadable one is said why, and nothing is recorded for it.
        """
        for given in answers:
            try:
                return given, is_right(question, given)
            except Unreadable as why:
                self.say(f"{why}; try again")
        return None

    def explain(self, question: Question) -> None:
        claim = self.claims[question.claim]
        shown = [
            f"{letter}) {c}"
            for letter, c in zip(question.letters, question.choices, strict=True)
            if c in question.answer
        ]
        self.say(f"answer: {', '.join(shown) if shown else question.answer[0]}")
        if question.explanation:
            self.say(question.explanation)
        if claim.get("quote"):
            self.say(f'notes: "{claim["quote"]}"')
        else:
            self.say(f"beyond the notes: {claim.get('beyond_notes')}")
        if claim.get("errata"):
            self.say(f"errata: {claim['errata']} (source: {claim['source']})")
        if claim.get("tests"):
            self.say(f"proven by: pytest {claim['tests'][0]}")
