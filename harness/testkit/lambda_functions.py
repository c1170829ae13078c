"""The ``functions`` fixture's object: Python Lambda functions from a handler's source.

The Lambda labs deploy many functions, and other topics put one behind
another service (an API, a log subscription, a custom resource, a secret's
rotation). Each needs an execution role that Lambda may assume, and a zip
holding ``app.py``. On moto the function really runs (``harness/lambda_runtime``);
where the backend has no Lambda, the first call skips the test.
"""

from __future__ import annotations

import textwrap

from harness.lambda_runtime import zip_package
from harness.testkit.iam import service_role


class Functions:
    """``functions.deploy(source)``: a new python3.12 function; ``functions.role``: its role.

    One execution role per test, made on first use; every function's name
    carries the test's unique prefix, so a backend that cannot be reset sweeps it.
    """

    def __init__(self, aws, unique_name) -> None:
        self._aws = aws
        self._unique_name = unique_name
        self._role: str | None = None
        self._count = 0

    @property
    def role(self) -> str:
        """The ARN of an execution role that Lambda may assume."""
        if self._role is None:
            # Lambda, and nobody else, may assume it.
            self._role = service_role(
                self._aws.iam, self._unique_name("lambda-role"), "lambda.amazonaws.com"
            )
        return self._role

    def deploy(self, source: str, stem: str = "fn", **config) -> dict:
        """Create a function whose ``app.py`` is ``source`` (dedented); CreateFunction's answer.

        The handler is ``app.handler`` unless ``Handler=`` says otherwise; any other
        keyword (``Timeout``, ``Environment``, ``Layers``...) goes to CreateFunction.
        """
        lambda_ = self._aws.lambda_  # first: skips the test where the backend has no Lambda
        self._count += 1
        arguments = {
            "FunctionName": self._unique_name(f"{stem}{self._count}"),
            "Runtime": "python3.12",
            "Role": self.role,
            "Handler": "app.handler",
            "Code": {"ZipFile": zip_package({"app.py": textwrap.dedent(source)})},
            **config,
        }
        return lambda_.create_function(**arguments)
