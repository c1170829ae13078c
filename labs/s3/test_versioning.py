"""S3 versioning: every write keeps the old bytes, and a delete only hides them.

Versioning is switched on per bucket. From then on each PUT of a key adds a
new version with its own id, and the newest one is what a plain GET returns.
A DELETE that names no version removes nothing: it stacks a *delete marker*
on top, so the key looks gone (GET answers NoSuchKey) while every version is
still there. Deleting the marker brings the object back; deleting a version
by id is the only way to really destroy data. A versioned bucket can never
go back to unversioned, only be *suspended*: new writes then get the version
id "null", replacing each other, while the versions made before are kept.

Notes, "s3 > s3 versioning". (The notes' "s3 MFA delete" names permanent deletes
and suspending versioning as what MFA delete guards; these labs run without it.)
"""

import pytest

DELETE_VERSIONED = (
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html"
)


def versions(aws, bucket: str, key: str) -> list[tuple[str, bool]]:
    """``[(version_id, is_latest), ...]`` for ``key``, newest first (delete markers left out)."""
    listing = aws.s3.list_object_versions(Bucket=bucket, Prefix=key)
    return [(v["VersionId"], v["IsLatest"]) for v in listing.get("Versions", []) if v["Key"] == key]


def body(aws, bucket: str, key: str, **options) -> bytes:
    return aws.s3.get_object(Bucket=bucket, Key=key, **options)["Body"].read()


@pytest.mark.claim("s3.versioning-per-bucket", quote="enable at bucket level")
def test_every_put_makes_a_new_version(aws, bucket):
    assert "Status" not in aws.s3.get_bucket_versioning(Bucket=bucket), "new buckets: never set"
    # HINT: switch versioning on for this bucket.
    # BEGIN SOLUTION
    aws.s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    # END SOLUTION
    first = aws.s3.put_object(Bucket=bucket, Key="config.json", Body=b"v1")["VersionId"]
    second = aws.s3.put_object(Bucket=bucket, Key="config.json", Body=b"v2")["VersionId"]
    assert first != second and "null" not in (first, second)
    assert versions(aws, bucket, "config.json") == [(second, True), (first, False)]
    assert body(aws, bucket, "config.json") == b"v2"


@pytest.mark.claim(
    "s3.versioning-delete-marker",
    beyond_notes="In a versioned bucket a DELETE without a version id only stacks a delete "
    "marker: the key answers NoSuchKey while its versions stay.",
    source=DELETE_VERSIONED,
)
def test_a_plain_delete_only_adds_a_delete_marker(aws, versioned_bucket, error_code):
    version = aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"data")["VersionId"]
    deleted = aws.s3.delete_object(Bucket=versioned_bucket, Key="a.txt")
    assert deleted["DeleteMarker"] is True
    # HINT: what does a GET of the key answer once a delete marker is on top?
    # BEGIN SOLUTION
    expected_error = "NoSuchKey"
    # END SOLUTION
    assert error_code(aws.s3.get_object, Bucket=versioned_bucket, Key="a.txt") == expected_error
    listing = aws.s3.list_object_versions(Bucket=versioned_bucket, Prefix="a.txt")
    assert [m["VersionId"] for m in listing["DeleteMarkers"]] == [deleted["VersionId"]]
    assert versions(aws, versioned_bucket, "a.txt") == [(version, False)], "the data is still there"


@pytest.mark.claim(
    "s3.versioning-undelete",
    beyond_notes="Deleting the delete marker (by its version id) brings the object back.",
    source=DELETE_VERSIONED,
)
def test_deleting_the_delete_marker_restores_the_object(aws, versioned_bucket):
    aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"data")
    marker = aws.s3.delete_object(Bucket=versioned_bucket, Key="a.txt")["VersionId"]
    # HINT: "undelete" the object: remove exactly the marker (it has a version id of its own).
    # BEGIN SOLUTION
    aws.s3.delete_object(Bucket=versioned_bucket, Key="a.txt", VersionId=marker)
    # END SOLUTION
    assert body(aws, versioned_bucket, "a.txt") == b"data"


@pytest.mark.claim(
    "s3.versioning-read-old-version",
    beyond_notes="A GET names a version id to read an older version of a key.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/RetrievingObjectVersions.html",
)
def test_an_old_version_is_read_by_its_id(aws, versioned_bucket):
    first = aws.s3.put_object(Bucket=versioned_bucket, Key="price.txt", Body=b"10")["VersionId"]
    aws.s3.put_object(Bucket=versioned_bucket, Key="price.txt", Body=b"12")
    # HINT: GET the first version, the one that is no longer current.
    # BEGIN SOLUTION
    old = body(aws, versioned_bucket, "price.txt", VersionId=first)
    # END SOLUTION
    assert old == b"10"
    assert body(aws, versioned_bucket, "price.txt") == b"12"


@pytest.mark.claim(
    "s3.versioning-permanent-delete",
    beyond_notes="A DELETE that names a version id destroys that version for good.",
    source=DELETE_VERSIONED,
)
def test_deleting_a_version_by_id_destroys_it(aws, versioned_bucket, error_code):
    first = aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"v1")["VersionId"]
    second = aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"v2")["VersionId"]
    # HINT: permanently delete the current version (no delete marker this time).
    # BEGIN SOLUTION
    aws.s3.delete_object(Bucket=versioned_bucket, Key="a.txt", VersionId=second)
    # END SOLUTION
    assert versions(aws, versioned_bucket, "a.txt") == [(first, True)], (
        "the previous one is current"
    )
    assert body(aws, versioned_bucket, "a.txt") == b"v1"
    options = {"Bucket": versioned_bucket, "Key": "a.txt", "VersionId": second}
    assert error_code(aws.s3.get_object, **options) in ("NoSuchVersion", "404")


@pytest.mark.claim(
    "s3.versioning-suspend",
    beyond_notes="A suspended bucket keeps the versions made before and writes new ones with "
    "the version id null, each replacing the last.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/VersionSuspendedBehavior.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto drops every earlier version of a key when it is written in a suspended "
    "bucket; AWS keeps them and only replaces the version whose id is null",
)
def test_a_suspended_bucket_keeps_old_versions_and_writes_null(aws, versioned_bucket):
    first = aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"v1")["VersionId"]
    second = aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"v2")["VersionId"]
    # HINT: suspend versioning (it cannot be turned off once enabled).
    # BEGIN SOLUTION
    aws.s3.put_bucket_versioning(
        Bucket=versioned_bucket, VersioningConfiguration={"Status": "Suspended"}
    )
    # END SOLUTION
    aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"v3")
    aws.s3.put_object(Bucket=versioned_bucket, Key="a.txt", Body=b"v4")
    assert versions(aws, versioned_bucket, "a.txt") == [
        ("null", True),
        (second, False),
        (first, False),
    ], "one null version (v4 replaced v3), and the versioned past is kept"
    assert body(aws, versioned_bucket, "a.txt") == b"v4"
    assert body(aws, versioned_bucket, "a.txt", VersionId=first) == b"v1"
