"""Sticky sessions: the same client to the same target.

Stickiness is a target group attribute, off by default (``stickiness.enabled``).
Its type depends on the group's protocol: an ALB's HTTP groups stick with a
cookie, either one the load balancer makes and times (``lb_cookie``, the
duration-based cookie, 1 s to 7 days, a day by default) or one the application
names (``app_cookie``); an NLB's TCP groups stick by the client's address
(``source_ip``), since there is no cookie at layer 4. A Classic Load Balancer
sticks with cookies too, through policies on its listeners.

Notes, "HA and scalability > ELB > sticky sessions".
"""

from __future__ import annotations

import pytest

ATTRIBUTES = "botocore/data/elbv2/2015-12-01/service-2.json (TargetGroupAttribute, Key)"
STICKY = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html"
CLB_STICKY = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-sticky-sessions.html"
)


@pytest.mark.claim(
    "elb.stickiness-per-protocol",
    quote="sticky sessions: works for clb, alb, nlb",
    source=ATTRIBUTES,
)
def test_http_groups_stick_by_cookie_and_tcp_groups_by_address(
    aws, target_group, tg_attributes, error_code
):
    web, tcp = target_group("HTTP", 80), target_group("TCP", 80)
    assert tg_attributes(web["TargetGroupArn"])["stickiness.enabled"] == "false"
    # HINT: predict the stickiness type each group takes: (HTTP group's, TCP group's).
    # BEGIN SOLUTION
    expected = ("lb_cookie", "source_ip")
    # END SOLUTION
    modify = aws.elbv2.modify_target_group_attributes

    def refuses(group: dict, kind: str) -> str | None:
        attributes = [
            {"Key": "stickiness.enabled", "Value": "true"},
            {"Key": "stickiness.type", "Value": kind},
        ]
        return error_code(modify, TargetGroupArn=group["TargetGroupArn"], Attributes=attributes)

    assert refuses(web, expected[0]) is None
    assert refuses(tcp, expected[1]) is None
    assert refuses(web, "source_ip") == "InvalidConfigurationRequest"
    assert refuses(tcp, "lb_cookie") == "InvalidConfigurationRequest"
    assert tg_attributes(tcp["TargetGroupArn"])["stickiness.type"] == "source_ip"


@pytest.mark.claim(
    "elb.clb-sticky-cookie",
    quote="sticky sessions: works for clb, alb, nlb",
    source=CLB_STICKY,
)
def test_a_classic_load_balancer_sticks_with_a_cookie_policy(aws, unique_name, subnets):
    name = unique_name("classic")
    aws.elb.create_load_balancer(
        LoadBalancerName=name,
        Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}],
        Subnets=subnets,
    )
    # HINT: a duration-based (load balancer) cookie policy of 10 minutes, set on port 80's listener.
    # BEGIN SOLUTION
    aws.elb.create_lb_cookie_stickiness_policy(
        LoadBalancerName=name, PolicyName="sticky-10-min", CookieExpirationPeriod=600
    )
    aws.elb.set_load_balancer_policies_of_listener(
        LoadBalancerName=name, LoadBalancerPort=80, PolicyNames=["sticky-10-min"]
    )
    # END SOLUTION
    described = aws.elb.describe_load_balancers(LoadBalancerNames=[name])
    listener = described["LoadBalancerDescriptions"][0]["ListenerDescriptions"][0]
    assert listener["PolicyNames"] == ["sticky-10-min"]


@pytest.mark.claim(
    "elb.app-cookie-named-by-the-application",
    quote="application-based cookies: created by targets(custom cookies)",
    source=ATTRIBUTES,
)
def test_an_application_cookie_needs_its_name(aws, target_group, tg_attributes, error_code):
    web = target_group("HTTP", 80)
    sticky = [
        {"Key": "stickiness.enabled", "Value": "true"},
        {"Key": "stickiness.type", "Value": "app_cookie"},
    ]
    modify = aws.elbv2.modify_target_group_attributes
    answer = error_code(modify, TargetGroupArn=web["TargetGroupArn"], Attributes=sticky)
    assert answer == "InvalidConfigurationRequest"
    # HINT: app_cookie stickiness again, now naming the application's cookie SESSIONID.
    # BEGIN SOLUTION
    name = [{"Key": "stickiness.app_cookie.cookie_name", "Value": "SESSIONID"}]
    modify(TargetGroupArn=web["TargetGroupArn"], Attributes=sticky + name)
    # END SOLUTION
    assert tg_attributes(web["TargetGroupArn"])["stickiness.app_cookie.cookie_name"] == "SESSIONID"


@pytest.mark.claim(
    "elb.app-cookie-reserved-names",
    quote="application-based cookies: created by targets(custom cookies)",
    source=ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts an application cookie named AWSALB...; AWS reserves the prefixes "
    "AWSALB, AWSALBAPP and AWSALBTG for the load balancer's own cookies (ValidationError)",
)
def test_the_load_balancers_cookie_names_are_reserved(aws, target_group, error_code):
    web = target_group("HTTP", 80)
    modify = aws.elbv2.modify_target_group_attributes
    attributes = [
        {"Key": "stickiness.enabled", "Value": "true"},
        {"Key": "stickiness.type", "Value": "app_cookie"},
        {"Key": "stickiness.app_cookie.cookie_name", "Value": "AWSALBAPP-mine"},
    ]
    answer = error_code(modify, TargetGroupArn=web["TargetGroupArn"], Attributes=attributes)
    assert answer == "ValidationError"


@pytest.mark.claim(
    "elb.lb-cookie-duration-default",
    quote="duration-based cookies: created by load balancers",
    source=ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's new target group has no stickiness.lb_cookie.duration_seconds attribute; "
    "AWS shows 86400 (one day)",
)
def test_the_load_balancer_cookie_lasts_a_day_by_default(target_group, tg_attributes):
    web = target_group("HTTP", 80)
    # HINT: predict the duration-based cookie's default lifetime, in seconds.
    # BEGIN SOLUTION
    expected = str(24 * 60 * 60)
    # END SOLUTION
    assert tg_attributes(web["TargetGroupArn"])["stickiness.lb_cookie.duration_seconds"] == expected


@pytest.mark.claim(
    "elb.lb-cookie-duration-limit",
    quote="duration-based cookies: created by load balancers",
    source=ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any stickiness.lb_cookie.duration_seconds (604801, 0); AWS takes "
    "1 to 604800 seconds (ValidationError)",
)
def test_the_load_balancer_cookie_lasts_at_most_a_week(aws, target_group, error_code):
    web = target_group("HTTP", 80)
    modify = aws.elbv2.modify_target_group_attributes

    def duration(seconds: int) -> str | None:
        attributes = [{"Key": "stickiness.lb_cookie.duration_seconds", "Value": str(seconds)}]
        return error_code(modify, TargetGroupArn=web["TargetGroupArn"], Attributes=attributes)

    assert duration(7 * 24 * 60 * 60) is None
    assert duration(7 * 24 * 60 * 60 + 1) == "ValidationError"
    assert duration(0) == "ValidationError"
