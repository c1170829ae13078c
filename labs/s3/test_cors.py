"""S3 CORS: which other web origins may fetch from a bucket in a browser.

A page served from https://www.example.com that fetches an object from a
bucket makes a cross-origin request; for anything but a simple GET the
browser first sends a *preflight* OPTIONS request with Origin and
Access-Control-Request-Method headers, and goes on only if S3 answers with
matching Access-Control-Allow-* headers. S3 answers from the bucket's CORS
rules (allowed origins, methods, headers, max age); with no matching rule
the preflight gets 403.

Notes, "s3 security > s3 cors".
"""

import pytest
import requests

SITE = "https://www.example.com"

GET_FROM_SITE = {
    "AllowedOrigins": [SITE],
    "AllowedMethods": ["GET", "HEAD"],
    "AllowedHeaders": ["*"],
    "ExposeHeaders": ["ETag"],
    "MaxAgeSeconds": 3000,
}


def preflight(url: str, origin: str, method: str) -> requests.Response:
    """The OPTIONS request a browser sends before a cross-origin ``method``."""
    return requests.options(
        url,
        headers={"Origin": origin, "Access-Control-Request-Method": method},
        timeout=10,
    )


@pytest.mark.claim(
    "s3.cors-rules", quote="we need to enable correct cors headers for clients to fetch"
)
def test_cors_rules_round_trip(aws, bucket, error_code):
    assert error_code(aws.s3.get_bucket_cors, Bucket=bucket) == "NoSuchCORSConfiguration"
    # HINT: let GET_FROM_SITE be the bucket's only CORS rule.
    # BEGIN SOLUTION
    aws.s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [GET_FROM_SITE]})
    # END SOLUTION
    assert aws.s3.get_bucket_cors(Bucket=bucket)["CORSRules"] == [GET_FROM_SITE]


@pytest.mark.claim(
    "s3.cors-methods", quote="we need to enable correct cors headers for clients to fetch"
)
def test_a_rule_with_an_unsupported_method_is_refused(aws, bucket, error_code):
    patch_rule = {"AllowedOrigins": [SITE], "AllowedMethods": ["PATCH"]}
    # HINT: S3 CORS knows GET, PUT, POST, DELETE and HEAD only; what error code answers PATCH?
    # BEGIN SOLUTION
    expected_error = "InvalidRequest"
    # END SOLUTION
    answer = error_code(
        aws.s3.put_bucket_cors, Bucket=bucket, CORSConfiguration={"CORSRules": [patch_rule]}
    )
    assert answer == expected_error


@pytest.mark.claim(
    "s3.cors-preflight",
    quote="we need to enable correct cors headers for clients to fetch",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's server answers every S3 preflight with 403 and echoes any Origin back, "
    "whatever the bucket's CORS rules; AWS answers 200 with the matching rule's headers, "
    "and 403 without them to an origin no rule allows",
)
def test_a_preflight_from_an_allowed_origin_gets_the_cors_headers(aws, bucket, object_url):
    aws.s3.put_object(Bucket=bucket, Key="data.json", Body=b"{}")
    url = object_url(bucket, "data.json")
    # HINT: let SITE GET and HEAD objects of the bucket (GET_FROM_SITE).
    # BEGIN SOLUTION
    aws.s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [GET_FROM_SITE]})
    # END SOLUTION
    allowed = preflight(url, SITE, "GET")
    assert allowed.status_code == 200
    assert allowed.headers["Access-Control-Allow-Origin"] == SITE
    assert "GET" in allowed.headers["Access-Control-Allow-Methods"]
    stranger = preflight(url, "https://evil.example.org", "GET")
    assert stranger.status_code == 403
    assert "Access-Control-Allow-Origin" not in stranger.headers
