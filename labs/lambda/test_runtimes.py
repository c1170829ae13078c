"""Runtimes: one function, one language, named when it is created.

A function's ``Runtime`` names its language and version (``python3.12``,
``nodejs22.x``, ``java21``...); Lambda refuses a runtime it no longer offers
(``python2.7``, retired in 2021, though still in the API's list of names).
On this harness only the Python functions run, but any supported runtime
can be created.

Notes, "lambda > benefits".
"""

import pytest

from harness.lambda_runtime import zip_package

RUNTIMES = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"


@pytest.mark.claim(
    "lambda.many-runtimes", quote="support multi programming languages", source=RUNTIMES
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a function with any Runtime; AWS refuses a retired one "
    "(InvalidParameterValueException)",
)
def test_a_function_is_written_in_one_of_the_offered_languages(aws, role, unique_name, error_code):
    code = {"ZipFile": zip_package({"app.py": "def handler(event, context):\n    return 1\n"})}

    made = []

    def create(runtime: str, handler: str) -> str | None:
        made.append(runtime)
        create_function = aws.lambda_.create_function
        return error_code(
            create_function,
            FunctionName=unique_name(f"polyglot{len(made)}"),
            Runtime=runtime,
            Role=role,
            Handler=handler,
            Code=code,
        )

    offered = None
    # HINT: three runtimes Lambda offers today, each with its handler:
    # HINT: [(runtime, handler), ...] for Python, Node.js and Java.
    # BEGIN SOLUTION
    offered = [
        ("python3.12", "app.handler"),
        ("nodejs22.x", "index.handler"),
        ("java21", "example.Handler::handleRequest"),
    ]
    # END SOLUTION
    assert [create(runtime, handler) for runtime, handler in offered] == [None] * 3
    retired = create("python2.7", "app.handler")  # still in the API's list, no longer offered
    assert retired == "InvalidParameterValueException"
