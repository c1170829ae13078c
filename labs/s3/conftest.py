"""Shared fixtures for the S3 labs: fresh buckets, and short ways to read an answer."""

import pytest
from botocore.exceptions import ClientError


@pytest.fixture
def bucket(make_bucket) -> str:
    """The name of a new, empty bucket with every setting at its default."""
    return make_bucket("bucket")


@pytest.fixture
def versioned_bucket(aws, make_bucket) -> str:
    """The name of a new bucket with versioning enabled."""
    name = make_bucket("versioned")
    aws.s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name


@pytest.fixture
def status_code():
    """``status_code(aws.s3.put_object, ...)`` -> the HTTP status S3 answered (200 if it worked)."""

    def status_code(call, **params) -> int:
        try:
            response = call(**params)
        except ClientError as error:
            return error.response["ResponseMetadata"]["HTTPStatusCode"]
        return response["ResponseMetadata"]["HTTPStatusCode"]

    return status_code


@pytest.fixture
def object_url(aws):
    """``object_url(bucket, key)``: the plain HTTP(S) address of an object, for clients
    without AWS credentials (a browser, curl, ``requests``)."""

    def object_url(bucket: str, key: str) -> str:
        if aws.endpoint_url:  # an emulator: path-style on its loopback address
            return f"{aws.endpoint_url}/{bucket}/{key}"
        return f"https://{bucket}.s3.{aws.region}.amazonaws.com/{key}"

    return object_url
