"""A practice exam whose every answer a lab has proven.

Questions live beside the labs, one file per topic (``labs/<topic>/questions.toml``),
each tied to a claim. A question is asked only when the latest claims report
says its claim is verified (or confirmed as errata) on the chosen backend, so
the quiz can never teach what the emulator run did not prove.

Scores stay on this machine, in ``.awslab/quiz/scores.json``: one entry per
attempt, and a Leitner box per question for ``--review``.
"""

from __future__ import annotations

import json
import random
import re
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from harness.errors import QuizError
from harness.model.outcomes import Verdict

QUESTIONS_FILE = "questions.toml"
SCORES = Path(".awslab/quiz/scores.json")
TOP_BOX = 3  # Leitner boxes 1..3: a wrong answer goes back to 1, a right one moves up
EXAM_QUESTIONS = 65
EXAM_MINUTES = 130
# The exam's domains and their weights (DVA-C02), and the topics that serve each.
DOMAINS = {
    "Development with AWS services": (
        0.32,
        {"sqs", "sns", "kinesis", "dynamodb", "lambda", "s3", "stepfunctions", "eventbridge"},
    ),
    "Security": (0.26, {"iam", "kms", "cognito", "parameters", "sdk"}),
    "Deployment": (0.24, {"cloudformation", "ecs", "apigateway", "route53", "ec2"}),
    "Troubleshooting and optimization": (0.18, {"cloudwatch", "xray"}),
}
# Words a value may carry that do not change it: "30 seconds" is 30 where the stem
# asked for seconds. (No conversions: "15 minutes" is not 900.)
UNIT_WORDS = (
    r"(seconds?|secs?|s|minutes?|mins?|hours?|hrs?|days?|kib|kb|mib|mb|gib|gb"
    r"|items?|messages?|records?|requests?|keys?|entries|entry)"
)


@dataclass(frozen=True)
class Question:
    id: str  # "<claim id>#<n>": stable while the file keeps its order
    claim: str
    stem: str
    answer: tuple[str, ...]  # one value, or the correct choices
    choices: tuple[str, ...] = ()
    explanation: str = ""

    @property
    def topic(self) -> str:
        return self.claim.split(".", 1)[0]

    @property
    def multiple_choice(self) -> bool:
        return bool(self.choices)


def load_questions(labs: Path) -> list[Question]:
    """Every question under ``labs``, in file order; a malformed one is a QuizError."""
    questions = []
    for path in sorted(labs.glob(f"*/{QUESTIONS_FILE}")):
        try:
            entries = tomllib.loads(path.read_text(encoding="utf-8")).get("question", [])
        except tomllib.TOMLDecodeError as error:
            raise QuizError(f"{path}: not valid TOML ({error})") from None
        counts: dict[str, int] = {}
        for number, entry in enumerate(entries, start=1):
            questions.append(_question(entry, path, number, counts))
    return questions


def _question(entry: dict, path: Path, number: int, counts: dict[str, int]) -> Question:
    where = f"{path}, question {number}"
    for key in ("claim", "stem", "answer"):
        if not entry.get(key):
            raise QuizError(f"{where}: needs {key} =")
    unknown = set(entry) - {"claim", "stem", "answer", "choices", "explanation"}
    if unknown:
        raise QuizError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    answer = entry["answer"]
    answers = tuple(str(a) for a in (answer if isinstance(answer, list) else [answer]))
    choices = tuple(str(c) for c in entry.get("choices", []))
    if choices and not set(answers) <= set(choices):
        raise QuizError(f"{where}: every answer must be one of its choices")
    if not choices and len(answers) != 1:
        raise QuizError(f"{where}: a question without choices has one answer")
    claim = entry["claim"]
    counts[claim] = counts.get(claim, 0) + 1
    return Question(
        f"{claim}#{counts[claim]}",
        claim,
        entry["stem"],
        answers,
        choices,
        entry.get("explanation", ""),
    )


def load_report(path: Path) -> dict[str, dict]:
    """``claim id -> claim`` from a claims.json, or a QuizError saying how to make one."""
    if not path.is_file():
        raise QuizError(
            f"no claims report at {path}: run the labs first (`make labs`, or "
            "`pytest labs --claims-report reports`), or name one with --report"
        )
    try:
        return {claim["id"]: claim for claim in json.loads(path.read_text())["claims"]}
    except (ValueError, KeyError, TypeError):
        raise QuizError(f"{path} is not a claims report (claims.json)") from None


