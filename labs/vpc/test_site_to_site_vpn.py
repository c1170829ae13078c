"""Site-to-Site VPN: an encrypted link from your data center, over the internet.

A Site-to-Site VPN joins an on-premises network to a VPC. On AWS's side a
virtual private gateway is attached to the VPC; on yours, a customer gateway
describes your VPN device by its public, internet-routable address. The VPN
connection between them is of one type only, `ipsec.1`: two IPsec tunnels
(for redundancy) whose traffic is encrypted as it crosses the public
internet. AWS hands you the configuration for your device: both tunnels,
their outside (public) addresses, and their IKE and IPsec encryption.

Notes, "vpc > s2s vpn & DX".
"""

import ipaddress
import xml.etree.ElementTree as ElementTree

import pytest


@pytest.mark.claim(
    "vpc.site-to-site-vpn-is-ipsec",
    quote="s2s vpn: on-prem to aws; use public internet; encrypted",
)
def test_a_vpn_connection_is_two_encrypted_tunnels_over_the_internet(
    aws, network, name_tags, wait_for
):
    office = aws.ec2.create_customer_gateway(
        Type="ipsec.1",
        PublicIp="198.51.100.7",  # the office VPN device's public address
        BgpAsn=65000,
        TagSpecifications=name_tags("office", "customer-gateway"),
    )["CustomerGateway"]["CustomerGatewayId"]
    gateway = aws.ec2.create_vpn_gateway(
        Type="ipsec.1", TagSpecifications=name_tags("vgw", "vpn-gateway")
    )["VpnGateway"]["VpnGatewayId"]
    aws.ec2.attach_vpn_gateway(VpnGatewayId=gateway, VpcId=network["vpc"])
    # HINT: connect the office's customer gateway to the VPC's virtual private gateway with
    # HINT: a VPN connection (its only type); name its id `connection`.
    # BEGIN SOLUTION
    connection = aws.ec2.create_vpn_connection(
        Type="ipsec.1",
        CustomerGatewayId=office,
        VpnGatewayId=gateway,
        TagSpecifications=name_tags("office-vpn", "vpn-connection"),
    )["VpnConnection"]["VpnConnectionId"]
    # END SOLUTION
    # AWS takes minutes to set the tunnels up.
    wait_for(
        "vpn_connection_available",
        config={"Delay": 5, "MaxAttempts": 180},
        VpnConnectionIds=[connection],
    )
    found = aws.ec2.describe_vpn_connections(VpnConnectionIds=[connection])["VpnConnections"][0]
    assert found["Type"] == "ipsec.1"
    device = ElementTree.fromstring(found["CustomerGatewayConfiguration"])
    tunnels = device.findall("ipsec_tunnel")
    assert len(tunnels) == 2, "two tunnels, for redundancy"
    for tunnel in tunnels:
        aws_side = tunnel.findtext("vpn_gateway/tunnel_outside_address/ip_address")
        assert ipaddress.ip_address(aws_side).is_global, "reached over the public internet"
        assert tunnel.findtext("ipsec/protocol") == "esp"
        assert tunnel.findtext("ipsec/encryption_protocol").startswith("aes"), "encrypted"
