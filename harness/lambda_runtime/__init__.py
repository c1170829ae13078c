"""Runs Python Lambda handlers without Docker, plugged into moto.

- ``function``: ``FunctionSpec``, one function version, and unpacking its code and layers.
- ``environment``: ``ExecutionEnvironment``, one warm worker process.
- ``worker``: the process itself (standard library only): init, handler, context, logs.
- ``fork_server``: ``ForkServer``, the process that forks spare workers, the SDK imported.
- ``runtime``: ``LambdaRuntime``, the pool of workers and the Lambda-shaped results.
- ``moto_patch``: ``MotoLambdaRuntime``, the only code that touches moto's internals.

The moto backend installs it when moto imports its Lambda; see ``harness/backends/moto.py``.
"""

from __future__ import annotations

from harness.lambda_runtime.function import FunctionSpec, UnsupportedRuntime, zip_package
from harness.lambda_runtime.moto_patch import (
    MotoIncompatible,
    MotoLambdaRuntime,
    check_moto_version,
)
from harness.lambda_runtime.runtime import Invocation, LambdaRuntime

__all__ = [
    "FunctionSpec",
    "Invocation",
    "LambdaRuntime",
    "MotoIncompatible",
    "MotoLambdaRuntime",
    "UnsupportedRuntime",
    "check_moto_version",
    "zip_package",
]
