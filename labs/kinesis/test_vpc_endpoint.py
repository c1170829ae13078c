"""A VPC endpoint: producers in a private subnet reach Kinesis without the internet.

The order service runs in private subnets, with no route to the internet.
An *interface* VPC endpoint for Kinesis Data Streams (service name
``com.amazonaws.<region>.kinesis-streams``) puts network interfaces for
Kinesis in the VPC, so the SDK's calls stay on AWS's network. Firehose has its
own (``kinesis-firehose``); a service that offers no endpoint is refused
(``InvalidServiceName``).

Notes, "aws integration and messaging > aws kinesis > kinesis data streams > security".
"""

import pytest

ENDPOINTS = "https://docs.aws.amazon.com/streams/latest/dev/vpc.html"


@pytest.mark.claim(
    "kinesis.vpc-endpoint", quote="vpc endpoint is available for kinesis", source=ENDPOINTS
)
def test_a_vpc_reaches_kinesis_through_an_interface_endpoint(aws, error_code):
    def offered(service_name: str) -> str | None:
        """None if the region offers an endpoint for the service, or the error code."""
        describe = aws.ec2.describe_vpc_endpoint_services
        return error_code(describe, ServiceNames=[service_name])

    assert offered(f"com.amazonaws.{aws.region}.no-such-service") == "InvalidServiceName"
    vpc = aws.ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnet = aws.ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24")["Subnet"]["SubnetId"]
    service_name = None
    # HINT: the service name of Kinesis Data Streams' VPC endpoint in this region (aws.region).
    # BEGIN SOLUTION
    service_name = f"com.amazonaws.{aws.region}.kinesis-streams"
    # END SOLUTION
    assert offered(service_name) is None
    aws.ec2.create_vpc_endpoint(
        VpcId=vpc, ServiceName=service_name, VpcEndpointType="Interface", SubnetIds=[subnet]
    )
    (endpoint,) = aws.ec2.describe_vpc_endpoints(Filters=[{"Name": "vpc-id", "Values": [vpc]}])[
        "VpcEndpoints"
    ]
    assert (endpoint["ServiceName"], endpoint["VpcEndpointType"]) == (service_name, "Interface")
