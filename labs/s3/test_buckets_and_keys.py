"""Buckets and keys: one global namespace of buckets, and flat keys that look like paths.

A bucket lives in one region, but its name is unique across every AWS account
in the partition, so a name somebody else took is gone for you too; and it must
be a valid DNS label (3 to 63 lowercase letters, digits, dots and dashes).
Inside a bucket there are no folders: an object's key is its whole path
("photos/2024/cat.jpg"), and a listing with a prefix and a delimiter only
*groups* keys into "common prefixes" that a console draws as folders.

Each object also carries user-defined metadata (sent as x-amz-meta-* headers)
and tags. Both travel with the object, but S3 cannot search them: a listing
returns keys, sizes and dates, never metadata, so "find every object Alice
owns" means reading each object's headers, or keeping your own index.

Notes, "s3 > buckets", "s3 > objects" and
"s3 advanced > s3 user-defined object metadata & s3 object tags".
"""

import uuid

import pytest

NAMING_RULES = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html"


@pytest.fixture
def other_account_s3(aws):
    """An S3 client acting as another AWS account (a cross-account role, assumed through STS).

    On moto any role ARN can be assumed; on AWS the role must exist and trust you.
    """
    credentials = aws.sts.assume_role(
        RoleArn="arn:aws:iam::111122223333:role/lab-other-account",
        RoleSessionName="other-account",
    )["Credentials"]
    return aws.session.client(
        "s3",
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )


@pytest.mark.claim(
    "s3.bucket-name-length",
    beyond_notes="A bucket name has 3 to 63 characters: 3 and 63 are valid lengths, 2 and 64 "
    "are refused (InvalidBucketName).",
    source=NAMING_RULES,
)
def test_a_bucket_name_has_3_to_63_characters(aws, make_bucket, error_code):
    longest = make_bucket("x" * 51)  # the run's 12-character prefix, then 51: 63 in all
    assert len(longest) == 63
    too_long, too_short = longest + "x", "ab"
    # HINT: which error code does CreateBucket answer for a name S3 does not accept?
    # BEGIN SOLUTION
    expected_error = "InvalidBucketName"
    # END SOLUTION
    assert error_code(aws.s3.create_bucket, Bucket=too_short) == expected_error
    assert error_code(aws.s3.create_bucket, Bucket=too_long) == expected_error
    # Three characters is a valid length: such a name is created, or already someone's.
    shortest = "a" + uuid.uuid4().hex[:2]
    where = {}
    if aws.region != "us-east-1":
        where["CreateBucketConfiguration"] = {"LocationConstraint": aws.region}
    answer = error_code(aws.s3.create_bucket, Bucket=shortest, **where)
    assert answer in (None, "BucketAlreadyExists")
    if answer is None:
        aws.s3.delete_bucket(Bucket=shortest)


@pytest.mark.claim(
    "s3.bucket-name-rules",
    beyond_notes="A bucket name is a lowercase DNS label: no upper case, underscores, IP "
    "addresses, adjacent dots, dashes at either end or reserved prefixes and suffixes.",
    source=NAMING_RULES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto checks only a bucket name's length; AWS also refuses upper case, "
    "underscores, IP addresses, adjacent dots, a dash at either end and reserved "
    "prefixes and suffixes (InvalidBucketName)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts bucket names with the reserved xn-- prefix or -s3alias suffix; AWS "
    "refuses them (InvalidBucketName)",
)
def test_a_bucket_name_is_a_lowercase_dns_label(aws, unique_name, error_code):
    candidates = {
        "upper case": unique_name("Photos"),
        "underscore": unique_name("team_photos"),
        "ip address": "192.168.5.4",
        "adjacent dots": unique_name("photos..2024"),
        "ends with a dash": unique_name("photos-"),
        "xn-- prefix": "xn--" + unique_name("photos"),
        "-s3alias suffix": unique_name("photos-s3alias"),
        "dots and dashes": unique_name("photos.2024-backup"),
    }
    # HINT: which of these names does S3 refuse? (AWS docs: "General purpose bucket naming rules")
    # BEGIN SOLUTION
    refused = set(candidates) - {"dots and dashes"}
    # END SOLUTION
    rejected = {
        why
        for why, name in candidates.items()
        if error_code(aws.s3.create_bucket, Bucket=name) == "InvalidBucketName"
    }
    assert rejected == refused


@pytest.mark.claim("s3.bucket-name-global", quote="needs a global unique name")
def test_a_bucket_name_taken_by_another_account_is_not_available(
    aws, bucket, other_account_s3, error_code
):
    # HINT: what does CreateBucket answer when *another* account already owns the name?
    # BEGIN SOLUTION
    expected_error = "BucketAlreadyExists"
    # END SOLUTION
    assert error_code(other_account_s3.create_bucket, Bucket=bucket) == expected_error
    names_i_own = [b["Name"] for b in aws.s3.list_buckets()["Buckets"]]
    assert bucket in names_i_own


