"""``aws.unvalidated(service)``: past botocore's own checks, so the service answers."""

from __future__ import annotations

import types

import pytest
from botocore.exceptions import WaiterError

from harness.testkit import clients


def test_an_unvalidated_client_lets_the_service_refuse(lab: pytest.Pytester):
    lab.makepyfile(
        """
        import pytest
        from botocore.exceptions import ClientError, ParamValidationError

        def test_refusals(aws):
            with pytest.raises(ParamValidationError):  # botocore: a required parameter missing
                aws.sqs.get_queue_url()
            assert aws.unvalidated("sqs") is aws.unvalidated("sqs"), "made once"
            assert aws.unvalidated("sqs") is not aws.sqs
            with pytest.raises(ClientError):  # sent: the service itself says no
                aws.unvalidated("sqs").get_queue_url()
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=1)


def test_on_moto_a_waiter_that_asks_for_a_minute_gives_up_once_moto_is_quiet(
    lab: pytest.Pytester,
):
    lab.makepyfile(
        """
        import time

        import pytest
        from botocore.exceptions import WaiterError

        def test_waits(aws, aws_backend):
            table = aws.dynamodb.get_waiter("table_exists")
            started = time.monotonic()
            with pytest.raises(WaiterError):  # no such table: it never appears
                table.wait(TableName="none", WaiterConfig={"Delay": 1, "MaxAttempts": 60})
            # moto has nothing under way: one more poll after the first, then the error.
            assert time.monotonic() - started < 1
            aws.dynamodb.create_table(
                TableName="carts",
                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                BillingMode="PAY_PER_REQUEST",
            )
            table.wait(TableName="carts", WaiterConfig={"Delay": 1, "MaxAttempts": 60})
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=1)


class _Waiter:
    """A botocore waiter's stand-in: fails each poll ("Max attempts exceeded") until
    ``succeed_at``, or with a terminal state at ``fail_at``."""

    def __init__(self, succeed_at: int = 0, fail_at: int = 0) -> None:
        self.config = types.SimpleNamespace(delay=1)
        self.polls = 0
        self.succeed_at, self.fail_at = succeed_at, fail_at

    def wait(self, WaiterConfig) -> None:  # noqa: N803 - botocore's name
        assert WaiterConfig["MaxAttempts"] == 1
        self.polls += 1
        if self.polls == self.succeed_at:
            return
        terminal = self.polls == self.fail_at
        reason = "Waiter encountered a terminal failure state" if terminal else "Max attempts"
        raise WaiterError(name="w", reason=reason, last_response={})


def _bounded(waiter: _Waiter, seconds: float, quiet) -> None:
    clients._waiting_within(lambda name: waiter, seconds, quiet)("w").wait(
        WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )


def test_a_bounded_waiter_polls_until_its_bound_while_the_backend_is_busy():
    waiter = _Waiter()
    with pytest.raises(WaiterError, match="Max attempts"):
        _bounded(waiter, 0.5, quiet=lambda: False)
    assert waiter.polls == 5  # 0.5 s at one poll each 0.1 s
    waiter = _Waiter(succeed_at=3)
    _bounded(waiter, 0.5, quiet=lambda: False)
    assert waiter.polls == 3


def test_a_bounded_waiter_stops_after_the_poll_that_follows_quiet():
    waiter = _Waiter()
    with pytest.raises(WaiterError, match="Max attempts"):
        _bounded(waiter, 5, quiet=lambda: True)
    assert waiter.polls == 2
    waiter = _Waiter(succeed_at=2)  # what landed as the backend went quiet is seen
    _bounded(waiter, 5, quiet=lambda: True)
    assert waiter.polls == 2


def test_a_terminal_state_ends_a_bounded_wait_at_once():
    waiter = _Waiter(fail_at=2)
    with pytest.raises(WaiterError, match="terminal"):
        _bounded(waiter, 5, quiet=lambda: False)
    assert waiter.polls == 2
