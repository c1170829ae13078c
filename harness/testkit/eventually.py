"""``eventually``: wait, within a bound, for an effect that happens later.

An emulator delivers some effects asynchronously (a message moved to a
dead-letter queue, an event routed to a target). A lab states the effect as
a check and lets ``eventually`` retry it, instead of sleeping a guessed time.

Where the backend can tell that nothing is under way any more (``quiet``: the
embedded moto, which sees its own requests and threads), a check that still
fails is looked at once more and then given up at once: the effect it waits
for is not coming, and waiting out the bound would only cost the time (a
gap's test, a student's unfinished lab). It never makes a check pass sooner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_delay,
    stop_any,
)
from tenacity.stop import stop_base

T = TypeVar("T")
MAX_TIMEOUT = 120.0


class UntilQuiet(stop_base):
    """A tenacity stop: after the look that follows the backend going quiet (also a
    bounded waiter's, ``harness.testkit.clients``)."""

    def __init__(self, quiet: Callable[[], bool]) -> None:
        self.quiet = quiet
        self.went_quiet = False

    def __call__(self, retry_state: RetryCallState) -> bool:
        if self.went_quiet:
            return True  # the look after it went quiet has failed too
        # Asked after a failed look: an effect that landed during it is seen by the next.
        self.went_quiet = self.quiet()
        return False


class Eventually:
    """Call ``check`` until it returns a truthy value without an AssertionError.

    ``check`` only looks: one that makes time pass (``clock.advance`` inside it) would
    be given up after its second look on a quiet moto; move the clock before instead.

    ``timeout`` is the default bound; ``emulated`` says whether the backend is an
    emulator, which holds what AWS takes minutes for (a failover, a restore) to its
    own bound: ``eventually(check, aws_takes=120)`` waits 120 s on AWS, the default
    bound on an emulator.
    """

    def __init__(
        self,
        timeout: float = 10.0,
        interval: float = 0.05,
        emulated: bool = False,
        quiet: Callable[[], bool] = lambda: False,
    ):
        self.timeout = timeout
        self.interval = interval
        self.emulated = emulated
        #: True when the backend has nothing under way that could still change a check.
        self.quiet = quiet

    def __call__(
        self,
        check: Callable[[], T],
        timeout: float | None = None,
        aws_takes: float | None = None,
    ) -> T:
        if timeout is not None and aws_takes is not None:
            raise ValueError("eventually takes timeout=... or aws_takes=..., not both")
        if aws_takes is not None:
            timeout = min(self.timeout, aws_takes) if self.emulated else aws_takes
        timeout = self.timeout if timeout is None else timeout
        if not 0 < timeout <= MAX_TIMEOUT:
            raise ValueError(
                f"eventually(timeout=...) must be in (0, {MAX_TIMEOUT}] s, got {timeout}"
            )

        until_quiet = UntilQuiet(self.quiet)

        def attempt() -> T:
            result = check()
            if not result:
                name = getattr(check, "__name__", "check")
                if until_quiet.went_quiet:
                    raise AssertionError(
                        f"{name}() was still {result!r}, and the backend had nothing "
                        "left under way that could change it"
                    )
                raise AssertionError(f"{name}() was still {result!r} after {timeout:g} s")
            return result

        def pause(retry_state: RetryCallState) -> float:
            return 0.0 if until_quiet.went_quiet else self.interval

        retrying = Retrying(
            stop=stop_any(stop_after_delay(timeout), until_quiet),
            wait=pause,
            retry=retry_if_exception_type(AssertionError),
            reraise=True,
        )
        return retrying(attempt)
