"""A subnet's network ACL in front of the web servers' security group.

A network ACL guards a whole subnet. Unlike a security group, its rules
either allow or deny, and they are numbered: AWS reads them from the lowest
number up and the first rule that matches decides. A custom ACL starts by
denying everything (the last rule, "*", can never be removed). It is
stateless: a reply is a packet like any other, so a web server's answers
need an outbound rule of their own, to the client's ephemeral port.

Notes, "vpc > NACL & security group".
"""

import pytest

NETWORK_ACLS = "https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html"
CREATE_NETWORK_ACL_ENTRY = (
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html"
)


@pytest.mark.claim(
    "vpc.nacl-custom-denies-all",
    beyond_notes="A new custom network ACL denies everything: its only entries are the deny-all "
    "rule (number 32767, shown as *) in each direction.",
    source=NETWORK_ACLS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a custom network ACL with no entries; AWS adds a deny-all rule"
    " (number 32767, shown as *) in each direction",
)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack creates a custom network ACL with no entries, as moto does"
)
def test_a_custom_acl_denies_everything_until_you_add_rules(aws, network_acl, acl_entries):
    # HINT: predict a new custom ACL's inbound entries: [(rule number, action, protocol, ports)].
    # BEGIN SOLUTION
    expected_inbound = [(32767, "deny", "-1", (None, None))]
    # END SOLUTION
    assert acl_entries(network_acl, egress=False) == expected_inbound
    assert acl_entries(network_acl, egress=True) == expected_inbound


@pytest.mark.claim("vpc.nacl-stateless", quote="NACL: allow or deny; subnet level; stateless")
def test_replies_need_their_own_outbound_rule(aws, network_acl, acl_entries):
    aws.ec2.create_network_acl_entry(
        NetworkAclId=network_acl,
        RuleNumber=100,
        Egress=False,
        Protocol="6",
        RuleAction="allow",
        CidrBlock="0.0.0.0/0",
        PortRange={"From": 443, "To": 443},
    )
    # HINT: HTTPS is allowed in; let the replies out: rule 100, TCP ("6") to any client,
    # on the ephemeral ports 1024-65535.
    # BEGIN SOLUTION
    aws.ec2.create_network_acl_entry(
        NetworkAclId=network_acl,
        RuleNumber=100,
        Egress=True,
        Protocol="6",
        RuleAction="allow",
        CidrBlock="0.0.0.0/0",
        PortRange={"From": 1024, "To": 65535},
    )
    # END SOLUTION
    outbound = [entry for entry in acl_entries(network_acl, egress=True) if entry[0] < 32767]
    assert outbound == [(100, "allow", "6", (1024, 65535))]


@pytest.mark.claim("vpc.nacl-rule-order", quote="NACL: allow or deny; subnet level; stateless")
def test_a_deny_rule_must_come_before_the_allow_it_overrides(aws, network_acl, acl_entries):
    aws.ec2.create_network_acl_entry(
        NetworkAclId=network_acl,
        RuleNumber=100,
        Egress=False,
        Protocol="-1",
        RuleAction="allow",
        CidrBlock="0.0.0.0/0",
    )
    # HINT: block the abusive network 203.0.113.0/24 on every protocol; rule 100 already
    # allows everyone, and the lowest matching number wins.
    # BEGIN SOLUTION
    aws.ec2.create_network_acl_entry(
        NetworkAclId=network_acl,
        RuleNumber=90,
        Egress=False,
        Protocol="-1",
        RuleAction="deny",
        CidrBlock="203.0.113.0/24",
    )
    # END SOLUTION
    acl = aws.ec2.describe_network_acls(NetworkAclIds=[network_acl])["NetworkAcls"][0]
    first_match = min(
        (entry for entry in acl["Entries"] if not entry["Egress"] and entry["RuleNumber"] < 32767),
        key=lambda entry: entry["RuleNumber"],
    )
    assert (first_match["RuleAction"], first_match["CidrBlock"]) == ("deny", "203.0.113.0/24")


@pytest.mark.claim(
    "vpc.nacl-rule-numbers",
    beyond_notes="A network ACL rule number runs from 1 to 32766: 32766 is accepted, 32767 "
    "(reserved) refused by EC2 (InvalidParameterValue).",
    source=CREATE_NETWORK_ACL_ENTRY,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any rule number (32767 too); AWS takes 1 to 32766"
)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack accepts rule number 32767; AWS takes 1 to 32766"
)
def test_rule_numbers_run_from_1_to_32766(aws, network_acl, error_code):
    def answer(number: int) -> str | None:
        return error_code(
            aws.ec2.create_network_acl_entry,
            NetworkAclId=network_acl,
            RuleNumber=number,
            Egress=False,
            Protocol="-1",
            RuleAction="allow",
            CidrBlock=f"10.{number % 256}.0.0/16",
        )

    # HINT: what does CreateNetworkAclEntry answer each rule number? {number: None if it
    # HINT: takes it, else the error code}
    # BEGIN SOLUTION
    expected = {1: None, 100: None, 32766: None, 32767: "InvalidParameterValue"}
    # END SOLUTION
    assert {number: answer(number) for number in expected} == expected


@pytest.mark.claim("vpc.nacl-guards-a-subnet", quote="NACL: allow or deny; subnet level; stateless")
def test_a_subnet_is_guarded_by_exactly_one_acl(aws, network, name_tags):
    subnet = network["subnet"]

    def acls_of(subnet: str) -> list[dict]:
        return aws.ec2.describe_network_acls(
            Filters=[{"Name": "association.subnet-id", "Values": [subnet]}]
        )["NetworkAcls"]

    [default] = acls_of(subnet)
    assert default["IsDefault"], "a new subnet starts with its VPC's default ACL"
    inbound = sorted(
        (e["RuleNumber"], e["RuleAction"]) for e in default["Entries"] if not e["Egress"]
    )
    assert inbound == [(100, "allow"), (32767, "deny")], "the default ACL lets everything in"
    custom = aws.ec2.create_network_acl(
        VpcId=network["vpc"], TagSpecifications=name_tags("strict", "network-acl")
    )["NetworkAcl"]["NetworkAclId"]
    [association] = [a for a in default["Associations"] if a["SubnetId"] == subnet]
    # HINT: put the subnet behind the custom ACL instead (a subnet has one ACL at a time:
    # HINT: replace its association, association["NetworkAclAssociationId"]).
    # BEGIN SOLUTION
    aws.ec2.replace_network_acl_association(
        AssociationId=association["NetworkAclAssociationId"], NetworkAclId=custom
    )
    # END SOLUTION
    assert [acl["NetworkAclId"] for acl in acls_of(subnet)] == [custom]
