"""``aws.unvalidated(service)``: past botocore's own checks, so the service answers."""

from __future__ import annotations

import pytest


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


def test_on_moto_a_waiter_that_asks_for_a_minute_gives_up_within_motos_bound(
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
            assert time.monotonic() - started < aws_backend.waiter_seconds + 2
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
