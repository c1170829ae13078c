"""A template for one queue per environment: parameters, mappings, conditions, functions.

The same template deploys a "dev" and a "prod" queue. The environment comes in
as a parameter, whose ``AllowedValues`` refuse anything else; a mapping says
how long each environment keeps messages; a condition adds a dead-letter queue
in prod only, and conditions combine with the logical functions (``Fn::Not``,
``Fn::Or``, ``Fn::And``); ``Fn::If`` picks a property's value by a condition;
outputs read the queue's attributes back, and encode user data, with intrinsic
functions. ``Resources`` is the one section a template must have; ``Outputs``,
like every other section, is optional.

Notes, "cloudformation" (parameters, mappings, conditions, intrinsic functions).
"""

import base64
import json

import pytest
from botocore.exceptions import ClientError

PARAMETERS = {"Env": {"Type": "String", "AllowedValues": ["dev", "prod"], "Default": "dev"}}
MAPPINGS = {"Retention": {"dev": {"Seconds": "3600"}, "prod": {"Seconds": "1209600"}}}
USER_DATA = "#!/bin/bash\necho hello > /tmp/hello"
PARAMETERS_SECTION = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html"
TEMPLATE_ANATOMY = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html"
RESOURCES_SECTION = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html"
CONDITION_FUNCTIONS = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html"


def retention(aws, url: str) -> str:
    attributes = aws.sqs.get_queue_attributes(
        QueueUrl=url, AttributeNames=["MessageRetentionPeriod"]
    )["Attributes"]
    return attributes["MessageRetentionPeriod"]


@pytest.mark.claim("cloudformation.parameter-ref", quote="to reference a parameter: using `!Ref`")
def test_a_parameter_names_the_queue(aws, stacks, unique_name):
    queue_name = unique_name("orders")
    template = {"Parameters": {"QueueName": {"Type": "String"}}, "Resources": {}}
    # HINT: one AWS::SQS::Queue "Queue" whose QueueName is the QueueName parameter, by Ref.
    # BEGIN SOLUTION
    template["Resources"]["Queue"] = {
        "Type": "AWS::SQS::Queue",
        "Properties": {"QueueName": {"Ref": "QueueName"}},
    }
    # END SOLUTION
    stack = stacks.create(
        template, Parameters=[{"ParameterKey": "QueueName", "ParameterValue": queue_name}]
    )
    assert stacks.resource(stack, "Queue").endswith("/" + queue_name)
    assert aws.sqs.get_queue_url(QueueName=queue_name)["QueueUrl"]


@pytest.mark.claim("cloudformation.pseudo-parameters", quote="pseudo parameters (provided by aws)")
def test_pseudo_parameters_say_where_the_stack_runs(aws, stacks, account_id):
    template = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}, "Outputs": {}}
    # HINT: an output "Where" with the value "<region>/<account id>", built by Fn::Sub from
    # the pseudo parameters AWS::Region and AWS::AccountId (nothing passed in by you).
    # BEGIN SOLUTION
    template["Outputs"]["Where"] = {"Value": {"Fn::Sub": "${AWS::Region}/${AWS::AccountId}"}}
    # END SOLUTION
    stack = stacks.create(template)
    assert stacks.outputs(stack)["Where"] == f"{aws.region}/{account_id}"


@pytest.mark.claim(
    "cloudformation.find-in-map", quote="use `!FindInMap` to return a value from the map"
)
def test_a_mapping_sets_retention_per_environment(aws, stacks):
    queue = {"Type": "AWS::SQS::Queue", "Properties": {}}
    template = {"Parameters": PARAMETERS, "Mappings": MAPPINGS, "Resources": {"Queue": queue}}
    # HINT: MessageRetentionPeriod from the Retention map: the Env parameter's row, "Seconds".
    # BEGIN SOLUTION
    queue["Properties"]["MessageRetentionPeriod"] = {
        "Fn::FindInMap": ["Retention", {"Ref": "Env"}, "Seconds"]
    }
    # END SOLUTION
    prod = stacks.create(template, Parameters=[{"ParameterKey": "Env", "ParameterValue": "prod"}])
    dev = stacks.create(template)
    assert retention(aws, stacks.resource(prod, "Queue")) == "1209600"
    assert retention(aws, stacks.resource(dev, "Queue")) == "3600"


