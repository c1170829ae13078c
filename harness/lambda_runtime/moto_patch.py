"""The runtime, plugged into moto: the one module that touches moto's internals.

moto (tested: 5.1.10 up to, not including, 5.3) ends every path that runs a
function in ``LambdaFunction._invoke_lambda(event) -> (payload, errored, logs)``:
``Invoke`` and ``InvokeAsync``, the SQS, Kinesis and DynamoDB Streams event
source mappings, S3 and SNS notifications, EventBridge targets. There it
starts a Docker container; with no Docker engine it returns "error running
docker". We replace that one method with ``LambdaRuntime.invoke``.

We also wrap ``LambdaFunction.invoke``, which labels every function error
"Handled": the error our runtime reports is an uncaught exception (or a
timeout, or a crash), which Lambda reports as ``FunctionError: Unhandled``.

Nothing else of moto's behaviour changes: what moto does not implement
(delivery to async destinations, weighted alias routing, throttling...) stays
unimplemented, and the labs mark it as an emulator gap.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any

from harness.lambda_runtime.function import FunctionSpec
from harness.lambda_runtime.runtime import LambdaRuntime

TESTED_MOTO = ((5, 1, 10), (5, 3))  # [from, to): keep in step with pyproject's pin


class MotoIncompatible(RuntimeError):
    """moto's Lambda internals are not what this module was written against."""


def check_moto_version() -> None:
    """Raise ``MotoIncompatible`` unless moto is a version this module was written against.

    Cheap (moto's Lambda is not imported): the moto backend asks at its start, so a
    wrong moto is told then, not at a function's first invoke.
    """
    import moto

    version = tuple(int(part) for part in moto.__version__.split(".")[:3] if part.isdigit())
    low, high = TESTED_MOTO
    if not low <= version < high:
        raise MotoIncompatible(
            f"harness.lambda_runtime was written against moto >= {'.'.join(map(str, low))}, "
            f"< {'.'.join(map(str, high))}; this is moto {moto.__version__}. Check that "
            "LambdaFunction._invoke_lambda and .invoke are unchanged, then widen TESTED_MOTO."
        )


def _moto_function_class() -> Any:  # moto ships no type information
    """moto's ``LambdaFunction``, after checking the version and the methods we replace."""
    import moto

    check_moto_version()
    from moto.awslambda.models import LambdaFunction

    expected = {
        "_invoke_lambda": ["self", "event"],
        "invoke": ["self", "body", "request_headers", "response_headers"],
    }
    for name, parameters in expected.items():
        method = getattr(LambdaFunction, name, None)
        found = list(inspect.signature(method).parameters) if method else None
        if found != parameters:
            raise MotoIncompatible(
                f"moto {moto.__version__}: LambdaFunction.{name} takes {found}, expected "
                f"{parameters}; harness/lambda_runtime/moto_patch.py needs updating"
            )
    return LambdaFunction


def spec_from_moto(function) -> FunctionSpec:
    """The runtime's view of moto's ``LambdaFunction`` (one version of a function)."""
    from moto.awslambda.utils import get_backend

    try:
        backend = get_backend(function.account_id, function.region)
        layers = []
        for layer in function.layers:
            layer_version = backend.layers_versions_by_arn(layer["Arn"])
            layers.append(layer_version.code_bytes if layer_version else b"")
        return FunctionSpec(
            name=function.function_name,
            version=str(function.version),
            arn=function.function_arn,
            region=function.region,
            runtime=function.run_time,
            handler=function.handler,
            timeout=int(function.timeout),
            memory_size=int(function.memory_size),
            environment=dict(function.environment_vars or {}),
            code=getattr(function, "code_bytes", b""),  # absent for container images
            layers=tuple(layers),
            package_type=function.package_type,
        )
    except AttributeError as error:
        raise MotoIncompatible(
            f"moto's LambdaFunction has changed ({error}); "
            "harness/lambda_runtime/moto_patch.py needs updating"
        ) from error


def log_sink_for(function):
    """Writes an invocation's log lines to moto's CloudWatch Logs, one event per line."""
    from moto.core.utils import unix_time_millis
    from moto.logs.exceptions import ResourceAlreadyExistsException

    def write(group: str, stream: str, lines: list[str]) -> None:
        logs = function.logs_backend
        logs.ensure_log_group(group)
        try:
            logs.create_log_stream(group, stream)
        except ResourceAlreadyExistsException:
            pass  # one stream per execution environment, written at every invoke
        now = int(unix_time_millis())
        events = [{"timestamp": now, "message": line} for line in lines if line]
        if events:
            logs.put_log_events(group, stream, events)

    return write


class MotoLambdaRuntime:
    """Installs a ``LambdaRuntime`` into moto's Lambda; ``uninstall()`` puts moto back.

    ``with MotoLambdaRuntime(endpoint_url) as patch: ...`` works without pytest.
    """

    def __init__(self, endpoint_url: str | None, runtime: LambdaRuntime | None = None) -> None:
        self.runtime = runtime or LambdaRuntime(endpoint_url)
        self._function_class: type | None = None
        self._originals: dict[str, object] = {}
        self._uninstalled = False

    def install(self) -> None:
        """Patch moto's Lambda (which this imports); nothing once ``uninstall`` has run."""
        if self._uninstalled:
            return
        function_class = _moto_function_class()
        if self._function_class is not None:
            return
        runtime = self.runtime
        original_invoke = function_class.invoke

        # The replacements keep moto's parameter names, so that a second runtime (a
        # nested test session) passes the same signature check and stacks on this one.
        def _invoke_lambda(self, event=None):
            # moto passes the string "{}" when the request had no payload; Lambda's event is {}.
            if event is None or event == "{}":
                event = {}
            invocation = runtime.invoke(spec_from_moto(self), event, log_sink_for(self))
            return invocation.payload, invocation.errored, invocation.log_tail

        # Named as moto's own (functools.wraps): a thread moto starts on it (a custom
        # resource's invoke) is still seen as moto's work (``works_for_moto``).
        @functools.wraps(original_invoke)
        def invoke(self, body, request_headers, response_headers):
            result = original_invoke(self, body, request_headers, response_headers)
            synchronous = request_headers.get("x-amz-invocation-type", "RequestResponse")
            if synchronous == "RequestResponse" and (
                response_headers.get("x-amz-function-error") == "Handled"
            ):
                response_headers["x-amz-function-error"] = "Unhandled"
            return result

        self._originals = {
            "_invoke_lambda": function_class.__dict__["_invoke_lambda"],
            "invoke": function_class.__dict__["invoke"],
        }
        function_class._invoke_lambda = _invoke_lambda
        function_class.invoke = invoke
        self._function_class = function_class

    def uninstall(self) -> None:
        """Put moto's methods back and stop every worker, for good."""
        self._uninstalled = True
        if self._function_class is not None:
            for name, method in self._originals.items():
                setattr(self._function_class, name, method)
            self._function_class = None
        self.runtime.close()

    def __enter__(self) -> MotoLambdaRuntime:
        self.install()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.uninstall()