def askable(questions: list[Question], claims: dict[str, dict]) -> tuple[list, list]:
    """(questions whose claim is proven, questions held back with the reason)."""
    asked, held = [], []
    for question in questions:
        claim = claims.get(question.claim)
        if claim is None:
            held.append((question, "its claim has no result in the report"))
        elif not Verdict(claim["outcome"]).proven:
            held.append((question, f"its claim is {claim['outcome']} in the report"))
        else:
            asked.append(question)
    return asked, held


def _number(text: str) -> float | None:
    text = text.strip().replace(",", "").replace("_", "").removesuffix("%")
    text = re.sub(rf"\s*{UNIT_WORDS}\s*$", "", text)
    try:
        return float(text)
    except ValueError:
        return None


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def is_right(question: Question, given: str) -> bool:
    """Forgiving for values ("30", "30 seconds", "30s"), strict for multiple choice."""
    given = given.strip()
    if not given:
        return False
    if question.multiple_choice:
        letters = re.sub(r"[\s,;]", "", given.casefold())
        offered = "abcdefgh"[: len(question.choices)]
        if any(x not in offered for x in letters) or len(set(letters)) < len(letters):
            return False  # only the offered letters, each once
        return {question.choices[offered.index(x)] for x in letters} == set(question.answer)
    expected = question.answer[0]
    want, got = _number(expected.casefold()), _number(given.casefold())
    if want is not None:
        return got == want
    return _words(given) == _words(expected)


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


def choose(
    questions: list[Question],
    scores: Scores,
    count: int,
    *,
    review: bool = False,
    exam: bool = False,
    in_order: bool = False,
    seed: int | None = None,
) -> list[Question]:
    """The questions of one attempt: shuffled, unless ``in_order`` (the files' order)."""
    chance = random.Random(seed)
    if review:
        # Box 1 holds what was missed the last time it was asked.
        return [q for q in questions if scores.boxes.get(q.id) == 1][:count]
    if exam:
        return _exam_selection(questions, chance)
    picked = list(questions)
    if not in_order:
        chance.shuffle(picked)
    return picked[:count]


def _exam_selection(questions: list[Question], chance: random.Random) -> list[Question]:
    """Up to 65 questions, spread over the exam's domains by weight, as far as they go."""
    pools = {
        name: [q for q in questions if q.topic in topics] for name, (_, topics) in DOMAINS.items()
    }
    for pool in pools.values():
        chance.shuffle(pool)
    # Seats per domain: the weights' shares of 65, rounded so that they add up to 65.
    shares = {name: weight * EXAM_QUESTIONS for name, (weight, _) in DOMAINS.items()}
    wanted = {name: int(share) for name, share in shares.items()}
    by_remainder = sorted(shares, key=lambda name: shares[name] - wanted[name], reverse=True)
    for name in by_remainder[: EXAM_QUESTIONS - sum(wanted.values())]:
        wanted[name] += 1
    picked = [q for name, pool in pools.items() for q in pool[: wanted[name]]]
    spare = [q for name, pool in pools.items() for q in pool[wanted[name] :]]
    chance.shuffle(spare)
    picked += spare[: max(0, EXAM_QUESTIONS - len(picked))]  # short domains lend their seats
    chance.shuffle(picked)
    return picked


def lines_of(answers: Iterable[str]) -> Iterator[str]:
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
            self.say(f"\n[{number}/{len(self.questions)}] {question.stem}")
            for letter, choice in zip("abcdefgh", question.choices, strict=False):
                self.say(f"  {letter}) {choice}")
            if len(question.answer) > 1:
                self.say(f"  (choose {len(question.answer)})")
            given = next(answers, None)
            if given is None:
                self.say("no more answers: the attempt ends here")
                break
            right = is_right(question, given)
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
        right = sum(r["right"] for r in self.results)
        self.say(f"\nscore: {right}/{len(self.results)}")
        return attempt

    def explain(self, question: Question) -> None:
        claim = self.claims[question.claim]
        shown = [
            f"{letter}) {c}"
            for letter, c in zip("abcdefgh", question.choices, strict=False)
            if c in question.answer
        ]
        self.say(f"answer: {', '.join(shown) if shown else question.answer[0]}")
        if question.explanation:
            self.say(question.explanation)
        self.say(f'notes: "{claim["quote"]}"')
        if claim.get("errata"):
            self.say(f"errata: {claim['errata']} (source: {claim['source']})")
        if claim.get("tests"):
            self.say(f"proven by: pytest {claim['tests'][0]}")


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
