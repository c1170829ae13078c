"""The claim and emulator_gap markers: parsing, validation, and what a student sees."""

from __future__ import annotations

import pytest

from harness.model.claims import MarkerError, claim_from_marker, gap_backends
from harness.model.notes import Notes

QUOTE = "by default 30 seconds, then after that, it becomes visible again"


def test_a_claim_reads_its_id_quote_and_topic():
    claim = claim_from_marker(("sqs.visibility-default",), {"quote": QUOTE})
    assert (claim.id, claim.quote, claim.topic) == ("sqs.visibility-default", QUOTE, "sqs")


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {"quote": QUOTE}, "id must look like"),
        (("Visibility",), {"quote": QUOTE}, "id must look like"),
        (("sqs.x",), {}, "needs quote="),
        (("sqs.x",), {"quote": ""}, "non-empty string"),
        (("sqs.x",), {"quote": QUOTE, "qoute": 1}, "unknown keyword qoute="),
        (("sqs.x",), {"quote": QUOTE, "errata": "it changed"}, "no source="),
        (("sqs.x", QUOTE), {"quote": QUOTE}, "got quote twice"),
    ],
)
def test_a_malformed_claim_says_what_is_wrong(args, kwargs, message):
    with pytest.raises(MarkerError, match=message):
        claim_from_marker(args, kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {"reason": "r"}, "names no backend"),
        (("motto",), {"reason": "r"}, "not an emulator"),
        (("aws",), {"reason": "r"}, "not an emulator"),
        (("moto",), {}, "needs reason="),
        (("moto",), {"reason": "r", "strict": False}, "unknown keyword strict="),
        (("moto",), {"reason": "r", "race": "yes"}, "race= is True or False"),
    ],
)
def test_a_malformed_gap_marker_says_what_is_wrong(args, kwargs, message):
    with pytest.raises(MarkerError, match=message):
        gap_backends(args, kwargs, ("moto", "localstack"))


def test_notes_give_the_line_and_the_section_path(lab: pytest.Pytester):
    notes = Notes(lab.path / "notes" / "aws-dev-associate.md")
    location = notes.find(QUOTE)
    assert location.line == 4
    assert location.section == "aws integration and messaging > sqs > message visibility timeout"
    assert notes.find("not in the notes") is None


def test_a_malformed_marker_fails_its_test_in_one_line(lab: pytest.Pytester):
    lab.makepyfile(
        """
        import pytest

        @pytest.mark.claim("sqs.no-quote")
        def test_missing_quote():
            pass

        @pytest.mark.claim("sqs.wrong-quote", quote="not what the notes say")
        def test_wrong_quote():
            pass

        @pytest.mark.emulator_gap("moto")
        def test_gap_without_reason():
            pass

        def test_unmarked_still_runs():
            pass
        """
    )
    result = lab.runpytest("-p", "no:randomly")
    result.assert_outcomes(passed=1, errors=3)
    result.stdout.fnmatch_lines(
        [
            "*test_missing_quote: @pytest.mark.claim('sqs.no-quote') needs quote=*",
            "*test_wrong_quote: the quote of claim 'sqs.wrong-quote' is not in aws-dev-*",
            "*test_gap_without_reason: @pytest.mark.emulator_gap('moto',) needs reason=*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_a_failed_lab_shows_its_claim_bullet_and_hint(lab: pytest.Pytester):
    lab.makepyfile(
        f"""
        import pytest

        import boto3

        @pytest.mark.claim("sqs.visibility-default", quote={QUOTE!r})
        def test_default(aws):
            url = aws.sqs.create_queue(QueueName="q")["QueueUrl"]
            boto3.client("sqs").send_message(QueueUrl=url, MessageBody="m")
            aws.sqs.receive_message(QueueUrl=url)
            aws.sqs.receive_message(QueueUrl=url)
            # HINT: how long does a received message stay hidden by default?
            # BEGIN SOLUTION
            timeout = 29
            # END SOLUTION
            assert timeout == 30
        """
    )
    result = lab.runpytest("-p", "no:randomly")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*- awslab claim -*",
            "claim sqs.visibility-default",
            f'line 4 (aws integration and messaging > sqs > message visibility timeout): "{QUOTE}"',
            "hint: how long does a received message stay hidden by default?",
            "AWS calls made: CreateQueue, SendMessage, ReceiveMessage ×2",
        ]
    )


def test_an_emulator_gap_is_a_strict_expected_failure_on_that_backend_only(
    lab: pytest.Pytester,
):
    lab.makepyfile(
        """
        import pytest

        @pytest.mark.emulator_gap("moto", reason="moto differs")
        def test_differs_on_moto():
            assert False

        @pytest.mark.emulator_gap("moto", reason="moto differs")
        def test_no_longer_differs():
            pass

        @pytest.mark.emulator_gap("localstack", reason="localstack differs")
        def test_differs_elsewhere():
            pass
        """
    )
    result = lab.runpytest("-p", "no:randomly", "-rxX")
    result.assert_outcomes(xfailed=1, failed=1, passed=1)
    result.stdout.fnmatch_lines(["*XPASS(strict)*emulator gap on moto: moto differs*"])


def test_a_gaps_expected_failure_keeps_only_the_tests_own_frames(lab: pytest.Pytester):
    # Formatting the frames of botocore (here: deeper.py) for a traceback nobody sees
    # cost about 16 ms a gap; pytest's long style, parsing the test's module for each
    # frame, some 6 ms more: a gap's is formatted as Python does.
    lab.makepyfile(deeper="def fail():\n    raise ValueError('deep down')\n")
    lab.makepyfile(
        test_gap="""
        import pytest
        import deeper

        @pytest.mark.emulator_gap("moto", reason="moto differs")
        def test_differs_on_moto():
            deeper.fail()

        def test_fails():
            deeper.fail()
        """
    )
    run = lab.inline_run("-p", "no:randomly", "--backend", "moto")
    calls = {r.nodeid.split("::")[1]: r for r in run.getreports() if r.when == "call"}
    frames = {name: report.longrepr for name, report in calls.items()}
    gap = frames["test_differs_on_moto"]
    assert "test_gap.py" in str(gap) and "deeper.py" not in str(gap)
    assert str(gap).startswith("Traceback (most recent call last):")  # Python's format
    assert gap.reprcrash.message == "ValueError: deep down"  # what the report reads
    other = [e.reprfileloc.path for e in frames["test_fails"].reprtraceback.reprentries]
    assert other == ["test_gap.py", "deeper.py"], "only a gap's frames are trimmed"


def test_a_race_of_an_emulators_is_skipped_there_whatever_its_outcome(lab: pytest.Pytester):
    lab.makepyfile(
        """
        import pytest

        @pytest.mark.emulator_gap("moto", reason="loses an update now and then", race=True)
        def test_sometimes():
            assert False, "never run on moto"

        @pytest.mark.emulator_gap("localstack", reason="loses an update", race=True)
        def test_races_elsewhere():
            pass
        """
    )
    result = lab.runpytest("-p", "no:randomly", "-rs")
    result.assert_outcomes(skipped=1, passed=1)
    result.stdout.fnmatch_lines(
        ["*emulator gap on moto (a race, not run): loses an update now and then*"]
    )


def test_the_markers_are_registered_with_their_signatures(lab: pytest.Pytester):
    result = lab.runpytest("--markers")
    result.stdout.fnmatch_lines(
        [
            "@pytest.mark.claim(id, quote, errata=None, source=None): links a test*",
            "@pytest.mark.emulator_gap(backend, ..., reason, race=False): *",
        ]
    )
