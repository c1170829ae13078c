"""Edge functions: code CloudFront runs on a distribution's requests and responses.

A cache behaviour of a distribution names the functions CloudFront runs, and
on which event of a request's way through it:

- ``viewer-request``: the request CloudFront has just received from the viewer;
- ``origin-request``: the request CloudFront is about to forward to the origin
  (on a cache miss);
- ``origin-response``: the response CloudFront has just received from the origin;
- ``viewer-response``: the response CloudFront is about to return to the viewer.

Two kinds of function:

- a CloudFront function (CloudFront's own ``CreateFunction``, JavaScript,
  published to its LIVE stage): on the viewer's side only, ``viewer-request``
  and ``viewer-response`` (a behaviour's ``FunctionAssociations``);
- a Lambda@Edge function (a behaviour's ``LambdaFunctionAssociations``): on
  any of the four events. You write it in one region, US East (N. Virginia),
  and name one numbered version of it, which CloudFront replicates to its
  locations. Its role trusts ``edgelambda.amazonaws.com`` as well as
  ``lambda.amazonaws.com``, and its timeout is at most 5 seconds on a viewer
  event, 30 seconds on an origin event: CloudFront refuses a longer one.

moto keeps neither kind of association (a behaviour comes back with none) and
has no ``PublishFunction``: on moto these labs are gaps, and their claims stand
on CloudFront's documentation.

Notes, "lambda > customization at the Edge".
"""

import uuid

import pytest

from harness.testkit.iam import service_role

CLOUDFRONT_FUNCTIONS = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_FunctionAssociation.html"
)
EDGE_QUOTAS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge"
EDGE_REQUIREMENTS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-function-restrictions.html"
NO_FUNCTIONS_ON_MOTO = (
    "moto has no PublishFunction and keeps no FunctionAssociations; AWS runs a CloudFront "
    "function on viewer events and refuses an origin event (MalformedXML)"
)
NO_EDGE_ON_MOTO = (
    "moto keeps no LambdaFunctionAssociations and checks no timeout; AWS keeps the association "
    "and refuses a function whose timeout is longer than the event allows "
    "(InvalidLambdaFunctionAssociation)"
)
#: AWS's managed cache policy "CachingOptimized" (the same id in every account).
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
HELLO = """
    def handler(event, context):
        return event["Records"][0]["cf"]["request"]
"""


def distribution_with(aws, comment: str, **associations) -> dict:
    """Create a distribution whose default behaviour carries ``associations``
    (``FunctionAssociations=``, ``LambdaFunctionAssociations=``); that behaviour."""
    config = {
        "CallerReference": uuid.uuid4().hex,
        "Comment": comment,  # carries the test's prefix: a backend without reset sweeps it
        "Enabled": True,
        "Origins": {
            "Quantity": 1,
            "Items": [
                {
                    "Id": "web",
                    "DomainName": "www.example.com",
                    "CustomOriginConfig": {
                        "HTTPPort": 80,
                        "HTTPSPort": 443,
                        "OriginProtocolPolicy": "https-only",
                    },
                }
            ],
        },
        "DefaultCacheBehavior": {
            "TargetOriginId": "web",
            "ViewerProtocolPolicy": "redirect-to-https",
            "CachePolicyId": CACHING_OPTIMIZED,
            **associations,
        },
    }
    distribution = aws.cloudfront.create_distribution(DistributionConfig=config)["Distribution"]
    return distribution["DistributionConfig"]["DefaultCacheBehavior"]


def published_cloudfront_function(aws, unique_name) -> str:
    """The ARN of a new CloudFront function, published to its LIVE stage."""
    name = unique_name("rewrite")
    created = aws.cloudfront.create_function(
        Name=name,
        FunctionConfig={"Comment": "passes the request on", "Runtime": "cloudfront-js-2.0"},
        FunctionCode=b"function handler(event) { return event.request; }",
    )
    aws.cloudfront.publish_function(Name=name, IfMatch=created["ETag"])
    return created["FunctionSummary"]["FunctionMetadata"]["FunctionARN"]


