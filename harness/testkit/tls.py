"""Self-signed TLS certificates, for the labs that import one into ACM or IAM, serve one
from a load balancer, or name an identity provider's signing certificate.

No lab can get a certificate signed by a public authority (ACM issues one only once
the domain is validated), and none needs one: these services take a self-signed
certificate as they take any other.
"""

from __future__ import annotations

import datetime
import functools

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID


@functools.cache
def self_signed(domain: str, key_type: str = "ec") -> tuple[bytes, bytes]:
    """(certificate, private key), PEM: a 30-day self-signed certificate for ``domain``.

    ``key_type`` "ec" (P-256, which ACM and the load balancers take) or "rsa" (2048
    bits, for IAM's server certificates and SAML metadata). Made once per domain and
    run: an RSA key costs up to half a second on a busy machine.
    """
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    if key_type == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, domain)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(domain)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return (
        certificate.public_bytes(serialization.Encoding.PEM),
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8
            if key_type == "ec"
            else serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        ),
    )
