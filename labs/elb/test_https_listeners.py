"""HTTPS listeners: certificates, several domains on one listener, and SNI.

An HTTPS listener (TLS, on an NLB) ends the clients' encryption at the load
balancer, so it needs a certificate: one from ACM (issued, or imported there),
or one uploaded to IAM. One certificate is the *default*; more can be added to
the listener's list, one per domain, and a client names the host it wants in
the TLS handshake (SNI, server name indication) so the listener can pick the
right one. ALBs and NLBs do this, and take several HTTPS listeners; a Classic
Load Balancer's listener holds a single certificate.

Notes, "HA and scalability > ELB > ssl/tls" and "> ssl -- SNI".
"""

from __future__ import annotations

import pytest

ELBV2_MODEL = "botocore/data/elbv2/2015-12-01/service-2.json (CreateListener, Certificates)"
HTTPS_LISTENER = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html"
)
SSL_POLICIES = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html"
)
SNI = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/https-listener-certificates.html"
NLB_TLS = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/tls-listener-certificates.html"
)
CLB_CERTIFICATE = (
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-update-ssl-cert.html"
)


@pytest.fixture
def https(aws, load_balancer, target_group, forward_to):
    """``https(certificate_arn, port=443)``: a new HTTPS listener on a new ALB; its ARN."""
    alb = load_balancer("application")
    web = target_group("HTTP", 80)

    def https(certificate_arn: str, port: int = 443) -> str:
        return aws.elbv2.create_listener(
            LoadBalancerArn=alb["LoadBalancerArn"],
            Protocol="HTTPS",
            Port=port,
            Certificates=[{"CertificateArn": certificate_arn}],
            DefaultActions=forward_to(web),
        )["Listeners"][0]["ListenerArn"]

    return https


def listener_certificates(aws, listener_arn: str) -> dict[str, bool]:
    """``{certificate ARN: is it the default}`` of a listener."""
    found = aws.elbv2.describe_listener_certificates(ListenerArn=listener_arn)["Certificates"]
    return {entry["CertificateArn"]: entry["IsDefault"] for entry in found}


@pytest.mark.claim(
    "elb.https-needs-certificate", quote="must specify a default cert", source=ELBV2_MODEL
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates an HTTPS listener without a certificate; AWS refuses it "
    "(ValidationError: a certificate must be specified for HTTPS listeners)",
)
def test_an_https_listener_without_a_certificate_is_refused(
    aws, load_balancer, target_group, forward_to, error_code
):
    alb = load_balancer("application")
    answer = error_code(
        aws.elbv2.create_listener,
        LoadBalancerArn=alb["LoadBalancerArn"],
        Protocol="HTTPS",
        Port=443,
        DefaultActions=forward_to(target_group("HTTP", 80)),
    )
    assert answer == "ValidationError"


@pytest.mark.claim("elb.acm-certificate", quote="can manage certs using acm", source=HTTPS_LISTENER)
def test_an_https_listener_serves_an_acm_certificate(aws, https, certificate):
    shop = certificate("shop.example.com")
    # HINT: an HTTPS listener (the https fixture) serving the ACM certificate `shop`.
    # BEGIN SOLUTION
    listener = https(shop)
    # END SOLUTION
    assert listener_certificates(aws, listener) == {shop: True}


@pytest.mark.claim(
    "elb.uploaded-certificate", quote="or upload your own certs", source=HTTPS_LISTENER
)
def test_an_https_listener_serves_a_certificate_uploaded_to_iam(
    aws, https, unique_name, self_signed
):
    body, key = self_signed("legacy.example.com", key_type="rsa")
    # HINT: upload body and key to IAM as a server certificate; serve it on an HTTPS listener.
    # BEGIN SOLUTION
    uploaded = aws.iam.upload_server_certificate(
        ServerCertificateName=unique_name("legacy"),
        CertificateBody=body.decode(),
        PrivateKey=key.decode(),
    )["ServerCertificateMetadata"]["Arn"]
    listener = https(uploaded)
    # END SOLUTION
    arns = list(listener_certificates(aws, listener))
    assert len(arns) == 1 and arns[0].startswith("arn:aws:iam::")
    assert ":server-certificate/" in arns[0]


