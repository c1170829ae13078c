"""Cross-zone load balancing: spread over every target, or only the zone's own.

Each zone of a load balancer has its own node. With cross-zone load balancing
on, a node spreads requests over the targets of every zone; off, only over the
targets in its own zone (a zone with 2 targets and a zone with 8 then give each
of the 2 four times the load). An ALB has it on (at no charge for the traffic
between zones); an NLB and, created through the API, a Classic Load Balancer
have it off, and an NLB pays for the traffic between zones once it is on.

Notes, "HA and scalability > ELB > cross-zone load balancing".
"""

from __future__ import annotations

import pytest

ATTRIBUTES = "botocore/data/elbv2/2015-12-01/service-2.json (LoadBalancerAttribute, Key)"
CLB_CROSS_ZONE = "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html"


@pytest.mark.claim(
    "elb.cross-zone-alb-on",
    quote="alb: enabled by default",
    source=ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto reports load_balancing.cross_zone.enabled false on a new Application Load "
    "Balancer; AWS has it on (true), and it cannot be changed",
)
def test_an_alb_balances_across_zones(load_balancer, lb_attributes):
    alb = load_balancer("application")
    # HINT: predict a new ALB's load_balancing.cross_zone.enabled ("true" or "false").
    # BEGIN SOLUTION
    expected = "true"
    # END SOLUTION
    assert lb_attributes(alb["LoadBalancerArn"])["load_balancing.cross_zone.enabled"] == expected


@pytest.mark.claim(
    "elb.cross-zone-nlb-off",
    quote="nlb: disabled by default, no free",
    source=ATTRIBUTES,
)
def test_an_nlb_keeps_traffic_in_its_zone_until_told(aws, load_balancer, lb_attributes):
    nlb = load_balancer("network")
    arn = nlb["LoadBalancerArn"]
    assert lb_attributes(arn)["load_balancing.cross_zone.enabled"] == "false"
    # HINT: turn cross-zone load balancing on for this NLB.
    # BEGIN SOLUTION
    aws.elbv2.modify_load_balancer_attributes(
        LoadBalancerArn=arn,
        Attributes=[{"Key": "load_balancing.cross_zone.enabled", "Value": "true"}],
    )
    # END SOLUTION
    assert lb_attributes(arn)["load_balancing.cross_zone.enabled"] == "true"


@pytest.mark.claim(
    "elb.cross-zone-clb-off",
    quote="clb: disabled",
    source=CLB_CROSS_ZONE,
)
def test_a_classic_load_balancer_made_by_the_api_keeps_traffic_in_its_zone(
    aws, unique_name, subnets
):
    name = unique_name("classic")
    aws.elb.create_load_balancer(
        LoadBalancerName=name,
        Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}],
        Subnets=subnets,
    )
    # HINT: predict CrossZoneLoadBalancing's Enabled for a Classic Load Balancer made by the API.
    # BEGIN SOLUTION
    expected = False
    # END SOLUTION
    attributes = aws.elb.describe_load_balancer_attributes(LoadBalancerName=name)
    assert attributes["LoadBalancerAttributes"]["CrossZoneLoadBalancing"]["Enabled"] is expected
