"""Solution regions: the one grammar, its strict and tolerant readings, the copies made from it."""

from __future__ import annotations

import textwrap

import pytest

from harness.model.regions import (
    SolutionMarkupError,
    blank_version,
    find_regions,
    markup_problems,
    regions_by_test,
    scan,
    student_regions,
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
                # An ordinary comment, not part of the hint.
                # HINT: which messages
                # come out first?
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
    assert (second.begin, second.end, second.indent) == (18, 20, "            ")


def test_a_hint_is_the_whole_comment_block_from_hint_to_begin():
    # The second line does not repeat "# HINT:": it still belongs to the hint.
    (_, second) = find_regions(LAB)
    assert second.hint_lines == ("which messages", "come out first?")
    assert second.hint == "which messages come out first?"


def test_the_student_copy_carries_the_whole_hint_and_keeps_the_markers():
    student = student_version(LAB)
    assert (
        "    # BEGIN SOLUTION\n"
        "    # TODO: how long does a received\n"
        "    #       message stay hidden?\n"
        "    raise NotImplementedError('how long does a received message stay hidden?')\n"
        "    # END SOLUTION\n"
    ) in student
    assert (
        "            # TODO: which messages\n"
        "            #       come out first?\n"
        "            raise NotImplementedError('which messages come out first?')\n"
    ) in student
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


def test_the_scanner_finds_tests_as_python_does():
    source = textwrap.dedent(
        '''\
        import pytest

        HANDLER = """
        def test_not_a_test(): pass
        """


        @pytest.mark.claim(
            "x.y",
            quote="q",
        )
        def test_first(functions):
            source = textwrap.dedent("""
        def handler(event, context):
            return 1
        """)
            # HINT: deploy it
            # BEGIN SOLUTION
            functions.deploy(source)
            # END SOLUTION


        def helper():
            def test_nested():
                pass


        class TestGroup:
            async def test_second(self):
                def inner():
                    pass
                # HINT: call it
                # BEGIN SOLUTION
                inner()
                # END SOLUTION
        '''
    )
    markup = scan(source)
    assert list(markup.tests) == ["test_first", "TestGroup::test_second"]
    assert sorted(markup.by_test()) == ["TestGroup::test_second", "test_first"]
    assert markup.problems == []


def test_markup_problems_name_file_line_and_what_to_do():
    source = textwrap.dedent(
        """\
        def helper():
            # HINT: h
            # BEGIN SOLUTION
            return 1
            # END SOLUTION


        def test_a():
            # BEGIN SOLUTION
            x = 1
            # END SOLUTION


        def test_b():
            # HINT: h
            # BEGIN SOLUTION
            # BEGIN SOLUTION
            # END SOLUTION
            # END SOLUTION


        def test_c():
            # HINT: h
            # BEGIN SOLUTION
        """
    )
    assert markup_problems(source, "lab.py") == [
        "lab.py:3: a solution region outside a test function: move it into the test "
        "(def test_...) that checks it",
        "lab.py:9: a solution region without a hint: add a '# HINT: ...' comment just "
        "above # BEGIN SOLUTION that says what to write",
        "lab.py:17: # BEGIN SOLUTION inside the region opened at line 16: close that one "
        "with # END SOLUTION first",
        "lab.py:17: a solution region without a hint: add a '# HINT: ...' comment just "
        "above # BEGIN SOLUTION that says what to write",
        "lab.py:19: # END SOLUTION without a # BEGIN SOLUTION above it: add one where the "
        "solution starts, or delete this line",
        "lab.py:24: # BEGIN SOLUTION is never closed: add # END SOLUTION where the solution ends",
    ]
    with pytest.raises(SolutionMarkupError, match=r"^lab\.py:3: a solution region outside"):
        regions_by_test(source, "lab.py")


STUDENT = textwrap.dedent(
    """\
    def test_add():
        # HINT: two plus three
        # BEGIN SOLUTION
        total = (2 +
        # END SOLUTION
        assert total == 5


    def test_items():
        # HINT: the items
        # BEGIN SOLUTION
        items = '''
        # END SOLUTION
        assert items


    def test_word():
        # HINT: the word
        word = "sqs"
        # END SOLUTION
        assert word


    def test_left_open():
        # HINT: h
        # BEGIN SOLUTION
        x = 1


    def test_last():
        # HINT: h
        # BEGIN SOLUTION
        last = 1
        # END SOLUTION
    """
)


def test_a_students_broken_file_costs_only_the_tests_it_breaks():
    bodies, broken = student_regions(STUDENT)
    # A syntax error or an unclosed string in one region hides nothing after it.
    assert bodies["test_add"] == ["total = (2 +"]
    assert bodies["test_items"] == ["items = '''"]
    assert bodies["test_last"] == ["last = 1"]
    assert broken == {
        "test_word": "the END SOLUTION at line 20 has no BEGIN SOLUTION",
        "test_left_open": "the BEGIN SOLUTION at line 26 is never closed",
    }