@pytest.mark.claim("s3.key-is-full-path", quote="the key is the full path: prefix + object name")
def test_folders_are_only_key_prefixes(aws, bucket, error_code):
    for key in ("photos/2024/cat.jpg", "photos/2024/dog.jpg", "photos/2025/owl.jpg", "notes.txt"):
        aws.s3.put_object(Bucket=bucket, Key=key, Body=b"...")
    listing = aws.s3.list_objects_v2(Bucket=bucket, Prefix="photos/", Delimiter="/")
    # HINT: grouped by "/", which "folders" does a listing of prefix photos/ show?
    # BEGIN SOLUTION
    folders = ["photos/2024/", "photos/2025/"]
    # END SOLUTION
    assert [p["Prefix"] for p in listing["CommonPrefixes"]] == folders
    assert listing.get("Contents", []) == [], "no object sits directly under photos/"
    assert error_code(aws.s3.head_object, Bucket=bucket, Key="photos/") == "404", (
        "the 'folder' is not an object"
    )
    under_2024 = aws.s3.list_objects_v2(Bucket=bucket, Prefix="photos/2024/")["Contents"]
    assert [o["Key"] for o in under_2024] == ["photos/2024/cat.jpg", "photos/2024/dog.jpg"]


@pytest.mark.claim(
    "s3.user-metadata-and-tags",
    beyond_notes="An object carries user-defined metadata (x-amz-meta-* headers, keys in lower "
    "case) and tags, read back with HeadObject and GetObjectTagging.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html",
)
def test_metadata_and_tags_travel_with_the_object(aws, bucket):
    aws.s3.put_object(
        Bucket=bucket,
        Key="report.pdf",
        Body=b"%PDF",
        Metadata={"Owner": "alice"},
        Tagging="team=finance&retention=1y",
    )
    head = aws.s3.head_object(Bucket=bucket, Key="report.pdf")
    # HINT: S3 stores user metadata keys in lower case; what does HeadObject give back?
    # BEGIN SOLUTION
    expected_metadata = {"owner": "alice"}
    # END SOLUTION
    assert head["Metadata"] == expected_metadata
    assert head["ResponseMetadata"]["HTTPHeaders"]["x-amz-meta-owner"] == "alice"
    tags = aws.s3.get_object_tagging(Bucket=bucket, Key="report.pdf")["TagSet"]
    assert {t["Key"]: t["Value"] for t in tags} == {"team": "finance", "retention": "1y"}


@pytest.mark.claim(
    "s3.metadata-not-searchable",
    quote="we cannot search the object metadata or object tags",
    errata="The S3 API still has no search by metadata or tags (a listing returns neither), "
    "but an external index is no longer the only way: S3 Metadata (since 2025) keeps journal "
    "and live inventory tables of each object's metadata and tags, queryable with SQL (Athena).",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/metadata-tables-overview.html",
)
def test_metadata_cannot_be_searched_only_read_object_by_object(aws, bucket):
    for key, owner in (("a.txt", "alice"), ("b.txt", "bob"), ("c.txt", "alice")):
        aws.s3.put_object(Bucket=bucket, Key=key, Body=b"...", Metadata={"owner": owner})
    listing = aws.s3.list_objects_v2(Bucket=bucket)["Contents"]
    assert all("Metadata" not in entry for entry in listing), "a listing carries no metadata"
    # HINT: with no search in the S3 API, find the keys of Alice's objects one HeadObject at a time.
    # BEGIN SOLUTION
    owned_by_alice = [
        entry["Key"]
        for entry in listing
        if aws.s3.head_object(Bucket=bucket, Key=entry["Key"])["Metadata"].get("owner") == "alice"
    ]
    # END SOLUTION
    assert owned_by_alice == ["a.txt", "c.txt"]


@pytest.mark.claim("s3.bucket-regional", quote="regional service")
def test_a_bucket_lives_in_the_region_it_was_created_in(aws, unique_name, error_code):
    ireland = aws.session.client("s3", endpoint_url=aws.endpoint_url, region_name="eu-west-1")
    name = unique_name("dublin")
    # HINT: create the bucket `name` in eu-west-1, with the `ireland` client.
    # BEGIN SOLUTION
    ireland.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    # END SOLUTION
    assert ireland.get_bucket_location(Bucket=name)["LocationConstraint"] == "eu-west-1"
    head = ireland.head_bucket(Bucket=name)["ResponseMetadata"]["HTTPHeaders"]
    assert head["x-amz-bucket-region"] == "eu-west-1"
    elsewhere = {"LocationConstraint": "eu-central-1"}
    refused = error_code(
        ireland.create_bucket, Bucket=unique_name("berlin"), CreateBucketConfiguration=elsewhere
    )
    assert refused == "IllegalLocationConstraintException", "a region's endpoint makes its own"
