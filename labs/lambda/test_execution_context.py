"""Execution context reuse: init once, then warm invocations.

Code outside the handler (module level) runs once, when Lambda creates an
execution environment: the place for SDK clients and connections. Lambda
then reuses that environment for later invocations, module variables and
``/tmp`` included, until it is retired. A new version gets a fresh one.

On this harness's runtime, ``/tmp`` is ``tempfile.gettempdir()``: one
private folder per execution environment (on Lambda that is ``/tmp``).

Notes, "lambda > lambda execution context" and "lambda > the /tmp directory".
"""

import pytest

COUNTING = """
    import os
    import tempfile

    import time

    # Init code runs once per execution environment: the place to open a database
    # connection or build an SDK client (this stands in for one).
    CONNECTION = {"opened_at": time.time()}
    INITS = {"count": 0}
    INITS["count"] += 1
    CALLS = 0

    def handler(event, context):
        global CALLS
        CALLS += 1
        cache = os.path.join(tempfile.gettempdir(), "cache.json")
        cached = os.path.exists(cache)
        with open(cache, "w") as file:
            file.write("{}")
        return {"inits": INITS["count"], "calls": CALLS, "cached": cached}
"""


@pytest.mark.claim(
    "lambda.context-reuse-init-once",
    quote="great for database connection, http clients or sdk client initialization",
)
def test_init_code_runs_once_for_many_invocations(deploy, invoke):
    function = deploy(COUNTING)
    results = [invoke(function) for _ in range(3)]
    # HINT: predict the "inits" and "calls" counters of the third, warm, invocation.
    # BEGIN SOLUTION
    inits, calls = 1, 3
    # END SOLUTION
    assert results[-1]["inits"] == inits
    assert results[-1]["calls"] == calls


@pytest.mark.claim(
    "lambda.tmp-survives-while-warm", quote="remain when execution context is frozen"
)
def test_tmp_survives_between_warm_invocations_only(aws, deploy, invoke):
    function = deploy(COUNTING)
    assert invoke(function)["cached"] is False  # a cold start: empty /tmp
    assert invoke(function)["cached"] is True  # warm: the file is still there
    # HINT: make the next invocation start in a NEW execution environment (any
    # configuration change retires the warm one).
    # BEGIN SOLUTION
    aws.lambda_.update_function_configuration(FunctionName=function, MemorySize=256)
    # END SOLUTION
    assert invoke(function) == {"inits": 1, "calls": 1, "cached": False}


@pytest.mark.claim(
    "lambda.context-kept-for-the-next-invocation",
    quote="will be maintained for some time for other lambda invocation (re-use)",
)
def test_the_next_invocation_reuses_the_environment(aws, deploy, invoke):
    function = deploy(COUNTING)
    invoke(function)
    second = invoke(function)
    version = aws.lambda_.publish_version(FunctionName=function)["Version"]
    first_of_version = invoke(f"{function}:{version}")
    # HINT: predict the "calls" counter of `second` (the environment of the first call,
    # HINT: kept?) and of `first_of_version` (a version runs in environments of its own).
    # BEGIN SOLUTION
    expected = (2, 1)
    # END SOLUTION
    assert (second["calls"], first_of_version["calls"]) == expected


@pytest.mark.claim(
    "lambda.tmp-belongs-to-the-environment", quote="the context includes the /tmp directory"
)
def test_tmp_is_private_to_its_execution_environment(deploy, invoke):
    first, other = deploy(COUNTING), deploy(COUNTING)
    assert invoke(first)["cached"] is False  # it writes /tmp/cache.json
    # HINT: predict "cached" for the next invocation of `first`, and for the first of
    # HINT: `other` (another function: other environments).
    # BEGIN SOLUTION
    expected = {"first, warm": True, "other": False}
    # END SOLUTION
    seen = {"first, warm": invoke(first)["cached"], "other": invoke(other)["cached"]}
    assert seen == expected
