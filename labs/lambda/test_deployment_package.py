"""Deployment packages: code sent inline as a .zip, and its size limit.

``Code.ZipFile`` uploads the package in the CreateFunction call itself: up
to 50 MB zipped. Bigger packages go through S3 (``S3Bucket``/``S3Key``), up
to 250 MB unzipped, or become a container image. (The 50 MB limit has no
test: moto accepts any size, and sending 50 MB costs ~3 s of every run.)

Notes, "lambda > aws lambda limits to know - per region".
"""

import io
import zipfile

import pytest

HANDLER = "def handler(event, context):\n    return 'small and quick'\n"


def package(padding: int) -> bytes:
    """A .zip holding the handler and ``padding`` bytes stored uncompressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("app.py", HANDLER)
        archive.writestr("data.bin", bytes(padding))
    return buffer.getvalue()


@pytest.mark.claim("lambda.inline-zip-deploys", quote="inline: use Code.ZipFile")
def test_an_inline_zip_deploys_and_runs(aws, role, unique_name, invoke):
    name = unique_name("inline")
    # HINT: create the function with its package given inline (package(0)), handler app.handler.
    # BEGIN SOLUTION
    aws.lambda_.create_function(
        FunctionName=name,
        Runtime="python3.12",
        Role=role,
        Handler="app.handler",
        Code={"ZipFile": package(0)},
    )
    # END SOLUTION
    assert invoke(name) == "small and quick"
