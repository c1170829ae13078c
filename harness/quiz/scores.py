"""What earlier attempts left, on this machine: their results, a Leitner box per question.

Kept in ``.awslab/quiz/scores.json``; ``awslab stats`` shows the history as
tables, or as a page (``--html``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from harness.quiz.questions import Question

SCORES = Path(".awslab/quiz/scores.json")
TOP_BOX = 3  # Leitner boxes 1..3: a wrong answer goes back to 1, a right one moves up


@dataclass
class Scores:
    """What earlier attempts left: each attempt's results, and each question's box."""

    attempts: list[dict] = field(default_factory=list)
    boxes: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, warn: Callable[[str], None]) -> Scores:
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(list(data["attempts"]), dict(data["boxes"]))
        except (ValueError, KeyError, TypeError):
            # Never lost silently: the unreadable file is kept beside, and said so.
            kept = path.with_name(f"{path.name}.corrupt-{datetime.now(UTC):%Y%m%dT%H%M%S}")
            path.rename(kept)
            warn(f"the score file {path} could not be read; kept it as {kept} and started afresh")
            return cls()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(
            json.dumps({"attempts": self.attempts, "boxes": self.boxes}, indent=1),
            encoding="utf-8",
        )
        temporary.replace(path)  # a crash mid-write leaves the old file whole

    def record(self, question: Question, right: bool) -> None:
        box = self.boxes.get(question.id, 1)
        self.boxes[question.id] = min(box + 1, TOP_BOX) if right else 1


def stats(scores: Scores) -> tuple[list[tuple[str, int, int]], dict[str, tuple[int, int]]]:
    """Per attempt (when, right, asked), and per topic (right, asked) over all attempts."""
    per_attempt = [
        (a["when"], sum(r["right"] for r in a["results"]), len(a["results"]))
        for a in scores.attempts
    ]
    per_topic: dict[str, tuple[int, int]] = {}
    for attempt in scores.attempts:
        for result in attempt["results"]:
            right, asked = per_topic.get(result["topic"], (0, 0))
            per_topic[result["topic"]] = (right + result["right"], asked + 1)
    return per_attempt, per_topic


def bar(right: int, asked: int, width: int = 30) -> str:
    """A terminal bar chart cell: ``█████░░░░░ 50%``."""
    share = right / asked if asked else 0.0
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled) + f" {share:4.0%}"


def stats_page(scores: Scores) -> str:
    """The history as an HTML page: score per attempt, and per topic, as bars."""
    import jinja2

    per_attempt, per_topic = stats(scores)
    template = jinja2.Environment(
        loader=jinja2.PackageLoader("harness.quiz", "templates"), autoescape=True
    ).get_template("stats.html.j2")
    return template.render(attempts=per_attempt, topics=sorted(per_topic.items()))
