"""Three kinds of load balancer, told apart by the protocols they listen on.

An Application Load Balancer (ALB) works at layer 7: its listeners speak HTTP or
HTTPS, and it reads requests (paths, headers) to route them. A Network Load
Balancer (NLB) works at layer 4: TCP, UDP and TLS, packets and connections, no
HTTP. A Gateway Load Balancer (GWLB) works at layer 3: it hands whole IP packets,
wrapped in GENEVE on port 6081, to a fleet of appliances (firewalls, inspection).
The API says which is which: ask an ALB for a TCP listener and it refuses.

An ALB also insists on availability: it must span subnets in at least two
Availability Zones. Where an ALB gives clients a DNS name (its addresses change as
it scales), an NLB can hold one Elastic IP per zone, for allow-lists.

Notes, "HA and scalability > ELB > types".
"""

from __future__ import annotations

import pytest

ELBV2_MODEL = "botocore/data/elbv2/2015-12-01/service-2.json (CreateLoadBalancer, Subnets)"
ALB_LISTENERS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html"
NLB_LISTENERS = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html"
)
GWLB = "https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/introduction.html"
GWLB_TARGET_GROUPS = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html"
)
ALB = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html"
NLB_EIP = "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/create-network-load-balancer.html"


@pytest.mark.claim(
    "elb.alb-layer-7",
    quote="layer 7;",
    source=ALB_LISTENERS,
)
def test_an_alb_listens_to_http_and_refuses_tcp(
    aws, load_balancer, target_group, forward_to, error_code
):
    alb = load_balancer("application")
    web = target_group("HTTP", 80)
    # HINT: the one protocol an Application Load Balancer refuses below, in CreateListener's words.
    # BEGIN SOLUTION
    refused = "TCP"
    # END SOLUTION
    listen = aws.elbv2.create_listener
    arn = alb["LoadBalancerArn"]
    assert (
        error_code(
            listen, LoadBalancerArn=arn, Protocol="HTTP", Port=80, DefaultActions=forward_to(web)
        )
        is None
    )
    answer = error_code(
        listen, LoadBalancerArn=arn, Protocol=refused, Port=81, DefaultActions=forward_to(web)
    )
    assert answer == "ValidationError"


@pytest.mark.claim(
    "elb.nlb-layer-4",
    quote="NLB: layer 4 (udp, tcp)",
    source=NLB_LISTENERS,
)
def test_an_nlb_listens_to_tcp_and_udp_and_refuses_http(
    aws, load_balancer, target_group, forward_to, error_code
):
    nlb = load_balancer("network")
    # HINT: the two protocols (of TCP, UDP, HTTP) a Network Load Balancer listens to.
    # BEGIN SOLUTION
    accepted = ["TCP", "UDP"]
    # END SOLUTION
    listen = aws.elbv2.create_listener
    arn = nlb["LoadBalancerArn"]
    for port, protocol in enumerate(accepted, start=53):
        group = target_group(protocol, port)
        assert (
            error_code(
                listen,
                LoadBalancerArn=arn,
                Protocol=protocol,
                Port=port,
                DefaultActions=forward_to(group),
            )
            is None
        )
    http = target_group("TCP", 80)
    answer = error_code(
        listen, LoadBalancerArn=arn, Protocol="HTTP", Port=80, DefaultActions=forward_to(http)
    )
    assert answer == "ValidationError"
    protocols = {
        entry["Protocol"]
        for entry in aws.elbv2.describe_listeners(LoadBalancerArn=arn)["Listeners"]
    }
    assert protocols == {"TCP", "UDP"}


@pytest.mark.claim(
    "elb.gwlb-geneve-6081",
    quote="GWLB: layer 3; use `GENEVE` procotol on port `6081`",
    source=GWLB_TARGET_GROUPS,
)
def test_a_gateway_load_balancer_forwards_geneve_on_6081(
    aws, load_balancer, target_group, forward_to
):
    gateway = load_balancer("gateway")
    # HINT: make the appliances' target group: its protocol and port are the GWLB's own.
    # BEGIN SOLUTION
    appliances = target_group("GENEVE", 6081)
    # END SOLUTION
    assert (appliances["Protocol"], appliances["Port"]) == ("GENEVE", 6081)
    # A gateway listener takes no protocol and no port: it passes every IP packet on.
    listener = aws.elbv2.create_listener(
        LoadBalancerArn=gateway["LoadBalancerArn"], DefaultActions=forward_to(appliances)
    )["Listeners"][0]
    assert "Port" not in listener


@pytest.mark.claim(
    "elb.gwlb-geneve-port-only",
    quote="GWLB: layer 3; use `GENEVE` procotol on port `6081`",
    source=GWLB_TARGET_GROUPS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a GENEVE target group on any port; AWS takes port 6081 only "
    "(ValidationError)",
)
def test_geneve_takes_no_other_port(aws, vpc_id, unique_name, error_code):
    create = aws.elbv2.create_target_group
    answer = error_code(
        create, Name=unique_name("geneve"), Protocol="GENEVE", Port=6082, VpcId=vpc_id
    )
    assert answer == "ValidationError"


@pytest.mark.claim(
    "elb.alb-two-zones",
    quote="running system in at least 2 data centers",
    source=ELBV2_MODEL,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates an Application Load Balancer in a single subnet; AWS wants subnets "
    "in at least two Availability Zones (ValidationError)",
)
def test_an_alb_spans_at_least_two_zones(aws, unique_name, subnets, error_code):
    create = aws.elbv2.create_load_balancer
    answer = error_code(
        create, Name=unique_name("one-zone"), Type="application", Subnets=subnets[:1]
    )
    assert answer == "ValidationError"
    two = create(Name=unique_name("two-zones"), Type="application", Subnets=subnets)
    zones = {zone["ZoneName"] for zone in two["LoadBalancers"][0]["AvailabilityZones"]}
    assert len(zones) == 2


@pytest.mark.claim(
    "elb.alb-fixed-hostname",
    quote="fixed hostname",
    source=ALB,
)
def test_clients_reach_an_alb_by_its_dns_name(load_balancer):
    alb = load_balancer("application")
    # HINT: where in `alb` (a key of CreateLoadBalancer's answer) do clients find it?
    # BEGIN SOLUTION
    address_key = "DNSName"
    # END SOLUTION
    hostname = alb[address_key]
    assert hostname.startswith(alb["LoadBalancerName"]) and hostname.endswith(".elb.amazonaws.com")
    # No address of its own: the name resolves to IPs that change as the ALB scales.
    assert not any(zone.get("LoadBalancerAddresses") for zone in alb["AvailabilityZones"])


@pytest.mark.claim(
    "elb.nlb-elastic-ip-per-zone",
    quote="support EIP(helpful for whitelisting ip addresses)",
    source=NLB_EIP,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores no Elastic IP on a Network Load Balancer's zones (no "
    "LoadBalancerAddresses); AWS lists each zone's AllocationId and address",
)
def test_an_nlb_holds_one_elastic_ip_per_zone(aws, load_balancer, subnets):
    eips = [aws.ec2.allocate_address(Domain="vpc") for _ in subnets]
    mappings = [
        {"SubnetId": subnet, "AllocationId": eip["AllocationId"]}
        for subnet, eip in zip(subnets, eips, strict=True)
    ]
    nlb = load_balancer("network", SubnetMappings=mappings)
    addresses = [
        address["IpAddress"]
        for zone in nlb["AvailabilityZones"]
        for address in zone.get("LoadBalancerAddresses", [])
    ]
    assert sorted(addresses) == sorted(eip["PublicIp"] for eip in eips)
