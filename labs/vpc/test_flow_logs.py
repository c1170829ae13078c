"""VPC flow logs: a record of the traffic accepted and rejected, where you choose.

A flow log captures the IP traffic of a network interface: one ENI, every
interface of a subnet, or every interface of a VPC. It delivers its records
to an S3 bucket, a CloudWatch Logs group (through an IAM role it assumes), or
a Kinesis Data Firehose stream. An emulator carries no traffic, so these labs
show what the API takes: the three levels and the three destinations.

Notes, "vpc > vpc flow logs".
"""

import json

import pytest

from harness.testkit.iam import trust_policy


@pytest.fixture
def interface(aws, network, name_tags) -> str:
    """A network interface in the network's subnet: its id."""
    return aws.ec2.create_network_interface(
        SubnetId=network["subnet"], TagSpecifications=name_tags("eni", "network-interface")
    )["NetworkInterface"]["NetworkInterfaceId"]


def flow_logs_of(aws, resource_ids: list[str]) -> list[tuple[str, str]]:
    """(resource id, destination type) of the flow logs on those resources, sorted."""
    found = aws.ec2.describe_flow_logs(Filters=[{"Name": "resource-id", "Values": resource_ids}])
    return sorted((f["ResourceId"], f["LogDestinationType"]) for f in found["FlowLogs"])


@pytest.mark.claim(
    "vpc.flow-logs-three-levels", quote="vpc flow logs, subnet flow logs, ENI flow logs"
)
def test_flow_logs_watch_a_vpc_a_subnet_or_one_interface(aws, network, interface, make_bucket):
    bucket = make_bucket("flow-logs")
    # HINT: send flow logs of all traffic to the bucket (arn:aws:s3:::<bucket>) from the
    # HINT: VPC, from the subnet and from the interface: one create_flow_logs call per level.
    # BEGIN SOLUTION
    for resource_type, resource_id in (
        ("VPC", network["vpc"]),
        ("Subnet", network["subnet"]),
        ("NetworkInterface", interface),
    ):
        aws.ec2.create_flow_logs(
            ResourceType=resource_type,
            ResourceIds=[resource_id],
            TrafficType="ALL",
            LogDestinationType="s3",
            LogDestination=f"arn:aws:s3:::{bucket}",
        )
    # END SOLUTION
    resources = [network["vpc"], network["subnet"], interface]
    assert flow_logs_of(aws, resources) == sorted((r, "s3") for r in resources)


@pytest.mark.claim("vpc.flow-log-destinations", quote="logs can go to s3, KDF, cloudwatch logs")
def test_flow_logs_go_to_s3_cloudwatch_logs_or_firehose(aws, network, make_bucket, unique_name):
    destinations = aws.ec2.meta.service_model.shape_for("LogDestinationType").enum
    assert sorted(destinations) == ["cloud-watch-logs", "kinesis-data-firehose", "s3"]
    role = aws.iam.create_role(
        RoleName=unique_name("flow-logs"),
        AssumeRolePolicyDocument=json.dumps(
            trust_policy("vpc-flow-logs.amazonaws.com", "firehose.amazonaws.com")
        ),
    )["Role"]["Arn"]
    log_group = unique_name("flow-logs")
    aws.logs.create_log_group(logGroupName=log_group)
    bucket = make_bucket("flow-logs")
    stream = aws.firehose.create_delivery_stream(
        DeliveryStreamName=unique_name("flows"),
        DeliveryStreamType="DirectPut",
        ExtendedS3DestinationConfiguration={"RoleARN": role, "BucketARN": f"arn:aws:s3:::{bucket}"},
        Tags=[{"Key": "LogDeliveryEnabled", "Value": "true"}],  # lets flow logs deliver to it
    )["DeliveryStreamARN"]
    # HINT: send the VPC's rejected traffic to each destination: the bucket, the log group
    # HINT: (written through `role`), and the Firehose stream.
    # BEGIN SOLUTION
    common = {"ResourceType": "VPC", "ResourceIds": [network["vpc"]], "TrafficType": "REJECT"}
    aws.ec2.create_flow_logs(
        **common, LogDestinationType="s3", LogDestination=f"arn:aws:s3:::{bucket}"
    )
    aws.ec2.create_flow_logs(
        **common,
        LogDestinationType="cloud-watch-logs",
        LogGroupName=log_group,
        DeliverLogsPermissionArn=role,
    )
    aws.ec2.create_flow_logs(
        **common, LogDestinationType="kinesis-data-firehose", LogDestination=stream
    )
    # END SOLUTION
    assert [kind for _, kind in flow_logs_of(aws, [network["vpc"]])] == sorted(destinations)
    # (The role is trusted by Firehose too: it writes the stream's records to the bucket.)
