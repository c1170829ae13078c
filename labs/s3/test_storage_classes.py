"""S3 storage classes: pay less to store, more (or wait longer) to read.

Every object has a storage class, chosen per PUT (STANDARD when none is
given). Standard-IA and One Zone-IA cost less to keep and more per read; the
Glacier classes are for archives. Glacier Instant Retrieval still answers a
GET at once, but an object in Glacier Flexible Retrieval or Deep Archive is
offline: a GET is refused with InvalidObjectState until a RestoreObject job
has made a temporary copy readable, which takes minutes to hours.

Notes, "s3 > s3 storage classes".
"""

import pytest


@pytest.mark.claim("s3.storage-class-default", quote="standard", line=439)
def test_an_object_without_a_class_is_standard(aws, bucket):
    aws.s3.put_object(Bucket=bucket, Key="plain.txt", Body=b"...")
    listing = aws.s3.list_objects_v2(Bucket=bucket)["Contents"]
    # HINT: which storage class does the listing show for an object PUT without one?
    # BEGIN SOLUTION
    default_class = "STANDARD"
    # END SOLUTION
    assert listing[0]["StorageClass"] == default_class
    # HeadObject only sends x-amz-storage-class for classes other than STANDARD.
    assert "StorageClass" not in aws.s3.head_object(Bucket=bucket, Key="plain.txt")


@pytest.mark.claim("s3.storage-class-per-put", quote="standard-IA")
def test_a_put_chooses_the_storage_class(aws, bucket):
    # HINT: upload b"monthly report" as reports/2024-01.csv in Standard-Infrequent Access.
    # BEGIN SOLUTION
    aws.s3.put_object(
        Bucket=bucket, Key="reports/2024-01.csv", Body=b"monthly report", StorageClass="STANDARD_IA"
    )
    # END SOLUTION
    head = aws.s3.head_object(Bucket=bucket, Key="reports/2024-01.csv")
    assert head["StorageClass"] == "STANDARD_IA"
    assert aws.s3.list_objects_v2(Bucket=bucket)["Contents"][0]["StorageClass"] == "STANDARD_IA"


@pytest.mark.claim("s3.storage-class-archive-read", quote="instant retrieval")
def test_archived_objects_cannot_be_read_until_restored(aws, bucket, error_code):
    classes = ("GLACIER_IR", "GLACIER", "DEEP_ARCHIVE")
    for storage_class in classes:
        aws.s3.put_object(Bucket=bucket, Key=storage_class, Body=b"...", StorageClass=storage_class)
    # HINT: for each class, the error code of a GET right after the PUT (None if it is readable).
    # BEGIN SOLUTION
    expected = {
        "GLACIER_IR": None,
        "GLACIER": "InvalidObjectState",
        "DEEP_ARCHIVE": "InvalidObjectState",
    }
    # END SOLUTION
    answered = {c: error_code(aws.s3.get_object, Bucket=bucket, Key=c) for c in classes}
    assert answered == expected


@pytest.mark.claim(
    "s3.storage-class-restore",
    quote="flexible retrieval",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason='moto completes a restore at once (ongoing-request="false"); on AWS a Standard '
    "restore from Glacier Flexible Retrieval takes hours and the object stays unreadable",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason='LocalStack completes a restore from Glacier at once (ongoing-request="false"); on AWS '
    "a Standard restore takes hours",
)
def test_a_restore_takes_time(aws, bucket, error_code):
    aws.s3.put_object(Bucket=bucket, Key="2019.tar", Body=b"...", StorageClass="GLACIER")
    # HINT: ask S3 for a readable copy of 2019.tar for 1 day, with the Standard retrieval tier.
    # BEGIN SOLUTION
    aws.s3.restore_object(
        Bucket=bucket,
        Key="2019.tar",
        RestoreRequest={"Days": 1, "GlacierJobParameters": {"Tier": "Standard"}},
    )
    # END SOLUTION
    head = aws.s3.head_object(Bucket=bucket, Key="2019.tar")
    assert head["Restore"] == 'ongoing-request="true"'
    assert error_code(aws.s3.get_object, Bucket=bucket, Key="2019.tar") == "InvalidObjectState"


@pytest.mark.claim("s3.storage-class-one-zone-ia", quote="one zone-IA")
def test_one_zone_ia_is_read_at_once(aws, bucket, error_code):
    # HINT: upload b"thumbnail" as thumbs/cat.png in One Zone-Infrequent Access.
    # BEGIN SOLUTION
    aws.s3.put_object(
        Bucket=bucket, Key="thumbs/cat.png", Body=b"thumbnail", StorageClass="ONEZONE_IA"
    )
    # END SOLUTION
    assert aws.s3.head_object(Bucket=bucket, Key="thumbs/cat.png")["StorageClass"] == "ONEZONE_IA"
    assert aws.s3.get_object(Bucket=bucket, Key="thumbs/cat.png")["Body"].read() == b"thumbnail"


@pytest.mark.claim("s3.storage-class-intelligent-tiering", quote="intelligent-tiering")
def test_intelligent_tiering_is_chosen_per_put_and_read_at_once(aws, bucket):
    # HINT: upload b"clicks" as events/today.json in S3 Intelligent-Tiering.
    # BEGIN SOLUTION
    aws.s3.put_object(
        Bucket=bucket, Key="events/today.json", Body=b"clicks", StorageClass="INTELLIGENT_TIERING"
    )
    # END SOLUTION
    listing = aws.s3.list_objects_v2(Bucket=bucket)["Contents"]
    assert [(o["Key"], o["StorageClass"]) for o in listing] == [
        ("events/today.json", "INTELLIGENT_TIERING")
    ]
    assert aws.s3.get_object(Bucket=bucket, Key="events/today.json")["Body"].read() == b"clicks"


@pytest.mark.claim("s3.storage-class-deep-archive", quote="deep archive")
def test_deep_archive_is_offline_until_a_restore_is_asked(aws, bucket, error_code):
    aws.s3.put_object(Bucket=bucket, Key="2009.tar", Body=b"...", StorageClass="DEEP_ARCHIVE")
    head = aws.s3.head_object(Bucket=bucket, Key="2009.tar")
    assert head["StorageClass"] == "DEEP_ARCHIVE"
    assert "Restore" not in head, "no restore asked yet"
    assert error_code(aws.s3.get_object, Bucket=bucket, Key="2009.tar") == "InvalidObjectState"
    # HINT: ask for a readable copy of 2009.tar for 1 day, with the cheapest (Bulk) tier.
    # BEGIN SOLUTION
    aws.s3.restore_object(
        Bucket=bucket,
        Key="2009.tar",
        RestoreRequest={"Days": 1, "GlacierJobParameters": {"Tier": "Bulk"}},
    )
    # END SOLUTION
    restore = aws.s3.head_object(Bucket=bucket, Key="2009.tar")["Restore"]
    assert restore.startswith("ongoing-request=")
