"""Wait for a task token: the workflow pauses until someone answers.

A refund above 500 needs a human's approval. The workflow sends the request
to an SQS queue with ``.waitForTaskToken`` appended to the resource: Step
Functions puts a task token in the message (``$$.Task.Token``) and pauses.
Whoever handles the message answers with ``SendTaskSuccess`` (the output
becomes the task's result) or ``SendTaskFailure`` (the task fails with the
given error), quoting the token.

Notes, "other serverless > step function -- wait for task token".
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
