"""The practice quiz: answers checked, questions held back, scores kept, bad input survived."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from harness import quiz
from harness.cli import main
from harness.errors import QuizError

QUESTIONS = """\
[[question]]
claim = "sqs.visibility-default"
stem = "Default visibility timeout, in seconds?"
answer = "30"

[[question]]
claim = "sqs.fifo-suffix"
stem = "A FIFO queue's name ends with?"
answer = ".fifo"

[[question]]
claim = "sqs.long-poll"
stem = "Benefits of long polling?"
choices = ["Fewer empty responses", "Ordering", "Fewer API calls", "Bigger messages"]
answer = ["Fewer empty responses", "Fewer API calls"]

[[question]]
claim = "sqs.unproven"
stem = "Asked only once proven?"
answer = "no"
"""


def claim(claim_id: str, outcome: str) -> dict:
    test = f"labs/sqs/test_x.py::{claim_id}"
    return {"id": claim_id, "topic": "sqs", "quote": f"quote of {claim_id}", "errata": None,
            "source": None, "outcome": outcome, "tests": [test]}  # fmt: skip


@pytest.fixture
def course(tmp_path: Path, monkeypatch) -> Path:
    """A project with SQS questions and a claims report in which one claim failed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "labs" / "sqs").mkdir(parents=True)
    (tmp_path / "labs" / "sqs" / "questions.toml").write_text(QUESTIONS)
    (tmp_path / "reports").mkdir()
    claims = [claim("sqs.visibility-default", "verified"), claim("sqs.fifo-suffix", "errata"),
              claim("sqs.long-poll", "verified"), claim("sqs.unproven", "failed")]  # fmt: skip
    report = {"notes": "notes.md", "backend": "moto", "claims": claims}
    (tmp_path / "reports" / "claims.json").write_text(json.dumps(report))
    return tmp_path


def question(answer, choices=()) -> quiz.Question:
    answers = tuple(answer) if isinstance(answer, list) else (answer,)
    return quiz.Question("x.y#1", "x.y", "stem", answers, tuple(choices))


@pytest.mark.parametrize(
    ("expected", "given", "right"),
    [
        ("30", "30", True),
        ("30", " 30 seconds ", True),
        ("30", "30s", True),
        ("900", "900.0", True),
        ("1048576", "1,048,576", True),
        ("5", "5%", True),
        ("30", "31", False),
        ("30", "", False),
        ("PurgeQueue", "purgequeue", True),
        (".fifo", "fifo", True),
        ("ReceiveMessageWaitTimeSeconds", "WaitTimeSeconds", False),
    ],
)
def test_values_are_checked_forgivingly(expected, given, right):
    assert quiz.is_right(question(expected), given) is right


@pytest.mark.parametrize(
    ("given", "right"),
    [("a,c", True), ("c a", True), ("AC", True), ("a;c", True), ("a", False),
     ("a,b,c", False), ("b d", False), ("", False)],
)  # fmt: skip
def test_multiple_choice_is_checked_strictly(given, right):
    asked = question(["one", "three"], choices=["one", "two", "three", "four"])
    assert quiz.is_right(asked, given) is right


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("1", "'1' is not a choice"),
        ("a,c,z", "'z' is not one of the choices a-d"),
        ("ae", "'e' is not one of the choices a-d"),
        ("a,a,c", "'a' is there twice"),
        ("fewer empty responses", "'fewer empty responses' is not a choice"),
    ],
)
def test_an_answer_that_names_no_choice_is_unreadable_not_wrong(given, why):
    asked = question(["one", "three"], choices=["one", "two", "three", "four"])
    with pytest.raises(quiz.Unreadable) as unreadable:
        quiz.is_right(asked, given)
    expected = f"{why}: answer with the letters of your choices, e.g. `ac`"
    assert str(unreadable.value) == expected


def test_a_single_choice_question_asks_for_one_letter():
    asked = question("two", choices=["one", "two", "three"])
    assert quiz.expected_form(asked) == "answer with the letter of your choice, e.g. `c`"
    with pytest.raises(quiz.Unreadable, match="'d' is not one of the choices a-c"):
        quiz.is_right(asked, "d")


def test_an_unreadable_answer_is_asked_again_and_not_recorded(course: Path, capsys):
    answers = course / "answers.txt"
    answers.write_text("30\nfifo\n1\na,a\nac\n")  # the third question, read at the third try
    assert main(["quiz", "--answers", str(answers), "--in-order"]) == 0
    out = capsys.readouterr().out
    assert (
        "'1' is not a choice: answer with the letters of your choices, e.g. `ac`; try again" in out
    )
    assert "'a' is there twice" in out
    assert "score: 3/3" in out
    results = json.loads((course / quiz.SCORES).read_text())["attempts"][0]["results"]
    assert [r["right"] for r in results] == [True, True, True], "nothing for the unreadable two"


def test_answers_that_run_out_while_unreadable_end_the_attempt(course: Path, capsys):
    answers = course / "answers.txt"
    answers.write_text("30\nfifo\n1\n")
    assert main(["quiz", "--answers", str(answers), "--in-order"]) == 0
    out = capsys.readouterr().out
    assert "'1' is not a choice" in out
    assert "no more answers" in out and "score: 2/2" in out


