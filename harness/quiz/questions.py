"""The quiz's questions: read from each topic's ``questions.toml``, asked only when proven.

A question is tied to a claim. It may be asked only when the latest claims
report says that claim is verified (or confirmed as errata), so the quiz can
never teach what the emulator run did not prove.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from harness.errors import QuizError
from harness.model.outcomes import Verdict

QUESTIONS_FILE = "questions.toml"
#: The letters that name a question's choices, in order.
LETTERS = "abcdefgh"


#: The exam's domains and their weights. Each topic names its domain in its
#: questions.toml (``domain = "Security"``), so a new topic needs no change here.
DOMAINS = {
    "Development with AWS services": 0.32,
    "Security": 0.26,
    "Deployment": 0.24,
    "Troubleshooting and optimization": 0.18,
}


@dataclass(frozen=True)
class Question:
    id: str  # "<claim id>#<n>": stable while the file keeps its order
    claim: str
    stem: str
    answer: tuple[str, ...]  # one value, or the correct choices
    choices: tuple[str, ...] = ()
    explanation: str = ""
    domain: str | None = None  # the exam domain its topic names (None: not in the mock exam)

    @property
    def topic(self) -> str:
        return self.claim.split(".", 1)[0]

    @property
    def multiple_choice(self) -> bool:
        return bool(self.choices)

    @property
    def letters(self) -> str:
        """The letters of its choices: ``abcd`` for four."""
        return LETTERS[: len(self.choices)]


def load_questions(labs: Path) -> list[Question]:
    """Every question under ``labs``, in file order; a malformed one is a QuizError."""
    questions = []
    for path in sorted(labs.glob(f"*/{QUESTIONS_FILE}")):
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise QuizError(f"{path}: not valid TOML ({error})") from None
        domain = document.get("domain")
        if domain is not None and domain not in DOMAINS:
            raise QuizError(f"{path}: domain must be one of {', '.join(map(repr, DOMAINS))}")
        counts: dict[str, int] = {}
        for number, entry in enumerate(document.get("question", []), start=1):
            questions.append(_question(entry, path, number, counts, domain))
    return questions


def _question(
    entry: dict, path: Path, number: int, counts: dict[str, int], domain: str | None
) -> Question:
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
    if len(choices) > len(LETTERS):
        raise QuizError(f"{where}: at most {len(LETTERS)} choices, one per letter a-h")
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
        domain,
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


def askable(
    questions: list[Question], claims: dict[str, dict]
) -> tuple[list[Question], list[tuple[Question, str]]]:
    """(questions whose claim is proven, questions held back with the reason)."""
    asked: list[Question] = []
    held: list[tuple[Question, str]] = []
    for question in questions:
        claim = claims.get(question.claim)
        if claim is None:
            held.append((question, "its claim has no result in the report"))
        elif not Verdict(claim["outcome"]).proven:
            held.append((question, f"its claim is {claim['outcome']} in the report"))
        else:
            asked.append(question)
    return asked, held
