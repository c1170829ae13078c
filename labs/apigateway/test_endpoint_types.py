"""Where an API's endpoint lives: edge-optimized, regional or private.

A REST API created without an endpoint configuration is **edge-optimized**:
its requests go through CloudFront's edge locations to the API, which lives
in one region. A **regional** API is served from its region only (put your
own CloudFront distribution in front if you want one). A **private** API is
reachable only from VPCs through an interface endpoint, and who may call it
is said by its resource policy: API Gateway refuses to deploy a private API
that has none. Any REST API can carry a resource policy (who may invoke it,
from which networks or VPC endpoints).

Notes, "api gateway > endpoint types" and "api gateway -- security".
"""

import json

import pytest

ENDPOINTS = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html"


@pytest.mark.claim(
    "apigateway.edge-optimized-default", quote="edge-optimized (default)", source=ENDPOINTS
)
def test_an_api_is_edge_optimized_unless_said_otherwise(aws, unique_name):
    plain = aws.apigateway.create_rest_api(name=unique_name("plain"))
    # HINT: predict the endpoint types of an API created without an endpoint configuration.
    # BEGIN SOLUTION
    expected = ["EDGE"]
    # END SOLUTION
    assert plain["endpointConfiguration"]["types"] == expected
    regional = aws.apigateway.create_rest_api(
        name=unique_name("regional"), endpointConfiguration={"types": ["REGIONAL"]}
    )
    assert regional["endpointConfiguration"]["types"] == ["REGIONAL"]


@pytest.mark.claim(
    "apigateway.private-needs-resource-policy",
    quote="only within your vpc",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-create.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto deploys a private API that has no resource policy; AWS refuses "
    "(BadRequestException)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack deploys a PRIVATE API that has no resource policy; AWS refuses the "
    "deployment (BadRequestException)",
)
def test_a_private_api_is_deployed_only_with_a_resource_policy(aws, unique_name, error_code):
    apigw = aws.apigateway
    api_id = apigw.create_rest_api(
        name=unique_name("internal"), endpointConfiguration={"types": ["PRIVATE"]}
    )["id"]
    root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
    apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(
        restApiId=api_id,
        resourceId=root,
        httpMethod="GET",
        type="MOCK",
        requestTemplates={"application/json": '{"statusCode": 200}'},
    )
    deploy = apigw.create_deployment
    # HINT: predict whether API Gateway deploys this private API, which has no resource policy
    # HINT: (True or False).
    # BEGIN SOLUTION
    deployed = False
    # END SOLUTION
    refused = error_code(deploy, restApiId=api_id, stageName="prod")
    assert (refused is None, refused) == (deployed, "BadRequestException")


@pytest.mark.claim(
    "apigateway.resource-policy",
    quote="resource policies",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html",
)
def test_an_api_carries_its_own_resource_policy(aws, unique_name):
    plain = aws.apigateway.create_rest_api(name=unique_name("open"))
    assert not plain.get("policy"), "no resource policy unless given one"
    policy = None
    # HINT: a policy document (a dict) that lets everyone invoke the API's methods
    # HINT: (execute-api:Invoke on execute-api:/*) only from the network 203.0.113.0/24.
    # BEGIN SOLUTION
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "execute-api:Invoke",
                "Resource": "execute-api:/*",
                "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
            }
        ],
    }
    # END SOLUTION
    api = aws.apigateway.create_rest_api(name=unique_name("office"), policy=json.dumps(policy))
    stored = aws.apigateway.get_rest_api(restApiId=api["id"])["policy"]
    # AWS answers the document JSON-escaped (\" for "): undo that before reading it.
    document = json.loads(stored.replace('\\"', '"')) if '\\"' in stored else json.loads(stored)
    [statement] = document["Statement"]
    assert statement["Condition"]["IpAddress"]["aws:SourceIp"] == "203.0.113.0/24"
