"""Deployment packages: code sent inline as a .zip or through S3, and what goes in it.

``Code.ZipFile`` uploads the package in the CreateFunction call itself: up
to 50 MB zipped (``GetAccountSettings`` reports it: ``CodeSizeZipped``).
Bigger packages go through S3 (``S3Bucket``/``S3Key``: Lambda reads the
object, and refuses a location that is not there), up to 250 MB unzipped
(262,144,000 bytes, the function and its layers together), or become a
container image. (moto has no ``GetAccountSettings``: the 50 MB test stops
there, before sending 50 MB, which would cost ~3 s of every run.)

What to put in the package: your code and its libraries, but not the AWS
SDK: the Python runtime has boto3 already. A module that is neither bundled
nor in the runtime fails the invocation (``Runtime.ImportModuleError``).

Notes, "lambda > aws lambda limits to know - per region", "lambda and cloudformation",
"function dependencies".
"""

import io
import itertools
import json
import zipfile
import zlib

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


@pytest.mark.claim("lambda.package-from-s3", quote="through s3: must specify the s3 zip location")
def test_a_package_in_s3_is_named_by_bucket_and_key(
    aws, role, unique_name, make_bucket, invoke, error_code
):
    bucket = make_bucket("packages")
    aws.s3.put_object(Bucket=bucket, Key="release-1.zip", Body=package(0))
    create = aws.lambda_.create_function
    config = {"Runtime": "python3.12", "Role": role, "Handler": "app.handler"}
    name = unique_name("from-s3")
    # HINT: create the function `name` (with **config) from the package uploaded above.
    # BEGIN SOLUTION
    create(FunctionName=name, Code={"S3Bucket": bucket, "S3Key": "release-1.zip"}, **config)
    # END SOLUTION
    assert invoke(name) == "small and quick"
    missing = {"S3Bucket": unique_name("never-made"), "S3Key": "release-1.zip"}
    refused = error_code(create, FunctionName=unique_name("missing"), Code=missing, **config)
    assert refused == "InvalidParameterValueException"


def zeros_package(megabytes: int) -> bytes:
    """A .zip of ``app.py`` and ``megabytes`` files of 1 MiB of zeros each, small
    zipped: the one compressed megabyte is made once and stored in every file."""
    megabyte = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressor.compress(megabyte) + compressor.flush()
    crc = zlib.crc32(megabyte)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("app.py", HANDLER)
        for number in range(megabytes):
            # zipfile compresses what it is given; these bytes are compressed already.
            info = zipfile.ZipInfo(f"data/{number:03}.bin", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.CRC, info.compress_size, info.file_size = crc, len(deflated), len(megabyte)
            info.header_offset = archive.fp.tell()
            archive.fp.write(info.FileHeader(zip64=False))
            archive.fp.write(deflated)
            archive.start_dir = archive.fp.tell()
            archive.filelist.append(info)
            archive.NameToInfo[info.filename] = info
    return buffer.getvalue()


@pytest.mark.claim(
    "lambda.unzipped-250-mb",
    quote="uncompressed: 250mb",
    source="https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts a package of any unzipped size; AWS refuses more than 250 MB"
)
def test_a_package_over_250_mb_unzipped_is_refused(deploy_package, error_code):
    # HINT: how many megabytes (MiB) of files may the package hold, unzipped, at most?
    # BEGIN SOLUTION
    most = 250
    # END SOLUTION
    # app.py takes a few bytes: one megabyte less fits, the limit itself does not.
    assert deploy_package(zeros_package(most - 1))
    assert error_code(deploy_package, zeros_package(most)) == "InvalidParameterValueException"


@pytest.mark.claim(
    "lambda.zipped-50-mb",
    quote="zip: 50mb",
    source="https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no GetAccountSettings and takes an inline .zip of any size; AWS reports "
    "CodeSizeZipped 52,428,800 bytes (50 MB) and refuses a bigger upload "
    "(RequestEntityTooLargeException)",
)
def test_an_inline_zip_holds_at_most_50_mb(aws, deploy_package, error_code):
    # HINT: predict AccountLimit.CodeSizeZipped, in bytes: the largest .zip that
    # HINT: CreateFunction takes inline (Code.ZipFile).
    # BEGIN SOLUTION
    expected = 50 * 1024 * 1024
    # END SOLUTION
    limit = aws.lambda_.get_account_settings()["AccountLimit"]["CodeSizeZipped"]
    assert limit == expected
    # Then both sides, where the limit was read (the uploads take seconds): the request
    # carries the .zip in base64, so the last megabytes below the limit are left out.
    assert deploy_package(package(limit - (2 << 20)))
    too_big = error_code(deploy_package, package(limit + (1 << 20)))
    assert too_big == "RequestEntityTooLargeException"


@pytest.fixture
def deploy_package(aws, role, unique_name):
    """``deploy_package(zip_bytes)``: create a new function from that package; its name."""
    numbers = itertools.count(1)

    def deploy_package(zip_bytes: bytes) -> str:
        name = unique_name(f"big{next(numbers)}")  # a name of its own: no name conflict
        aws.lambda_.create_function(
            FunctionName=name,
            Runtime="python3.12",
            Role=role,
            Handler="app.handler",
            Code={"ZipFile": zip_bytes},
        )
        return name

    return deploy_package


@pytest.mark.claim(
    "lambda.sdk-in-the-runtime",
    quote="the aws sdk comes by default for every lambda invocation",
    source="https://docs.aws.amazon.com/lambda/latest/dg/lambda-python.html",
)
def test_the_runtime_has_the_sdk_but_not_other_libraries(deploy, aws):
    # HINT: the name of the module a Python handler imports to call AWS (the SDK).
    # BEGIN SOLUTION
    sdk = "boto3"
    # END SOLUTION
    uses_the_sdk = deploy(f"import {sdk}\n\ndef handler(event, context):\n    return 'imported'\n")
    assert invoke_answer(aws, uses_the_sdk) == (None, "imported"), "nothing bundled but app.py"
    unbundled = deploy("import left_out\n\ndef handler(event, context):\n    return 'never'\n")
    error, answer = invoke_answer(aws, unbundled)
    assert (error, answer["errorType"]) == ("Unhandled", "Runtime.ImportModuleError")


def invoke_answer(aws, function: str) -> tuple[str | None, object]:
    """``(FunctionError or None, decoded payload)`` of a synchronous invoke."""
    response = aws.lambda_.invoke(FunctionName=function, Payload=b"{}")
    return response.get("FunctionError"), json.loads(response["Payload"].read())