@pytest.mark.claim(
    "cloudformation.conditions",
    quote="can be applied to resources, outputs,... but not `parameters`",
)
def test_a_condition_adds_a_dead_letter_queue_in_prod_only(aws, stacks):
    template = {
        "Parameters": PARAMETERS,
        "Conditions": {},
        "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue"},
            "DeadLetters": {"Type": "AWS::SQS::Queue", "Condition": "IsProd"},
        },
    }
    # HINT: the condition IsProd holds when the Env parameter equals "prod" (Fn::Equals).
    # BEGIN SOLUTION
    template["Conditions"]["IsProd"] = {"Fn::Equals": [{"Ref": "Env"}, "prod"]}
    # END SOLUTION
    prod = stacks.create(template, Parameters=[{"ParameterKey": "Env", "ParameterValue": "prod"}])
    dev = stacks.create(template)
    # CloudFormation names a queue <stack>-<logical id>-<suffix>: count each stack's queues.
    assert len(aws.sqs.list_queues(QueueNamePrefix=prod).get("QueueUrls", [])) == 2
    assert len(aws.sqs.list_queues(QueueNamePrefix=dev).get("QueueUrls", [])) == 1


@pytest.mark.claim(
    "cloudformation.no-conditions-on-parameters",
    quote="can be applied to resources, outputs,... but not `parameters`",
    source=TEMPLATE_ANATOMY,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CreateStack ignores a Condition attribute on a parameter; "
    "AWS refuses the template (Invalid template parameter property 'Condition')",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's CreateStack ignores a Condition attribute on a parameter; "
    "AWS refuses the template",
)
def test_a_condition_on_a_parameter_is_refused(aws, unique_name):
    template = {
        "Parameters": {"Env": {"Type": "String", "Default": "dev", "Condition": "Always"}},
        "Conditions": {"Always": {"Fn::Equals": ["a", "a"]}},
        "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Condition": "Always"}},
        "Outputs": {"Env": {"Value": {"Ref": "Env"}}},
    }
    with pytest.raises(ClientError) as refused:
        aws.cloudformation.create_stack(
            StackName=unique_name("stack"), TemplateBody=json.dumps(template)
        )
    assert refused.value.response["Error"]["Code"] == "ValidationError"


@pytest.mark.claim(
    "cloudformation.parameter-allowed-values",
    beyond_notes="A parameter's AllowedValues refuse any other value at CreateStack "
    "(ValidationError); a listed value creates the stack.",
    source=PARAMETERS_SECTION,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CreateStack takes a parameter value outside AllowedValues and creates the "
    "stack; AWS refuses it (ValidationError)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's CreateStack takes a parameter value outside AllowedValues and creates "
    "the stack; AWS refuses it (ValidationError)",
)
def test_a_value_outside_allowed_values_is_refused(aws, stacks, unique_name):
    env = {"Type": "String"}
    template = {"Parameters": {"Env": env}, "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    # HINT: let the Env parameter take "dev" or "prod", nothing else (a parameter property).
    # BEGIN SOLUTION
    env["AllowedValues"] = ["dev", "prod"]
    # END SOLUTION
    stacks.create(template, Parameters=[{"ParameterKey": "Env", "ParameterValue": "prod"}])
    with pytest.raises(ClientError) as refused:
        aws.cloudformation.create_stack(
            StackName=unique_name("qa"),
            TemplateBody=json.dumps(template),
            Parameters=[{"ParameterKey": "Env", "ParameterValue": "qa"}],
        )
    assert refused.value.response["Error"]["Code"] == "ValidationError"


def queue_count(aws, stack: str) -> int:
    """How many queues a stack made (CloudFormation names them <stack>-<logical id>-<suffix>)."""
    return len(aws.sqs.list_queues(QueueNamePrefix=stack).get("QueueUrls", []))


def for_env(env: str) -> list[dict]:
    return [{"ParameterKey": "Env", "ParameterValue": env}]


@pytest.mark.claim(
    "cloudformation.resources-required",
    quote="cloudformation -- resources",
    source=RESOURCES_SECTION,
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack creates a stack from a template without Resources; AWS refuses it "
    "(ValidationError)",
)
def test_a_template_needs_a_resources_section(aws, stacks, unique_name, error_code):
    template = {"Outputs": {"Greeting": {"Value": "hello"}}}
    no_resources = error_code(
        aws.cloudformation.create_stack,
        StackName=unique_name("empty"),
        TemplateBody=json.dumps(template),
    )
    assert no_resources == "ValidationError", "a template without Resources is refused"
    # HINT: add what every template must have: one resource, "Queue", an AWS::SQS::Queue.
    # BEGIN SOLUTION
    template["Resources"] = {"Queue": {"Type": "AWS::SQS::Queue"}}
    # END SOLUTION
    stack = stacks.create(template)
    assert stacks.status(stack) == "CREATE_COMPLETE"
    assert stacks.outputs(stack) == {"Greeting": "hello"}


@pytest.mark.claim("cloudformation.outputs-optional", quote="declare optional outputs")
def test_outputs_are_optional(aws, stacks):
    template = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    bare = stacks.create(template)
    assert stacks.status(bare) == "CREATE_COMPLETE"
    assert "Outputs" not in stacks.describe(bare), "no Outputs section, no outputs"
    # HINT: declare one output, "QueueUrl": the queue's URL (what Ref returns for a queue).
    # BEGIN SOLUTION
    template["Outputs"] = {"QueueUrl": {"Value": {"Ref": "Queue"}}}
    # END SOLUTION
    stack = stacks.create(template)
    assert stacks.outputs(stack) == {"QueueUrl": stacks.resource(stack, "Queue")}


@pytest.mark.claim(
    "cloudformation.condition-logical-functions",
    quote="intrinsic functions(logical)",
    source=CONDITION_FUNCTIONS,
)
def test_logical_functions_combine_conditions(aws, stacks):
    template = {
        "Parameters": {"Env": {"Type": "String", "AllowedValues": ["dev", "staging", "prod"]}},
        "Conditions": {"IsDev": {"Fn::Equals": [{"Ref": "Env"}, "dev"]}},
        "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue"},
            "DeadLetters": {"Type": "AWS::SQS::Queue", "Condition": "NotDev"},
        },
    }
    # HINT: the condition NotDev holds in every environment but dev: the logical function
    # Fn::Not over the condition IsDev (a condition names another with {"Condition": ...}).
    # BEGIN SOLUTION
    template["Conditions"]["NotDev"] = {"Fn::Not": [{"Condition": "IsDev"}]}
    # END SOLUTION
    made = {env: stacks.create(template, Parameters=for_env(env)) for env in ("dev", "staging")}
    assert {env: queue_count(aws, stack) for env, stack in made.items()} == {"dev": 1, "staging": 2}


