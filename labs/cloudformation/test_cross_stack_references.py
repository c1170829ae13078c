"""A network stack exports a queue; an application stack imports it.

Stacks share values through exports: an output with an ``Export`` name is
visible to every stack in the account and region, which reads it with
``Fn::ImportValue``. An export name is unique, and a stack cannot be deleted
while another stack imports one of its exports.

Notes, "cloudformation > cloudformation -- outputs".
"""

import pytest
from botocore.exceptions import ClientError

EXPORTS = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html"
)
QUEUE = {"Queue": {"Type": "AWS::SQS::Queue"}}


def importer(export_name: str) -> dict:
    return {
        "Resources": QUEUE,
        "Outputs": {"SharedArn": {"Value": {"Fn::ImportValue": export_name}}},
    }


def exporter(export_name: str) -> dict:
    value = {"Value": {"Fn::GetAtt": ["Queue", "Arn"]}, "Export": {"Name": export_name}}
    return {"Resources": QUEUE, "Outputs": {"QueueArn": value}}


def exports(aws) -> dict[str, str]:
    return {e["Name"]: e["Value"] for e in aws.cloudformation.list_exports()["Exports"]}


@pytest.mark.claim("cloudformation.export-import", quote="using `!ImportValue` to reference")
def test_an_exported_arn_is_imported_by_another_stack(aws, stacks, unique_name):
    export_name = unique_name("shared-queue-arn")
    network = {"Resources": QUEUE, "Outputs": {}}
    # HINT: an output "QueueArn" (the queue's Arn attribute) exported under `export_name`.
    # BEGIN SOLUTION
    network["Outputs"]["QueueArn"] = {
        "Value": {"Fn::GetAtt": ["Queue", "Arn"]},
        "Export": {"Name": export_name},
    }
    # END SOLUTION
    network_stack = stacks.create(network)
    app_stack = stacks.create(importer(export_name))
    queue_arn = stacks.outputs(network_stack)["QueueArn"]
    assert exports(aws)[export_name] == queue_arn
    assert stacks.outputs(app_stack)["SharedArn"] == queue_arn


@pytest.mark.claim("cloudformation.export-unique", quote="using `Export` section", source=EXPORTS)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack creates a second stack exporting a taken name; AWS refuses it"
)
def test_an_export_name_is_taken_only_once(aws, stacks, unique_name):
    export_name = unique_name("shared-queue-arn")
    stacks.create(exporter(export_name))
    # AWS refuses the second stack, at the call or (asynchronously) by rolling it back.
    try:
        second = stacks.create(exporter(export_name))
    except ClientError as error:
        assert error.response["Error"]["Code"] == "ValidationError"
    else:
        assert stacks.status(second) in ("ROLLBACK_COMPLETE", "CREATE_FAILED")
    assert len([name for name in exports(aws) if name == export_name]) == 1


@pytest.mark.claim(
    "cloudformation.import-blocks-delete",
    quote="using `!ImportValue` to reference",
    source=EXPORTS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto deletes a stack whose export another stack imports; AWS refuses "
    "(Export ... cannot be deleted as it is in use by ...)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack deletes a stack whose export another stack imports; AWS refuses",
)
def test_a_stack_whose_export_is_imported_cannot_be_deleted(aws, stacks, unique_name):
    export_name = unique_name("shared-queue-arn")
    network_stack = stacks.create(exporter(export_name))
    stacks.create(importer(export_name))
    # HINT: predict: does the network stack survive a delete while the app stack imports it?
    # BEGIN SOLUTION
    survives = True
    # END SOLUTION
    try:
        status = stacks.delete(network_stack)
    except ClientError as error:
        status = error.response["Error"]["Code"]
    # AWS refuses at the call (ValidationError) or fails the deletion (DELETE_FAILED).
    assert (status in ("ValidationError", "DELETE_FAILED")) == survives
    assert (export_name in exports(aws)) == survives