def cloudfront_function_on(aws, unique_name, error_code, event: str, refused_event: str):
    """Associate one CloudFront function on ``event``, then on ``refused_event``: the
    event types CloudFront keeps, and the error of the second association."""
    function = published_cloudfront_function(aws, unique_name)

    def associate(on: str) -> dict:
        association = {"FunctionARN": function, "EventType": on}
        return distribution_with(
            aws,
            unique_name("edge"),
            FunctionAssociations={"Quantity": 1, "Items": [association]},
        )

    kept = associate(event)["FunctionAssociations"].get("Items", [])
    return [item["EventType"] for item in kept], error_code(associate, refused_event)


@pytest.mark.claim(
    "lambda.cloudfront-function-viewer-request",
    quote="viewer request: cloudfront receives the requests from clients",
    source=CLOUDFRONT_FUNCTIONS,
)
@pytest.mark.emulator_gap("moto", reason=NO_FUNCTIONS_ON_MOTO)
def test_a_cloudfront_function_runs_on_the_viewers_request(aws, unique_name, error_code):
    # HINT: the EventType of the request CloudFront has just received from a viewer.
    # BEGIN SOLUTION
    event = "viewer-request"
    # END SOLUTION
    kept, refused = cloudfront_function_on(aws, unique_name, error_code, event, "origin-request")
    assert kept == ["viewer-request"]
    assert refused == "MalformedXML", "never on the request to the origin"


@pytest.mark.claim(
    "lambda.cloudfront-function-viewer-response",
    quote="viewer response: before cloudfront forwards the response to the viewer",
    source=CLOUDFRONT_FUNCTIONS,
)
@pytest.mark.emulator_gap("moto", reason=NO_FUNCTIONS_ON_MOTO)
def test_a_cloudfront_function_runs_on_the_response_to_the_viewer(aws, unique_name, error_code):
    # HINT: the EventType of the response CloudFront is about to return to the viewer.
    # BEGIN SOLUTION
    event = "viewer-response"
    # END SOLUTION
    kept, refused = cloudfront_function_on(aws, unique_name, error_code, event, "origin-response")
    assert kept == ["viewer-response"]
    assert refused == "MalformedXML", "never on the origin's response"


@pytest.fixture
def edge_versions(aws, deploy, settled, unique_name):
    """``edge_versions(timeout, timeout + 1)``: the ARNs of two numbered versions of a new
    Lambda@Edge function, one per timeout (a version keeps its configuration)."""
    role = service_role(
        aws.iam, unique_name("edge-role"), "lambda.amazonaws.com", "edgelambda.amazonaws.com"
    )

    def edge_versions(*timeouts: int) -> list[str]:
        function = deploy(HELLO, Role=role, Timeout=timeouts[0])
        arns = []
        for timeout in timeouts:
            if settled(function)["Timeout"] != timeout:
                aws.lambda_.update_function_configuration(FunctionName=function, Timeout=timeout)
                settled(function)
            arns.append(aws.lambda_.publish_version(FunctionName=function)["FunctionArn"])
        return arns

    return edge_versions


def associate_edge(aws, unique_name, version: str, event: str) -> dict:
    """A new distribution whose default behaviour runs ``version`` on ``event``."""
    association = {"LambdaFunctionARN": version, "EventType": event}
    return distribution_with(
        aws, unique_name("edge"), LambdaFunctionAssociations={"Quantity": 1, "Items": [association]}
    )


def edge_answers(aws, unique_name, error_code, edge_versions, event: str, longest: int):
    """Associate a version whose timeout is ``longest`` on ``event``, then one whose timeout
    is a second longer: the event types CloudFront keeps, and the error of the second."""
    fits, too_slow = edge_versions(longest, longest + 1)
    kept = associate_edge(aws, unique_name, fits, event)["LambdaFunctionAssociations"]
    too_slow_answer = error_code(associate_edge, aws, unique_name, too_slow, event)
    return [item["EventType"] for item in kept.get("Items", [])], too_slow_answer


