"""Origins: an S3 bucket behind origin access control, any HTTP server, a failover pair.

An S3 bucket origin is best kept private, readable only by CloudFront: an
origin access control (OAC) makes CloudFront sign its requests to S3 with
SigV4, and the bucket policy allows the distribution. Any other origin (an
S3 website endpoint, a load balancer, an EC2 instance, any HTTP server) is a
custom origin, reached over HTTP or HTTPS with timeouts of its own. An
origin group pairs a primary and a secondary origin: CloudFront retries on
the secondary when the primary answers one of the listed status codes.

Notes, "cloudfront > origins" and "cloudfront > origin groups".
"""

import pytest

OAC = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html"
DELETE_OAC = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteOriginAccessControl.html"
)
CUSTOM_ORIGIN = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html"
# The members list takes exactly two origins (the API model's bounds); a third is refused
# by the service's input validation, MalformedXML (seen in hashicorp/terraform-provider-aws#9389).
ORIGIN_GROUPS = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginGroupMembers.html"
)


@pytest.fixture
def origin_access_control(aws, unique_name) -> str:
    """A new origin access control for S3 origins, signing every request (SigV4): its id."""
    return aws.cloudfront.create_origin_access_control(
        OriginAccessControlConfig={
            "Name": unique_name("oac"),
            "SigningProtocol": "sigv4",
            "SigningBehavior": "always",
            "OriginAccessControlOriginType": "s3",
        }
    )["OriginAccessControl"]["Id"]


@pytest.mark.claim("cloudfront.origin-access-control", quote="OAC", source=DELETE_OAC)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto drops an origin's OriginAccessControlId and deletes an origin access "
    "control in use; AWS keeps the id and refuses the deletion (OriginAccessControlInUse)",
)
def test_a_bucket_origin_signs_through_its_access_control(
    aws, make_bucket, create_distribution, cache_behavior, origin_access_control, error_code
):
    bucket = make_bucket("site")
    domain = f"{bucket}.s3.{aws.region}.amazonaws.com"
    # HINT: an S3 origin (id "s3") for `domain` that reaches the bucket through the
    # HINT: origin access control (S3OriginConfig with an empty OriginAccessIdentity).
    # BEGIN SOLUTION
    s3_origin = {
        "Id": "s3",
        "DomainName": domain,
        "S3OriginConfig": {"OriginAccessIdentity": ""},
        "OriginAccessControlId": origin_access_control,
    }
    # END SOLUTION
    created = create_distribution([s3_origin])
    [stored] = created["DistributionConfig"]["Origins"]["Items"]
    assert stored["OriginAccessControlId"] == origin_access_control
    # In use by a distribution, the access control cannot be deleted.
    in_use = error_code(aws.cloudfront.delete_origin_access_control, Id=origin_access_control)
    assert in_use == "OriginAccessControlInUse"


@pytest.mark.claim("cloudfront.custom-origin", quote="any http backend", source=CUSTOM_ORIGIN)
def test_any_http_server_is_a_custom_origin(create_distribution, origin):
    created = create_distribution([origin("app", "app.example.com")])
    [stored] = created["DistributionConfig"]["Origins"]["Items"]
    # HINT: predict a custom origin's defaults: connection attempts, connection timeout (s),
    # HINT: read timeout (s) and keep-alive timeout (s).
    # BEGIN SOLUTION
    expected = (3, 10, 30, 5)
    # END SOLUTION
    custom = stored["CustomOriginConfig"]
    observed = (
        stored["ConnectionAttempts"],
        stored["ConnectionTimeout"],
        custom["OriginReadTimeout"],
        custom["OriginKeepaliveTimeout"],
    )
    assert observed == expected


@pytest.mark.claim(
    "cloudfront.origin-group-pair",
    quote="one origin group: one primary and one secondary origin",
    source=ORIGIN_GROUPS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts an origin group of three origins; AWS refuses it (MalformedXML: "
    "the members list takes two)",
)
def test_an_origin_group_is_a_primary_and_a_secondary(
    aws, origin, distribution_settings, error_code
):
    origins = [origin(name, f"{name}.example.com") for name in ("primary", "secondary", "third")]

    def answer(*members: str) -> str | None:
        group = {
            "Id": "failover",
            "FailoverCriteria": {"StatusCodes": {"Quantity": 2, "Items": [500, 503]}},
            "Members": {
                "Quantity": len(members),
                "Items": [{"OriginId": member} for member in members],
            },
        }
        config = distribution_settings(origins, OriginGroups={"Quantity": 1, "Items": [group]})
        # botocore itself refuses a third member before sending: past it, to the service.
        create = aws.unvalidated("cloudfront").create_distribution
        return error_code(create, DistributionConfig=config)

    # HINT: what does CreateDistribution answer an origin group of two origins, and of three?
    # BEGIN SOLUTION
    expected = {2: None, 3: "MalformedXML"}
    # END SOLUTION
    observed = {2: answer("primary", "secondary"), 3: answer("primary", "secondary", "third")}
    assert observed == expected