def test_a_question_is_asked_only_when_its_claim_is_proven(course: Path, capsys):
    answers = course / "answers.txt"
    answers.write_text("30\nfifo\na,c\n")
    assert main(["quiz", "sqs", "--answers", str(answers), "--in-order"]) == 0
    out = capsys.readouterr().out
    assert "1 questions held back" in out
    assert "Asked only once proven?" not in out
    assert "score: 3/3" in out
    assert "proven by: pytest labs/sqs/test_x.py::" in out


def test_scores_are_kept_and_review_asks_the_missed_again(course: Path, capsys):
    answers = course / "answers.txt"
    answers.write_text("31\nfifo\nb\n")  # the first and the third wrong
    main(["quiz", "--answers", str(answers), "--in-order"])
    scores = json.loads((course / quiz.SCORES).read_text())
    assert [r["right"] for r in scores["attempts"][0]["results"]].count(False) == 2
    capsys.readouterr()
    answers.write_text("30\na c\n")
    assert main(["quiz", "--review", "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert out.count("[1/2]") == 1 and "score: 2/2" in out, "only the two missed, now right"
    assert main(["stats", "--html", "stats.html"]) == 0
    assert "3/5" in capsys.readouterr().out, "per topic: 1 of 3, then 2 of 2"
    page = (course / "stats.html").read_text()
    assert '<tr data-right="1" data-asked="3">' in page and '<tr data-topic="sqs">' in page


def test_an_empty_answer_is_wrong_and_running_out_of_answers_ends_the_attempt(course, capsys):
    answers = course / "answers.txt"
    answers.write_text("\n")
    assert main(["quiz", "--answers", str(answers), "-n", "3", "--in-order"]) == 0
    out = capsys.readouterr().out
    assert "wrong (no answer)" in out
    assert "no more answers" in out and "score: 0/1" in out


def test_a_corrupt_score_file_is_kept_aside_not_lost(course: Path, capsys):
    (course / quiz.SCORES).parent.mkdir(parents=True)
    (course / quiz.SCORES).write_text("{not json")
    answers = course / "answers.txt"
    answers.write_text("30\n")
    assert main(["quiz", "--answers", str(answers), "-n", "1", "--in-order"]) == 0
    assert "could not be read; kept it as" in capsys.readouterr().out
    kept = list((course / quiz.SCORES).parent.glob("scores.json.corrupt-*"))
    assert [k.read_text() for k in kept] == ["{not json"]
    assert json.loads((course / quiz.SCORES).read_text())["attempts"]


def test_bad_input_gets_one_line(course: Path, capsys):
    assert main(["quiz", "ec2"]) == 2
    assert "no questions for topic 'ec2'; topics: sqs" in capsys.readouterr().err
    assert main(["quiz", "--report", "nowhere.json"]) == 2
    assert "no claims report at nowhere.json: run the labs first" in capsys.readouterr().err
    (course / "labs" / "sqs" / "questions.toml").write_text('[[question]]\nclaim = "sqs.a"\n')
    assert main(["quiz"]) == 2
    assert "question 1: needs stem =" in capsys.readouterr().err
    nine = [f"c{n}" for n in range(9)]
    (course / "labs" / "sqs" / "questions.toml").write_text(
        f'[[question]]\nclaim = "sqs.a"\nstem = "?"\nchoices = {nine}\nanswer = "c1"\n'
    )
    assert main(["quiz"]) == 2
    assert "question 1: at most 8 choices, one per letter a-h" in capsys.readouterr().err


def test_the_exam_follows_the_domain_weights_as_far_as_questions_go():
    topics = {"sqs": 40, "kms": 40, "cloudformation": 40, "cloudwatch": 40, "vpc": 40}
    domains = dict(zip(topics, [*quiz.DOMAINS, None], strict=True))  # vpc: no domain named
    pool = [
        quiz.Question(f"{t}.c{n}#1", f"{t}.c{n}", "stem", ("1",), domain=domains[t])
        for t, count in topics.items()
        for n in range(count)
    ]
    picked = quiz.choose(pool, quiz.Scores(), 20, exam=True, seed=1)
    per_topic = {t: sum(q.topic == t for q in picked) for t in topics}
    assert len(picked) == 65
    assert per_topic == {"sqs": 21, "kms": 17, "cloudformation": 15, "cloudwatch": 12, "vpc": 0}
    few = quiz.choose(pool[:50], quiz.Scores(), 20, exam=True, seed=1)
    assert len(few) == 50, "short of questions: every one, no repeats"


def test_the_quiz_starts_without_running_any_lab(course: Path, monkeypatch):
    # It reads the claims report; a lab would run in pytest, here or in a new process.
    def refuse(*args, **kwargs):
        raise AssertionError("the quiz ran a lab")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(pytest, "main", refuse)
    answers = course / "answers.txt"
    answers.write_text("30\n")
    assert main(["quiz", "--answers", str(answers), "-n", "1", "--in-order"]) == 0


def test_a_topic_names_its_exam_domain_in_its_questions(tmp_path: Path):
    topic = tmp_path / "labs" / "vpc"
    topic.mkdir(parents=True)
    question = '[[question]]\nclaim = "vpc.a"\nstem = "?"\nanswer = "1"\n'
    (topic / "questions.toml").write_text('domain = "Deployment"\n\n' + question)
    (loaded,) = quiz.load_questions(tmp_path / "labs")
    assert loaded.domain == "Deployment"
    (topic / "questions.toml").write_text('domain = "Networking"\n\n' + question)
    with pytest.raises(QuizError, match="domain must be one of 'Development with AWS services'"):
        quiz.load_questions(tmp_path / "labs")
