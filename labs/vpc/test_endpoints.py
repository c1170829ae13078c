"""VPC endpoints: reaching AWS services without going through the internet.

An instance of a private subnet calls AWS services (S3, SQS, DynamoDB...)
through a VPC endpoint instead of a NAT gateway. A *gateway* endpoint, free,
exists for two services only, S3 and DynamoDB: it is a route in your route
tables, to the service's prefix list. An *interface* endpoint (AWS
PrivateLink) serves almost every other service, and S3 too: it is a network
interface with a private address in each subnet you name, reached by the
service's usual DNS name.

Notes, "vpc > vpc endpoints".
"""

import pytest

ENDPOINT_TYPES = "https://docs.aws.amazon.com/vpc/latest/privatelink/concepts.html"


@pytest.mark.claim("vpc.gateway-endpoints-s3-and-dynamodb", quote="gateway endpoints: s3, dynamodb")
def test_only_s3_and_dynamodb_have_gateway_endpoints(aws, network, routes_of, name_tags):
    found = aws.ec2.describe_vpc_endpoint_services(
        Filters=[{"Name": "service-type", "Values": ["Gateway"]}]
    )
    services = sorted(name.rsplit(".", 1)[-1] for name in found["ServiceNames"])
    # HINT: predict the services (last part of the service name) that have gateway endpoints.
    # BEGIN SOLUTION
    expected = ["dynamodb", "s3"]
    # END SOLUTION
    assert services == expected
    table = aws.ec2.create_route_table(
        VpcId=network["vpc"], TagSpecifications=name_tags("private", "route-table")
    )["RouteTable"]["RouteTableId"]
    aws.ec2.associate_route_table(RouteTableId=table, SubnetId=network["subnet"])
    endpoint = aws.ec2.create_vpc_endpoint(
        VpcEndpointType="Gateway",
        VpcId=network["vpc"],
        ServiceName=f"com.amazonaws.{aws.region}.s3",
        RouteTableIds=[table],
    )["VpcEndpoint"]["VpcEndpointId"]
    routes = routes_of(network["subnet"])
    assert [target for destination, target in routes.items() if destination.startswith("pl-")] == [
        endpoint
    ], "a gateway endpoint is a route to the service's prefix list"


@pytest.mark.claim(
    "vpc.interface-endpoint-is-an-eni",
    quote="interface endpoint: for DX, s2s vpn",
    errata="An interface endpoint (AWS PrivateLink) is not for Direct Connect or Site-to-Site "
    "VPN: it serves most AWS services (SQS, KMS, S3...) through a network interface with a "
    "private IP in each subnet you name. DX and VPN are links from on-premises; public and "
    "private virtual interfaces belong to Direct Connect.",
    source=ENDPOINT_TYPES,
)
def test_an_interface_endpoint_is_a_network_interface_in_your_subnet(aws, network):
    # HINT: create an interface endpoint for SQS (com.amazonaws.<region>.sqs) in the
    # HINT: network's subnet; name its VpcEndpoint description `endpoint`.
    # BEGIN SOLUTION
    endpoint = aws.ec2.create_vpc_endpoint(
        VpcEndpointType="Interface",
        VpcId=network["vpc"],
        ServiceName=f"com.amazonaws.{aws.region}.sqs",
        SubnetIds=[network["subnet"]],
    )["VpcEndpoint"]
    # END SOLUTION
    [interface] = aws.ec2.describe_network_interfaces(
        NetworkInterfaceIds=endpoint["NetworkInterfaceIds"]
    )["NetworkInterfaces"]
    assert interface["SubnetId"] == network["subnet"]
    assert interface["PrivateIpAddress"], "reached at a private address, not over the internet"
