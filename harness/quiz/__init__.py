"""A practice exam whose every answer a lab has proven.

Questions live beside the labs, one file per topic (``labs/<topic>/questions.toml``),
each tied to a claim. A question is asked only when the latest claims report
says its claim is verified (or confirmed as errata) on the chosen backend, so
the quiz can never teach what the emulator run did not prove.

- ``questions``: loading the questions, and which of them may be asked
- ``answers``: reading and judging one answer
- ``selection``: which questions one attempt asks (a round, a review, an exam)
- ``attempt``: one sitting, from the first question to the score
- ``scores``: what attempts leave on this machine, and the history page

The names the command line and the checks use are importable from here.
"""

from __future__ import annotations

from harness.quiz.answers import Unreadable, expected_form, is_right
from harness.quiz.attempt import EXAM_MINUTES, Attempt, lines_of
from harness.quiz.questions import QUESTIONS_FILE, Question, askable, load_questions, load_report
from harness.quiz.scores import SCORES, Scores, bar, stats, stats_page
from harness.quiz.selection import DOMAINS, EXAM_QUESTIONS, choose

__all__ = [
    "DOMAINS",
    "EXAM_MINUTES",
    "EXAM_QUESTIONS",
    "QUESTIONS_FILE",
    "SCORES",
    "Attempt",
    "Question",
    "Scores",
    "Unreadable",
    "askable",
    "bar",
    "choose",
    "expected_form",
    "is_right",
    "lines_of",
    "load_questions",
    "load_report",
    "stats",
    "stats_page",
]
