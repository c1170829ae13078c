"""A workflow is a JSON document: the Amazon States Language.

A state machine's definition is JSON (``StartAt``, ``States``, each state's
``Type``, ``Next`` or ``End``), checked when the state machine is created:
a definition that is not valid JSON, or that names a state it does not
define, is refused (``InvalidDefinition``) before anything runs.

Notes, "other serverless > step functions".
"""

import json

import pytest

GREETING = {"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": "hi", "End": True}}}


@pytest.mark.claim(
    "stepfunctions.definition-is-json",
    quote="written in json",
    source="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses a definition that is not JSON with an empty error code; AWS answers "
    "InvalidDefinition",
)
def test_a_definition_that_is_not_json_is_refused(aws, role, unique_name, error_code):
    create = aws.stepfunctions.create_state_machine
    definition = None
    # HINT: the definition of GREETING as Step Functions takes it (a string).
    # BEGIN SOLUTION
    definition = json.dumps(GREETING)
    # END SOLUTION
    assert (
        error_code(create, name=unique_name("hello"), definition=definition, roleArn=role) is None
    )
    yaml_like = "StartAt: Hello"  # YAML, not JSON
    refused = error_code(create, name=unique_name("yaml"), definition=yaml_like, roleArn=role)
    assert refused == "InvalidDefinition"
