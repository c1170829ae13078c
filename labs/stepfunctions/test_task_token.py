"""Wait for a task token: the workflow pauses until someone answers.

A refund above 500 needs a human's approval. The workflow sends the request
to an SQS queue with ``.waitForTaskToken`` appended to the resource: Step
Functions puts a task token in the message (``$$.Task.Token``) and pauses.
Whoever handles the message answers with ``SendTaskSuccess`` (the output
becomes the task's result) or ``SendTaskFailure`` (the task fails with the
given error), quoting the token; any other token is refused (``InvalidToken``)
and the workflow stays paused. ``TimeoutSeconds`` bounds the wait: past it,
the task fails with ``States.Timeout`` (the same for an activity task).

Notes, "other serverless > step function -- wait for task token" and "-- activity
tasks".
"""

import json

import pytest


@pytest.fixture
def approvals(aws, unique_name) -> str:
    return aws.sqs.create_queue(QueueName=unique_name("approvals"))["QueueUrl"]


def approval_workflow(queue: str) -> dict:
    return {
        "StartAt": "AskApproval",
        "States": {
            "AskApproval": {
                "Type": "Task",
                "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {
                    "QueueUrl": queue,
                    "MessageBody": {"token.$": "$$.Task.Token", "refund.$": "$.refund"},
                },
                "End": True,
            }
        },
    }


def approval_request(aws, queue: str, eventually) -> dict:
    """The message the workflow sent to the approvers' queue."""

    def request():
        messages = aws.sqs.receive_message(QueueUrl=queue, WaitTimeSeconds=0).get("Messages")
        return json.loads(messages[0]["Body"]) if messages else None

    return eventually(request)


@pytest.mark.claim(
    "stepfunctions.wait-for-task-token",
    quote="append `.waitForTaskToken` to the `resource` field",
)
def test_the_workflow_waits_for_send_task_success(aws, workflows, approvals, eventually):
    execution = workflows.start(approval_workflow(approvals), {"refund": 750})
    request = approval_request(aws, approvals, eventually)
    assert request["refund"] == 750
    status = aws.stepfunctions.describe_execution(executionArn=execution)["status"]
    assert status == "RUNNING", "paused until someone answers"
    # HINT: answer with the token from the request, output {"approved": true}.
    # BEGIN SOLUTION
    aws.stepfunctions.send_task_success(
        taskToken=request["token"], output=json.dumps({"approved": True})
    )
    # END SOLUTION
    finished = workflows.finished(execution)
    assert (finished["status"], finished["output"]) == ("SUCCEEDED", {"approved": True})


@pytest.mark.claim(
    "stepfunctions.send-task-failure", quote="sendTaskSuccess or sendTaskFailure", line=2167
)
def test_send_task_failure_fails_the_task(aws, workflows, approvals, eventually):
    execution = workflows.start(approval_workflow(approvals), {"refund": 750})
    request = approval_request(aws, approvals, eventually)
    # HINT: refuse: fail the task with error "RefundRefused" and cause "over budget".
    # BEGIN SOLUTION
    aws.stepfunctions.send_task_failure(
        taskToken=request["token"], error="RefundRefused", cause="over budget"
    )
    # END SOLUTION
    finished = workflows.finished(execution)
    assert (finished["status"], finished["error"]) == ("FAILED", "RefundRefused")


@pytest.mark.claim(
    "stepfunctions.only-the-token-resumes",
    quote="allow to pause state machine until a task token is returned",
    source="https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html",
)
def test_only_the_task_token_resumes_the_workflow(
    aws, workflows, approvals, eventually, error_code
):
    execution = workflows.start(approval_workflow(approvals), {"refund": 750})
    request = approval_request(aws, approvals, eventually)
    answer = aws.stepfunctions.send_task_success
    refused = error_code(answer, taskToken="approved-by-me", output="{}")
    status = aws.stepfunctions.describe_execution(executionArn=execution)["status"]
    assert (refused, status) == ("InvalidToken", "RUNNING"), "paused until its token returns"
    token = None
    # HINT: the token that resumes this workflow.
    # BEGIN SOLUTION
    token = request["token"]
    # END SOLUTION
    assert error_code(answer, taskToken=token, output='{"approved": true}') is None
    assert workflows.finished(execution)["status"] == "SUCCEEDED"


@pytest.mark.claim(
    "stepfunctions.task-timeout",
    quote="how long a task can wait by setting timeout",
    source="https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html",
)
def test_a_task_waits_no_longer_than_its_timeout(aws, workflows, approvals, eventually, clock):
    definition = approval_workflow(approvals)
    ask = definition["States"]["AskApproval"]
    # HINT: let the approval task wait at most 5 seconds for an answer.
    # BEGIN SOLUTION
    ask["TimeoutSeconds"] = 5
    # END SOLUTION
    execution = workflows.start(definition, {"refund": 750})
    approval_request(aws, approvals, eventually)  # the task is waiting: nobody answers
    clock.advance(4)
    status = aws.stepfunctions.describe_execution(executionArn=execution)["status"]
    assert status == "RUNNING", "within its timeout"
    clock.advance(2)

    def stopped() -> dict | None:
        described = aws.stepfunctions.describe_execution(executionArn=execution)
        return described if described["status"] != "RUNNING" else None

    finished = eventually(stopped)
    assert (finished["status"], finished["error"]) == ("FAILED", "States.Timeout")
