"""A program on a web server asks the instance metadata service who it is.

Every EC2 instance can reach the instance metadata service (IMDS) at
http://169.254.169.254 with plain HTTP: no credentials, no signature. Under
``/latest/meta-data/`` it learns its own id, type, zone and addresses, and,
when an instance profile is attached, the name of its IAM role and that
role's temporary credentials (never the role's policies). IMDSv2 starts a
session first: a ``PUT /latest/api/token`` with a TTL header returns a token
that every later request carries. An instance can be set to require it
(``HttpTokens=required``), which turns IMDSv1 (token-less requests) off.

The labs send the same HTTP requests to an emulator's stand-in for IMDS;
real AWS answers them only inside an instance, so there they skip.

Notes, "aws cli sdk and iam roles and policies > ec2 instance metadata (IMDS)"
and "IMDS v2 and IMDS v1".
"""

import json

import pytest

IMDS_CATEGORIES = (
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-categories.html"
)
IMDS_CREDENTIALS = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-security-credentials.html"
IMDS_RETRIEVAL = (
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html"
)
MODIFY_METADATA_OPTIONS = (
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataOptions.html"
)

NO_IMDS_ON_LOCALSTACK = (
    "LocalStack serves no instance metadata: /latest/... on its endpoint is an S3 path"
    " (NoSuchBucket); AWS answers it on every instance"
)


@pytest.mark.claim(
    "ec2.imds-learn-about-themselves",
    quote="allow ec2 to `learn about themselves` without using an iam role",
    source=IMDS_CATEGORIES,
)
@pytest.mark.emulator_gap("localstack", reason=NO_IMDS_ON_LOCALSTACK)
def test_an_instance_learns_about_itself_over_plain_http(aws, imds):
    # HINT: under /latest/meta-data/, which paths hold the instance's id and its
    # Availability Zone? (imds.get(path) reads one, with no AWS credentials at all.)
    # BEGIN SOLUTION
    instance_id = imds.get("/latest/meta-data/instance-id")
    zone = imds.get("/latest/meta-data/placement/availability-zone")
    # END SOLUTION
    assert instance_id.startswith("i-")
    assert zone.startswith(aws.region), "a zone's name starts with its Region's"


@pytest.mark.claim(
    "ec2.imds-role-not-policy",
    quote="can retrieve the iam role from the metadata, but not the iam policy",
    source=IMDS_CREDENTIALS,
)
@pytest.mark.emulator_gap("localstack", reason=NO_IMDS_ON_LOCALSTACK)
def test_metadata_lends_the_roles_credentials_but_not_its_policy(imds):
    prefix = "/latest/meta-data/iam/security-credentials/"
    # HINT: the folder `prefix` lists the instance profile's role name; the path
    # prefix + <role name> holds a JSON document. Read both (imds.get).
    # BEGIN SOLUTION
    [role_name] = imds.get(prefix).split()
    document = json.loads(imds.get(prefix + role_name))
    # END SOLUTION
    assert role_name
    assert {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"} <= set(document), (
        "temporary credentials of the role: a key pair, a session token, an expiry"
    )
    assert not [key for key in document if "polic" in key.lower()], "no policy in sight"


@pytest.mark.claim("ec2.imds-v2-session-token", quote="IMDS v2 and IMDS v1", source=IMDS_RETRIEVAL)
@pytest.mark.emulator_gap("localstack", reason=NO_IMDS_ON_LOCALSTACK)
def test_imdsv2_starts_a_session_with_a_token(imds):
    # HINT: IMDSv2 by hand with imds.request(method, path, headers) -> (status, body):
    # PUT /latest/api/token with the header X-aws-ec2-metadata-token-ttl-seconds (at most
    # 21600), then GET /latest/meta-data/instance-id with the header X-aws-ec2-metadata-token.
    # BEGIN SOLUTION
    token_status, token = imds.request(
        "PUT", "/latest/api/token", {"X-aws-ec2-metadata-token-ttl-seconds": "21600"}
    )
    status, instance_id = imds.request(
        "GET", "/latest/meta-data/instance-id", {"X-aws-ec2-metadata-token": token}
    )
    # END SOLUTION
    assert (token_status, status) == (200, 200)
    assert token.strip(), "the token is the PUT's body"
    assert instance_id.startswith("i-")


@pytest.mark.claim(
    "ec2.imds-v2-token-checked",
    quote="IMDS v2 and IMDS v1",
    source=IMDS_RETRIEVAL,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's metadata stand-in hands a token to any request, TTL header or not, and"
    " answers every GET whatever token it carries; AWS answers 400 to a token PUT without"
    " a TTL and 401 to a GET with a token it did not issue",
)
@pytest.mark.emulator_gap("localstack", reason=NO_IMDS_ON_LOCALSTACK)
def test_imds_checks_the_session_token(imds):
    no_ttl, _ = imds.request("PUT", "/latest/api/token")
    made_up, _ = imds.request(
        "GET", "/latest/meta-data/instance-id", {"X-aws-ec2-metadata-token": "made-up"}
    )
    # HINT: which HTTP status does IMDS answer to a token PUT without a TTL header, and to
    # a GET that carries a token it never issued? (400 Bad Request, 401 Unauthorized,
    # 403 Forbidden, 404 Not Found, 405 Method Not Allowed)
    # BEGIN SOLUTION
    expected = {"token PUT without a TTL": 400, "GET with a made-up token": 401}
    # END SOLUTION
    assert {"token PUT without a TTL": no_ttl, "GET with a made-up token": made_up} == expected


@pytest.mark.claim(
    "ec2.imds-v2-required", quote="IMDS v2 and IMDS v1", source=MODIFY_METADATA_OPTIONS
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack answers InternalError to ModifyInstanceMetadataOptions without"
    " HttpPutResponseHopLimit (int(None)); AWS keeps the current hop limit",
)
def test_an_instance_can_be_made_to_require_imdsv2(aws, launch):
    instance_id = launch(MetadataOptions={"HttpTokens": "optional"})  # IMDSv1 still allowed
    # HINT: turn IMDSv1 off for instance_id: only requests with a session token from now on
    # (modify_instance_metadata_options).
    # BEGIN SOLUTION
    aws.ec2.modify_instance_metadata_options(InstanceId=instance_id, HttpTokens="required")
    # END SOLUTION
    found = aws.ec2.describe_instances(InstanceIds=[instance_id])
    options = found["Reservations"][0]["Instances"][0]["MetadataOptions"]
    assert options["HttpTokens"] == "required"
