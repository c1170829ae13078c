"""moto's long poll looks at the clock again whenever the lab's clock moves."""

from __future__ import annotations

import threading

from moto.sqs.models import Message, Queue

from harness.backends import moto_waits
from harness.backends.moto import MotoBackend
from harness.testkit.clock import EmulatedClock

REAL_WAIT = 30  # seconds: far longer than any join below, so only a wake-up ends it early


class Waiting:
    """A long poll's wait on a queue (moto's own method), in a thread."""

    def __init__(self, queue: Queue) -> None:
        self.thread = threading.Thread(target=queue.wait_for_messages, args=(REAL_WAIT,))
        self.thread.start()

    def ended_within(self, seconds: float) -> bool:
        self.thread.join(timeout=seconds)
        return not self.thread.is_alive()


def a_queue() -> Queue:
    moto_waits.install()
    return Queue("waits", "123456789012", "us-east-1")


def test_a_moving_clock_wakes_a_long_poll_and_a_still_one_does_not():
    queue = a_queue()
    waiting = Waiting(queue)
    try:
        assert not waiting.ended_within(0.2), "nothing happened: the poll keeps waiting"
    finally:
        moto_waits.clock_moved()
    assert waiting.ended_within(10), "the clock moved: the poll looks at it again"


def test_a_message_still_ends_the_wait_at_once():
    queue = a_queue()
    waiting = Waiting(queue)
    queue.add_message(Message("m-1", "hello"))  # moto's SendMessage, without the server
    try:
        assert waiting.ended_within(10)
    finally:
        moto_waits.clock_moved()  # never left waiting, whatever happened


def test_the_lab_clock_on_moto_wakes_moto():
    backend = MotoBackend()
    moved = []
    backend.clock_moved = lambda: moved.append(True)  # type: ignore[method-assign]
    try:
        with EmulatedClock(moved=backend.clock_moved) as clock:
            clock.advance(20)
        assert moved == [True]
    finally:
        backend.stop()


def test_installing_twice_patches_once():
    moto_waits.install()
    patched = Queue.wait_for_messages
    moto_waits.install()
    assert Queue.wait_for_messages is patched
    assert patched.awslab_replaced  # type: ignore[attr-defined]


def test_a_pause_of_a_minute_ends_as_soon_as_the_clock_is_fast_forwarded():
    moto_waits.install()
    with EmulatedClock(next_wait=moto_waits.next_deadline) as clock:
        pause = threading.Thread(target=moto_waits.pause_on_the_clock, args=(60,))
        pause.start()
        try:
            while moto_waits.next_deadline() is None:  # the thread has not begun its pause
                pause.join(timeout=0.01)
            pause.join(timeout=0.2)
            assert pause.is_alive(), "the clock has not moved: the pause goes on"
            assert 59 < clock.fast_forward() <= 60
        finally:
            clock.advance(60)  # never left pausing, whatever happened
            pause.join(timeout=10)
    assert not pause.is_alive()
    assert moto_waits.next_deadline() is None


def test_a_timeout_is_not_fast_forwarded_as_work_runs_meanwhile():
    moto_waits.install()
    with EmulatedClock(next_wait=moto_waits.next_deadline) as clock:
        timeout = moto_waits.ClockEvent()
        waiting = threading.Thread(target=timeout.wait, args=(60,))
        waiting.start()
        try:
            waiting.join(timeout=0.1)
            assert clock.fast_forward() == 0.0, "a timeout is no pause to skip"
            assert waiting.is_alive()
            clock.advance(60)  # the lab may still move the clock past it on purpose
            waiting.join(timeout=10)
            assert not waiting.is_alive()
        finally:
            timeout.set()


def test_step_functions_waits_run_on_the_clock():
    moto_waits.install()
    from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl
    from moto.stepfunctions.parser.asl.component.state.exec import execute_state
    from moto.stepfunctions.parser.asl.eval import environment
    from moto.stepfunctions.parser.asl.eval.callback import callback

    moto_waits.install()  # again, on modules imported now: patched once
    assert environment.threading.Event is moto_waits.PauseEvent  # a Wait state
    assert retrier_decl.time.sleep is moto_waits.pause_on_the_clock  # a retry's interval
    assert execute_state.threading.Event is moto_waits.ClockEvent  # a task's timeout
    assert callback.Event is moto_waits.ClockEvent  # a task token's timeout
    assert execute_state.threading.Lock is threading.Lock  # the rest: the module's own


def test_importing_step_functions_leaves_its_interpreter_unimported(lab):
    lab.makepyfile(
        """
        import sys

        def test_import():
            from harness.backends import moto_waits

            moto_waits.install()
            import moto.stepfunctions
            import moto.stepfunctions.models

            assert "moto.stepfunctions.parser.asl.eval.environment" not in sys.modules
        """
    )
    lab.runpytest_subprocess("-p", "no:randomly").assert_outcomes(passed=1)


def test_no_fast_forward_passes_a_timeout_that_ends_first():
    moto_waits.install()
    with EmulatedClock(next_wait=moto_waits.next_deadline) as clock:
        timeout = moto_waits.ClockEvent()
        waits = [
            threading.Thread(target=timeout.wait, args=(30,)),  # work runs meanwhile
            threading.Thread(target=moto_waits.pause_on_the_clock, args=(60,)),
        ]
        for wait in waits:
            wait.start()
        try:
            waits[1].join(timeout=0.1)
            assert clock.fast_forward() == 0.0, "the pause ends after the timeout: no jump"
        finally:
            timeout.set()
            clock.advance(60)
            for wait in waits:
                wait.join(timeout=10)
