"""The /tmp directory: scratch disk for one execution environment.

Every function gets a ``/tmp`` directory (ephemeral storage) for the files it
downloads or builds while it runs: 512 MB unless configured otherwise, and up
to 10,240 MB (10 GB). Lambda refuses a size one megabyte past that (botocore's
own model allows up to 32,768 MB, for functions with an accelerator, so the
refusal comes from Lambda: InvalidParameterValueException, as for a memory
size past 10,240 MB).

Notes, "lambda > the /tmp directory".
"""

import pytest

SOURCE = """
    def handler(event, context):
        return "ok"
"""


@pytest.mark.claim(
    "lambda.tmp-up-to-10-gb",
    quote="max size 10gb",
    source="https://docs.aws.amazon.com/lambda/latest/api/API_EphemeralStorage.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses 10,241 MB with ValidationException (the API model's limit before "
    "accelerators raised it to 32,768); AWS with InvalidParameterValueException",
)
def test_tmp_takes_512_mb_by_default_and_up_to_10_gb(deploy, settled, error_code):
    function = deploy(SOURCE)
    assert settled(function)["EphemeralStorage"] == {"Size": 512}, "the default"
    # HINT: the largest /tmp a function may have, in the unit the API takes (MB).
    # BEGIN SOLUTION
    largest = 10 * 1024
    # END SOLUTION
    biggest = deploy(SOURCE, EphemeralStorage={"Size": largest})
    assert settled(biggest)["EphemeralStorage"] == {"Size": 10240}
    refused = error_code(deploy, SOURCE, EphemeralStorage={"Size": largest + 1})
    assert refused == "InvalidParameterValueException"
