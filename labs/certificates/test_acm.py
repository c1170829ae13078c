"""Public TLS certificates from ACM: validated, renewed, attached to a load balancer.

AWS Certificate Manager issues public TLS certificates for free, for use on AWS
services (ALB, CloudFront, API Gateway, Elastic Beanstalk's load balancer),
never exported with their private key. A requested certificate waits in
``PENDING_VALIDATION`` until its owner proves the domain: DNS validation asks
for a CNAME record. ACM renews the certificates it issued by itself (*managed
renewal*); a certificate *imported* from elsewhere is never renewed: its owner
imports a new one before it expires.

Notes, "other services > aws acm".
"""

from __future__ import annotations

import pytest

DNS_VALIDATION = "https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html"
RENEWAL = "https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html"


def describe(aws, arn: str) -> dict:
    return aws.acm.describe_certificate(CertificateArn=arn)["Certificate"]


@pytest.mark.claim(
    "certificates.acm-dns-validation", quote="ssl/tls certificates", source=DNS_VALIDATION
)
def test_a_requested_certificate_waits_for_a_dns_record(aws, unique_name, eventually):
    domain = f"{unique_name('www')}.example.com"
    # HINT: request a public certificate for `domain`, validated through DNS.
    # BEGIN SOLUTION
    arn = aws.acm.request_certificate(DomainName=domain, ValidationMethod="DNS")["CertificateArn"]
    # END SOLUTION

    def record() -> dict | None:  # ACM writes the record to create a few seconds later
        [option] = describe(aws, arn)["DomainValidationOptions"]
        return option.get("ResourceRecord")

    assert eventually(record)["Type"] == "CNAME"
    assert describe(aws, arn)["Status"] == "PENDING_VALIDATION"


@pytest.mark.claim("certificates.acm-managed-renewal", quote="auto tls renewal", source=RENEWAL)
def test_acm_renews_what_it_issued_not_what_was_imported(aws, unique_name, self_signed):
    requested = aws.acm.request_certificate(
        DomainName=f"{unique_name('www')}.example.com", ValidationMethod="DNS"
    )["CertificateArn"]
    certificate, key = self_signed
    imported = aws.acm.import_certificate(Certificate=certificate, PrivateKey=key)["CertificateArn"]
    # HINT: predict the Type of each certificate, and whether ACM may renew the imported one
    # (its RenewalEligibility).
    # BEGIN SOLUTION
    expected = {"requested": "AMAZON_ISSUED", "imported": "IMPORTED", "renewal": "INELIGIBLE"}
    # END SOLUTION
    assert describe(aws, requested)["Type"] == expected["requested"]
    assert describe(aws, imported)["Type"] == expected["imported"]
    assert describe(aws, imported)["RenewalEligibility"] == expected["renewal"]