@pytest.mark.claim(
    "lambda.edge-viewer-request",
    quote="viewer requests: after cloudfront receives the request from client",
    source=EDGE_QUOTAS,
)
@pytest.mark.emulator_gap("moto", reason=NO_EDGE_ON_MOTO)
def test_lambda_at_edge_runs_on_the_viewers_request(aws, unique_name, error_code, edge_versions):
    # HINT: the longest timeout, in seconds, of a Lambda@Edge function on a viewer event
    # HINT: (the viewer is waiting).
    # BEGIN SOLUTION
    longest = 5
    # END SOLUTION
    event = "viewer-request"
    answers = edge_answers(aws, unique_name, error_code, edge_versions, event, longest)
    assert answers == ([event], "InvalidLambdaFunctionAssociation")


@pytest.mark.claim(
    "lambda.edge-viewer-response",
    quote="viewer response: before cloudfront forwards the response to the client",
    source=EDGE_QUOTAS,
)
@pytest.mark.emulator_gap("moto", reason=NO_EDGE_ON_MOTO)
def test_lambda_at_edge_runs_on_the_response_to_the_viewer(
    aws, unique_name, error_code, edge_versions
):
    # HINT: the longest timeout, in seconds, of a Lambda@Edge function on the response
    # HINT: to the viewer.
    # BEGIN SOLUTION
    longest = 5
    # END SOLUTION
    event = "viewer-response"
    answers = edge_answers(aws, unique_name, error_code, edge_versions, event, longest)
    assert answers == ([event], "InvalidLambdaFunctionAssociation")


@pytest.mark.claim(
    "lambda.edge-origin-request",
    quote="origin requests: the request before cloudfront forwards to the origin",
    source=EDGE_QUOTAS,
)
@pytest.mark.emulator_gap("moto", reason=NO_EDGE_ON_MOTO)
def test_lambda_at_edge_runs_on_the_request_to_the_origin(
    aws, unique_name, error_code, edge_versions
):
    # HINT: the longest timeout, in seconds, of a Lambda@Edge function on an origin event
    # HINT: (longer than on a viewer event).
    # BEGIN SOLUTION
    longest = 30
    # END SOLUTION
    event = "origin-request"
    answers = edge_answers(aws, unique_name, error_code, edge_versions, event, longest)
    assert answers == ([event], "InvalidLambdaFunctionAssociation")


@pytest.mark.claim(
    "lambda.edge-origin-response",
    quote="origin response: after cloudfront receives the response from the origin",
    source=EDGE_QUOTAS,
)
@pytest.mark.emulator_gap("moto", reason=NO_EDGE_ON_MOTO)
def test_lambda_at_edge_runs_on_the_origins_response(aws, unique_name, error_code, edge_versions):
    # HINT: the longest timeout, in seconds, of a Lambda@Edge function on the origin's
    # HINT: response.
    # BEGIN SOLUTION
    longest = 30
    # END SOLUTION
    event = "origin-response"
    answers = edge_answers(aws, unique_name, error_code, edge_versions, event, longest)
    assert answers == ([event], "InvalidLambdaFunctionAssociation")


@pytest.mark.claim(
    "lambda.edge-names-a-version",
    quote="author your lambda in one aws region, then cloudfront replicate to its locations",
    source=EDGE_REQUIREMENTS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto keeps no LambdaFunctionAssociations and takes any ARN; AWS keeps a numbered "
    "version's and refuses $LATEST (InvalidLambdaFunctionAssociation)",
)
def test_cloudfront_replicates_a_numbered_version(aws, unique_name, error_code, edge_versions):
    (version,) = edge_versions(3)
    latest = version.rsplit(":", 1)[0] + ":$LATEST"

    def associate(arn: str) -> dict:
        return associate_edge(aws, unique_name, arn, "origin-request")

    # HINT: of `version` and `latest`, which ARN can CloudFront copy to its locations (one
    # HINT: that never changes)? Predict the error of associating each (None: accepted).
    # BEGIN SOLUTION
    expected = {"version": None, "latest": "InvalidLambdaFunctionAssociation"}
    # END SOLUTION
    answers = {"version": error_code(associate, version), "latest": error_code(associate, latest)}
    assert answers == expected
    assert version.split(":")[3] == "us-east-1", "Lambda@Edge functions live in N. Virginia"
