"""Standard or Express: the workflow type is chosen when it is created.

A Standard workflow (the default) runs up to a year, exactly once, with its
full history kept and readable through the API. An Express workflow runs up
to 5 minutes, at least once, for high-volume short jobs; it can be run
synchronously: ``StartSyncExecution`` returns the output in the response (a
Standard workflow cannot be: ``StateMachineTypeNotSupported``). An Express
workflow calls services request-response only: it cannot pause for a task
token (``.waitForTaskToken``) or run an activity.

Notes, "other serverless > step function -- standard vs express".
"""

import json

import pytest

PASS_THROUGH = {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": True}}}


@pytest.mark.claim(
    "stepfunctions.standard-is-default", quote="step function -- standard vs express"
)
def test_a_workflow_is_standard_unless_said_otherwise(aws, role, unique_name, workflows):
    arn = aws.stepfunctions.create_state_machine(
        name=unique_name("workflow"), definition=json.dumps(PASS_THROUGH), roleArn=role
    )["stateMachineArn"]
    # HINT: the type of a state machine created without a type.
    # BEGIN SOLUTION
    default_type = "STANDARD"
    # END SOLUTION
    assert aws.stepfunctions.describe_state_machine(stateMachineArn=arn)["type"] == default_type
    express = workflows.create(PASS_THROUGH, type="EXPRESS")  # chosen at creation
    assert aws.stepfunctions.describe_state_machine(stateMachineArn=express)["type"] == "EXPRESS"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto does not implement StartSyncExecution; AWS runs an Express workflow "
    "synchronously and returns its output",
)
@pytest.mark.claim(
    "stepfunctions.express-sync",
    quote="step function -- standard vs express",
    source="https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html",
)
def test_an_express_workflow_runs_synchronously(aws, workflows, error_code):
    arn = workflows.create(PASS_THROUGH, type="EXPRESS")
    response = aws.stepfunctions.start_sync_execution(stateMachineArn=arn, input='{"order": 1}')
    assert (response["status"], json.loads(response["output"])) == ("SUCCEEDED", {"order": 1})
    standard = workflows.create(PASS_THROUGH)
    start_sync = aws.stepfunctions.start_sync_execution
    assert error_code(start_sync, stateMachineArn=standard) == "StateMachineTypeNotSupported"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates an Express workflow that waits for a task token; AWS refuses the "
    "definition (InvalidDefinition): Express runs request-response integrations only",
)
@pytest.mark.claim(
    "stepfunctions.express-no-callbacks",
    quote="step function -- standard vs express",
    source="https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html",
)
def test_an_express_workflow_cannot_wait_for_a_callback(aws, role, unique_name, error_code):
    queue = aws.sqs.create_queue(QueueName=unique_name("approvals"))["QueueUrl"]
    waits = {
        "StartAt": "Ask",
        "States": {
            "Ask": {
                "Type": "Task",
                "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": queue, "MessageBody": {"token.$": "$$.Task.Token"}},
                "End": True,
            }
        },
    }
    create = aws.stepfunctions.create_state_machine
    definition = json.dumps(waits)
    # HINT: the one workflow type that may pause for a task token.
    # BEGIN SOLUTION
    can_wait = "STANDARD"
    # END SOLUTION
    other = {"STANDARD": "EXPRESS", "EXPRESS": "STANDARD"}[can_wait]
    accepted = error_code(
        create, name=unique_name("wait"), definition=definition, roleArn=role, type=can_wait
    )
    refused = error_code(
        create, name=unique_name("express"), definition=definition, roleArn=role, type=other
    )
    assert (accepted, refused) == (None, "InvalidDefinition")
