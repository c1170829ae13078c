"""S3 byte-range fetches: read only the bytes you need, or many ranges at once.

A GET with an HTTP Range header ("bytes=4-7") returns just those bytes, with
status 206 Partial Content and a Content-Range header saying which part of
how much. A client can read a file's header without downloading the file, or
split a big download into ranges fetched in parallel and joined in order
(the way the SDK's transfer manager does). A range that starts past the end
is refused with 416 InvalidRange.

Notes, "s3 advanced > s3 performance > s3 byte-range fetches".
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

CONTENT = b"0123456789abcdef"


@pytest.fixture
def sixteen_bytes(aws, bucket) -> str:
    aws.s3.put_object(Bucket=bucket, Key="data.bin", Body=CONTENT)
    return "data.bin"


@pytest.mark.claim(
    "s3.byte-range-partial", quote="can be configured to only fetch part of the data"
)
def test_a_range_get_returns_only_those_bytes(aws, bucket, sixteen_bytes):
    # HINT: GET bytes 4 to 7 (inclusive) of data.bin.
    # BEGIN SOLUTION
    response = aws.s3.get_object(Bucket=bucket, Key=sixteen_bytes, Range="bytes=4-7")
    # END SOLUTION
    assert response["Body"].read() == b"4567"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 206
    assert response["ContentRange"] == "bytes 4-7/16"


@pytest.mark.claim(
    "s3.byte-range-past-end",
    beyond_notes="A range that starts past the last byte is refused (InvalidRange, 416); one "
    "that only ends past it is served up to the last byte.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html",
)
def test_a_range_past_the_end_is_refused(aws, bucket, sixteen_bytes, error_code):
    # HINT: what error code answers a range that starts after the last byte?
    # BEGIN SOLUTION
    expected_error = "InvalidRange"
    # END SOLUTION
    answer = error_code(aws.s3.get_object, Bucket=bucket, Key=sixteen_bytes, Range="bytes=100-199")
    assert answer == expected_error
    # A range that starts inside the object is served, cut at its last byte.
    tail = aws.s3.get_object(Bucket=bucket, Key=sixteen_bytes, Range="bytes=12-199")
    assert (tail["Body"].read(), tail["ContentRange"]) == (b"cdef", "bytes 12-15/16")


@pytest.mark.claim("s3.byte-range-parallel", quote="parallelize get requests")
def test_parallel_range_gets_reassemble_the_object(aws, bucket):
    original = bytes(range(256)) * 400  # 102,400 bytes
    aws.s3.put_object(Bucket=bucket, Key="big.bin", Body=original)
    chunk = 25_000
    # HINT: the Range header of each chunk-sized piece, in order: "bytes=0-24999", ...
    # HINT: (the last one may be shorter).
    # BEGIN SOLUTION
    ranges = [
        f"bytes={start}-{min(start + chunk, len(original)) - 1}"
        for start in range(0, len(original), chunk)
    ]
    # END SOLUTION

    def fetch(byte_range: str) -> bytes:
        return aws.s3.get_object(Bucket=bucket, Key="big.bin", Range=byte_range)["Body"].read()

    with ThreadPoolExecutor(max_workers=4) as pool:
        pieces = list(pool.map(fetch, ranges))
    assert len(pieces) == 5
    assert b"".join(pieces) == original