@pytest.mark.claim("cloudformation.fn-if", quote="condition functions", source=CONDITION_FUNCTIONS)
def test_fn_if_picks_a_value_by_condition(aws, stacks):
    queue = {"Type": "AWS::SQS::Queue", "Properties": {}}
    template = {
        "Parameters": PARAMETERS,
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
        "Resources": {"Queue": queue},
    }
    # HINT: the queue's VisibilityTimeout: 60 when the condition IsProd holds, 5 otherwise
    # (the condition function Fn::If).
    # BEGIN SOLUTION
    queue["Properties"]["VisibilityTimeout"] = {"Fn::If": ["IsProd", 60, 5]}
    # END SOLUTION
    timeouts = {}
    for env in ("dev", "prod"):
        url = stacks.resource(stacks.create(template, Parameters=for_env(env)), "Queue")
        attributes = aws.sqs.get_queue_attributes(
            QueueUrl=url, AttributeNames=["VisibilityTimeout"]
        )
        timeouts[env] = attributes["Attributes"]["VisibilityTimeout"]
    assert timeouts == {"dev": "5", "prod": "60"}


@pytest.mark.claim("cloudformation.get-att", quote="!GetAtt: get the attributes of the resources")
def test_an_output_reads_a_resource_attribute(aws, stacks):
    template = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}, "Outputs": {}}
    # HINT: an output "QueueArn": the queue's Arn attribute, read with Fn::GetAtt.
    # BEGIN SOLUTION
    template["Outputs"]["QueueArn"] = {"Value": {"Fn::GetAtt": ["Queue", "Arn"]}}
    # END SOLUTION
    stack = stacks.create(template)
    queue_url = stacks.resource(stack, "Queue")
    attributes = aws.sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    assert stacks.outputs(stack)["QueueArn"] == attributes["Attributes"]["QueueArn"]


@pytest.mark.claim(
    "cloudformation.base64",
    quote="!Base64: use to encode user data for ec2 for example (convert string to base64)",
)
def test_base64_encodes_user_data(stacks):
    template = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}, "Outputs": {}}
    # HINT: an output "UserData": the script USER_DATA encoded by Fn::Base64, as an EC2
    # instance's UserData must be.
    # BEGIN SOLUTION
    template["Outputs"]["UserData"] = {"Value": {"Fn::Base64": USER_DATA}}
    # END SOLUTION
    stack = stacks.create(template)
    assert base64.b64decode(stacks.outputs(stack)["UserData"]) == USER_DATA.encode()
