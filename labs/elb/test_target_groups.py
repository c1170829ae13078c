"""Target groups: what a load balancer sends traffic to, and how it checks them.

A listener forwards to a target group; the group's *target type* says what its
members are. An ALB's groups hold instances (an Auto Scaling group registers its
own), IP addresses (containers, on-premises servers) or one Lambda function; a
Lambda group has no protocol, port or VPC, since nothing listens on a port. An
NLB can also forward to an ALB, registered as a target of type ``alb``. A GWLB's
groups speak GENEVE to instances or IP addresses only.

Every group checks its targets' health on a port (by default the port traffic
goes to, ``traffic-port``) and, for HTTP, on a path (by default ``/``). An NLB's
TCP group checks with TCP by default, and can use HTTP or HTTPS instead.

Notes, "HA and scalability > ELB > health check" and "> types".
"""

from __future__ import annotations

import pytest

TARGET_GROUPS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html"
LAMBDA_TARGETS = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html"
)
ALB_TARGETS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/application-load-balancer-target.html"
GWLB_TARGET_GROUPS = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html"
)
HEALTH_CHECKS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html"
NLB_HEALTH_CHECKS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html"


@pytest.mark.claim(
    "elb.alb-target-types",
    quote="route to different target groups: ec2(or ec2 in asg), ecs, lambda, private ip",
    source=TARGET_GROUPS,
)
def test_an_alb_forwards_to_instances_ips_and_lambda(
    aws, load_balancer, target_group, forward_to, error_code
):
    alb = load_balancer("application")
    instances = target_group("HTTP", 80)
    ips = target_group("HTTP", 80, TargetType="ip")
    # HINT: a target group for a Lambda function: its target type, and what it leaves out.
    # BEGIN SOLUTION
    function = target_group(None, TargetType="lambda")
    # END SOLUTION
    assert [instances["TargetType"], ips["TargetType"], function["TargetType"]] == [
        "instance",
        "ip",
        "lambda",
    ]
    assert "Port" not in function and "VpcId" not in function
    for port, group in enumerate([instances, ips, function], start=80):
        aws.elbv2.create_listener(
            LoadBalancerArn=alb["LoadBalancerArn"],
            Protocol="HTTP",
            Port=port,
            DefaultActions=forward_to(group),
        )
    listeners = aws.elbv2.describe_listeners(LoadBalancerArn=alb["LoadBalancerArn"])["Listeners"]
    assert len(listeners) == 3


@pytest.mark.claim(
    "elb.lambda-target-no-port",
    beyond_notes="A target group for a Lambda function takes no protocol, port or VPC: "
    "with a protocol it is refused (ValidationError).",
    source=LAMBDA_TARGETS,
)
def test_a_lambda_target_group_takes_no_protocol(aws, vpc_id, unique_name, error_code):
    create = aws.elbv2.create_target_group
    answer = error_code(
        create,
        Name=unique_name("fn"),
        TargetType="lambda",
        Protocol="HTTP",
        Port=80,
        VpcId=vpc_id,
    )
    assert answer == "ValidationError"


@pytest.mark.claim(
    "elb.nlb-alb-target",
    quote="target groups: ec2, private ip, ALB,",
    source=ALB_TARGETS,
)
def test_an_nlb_forwards_to_an_alb(aws, load_balancer, target_group, forward_to):
    alb = load_balancer("application")
    # An ALB behind an NLB listens on the port the NLB's target group sends to.
    aws.elbv2.create_listener(
        LoadBalancerArn=alb["LoadBalancerArn"],
        Protocol="HTTP",
        Port=80,
        DefaultActions=forward_to(target_group("HTTP", 80)),
    )
    nlb = load_balancer("network")
    # HINT: a TCP target group whose target is a whole Application Load Balancer.
    # BEGIN SOLUTION
    front = target_group("TCP", 80, TargetType="alb")
    aws.elbv2.register_targets(
        TargetGroupArn=front["TargetGroupArn"], Targets=[{"Id": alb["LoadBalancerArn"]}]
    )
    # END SOLUTION
    aws.elbv2.create_listener(
        LoadBalancerArn=nlb["LoadBalancerArn"],
        Protocol="TCP",
        Port=80,
        DefaultActions=forward_to(front),
    )
    health = aws.elbv2.describe_target_health(TargetGroupArn=front["TargetGroupArn"])
    assert [entry["Target"]["Id"] for entry in health["TargetHealthDescriptions"]] == [
        alb["LoadBalancerArn"]
    ]


@pytest.mark.claim(
    "elb.gwlb-targets",
    quote="target groups: ec2, private ip",
    line=170,
    source=GWLB_TARGET_GROUPS,
)
def test_a_gwlb_target_group_holds_instances_or_ips(
    target_group, vpc_id, aws, unique_name, error_code
):
    # HINT: the two target types a GENEVE group takes (the answer is on the notes' line).
    # BEGIN SOLUTION
    types = ["instance", "ip"]
    # END SOLUTION
    groups = [target_group("GENEVE", 6081, TargetType=kind) for kind in types]
    assert [group["TargetType"] for group in groups] == ["instance", "ip"]
    answer = error_code(
        aws.elbv2.create_target_group,
        Name=unique_name("fn"),
        TargetType="lambda",
        Protocol="GENEVE",
        Port=6081,
        VpcId=vpc_id,
    )
    assert answer == "ValidationError"


@pytest.mark.claim(
    "elb.health-check-port-and-path",
    quote="health check: done on a port and a endpoint",
    source=HEALTH_CHECKS,
)
def test_a_health_check_probes_a_port_and_a_path(aws, target_group):
    web = target_group("HTTP", 80)
    # HINT: predict a new HTTP group's health check: (port, path).
    # BEGIN SOLUTION
    expected = ("traffic-port", "/")
    # END SOLUTION
    assert (web["HealthCheckPort"], web["HealthCheckPath"]) == expected
    changed = aws.elbv2.modify_target_group(
        TargetGroupArn=web["TargetGroupArn"], HealthCheckPort="8080", HealthCheckPath="/health"
    )["TargetGroups"][0]
    assert (changed["HealthCheckPort"], changed["HealthCheckPath"]) == ("8080", "/health")


@pytest.mark.claim(
    "elb.nlb-health-check-protocols",
    quote="health check: tcp, http, https",
    source=NLB_HEALTH_CHECKS,
)
def test_an_nlb_group_checks_with_tcp_http_or_https(target_group):
    # HINT: predict the health check protocol of a new TCP target group.
    # BEGIN SOLUTION
    expected = "TCP"
    # END SOLUTION
    assert target_group("TCP", 80)["HealthCheckProtocol"] == expected
    for protocol in ("HTTP", "HTTPS"):
        group = target_group("TCP", 80, HealthCheckProtocol=protocol)
        assert group["HealthCheckProtocol"] == protocol


@pytest.mark.claim(
    "elb.nlb-health-check-not-udp",
    quote="health check: tcp, http, https",
    source=NLB_HEALTH_CHECKS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a UDP health check on a TCP target group; AWS checks with TCP, "
    "HTTP or HTTPS only (ValidationError)",
)
def test_an_nlb_group_does_not_check_with_udp(aws, vpc_id, unique_name, error_code):
    answer = error_code(
        aws.elbv2.create_target_group,
        Name=unique_name("udp-check"),
        Protocol="TCP",
        Port=80,
        VpcId=vpc_id,
        HealthCheckProtocol="UDP",
    )
    assert answer == "ValidationError"
