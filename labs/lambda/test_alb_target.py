"""A function behind an Application Load Balancer.

An ALB sends requests to a target group; for a function, the target group's
type is ``lambda`` (no port, no protocol) and the function is its one target.
The load balancer may invoke the function only if the function's
resource-based policy lets ``elasticloadbalancing.amazonaws.com`` do so:
without it, registering the target is refused. With the target group's
``lambda.multi_value_headers.enabled`` (off by default), headers and query
string parameters sent more than once reach the function as lists.

Notes, "lambda > integrated with alb", "alb + lambda -- permission",
"alb multi-header values".
"""

import pytest

SOURCE = """
    def handler(event, context):
        return {"statusCode": 200, "body": "hello from behind the load balancer"}
"""
ALB_GUIDE = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html"
)


@pytest.fixture
def function_arn(aws, deploy) -> str:
    return aws.lambda_.get_function(FunctionName=deploy(SOURCE))["Configuration"]["FunctionArn"]


@pytest.fixture
def lambda_targets(aws, unique_name) -> str:
    """The ARN of a new target group of type lambda."""
    group = aws.elbv2.create_target_group(Name=unique_name("fn-tg")[:32], TargetType="lambda")
    return group["TargetGroups"][0]["TargetGroupArn"]


def let_the_load_balancer_invoke(aws, function_arn: str, target_group: str) -> None:
    aws.lambda_.add_permission(
        FunctionName=function_arn,
        StatementId="alb",
        Action="lambda:InvokeFunction",
        Principal="elasticloadbalancing.amazonaws.com",
        SourceArn=target_group,
    )


@pytest.mark.claim(
    "lambda.alb-target-group", quote="lambda function must be registered in a target group"
)
def test_the_function_is_the_target_of_a_lambda_target_group(aws, function_arn, unique_name):
    targets = None
    # HINT: create a target group for a function (its TargetType), named
    # HINT: unique_name("orders")[:32], and register the function in it; keep its ARN in `targets`.
    # BEGIN SOLUTION
    group = aws.elbv2.create_target_group(Name=unique_name("orders")[:32], TargetType="lambda")
    targets = group["TargetGroups"][0]["TargetGroupArn"]
    let_the_load_balancer_invoke(aws, function_arn, targets)
    aws.elbv2.register_targets(TargetGroupArn=targets, Targets=[{"Id": function_arn}])
    # END SOLUTION
    described = aws.elbv2.describe_target_groups(TargetGroupArns=[targets])["TargetGroups"][0]
    assert (described["TargetType"], described.get("Port")) == ("lambda", None)
    health = aws.elbv2.describe_target_health(TargetGroupArn=targets)
    assert [target["Target"]["Id"] for target in health["TargetHealthDescriptions"]] == [
        function_arn
    ]


@pytest.mark.claim(
    "lambda.alb-needs-resource-policy", quote="lambda resource policy", source=ALB_GUIDE
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto registers a function the load balancer may not invoke; AWS refuses it "
    "(AccessDenied) until the function's policy allows elasticloadbalancing.amazonaws.com",
)
def test_registering_needs_the_functions_permission(aws, function_arn, lambda_targets, error_code):
    register = aws.elbv2.register_targets
    target = [{"Id": function_arn}]
    assert error_code(register, TargetGroupArn=lambda_targets, Targets=target) == "AccessDenied"
    # HINT: let the load balancer invoke the function (a statement in the function's policy).
    # BEGIN SOLUTION
    let_the_load_balancer_invoke(aws, function_arn, lambda_targets)
    # END SOLUTION
    assert error_code(register, TargetGroupArn=lambda_targets, Targets=target) is None


@pytest.mark.claim(
    "lambda.alb-multi-value-headers",
    quote="When you enable multi-value headers",
    source=ALB_GUIDE,
)
def test_multi_value_headers_are_off_until_enabled(aws, lambda_targets):
    def multi_value_headers() -> str:
        attributes = aws.elbv2.describe_target_group_attributes(TargetGroupArn=lambda_targets)
        return {a["Key"]: a["Value"] for a in attributes["Attributes"]}[
            "lambda.multi_value_headers.enabled"
        ]

    assert multi_value_headers() == "false", "off by default"
    # HINT: enable multi-value headers on the target group (its attribute).
    # BEGIN SOLUTION
    aws.elbv2.modify_target_group_attributes(
        TargetGroupArn=lambda_targets,
        Attributes=[{"Key": "lambda.multi_value_headers.enabled", "Value": "true"}],
    )
    # END SOLUTION
    assert multi_value_headers() == "true"
