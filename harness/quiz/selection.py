"""Which questions one attempt asks: a practice round, a review, or a mock exam.

A round is shuffled (or in the files' order); a review asks what was missed
the last time it was asked; an exam asks 65, spread over the exam's domains
by their weights, as far as the proven questions go.
"""

from __future__ import annotations

import random

from harness.quiz.questions import DOMAINS, Question
from harness.quiz.scores import Scores

EXAM_QUESTIONS = 65
# The exam's domains and their weights (DVA-C02), and the topics that serve each.


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
    pools = {name: [q for q in questions if q.domain == name] for name in DOMAINS}
    for pool in pools.values():
        chance.shuffle(pool)
    # Seats per domain: the weights' shares of 65, rounded so that they add up to 65.
    shares = {name: weight * EXAM_QUESTIONS for name, weight in DOMAINS.items()}
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
