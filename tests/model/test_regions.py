"""Solution regions: finding them, the student's copy, the blank copy."""

from __future__ import annotations

import textwrap

import pytest

from harness.model.regions import (
    SolutionMarkupError,
    blank_version,
    find_regions,
    regions_by_test,
    student_version,
)

LAB = textwrap.dedent(
    """\
    def test_visibility(clock):
        send()
        # HINT: how long does a received
        # HINT: message stay hidden?
        # BEGIN SOLUTION
        clock.advance(29)
        clock.advance(2)
        # END SOLUTION
        check()


    class TestFifo:
        def test_group(self):
            if True:
                # BEGIN SOLUTION
                expected = ["a"]
                # END SOLUTION
            assert expected
    """
)


def test_regions_carry_their_lines_indentation_and_hint():
    first, second = find_regions(LAB)
    assert (first.begin, first.end, first.indent) == (5, 8, "    ")
    assert first.hint == "how long does a received message stay hidden?"
    assert (second.begin, second.end, second.indent, second.hint) == (15, 17, "            ", None)


def test_the_student_copy_raises_with_the_hint_and_keeps_the_markers():
    student = student_version(LAB)
    assert (
        "    # BEGIN SOLUTION\n"
        "    # TODO: how long does a received message stay hidden?\n"
        "    raise NotImplementedError('how long does a received message stay hidden?')\n"
        "    # END SOLUTION\n"
    ) in student
    assert "            raise NotImplementedError('write the solution here')\n" in student
    assert "clock.advance" not in student and "expected = " not in student
    compile(student, "student.py", "exec")


def test_the_blank_copy_is_what_a_student_who_wrote_nothing_hands_in():
    blank = blank_version(LAB)
    assert "    # BEGIN SOLUTION\n    pass\n    # END SOLUTION\n" in blank
    assert "clock.advance" not in blank
    compile(blank, "blank.py", "exec")


def test_regions_are_mapped_to_their_tests():
    found = regions_by_test(LAB)
    assert sorted(found) == ["TestFifo::test_group", "test_visibility"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("# BEGIN SOLUTION\nx = 1\n", "line 1: BEGIN SOLUTION is never closed"),
        ("x = 1\n# END SOLUTION\n", "line 2: END SOLUTION without a BEGIN"),
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", "inside the region opened at"),
    ],
)
def test_unpaired_markers_name_the_line(source, message):
    with pytest.raises(SolutionMarkupError, match=message.replace("line ", "lab.py:")):
        find_regions(source, "lab.py")


def test_a_region_outside_a_test_is_refused():
    source = "def helper():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION\n"
    with pytest.raises(SolutionMarkupError, match="belongs inside a test function"):
        regions_by_test(source, "lab.py")
