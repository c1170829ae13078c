"""Your own certificate authority: AWS Private CA.

AWS Private CA runs certificate authorities for an organization: a *root*
CA (self-signed) and *subordinate* CAs it signs. A new CA waits in
``PENDING_CERTIFICATE`` until its own certificate is installed; then it is
``ACTIVE`` and issues X.509 certificates for the organization's servers,
devices and users. Only machines that trust the organization's root (it is in
no browser's list) trust these certificates. ACM can request a certificate
from a private CA: no domain validation, and the AWS services that take ACM
certificates take it.

Notes, "other services > aws private certificate authority (CA)".
"""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CA_LIFECYCLE = "https://docs.aws.amazon.com/privateca/latest/userguide/ca-lifecycle.html"
ISSUE = "https://docs.aws.amazon.com/privateca/latest/userguide/PcaIssueCert.html"
PRIVATE_IN_ACM = "https://docs.aws.amazon.com/acm/latest/userguide/gs-acm-request-private.html"
ROOT_SUBJECT = {"CommonName": "Example Corp Root CA", "Organization": "Example Corp"}
ROOT_TEMPLATE = "arn:aws:acm-pca:::template/RootCACertificate/V1"
END_ENTITY_TEMPLATE = "arn:aws:acm-pca:::template/EndEntityCertificate/V1"


def read_pem(pem: str | bytes) -> x509.Certificate:
    """The X.509 certificate a PEM text holds."""
    return x509.load_pem_x509_certificate(pem.encode() if isinstance(pem, str) else pem)


def new_key() -> ec.EllipticCurvePrivateKey:
    """A new P-256 key: quick to make, and AWS Private CA signs requests made with it."""
    return ec.generate_private_key(ec.SECP256R1())


def csr_for(key: ec.EllipticCurvePrivateKey, common_name: str) -> bytes:
    """A PEM certificate signing request for ``common_name``, signed by ``key``."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    request = x509.CertificateSigningRequestBuilder().subject_name(subject)
    return request.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


@pytest.fixture
def root_ca(aws, unique_name) -> str:
    """A new private root CA, still waiting for its certificate: its ARN."""
    arn = aws.acm_pca.create_certificate_authority(
        CertificateAuthorityConfiguration={
            "KeyAlgorithm": "RSA_2048",
            "SigningAlgorithm": "SHA256WITHRSA",
            "Subject": ROOT_SUBJECT,
        },
        CertificateAuthorityType="ROOT",
        IdempotencyToken=unique_name("ca")[-36:],
    )["CertificateAuthorityArn"]
    aws.acm_pca.get_waiter("certificate_authority_csr_created").wait(
        CertificateAuthorityArn=arn, WaiterConfig={"Delay": 1}
    )
    return arn


@pytest.fixture
def issue(aws):
    """``issue(ca, csr, template, days)``: the PEM certificate ``ca`` issues for ``csr``."""

    def issue(ca: str, csr: bytes, template: str = END_ENTITY_TEMPLATE, days: int = 30) -> str:
        arn = aws.acm_pca.issue_certificate(
            CertificateAuthorityArn=ca,
            Csr=csr,
            SigningAlgorithm="SHA256WITHRSA",
            TemplateArn=template,
            Validity={"Value": days, "Type": "DAYS"},
        )["CertificateArn"]
        aws.acm_pca.get_waiter("certificate_issued").wait(
            CertificateAuthorityArn=ca, CertificateArn=arn, WaiterConfig={"Delay": 1}
        )
        return aws.acm_pca.get_certificate(CertificateAuthorityArn=ca, CertificateArn=arn)[
            "Certificate"
        ]

    return issue


@pytest.fixture
def active_root_ca(aws, root_ca, issue) -> str:
    """A private root CA whose self-signed certificate is installed: ACTIVE; its ARN."""
    csr = aws.acm_pca.get_certificate_authority_csr(CertificateAuthorityArn=root_ca)["Csr"]
    certificate = issue(root_ca, csr.encode(), ROOT_TEMPLATE, 3650)
    aws.acm_pca.import_certificate_authority_certificate(
        CertificateAuthorityArn=root_ca, Certificate=certificate.encode()
    )
    return root_ca


def status(aws, ca: str) -> str:
    return aws.acm_pca.describe_certificate_authority(CertificateAuthorityArn=ca)[
        "CertificateAuthority"
    ]["Status"]


@pytest.mark.claim(
    "certificates.private-root-ca",
    quote="managed service to create private CA (root, subordinaries)",
    source=CA_LIFECYCLE,
)
def test_a_root_ca_is_active_once_its_certificate_is_installed(aws, root_ca, issue):
    assert status(aws, root_ca) == "PENDING_CERTIFICATE"
    csr = aws.acm_pca.get_certificate_authority_csr(CertificateAuthorityArn=root_ca)["Csr"]
    # HINT: have the CA sign its own CSR with the root CA template (issue(..., ROOT_TEMPLATE,
    # 3650)), then install that certificate as the CA's own.
    # BEGIN SOLUTION
    certificate = issue(root_ca, csr.encode(), ROOT_TEMPLATE, 3650)
    aws.acm_pca.import_certificate_authority_certificate(
        CertificateAuthorityArn=root_ca, Certificate=certificate.encode()
    )
    # END SOLUTION
    assert status(aws, root_ca) == "ACTIVE"


@pytest.mark.claim(
    "certificates.private-ca-issues-x509", quote="issue x.509 certificates", source=ISSUE
)
def test_the_ca_signs_a_servers_certificate(aws, active_root_ca, issue):
    server_key = new_key()
    # HINT: a CSR for api.corp.internal signed by server_key (csr_for), issued by the CA (issue).
    # BEGIN SOLUTION
    pem = issue(active_root_ca, csr_for(server_key, "api.corp.internal"))
    # END SOLUTION
    certificate = read_pem(pem)
    common_name = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    issuer = certificate.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert (common_name, issuer) == ("api.corp.internal", ROOT_SUBJECT["CommonName"])
    assert certificate.public_key().public_numbers() == server_key.public_key().public_numbers()


@pytest.mark.claim(
    "certificates.private-root-self-signed",
    quote="certificates only trusted within your organization(not public)",
    source=CA_LIFECYCLE,
)
def test_the_chain_ends_at_a_root_only_the_organization_trusts(aws, active_root_ca):
    answer = aws.acm_pca.get_certificate_authority_certificate(
        CertificateAuthorityArn=active_root_ca
    )
    root = read_pem(answer["Certificate"])
    # HINT: predict whether the root's issuer is its own subject (True or False): no public
    # authority vouches for it.
    # BEGIN SOLUTION
    self_signed = True
    # END SOLUTION
    assert (root.issuer == root.subject) is self_signed


@pytest.mark.claim(
    "certificates.private-certificates-in-acm",
    quote="work for the services that are integrated with acm",
    source=PRIVATE_IN_ACM,
)
def test_acm_issues_a_private_certificate_without_validation(aws, active_root_ca, eventually):
    # HINT: request, through ACM, a certificate for api.corp.internal from the private CA.
    # BEGIN SOLUTION
    arn = aws.acm.request_certificate(
        DomainName="api.corp.internal", CertificateAuthorityArn=active_root_ca
    )["CertificateArn"]
    # END SOLUTION

    def issued() -> dict | None:
        detail = aws.acm.describe_certificate(CertificateArn=arn)["Certificate"]
        return detail if detail["Status"] == "ISSUED" else None

    detail = eventually(issued)
    assert (detail["Type"], detail["CertificateAuthorityArn"]) == ("PRIVATE", active_root_ca)
