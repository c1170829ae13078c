"""A firewall for a web server: a security group that lets HTTPS in.

A security group is attached to instances (their network interfaces). It
holds only "allow" rules: whatever no rule allows is refused, so a new group
lets nothing in, and lets everything out. It is stateful: the reply to a
request it allowed in goes back out without any outbound rule for it. One
group can guard many instances.

Notes, "ec2 > security groups" and "vpc > NACL & security group".
"""

import pytest


@pytest.mark.claim(
    "ec2.security-group-inbound-denied-by-default",
    quote="all inbound traffic is blocked by default",
)
def test_a_new_group_lets_nothing_in_and_everything_out(aws, security_group):
    group = aws.ec2.describe_security_groups(GroupIds=[security_group])["SecurityGroups"][0]
    # HINT: predict a new group's inbound rules (a list) and the CIDR its one outbound rule allows.
    # BEGIN SOLUTION
    inbound_rules = []
    outbound_cidr = "0.0.0.0/0"
    # END SOLUTION
    assert group["IpPermissions"] == inbound_rules
    [outbound] = group["IpPermissionsEgress"]
    assert outbound["IpProtocol"] == "-1", "all protocols, all ports"
    assert [ip_range["CidrIp"] for ip_range in outbound["IpRanges"]] == [outbound_cidr]


@pytest.mark.claim("ec2.security-group-allow-only", quote="only contain `allow` rules")
def test_a_rule_can_only_allow(aws, security_group):
    # HINT: let HTTPS (TCP 443) in from anywhere (authorize_security_group_ingress, IpPermissions).
    # BEGIN SOLUTION
    aws.ec2.authorize_security_group_ingress(
        GroupId=security_group,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            }
        ],
    )
    # END SOLUTION
    group = aws.ec2.describe_security_groups(GroupIds=[security_group])["SecurityGroups"][0]
    [rule] = group["IpPermissions"]
    assert (rule["IpProtocol"], rule["FromPort"], rule["ToPort"]) == ("tcp", 443, 443)
    # A rule has no action to choose: the API itself has no way to say "deny".
    rule_shape = aws.ec2.meta.service_model.shape_for("IpPermission")
    assert "RuleAction" not in rule_shape.members
    network_acl_rule = aws.ec2.meta.service_model.shape_for("NetworkAclEntry")
    assert "RuleAction" in network_acl_rule.members


@pytest.mark.claim("ec2.security-group-many-instances", quote="can be attached to multi-instances")
def test_one_group_guards_two_instances(aws, security_group, image_id, name_tags):
    # HINT: launch two t3.micro instances of image_id in one call, both in security_group
    # (TagSpecifications=name_tags("web", "instance") names them).
    # BEGIN SOLUTION
    aws.ec2.run_instances(
        ImageId=image_id,
        InstanceType="t3.micro",
        MinCount=2,
        MaxCount=2,
        SecurityGroupIds=[security_group],
        TagSpecifications=name_tags("web", "instance"),
    )
    # END SOLUTION
    found = aws.ec2.describe_instances(
        Filters=[
            {"Name": "instance.group-id", "Values": [security_group]},
            {"Name": "instance-state-name", "Values": ["pending", "running"]},
        ]
    )
    instances = [i for reservation in found["Reservations"] for i in reservation["Instances"]]
    assert len(instances) == 2
