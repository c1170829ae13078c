"""Splicing a student's regions into the instructor's module: what costs a test, and what not."""

from __future__ import annotations

from harness.classroom.grade import splice

MODULE = """\
def test_shards():
    def shard_for(key):
        # HINT: the shard of a key
        # BEGIN SOLUTION
        return key[0]
        # END SOLUTION

    assert shard_for("ab") == "a"


def test_value():
    # HINT: the value
    # BEGIN SOLUTION
    value = 1
    # END SOLUTION
    assert value == 1
"""


def test_a_return_in_a_helper_gives_its_value_and_one_in_the_test_skips_the_checks():
    student = MODULE.replace("return key[0]", "return key[-1]").replace("value = 1", "return")
    spliced, problems = splice(MODULE, student, "test_x.py")
    assert "return key[-1]" in spliced, "a helper's return is the student's answer"
    assert problems == {
        "test_value": "the solution returns from the test, which would skip its checks"
    }
