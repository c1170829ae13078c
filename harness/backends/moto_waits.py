"""moto's waits for a moment of the emulated clock, woken as soon as the lab's clock moves.

moto's SQS long poll is a loop: it compares the process clock with the poll's end,
then waits on the queue for a new message, up to one real second, and compares
again. With the clock moved past the end (``clock.advance(20)``), the poll still
answered only after that real second. Here each of those waits also ends when the
clock moves, so a 20-second long poll answers as soon as the lab's clock has passed
20 seconds, and a poll whose end is not reached goes back to waiting, as before.
Nothing else changes: a message that arrives still ends the wait at once.

moto's Step Functions interpreter waits in real time: a Wait state's seconds, a
retry's interval, a task's TimeoutSeconds, a task token's or an activity's wait.
Here each of those waits for its moment on the process clock instead (checked
every few milliseconds), which passes in real time as before, or at once when
the lab moves the clock. ``next_deadline()`` says when the earliest pause ends (a
Wait state, a retry's interval: its branch runs nothing meanwhile), so that a lab
waiting for an execution can move the clock just there (``clock.fast_forward()``).
A timeout is not a pause: work runs meanwhile, and jumping to its end would stop
that work before it could finish; it ends when the lab moves the clock past it, or
in real time. No jump passes one: with a timeout ending first, there is no deadline.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from harness.backends.moto_costs import Forwarding, replace_once, when_imported

#: How often a wait on the clock looks at it again (real seconds).
POLL_SECONDS = 0.01
#: Wall-clock sleep, whatever time-machine does to the clock.
_real_sleep = time.sleep

_lock = threading.Lock()
_moves = 0  # how many times the clock has moved in this process
_waiting: Counter[threading.Condition] = Counter()  # the conditions moto waits on now
# When each wait on the clock ends (process clock), by kind: pause or timeout.
_deadlines: dict[bool, Counter[float]] = {True: Counter(), False: Counter()}


def install() -> None:
    """Make moto's waits end when the clock moves (once per process)."""
    when_imported("moto.sqs.models", _wake_long_polls_on_clock_moves)
    # Each Step Functions module as the interpreter imports it, at a first execution: a
    # run that only imports Step Functions (CloudFormation imports every service) does
    # not import the interpreter for a patch's sake (some 0.1 s).
    for module, patch in _STEP_FUNCTIONS_WAITS.items():
        when_imported(f"moto.stepfunctions.parser.asl.{module}", patch)


def next_deadline() -> float | None:
    """When the earliest pause of moto's on the clock ends (``time.time()``); None when
    nothing pauses, or a timeout ends first."""
    with _lock:
        pause = min(_deadlines[True], default=None)
        timeout = min(_deadlines[False], default=None)
    if pause is None or (timeout is not None and timeout <= pause):
        return None
    return pause


def wait_on_the_clock(
    seconds: float, until: Callable[[], bool] | None = None, pause: bool = False
) -> bool:
    """Wait until ``seconds`` have passed on the process clock, or ``until()`` holds;
    whether it holds. A ``pause`` runs nothing meanwhile; otherwise it is a timeout."""
    deadline = time.time() + seconds
    waits = _deadlines[pause]
    with _lock:
        waits[deadline] += 1
    try:
        while not (until is not None and until()):
            left = deadline - time.time()
            if left <= 0:
                return False
            _real_sleep(min(left, POLL_SECONDS))
        return True
    finally:
        with _lock:
            waits[deadline] -= 1
            if not waits[deadline]:
                del waits[deadline]


def pause_on_the_clock(seconds: float) -> None:
    """``time.sleep`` on the process clock, listed for ``next_deadline``."""
    wait_on_the_clock(seconds, pause=True)


class ClockEvent(threading.Event):
    """A ``threading.Event`` whose timed wait (a timeout) runs on the process clock."""

    pause = False

    def wait(self, timeout: float | None = None) -> bool:
        if timeout is None:
            return super().wait()
        return wait_on_the_clock(timeout, until=self.is_set, pause=self.pause)


class PauseEvent(ClockEvent):
    """A ``ClockEvent`` whose timed wait is a pause: nothing runs until it ends."""

    pause = True


# Pauses: a Wait state waits on the execution's event; a retry sleeps its interval.
def _pause_wait_states_on_the_clock() -> None:
    from moto.stepfunctions.parser.asl.eval import environment

    replace_once(environment, "threading", lambda module: Forwarding(module, Event=PauseEvent))


def _pause_retries_on_the_clock() -> None:
    from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl

    replace_once(retrier_decl, "time", lambda module: Forwarding(module, sleep=pause_on_the_clock))


# Timeouts: a task's TimeoutSeconds; a task token, an activity, a heartbeat.
def _time_tasks_out_on_the_clock() -> None:
    from moto.stepfunctions.parser.asl.component.state.exec import execute_state

    replace_once(execute_state, "threading", lambda module: Forwarding(module, Event=ClockEvent))


def _time_callbacks_out_on_the_clock() -> None:
    from moto.stepfunctions.parser.asl.eval.callback import callback

    replace_once(callback, "Event", lambda _event: ClockEvent)


#: The interpreter's modules that wait (below ``moto.stepfunctions.parser.asl``), each
#: with the patch that makes its waits run on the clock.
_STEP_FUNCTIONS_WAITS: dict[str, Callable[[], None]] = {
    "eval.environment": _pause_wait_states_on_the_clock,
    "component.common.retry.retrier_decl": _pause_retries_on_the_clock,
    "component.state.exec.execute_state": _time_tasks_out_on_the_clock,
    "eval.callback.callback": _time_callbacks_out_on_the_clock,
}


def _wake_long_polls_on_clock_moves() -> None:
    from moto.sqs.models import Queue

    def waking(_original: Any) -> Callable[[Queue, int], None]:
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

        return wait_for_messages

    replace_once(Queue, "wait_for_messages", waking)


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
