"""Reserved concurrency: a function's share of the account's concurrency.

An account runs up to 1,000 executions at once (by default), shared by all
functions. Reserving concurrency for a function guarantees it that many and
caps it there; reserving 0 throttles every invocation: an emergency stop.

Lambda keeps 100 of the account's 1,000 unreserved, for the functions that
reserve nothing: reservations may total 900, and one more is refused. moto
checks that only when told the account's quota (``MOTO_LAMBDA_CONCURRENCY_QUOTA``,
read by the emulator running in this process): the ``account_quota`` fixture
tells it AWS's default.

Notes, "lambda > lambda concurrency and throttling".
"""

import pytest
from botocore.exceptions import ClientError

SOURCE = """
    def handler(event, context):
        return "ran"
"""


@pytest.fixture
def account_quota(aws_backend, monkeypatch):
    """On moto, the default account quota of 1,000 concurrent executions, enforced."""
    if aws_backend.name == "moto":
        monkeypatch.setenv("MOTO_LAMBDA_CONCURRENCY_QUOTA", "1000")


@pytest.mark.claim(
    "lambda.reserved-concurrency", quote="can set `reserved concur` at function level"
)
def test_reserved_concurrency_is_part_of_the_function(aws, deploy):
    function = deploy(SOURCE)
    # HINT: reserve 5 concurrent executions for this function.
    # BEGIN SOLUTION
    aws.lambda_.put_function_concurrency(FunctionName=function, ReservedConcurrentExecutions=5)
    # END SOLUTION
    concurrency = aws.lambda_.get_function(FunctionName=function)["Concurrency"]
    assert concurrency["ReservedConcurrentExecutions"] == 5


@pytest.mark.claim(
    "lambda.reserved-zero-throttles",
    quote="throttle your function by using reserved concur",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html",
)
@pytest.mark.emulator_gap("moto", reason="moto stores reserved concurrency but never throttles")
def test_reserving_zero_throttles_every_invocation(aws, deploy):
    function = deploy(SOURCE)
    # HINT: stop every invocation of this function, without deleting it.
    # BEGIN SOLUTION
    aws.lambda_.put_function_concurrency(FunctionName=function, ReservedConcurrentExecutions=0)
    # END SOLUTION
    with pytest.raises(ClientError) as throttled:
        aws.lambda_.invoke(FunctionName=function, Payload=b"{}")
    assert throttled.value.response["Error"]["Code"] == "TooManyRequestsException"


@pytest.mark.claim(
    "lambda.account-concurrency-1000",
    quote="limit: 1000 concur",
    source="https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html",
)
def test_reservations_leave_100_of_the_1000_unreserved(aws, deploy, account_quota, error_code):
    orders, billing = deploy(SOURCE), deploy(SOURCE)
    # HINT: the most concurrency one function may reserve, when no other function reserves any.
    # BEGIN SOLUTION
    most = 1000 - 100
    # END SOLUTION
    reserve = aws.lambda_.put_function_concurrency
    assert (
        reserve(FunctionName=orders, ReservedConcurrentExecutions=most)[
            "ReservedConcurrentExecutions"
        ]
        == 900
    )
    refused = error_code(reserve, FunctionName=billing, ReservedConcurrentExecutions=1)
    assert refused == "InvalidParameterValueException", "the account's 100 unreserved are kept"
