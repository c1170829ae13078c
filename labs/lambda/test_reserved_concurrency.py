"""Reserved concurrency: a function's share of the account's concurrency.

An account runs up to 1,000 executions at once (by default), shared by all
functions. Reserving concurrency for a function guarantees it that many and
caps it there; reserving 0 throttles every invocation: an emergency stop.

Notes, "lambda > lambda concurrency and throttling".
"""

import pytest
from botocore.exceptions import ClientError

SOURCE = """
    def handler(event, context):
        return "ran"
"""


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
