"""moto's waits for a moment of the emulated clock, woken as soon as the lab's clock moves.

moto's SQS long poll is a loop: it compares the process clock with the poll's end,
then waits on the queue for a new message, up to one real second, and compares
again. With the clock moved past the end (``clock.advance(20)``), the poll still
answered only after that real second. Here each of those waits also ends when the
clock moves, so a 20-second long poll answers as soon as the lab's clock has passed
20 seconds, and a poll whose end is not reached goes back to waiting, as before.
Nothing else changes: a message that arrives still ends the wait at once.
"""

from __future__ import annotations

import threading
from collections import Counter

_lock = threading.Lock()
_moves = 0  # how many times the clock has moved in this process
_waiting: Counter[threading.Condition] = Counter()  # the conditions moto waits on now


def install() -> None:
    """Make moto's SQS long-poll wait end when the clock moves (once per process)."""
    from moto.sqs.models import Queue

    if getattr(Queue.wait_for_messages, "wakes_on_clock", False):
        return

    def wait_for_messages(self: Queue, timeout: int) -> None:
        condition = self._messages_lock
        with condition:
            moves = _moves
            with _lock:
                _waiting[condition] += 1
            try:
                condition.wait_for(lambda: self.messages or _moves != moves, timeout=timeout)
            finally:
                with _lock:
                    _waiting[condition] -= 1
                    if not _waiting[condition]:
                        del _waiting[condition]

    wait_for_messages.wakes_on_clock = True  # type: ignore[attr-defined]
    Queue.wait_for_messages = wait_for_messages  # type: ignore[method-assign]


def clock_moved() -> None:
    """Wake every wait of moto's: each looks at the clock again."""
    global _moves
    with _lock:
        _moves += 1
        conditions = list(_waiting)
    # Not under _lock: a waiter takes _lock while it holds its condition.
    for condition in conditions:
        with condition:
            condition.notify_all()
