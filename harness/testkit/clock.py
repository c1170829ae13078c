"""Time for labs: ``clock.advance(30)`` makes 30 seconds pass.

On moto the emulator reads this process's clock, so the clock jumps forward
(time-machine, still ticking so that waits inside the emulator end) and no
real time is spent: a 14-day retention period passes in milliseconds. On a
real backend (LocalStack, AWS) there is no such lever, so it really waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import time_machine


def _checked(seconds: float) -> float:
    if not isinstance(seconds, int | float) or seconds < 0:
        raise ValueError(f"clock.advance takes a number of seconds >= 0, got {seconds!r}")
    return float(seconds)


class EmulatedClock:
    """The process clock, moved by time-machine; usable as a context manager.

    ``moved`` is called after each advance: the emulator looks at the clock again
    there, rather than at the end of a real wait (moto's long poll). ``next_wait``
    says when the emulator's earliest wait on the clock ends (``time.time()``), or None.
    """

    #: ``advance`` and ``fast_forward`` take no real time: a wait of the emulator's
    #: (a Wait state, a retry's interval) needs no longer bound to pass.
    instant = True

    def __init__(
        self,
        moved: Callable[[], None] = lambda: None,
        next_wait: Callable[[], float | None] = lambda: None,
        *,
        tick: bool = True,
    ) -> None:
        self.moved = moved
        self.next_wait = next_wait
        # A clock that ticks lets the emulator's own waits end (a long poll); one
        # that stands still between advances suits code that only reads it, and
        # counts per second (the X-Ray SDK's reservoir) that a real second
        # boundary must not split.
        self.tick = tick
        self.advanced = 0.0
        self._travel: time_machine.travel | None = None
        self._coordinates: time_machine.Traveller | None = None

    def start(self) -> None:
        self._travel = time_machine.travel(time.time(), tick=self.tick)
        self._coordinates = self._travel.start()

    def advance(self, seconds: float) -> None:
        seconds = _checked(seconds)
        if self._coordinates is None:
            raise RuntimeError("the clock is not started: use it inside `with EmulatedClock():`")
        self._coordinates.shift(seconds)
        self.advanced += seconds
        self.moved()

    def fast_forward(self) -> float:
        """Move the clock to the end of the emulator's earliest wait (a Wait state, a
        retry's interval), if it is waiting; the seconds moved (0 if it is not)."""
        deadline = self.next_wait()
        if deadline is None:
            return 0.0
        seconds = max(deadline - time.time(), 0.0)
        self.advance(seconds)
        return seconds

    def stop(self) -> None:
        if self._travel is not None:
            self._travel.stop()
            self._travel = None

    def __enter__(self) -> EmulatedClock:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class WaitingClock(EmulatedClock):
    """A backend whose clock we cannot move: advancing means waiting.

    A test that would wait longer than ``MAX_REAL_WAIT`` in all (a 3-day TTL,
    a 14-day retention) is skipped with the reason, not left to time out.
    """

    MAX_REAL_WAIT = 45.0  # seconds per test, well inside the 60 s test timeout
    instant = False

    def start(self) -> None:
        pass

    def advance(self, seconds: float) -> None:
        seconds = _checked(seconds)
        if self.advanced + seconds > self.MAX_REAL_WAIT:
            pytest.skip(
                f"needs {self.advanced + seconds:g} s of real waiting on this backend "
                f"(more than {self.MAX_REAL_WAIT:g} s); on moto the clock moves instantly"
            )
        time.sleep(seconds)
        self.advanced += seconds

    def fast_forward(self) -> float:
        """Nothing to skip: on this backend its waits pass in real time."""
        return 0.0

    def stop(self) -> None:
        pass
