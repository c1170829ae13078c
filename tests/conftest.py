"""Fixtures for testing the harness itself, mostly through pytester."""

from __future__ import annotations

import textwrap

import pytest

pytest_plugins = ["pytester"]

NOTES = textwrap.dedent(
    """\
    #### aws integration and messaging
    - sqs:
      - message visibility timeout
        - by default 30 seconds, then after that, it becomes visible again
      - retention: 4 - 14 days
    """
)


@pytest.fixture
def lab(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytester project laid out like ours: notes file and ini in place."""
    pytester.makefile(".md", **{"notes/aws-dev-associate": NOTES})
    pytester.makeini("[pytest]\nawslab_notes = notes/aws-dev-associate.md\n")
    return pytester
