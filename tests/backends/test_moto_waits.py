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
    assert patched.wakes_on_clock  # type: ignore[attr-defined]