@pytest.mark.claim(
    "elb.certificate-list",
    quote="can optionally add a list of certs for multi domains",
    source=SNI,
)
def test_one_listener_serves_several_domains(aws, https, certificate):
    shop, blog = certificate("shop.example.com"), certificate("blog.example.com")
    listener = https(shop)
    # HINT: add blog's certificate to the listener's certificate list.
    # BEGIN SOLUTION
    aws.elbv2.add_listener_certificates(
        ListenerArn=listener, Certificates=[{"CertificateArn": blog}]
    )
    # END SOLUTION
    assert listener_certificates(aws, listener) == {shop: True, blog: False}


@pytest.mark.claim(
    "elb.several-https-listeners",
    quote="alb and nlb: support multi https listeners; use sni",
    source=SNI,
)
def test_an_alb_takes_several_https_listeners(aws, https, certificate):
    shop = certificate("shop.example.com")
    # HINT: two HTTPS listeners on the same ALB: ports 443 and 8443.
    # BEGIN SOLUTION
    listeners = [https(shop, 443), https(shop, 8443)]
    # END SOLUTION
    ports = [
        aws.elbv2.describe_listeners(ListenerArns=[arn])["Listeners"][0]["Port"]
        for arn in listeners
    ]
    assert sorted(ports) == [443, 8443]


@pytest.mark.claim(
    "elb.sni-on-nlb",
    quote="only works for alb and nlb, cloudfront",
    source=NLB_TLS,
)
def test_an_nlb_tls_listener_serves_several_domains(
    aws, load_balancer, target_group, forward_to, certificate
):
    nlb = load_balancer("network")
    shop, blog = certificate("shop.example.com"), certificate("blog.example.com")
    listener = aws.elbv2.create_listener(
        LoadBalancerArn=nlb["LoadBalancerArn"],
        Protocol="TLS",
        Port=443,
        Certificates=[{"CertificateArn": shop}],
        DefaultActions=forward_to(target_group("TCP", 443)),
    )["Listeners"][0]["ListenerArn"]
    # HINT: give the NLB's TLS listener blog's certificate too, for SNI.
    # BEGIN SOLUTION
    aws.elbv2.add_listener_certificates(
        ListenerArn=listener, Certificates=[{"CertificateArn": blog}]
    )
    # END SOLUTION
    assert listener_certificates(aws, listener) == {shop: True, blog: False}


@pytest.mark.claim(
    "elb.clb-one-certificate", quote="clb: support only one ssl,", source=CLB_CERTIFICATE
)
def test_a_classic_listener_holds_one_certificate(aws, unique_name, subnets, certificate):
    shop, blog = certificate("shop.example.com"), certificate("blog.example.com")
    name = unique_name("classic")
    aws.elb.create_load_balancer(
        LoadBalancerName=name,
        Listeners=[
            {
                "Protocol": "HTTPS",
                "LoadBalancerPort": 443,
                "InstanceProtocol": "HTTP",
                "InstancePort": 80,
                "SSLCertificateId": shop,
            }
        ],
        Subnets=subnets,
    )
    # HINT: give port 443 blog's certificate (the classic API's one call for it).
    # BEGIN SOLUTION
    aws.elb.set_load_balancer_listener_ssl_certificate(
        LoadBalancerName=name, LoadBalancerPort=443, SSLCertificateId=blog
    )
    # END SOLUTION
    described = aws.elb.describe_load_balancers(LoadBalancerNames=[name])
    listener = described["LoadBalancerDescriptions"][0]["ListenerDescriptions"][0]["Listener"]
    assert listener["SSLCertificateId"] == blog  # replaced: a classic listener has one


@pytest.mark.claim(
    "elb.default-security-policy",
    quote="ssl/tls",
    line=179,
    source=SSL_POLICIES,
)
def test_an_https_listener_made_by_the_api_negotiates_with_the_2016_policy(aws, https, certificate):
    listener = https(certificate("shop.example.com"))
    # HINT: predict the security policy (ciphers, TLS versions) of a listener made through the API.
    # BEGIN SOLUTION
    expected = "ELBSecurityPolicy-2016-08"
    # END SOLUTION
    assert (
        aws.elbv2.describe_listeners(ListenerArns=[listener])["Listeners"][0]["SslPolicy"]
        == expected
    )
