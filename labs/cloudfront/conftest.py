"""Shared fixtures for the CloudFront labs: a distribution's configuration, made small.

A distribution takes minutes to deploy on AWS, and no emulator serves one at
its domain name: the labs read what the API answers (defaults, refusals, the
state it reports), never a request through an edge location.
"""

from __future__ import annotations

import functools
import uuid

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

#: AWS's managed cache policies (the same ids in every account).
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"


def custom_origin(origin_id: str, domain: str) -> dict:
    """An origin that is any HTTP server (an ALB, an EC2 instance, a website), over HTTPS."""
    return {
        "Id": origin_id,
        "DomainName": domain,
        "CustomOriginConfig": {
            "HTTPPort": 80,
            "HTTPSPort": 443,
            "OriginProtocolPolicy": "https-only",
        },
    }


def behavior(origin_id: str, path_pattern: str | None = None, **extra) -> dict:
    """A cache behaviour sending requests to ``origin_id``; the default one without a path."""
    settings = {
        "TargetOriginId": origin_id,
        "ViewerProtocolPolicy": "redirect-to-https",
        "CachePolicyId": CACHING_OPTIMIZED,
        **extra,
    }
    if path_pattern is not None:
        settings["PathPattern"] = path_pattern
    return settings


def distribution_config(origins: list[dict] | None = None, **extra) -> dict:
    """A distribution's configuration: one custom origin ("web") and a default behaviour to
    it, unless ``origins`` and ``DefaultCacheBehavior=`` say otherwise; ``extra`` adds or
    overrides DistributionConfig's fields."""
    origins = origins or [custom_origin("web", "www.example.com")]
    return {
        "CallerReference": uuid.uuid4().hex,
        "Comment": "awslab",
        "Enabled": True,
        "Origins": {"Quantity": len(origins), "Items": origins},
        "DefaultCacheBehavior": behavior(origins[0]["Id"]),
        **extra,
    }


@pytest.fixture
def create_distribution(aws, unique_name):
    """``create_distribution(**config)``: a new distribution (``distribution_config``'s
    arguments); CreateDistribution's ``Distribution``."""

    def create_distribution(origins: list[dict] | None = None, **extra) -> dict:
        # A distribution has no name: its comment carries the test's prefix, for a clean-up.
        config = distribution_config(origins, Comment=unique_name("distribution"), **extra)
        return aws.cloudfront.create_distribution(DistributionConfig=config)["Distribution"]

    return create_distribution


@pytest.fixture
def distribution(create_distribution) -> dict:
    """A new distribution with one custom origin and its default behaviour."""
    return create_distribution()


@functools.cache
def public_key(number: int = 0) -> str:
    """RSA 2048-bit public key number ``number``, PEM: what CloudFront verifies signed URLs
    with. Made once per run each (a key pair costs a twentieth of a second)."""
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return (
        private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@pytest.fixture
def public_key_pem() -> str:
    """An RSA 2048-bit public key, PEM."""
    return public_key(0)


@pytest.fixture
def public_keys():
    """``public_keys(n)``: RSA public key number ``n`` (PEM), each one different."""
    return public_key


@pytest.fixture
def origin():
    """``origin("api", "api.example.com")``: a custom origin (any HTTP server)."""
    return custom_origin


@pytest.fixture
def cache_behavior():
    """``cache_behavior("api", "/api/*")``: a cache behaviour to an origin's id."""
    return behavior


@pytest.fixture
def distribution_settings():
    """``distribution_settings(origins, **extra)``: a DistributionConfig, as
    ``create_distribution`` sends it, for a call of your own."""
    return distribution_config
