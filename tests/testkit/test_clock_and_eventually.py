"""Emulated time and bounded waits."""

from __future__ import annotations

import time

import pytest

from harness.testkit.clock import EmulatedClock, WaitingClock
from harness.testkit.eventually import Eventually


def test_the_emulated_clock_jumps_without_waiting():
    with EmulatedClock() as clock:
        real_start, emulated_start = time.monotonic(), time.time()
        clock.advance(14 * 24 * 3600)
        assert time.time() - emulated_start >= 14 * 24 * 3600
        # Moments, where waiting would take 14 days: a bound no slow machine reaches.
        assert time.monotonic() - real_start < 60
        assert clock.advanced == 14 * 24 * 3600
        assert clock.instant  # so a lab need not bound its waits for real time
    assert abs(time.time() - emulated_start) < 60, "leaving the clock restores real time"


def test_a_clock_without_tick_stands_still_between_advances():
    with EmulatedClock(tick=False) as clock:
        start = time.time()
        time.sleep(0.05)  # real time passes; the clock's does not
        assert time.time() == start
        clock.advance(1)
        assert time.time() == start + 1


def test_the_waiting_clock_really_waits():
    clock = WaitingClock()
    started = time.monotonic()
    clock.advance(0.2)
    assert time.monotonic() - started >= 0.2
    assert not clock.instant


def test_a_wait_too_long_to_sit_through_skips_the_test():
    clock = WaitingClock()
    with pytest.raises(pytest.skip.Exception, match="needs 259200 s of real waiting"):
        clock.advance(3 * 24 * 3600)
    assert clock.advanced == 0


@pytest.mark.parametrize("bad", [-1, "30", None])
def test_time_only_moves_forward_by_a_number_of_seconds(bad):
    with EmulatedClock() as clock, pytest.raises(ValueError, match="seconds >= 0"):
        clock.advance(bad)


def test_moto_sees_the_clock_move(lab: pytest.Pytester):
    lab.makepyfile(
        """
        def test_visibility(aws, clock):
            url = aws.sqs.create_queue(QueueName="q")["QueueUrl"]
            aws.sqs.send_message(QueueUrl=url, MessageBody="m")
            assert aws.sqs.receive_message(QueueUrl=url).get("Messages")
            assert not aws.sqs.receive_message(QueueUrl=url).get("Messages")
            clock.advance(31)
            assert aws.sqs.receive_message(QueueUrl=url).get("Messages")
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=1)


def test_eventually_retries_until_the_check_holds():
    calls = []

    def third_time_lucky():
        calls.append(1)
        assert len(calls) >= 3
        return "done"

    assert Eventually(interval=0.001)(third_time_lucky) == "done"
    assert len(calls) == 3


def test_eventually_gives_up_with_the_last_failure():
    def never() -> bool:
        return False

    started = time.monotonic()
    with pytest.raises(AssertionError, match=r"never\(\) was still False after 0.2 s"):
        Eventually(interval=0.01)(never, timeout=0.2)
    # It gave up at its own 0.2 s, not at the default 10 s; the bound leaves room for
    # a machine many times slower than today's, where this takes about 0.21 s.
    assert time.monotonic() - started < 5


def test_once_the_backend_is_quiet_eventually_looks_once_more_and_gives_up():
    looks = []

    def never() -> bool:
        looks.append(1)
        return False

    started = time.monotonic()
    with pytest.raises(AssertionError, match="nothing left under way"):
        Eventually(timeout=60, quiet=lambda: True)(never)
    assert len(looks) == 2, "the failed look, then one more after the backend went quiet"
    assert time.monotonic() - started < 30, "long before its 60 s bound"


def test_an_effect_that_lands_as_the_backend_goes_quiet_is_still_seen():
    looks = []

    def second_look() -> str | None:
        looks.append(1)
        return "delivered" if len(looks) == 2 else None

    assert Eventually(timeout=60, quiet=lambda: True)(second_look) == "delivered"


def test_while_the_backend_is_busy_eventually_keeps_waiting():
    with pytest.raises(AssertionError, match=r"after 0.2 s"):
        Eventually(interval=0.01, quiet=lambda: False)(lambda: None, timeout=0.2)


def test_eventually_refuses_an_unbounded_wait():
    with pytest.raises(ValueError, match="must be in"):
        Eventually()(lambda: True, timeout=3600)


@pytest.mark.parametrize(
    ("emulated", "bound"), [(True, "0.2 s"), (False, "0.3 s")], ids=["emulator", "aws"]
)
def test_what_aws_takes_minutes_for_an_emulator_does_within_its_own_bound(emulated, bound):
    def never() -> bool:
        return False

    with pytest.raises(AssertionError, match=f"after {bound}"):
        Eventually(timeout=0.2, interval=0.01, emulated=emulated)(never, aws_takes=0.3)
    with pytest.raises(ValueError, match="not both"):
        Eventually()(never, timeout=1, aws_takes=1)
