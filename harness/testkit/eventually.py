"""``eventually``: wait, within a bound, for an effect that happens later.

An emulator delivers some effects asynchronously (a message moved to a
dead-letter queue, an event routed to a target). A lab states the effect as
a check and lets ``eventually`` retry it, instead of sleeping a guessed time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from tenacity import Retrying, retry_if_exception_type, stop_after_delay, wait_fixed

T = TypeVar("T")
MAX_TIMEOUT = 120.0


class Eventually:
    """Call ``check`` until it returns a truthy value without an AssertionError.

    ``timeout`` is the default bound; ``emulated`` says whether the backend is an
    emulator, which holds what AWS takes minutes for (a failover, a restore) to its
    own bound: ``eventually(check, aws_takes=120)`` waits 120 s on AWS, the default
    bound on an emulator.
    """

    def __init__(self, timeout: float = 10.0, interval: float = 0.05, emulated: bool = False):
        self.timeout = timeout
        self.interval = interval
        self.emulated = emulated

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

        def attempt() -> T:
            result = check()
            if not result:
                name = getattr(check, "__name__", "check")
                raise AssertionError(f"{name}() was still {result!r} after {timeout:g} s")
            return result

        retrying = Retrying(
            stop=stop_after_delay(timeout),
            wait=wait_fixed(self.interval),
            retry=retry_if_exception_type(AssertionError),
            reraise=True,
        )
        return retrying(attempt)
