"""A SAM template: a few lines of serverless shorthand that become a CloudFormation template.

The Serverless Application Model is a CloudFormation extension. A template
whose ``Transform`` header is ``AWS::Serverless-2016-10-31`` may declare
``AWS::Serverless::Function`` (and ``Api``, ``SimpleTable``, ...); CloudFormation
runs the SAM transform (a macro) over it, which expands each into plain
CloudFormation resources: a function becomes an ``AWS::Lambda::Function`` and
the ``AWS::IAM::Role`` it runs as; an event of type ``Api`` on a function adds
a REST API in front of it. The translator is also a Python library
(``aws-sam-translator``, ``samtranslator``): the same expansion, on your laptop.

Notes, "serverless application model".
"""

import json

import pytest
from botocore.exceptions import ClientError

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
HANDLER = "def handler(event, context):\n    return {'greeting': 'hello ' + event['name']}\n"


class NoManagedPolicies:
    """The translator's policy loader; SAM asks it only for policy names, which we do not use."""

    def load(self) -> dict:
        return {}


def translate(template: dict, region: str) -> dict:
    """What the SAM transform makes of ``template``: a plain CloudFormation template."""
    # Imported here, not at the top: it takes half a second, paid only by the tests using it.
    samtranslator = pytest.importorskip(
        "samtranslator.translator.transform", reason="needs aws-sam-translator"
    )
    return samtranslator.transform(
        json.loads(json.dumps(template)), {"AWS::Region": region}, NoManagedPolicies()
    )


def resource_types(template: dict) -> dict[str, str]:
    return {name: body["Type"] for name, body in template["Resources"].items()}


@pytest.mark.claim(
    "cloudformation.sam-expands-to-cloudformation",
    quote="using yml files to create cloudformaiton templates",
    source="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/"
    "sam-property-function-api.html",
)
def test_the_translator_expands_a_serverless_function(aws, stacks):
    functions = aws.lambda_  # first: a backend without Lambda skips here, not mid-stack
    sam = {"Transform": SAM_TRANSFORM, "Resources": {}}
    # HINT: one AWS::Serverless::Function "Greeter": Runtime python3.12, Handler
    # index.handler, and the handler's source (HANDLER) as InlineCode. Nothing else:
    # SAM adds the execution role by itself.
    # BEGIN SOLUTION
    sam["Resources"]["Greeter"] = {
        "Type": "AWS::Serverless::Function",
        "Properties": {"Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER},
    }
    # END SOLUTION
    template = translate(sam, aws.region)
    assert "Transform" not in template
    assert resource_types(template) == {
        "Greeter": "AWS::Lambda::Function",
        "GreeterRole": "AWS::IAM::Role",
    }
    # The expansion is plain CloudFormation: any CloudFormation deploys it (the role
    # it adds is an IAM resource, so CAPABILITY_IAM is acknowledged).
    stack = stacks.create(template, Capabilities=["CAPABILITY_IAM"])
    assert stacks.status(stack) == "CREATE_COMPLETE"
    function = stacks.resource(stack, "Greeter")
    configuration = functions.get_function(FunctionName=function)["Configuration"]
    assert configuration["Runtime"] == "python3.12"
    assert configuration["Role"].split("/")[-1] == stacks.resource(stack, "GreeterRole")


@pytest.mark.claim(
    "cloudformation.sam-transform-header",
    quote="transform header: indicates it is sam template",
    source="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CreateStack does not run the SAM transform, even with aws-sam-translator "
    "installed: it skips the AWS::Serverless::Function (a warning), creates nothing and reports "
    "CREATE_COMPLETE; AWS expands it into an AWS::Lambda::Function and its role",
)
# moto's warning is the gap above, already reported with its reason.
@pytest.mark.filterwarnings("ignore:Tried to parse AWS..Serverless..Function:UserWarning")
def test_cloudformation_runs_the_transform_the_header_names(aws, unique_name):
    aws.lambda_  # noqa: B018 -- the stack makes a function: a backend without Lambda skips
    template = {
        "Resources": {
            "Greeter": {
                "Type": "AWS::Serverless::Function",
                "Properties": {
                    "Runtime": "python3.12",
                    "Handler": "index.handler",
                    "InlineCode": HANDLER,
                },
            }
        }
    }
    # HINT: without one header, CloudFormation does not know AWS::Serverless::Function.
    # Which top-level key, with which value, makes this a SAM template?
    # BEGIN SOLUTION
    template["Transform"] = SAM_TRANSFORM
    # END SOLUTION
    name = unique_name("sam")
    cloudformation = aws.cloudformation
    try:
        cloudformation.create_stack(
            StackName=name,
            TemplateBody=json.dumps(template),
            Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
        )
    except ClientError as error:
        pytest.fail(f"CreateStack refused the template: {error}")
    cloudformation.get_waiter("stack_create_complete").wait(
        StackName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    resources = cloudformation.describe_stack_resources(StackName=name)["StackResources"]
    types = {
        resource.get("LogicalResourceId"): resource.get("ResourceType") for resource in resources
    }
    assert types == {"Greeter": "AWS::Lambda::Function", "GreeterRole": "AWS::IAM::Role"}


@pytest.mark.claim(
    "cloudformation.sam-api-event",
    quote="using yml files to create cloudformaiton templates",
    source="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/"
    "sam-property-function-api.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's AWS::ApiGateway::RestApi needs a Name property (KeyError: 'Name', HTTP 500 "
    "on CreateStack); the API SAM makes is described by its OpenAPI Body instead, which AWS "
    "accepts",
)
def test_an_api_event_adds_a_rest_api_in_front_of_the_function(aws, stacks):
    functions = aws.lambda_  # first: a backend without Lambda skips here, not mid-stack
    greeter = {"Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER}
    sam = {
        "Transform": SAM_TRANSFORM,
        "Resources": {"Greeter": {"Type": "AWS::Serverless::Function", "Properties": greeter}},
    }
    # HINT: an event source "Hello" on the function, of Type Api: a GET on the path /hello
    # (its Properties: Path and Method).
    # BEGIN SOLUTION
    hello = {"Type": "Api", "Properties": {"Path": "/hello", "Method": "get"}}
    greeter["Events"] = {"Hello": hello}
    # END SOLUTION
    template = translate(sam, aws.region)
    # SAM adds an implicit REST API with its deployment and "Prod" stage, and the
    # permission for API Gateway to invoke the function.
    types = resource_types(template)
    assert types["ServerlessRestApi"] == "AWS::ApiGateway::RestApi"
    assert types["ServerlessRestApiProdStage"] == "AWS::ApiGateway::Stage"
    assert types["GreeterHelloPermissionProd"] == "AWS::Lambda::Permission"
    assert list(types.values()).count("AWS::ApiGateway::Deployment") == 1
    stack = stacks.create(template, Capabilities=["CAPABILITY_IAM"])
    assert stacks.status(stack) == "CREATE_COMPLETE"
    api = stacks.resource(stack, "ServerlessRestApi")
    apigateway = aws.apigateway
    paths = {item["path"]: item for item in apigateway.get_resources(restApiId=api)["items"]}
    assert set(paths["/hello"]["resourceMethods"]) == {"GET"}
    assert apigateway.get_stage(restApiId=api, stageName="Prod")["stageName"] == "Prod"
    assert functions.get_function(FunctionName=stacks.resource(stack, "Greeter"))
