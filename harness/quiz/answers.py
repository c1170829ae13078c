"""Reading and judging one answer: forgiving for values, strict for multiple choice.

A value ("30", "30 seconds", "30s") is compared as a number where the
expected answer is one, else word by word, ignoring case and punctuation.
Multiple choice is answered with letters ("ac", "a, c"). An answer that
cannot be read as such (``1``, a letter that names no choice, a letter
twice) is ``Unreadable``: the quiz says what form it expects and asks again,
rather than scoring a typo as a wrong answer.
"""

from __future__ import annotations

import re

from harness.quiz.questions import LETTERS, Question

# Words a value may carry that do not change it: "30 seconds" is 30 where the stem
# asked for seconds. (No conversions: "15 minutes" is not 900.)
UNIT_WORDS = (
    r"(seconds?|secs?|s|minutes?|mins?|hours?|hrs?|days?|kib|kb|mib|mb|gib|gb"
    r"|items?|messages?|records?|requests?|keys?|entries|entry)"
)


class Unreadable(ValueError):
    """An answer that is not in the form the question takes; the message says which form."""


def is_right(question: Question, given: str) -> bool:
    """Whether ``given`` answers ``question``; ``Unreadable`` if it is no answer to it at all.

    An empty answer is readable, and wrong: it is how a student passes.
    """
    given = given.strip()
    if not given:
        return False
    if question.multiple_choice:
        chosen = {question.choices[question.letters.index(x)] for x in letters(question, given)}
        return chosen == set(question.answer)
    expected = question.answer[0]
    want, got = _number(expected.casefold()), _number(given.casefold())
    if want is not None:
        return got == want
    return _words(given) == _words(expected)


def letters(question: Question, given: str) -> str:
    """The letters ``given`` chooses (``"a, c"`` -> ``"ac"``), each an offered one, once."""
    chosen = re.sub(r"[\s,;]", "", given.casefold())
    offered = question.letters
    for letter in chosen:
        if letter not in offered:
            why = (
                f"{letter!r} is not one of the choices {offered[0]}-{offered[-1]}"
                if chosen.isalpha() and len(chosen) <= len(LETTERS)
                else f"{given.strip()!r} is not a choice"
            )
            raise Unreadable(f"{why}: {expected_form(question)}")
        if chosen.count(letter) > 1:
            raise Unreadable(f"{letter!r} is there twice: {expected_form(question)}")
    return chosen


def expected_form(question: Question) -> str:
    """What an answer to this multiple-choice question looks like, with an example."""
    wanted = len(question.answer)
    offered = question.letters
    if wanted == 1:
        return f"answer with the letter of your choice, e.g. `{offered[-1]}`"
    # Every other letter, so the example is not mistaken for "the first ones".
    example = (offered[::2] + offered[1::2])[:wanted]
    return f"answer with the letters of your choices, e.g. `{''.join(sorted(example))}`"


def _number(text: str) -> float | None:
    text = text.strip().replace(",", "").replace("_", "").removesuffix("%")
    text = re.sub(rf"\s*{UNIT_WORDS}\s*$", "", text)
    try:
        return float(text)
    except ValueError:
        return None


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()
