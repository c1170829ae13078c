"""What an ALB does with HTTP: HTTP/2, the client's address, and its firewall.

An ALB ends the client's HTTP connection and opens its own to the target. So it
can speak HTTP/2 (and WebSocket) to clients (``routing.http2.enabled``, on by
default), and the target sees the ALB's address, not the client's: the ALB
appends the client's IP to the ``X-Forwarded-For`` header
(``routing.http.xff_header_processing.mode``: ``append`` by default). Like an
instance, an ALB sits behind security groups, which must exist in its VPC.

Notes, "HA and scalability > ELB > types > ALB" and "> security group".
"""

from __future__ import annotations

import pytest

ATTRIBUTES = "botocore/data/elbv2/2015-12-01/service-2.json (LoadBalancerAttribute, Key)"
SECURITY_GROUPS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html"


@pytest.mark.claim("elb.alb-http2-on", quote="http/2 and websocket;", source=ATTRIBUTES)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's new Application Load Balancer has no routing.http2.enabled attribute; "
    "AWS shows true",
)
def test_an_alb_speaks_http2_by_default(load_balancer, lb_attributes):
    alb = load_balancer("application")
    # HINT: predict a new ALB's routing.http2.enabled ("true" or "false").
    # BEGIN SOLUTION
    expected = "true"
    # END SOLUTION
    assert lb_attributes(alb["LoadBalancerArn"])["routing.http2.enabled"] == expected


@pytest.mark.claim(
    "elb.alb-appends-x-forwarded-for",
    quote="to see the client ip, use header: `X-Forwarded-For`",
    source=ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's new Application Load Balancer has no routing.http.xff_header_processing"
    ".mode attribute; AWS shows append (the client's IP added to X-Forwarded-For)",
)
def test_an_alb_appends_the_client_address_to_x_forwarded_for(load_balancer, lb_attributes):
    alb = load_balancer("application")
    # HINT: predict what a new ALB does to X-Forwarded-For: append, preserve or remove?
    # BEGIN SOLUTION
    expected = "append"
    # END SOLUTION
    mode = lb_attributes(alb["LoadBalancerArn"])["routing.http.xff_header_processing.mode"]
    assert mode == expected


@pytest.mark.claim(
    "elb.alb-security-groups",
    quote="security group",
    line=171,
    source=SECURITY_GROUPS,
)
def test_an_alb_sits_behind_security_groups_of_its_vpc(
    aws, load_balancer, unique_name, vpc_id, error_code
):
    group = aws.ec2.create_security_group(
        GroupName=unique_name("alb"), Description="awslab load balancer", VpcId=vpc_id
    )["GroupId"]
    # HINT: an Application Load Balancer guarded by `group`.
    # BEGIN SOLUTION
    alb = load_balancer("application", SecurityGroups=[group])
    # END SOLUTION
    assert alb["SecurityGroups"] == [group]
    answer = error_code(
        aws.elbv2.set_security_groups,
        LoadBalancerArn=alb["LoadBalancerArn"],
        SecurityGroups=["sg-0123456789abcdef0"],
    )
    assert answer == "InvalidSecurityGroup"
