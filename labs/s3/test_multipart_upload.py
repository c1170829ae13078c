"""S3 multipart upload: a big object sent as parts, assembled at the end.

A single PUT carries at most 5 GB, so bigger objects (and, in practice,
anything over about 100 MB) go in parts: CreateMultipartUpload gives an
upload id, each UploadPart sends 5 MiB to 5 GiB (numbered 1 to 10,000, in
any order, in parallel, retried one by one), and CompleteMultipartUpload
stitches them together. Only the last part may be smaller than 5 MiB; S3
checks that at completion. Until it is completed or aborted, an upload
keeps its parts (and bills them): list them, and abort the ones you gave up on.

Notes, "s3 > objects" and "s3 advanced > s3 performance".
"""

import pytest

MiB = 1024 * 1024
MULTIPART_LIMITS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html"
MULTIPART = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html"


def upload_parts(aws, bucket: str, key: str, sizes: list[int]) -> tuple[str, list[dict]]:
    """Start an upload of ``key`` and send one part per size; return the upload id and parts."""
    upload_id = aws.s3.create_multipart_upload(Bucket=bucket, Key=key)["UploadId"]
    parts = []
    for number, size in enumerate(sizes, start=1):
        etag = aws.s3.upload_part(
            Bucket=bucket,
            Key=key,
            UploadId=upload_id,
            PartNumber=number,
            Body=bytes([number]) * size,
        )["ETag"]
        parts.append({"PartNumber": number, "ETag": etag})
    return upload_id, parts


@pytest.mark.claim(
    "s3.multipart-minimum-part",
    beyond_notes="A part other than the last must hold at least 5 MiB: one byte less is "
    "refused when the upload is completed (EntityTooSmall).",
    source=MULTIPART_LIMITS,
)
def test_parts_below_5_mib_are_refused_at_completion(aws, bucket, error_code):
    # The first part is one byte short of 5 MiB (5 MiB exactly is taken: see the next test).
    upload_id, parts = upload_parts(aws, bucket, "video.mp4", [5 * MiB - 1, 1])
    # HINT: both parts were accepted one by one; what does CompleteMultipartUpload answer?
    # BEGIN SOLUTION
    expected_error = "EntityTooSmall"
    # END SOLUTION
    answer = error_code(
        aws.s3.complete_multipart_upload,
        Bucket=bucket,
        Key="video.mp4",
        UploadId=upload_id,
        MultipartUpload={"Parts": parts},
    )
    assert answer == expected_error


@pytest.mark.claim(
    "s3.multipart-complete",
    beyond_notes="Parts of 5 MiB and a smaller last part are assembled into one object, whose "
    "ETag ends with the part count.",
    source=MULTIPART,
)
def test_only_the_last_part_may_be_small(aws, bucket):
    upload_id, parts = upload_parts(aws, bucket, "video.mp4", [5 * MiB, 1])
    # HINT: complete the upload with its two parts.
    # BEGIN SOLUTION
    aws.s3.complete_multipart_upload(
        Bucket=bucket, Key="video.mp4", UploadId=upload_id, MultipartUpload={"Parts": parts}
    )
    # END SOLUTION
    head = aws.s3.head_object(Bucket=bucket, Key="video.mp4")
    assert head["ContentLength"] == 5 * MiB + 1
    assert head["ETag"].strip('"').endswith("-2"), "a multipart ETag ends with the part count"


@pytest.mark.claim(
    "s3.multipart-abort",
    beyond_notes="An upload that is neither completed nor aborted stays listed with its parts; "
    "aborting it removes them.",
    source=MULTIPART,
)
def test_an_unfinished_upload_is_listed_until_aborted(aws, bucket, error_code):
    upload_id, _ = upload_parts(aws, bucket, "backup.tar", [1 * MiB])
    in_progress = aws.s3.list_multipart_uploads(Bucket=bucket)["Uploads"]
    assert [(u["Key"], u["UploadId"]) for u in in_progress] == [("backup.tar", upload_id)]
    listed = aws.s3.list_parts(Bucket=bucket, Key="backup.tar", UploadId=upload_id)["Parts"]
    assert [(p["PartNumber"], p["Size"]) for p in listed] == [(1, MiB)]
    # HINT: give up on this upload, so that S3 deletes its parts.
    # BEGIN SOLUTION
    aws.s3.abort_multipart_upload(Bucket=bucket, Key="backup.tar", UploadId=upload_id)
    # END SOLUTION
    assert aws.s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []
    assert error_code(aws.s3.head_object, Bucket=bucket, Key="backup.tar") == "404"
