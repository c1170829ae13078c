"""Who signs URLs: a trusted key group of public keys you upload.

Private content is served only to requests that carry a signed URL or signed
cookies. You make an RSA key pair, upload its public key to CloudFront,
put it in a key group, and name the key group as trusted in a cache
behaviour; your application signs with the private key. A key group holds
up to five public keys. Key groups are ordinary CloudFront resources, managed
by any IAM principal allowed to: only the older signer, a CloudFront key pair
of an AWS account, needs the account's root user.

The signed URL itself (``botocore.signers.CloudFrontSigner``) is checked only
by the edge locations of a deployed distribution: nothing here verifies one.

Notes, "cloudfront > cloudfront signed url process" and "cloudfront > cloudfront
signed url vs s3 pre-signed url".
"""

import json
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

SIGNERS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html"
S3_PRESIGNED = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html"
QUOTAS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html"


@pytest.fixture
def upload_key(aws, unique_name, public_keys):
    """``upload_key("k1", number=0)``: public key ``number`` uploaded to CloudFront; its id."""

    def upload_key(stem: str, number: int = 0) -> str:
        config = {
            "CallerReference": unique_name(stem),
            "Name": unique_name(stem),
            "EncodedKey": public_keys(number),
        }
        return aws.cloudfront.create_public_key(PublicKeyConfig=config)["PublicKey"]["Id"]

    return upload_key


@pytest.mark.claim(
    "cloudfront.trusted-key-group",
    quote="a trusted key group(recommended)",
    source=SIGNERS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto always answers ActiveTrustedKeyGroups disabled and empty; AWS lists the "
    "key groups a distribution trusts, with their public keys",
)
def test_a_behavior_trusts_a_key_group(
    aws, unique_name, upload_key, create_distribution, cache_behavior
):
    key = upload_key("signer")
    group = aws.cloudfront.create_key_group(
        KeyGroupConfig={"Name": unique_name("signers"), "Items": [key]}
    )["KeyGroup"]["Id"]
    # HINT: create_distribution(DefaultCacheBehavior=...) whose default behaviour (to origin
    # HINT: "web") trusts the key group: cache_behavior("web", TrustedKeyGroups=...).
    # BEGIN SOLUTION
    created = create_distribution(
        DefaultCacheBehavior=cache_behavior(
            "web", TrustedKeyGroups={"Enabled": True, "Quantity": 1, "Items": [group]}
        )
    )
    # END SOLUTION
    active = created["ActiveTrustedKeyGroups"]
    assert active["Enabled"] is True
    [trusted] = active["Items"]
    assert (trusted["KeyGroupId"], trusted["KeyPairIds"]["Items"]) == (group, [key])


@pytest.mark.claim(
    "cloudfront.key-group-five-keys",
    beyond_notes="A key group holds up to five public keys: a sixth is refused "
    "(TooManyPublicKeysInKeyGroup).",
    source=QUOTAS,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto puts any number of public keys in a key group; AWS takes five"
)
def test_a_key_group_holds_up_to_five_keys(aws, unique_name, upload_key, error_code):
    keys = [upload_key(f"k{number}", number) for number in range(6)]

    def answer(count: int) -> str | None:
        config = {"Name": unique_name(f"group{count}"), "Items": keys[:count]}
        return error_code(aws.cloudfront.create_key_group, KeyGroupConfig=config)

    # HINT: what does CreateKeyGroup answer a group of 5 keys, and of 6? (None if it works)
    # BEGIN SOLUTION
    expected = {5: None, 6: "TooManyPublicKeysInKeyGroup"}
    # END SOLUTION
    assert {count: answer(count) for count in expected} == expected


