"""S3 access control lists: the old per-object grants, now off by default.

ACLs grant READ, WRITE or FULL_CONTROL on a bucket or an object to an account
or a group (such as AllUsers). Since April 2023 every new bucket has S3 Object
Ownership set to "bucket owner enforced": the bucket owner owns every object,
ACLs are disabled, and a request that tries to set one is refused with
AccessControlListNotSupported. Access is then decided by policies alone. A
bucket created with ownership "object writer" still honours ACLs.

Notes, "s3 > s3 security > resources-based".
"""

import pytest

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.mark.claim(
    "s3.acl-disabled-by-default",
    quote="object access control list -- fine-grained",
    errata="New buckets have ACLs disabled (Object Ownership: bucket owner enforced, the "
    "default since April 2023): a PUT with an ACL such as public-read is refused with "
    "AccessControlListNotSupported, and AWS recommends policies instead of ACLs.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives new buckets no Object Ownership setting and applies ACLs even under "
    "BucketOwnerEnforced; AWS refuses them with AccessControlListNotSupported",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack reports BucketOwnerEnforced but accepts a PUT with a public-read ACL; AWS "
    "refuses it (AccessControlListNotSupported)",
)
def test_a_new_bucket_refuses_object_acls(aws, bucket, error_code):
    (rule,) = aws.s3.get_bucket_ownership_controls(Bucket=bucket)["OwnershipControls"]["Rules"]
    assert rule["ObjectOwnership"] == "BucketOwnerEnforced"
    # HINT: what error code answers a PUT asking for the public-read canned ACL?
    # BEGIN SOLUTION
    expected_error = "AccessControlListNotSupported"
    # END SOLUTION
    answer = error_code(
        aws.s3.put_object, Bucket=bucket, Key="page.html", Body=b"...", ACL="public-read"
    )
    assert answer == expected_error


@pytest.mark.claim("s3.acl-object-writer", quote="object access control list -- fine-grained")
def test_an_object_writer_bucket_still_honours_acls(aws, make_bucket):
    legacy = make_bucket("legacy", ObjectOwnership="ObjectWriter")
    # New buckets also block public ACLs (Block Public Access); this one must not.
    aws.s3.put_public_access_block(
        Bucket=legacy,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": False,
            "IgnorePublicAcls": False,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    # HINT: put page.html in the legacy bucket with the public-read canned ACL.
    # BEGIN SOLUTION
    aws.s3.put_object(Bucket=legacy, Key="page.html", Body=b"...", ACL="public-read")
    # END SOLUTION
    grants = aws.s3.get_object_acl(Bucket=legacy, Key="page.html")["Grants"]
    assert {"Grantee": {"Type": "Group", "URI": ALL_USERS}, "Permission": "READ"} in grants


LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery"


@pytest.mark.claim("s3.bucket-acl", quote="bucket access control list -- less common")
def test_a_bucket_acl_grants_on_the_whole_bucket(aws, make_bucket):
    legacy = make_bucket("legacy-logs", ObjectOwnership="ObjectWriter")
    acl = aws.s3.get_bucket_acl(Bucket=legacy)
    owner = acl["Owner"]["ID"]
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"], "owner only"
    # HINT: replace the bucket's ACL: the owner (id `owner`) keeps full control, and S3's
    # HINT: log delivery group (uri LOG_DELIVERY) may write into the bucket.
    # BEGIN SOLUTION
    aws.s3.put_bucket_acl(
        Bucket=legacy, GrantFullControl=f'id="{owner}"', GrantWrite=f'uri="{LOG_DELIVERY}"'
    )
    # END SOLUTION
    grants = aws.s3.get_bucket_acl(Bucket=legacy)["Grants"]
    granted = {(g["Grantee"].get("URI") or g["Grantee"]["ID"], g["Permission"]) for g in grants}
    assert granted == {(owner, "FULL_CONTROL"), (LOG_DELIVERY, "WRITE")}
