"""Logs need a permission: the execution role must let the function write them.

Lambda sends what a function prints to CloudWatch Logs, in the log group
``/aws/lambda/<name>``, with the function's own credentials: if its execution
role may not create log groups and streams and put log events (the AWS
managed ``AWSLambdaBasicExecutionRole``), the function runs but nothing is
logged.

Notes, "lambda > lambda logging & monitoring".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document

PRINTS = """
    def handler(event, context):
        print("order received")
        return "ok"
"""
LOG_ACTIONS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]


@pytest.mark.claim(
    "lambda.logs-need-permission",
    quote="cloudwatch logs: make sure lambda functions has permission to write logs",
    source="https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="the harness's runtime on moto writes every function's logs whatever its role "
    "allows; AWS writes none until the execution role may",
)
def test_a_function_logs_only_once_its_role_may(aws, deploy, role, invoke, eventually):
    function = deploy(PRINTS)
    group = f"/aws/lambda/{function}"

    def log_groups() -> list[str]:
        found = aws.logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
        return [log_group["logGroupName"] for log_group in found]

    assert invoke(function) == "ok", "it runs"
    assert log_groups() == [], "but may not write its logs"
    # HINT: let the execution role (`role`) create log groups and streams and put log events
    # HINT: (an inline role policy).
    # BEGIN SOLUTION
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="write-logs",
        PolicyDocument=json.dumps(policy_document(allow(LOG_ACTIONS))),
    )
    # END SOLUTION
    invoke(function)
    assert eventually(lambda: log_groups() or None, timeout=30) == [group]