@pytest.mark.claim(
    "cloudfront.key-groups-without-root",
    quote="only root user can manage it",
    errata="Only the legacy signer, a CloudFront key pair, needs the root user. Trusted key "
    "groups (recommended) and their public keys are managed through the CloudFront API by "
    "any IAM user or role allowed to.",
    source=SIGNERS,
)
def test_an_iam_user_manages_key_groups(aws, unique_name, public_key_pem, enforce_iam, error_code):
    aws.client("cloudfront")  # skips where the backend has no CloudFront, before the user
    name = unique_name("publisher")
    aws.iam.create_user(UserName=name)
    # HINT: allow the user to upload public keys and create key groups (two CloudFront
    # HINT: actions), with an inline user policy.
    # BEGIN SOLUTION
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["cloudfront:CreatePublicKey", "cloudfront:CreateKeyGroup"],
                "Resource": "*",
            }
        ],
    }
    aws.iam.put_user_policy(UserName=name, PolicyName="signers", PolicyDocument=json.dumps(policy))
    # END SOLUTION
    publisher = client_of(aws, name)
    assert ":user/" in publisher_identity(aws, name), "an IAM user, not the account's root"
    enforce_iam()
    config = {
        "CallerReference": unique_name("k"),
        "Name": unique_name("k"),
        "EncodedKey": public_key_pem,
    }
    key = publisher.create_public_key(PublicKeyConfig=config)["PublicKey"]["Id"]
    group = {"Name": unique_name("signers"), "Items": [key]}
    assert error_code(publisher.create_key_group, KeyGroupConfig=group) is None
    # Counter-case: what the user's policy does not allow is refused (403 Forbidden).
    with pytest.raises(ClientError) as refused:
        publisher.list_distributions()
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def client_of(aws, user: str):
    """A CloudFront client signing with a new access key of IAM user ``user``."""
    access_key = aws.iam.create_access_key(UserName=user)["AccessKey"]
    return boto3.client(
        "cloudfront",
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=access_key["AccessKeyId"],
        aws_secret_access_key=access_key["SecretAccessKey"],
    )


def publisher_identity(aws, user: str) -> str:
    """The ARN of IAM user ``user``."""
    return aws.iam.get_user(UserName=user)["User"]["Arn"]


@pytest.mark.claim(
    "cloudfront.multiple-key-groups", quote="can create multi key groups", source=SIGNERS
)
def test_several_key_groups_side_by_side(aws, unique_name, upload_key):
    # HINT: make two key groups, "team-a" and "team-b", each of a public key of its own
    # HINT: (upload_key(team, number)), named with unique_name.
    # BEGIN SOLUTION
    for number, team in enumerate(("team-a", "team-b")):
        aws.cloudfront.create_key_group(
            KeyGroupConfig={"Name": unique_name(team), "Items": [upload_key(team, number)]}
        )
    # END SOLUTION
    listed = aws.cloudfront.list_key_groups()["KeyGroupList"].get("Items", [])
    names = {item["KeyGroup"]["KeyGroupConfig"]["Name"] for item in listed}
    assert {unique_name("team-a"), unique_name("team-b")} <= names


@pytest.mark.claim("cloudfront.public-key-is-rsa", quote="generate key pair", source=SIGNERS)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores any text as a public key; AWS answers InvalidArgument"
)
def test_the_public_key_of_a_generated_pair_is_uploaded(
    aws, unique_name, public_key_pem, error_code
):
    def answer(stem: str, encoded_key: str) -> str | None:
        config = {
            "CallerReference": unique_name(stem),
            "Name": unique_name(stem),
            "EncodedKey": encoded_key,
        }
        return error_code(aws.cloudfront.create_public_key, PublicKeyConfig=config)

    # HINT: what does CreatePublicKey answer the public key of a generated RSA pair, and
    # HINT: text that is no key? (None if it takes it)
    # BEGIN SOLUTION
    expected = {"rsa": None, "not-a-key": "InvalidArgument"}
    # END SOLUTION
    observed = {"rsa": answer("rsa", public_key_pem), "not-a-key": answer("junk", "not a key")}
    assert observed == expected


@pytest.mark.claim(
    "cloudfront.s3-presigned-url-names-the-key", quote="uses iam key", source=S3_PRESIGNED
)
def test_an_s3_presigned_url_carries_the_signers_access_key(aws, make_bucket, unique_name):
    bucket = make_bucket("private")
    aws.s3.put_object(Bucket=bucket, Key="report.pdf", Body=b"%PDF")
    name = unique_name("reader")
    aws.iam.create_user(UserName=name)
    access_key = aws.iam.create_access_key(UserName=name)["AccessKey"]
    signer = boto3.client(
        "s3",
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=access_key["AccessKeyId"],
        aws_secret_access_key=access_key["SecretAccessKey"],
        config=Config(signature_version="s3v4"),
    )
    url = signer.generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "report.pdf"}, ExpiresIn=300
    )
    credential = parse_qs(urlsplit(url).query)["X-Amz-Credential"][0]
    # HINT: predict whose access key id opens the credential scope of the URL.
    # BEGIN SOLUTION
    expected = access_key["AccessKeyId"]
    # END SOLUTION
    assert credential.split("/")[0] == expected
